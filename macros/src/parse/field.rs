//! One field's `#[twilio(...)]` options, read by darling.

use darling::util::{Flag, Override, SpannedValue};
use darling::{FromField, FromMeta};
use proc_macro2::Span;
use syn::spanned::Spanned as _;

#[derive(FromField)]
#[darling(attributes(twilio))]
pub struct FieldAttrs {
    /// `path` (the placeholder named after the field) or `path = "Name"`.
    #[darling(default)]
    pub path: Option<SpannedValue<Override<String>>>,
    #[darling(default)]
    pub rename: Option<SpannedValue<String>>,
    #[darling(default)]
    pub range: Option<RawRange>,
    #[darling(default)]
    pub len: Option<RawRange>,
    pub sensitive: Flag,
    pub flatten: Flag,
}

/// A range as written, `A..=B` or `A..B`; whether it is empty or inverted is for `check` to say.
pub struct RawRange {
    pub start: Option<i128>,
    pub end: Option<(i128, bool)>,
    pub span: Span,
}

impl FromMeta for RawRange {
    fn from_expr(expr: &syn::Expr) -> darling::Result<Self> {
        let syn::Expr::Range(range) = expr else {
            return Err(darling::Error::custom("expected a range of integer literals, e.g. `5..=600`")
                .with_span(expr));
        };
        let start = range.start.as_deref().map(int_literal).transpose()?;
        let inclusive = matches!(range.limits, syn::RangeLimits::Closed(_));
        let end = range.end.as_deref().map(int_literal).transpose()?.map(|end| (end, inclusive));
        Ok(RawRange { start, end, span: expr.span() })
    }
}

fn int_literal(expr: &syn::Expr) -> darling::Result<i128> {
    let (negative, inner) = match expr {
        syn::Expr::Unary(syn::ExprUnary { op: syn::UnOp::Neg(_), expr, .. }) => (true, &**expr),
        other => (false, other),
    };
    if let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(int), .. }) = inner {
        let value: i128 = int.base10_parse()?;
        return Ok(if negative { -value } else { value });
    }
    Err(darling::Error::custom("expected an integer literal").with_span(expr))
}
