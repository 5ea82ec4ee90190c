//! Fault injection: every fault a server or the network can produce, against `GET`, `POST`, `PUT`
//! and `DELETE`, with the exact number of requests the server received and the error the caller saw.
//!
//! HTTP-level faults (429, 5xx, redirects) come from wiremock; socket-level faults (refused
//! connections, resets, silence, slow or endless bodies) from a raw TCP server on 127.0.0.1 that
//! counts the connections it accepted and the complete requests it read.
//!
//! The suite prints `faults survived: N/N` and `duplicate creates: D`, where a duplicate create is a
//! `POST` or `PUT` Twilio may have acted on that reached the server more than once (a `PUT` is
//! treated as a `POST`: Twilio does not promise it is idempotent).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};
use twilio_endpoint_runtime::{Client, Error, IdempotencyKey, Method, RetryPolicy};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

const ACCOUNT: &str = "AC0123456789abcdef0123456789abcdef";
const REQUEST_ID: &str = "RQ0123456789abcdef0123456789abcdef";
/// Per attempt: long enough for loopback, short enough to keep the suite quick.
const TIMEOUT: Duration = Duration::from_millis(300);
/// The body limit of the suite's clients; the oversized bodies are 8 MiB.
const MAX_BODY: usize = 64 * 1024;
const OVERSIZED: usize = 8 * 1024 * 1024;

#[path = "support/calls_endpoints.rs"]
mod calls_endpoints;
use calls_endpoints::{Delete, Get, Post, Put};

const METHODS: [Method; 4] = [Method::Get, Method::Post, Method::Put, Method::Delete];

/// Whether the client may resend a request of `method` that Twilio may have acted on.
fn resendable(method: Method) -> bool {
    matches!(method, Method::Get | Method::Delete)
}

#[derive(Clone, Copy, Debug)]
enum Fault {
    ConnectionRefused,
    ResetBeforeRequest,
    ResetAfterRequest,
    ReadTimeout,
    SlowBody,
    OversizedBodyWithLength,
    OversizedBodyChunked,
    TooManyRequestsNotProcessed,
    UsageLimit,
    ServerError,
    Redirect,
}

const FAULTS: [Fault; 11] = [
    Fault::ConnectionRefused,
    Fault::ResetBeforeRequest,
    Fault::ResetAfterRequest,
    Fault::ReadTimeout,
    Fault::SlowBody,
    Fault::OversizedBodyWithLength,
    Fault::OversizedBodyChunked,
    Fault::TooManyRequestsNotProcessed,
    Fault::UsageLimit,
    Fault::ServerError,
    Fault::Redirect,
];

/// What a case observed: the server's count of complete requests, and what the caller got.
struct Observed {
    connections: usize,
    requests: usize,
    result: Result<Value, Error>,
    /// The idempotency keys the requests carried, in order (wiremock cases only).
    keys: Vec<Option<String>>,
    /// Requests received by the host a redirect named.
    elsewhere: usize,
}

fn client(base_url: &str) -> Client {
    Client::builder()
        .account_sid(ACCOUNT.parse().unwrap())
        .auth_token("token")
        .base_url(base_url)
        .timeout(TIMEOUT)
        .max_body_size(MAX_BODY)
        .retry(
            RetryPolicy::default().base_delay(Duration::from_millis(1)).max_delay(Duration::from_millis(2)),
        )
        .build()
        .unwrap()
}

async fn send_as(client: &Client, method: Method) -> Result<Value, Error> {
    let key: IdempotencyKey = "fault-suite-key-1".parse().unwrap();
    match method {
        Method::Get => client.send_with_idempotency_key(&Get, &key).await,
        Method::Post => client.send_with_idempotency_key(&Post, &key).await,
        Method::Put => client.send_with_idempotency_key(&Put, &key).await,
        Method::Delete => client.send_with_idempotency_key(&Delete, &key).await,
    }
}

/// How the raw server treats each connection.
#[derive(Clone, Copy)]
enum Socket {
    /// Reset as soon as accepted, before reading anything.
    ResetAtOnce,
    /// Read the whole request, then reset.
    ResetAfterReading,
    /// Read the whole request, then say nothing.
    Silent,
    /// Read the whole request, answer 200 and send the body one byte every 100 ms.
    Trickle,
    /// Read the whole request, answer 200 with an 8 MiB body, with `Content-Length` or chunked.
    Flood { chunked: bool },
}

