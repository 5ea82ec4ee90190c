//! Twilio's 2010-04-01 REST API (`api.twilio.com/2010-04-01`): conference participants, with their
//! response types and the enums they share with calls.

mod common;
mod participant;

pub use common::*;
pub use participant::*;
