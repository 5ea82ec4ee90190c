//! An outgoing message's life, from the status it is created in to delivery, failure or a read
//! receipt, and the status callbacks it brings.

use chrono::{DateTime, Utc};

use super::{API_VERSION, Callback, CallbackKind, LifecycleError, reachable, walk};
use crate::api::v2010::{CreateMessage, MessageAddress, MessageAddressKind, MessageSender, MessageStatus};
use crate::values::{AccountSid, CallbackMethod, MessageSid, MessagingServiceSid, Url};

/// An outgoing message created through the API, and the status callbacks it brings.
///
/// A message starts `queued`, or `accepted` when a messaging service sends it, or `scheduled` when
/// it has a schedule; Twilio reports every status it reaches after that one (never the first) to the
/// request's `StatusCallback`, always with `POST` (Create Message has no method for it). A message
/// whose callbacks go to a messaging service's or a TwiML App's URL (no `StatusCallback` in the
/// request) brings none here: those URLs are not in the request.
#[derive(Clone, Debug)]
pub struct MessageLife {
    account_sid: AccountSid,
    message_sid: MessageSid,
    to: MessageAddress,
    from: Option<String>,
    messaging_service_sid: Option<MessagingServiceSid>,
    status_callback: Option<Url>,
    status: MessageStatus,
}

impl MessageLife {
    /// The life of the message `request` sends, which the account `account_sid` created as
    /// `message_sid`.
    pub fn new(account_sid: AccountSid, message_sid: MessageSid, request: &CreateMessage) -> Self {
        let (from, messaging_service_sid) = match &request.sender {
            MessageSender::From(from) => (Some(from.to_string()), None),
            MessageSender::MessagingService { from, messaging_service_sid, .. } => {
                (from.as_ref().map(ToString::to_string), Some(*messaging_service_sid))
            }
        };
        let status = if request.schedule.is_some() {
            MessageStatus::Scheduled
        } else if messaging_service_sid.is_some() {
            MessageStatus::Accepted
        } else {
            MessageStatus::Queued
        };
        MessageLife {
            account_sid,
            message_sid,
            to: request.to.clone(),
            from,
            messaging_service_sid,
            status_callback: request.status_callback.clone(),
            status,
        }
    }

    /// The sender a messaging service picked, for a message created without `From`: every status
    /// callback names it.
    #[must_use]
    pub fn sent_from(mut self, from: impl Into<String>) -> Self {
        self.from = Some(from.into());
        self
    }

    /// Where the message is: the status it was created in until it first moves.
    pub fn status(&self) -> &MessageStatus {
        &self.status
    }

    /// Moves the message to `status` at `now`, through the statuses it implies on the way
    /// (`delivered` from `queued` passes `sent`; `sending` is reached only when asked for), and
    /// returns a callback for each status reached, in order.
    ///
    /// # Errors
    ///
    /// [`LifecycleError::ErrorCode`] for `failed` and `undelivered`, which carry an error code (use
    /// [`fail`](Self::fail)); [`LifecycleError::Transition`] when the message cannot reach
    /// `status`; [`LifecycleError::UnknownSender`] when its sender is not known (except to cancel
    /// it, which then brings no callback). The message is then left as it was.
    pub fn advance(
        &mut self,
        status: MessageStatus,
        now: DateTime<Utc>,
    ) -> Result<Vec<Callback>, LifecycleError> {
        if carries_error_code(&status) {
            return Err(self.error_code(&status, true));
        }
        self.reach(status, None, now)
    }

    /// Moves the message to `failed` or `undelivered` at `now`, as [`advance`](Self::advance) does,
    /// the last callback carrying Twilio's `error_code` (such as 30003, unreachable handset).
    ///
    /// # Errors
    ///
    /// [`LifecycleError::ErrorCode`] for any other status, and the errors of `advance`.
    pub fn fail(
        &mut self,
        status: MessageStatus,
        error_code: u32,
        now: DateTime<Utc>,
    ) -> Result<Vec<Callback>, LifecycleError> {
        if !carries_error_code(&status) {
            return Err(self.error_code(&status, false));
        }
        self.reach(status, Some(error_code), now)
    }

