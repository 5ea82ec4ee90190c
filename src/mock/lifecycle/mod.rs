//! The callbacks Twilio sends as resources move along their life: a call's status callbacks, a
//! conference's events and its participants', a message's status callbacks. Each is built from the
//! typed create request that asked for it, so what is sent, where, with which method and for which
//! events follows from that request exactly as Twilio reads it.
//!
//! A resource's life is a value: [`CallLife`], [`ConferenceLife`] (with its participants' calls) or
//! [`MessageLife`], kept by the mock beside the resource's record. Moving it to a status returns the
//! callbacks the move brings, in the order Twilio sends them, numbered (`SequenceNumber`) and stamped
//! (`Timestamp`) where Twilio numbers and stamps them; a move Twilio cannot make (a completed call
//! ringing again) is refused with a [`LifecycleError`] and changes nothing. Nothing goes out until
//! the mock posts a callback (`send.rs`), signed with the account's auth token as Twilio signs it.

mod call;
mod conference;
mod message;
mod send;

use std::fmt;

pub(crate) use call::CallLife;
pub(crate) use conference::{ConferenceLife, Departure, ParticipantState, Presence};
pub(crate) use message::MessageLife;
pub use send::{Delivery, SentCallback};
pub(crate) use send::{Outgoing, Poster};

use super::reply::twilio_date;
use crate::values::{CallbackMethod, Url};
use crate::{FormWriter, SignatureAlgorithm, WebhookValidator};

/// The API version every callback of this API names in `ApiVersion`.
const API_VERSION: &str = "2010-04-01";

/// One request Twilio would make to an application: where, how, and the parameters, in the order
/// Twilio writes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Callback {
    kind: CallbackKind,
    url: Url,
    method: CallbackMethod,
    params: Vec<(&'static str, String)>,
}

/// Which payload a [`Callback`] carries, and so which type of
/// [`webhooks`](crate::api::v2010::webhooks) decodes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CallbackKind {
    /// A call's status callback: [`CallStatusCallback`](crate::api::v2010::webhooks::CallStatusCallback).
    CallStatus,
    /// A conference's event: [`ConferenceStatusCallback`](crate::api::v2010::webhooks::ConferenceStatusCallback).
    ConferenceStatus,
    /// A message's status callback:
    /// [`MessageStatusCallback`](crate::api::v2010::webhooks::MessageStatusCallback).
    MessageStatus,
}

impl Callback {
    /// Which payload this is.
    pub fn kind(&self) -> CallbackKind {
        self.kind
    }

    /// The URL the request set for these callbacks, as written.
    pub fn url(&self) -> &Url {
        &self.url
    }

    /// `POST` (parameters in the body) or `GET` (parameters in the query).
    pub fn method(&self) -> CallbackMethod {
        self.method
    }

    /// The parameters, in the order sent.
    pub fn params(&self) -> impl Iterator<Item = (&str, &str)> {
        self.params.iter().map(|(key, value)| (*key, value.as_str()))
    }

    /// The value of one parameter, if the callback carries it.
    pub fn param(&self, key: &str) -> Option<&str> {
        self.params().find(|(name, _)| *name == key).map(|(_, value)| value)
    }

    /// The parameters encoded as a form, as the crate encodes every form.
    pub fn form(&self) -> String {
        let mut form = FormWriter::default();
        for (key, value) in &self.params {
            form.pair(key, value.as_str());
        }
        form.finish()
    }

    /// The URL requested: the callback URL, with the parameters added to its query for `GET`.
    pub fn request_url(&self) -> String {
        match self.method {
            CallbackMethod::Post => self.url.as_str().to_owned(),
            CallbackMethod::Get => with_query(self.url.as_str(), &self.form()),
        }
    }

    /// The body sent: the form for `POST`, nothing for `GET`.
    pub fn body(&self) -> String {
        match self.method {
            CallbackMethod::Post => self.form(),
            CallbackMethod::Get => String::new(),
        }
    }

    /// The `X-Twilio-Signature` of this request under `validator`'s token: HMAC-SHA1, as Twilio signs
    /// callbacks made with an auth token.
    pub fn signature(&self, validator: &WebhookValidator) -> String {
        validator.sign_form(SignatureAlgorithm::HmacSha1, &self.request_url(), self.body().as_bytes())
    }
}

/// `url` with `query` added to its query string, before any fragment.
fn with_query(url: &str, query: &str) -> String {
    let (before, fragment) = url.split_once('#').map_or((url, None), |(url, fragment)| (url, Some(fragment)));
    let separator = match before.find('?') {
        None => "?",
        Some(_) if before.ends_with(['?', '&']) => "",
        Some(_) => "&",
    };
    let mut out = format!("{before}{separator}{query}");
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

/// Where one resource's callbacks go, how, and which events they report.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Subscription<E> {
    url: Url,
    method: CallbackMethod,
    events: Vec<E>,
}

impl<E: Clone + PartialEq> Subscription<E> {
    /// The subscription a request makes: none without a URL; `POST` unless it names a method; the
    /// `default` events when it names none.
    fn from_request(
        url: Option<&Url>,
        method: Option<CallbackMethod>,
        events: &[E],
        default: &[E],
    ) -> Option<Self> {
        let events = if events.is_empty() { default } else { events };
        url.map(|url| Subscription {
            url: url.clone(),
            method: method.unwrap_or(CallbackMethod::Post),
            events: events.to_vec(),
        })
    }

    fn wants(&self, event: &E) -> bool {
        self.events.contains(event)
    }

