//! The five Message operations: each over HTTP against a local server (method, path, exact body or
//! query, the spec's example decoded), the body against what Twilio's official Python SDK sends, and
//! every documented rule enforced by `validate()` before anything is sent.

use chrono::{TimeZone, Utc};
use twilio_endpoint::api::v2010::*;
use twilio_endpoint::values::{AccountSid, ContentSid, MessageSid, MessagingServiceSid, Url};
use twilio_endpoint::{Client, Error, LengthUnit, Rule};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const ACCOUNT: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const SUBACCOUNT: &str = "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
const SERVICE: MessagingServiceSid = MessagingServiceSid::from_static("MGcccccccccccccccccccccccccccccccc");
const TEMPLATE: ContentSid = ContentSid::from_static("HXdddddddddddddddddddddddddddddddd");
const SMS: MessageSid = MessageSid::from_static("SMb7c0a2ce80504485a6f653a7110836f5");

fn address(text: &str) -> MessageAddress {
    text.parse().unwrap_or_else(|error| panic!("{text:?}: {error}"))
}

fn url(text: &str) -> Url {
    text.parse().unwrap()
}

fn media(count: usize) -> Vec<Url> {
    (0..count).map(|i| url(&format!("https://example.com/{i}.png"))).collect()
}

/// The smallest valid request: a number, a sender, a body.
fn sms() -> CreateMessage {
    CreateMessage::new(address("+15558675310"), address("+15017122661"), "Hi")
}

fn through_service() -> MessageSender {
    MessageSender::from(SERVICE)
}

async fn server_answering(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(template).mount(&server).await;
    server
}

fn json_reply(status: u16, body: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body, "application/json")
}

fn client_for(server: &MockServer) -> Client {
    Client::builder()
        .account_sid(ACCOUNT.parse::<AccountSid>().unwrap())
        .auth_token("test-auth-token")
        .base_url(server.uri())
        .build()
        .unwrap()
}

async fn only_request(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "expected exactly one request");
    requests.remove(0)
}

fn body(request: &Request) -> &str {
    std::str::from_utf8(&request.body).unwrap()
}

/// The one violation of an invalid request, as its message.
fn violation(request: &CreateMessage) -> String {
    let errors = request.validate().expect_err("the request is invalid");
    let [violation] = errors.violations() else { panic!("one violation expected: {errors}") };
    violation.to_string()
}

// ---- Create Message ----

/// What twilio 9.13's `client.messages.create(...)` sends with every parameter set, as
/// `scripts/sdk_wire.sh` captured it.
fn sdk_body(scenario: &str) -> String {
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/sdk_wire.json")).expect("the fixture is JSON");
    fixture[scenario]["body"].as_str().expect("the scenario has a body").to_owned()
}

#[path = "support/message_every_parameter.rs"]
mod message_every_parameter;
use message_every_parameter::message_every_parameter as every_parameter;

#[test]
fn every_parameter_encodes_as_the_official_sdk_does() {
    let request = every_parameter();
    request.validate().expect("the request is valid");
    assert_eq!(request.to_form(), sdk_body("create_message_every_parameter"));
}

