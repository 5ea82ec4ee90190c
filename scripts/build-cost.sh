#!/usr/bin/env bash
# An application's build cost against the peer a user would pick instead (issue 15, part 2).
#
# Two scratch applications under target/build-cost/, each with tokio (macros, rt-multi-thread):
#   crate/  depends on this workspace's facade by path, default features;
#   peer/   depends on `twilio-rust-openapi` 1.0.0 from crates.io.
# Each is built clean in the dev profile, alternating crate and peer, RUNS times each (default 2),
# every build with its own CARGO_TARGET_DIR that is deleted first. Reported: wall seconds and peak
# resident memory of the whole `cargo build` (GNU time's "Maximum resident set size", which for a
# process tree is the largest single process: rustc or a build script), the best of the runs, and the
# crate/peer ratios; and each build's CPU seconds (user + system), which load on a shared machine
# moves less than the wall time.
#
# Then the edit-compile loop: an application (target/build-cost/edit/) that uses five catalog
# endpoints is built once, then one line of its main.rs is changed and it is rebuilt; the rebuild's
# wall time is reported (best of RUNS, incremental as `cargo build` is by default).
#
#   scripts/build-cost.sh                 # RUNS=2
#   RUNS=1 SKIP_EDIT=1 scripts/build-cost.sh
#   SKIP_CLEAN=1 scripts/build-cost.sh     # only the edit-compile loop
#   CRATE_FEATURES_TOML='default-features = false, features = ["tls-aws-lc"]' scripts/build-cost.sh
#
# Downloads (the registry's sources) are fetched before timing, so the network is not measured.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-2}
root=$PWD
base=$root/target/build-cost
mkdir -p "$base"
features_toml=""
if [ -n "${CRATE_FEATURES_TOML:-}" ]; then features_toml=", $CRATE_FEATURES_TOML"; fi

app() { # name, dependency line
    mkdir -p "$base/$1/src"
    cat >"$base/$1/Cargo.toml" <<TOML
[package]
name = "build-cost-$1"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
$2
tokio = { version = "1", features = ["macros", "rt-multi-thread"] }

# Not a member of the workspace it sits in.
[workspace]
TOML
}

app crate "twilio-endpoint = { path = \"$root\"$features_toml }"
cat >"$base/crate/src/main.rs" <<'RS'
#[tokio::main]
async fn main() {
    let account = "AC0123456789abcdef0123456789abcdef".parse().expect("account SID");
    let client = twilio_endpoint::Client::new(account, "token").expect("client");
    let _ = twilio_endpoint::api::v2010::ListMessages::new().send(&client);
}
RS
app peer 'twilio-rust-openapi = "=1.0.0"'
cat >"$base/peer/src/main.rs" <<'RS'
#[tokio::main]
async fn main() {
    // The whole dependency is compiled whatever the application uses of it.
    use twilio_rust_openapi as _;
    println!("peer");
}
RS

# The edit-compile loop's application: five catalog endpoints, previewed without a network.
app edit "twilio-endpoint = { path = \"$root\"$features_toml }"
write_edit_main() { # the greeting: the one line that changes between builds
    cat >"$base/edit/src/main.rs" <<RS
use twilio_endpoint::Client;
use twilio_endpoint::api::v2010::{
    CreateMessage, FetchCall, FetchMessage, ListCalls, ListMessages, MessageAddress, MessageSender,
};
use twilio_endpoint::values::{CallSid, MessageSid};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::new("AC0123456789abcdef0123456789abcdef".parse()?, "token")?;
    let create = CreateMessage::new(
        "+15558675310".parse::<MessageAddress>()?,
        MessageSender::From("+15017122661".parse::<MessageAddress>()?),
        "$1",
    );
    println!("{}", create.preview(&client)?);
    println!("{}", FetchMessage::new(MessageSid::from_static("SMb7c0a2ce80504485a6f653a7110836f5")).preview(&client)?);
    println!("{}", ListMessages::new().page_size(20).preview(&client)?);
    println!("{}", ListCalls::new().page_size(20).preview(&client)?);
    println!("{}", FetchCall::new(CallSid::from_static("CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")).preview(&client)?);
    Ok(())
}
RS
}
write_edit_main "Hello"

# Resolve and download first (lock files stay, so both sides resolve once).
for name in crate peer edit; do
    (cd "$base/$name" && cargo fetch --quiet)
done

timed() { # name, log -> "wall_seconds peak_kb cpu_seconds"
    local dir=$base/$1 target=$base/$1/target
    rm -rf "$target"
    (cd "$dir" && CARGO_TARGET_DIR=$target /usr/bin/time -v cargo build --quiet 2>"$2" >/dev/null) || {
        cat "$2" >&2
        exit 1
    }
    local wall peak
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$2" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
    peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$2")
    # User + system time of the whole tree: the work done, which another load on the machine moves
    # less than the wall time.
    cpu=$(awk -F': ' '/User time|System time/ {sum += $2} END {print sum}' "$2")
    echo "$wall $peak $cpu"
}

min() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b + 0 < a + 0) print b; else print a }'; }
if [ -z "${SKIP_CLEAN:-}" ]; then
best_wall_crate=; best_wall_peer=; best_mem_crate=; best_mem_peer=
for run in $(seq 1 "$runs"); do
    for name in crate peer; do
        read -r wall peak cpu < <(timed "$name" "$base/$name.time.log")
        printf 'run %d %-5s  %7.1f s  %7.0f MB  %7.1f s of CPU\n' "$run" "$name" "$wall" \
            "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')" "$cpu"
        if [ "$name" = crate ]; then
            best_wall_crate=$(min "$best_wall_crate" "$wall"); best_mem_crate=$(min "$best_mem_crate" "$peak")
        else
            best_wall_peer=$(min "$best_wall_peer" "$wall"); best_mem_peer=$(min "$best_mem_peer" "$peak")
        fi
    done
done
# The peer's target directory is not kept: it is the larger of the two.
rm -rf "$base/peer/target"
awk -v wc="$best_wall_crate" -v wp="$best_wall_peer" -v mc="$best_mem_crate" -v mp="$best_mem_peer" 'BEGIN {
    printf "best  crate %.1f s %.0f MB | peer %.1f s %.0f MB | wall %.2fx  peak memory %.2fx\n",
        wc, mc / 1024, wp, mp / 1024, wc / wp, mc / mp }'
fi

[ -n "${SKIP_EDIT:-}" ] && exit 0
edit=$base/edit
export CARGO_TARGET_DIR=$edit/target
(cd "$edit" && cargo build --quiet)
best=
for run in $(seq 1 "$runs"); do
    write_edit_main "Hello, run $run"
    start=$(date +%s.%N)
    (cd "$edit" && cargo build --quiet)
    end=$(date +%s.%N)
    wall=$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')
    printf 'edit loop run %d: %.2f s\n' "$run" "$wall"
    best=$(min "$best" "$wall")
done
printf 'edit loop (five endpoints, one line of main.rs changed): best %.2f s\n' "$best"
