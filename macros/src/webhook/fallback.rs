//! What the derive expands to when the input has mistakes: the errors, and stubs of `impl Webhook` and
//! `impl Debug`, so that the code decoding or logging the payload adds no error of its own to the real
//! ones. Their bodies never run: the crate does not compile.

use proc_macro2::TokenStream;
use quote::quote;

use crate::check::check_crate_path;
use crate::krate::CratePath;

pub fn expand(input: &syn::DeriveInput, krate: Option<syn::Path>, errors: darling::Error) -> TokenStream {
    let errors = errors.write_errors();
    // A relative path is one of the mistakes reported; the stubs then name the default.
    let krate = krate.and_then(|path| check_crate_path(path).ok()).unwrap_or(CratePath::Default);
    let name = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #errors
        const _: () = {
            use #krate::__private::webhook as __twilio;

            #[automatically_derived]
            impl #impl_generics __twilio::Webhook for #name #ty_generics #where_clause {
                fn from_pairs(
                    _: __twilio::FormPairs<'_>,
                ) -> ::core::result::Result<Self, __twilio::FormDecodeError> {
                    ::core::unreachable!()
                }
            }

            #[automatically_derived]
            impl #impl_generics ::core::fmt::Debug for #name #ty_generics #where_clause {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::unreachable!()
                }
            }
        };
    }
}