    fn error_code(&self, status: &MessageStatus, needed: bool) -> LifecycleError {
        LifecycleError::ErrorCode { resource: self.resource(), status: status.to_string(), needed }
    }

    fn resource(&self) -> String {
        format!("message `{}`", self.message_sid)
    }

    fn reach(
        &mut self,
        status: MessageStatus,
        error_code: Option<u32>,
        now: DateTime<Utc>,
    ) -> Result<Vec<Callback>, LifecycleError> {
        let path = walk(&self.status, &status, next_statuses).ok_or_else(|| LifecycleError::Transition {
            resource: self.resource(),
            from: self.status.to_string(),
            to: status.to_string(),
            reachable: reachable(&self.status, next_statuses),
        })?;
        let Some(url) = &self.status_callback else {
            self.status = status;
            return Ok(Vec::new());
        };
        let Some(from) = &self.from else {
            // A scheduled message canceled before its service picked a sender never had one, and
            // every callback names the sender: its cancellation is not reported here.
            if status == MessageStatus::Canceled {
                self.status = status;
                return Ok(Vec::new());
            }
            return Err(LifecycleError::UnknownSender { resource: self.resource() });
        };
        let last = path.len() - 1;
        let callbacks = path
            .iter()
            .enumerate()
            .map(|(index, step)| {
                let mut params = Vec::new();
                if index == last
                    && let Some(code) = error_code
                {
                    params.push(("ErrorCode", code.to_string()));
                }
                // The carrier's delivery receipt, of an SMS or MMS: when it was done with the message,
                // `YYMMDDhhmm` in UTC.
                let receipt = matches!(step, MessageStatus::Delivered | MessageStatus::Undelivered);
                if receipt && self.to.kind() == MessageAddressKind::PhoneNumber {
                    params.push(("RawDlrDoneDate", now.format("%y%m%d%H%M").to_string()));
                }
                params.extend([
                    ("SmsSid", self.message_sid.to_string()),
                    ("SmsStatus", step.to_string()),
                    ("MessageStatus", step.to_string()),
                    ("To", self.to.to_string()),
                ]);
                if let Some(service) = self.messaging_service_sid {
                    params.push(("MessagingServiceSid", service.to_string()));
                }
                params.extend([
                    ("MessageSid", self.message_sid.to_string()),
                    ("AccountSid", self.account_sid.to_string()),
                    ("From", from.clone()),
                    ("ApiVersion", API_VERSION.to_owned()),
                ]);
                Callback {
                    kind: CallbackKind::MessageStatus,
                    url: url.clone(),
                    method: CallbackMethod::Post,
                    params,
                }
            })
            .collect();
        self.status = status;
        Ok(callbacks)
    }
}

fn carries_error_code(status: &MessageStatus) -> bool {
    matches!(status, MessageStatus::Failed | MessageStatus::Undelivered)
}

/// The statuses an outgoing message moves to from `status`: a scheduled one is queued when its time
/// comes or canceled before; an accepted one (a messaging service's) is queued once the service picks
/// a sender; a queued one is sent, possibly through `sending`, or fails; a sent one is delivered or
/// not; a delivered one may be read (on channels with read receipts).
fn next_statuses(status: &MessageStatus) -> &'static [MessageStatus] {
    use MessageStatus as S;
    const SCHEDULED: &[S] = &[S::Queued, S::Canceled];
    const ACCEPTED: &[S] = &[S::Queued, S::Failed];
    const QUEUED: &[S] = &[S::Sending, S::Sent, S::Failed];
    const SENDING: &[S] = &[S::Sent, S::Failed];
    const SENT: &[S] = &[S::Delivered, S::Undelivered];
    const DELIVERED: &[S] = &[S::Read];
    match status {
        S::Scheduled => SCHEDULED,
        S::Accepted => ACCEPTED,
        S::Queued => QUEUED,
        S::Sending => SENDING,
        S::Sent => SENT,
        S::Delivered => DELIVERED,
        S::Failed
        | S::Undelivered
        | S::Read
        | S::Canceled
        | S::Receiving
        | S::Received
        | S::PartiallyDelivered
        | S::Unknown(_) => &[],
    }
}
