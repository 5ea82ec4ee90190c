//! What the attribute expands to when the input has mistakes: the errors, the user's struct (so that
//! its other uses still resolve) and stubs with the real signatures of everything generated (`new`,
//! the setters, the bounds constants, `validate`, `to_form`, `send`, `preview`, `extra_param`, the
//! trait impls, `DecodeRequest` and a group's `ReadParams` among them), so that code
//! using the endpoint adds no error of its own to the real ones. The stubs are built from what parsed:
//! a field whose options are broken still has a name and a type. Their bodies never run: the crate
//! does not compile.

use proc_macro2::TokenStream;
use quote::{ToTokens as _, quote};
use syn::Token;
use syn::punctuated::Punctuated;

use crate::check::{ACCOUNT_PLACEHOLDER, GENERATED_METHODS, check_crate_path};
use crate::emit::{
    bounds_name, bounds_type, expand_new, expand_request_methods, expand_setter, strip_helper_attrs,
};
use crate::krate::CratePath;
use crate::model::{Field, Presence, Role};
use crate::parse::Salvaged;

pub fn expand(args: TokenStream, item: &syn::ItemStruct, errors: darling::Error) -> TokenStream {
    let errors = errors.write_errors();
    let salvaged: Salvaged = syn::parse2(args).unwrap_or_default();
    let krate = salvaged_crate(salvaged.krate);
    let response = match &salvaged.response {
        Some(ty) => quote!(#ty),
        None => quote!(__twilio::serde_json::Value),
    };
    let stripped = strip_helper_attrs(item);
    let name = &item.ident;
    let vis = &item.vis;
    let (impl_generics, ty_generics, where_clause) = item.generics.split_for_impl();
    let fields = salvage_fields(item);
    // `send`'s future captures what `async fn` would: its lifetimes and the struct's parameters.
    let captured: Vec<_> = item
        .generics
        .params
        .iter()
        .map(|param| match param {
            syn::GenericParam::Lifetime(param) => param.lifetime.to_token_stream(),
            syn::GenericParam::Type(param) => param.ident.to_token_stream(),
            syn::GenericParam::Const(param) => param.ident.to_token_stream(),
        })
        .collect();
    let request_methods = expand_request_methods(vis, &response, &captured);
    // `Self { .. }` needs every field by name; a struct without named fields gets no constructor.
    let (constructor, setters, bounds) = if matches!(item.fields, syn::Fields::Named(_)) {
        let setters: Vec<_> = fields
            .iter()
            .filter(|field| !GENERATED_METHODS.contains(&field.ident.to_string().as_str()))
            .filter_map(expand_setter)
            .collect();
        let bounds: Vec<_> =
            fields.iter().filter(|field| declares_range(field.original)).map(stub_bounds).collect();
        (expand_new(vis, &fields), setters, bounds)
    } else {
        (TokenStream::new(), Vec::new(), Vec::new())
    };
    quote! {
        #errors
        #stripped
        const _: () = {
            use #krate::__private as __twilio;

            #[automatically_derived]
            impl #impl_generics #name #ty_generics #where_clause {
                #(#bounds)*
                #constructor
                #(#setters)*

                #request_methods
            }

            #[automatically_derived]
            impl #impl_generics __twilio::Params for #name #ty_generics #where_clause {
                fn check(&self, _: &mut __twilio::ValidationErrors) {
                    ::core::unreachable!()
                }

                fn write_params(&self, _: &mut __twilio::FormWriter) {
                    ::core::unreachable!()
                }
            }

            #[automatically_derived]
            impl #impl_generics __twilio::Endpoint for #name #ty_generics #where_clause {
                const METHOD: __twilio::Method = __twilio::Method::Post;
                const PATH: &'static str = "";
                type Response = #response;

                fn write_path(&self, _: &__twilio::AccountSid, _: &mut __twilio::PathWriter) {
                    ::core::unreachable!()
                }

                fn decode_response(
                    _: &[u8],
                ) -> ::core::result::Result<Self::Response, __twilio::serde_json::Error> {
                    ::core::unreachable!()
                }
            }

            #[automatically_derived]
            impl #impl_generics __twilio::DecodeRequest for #name #ty_generics #where_clause {
                fn read_request(
                    _: &__twilio::PathParams<'_>,
                    _: &mut __twilio::FormPairs<'_>,
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

/// The attribute was put on something other than a struct.
pub fn not_a_struct(item: TokenStream) -> TokenStream {
    let error = syn::Error::new_spanned(
        item.clone().into_iter().take(3).collect::<TokenStream>(),
        "`#[twilio_endpoint]` applies to a struct with named fields, one per Twilio parameter",
    )
    .to_compile_error();
    quote!(#error #item)
}

/// A group with mistakes: the errors, and empty `impl Params`, `impl ReadParams` and `impl ParamGroup`
/// so that the endpoints flattening the group do not each report a missing implementation.
pub fn expand_group(
    input: &syn::DeriveInput,
    krate: Option<syn::Path>,
    errors: darling::Error,
) -> TokenStream {
    let errors = errors.write_errors();
    let krate = salvaged_crate(krate);
    let name = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #errors
        const _: () = {
            use #krate::__private as __twilio;

            #[automatically_derived]
            impl #impl_generics __twilio::Params for #name #ty_generics #where_clause {
                fn check(&self, _: &mut __twilio::ValidationErrors) {}
                fn write_params(&self, _: &mut __twilio::FormWriter) {}
            }

            #[automatically_derived]
            impl #impl_generics __twilio::ReadParams for #name #ty_generics #where_clause {
                fn read_params(
                    _: &mut __twilio::FormPairs<'_>,
                ) -> ::core::result::Result<Self, __twilio::FormDecodeError> {
                    ::core::unreachable!()
                }
            }

            #[automatically_derived]
            impl #impl_generics __twilio::ParamGroup for #name #ty_generics #where_clause {
                const KEYS: __twilio::Keys = __twilio::Keys::new(&[], &[]);
            }
        };
    }
}

