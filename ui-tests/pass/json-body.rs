//! `PUT` and `body = json`: members under the fields' own names (or `rename`), nested objects of serde
//! types, ranges and lengths on members, path fields in the path only.
#![deny(warnings)]

use serde::{Deserialize, Serialize};
use twilio_endpoint::{BodyFormat, Client, DecodeRequest, Endpoint, Method, twilio_endpoint};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Query {
    pub phone_number: Option<String>,
    #[serde(rename = "fields")]
    pub packages: Option<Vec<String>>,
}

#[twilio_endpoint(POST, "/v2/batch/query", host = "lookups", body = json)]
#[derive(Clone, PartialEq)]
pub struct CreateBatch {
    #[twilio(len = 1..=100)]
    pub phone_numbers: Option<Vec<Query>>,
}

#[twilio_endpoint(PUT, "/v2/RateLimits/Fields/{Field}/Bucket/{Bucket}", host = "lookups", body = json, response = ())]
#[derive(Clone, PartialEq)]
pub struct UpdateRateLimit {
    #[twilio(path)]
    pub field: String,
    #[twilio(path)]
    pub bucket: String,
    #[twilio(range = 0..=100_000)]
    pub limit: Option<u32>,
    #[twilio(rename = "ttl")]
    pub time_to_live: Option<u32>,
    #[twilio(sensitive)]
    pub r#type: Option<String>,
}

// `body = form` is the default, spelled out.
#[twilio_endpoint(PUT, "/v1/Things/{Sid}", host = "preview", body = form)]
pub struct UpdateThing {
    #[twilio(path)]
    pub sid: String,
    pub friendly_name: Option<String>,
}

fn main() {
    let client = Client::new("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().unwrap(), "token").unwrap();
    let batch = CreateBatch::new()
        .phone_numbers(vec![Query { phone_number: Some("+14155552671".into()), packages: None }]);
    assert_eq!(batch.to_json().unwrap(), r#"{"phone_numbers": [{"phone_number": "+14155552671"}]}"#);
    let update = UpdateRateLimit::new("sim_swap", "default").limit(5).time_to_live(60).r#type("x");
    assert_eq!(update.to_json().unwrap(), r#"{"limit": 5, "ttl": 60, "type": "x"}"#);
    assert_eq!(<UpdateRateLimit as Endpoint>::METHOD, Method::Put);
    assert_eq!(<UpdateRateLimit as Endpoint>::BODY, BodyFormat::Json);
    assert_eq!(<UpdateThing as Endpoint>::BODY, BodyFormat::Form);
    let preview = UpdateThing::new("x").friendly_name("a b").preview(&client).unwrap();
    assert_eq!(preview.body(), Some("FriendlyName=a+b"));
    assert_eq!(preview.content_type(), Some("application/x-www-form-urlencoded"));
    let read = UpdateRateLimit::decode_request(
        "/v2/RateLimits/Fields/sim_swap/Bucket/default",
        update.to_json().unwrap().as_bytes(),
    )
    .unwrap();
    assert!(read == update);
    assert!(!format!("{read:?}").contains("\"x\""));
}
