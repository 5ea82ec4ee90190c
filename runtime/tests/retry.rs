//! Retries against a local server: what is sent again, how often, and what the caller sees.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use twilio_endpoint_runtime::__private::send;
use twilio_endpoint_runtime::{Client, Error, Method, RetryPolicy};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const ACCOUNT: &str = "AC0123456789abcdef0123456789abcdef";

#[path = "support/calls_endpoints.rs"]
mod calls_endpoints;
use calls_endpoints::{Delete, Get, Post};

/// Answers with `replies` in turn, then with the last one forever.
struct Script {
    replies: Vec<ResponseTemplate>,
    next: AtomicUsize,
}

impl Respond for Script {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let index = self.next.fetch_add(1, Ordering::Relaxed).min(self.replies.len() - 1);
        self.replies[index].clone()
    }
}

async fn server(replies: Vec<ResponseTemplate>) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(Script { replies, next: AtomicUsize::new(0) }).mount(&server).await;
    server
}

fn twilio_error(status: u16, code: u32) -> ResponseTemplate {
    let body = serde_json::json!({"code": code, "message": "error", "more_info": "", "status": status});
    ResponseTemplate::new(status)
        .set_body_raw(body.to_string(), "application/json")
        .insert_header("Twilio-Request-Id", "RQ0123456789abcdef0123456789abcdef")
}

fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(r#"{"sid": "CA1"}"#, "application/json")
}

/// Retries without real waits, unless the server asks for one.
fn fast() -> RetryPolicy {
    RetryPolicy::default().base_delay(Duration::from_millis(1)).max_delay(Duration::from_millis(2))
}

fn client(server: &MockServer, policy: RetryPolicy) -> Client {
    Client::builder()
        .account_sid(ACCOUNT.parse().unwrap())
        .auth_token("token")
        .base_url(server.uri())
        .retry(policy)
        .build()
        .unwrap()
}

