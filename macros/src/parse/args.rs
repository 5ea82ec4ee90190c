//! The attribute's own arguments: `METHOD, "PATH"` then optional `key = value` pairs.
//!
//! darling cannot read positional arguments, so this is a hand-written `syn::Parse`.

use syn::ext::IdentExt as _;
use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitStr, Token};

const KEYS: &[&str] = &["response", "validate_with", "host", "body", "crate"];

pub struct Args {
    pub method: RequestMethod,
    pub path: LitStr,
    pub response: Option<syn::Type>,
    pub validate_with: Option<syn::Path>,
    /// `host = "verify"`: the product's host name, checked by `check`.
    pub host: Option<LitStr>,
    /// `body = json` (or `body = form`, the default) with the value's span, checked by `check`
    /// against the method.
    pub body: Option<(BodyKind, proc_macro2::Span)>,
    pub krate: Option<syn::Path>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RequestMethod {
    Get,
    Post,
    Put,
    Delete,
}

/// How the parameters travel: a form (query or body), or one JSON object as the body.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    Form,
    Json,
}

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.is_empty() {
            // Nothing but the attribute itself to point at.
            return Err(syn::Error::new(
                proc_macro2::Span::call_site(),
                "`#[twilio_endpoint]` needs an HTTP method and a path; write e.g. `#[twilio_endpoint(POST, \"/2010-04-01/Accounts/{AccountSid}/Calls.json\")]`",
            ));
        }
        let method_span = input.span();
        let method = parse_method(input)?;
        let missing_path = || {
            syn::Error::new(
                method_span,
                format!(
                    "expected the path after `{}`; write it as a string literal, e.g. `{}, \"/2010-04-01/Accounts/{{AccountSid}}/Calls.json\"`",
                    method.as_str(),
                    method.as_str()
                ),
            )
        };
        if input.is_empty() {
            return Err(missing_path());
        }
        input.parse::<Token![,]>()?;
        if input.is_empty() {
            return Err(missing_path());
        }
        let path: LitStr = input.parse().map_err(|err| {
            syn::Error::new(
                err.span(),
                "expected the path as a string literal; write it out, e.g. `\"/2010-04-01/Accounts/{AccountSid}/Calls.json\"`",
            )
        })?;
        let mut args =
            Args { method, path, response: None, validate_with: None, host: None, body: None, krate: None };
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key = Ident::parse_any(input).map_err(|err| {
                syn::Error::new(
                    err.span(),
                    "expected an option after the path: `response`, `validate_with`, `host`, `body` or `crate`",
                )
            })?;
            let name = key.to_string();
            let example = match name.as_str() {
                "response" => "response = Call",
                "validate_with" => "validate_with = check_call",
                "host" => "host = \"verify\"",
                "body" => "body = json",
                "crate" => "crate = ::twilio_endpoint",
                _ => {
                    let error = darling::Error::unknown_field_with_alts(&name, KEYS.iter());
                    return Err(syn::Error::new(key.span(), error.to_string()));
                }
            };
            if !input.peek(Token![=]) {
                return Err(syn::Error::new(key.span(), format!("`{name}` needs a value, e.g. `{example}`")));
            }
            input.parse::<Token![=]>()?;
            let duplicate = match name.as_str() {
                "response" => args.response.replace(input.parse()?).is_some(),
                "validate_with" => args.validate_with.replace(input.parse()?).is_some(),
                "host" => {
                    let host = input.parse::<LitStr>().map_err(|err| {
                        syn::Error::new(
                            err.span(),
                            "expected the product's host name as a string literal, e.g. `host = \"verify\"`",
                        )
                    })?;
                    args.host.replace(host).is_some()
                }
                "body" => {
                    let value = Ident::parse_any(input).map_err(|err| {
                        syn::Error::new(err.span(), "expected `json` or `form`, e.g. `body = json`")
                    })?;
                    let kind = match value.to_string().as_str() {
                        "json" => BodyKind::Json,
                        "form" => BodyKind::Form,
                        other => {
                            return Err(syn::Error::new(
                                value.span(),
                                format!(
                                    "unknown body format `{other}`; write `body = json` or `body = form`"
                                ),
                            ));
                        }
                    };
                    args.body.replace((kind, value.span())).is_some()
                }
                _ => args.krate.replace(input.parse()?).is_some(),
            };
            if duplicate {
                return Err(syn::Error::new(key.span(), format!("duplicate `{name}`; give it once")));
            }
        }
        Ok(args)
    }
}

impl RequestMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestMethod::Get => "GET",
            RequestMethod::Post => "POST",
            RequestMethod::Put => "PUT",
            RequestMethod::Delete => "DELETE",
        }
    }
}

fn parse_method(input: ParseStream) -> syn::Result<RequestMethod> {
    let ident: Ident = input.parse().map_err(|err| {
        syn::Error::new(
            err.span(),
            "expected the HTTP method first; write `GET`, `POST`, `PUT` or `DELETE` before the path",
        )
    })?;
    match ident.to_string().as_str() {
        "GET" => Ok(RequestMethod::Get),
        "POST" => Ok(RequestMethod::Post),
        "PUT" => Ok(RequestMethod::Put),
        "DELETE" => Ok(RequestMethod::Delete),
        other => {
            let message = match other.to_ascii_uppercase().as_str() {
                upper @ ("GET" | "POST" | "PUT" | "DELETE") => {
                    format!("HTTP method `{other}` must be upper case; write `{upper}`")
                }
                "PATCH" => format!(
                    "unsupported HTTP method `{other}`; use `GET`, `POST`, `PUT` or `DELETE` (Twilio updates resources with `POST`, and a few newer ones with `PUT`)"
                ),
                _ => format!("unsupported HTTP method `{other}`; use `GET`, `POST`, `PUT` or `DELETE`"),
            };
            Err(syn::Error::new(ident.span(), message))
        }
    }
}

/// What the fallback can still use of arguments that did not parse as a whole: the options that did,
/// so that `send` keeps its response type and the stubs their crate path.
#[derive(Default)]
pub struct Salvaged {
    pub response: Option<syn::Type>,
    pub krate: Option<syn::Path>,
}

impl Parse for Salvaged {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut salvaged = Salvaged::default();
        while !input.is_empty() {
            let fork = input.fork();
            let option = Ident::parse_any(&fork).and_then(|key| {
                fork.parse::<Token![=]>()?;
                match key.to_string().as_str() {
                    "response" => Ok(Some((Some(fork.parse::<syn::Type>()?), None))),
                    "crate" => Ok(Some((None, Some(fork.parse::<syn::Path>()?)))),
                    _ => Ok(None),
                }
            });
            match option {
                Ok(Some((response, krate))) if fork.is_empty() || fork.peek(Token![,]) => {
                    salvaged.response = salvaged.response.or(response);
                    salvaged.krate = salvaged.krate.or(krate);
                    syn::parse::discouraged::Speculative::advance_to(input, &fork);
                }
                _ => {
                    input.parse::<proc_macro2::TokenTree>()?;
                }
            }
        }
        Ok(salvaged)
    }
}
