//! The way back: `impl DecodeRequest` for an endpoint and `impl ReadParams` for a group, each field read
//! with the options it is written with. Each field is one call into the runtime (`FormPairs::field`,
//! `PathParam::read_segment`, `ParamGroup::read_group`); the choice of an enum group's variant is one
//! call to `read_variant`, given the variants' keys as constants.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned as _;

use super::params::respan;
use crate::model::{Endpoint, Field, Group, GroupShape, Presence, Role, Variant, VariantFields};
use crate::parse::BodyKind;

pub fn expand_decode(endpoint: &Endpoint<'_>) -> TokenStream {
    let name = &endpoint.item.ident;
    let json = endpoint.body == BodyKind::Json;
    let reads: Vec<TokenStream> = endpoint.fields.iter().map(|field| field_read(field, json)).collect();
    let path_arg = if endpoint.fields.iter().any(|field| matches!(field.role, Role::Path { .. })) {
        quote!(__twilio_path)
    } else {
        quote!(_)
    };
    let has_params = endpoint.fields.iter().any(|field| !matches!(field.role, Role::Path { .. }));
    if endpoint.body == BodyKind::Json {
        let body_arg = if has_params { quote!(__twilio_body) } else { quote!(_) };
        // The form reader keeps the runtime's default, which refuses a form: the parameters are read
        // from the JSON body only.
        return quote! {
            #[automatically_derived]
            impl __twilio::DecodeRequest for #name {
                #[inline]
                fn read_json_request(
                    #path_arg: &__twilio::PathParams<'_>,
                    #body_arg: &mut __twilio::JsonFields,
                ) -> ::core::result::Result<Self, __twilio::FormDecodeError> {
                    ::core::result::Result::Ok(Self { #(#reads)* })
                }
            }
        };
    }
    let form_arg = if has_params { quote!(__twilio_form) } else { quote!(_) };
    // `#[inline]`: compiled only where called, see `methods.rs`.
    quote! {
        #[automatically_derived]
        impl __twilio::DecodeRequest for #name {
            #[inline]
            fn read_request(
                #path_arg: &__twilio::PathParams<'_>,
                #form_arg: &mut __twilio::FormPairs<'_>,
            ) -> ::core::result::Result<Self, __twilio::FormDecodeError> {
                ::core::result::Result::Ok(Self { #(#reads)* })
            }
        }
    }
}

pub fn expand_group_read(group: &Group<'_>) -> TokenStream {
    let name = group.ident;
    let (body, uses_form) = match &group.shape {
        GroupShape::Struct(fields) => {
            let reads = fields.iter().map(|field| field_read(field, false));
            (quote!(::core::result::Result::Ok(Self { #(#reads)* })), !fields.is_empty())
        }
        GroupShape::Enum(variants) => {
            let choices = variants.iter().map(variant_keys);
            let allowed = variants.iter().map(describe_variant).collect::<Vec<_>>().join("; ");
            let group_name = name.to_string();
            let last = variants.len().saturating_sub(1);
            let arms = variants.iter().enumerate().map(|(index, variant)| {
                let read = variant_read(variant);
                // The last arm takes every other index, so that the match needs no unreachable arm.
                if index == last { quote!(_ => #read,) } else { quote!(#index => #read,) }
            });
            let body = quote! {
                const __TWILIO_VARIANTS: &[__twilio::Variant] = &[#(#choices,)*];
                match __twilio::read_variant(
                    __twilio_form,
                    &<Self as __twilio::ParamGroup>::KEYS,
                    #group_name,
                    #allowed,
                    __TWILIO_VARIANTS,
                )? {
                    #(#arms)*
                }
            };
            (body, true)
        }
    };
    let form_arg = if uses_form { quote!(__twilio_form) } else { quote!(_) };
    quote! {
        #[automatically_derived]
        impl __twilio::ReadParams for #name {
            #[inline]
            fn read_params(
                #form_arg: &mut __twilio::FormPairs<'_>,
            ) -> ::core::result::Result<Self, __twilio::FormDecodeError> {
                #body
            }
        }
    }
}

/// `ident: value?,` for a field of an endpoint or a struct group, with the field's `#[cfg]`s. Every
/// token of the value is at the field's type, where rustc reports a type that cannot be read, as it
/// reports one that cannot be written.
fn field_read(field: &Field<'_>, json: bool) -> TokenStream {
    let ident = &field.ident;
    let cfgs = field.cfgs();
    let value = field_value(field, json);
    quote!(#(#cfgs)* #ident: #value,)
}

/// The expression that reads one field (`?` included); a parameter from the JSON body when `json`.
fn field_value(field: &Field<'_>, json: bool) -> TokenStream {
    let ty = &field.original.ty;
    let value = match &field.role {
        // The type of a path field is inferred from the field, and the call spans from the field's name
        // to its type, as the checks and the rendering of the path (`&self.field`) do: rustc reports a
        // type that is not a path parameter, or not an account, once for both directions.
        Role::Path { account: true, .. } => {
            // Through the type, at the type, as the path is written (`endpoint.rs`): a type that is not
            // an account is reported once for both.
            return quote_spanned!(ty.span()=> <#ty as __twilio::AccountParam>::from_path(__twilio_path)?);
        }
        Role::Path { placeholder, .. } => {
            let read = if field.sensitive {
                quote!(__twilio::PathParam::read_secret_segment(__twilio_path, #placeholder)?)
            } else {
                quote!(__twilio::PathParam::read_segment(__twilio_path, #placeholder)?)
            };
            let mut read: Vec<_> = respan(&read, ty.span()).into_iter().collect();
            read[0].set_span(field.ident.span());
            return read.into_iter().collect();
        }
        // Through the trait the field is written with, so that a type that cannot be a parameter is
        // reported once for both directions.
        Role::Param { key, .. } if json => {
            let shown = !field.sensitive;
            quote!(__twilio::JsonFields::member::<#ty>(__twilio_body, #key, #shown)?)
        }
        Role::Param { key, .. } => {
            let shown = if field.sensitive { quote!(Hidden) } else { quote!(Value) };
            quote!(<#ty as __twilio::ParamField>::read_param(__twilio_form, #key, __twilio::Shown::#shown)?)
        }
        Role::Flatten => quote!(<#ty as __twilio::ParamGroup>::read_group(__twilio_form)?),
    };
    respan(&value, ty.span())
}

/// `Ok(Self::Variant { ... })` once the variant is chosen (its constants already read).
fn variant_read(variant: &Variant<'_>) -> TokenStream {
    let ident = variant.ident;
    let value = match &variant.fields {
        VariantFields::Unit => quote!(Self::#ident),
        VariantFields::Newtype(field) => {
            let value = field_value(field, false);
            quote!(Self::#ident(#value))
        }
        VariantFields::Named(fields) => {
            let reads = fields.iter().map(|field| field_read(field, false));
            quote!(Self::#ident { #(#reads)* })
        }
    };
    quote!(::core::result::Result::Ok(#value))
}

fn fields<'v, 'a>(variant: &'v Variant<'a>) -> Vec<&'v Field<'a>> {
    match &variant.fields {
        VariantFields::Unit => Vec::new(),
        VariantFields::Newtype(field) => vec![field],
        VariantFields::Named(fields) => fields.iter().collect(),
    }
}

/// `Variant::new(constants, required keys, required groups, every key)` for `read_variant`.
fn variant_keys(variant: &Variant<'_>) -> TokenStream {
    let constants = variant.constants.iter().map(|(key, value)| {
        let text = constant_text(value);
        quote!((#key, #text))
    });
    let constant_keys = variant.constants.iter().map(|(key, _)| key);
    let mut required = Vec::new();
    let mut required_groups = Vec::new();
    let mut own = Vec::new();
    let mut groups = Vec::new();
    for field in fields(variant) {
        let cfgs: Vec<_> = field.cfgs().collect();
        let ty = &field.original.ty;
        match &field.role {
            Role::Param { key, .. } => {
                own.push(quote!(#(#cfgs)* #key));
                if matches!(field.presence, Presence::Required) {
                    required.push(quote!(#(#cfgs)* #key));
                }
            }
            Role::Flatten => {
                let keys = respan(&quote!(&<#ty as __twilio::ParamGroup>::KEYS), ty.span());
                groups.push(quote!(#(#cfgs)* #keys));
                if matches!(field.presence, Presence::Required) {
                    required_groups.push(quote!(#(#cfgs)* #keys));
                }
            }
            // `check` refuses path fields in a group.
            Role::Path { .. } => {}
        }
    }
    quote! {
        __twilio::Variant::new(
            &[#(#constants,)*],
            &[#(#required,)*],
            &[#(#required_groups,)*],
            __twilio::Keys::new(&[#(#constant_keys,)* #(#own,)*], &[#(#groups,)*]),
        )
    }
}

/// A constant as `FormValue` sends it: `true`, `42`, or the string's text.
fn constant_text(value: &syn::Lit) -> String {
    match value {
        syn::Lit::Bool(value) => value.value.to_string(),
        syn::Lit::Int(value) => value.base10_digits().to_owned(),
        syn::Lit::Str(value) => value.value(),
        // `parse` accepts only these three kinds of literal.
        other => quote!(#other).to_string(),
    }
}

/// A variant's keys for the error listing what a group allows: its constants and the keys it needs,
/// then those it may add, e.g. ``"`Coaching=true` with `CallSidToCoach`"`` or
/// ``"`ContentSid`, optionally with `Body`, `MediaUrl`"``. A list is needed when its `len` starts at 1.
fn describe_variant(variant: &Variant<'_>) -> String {
    let mut needed: Vec<String> =
        variant.constants.iter().map(|(key, value)| format!("`{key}={}`", constant_text(value))).collect();
    let mut optional = Vec::new();
    for field in fields(variant) {
        let text = match &field.role {
            Role::Param { key, .. } => format!("`{key}`"),
            Role::Flatten => format!("the keys of `{}`", crate::check::type_text(&field.original.ty)),
            Role::Path { .. } => continue,
        };
        let is_needed = match (&field.presence, &field.role) {
            (Presence::Required, _) => true,
            (Presence::List(_), Role::Param { len: Some(len), .. }) => len.min >= 1,
            _ => false,
        };
        if is_needed { needed.push(text) } else { optional.push(text) }
    }
    let mut text = match needed.split_first() {
        Some((first, [])) => first.clone(),
        Some((first, rest)) => format!("{first} with {}", rest.join(", ")),
        None => String::new(),
    };
    if !optional.is_empty() {
        let optional = optional.join(", ");
        text = if text.is_empty() {
            format!("any of {optional}")
        } else {
            format!("{text}, optionally with {optional}")
        };
    }
    text
}
