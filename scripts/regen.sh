#!/usr/bin/env bash
# Regenerates the generated catalogs from Twilio's descriptions and the overlays in codegen/overlay:
# the 2010 API (src/api/v2010/generated, tests/contract/operations.rs), Verify v2 (src/api/verify/v2),
# Lookups v2 (src/api/lookups/v2) and Messaging v1 (src/api/messaging/v1), each product with its test
# registry (tests/contract/operations_<product>.rs); and the operation examples/printed/ holds, as
# `twilio-endpoint-gen operation` prints it. With --check, writes nothing and fails listing the files
# that differ from what the generator writes.
#
# The 2010 description is read from $TWILIO_OAI_SPEC, else ../shared/twilio-oai/twilio_api_v2010.json
# beside the checkout, else the pinned npm package. The other products' descriptions come from the
# pinned npm package `@twilio-alpha/mcp` (scripts/contract/package-lock.json), installed into
# scripts/contract/node_modules when missing (needs Node.js and npm).
set -euo pipefail
cd "$(dirname "$0")/.."

check=()
if [[ "${1:-}" == "--check" ]]; then
    check=(--check)
elif [[ $# -gt 0 ]]; then
    echo "usage: scripts/regen.sh [--check]" >&2
    exit 2
fi

specs=scripts/contract/node_modules/@twilio-alpha/mcp/twilio-oai/spec/json
if [[ ! -f "$specs/twilio_verify_v2.json" ]]; then
    echo "== installing Twilio's descriptions (npm ci in scripts/contract)" >&2
    npm ci --prefix scripts/contract --no-audit --no-fund --ignore-scripts --loglevel=error >&2
fi

spec="${TWILIO_OAI_SPEC:-../shared/twilio-oai/twilio_api_v2010.json}"
if [[ ! -f "$spec" ]]; then
    spec="$specs/twilio_api_v2010.json"
fi

cargo build --quiet -p twilio-endpoint-gen
gen=target/debug/twilio-endpoint-gen
status=0
"$gen" catalog --spec "$spec" --overlay codegen/overlay/api_v2010 --out src/api/v2010/generated \
    --tests tests/contract/operations.rs "${check[@]}" || status=1
for product in verify_v2 lookups_v2 messaging_v1; do
    name=${product%_*}
    version=${product#*_}
    "$gen" catalog --spec "$specs/twilio_$product.json" --overlay "codegen/overlay/$product" \
        --out "src/api/$name/$version" --tests "tests/contract/operations_$name.rs" "${check[@]}" || status=1
done

# The operation examples/printed_operation.rs uses as printed: one application-code struct, which must
# stay exactly what the generator prints.
printed=examples/printed/create_queue.rs
expected=$("$gen" operation --spec "$spec" CreateQueue --overlay codegen/overlay/api_v2010)
if ((${#check[@]})); then
    if [[ "$expected" != "$(cat "$printed")" ]]; then
        echo "regen: $printed differs from what the generator prints (run scripts/regen.sh)" >&2
        status=1
    fi
else
    printf '%s\n' "$expected" >"$printed"
fi
exit $status
