//! Send throughput: `CreateParticipant::send` through the crate's `Client` against raw reqwest posting
//! the same pre-encoded body with the same settings, each side to its own minimal HTTP server on
//! 127.0.0.1 started here, sequentially and with 64 sends in flight.
//!
//! Two baselines: raw reqwest decoding the reply into the same `Participant` with serde_json (what a
//! hand-written client does, and what `send` returns: the like-for-like figure, judged against the
//! target), and raw reqwest reading the reply's bytes only (the floor of any client). A second, identical
//! raw+decode side measures the bench's own noise (its ratio to the first would be 1.00 on a quiet
//! machine). Each round runs the sides one after another, in an order that rotates from round to round,
//! so that a load on the machine slows them alike; the ratios are medians over the rounds. Also prints the connections
//! each side opened (reuse means about one per send in flight, not one per request).
//!
//!     cargo bench --bench send
//!
//! With `SEND_BENCH_SIDE=crate` (or `raw+decode`, `raw-bytes`) it only sends `SEND_BENCH_REQUESTS`
//! (3,000 unless set) requests through that side, `SEND_BENCH_IN_FLIGHT` at a time (1 unless set), for
//! profiling one side, or counting its instructions per request under callgrind (docs/PERFORMANCE.md).

use std::convert::Infallible;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use futures_util::stream::{self, StreamExt as _};
use http_body_util::{BodyExt as _, Full};
use hyper::body::{Bytes, Incoming};
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use twilio_endpoint::api::v2010::{CreateParticipant, Participant};
use twilio_endpoint::values::{AccountSid, Address, ConferenceRef};
use twilio_endpoint::{Client, RetryPolicy};

const ACCOUNT: AccountSid = AccountSid::from_static("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const TOKEN: &str = "bench-token";
const PARTICIPANT: &str = include_str!("../src/mock/examples/CreateParticipant.json");
/// Requests per round and side.
const PER_ROUND: usize = 300;
const ROUNDS: usize = 41;
const CONCURRENCY: usize = 64;

/// A server that drains each request and answers 201 with the spec's participant, counting the
/// connections it accepts.
async fn start_server() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free loopback port");
    let address = listener.local_addr().expect("a bound address");
    let connections = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&connections);
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            counted.fetch_add(1, Ordering::Relaxed);
            tokio::spawn(async move {
                let service = service_fn(|request: Request<Incoming>| async move {
                    let _ = request.into_body().collect().await;
                    let reply = Response::builder()
                        .status(201)
                        .header("content-type", "application/json")
                        .body(Full::new(Bytes::from_static(PARTICIPANT.as_bytes())))
                        .expect("a valid reply");
                    Ok::<_, Infallible>(reply)
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(socket), service)
                    .await;
            });
        }
    });
    (format!("http://{address}"), connections)
}

/// Runs `send` `count` times, `in_flight` at a time; the elapsed time.
async fn timed<F, Fut>(count: usize, in_flight: usize, send: F) -> Duration
where
    F: Fn() -> Fut,
    Fut: Future<Output = ()>,
{
    let started = Instant::now();
    stream::iter(0..count).for_each_concurrent(in_flight, |_| send()).await;
    started.elapsed()
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("a runtime");
    // The sends run in a task on the runtime's workers, as an application's do (a request handler, a
    // job), not on the thread that blocks on the runtime, where every send would wake a worker to hand
    // its connection the request.
    runtime.block_on(async { tokio::spawn(run()).await.expect("the bench completes") });
}

