//! The client's adaptive concurrency limit against a local server that caps requests in flight as
//! Twilio does (429 with code 20429 above the cap, never processed): a bulk send completes with few
//! refusals, and a request that waits for a slot past its deadline fails without being sent.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use twilio_endpoint_runtime::{Client, Error};

#[path = "support/capped_server.rs"]
mod capped_server;
use capped_server::start_server as server;

#[path = "support/calls_endpoints.rs"]
mod calls_endpoints;
use calls_endpoints::Post;

const ACCOUNT: &str = "AC0123456789abcdef0123456789abcdef";

fn client(url: String, concurrency_limit: Option<usize>, deadline: Duration) -> Client {
    Client::builder()
        .account_sid(ACCOUNT.parse().unwrap())
        .auth_token("token")
        .base_url(url)
        .concurrency_limit(concurrency_limit)
        .deadline(deadline)
        .build()
        .unwrap()
}

/// `requests` POSTs at once; the results in the order they were spawned, with the time each took.
async fn send_all(client: &Client, requests: usize) -> Vec<(Result<(), Error>, Duration)> {
    let start = Instant::now();
    let tasks: Vec<_> = (0..requests)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { (client.send(&Post).await.map(drop), start.elapsed()) })
        })
        .collect();
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.unwrap());
    }
    results
}

/// 400 POSTs at once against a cap of 40 in flight, the limit starting below it: slow start finds the
/// cap, the first refusal clamps the limit to it, and every request completes with few refusals.
/// Without the limit (or with one that does not come down) most requests are refused, and the retry
/// budget runs out long before they are all through.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bulk_send_at_the_accounts_cap_completes_with_few_refusals() {
    let (cap, requests) = (40, 400);
    let (url, stats) = server(cap, Duration::from_millis(20)).await;
    let client = client(url, Some(10), Duration::from_secs(30));
    let results = send_all(&client, requests).await;
    let failed: Vec<_> = results.iter().filter_map(|(result, _)| result.as_ref().err()).collect();
    assert!(failed.is_empty(), "{} of {requests} failed, the first with: {}", failed.len(), failed[0]);
    let received = stats.received.load(Ordering::SeqCst);
    assert!(
        received as f64 <= 1.2 * requests as f64,
        "{received} attempts for {requests} requests ({} refused)",
        stats.refused.load(Ordering::SeqCst)
    );
    let limit = client.concurrency_limit().unwrap();
    assert!((1..=cap + 1).contains(&limit), "the limit ended at {limit}, with a cap of {cap}");
}

/// The same burst without the limit: the cap refuses most of it and the retry budget gives up. This
/// is what the limit is for; if it stops holding, the test above no longer tests anything.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_limit_the_same_burst_is_mostly_refused() {
    let (cap, requests) = (40, 400);
    let (url, stats) = server(cap, Duration::from_millis(20)).await;
    let client = client(url, None, Duration::from_secs(30));
    assert_eq!(client.concurrency_limit(), None);
    let results = send_all(&client, requests).await;
    let failed = results.iter().filter(|(result, _)| result.is_err()).count();
    assert!(failed > requests / 2, "only {failed} of {requests} failed");
    assert!(stats.peak_in_flight.load(Ordering::SeqCst) > cap);
}

/// One slot, held by a request the server does not answer within the deadline (so no success ever
/// raises the limit): the requests queued behind it are still waiting at their deadline. They fail
/// then, with a timeout that says nothing was sent (not "outcome unknown": it is safe to send them
/// again), and the server never sees them.
#[tokio::test]
async fn a_request_still_waiting_for_a_slot_at_its_deadline_fails_unsent() {
    let deadline = Duration::from_millis(500);
    let (url, stats) = server(usize::MAX, Duration::from_secs(10)).await;
    let client = client(url, Some(1), deadline);
    let requests = 10;
    let results = send_all(&client, requests).await;

    let received = stats.received.load(Ordering::SeqCst);
    // The first request holds the slot until its deadline; the second, spawned a moment later, may
    // get it a moment before its own.
    assert!(received <= 2, "the server received {received} requests through one slot within the deadline");
    let mut queued = 0;
    for (result, took) in &results {
        if let Err(Error::Transport(error)) = result
            && error.to_string().contains("slots")
        {
            queued += 1;
            assert!(error.is_timeout(), "{error}");
            assert!(error.to_string().ends_with("nothing was sent"), "{error}");
            // It ended at its deadline, not when a slot was freed later.
            assert!(*took >= deadline && *took < deadline + Duration::from_millis(500), "{took:?}");
        }
    }
    assert!(queued >= requests - 2, "{queued} requests failed waiting for a slot: {results:?}");
    assert!(queued + received <= requests, "a request that timed out waiting was sent");
}
