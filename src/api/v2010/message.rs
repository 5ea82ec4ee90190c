//! Messages: create, fetch, update, delete and list, and the message resource Twilio answers with.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::values::{
    __phone_number_written_for_people as written_for_people, AccountSid, ApplicationSid, ContentSid,
    InvalidValue, MessageSid, MessagingServiceSid, PhoneNumber, Url,
};
use crate::{
    FormValue, FromFormValue, Page, Params, Rule, ValidationErrors, ValueWriter, Violation, twilio_endpoint,
    wire_enum,
};

/// Sends a message: SMS, MMS, or on another channel such as WhatsApp.
///
/// Twilio documents three rules between parameters, and the types carry them: a message has a sender
/// ([`MessageSender`]: `From`, a messaging service, or both), content ([`MessageContent`]: a body,
/// media, a content template, or several of these), and a schedule ([`MessageSchedule`]) is always
/// `ScheduleType=fixed` with its `SendAt`. The rules the types cannot carry are checked by
/// `validate()`: a scheduled message, and `ShortenUrls=true`, need a messaging service;
/// `ContentVariables` needs a content template; `To` is a number or a channel address.
///
/// ```
/// use twilio_endpoint::api::v2010::{CreateMessage, MessageAddress};
/// use twilio_endpoint::values::MessagingServiceSid;
///
/// let to: MessageAddress = "whatsapp:+15558675310".parse().unwrap();
/// let from: MessageAddress = "whatsapp:+15017122661".parse().unwrap();
/// let request = CreateMessage::new(to.clone(), from, "Hello! 👍");
/// assert_eq!(
///     request.to_form(),
///     "To=whatsapp%3A%2B15558675310&From=whatsapp%3A%2B15017122661&Body=Hello%21+%F0%9F%91%8D"
/// );
///
/// // Through a messaging service, which picks the sender; the text is over the 1600 characters.
/// let service = MessagingServiceSid::from_static("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
/// let request = CreateMessage::new(to, service, "x".repeat(1601));
/// assert_eq!(
///     request.validate().unwrap_err().to_string(),
///     "invalid request: Body: must have between 1 and 1600 characters, got 1601"
/// );
/// ```
///
/// Fields are declared in the order of Twilio's description, which is the order the official SDKs send
/// them in; the keys of each group are adjacent there too, so the body is the SDK's byte for byte.
#[twilio_endpoint(
    POST,
    "/2010-04-01/Accounts/{AccountSid}/Messages.json",
    response = Message,
    validate_with = check_create_message,
)]
#[derive(Clone, PartialEq, Eq)]
pub struct CreateMessage {
    /// The account to act for; the client's account when unset (set it to act for a subaccount).
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The recipient: a phone number, or a channel address such as `whatsapp:+15558675310`.
    pub to: MessageAddress,
    /// The URL Twilio calls as the message's status changes; it takes precedence over a messaging
    /// service's callback and over `ApplicationSid`. Its host name may not contain `_`.
    pub status_callback: Option<Url>,
    /// The TwiML application whose message status callback URL gets the status callbacks; ignored
    /// when `StatusCallback` is set.
    pub application_sid: Option<ApplicationSid>,
    /// Obsolete (no effect since 2024-06-03): the most to pay for the message, a decimal number such as
    /// `0.75`.
    pub max_price: Option<String>,
    /// Whether you will report delivery confirmation through the message's Feedback resource
    /// (default `false`).
    pub provide_feedback: Option<bool>,
    /// The number of attempts made to send this message so far, this request included.
    pub attempt: Option<u32>,
    /// Seconds the message may wait in Twilio's queue before it is dropped, 1 to 36000 (the default).
    #[twilio(range = 1..=36000)]
    pub validity_period: Option<u32>,
    /// Reserved by Twilio.
    pub force_delivery: Option<bool>,
    /// Whether the message's content may be stored or must be discarded.
    pub content_retention: Option<ContentRetention>,
    /// Whether the addresses may be stored or must be obfuscated.
    pub address_retention: Option<AddressRetention>,
    /// Whether Unicode characters that have a look-alike in GSM-7 are replaced by it.
    pub smart_encoded: Option<bool>,
    /// Rich actions for channels other than SMS and MMS, such as a location on WhatsApp.
    pub persistent_action: Vec<String>,
    /// The kind of traffic the message is.
    pub traffic_type: Option<TrafficType>,
    /// Whether Twilio shortens the links in `Body` (default `false`); needs a messaging service with
    /// link shortening configured.
    pub shorten_urls: Option<bool>,
    /// When to send the message (`ScheduleType=fixed&SendAt=…`); needs a messaging service.
    #[twilio(flatten)]
    pub schedule: Option<MessageSchedule>,
    /// Whether the message is delivered as one MMS, even without media.
    pub send_as_mms: Option<bool>,
    /// The values of a content template's variables, a JSON object such as `{"1":"Ada"}`; needs
    /// `ContentSid`.
    pub content_variables: Option<String>,
    /// Whether Twilio's risk check runs (`disable` skips it).
    pub risk_check: Option<RiskCheck>,
    /// Who sends the message: `From`, `FallbackFrom` and `MessagingServiceSid`.
    #[twilio(flatten)]
    pub sender: MessageSender,
    /// What the message says: `Body`, `MediaUrl` and `ContentSid`.
    #[twilio(flatten)]
    pub content: MessageContent,
}