    fn callback(&self, kind: CallbackKind, params: Vec<(&'static str, String)>) -> Callback {
        Callback { kind, url: self.url.clone(), method: self.method, params }
    }
}

/// The statuses a resource passes through from `from` to `to`, `to` included, `from` not: the
/// fewest moves along `next`, the earlier of two equally short ones as `next` lists them. `None` when
/// `to` cannot be reached.
fn walk<S: Clone + PartialEq>(from: &S, to: &S, next: fn(&S) -> &'static [S]) -> Option<Vec<S>> {
    let mut seen = vec![from.clone()];
    let mut paths = vec![Vec::new()];
    while !paths.is_empty() {
        let mut longer = Vec::new();
        for path in paths {
            let last = path.last().unwrap_or(from);
            for step in next(last) {
                if seen.contains(step) {
                    continue;
                }
                let mut extended: Vec<S> = path.clone();
                extended.push(step.clone());
                if step == to {
                    return Some(extended);
                }
                seen.push(step.clone());
                longer.push(extended);
            }
        }
        paths = longer;
    }
    None
}

/// Every status reachable from `from` along `next`, nearest first: what an error offers instead.
fn reachable<S: Clone + PartialEq + fmt::Display>(from: &S, next: fn(&S) -> &'static [S]) -> Vec<String> {
    let mut seen: Vec<S> = Vec::new();
    let mut frontier = vec![from.clone()];
    while !frontier.is_empty() {
        let mut further = Vec::new();
        for status in &frontier {
            for step in next(status) {
                if step != from && !seen.contains(step) {
                    seen.push(step.clone());
                    further.push(step.clone());
                }
            }
        }
        frontier = further;
    }
    seen.iter().map(ToString::to_string).collect()
}

/// Why a move along a resource's life was refused: a mistake of the test driving the mock. Nothing
/// changed, and no callback was sent.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LifecycleError {
    /// The mock holds no such resource: it was never created through the API, or was deleted.
    NotFound {
        /// The resource, e.g. ``call `CA…` ``.
        resource: String,
    },
    /// The resource cannot reach the status asked from the one it is in.
    Transition {
        /// The resource, e.g. ``call `CA…` ``.
        resource: String,
        /// The status it is in.
        from: String,
        /// The status asked for.
        to: String,
        /// Every status it can still reach; empty when `from` is final.
        reachable: Vec<String>,
    },
    /// A message status that carries an error code was given without one, or the reverse.
    ErrorCode {
        /// The message, e.g. ``message `SM…` ``.
        resource: String,
        status: String,
        /// Whether the status needs a code (`failed`, `undelivered`) rather than refusing one.
        needed: bool,
    },
    /// A message sent through a messaging service without `From`: the sender the service picked is
    /// not known, and every status callback names it.
    UnknownSender {
        /// The message, e.g. ``message `SM…` ``.
        resource: String,
    },
    /// No participant of the conference has this call SID or label.
    UnknownParticipant { conference: String, participant: String },
    /// The participant is not in the conference: its call has not been answered, or it has left.
    NotInConference { conference: String, participant: String },
    /// The call is already a participant of the conference.
    AlreadyAdded { conference: String, participant: String },
    /// The conference has ended; a new one under the same friendly name is another conference.
    ConferenceEnded { conference: String },
}

impl fmt::Display for LifecycleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound { resource } => {
                write!(f, "the mock has no {resource}: it was never created through the API, or was deleted")
            }
            Self::Transition { resource, from, to, reachable } => {
                write!(f, "{resource} cannot go from `{from}` to `{to}`")?;
                match reachable.as_slice() {
                    [] => write!(f, ": `{from}` is final"),
                    statuses => {
                        f.write_str("; from `")?;
                        f.write_str(from)?;
                        f.write_str("` it can go to ")?;
                        write_list(f, statuses)
                    }
                }
            }
            Self::ErrorCode { resource, status, needed: true } => write!(
                f,
                "{resource} cannot become `{status}` without an error code; Twilio sends one with it, so use `fail`"
            ),
            Self::ErrorCode { resource, status, needed: false } => write!(
                f,
                "{resource} cannot become `{status}` with an error code; only `failed` and `undelivered` carry one, so use `advance`"
            ),
            Self::UnknownSender { resource } => write!(
                f,
                "{resource} has no known sender: it was sent through a messaging service without `From`; give the \
                 number the service picked with `sent_from`"
            ),
            Self::UnknownParticipant { conference, participant } => {
                write!(f, "conference `{conference}` has no participant `{participant}`; add it first")
            }
            Self::NotInConference { conference, participant } => write!(
                f,
                "participant `{participant}` is not in conference `{conference}`: its call has not been answered, \
                 or it has left"
            ),
            Self::AlreadyAdded { conference, participant } => {
                write!(f, "participant `{participant}` was already added to conference `{conference}`")
            }
            Self::ConferenceEnded { conference } => write!(
                f,
                "conference `{conference}` has ended; a participant added under its friendly name now starts a \
                 new conference"
            ),
        }
    }
}

impl std::error::Error for LifecycleError {}

/// Writes `` `a`, `b` or `c` ``.
fn write_list(f: &mut fmt::Formatter<'_>, items: &[String]) -> fmt::Result {
    for (index, item) in items.iter().enumerate() {
        match index {
            0 => {}
            _ if index + 1 == items.len() => f.write_str(" or ")?,
            _ => f.write_str(", ")?,
        }
        write!(f, "`{item}`")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
