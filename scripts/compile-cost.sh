#!/usr/bin/env bash
# Compile cost per endpoint: generates N endpoint structs (each 20 parameters with ranges, enums, lists,
# a date with an operator key, one rule between fields as a one-of group, and an enum of its own) into
# a scratch crate under target/ that depends on this workspace by path, builds it in the dev profile for
# each N, and prints the seconds per endpoint (the slope of a least-squares line through the builds),
# the peak memory of each build, the expanded lines per endpoint, and the macro crate's own build time.
#
#   scripts/compile-cost.sh              # N = 10 100 200, best of 2 builds each
#   COUNTS="10 50" REPEAT=1 scripts/compile-cost.sh
#
# The scratch crate is built without incremental compilation (CARGO_INCREMENTAL=0), as cargo builds a
# catalog that is a dependency of the user's crate. Its dependencies are compiled by a first build and
# reused after that (target/compile-cost/target); only the generated crate is timed.
set -euo pipefail
cd "$(dirname "$0")/.."

counts=${COUNTS:-10 100 200}
repeat=${REPEAT:-2}
root=$PWD
dir=target/compile-cost
target_dir=$dir/target
mkdir -p "$dir/src"
export CARGO_INCREMENTAL=0

cat >"$dir/Cargo.toml" <<EOF
[package]
name = "compile-cost"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
twilio-endpoint = { path = "$root" }
chrono = { version = "0.4", default-features = false, features = ["std"] }

# Not a member of the workspace it sits in.
[workspace]
EOF
# The workspace's versions, so that nothing new is resolved.
[ -f "$dir/Cargo.lock" ] || cp Cargo.lock "$dir/Cargo.lock"

cargo_scratch() { cargo "$1" --quiet --manifest-path "$dir/Cargo.toml" --target-dir "$target_dir" "${@:2}"; }

# One endpoint, numbered $1: 20 parameters, 2 path parameters, 1 group, 1 enum of its own.
endpoint() {
    local i=$1
    cat <<EOF
wire_enum! {
    /// What happens when call $i ends.
    pub enum Ending$i { Hangup = "hangup", Transfer = "transfer", Voicemail = "voicemail" }
}

/// Whether the call of endpoint $i coaches another: exactly one of the documented forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Params)]
pub enum Coaching$i {
    /// \`Coaching=false\`.
    #[twilio(with(Coaching = false))]
    Off,
    /// \`Coaching=true&CallSidToCoach=CA…\`.
    #[twilio(with(Coaching = true))]
    Coach { call_sid_to_coach: CallSid },
}

/// Generated endpoint $i.
#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Things$i.json")]
pub struct Endpoint$i {
    /// The account to act for.
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The call.
    #[twilio(path)]
    pub call_sid: CallSid,
    /// Who to call.
    pub to: Address,
    /// Who calls.
    pub from: Address,
    /// Where events are reported.
    pub status_callback: Option<Url>,
    /// The method for \`StatusCallback\`.
    pub status_callback_method: Option<CallbackMethod>,
    /// The events to report.
    pub status_callback_event: Vec<CallEvent>,
    /// Seconds to ring, 5 to 600.
    #[twilio(range = 5..=600)]
    pub timeout: Option<u32>,
    /// Whether to record.
    pub record: Option<bool>,
    /// A label, 1 to 64 characters.
    #[twilio(len = 1..=64)]
    pub label: Option<String>,
    /// The longest the call may last, 1 to 14400 seconds.
    #[twilio(range = 1..=14400)]
    pub time_limit: Option<u32>,
    /// Whether to detect a machine.
    pub machine_detection: Option<MachineDetection>,
    /// Whether to trim silence.
    pub trim: Option<Trim>,
    /// The region.
    pub region: Option<Region>,
    /// One channel or two.
    pub recording_channels: Option<RecordingChannels>,
    /// Media to send, at most 10.
    #[twilio(len = 0..=10)]
    pub media_url: Vec<Url>,
    /// Only what started before this time.
    #[twilio(rename = "StartTime<")]
    pub start_time_before: Option<DateTime<Utc>>,
    /// The highest price to pay.
    pub max_price: Option<String>,
    /// Seconds the request stays valid, 1 to 14400.
    #[twilio(range = 1..=14400)]
    pub validity_period: Option<u32>,
    /// What happens at the end.
    pub ending: Option<Ending$i>,
    /// Whether this call coaches another.
    #[twilio(flatten)]
    pub coaching: Option<Coaching$i>,
    /// The name shown to the callee, 2 to 255 characters.
    #[twilio(len = 2..=255)]
    pub caller_display_name: Option<String>,
}

EOF
}

