//! The catalog: ready endpoints of Twilio's REST API, declared with `#[twilio_endpoint]` exactly as an
//! application would declare its own.

pub mod v2010;
