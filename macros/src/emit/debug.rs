//! `impl Debug`, with `sensitive` fields shown as `<redacted>` (secrets never reach logs).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned as _;

use crate::model::Endpoint;

pub fn expand_debug(endpoint: &Endpoint<'_>) -> TokenStream {
    let name = &endpoint.item.ident;
    let name_text = name.to_string();
    let fields = endpoint.fields.iter().map(|field| {
        let ident = &field.ident;
        let label = ident.to_string();
        let cfgs = field.cfgs();
        // At the field's type, where a type without `Debug` is reported.
        let value = if field.sensitive {
            quote!(&__twilio::Redacted)
        } else {
            quote_spanned!(field.original.ty.span()=> &self.#ident)
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