#[test]
fn each_sender_and_content_writes_its_keys_only() {
    let to = || address("+15558675310");
    let form = |sender: MessageSender, content: MessageContent| {
        let request = CreateMessage::new(to(), sender, content);
        request.validate().expect("the request is valid");
        request.to_form().strip_prefix("To=%2B15558675310&").unwrap().to_owned()
    };
    let service = "MessagingServiceSid=MGcccccccccccccccccccccccccccccccc";
    assert_eq!(form(address("Acme").into(), "Hi".into()), "From=Acme&Body=Hi");
    assert_eq!(form(through_service(), "Hi".into()), format!("{service}&Body=Hi"));
    let pool_sender = MessageSender::MessagingService {
        from: Some(address("20736")),
        fallback_from: None,
        messaging_service_sid: SERVICE,
    };
    assert_eq!(form(pool_sender, "Hi".into()), format!("From=20736&{service}&Body=Hi"));
    let with_fallback = MessageSender::MessagingService {
        from: None,
        fallback_from: Some(address("+15017122661")),
        messaging_service_sid: SERVICE,
    };
    assert_eq!(form(with_fallback, "Hi".into()), format!("FallbackFrom=%2B15017122661&{service}&Body=Hi"));

    let from = || MessageSender::from(address("+15017122661"));
    assert_eq!(
        form(from(), MessageContent::Media(media(2))),
        "From=%2B15017122661&MediaUrl=https%3A%2F%2Fexample.com%2F0.png&MediaUrl=https%3A%2F%2Fexample.com%2F1.png"
    );
    assert_eq!(
        form(from(), url("https://example.com/0.png").into()),
        "From=%2B15017122661&MediaUrl=https%3A%2F%2Fexample.com%2F0.png"
    );
    assert_eq!(
        form(from(), MessageContent::BodyAndMedia { body: "See".into(), media_url: media(1) }),
        "From=%2B15017122661&Body=See&MediaUrl=https%3A%2F%2Fexample.com%2F0.png"
    );
    assert_eq!(
        form(from(), TEMPLATE.into()),
        "From=%2B15017122661&ContentSid=HXdddddddddddddddddddddddddddddddd"
    );
}

#[test]
fn a_schedule_is_fixed_with_its_time() {
    let send_at = Utc.with_ymd_and_hms(2030, 1, 2, 3, 4, 5).unwrap();
    let request = CreateMessage::new(address("+15558675310"), SERVICE, "Later")
        .schedule(MessageSchedule::Fixed { send_at });
    request.validate().expect("the request is valid");
    assert_eq!(
        request.to_form(),
        "To=%2B15558675310&ScheduleType=fixed&SendAt=2030-01-02T03%3A04%3A05Z\
         &MessagingServiceSid=MGcccccccccccccccccccccccccccccccc&Body=Later"
    );
}

#[tokio::test]
async fn create_message_posts_the_form_and_decodes_the_example() {
    let server =
        server_answering(json_reply(201, include_str!("../src/mock/examples/CreateMessage.json"))).await;
    let message = CreateMessage::new(address("+15558675310"), SERVICE, "Hello! 👍")
        .account_sid(SUBACCOUNT.parse::<AccountSid>().unwrap())
        .send(&client_for(&server))
        .await
        .unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(request.url.path(), format!("/2010-04-01/Accounts/{SUBACCOUNT}/Messages.json"));
    assert_eq!(request.url.query(), None);
    assert_eq!(
        body(&request),
        "To=%2B15558675310&MessagingServiceSid=MGcccccccccccccccccccccccccccccccc&Body=Hello%21+%F0%9F%91%8D"
    );

    assert_eq!(message.sid, Some(MessageSid::from_static("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")));
    assert_eq!(message.account_sid, Some(ACCOUNT.parse().unwrap()));
    assert_eq!(message.body.as_deref(), Some("Hello! 👍"));
    assert_eq!(message.status, Some(MessageStatus::Queued));
    assert_eq!(message.direction, Some(MessageDirection::OutboundApi));
    assert_eq!(message.from.as_deref(), Some("+14155552345"));
    assert_eq!(message.to.as_deref(), Some("+14155552345"));
    assert_eq!(
        message.messaging_service_sid,
        Some(MessagingServiceSid::from_static("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
    );
    assert_eq!(message.date_created, Some(Utc.with_ymd_and_hms(2023, 8, 24, 5, 1, 45).unwrap()));
    assert_eq!(message.date_sent, message.date_created);
    assert_eq!((message.num_media.as_deref(), message.num_segments.as_deref()), (Some("0"), Some("1")));
    assert_eq!(
        (message.price, message.price_unit, message.error_code, message.error_message),
        (None, None, None, None)
    );
    assert_eq!(message.api_version.as_deref(), Some("2010-04-01"));
    assert_eq!(
        message.subresource_uris.unwrap()["media"],
        "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Media.json"
    );
}

// ---- Fetch, Update, Delete ----

#[tokio::test]
async fn fetch_message_gets_the_message_and_decodes_the_example() {
    let server =
        server_answering(json_reply(200, include_str!("../src/mock/examples/FetchMessage.json"))).await;
    let message = FetchMessage::new(SMS).send(&client_for(&server)).await.unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "GET");
    assert_eq!(request.url.path(), format!("/2010-04-01/Accounts/{ACCOUNT}/Messages/{SMS}.json"));
    assert_eq!(request.url.query(), None);
    assert!(request.body.is_empty());

    assert_eq!(message.sid, Some(SMS));
    assert_eq!(message.status, Some(MessageStatus::Sent));
    assert_eq!(message.error_code, Some(30007));
    assert_eq!(message.error_message.as_deref(), Some("Carrier violation"));
    assert_eq!((message.price.as_deref(), message.price_unit.as_deref()), (Some("-0.00750"), Some("USD")));
    assert_eq!(message.date_sent, Some(Utc.with_ymd_and_hms(2019, 5, 24, 17, 18, 28).unwrap()));
    assert_eq!(message.subresource_uris.unwrap().len(), 2);
}

#[tokio::test]
async fn update_message_redacts_with_an_empty_body() {
    let server =
        server_answering(json_reply(200, include_str!("../src/mock/examples/UpdateMessage.json"))).await;
    let message = UpdateMessage::new(SMS).body("").send(&client_for(&server)).await.unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(request.url.path(), format!("/2010-04-01/Accounts/{ACCOUNT}/Messages/{SMS}.json"));
    assert_eq!(body(&request), "Body=");
    assert_eq!(message.body.as_deref(), Some(""));
    assert_eq!(message.sid, Some(SMS));
    assert_eq!(message.direction, Some(MessageDirection::OutboundApi));
}

#[tokio::test]
async fn update_message_cancels_a_scheduled_message() {
    let server =
        server_answering(json_reply(200, include_str!("../src/mock/examples/UpdateMessage.json"))).await;
    let mms = MessageSid::from_static("MMc26223853f8c46b4ab7dfaa6abba0a26");
    UpdateMessage::new(mms).status(UpdateMessageStatus::Canceled).send(&client_for(&server)).await.unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.url.path(), format!("/2010-04-01/Accounts/{ACCOUNT}/Messages/{mms}.json"));
    assert_eq!(body(&request), "Status=canceled");
    // Unset, the body is not sent at all: only `Some("")` redacts.
    assert_eq!(UpdateMessage::new(SMS).to_form(), "");
}

