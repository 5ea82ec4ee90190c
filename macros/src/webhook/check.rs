//! Stage two: turns the raw views into the checked model, reporting every mistake at once, each at the
//! token at fault.

use heck::ToUpperCamelCase as _;
use syn::ext::IdentExt as _;

use super::model::{Field, Kind, Webhook};
use super::parse::{RawField, RawWebhook};
use crate::check::check_crate_path;
use crate::krate::CratePath;

/// Checks what `parse` kept, adding to the mistakes it already reported, and builds the model when
/// there are none.
pub fn check<'a>(
    raw: RawWebhook<'a>,
    mut errors: darling::error::Accumulator,
) -> darling::Result<Webhook<'a>> {
    check_shape(raw.input, &mut errors);
    let fields: Vec<Field<'a>> =
        raw.fields.iter().filter_map(|field| check_field(field, &mut errors)).collect();
    check_one_other(&fields, &mut errors);
    check_distinct_keys(&fields, &mut errors);
    let krate = raw.krate.map(|path| errors.handle(check_crate_path(path)));
    errors.finish()?;
    Ok(Webhook { input: raw.input, krate: krate.flatten().unwrap_or(CratePath::Default), fields })
}

// A payload is a struct whose named fields are its parameters, of concrete types:
//
//     #[derive(Webhook)] enum Callback { Call(CallSid) }     // which key holds the SID?
//     #[derive(Webhook)] struct Callback(CallSid);          // no name to give a key
//     #[derive(Webhook)] struct Callback<T> { status: T }   // read as which type?
fn check_shape(input: &syn::DeriveInput, errors: &mut darling::error::Accumulator) {
    let named =
        matches!(&input.data, syn::Data::Struct(data) if matches!(data.fields, syn::Fields::Named(_)));
    if !named {
        let what = match &input.data {
            syn::Data::Struct(_) => "a struct without named fields",
            syn::Data::Enum(_) => "an enum",
            syn::Data::Union(_) => "a union",
        };
        errors.push(
            darling::Error::custom(format!(
                "`#[derive(Webhook)]` needs a struct with named fields, one per parameter Twilio sends, not {what}"
            ))
            .with_span(&input.ident),
        );
    }
    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        errors.push(
            darling::Error::custom(
                "`#[derive(Webhook)]` does not support generic parameters; use concrete types",
            )
            .with_span(&input.generics),
        );
    }
}

// Options that cannot go together on one field, and a key no form can carry:
//
//     #[twilio(other, rename = "Extra")]     // `other` takes every key left; it has none of its own
//     #[twilio(other, indexed)]              // which keys would it read?
//     #[twilio(rename = " ")]                // no key
//
// A field with such a mistake is still kept (`None` only without a name, which `check_shape` reports),
// so that the rules between fields report their own mistakes too.
fn check_field<'a>(raw: &RawField<'a>, errors: &mut darling::error::Accumulator) -> Option<Field<'a>> {
    let ident = raw.original.ident.as_ref()?;
    let attrs = &raw.attrs;
    if attrs.other.is_present() {
        if let Some(rename) = &attrs.rename {
            errors.push(
                darling::Error::custom(
                    "`rename` cannot be combined with `other`: the `other` field keeps every key no field reads, it has no key of its own",
                )
                .with_span(&rename.span()),
            );
        }
        if attrs.indexed.is_present() {
            errors.push(
                darling::Error::custom(
                    "`indexed` cannot be combined with `other` on one field: `indexed` reads `Key0`, `Key1`, ..., `other` every key no field reads",
                )
                .with_span(&attrs.indexed.span()),
            );
        }
        return Some(Field {
            original: raw.original,
            ident,
            kind: Kind::Other,
            sensitive: attrs.sensitive.is_present(),
        });
    }
    let key = match &attrs.rename {
        Some(rename) => {
            if rename.trim().is_empty() {
                errors
                    .push(darling::Error::custom("`rename` needs a non-empty key").with_span(&rename.span()));
            } else if rename.chars().any(char::is_control) {
                errors.push(
                    darling::Error::custom("`rename` takes a key without CR, LF or other control characters")
                        .with_span(&rename.span()),
                );
            }
            (**rename).clone()
        }
        None => ident.unraw().to_string().to_upper_camel_case(),
    };
    let kind = if attrs.indexed.is_present() { Kind::Indexed { prefix: key } } else { Kind::Param { key } };
    Some(Field { original: raw.original, ident, kind, sensitive: attrs.sensitive.is_present() })
}

// The pairs no field reads go to one field:
//
//     #[twilio(other)] pub extra: OtherParams,
//     #[twilio(other)] pub more: OtherParams,     // which one gets `AddedLater=1`?
fn check_one_other(fields: &[Field<'_>], errors: &mut darling::error::Accumulator) {
    let mut others = fields.iter().filter(|field| matches!(field.kind, Kind::Other));
    let Some(first) = others.next() else { return };
    for field in others {
        errors.push(
            darling::Error::custom(format!(
                "fields `{}` and `{}` are both `#[twilio(other)]`; the keys no field reads go to one field only",
                first.ident, field.ident
            ))
            .with_span(field.ident),
        );
    }
}

// No key may be read by two fields, also through `rename` or an index:
//
//     pub media_url0: Option<Url>,
//     #[twilio(indexed, rename = "MediaUrl")] pub media: Vec<Url>,     // both read `MediaUrl0`
fn check_distinct_keys(fields: &[Field<'_>], errors: &mut darling::error::Accumulator) {
    for (index, field) in fields.iter().enumerate() {
        let Some(earlier) = fields[..index].iter().find(|earlier| overlap(earlier, field).is_some()) else {
            continue;
        };
        let key = overlap(earlier, field).unwrap_or_default();
        errors.push(
            darling::Error::custom(format!(
                "fields `{}` and `{}` both read the key `{key}`; give one of them another `rename`",
                earlier.ident, field.ident
            ))
            .with_span(field.ident),
        );
    }
}

/// A key both fields read, if there is one.
fn overlap(a: &Field<'_>, b: &Field<'_>) -> Option<String> {
    match (&a.kind, &b.kind) {
        (Kind::Param { key: a }, Kind::Param { key: b }) => (a == b).then(|| a.clone()),
        (Kind::Param { key }, Kind::Indexed { prefix }) | (Kind::Indexed { prefix }, Kind::Param { key }) => {
            is_indexed_key(key, prefix).then(|| key.clone())
        }
        // `Media` and `Media1` both read `Media10`; the shorter's index 10 is the longer's index 0.
        (Kind::Indexed { prefix: a }, Kind::Indexed { prefix: b }) => {
            let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
            let rest = long.strip_prefix(short.as_str())?;
            rest.bytes().all(|byte| byte.is_ascii_digit()).then(|| format!("{long}0"))
        }
        (Kind::Other, _) | (_, Kind::Other) => None,
    }
}

/// Whether `key` is one of `prefix0`, `prefix1`, ... as `take_indexed` reads them (no leading zero).
fn is_indexed_key(key: &str, prefix: &str) -> bool {
    key.strip_prefix(prefix).is_some_and(|index| {
        !index.is_empty()
            && index.bytes().all(|byte| byte.is_ascii_digit())
            && (index == "0" || !index.starts_with('0'))
    })
}
