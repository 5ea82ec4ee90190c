#!/usr/bin/env bash
# Checks the facade with no catalog family, with each family of the generated 2010 catalog alone, with
# all of them (`v2010`), and with each other product (`verify-v2`, `lookups-v2`, `messaging-v1`): each
# must compile without a warning, so that an application enabling one family gets a clean build.
set -euo pipefail
cd "$(dirname "$0")/.."

families=$(sed -n 's/^#\[cfg(feature = "\(v2010-[a-z-]*\)")\]$/\1/p' src/api/v2010/generated/mod.rs | sort -u)
failed=()
for features in "" $families v2010 verify-v2 lookups-v2 messaging-v1 http2; do
    echo "== cargo check -p twilio-endpoint --features '${features}'"
    if ! output=$(cargo check -q -p twilio-endpoint --no-default-features --features "tls-ring ${features}" 2>&1) \
        || grep -q '^warning' <<<"$output"; then
        echo "$output"
        failed+=("${features:-<none>}")
    fi
done
if ((${#failed[@]})); then
    echo "failed: ${failed[*]}" >&2
    exit 1
fi
echo "every feature set checks cleanly"