// The rules Twilio documents in prose that the types cannot carry: those across groups and plain
// fields (a messaging service for a schedule or for shortened links, a template for its variables),
// and what a value may be in this operation (`To` receives, `FallbackFrom` is an SMS sender, the
// callback's host, `MaxPrice` a number).
fn check_create_message(request: &CreateMessage, errors: &mut ValidationErrors) {
    if request.to.kind() == MessageAddressKind::AlphanumericSenderId {
        errors.push(Violation::new(
            "To",
            Rule::Custom(
                "must be a phone number or a channel address; an alphanumeric sender ID cannot receive messages"
                    .into(),
            ),
            Some(request.to.to_string()),
        ));
    }
    if let Some(url) = &request.status_callback
        && host(url).contains('_')
    {
        errors.push(Violation::new(
            "StatusCallback",
            Rule::Custom("must have a host name without `_`".into()),
            Some(url.to_string()),
        ));
    }
    if let Some(price) = &request.max_price
        && !is_decimal(price)
    {
        errors.push(Violation::new(
            "MaxPrice",
            Rule::Custom("must be a decimal number such as `0.75`".into()),
            Some(price.clone()),
        ));
    }
    let service = matches!(request.sender, MessageSender::MessagingService { .. });
    if request.shorten_urls == Some(true) && !service {
        errors.push(Violation::new(
            "MessagingServiceSid",
            Rule::Custom("must be set when `ShortenUrls` is `true`".into()),
            None,
        ));
    }
    if request.schedule.is_some() && !service {
        errors.push(Violation::new(
            "MessagingServiceSid",
            Rule::Custom(
                "must be set when `ScheduleType` is `fixed`: only a messaging service schedules".into(),
            ),
            None,
        ));
    }
    if let Some(variables) = &request.content_variables {
        if !serde_json::from_str::<serde_json::Value>(variables).is_ok_and(|value| value.is_object()) {
            errors.push(Violation::new(
                "ContentVariables",
                Rule::Custom(r#"must be a JSON object such as `{"1":"Ada"}`"#.into()),
                Some(variables.clone()),
            ));
        }
        if !matches!(request.content, MessageContent::Template { .. }) {
            errors.push(Violation::new(
                "ContentSid",
                Rule::Custom("must be set when `ContentVariables` is set".into()),
                None,
            ));
        }
    }
    if let MessageSender::MessagingService { fallback_from: Some(fallback), .. } = &request.sender
        && fallback.kind() == MessageAddressKind::Channel
    {
        errors.push(Violation::new(
            "FallbackFrom",
            Rule::Custom(
                "must be a phone number, short code or alphanumeric sender ID, not a channel address".into(),
            ),
            Some(fallback.to_string()),
        ));
    }
}

/// The host of a URL that parsed as an absolute `http` or `https` URL: between `://` and the path,
/// query or fragment, after any user information.
fn host(url: &Url) -> &str {
    let rest = url.as_str().split_once("://").map_or("", |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    authority.rsplit_once('@').map_or(authority, |(_, host)| host)
}

/// Digits with an optional fraction, as Twilio writes prices (`0.75`, `5`).
fn is_decimal(text: &str) -> bool {
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    match text.split_once('.') {
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => digits(text),
    }
}

/// Who sends a message: Twilio needs `From`, `MessagingServiceSid` or both.
///
/// `FallbackFrom` is only allowed with a messaging service, so it lives in that variant, between `From`
/// and `MessagingServiceSid` as in Twilio's description.
#[derive(Clone, Debug, PartialEq, Eq, Params)]
pub enum MessageSender {
    /// `From=…`: this sender of the account, without a messaging service.
    From(MessageAddress),
    /// `MessagingServiceSid=MG…`, with `From` to choose a sender of the service's pool (else Twilio
    /// picks one), and `FallbackFrom` to send by SMS when the recipient cannot be reached over RCS.
    MessagingService {
        from: Option<MessageAddress>,
        fallback_from: Option<MessageAddress>,
        messaging_service_sid: MessagingServiceSid,
    },
}

/// `From` alone.
impl From<MessageAddress> for MessageSender {
    fn from(address: MessageAddress) -> Self {
        Self::From(address)
    }
}

/// The messaging service alone; it picks the sender.
impl From<MessagingServiceSid> for MessageSender {
    fn from(sid: MessagingServiceSid) -> Self {
        Self::MessagingService { from: None, fallback_from: None, messaging_service_sid: sid }
    }
}

/// What a message says: Twilio needs at least one of `Body`, `MediaUrl` and `ContentSid`.
///
/// Each variant is one valid combination; an empty body alone or an empty list of media alone, which
/// would leave the message without content, is refused by `validate()`. Beside media or a template the
/// body may be empty: Twilio documents no minimum length for it.
#[derive(Clone, Debug, PartialEq, Eq, Params)]
pub enum MessageContent {
    /// `Body=…`: text, 1 to 1600 characters (longer SMS bodies are sent in segments).
    // At least one character: the description requires one of `Body`, `MediaUrl` and `ContentSid`,
    // and an empty body alone is no content.
    Body(#[twilio(len = 1..=1600)] String),
    /// `MediaUrl=…`, repeated: 1 to 10 images or other files.
    Media(#[twilio(rename = "MediaUrl", len = 1..=10)] Vec<Url>),
    /// Text, up to 1600 characters and possibly empty, with 1 to 10 media files.
    BodyAndMedia {
        #[twilio(len = 0..=1600)]
        body: String,
        #[twilio(len = 1..=10)]
        media_url: Vec<Url>,
    },
    /// `ContentSid=HX…`: a content template, its variables in `ContentVariables`; a body (up to 1600
    /// characters) and media may be given too.
    Template {
        #[twilio(len = 0..=1600)]
        body: Option<String>,
        #[twilio(len = 0..=10)]
        media_url: Vec<Url>,
        content_sid: ContentSid,
    },
}

/// The text of the message.
impl From<String> for MessageContent {
    fn from(body: String) -> Self {
        Self::Body(body)
    }
}

/// The text of the message.
impl From<&str> for MessageContent {
    fn from(body: &str) -> Self {
        Self::Body(body.to_owned())
    }
}

/// One media file, without text.
impl From<Url> for MessageContent {
    fn from(url: Url) -> Self {
        Self::Media(vec![url])
    }
}

/// A content template alone.
impl From<ContentSid> for MessageContent {
    fn from(sid: ContentSid) -> Self {
        Self::Template { body: None, media_url: Vec::new(), content_sid: sid }
    }
}

/// When a messaging service sends a message. Twilio's only schedule type, `fixed`, is never sent
/// without its `SendAt`, nor `SendAt` without it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Params)]
pub enum MessageSchedule {
    /// `ScheduleType=fixed&SendAt=…`: at this time (sent in UTC, `YYYY-MM-DDTHH:MM:SSZ`).
    #[twilio(with(ScheduleType = "fixed"))]
    Fixed { send_at: DateTime<Utc> },
}

wire_enum! {
    /// Whether a message's content may be stored.
    pub enum ContentRetention {
        Retain = "retain",
        Discard = "discard",
    }
}

wire_enum! {
    /// Whether a message's addresses may be stored.
    pub enum AddressRetention {
        Retain = "retain",
        Obfuscate = "obfuscate",
    }
}

wire_enum! {
    /// The kind of traffic a message is.
    pub enum TrafficType {
        Free = "free",
    }
}

wire_enum! {
    /// Whether Twilio's risk check runs on a message.
    pub enum RiskCheck {
        Enable = "enable",
        Disable = "disable",
    }
}

/// Fetches one message.
#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json", response = Message)]
#[derive(Clone, PartialEq, Eq)]
pub struct FetchMessage {
    /// The account to act for; the client's account when unset.
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The message (`SM…` or `MM…`).
    #[twilio(path)]
    pub sid: MessageSid,
}

/// Redacts a message's text (`Body` set to the empty string) or cancels a scheduled message
/// (`Status=canceled`).
///
/// ```
/// use twilio_endpoint::api::v2010::{UpdateMessage, UpdateMessageStatus};
/// use twilio_endpoint::values::MessageSid;
///
/// let sid = MessageSid::from_static("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
/// assert_eq!(UpdateMessage::new(sid).body("").to_form(), "Body=");
/// assert_eq!(UpdateMessage::new(sid).status(UpdateMessageStatus::Canceled).to_form(), "Status=canceled");
/// ```
#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json", response = Message)]
#[derive(Clone, PartialEq, Eq)]
pub struct UpdateMessage {
    /// The account to act for; the client's account when unset.
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The message (`SM…` or `MM…`).
    #[twilio(path)]
    pub sid: MessageSid,
    /// The new text; the empty string redacts the message's text.
    pub body: Option<String>,
    /// The new status: `canceled` cancels a scheduled message.
    pub status: Option<UpdateMessageStatus>,
}

wire_enum! {
    /// The status a message can be given: a scheduled message can be canceled.
    pub enum UpdateMessageStatus {
        Canceled = "canceled",
    }
}

/// Deletes a message from the account's logs; Twilio answers `204 No Content`.
#[twilio_endpoint(DELETE, "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json", response = ())]
#[derive(Clone, PartialEq, Eq)]
pub struct DeleteMessage {
    /// The account to act for; the client's account when unset.
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The message (`SM…` or `MM…`).
    #[twilio(path)]
    pub sid: MessageSid,
}

/// Lists the account's messages, most recent first, one page at a time; filter by sender, recipient
/// and the day they were sent.
///
/// Twilio describes the `DateSent` filters in days (GMT); like the official SDK, a day is sent as the
/// date-time of its start, `YYYY-MM-DDT00:00:00Z`.
#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Messages.json", response = Page<Message>)]
#[derive(Clone, PartialEq, Eq)]
pub struct ListMessages {
    /// The account to act for; the client's account when unset.
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// Only messages sent to this address.
    pub to: Option<MessageAddress>,
    /// Only messages sent by this address.
    pub from: Option<MessageAddress>,
    /// Only messages sent on this day.
    pub date_sent: Option<DateTime<Utc>>,
    /// Only messages sent on or before this day (`DateSent<`).
    #[twilio(rename = "DateSent<")]
    pub date_sent_before: Option<DateTime<Utc>>,
    /// Only messages sent on or after this day (`DateSent>`).
    #[twilio(rename = "DateSent>")]
    pub date_sent_after: Option<DateTime<Utc>>,
    // Paging goes last, token first, as the official SDKs send it.
    /// The page token Twilio gives in its page URIs.
    pub page_token: Option<String>,
    /// The page index, for the client's own bookkeeping.
    pub page: Option<u32>,
    /// How many messages per page, 1 to 1000 (default 50).
    #[twilio(range = 1..=1000)]
    pub page_size: Option<u32>,
}

/// What kind of address a [`MessageAddress`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MessageAddressKind {
    /// A phone number (E.164 such as `+14155550100`, or digits) or a short code.
    PhoneNumber,
    /// An alphanumeric sender ID such as `Acme`: a sender only, never a recipient.
    AlphanumericSenderId,
    /// A channel address, `channel:address`, such as `whatsapp:+14155550100` or `messenger:1234`.
    Channel,
}

/// A message's `To` or `From`: a phone number or short code, an alphanumeric sender ID, or a channel
/// address.
///
/// - a phone number: E.164 (`+14155550100`) or digits, which also covers short codes (`20736`);
/// - an alphanumeric sender ID: 1 to 11 letters, digits, spaces, `+`, `-`, `_` or `&`, at least one of
///   them a letter (`Acme Inc`);
/// - a channel address: a lowercase channel name, `:`, and the address on that channel without spaces
///   (`messenger:1234567890`, `rcs:+14155550100`); a `whatsapp:` address is a phone number.
///
/// The text is kept and sent exactly as written.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct MessageAddress {
    text: String,
    kind: MessageAddressKind,
}

impl MessageAddress {
    /// The address as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// What kind of address this is.
    pub fn kind(&self) -> MessageAddressKind {
        self.kind
    }
}

/// Twilio's limit for an alphanumeric sender ID.
const MAX_ALPHANUMERIC_CHARS: usize = 11;

const MESSAGE_ADDRESS: &str = "a message address (a phone number such as `+14155550100`, a short code, an alphanumeric sender ID or a channel address such as `whatsapp:+14155550100`)";

/// The kind of `text`, or what it should have been.
fn classify(text: &str) -> Result<MessageAddressKind, Cow<'static, str>> {
    if let Some((channel, address)) = text.split_once(':') {
        if channel.is_empty() || !channel.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err("a channel address (a lowercase channel name, `:`, then the address)".into());
        }
        if address.is_empty() || address.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err("an address without spaces after the channel name".into());
        }
        if channel == "whatsapp" && address.parse::<PhoneNumber>().is_err() {
            return Err("a phone number after `whatsapp:` (`whatsapp:+14155550100`)".into());
        }
        return Ok(MessageAddressKind::Channel);
    }
    if text.parse::<PhoneNumber>().is_ok() {
        return Ok(MessageAddressKind::PhoneNumber);
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, ' ' | '+' | '-' | '_' | '&');
    let sender_id = text.chars().count() <= MAX_ALPHANUMERIC_CHARS && text.chars().all(allowed);
    let has_letters = text.bytes().any(|b| b.is_ascii_alphabetic());
    // A number written for people (`555-867-5309`, `+1 415 555 0100`, `1-800-FLOWERS`) gets the phone
    // number's advice, to write it in E.164, unless it is a sender ID as written (`1-800-CALL`).
    if !(has_letters && sender_id)
        && let Some(advice) = written_for_people(text)
    {
        return Err(advice.expected().to_owned().into());
    }
    if !has_letters {
        return Err(MESSAGE_ADDRESS.into());
    }
    if !sender_id {
        return Err(
            "an alphanumeric sender ID (1 to 11 letters, digits, spaces, `+`, `-`, `_` or `&`, at least one letter)"
                .into(),
        );
    }
    Ok(MessageAddressKind::AlphanumericSenderId)
}

