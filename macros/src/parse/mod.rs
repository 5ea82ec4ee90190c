//! Stage one: the attribute's arguments and the struct's fields, read into raw views.
//!
//! Nothing here decides whether the endpoint makes sense; `check` does, on the whole picture.

mod args;
mod field;
mod group;
mod template;
mod variant;

use darling::FromDeriveInput as _;

pub use args::{Args, BodyKind, RequestMethod, Salvaged};
pub use field::{FieldAttrs, RawRange};
pub use template::{Piece, Template};
pub use variant::VariantAttrs;

/// Everything the attribute was given that could be parsed; what could not was reported.
pub struct RawEndpoint<'a> {
    pub item: &'a syn::ItemStruct,
    pub args: Option<Args>,
    pub template: Option<Template>,
    pub fields: Vec<RawField<'a>>,
}

pub struct RawField<'a> {
    pub original: &'a syn::Field,
    pub attrs: FieldAttrs,
}

/// Parses the arguments and every field, reporting each mistake into `errors` and keeping what parsed,
/// so that `check` can still report the mistakes in the rest.
pub fn parse<'a>(
    args: proc_macro2::TokenStream,
    item: &'a syn::ItemStruct,
    errors: &mut darling::error::Accumulator,
) -> RawEndpoint<'a> {
    let args = errors.handle(syn::parse2::<Args>(args).map_err(darling::Error::from));
    let template = args.as_ref().and_then(|args| errors.handle(template::parse(&args.path)));
    let fields = parse_fields(&item.fields, errors);
    RawEndpoint { item, args, template, fields }
}

/// A `#[derive(Params)]` input that could be parsed; what could not was reported.
pub struct RawGroup<'a> {
    pub input: &'a syn::DeriveInput,
    /// `crate = ...` when the group's options parsed and gave one.
    pub krate: Option<syn::Path>,
    pub shape: RawShape<'a>,
}

pub enum RawShape<'a> {
    Struct(Vec<RawField<'a>>),
    Enum(Vec<RawVariant<'a>>),
    /// Not a shape a group can have; `check` says so.
    Union,
}

pub struct RawVariant<'a> {
    pub original: &'a syn::Variant,
    pub attrs: VariantAttrs,
    pub fields: Vec<RawField<'a>>,
}

/// Parses a group's fields and variants, reporting each mistake into `errors`.
pub fn parse_group<'a>(
    input: &'a syn::DeriveInput,
    errors: &mut darling::error::Accumulator,
) -> RawGroup<'a> {
    let krate = errors.handle(group::GroupAttrs::from_derive_input(input)).and_then(|attrs| attrs.krate);
    let shape = match &input.data {
        syn::Data::Struct(data) => RawShape::Struct(parse_fields(&data.fields, errors)),
        syn::Data::Enum(data) => RawShape::Enum(
            data.variants
                .iter()
                .filter_map(|original| {
                    let fields = parse_fields(&original.fields, errors);
                    let attrs =
                        errors.handle(<VariantAttrs as darling::FromVariant>::from_variant(original))?;
                    Some(RawVariant { original, attrs, fields })
                })
                .collect(),
        ),
        syn::Data::Union(_) => RawShape::Union,
    };
    RawGroup { input, krate, shape }
}

fn parse_fields<'a>(fields: &'a syn::Fields, errors: &mut darling::error::Accumulator) -> Vec<RawField<'a>> {
    fields
        .iter()
        .filter_map(|original| {
            let attrs = errors.handle(<FieldAttrs as darling::FromField>::from_field(original))?;
            Some(RawField { original, attrs })
        })
        .collect()
}
