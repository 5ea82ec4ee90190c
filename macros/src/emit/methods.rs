//! The inherent methods: `new` from the required parameters, a setter per optional one, and
//! `validate`, `to_form` and `send`, each a one-line call into the runtime.
//!
//! Every generated function is `#[inline]`, as the standard derives' are (compile cost, issue 7): in a
//! debug build, rustc then compiles a function only in a crate that calls it, so a catalog crate of
//! hundreds of endpoints compiles none of them, and an application only those of the endpoints it
//! uses. Without it, LLVM and the debug information of these small functions were most of a
//! catalog's cost per endpoint.

use heck::ToShoutySnakeCase as _;
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::model::{Endpoint, Field, Presence, Role};

pub fn expand_methods(endpoint: &Endpoint<'_>) -> TokenStream {
    let name = &endpoint.item.ident;
    let vis = &endpoint.item.vis;
    let response = super::response_type(endpoint);
    let constructor = expand_new(vis, &endpoint.fields);
    let bounds = endpoint.fields.iter().filter_map(expand_bounds);
    let setters = endpoint.fields.iter().filter_map(expand_setter);
    let request_methods = expand_request_methods(vis, &response, &[]);
    quote! {
        #[automatically_derived]
        impl #name {
            #(#bounds)*
            #constructor
            #(#setters)*

            #request_methods
        }
    }
}

/// `validate`, `to_form`, `send`, `preview` and `extra_param`: the same for every endpoint, each a
/// call into the runtime through the `Params` and `Endpoint` impls. The fallback gives a broken
/// declaration these same methods over its stub impls; `captured` are the struct's generic parameters,
/// which `send`'s future captures (a checked endpoint has none).
pub fn expand_request_methods(
    vis: &syn::Visibility,
    response: &TokenStream,
    captured: &[TokenStream],
) -> TokenStream {
    let captures = [quote!('r), quote!('c)].into_iter().chain(captured.iter().cloned());
    quote! {
        /// Checks every documented rule and reports all the parameters that break one.
        #[inline]
        #vis fn validate(&self) -> ::core::result::Result<(), __twilio::ValidationErrors> {
            __twilio::validate(self)
        }

        /// The parameters exactly as they are sent as a form: the form body of a `POST` or `PUT`,
        /// the query string of a `GET` or `DELETE`; empty for a `body = json` endpoint, whose body
        /// `Endpoint::to_json` gives.
        #[must_use]
        #[inline]
        #vis fn to_form(&self) -> ::std::string::String {
            __twilio::encode(self)
        }

        /// Validates the request, sends it and decodes the reply; nothing is sent when validation fails.
        ///
        /// # Errors
        /// [`Error::Validation`](__twilio::Error::Validation) before sending, otherwise an API,
        /// transport or decoding error.
        //
        // Not an `async fn`, which would be a state machine per endpoint for rustc to check and
        // lay out: the runtime's future is already lazy. The signature is the one `async fn`
        // desugars to, with both lifetimes captured whatever the caller's edition.
        #[inline]
        #vis fn send<'r, 'c>(
            &'r self,
            client: &'c __twilio::Client,
        ) -> impl ::core::future::Future<Output = ::core::result::Result<#response, __twilio::Error>> + use<#(#captures),*> {
            __twilio::send(client, self)
        }

        /// This request with a parameter its declaration does not know (one Twilio added after
        /// it), written after the declared ones and escaped the same way. `validate()` refuses an
        /// empty key, one with `=`, `&` or control characters, and a key a set field already sends.
        #[inline]
        #vis fn extra_param(
            self,
            key: impl ::core::convert::Into<::std::string::String>,
            value: impl ::core::convert::Into<::std::string::String>,
        ) -> __twilio::WithExtraParams<Self> {
            __twilio::WithExtraParams::new(self).extra_param(key, value)
        }

        /// The exact request `client` would send, without sending it: method, full URL (the request's
        /// account, else the client's) and body. Validated first: a request that would not be sent
        /// is not previewed.
        ///
        /// # Errors
        /// Every rule the request breaks, as `validate()` reports them.
        #[inline]
        #vis fn preview(
            &self,
            client: &__twilio::Client,
        ) -> ::core::result::Result<__twilio::Preview, __twilio::ValidationErrors> {
            __twilio::preview(client, self)
        }
    }
}

