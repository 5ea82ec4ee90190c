//! `impl Debug`, with `sensitive` fields shown as `<redacted>` (secrets never reach logs): an
//! endpoint's, and a webhook payload's (`#[derive(Webhook)]`).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned as _;

use crate::model::Endpoint;

pub fn expand_debug(endpoint: &Endpoint<'_>) -> TokenStream {
    let fields = endpoint.fields.iter().map(|field| (field.original, &field.ident, field.sensitive));
    expand_redacted_debug(&endpoint.item.ident, fields)
}

/// `Debug` as `#[derive(Debug)]` writes it, but with each field given as `(field, binding, sensitive)`
/// and the sensitive ones hidden.
pub fn expand_redacted_debug<'f>(
    name: &syn::Ident,
    fields: impl Iterator<Item = (&'f syn::Field, &'f syn::Ident, bool)>,
) -> TokenStream {
    let name_text = name.to_string();
    let fields = fields.map(|(field, ident, sensitive)| {
        let label = ident.to_string();
        let cfgs = field.attrs.iter().filter(|attr| attr.path().is_ident("cfg"));
        // At the field's type, where a type without `Debug` is reported.
        let value = if sensitive {
            quote!(&__twilio::Redacted)
        } else {
            quote_spanned!(field.ty.span()=> &self.#ident)
        };
        quote!(#(#cfgs)* __twilio_debug.field(#label, #value);)
    });
    // `#[inline]`, as `#[derive(Debug)]`'s: compiled only where called, see `methods.rs`.
    quote! {
        #[automatically_derived]
        impl ::core::fmt::Debug for #name {
            #[inline]
            fn fmt(&self, __twilio_f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                let mut __twilio_debug = __twilio_f.debug_struct(#name_text);
                #(#fields)*
                __twilio_debug.finish()
            }
        }
    }
}
