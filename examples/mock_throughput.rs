//! How fast the mock Twilio starts, and how many requests a second it answers, against a floor: a
//! minimal hyper server on 127.0.0.1 that answers every request with the same reply and checks
//! nothing. Both are driven by the crate's own `Client`, so the ratio is what the mock's work
//! (authentication, routing, decoding, validation, recording, state) costs a test.
//!
//!     cargo run --release --example mock_throughput
//!
//! `MOCK_BENCH_REQUESTS` sets the requests per figure (default 20,000), `MOCK_BENCH_STARTS` the mocks
//! started for the start-up figure (default 200).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::stream::{self, StreamExt as _};
use http_body_util::{BodyExt as _, Full};
use hyper::body::{Bytes, Incoming};
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use twilio_endpoint::Client;
use twilio_endpoint::api::v2010::{CreateMessage, FetchMessage, ListMessages, MessageAddress};
use twilio_endpoint::mock::MockTwilio;
use twilio_endpoint::values::MessageSid;

/// What the floor answers every request with: the description's Create Message example.
const MESSAGE: &str = include_str!("../src/mock/examples/CreateMessage.json");

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|value| value.parse().ok()).unwrap_or(default)
}

/// A server answering every request with `MESSAGE` as `201 Created`.
async fn floor() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free loopback port");
    let address = listener.local_addr().expect("a bound address");
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let service = service_fn(|request: Request<Incoming>| async move {
                    let _ = request.into_body().collect().await;
                    Response::builder()
                        .status(201)
                        .header("Content-Type", "application/json")
                        .body(Full::new(Bytes::from_static(MESSAGE.as_bytes())))
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(socket), service)
                    .await;
            });
        }
    });
    address
}

fn message() -> CreateMessage {
    let to: MessageAddress = "+15558675310".parse().expect("a number");
    let from: MessageAddress = "+15017122661".parse().expect("a number");
    CreateMessage::new(to, from, "Your code is 123456")
}

/// Requests a second for `requests` sends of `send`, `in_flight` at a time.
async fn rate<F, Fut>(requests: usize, in_flight: usize, send: F) -> f64
where
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let started = Instant::now();
    stream::iter(0..requests).for_each_concurrent(in_flight, send).await;
    requests as f64 / started.elapsed().as_secs_f64()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

#[tokio::main]
async fn main() {
    let requests = env_number("MOCK_BENCH_REQUESTS", 20_000);
    let starts = env_number("MOCK_BENCH_STARTS", 200);

    // Start-up: until `start` returns, and until the first request is answered.
    let (mut started, mut answered) = (Vec::new(), Vec::new());
    for _ in 0..starts {
        let begin = Instant::now();
        let twilio = MockTwilio::start().await;
        started.push(begin.elapsed());
        ListMessages::new().send(&twilio.client()).await.expect("the mock answers");
        answered.push(begin.elapsed());
    }
    println!("start-up over {starts} mocks (median, max):");
    println!(
        "  MockTwilio::start() returns:  {:?}, {:?}",
        median(started.clone()),
        started.iter().max().unwrap()
    );
    println!(
        "  first request answered:       {:?}, {:?}",
        median(answered.clone()),
        answered.iter().max().unwrap()
    );

    let twilio = MockTwilio::start().await;
    let mock = twilio.client();
    let floor_address = floor().await;
    let floor_client = Client::builder()
        .account_sid(MockTwilio::ACCOUNT_SID)
        .auth_token(MockTwilio::AUTH_TOKEN)
        .base_url(format!("http://{floor_address}"))
        .build()
        .expect("a client for the floor");
    // Fetches look up one of a few hundred messages, as a test's state holds.
    let mut sids: Vec<MessageSid> = Vec::new();
    for _ in 0..300 {
        sids.push(message().send(&mock).await.expect("created").sid.expect("a SID"));
    }
    let sids = Arc::new(sids);

    println!("\n{requests} requests per figure; requests per second, mock against the floor:");
    println!("| request | in flight | mock req/s | floor req/s | mock vs floor |");
    println!("| --- | --- | --- | --- | --- |");
    // Fetches first, while the mock holds the 300 messages only: it finds a resource by walking its
    // list, as small as a test's.
    let fetch = |n: usize, client: &Client| {
        let (client, sids) = (client.clone(), Arc::clone(&sids));
        async move {
            // The floor answers a message to any fetch: both sides decode the same reply.
            FetchMessage::new(sids[n % sids.len()]).send(&client).await.expect("fetched");
        }
    };
    for in_flight in [1, 64] {
        let mock_rate = rate(requests, in_flight, |n| fetch(n, &mock)).await;
        let floor_rate = rate(requests, in_flight, |n| fetch(n, &floor_client)).await;
        println!(
            "| Fetch Message | {in_flight} | {mock_rate:.0} | {floor_rate:.0} | {:.2}x |",
            mock_rate / floor_rate
        );
    }
    let create = message();
    for in_flight in [1, 64] {
        let mock_rate = rate(requests, in_flight, |_| async {
            create.send(&mock).await.expect("created");
        })
        .await;
        let floor_rate = rate(requests, in_flight, |_| async {
            create.send(&floor_client).await.expect("the floor answers");
        })
        .await;
        println!(
            "| Create Message | {in_flight} | {mock_rate:.0} | {floor_rate:.0} | {:.2}x |",
            mock_rate / floor_rate
        );
    }
    let created = twilio.requests::<CreateMessage>().len();
    println!("\nmessages the mock holds at the end: {created}");
}
