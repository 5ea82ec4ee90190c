//! Stage three: `impl Webhook`, reading each field from the form in turn (the `other` field last, from
//! what is left), and `impl Debug` with `sensitive` fields shown as `<redacted>`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned as _;

use super::model::{Field, Kind, Webhook};
use crate::emit::expand_redacted_debug;

pub fn expand(webhook: &Webhook<'_>) -> TokenStream {
    let krate = &webhook.krate;
    let from_pairs = expand_from_pairs(webhook);
    let debug = expand_debug(webhook);
    quote! {
        const _: () = {
            use #krate::__private::webhook as __twilio;
            #from_pairs
            #debug
        };
    }
}

fn expand_from_pairs(webhook: &Webhook<'_>) -> TokenStream {
    let name = &webhook.input.ident;
    // The `other` field's value is written last in the struct expression, whose fields are evaluated
    // in the order written: it takes what every other field left.
    let (others, reads): (Vec<&Field<'_>>, Vec<&Field<'_>>) =
        webhook.fields.iter().partition(|field| matches!(field.kind, Kind::Other));
    let values = reads.iter().chain(&others).map(|field| {
        let ident = field.ident;
        let cfgs = field.cfgs();
        let value = read(field);
        quote!(#(#cfgs)* #ident: #value,)
    });
    // Without fields to read the form is not borrowed mutably, and without any field it is not used.
    let form = match (reads.is_empty(), others.is_empty()) {
        (true, true) => quote!(_),
        (true, false) => quote!(__twilio_form),
        (false, _) => quote!(mut __twilio_form),
    };
    quote! {
        #[automatically_derived]
        impl __twilio::Webhook for #name {
            fn from_pairs(
                #form: __twilio::FormPairs<'_>,
            ) -> ::core::result::Result<Self, __twilio::FormDecodeError> {
                ::core::result::Result::Ok(Self { #(#values)* })
            }
        }
    }
}

/// The expression that reads one field, at the field's type, where a type that cannot be read is
/// reported.
fn read(field: &Field<'_>) -> TokenStream {
    let ty = &field.original.ty;
    let shown = if field.sensitive { quote!(Hidden) } else { quote!(Value) };
    match &field.kind {
        Kind::Param { key } => quote_spanned! {ty.span()=>
            <#ty as __twilio::FromWebhookField>::read_webhook_field(&mut __twilio_form, #key, __twilio::Shown::#shown)?
        },
        Kind::Indexed { prefix } => quote_spanned! {ty.span()=>
            <#ty as __twilio::FromIndexed>::read_indexed(&mut __twilio_form, #prefix, __twilio::Shown::#shown)?
        },
        Kind::Other => quote_spanned!(ty.span()=> __twilio::other_params::<#ty>(__twilio_form)),
    }
}

/// `Debug` with `sensitive` fields hidden: a payload is logged whole when handling it fails, and must
/// not carry a secret into the log.
fn expand_debug(webhook: &Webhook<'_>) -> TokenStream {
    let fields = webhook.fields.iter().map(|field| (field.original, field.ident, field.sensitive));
    expand_redacted_debug(&webhook.input.ident, fields)
}
