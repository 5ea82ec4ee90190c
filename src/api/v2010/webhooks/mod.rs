//! What Twilio sends to the application about the resources of this API: status callbacks of
//! conferences, calls, recordings and messages, answering machine detection results, and the two
//! webhooks that ask the application what to do with an incoming message or call.
//!
//! Each payload is a struct declared with `#[derive(Webhook)]`, exactly as an application declares one
//! the catalog lacks, and is decoded with [`Webhook::from_form`](crate::Webhook::from_form) from the
//! body Twilio posts, once the request's signature is checked:
//!
//! ```
//! use twilio_endpoint::Webhook as _;
//! use twilio_endpoint::api::v2010::webhooks::{ConferenceStatusCallback, ConferenceStatusEvent};
//!
//! let body = b"ConferenceSid=CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&FriendlyName=standup\
//!     &AccountSid=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&SequenceNumber=3\
//!     &Timestamp=Thu%2C+1+Jun+2017+20%3A48%3A32+%2B0000&StatusCallbackEvent=participant-join\
//!     &CallSid=CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&Muted=false&Hold=false&Coaching=false\
//!     &EndConferenceOnExit=false&StartConferenceOnEnter=true&AddedLater=1";
//! let callback = ConferenceStatusCallback::from_form(body).unwrap();
//! assert_eq!(callback.status_callback_event, ConferenceStatusEvent::ParticipantJoin);
//! assert_eq!(callback.sequence_number, 3);
//! assert_eq!(callback.other.get("AddedLater"), Some("1"));
//! ```
//!
//! # Duplicates and order
//!
//! Twilio delivers each callback at least once, not exactly once, and not in order: a request that
//! timed out or failed is sent again, and callbacks about one resource travel as separate requests
//! that may overtake each other. A handler should therefore:
//!
//! - **drop duplicates** by the payload's `dedup_key()`: the resource's SID with what identifies the
//!   event (its `SequenceNumber`, or its status where Twilio numbers nothing), remembered for as long as
//!   Twilio may retry;
//! - **order by `SequenceNumber`** where the payload has one (conference and call status callbacks):
//!   it counts up from 0 for each conference or call, in the order the events happened, so an event
//!   numbered below the last one applied is stale. Ordering by `Timestamp` is a fallback only: it has a
//!   resolution of one second, and events within a second share it;
//! - **answer quickly** with a `2xx`, and do slow work afterwards, so that Twilio does not time out
//!   and send the callback again.
//!
//! # Subscriptions and the events they bring
//!
//! What a request subscribes to ([`ConferenceEvent`](super::ConferenceEvent),
//! [`CallEvent`](super::CallEvent), [`RecordingEvent`](super::RecordingEvent), ...) and what the
//! callbacks then carry are tied both ways: `ConferenceEvent::Mute.events()` lists
//! `participant-mute` and `participant-unmute`, and `ConferenceStatusEvent::ParticipantUnmute
//! .subscription()` is `Some(ConferenceEvent::Mute)`.
//!
//! Every payload keeps the parameters it does not declare in its `other` field ([`OtherParams`]):
//! Twilio adds parameters without notice, and they can be read there before this crate knows them.

mod call;
mod conference;
mod message;
mod recording;

pub use call::*;
pub use conference::*;
pub use message::*;
pub use recording::*;

pub use crate::OtherParams;
