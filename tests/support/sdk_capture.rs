//! The capture client of the SDK wire tests (`tests/sdk_wire_catalog.rs`, `tests/sdk_wire_products.rs`):
//! a local server that records what arrives, and a `Client` whose base URL is that server, with no
//! retry. Each request sent through it is previewed, then sent, and what arrived must be the preview.
//! Included with `#[path]`.

#![allow(dead_code, reason = "each test file uses some of the helpers")]

use serde::Deserialize;
use twilio_endpoint::values::AccountSid;
use twilio_endpoint::{Client, Endpoint, RetryPolicy};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// One request as it went over the wire.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Wire {
    pub method: String,
    /// The escaped path, then `?` and the query string when there is one.
    pub path: String,
    pub body: String,
    /// The `Content-Type` of a request with a body (`POST`, `PUT`); `None` without one, and always
    /// `None` from a [`Wires`] that does not record it ([`Wires::start`]).
    #[serde(default)]
    pub content_type: Option<String>,
}

/// The client the requests go through, and the local server that records what arrives. The base URL
/// override receives every product, as the SDK's domains pointed at the capture server did.
pub struct Wires {
    server: MockServer,
    client: Client,
    /// Whether [`Wires::send`] records the `Content-Type` of a `POST` or `PUT` (previewed and arrived).
    content_types: bool,
}

impl Wires {
    /// Records the method, the path and query, and the body of each request; not its `Content-Type`.
    pub async fn start(account: AccountSid) -> Wires {
        Wires::with(account, false).await
    }

    /// Records, besides, the `Content-Type` of each `POST` and `PUT`.
    pub async fn recording_content_types(account: AccountSid) -> Wires {
        Wires::with(account, true).await
    }

    async fn with(account: AccountSid, content_types: bool) -> Wires {
        let server = MockServer::start().await;
        Mock::given(any())
            .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
            .mount(&server)
            .await;
        // No retry: each request arrives once, whatever the reply decodes into.
        let client = Client::builder()
            .account_sid(account)
            .auth_token("token")
            .base_url(server.uri())
            .retry(RetryPolicy::none())
            .build()
            .expect("a client");
        Wires { server, client, content_types }
    }

    /// What the client sends for `request`: its preview, then what the server received when it was
    /// sent, which must be the same. A request that does not validate is an error naming what it
    /// breaks (it is not sent).
    pub async fn send<E: Endpoint>(&self, request: &E) -> Result<Wire, String> {
        let preview =
            request.preview(&self.client).map_err(|errors| format!("does not validate: {errors}"))?;
        let origin = self.client.base_url();
        let path = preview
            .url()
            .strip_prefix(origin)
            .ok_or_else(|| format!("not on {origin}: {}", preview.url()))?;
        let previewed = Wire {
            method: preview.method().as_str().to_owned(),
            path: path.to_owned(),
            body: preview.body().unwrap_or_default().to_owned(),
            content_type: if self.content_types { preview.content_type().map(str::to_owned) } else { None },
        };
        let before = self.received().await.len();
        // The reply (`{}`) need not decode into the operation's response: what matters is what was sent.
        let _reply = self.client.send(request).await;
        let received = self.received().await;
        let [arrived] = &received[before..] else {
            return Err(format!("{} requests arrived instead of one", received.len() - before));
        };
        let url = &arrived.url;
        let arrived = Wire {
            method: arrived.method.to_string(),
            path: match url.query() {
                Some(query) => format!("{}?{query}", url.path()),
                None => url.path().to_owned(),
            },
            body: String::from_utf8(arrived.body.clone()).map_err(|error| error.to_string())?,
            content_type: if self.content_types && matches!(arrived.method.as_str(), "POST" | "PUT") {
                let value = arrived.headers.get("content-type");
                value.map(|value| value.to_str().unwrap_or("(not text)").to_owned())
            } else {
                None
            },
        };
        if arrived != previewed {
            return Err(format!("sent {arrived:?}, but the preview is {previewed:?}"));
        }
        Ok(arrived)
    }

    pub async fn received(&self) -> Vec<wiremock::Request> {
        self.server.received_requests().await.expect("the server records requests")
    }
}
