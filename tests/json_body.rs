//! Endpoints declared with `body = json` and with `PUT`: the parameters are one JSON object, sent with
//! `Content-Type: application/json` in the layout of Twilio's official Python SDK (`", "` and `": "`,
//! ASCII only, no `null`: an unset field is left out, at every depth), previewed as sent and read
//! back by `decode_request`.

use serde::{Deserialize, Serialize};
use twilio_endpoint::values::AccountSid;
use twilio_endpoint::{
    BodyFormat, Client, DecodeRequest, Endpoint, Method, Problem, RetryPolicy, twilio_endpoint,
};
use wiremock::matchers::{body_string, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ACCOUNT: AccountSid = AccountSid::from_static("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

/// One number of a batch; a nested object of the body, written and read by serde.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Query {
    pub correlation_id: Option<String>,
    pub phone_number: String,
    pub fields: Option<Vec<String>>,
}

/// A batch of lookups: one JSON member, a list of objects.
#[twilio_endpoint(POST, "/v2/batch/query", host = "lookups", body = json)]
#[derive(Clone, PartialEq)]
pub struct CreateBatch {
    #[twilio(len = 1..=100)]
    pub phone_numbers: Option<Vec<Query>>,
}

/// A `PUT` with path fields, a renamed member and a range.
#[twilio_endpoint(PUT, "/v2/RateLimits/Fields/{Field}/Bucket/{Bucket}", host = "lookups", body = json, response = ())]
#[derive(Clone, PartialEq)]
pub struct UpdateLimit {
    #[twilio(path)]
    pub field: String,
    #[twilio(path)]
    pub bucket: String,
    #[twilio(range = 1..=1000)]
    pub limit: Option<u32>,
    #[twilio(rename = "ttl")]
    pub time_to_live: Option<u32>,
    #[twilio(sensitive)]
    pub note: Option<String>,
}

async fn server_and_client() -> (MockServer, Client) {
    let server = MockServer::start().await;
    let client = Client::builder()
        .account_sid(ACCOUNT)
        .auth_token("token")
        .base_url(server.uri())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    (server, client)
}

fn batch() -> CreateBatch {
    CreateBatch::new().phone_numbers(vec![
        Query { correlation_id: Some("a/1".into()), phone_number: "+14155552671".into(), fields: None },
        Query {
            correlation_id: None,
            phone_number: "Café 😀".into(),
            fields: Some(vec!["line_type_intelligence".into(), "sim_swap".into()]),
        },
    ])
}

const BATCH_BODY: &str = r#"{"phone_numbers": [{"correlation_id": "a/1", "phone_number": "+14155552671"}, {"phone_number": "Caf\u00e9 \ud83d\ude00", "fields": ["line_type_intelligence", "sim_swap"]}]}"#;

#[tokio::test]
async fn a_json_post_sends_the_object_with_its_content_type() {
    let (server, client) = server_and_client().await;
    Mock::given(method("POST"))
        .and(path("/v2/batch/query"))
        .and(header("content-type", "application/json"))
        .and(body_string(BATCH_BODY))
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"phone_numbers": []}"#))
        .expect(1)
        .mount(&server)
        .await;
    let reply = batch().send(&client).await.unwrap();
    assert_eq!(reply, serde_json::json!({"phone_numbers": []}));
    let received = server.received_requests().await.unwrap();
    assert_eq!(received[0].body, BATCH_BODY.as_bytes());
}