/// `new`, from the required fields; the fallback gives a broken declaration the same one.
pub fn expand_new(vis: &syn::Visibility, fields: &[Field<'_>]) -> TokenStream {
    let mut args = Vec::new();
    let mut inits = Vec::new();
    for field in fields {
        let ident = &field.ident;
        let cfgs: Vec<_> = field.cfgs().collect();
        match field.presence {
            Presence::Required => {
                let (ty, value) = argument(&field.original.ty, ident);
                args.push(quote!(#(#cfgs)* #ident: #ty));
                inits.push(quote!(#(#cfgs)* #ident: #value));
            }
            Presence::Optional(_) | Presence::List(_) => {
                inits.push(quote!(#(#cfgs)* #ident: ::core::default::Default::default()));
            }
        }
    }
    let required: Vec<String> =
        fields.iter().filter(|field| matches!(field.presence, Presence::Required)).map(describe).collect();
    let doc = if required.is_empty() {
        "A request with no parameters set; set optional ones with the setters.".to_owned()
    } else {
        format!(
            "A request from its required parameters ({}); set optional ones with the setters.",
            required.join(", ")
        )
    };
    quote! {
        #[doc = #doc]
        #[must_use]
        #[inline]
        #[allow(clippy::too_many_arguments, clippy::new_without_default)]
        #vis fn new(#(#args),*) -> Self {
            Self { #(#inits),* }
        }
    }
}

/// `pub const TIMEOUT: Bounds`, for checking a constant value at compile time with `checked!`.
fn expand_bounds(field: &Field<'_>) -> Option<TokenStream> {
    let Role::Param { key, range: Some(range), .. } = &field.role else { return None };
    let name = bounds_name(&field.ident);
    let (min, max) = (Literal::i128_unsuffixed(range.min), Literal::i128_unsuffixed(range.max));
    // The wording of the runtime's range violations, e.g. `Timeout: must be between 5 and 600`.
    let shown = format!("between {} and {}", range.min, range.max);
    let message = format!("`{key}` must be {shown}");
    let doc = format!(
        "The documented bounds of `{key}`, {shown}: `twilio_endpoint::checked!(Self::{name}, value)` checks a constant value at compile time."
    );
    let vis = &field.original.vis;
    let cfgs = field.cfgs();
    let int = bounds_type(field);
    Some(quote! {
        #(#cfgs)*
        #[doc = #doc]
        #vis const #name: #int = __twilio::Bounds::new(#key, #min, #max, #message);
    })
}

/// The name of a ranged field's bounds constant: `TIMEOUT` for `timeout`.
pub fn bounds_name(field: &syn::Ident) -> syn::Ident {
    format_ident!("{}", field.to_string().to_shouty_snake_case(), span = field.span())
}

/// The type of a ranged field's bounds constant: bounds of the type its setter (or `new`) takes, so
/// that `checked!` gives a value of that type.
pub fn bounds_type(field: &Field<'_>) -> TokenStream {
    let ty = match field.presence {
        Presence::Optional(inner) => inner,
        Presence::Required | Presence::List(_) => &field.original.ty,
    };
    quote!(__twilio::Bounds<#ty>)
}

/// The setter of an optional or list field; the fallback gives a broken declaration the same ones.
pub fn expand_setter(field: &Field<'_>) -> Option<TokenStream> {
    let ident = &field.ident;
    let vis = &field.original.vis;
    let cfgs: Vec<_> = field.cfgs().collect();
    let docs: Vec<_> = field.docs().collect();
    let fallback_doc = format!("Sets {}.", describe(field));
    let doc = if docs.is_empty() { quote!(#[doc = #fallback_doc]) } else { quote!(#(#docs)*) };
    let value = format_ident!("value");
    let body = match field.presence {
        Presence::Required => return None,
        Presence::Optional(inner) => {
            let (ty, value) = argument(inner, &value);
            quote! {
                #vis fn #ident(mut self, value: #ty) -> Self {
                    self.#ident = ::core::option::Option::Some(#value);
                    self
                }
            }
        }
        Presence::List(item) => quote! {
            #vis fn #ident(mut self, items: impl __twilio::IntoValues<#item>) -> Self {
                self.#ident = __twilio::IntoValues::into_values(items);
                self
            }
        },
    };
    Some(quote! {
        #(#cfgs)*
        #doc
        #[must_use]
        #[inline]
        #body
    })
}

/// The parameter type and the stored value for a field of type `ty`: `impl IntoValue<T>` for types that
/// have conversions (`&str` into `String`, a phone number into an address; any `Into<T>`), whose error
/// for a wrong argument says how to make a `T`; `T` itself for primitives, where a generic parameter
/// would stop `.timeout(30)` from inferring the literal's type.
fn argument(ty: &syn::Type, value: &syn::Ident) -> (TokenStream, TokenStream) {
    if is_primitive(ty) {
        (quote!(#ty), quote!(#value))
    } else {
        (quote!(impl __twilio::IntoValue<#ty>), quote!(__twilio::IntoValue::into_value(#value)))
    }
}

fn is_primitive(ty: &syn::Type) -> bool {
    const PRIMITIVES: &[&str] = &[
        "bool", "char", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128",
        "isize", "f32", "f64",
    ];
    matches!(ty, syn::Type::Path(path) if path.qself.is_none()
        && path.path.get_ident().is_some_and(|ident| PRIMITIVES.contains(&ident.to_string().as_str())))
}

fn describe(field: &Field<'_>) -> String {
    match &field.role {
        Role::Path { placeholder, .. } => format!("the path's `{{{placeholder}}}`"),
        Role::Param { key, .. } => format!("`{key}`"),
        Role::Flatten => format!("the `{}` parameters", field.ident),
    }
}
