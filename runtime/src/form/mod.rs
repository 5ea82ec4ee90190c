//! Forms in both directions: `encode` writes a request's parameters byte for byte as Twilio's official
//! SDKs send them; `decode` reads a body or query string back into typed values, naming the key of
//! anything that does not fit.

mod decode;
mod encode;
mod field;

pub(crate) use decode::read_value;
pub use decode::{
    FormDecodeError, FormPairs, FromFormField, FromFormValue, InvalidValue, Problem, ReadParams, Shown,
};
pub use encode::{FormField, FormValue, FormWriter, Key, ValueWriter, escape};
pub(crate) use encode::{is_literal, push_escaped_segment};
pub use field::ParamField;