impl FromStr for MessageAddress {
    type Err = InvalidValue;

    fn from_str(text: &str) -> Result<Self, InvalidValue> {
        match classify(text) {
            Ok(kind) => Ok(Self { text: text.to_owned(), kind }),
            Err(expected) => Err(InvalidValue::new(expected, text)),
        }
    }
}

impl From<PhoneNumber> for MessageAddress {
    fn from(number: PhoneNumber) -> Self {
        Self { text: number.as_str().to_owned(), kind: MessageAddressKind::PhoneNumber }
    }
}

impl fmt::Display for MessageAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.text)
    }
}

impl fmt::Debug for MessageAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("MessageAddress").field(&self.text).finish()
    }
}

impl FormValue for MessageAddress {
    fn write_value(&self, out: &mut ValueWriter<'_>) {
        out.text(&self.text);
    }
}

/// Read back as [`FromStr`] reads it: the same checks, the text kept as sent.
impl FromFormValue for MessageAddress {
    type Err = InvalidValue;

    fn from_form_value(text: &str) -> Result<Self, InvalidValue> {
        text.parse()
    }
}

impl Serialize for MessageAddress {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

/// Deserializing checks what parsing checks.
impl<'de> Deserialize<'de> for MessageAddress {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)?.parse().map_err(serde::de::Error::custom)
    }
}

