//! The client against local HTTP servers: what goes on the wire, how replies become values or errors,
//! and the settings `build()` and `from_lookup` accept or refuse.

use std::collections::HashMap;
use std::error::Error as _;
use std::time::Duration;

use serde::Deserialize;
use twilio_endpoint_runtime::__private::{decode_empty, decode_json, send};
use twilio_endpoint_runtime::values::{AccountSid, ApiKeySid};
use twilio_endpoint_runtime::{
    Client, Endpoint, Error, FormField, FormWriter, Method, Params, PathWriter, Rule, ValidationErrors,
    Violation,
};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const ACCOUNT: &str = "AC0123456789abcdef0123456789abcdef";
const TOKEN: &str = "test-auth-token";
const API_KEY: &str = "SKfedcba9876543210fedcba9876543210";
const API_SECRET: &str = "test-api-secret";
/// `Basic base64("{ACCOUNT}:{TOKEN}")`, computed independently (Python's `base64.b64encode`).
const TOKEN_AUTHORIZATION: &str =
    "Basic QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjp0ZXN0LWF1dGgtdG9rZW4=";
/// `Basic base64("{API_KEY}:{API_SECRET}")`.
const API_KEY_AUTHORIZATION: &str =
    "Basic U0tmZWRjYmE5ODc2NTQzMjEwZmVkY2JhOTg3NjU0MzIxMDp0ZXN0LWFwaS1zZWNyZXQ=";
const FORM: &str = "application/x-www-form-urlencoded";

/// The parameters every test operation sends: a text, an optional integer and a list.
#[derive(Default)]
struct Thing {
    sid: String,
    name: Option<String>,
    count: Option<u32>,
    tags: Vec<String>,
    /// Makes `check` report a violation, to show that nothing is sent then.
    invalid: bool,
}

impl Params for Thing {
    fn check(&self, errors: &mut ValidationErrors) {
        if self.invalid {
            errors.push(Violation::new(
                "Name",
                Rule::Custom("must not be invalid".into()),
                self.name.clone(),
            ));
        }
    }

    fn write_params(&self, out: &mut FormWriter) {
        self.name.write_field("Name", out);
        self.count.write_field("Count", out);
        self.tags.write_field("Tag", out);
    }
}

#[derive(Debug, Deserialize, PartialEq)]
struct ThingResource {
    sid: String,
    name: String,
}

/// One operation on `/Things/{Sid}.json` per HTTP method, implemented as `#[twilio_endpoint]` would.
macro_rules! thing_endpoint {
    ($name:ident, $method:ident, $response:ty, $decode:path) => {
        struct $name(Thing);

        impl Params for $name {
            fn check(&self, errors: &mut ValidationErrors) {
                self.0.check(errors);
            }

            fn write_params(&self, out: &mut FormWriter) {
                self.0.write_params(out);
            }
        }

        impl Endpoint for $name {
            const METHOD: Method = Method::$method;
            const PATH: &'static str = "/2010-04-01/Accounts/{AccountSid}/Things/{Sid}.json";
            type Response = $response;

            fn write_path(&self, account: &AccountSid, out: &mut PathWriter) {
                out.literal("/2010-04-01/Accounts/");
                out.param(account);
                out.literal("/Things/");
                out.param(&self.0.sid);
                out.literal(".json");
            }

            fn decode_response(body: &[u8]) -> Result<Self::Response, serde_json::Error> {
                $decode(body)
            }
        }
    };
}

thing_endpoint!(UpdateThing, Post, ThingResource, decode_json);
thing_endpoint!(FetchThing, Get, ThingResource, decode_json);
thing_endpoint!(DeleteThing, Delete, (), decode_empty);

fn account() -> AccountSid {
    ACCOUNT.parse().unwrap()
}

fn client_for(server: &MockServer) -> Client {
    client_at(server.uri())
}

fn client_at(base_url: String) -> Client {
    Client::builder().account_sid(account()).auth_token(TOKEN).base_url(base_url).build().unwrap()
}

fn thing() -> Thing {
    Thing {
        sid: "TH1 é/x".into(),
        name: Some("a b+c~*".into()),
        count: Some(3),
        tags: vec!["x".into(), "y z".into()],
        invalid: false,
    }
}

