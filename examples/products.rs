//! Verify and Lookups, the generated catalogs of two products on their own hosts: starts and checks a
//! verification, and looks up a number's line type. Runs against a local server standing in for
//! `verify.twilio.com` and `lookups.twilio.com` (no account needed): `cargo run --example products`.
//! With a real account, build the client with `Client::from_env()` instead.
//!
//! Needs the features `verify-v2` and `lookups-v2` (the crate's own examples have them).

use twilio_endpoint::api::lookups::v2::FetchPhoneNumber;
use twilio_endpoint::api::verify::v2::{CreateVerification, CreateVerificationCheck, VerifyChannel};
use twilio_endpoint::values::VerifyServiceSid;
use twilio_endpoint::{Client, Endpoint};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SERVICE: &str = "VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let twilio = stand_in().await;
    let client = Client::builder()
        .account_sid("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse()?)
        .auth_token("token")
        .base_url(twilio.uri())
        .build()?;
    // Without the override, these go to https://verify.twilio.com and https://lookups.twilio.com.
    println!(
        "Verify is on {}",
        Client::builder()
            .account_sid("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse()?)
            .auth_token("t")
            .build()?
            .base_url_for(CreateVerification::HOST)
    );

    // ---- Start and check a verification ----
    let service: VerifyServiceSid = SERVICE.parse()?;
    let started = CreateVerification::new(service, "+15017122661", VerifyChannel::Sms).send(&client).await?;
    println!("verification {:?}: {:?}", started.sid, started.status);
    let checked =
        CreateVerificationCheck::new(service).to("+15017122661").code("123456").send(&client).await?;
    println!("check: {:?}, valid: {:?}", checked.status, checked.valid);
    assert_eq!(checked.status.as_deref(), Some("approved"));

    // ---- Look up a number's line type ----
    let number = FetchPhoneNumber::new("+14155552671").fields("line_type_intelligence").send(&client).await?;
    let line_type = number.line_type_intelligence.as_ref().and_then(|info| info["type"].as_str());
    println!("{:?} is a {} line", number.phone_number, line_type.unwrap_or("unknown"));
    assert_eq!(line_type, Some("mobile"));
    Ok(())
}

/// A local server answering as Verify and Lookups do, for the three requests above.
async fn stand_in() -> MockServer {
    let server = MockServer::start().await;
    let verification = |status: &str| {
        serde_json::json!({
            "sid": "VEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "service_sid": SERVICE,
            "to": "+15017122661",
            "channel": "sms",
            "status": status,
            "valid": status == "approved",
        })
    };
    Mock::given(method("POST"))
        .and(path(format!("/v2/Services/{SERVICE}/Verifications")))
        .respond_with(ResponseTemplate::new(201).set_body_json(verification("pending")))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/v2/Services/{SERVICE}/VerificationCheck")))
        .respond_with(ResponseTemplate::new(200).set_body_json(verification("approved")))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        // This crate escapes the `+` of a path segment; Twilio reads the same number.
        .and(path("/v2/PhoneNumbers/%2B14155552671"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "phone_number": "+14155552671",
            "valid": true,
            "line_type_intelligence": {"type": "mobile", "carrier_name": "Example Wireless", "error_code": null},
        })))
        .mount(&server)
        .await;
    server
}