generate() {
    {
        echo "//! $1 generated endpoints."
        echo "use chrono::{DateTime, Utc};"
        echo "use twilio_endpoint::api::v2010::{CallEvent, MachineDetection, RecordingChannels, Region, Trim};"
        echo "use twilio_endpoint::values::{AccountSid, Address, CallSid, CallbackMethod, Url};"
        echo "use twilio_endpoint::{Params, twilio_endpoint, wire_enum};"
        echo
        for i in $(seq 1 "$1"); do endpoint "$i"; done
    } >"$dir/src/lib.rs.new"
    mv "$dir/src/lib.rs.new" "$dir/src/lib.rs"
}

now() { date +%s.%N; }

if [ -x /usr/bin/time ]; then
    have_time=1
else
    have_time=0
    echo "note: /usr/bin/time is missing (Debian package \`time\`): peak memory is not measured"
fi

# Builds the generated crate; prints "seconds peak_kib". The peak is the largest process cargo ran,
# that is rustc on the generated crate.
build() {
    touch "$dir/src/lib.rs"
    local start end peak=0
    start=$(now)
    if [ "$have_time" = 1 ]; then
        /usr/bin/time -v -o "$dir/time.txt" cargo build --quiet --manifest-path "$dir/Cargo.toml" --target-dir "$target_dir"
        peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time.txt")
    else
        cargo_scratch build
    fi
    end=$(now)
    echo "$(echo "$end - $start" | bc -l) $peak"
}

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(rustc --version)"
echo "== the macro crate's own build (syn, darling and the rest already built)"
generate 1
cargo_scratch build -p twilio-endpoint-macros
cargo clean --quiet --manifest-path "$dir/Cargo.toml" --target-dir "$target_dir" -p twilio-endpoint-macros
start=$(now)
cargo_scratch build -p twilio-endpoint-macros
printf 'twilio-endpoint-macros: %.2f s\n' "$(echo "$(now) - $start" | bc -l)"

echo "== dependencies, and the crates that depend on the macro (not timed)"
cargo_scratch build

echo "== builds of the generated crate, best of $repeat"
printf '%6s %10s %12s %14s\n' N seconds s/endpoint "peak MiB"
points=""
for n in $counts; do
    generate "$n"
    best="" best_peak=0
    for _ in $(seq 1 "$repeat"); do
        read -r seconds peak < <(build)
        if [ -z "$best" ] || [ "$(echo "$seconds < $best" | bc -l)" = 1 ]; then best=$seconds; fi
        if [ "$peak" -gt "$best_peak" ]; then best_peak=$peak; fi
    done
    printf '%6d %10.2f %12.3f %14.0f\n' "$n" "$best" "$(echo "$best / $n" | bc -l)" "$(echo "$best_peak / 1024" | bc -l)"
    points="$points $n $best"
done

# Least squares through (N, seconds): the slope is the cost of one more endpoint, the intercept the
# crate's fixed cost; r² says how straight the line is.
echo "$points" | awk '{
    for (i = 1; i < NF; i += 2) { n++; x = $i; y = $(i + 1); sx += x; sy += y; sxx += x * x; sxy += x * y; syy += y * y }
    slope = (n * sxy - sx * sy) / (n * sxx - sx * sx); intercept = (sy - slope * sx) / n
    r = (n * sxy - sx * sy) / sqrt((n * sxx - sx * sx) * (n * syy - sy * sy))
    printf "slope: %.3f s per endpoint (target <= 0.05), intercept %.2f s, r^2 %.4f\n", slope, intercept, r * r
}'

echo "== expanded lines (RUSTC_BOOTSTRAP=1 cargo rustc -- -Zunpretty=expanded)"
lines() {
    generate "$1"
    RUSTC_BOOTSTRAP=1 cargo_scratch rustc --lib -- -Zunpretty=expanded | wc -l
}
low=10 high=100
source_lines=$(($(generate "$high"; wc -l <"$dir/src/lib.rs") - $(generate "$low"; wc -l <"$dir/src/lib.rs")))
expanded_low=$(lines "$low")
expanded_high=$(lines "$high")
printf 'per endpoint: %d lines written, %d lines expanded\n' \
    "$((source_lines / (high - low)))" "$(((expanded_high - expanded_low) / (high - low)))"
