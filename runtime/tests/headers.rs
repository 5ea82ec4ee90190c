//! Header values a user supplies (user agent extensions, idempotency keys) are checked before
//! anything is sent: a CR, LF or NUL could add a header or end the request early.

#[path = "support/calls_endpoints.rs"]
mod calls_endpoints;
use calls_endpoints::Get;
use twilio_endpoint_runtime::values::InvalidValue;
use twilio_endpoint_runtime::{Client, ClientBuilder, Error, IdempotencyKey};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn builder(base_url: &str) -> ClientBuilder {
    Client::builder()
        .account_sid("AC0123456789abcdef0123456789abcdef".parse().unwrap())
        .auth_token("token")
        .base_url(base_url)
}

#[tokio::test]
async fn user_agent_extensions_and_the_idempotency_key_are_sent() {
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(ResponseTemplate::new(200).set_body_string("{}")).mount(&server).await;
    let client = builder(&server.uri())
        .user_agent_extension("my-app/1.2")
        .user_agent_extension("ops (x)")
        .build()
        .unwrap();
    let key = IdempotencyKey::new("order-42").unwrap();
    client.send_with_idempotency_key(&Get, &key).await.unwrap();
    let requests = server.received_requests().await.unwrap();
    let header = |name: &str| requests[0].headers.get(name).unwrap().to_str().unwrap().to_owned();
    assert_eq!(
        header("user-agent"),
        format!("twilio-endpoint/{} (Rust) my-app/1.2 ops (x)", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(header("i-twilio-idempotency-token"), "order-42");
}

#[test]
fn user_agent_extensions_that_could_split_the_header_are_refused() {
    for (extension, problem) in [
        ("app\r\nX-Injected: 1", "a CR"),
        ("app\nX", "a LF"),
        ("app\0", "a NUL"),
        ("app\tx", "the character \\u{9}"),
        ("appé", "the character \\u{e9}"),
        ("   ", "an empty value"),
    ] {
        let error = builder("https://api.twilio.com").user_agent_extension(extension).build().unwrap_err();
        assert!(matches!(error, Error::Config(_)));
        assert_eq!(
            error.to_string(),
            format!(
                "user_agent_extension: must be 1 to 100 visible ASCII characters or spaces, got {problem}"
            ),
            "{extension:?}"
        );
    }
    let long = builder("https://api.twilio.com").user_agent_extension("a".repeat(101)).build().unwrap_err();
    assert!(long.to_string().ends_with("got 101 characters"), "{long}");
}

#[test]
fn idempotency_keys_that_could_split_the_header_are_refused_naming_the_header() {
    for bad in ["", "key\r\nX-Injected: 1", "key\n", "key\0", "two words", "clé"] {
        // The error type of every value's `parse`, so that `?` treats a key like any other value.
        let error: InvalidValue = bad.parse::<IdempotencyKey>().unwrap_err();
        assert!(
            error.to_string().starts_with("expected an `I-Twilio-Idempotency-Token` of 1 to 255"),
            "{error}"
        );
        assert_eq!(error.got(), bad);
        assert_eq!(IdempotencyKey::new(bad).unwrap_err(), error);
    }
}