#[tokio::test]
async fn delete_message_answered_204() {
    let server = server_answering(ResponseTemplate::new(204)).await;
    DeleteMessage::new(SMS).send(&client_for(&server)).await.unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "DELETE");
    assert_eq!(request.url.path(), format!("/2010-04-01/Accounts/{ACCOUNT}/Messages/{SMS}.json"));
    assert_eq!(request.url.query(), None);
}

// ---- List ----

#[tokio::test]
async fn list_messages_sends_the_date_sent_filters_and_decodes_the_example() {
    let server =
        server_answering(json_reply(200, include_str!("../src/mock/examples/ListMessage.json"))).await;
    let page = ListMessages::new()
        .to(address("+123456789"))
        .from(address("+987654321"))
        .date_sent(Utc.with_ymd_and_hms(2008, 1, 2, 0, 0, 0).unwrap())
        .date_sent_before(Utc.with_ymd_and_hms(2008, 1, 3, 12, 30, 0).unwrap())
        .date_sent_after(Utc.with_ymd_and_hms(2008, 1, 1, 0, 0, 0).unwrap())
        .page_size(20)
        .send(&client_for(&server))
        .await
        .unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "GET");
    assert_eq!(request.url.path(), format!("/2010-04-01/Accounts/{ACCOUNT}/Messages.json"));
    // The official SDK's query for the same filters, byte for byte.
    assert_eq!(
        request.url.query(),
        Some(
            "To=%2B123456789&From=%2B987654321&DateSent=2008-01-02T00%3A00%3A00Z\
             &DateSent%3C=2008-01-03T12%3A30%3A00Z&DateSent%3E=2008-01-01T00%3A00%3A00Z&PageSize=20"
        )
    );

    assert_eq!((page.page, page.page_size, page.start, page.end), (0, 2, 0, 1));
    assert!(!page.has_next());
    let [sent, received] = page.items.as_slice() else { panic!("two messages expected") };
    assert_eq!(sent.status, Some(MessageStatus::Sent));
    assert_eq!(sent.body.as_deref(), Some("testing"));
    assert_eq!(received.sid, Some(MessageSid::from_static("MMc26223853f8c46b4ab7dfaa6abba0a26")));
    assert_eq!(received.direction, Some(MessageDirection::Inbound));
    assert_eq!(received.status, Some(MessageStatus::Received));
    assert_eq!((received.error_code, received.num_media.as_deref()), (Some(30004), Some("3")));
}

