#!/usr/bin/env bash
# Contract tests: sends every catalog operation, in several variants, to Prism serving Twilio's
# official OpenAPI description (from the pinned npm package @twilio-alpha/mcp), which rejects any
# request that does not match it. Needs Node.js and npm; installs what it needs in
# scripts/contract/node_modules, starts Prism on 127.0.0.1, and stops it however the tests end.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=scripts/contract
spec=$dir/node_modules/@twilio-alpha/mcp/twilio-oai/spec/json/twilio_api_v2010.json
log=target/contract-prism.log
mkdir -p target

if [ ! -x "$dir/node_modules/.bin/prism" ] || [ ! -f "$spec" ]; then
    echo "== installing Prism and the description (npm ci in $dir)"
    npm ci --prefix "$dir" --no-audit --no-fund --ignore-scripts --loglevel=error
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "== starting Prism on 127.0.0.1:$port"
# Its own process group, so that stopping it also stops whatever it started.
setsid "$dir/node_modules/.bin/prism" mock --host 127.0.0.1 --port "$port" "$spec" >"$log" 2>&1 &
prism=$!
stop() { kill -- "-$prism" 2>/dev/null || true; wait "$prism" 2>/dev/null || true; }
trap stop EXIT

for _ in $(seq 1 120); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then break; fi
    if ! kill -0 "$prism" 2>/dev/null; then echo "Prism exited:"; cat "$log"; exit 1; fi
    sleep 0.5
done
curl -s -o /dev/null "http://127.0.0.1:$port/" || { echo "Prism did not answer within 60 s:"; cat "$log"; exit 1; }

echo "== contract tests"
if ! TWILIO_CONTRACT_URL="http://127.0.0.1:$port" cargo test -p twilio-endpoint --test contract -- --nocapture; then
    echo "== what Prism rejected (from $log)"
    grep -E "✖|error" "$log" | tail -100 || true
    exit 1
fi
