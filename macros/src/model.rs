//! The checked model of an endpoint: what `emit` relies on being true.

use proc_macro2::Span;

use crate::krate::CratePath;
use crate::parse::{RequestMethod, Template};

pub struct Endpoint<'a> {
    pub item: &'a syn::ItemStruct,
    pub krate: CratePath,
    pub method: RequestMethod,
    pub template: Template,
    pub response: Response,
    pub validate_with: Option<syn::Path>,
    pub fields: Vec<Field<'a>>,
}

pub enum Response {
    /// `response = ()`: the operation answers `204 No Content`.
    Empty,
    /// A JSON body decoded into this type (`serde_json::Value` when the attribute names none).
    Json(Option<Box<syn::Type>>),
}

pub struct Field<'a> {
    pub original: &'a syn::Field,
    /// The field's name; for the value of a newtype variant, the binding that holds it.
    pub ident: syn::Ident,
    pub role: Role,
    pub presence: Presence<'a>,
    pub sensitive: bool,
}

pub enum Role {
    /// Fills `{placeholder}` in the path.
    Path { placeholder: String },
    /// A form or query parameter sent under `key`.
    Param { key: String, range: Option<Bounds>, len: Option<Bounds> },
    /// A group of parameters (`Params`) written in place.
    Flatten,
}

/// How a field is given, read from its type's syntax (`Option<T>`, `Vec<T>`, anything else).
pub enum Presence<'a> {
    Required,
    Optional(&'a syn::Type),
    List(&'a syn::Type),
}

/// An inclusive, non-empty range from `range = ` or `len = `.
pub struct Bounds {
    pub min: i128,
    pub max: i128,
    pub span: Span,
}

impl Field<'_> {
    /// `#[cfg]` attributes, repeated on everything generated for the field.
    pub fn cfgs(&self) -> impl Iterator<Item = &syn::Attribute> {
        self.original.attrs.iter().filter(|attr| attr.path().is_ident("cfg"))
    }

    /// Doc comments, carried over to the field's setter.
    pub fn docs(&self) -> impl Iterator<Item = &syn::Attribute> {
        self.original.attrs.iter().filter(|attr| attr.path().is_ident("doc"))
    }
}

/// A group of parameters (`#[derive(Params)]`), written in place of a `flatten` field.
pub struct Group<'a> {
    pub ident: &'a syn::Ident,
    pub shape: GroupShape<'a>,
}

pub enum GroupShape<'a> {
    /// Every field is sent, as in an endpoint.
    Struct(Vec<Field<'a>>),
    /// Exactly one variant is sent: how "exactly one of", "at least one of" and "requires" are spelled
    /// in types.
    Enum(Vec<Variant<'a>>),
}

pub struct Variant<'a> {
    pub ident: &'a syn::Ident,
    /// Pairs sent before the variant's fields, e.g. `Coaching=true`.
    pub constants: Vec<(String, syn::Lit)>,
    pub fields: VariantFields<'a>,
}

pub enum VariantFields<'a> {
    Unit,
    /// `Url(Url)`: one parameter, whose key is the variant's name.
    Newtype(Field<'a>),
    Named(Vec<Field<'a>>),
}