#[tokio::test]
async fn a_put_sends_its_path_and_leaves_out_the_members_not_set() {
    let (server, client) = server_and_client().await;
    Mock::given(method("PUT"))
        .and(path("/v2/RateLimits/Fields/line_type_intelligence/Bucket/per%20day"))
        .and(header("content-type", "application/json"))
        .and(body_string(r#"{"limit": 10}"#))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let request = UpdateLimit::new("line_type_intelligence", "per day").limit(10);
    request.send(&client).await.unwrap();
}

#[test]
fn the_preview_shows_the_json_body_and_its_content_type() {
    let client = Client::new(ACCOUNT, "token").unwrap();
    let preview = batch().preview(&client).unwrap();
    assert_eq!(preview.method(), Method::Post);
    assert_eq!(preview.url(), "https://lookups.twilio.com/v2/batch/query");
    assert_eq!(preview.body(), Some(BATCH_BODY));
    assert_eq!(preview.content_type(), Some("application/json"));
    assert_eq!(preview.to_string(), format!("POST https://lookups.twilio.com/v2/batch/query\n{BATCH_BODY}"));
    assert_eq!(batch().to_json().unwrap(), BATCH_BODY);
    // The parameters are not a form.
    assert_eq!(batch().to_form(), "");
    assert_eq!(<CreateBatch as Endpoint>::BODY, BodyFormat::Json);

    let request = UpdateLimit::new("f", "b").limit(5).time_to_live(60).note("x");
    let preview = request.preview(&client).unwrap();
    assert_eq!(preview.method(), Method::Put);
    assert_eq!(preview.url(), "https://lookups.twilio.com/v2/RateLimits/Fields/f/Bucket/b");
    assert_eq!(preview.body(), Some(r#"{"limit": 5, "ttl": 60, "note": "x"}"#));
    assert_eq!(<UpdateLimit as Endpoint>::METHOD, Method::Put);
}

#[test]
fn the_declared_rules_apply_to_json_members() {
    let errors = CreateBatch::new().phone_numbers(Vec::new()).validate().unwrap_err();
    assert_eq!(
        errors.to_string(),
        "invalid request: phone_numbers: must have between 1 and 100 items, got 0"
    );
    let errors = UpdateLimit::new("f", "b").limit(0).validate().unwrap_err();
    assert_eq!(errors.to_string(), "invalid request: limit: must be between 1 and 1000, got 0");
    let errors = UpdateLimit::new("f", "..").validate().unwrap_err();
    assert_eq!(errors.violations()[0].key(), "Bucket");
    // Nothing is sent when a rule is broken.
    let client = Client::new(ACCOUNT, "token").unwrap();
    assert!(UpdateLimit::new("f", "b").limit(1001).preview(&client).is_err());
}

#[test]
fn decode_request_reads_the_json_body_back() {
    let read = CreateBatch::decode_request("/v2/batch/query", BATCH_BODY.as_bytes()).unwrap();
    assert_eq!(read, batch());

    let request = UpdateLimit::new("line_type_intelligence", "per day").limit(10).note("secret");
    let body = request.to_json().unwrap();
    let path = "/v2/RateLimits/Fields/line_type_intelligence/Bucket/per%20day";
    assert_eq!(UpdateLimit::decode_request(path, body.as_bytes()).unwrap(), request);
    // Members may be absent or in another order, with other whitespace.
    let read = UpdateLimit::decode_request(path, br#"{ "ttl":5 }"#).unwrap();
    assert_eq!(read, UpdateLimit::new("line_type_intelligence", "per day").time_to_live(5));
}

#[test]
fn decode_request_names_what_does_not_fit() {
    let path = "/v2/RateLimits/Fields/f/Bucket/b";
    let error = UpdateLimit::decode_request(path, br#"{"limit": 1, "extra": 2}"#).unwrap_err();
    assert_eq!(error.to_string(), "`extra`: not a parameter of this request");
    let error = UpdateLimit::decode_request(path, br#"{"limit": "ten"}"#).unwrap_err();
    assert_eq!(error.key(), "limit");
    assert!(error.to_string().contains("invalid type: string \"ten\""), "{error}");
    // A sensitive member's value is not shown.
    let error = UpdateLimit::decode_request(path, br#"{"note": 12345}"#).unwrap_err();
    assert_eq!(error.to_string(), "`note`: not a valid value (a secret: not shown)");
    let error = UpdateLimit::decode_request(path, b"{\"limit\": null, \"ttl\": -1}").unwrap_err();
    assert_eq!(error.key(), "ttl");
    // An unset member is absent; `null` is read as unset too.
    let read = CreateBatch::decode_request("/v2/batch/query", b"{}").unwrap();
    assert_eq!(read, CreateBatch::new());
    let read = CreateBatch::decode_request("/v2/batch/query", br#"{"phone_numbers": null}"#).unwrap();
    assert_eq!(read, CreateBatch::new());
    // A form is not the body of a JSON endpoint.
    let error = UpdateLimit::decode_request(path, b"limit=1").unwrap_err();
    assert!(error.to_string().contains("a JSON object"), "{error}");
    let error = UpdateLimit::decode_request("/v2/RateLimits/f", b"{}").unwrap_err();
    assert!(matches!(error.problem(), Problem::PathMismatch { .. }), "{error}");
}

#[test]
fn an_extra_parameter_is_a_string_member_after_the_declared_ones() {
    let client = Client::new(ACCOUNT, "token").unwrap();
    let request = UpdateLimit::new("f", "b").limit(3).extra_param("window", "1h");
    let preview = request.preview(&client).unwrap();
    assert_eq!(preview.body(), Some(r#"{"limit": 3, "window": "1h"}"#));
    assert_eq!(preview.url(), "https://lookups.twilio.com/v2/RateLimits/Fields/f/Bucket/b");
    let errors = UpdateLimit::new("f", "b").limit(3).extra_param("limit", "1").validate().unwrap_err();
    assert_eq!(errors.violations()[0].key(), "limit");
    assert!(UpdateLimit::new("f", "b").extra_param("ttl", "1").validate().is_ok());
}

/// The generated Lookups operation checks the lengths the description states inside its nested
/// objects, which the attribute does not reach (`validate_with`).
#[test]
fn the_generated_bulk_lookup_checks_the_lengths_inside_its_objects() {
    use twilio_endpoint::api::lookups::v2::{
        CreateBulkLookup, LookupRequestWithCorId, SmsPumpingRiskParameters,
    };
    let item = |partner: &str| LookupRequestWithCorId {
        correlation_id: None,
        phone_number: "+14155552671".into(),
        fields: None,
        country_code: None,
        identity_match: None,
        reassigned_number: None,
        sms_pumping_risk: Some(SmsPumpingRiskParameters { partner_sub_id: Some(partner.into()) }),
    };
    let fits = CreateBulkLookup::new().phone_numbers(vec![item(&"p".repeat(64))]);
    assert!(fits.validate().is_ok());
    let errors = CreateBulkLookup::new()
        .phone_numbers(vec![item("ok"), item(&"é".repeat(65))])
        .validate()
        .unwrap_err();
    assert_eq!(errors.violations().len(), 1, "{errors}");
    assert_eq!(errors.violations()[0].key(), "phone_numbers.sms_pumping_risk.partner_sub_id");
    assert!(errors.to_string().contains("must have between 0 and 64 characters"), "{errors}");
}

/// The generated bulk lookup's objects are the request's: a required member, an enum's values and
/// the declared members only, each refusal naming what does not fit.
#[test]
fn the_generated_bulk_lookup_refuses_what_its_objects_do_not_declare() {
    use twilio_endpoint::api::lookups::v2::{CreateBulkLookup, LookupRequestWithCorIdFields};
    let decode = |body: &str| CreateBulkLookup::decode_request("/v2/batch/query", body.as_bytes());
    let read = decode(r#"{"phone_numbers": [{"phone_number": "+1", "fields": ["sim_swap"]}]}"#).unwrap();
    let numbers = read.phone_numbers.unwrap();
    assert_eq!(numbers[0].phone_number, "+1");
    assert_eq!(numbers[0].fields, Some(vec![LookupRequestWithCorIdFields::SimSwap]));
    for (body, named) in [
        (r#"{"phone_numbers": [{"country_code": "US"}]}"#, "phone_number"),
        (r#"{"phone_numbers": [{"phone_number": "+1", "fields": ["nope"]}]}"#, "nope"),
        (r#"{"phone_numbers": [{"phone_number": "+1", "Extra": 1}]}"#, "Extra"),
        (r#"{"phone_numbers": [{"phone_number": "+1", "identity_match": {"Extra": 1}}]}"#, "Extra"),
        (r#"{"phone_numbers": [{"phone_number": "+1", "reassigned_number": {"Extra": 1}}]}"#, "Extra"),
        (r#"{"phone_numbers": [{"phone_number": "+1", "sms_pumping_risk": {"Extra": 1}}]}"#, "Extra"),
    ] {
        let error = decode(body).unwrap_err().to_string();
        assert!(error.starts_with("`phone_numbers`") && error.contains(named), "{body}: {error}");
    }
}