/// `crate = ...` when it was given and is absolute (a relative one is one of the mistakes reported).
fn salvaged_crate(path: Option<syn::Path>) -> CratePath {
    path.and_then(|path| check_crate_path(path).ok()).unwrap_or(CratePath::Default)
}

/// Each named field as the stubs need it: its name, type and presence. Its role only words the docs of
/// its setter, which nobody reads in a crate that does not compile.
///
/// A path field other than the account's is an argument of `new` even when it is declared `Option<T>`
/// (one of the mistakes reported): `new(sid)` is what its user writes, and a `T` converts into the
/// `Option<T>` the stub stores.
fn salvage_fields(item: &syn::ItemStruct) -> Vec<Field<'_>> {
    item.fields
        .iter()
        .filter_map(|original| {
            let ident = original.ident.clone()?;
            let key = heck::ToUpperCamelCase::to_upper_camel_case(ident.to_string().as_str());
            let presence = Presence::of(&original.ty);
            let (role, presence) = match path_placeholder(original) {
                Some(placeholder) => {
                    let placeholder = placeholder.unwrap_or(key);
                    let account = placeholder == ACCOUNT_PLACEHOLDER;
                    let presence = match presence {
                        Presence::Optional(_) if !account => Presence::Required,
                        other => other,
                    };
                    (Role::Path { placeholder, account }, presence)
                }
                None => (Role::Param { key, range: None, len: None }, presence),
            };
            Some(Field { original, ident, role, presence, sensitive: false })
        })
        .collect()
}

/// The placeholder a field's `path` option names (`Some(None)` for a bare `path`, whose placeholder is
/// the field's name), even when its other options are broken; `None` without the option.
fn path_placeholder(field: &syn::Field) -> Option<Option<String>> {
    let options =
        field.attrs.iter().filter(|attr| attr.path().is_ident("twilio")).filter_map(|attr| {
            attr.parse_args_with(Punctuated::<syn::Meta, Token![,]>::parse_terminated).ok()
        });
    options.flatten().find(|option| option.path().is_ident("path")).map(|option| match option {
        syn::Meta::NameValue(syn::MetaNameValue {
            value: syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(name), .. }),
            ..
        }) => Some(name.value()),
        _ => None,
    })
}

/// Whether the field's options name `range`, even when they are broken, so that its bounds constant
/// exists for the code that uses it.
fn declares_range(field: &syn::Field) -> bool {
    field.attrs.iter().filter(|attr| attr.path().is_ident("twilio")).any(|attr| {
        attr.parse_args_with(Punctuated::<syn::Meta, Token![,]>::parse_terminated)
            .is_ok_and(|options| options.iter().any(|option| option.path().is_ident("range")))
    })
}

/// A bounds constant that holds any value of the field's type, so that no `checked!` fails on it.
fn stub_bounds(field: &Field<'_>) -> TokenStream {
    let name = bounds_name(&field.ident);
    let ty = bounds_type(field);
    let int = &field.original.ty;
    let int = quote!(<<#int as __twilio::RangeField>::Int as __twilio::RangeInt>);
    let vis = &field.original.vis;
    let cfgs = field.cfgs();
    quote! {
        #(#cfgs)*
        #vis const #name: #ty = __twilio::Bounds::new("", #int::MIN, #int::MAX, "");
    }
}
