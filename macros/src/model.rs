//! The checked model of an endpoint: what `emit` relies on being true.

use proc_macro2::Span;

use crate::krate::CratePath;
use crate::parse::{BodyKind, RequestMethod};

pub struct Endpoint<'a> {
    pub item: &'a syn::ItemStruct,
    pub krate: CratePath,
    pub method: RequestMethod,
    /// `body = json`: the parameters are the members of one JSON object, the body of a `POST` or `PUT`.
    pub body: BodyKind,
    /// The path literal, as written.
    pub template: syn::LitStr,
    /// `host = "..."`, checked to be a product's host name; `None` leaves the runtime's default, `api`.
    pub host: Option<syn::LitStr>,
    /// The path, each placeholder resolved to what fills it.
    pub path: Vec<PathPiece>,
    /// The names of the path's placeholders (`AccountSid`, `Sid`, ...): no flattened group may send
    /// one as a parameter, which only the compiler can check, as it knows the groups' keys.
    pub placeholders: Vec<String>,
    pub response: Response,
    pub validate_with: Option<syn::Path>,
    pub fields: Vec<Field<'a>>,
}

pub enum PathPiece {
    Literal(String),
    /// A placeholder filled by the path field at this index of `Endpoint::fields`.
    Field(usize),
    /// `{AccountSid}`: the account of the request's path field at this index when it sets one,
    /// otherwise the client's.
    Account(Option<usize>),
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
    /// Fills `{placeholder}` in the path; `account` when the placeholder is `{AccountSid}`, whose field
    /// is an `AccountSid` (or its `Option`) and needs no check of its text.
    Path { placeholder: String, account: bool },
    /// A form or query parameter sent under `key`; of a `body = json` endpoint, the JSON member.
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

impl<'a> Presence<'a> {
    pub fn of(ty: &'a syn::Type) -> Self {
        let syn::Type::Path(path) = ty else { return Presence::Required };
        let Some(last) = path.path.segments.last() else { return Presence::Required };
        let syn::PathArguments::AngleBracketed(args) = &last.arguments else { return Presence::Required };
        let inner = match args.args.first() {
            Some(syn::GenericArgument::Type(inner)) if args.args.len() == 1 => inner,
            _ => return Presence::Required,
        };
        match last.ident.to_string().as_str() {
            "Option" => Presence::Optional(inner),
            "Vec" => Presence::List(inner),
            _ => Presence::Required,
        }
    }
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
    pub krate: CratePath,
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
    /// `Url(Url)`: one parameter, whose key is the variant's name; the field's `ident` is the binding
    /// that holds its value.
    Newtype(Field<'a>),
    Named(Vec<Field<'a>>),
}
