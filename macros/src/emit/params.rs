//! `impl Params`: the checks behind `validate()` and the pairs behind the encoding, in field order.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned as _;

use crate::model::{Endpoint, Field, Role};
use crate::parse::BodyKind;

pub fn expand_params(endpoint: &Endpoint<'_>) -> TokenStream {
    let name = &endpoint.item.ident;
    let mut checks = Vec::new();
    let mut writes = Vec::new();
    for field in &endpoint.fields {
        let ident = &field.ident;
        let access = quote_spanned!(field.original.ty.span()=> &self.#ident);
        match &field.role {
            // `{AccountSid}` is typed (`AccountSid` or its `Option`), so it needs no check.
            Role::Path { account: true, .. } => continue,
            Role::Path { placeholder, account: false } => {
                let cfgs = field.cfgs();
                checks.push(quote_spanned! {field.original.ty.span()=>
                    #(#cfgs)* __twilio::PathParam::check_segment(#access, __twilio_errors, #placeholder);
                });
                continue;
            }
            Role::Param { .. } | Role::Flatten => {}
        }
        checks.extend(field_checks(field, &access));
        // A JSON endpoint's parameters are the members `write_json` writes (`endpoint.rs`): no form.
        if endpoint.body == BodyKind::Form {
            writes.extend(field_write(field, &access));
        }
    }
    if let Some(validate_with) = &endpoint.validate_with {
        checks.push(quote_spanned! {validate_with.span()=> #validate_with(self, __twilio_errors); });
    }
    expand_impl(name, &quote!(#(#checks)*), &quote!(#(#writes)*), !checks.is_empty(), !writes.is_empty())
}

/// `impl Params` around the bodies of its two methods; an unused argument is named `_`.
pub fn expand_impl(
    name: &syn::Ident,
    checks: &TokenStream,
    writes: &TokenStream,
    uses_errors: bool,
    uses_out: bool,
) -> TokenStream {
    let errors_arg = if uses_errors { quote!(__twilio_errors) } else { quote!(_) };
    let out_arg = if uses_out { quote!(__twilio_out) } else { quote!(_) };
    // `#[inline]`: compiled only where called, see `methods.rs`.
    quote! {
        #[automatically_derived]
        impl __twilio::Params for #name {
            #[inline]
            fn check(&self, #errors_arg: &mut __twilio::ValidationErrors) {
                #checks
            }

            #[inline]
            fn write_params(&self, #out_arg: &mut __twilio::FormWriter) {
                #writes
            }
        }
    }
}

/// The checks `validate()` runs on a parameter or group field, given as `access` (an expression of
/// type `&T`). They are spanned at the field's type, so that a type the runtime cannot check is
/// reported there.
pub fn field_checks(field: &Field<'_>, access: &TokenStream) -> Vec<TokenStream> {
    let cfgs: Vec<_> = field.cfgs().collect();
    let span = field.original.ty.span();
    let access = respan(access, span);
    match &field.role {
        Role::Path { .. } => Vec::new(),
        Role::Param { key, range, len } => {
            let mut checks = Vec::new();
            if let Some(range) = range {
                let (min, max) = (Literal::i128_unsuffixed(range.min), Literal::i128_unsuffixed(range.max));
                checks.push(quote_spanned! {span=>
                    #(#cfgs)* __twilio::RangeField::check_range(#access, __twilio_errors, #key, #min, #max);
                });
            }
            if let Some(len) = len {
                let (min, max) = (Literal::i128_unsuffixed(len.min), Literal::i128_unsuffixed(len.max));
                checks.push(quote_spanned! {span=>
                    #(#cfgs)* __twilio::check_len(__twilio_errors, #key, #access, #min, #max);
                });
            }
            checks
        }
        Role::Flatten => vec![quote_spanned! {span=>
            #(#cfgs)* __twilio::ParamGroup::check_group(#access, __twilio_errors);
        }],
    }
}

/// The statement that writes a parameter or group field's pairs.
pub fn field_write(field: &Field<'_>, access: &TokenStream) -> Option<TokenStream> {
    let cfgs: Vec<_> = field.cfgs().collect();
    let span = field.original.ty.span();
    let access = respan(access, span);
    match &field.role {
        Role::Path { .. } => None,
        Role::Param { key, .. } => {
            let key = form_key(key);
            Some(quote_spanned! {span=>
                #(#cfgs)* __twilio::ParamField::write_param(#access, #key, __twilio_out);
            })
        }
        Role::Flatten => Some(quote_spanned! {span=>
            #(#cfgs)* __twilio::ParamGroup::write_group(#access, __twilio_out);
        }),
    }
}

/// `tokens` with every token at `span`: an expression interpolated into `quote_spanned!` keeps its
/// own spans, and rustc reports a type mistake at the expression's tokens, which must be the user's.
pub fn respan(tokens: &TokenStream, span: Span) -> TokenStream {
    tokens
        .clone()
        .into_iter()
        .map(|mut token| {
            token.set_span(span);
            token
        })
        .collect()
}

/// The key as the encoder takes it: when every byte is one `quote_plus` leaves alone (the runtime's
/// `encode.rs` keeps the same set), joined to its separators (`&StatusCallback=`), so that the pair's
/// constant text is copied at once for every request; escaped when sent otherwise (`StartTime>`). Given
/// as a reference to an inline constant, so that a field passes one address to the writer.
pub fn form_key(key: &str) -> TokenStream {
    if key.bytes().all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'.' | b'-' | b'~')) {
        let joined = format!("&{key}=");
        quote!(&const { __twilio::Key::joined(#joined) })
    } else {
        quote!(&const { __twilio::Key::text(#key) })
    }
}
