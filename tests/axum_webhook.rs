//! The axum extractor: a request reaches the handler only when Twilio's signature holds for the URL
//! Twilio requested and the body decodes; every other request is answered before, with the status
//! that says why, and the handler never runs.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{FromRef, State};
use axum::http::{Request, StatusCode, header};
use axum::routing::post;
use tower::ServiceExt as _;
use twilio_endpoint::api::v2010::webhooks::{ConferenceStatusCallback, ConferenceStatusEvent, IncomingCall};
use twilio_endpoint::axum::{TwilioWebhook, Twiml, WebhookConfig};
use twilio_endpoint::{SignatureAlgorithm, WebhookValidator};

const TOKEN: &str = "12345678901234567890123456789012";
const PUBLIC: &str = "https://hooks.example.com/twilio/conference?tenant=7";

const CONFERENCE_EVENT: &str = "ConferenceSid=CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&FriendlyName=My+Room\
    &AccountSid=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&SequenceNumber=3\
    &Timestamp=Tue%2C+01+Dec+2026+15%3A48%3A29+%2B0000&StatusCallbackEvent=participant-join\
    &CallSid=CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&Muted=false&Hold=false&Coaching=false\
    &EndConferenceOnExit=false&StartConferenceOnEnter=true";

/// The handler's state: the extractor's settings, and how many requests reached the handler.
#[derive(Clone)]
struct App {
    config: WebhookConfig,
    reached: Arc<AtomicUsize>,
}

impl FromRef<App> for WebhookConfig {
    fn from_ref(app: &App) -> Self {
        app.config.clone()
    }
}

async fn conference(
    State(app): State<App>,
    TwilioWebhook(event): TwilioWebhook<ConferenceStatusCallback>,
) -> Twiml {
    app.reached.fetch_add(1, Ordering::SeqCst);
    assert_eq!(event.status_callback_event, ConferenceStatusEvent::ParticipantJoin);
    assert_eq!(event.sequence_number, 3);
    Twiml::empty()
}

async fn voice(State(app): State<App>, TwilioWebhook(call): TwilioWebhook<IncomingCall>) -> Twiml {
    app.reached.fetch_add(1, Ordering::SeqCst);
    Twiml::say(&format!("Hello <{}> & welcome", call.from))
}

fn validator() -> WebhookValidator {
    WebhookValidator::new(TOKEN).unwrap()
}

fn app(config: WebhookConfig) -> (Router, Arc<AtomicUsize>) {
    let reached = Arc::new(AtomicUsize::new(0));
    let state = App { config, reached: reached.clone() };
    let router = Router::new()
        .route("/twilio/conference", post(conference).get(conference))
        .route("/conference", post(conference))
        .route("/voice", post(voice))
        .with_state(state);
    (router, reached)
}

/// A form POST to `path` with `Host: host`, signed for `signed_url` (no signature when `None`).
fn post_form(host: &str, path: &str, body: &str, signed_url: Option<&str>) -> axum::http::request::Builder {
    let mut request = Request::post(path)
        .header(header::HOST, host)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(url) = signed_url {
        let signature = validator().sign_form(SignatureAlgorithm::HmacSha1, url, body.as_bytes());
        request = request.header("X-Twilio-Signature", signature);
    }
    request
}

async fn send(router: Router, request: Request<Body>) -> (StatusCode, String, Option<String>) {
    let response = router.oneshot(request).await.unwrap();
    let status = response.status();
    let content_type =
        response.headers().get(header::CONTENT_TYPE).map(|value| value.to_str().unwrap().to_owned());
    let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, String::from_utf8(body.to_vec()).unwrap(), content_type)
}

fn public_config() -> WebhookConfig {
    WebhookConfig::new(validator()).public_url("https://hooks.example.com/twilio").unwrap()
}

