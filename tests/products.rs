//! Endpoints on Twilio products other than `api.twilio.com`, declared by hand as an application would:
//! Verify's Create Verification and List Services (`verify.twilio.com`, no account in the path) and
//! Lookups' Fetch Phone Number (`lookups.twilio.com`). Their URLs for the default host, a region, an
//! edge and a base URL override; their lists' `meta` paging walked by `stream`, a next page on another
//! host refused without the credentials; the mock serving them.

use futures_util::TryStreamExt as _;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use twilio_endpoint::mock::{MockTwilio, Reply};
use twilio_endpoint::values::AccountSid;
use twilio_endpoint::{Client, DecodeRequest, Endpoint, Error, Page, twilio_endpoint};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const ACCOUNT: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const SERVICE: &str = "VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const TOKEN: &str = "token";

/// `POST https://verify.twilio.com/v2/Services/{ServiceSid}/Verifications` (Verify v2 CreateVerification).
#[twilio_endpoint(POST, "/v2/Services/{ServiceSid}/Verifications", host = "verify", response = Verification)]
#[derive(Clone, PartialEq)]
pub struct CreateVerification {
    #[twilio(path)]
    pub service_sid: String,
    pub to: String,
    pub channel: String,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct Verification {
    pub sid: Option<String>,
    pub service_sid: Option<String>,
    pub to: Option<String>,
    pub channel: Option<String>,
    pub status: Option<String>,
}

/// `GET https://verify.twilio.com/v2/Services` (Verify v2 ListService).
#[twilio_endpoint(GET, "/v2/Services", host = "verify", response = Page<Service>)]
#[derive(Clone, PartialEq)]
pub struct ListService {
    #[twilio(range = 1..=1000)]
    pub page_size: Option<u32>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Service {
    pub sid: String,
    pub friendly_name: Option<String>,
}

/// `GET https://lookups.twilio.com/v2/PhoneNumbers/{PhoneNumber}` (Lookups v2 FetchPhoneNumber).
#[twilio_endpoint(GET, "/v2/PhoneNumbers/{PhoneNumber}", host = "lookups", response = PhoneNumberInfo)]
#[derive(Clone, PartialEq)]
pub struct FetchPhoneNumber {
    #[twilio(path)]
    pub phone_number: String,
    /// Comma-separated data packages, e.g. `line_type_intelligence`.
    pub fields: Option<String>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct PhoneNumberInfo {
    pub phone_number: Option<String>,
    pub valid: Option<bool>,
    pub line_type_intelligence: Option<Value>,
}

fn account() -> AccountSid {
    ACCOUNT.parse().unwrap()
}

fn client(
    configure: impl FnOnce(twilio_endpoint::ClientBuilder) -> twilio_endpoint::ClientBuilder,
) -> Client {
    configure(Client::builder().account_sid(account()).auth_token(TOKEN)).build().unwrap()
}

fn verification() -> CreateVerification {
    CreateVerification::new(SERVICE.to_owned(), "+15017122661".to_owned(), "sms".to_owned())
}

fn lookup() -> FetchPhoneNumber {
    FetchPhoneNumber::new("+14155552671".to_owned()).fields("line_type_intelligence".to_owned())
}

/// The expected URLs were written from reading twilio-python (`twilio/rest/verify/__init__.py` and
/// `lookups/__init__.py`: `base_url = "https://verify.twilio.com"` / `"https://lookups.twilio.com"`,
/// version `v2`; `ClientBase.get_hostname`: with a region or an edge, the host's first label is kept
/// and becomes `{product}.{edge}.{region}.twilio.com`, the region `us1` when only an edge is set),
/// not by running it. One documented difference: twilio-python interpolates `{phone_number}` as it
/// is (`/PhoneNumbers/+14155552671`), where this crate escapes the `+` of a path segment (`%2B`),
/// which a server decodes to the same number.
#[test]
fn urls_for_the_default_host_a_region_an_edge_and_an_override() {
    let cases = [
        (
            client(|b| b),
            "https://verify.twilio.com/v2/Services/VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Verifications",
            "https://lookups.twilio.com/v2/PhoneNumbers/%2B14155552671?Fields=line_type_intelligence",
        ),
        (
            client(|b| b.region("au1")),
            "https://verify.au1.twilio.com/v2/Services/VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Verifications",
            "https://lookups.au1.twilio.com/v2/PhoneNumbers/%2B14155552671?Fields=line_type_intelligence",
        ),
        (
            client(|b| b.edge("sydney")),
            "https://verify.sydney.us1.twilio.com/v2/Services/VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Verifications",
            "https://lookups.sydney.us1.twilio.com/v2/PhoneNumbers/%2B14155552671?Fields=line_type_intelligence",
        ),
        (
            client(|b| b.region("ie1").edge("dublin")),
            "https://verify.dublin.ie1.twilio.com/v2/Services/VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Verifications",
            "https://lookups.dublin.ie1.twilio.com/v2/PhoneNumbers/%2B14155552671?Fields=line_type_intelligence",
        ),
        // One override receives every product, region and edge ignored.
        (
            client(|b| b.base_url("https://gw.example.com/twilio").region("au1")),
            "https://gw.example.com/twilio/v2/Services/VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Verifications",
            "https://gw.example.com/twilio/v2/PhoneNumbers/%2B14155552671?Fields=line_type_intelligence",
        ),
    ];
    for (client, verify, lookups) in cases {
        let preview = verification().preview(&client).unwrap();
        assert_eq!(preview.url(), verify);
        assert_eq!(preview.body(), Some("To=%2B15017122661&Channel=sms"));
        assert_eq!(lookup().preview(&client).unwrap().url(), lookups);
    }
    assert_eq!(<CreateVerification as Endpoint>::HOST, "verify");
    assert_eq!(<FetchPhoneNumber as Endpoint>::HOST, "lookups");
    assert_eq!(client(|b| b.edge("sydney")).base_url_for("verify"), "https://verify.sydney.us1.twilio.com");
}

#[test]
fn a_request_without_an_account_reads_back_from_its_path() {
    let path = "/v2/Services/VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Verifications";
    let read = CreateVerification::decode_request(path, b"To=%2B15017122661&Channel=sms").unwrap();
    assert_eq!(read, verification());
    let read = FetchPhoneNumber::decode_request(
        "/v2/PhoneNumbers/%2B14155552671?Fields=line_type_intelligence",
        b"",
    )
    .unwrap();
    assert_eq!(read, lookup());
    // Another product's path is not this one's.
    assert!(CreateVerification::decode_request("/v2/Services/VA1/Other", b"").is_err());
}

/// Sends the verification to a local server standing for verify.twilio.com: the request carries the
/// account's credentials there, and nowhere else.
#[tokio::test]
async fn an_endpoint_without_an_account_is_sent_and_decoded() {
    let server = MockServer::start().await;
    let basic = format!("Basic {}", base64_encode(&format!("{ACCOUNT}:{TOKEN}")));
    Mock::given(method("POST"))
        .and(path("/v2/Services/VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Verifications"))
        .and(header("authorization", basic.as_str()))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "sid": "VEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "service_sid": SERVICE, "to": "+15017122661",
            "channel": "sms", "status": "pending"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(|b| b.base_url(server.uri()));
    let sent = verification().send(&client).await.unwrap();
    assert_eq!(sent.status.as_deref(), Some("pending"));
    let request = &server.received_requests().await.unwrap()[0];
    assert_eq!(String::from_utf8_lossy(&request.body), "To=%2B15017122661&Channel=sms");
}

/// A redirect from another product's host is not followed: it would carry the credentials to whatever
/// host it names.
#[tokio::test]
async fn a_redirect_is_not_followed_for_any_product() {
    let elsewhere = MockServer::start().await;
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(302)
                .insert_header("location", format!("{}/v2/PhoneNumbers/x", elsewhere.uri())),
        )
        .mount(&server)
        .await;
    let client = client(|b| b.base_url(server.uri()));
    assert!(lookup().send(&client).await.is_err());
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
    assert!(elsewhere.received_requests().await.unwrap().is_empty());
}

/// A page of services in the newer products' shape, its URLs absolute on `base`.
fn services_page(base: &str, page: u32, last: bool) -> Value {
    let url = |page: u32| format!("{base}/v2/Services?PageSize=2&Page={page}");
    let services: Vec<Value> = (page * 2..page * 2 + 2)
        .map(|n| json!({"sid": format!("VA{n:032x}"), "friendly_name": format!("service {n}")}))
        .collect();
    json!({
        "services": services,
        "meta": {
            "page": page,
            "page_size": 2,
            "first_page_url": url(0),
            "previous_page_url": page.checked_sub(1).map(url),
            "url": url(page),
            "next_page_url": (!last).then(|| format!("{}&PageToken=PA{page}", url(page + 1))),
            "key": "services",
        },
    })
}

async fn services_server(next_base: impl Fn(&str) -> String + Send + Sync + 'static) -> MockServer {
    let server = MockServer::start().await;
    let uri = server.uri();
    Mock::given(method("GET"))
        .and(path("/v2/Services"))
        .respond_with(move |request: &Request| {
            let page = request
                .url
                .query_pairs()
                .find(|(key, _)| key == "Page")
                .map_or(0, |(_, page)| page.parse().unwrap());
            ResponseTemplate::new(200).set_body_json(services_page(&next_base(&uri), page, page == 1))
        })
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn stream_walks_a_meta_shaped_list_over_two_pages() {
    let server = services_server(str::to_owned).await;
    let client = client(|b| b.base_url(server.uri()));
    let services: Vec<Service> = client.stream(&ListService::new().page_size(2)).try_collect().await.unwrap();
    let sids: Vec<String> = services.into_iter().map(|service| service.sid).collect();
    assert_eq!(sids, (0..4).map(|n| format!("VA{n:032x}")).collect::<Vec<_>>());
    let requests = server.received_requests().await.unwrap();
    let queries: Vec<_> =
        requests.iter().map(|request| request.url.query().unwrap_or_default().to_owned()).collect();
    assert_eq!(queries, ["PageSize=2", "PageSize=2&Page=1&PageToken=PA0"]);

    // `next_page` follows it too.
    let first = ListService::new().page_size(2).send(&client).await.unwrap();
    assert_eq!(first.key.as_deref(), Some("services"));
    assert_eq!((first.page, first.page_size, first.start, first.end), (0, 2, 0, 1));
    let second = client.next_page(&first).await.unwrap().unwrap();
    assert_eq!(second.items[0].sid, format!("VA{:032x}", 2));
    assert!(client.next_page(&second).await.unwrap().is_none());
}

#[tokio::test]
async fn a_next_page_url_on_another_host_is_refused_and_not_sent() {
    // The first page, served from 127.0.0.1, links to Twilio's own host: the client was pointed at
    // the local server, so following it would send the credentials somewhere else.
    let server = services_server(|_| "https://verify.twilio.com".to_owned()).await;
    let client = client(|b| b.base_url(server.uri()));
    let walked: Vec<Result<Service, Error>> =
        futures_util::StreamExt::collect(client.stream(&ListService::new().page_size(2))).await;
    assert_eq!(walked.len(), 3, "two services, then the refusal");
    let Err(Error::Refused(error)) = &walked[2] else { panic!("not refused: {walked:?}") };
    let message = error.to_string();
    assert_eq!(
        message,
        "refused to follow next_page_uri `https://verify.twilio.com/v2/Services?PageSize=2&Page=1&PageToken=PA0`: \
         it is not a path on the client's host"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 1, "only the first page was requested");

    let first = ListService::new().page_size(2).send(&client).await.unwrap();
    assert!(matches!(client.next_page(&first).await, Err(Error::Refused(_))));

    // A Twilio client for an edge follows only its own product hosts of that edge (a link on a
    // product's global host, `https://verify.twilio.com/...`, goes through the edge, as twilio-python
    // sends it): another region, or a host that only starts like one, is refused.
    let edge = client_for_edge();
    let mut page: Page<Service> =
        serde_json::from_value(services_page("https://verify.au1.twilio.com", 0, false)).unwrap();
    assert!(matches!(edge.next_page(&page).await, Err(Error::Refused(_))));
    page.next_page_uri = Some("https://verify.sydney.us1.twilio.com.example.com/v2/Services".to_owned());
    assert!(matches!(edge.next_page(&page).await, Err(Error::Refused(_))));
}

fn client_for_edge() -> Client {
    client(|b| b.edge("sydney"))
}

#[tokio::test]
async fn the_mock_serves_other_products_through_the_override() {
    let twilio = MockTwilio::start().await;
    twilio.register(|request: &CreateVerification| {
        Reply::ok(json!({"sid": "VEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "service_sid": request.service_sid,
                         "to": request.to, "channel": request.channel, "status": "pending"}))
    });
    twilio.register(|request: &FetchPhoneNumber| {
        Reply::ok(json!({"phone_number": request.phone_number, "valid": true,
                         "line_type_intelligence": {"type": "mobile"}}))
    });
    let client = twilio.client();
    let sent = verification().send(&client).await.unwrap();
    assert_eq!(sent.status.as_deref(), Some("pending"));
    let found = lookup().send(&client).await.unwrap();
    assert_eq!(found.phone_number.as_deref(), Some("+14155552671"));
    assert_eq!(found.line_type_intelligence, Some(json!({"type": "mobile"})));
    assert_eq!(twilio.requests::<CreateVerification>(), [verification()]);
    assert_eq!(twilio.requests::<FetchPhoneNumber>(), [lookup()]);

    // Authenticated with the account's Basic credentials, though no account is in the path.
    let wrong = Client::builder()
        .account_sid(account_of(&twilio))
        .auth_token("not-the-token")
        .base_url(twilio.base_url())
        .build()
        .unwrap();
    let Err(Error::Api(error)) = verification().send(&wrong).await else { panic!("sent with a wrong token") };
    assert_eq!((error.status(), error.code()), (401, Some(20003)));

    // Validated by the declaration: a request missing `Channel`, sent past the client.
    let reply = reqwest::Client::new()
        .post(format!("{}/v2/Services/{SERVICE}/Verifications", twilio.base_url()))
        .basic_auth(account_of(&twilio).as_str(), Some(mock_token(&twilio)))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("To=%2B15017122661")
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 400);
    let body: Value = serde_json::from_slice(&reply.bytes().await.unwrap()).unwrap();
    assert!(body["message"].as_str().unwrap().contains("Channel"), "{body}");
    assert_eq!(twilio.requests::<CreateVerification>().len(), 1, "the refused request is not recorded");
}

fn account_of(_: &MockTwilio) -> AccountSid {
    MockTwilio::ACCOUNT_SID
}

fn mock_token(_: &MockTwilio) -> String {
    MockTwilio::AUTH_TOKEN.to_owned()
}

fn base64_encode(text: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(text)
}
