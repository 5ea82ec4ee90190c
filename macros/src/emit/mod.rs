//! Stage three: the code for a checked endpoint. Each piece is its own file; all of them go into one
//! `const _: () = { ... };` block that imports the runtime under a private name.

mod checks;
mod debug;
mod decode;
mod endpoint;
mod group;
mod methods;
mod params;

use proc_macro2::TokenStream;
use quote::quote;

pub use debug::expand_redacted_debug;
pub use group::expand_group;
pub use methods::{bounds_name, bounds_type, expand_new, expand_request_methods, expand_setter};

use crate::model::{Endpoint, Response};

pub fn expand(endpoint: &Endpoint<'_>) -> TokenStream {
    let item = strip_helper_attrs(endpoint.item);
    let krate = &endpoint.krate;
    let params = params::expand_params(endpoint);
    let endpoint_impl = endpoint::expand_endpoint(endpoint);
    let debug = debug::expand_debug(endpoint);
    let decode = decode::expand_decode(endpoint);
    let methods = methods::expand_methods(endpoint);
    let fields: Vec<_> = endpoint.fields.iter().collect();
    let keys = checks::expand_key_check(&fields, &[], endpoint.item.ident.span());
    let placeholder_keys = checks::expand_placeholder_check(&endpoint.fields, &endpoint.placeholders);
    let ranges = checks::expand_range_checks(&endpoint.fields);
    quote! {
        #item
        const _: () = {
            use #krate::__private as __twilio;
            #params
            #endpoint_impl
            #debug
            #decode
            #methods
            #keys
            #placeholder_keys
            #ranges
        };
    }
}

/// The struct as the user wrote it, without the `#[twilio(...)]` helper attributes rustc would reject.
pub fn strip_helper_attrs(item: &syn::ItemStruct) -> syn::ItemStruct {
    let mut item = item.clone();
    for field in item.fields.iter_mut() {
        field.attrs.retain(|attr| !attr.path().is_ident("twilio"));
    }
    item
}

/// The type `send` returns on success.
fn response_type(endpoint: &Endpoint<'_>) -> TokenStream {
    match &endpoint.response {
        Response::Empty => quote!(()),
        Response::Json(Some(ty)) => quote!(#ty),
        Response::Json(None) => quote!(__twilio::serde_json::Value),
    }
}
