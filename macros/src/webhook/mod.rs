//! `#[derive(Webhook)]`: a payload Twilio sends to an application (a status callback, an incoming
//! message or call), declared as a struct whose fields are the parameters it carries.
//!
//! The same stages as the endpoint attribute, each with its own types: `parse` reads the options,
//! `check` turns them into the checked `model` (reporting every mistake at once, each at the token at
//! fault), `emit` writes `impl Webhook` and `impl Debug`. On a mistake, `fallback` writes stubs of the
//! same impls beside the errors, so that code using the payload adds no error of its own.

mod check;
mod emit;
mod fallback;
mod model;
mod parse;
#[cfg(test)]
mod tests;

use proc_macro2::TokenStream;

pub fn expand(input: TokenStream) -> TokenStream {
    let input: syn::DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let mut errors = darling::Error::accumulator();
    let raw = parse::parse(&input, &mut errors);
    let krate = raw.krate.clone();
    match check::check(raw, errors) {
        Ok(webhook) => emit::expand(&webhook),
        Err(errors) => fallback::expand(&input, krate, errors),
    }
}
