//! `#[derive(Params)]`: `impl Params` for a group of parameters, a struct whose fields are all sent or
//! an enum of which exactly one variant is.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned as _;

use super::checks::{expand_group_keys, expand_range_checks};
use super::decode::expand_group_read;
use super::params::{expand_impl, field_checks, field_write, form_key};
use crate::model::{Field, Group, GroupShape, Variant, VariantFields};

pub fn expand_group(group: &Group<'_>) -> TokenStream {
    let (checks, writes, uses_errors) = match &group.shape {
        GroupShape::Struct(fields) => {
            let checks: Vec<_> = fields
                .iter()
                .flat_map(|field| {
                    let ident = &field.ident;
                    field_checks(field, &quote!(&self.#ident))
                })
                .collect();
            let writes = fields.iter().filter_map(|field| {
                let ident = &field.ident;
                field_write(field, &quote!(&self.#ident))
            });
            let uses_errors = !checks.is_empty();
            (quote!(#(#checks)*), quote!(#(#writes)*), uses_errors)
        }
        GroupShape::Enum(variants) => {
            let uses_errors = variants.iter().any(|variant| fields(variant).any(has_checks));
            let checks = if uses_errors {
                let arms = variants.iter().map(check_arm);
                quote!(match self { #(#arms)* })
            } else {
                TokenStream::new()
            };
            let arms = variants.iter().map(write_arm);
            (checks, quote!(match self { #(#arms)* }), uses_errors)
        }
    };
    let uses_out = !writes.is_empty();
    let params = expand_impl(group.ident, &checks, &writes, uses_errors, uses_out);
    let keys = expand_group_keys(group);
    let read = expand_group_read(group);
    let ranges = match &group.shape {
        GroupShape::Struct(fields) => expand_range_checks(fields),
        GroupShape::Enum(variants) => expand_range_checks(variants.iter().flat_map(fields)),
    };
    let krate = &group.krate;
    quote! {
        const _: () = {
            use #krate::__private as __twilio;
            #params
            #read
            #keys
            #ranges
        };
    }
}

fn fields<'v, 'a>(variant: &'v Variant<'a>) -> Box<dyn Iterator<Item = &'v Field<'a>> + 'v> {
    match &variant.fields {
        VariantFields::Unit => Box::new(std::iter::empty()),
        VariantFields::Newtype(field) => Box::new(std::iter::once(field)),
        VariantFields::Named(fields) => Box::new(fields.iter()),
    }
}

fn has_checks(field: &Field<'_>) -> bool {
    !field_checks(field, &TokenStream::new()).is_empty()
}

/// `Self::Variant { checked, .. } => { checks }`, binding only the fields that have checks, so that
/// no binding is unused.
fn check_arm(variant: &Variant<'_>) -> TokenStream {
    let ident = variant.ident;
    let checked: Vec<&Field<'_>> = fields(variant).filter(|field| has_checks(field)).collect();
    let checks = checked.iter().flat_map(|field| {
        let binding = &field.ident;
        field_checks(field, &quote!(#binding))
    });
    let pattern = match &variant.fields {
        VariantFields::Unit => quote!(Self::#ident),
        VariantFields::Newtype(field) if checked.is_empty() => {
            quote_spanned!(field.original.span()=> Self::#ident(..))
        }
        VariantFields::Newtype(field) => {
            let binding = &field.ident;
            quote!(Self::#ident(#binding))
        }
        VariantFields::Named(_) => {
            let bindings = checked.iter().map(|field| &field.ident);
            quote!(Self::#ident { #(#bindings,)* .. })
        }
    };
    quote!(#pattern => { #(#checks)* })
}

/// `Self::Variant { a, b } => { constants, then each field }`.
fn write_arm(variant: &Variant<'_>) -> TokenStream {
    let ident = variant.ident;
    let constants = variant.constants.iter().map(|(key, value)| {
        let key = form_key(key);
        quote!(__twilio::FormField::write_field_key(&#value, #key, __twilio_out);)
    });
    let writes = fields(variant).filter_map(|field| {
        let binding = &field.ident;
        field_write(field, &quote!(#binding))
    });
    let pattern = match &variant.fields {
        VariantFields::Unit => quote!(Self::#ident),
        VariantFields::Newtype(field) => {
            let binding = &field.ident;
            quote!(Self::#ident(#binding))
        }
        VariantFields::Named(fields) => {
            let bindings = fields.iter().map(|field| &field.ident);
            quote!(Self::#ident { #(#bindings),* })
        }
    };
    quote!(#pattern => { #(#constants)* #(#writes)* })
}
