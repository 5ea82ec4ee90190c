#!/usr/bin/env bash
# Coverage-guided fuzzing of the targets in fuzz/ with libFuzzer (the libfuzzer-sys crate, which
# compiles libFuzzer with the system's C++ compiler), on the pinned stable toolchain: the coverage
# instrumentation cargo-fuzz asks rustc for (`-Cpasses=sancov-module` and its `-Cllvm-args`) is made of
# stable flags, so neither nightly nor cargo-fuzz is needed. Overflow checks and debug assertions are on.
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#   SECONDS_PER_TARGET  default 20; targets: reply form form_decode retry_after path signature (default: all)
# Environment:
#   FUZZ_ARGS   more libFuzzer options, e.g. "-jobs=4 -workers=4" or "-max_len=65536"
#   FUZZ_ASAN=1 also build with AddressSanitizer (an unstable rustc flag, enabled on stable with
#               RUSTC_BOOTSTRAP=1; the runtime has no `unsafe` code, so it only watches dependencies)
#
# Longer runs: scripts/fuzz.sh 3600 reply   (one hour), or FUZZ_ARGS="-jobs=8 -workers=8" for parallel
# runs. The corpus grows in fuzz/corpus/TARGET and is reused by the next run; crashing inputs go to
# fuzz/artifacts/TARGET/. Replay one with: fuzz/target/<host>/release/TARGET fuzz/artifacts/TARGET/crash-…
# With cargo-fuzz installed, `cargo fuzz run TARGET` (in fuzz/) works on the same crate.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-20}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(reply form form_decode retry_after path signature)

host=$(rustc -vV | sed -n 's/^host: //p')
flags="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4"
flags+=" -Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table"
flags+=" -Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing"
target_dir=fuzz/target
if [ "${FUZZ_ASAN:-0}" = 1 ]; then
    export RUSTC_BOOTSTRAP=1
    flags+=" -Zsanitizer=address"
    target_dir=fuzz/target/asan
fi

echo "== building the fuzz targets ($(rustc --version))"
# `--target` keeps the instrumentation out of build scripts and proc macros, which are not linked
# with libFuzzer.
RUSTFLAGS="$flags" cargo build --manifest-path fuzz/Cargo.toml --release --target "$host" \
    --target-dir "$target_dir" --bins

# The embedded mock's replies (the description's examples) to start the reply target from, each under
# the 2xx status that makes the target decode it as its operation's response (see its doc comment).
mkdir -p fuzz/corpus/reply
for example in src/mock/examples/*.json; do
    operation=$(basename "$example" .json)
    case $operation in
        List*Recording) status=210 ;; *Recording) status=209 ;;
        ListConference) status=208 ;; *Conference) status=207 ;;
        ListParticipant) status=206 ;; *Participant) status=205 ;;
        ListMessage) status=203 ;; *Message) status=202 ;;
        ListCall) status=201 ;; *) status=200 ;;
    esac
    seed=fuzz/corpus/reply/example-$operation
    [ -f "$seed" ] || { printf '%s\r\nTwilio-Request-Id: RQ0123456789abcdef0123456789abcdef\r\n\r\n' "$status"
        cat "$example"; } >"$seed"
done

results=()
failed=0
for target in "${targets[@]}"; do
    corpus=fuzz/corpus/$target
    artifacts=fuzz/artifacts/$target
    log=$target_dir/fuzz-$target.log
    mkdir -p "$corpus" "$artifacts"
    found_before=$(find "$artifacts" -type f | wc -l)
    args=(-max_total_time="$seconds" -timeout=10 -print_final_stats=1 -artifact_prefix="$artifacts/")
    [ -f "fuzz/dict/$target.dict" ] && args+=(-dict="fuzz/dict/$target.dict")
    seeds=()
    [ -d "fuzz/seeds/$target" ] && seeds=("fuzz/seeds/$target")
    echo "== fuzzing $target for ${seconds}s (log: $log)"
    status=0
    # shellcheck disable=SC2086 # FUZZ_ARGS is a list of options
    "$target_dir/$host/release/$target" "${args[@]}" ${FUZZ_ARGS:-} "$corpus" "${seeds[@]}" >"$log" 2>&1 || status=$?
    found=$(($(find "$artifacts" -type f | wc -l) - found_before))
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    coverage=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
    units=$(find "$corpus" -type f | wc -l)
    if [ "$status" -ne 0 ] || [ "$found" -ne 0 ]; then
        failed=1
        [ "$found" -ne 0 ] || found="? (exit $status)"
        grep -E "panicked at|ERROR: libFuzzer|SUMMARY" "$log" | head -5 || true
    fi
    results+=("$(printf '%-12s %14s %10s %9s %9s %8s' "$target" "${executions:-?}" "${per_second:-?}" \
        "${coverage:-?}" "$units" "$found")")
done

echo
printf '%-12s %14s %10s %9s %9s %8s\n' target executions exec/s coverage corpus crashes
printf '%s\n' "${results[@]}"
if [ "$failed" -ne 0 ]; then
    echo "crashes: see fuzz/artifacts/ and the logs above"
    exit 1
fi
