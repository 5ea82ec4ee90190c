//! Twilio's 2010-04-01 REST API (`api.twilio.com/2010-04-01`): conference participants, conferences and
//! their recordings, calls and messages, with their response types, written by hand and always
//! compiled; every other operation of the API is generated from Twilio's description, one module per
//! resource family (`queues`, `incoming_phone_numbers`, ...), each behind its cargo feature
//! (`v2010-queues`, ...; `v2010` enables all), and its items are also re-exported here.

mod call;
mod common;
mod conference;
// The rest of the API, generated, each resource family behind its feature (`v2010` enables all).
pub(crate) mod generated;
mod message;
mod participant;
mod recording;
pub mod webhooks;

pub use call::*;
pub use common::*;
pub use conference::*;
// Each family's module and items, under its feature (in `generated/mod.rs`); nothing without one.
#[allow(unused_imports)]
pub use generated::*;
pub use message::*;
pub use participant::*;
pub use recording::*;
