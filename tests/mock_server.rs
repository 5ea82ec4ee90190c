//! The mock Twilio starts with one line on 127.0.0.1, answers from a thread of its own whatever
//! runtime the test uses, and stops when dropped.

use std::time::{Duration, Instant};

use twilio_endpoint::api::v2010::ListCalls;
use twilio_endpoint::mock::MockTwilio;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn it_listens_on_loopback_and_stops_when_dropped() {
    let twilio = MockTwilio::start().await;
    let base_url = twilio.base_url();
    assert!(base_url.starts_with("http://127.0.0.1:"), "{base_url}");
    ListCalls::new().send(&twilio.client()).await.unwrap();

    drop(twilio);
    // The server's thread stops on its own time: wait for the port to refuse connections.
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        match reqwest::get(format!("{base_url}/2010-04-01/Accounts")).await {
            Err(error) if error.is_connect() => break,
            other => assert!(Instant::now() < deadline, "still answering after being dropped: {other:?}"),
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[test]
fn it_outlives_the_runtime_that_started_it() {
    let first = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let twilio = first.block_on(MockTwilio::start());
    drop(first);
    let second = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let page = second.block_on(ListCalls::new().send(&twilio.client())).unwrap();
    assert!(page.items.is_empty());
}
