//! The leak test: with a marker secret as the credential, everything a program could print or log
//! (`Debug` and `Display` of every public type, every error and its causes, and all `tracing`
//! output at TRACE, reqwest's and hyper's included) during sends, retries and failures holds neither
//! the secret nor its `Basic` encoding, nor, unless asked for, the phone numbers and message bodies
//! sent.

use std::fmt::{self, Write as _};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine as _;
use serde_json::Value;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};
use twilio_endpoint_runtime::__private::decode_json;
use twilio_endpoint_runtime::values::AccountSid;
use twilio_endpoint_runtime::{
    Client, ClientBuilder, Endpoint, Error, FormWriter, IdempotencyKey, Method, Page, Params, PathWriter,
    RetryPolicy, ValidationErrors,
};
use wiremock::matchers::{any, method, path_regex};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const ACCOUNT: &str = "AC0123456789abcdef0123456789abcdef";
const API_KEY: &str = "SK0123456789abcdef0123456789abcdef";
const SECRET: &str = "LeakMarker7f3a9c1e5b";
const PHONE: &str = "+15558675310";
const BODY: &str = "BodyMarker-meet-at-noon";

macro_rules! endpoint {
    ($name:ident, $method:ident, $path:literal) => {
        struct $name;

        impl Params for $name {
            fn check(&self, _: &mut ValidationErrors) {}

            fn write_params(&self, out: &mut FormWriter) {
                out.pair("To", PHONE);
                out.pair("Body", BODY);
            }
        }

        impl Endpoint for $name {
            const METHOD: Method = Method::$method;
            const PATH: &'static str = $path;
            type Response = Value;

            fn write_path(&self, _: &AccountSid, out: &mut PathWriter) {
                out.literal($path);
            }

            fn decode_response(body: &[u8]) -> Result<Value, serde_json::Error> {
                decode_json(body)
            }
        }
    };
}

endpoint!(Create, Post, "/create");
endpoint!(Fetch, Get, "/fetch");
endpoint!(Remove, Delete, "/remove");
endpoint!(Flaky, Get, "/flaky");
endpoint!(Echo, Post, "/echo");
endpoint!(Moved, Get, "/moved");
endpoint!(Huge, Get, "/huge");
endpoint!(Garbled, Get, "/garbled");
endpoint!(Slow, Get, "/slow");

/// Everything a subscriber sees: span names and fields, event fields, all levels.
struct Capture {
    out: Arc<Mutex<String>>,
    next_id: AtomicU64,
}

struct Fields<'a>(&'a mut String);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        let _ = write!(self.0, " {}={value:?}", field.name());
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        let _ = write!(self.0, " {}={value}", field.name());
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn max_level_hint(&self) -> Option<tracing::level_filters::LevelFilter> {
        Some(tracing::level_filters::LevelFilter::TRACE)
    }

    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let mut out = self.out.lock().unwrap();
        let _ = write!(out, "\nspan {}:", span.metadata().name());
        span.record(&mut Fields(&mut out));
        Id::from_u64(self.next_id.fetch_add(1, Ordering::Relaxed))
    }

    fn record(&self, _: &Id, values: &Record<'_>) {
        let mut out = self.out.lock().unwrap();
        out.push_str("\nrecord:");
        values.record(&mut Fields(&mut out));
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut out = self.out.lock().unwrap();
        let _ = write!(out, "\n{} {}:", event.metadata().level(), event.metadata().target());
        event.record(&mut Fields(&mut out));
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

/// Answers with the request's own `Authorization` header, as a debugging proxy might.
struct EchoHeaders;

impl Respond for EchoHeaders {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let authorization =
            request.headers.get("authorization").map(|value| value.to_str().unwrap_or_default());
        let body =
            format!("<html>proxy error; you sent Authorization: {}</html>", authorization.unwrap_or("none"));
        ResponseTemplate::new(502).set_body_string(body)
    }
}

