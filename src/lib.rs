//! Declare a Twilio REST endpoint as a plain struct with one attribute, and get the rest generated:
//! validation of every documented rule, the form encoding exactly as Twilio's own SDKs send it, and an
//! async `send` returning a typed response or a typed error.
//!
//! ```no_run
//! use twilio_endpoint::api::v2010::{CreateParticipant, Participant};
//! use twilio_endpoint::values::{ConferenceRef, CallbackMethod};
//! use twilio_endpoint::{Client, twilio_endpoint};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::from_env()?;
//! let participant: Participant = CreateParticipant::new(
//!     "MyRoom".parse::<ConferenceRef>()?,
//!     "+15017122661".parse::<twilio_endpoint::values::Address>()?,
//!     "+15558675310".parse::<twilio_endpoint::values::Address>()?,
//! )
//! .timeout(30)
//! .status_callback_method(CallbackMethod::Post)
//! .send(&client)
//! .await?;
//! # Ok(()) }
//! ```
//!
//! Endpoints the catalog lacks are one struct away:
//!
//! ```
//! use twilio_endpoint::twilio_endpoint;
//! use twilio_endpoint::values::PhoneNumber;
//!
//! /// Starts the verification of a caller ID.
//! #[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/OutgoingCallerIds.json")]
//! pub struct CreateValidationRequest {
//!     pub phone_number: PhoneNumber,
//!     #[twilio(range = 0..=60)]
//!     pub call_delay: Option<u32>,
//! }
//!
//! let request = CreateValidationRequest::new("+14158675310".parse::<PhoneNumber>().unwrap()).call_delay(61);
//! assert_eq!(request.to_form(), "PhoneNumber=%2B14158675310&CallDelay=61");
//! assert_eq!(
//!     request.validate().unwrap_err().to_string(),
//!     "invalid request: CallDelay: must be between 0 and 60, got 61"
//! );
//! ```

// Lets the catalog below use the attribute exactly as a user crate does, through `::twilio_endpoint`.
extern crate self as twilio_endpoint;

pub mod api;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(feature = "mock")]
pub mod mock;

pub use twilio_endpoint_macros::{Params, Webhook, twilio_endpoint};
/// What [`Params::write_params`] writes a request's parameters into; [`Endpoint::to_form`] reads the
/// result. Needed only to implement `Params` by hand or to call `write_params` directly.
pub use twilio_endpoint_runtime::FormWriter;
/// What [`Endpoint::write_path`] renders a request's path into, each parameter escaped as one
/// segment; [`Endpoint::preview`] shows the whole URL. Needed only to implement `Endpoint` by hand or
/// to call `write_path` directly.
pub use twilio_endpoint_runtime::PathWriter;
pub use twilio_endpoint_runtime::{
    ApiError, BodyFormat, BodyTooLargeError, Bounds, Client, ClientBuilder, ConfigError, DecodeError,
    DecodeRequest, Endpoint, Error, FormDecodeError, FormPairs, FormValue, FromFormField, FromFormValue,
    IdempotencyKey, JsonFields, JsonWriter, LengthUnit, Method, OutcomeUnknownError, Page, Params,
    PathParams, Preview, Problem, ReadParams, RefusedError, RetryPolicy, Rule, TransportError,
    ValidationErrors, ValueWriter, Violation, WithExtraParams, checked, lenient, time, values, wire_enum,
};
pub use twilio_endpoint_runtime::{
    BlankTokenError, JsonSignature, SignatureAlgorithm, SignatureError, WebhookValidator,
};

/// What Twilio sends to an application, declared with `#[derive(Webhook)]`; the catalog's payloads are
/// in [`api::v2010::webhooks`].
pub use twilio_endpoint_runtime::{FromIndexed, FromOtherParams, OtherParams, Webhook};

#[doc(hidden)]
pub use twilio_endpoint_runtime::__private;

// The guide's examples are compiled and run with the doctests, so that it cannot drift from the crate.
#[cfg(doctest)]
#[doc = include_str!("../docs/EXTENDING.md")]
struct ExtendingGuide;

#[cfg(doctest)]
#[doc = include_str!("../docs/TESTING.md")]
struct TestingGuide;
