//! The attribute's own arguments: `METHOD, "PATH"` then optional `key = value` pairs.
//!
//! darling cannot read positional arguments, so this is a hand-written `syn::Parse`.

use syn::ext::IdentExt as _;
use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitStr, Token};

const KEYS: &[&str] = &["response", "validate_with", "crate"];

pub struct Args {
    pub method: HttpMethod,
    pub path: LitStr,
    pub response: Option<syn::Type>,
    pub validate_with: Option<syn::Path>,
    pub krate: Option<syn::Path>,
}

#[derive(Clone, Copy)]
pub enum HttpMethod {
    Get,
    Post,
    Delete,
}

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.is_empty() {
            return Err(input.error(
                "expected an HTTP method and a path, e.g. `#[twilio_endpoint(POST, \"/2010-04-01/Accounts/{AccountSid}/Calls.json\")]`",
            ));
        }
        let method = parse_method(input)?;
        if input.is_empty() {
            return Err(input.error("expected `,` and the path as a string literal after the method"));
        }
        input.parse::<Token![,]>()?;
        let path: LitStr = input.parse().map_err(|err| {
            syn::Error::new(
                err.span(),
                "expected the path as a string literal, e.g. \"/2010-04-01/Accounts/{AccountSid}/Calls.json\"",
            )
        })?;
        let mut args = Args { method, path, response: None, validate_with: None, krate: None };
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key = Ident::parse_any(input)?;
            input.parse::<Token![=]>()?;
            let name = key.to_string();
            let duplicate = match name.as_str() {
                "response" => args.response.replace(input.parse()?).is_some(),
                "validate_with" => args.validate_with.replace(input.parse()?).is_some(),
                "crate" => args.krate.replace(input.parse()?).is_some(),
                _ => {
                    let error = darling::Error::unknown_field_with_alts(&name, KEYS.iter());
                    return Err(syn::Error::new(key.span(), error.to_string()));
                }
            };
            if duplicate {
                return Err(syn::Error::new(key.span(), format!("duplicate `{name}`; give it once")));
            }
        }
        Ok(args)
    }
}

fn parse_method(input: ParseStream) -> syn::Result<HttpMethod> {
    let ident: Ident = input.parse().map_err(|err| {
        syn::Error::new(err.span(), "expected the HTTP method first: `GET`, `POST` or `DELETE`")
    })?;
    match ident.to_string().as_str() {
        "GET" => Ok(HttpMethod::Get),
        "POST" => Ok(HttpMethod::Post),
        "DELETE" => Ok(HttpMethod::Delete),
        other => {
            let hint = match other.to_ascii_uppercase().as_str() {
                upper @ ("GET" | "POST" | "DELETE") => format!("; write it in upper case: `{upper}`"),
                "PUT" | "PATCH" => "; Twilio's 2010-04-01 API updates with `POST`".to_owned(),
                _ => String::new(),
            };
            Err(syn::Error::new(
                ident.span(),
                format!("unsupported HTTP method `{other}`; expected `GET`, `POST` or `DELETE`{hint}"),
            ))
        }
    }
}
