//! Stage one: the attribute's arguments and the struct's fields, read into raw views.
//!
//! Nothing here decides whether the endpoint makes sense; `check` does, on the whole picture.

mod args;
mod field;
mod template;

pub use args::{Args, HttpMethod};
pub use field::{FieldAttrs, RawRange};
pub use template::{Piece, Template};

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
    let fields = item
        .fields
        .iter()
        .filter_map(|original| {
            let attrs = errors.handle(<FieldAttrs as darling::FromField>::from_field(original))?;
            Some(RawField { original, attrs })
        })
        .collect();
    RawEndpoint { item, args, template, fields }
}