#[derive(Default)]
struct Counts {
    connections: AtomicUsize,
    requests: AtomicUsize,
}

/// A raw TCP server on 127.0.0.1 treating every connection as `socket` says.
async fn raw_server(socket: Socket) -> (String, Arc<Counts>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let counts = Arc::new(Counts::default());
    let shared = Arc::clone(&counts);
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            shared.connections.fetch_add(1, Ordering::SeqCst);
            let counts = Arc::clone(&shared);
            tokio::spawn(serve(stream, socket, counts));
        }
    });
    (url, counts)
}

async fn serve(mut stream: TcpStream, socket: Socket, counts: Arc<Counts>) {
    if let Socket::ResetAtOnce = socket {
        let _ = stream.set_zero_linger();
        return;
    }
    if !read_request(&mut stream).await {
        return;
    }
    counts.requests.fetch_add(1, Ordering::SeqCst);
    match socket {
        Socket::ResetAtOnce => {}
        Socket::ResetAfterReading => {
            let _ = stream.set_zero_linger();
        }
        Socket::Silent => tokio::time::sleep(Duration::from_secs(10)).await,
        Socket::Trickle => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\nTwilio-Request-Id: {REQUEST_ID}\r\n\r\n"
            );
            let _ = stream.write_all(head.as_bytes()).await;
            for _ in 0..100 {
                if stream.write_all(b" ").await.is_err() {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
        Socket::Flood { chunked } => {
            let framing = if chunked {
                "Transfer-Encoding: chunked".to_owned()
            } else {
                format!("Content-Length: {OVERSIZED}")
            };
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{framing}\r\nTwilio-Request-Id: {REQUEST_ID}\r\n\r\n"
            );
            if stream.write_all(head.as_bytes()).await.is_err() {
                return;
            }
            let block = vec![b'x'; 16 * 1024];
            for _ in 0..OVERSIZED / block.len() {
                let sent = if chunked {
                    let size = format!("{:x}\r\n", block.len());
                    stream.write_all(size.as_bytes()).await.is_ok()
                        && stream.write_all(&block).await.is_ok()
                        && stream.write_all(b"\r\n").await.is_ok()
                } else {
                    stream.write_all(&block).await.is_ok()
                };
                // The client hung up at its limit.
                if !sent {
                    return;
                }
            }
        }
    }
}

/// Reads a request's head and its `Content-Length` body; `false` when the client went away first.
async fn read_request(stream: &mut TcpStream) -> bool {
    let mut data = Vec::new();
    let mut buf = [0; 4096];
    loop {
        if let Some(end) = data.windows(4).position(|window| window == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|line| line.strip_prefix("content-length:"))
                .map_or(0, |value| value.trim().parse::<usize>().unwrap_or(0));
            if data.len() >= end + 4 + length {
                return true;
            }
        }
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return false,
            Ok(read) => data.extend_from_slice(&buf[..read]),
        }
    }
}

async fn wiremock_server(reply: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(reply).mount(&server).await;
    server
}

fn twilio_error(status: u16, code: u32) -> ResponseTemplate {
    let body = serde_json::json!({"code": code, "message": "error", "more_info": "", "status": status});
    ResponseTemplate::new(status)
        .set_body_raw(body.to_string(), "application/json")
        .insert_header("Twilio-Request-Id", REQUEST_ID)
}

async fn observe(fault: Fault, method: Method) -> Observed {
    let socket = match fault {
        Fault::ConnectionRefused => {
            // A port that was just free: nothing listens there.
            let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
            let result = send_as(&client(&format!("http://127.0.0.1:{port}")), method).await;
            return Observed { connections: 0, requests: 0, result, keys: Vec::new(), elsewhere: 0 };
        }
        Fault::ResetBeforeRequest => Socket::ResetAtOnce,
        Fault::ResetAfterRequest => Socket::ResetAfterReading,
        Fault::ReadTimeout => Socket::Silent,
        Fault::SlowBody => Socket::Trickle,
        Fault::OversizedBodyWithLength => Socket::Flood { chunked: false },
        Fault::OversizedBodyChunked => Socket::Flood { chunked: true },
        Fault::TooManyRequestsNotProcessed => return observe_http(twilio_error(429, 20429), method).await,
        Fault::UsageLimit => return observe_http(twilio_error(429, 60203), method).await,
        Fault::ServerError => return observe_http(twilio_error(503, 20503), method).await,
        Fault::Redirect => {
            // The redirect names another server, which must never see the request (or the credentials).
            let elsewhere = wiremock_server(ResponseTemplate::new(200).set_body_string("{}")).await;
            let redirect = ResponseTemplate::new(302)
                .insert_header("Location", format!("{}/stolen", elsewhere.uri()).as_str())
                .insert_header("Twilio-Request-Id", REQUEST_ID);
            let observed = observe_http(redirect, method).await;
            return Observed { elsewhere: elsewhere.received_requests().await.unwrap().len(), ..observed };
        }
    };
    let (url, counts) = raw_server(socket).await;
    let result = send_as(&client(&url), method).await;
    Observed {
        connections: counts.connections.load(Ordering::SeqCst),
        requests: counts.requests.load(Ordering::SeqCst),
        result,
        keys: Vec::new(),
        elsewhere: 0,
    }
}

