#!/usr/bin/env bash
# Regenerates the 2010 catalog (src/api/v2010/generated and tests/contract/operations.rs), and the
# operation examples/printed/ holds, from Twilio's description and the overlay in
# codegen/overlay/api_v2010. With --check, writes nothing and fails
# listing the files that differ from what the generator writes.
#
# The description is read from $TWILIO_OAI_SPEC, else ../shared/twilio-oai/twilio_api_v2010.json beside
# the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."

spec="${TWILIO_OAI_SPEC:-../shared/twilio-oai/twilio_api_v2010.json}"
if [[ ! -f "$spec" ]]; then
    echo "regen: no description at $spec (set TWILIO_OAI_SPEC)" >&2
    exit 2
fi
args=(catalog --spec "$spec" --overlay codegen/overlay/api_v2010 --out src/api/v2010/generated
    --tests tests/contract/operations.rs)
if [[ "${1:-}" == "--check" ]]; then
    args+=(--check)
elif [[ $# -gt 0 ]]; then
    echo "usage: scripts/regen.sh [--check]" >&2
    exit 2
fi
cargo run --quiet -p twilio-endpoint-gen -- "${args[@]}"

# The operation examples/printed_operation.rs uses as printed: one application-code struct, which must
# stay exactly what the generator prints.
printed=examples/printed/create_queue.rs
expected=$(cargo run --quiet -p twilio-endpoint-gen -- operation --spec "$spec" CreateQueue \
    --overlay codegen/overlay/api_v2010)
if [[ "${1:-}" == "--check" ]]; then
    if [[ "$expected" != "$(cat "$printed")" ]]; then
        echo "regen: $printed differs from what the generator prints (run scripts/regen.sh)" >&2
        exit 1
    fi
else
    printf '%s\n' "$expected" >"$printed"
fi
