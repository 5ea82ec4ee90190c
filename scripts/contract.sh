#!/usr/bin/env bash
# Contract tests: sends every catalog operation, in several variants, to Prism serving Twilio's
# official OpenAPI descriptions (from the pinned npm package @twilio-alpha/mcp), which rejects any
# request that does not match them. Needs Node.js and npm; installs what it needs in
# scripts/contract/node_modules, starts one Prism per description, each on its own free port of
# 127.0.0.1, and stops them all however the tests end.
#
# The tests get each Prism's URL from a variable of its own:
#   TWILIO_CONTRACT_URL            the 2010 API (twilio_api_v2010.json)
#   TWILIO_CONTRACT_URL_VERIFY     Verify v2 (twilio_verify_v2.json)
#   TWILIO_CONTRACT_URL_LOOKUPS    Lookups v2 (twilio_lookups_v2.json)
#   TWILIO_CONTRACT_URL_MESSAGING  Messaging v1 (twilio_messaging_v1.json)
# Each Prism logs to target/contract-prism-<product>.log.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=scripts/contract
specs=$dir/node_modules/@twilio-alpha/mcp/twilio-oai/spec/json
mkdir -p target

# product, description, variable
products=(
    "api_v2010 twilio_api_v2010.json TWILIO_CONTRACT_URL"
    "verify_v2 twilio_verify_v2.json TWILIO_CONTRACT_URL_VERIFY"
    "lookups_v2 twilio_lookups_v2.json TWILIO_CONTRACT_URL_LOOKUPS"
    "messaging_v1 twilio_messaging_v1.json TWILIO_CONTRACT_URL_MESSAGING"
)

missing=false
for entry in "${products[@]}"; do
    read -r _ spec _ <<<"$entry"
    [ -f "$specs/$spec" ] || missing=true
done
if [ ! -x "$dir/node_modules/.bin/prism" ] || $missing; then
    echo "== installing Prism and the descriptions (npm ci in $dir)"
    npm ci --prefix "$dir" --no-audit --no-fund --ignore-scripts --loglevel=error
fi

pids=()
stop() {
    for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT

# One free port per description, all held open at once while they are chosen so that none repeats.
read -r -a ports <<<"$(python3 -c '
import socket, sys
sockets = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in sockets: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in sockets))' "${#products[@]}")"

urls=()
logs=()
for index in "${!products[@]}"; do
    read -r product spec variable <<<"${products[$index]}"
    port=${ports[$index]}
    log=target/contract-prism-$product.log
    echo "== starting Prism for $product on 127.0.0.1:$port"
    # Its own process group, so that stopping it also stops whatever it started.
    setsid "$dir/node_modules/.bin/prism" mock --host 127.0.0.1 --port "$port" "$specs/$spec" >"$log" 2>&1 &
    pids+=("$!")
    urls+=("$variable=http://127.0.0.1:$port")
    logs+=("$log")
done

# Prism binds its port only once it has read the description: wait for each to answer.
for index in "${!pids[@]}"; do
    url=${urls[$index]#*=}
    for _ in $(seq 1 120); do
        if curl -s -o /dev/null "$url/"; then break; fi
        if ! kill -0 "${pids[$index]}" 2>/dev/null; then echo "Prism exited:"; cat "${logs[$index]}"; exit 1; fi
        sleep 0.5
    done
    curl -s -o /dev/null "$url/" || { echo "Prism did not answer within 60 s:"; cat "${logs[$index]}"; exit 1; }
done

echo "== contract tests"
if ! env "${urls[@]}" cargo test -p twilio-endpoint --test contract -- --nocapture; then
    for log in "${logs[@]}"; do
        echo "== what Prism rejected (from $log)"
        grep -E "✖|error" "$log" | tail -100 || true
    done
    exit 1
fi