const THING_PATH: &str =
    "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Things/TH1%20%C3%A9%2Fx.json";
const THING_PARAMS: &str = "Name=a+b%2Bc~%2A&Count=3&Tag=x&Tag=y+z";
const THING_JSON: &str = r#"{"sid": "TH1", "name": "a b+c~*", "extra": [1, 2]}"#;

async fn server_answering(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(template).mount(&server).await;
    server
}

async fn only_request(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "expected exactly one request");
    requests.remove(0)
}

fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request.headers.get(name).map(|value| value.to_str().unwrap())
}

fn thing_json_reply(status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(THING_JSON, "application/json")
}

/// The error's message and every cause below it, as an error reporter would print them.
fn full_message(error: &Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

fn api_error(result: Result<impl std::fmt::Debug, Error>) -> twilio_endpoint_runtime::ApiError {
    match result {
        Err(Error::Api(error)) => error,
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[tokio::test]
async fn post_sends_path_credentials_and_the_exact_form_body() {
    let server = server_answering(thing_json_reply(201)).await;
    let response = send(&client_for(&server), &UpdateThing(thing())).await.unwrap();
    assert_eq!(response, ThingResource { sid: "TH1".into(), name: "a b+c~*".into() });

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(request.url.path(), THING_PATH);
    assert_eq!(request.url.query(), None);
    assert_eq!(header(&request, "authorization"), Some(TOKEN_AUTHORIZATION));
    assert_eq!(header(&request, "content-type"), Some(FORM));
    assert_eq!(header(&request, "accept"), Some("application/json"));
    assert_eq!(
        header(&request, "user-agent"),
        Some(concat!("twilio-endpoint/", env!("CARGO_PKG_VERSION"), " (Rust)"))
    );
    assert_eq!(String::from_utf8(request.body).unwrap(), THING_PARAMS);
}

#[tokio::test]
async fn api_key_credentials_authenticate_as_the_key_but_address_the_account() {
    let server = server_answering(thing_json_reply(200)).await;
    let client = Client::builder()
        .account_sid(account())
        .api_key(API_KEY.parse::<ApiKeySid>().unwrap(), API_SECRET)
        .base_url(server.uri())
        .build()
        .unwrap();
    send(&client, &FetchThing(thing())).await.unwrap();

    let request = only_request(&server).await;
    assert_eq!(header(&request, "authorization"), Some(API_KEY_AUTHORIZATION));
    assert_eq!(request.url.path(), THING_PATH);
}

#[tokio::test]
async fn get_sends_the_parameters_as_the_query_string_as_encoded() {
    let server = server_answering(thing_json_reply(200)).await;
    send(&client_for(&server), &FetchThing(thing())).await.unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "GET");
    assert_eq!(request.url.path(), THING_PATH);
    assert_eq!(request.url.query(), Some(THING_PARAMS));
    assert_eq!(header(&request, "content-type"), None);
    assert!(request.body.is_empty());
}

#[tokio::test]
async fn a_get_without_parameters_has_no_query_string() {
    let server = server_answering(thing_json_reply(200)).await;
    let request = FetchThing(Thing { sid: "TH1".into(), ..Thing::default() });
    send(&client_for(&server), &request).await.unwrap();
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), format!("/2010-04-01/Accounts/{ACCOUNT}/Things/TH1.json"));
    assert_eq!(request.url.query(), None);
}

#[tokio::test]
async fn delete_answered_204_is_ok() {
    let server = server_answering(ResponseTemplate::new(204)).await;
    let request = DeleteThing(Thing { sid: "TH1".into(), ..Thing::default() });
    send(&client_for(&server), &request).await.unwrap();
    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "DELETE");
    assert_eq!(request.url.query(), None);
}

#[tokio::test]
async fn a_trailing_slash_on_the_base_url_is_ignored() {
    let server = server_answering(thing_json_reply(200)).await;
    let client = client_at(format!("{}/", server.uri()));
    assert_eq!(client.base_url(), server.uri());
    send(&client, &FetchThing(thing())).await.unwrap();
    assert_eq!(only_request(&server).await.url.path(), THING_PATH);
}

