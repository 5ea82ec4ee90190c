//! A group variant's `#[twilio(...)]` options: the constant pairs it sends besides its fields.

use darling::util::SpannedValue;
use darling::{FromMeta, FromVariant};

#[derive(FromVariant)]
#[darling(attributes(twilio))]
pub struct VariantAttrs {
    /// `with(Coaching = true, ...)`: pairs sent whenever this variant is chosen, before its fields.
    #[darling(default)]
    pub with: Option<SpannedValue<Constants>>,
}

/// `Key = literal` pairs, in the order written.
#[derive(Default)]
pub struct Constants(pub Vec<(syn::Ident, syn::Lit)>);

impl FromMeta for Constants {
    fn from_list(items: &[darling::ast::NestedMeta]) -> darling::Result<Self> {
        let mut errors = darling::Error::accumulator();
        let mut pairs = Vec::new();
        for item in items {
            let pair = match item {
                darling::ast::NestedMeta::Meta(syn::Meta::NameValue(pair)) => pair,
                other => {
                    errors.push(
                        darling::Error::custom("expected `Key = value`, e.g. `with(Coaching = true)`")
                            .with_span(other),
                    );
                    continue;
                }
            };
            let key = pair.path.get_ident().cloned();
            let value = match &pair.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: lit @ (syn::Lit::Str(_) | syn::Lit::Bool(_) | syn::Lit::Int(_)),
                    ..
                }) => Some(lit.clone()),
                other => {
                    errors.push(
                        darling::Error::custom("a constant is a string, boolean or integer literal")
                            .with_span(other),
                    );
                    None
                }
            };
            match (key, value) {
                (Some(key), Some(value)) => pairs.push((key, value)),
                (None, _) => errors.push(
                    darling::Error::custom(
                        "the key of a constant is the Twilio parameter's name, e.g. `Coaching`",
                    )
                    .with_span(&pair.path),
                ),
                _ => {}
            }
        }
        errors.finish_with(Constants(pairs))
    }
}
