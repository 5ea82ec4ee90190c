#!/usr/bin/env bash
# Compares the verdicts of `WebhookValidator` with those of Twilio's official Python SDK on random
# webhook requests: scripts/webhook_differential.py draws them (a fixed seed, then a fresh one, which it
# prints) and records the verdict of twilio 9.13.0's `RequestValidator` for each; tests/
# webhook_differential.rs checks every one with this crate and prints `agreement: N/N (P%)`. Exits
# non-zero on any disagreement, showing the first few cases.
#
# The SDK parses URLs with CPython's `urllib.parse`, whose rules moved a little between releases
# (brackets, stripped characters); the port in this crate follows CPython 3.11, the one printed below.
# Usage: scripts/webhook_differential.sh
# Environment: WEBHOOK_DIFFERENTIAL_COUNT (cases per seed, default 10000), WEBHOOK_DIFFERENTIAL_SEED
# (the second seed, to replay a run). Needs python3 with the venv module, and PyPI for the first run.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s%N)

source scripts/sdk-venv.sh
cases=target/webhook_differential.jsonl

echo "== the SDK's verdicts ($("$venv/bin/python" --version), scripts/webhook_differential.py > $cases)"
"$venv/bin/python" scripts/webhook_differential.py "$cases" "${WEBHOOK_DIFFERENTIAL_COUNT:-10000}" \
    "${WEBHOOK_DIFFERENTIAL_SEED:-}"

echo "== this crate's verdicts (tests/webhook_differential.rs)"
WEBHOOK_DIFFERENTIAL_CASES="$PWD/$cases" cargo test --quiet --test webhook_differential -- --nocapture

elapsed_ms=$((($(date +%s%N) - started) / 1000000))
printf '== done in %d.%03ds\n' $((elapsed_ms / 1000)) $((elapsed_ms % 1000))
