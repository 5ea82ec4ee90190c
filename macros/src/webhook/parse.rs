//! Stage one: the struct's `#[twilio(crate = ...)]` and each field's `#[twilio(...)]` options, read by
//! darling into raw views; whether they make sense together is for `check` to say.

use darling::util::{Flag, SpannedValue};
use darling::{FromDeriveInput, FromField};

/// The payload's own options, on the struct.
#[derive(FromDeriveInput)]
#[darling(attributes(twilio))]
pub struct WebhookAttrs {
    #[darling(default, rename = "crate")]
    pub krate: Option<syn::Path>,
}

/// One field's options. A request's options that say how a value is sent (`path`, `range`, `len`,
/// `flatten`) have no meaning for a value received, and are unknown here.
#[derive(FromField)]
#[darling(attributes(twilio))]
pub struct WebhookFieldAttrs {
    /// The key, when it is not the field's name in UpperCamelCase; for `indexed`, the keys' prefix.
    #[darling(default)]
    pub rename: Option<SpannedValue<String>>,
    /// Hidden from `Debug` and from the value shown in a decoding error.
    pub sensitive: Flag,
    /// `Key0`, `Key1`, ... read into a `Vec`.
    pub indexed: Flag,
    /// Every pair no other field reads.
    pub other: Flag,
}

/// Everything that could be parsed; what could not was reported.
pub struct RawWebhook<'a> {
    pub input: &'a syn::DeriveInput,
    /// `crate = ...` when the struct's options parsed and gave one.
    pub krate: Option<syn::Path>,
    pub fields: Vec<RawField<'a>>,
}

pub struct RawField<'a> {
    pub original: &'a syn::Field,
    pub attrs: WebhookFieldAttrs,
}

/// Parses the struct's and every field's options, reporting each mistake into `errors` and keeping
/// what parsed, so that `check` can still report the mistakes in the rest.
pub fn parse<'a>(input: &'a syn::DeriveInput, errors: &mut darling::error::Accumulator) -> RawWebhook<'a> {
    let krate = errors.handle(WebhookAttrs::from_derive_input(input)).and_then(|attrs| attrs.krate);
    let fields = match &input.data {
        syn::Data::Struct(data) => data
            .fields
            .iter()
            .filter_map(|original| {
                let attrs = errors.handle(WebhookFieldAttrs::from_field(original))?;
                Some(RawField { original, attrs })
            })
            .collect(),
        syn::Data::Enum(_) | syn::Data::Union(_) => Vec::new(),
    };
    RawWebhook { input, krate, fields }
}
