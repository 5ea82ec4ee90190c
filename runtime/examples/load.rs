//! Load test: many concurrent `POST`s (Create Message) through one real `Client`, against a local
//! server that enforces a concurrency limit as Twilio does, answering 429 with code 20429 ("too many
//! concurrent requests", never processed) to whatever arrives above it.
//!
//! Each scenario starts a fresh server and client, sends every request at once, and prints how many
//! completed and failed, the attempts per request (counted by the server, from a tag each request
//! carries), the server's peak of requests in flight, the time taken and its ratio to the ideal
//! (REQUESTS / LIMIT × WORK_MS). The scenarios:
//!
//! - the default settings: the client's adaptive concurrency limit on;
//! - the limit turned off, with the default retry policy, a budget for every retry, and a more
//!   patient policy (the client's behaviour before the limit);
//! - against a server with no limit, with the concurrency limit on and off, ROUNDS times each,
//!   alternating, to show what the limit costs when nothing pushes back; and the second burst of a
//!   client with the default settings, which starts from the limit the first one taught it.
//!
//! ```text
//! cargo run --release -p twilio-endpoint-runtime --example load -- [REQUESTS] [LIMIT] [WORK_MS] [ROUNDS]
//! ```
//! (defaults: 1,000 requests, a limit of 100 in flight, 50 ms of work per admitted request, 5
//! rounds). Each request holds a connection: the open file limit (`ulimit -n`) must exceed twice
//! REQUESTS.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::task::JoinHandle;
use twilio_endpoint_runtime::values::AccountSid;
use twilio_endpoint_runtime::{
    Client, Endpoint, Error, FormWriter, Method, Params, PathWriter, RetryPolicy, ValidationErrors,
};

#[path = "../tests/support/capped_server.rs"]
mod capped_server;
use capped_server::start_server;

const ACCOUNT: &str = "AC0123456789abcdef0123456789abcdef";

/// A Create Message request; `tag` numbers it, so the server can count each request's attempts.
struct CreateMessage {
    tag: usize,
}

impl Params for CreateMessage {
    fn check(&self, _: &mut ValidationErrors) {}

    fn write_params(&self, out: &mut FormWriter) {
        out.pair("To", "+15558675310");
        out.pair("From", "+15017122661");
        out.pair("Body", "Load test");
        out.pair("Tag", &self.tag);
    }
}

impl Endpoint for CreateMessage {
    const METHOD: Method = Method::Post;
    const PATH: &'static str = "/2010-04-01/Accounts/{AccountSid}/Messages.json";
    type Response = Value;

    fn write_path(&self, account: &AccountSid, out: &mut PathWriter) {
        out.literal("/2010-04-01/Accounts/");
        out.param(account);
        out.literal("/Messages.json");
    }

    fn decode_response(body: &[u8]) -> Result<Value, serde_json::Error> {
        serde_json::from_slice(body)
    }
}

/// The client's settings in a scenario: a retry policy, and the concurrency limit's start (`None`:
/// off); `Default` is the client's defaults.
#[derive(Clone, Debug)]
struct Settings {
    retry: RetryPolicy,
    concurrency_limit: Option<usize>,
}

impl Default for Settings {
    fn default() -> Self {
        let defaults = Client::builder()
            .account_sid(ACCOUNT.parse().expect("a valid account SID"))
            .auth_token("load-test-token")
            .build()
            .expect("a client");
        Self { retry: RetryPolicy::default(), concurrency_limit: defaults.concurrency_limit() }
    }
}

impl Settings {
    fn without_limit(retry: RetryPolicy) -> Self {
        Self { retry, concurrency_limit: None }
    }

    /// A client with these settings, sending to `url`.
    fn client(&self, url: String) -> Client {
        Client::builder()
            .account_sid(ACCOUNT.parse().expect("a valid account SID"))
            .auth_token("load-test-token")
            .base_url(url)
            .retry(self.retry.clone())
            .concurrency_limit(self.concurrency_limit)
            .build()
            .expect("a client")
    }
}

/// One Create Message per tag, all sent at once through `client`; the tasks in tag order.
fn send_burst(client: &Client, tags: Range<usize>) -> Vec<JoinHandle<Result<Value, Error>>> {
    tags.map(|tag| {
        let client = client.clone();
        tokio::spawn(async move { client.send(&CreateMessage { tag }).await })
    })
    .collect()
}