wire_enum! {
    /// Where a message is in its life.
    #[open]
    pub enum MessageStatus {
        Queued = "queued",
        Sending = "sending",
        Sent = "sent",
        Failed = "failed",
        Delivered = "delivered",
        Undelivered = "undelivered",
        Receiving = "receiving",
        Received = "received",
        Accepted = "accepted",
        Scheduled = "scheduled",
        Read = "read",
        PartiallyDelivered = "partially_delivered",
        Canceled = "canceled",
    }
}

wire_enum! {
    /// Whether a message came in, or went out through the API, during a call or as a reply.
    #[open]
    pub enum MessageDirection {
        Inbound = "inbound",
        OutboundApi = "outbound-api",
        OutboundCall = "outbound-call",
        OutboundReply = "outbound-reply",
    }
}

/// A message, inbound or outbound, as Twilio describes it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Message {
    /// The text; empty once redacted.
    pub body: Option<String>,
    /// How many segments the message was sent in (`0` until a messaging service picked a sender).
    pub num_segments: Option<String>,
    pub direction: Option<MessageDirection>,
    /// The sender. Kept as text: an inbound message's sender is outside Twilio and need not have any
    /// of the forms a [`MessageAddress`] accepts.
    pub from: Option<String>,
    /// The recipient, as text for the same reason as `from`.
    pub to: Option<String>,
    #[serde(default, with = "crate::time::rfc2822::option")]
    pub date_updated: Option<DateTime<Utc>>,
    /// The amount billed, in `price_unit`, once known (negative for a charge, e.g. `-0.00750`).
    pub price: Option<String>,
    /// What went wrong, when `status` is `failed` or `undelivered`.
    pub error_message: Option<String>,
    /// The resource's path, relative to `https://api.twilio.com`.
    pub uri: Option<String>,
    pub account_sid: Option<AccountSid>,
    /// How many media files the message carries.
    pub num_media: Option<String>,
    pub status: Option<MessageStatus>,
    pub messaging_service_sid: Option<MessagingServiceSid>,
    pub sid: Option<MessageSid>,
    /// When Twilio sent the message (outbound) or called the incoming-message webhook (inbound).
    #[serde(default, with = "crate::time::rfc2822::option")]
    pub date_sent: Option<DateTime<Utc>>,
    #[serde(default, with = "crate::time::rfc2822::option")]
    pub date_created: Option<DateTime<Utc>>,
    /// Twilio's error code, when `status` is `failed` or `undelivered`.
    pub error_code: Option<u32>,
    /// The currency of `price`, e.g. `USD`.
    pub price_unit: Option<String>,
    pub api_version: Option<String>,
    /// Related resources (`media`, `feedback`) by name, as paths relative to `https://api.twilio.com`.
    pub subresource_uris: Option<HashMap<String, String>>,
    /// The tags the message was sent with, by name (such as `campaign_name`).
    // Not in the description's schema, but in the example replies of the description the contract
    // tests pin (`@twilio-alpha/mcp` 0.7.0): an object of strings, empty, or null.
    pub tags: Option<HashMap<String, String>>,
}