#[test]
fn list_paging_parameters() {
    assert_eq!(ListMessages::new().to_form(), "");
    assert_eq!(
        ListMessages::new().page_size(1000).page(3).page_token("PAabc").to_form(),
        "PageToken=PAabc&Page=3&PageSize=1000"
    );
    for inside in [1, 1000] {
        assert!(ListMessages::new().page_size(inside).validate().is_ok());
    }
    for outside in [0, 1001] {
        let errors = ListMessages::new().page_size(outside).validate().unwrap_err();
        assert_eq!(
            errors.to_string(),
            format!("invalid request: PageSize: must be between 1 and 1000, got {outside}")
        );
    }
}

// ---- Replies ----

#[test]
fn unknown_status_and_direction_decode() {
    let message: Message = serde_json::from_str(
        r#"{"sid": "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "status": "delivered_elsewhere",
            "direction": "outbound-teleport", "from": "Some Bank.", "to": "whatsapp:+15558675310",
            "date_sent": null, "new_field": 1}"#,
    )
    .unwrap();
    assert_eq!(message.status, Some(MessageStatus::Unknown("delivered_elsewhere".into())));
    assert_eq!(message.direction, Some(MessageDirection::Unknown("outbound-teleport".into())));
    assert_eq!(message.from.as_deref(), Some("Some Bank."));
    assert_eq!(message.date_sent, None);
    let every_status: Vec<&str> = MessageStatus::ALL.iter().map(MessageStatus::as_str).collect();
    assert!(every_status.contains(&"partially_delivered") && every_status.contains(&"canceled"));
}