/// A gateway's path prefix stays in front of every request's path, the query after it; the path is
/// set on the parsed base URL, not joined as text.
#[tokio::test]
async fn a_base_url_path_prefix_is_kept_before_every_path() {
    let server = server_answering(thing_json_reply(200)).await;
    let client = client_at(format!("{}/twilio%20gw/v1/", server.uri()));
    send(&client, &FetchThing(thing())).await.unwrap();
    send(&client, &UpdateThing(thing())).await.unwrap();

    let requests = server.received_requests().await.unwrap();
    let prefixed = format!("/twilio%20gw/v1{THING_PATH}");
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].url.path(), prefixed);
    assert_eq!(requests[0].url.query(), Some(THING_PARAMS));
    assert_eq!(requests[1].url.path(), prefixed);
    assert_eq!(requests[1].url.query(), None);
}

#[tokio::test]
async fn twilio_error_json_becomes_an_api_error_with_the_request_id() {
    let body = r#"{"code": 21205, "message": "Url is not a valid URL: ftp://x", "more_info": "https://www.twilio.com/docs/errors/21205", "status": 400}"#;
    let reply = ResponseTemplate::new(400)
        .set_body_raw(body, "application/json")
        .insert_header("Twilio-Request-Id", "RQ0123456789abcdef0123456789abcdef");
    let server = server_answering(reply).await;
    let error = api_error(send(&client_for(&server), &UpdateThing(thing())).await);

    assert_eq!(error.status(), 400);
    assert_eq!(error.code(), Some(21205));
    assert_eq!(error.message(), "Url is not a valid URL: ftp://x");
    assert_eq!(error.more_info(), Some("https://www.twilio.com/docs/errors/21205"));
    assert_eq!(error.request_id(), Some("RQ0123456789abcdef0123456789abcdef"));
    assert_eq!(
        error.to_string(),
        "Twilio answered 400 Bad Request: error 21205: Url is not a valid URL: ftp://x \
         (https://www.twilio.com/docs/errors/21205) [request RQ0123456789abcdef0123456789abcdef]"
    );
}

#[tokio::test]
async fn not_found_keeps_twilio_code_and_message() {
    let body = r#"{"code": 20404, "message": "The requested resource was not found", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404}"#;
    let server = server_answering(ResponseTemplate::new(404).set_body_raw(body, "application/json")).await;
    let error = api_error(send(&client_for(&server), &FetchThing(thing())).await);
    assert_eq!((error.status(), error.code(), error.request_id()), (404, Some(20404), None));
    assert_eq!(
        error.to_string(),
        "Twilio answered 404 Not Found: error 20404: The requested resource was not found \
         (https://www.twilio.com/docs/errors/20404)"
    );
}

#[tokio::test]
async fn an_html_error_page_becomes_a_short_excerpt() {
    let page = format!(
        "<html>\n  <head><title>500 Internal Server Error</title></head>\n  <body>{}</body>\n</html>",
        "é".repeat(5000)
    );
    let server = server_answering(ResponseTemplate::new(500).set_body_raw(page, "text/html")).await;
    let error = api_error(send(&client_for(&server), &FetchThing(thing())).await);
    assert_eq!(error.code(), None);
    assert_eq!(error.more_info(), None);
    assert!(
        error.message().starts_with("<html> <head><title>500 Internal Server Error</title></head> <body>éé")
    );
    assert!(error.message().ends_with("é…"));
    assert_eq!(error.message().chars().count(), 201);
    assert!(error.to_string().starts_with("Twilio answered 500 Internal Server Error: <html> <head>"));
}

#[tokio::test]
async fn an_empty_error_body_is_reported_as_such() {
    let server = server_answering(ResponseTemplate::new(503)).await;
    let error = api_error(send(&client_for(&server), &FetchThing(thing())).await);
    assert_eq!((error.code(), error.message()), (None, ""));
    assert_eq!(error.to_string(), "Twilio answered 503 Service Unavailable: empty body");
}

#[tokio::test]
async fn an_error_body_that_is_not_utf8_does_not_panic() {
    let server =
        server_answering(ResponseTemplate::new(502).set_body_bytes(b"bad \xff\xfe gateway\x00".to_vec()))
            .await;
    let error = api_error(send(&client_for(&server), &FetchThing(thing())).await);
    assert_eq!(error.message(), "bad \u{FFFD}\u{FFFD} gateway\u{FFFD}");
}

