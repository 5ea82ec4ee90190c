//! An in-process Twilio double on 127.0.0.1, for demos and tests that must run without an account.
//!
//! ```
//! use twilio_endpoint::mock::MockTwilio;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let twilio = MockTwilio::start().await;
//! let client = twilio.client(); // already pointed at the mock, with its test credentials
//! # let _ = client;
//! // ... send requests with `client` ...
//! for request in twilio.received_requests().await {
//!     println!("{} {} {}", request.method, request.path_and_query, request.body);
//! }
//! # }
//! ```
//!
//! It answers like Twilio does: HTTP Basic authentication with the test account's credentials (else
//! 401, Twilio's error 20003), the resources of its routing table with the examples of Twilio's OpenAPI
//! description, Twilio's error 20404 for anything else, and a `Twilio-Request-Id` on every reply. It
//! does not validate parameters or keep state: a created resource is always the same example.

pub mod lifecycle;

use std::sync::atomic::{AtomicU64, Ordering};

use twilio_endpoint_runtime::Client;
use twilio_endpoint_runtime::values::AccountSid;
use wiremock::matchers::{BasicAuthMatcher, any, basic_auth};
use wiremock::{Match, Mock, MockServer, Request, Respond, ResponseTemplate};

/// A running Twilio double; it stops when dropped.
pub struct MockTwilio {
    server: MockServer,
    client: Client,
}

impl MockTwilio {
    /// The test account the mock serves; [`client`](Self::client) uses it.
    pub const ACCOUNT_SID: AccountSid = AccountSid::from_static("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

    /// The test account's auth token; any other credentials get a 401.
    pub const AUTH_TOKEN: &'static str = "0123456789abcdef0123456789abcdef";

    /// Starts the mock on a free port of 127.0.0.1.
    ///
    /// # Panics
    ///
    /// When no local port can be bound or the HTTP client cannot be initialised, as
    /// [`MockServer::start`] does: a test cannot go on without them.
    pub async fn start() -> MockTwilio {
        let server = MockServer::start().await;
        let twilio = TwilioResponder {
            auth: basic_auth(Self::ACCOUNT_SID.as_str(), Self::AUTH_TOKEN),
            requests: AtomicU64::new(0),
        };
        Mock::given(any()).respond_with(twilio).mount(&server).await;
        let client = Client::builder()
            .account_sid(Self::ACCOUNT_SID)
            .auth_token(Self::AUTH_TOKEN)
            .base_url(server.uri())
            .build()
            .unwrap_or_else(|error| panic!("the client for the Twilio mock could not be built: {error}"));
        MockTwilio { server, client }
    }

    /// A client for the test account, pointed at the mock.
    pub fn client(&self) -> Client {
        self.client.clone()
    }

    /// The mock's base URL, e.g. `http://127.0.0.1:40123`, for a client built by hand.
    pub fn base_url(&self) -> String {
        self.server.uri()
    }

    /// Every request received so far, in order, whether it was answered with success or not.
    pub async fn received_requests(&self) -> Vec<ReceivedRequest> {
        let requests = self.server.received_requests().await.unwrap_or_default();
        requests
            .iter()
            .map(|request| ReceivedRequest {
                method: request.method.to_string(),
                path_and_query: path_and_query(request),
                body: String::from_utf8_lossy(&request.body).into_owned(),
            })
            .collect()
    }
}

/// A request as the mock received it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReceivedRequest {
    /// `GET`, `POST` or `DELETE`.
    pub method: String,
    /// The path and, when there is one, `?` and the query string, both as sent (percent-encoded).
    pub path_and_query: String,
    /// The form body as sent (invalid UTF-8 replaced by `�`); empty for `GET` and `DELETE`.
    pub body: String,
}

/// One resource the mock serves: a method, a path template whose `{Placeholders}` match any single
/// segment, and the reply.
struct Route {
    method: &'static str,
    path: &'static str,
    status: u16,
    /// `None` for a reply without a body (`204 No Content`).
    body: Option<&'static str>,
}

