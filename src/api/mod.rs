//! The catalog: ready endpoints of Twilio's REST API, declared with `#[twilio_endpoint]` exactly as an
//! application would declare its own.

pub mod v2010;

/// Verify v2 (`verify.twilio.com`): verifications by SMS, voice, email and more, their checks, and the
/// services, rate limits, entities and factors behind them. Generated; feature `verify-v2`.
#[cfg(feature = "verify-v2")]
pub mod verify {
    pub mod v2;
}

/// Lookups v2 (`lookups.twilio.com`): what Twilio knows about a phone number (line type, caller name,
/// ...). Generated; feature `lookups-v2`.
#[cfg(feature = "lookups-v2")]
pub mod lookups {
    pub mod v2;
}

/// Messaging v1 (`messaging.twilio.com`): Messaging services, their senders, A2P brand registrations and
/// campaigns, toll-free verifications, link shortening. Generated; feature `messaging-v1`.
#[cfg(feature = "messaging-v1")]
pub mod messaging {
    pub mod v1;
}