#[tokio::test]
async fn json_of_another_shape_is_shown_as_an_excerpt() {
    let server = server_answering(
        ResponseTemplate::new(429).set_body_raw(r#"{"error": "slow down"}"#, "application/json"),
    )
    .await;
    let error = api_error(send(&client_for(&server), &FetchThing(thing())).await);
    assert_eq!((error.status(), error.code(), error.message()), (429, None, r#"{"error": "slow down"}"#));
}

#[tokio::test]
async fn a_2xx_body_of_the_wrong_shape_is_a_decode_error() {
    let reply = ResponseTemplate::new(200)
        .set_body_raw(r#"{"sid": 42}"#, "application/json")
        .insert_header("Twilio-Request-Id", "RQ1");
    let server = server_answering(reply).await;
    let Err(Error::Decode(error)) = send(&client_for(&server), &FetchThing(thing())).await else {
        panic!("expected a decode error");
    };
    assert_eq!(
        (error.status(), error.request_id(), error.body_excerpt()),
        (200, Some("RQ1"), r#"{"sid": 42}"#)
    );
    assert_eq!(error.reason(), "invalid type: integer `42`, expected a string at line 1 column 10");
    assert_eq!(
        error.to_string(),
        r#"could not decode Twilio's 200 OK answer: invalid type: integer `42`, expected a string at line 1 column 10 (body: {"sid": 42}) [request RQ1]"#
    );
}

#[tokio::test]
async fn an_invalid_request_is_never_sent() {
    let server = server_answering(thing_json_reply(201)).await;
    let request = UpdateThing(Thing { invalid: true, name: Some("bad".into()), ..thing() });
    let Err(Error::Validation(errors)) = send(&client_for(&server), &request).await else {
        panic!("expected a validation error");
    };
    assert_eq!(errors.to_string(), "invalid request: Name: must not be invalid, got bad");
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn redirects_are_not_followed() {
    let elsewhere = server_answering(thing_json_reply(200)).await;
    let redirect =
        ResponseTemplate::new(302).insert_header("Location", format!("{}/stolen", elsewhere.uri()));
    let server = server_answering(redirect).await;
    let error = api_error(send(&client_for(&server), &UpdateThing(thing())).await);
    assert_eq!(error.status(), 302);
    assert!(elsewhere.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_refused_connection_is_a_connect_error_that_names_the_operation() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = Client::builder()
        .account_sid(account())
        .auth_token(TOKEN)
        .base_url(format!("http://127.0.0.1:{port}"))
        .build()
        .unwrap();
    let Err(error) = send(&client, &FetchThing(thing())).await else { panic!("expected an error") };
    let Error::Transport(transport) = &error else { panic!("expected a transport error, got {error:?}") };
    assert!(transport.is_connect());
    assert!(!transport.is_timeout());
    assert_eq!(transport.status(), None);
    assert_eq!((transport.method(), transport.path_template()), (Method::Get, FetchThing::PATH));
    assert_eq!(
        error.to_string(),
        "could not connect to Twilio for `GET /2010-04-01/Accounts/{AccountSid}/Things/{Sid}.json`; nothing was sent"
    );
    let everything = format!("{} {error:?}", full_message(&error));
    // Neither the secret, the URL (whose query may hold personal data) nor the parameters leak.
    for secret in [TOKEN, &TOKEN_AUTHORIZATION[6..], "TH1", "Name="] {
        assert!(!everything.contains(secret), "{secret:?} leaked into {everything}");
    }
}

#[tokio::test]
async fn a_post_whose_answer_times_out_has_an_unknown_outcome_and_is_not_resent() {
    let server = server_answering(thing_json_reply(201).set_delay(Duration::from_secs(5))).await;
    let client = Client::builder()
        .account_sid(account())
        .auth_token(TOKEN)
        .base_url(server.uri())
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let result = send(&client, &UpdateThing(thing())).await;
    // A reporter prints the error, then each source: the cause of the unknown outcome shows once.
    let chain: Vec<String> = {
        let top = result.as_ref().err().map(|error| error as &dyn std::error::Error);
        std::iter::successors(top, |&error| error.source()).map(ToString::to_string).collect()
    };
    assert_eq!(
        chain.iter().filter(|text| text.contains("timed out waiting for Twilio's answer")).count(),
        1,
        "{chain:#?}"
    );
    let Err(Error::OutcomeUnknown(unknown)) = result else {
        panic!("expected an unknown outcome");
    };
    assert_eq!((unknown.method(), unknown.status(), unknown.request_id()), (Method::Post, None, None));
    let Some(error) = unknown.source().and_then(|source| source.downcast_ref::<Error>()) else {
        panic!("the cause is the source");
    };
    let Error::Transport(error) = error else { panic!("expected a transport error, got {error:?}") };
    assert!(error.is_timeout());
    assert!(!error.is_connect());
    assert_eq!(
        unknown.to_string(),
        "`POST /2010-04-01/Accounts/{AccountSid}/Things/{Sid}.json` may or may not have been carried out by \
         Twilio, and was not retried so as not to repeat it"
    );
    assert!(
        error.to_string().starts_with("timed out waiting for Twilio's answer to `POST /2010-04-01/"),
        "{error}"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[test]
fn plain_http_is_refused_except_to_loopback() {
    let build = |url: &str| Client::builder().account_sid(account()).auth_token(TOKEN).base_url(url).build();
    let Err(Error::Config(error)) = build("http://api.twilio.com") else { panic!("plain http was accepted") };
    assert!(error.to_string().contains("plain `http://`"), "{error}");
    assert!(build("http://10.0.0.1:8080").is_err());
    assert!(build("http://127.0.0.2:8080").is_ok());
    for url in
        ["https://gateway.example.com/twilio", "http://127.0.0.1:1", "http://[::1]:1", "http://localhost:1"]
    {
        assert!(build(url).is_ok(), "{url} was refused");
    }
    assert!(build("not a url").is_err());
    assert!(build("https://user:pw@gateway.example.com").is_err());
}

#[test]
fn region_and_edge_choose_the_twilio_host() {
    let host = |region: Option<&str>, edge: Option<&str>| {
        let mut builder = Client::builder().account_sid(account()).auth_token(TOKEN);
        if let Some(region) = region {
            builder = builder.region(region);
        }
        if let Some(edge) = edge {
            builder = builder.edge(edge);
        }
        builder.build().map(|client| client.base_url().to_owned())
    };
    assert_eq!(host(None, None).unwrap(), "https://api.twilio.com");
    assert_eq!(host(Some("au1"), None).unwrap(), "https://api.au1.twilio.com");
    assert_eq!(host(None, Some("sydney")).unwrap(), "https://api.sydney.us1.twilio.com");
    assert_eq!(host(Some("ie1"), Some("dublin")).unwrap(), "https://api.dublin.ie1.twilio.com");
    assert!(host(Some("us1.evil.com/"), None).is_err());
    assert!(host(None, Some("")).is_err());
}

#[test]
fn a_base_url_wins_over_region_and_edge() {
    let client = Client::builder()
        .account_sid(account())
        .auth_token(TOKEN)
        .region("au1")
        .edge("sydney")
        .base_url("https://gateway.example.com")
        .build()
        .unwrap();
    assert_eq!(client.base_url(), "https://gateway.example.com");
}

#[test]
fn missing_settings_are_named() {
    let error = Client::builder().auth_token(TOKEN).build().unwrap_err();
    assert!(error.to_string().contains("no account SID"), "{error}");
    let error = Client::builder().account_sid(account()).build().unwrap_err();
    assert!(error.to_string().contains("no credentials"), "{error}");
    let error = Client::new(account(), "").unwrap_err();
    assert_eq!(error.to_string(), "the auth token is empty");
    let error = Client::builder()
        .account_sid(account())
        .auth_token(TOKEN)
        .timeout(Duration::ZERO)
        .build()
        .unwrap_err();
    assert!(error.to_string().contains("`timeout` is zero"), "{error}");
}

#[test]
fn debug_never_shows_secrets() {
    let client = Client::new(account(), TOKEN).unwrap();
    let debug = format!("{client:?}");
    assert_eq!(
        debug,
        format!(
            r#"Client {{ account_sid: "{ACCOUNT}", auth: AuthToken("<redacted>"), base_url: "https://api.twilio.com", .. }}"#
        )
    );

    let builder = Client::builder().account_sid(account()).api_key(API_KEY.parse().unwrap(), API_SECRET);
    let builder_debug = format!("{builder:?}");
    let client = builder.build().unwrap();
    for debug in [builder_debug, format!("{client:?}")] {
        assert!(debug.contains(API_KEY) && debug.contains("<redacted>"), "{debug}");
        assert!(!debug.contains(API_SECRET) && !debug.contains(&API_KEY_AUTHORIZATION[6..]), "{debug}");
    }
}

fn lookup(vars: &[(&str, &str)]) -> impl FnMut(&str) -> Option<String> {
    let vars: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    move |name| vars.get(name).cloned()
}

fn from_vars(vars: &[(&str, &str)]) -> Result<Client, Error> {
    twilio_endpoint_runtime::ClientBuilder::from_lookup(lookup(vars))?.build()
}

#[test]
fn from_lookup_reads_twilio_variables() {
    let client = from_vars(&[("TWILIO_ACCOUNT_SID", ACCOUNT), ("TWILIO_AUTH_TOKEN", TOKEN)]).unwrap();
    assert_eq!(client.account_sid().as_str(), ACCOUNT);
    assert!(format!("{client:?}").contains("AuthToken"));
    assert_eq!(client.base_url(), "https://api.twilio.com");

    // An API key wins over an auth token; region and edge pick the host.
    let client = from_vars(&[
        ("TWILIO_ACCOUNT_SID", ACCOUNT),
        ("TWILIO_AUTH_TOKEN", TOKEN),
        ("TWILIO_API_KEY", API_KEY),
        ("TWILIO_API_SECRET", API_SECRET),
        ("TWILIO_REGION", "ie1"),
        ("TWILIO_EDGE", " dublin\n"),
    ])
    .unwrap();
    assert!(format!("{client:?}").contains(API_KEY));
    assert_eq!(client.base_url(), "https://api.dublin.ie1.twilio.com");
}

#[test]
fn from_lookup_names_what_is_missing_or_wrong() {
    let message = |vars: &[(&str, &str)]| from_vars(vars).unwrap_err().to_string();
    assert_eq!(
        message(&[("TWILIO_AUTH_TOKEN", TOKEN)]),
        "environment variable `TWILIO_ACCOUNT_SID` is not set"
    );
    assert_eq!(
        message(&[("TWILIO_ACCOUNT_SID", " "), ("TWILIO_AUTH_TOKEN", TOKEN)]),
        "environment variable `TWILIO_ACCOUNT_SID` is not set"
    );
    // A swapped variable must not put the secret in the message.
    assert_eq!(
        message(&[("TWILIO_ACCOUNT_SID", TOKEN), ("TWILIO_AUTH_TOKEN", ACCOUNT)]),
        "`TWILIO_ACCOUNT_SID` is not an account SID; expected `AC` followed by 32 hex digits"
    );
    assert_eq!(
        message(&[("TWILIO_ACCOUNT_SID", ACCOUNT)]),
        "no Twilio credentials in the environment; set `TWILIO_AUTH_TOKEN`, or `TWILIO_API_KEY` and `TWILIO_API_SECRET`"
    );
    assert_eq!(
        message(&[
            ("TWILIO_ACCOUNT_SID", ACCOUNT),
            ("TWILIO_AUTH_TOKEN", TOKEN),
            ("TWILIO_API_KEY", API_KEY)
        ]),
        "`TWILIO_API_KEY` is set but `TWILIO_API_SECRET` is not; set both, or neither to use `TWILIO_AUTH_TOKEN`"
    );
    assert!(
        message(&[("TWILIO_ACCOUNT_SID", ACCOUNT), ("TWILIO_API_SECRET", API_SECRET)])
            .starts_with("`TWILIO_API_SECRET` is set but `TWILIO_API_KEY` is not")
    );
    assert!(
        message(&[
            ("TWILIO_ACCOUNT_SID", ACCOUNT),
            ("TWILIO_API_KEY", API_SECRET),
            ("TWILIO_API_SECRET", API_KEY)
        ]) == "`TWILIO_API_KEY` is not an API key SID; expected `SK` followed by 32 hex digits"
    );
    assert!(
        message(&[("TWILIO_ACCOUNT_SID", ACCOUNT), ("TWILIO_AUTH_TOKEN", TOKEN), ("TWILIO_REGION", "a.b")])
            .starts_with("region `a.b` is not a Twilio region name")
    );
}
