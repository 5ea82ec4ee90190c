//! Runtime of the `twilio-endpoint` crate: the client, typed values, forms in both directions, validation
//! reports and errors. Applications use it through the `twilio_endpoint` facade.
//!
//! The modules of a request's way out, bottom up; each imports only modules listed above it:
//!
//! - `method`: the request's HTTP method.
//! - `redact`: hiding phone numbers, credentials and parameter values in errors and logs.
//! - `error`: every error a request or a client's settings can end with, and how each is shown.
//! - `reply`: a complete reply: its request id and `Retry-After`, the body read up to a cap, Twilio's
//!   error bodies.
//! - `retry`: the retry policy, its budget, and the verdict on an attempt's outcome.
//! - `concurrency_limit`: the adaptive limit on a client's requests in flight, learnt from Twilio's
//!   429 answers; requests over it wait for a slot.
//! - `idempotency`: the key sent with every attempt of a request.
//! - `preview`: a request as it goes out (method, URL, body).
//! - `transport`: one attempt: the HTTP exchange, the reply read and judged.
//! - `client`: the handle, the URL and body made from its base (for sending and previewing), and the
//!   retry loop with its tracing span.
//! - `builder`: the client's settings and their checks (environment, base URL, timeouts).
//! - `endpoint`: what `#[twilio_endpoint]` implements and calls: `validate`, `encode`, `preview`,
//!   `send`, and `decode_request` for a request read back.
//! - `page`: lists, one page at a time or as a stream.
//! - `extra`: a request with parameters its declaration does not know (`extra_param`).
//! - `const_checks`: what the compiler checks of a declaration (keys sent twice, ranges that do not fit
//!   their type), a group's keys, and the variant of an enum group a form's keys choose.
//!
//! The way in, beside it: `webhook`, what Twilio sends to an application (callbacks, incoming messages
//! and calls), read with `form`'s decoding.
//!
//! Under the chain, and importing none of it: `validate` (the validation report), `form` (the form
//! encoding, and its decoding), `values` and `time` (typed values), `path` (path rendering and
//! matching), `host` (the names a product's host may have), `const_message` (the messages of
//! compile-time checks), `signature` (checking and making the signatures of Twilio's webhook requests).

mod builder;
mod client;
mod concurrency_limit;
mod const_checks;
mod const_message;
mod endpoint;
mod error;
mod extra;
mod form;
mod host;
mod idempotency;
mod json;
pub mod lenient;
mod method;
mod page;
mod path;
mod preview;
mod redact;
mod reply;
mod retry;
mod signature;
pub mod time;
mod transport;
mod validate;
pub mod values;
mod webhook;

pub use builder::ClientBuilder;
pub use client::Client;
pub use endpoint::{DecodeRequest, Endpoint, Params};
pub use error::{
    ApiError, BodyTooLargeError, ConfigError, DecodeError, Error, OutcomeUnknownError, RefusedError,
    TransportError,
};
pub use extra::WithExtraParams;
pub use form::{
    FormDecodeError, FormField, FormPairs, FormValue, FormWriter, FromFormField, FromFormValue, Problem,
    ReadParams, ValueWriter, escape,
};
pub use idempotency::IdempotencyKey;
pub use json::{BodyFormat, JsonFields, JsonWriter};
pub use method::Method;
pub use page::Page;
pub use path::{PathParams, PathWriter};
pub use preview::Preview;
pub use retry::RetryPolicy;
pub use signature::{BlankTokenError, JsonSignature, SignatureAlgorithm, SignatureError, WebhookValidator};
pub use validate::{Bounds, LengthUnit, Rule, ValidationErrors, Violation};
pub use webhook::{FromIndexed, FromOtherParams, FromWebhookField, OtherParams, Webhook};

/// Items used by the code `#[twilio_endpoint]` generates; not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::const_checks::{
        KeySource, Keys, ParamGroup, Variant, check_keys_not_in_path, check_range_fits, check_unique_keys,
        read_variant,
    };
    pub use crate::endpoint::{
        DecodeRequest, Endpoint, Params, decode_empty, decode_json, encode, encode_json, preview, send,
        validate,
    };
    pub use crate::extra::WithExtraParams;
    pub use crate::form::{
        FormDecodeError, FormField, FormPairs, FormWriter, Key, ParamField, ReadParams, Shown,
    };
    pub use crate::json::{BodyFormat, JsonFields, JsonWriter};
    pub use crate::method::Method;
    pub use crate::page::Page;
    pub use crate::path::{AccountParam, PathParam, PathParams, PathWriter, check_path_param};
    pub use crate::preview::Preview;
    pub use crate::redact::Redacted;
    pub use crate::validate::{Bounds, ValidationErrors, check_len, check_range};
    pub use crate::validate::{RangeField, RangeInt};
    pub use crate::values::{AccountSid, IntoValue, IntoValues};
    pub use crate::webhook::__private as webhook;
    pub use crate::{Client, Error};
    pub use serde_json;
}

/// The internal steps the fuzz targets in `fuzz/` drive; only with the `fuzzing` feature, not a
/// public API.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
#[path = "fuzz.rs"]
pub mod __fuzz;
