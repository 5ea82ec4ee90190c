//! Every request of `tests/fixtures/sdk_wire_products.json`, what Twilio's official Python SDK sent
//! for Verify v2, Lookups v2 and Messaging v1, compared byte for byte with what this crate sends.
//!
//! The fixture holds, per scenario, the product's host, the operation id of its description, the
//! method, the path with its query string (escaped, as sent), the body and, for a `POST` or `PUT`,
//! its `Content-Type` that twilio 9.13.0 sent
//! through its own HTTP client to a capture server (`scripts/sdk_wire_products.py`, which points each
//! product's domain at it; `scripts/sdk_wire.sh` proves that the committed fixture is what the pinned
//! SDK sends). Here:
//!
//! - every scenario is decoded with `DecodeRequest` into the generated struct of its operation,
//!   validated (what an application sends through the SDK must pass this crate's checks) and sent
//!   through the real `Client` to a local server: the method, the path and query, and the body that
//!   arrive must be the SDK's, and the request must be declared for the scenario's host;
//! - at least ten per product are also built in typed code, as an application would, and must
//!   arrive as the same bytes.
//!
//! The scenarios where this crate sends something else on purpose are listed in [`expected`], each
//! with the exact difference and why; every other scenario must match byte for byte.
//!
//! Lookups' four operations with a JSON body (`CreateBulkLookup`, `CreateLookupPhoneNumberOverrides`,
//! and the `PUT`s `UpdateLookupRateLimit`, `UpdateLookupPhoneNumberOverrides`) are compared as the
//! others are, the JSON text byte for byte: the SDK's is deterministic (its dict in the description's
//! order, every `None` dropped, `json.dumps`'s separators and ASCII escapes), and so is this crate's.

use std::collections::BTreeMap;
use std::fmt::Debug;

use chrono::{DateTime, NaiveDate, TimeZone as _, Utc};
use serde::Deserialize;
use twilio_endpoint::api::{lookups, messaging, verify};
use twilio_endpoint::values::{
    AccountSid, BrandRegistrationSid, BundleSid, CredentialSid, FactorSid, MessagingServiceSid,
    PhoneNumberSid, RateLimitBucketSid, RateLimitSid, TollfreeVerificationSid, Url, VerificationSid,
    VerifyServiceSid, VerifyTemplateSid, VerifyWebhookSid,
};
use twilio_endpoint::{DecodeRequest, Endpoint};

#[path = "support/sdk_capture.rs"]
mod sdk_capture;
use sdk_capture::{Wire, Wires};