async fn observe_http(reply: ResponseTemplate, method: Method) -> Observed {
    let server = wiremock_server(reply).await;
    let result = send_as(&client(&server.uri()), method).await;
    let received = server.received_requests().await.unwrap();
    let keys = received
        .iter()
        .map(|request| {
            request
                .headers
                .get("I-Twilio-Idempotency-Token")
                .map(|value| value.to_str().unwrap_or_default().to_owned())
        })
        .collect();
    // wiremock counts requests, not connections; the suite only compares connections for sockets.
    Observed { connections: received.len(), requests: received.len(), result, keys, elsewhere: 0 }
}

/// What the caller must see.
enum Expect {
    /// A transport error: refused to connect (`connect`), or a timeout (`timeout`), with the status
    /// of an answer whose body broke off.
    Transport { connect: bool, timeout: Option<bool>, status: Option<u16> },
    /// An API error with this status and code.
    Api { status: u16, code: Option<u32> },
    /// `OutcomeUnknown`, with the status of the answer when one arrived.
    OutcomeUnknown { status: Option<u16> },
    /// The body went past the limit; the answer's status.
    TooLarge { status: u16 },
    /// A connection reset before the request was read: a connect error after 3 connections, or, once
    /// the request may have been written, what a broken exchange gives.
    ResetEarly,
}

/// The number of complete requests the server must have received, and what the caller must see.
fn expected(fault: Fault, method: Method) -> (usize, Expect) {
    let idempotent = resendable(method);
    let attempts = if idempotent { 3 } else { 1 };
    match fault {
        // Nothing was sent, so even a `POST` is retried; the server sees nothing.
        Fault::ConnectionRefused => {
            (0, Expect::Transport { connect: true, timeout: Some(false), status: None })
        }
        // Either the reset arrives while connecting (nothing was written: retried whatever the method),
        // or after the request was written, when the client cannot tell whether it was read (a
        // `POST` is then not resent); which one depends on timing.
        Fault::ResetBeforeRequest => (0, Expect::ResetEarly),
        Fault::ResetAfterRequest if idempotent => {
            (3, Expect::Transport { connect: false, timeout: Some(false), status: None })
        }
        Fault::ResetAfterRequest => (1, Expect::OutcomeUnknown { status: None }),
        Fault::ReadTimeout if idempotent => {
            (3, Expect::Transport { connect: false, timeout: Some(true), status: None })
        }
        Fault::ReadTimeout => (1, Expect::OutcomeUnknown { status: None }),
        // The 200 arrived, so a `POST` was carried out: its lost body is a transport error, not an
        // unknown outcome, and it is not resent.
        Fault::SlowBody => {
            (attempts, Expect::Transport { connect: false, timeout: Some(true), status: Some(200) })
        }
        // Asking again would bring the same body: no retry.
        Fault::OversizedBodyWithLength | Fault::OversizedBodyChunked => (1, Expect::TooLarge { status: 200 }),
        // Twilio documents 20429 as not processed: resent whatever the method.
        Fault::TooManyRequestsNotProcessed => (3, Expect::Api { status: 429, code: Some(20429) }),
        Fault::UsageLimit => (1, Expect::Api { status: 429, code: Some(60203) }),
        Fault::ServerError if idempotent => (3, Expect::Api { status: 503, code: Some(20503) }),
        Fault::ServerError => (1, Expect::OutcomeUnknown { status: Some(503) }),
        Fault::Redirect => (1, Expect::Api { status: 302, code: None }),
    }
}

