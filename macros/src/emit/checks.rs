//! The checks left to the compiler, as constants: what depends on another declaration (the keys of a
//! flattened group) or on what a type is (the integer behind a type alias) cannot be checked from one
//! declaration's syntax. Also a group's keys, for the endpoints that flatten it.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned as _;

use super::params::respan;
use crate::model::{Field, Group, GroupShape, Presence, Role, Variant, VariantFields};

/// `const _: () = check_unique_keys(...)` over `fields` (and `constants`, a variant's fixed pairs),
/// when one of them is a flattened group: keys among plain fields and constants are compared by
/// `check`, so the constant compares each group with the rest.
pub fn expand_key_check(fields: &[&Field<'_>], constants: &[String], span: Span) -> TokenStream {
    if !fields.iter().any(|field| matches!(field.role, Role::Flatten)) {
        return TokenStream::new();
    }
    let constants = constants.iter().map(|key| {
        let what = format!("the constant `{key}`");
        quote!((#what, #key))
    });
    let mut plain = Vec::new();
    let mut groups = Vec::new();
    for field in fields {
        let cfgs = field.cfgs();
        match &field.role {
            Role::Path { .. } => {}
            Role::Param { key, .. } => {
                let what = format!("the field `{}`", field.ident);
                plain.push(quote!(#(#cfgs)* (#what, #key)));
            }
            Role::Flatten => {
                let what = flattened_group(field, fields);
                let keys = group_keys(field);
                groups.push(quote!(#(#cfgs)* __twilio::KeySource::new(#what, #keys)));
            }
        }
    }
    // At the declaration, whose keys are sent twice.
    quote_spanned! {span=>
        const _: () = __twilio::check_unique_keys(&[#(#constants,)* #(#plain,)*], &[#(#groups,)*]);
    }
}

/// A constant per flattened group that fails to compile when the group sends a key that is a
/// placeholder of the path (a group's `account_sid` would send `AccountSid` in the body while the
/// path holds the client's account); `check` refuses the same of a plain field.
pub fn expand_placeholder_check(fields: &[Field<'_>], placeholders: &[String]) -> TokenStream {
    if placeholders.is_empty() {
        return TokenStream::new();
    }
    let checks = fields.iter().filter(|field| matches!(field.role, Role::Flatten)).map(|field| {
        let cfgs = field.cfgs();
        let what = format!("the flattened group `{}`", group_name(field));
        let keys = group_keys(field);
        // At the field, whose group sends the key.
        quote_spanned! {field.ident.span()=>
            #(#cfgs)* const _: () = __twilio::check_keys_not_in_path(
                &[#(#placeholders),*],
                __twilio::KeySource::new(#what, #keys),
            );
        }
    });
    quote!(#(#checks)*)
}

/// A constant per ranged field that fails to compile when the range does not fit the integer the
/// field holds, which may hide behind a type alias.
pub fn expand_range_checks<'f, 'a: 'f>(fields: impl IntoIterator<Item = &'f Field<'a>>) -> TokenStream {
    let checks = fields.into_iter().filter_map(|field| {
        let Role::Param { key, range: Some(range), .. } = &field.role else { return None };
        let cfgs = field.cfgs();
        let ty = &field.original.ty;
        // Every token at the span of the field's runtime check, so that rustc reports a type that is
        // not an integer once.
        let int = respan(&quote!(<#ty as __twilio::RangeField>::Int), ty.span());
        let (min, max) = (Literal::i128_unsuffixed(range.min), Literal::i128_unsuffixed(range.max));
        // The call at the range, where the message points.
        Some(quote_spanned! {range.span=>
            #(#cfgs)* const _: () = __twilio::check_range_fits::<#int>(#key, #min, #max);
        })
    });
    quote!(#(#checks)*)
}

/// `impl ParamGroup`: every key the group may send (for an enum, any variant's) and the groups it
/// flattens; and the group's own check, for a struct or a variant that flattens another group.
pub fn expand_group_keys(group: &Group<'_>) -> TokenStream {
    let name = group.ident;
    let (all_fields, constants, own_checks): (Vec<&Field<'_>>, Vec<&str>, TokenStream) = match &group.shape {
        GroupShape::Struct(fields) => {
            let fields: Vec<&Field<'_>> = fields.iter().collect();
            let check = expand_key_check(&fields, &[], name.span());
            (fields, Vec::new(), check)
        }
        GroupShape::Enum(variants) => {
            let fields = variants.iter().flat_map(variant_fields).collect();
            let constants = variants
                .iter()
                .flat_map(|variant| variant.constants.iter().map(|(key, _)| key.as_str()))
                .collect();
            let checks = variants.iter().map(|variant| {
                let keys: Vec<String> = variant.constants.iter().map(|(key, _)| key.clone()).collect();
                expand_key_check(&variant_fields(variant), &keys, variant.ident.span())
            });
            (fields, constants, quote!(#(#checks)*))
        }
    };
    let own = all_fields.iter().filter_map(|field| {
        let Role::Param { key, .. } = &field.role else { return None };
        let cfgs = field.cfgs();
        Some(quote!(#(#cfgs)* #key))
    });
    let groups = all_fields.iter().filter(|field| matches!(field.role, Role::Flatten)).map(|field| {
        let cfgs = field.cfgs();
        let keys = group_keys(field);
        quote!(#(#cfgs)* &#keys)
    });
    quote! {
        #[automatically_derived]
        impl __twilio::ParamGroup for #name {
            const KEYS: __twilio::Keys = __twilio::Keys::new(&[#(#constants,)* #(#own,)*], &[#(#groups,)*]);
        }
        #own_checks
    }
}

fn variant_fields<'v, 'a>(variant: &'v Variant<'a>) -> Vec<&'v Field<'a>> {
    match &variant.fields {
        VariantFields::Unit => Vec::new(),
        VariantFields::Newtype(field) => vec![field],
        VariantFields::Named(fields) => fields.iter().collect(),
    }
}

/// `<T as ParamGroup>::KEYS` for a flattened field, at its type, where a type that is not a group is
/// reported.
fn group_keys(field: &Field<'_>) -> TokenStream {
    let ty = &field.original.ty;
    // Every token at the span of the group's other uses, so that rustc reports a type that is not a
    // group once.
    respan(&quote!(<#ty as __twilio::ParamGroup>::KEYS), ty.span())
}

/// A flattened group for a message, e.g. ``the flattened group `Callbacks` ``; with the field that
/// flattens it when another field flattens the same group, so that the two are told apart.
fn flattened_group(field: &Field<'_>, fields: &[&Field<'_>]) -> String {
    let name = group_name(field);
    let twice = fields
        .iter()
        .filter(|other| matches!(other.role, Role::Flatten) && group_name(other) == name)
        .nth(1)
        .is_some();
    match &field.original.ident {
        Some(ident) if twice => format!("the flattened group `{name}` of the field `{ident}`"),
        _ => format!("the flattened group `{name}`"),
    }
}

/// The group a flattened field holds, as written: `Callbacks` for `Option<Callbacks>`.
fn group_name(field: &Field<'_>) -> String {
    let ty = match field.presence {
        Presence::Optional(inner) => inner,
        Presence::Required | Presence::List(_) => &field.original.ty,
    };
    crate::check::type_text(ty)
}
