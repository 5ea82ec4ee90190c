#!/usr/bin/env bash
# Proves that tests/fixtures/sdk_wire.json is what Twilio's official Python SDK sends: installs the
# pinned SDK in a virtual environment (target/sdk-venv, kept between runs), runs scripts/sdk_wire.py,
# which sends every scenario through the SDK's own HTTP client to a capture server on 127.0.0.1, and
# fails with a diff when the requests differ from the committed fixture. tests/sdk_wire.rs then sends
# the same scenarios with this crate and compares them with the fixture.
# Needs python3 with the venv module, and PyPI for the first run.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/sdk-venv.sh
out=target/sdk_wire.json

echo "== the SDK's requests (scripts/sdk_wire.py > $out)"
"$venv/bin/python" scripts/sdk_wire.py >"$out"

if ! diff -u tests/fixtures/sdk_wire.json "$out"; then
    echo "== the SDK sends what $out holds, not what tests/fixtures/sdk_wire.json says (diff above)."
    echo "   If the scenarios changed on purpose: cp $out tests/fixtures/sdk_wire.json"
    exit 1
fi
echo "== tests/fixtures/sdk_wire.json is what twilio 9.13.0 sends ($(grep -c '"method"' "$out") scenarios)"