const ACCOUNT: AccountSid = AccountSid::from_static("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

/// One request of the fixture: the product and operation it calls and what went over the wire.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
struct Scenario {
    host: String,
    operation: String,
    #[serde(flatten)]
    wire: Wire,
}

fn fixture() -> BTreeMap<String, Scenario> {
    serde_json::from_str(include_str!("fixtures/sdk_wire_products.json")).expect("the fixture is JSON")
}

/// What this crate is expected to send for a scenario: what the SDK sent, except where the crate
/// differs on purpose. Each difference is spelled out, and the SDK's side of it must be in the
/// fixture, so that a change on either side is noticed.
fn expected(scenario: &str, sdk: &Wire) -> Wire {
    let mut wire = sdk.clone();
    // The SDK puts a path parameter into the path as it is, and `requests` leaves `+`, `(` and `)`
    // literal; this crate escapes all but the unreserved characters of a segment
    // (`runtime/src/path.rs`), as for the 2010 API (`tests/sdk_wire_catalog.rs`). A server decodes
    // both to the same segment (`+14155552671`, `(510) 867-5310`); Twilio's own documentation writes
    // Lookups' number escaped (`%2B`).
    if sdk.path.starts_with("/v2/PhoneNumbers/+") {
        replace(&mut wire.path, "/v2/PhoneNumbers/+", "/v2/PhoneNumbers/%2B");
    }
    if scenario == "lookup_national_number_with_country" {
        replace(&mut wire.path, "/(510)%20867-5310", "/%28510%29%20867-5310");
    }
    // Built in typed code, the attempts' filter sends the description's value (see `REFUSED`).
    if scenario == "list_verification_attempts_filtered" {
        replace(&mut wire.path, "&Status=CONVERTED&", "&Status=converted&");
    }
    wire
}

/// Scenarios whose SDK request this crate refuses to read back or to send, each with the exact error
/// and why. Asserted, so that a fix on either side is noticed (the entry then goes).
const REFUSED: &[(&str, &str)] = &[
    // The description's enum for the attempts' `Status` filter is `converted`, `unconverted`, while
    // the same parameter's text writes `CONVERTED`, which the SDK sends as given. The open enum
    // (responses use it) decodes it as `Unknown`, and a request may only send the listed values.
    // Typed code sends `converted` (see `expected`).
    (
        "list_verification_attempts_filtered",
        "does not validate: invalid request: Status: must be one of `converted`, `unconverted`, got CONVERTED",
    ),
    // twilio 9.13.0 knows `AgeGatedContent`, which the pinned description (npm @twilio-alpha/mcp
    // 0.7.0) does not have yet: the generated struct cannot read it. An application sends it with
    // `.extra_param("AgeGatedContent", ...)` until the description has it.
    ("create_tollfree_verification", "does not decode: `AgeGatedContent`: not a parameter of this request"),
];

/// Replaces `sdk`, which must be in `text`, with `ours`.
fn replace(text: &mut String, sdk: &str, ours: &str) {
    assert!(text.contains(sdk), "the fixture no longer has {sdk:?}: {text}");
    *text = text.replacen(sdk, ours, 1);
}

/// The SDK's request read back as an `E` (the path, with its query, and the body), then sent again.
async fn roundtrip<E: Endpoint + DecodeRequest + Debug>(
    wires: &Wires,
    host: &str,
    sdk: &Wire,
) -> Result<Wire, String> {
    if E::HOST != host {
        return Err(format!("the operation is declared on {}, the SDK sent it to {host}", E::HOST));
    }
    if E::METHOD.as_str() != sdk.method {
        return Err(format!("the operation is a {}, the SDK sent a {}", E::METHOD.as_str(), sdk.method));
    }
    let request = E::decode_request(&sdk.path, sdk.body.as_bytes())
        .map_err(|error| format!("does not decode: {error}"))?;
    wires.send(&request).await.map_err(|error| format!("{error}\n    decoded: {request:?}"))
}

/// The operations the fixture calls, by product and operation id: each is the generated struct of
/// that name in the product's module.
macro_rules! operations {
    ($($host:literal => $module:path { $($operation:ident),+ $(,)? })+) => {
        async fn roundtrip_operation(
            host: &str,
            operation: &str,
            wires: &Wires,
            sdk: &Wire,
        ) -> Option<Result<Wire, String>> {
            match (host, operation) {
                $($(($host, stringify!($operation)) => {
                    use $module as product;
                    Some(roundtrip::<product::$operation>(wires, host, sdk).await)
                })+)+
                _ => None,
            }
        }
    };
}

operations! {
    "verify" => verify::v2 {
        CreateAccessToken, CreateBucket, CreateChallenge, CreateEntity, CreateMessagingConfiguration,
        CreateNewFactor, CreateRateLimit, CreateSafelist, CreateService, CreateVerification,
        CreateVerificationCheck, CreateWebhook, DeleteBucket, DeleteService, FetchService, FetchVerification,
        FetchVerificationAttempt, FetchVerificationAttemptsSummary, ListChallenge, ListService,
        ListVerificationAttempt, ListVerificationTemplate, UpdateBucket, UpdateFactor, UpdateService,
        UpdateVerification, UpdateWebhook,
    }
    "lookups" => lookups::v2 {
        CreateBulkLookup, CreateLookupPhoneNumberOverrides, DeleteLookupPhoneNumberOverrides,
        DeleteLookupRateLimit, FetchLookupAccountRateLimits, FetchLookupPhoneNumberOverrides,
        FetchLookupRateLimit, FetchPhoneNumber, UpdateLookupPhoneNumberOverrides, UpdateLookupRateLimit,
    }
    "messaging" => messaging::v1 {
        CreateAlphaSender, CreateBrandRegistrations, CreateBrandVetting, CreateDestinationAlphaSender,
        CreateExternalCampaign, CreatePhoneNumber, CreateService, CreateShortCode, CreateTollfreeVerification,
        CreateUsAppToPerson, DeleteAlphaSender, DeletePhoneNumber, DeleteService, DeleteTollfreeVerification,
        FetchBrandVetting, FetchDeactivation, FetchService, ListAlphaSender, ListService,
        ListTollfreeVerification, ListUsAppToPerson, UpdateService, UpdateUsAppToPerson,
    }
}

/// Compares `ours` with what is expected for `name` and records each part that differs.
fn compare(mismatches: &mut Vec<String>, name: &str, what: &str, ours: &Wire, want: &Wire) {
    let none = String::from("(none)");
    for (part, ours, want) in [
        ("method", &ours.method, &want.method),
        ("path", &ours.path, &want.path),
        ("body", &ours.body, &want.body),
        (
            "content type",
            ours.content_type.as_ref().unwrap_or(&none),
            want.content_type.as_ref().unwrap_or(&none),
        ),
    ] {
        if ours != want {
            let same = ours.bytes().zip(want.bytes()).take_while(|(a, b)| a == b).count();
            mismatches.push(format!(
                "{name} ({what}): the {part} differs from byte {same} on\n    crate:    {ours}\n    expected: {want}"
            ));
        }
    }
}

#[tokio::test]
async fn every_sdk_request_decodes_validates_and_is_sent_again_byte_for_byte() {
    let wires = Wires::recording_content_types(ACCOUNT).await;
    let mut mismatches = Vec::new();
    let mut per_host: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut refused = 0;
    for (name, scenario) in fixture() {
        let result = roundtrip_operation(&scenario.host, &scenario.operation, &wires, &scenario.wire)
            .await
            .unwrap_or_else(|| {
                panic!("{name}: {} {} is not in the table", scenario.host, scenario.operation)
            });
        let want = expected(&name, &scenario.wire);
        let count = per_host.entry(scenario.host.clone()).or_default();
        count.0 += 1;
        if let Some((_, refusal)) = REFUSED.iter().find(|(refused, _)| *refused == name) {
            refused += 1;
            match result {
                Err(error) if error.starts_with(refusal) => {}
                other => mismatches.push(format!("{name}: expected the refusal {refusal:?}, got {other:?}")),
            }
            continue;
        }
        match result {
            Ok(ours) => {
                if ours == scenario.wire {
                    count.1 += 1;
                }
                compare(&mut mismatches, &name, "decoded", &ours, &want);
            }
            Err(error) => mismatches.push(format!("{name}: {error}")),
        }
    }
    assert!(mismatches.is_empty(), "{} mismatches:\n{}", mismatches.len(), mismatches.join("\n"));
    for (host, (compared, identical)) in &per_host {
        eprintln!("{host}: {compared} requests compared, {identical} byte-identical to the SDK's");
        assert!(*compared >= 20, "{host}: only {compared} requests in the fixture");
    }
    assert_eq!(per_host.len(), 3, "every product has scenarios");
    assert_eq!(refused, REFUSED.len(), "a REFUSED entry names no scenario");
    eprintln!("{refused} refused as documented in REFUSED");
}

fn parse<T: std::str::FromStr<Err: std::fmt::Display>>(text: &str) -> T {
    text.parse().unwrap_or_else(|error| panic!("{text:?}: {error}"))
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| (*item).to_owned()).collect()
}

