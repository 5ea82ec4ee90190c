//! Contract variants of the messages operations: Create, Fetch, Update, Delete and List Message.
//!
//! Left out: Create Message's lists, `PersistentAction` and `MediaUrl`, hence the `Media` and
//! `BodyAndMedia` contents and a template with media. Prism 5.16 reads a repeated form key as one
//! value that overrides the others, and a single one as a string, so it answers 422 "must be array"
//! however a list is sent (stoplightio/prism#2473, open). Twilio reads repeated keys as a list, which
//! is how its SDKs send them and what the description's form encoding means (style `form`, `explode`
//! by default); `tests/messages.rs` checks that encoding.

use chrono::{DateTime, TimeZone as _, Utc};
use twilio_endpoint::api::v2010::*;
use twilio_endpoint::values::{AccountSid, ApplicationSid, ContentSid, MessageSid, MessagingServiceSid, Url};

use super::Contract;

/// A subaccount of [`super::ACCOUNT`], named in the path instead of the client's account.
const SUBACCOUNT: AccountSid = AccountSid::from_static("ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
const SERVICE: MessagingServiceSid = MessagingServiceSid::from_static("MGcccccccccccccccccccccccccccccccc");
const TEMPLATE: ContentSid = ContentSid::from_static("HXdddddddddddddddddddddddddddddddd");
const SMS: MessageSid = MessageSid::from_static("SMeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
const MMS: MessageSid = MessageSid::from_static("MMffffffffffffffffffffffffffffffff");

pub async fn run(contract: &Contract) {
    create_message(contract).await;
    fetch_message(contract).await;
    update_message(contract).await;
    delete_message(contract).await;
    list_messages(contract).await;
    lists(contract);
}

fn address(text: &str) -> MessageAddress {
    text.parse().unwrap()
}

fn url(text: &str) -> Url {
    text.parse().unwrap()
}

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap()
}

/// The `n`th value of `all`, cycling, so that a series of requests covers every value of an enum.
fn nth<T: Clone>(all: &[T], n: usize) -> T {
    all[n % all.len()].clone()
}

/// A text from a phone number to a phone number.
fn sms() -> CreateMessage {
    CreateMessage::new(address("+15558675310"), address("+15017122661"), "Hello!")
}

async fn create_message(contract: &Contract) {
    // `FallbackFrom` is in Twilio's current description but not yet in the pinned one; Prism lets
    // through the parameters it does not know, so it is sent unchecked.
    let sender = MessageSender::MessagingService {
        from: Some(address("+15017122661")),
        fallback_from: Some(address("Acme Inc")),
        messaging_service_sid: SERVICE,
    };
    let content = MessageContent::Template {
        body: Some("Hello * ~ café 👍".into()),
        media_url: Vec::new(),
        content_sid: TEMPLATE,
    };
    let every_parameter = CreateMessage::new(address("+15558675310"), sender, content)
        .status_callback(url("https://example.com/status?a=1&b=two+words"))
        .application_sid(ApplicationSid::from_static("APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
        .max_price("0.75")
        .provide_feedback(true)
        .attempt(2)
        .validity_period(36000)
        .force_delivery(false)
        .content_retention(ContentRetention::Discard)
        .address_retention(AddressRetention::Obfuscate)
        .smart_encoded(true)
        .traffic_type(TrafficType::Free)
        .shorten_urls(true)
        .schedule(MessageSchedule::Fixed { send_at: utc(2030, 3, 9, 7, 5, 3) })
        .send_as_mms(true)
        .content_variables(r#"{"1":"Ada & Bob","2":"12/1"}"#)
        .risk_check(RiskCheck::Disable);
    contract.check("CreateMessage: every parameter but the lists", &every_parameter).await;

    contract.check("CreateMessage: only the required, From and Body", &sms()).await;

    // Every sender: `From` alone, the service alone, the service with `From`, with `FallbackFrom`.
    let senders = [
        ("From", MessageSender::From(address("+15017122661"))),
        ("MessagingServiceSid", SERVICE.into()),
        (
            "MessagingServiceSid with From",
            MessageSender::MessagingService {
                from: Some(address("20736")),
                fallback_from: None,
                messaging_service_sid: SERVICE,
            },
        ),
        (
            "MessagingServiceSid with FallbackFrom",
            MessageSender::MessagingService {
                from: None,
                fallback_from: Some(address("+15017122661")),
                messaging_service_sid: SERVICE,
            },
        ),
    ];
    for (name, sender) in senders {
        let request = CreateMessage::new(address("+15558675310"), sender, "Hello!");
        contract.check(&format!("CreateMessage: sender {name}"), &request).await;
    }

    // Every content without media: the longest body, and a template alone or with a body.
    let contents = [
        ("Body", MessageContent::Body("x".repeat(1600))),
        ("ContentSid", TEMPLATE.into()),
        (
            "ContentSid with Body",
            MessageContent::Template {
                body: Some("Hi".into()),
                media_url: Vec::new(),
                content_sid: TEMPLATE,
            },
        ),
    ];
    for (name, content) in contents {
        let mut request = CreateMessage::new(address("+15558675310"), address("+15017122661"), content);
        if name.starts_with("ContentSid") {
            request = request.content_variables(r#"{"1":"Ada"}"#);
        }
        contract.check(&format!("CreateMessage: content {name}"), &request).await;
    }

    let scheduled = CreateMessage::new(address("+15558675310"), SERVICE, "Later")
        .schedule(MessageSchedule::Fixed { send_at: utc(2030, 1, 2, 3, 4, 5) });
    contract.check("CreateMessage: scheduled", &scheduled).await;

    // Every value of every enum parameter, spread over requests, with the bounds of `ValidityPeriod`.
    for n in 0..2 {
        let request = sms()
            .validity_period(if n == 0 { 1 } else { 36000 })
            .content_retention(nth(ContentRetention::ALL, n))
            .address_retention(nth(AddressRetention::ALL, n))
            .traffic_type(nth(TrafficType::ALL, n))
            .risk_check(nth(RiskCheck::ALL, n))
            .provide_feedback(n == 0)
            .force_delivery(n == 1)
            .smart_encoded(n == 0)
            .send_as_mms(n == 1);
        contract.check(&format!("CreateMessage: enum values and range bounds #{n}"), &request).await;
    }

    // The address forms of `To` and `From`.
    let addresses = [
        ("short code sender", "+15558675310", "20736"),
        ("alphanumeric sender", "+447700900123", "Acme Inc"),
        ("national numbers", "4157663747", "4157663748"),
        ("WhatsApp", "whatsapp:+15558675310", "whatsapp:+15017122661"),
        ("Messenger", "messenger:1234567890", "messenger:0987654321"),
        ("RCS", "rcs:+15558675310", "rcs:acme_agent"),
    ];
    for (name, to, from) in addresses {
        let request = CreateMessage::new(address(to), address(from), "Hello!");
        contract.check(&format!("CreateMessage: addresses, {name}"), &request).await;
    }

    let subaccount = sms().account_sid(SUBACCOUNT);
    contract.check("CreateMessage: in a subaccount", &subaccount).await;
}

async fn fetch_message(contract: &Contract) {
    contract.check("FetchMessage: an SMS", &FetchMessage::new(SMS)).await;
    contract.check("FetchMessage: an MMS", &FetchMessage::new(MMS)).await;
    contract.check("FetchMessage: in a subaccount", &FetchMessage::new(SMS).account_sid(SUBACCOUNT)).await;
}

async fn update_message(contract: &Contract) {
    contract.check("UpdateMessage: only the required", &UpdateMessage::new(SMS)).await;
    contract.check("UpdateMessage: redact the body", &UpdateMessage::new(SMS).body("")).await;
    contract.check("UpdateMessage: a new body", &UpdateMessage::new(MMS).body("Hello again")).await;
    for &status in UpdateMessageStatus::ALL {
        let request = UpdateMessage::new(SMS).status(status);
        contract.check(&format!("UpdateMessage: Status={status}"), &request).await;
    }
    let every_parameter = UpdateMessage::new(SMS).body("").status(UpdateMessageStatus::Canceled);
    contract.check("UpdateMessage: every parameter", &every_parameter).await;
    let subaccount = UpdateMessage::new(SMS).account_sid(SUBACCOUNT).body("");
    contract.check("UpdateMessage: in a subaccount", &subaccount).await;
}

async fn delete_message(contract: &Contract) {
    contract.check("DeleteMessage: an SMS", &DeleteMessage::new(SMS)).await;
    contract.check("DeleteMessage: an MMS", &DeleteMessage::new(MMS)).await;
    contract.check("DeleteMessage: in a subaccount", &DeleteMessage::new(SMS).account_sid(SUBACCOUNT)).await;
}

async fn list_messages(contract: &Contract) {
    contract.check("ListMessages: no filter", &ListMessages::new()).await;

    let every_parameter = ListMessages::new()
        .to(address("+15558675310"))
        .from(address("+15017122661"))
        .date_sent(utc(2008, 1, 2, 0, 0, 0))
        .date_sent_before(utc(2008, 1, 3, 0, 0, 0))
        .date_sent_after(utc(2008, 1, 1, 0, 0, 0))
        .page_token("PAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        .page(2)
        .page_size(20);
    contract.check("ListMessages: every parameter", &every_parameter).await;

    // Prism checks `DateSent` as a date-time but not the operator keys (`DateSent<`, `DateSent>`),
    // whatever they hold; these requests show that they reach the operation, and the unit tests check
    // their encoding.
    let operators = ListMessages::new()
        .date_sent_after(utc(2024, 1, 1, 0, 0, 0))
        .date_sent_before(utc(2024, 2, 1, 0, 0, 0));
    contract.check("ListMessages: operator filters only", &operators).await;

    let addresses = [
        ("short code", "20736"),
        ("alphanumeric sender", "Acme"),
        ("WhatsApp", "whatsapp:+15017122661"),
        ("Messenger", "messenger:1234567890"),
    ];
    for (name, from) in addresses {
        let request = ListMessages::new().to(address("whatsapp:+15558675310")).from(address(from));
        contract.check(&format!("ListMessages: addresses, {name}"), &request).await;
    }

    for size in [1, 1000] {
        let request = ListMessages::new().page(0).page_size(size);
        contract.check(&format!("ListMessages: PageSize={size}"), &request).await;
    }
    let subaccount = ListMessages::new().account_sid(SUBACCOUNT).to(address("+15558675310"));
    contract.check("ListMessages: in a subaccount", &subaccount).await;
}

/// The lists, each with several items, for the conformance check only.
fn lists(contract: &Contract) {
    let media = [url("https://example.com/a.png"), url("https://example.com/b.jpg?size=large")];
    let request = CreateMessage::new(
        address("+15558675310"),
        address("+15017122661"),
        MessageContent::BodyAndMedia { body: "Two pictures".to_owned(), media_url: media.to_vec() },
    )
    .persistent_action(["mailto:support@example.com".to_owned(), "geo:37.787890,-122.391664".to_owned()]);
    contract.record_only(
        "CreateMessage: MediaUrl and PersistentAction with two items",
        &request,
        PRISM_LISTS,
    );
    let only_media = CreateMessage::new(
        address("+15558675310"),
        address("+15017122661"),
        MessageContent::Media(media.to_vec()),
    );
    contract.record_only("CreateMessage: MediaUrl alone", &only_media, PRISM_LISTS);
}

const PRISM_LISTS: &str =
    "Prism 5.16 reads a form key once and answers \"must be array\" to any list (stoplightio/prism#2473)";
