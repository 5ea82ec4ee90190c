//! Requests to the mock Twilio sent with a plain HTTP client, past the crate's `validate()`, as another
//! SDK or a hand-written client would send them. Included with `#[path]` by the `mock_*` tests.

#![allow(dead_code, reason = "each test file uses some of the helpers")]

use serde_json::Value;
use twilio_endpoint::mock::MockTwilio;

pub const ACCOUNT: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

/// What the mock answered.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub json: Value,
    pub request_id: Option<String>,
    pub retry_after: Option<String>,
}

impl Answer {
    /// Twilio's error code, `code` of the JSON.
    pub fn code(&self) -> Option<u64> {
        self.json["code"].as_u64()
    }

    /// Twilio's error message.
    pub fn message(&self) -> &str {
        self.json["message"].as_str().unwrap_or_default()
    }
}

/// `method` on `path_and_query` of the mock with `body` as a form, authenticated with `credentials`
/// (the test account's when `None`).
pub async fn send_as(
    twilio: &MockTwilio,
    method: &str,
    path_and_query: &str,
    body: &str,
    credentials: Option<(&str, &str)>,
) -> Answer {
    let http = reqwest::Client::new();
    let url = format!("{}{path_and_query}", twilio.base_url());
    let (user, password) = credentials.unwrap_or((ACCOUNT, MockTwilio::AUTH_TOKEN));
    let mut request = http
        .request(method.parse().expect("a method"), url)
        .basic_auth(user, Some(password))
        .header("Content-Type", "application/x-www-form-urlencoded");
    if !body.is_empty() {
        request = request.body(body.to_owned());
    }
    let reply = request.send().await.expect("the mock answers");
    let header =
        |name: &str| reply.headers().get(name).and_then(|value| value.to_str().ok()).map(str::to_owned);
    let (request_id, retry_after) = (header("Twilio-Request-Id"), header("Retry-After"));
    let status = reply.status().as_u16();
    let bytes = reply.bytes().await.expect("a whole body");
    let json =
        if bytes.is_empty() { Value::Null } else { serde_json::from_slice(&bytes).expect("a JSON body") };
    Answer { status, json, request_id, retry_after }
}

/// [`send_as`] the test account.
pub async fn send(twilio: &MockTwilio, method: &str, path_and_query: &str, body: &str) -> Answer {
    send_as(twilio, method, path_and_query, body, None).await
}

/// The path of the test account's resource `rest`, e.g. `account_path("/Calls.json")`.
pub fn account_path(rest: &str) -> String {
    format!("/2010-04-01/Accounts/{ACCOUNT}{rest}")
}