/// The examples of the description the contract tests pin carry `tags` its schema lacks: an object
/// of strings, empty, or null.
#[test]
fn the_tags_of_newer_replies_decode() {
    let tagged: Message = serde_json::from_str(
        r#"{"sid": "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "tags": {"campaign_name": "Spring Sale 2022", "message_type": "cart_abandoned"}}"#,
    )
    .unwrap();
    let tags = tagged.tags.unwrap();
    assert_eq!(tags.len(), 2);
    assert_eq!(tags["campaign_name"], "Spring Sale 2022");
    assert_eq!(tags["message_type"], "cart_abandoned");
    let empty: Message = serde_json::from_str(r#"{"tags": {}}"#).unwrap();
    assert_eq!(empty.tags, Some(Default::default()));
    let null: Message = serde_json::from_str(r#"{"tags": null}"#).unwrap();
    assert_eq!(null.tags, None);
}

// ---- Rules ----

#[test]
fn body_is_at_most_1600_characters() {
    let at_limit = "é".repeat(1600);
    let over = "é".repeat(1601);
    let from = || MessageSender::from(address("+15017122661"));
    let with_media = |body: &str| {
        [
            MessageContent::BodyAndMedia { body: body.into(), media_url: media(1) },
            MessageContent::Template {
                body: Some(body.into()),
                media_url: Vec::new(),
                content_sid: TEMPLATE,
            },
        ]
    };
    for content in with_media(&at_limit).into_iter().chain([MessageContent::Body(at_limit.clone())]) {
        assert!(CreateMessage::new(address("+15558675310"), from(), content).validate().is_ok());
    }
    for content in with_media(&over) {
        let request = CreateMessage::new(address("+15558675310"), from(), content);
        let errors = request.validate().unwrap_err();
        let [violation] = errors.violations() else { panic!("one violation expected: {errors}") };
        assert_eq!(violation.key(), "Body");
        assert_eq!(violation.rule(), &Rule::Length { min: 0, max: 1600, unit: LengthUnit::Characters });
        assert_eq!(violation.to_string(), "Body: must have between 0 and 1600 characters, got 1601");
    }
    // A body alone is the message's only content: Twilio requires one of `Body`, `MediaUrl` and
    // `ContentSid`, so it has at least one character.
    for body in [over.as_str(), ""] {
        let request = CreateMessage::new(address("+15558675310"), from(), MessageContent::Body(body.into()));
        assert_eq!(
            violation(&request),
            format!("Body: must have between 1 and 1600 characters, got {}", body.chars().count())
        );
    }
}

/// Nothing documents a minimum length for a body sent beside media or a template: `Body=` goes out.
#[test]
fn an_empty_body_beside_media_or_a_template_is_sent() {
    let from = || MessageSender::from(address("+15017122661"));
    let with_media = CreateMessage::new(
        address("+15558675310"),
        from(),
        MessageContent::BodyAndMedia { body: String::new(), media_url: media(1) },
    );
    with_media.validate().expect("an empty body beside media is allowed");
    assert!(with_media.to_form().contains("&Body=&MediaUrl="), "{}", with_media.to_form());
    let template = CreateMessage::new(
        address("+15558675310"),
        from(),
        MessageContent::Template { body: Some(String::new()), media_url: Vec::new(), content_sid: TEMPLATE },
    );
    template.validate().expect("an empty body beside a template is allowed");
    assert!(template.to_form().contains("&Body=&ContentSid="), "{}", template.to_form());
}

#[test]
fn media_url_is_at_most_10_items() {
    let from = || MessageSender::from(address("+15017122661"));
    let contents = |count: usize| {
        [
            MessageContent::Media(media(count)),
            MessageContent::BodyAndMedia { body: "See".into(), media_url: media(count) },
            MessageContent::Template { body: None, media_url: media(count), content_sid: TEMPLATE },
        ]
    };
    for content in contents(10) {
        let request = CreateMessage::new(address("+15558675310"), from(), content);
        request.validate().expect("ten media are allowed");
        assert_eq!(request.to_form().matches("MediaUrl=").count(), 10);
    }
    for content in contents(11) {
        let request = CreateMessage::new(address("+15558675310"), from(), content);
        assert!(violation(&request).starts_with("MediaUrl: must have between "), "{}", violation(&request));
        assert!(violation(&request).ends_with(" and 10 items, got 11"), "{}", violation(&request));
    }
    // Without a body, a list without media would leave the message empty.
    for content in [
        MessageContent::Media(Vec::new()),
        MessageContent::BodyAndMedia { body: "See".into(), media_url: Vec::new() },
    ] {
        let request = CreateMessage::new(address("+15558675310"), from(), content);
        assert_eq!(violation(&request), "MediaUrl: must have between 1 and 10 items, got 0");
    }
}

#[test]
fn validity_period_is_1_to_36000_seconds() {
    for inside in [1, 36000] {
        assert!(sms().validity_period(inside).validate().is_ok());
    }
    for outside in [0, 36001] {
        assert_eq!(
            violation(&sms().validity_period(outside)),
            format!("ValidityPeriod: must be between 1 and 36000, got {outside}")
        );
    }
    assert_eq!((CreateMessage::VALIDITY_PERIOD.min(), CreateMessage::VALIDITY_PERIOD.max()), (1, 36000));
}

#[test]
fn a_schedule_needs_a_messaging_service() {
    let schedule = MessageSchedule::Fixed { send_at: Utc.with_ymd_and_hms(2030, 1, 2, 3, 4, 5).unwrap() };
    assert_eq!(
        violation(&sms().schedule(schedule)),
        "MessagingServiceSid: must be set when `ScheduleType` is `fixed`: only a messaging service schedules"
    );
    let pool_sender = MessageSender::MessagingService {
        from: Some(address("+15017122661")),
        fallback_from: None,
        messaging_service_sid: SERVICE,
    };
    assert!(
        CreateMessage::new(address("+15558675310"), pool_sender, "Hi").schedule(schedule).validate().is_ok()
    );
}

#[test]
fn shortened_urls_need_a_messaging_service() {
    assert_eq!(
        violation(&sms().shorten_urls(true)),
        "MessagingServiceSid: must be set when `ShortenUrls` is `true`"
    );
    assert!(sms().shorten_urls(false).validate().is_ok());
    assert!(CreateMessage::new(address("+15558675310"), SERVICE, "Hi").shorten_urls(true).validate().is_ok());
}

#[test]
fn content_variables_need_a_template_and_are_a_json_object() {
    let with_template = || CreateMessage::new(address("+15558675310"), SERVICE, TEMPLATE);
    assert!(with_template().content_variables(r#"{"1": "Ada"}"#).validate().is_ok());
    assert_eq!(
        violation(&sms().content_variables(r#"{"1": "Ada"}"#)),
        "ContentSid: must be set when `ContentVariables` is set"
    );
    for text in ["", "Ada", r#"["Ada"]"#, r#"{"1": "Ada""#] {
        assert_eq!(
            violation(&with_template().content_variables(text)),
            format!(r#"ContentVariables: must be a JSON object such as `{{"1":"Ada"}}`, got {text}"#)
        );
    }
}

#[test]
fn to_is_a_number_or_a_channel_address() {
    for to in ["+15558675310", "20736", "whatsapp:+15558675310", "messenger:1234567890"] {
        assert!(CreateMessage::new(address(to), address("Acme"), "Hi").validate().is_ok(), "{to}");
    }
    let request = CreateMessage::new(address("Acme"), address("+15017122661"), "Hi");
    assert_eq!(
        violation(&request),
        "To: must be a phone number or a channel address; an alphanumeric sender ID cannot receive messages, got Acme"
    );
}

#[test]
fn fallback_from_is_not_a_channel_address() {
    let sender = |fallback: &str| MessageSender::MessagingService {
        from: Some(address("rcs:acme_agent")),
        fallback_from: Some(address(fallback)),
        messaging_service_sid: SERVICE,
    };
    for fallback in ["+15017122661", "20736", "Acme"] {
        assert!(CreateMessage::new(address("+15558675310"), sender(fallback), "Hi").validate().is_ok());
    }
    let request = CreateMessage::new(address("+15558675310"), sender("whatsapp:+15017122661"), "Hi");
    assert_eq!(
        violation(&request),
        "FallbackFrom: must be a phone number, short code or alphanumeric sender ID, not a channel address, got whatsapp:+15017122661"
    );
}

#[test]
fn status_callback_host_has_no_underscore() {
    assert!(
        sms().status_callback(url("https://user_x@example.com/status_callback?a_b=1")).validate().is_ok()
    );
    for text in ["https://my_app.example.com/status", "http://a@my_app.example.com:8080"] {
        assert_eq!(
            violation(&sms().status_callback(url(text))),
            format!("StatusCallback: must have a host name without `_`, got {text}")
        );
    }
}

#[test]
fn max_price_is_a_decimal_number() {
    for price in ["0.75", "5", "10.0"] {
        assert!(sms().max_price(price).validate().is_ok(), "{price}");
    }
    for price in ["", "abc", "0.", ".5", "-1", "1e3", "1,5"] {
        assert_eq!(
            violation(&sms().max_price(price)),
            format!("MaxPrice: must be a decimal number such as `0.75`, got {price}")
        );
    }
}

#[test]
fn every_broken_rule_is_reported_at_once() {
    let request = CreateMessage::new(address("Acme"), address("+15017122661"), "x".repeat(1601))
        .validity_period(0)
        .shorten_urls(true)
        .content_variables("{}");
    let errors = request.validate().unwrap_err();
    let keys: Vec<&str> = errors.violations().iter().map(|violation| violation.key()).collect();
    assert_eq!(keys, ["ValidityPeriod", "Body", "To", "MessagingServiceSid", "ContentSid"]);
}

#[tokio::test]
async fn an_invalid_request_never_reaches_twilio() {
    let server =
        server_answering(json_reply(201, include_str!("../src/mock/examples/CreateMessage.json"))).await;
    let client = client_for(&server);
    let too_long = CreateMessage::new(address("+15558675310"), address("+15017122661"), "x".repeat(1601));
    let schedule = MessageSchedule::Fixed { send_at: Utc.with_ymd_and_hms(2030, 1, 2, 3, 4, 5).unwrap() };
    for request in
        [too_long, sms().validity_period(36001), sms().schedule(schedule), sms().shorten_urls(true)]
    {
        match request.send(&client).await {
            Err(Error::Validation(errors)) => assert_eq!(errors.violations().len(), 1, "{errors}"),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }
    assert!(matches!(ListMessages::new().page_size(0).send(&client).await, Err(Error::Validation(_))));
    assert_eq!(server.received_requests().await.unwrap().len(), 0);
}

// ---- Addresses ----

#[test]
fn message_addresses_accept_the_documented_forms() {
    for (text, kind) in [
        ("+15558675310", MessageAddressKind::PhoneNumber),
        ("4157663747", MessageAddressKind::PhoneNumber),
        ("20736", MessageAddressKind::PhoneNumber),
        ("Acme", MessageAddressKind::AlphanumericSenderId),
        ("Acme Inc", MessageAddressKind::AlphanumericSenderId),
        ("A+B-C_D&E 1", MessageAddressKind::AlphanumericSenderId),
        ("whatsapp:+15558675310", MessageAddressKind::Channel),
        ("messenger:1234567890", MessageAddressKind::Channel),
        ("rcs:acme_agent", MessageAddressKind::Channel),
    ] {
        let parsed = address(text);
        assert_eq!(parsed.kind(), kind, "{text}");
        assert_eq!(parsed.as_str(), text);
        assert_eq!(parsed.to_string(), text);
    }
}

#[test]
fn message_addresses_reject_garbage() {
    let rejected = |text: &str| match text.parse::<MessageAddress>() {
        Ok(parsed) => panic!("{text:?} should be rejected, got {parsed:?}"),
        Err(error) => error.to_string(),
    };
    for text in ["", " ", "+", "+0123", "1234567890123456", "!!!"] {
        assert!(rejected(text).starts_with("expected a message address (a phone number such as"), "{text}");
    }
    // Numbers written for people are told to write them in E.164, as an `Address` is; a sender ID as
    // written (`1-800-CALL`, 10 characters) stays one.
    for (text, advice) in [
        ("555-867-5309", "`+` and the country code before the number"),
        ("(415) 555-0100", "`+` and the country code before the number"),
        ("+1 415 555 0100", "without spaces or punctuation: `+14155550100`"),
        ("+1-415", "without spaces or punctuation: `+1415`"),
        ("1-800-FLOWERS", "its letters written as their keypad digits"),
    ] {
        let message = rejected(text);
        assert!(
            message.starts_with("expected a phone number in E.164") && message.contains(advice),
            "{message}"
        );
    }
    assert_eq!(address("1-800-CALL").kind(), MessageAddressKind::AlphanumericSenderId);
    for text in ["Twelve Chars", "Acme.com", "Acme\n", "Café"] {
        assert!(rejected(text).starts_with("expected an alphanumeric sender ID (1 to 11 letters"), "{text}");
    }
    for text in [":+1555", "WhatsApp:+15558675310", "whats app:+1", "sms2:+1"] {
        assert!(rejected(text).starts_with("expected a channel address (a lowercase channel name"), "{text}");
    }
    for text in ["messenger:", "messenger:12 34", "rcs:a\tb"] {
        assert!(
            rejected(text).starts_with("expected an address without spaces after the channel name"),
            "{text}"
        );
    }
    assert_eq!(
        rejected("whatsapp:hello"),
        "expected a phone number after `whatsapp:` (`whatsapp:+14155550100`), got `whatsapp:hello`"
    );
}

#[test]
fn message_addresses_serialize_as_written_and_deserialize_checked() {
    let parsed = address("whatsapp:+15558675310");
    let json = serde_json::to_string(&parsed).unwrap();
    assert_eq!(json, r#""whatsapp:+15558675310""#);
    assert_eq!(serde_json::from_str::<MessageAddress>(&json).unwrap(), parsed);
    assert!(serde_json::from_str::<MessageAddress>(r#""whatsapp:hello""#).is_err());
    assert_eq!(format!("{parsed:?}"), r#"MessageAddress("whatsapp:+15558675310")"#);
    let number: twilio_endpoint::values::PhoneNumber = "+15558675310".parse().unwrap();
    assert_eq!(MessageAddress::from(number).kind(), MessageAddressKind::PhoneNumber);
}
