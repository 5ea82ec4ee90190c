//! What the attribute expands to when the input has mistakes: the errors, the user's struct (so that
//! its other uses still resolve) and stubs of the generated methods (so that every call to `send` does
//! not add an error of its own to the real ones).

use proc_macro2::TokenStream;
use quote::quote;

use crate::emit::strip_helper_attrs;

pub fn expand(item: &syn::ItemStruct, errors: darling::Error) -> TokenStream {
    let errors = errors.write_errors();
    let item = strip_helper_attrs(item);
    let name = &item.ident;
    let vis = &item.vis;
    quote! {
        #errors
        #item
        impl #name {
            #vis fn validate(&self) -> ::core::result::Result<(), ::core::convert::Infallible> {
                ::core::unreachable!()
            }
            #vis fn to_form(&self) -> ::std::string::String {
                ::core::unreachable!()
            }
            #vis async fn send<__TwilioClient>(&self, _: &__TwilioClient) -> ::core::result::Result<(), ::core::convert::Infallible> {
                ::core::unreachable!()
            }
        }
    }
}

/// The attribute was put on something other than a struct.
pub fn not_a_struct(item: TokenStream) -> TokenStream {
    let error = syn::Error::new_spanned(
        item.clone().into_iter().take(3).collect::<TokenStream>(),
        "`#[twilio_endpoint]` applies to a struct with named fields, one per Twilio parameter",
    )
    .to_compile_error();
    quote!(#error #item)
}

/// A group with mistakes: the errors, and an empty `impl Params` so that the endpoints flattening the
/// group do not each report a missing implementation.
pub fn expand_group(input: &syn::DeriveInput, errors: darling::Error) -> TokenStream {
    let errors = errors.write_errors();
    let name = &input.ident;
    quote! {
        #errors
        impl ::twilio_endpoint::__private::Params for #name {
            fn check(&self, _: &mut ::twilio_endpoint::__private::ValidationErrors) {}
            fn write_params(&self, _: &mut ::twilio_endpoint::__private::FormWriter) {}
        }
    }
}