async fn run() {
    let (crate_url, crate_connections) = start_server().await;
    let client = Client::builder()
        .account_sid(ACCOUNT)
        .auth_token(TOKEN)
        .base_url(crate_url)
        // Every answer is a success; the policy only costs its bookkeeping.
        .retry(RetryPolicy::default())
        .build()
        .expect("the client builds");
    let request = CreateParticipant::new(
        "bench-room".parse::<ConferenceRef>().unwrap(),
        "+15017122661".parse::<Address>().unwrap(),
        "+15558675310".parse::<Address>().unwrap(),
    )
    .label("customer")
    .timeout(30);
    let decoding = Raw::start(request.to_form()).await;
    // The same as `decoding`, with a client and a server of its own: its ratio to `decoding` shows how
    // far two identical sides differ on this machine, the noise under the other ratios.
    let decoding_again = Raw::start(request.to_form()).await;
    let bytes_only = Raw::start(request.to_form()).await;

    let crate_send = || async {
        let participant = request.send(&client).await.expect("the crate's send succeeds");
        std::hint::black_box(participant);
    };
    let decoding_send = || async {
        std::hint::black_box(decoding.post_and_decode().await);
    };
    let decoding_again_send = || async {
        std::hint::black_box(decoding_again.post_and_decode().await);
    };
    let bytes_send = || async {
        std::hint::black_box(bytes_only.post().await);
    };

    if let Ok(side) = std::env::var("SEND_BENCH_SIDE") {
        let count = |name: &str, default: usize| {
            std::env::var(name).map_or(default, |count| count.parse().expect("a count"))
        };
        let (requests, in_flight) = (count("SEND_BENCH_REQUESTS", 3_000), count("SEND_BENCH_IN_FLIGHT", 1));
        match side.as_str() {
            "crate" => timed(requests, in_flight, &crate_send).await,
            "raw+decode" => timed(requests, in_flight, &decoding_send).await,
            "raw-bytes" => timed(requests, in_flight, &bytes_send).await,
            other => panic!("SEND_BENCH_SIDE is `crate`, `raw+decode` or `raw-bytes`, not `{other}`"),
        };
        return;
    }

    // Warm the connection pools.
    timed(CONCURRENCY, CONCURRENCY, &crate_send).await;
    timed(CONCURRENCY, CONCURRENCY, &decoding_send).await;
    timed(CONCURRENCY, CONCURRENCY, &decoding_again_send).await;
    timed(CONCURRENCY, CONCURRENCY, &bytes_send).await;

    println!(
        "send throughput, {ROUNDS} rounds of {PER_ROUND} requests per side, medians of per-round ratios"
    );
    println!(
        "{:<14} {:>11} {:>11} {:>10} {:>21} {:>13} {:>12}",
        "", "crate req/s", "raw+decode", "raw bytes", "vs raw+decode", "vs raw bytes", "noise (A/A)"
    );
    for in_flight in [1, CONCURRENCY] {
        const SIDES: usize = 4;
        let mut totals = [Duration::ZERO; SIDES];
        let mut ratios = [(); 3].map(|()| Vec::with_capacity(ROUNDS));
        for round in 0..ROUNDS {
            let mut times = [Duration::ZERO; SIDES];
            for turn in 0..SIDES {
                let side = (round + turn) % SIDES;
                times[side] = match side {
                    0 => timed(PER_ROUND, in_flight, &crate_send).await,
                    1 => timed(PER_ROUND, in_flight, &decoding_send).await,
                    2 => timed(PER_ROUND, in_flight, &decoding_again_send).await,
                    _ => timed(PER_ROUND, in_flight, &bytes_send).await,
                };
            }
            for (total, time) in totals.iter_mut().zip(times) {
                *total += time;
            }
            // Requests per second, subject over baseline: the inverse ratio of the times.
            let per_second = |subject: usize, baseline: usize| {
                times[baseline].as_secs_f64() / times[subject].as_secs_f64()
            };
            ratios[0].push(per_second(0, 1));
            ratios[1].push(per_second(0, 3));
            ratios[2].push(per_second(2, 1));
        }
        let rate = |total: Duration| (ROUNDS * PER_ROUND) as f64 / total.as_secs_f64();
        let [like_for_like, floor, noise] = ratios.map(|mut ratios| median(&mut ratios));
        let verdict = if like_for_like >= 0.95 { "met" } else { "MISSED" };
        let label = if in_flight == 1 { "sequential".to_owned() } else { format!("{in_flight} in flight") };
        println!(
            "{label:<14} {:>11.0} {:>11.0} {:>10.0} {:>21} {:>13} {:>12}",
            rate(totals[0]),
            rate(totals[1]),
            rate(totals[3]),
            // Three decimals, so that a median just under the target does not print as 0.95x missed.
            format!("{like_for_like:.3}x (>=0.95 {verdict})"),
            format!("{floor:.3}x"),
            format!("{noise:.3}x"),
        );
    }
    let sent = ROUNDS * PER_ROUND * 2 + CONCURRENCY;
    println!(
        "connections opened for {sent} requests each: crate {}, raw+decode {} and {}, raw bytes {}",
        crate_connections.load(Ordering::Relaxed),
        decoding.connections.load(Ordering::Relaxed),
        decoding_again.connections.load(Ordering::Relaxed),
        bytes_only.connections.load(Ordering::Relaxed),
    );
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Raw reqwest with the crate client's settings (the same headers, no redirects, the same timeouts),
/// posting a body encoded once beforehand to a server of its own.
struct Raw {
    http: reqwest::Client,
    url: String,
    authorization: String,
    body: Bytes,
    connections: Arc<AtomicUsize>,
}

impl Raw {
    async fn start(body: String) -> Raw {
        let (base, connections) = start_server().await;
        let http = reqwest::Client::builder()
            .user_agent(concat!("twilio-endpoint/", env!("CARGO_PKG_VERSION"), " (Rust)"))
            .connect_timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("reqwest builds");
        Raw {
            http,
            url: format!("{base}/2010-04-01/Accounts/{ACCOUNT}/Conferences/bench-room/Participants.json"),
            authorization: format!("Basic {}", base64_credentials()),
            body: Bytes::from(body),
            connections,
        }
    }

    /// Posts the body; the reply decoded into a `Participant` with serde_json, as a hand-written
    /// client would.
    async fn post_and_decode(&self) -> Participant {
        serde_json::from_slice(&self.post().await).expect("the reply decodes")
    }

    /// Posts the body; the reply's bytes.
    async fn post(&self) -> Bytes {
        let reply = self
            .http
            .post(&self.url)
            .header("authorization", &self.authorization)
            .header("accept", "application/json")
            .header("content-type", "application/x-www-form-urlencoded")
            .timeout(Duration::from_secs(30))
            .body(self.body.clone())
            .send()
            .await
            .expect("raw reqwest succeeds");
        reply.bytes().await.expect("the body arrives")
    }
}

fn base64_credentials() -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(format!("{ACCOUNT}:{TOKEN}"))
}