/// What the mock serves: every operation of the catalog, answered with the first example of Twilio's
/// OpenAPI description (`scripts/mock_examples.py` writes them). Each new operation is one more row.
const ROUTES: &[Route] = &[
    Route {
        method: "POST",
        path: "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json",
        status: 201,
        body: Some(include_str!("examples/CreateParticipant.json")),
    },
    Route {
        method: "GET",
        path: "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json",
        status: 200,
        body: Some(include_str!("examples/ListParticipant.json")),
    },
    Route {
        method: "GET",
        path: "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json",
        status: 200,
        body: Some(include_str!("examples/FetchParticipant.json")),
    },
    Route {
        method: "POST",
        path: "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json",
        status: 200,
        body: Some(include_str!("examples/UpdateParticipant.json")),
    },
    Route {
        method: "DELETE",
        path: "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json",
        status: 204,
        body: None,
    },
    Route {
        method: "GET",
        path: "/2010-04-01/Accounts/{AccountSid}/Conferences.json",
        status: 200,
        body: Some(include_str!("examples/ListConference.json")),
    },
    Route {
        method: "GET",
        path: "/2010-04-01/Accounts/{AccountSid}/Conferences/{Sid}.json",
        status: 200,
        body: Some(include_str!("examples/FetchConference.json")),
    },
    Route {
        method: "POST",
        path: "/2010-04-01/Accounts/{AccountSid}/Conferences/{Sid}.json",
        status: 200,
        body: Some(include_str!("examples/UpdateConference.json")),
    },
    Route {
        method: "GET",
        path: "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Recordings.json",
        status: 200,
        body: Some(include_str!("examples/ListConferenceRecording.json")),
    },
    Route {
        method: "GET",
        path: "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Recordings/{Sid}.json",
        status: 200,
        body: Some(include_str!("examples/FetchConferenceRecording.json")),
    },
    Route {
        method: "POST",
        path: "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Recordings/{Sid}.json",
        status: 200,
        body: Some(include_str!("examples/UpdateConferenceRecording.json")),
    },
    Route {
        method: "DELETE",
        path: "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Recordings/{Sid}.json",
        status: 204,
        body: None,
    },
    Route {
        method: "POST",
        path: "/2010-04-01/Accounts/{AccountSid}/Calls.json",
        status: 201,
        body: Some(include_str!("examples/CreateCall.json")),
    },
    Route {
        method: "GET",
        path: "/2010-04-01/Accounts/{AccountSid}/Calls.json",
        status: 200,
        body: Some(include_str!("examples/ListCall.json")),
    },
    Route {
        method: "GET",
        path: "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json",
        status: 200,
        body: Some(include_str!("examples/FetchCall.json")),
    },
    Route {
        method: "POST",
        path: "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json",
        status: 200,
        body: Some(include_str!("examples/UpdateCall.json")),
    },
    Route {
        method: "DELETE",
        path: "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json",
        status: 204,
        body: None,
    },
    Route {
        method: "POST",
        path: "/2010-04-01/Accounts/{AccountSid}/Messages.json",
        status: 201,
        body: Some(include_str!("examples/CreateMessage.json")),
    },
    Route {
        method: "GET",
        path: "/2010-04-01/Accounts/{AccountSid}/Messages.json",
        status: 200,
        body: Some(include_str!("examples/ListMessage.json")),
    },
    Route {
        method: "GET",
        path: "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json",
        status: 200,
        body: Some(include_str!("examples/FetchMessage.json")),
    },
    Route {
        method: "POST",
        path: "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json",
        status: 200,
        body: Some(include_str!("examples/UpdateMessage.json")),
    },
    Route {
        method: "DELETE",
        path: "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json",
        status: 204,
        body: None,
    },
];

const JSON: &str = "application/json; charset=utf-8";

/// Answers every request: authentication first, then the routing table.
struct TwilioResponder {
    auth: BasicAuthMatcher,
    /// How many requests were answered, which numbers the request ids.
    requests: AtomicU64,
}

impl Respond for TwilioResponder {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let number = self.requests.fetch_add(1, Ordering::Relaxed) + 1;
        let reply = if !self.auth.matches(request) {
            twilio_error(401, 20003, "Authenticate")
                .insert_header("WWW-Authenticate", r#"Basic realm="Twilio API""#)
        } else if let Some(route) = ROUTES.iter().find(|route| route.matches(request)) {
            let reply = ResponseTemplate::new(route.status);
            match route.body {
                Some(body) => reply.set_body_raw(body, JSON),
                None => reply,
            }
        } else {
            let message = format!("The requested resource {} was not found", request.url.path());
            twilio_error(404, 20404, &message)
        };
        // Twilio's request ids are `RQ` and 32 hex digits.
        reply.insert_header("Twilio-Request-Id", format!("RQ{number:032x}"))
    }
}

impl Route {
    fn matches(&self, request: &Request) -> bool {
        let mut template = self.path.split('/');
        let mut path = request.url.path().split('/');
        request.method.as_str() == self.method
            && loop {
                match (template.next(), path.next()) {
                    (None, None) => break true,
                    (Some(pattern), Some(segment)) if segment_matches(pattern, segment) => {}
                    _ => break false,
                }
            }
    }
}

/// Whether `segment` fits `pattern`: the same text, or, when `pattern` holds a `{Placeholder}`, the
/// same text around it with at least one character in its place (`{CallSid}.json` fits `CA….json`).
fn segment_matches(pattern: &str, segment: &str) -> bool {
    let Some((prefix, rest)) = pattern.split_once('{') else { return pattern == segment };
    let Some((_, suffix)) = rest.split_once('}') else { return pattern == segment };
    segment.len() > prefix.len() + suffix.len() && segment.starts_with(prefix) && segment.ends_with(suffix)
}

/// Twilio's error JSON, as its API writes it.
fn twilio_error(status: u16, code: u32, message: &str) -> ResponseTemplate {
    let body = serde_json::json!({
        "code": code,
        "message": message,
        "more_info": format!("https://www.twilio.com/docs/errors/{code}"),
        "status": status,
    });
    ResponseTemplate::new(status).set_body_raw(body.to_string(), JSON)
}