fn check(fault: Fault, method: Method, observed: &Observed) -> Result<(), String> {
    let (requests, expect) = expected(fault, method);
    if observed.requests != requests {
        return Err(format!("the server received {} requests, expected {requests}", observed.requests));
    }
    if observed.elsewhere != 0 {
        return Err(format!("the redirect was followed: {} requests went elsewhere", observed.elsewhere));
    }
    if observed.keys.iter().any(|key| key.as_deref() != Some("fault-suite-key-1")) {
        return Err(format!("an attempt did not carry the idempotency key: {:?}", observed.keys));
    }
    let error = match &observed.result {
        Ok(value) => return Err(format!("succeeded with {value}")),
        Err(error) => error,
    };
    let matches = match (&expect, error) {
        (Expect::Transport { connect, timeout, status }, Error::Transport(error)) => {
            error.is_connect() == *connect
                && timeout.is_none_or(|timeout| error.is_timeout() == timeout)
                && error.status() == *status
                && (status.is_none() || error.request_id() == Some(REQUEST_ID))
        }
        (Expect::Api { status, code }, Error::Api(error)) => {
            error.status() == *status && error.code() == *code && error.request_id() == Some(REQUEST_ID)
        }
        (Expect::OutcomeUnknown { status }, Error::OutcomeUnknown(error)) => {
            error.method() == method
                && !resendable(method)
                && error.status() == *status
                && (status.is_none() || error.request_id() == Some(REQUEST_ID))
        }
        (Expect::ResetEarly, Error::Transport(error)) if error.is_connect() => observed.connections == 3,
        (Expect::ResetEarly, Error::Transport(_)) => resendable(method) && observed.connections == 3,
        // Earlier attempts may have been reset while connecting (nothing written: resent), the last
        // one after the request may have gone out: at most 3 connections, and then no more.
        (Expect::ResetEarly, Error::OutcomeUnknown(error)) => {
            !resendable(method) && error.status().is_none() && (1..=3).contains(&observed.connections)
        }
        (Expect::TooLarge { status }, Error::BodyTooLarge(error)) => {
            error.status() == *status && error.limit() == MAX_BODY && error.request_id() == Some(REQUEST_ID)
        }
        _ => false,
    };
    if !matches {
        return Err(format!("unexpected error after {} connections: {error:?}", observed.connections));
    }
    Ok(())
}

/// A `POST` that Twilio may have acted on and that reached the server more than once.
fn duplicate_creates(fault: Fault, method: Method, observed: &Observed) -> usize {
    let not_processed = matches!(fault, Fault::TooManyRequestsNotProcessed);
    if !resendable(method) && !not_processed { observed.requests.saturating_sub(1) } else { 0 }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fault_against_every_method() {
    let mut survived = 0;
    let mut duplicates = 0;
    let mut failures = Vec::new();
    let mut total = 0;
    for fault in FAULTS {
        for method in METHODS {
            total += 1;
            let observed = observe(fault, method).await;
            duplicates += duplicate_creates(fault, method, &observed);
            match check(fault, method, &observed) {
                Ok(()) => survived += 1,
                Err(why) => failures.push(format!("{fault:?} / {}: {why}", method.as_str())),
            }
        }
    }
    println!("faults survived: {survived}/{total}");
    println!("duplicate creates: {duplicates}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(duplicates, 0);
}

/// The body limit holds memory: the 8 MiB body is dropped after at most 64 KiB plus one chunk, and
/// the connection is closed rather than drained.
#[tokio::test]
async fn an_endless_body_stops_at_the_limit() {
    let (url, counts) = raw_server(Socket::Flood { chunked: true }).await;
    let started = std::time::Instant::now();
    let Err(Error::BodyTooLarge(error)) = send_as(&client(&url), Method::Get).await else {
        panic!("expected the body to be refused")
    };
    assert!(started.elapsed() < TIMEOUT, "read for {:?}", started.elapsed());
    assert_eq!(counts.requests.load(Ordering::SeqCst), 1);
    assert_eq!(
        error.to_string(),
        format!(
            "Twilio's 200 OK answer to `GET /2010-04-01/Accounts/{{AccountSid}}/Calls.json` is larger than the \
             65536 byte limit; it was not read [request {REQUEST_ID}]"
        )
    );
}