/// Sends `requests` at once through a fresh client against a fresh server; prints the figures and
/// returns the time taken.
async fn run(name: &str, settings: Settings, requests: usize, limit: usize, work: Duration) -> Duration {
    let (url, stats) = start_server(limit, work).await;
    let client = settings.client(url);

    let start = Instant::now();
    let tasks = send_burst(&client, 0..requests);
    let mut completed = 0;
    let mut failures: BTreeMap<String, usize> = BTreeMap::new();
    for task in tasks {
        match task.await.expect("the request's task") {
            Ok(_) => completed += 1,
            Err(Error::Api(error)) => {
                *failures.entry(format!("{} code {:?}", error.status(), error.code())).or_default() += 1
            }
            Err(error) => *failures.entry(error.to_string()).or_default() += 1,
        }
    }
    let elapsed = start.elapsed();

    let attempts = stats.attempts.lock().unwrap();
    let total: u32 = attempts.values().sum();
    let max = attempts.values().copied().max().unwrap_or(0);
    let mut histogram: BTreeMap<u32, usize> = BTreeMap::new();
    for &count in attempts.values() {
        *histogram.entry(count).or_default() += 1;
    }
    let histogram: Vec<String> =
        histogram.iter().map(|(count, requests)| format!("{count}: {requests}")).collect();
    let failed: usize = failures.values().sum();

    println!("== {name}: {settings:?}");
    println!(
        "requests {requests}, completed {completed} ({:.1}%), failed {failed}",
        100.0 * completed as f64 / requests as f64
    );
    for (kind, count) in &failures {
        println!("  failed with {kind}: {count}");
    }
    println!(
        "attempts per request: mean {:.2}, max {max}; requests by attempts: {}",
        f64::from(total) / requests as f64,
        histogram.join(", ")
    );
    println!(
        "server: {} requests received, {} answered 429/20429, peak in flight {}",
        stats.received.load(Ordering::SeqCst),
        stats.refused.load(Ordering::SeqCst),
        stats.peak_in_flight.load(Ordering::SeqCst),
    );
    let waves = requests.div_ceil(limit.min(requests)) as u32;
    let ideal = work * waves;
    println!(
        "time {:.3} s, {:.2}x the ideal {:.3} s; {:.0} requests/s; client's limit at the end: {:?}",
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() / ideal.as_secs_f64(),
        ideal.as_secs_f64(),
        requests as f64 / elapsed.as_secs_f64(),
        client.concurrency_limit()
    );
    println!();
    elapsed
}

/// Against a server without a limit: one client with the default settings sends a burst, then the same
/// burst again; returns the second's time. The limit a client learned stays with it, so only its first
/// burst pays for slow start.
async fn second_burst(requests: usize, work: Duration) -> Duration {
    let (url, _) = start_server(usize::MAX, work).await;
    let client = Settings::default().client(url);
    let burst = |tags| {
        let tasks = send_burst(&client, tags);
        async move {
            for task in tasks {
                task.await.expect("the request's task").expect("the server admits every request");
            }
        }
    };
    burst(0..requests).await;
    let learned = client.concurrency_limit();
    let start = Instant::now();
    burst(requests..2 * requests).await;
    let elapsed = start.elapsed();
    println!(
        "== server without a limit: the second burst of one client with the default settings (limit {learned:?} after the first): {:.3} s\n",
        elapsed.as_secs_f64()
    );
    elapsed
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1).map(|arg| arg.parse::<usize>().expect("a number"));
    let requests = args.next().unwrap_or(1_000);
    let limit = args.next().unwrap_or(100);
    let work = Duration::from_millis(args.next().unwrap_or(50) as u64);
    let rounds = args.next().unwrap_or(5);
    println!(
        "{requests} concurrent POSTs; the server answers 429/20429 above {limit} in flight and takes {} ms per admitted request\n",
        work.as_millis()
    );
    run("default settings (adaptive concurrency limit)", Settings::default(), requests, limit, work).await;
    run(
        "no concurrency limit, default policy",
        Settings::without_limit(RetryPolicy::default()),
        requests,
        limit,
        work,
    )
    .await;
    run(
        "no concurrency limit, default policy, budget for every retry",
        Settings::without_limit(RetryPolicy::default().budget(10 * requests as u32)),
        requests,
        limit,
        work,
    )
    .await;
    let patient = RetryPolicy::default()
        .max_attempts(10)
        .max_delay(Duration::from_secs(2))
        .budget(10 * requests as u32);
    run("no concurrency limit, patient policy", Settings::without_limit(patient), requests, limit, work)
        .await;

    // Against a server that admits everything: the limit from its default start (it doubles each
    // round trip while the burst fills it), the limit started at the burst's size (what the
    // mechanism itself costs: a slot taken and given back per request), and no limit (the client
    // before it: everything sent at once). Alternated, best of ROUNDS each.
    let mut default_start = Duration::MAX;
    let mut burst_start = Duration::MAX;
    let mut without_limit = Duration::MAX;
    let mut second = Duration::MAX;
    let burst = Settings { concurrency_limit: Some(requests), ..Settings::default() };
    for round in 1..=rounds {
        second = second.min(second_burst(requests, work).await);
        let name = format!("server without a limit, round {round}: default settings");
        default_start = default_start.min(run(&name, Settings::default(), requests, usize::MAX, work).await);
        let name = format!("server without a limit, round {round}: limit started at {requests}");
        burst_start = burst_start.min(run(&name, burst.clone(), requests, usize::MAX, work).await);
        let name = format!("server without a limit, round {round}: no concurrency limit");
        let settings = Settings::without_limit(RetryPolicy::default());
        without_limit = without_limit.min(run(&name, settings, requests, usize::MAX, work).await);
    }
    println!("server without a limit, best of {rounds}, throughput against no concurrency limit:");
    for (name, time) in [
        ("default settings", default_start),
        ("limit started at the burst's size", burst_start),
        ("default settings, a client's second burst", second),
    ] {
        println!(
            "  {name}: {:.3} s against {:.3} s, {:.3}x",
            time.as_secs_f64(),
            without_limit.as_secs_f64(),
            without_limit.as_secs_f64() / time.as_secs_f64()
        );
    }
}
