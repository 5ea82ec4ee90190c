//! The path through which generated code reaches the runtime: `::twilio_endpoint` unless the
//! attribute says `crate = ::some::reexport`.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};

pub enum CratePath {
    Default,
    Explicit(syn::Path),
}

impl ToTokens for CratePath {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match self {
            CratePath::Default => tokens.extend(quote!(::twilio_endpoint)),
            CratePath::Explicit(path) => path.to_tokens(tokens),
        }
    }
}