#[tokio::test]
async fn a_signed_webhook_reaches_the_handler_typed() {
    let (router, reached) = app(public_config());
    let request = post_form("10.0.0.5:8080", "/conference?tenant=7", CONFERENCE_EVENT, Some(PUBLIC));
    let (status, body, content_type) =
        send(router, request.body(Body::from(CONFERENCE_EVENT)).unwrap()).await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::OK, r#"<?xml version="1.0" encoding="UTF-8"?><Response/>"#)
    );
    assert_eq!(content_type.as_deref(), Some("text/xml; charset=utf-8"));
    assert_eq!(reached.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_request_without_a_valid_signature_never_reaches_the_handler() {
    let tampered = CONFERENCE_EVENT.replace("SequenceNumber=3", "SequenceNumber=4");
    let other_token = WebhookValidator::new("another account's token").unwrap().sign_form(
        SignatureAlgorithm::HmacSha1,
        PUBLIC,
        CONFERENCE_EVENT.as_bytes(),
    );
    let signed = validator().sign_form(SignatureAlgorithm::HmacSha1, PUBLIC, CONFERENCE_EVENT.as_bytes());
    let cases: Vec<(&str, Request<Body>)> = vec![
        (
            "missing",
            post_form("h", "/conference?tenant=7", CONFERENCE_EVENT, None)
                .body(CONFERENCE_EVENT.into())
                .unwrap(),
        ),
        (
            "a value changed after signing",
            post_form("h", "/conference?tenant=7", &tampered, None)
                .header("X-Twilio-Signature", &signed)
                .body(tampered.clone().into())
                .unwrap(),
        ),
        (
            "another account's token",
            post_form("h", "/conference?tenant=7", CONFERENCE_EVENT, None)
                .header("X-Twilio-Signature", &other_token)
                .body(CONFERENCE_EVENT.into())
                .unwrap(),
        ),
        (
            "the query changed",
            post_form("h", "/conference?tenant=8", CONFERENCE_EVENT, None)
                .header("X-Twilio-Signature", &signed)
                .body(CONFERENCE_EVENT.into())
                .unwrap(),
        ),
        (
            "empty",
            post_form("h", "/conference?tenant=7", CONFERENCE_EVENT, None)
                .header("X-Twilio-Signature", "")
                .body(CONFERENCE_EVENT.into())
                .unwrap(),
        ),
        (
            "truncated",
            post_form("h", "/conference?tenant=7", CONFERENCE_EVENT, None)
                .header("X-Twilio-Signature", &signed[..20])
                .body(CONFERENCE_EVENT.into())
                .unwrap(),
        ),
        (
            "not UTF-8",
            post_form("h", "/conference?tenant=7", CONFERENCE_EVENT, None)
                .header("X-Twilio-Signature", axum::http::HeaderValue::from_bytes(b"\xff\xfe").unwrap())
                .body(CONFERENCE_EVENT.into())
                .unwrap(),
        ),
        (
            "signed as SHA-1, announced as SHA-256",
            post_form("h", "/conference?tenant=7", CONFERENCE_EVENT, None)
                .header("X-Twilio-Signature", &signed)
                .header("X-Twilio-Webhooks-Signature-Settings", "key=K1,algorithm=HMAC_SHA256")
                .body(CONFERENCE_EVENT.into())
                .unwrap(),
        ),
    ];
    for (case, request) in cases {
        let (router, reached) = app(public_config());
        let (status, body, _) = send(router, request).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{case}: {body}");
        assert!(body.starts_with("not a request signed by Twilio"), "{case}: {body}");
        assert!(
            !body.contains("My+Room") && !body.contains("My Room"),
            "{case}: the body is not shown: {body}"
        );
        assert_eq!(reached.load(Ordering::SeqCst), 0, "{case}");
    }
}

#[tokio::test]
async fn a_signed_body_that_does_not_decode_is_400_naming_the_key() {
    let body = CONFERENCE_EVENT.replace("SequenceNumber=3", "SequenceNumber=third");
    let (router, reached) = app(public_config());
    let request =
        post_form("h", "/conference?tenant=7", &body, Some(PUBLIC)).body(body.clone().into()).unwrap();
    let (status, text, _) = send(router, request).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(text.contains("`SequenceNumber`"), "{text}");
    assert_eq!(reached.load(Ordering::SeqCst), 0);

    let body = CONFERENCE_EVENT.replace("&FriendlyName=My+Room", "");
    let (router, _) = app(public_config());
    let request =
        post_form("h", "/conference?tenant=7", &body, Some(PUBLIC)).body(body.clone().into()).unwrap();
    let (status, text, _) = send(router, request).await;
    assert_eq!(
        (status, text.as_str()),
        (StatusCode::BAD_REQUEST, "the webhook does not decode: `FriendlyName`: required, but absent")
    );
}

#[tokio::test]
async fn a_body_past_the_limit_is_413_and_another_media_type_415() {
    let config = public_config().body_limit(64);
    let (router, reached) = app(config.clone());
    let request = post_form("h", "/conference?tenant=7", CONFERENCE_EVENT, Some(PUBLIC))
        .body(CONFERENCE_EVENT.into())
        .unwrap();
    assert_eq!(send(router, request).await.0, StatusCode::PAYLOAD_TOO_LARGE);
    // Without a declared length too: the body is read up to the limit only.
    let (router, _) = app(config);
    let stream = futures_util::stream::iter([Ok::<_, std::io::Error>(CONFERENCE_EVENT.as_bytes().to_vec())]);
    let request = post_form("h", "/conference?tenant=7", CONFERENCE_EVENT, Some(PUBLIC))
        .body(Body::from_stream(stream))
        .unwrap();
    assert_eq!(send(router, request).await.0, StatusCode::PAYLOAD_TOO_LARGE);

    let (router, _) = app(public_config());
    let signature = validator().sign_form(SignatureAlgorithm::HmacSha1, PUBLIC, CONFERENCE_EVENT.as_bytes());
    let request = Request::post("/conference?tenant=7")
        .header(header::HOST, "h")
        .header(header::CONTENT_TYPE, "application/json")
        .header("X-Twilio-Signature", signature)
        .body(CONFERENCE_EVENT.into())
        .unwrap();
    assert_eq!(send(router, request).await.0, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(reached.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn the_signed_url_comes_from_the_request_the_public_url_or_trusted_proxy_headers() {
    // Without settings: the request's own `Host`, over http.
    let signed_for = "http://127.0.0.1:3000/conference?tenant=7";
    let (router, _) = app(WebhookConfig::new(validator()));
    let request = post_form("127.0.0.1:3000", "/conference?tenant=7", CONFERENCE_EVENT, Some(signed_for));
    assert_eq!(send(router, request.body(CONFERENCE_EVENT.into()).unwrap()).await.0, StatusCode::OK);

    // Behind TLS termination, Twilio signed the public https URL: refused until the application says
    // which URL is public, or trusts its proxy's headers.
    let public = "https://hooks.example.com/conference?tenant=7";
    let forwarded = |request: axum::http::request::Builder| {
        request
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "hooks.example.com, proxy.internal")
    };
    let (router, _) = app(WebhookConfig::new(validator()));
    let request =
        forwarded(post_form("10.0.0.5:8080", "/conference?tenant=7", CONFERENCE_EVENT, Some(public)));
    assert_eq!(send(router, request.body(CONFERENCE_EVENT.into()).unwrap()).await.0, StatusCode::FORBIDDEN);

    let (router, _) = app(WebhookConfig::new(validator()).trust_forwarded_headers());
    let request =
        forwarded(post_form("10.0.0.5:8080", "/conference?tenant=7", CONFERENCE_EVENT, Some(public)));
    assert_eq!(send(router, request.body(CONFERENCE_EVENT.into()).unwrap()).await.0, StatusCode::OK);

    let (router, _) = app(WebhookConfig::new(validator()).public_url("https://hooks.example.com/").unwrap());
    let request = post_form("10.0.0.5:8080", "/conference?tenant=7", CONFERENCE_EVENT, Some(public));
    assert_eq!(send(router, request.body(CONFERENCE_EVENT.into()).unwrap()).await.0, StatusCode::OK);

    // Twilio may sign with the default port written out; both forms are accepted, as by the SDKs.
    let (router, _) = app(WebhookConfig::new(validator()).public_url("https://hooks.example.com").unwrap());
    let request = post_form(
        "h",
        "/conference?tenant=7",
        CONFERENCE_EVENT,
        Some("https://hooks.example.com:443/conference?tenant=7"),
    );
    assert_eq!(send(router, request.body(CONFERENCE_EVENT.into()).unwrap()).await.0, StatusCode::OK);
}

#[test]
fn a_public_url_is_an_absolute_http_url() {
    for bad in [
        "hooks.example.com",
        "ftp://hooks.example.com",
        "https://hooks.example.com/?a=1",
        "https://h/#x",
        "/path",
    ] {
        let error = WebhookConfig::new(validator()).public_url(bad).unwrap_err();
        assert!(error.to_string().starts_with("expected an absolute http(s) URL"), "{bad}: {error}");
    }
}

#[tokio::test]
async fn twiml_escapes_what_it_says() {
    let body = "AccountSid=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&CallSid=CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\
        &From=%2B15017122661&To=%2B15558675310&CallStatus=ringing&ApiVersion=2010-04-01&Direction=inbound";
    let url = "https://hooks.example.com/twilio/voice";
    let (router, reached) = app(public_config());
    let request = post_form("h", "/voice", body, Some(url)).body(body.into()).unwrap();
    let (status, text, _) = send(router, request).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        text,
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello &lt;+15017122661&gt; &amp; welcome</Say></Response>"#
    );
    assert_eq!(reached.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_get_callback_is_read_from_its_signed_query() {
    let public = format!("https://hooks.example.com/twilio/conference?{CONFERENCE_EVENT}");
    let signature = validator().sign_form(SignatureAlgorithm::HmacSha1, &public, b"");
    let get = |query: &str, signature: &str| {
        Request::get(format!("/twilio/conference?{query}"))
            .header(header::HOST, "h")
            .header("X-Twilio-Signature", signature)
            .body(Body::empty())
            .unwrap()
    };
    let (router, reached) =
        app(WebhookConfig::new(validator()).public_url("https://hooks.example.com").unwrap());
    assert_eq!(send(router, get(CONFERENCE_EVENT, &signature)).await.0, StatusCode::OK);
    assert_eq!(reached.load(Ordering::SeqCst), 1);

    // The parameters are the URL's: one changed breaks the signature.
    let tampered = CONFERENCE_EVENT.replace("SequenceNumber=3", "SequenceNumber=4");
    let (router, reached) =
        app(WebhookConfig::new(validator()).public_url("https://hooks.example.com").unwrap());
    assert_eq!(send(router, get(&tampered, &signature)).await.0, StatusCode::FORBIDDEN);
    assert_eq!(reached.load(Ordering::SeqCst), 0);
}
