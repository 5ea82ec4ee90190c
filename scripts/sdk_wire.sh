#!/usr/bin/env bash
# Proves that tests/fixtures/sdk_wire.json, tests/fixtures/sdk_wire_catalog.json and
# tests/fixtures/sdk_wire_products.json (Verify, Lookups, Messaging) are what Twilio's
# official Python SDK sends: installs the pinned SDK in a virtual environment (target/sdk-venv, kept
# between runs), runs scripts/sdk_wire.py and scripts/sdk_wire_catalog.py, which send every scenario
# through the SDK's own HTTP client to a capture server on 127.0.0.1, and fails with a diff when the
# requests differ from the committed fixture. tests/sdk_wire.rs, tests/sdk_wire_catalog.rs and
# tests/sdk_wire_products.rs then
# build the same requests with this crate and compare them with the fixtures.
# Needs python3 with the venv module, and PyPI for the first run.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/sdk-venv.sh
# Each script with its fixture: the hand-written operations (tests/sdk_wire.rs) and the generated
# catalog (tests/sdk_wire_catalog.rs), the other products (tests/sdk_wire_products.rs).
for name in sdk_wire sdk_wire_catalog sdk_wire_products; do
    out=target/$name.json
    fixture=tests/fixtures/$name.json

    echo "== the SDK's requests (scripts/$name.py > $out)"
    "$venv/bin/python" scripts/$name.py >"$out"

    if ! diff -u "$fixture" "$out"; then
        echo "== the SDK sends what $out holds, not what $fixture says (diff above)."
        echo "   If the scenarios changed on purpose: cp $out $fixture"
        exit 1
    fi
    echo "== $fixture is what twilio 9.13.0 sends ($(grep -c '"method"' "$out") scenarios)"
done
