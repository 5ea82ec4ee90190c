//! The Create Message request with every parameter set, shared by the tests that compare it with the
//! official SDK's body (`create_message_every_parameter` in the fixture). Included with `#[path]`.

use chrono::{TimeZone as _, Utc};
use twilio_endpoint::api::v2010::*;
use twilio_endpoint::values::{ApplicationSid, ContentSid, MessagingServiceSid, Url};

const SERVICE: MessagingServiceSid = MessagingServiceSid::from_static("MGcccccccccccccccccccccccccccccccc");
const TEMPLATE: ContentSid = ContentSid::from_static("HXdddddddddddddddddddddddddddddddd");

fn address(text: &str) -> MessageAddress {
    text.parse().unwrap_or_else(|error| panic!("{text:?}: {error}"))
}

fn url(text: &str) -> Url {
    text.parse().unwrap()
}

/// A WhatsApp template message through a messaging service, every parameter of the description set.
pub fn message_every_parameter() -> CreateMessage {
    let sender = MessageSender::MessagingService {
        from: Some(address("+15017122661")),
        fallback_from: Some(address("Acme Inc")),
        messaging_service_sid: SERVICE,
    };
    let content = MessageContent::Template {
        body: Some("Hello * ~ café 👍".into()),
        media_url: vec![url("https://example.com/a.png"), url("https://example.com/b.jpg?x=1")],
        content_sid: TEMPLATE,
    };
    CreateMessage::new(address("whatsapp:+15558675310"), sender, content)
        .status_callback(url("https://example.com/status?a=1&b=two+words"))
        .application_sid(ApplicationSid::from_static("APbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"))
        .max_price("0.75")
        .provide_feedback(true)
        .attempt(2)
        .validity_period(36000)
        .force_delivery(false)
        .content_retention(ContentRetention::Discard)
        .address_retention(AddressRetention::Obfuscate)
        .smart_encoded(true)
        .persistent_action([
            "geo:37.787890,-122.391664|375 Beale St".to_owned(),
            "mailto:a@example.com".to_owned(),
        ])
        .traffic_type(TrafficType::Free)
        .shorten_urls(true)
        .schedule(MessageSchedule::Fixed { send_at: Utc.with_ymd_and_hms(2024, 3, 9, 7, 5, 3).unwrap() })
        .send_as_mms(true)
        .content_variables(r#"{"1":"Ada & Bob","2":"12/1"}"#)
        .risk_check(RiskCheck::Disable)
}