async fn received(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

#[tokio::test]
async fn idempotent_requests_are_retried_on_5xx_and_429_until_they_succeed() {
    let server = server(vec![twilio_error(503, 20503), twilio_error(429, 20429), ok()]).await;
    let client = client(&server, fast());
    assert_eq!(send(&client, &Get).await.unwrap()["sid"], "CA1");
    assert_eq!(received(&server).await, 3);

    let server = self::server(vec![ResponseTemplate::new(500).set_body_string("<html>"), ok()]).await;
    send(&self::client(&server, fast()), &Delete).await.unwrap();
    assert_eq!(received(&server).await, 2);
}

#[tokio::test]
async fn at_most_three_attempts_are_made_and_the_last_error_is_returned() {
    let server = server(vec![twilio_error(503, 20503)]).await;
    let Err(Error::Api(error)) = send(&client(&server, fast()), &Get).await else { panic!("expected 503") };
    assert_eq!((error.status(), error.code()), (503, Some(20503)));
    assert_eq!(received(&server).await, 3);
}

#[tokio::test]
async fn a_post_answered_5xx_is_never_resent_and_its_outcome_is_unknown() {
    let server = server(vec![twilio_error(500, 20500), ok()]).await;
    let Err(Error::OutcomeUnknown(error)) = send(&client(&server, fast()), &Post).await else {
        panic!("expected an unknown outcome");
    };
    assert_eq!((error.method(), error.status()), (Method::Post, Some(500)));
    assert_eq!(error.request_id(), Some("RQ0123456789abcdef0123456789abcdef"));
    assert_eq!(received(&server).await, 1, "a duplicate create");
}

#[tokio::test]
async fn a_post_is_resent_after_429_with_code_20429_which_twilio_did_not_process() {
    let server = server(vec![twilio_error(429, 20429), ok()]).await;
    send(&client(&server, fast()), &Post).await.unwrap();
    assert_eq!(received(&server).await, 2);
}

#[tokio::test]
async fn usage_limits_and_client_errors_are_not_retried() {
    for (status, code) in [(429, 60203), (429, 60308), (400, 21205), (404, 20404)] {
        for method in ["GET", "POST", "DELETE"] {
            let server = server(vec![twilio_error(status, code), ok()]).await;
            let client = client(&server, fast());
            let result = match method {
                "GET" => send(&client, &Get).await,
                "POST" => send(&client, &Post).await,
                _ => send(&client, &Delete).await,
            };
            let Err(Error::Api(error)) = result else {
                panic!("{method} {status}/{code}: expected the error")
            };
            assert_eq!(error.code(), Some(code));
            assert_eq!(received(&server).await, 1, "{method} {status}/{code} was retried");
        }
    }
}

#[tokio::test]
async fn a_refused_connection_is_retried_whatever_the_method() {
    // A port that was just free: nothing listens there, so nothing can have been sent.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let client = Client::builder()
        .account_sid(ACCOUNT.parse().unwrap())
        .auth_token("token")
        .base_url(format!("http://127.0.0.1:{port}"))
        .retry(fast())
        .build()
        .unwrap();
    let Err(Error::Transport(error)) = send(&client, &Post).await else {
        panic!("expected a transport error")
    };
    assert!(error.is_connect());
}

#[tokio::test]
async fn retry_after_is_honoured() {
    let server = server(vec![twilio_error(503, 20503).insert_header("Retry-After", "1"), ok()]).await;
    let started = Instant::now();
    send(&client(&server, fast()), &Get).await.unwrap();
    assert!(started.elapsed() >= Duration::from_secs(1), "waited {:?}", started.elapsed());
    assert_eq!(received(&server).await, 2);
}

#[tokio::test]
async fn no_retry_starts_past_the_deadline() {
    let server = server(vec![twilio_error(503, 20503).insert_header("Retry-After", "5"), ok()]).await;
    let client = Client::builder()
        .account_sid(ACCOUNT.parse().unwrap())
        .auth_token("token")
        .base_url(server.uri())
        .retry(fast())
        .deadline(Duration::from_secs(2))
        .build()
        .unwrap();
    let started = Instant::now();
    let Err(Error::Api(error)) = send(&client, &Get).await else { panic!("expected the 503") };
    assert_eq!(error.status(), 503);
    assert!(started.elapsed() < Duration::from_secs(2), "waited {:?}", started.elapsed());
    assert_eq!(received(&server).await, 1);
}

#[tokio::test]
async fn retries_can_be_turned_off() {
    let server = server(vec![twilio_error(503, 20503), ok()]).await;
    assert!(send(&client(&server, RetryPolicy::none()), &Get).await.is_err());
    assert_eq!(received(&server).await, 1);
}

/// With every answer a 503, the shared budget runs out and requests fall back to one attempt each:
/// an outage does not triple the load.
#[tokio::test]
async fn during_an_outage_the_retry_budget_brings_attempts_per_request_towards_one() {
    let server = server(vec![twilio_error(503, 20503)]).await;
    let client = client(&server, fast().budget(10));
    let requests = 100;
    for _ in 0..requests {
        assert!(send(&client, &Get).await.is_err());
    }
    let attempts = received(&server).await;
    // 100 first attempts and the 10 retries of the budget.
    assert_eq!(attempts, requests + 10);
    let per_request = attempts as f64 / requests as f64;
    assert!(per_request < 1.2, "{per_request} attempts per request");
}

/// Successes refill the budget, so that retries come back after the outage.
#[tokio::test]
async fn successes_refill_the_budget() {
    let server = server(vec![twilio_error(503, 20503), twilio_error(503, 20503), ok()]).await;
    let client = client(&server, fast().budget(1));
    // One retry left: the first request uses it and still fails.
    assert!(send(&client, &Get).await.is_err());
    // The server now succeeds; ten successes pay for one retry.
    for _ in 0..10 {
        send(&client, &Get).await.unwrap();
    }
    assert_eq!(received(&server).await, 12);
}
