//! Send throughput: `CreateParticipant::send` through the crate's `Client` against raw reqwest posting
//! the same pre-encoded body, both to one minimal HTTP server on 127.0.0.1 started here, sequentially
//! and with 64 sends in flight. Prints requests per second and the ratio crate / raw, measured paired
//! (rounds alternate between the two, so a load on the machine slows both alike), and the number of
//! connections each side opened (reuse means a handful, not one per request).
//!
//!     cargo bench --bench send

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
use twilio_endpoint::api::v2010::CreateParticipant;
use twilio_endpoint::values::{AccountSid, Address, ConferenceRef};
use twilio_endpoint::{Client, RetryPolicy};

const ACCOUNT: AccountSid = AccountSid::from_static("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const TOKEN: &str = "bench-token";
const PARTICIPANT: &str = include_str!("../src/mock/examples/CreateParticipant.json");
/// Requests per round and side; rounds alternate between the crate and raw reqwest.
const PER_ROUND: usize = 200;
const ROUNDS: usize = 15;
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
    runtime.block_on(run());
}

async fn run() {
    let (crate_url, crate_connections) = start_server().await;
    let (raw_url, raw_connections) = start_server().await;
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

    // Raw reqwest with the client's settings: the same headers, no redirects, the same timeouts, the
    // body encoded once beforehand and the reply's bytes read but not decoded into a type.
    let raw = reqwest::Client::builder()
        .user_agent(concat!("twilio-endpoint/", env!("CARGO_PKG_VERSION"), " (Rust)"))
        .connect_timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("reqwest builds");
    let body = Bytes::from(request.to_form());
    let raw_url = format!("{raw_url}/2010-04-01/Accounts/{ACCOUNT}/Conferences/bench-room/Participants.json");
    let authorization = format!("Basic {}", base64_credentials());

    let crate_send = || async {
        let participant = request.send(&client).await.expect("the crate's send succeeds");
        std::hint::black_box(participant);
    };
    let raw_send = || async {
        let reply = raw
            .post(&raw_url)
            .header("authorization", &authorization)
            .header("accept", "application/json")
            .header("content-type", "application/x-www-form-urlencoded")
            .timeout(Duration::from_secs(30))
            .body(body.clone())
            .send()
            .await
            .expect("raw reqwest succeeds");
        std::hint::black_box(reply.bytes().await.expect("the body arrives"));
    };

    // Warm both connection pools.
    timed(CONCURRENCY, CONCURRENCY, &crate_send).await;
    timed(CONCURRENCY, CONCURRENCY, &raw_send).await;

    println!("send throughput, {ROUNDS} paired rounds of {PER_ROUND} requests per side");
    println!("{:<14} {:>14} {:>14} {:>8} {:>8}", "", "crate req/s", "raw req/s", "ratio", "target");
    for in_flight in [1, CONCURRENCY] {
        let mut ratios = Vec::with_capacity(ROUNDS);
        let (mut crate_total, mut raw_total) = (Duration::ZERO, Duration::ZERO);
        for _ in 0..ROUNDS {
            let ours = timed(PER_ROUND, in_flight, &crate_send).await;
            let theirs = timed(PER_ROUND, in_flight, &raw_send).await;
            crate_total += ours;
            raw_total += theirs;
            // Requests per second, crate over raw: the inverse ratio of the times.
            ratios.push(theirs.as_secs_f64() / ours.as_secs_f64());
        }
        ratios.sort_by(f64::total_cmp);
        let median = ratios[ratios.len() / 2];
        let rate = |total: Duration| (ROUNDS * PER_ROUND) as f64 / total.as_secs_f64();
        let verdict = if median >= 0.95 { "met" } else { "MISSED" };
        let label = if in_flight == 1 { "sequential".to_owned() } else { format!("{in_flight} in flight") };
        println!(
            "{label:<14} {:>14.0} {:>14.0} {median:>7.2}x {:>8}",
            rate(crate_total),
            rate(raw_total),
            format!(">=0.95 {verdict}")
        );
    }
    let sent = (ROUNDS * PER_ROUND * 2 + CONCURRENCY) as f64;
    println!(
        "connections opened: crate {} for {sent} requests, raw {} for {sent}",
        crate_connections.load(Ordering::Relaxed),
        raw_connections.load(Ordering::Relaxed)
    );
}

fn base64_credentials() -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(format!("{ACCOUNT}:{TOKEN}"))
}
