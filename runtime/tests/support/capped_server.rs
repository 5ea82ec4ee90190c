//! A local server that caps requests in flight as Twilio does: above the cap, a request is answered
//! at once with 429 and code 20429 and never processed; below it, 201 after a fixed delay. It counts
//! what it saw, and the attempts of each request that carries a `Tag` parameter. Shared by the load
//! example and the concurrency limit's tests.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use http_body_util::{BodyExt as _, Full};
use hyper::body::{Bytes, Incoming};
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

/// What the server saw.
#[derive(Default)]
pub struct Stats {
    pub in_flight: AtomicUsize,
    pub peak_in_flight: AtomicUsize,
    pub received: AtomicUsize,
    pub refused: AtomicUsize,
    /// Requests received per tag.
    pub attempts: Mutex<BTreeMap<usize, u32>>,
}

/// Counts a request in flight until dropped, even if its connection is dropped first.
struct InFlight<'a>(&'a Stats);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Answers a Create Message: 201 after `work` while at most `limit` requests are in flight (this one
/// included), else at once 429 with code 20429.
async fn handle(
    request: Request<Incoming>,
    stats: Arc<Stats>,
    limit: usize,
    work: Duration,
) -> Response<Full<Bytes>> {
    let in_flight = stats.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    let _guard = InFlight(&stats);
    stats.peak_in_flight.fetch_max(in_flight, Ordering::SeqCst);
    stats.received.fetch_add(1, Ordering::SeqCst);
    let body = request.into_body().collect().await.map(|body| body.to_bytes()).unwrap_or_default();
    let tag =
        form_urlencoded::parse(&body).find(|(key, _)| key == "Tag").and_then(|(_, tag)| tag.parse().ok());
    if let Some(tag) = tag {
        *stats.attempts.lock().unwrap().entry(tag).or_default() += 1;
    }
    let (status, body) = if in_flight > limit {
        stats.refused.fetch_add(1, Ordering::SeqCst);
        (
            429,
            r#"{"code": 20429, "message": "Too Many Requests", "more_info": "https://www.twilio.com/docs/errors/20429", "status": 429}"#,
        )
    } else {
        tokio::time::sleep(work).await;
        (201, r#"{"sid": "SMa1b2c3d4e5f60718293a4b5c6d7e8f90", "status": "queued"}"#)
    };
    Response::builder()
        .status(status)
        .header("Content-Type", "application/json")
        .body(Full::new(Bytes::from_static(body.as_bytes())))
        .expect("a valid response")
}

/// A server on 127.0.0.1 that serves until the runtime ends; its URL and its statistics.
pub async fn start_server(limit: usize, work: Duration) -> (String, Arc<Stats>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a local port");
    let url = format!("http://{}", listener.local_addr().expect("a bound address"));
    let stats = Arc::new(Stats::default());
    let server_stats = Arc::clone(&stats);
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else { continue };
            let stats = Arc::clone(&server_stats);
            tokio::spawn(async move {
                let service = service_fn(move |request| {
                    let stats = Arc::clone(&stats);
                    async move { Ok::<_, Infallible>(handle(request, stats, limit, work).await) }
                });
                // A connection the client drops mid-request ends here; nothing to report.
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    (url, stats)
}
