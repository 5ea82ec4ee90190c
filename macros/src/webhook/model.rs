//! The checked model of a payload: what `emit` relies on being true.

use crate::krate::CratePath;

pub struct Webhook<'a> {
    pub input: &'a syn::DeriveInput,
    pub krate: CratePath,
    pub fields: Vec<Field<'a>>,
}

pub struct Field<'a> {
    pub original: &'a syn::Field,
    pub ident: &'a syn::Ident,
    pub kind: Kind,
    pub sensitive: bool,
}

pub enum Kind {
    /// One parameter under `key`: a value, an `Option` or a `Vec` of repeated keys.
    Param { key: String },
    /// `prefix0`, `prefix1`, ... into a `Vec`.
    Indexed { prefix: String },
    /// Whatever no other field read; at most one field has this kind, and it is read last.
    Other,
}

impl Field<'_> {
    /// `#[cfg]` attributes, repeated on everything generated for the field.
    pub fn cfgs(&self) -> impl Iterator<Item = &syn::Attribute> {
        self.original.attrs.iter().filter(|attr| attr.path().is_ident("cfg"))
    }
}