async fn twilio_double() -> MockServer {
    let server = MockServer::start().await;
    let ok = ResponseTemplate::new(200).set_body_raw(r#"{"sid": "CA1"}"#, "application/json");
    let error = |status: u16| {
        ResponseTemplate::new(status)
            .set_body_raw(
                format!(r#"{{"code": 20500, "message": "to {PHONE} failed", "status": {status}}}"#),
                "application/json",
            )
            .insert_header("Twilio-Request-Id", "RQ1")
    };
    Mock::given(path_regex("^/flaky")).respond_with(error(503)).up_to_n_times(2).mount(&server).await;
    Mock::given(path_regex("^/flaky")).respond_with(ok.clone()).mount(&server).await;
    Mock::given(path_regex("^/create")).respond_with(error(500)).mount(&server).await;
    Mock::given(path_regex("^/fetch")).respond_with(ok.clone()).mount(&server).await;
    Mock::given(method("DELETE")).respond_with(error(404)).mount(&server).await;
    Mock::given(path_regex("^/echo")).respond_with(EchoHeaders).mount(&server).await;
    Mock::given(path_regex("^/moved"))
        .respond_with(ResponseTemplate::new(301).insert_header("Location", "https://elsewhere.example/x"))
        .mount(&server)
        .await;
    Mock::given(path_regex("^/huge"))
        .respond_with(ResponseTemplate::new(200).set_body_string("x".repeat(4096)))
        .mount(&server)
        .await;
    Mock::given(path_regex("^/garbled"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(format!(r#"{{"to": "{PHONE}", "#), "application/json"),
        )
        .mount(&server)
        .await;
    Mock::given(path_regex("^/slow"))
        .respond_with(ok.set_delay(Duration::from_millis(500)))
        .mount(&server)
        .await;
    Mock::given(any()).respond_with(ResponseTemplate::new(404)).mount(&server).await;
    server
}

fn builder(base_url: &str) -> ClientBuilder {
    Client::builder()
        .account_sid(ACCOUNT.parse().unwrap())
        .base_url(base_url)
        .timeout(Duration::from_millis(200))
        .max_body_size(1024)
        .retry(
            RetryPolicy::default().base_delay(Duration::from_millis(1)).max_delay(Duration::from_millis(2)),
        )
}

/// `Debug` and `Display` of an error and of every cause.
fn describe_error(error: &Error, out: &mut String) {
    let _ = write!(out, "\n{error:?}\n{error}");
    let mut cause = std::error::Error::source(error);
    while let Some(source) = cause {
        let _ = write!(out, "\n{source:?}\n{source}");
        cause = source.source();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_secret_phone_number_or_message_body_leaks() {
    let logs = Arc::new(Mutex::new(String::new()));
    tracing::subscriber::set_global_default(Capture { out: Arc::clone(&logs), next_id: AtomicU64::new(1) })
        .unwrap();
    let mut printed = String::new();

    let server = twilio_double().await;
    let token_builder = builder(&server.uri()).auth_token(SECRET).user_agent_extension("leak-test/1");
    let key_builder = builder(&server.uri()).api_key(API_KEY.parse().unwrap(), SECRET);
    let _ = write!(printed, "\n{token_builder:?}\n{key_builder:?}");
    let clients = [token_builder.build().unwrap(), key_builder.build().unwrap()];
    let key: IdempotencyKey = "leak-test-key".parse().unwrap();
    let _ = write!(printed, "\n{key:?}\n{key}\n{:?}", RetryPolicy::default());

    let mut successes = 0;
    for client in &clients {
        let _ = write!(printed, "\n{client:?}");
        let results = [
            client.send(&Fetch).await,
            client.send(&Flaky).await,
            client.send_with_idempotency_key(&Create, &key).await,
            client.send(&Remove).await,
            client.send(&Echo).await,
            client.send(&Moved).await,
            client.send(&Huge).await,
            client.send(&Garbled).await,
            client.send(&Slow).await,
        ];
        for result in &results {
            match result {
                Ok(value) => {
                    successes += 1;
                    let _ = write!(printed, "\n{value:?}");
                }
                Err(error) => describe_error(error, &mut printed),
            }
        }
        let page: Page<Value> = serde_json::from_str(
            r#"{"calls": [], "next_page_uri": "https://elsewhere.example/2010-04-01/Calls.json?To=%2B15558675310"}"#,
        )
        .unwrap();
        describe_error(&client.next_page(&page).await.unwrap_err(), &mut printed);
    }
    // Nothing listens on a port that was just free.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let refused = builder(&format!("http://127.0.0.1:{port}")).auth_token(SECRET).build().unwrap();
    describe_error(&refused.send(&Create).await.unwrap_err(), &mut printed);

    // Configuration errors that hold the secret in a wrong place.
    let swapped = ClientBuilder::from_lookup(|name| match name {
        "TWILIO_ACCOUNT_SID" => Some(SECRET.to_owned()),
        "TWILIO_AUTH_TOKEN" => Some(ACCOUNT.to_owned()),
        _ => None,
    });
    describe_error(&swapped.unwrap_err(), &mut printed);
    let with_password = format!("https://{ACCOUNT}:{SECRET}@api.twilio.com");
    describe_error(&builder(&with_password).auth_token(SECRET).build().unwrap_err(), &mut printed);
    describe_error(
        &builder(&server.uri())
            .auth_token(SECRET)
            .user_agent_extension(format!("{SECRET}\r\n"))
            .build()
            .unwrap_err(),
        &mut printed,
    );

    let logs = logs.lock().unwrap().clone();
    // The checks below only mean something if the requests were logged and errors were printed.
    assert_eq!(successes, 4, "{printed}");
    assert!(logs.contains("span twilio.request: method=POST path=/create"), "{logs}");
    assert!(logs.contains("attempt=3"), "{logs}");
    // The span's outcome is recorded on the span itself once the request ends.
    assert!(logs.contains("\nrecord: attempts="), "{logs}");
    assert!(logs.contains("\nrecord: status=200"), "{logs}");
    assert!(logs.contains("params=To=<redacted>&Body=<redacted>"), "{logs}");
    assert!(printed.contains("Basic <redacted>"), "the echoed header was not printed: {printed}");

    let engine = base64::engine::general_purpose::STANDARD;
    let forbidden = [
        SECRET.to_owned(),
        engine.encode(format!("{ACCOUNT}:{SECRET}")),
        engine.encode(format!("{API_KEY}:{SECRET}")),
        PHONE.to_owned(),
        "%2B15558675310".to_owned(),
        BODY.to_owned(),
    ];
    let mut leaks = 0;
    for (name, text) in [("printed", &printed), ("logs", &logs)] {
        for needle in &forbidden {
            let found = text.matches(needle.as_str()).count();
            if found > 0 {
                eprintln!("{found} occurrences of {needle:?} in the {name} output");
            }
            leaks += found;
        }
    }
    println!(
        "leak test: {} bytes printed, {} bytes logged at TRACE, {leaks} occurrences of the secret, its Basic encoding, the phone number or the message body",
        printed.len(),
        logs.len()
    );
    assert_eq!(leaks, 0);
}
