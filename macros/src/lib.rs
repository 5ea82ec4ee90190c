//! Implementation detail of the `twilio-endpoint` crate: the `#[twilio_endpoint]` attribute.
//!
//! The macro runs in three stages, each with its own types: `parse` reads the attribute and the struct
//! into raw views, `check` turns them into a checked `model` (collecting every mistake, each at the
//! token at fault), and `emit` writes the code. The generated code stays thin: it calls generic
//! functions of `twilio-endpoint-runtime` through the facade's hidden `__private` module.

mod check;
mod emit;
mod expand;
mod fallback;
mod krate;
mod model;
mod parse;
#[cfg(test)]
mod tests;
mod webhook;

use proc_macro::TokenStream;

/// Declares a Twilio REST operation. See the `twilio_endpoint` crate's documentation.
#[proc_macro_attribute]
pub fn twilio_endpoint(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::expand(args.into(), item.into()).into()
}

/// Declares a group of parameters sent together, flattened into an endpoint with
/// `#[twilio(flatten)]`. See the `twilio_endpoint` crate's documentation.
#[proc_macro_derive(Params, attributes(twilio))]
pub fn derive_params(input: TokenStream) -> TokenStream {
    expand::expand_group(input.into()).into()
}

/// Declares a payload Twilio sends to the application (a status callback, an incoming message or
/// call): implements `Webhook`, which decodes it from the posted form, and a `Debug` that hides
/// `sensitive` fields. See the `twilio_endpoint` crate's documentation.
#[proc_macro_derive(Webhook, attributes(twilio))]
pub fn derive_webhook(input: TokenStream) -> TokenStream {
    webhook::expand(input.into()).into()
}