fn path_and_query(request: &Request) -> String {
    match request.url.query() {
        Some(query) => format!("{}?{query}", request.url.path()),
        None => request.url.path().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use crate::__private::{decode_empty, decode_json, send};
    use crate::{Endpoint, Error, FormWriter, Method, Params, PathWriter, ValidationErrors};
    use serde_json::Value;

    use super::*;

    /// A request to any path of the mock, one type per method, with a fixed form.
    macro_rules! raw_endpoint {
        ($name:ident, $method:ident, $response:ty, $decode:path) => {
            struct $name(&'static str);

            impl Params for $name {
                fn check(&self, _: &mut ValidationErrors) {}

                fn write_params(&self, out: &mut FormWriter) {
                    out.pair("To", "+15558675310");
                }
            }

            impl Endpoint for $name {
                const METHOD: Method = Method::$method;
                const PATH: &'static str = "(raw)";
                type Response = $response;

                fn write_path(&self, _: &AccountSid, out: &mut PathWriter) {
                    out.literal(self.0);
                }

                fn decode_response(body: &[u8]) -> Result<Self::Response, serde_json::Error> {
                    $decode(body)
                }
            }
        };
    }

    raw_endpoint!(Post, Post, Value, decode_json);
    raw_endpoint!(Get, Get, Value, decode_json);
    raw_endpoint!(Delete, Delete, (), decode_empty);

    const PARTICIPANTS: &str =
        "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/My%20Room/Participants.json";
    const PARTICIPANT_PATH: &str = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/\
                                    CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants/CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json";

    fn api_error<T: std::fmt::Debug>(result: Result<T, Error>) -> twilio_endpoint_runtime::ApiError {
        match result {
            Err(Error::Api(error)) => error,
            other => panic!("expected an API error, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn serves_the_examples_of_the_participant_operations() {
        let twilio = MockTwilio::start().await;
        let client = twilio.client();
        let created = send(&client, &Post(PARTICIPANTS)).await.unwrap();
        assert_eq!(created["call_sid"], "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        let fetched = send(&client, &Get(PARTICIPANT_PATH)).await.unwrap();
        assert_eq!(fetched["call_sid"], created["call_sid"]);
        let updated = send(&client, &Post(PARTICIPANT_PATH)).await.unwrap();
        assert_eq!(updated["conference_sid"], created["conference_sid"]);
        send(&client, &Delete(PARTICIPANT_PATH)).await.unwrap();

        let requests = twilio.received_requests().await;
        let seen: Vec<_> = requests
            .iter()
            .map(|r| (r.method.as_str(), r.path_and_query.as_str(), r.body.as_str()))
            .collect();
        let query = format!("{PARTICIPANT_PATH}?To=%2B15558675310");
        assert_eq!(
            seen,
            [
                ("POST", PARTICIPANTS, "To=%2B15558675310"),
                ("GET", query.as_str(), ""),
                ("POST", PARTICIPANT_PATH, "To=%2B15558675310"),
                ("DELETE", query.as_str(), ""),
            ]
        );
    }

    #[tokio::test]
    async fn wrong_credentials_get_twilio_error_20003() {
        let twilio = MockTwilio::start().await;
        let client = Client::builder()
            .account_sid(MockTwilio::ACCOUNT_SID)
            .auth_token("wrong")
            .base_url(twilio.base_url())
            .build()
            .unwrap();
        let error = api_error(send(&client, &Get(PARTICIPANT_PATH)).await);
        assert_eq!((error.status(), error.code(), error.message()), (401, Some(20003), "Authenticate"));
        assert_eq!(error.more_info(), Some("https://www.twilio.com/docs/errors/20003"));
    }

    #[tokio::test]
    async fn anything_else_is_twilio_error_20404_with_a_request_id() {
        let twilio = MockTwilio::start().await;
        let path = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Queues.json";
        let error = api_error(send(&twilio.client(), &Post(path)).await);
        assert_eq!((error.status(), error.code()), (404, Some(20404)));
        assert_eq!(error.message(), format!("The requested resource {path} was not found"));
        assert_eq!(error.request_id(), Some("RQ00000000000000000000000000000001"));
        // The right path with the wrong method is not a resource either.
        let error = api_error(send(&twilio.client(), &Delete(PARTICIPANTS)).await);
        assert_eq!(error.request_id(), Some("RQ00000000000000000000000000000002"));
    }

    #[test]
    fn placeholders_match_one_non_empty_segment() {
        assert!(segment_matches("{CallSid}.json", "CA1.json"));
        assert!(!segment_matches("{CallSid}.json", ".json"));
        assert!(!segment_matches("{CallSid}.json", "CA1.xml"));
        assert!(segment_matches("{AccountSid}", "AC1"));
        assert!(!segment_matches("{AccountSid}", ""));
        assert!(segment_matches("Participants.json", "Participants.json"));
        assert!(!segment_matches("Participants.json", "Calls.json"));
    }
}