fn url(text: &str) -> Url {
    parse(text)
}

fn utc(year: i32, month: u32, day: u32, hour: u32, minute: u32, second: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, month, day, hour, minute, second).unwrap()
}

const SERVICE: VerifyServiceSid = VerifyServiceSid::from_static("VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const VERIFICATION: VerificationSid = VerificationSid::from_static("VEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const RATE_LIMIT: RateLimitSid = RateLimitSid::from_static("RKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const BUCKET: RateLimitBucketSid = RateLimitBucketSid::from_static("BLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const WEBHOOK: VerifyWebhookSid = VerifyWebhookSid::from_static("YWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const FACTOR: FactorSid = FactorSid::from_static("YFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const TEMPLATE: VerifyTemplateSid = VerifyTemplateSid::from_static("HJaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const CREDENTIAL: CredentialSid = CredentialSid::from_static("CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const MESSAGING_SERVICE: MessagingServiceSid =
    MessagingServiceSid::from_static("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const PHONE_NUMBER_SID: PhoneNumberSid = PhoneNumberSid::from_static("PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const BRAND: BrandRegistrationSid = BrandRegistrationSid::from_static("BNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const BUNDLE: BundleSid = BundleSid::from_static("BUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const A2P_BUNDLE: BundleSid = BundleSid::from_static("BUbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
const TOLLFREE: TollfreeVerificationSid =
    TollfreeVerificationSid::from_static("HHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const IDENTITY: &str = "ff483d1ff591898a9942916050d2ca3f";

/// The scenarios built in typed code, and what was found so far.
struct Typed {
    fixture: BTreeMap<String, Scenario>,
    wires: Wires,
    per_host: BTreeMap<&'static str, usize>,
    mismatches: Vec<String>,
}

impl Typed {
    async fn check<E: Endpoint + Debug>(&mut self, name: &str, operation: &str, request: &E) {
        let Some(scenario) = self.fixture.get(name) else {
            self.mismatches.push(format!("{name}: not in the fixture"));
            return;
        };
        if scenario.operation != operation || scenario.host != E::HOST {
            self.mismatches.push(format!(
                "{name}: the SDK called {} on {}, built as {operation} on {}",
                scenario.operation,
                scenario.host,
                E::HOST
            ));
        }
        *self.per_host.entry(E::HOST).or_default() += 1;
        match self.wires.send(request).await {
            Ok(ours) => compare(&mut self.mismatches, name, "typed", &ours, &expected(name, &scenario.wire)),
            Err(error) => self.mismatches.push(format!("{name} (typed): {error}\n    built: {request:?}")),
        }
    }
}

/// Builds scenario `$name` with `$request`, whose type is the operation the SDK called.
macro_rules! typed {
    ($run:ident, $name:literal, $module:ident :: $operation:ident :: $($build:tt)+) => {{
        let request = $module::$operation::$($build)+;
        $run.check($name, stringify!($operation), &request).await;
    }};
}

#[tokio::test]
async fn typed_requests_send_the_sdks_bytes() {
    use lookups::v2 as lk;
    use messaging::v1 as msg;
    use verify::v2 as vf;
    let mut run = Typed {
        fixture: fixture(),
        wires: Wires::recording_content_types(ACCOUNT).await,
        per_host: BTreeMap::new(),
        mismatches: Vec::new(),
    };

    // ---- Verify ----
    typed!(
        run,
        "create_verification_sms",
        vf::CreateVerification::new(SERVICE, "+15017122661", vf::VerifyChannel::Sms)
    );
    typed!(
        run,
        "create_verification_every_text",
        vf::CreateVerification::new(SERVICE, "user+tag@example.com", vf::VerifyChannel::Email)
            .custom_friendly_name("Café & Co * ~")
            .custom_message("")
            .locale("fr")
            .custom_code("867530")
            .amount("€10.00")
            .payee("Acme/Inc")
            .rate_limits(r#"{"end_user_ip_address": "127.0.0.1"}"#)
            .channel_configuration(r#"{"from": "noreply@example.com", "from_name": "Acme"}"#)
            .app_hash("AbCdE+/12")
            .template_sid(TEMPLATE)
            .template_custom_substitutions(r#"{"name":"Ada"}"#)
            .device_ip("2001:db8::1")
            .enable_sna_client_token(false)
            .risk_check(vf::VerificationRiskCheck::Disable)
            .tags(r#"{"campaign":"spring sale"}"#)
    );
    typed!(
        run,
        "create_verification_check_by_number",
        vf::CreateVerificationCheck::new(SERVICE).code("123456").to("+15017122661")
    );
    typed!(
        run,
        "create_verification_check_by_sid",
        vf::CreateVerificationCheck::new(SERVICE)
            .code("0000")
            .verification_sid(VERIFICATION)
            .amount("1.5")
            .payee("Bob & Alice")
    );
    typed!(
        run,
        "update_verification_approved",
        vf::UpdateVerification::new(SERVICE, VERIFICATION.as_str(), vf::VerificationStatus::Approved)
    );
    typed!(
        run,
        "create_service_every_parameter",
        vf::CreateService::new("My Service *~")
            .code_length(10)
            .lookup_enabled(true)
            .skip_sms_to_landlines(false)
            .dtmf_input_required(true)
            .tts_name("Polly.Joanna")
            .do_not_share_warning_enabled(false)
            .custom_code_enabled(true)
            .push_include_date(false)
            .push_apn_credential_sid(CREDENTIAL)
            .push_fcm_credential_sid(CREDENTIAL)
            .totp_issuer("Acme Inc.")
            .totp_time_step(20)
            .totp_code_length(8)
            .totp_skew(0)
            .default_template_sid(TEMPLATE)
            .whatsapp_msg_service_sid(MESSAGING_SERVICE)
            .whatsapp_from("+15017122661")
            .verify_event_subscription_enabled(true)
    );
    typed!(run, "list_services_page", vf::ListService::new().page_token("PT+/=").page(1).page_size(20));
    typed!(run, "delete_service", vf::DeleteService::new(SERVICE));
    typed!(run, "create_bucket", vf::CreateBucket::new(SERVICE, RATE_LIMIT, 4, 60));
    typed!(run, "update_bucket_zero", vf::UpdateBucket::new(SERVICE, RATE_LIMIT, BUCKET).max(0));
    typed!(
        run,
        "create_webhook_events",
        vf::CreateWebhook::new(SERVICE, "hook", "https://example.com/hook?a=1&b=two words")
            .event_types(vec![
                vf::VerifyWebhookEvent::FactorCreated,
                vf::VerifyWebhookEvent::ChallengeApproved
            ])
            .status(vf::WebhookStatus::Enabled)
    );
    typed!(
        run,
        "list_verification_attempts_filtered",
        vf::ListVerificationAttempt::new()
            .date_created_after(utc(2024, 1, 1, 0, 0, 0))
            .date_created_before(utc(2024, 1, 31, 23, 59, 59))
            .channel_data_to("+15017122661")
            .country("US")
            .channel(vf::VerificationAttemptChannels::Sms)
            .verify_service_sid(SERVICE)
            .verification_sid(VERIFICATION)
            .status(vf::VerificationAttemptConversionStatus::Converted)
            .page_size(100)
    );
    typed!(
        run,
        "list_challenges_filtered",
        vf::ListChallenge::new(SERVICE, IDENTITY)
            .factor_sid(FACTOR)
            .status(vf::ChallengeStatuses::Pending)
            .order(vf::ChallengeListOrders::Desc)
            .page_size(5)
    );
    typed!(
        run,
        "update_webhook_all_events",
        vf::UpdateWebhook::new(SERVICE, WEBHOOK)
            .event_types(vec![vf::VerifyWebhookEvent::All])
            .status(vf::WebhookStatus::Disabled)
    );

    // ---- Lookups ----
    typed!(
        run,
        "lookup_line_type",
        lk::FetchPhoneNumber::new("+14155552671").fields("line_type_intelligence")
    );
    typed!(run, "lookup_no_parameter", lk::FetchPhoneNumber::new("+14155552671"));
    typed!(
        run,
        "lookup_national_number_with_country",
        lk::FetchPhoneNumber::new("(510) 867-5310").fields("validation").country_code("US")
    );
    typed!(
        run,
        "lookup_several_fields",
        lk::FetchPhoneNumber::new("+447772000001").fields("caller_name,sim_swap,call_forwarding,line_status")
    );
    typed!(
        run,
        "lookup_identity_match",
        lk::FetchPhoneNumber::new("+14155552671")
            .fields("identity_match")
            .first_name("Zoë")
            .last_name("O'Brien-Smith")
            .address_line1("1 Main St. #5")
            .address_line2("")
            .city("San Francisco")
            .state("CA")
            .postal_code("94105")
            .address_country_code("US")
            .national_id("YZ 12 34 56 C")
            .date_of_birth("19900115")
    );
    typed!(
        run,
        "lookup_reassigned_number",
        lk::FetchPhoneNumber::new("+14155552671").fields("reassigned_number").last_verified_date("20240101")
    );
    typed!(run, "lookup_empty_fields", lk::FetchPhoneNumber::new("+14155552671").fields(""));
    typed!(
        run,
        "fetch_rate_limits_several",
        lk::FetchLookupAccountRateLimits::new().fields(strings(&[
            "caller_name",
            "sim_swap",
            "identity_match"
        ]))
    );
    typed!(run, "fetch_rate_limits_all", lk::FetchLookupAccountRateLimits::new());
    typed!(
        run,
        "fetch_rate_limit_bucket_with_space",
        lk::FetchLookupRateLimit::new("caller_name", "my bucket")
    );
    typed!(run, "delete_rate_limit_bucket", lk::DeleteLookupRateLimit::new("sim_swap", "custom-1"));
    // The JSON bodies: nested objects are the generated serde structs, a required member plain, an
    // optional one an `Option` left out when `None`.
    typed!(
        run,
        "create_bulk_lookup_every_member",
        lk::CreateBulkLookup::new().phone_numbers(vec![
            lk::LookupRequestWithCorId {
                correlation_id: Some("order-1/a".into()),
                phone_number: "+14155552671".into(),
                fields: Some(vec![
                    lk::LookupRequestWithCorIdFields::LineTypeIntelligence,
                    lk::LookupRequestWithCorIdFields::SimSwap,
                ]),
                country_code: Some("US".into()),
                identity_match: Some(lk::IdentityMatchParameters {
                    first_name: Some("Zoë".into()),
                    last_name: Some("O'Brien & \"Sons\"".into()),
                    address_line1: Some("1 Main St\nApt 2".into()),
                    city: Some("Zürich".into()),
                    postal_code: Some("8001".into()),
                    address_country_code: Some("CH".into()),
                    date_of_birth: Some("19900101".into()),
                    ..Default::default()
                }),
                reassigned_number: Some(lk::ReassignedNumberRequest {
                    last_verified_date: Some("20240101".into())
                }),
                sms_pumping_risk: Some(lk::SmsPumpingRiskParameters {
                    partner_sub_id: Some("sub/1 ~*".into())
                }),
            },
            lk::LookupRequestWithCorId {
                correlation_id: None,
                phone_number: "(510) 867-5310".into(),
                fields: None,
                country_code: Some("US".into()),
                identity_match: None,
                reassigned_number: None,
                sms_pumping_risk: None,
            },
        ])
    );
    typed!(
        run,
        "create_bulk_lookup_one_number",
        lk::CreateBulkLookup::new().phone_numbers(vec![lk::LookupRequestWithCorId {
            correlation_id: None,
            phone_number: "+447772000001".into(),
            fields: None,
            country_code: None,
            identity_match: None,
            reassigned_number: None,
            sms_pumping_risk: None,
        }])
    );
    typed!(run, "create_bulk_lookup_no_numbers", lk::CreateBulkLookup::new().phone_numbers(Vec::new()));
    typed!(
        run,
        "update_rate_limit",
        lk::UpdateLookupRateLimit::new("line_type_intelligence", "default").limit(10).ttl(3600)
    );
    typed!(
        run,
        "update_rate_limit_zero_limit_only",
        lk::UpdateLookupRateLimit::new("caller_name", "my bucket").limit(0)
    );
    typed!(
        run,
        "create_override",
        lk::CreateLookupPhoneNumberOverrides::new("+14155552671", "line_type_intelligence")
            .line_type(lk::OverridesRequestLineType::TollFree)
            .reason("Ported in 2024 (€)")
    );
    typed!(
        run,
        "create_override_reason_only",
        lk::CreateLookupPhoneNumberOverrides::new("+14155552671", "line_type_intelligence").reason("")
    );
    typed!(
        run,
        "update_override",
        lk::UpdateLookupPhoneNumberOverrides::new("+14155552671", "line_type_intelligence")
            .line_type(lk::OverridesRequestLineType::Mobile)
            .reason("customer says mobile")
    );
    typed!(
        run,
        "update_override_line_type_unknown",
        lk::UpdateLookupPhoneNumberOverrides::new("+14155552671", "line_type_intelligence")
            .line_type(lk::OverridesRequestLineType::UnknownValue)
    );

    // ---- Messaging ----
    typed!(
        run,
        "create_messaging_service_every_parameter",
        msg::CreateService::new("Notifications & alerts ✓")
            .inbound_request_url(url("https://example.com/in?a=1&b=2"))
            .inbound_method(twilio_endpoint::values::CallbackMethod::Get)
            .fallback_url(url("https://example.com/fallback"))
            .fallback_method(twilio_endpoint::values::CallbackMethod::Post)
            .status_callback(url("https://example.com/status"))
            .sticky_sender(true)
            .mms_converter(false)
            .smart_encoding(true)
            .scan_message_content(msg::ServiceScanMessageContent::Enable)
            .fallback_to_long_code(false)
            .area_code_geomatch(true)
            .validity_period(36000)
            .synchronous_validation(true)
            .usecase(msg::MessagingUsecase::Notifications)
            .use_inbound_webhook_on_number(false)
    );
    typed!(run, "create_messaging_service_name_only", msg::CreateService::new("Acme"));
    typed!(run, "list_messaging_services", msg::ListService::new().page(0).page_size(50));
    typed!(run, "add_phone_number", msg::CreatePhoneNumber::new(MESSAGING_SERVICE, PHONE_NUMBER_SID));
    typed!(run, "add_alpha_sender", msg::CreateAlphaSender::new(MESSAGING_SERVICE, "Acme-Co+1"));
    typed!(
        run,
        "add_destination_alpha_sender",
        msg::CreateDestinationAlphaSender::new(MESSAGING_SERVICE, "Acme").iso_country_code("FR")
    );
    typed!(
        run,
        "create_brand_registration",
        msg::CreateBrandRegistrations::new(BUNDLE, A2P_BUNDLE)
            .brand_type(msg::BrandRegistrationType::SoleProprietor)
            .mock(true)
            .skip_automatic_sec_vet(false)
    );
    typed!(run, "fetch_brand_vetting", msg::FetchBrandVetting::new(BRAND, "VT12445353"));
    typed!(
        run,
        "create_us_app_to_person",
        msg::CreateUsAppToPerson::new(
            MESSAGING_SERVICE,
            BRAND,
            "Send marketing messages about sales and offers to opted in customers.",
            "End users opt in by visiting www.example.com and adding their phone number.",
            "MARKETING",
            true,
            false,
        )
        .message_samples(strings(&[
            "Book your next appointment: reply YES",
            "Sale: 20% off today & tomorrow!"
        ]))
        .opt_in_message("You're in! Reply STOP to end")
        .opt_out_keywords(strings(&["STOP", "END"]))
        .help_keywords(strings(&["HELP"]))
        .age_gated(false)
        .direct_lending(false)
    );
    typed!(run, "delete_tollfree_verification", msg::DeleteTollfreeVerification::new(TOLLFREE));
    typed!(
        run,
        "fetch_deactivations",
        msg::FetchDeactivation::new().date(NaiveDate::from_ymd_opt(2024, 3, 9).unwrap())
    );

    assert!(run.mismatches.is_empty(), "{} mismatches:\n{}", run.mismatches.len(), run.mismatches.join("\n"));
    for (host, built) in &run.per_host {
        eprintln!("{host}: {built} requests built in typed code, each the SDK's bytes");
        assert!(*built >= 10, "{host}: only {built} typed requests");
    }
    assert_eq!(run.per_host.len(), 3);
}
