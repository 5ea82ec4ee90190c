//! `impl Endpoint`: the method, the path template and its rendering, and the response type.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned as _;

use super::params::respan;
use crate::model::{Endpoint, PathPiece, Response, Role};
use crate::parse::{BodyKind, RequestMethod};

pub fn expand_endpoint(endpoint: &Endpoint<'_>) -> TokenStream {
    let name = &endpoint.item.ident;
    let method = match endpoint.method {
        RequestMethod::Get => quote!(Get),
        RequestMethod::Post => quote!(Post),
        RequestMethod::Put => quote!(Put),
        RequestMethod::Delete => quote!(Delete),
    };
    let json = (endpoint.body == BodyKind::Json).then(|| expand_write_json(endpoint));
    let template = &endpoint.template;
    let host = endpoint.host.as_ref().map(|host| quote!(const HOST: &'static str = #host;));
    let response = super::response_type(endpoint);
    let decode = match &endpoint.response {
        Response::Empty => quote!(__twilio::decode_empty(__twilio_body)),
        // At the response type, where a type that cannot be decoded is reported.
        Response::Json(Some(ty)) => quote_spanned!(ty.span()=> __twilio::decode_json(__twilio_body)),
        Response::Json(None) => quote!(__twilio::decode_json(__twilio_body)),
    };
    let mut uses_account = false;
    let pieces: Vec<TokenStream> = endpoint
        .path
        .iter()
        .map(|piece| match piece {
            PathPiece::Literal(text) => quote!(__twilio_out.literal(#text);),
            PathPiece::Field(index) => {
                let field = &endpoint.fields[*index];
                let ident = &field.ident;
                // At the field's type, where a type that cannot be a path parameter is reported.
                quote_spanned!(field.original.ty.span()=>
                    __twilio::PathParam::write_segment(&self.#ident, __twilio_out);
                )
            }
            PathPiece::Account(Some(index)) => {
                uses_account = true;
                let field = &endpoint.fields[*index];
                let ident = &field.ident;
                // At the field's type, where a type that is not an account SID is reported, through the
                // type as the reading does (`decode.rs`): rustc then reports it once for both.
                let ty = &field.original.ty;
                let account = quote_spanned!(ty.span()=>
                    <#ty as __twilio::AccountParam>::account_or(&self.#ident, __twilio_account)
                );
                quote!(__twilio_out.param(#account);)
            }
            PathPiece::Account(None) => {
                uses_account = true;
                quote!(__twilio_out.param(__twilio_account);)
            }
        })
        .collect();
    let account_arg = if uses_account { quote!(__twilio_account) } else { quote!(_) };
    // `#[inline]`: compiled only where called, see `methods.rs`.
    quote! {
        #[automatically_derived]
        impl __twilio::Endpoint for #name {
            const METHOD: __twilio::Method = __twilio::Method::#method;
            const PATH: &'static str = #template;
            #host
            type Response = #response;
            #json

            #[inline]
            fn write_path(&self, #account_arg: &__twilio::AccountSid, __twilio_out: &mut __twilio::PathWriter) {
                #(#pieces)*
            }

            #[inline]
            fn decode_response(
                __twilio_body: &[u8],
            ) -> ::core::result::Result<Self::Response, __twilio::serde_json::Error> {
                #decode
            }
        }
    }
}

/// `BODY` and `write_json` of a `body = json` endpoint: a member per parameter, in field order, each
/// written through serde at the field's type, where a type that is not `Serialize` is reported.
fn expand_write_json(endpoint: &Endpoint<'_>) -> TokenStream {
    let members: Vec<TokenStream> = endpoint
        .fields
        .iter()
        .filter_map(|field| {
            let Role::Param { key, .. } = &field.role else { return None };
            let ident = &field.ident;
            let cfgs = field.cfgs();
            let span = field.original.ty.span();
            // The type named in the call, at the field's type: rustc reports a type that is not
            // `Serialize` there, as it reports one that is not `Deserialize` (`decode.rs`).
            let ty = &field.original.ty;
            let member = respan(&quote!(__twilio::JsonWriter::member::<#ty>), span);
            Some(quote!(#(#cfgs)* #member(__twilio_out, #key, &self.#ident);))
        })
        .collect();
    let out_arg = if members.is_empty() { quote!(_) } else { quote!(__twilio_out) };
    quote! {
        const BODY: __twilio::BodyFormat = __twilio::BodyFormat::Json;

        #[inline]
        fn write_json(&self, #out_arg: &mut __twilio::JsonWriter) {
            #(#members)*
        }
    }
}
