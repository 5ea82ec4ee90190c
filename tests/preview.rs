//! `Endpoint::preview`: the exact request a client would send (method, full URL, body), made by the
//! code that prepares a request for sending, shown for catalog endpoints through the trait alone.

use twilio_endpoint::api::v2010::{
    CallUpdateStatus, CreateCall, DeleteParticipant, ListCalls, ParticipantRef, UpdateCall,
};
use twilio_endpoint::values::{AccountSid, Address, CallSid, ConferenceSid};
use twilio_endpoint::{Client, Endpoint, Method, Preview, ValidationErrors};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

const ACCOUNT: AccountSid = AccountSid::from_static("AC0123456789abcdef0123456789abcdef");
const SUBACCOUNT: AccountSid = AccountSid::from_static("ACffffffffffffffffffffffffffffffff");
const CALL: CallSid = CallSid::from_static("CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
const CONFERENCE: ConferenceSid = ConferenceSid::from_static("CFcccccccccccccccccccccccccccccccc");
const TOKEN: &str = "preview-secret-token";

fn client(base_url: &str) -> Client {
    Client::builder().account_sid(ACCOUNT).auth_token(TOKEN).base_url(base_url).build().unwrap()
}

fn twilio() -> Client {
    Client::new(ACCOUNT, TOKEN).unwrap()
}

fn address(text: &str) -> Address {
    text.parse().unwrap()
}

/// What generic code can do with any declared endpoint through `Endpoint` alone: check, encode and
/// preview it.
fn through_the_trait<E: Endpoint>(
    client: &Client,
    request: &E,
) -> (String, Result<Preview, ValidationErrors>) {
    assert_eq!(request.validate().is_ok(), request.preview(client).is_ok());
    (request.to_form(), request.preview(client))
}

#[test]
fn a_post_shows_the_full_url_and_the_form_body() {
    let request = UpdateCall::new(CALL).status(CallUpdateStatus::Completed).time_limit(120);
    let (form, preview) = through_the_trait(&twilio(), &request);
    let preview = preview.unwrap();
    assert_eq!(preview.method(), Method::Post);
    assert_eq!(
        preview.url(),
        "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Calls/\
         CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.json"
    );
    assert_eq!(preview.body(), Some("Status=completed&TimeLimit=120"));
    assert_eq!(preview.body(), Some(form.as_str()));
    assert_eq!(
        preview.to_string(),
        "POST https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Calls/\
         CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.json\nStatus=completed&TimeLimit=120"
    );
}

#[test]
fn a_get_shows_its_parameters_as_the_query_and_no_body() {
    let request = ListCalls::new().to(address("+15558675310")).page_size(20);
    let (form, preview) = through_the_trait(&twilio(), &request);
    let preview = preview.unwrap();
    assert_eq!(preview.method(), Method::Get);
    assert_eq!(
        preview.url(),
        "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Calls.json\
         ?To=%2B15558675310&PageSize=20"
    );
    assert_eq!(preview.url().split_once('?').unwrap().1, form);
    assert_eq!(preview.body(), None);
    assert_eq!(preview.to_string(), format!("GET {}", preview.url()));

    // No parameter, no `?`.
    let preview = ListCalls::new().preview(&twilio()).unwrap();
    assert!(preview.url().ends_with("/Calls.json"), "{preview}");
}

#[test]
fn a_base_url_with_a_path_keeps_it_before_the_request_s_path() {
    let preview = UpdateCall::new(CALL)
        .status(CallUpdateStatus::Canceled)
        .preview(&client("https://gateway.example.com/twilio/"))
        .unwrap();
    assert_eq!(
        preview.url(),
        "https://gateway.example.com/twilio/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Calls/\
         CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.json"
    );
}

#[test]
fn the_account_is_the_request_s_when_it_names_one_and_the_client_s_otherwise() {
    let client = twilio();
    let own = UpdateCall::new(CALL).preview(&client).unwrap();
    assert!(own.url().contains("/Accounts/AC0123456789abcdef0123456789abcdef/"), "{own}");
    let sub = UpdateCall::new(CALL).account_sid(SUBACCOUNT).preview(&client).unwrap();
    assert!(sub.url().contains("/Accounts/ACffffffffffffffffffffffffffffffff/"), "{sub}");
    assert!(!sub.url().contains(ACCOUNT.as_str()), "{sub}");
}

#[test]
fn path_parameters_are_escaped_as_one_segment() {
    let label: ParticipantRef = "agent one+two".parse().unwrap();
    let preview = DeleteParticipant::new(CONFERENCE, label).preview(&twilio()).unwrap();
    assert_eq!(preview.method(), Method::Delete);
    assert!(
        preview
            .url()
            .ends_with("/Conferences/CFcccccccccccccccccccccccccccccccc/Participants/agent%20one%2Btwo.json"),
        "{preview}"
    );
}

#[test]
fn a_request_that_would_not_be_sent_is_not_previewed() {
    let request = CreateCall::new(
        address("+15558675310"),
        address("+15017122661"),
        // Longer than the 4,000 characters Twilio documents.
        twilio_endpoint::api::v2010::CallInstructions::Twiml("<Response/>".repeat(400)),
    )
    .timeout(601);
    let (_, preview) = through_the_trait(&twilio(), &request);
    let errors = preview.unwrap_err();
    let keys: Vec<_> = errors.violations().iter().map(|violation| violation.key()).collect();
    assert!(keys.contains(&"Timeout") && keys.contains(&"Twiml"), "{errors}");
}

#[test]
fn a_preview_never_shows_credentials() {
    let client = Client::builder()
        .account_sid(ACCOUNT)
        .api_key("SK0123456789abcdef0123456789abcdef".parse().unwrap(), TOKEN)
        .build()
        .unwrap();
    let preview = UpdateCall::new(CALL).status(CallUpdateStatus::Completed).preview(&client).unwrap();
    for shown in [preview.to_string(), format!("{preview:?}")] {
        assert!(!shown.contains(TOKEN) && !shown.contains("Basic") && !shown.contains("SK0123"), "{shown}");
    }
}

/// The preview is what is sent: method, URL (path and query) and body, byte for byte, as the server
/// received them.
#[tokio::test]
async fn what_is_sent_is_what_the_preview_shows() {
    let server = MockServer::start().await;
    let reply = ResponseTemplate::new(200)
        .set_body_raw(include_str!("../src/mock/examples/UpdateCall.json"), "application/json");
    Mock::given(any()).respond_with(reply).mount(&server).await;
    let client = client(&format!("{}/prefix", server.uri()));

    let update = UpdateCall::new(CALL).account_sid(SUBACCOUNT).status(CallUpdateStatus::Completed);
    let list = ListCalls::new().to(address("+15558675310")).page_size(5);
    let previews = [update.preview(&client).unwrap(), list.preview(&client).unwrap()];
    let _ = client.send(&update).await;
    let _ = client.send(&list).await;

    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 2);
    for (request, preview) in received.iter().zip(&previews) {
        assert_eq!(request.method.as_str(), preview.method().as_str());
        // wiremock rebuilds the URL with its own host name: the path and query are what arrived.
        let query = request.url.query().map(|query| format!("?{query}")).unwrap_or_default();
        assert_eq!(format!("{}{}{query}", server.uri(), request.url.path()), preview.url());
        assert_eq!(std::str::from_utf8(&request.body).unwrap(), preview.body().unwrap_or_default());
    }
}
