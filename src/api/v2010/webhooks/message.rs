//! The message status callback (`StatusCallback` of a message or of its messaging service) and the
//! webhook of an incoming message.

use crate::api::v2010::MessageStatus;
use crate::values::{AccountSid, MessageSid, MessagingServiceSid, Url};
use crate::{OtherParams, Webhook};

/// A message status callback: the message reached the status in `message_status`.
///
/// Twilio numbers nothing here, so a message and a status identify a callback:
/// [`dedup_key`](Self::dedup_key). Statuses can arrive out of order (`sent` after `delivered`); keep
/// the furthest one reached rather than the last one received.
#[derive(Clone, PartialEq, Webhook)]
pub struct MessageStatusCallback {
    pub account_sid: AccountSid,
    /// `SM…` or `MM…`.
    pub message_sid: MessageSid,
    pub message_status: MessageStatus,
    /// The same SID under its older name.
    pub sms_sid: Option<MessageSid>,
    /// The same status under its older name.
    pub sms_status: Option<MessageStatus>,
    /// The sender, as text: a phone number, a short code, an alphanumeric sender ID, or a channel
    /// address such as `whatsapp:+14155550100`.
    pub from: String,
    /// The recipient, as text for the same reason as `from`.
    pub to: String,
    pub api_version: Option<String>,
    /// The messaging service that sent the message, if one did.
    pub messaging_service_sid: Option<MessagingServiceSid>,
    /// Twilio's error code, with `failed` and `undelivered`.
    pub error_code: Option<u32>,
    /// When the carrier's delivery receipt says the message was done with, as the carrier wrote it
    /// (usually `YYMMDDhhmm`, in UTC).
    pub raw_dlr_done_date: Option<String>,
    /// Parameters not declared above.
    #[twilio(other)]
    pub other: OtherParams,
}

impl MessageStatusCallback {
    /// What two deliveries of the same callback share: the message and its status.
    pub fn dedup_key(&self) -> (MessageSid, MessageStatus) {
        (self.message_sid, self.message_status.clone())
    }
}

/// The webhook of a message sent to one of the account's numbers or messaging services. The
/// application may answer it with TwiML (`<Response><Message>…`).
///
/// Media come as numbered parameters (`MediaUrl0`, `MediaContentType0`, ...), read into
/// `media_urls` and `media_content_types`, one item per attachment and in the same order.
#[derive(Clone, PartialEq, Webhook)]
pub struct IncomingMessage {
    pub account_sid: AccountSid,
    /// `SM…`, or `MM…` for a message with media.
    pub message_sid: MessageSid,
    /// The same SID under its older names.
    pub sms_sid: Option<MessageSid>,
    pub sms_message_sid: Option<MessageSid>,
    /// The messaging service the number belongs to, if any.
    pub messaging_service_sid: Option<MessagingServiceSid>,
    /// The sender, as text (see [`MessageStatusCallback::from`]).
    pub from: String,
    pub to: String,
    /// The text, empty for a message of media only.
    pub body: String,
    /// How many attachments there are, at most 10.
    pub num_media: u32,
    /// How many segments the text came in.
    pub num_segments: Option<u32>,
    /// Where each attachment can be fetched.
    #[twilio(indexed, rename = "MediaUrl")]
    pub media_urls: Vec<Url>,
    /// The MIME type of each attachment, e.g. `image/jpeg`.
    #[twilio(indexed, rename = "MediaContentType")]
    pub media_content_types: Vec<String>,
    pub from_city: Option<String>,
    pub from_state: Option<String>,
    pub from_zip: Option<String>,
    pub from_country: Option<String>,
    pub to_city: Option<String>,
    pub to_state: Option<String>,
    pub to_zip: Option<String>,
    pub to_country: Option<String>,
    pub api_version: Option<String>,
    /// `received`.
    pub sms_status: Option<MessageStatus>,
    /// On WhatsApp: the sender's profile name.
    pub profile_name: Option<String>,
    /// On WhatsApp: the sender's WhatsApp ID.
    pub wa_id: Option<String>,
    /// Parameters not declared above.
    #[twilio(other)]
    pub other: OtherParams,
}

impl IncomingMessage {
    /// What two deliveries of the webhook share: the message.
    pub fn dedup_key(&self) -> MessageSid {
        self.message_sid
    }
}
