//! Runtime of the `twilio-endpoint` crate: the client, typed values, the form encoding, validation
//! reports and errors. Applications use it through the `twilio_endpoint` facade.

mod client;
mod encode;
mod endpoint;
mod error;
mod idempotency;
mod page;
mod path;
mod redact;
mod retry;
pub mod time;
mod validate;
pub mod values;

pub use client::{Client, ClientBuilder};
pub use encode::{FormField, FormValue, FormWriter, ValueWriter, escape};
pub use endpoint::{Endpoint, Method, Params};
pub use error::{
    ApiError, BodyTooLargeError, ConfigError, DecodeError, Error, OutcomeUnknownError, RefusedError,
    TransportError,
};
pub use idempotency::IdempotencyKey;
pub use page::Page;
pub use path::PathWriter;
pub use retry::RetryPolicy;
pub use validate::{Bounds, LengthUnit, Rule, ValidationErrors, Violation};

/// Items used by the code `#[twilio_endpoint]` generates; not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::encode::{FormField, FormWriter};
    pub use crate::endpoint::{
        Endpoint, Method, Params, Redacted, decode_empty, decode_json, encode, send, validate,
    };
    pub use crate::page::Page;
    pub use crate::path::{AccountParam, PathWriter, check_path_param};
    pub use crate::validate::{Bounds, ValidationErrors, check_len, check_range};
    pub use crate::values::{AccountSid, IntoValue};
    pub use crate::{Client, Error};
    pub use serde_json;
}

/// The internal steps the fuzz targets in `fuzz/` drive; only with the `fuzzing` feature, not a
/// public API.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
#[path = "fuzz.rs"]
pub mod __fuzz;
