//! A group's own `#[twilio(...)]` options, on the struct or enum: `crate = ::some::reexport`, as the
//! attribute's.

use darling::FromDeriveInput;

#[derive(FromDeriveInput)]
#[darling(attributes(twilio))]
pub struct GroupAttrs {
    #[darling(default, rename = "crate")]
    pub krate: Option<syn::Path>,
}
