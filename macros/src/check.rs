//! Stage two: turns the raw views into the checked model, reporting every mistake at once, each at
//! the token at fault.

use std::collections::HashMap;

use darling::util::Override;
use heck::ToUpperCamelCase as _;

use crate::krate::CratePath;
use crate::model::{
    Bounds, Endpoint, Field, Group, GroupShape, PathPiece, Presence, Response, Role, Variant, VariantFields,
};
use crate::parse::{
    BodyKind, FieldAttrs, Piece, RawEndpoint, RawField, RawGroup, RawRange, RawShape, RawVariant,
    RequestMethod, Template,
};

/// The placeholder filled from the client when no field names it.
pub const ACCOUNT_PLACEHOLDER: &str = "AccountSid";

/// Methods the attribute generates; a field of the same name would make its setter collide.
pub const GENERATED_METHODS: &[&str] = &["new", "validate", "to_form", "send", "preview", "extra_param"];

/// The binding of a newtype variant's value in the generated `match` arms.
const NEWTYPE_BINDING: &str = "__twilio_value";

/// Checks what `parse` kept, adding to the mistakes it already reported, and builds the model when
/// there are none.
pub fn check<'a>(
    raw: RawEndpoint<'a>,
    mut errors: darling::error::Accumulator,
) -> darling::Result<Endpoint<'a>> {
    check_shape(raw.item, &mut errors);
    let body = raw.args.as_ref().and_then(|args| args.body);
    let json = matches!(body, Some((BodyKind::Json, _)));
    if let (Some(args), Some((BodyKind::Json, span))) = (&raw.args, body)
        && !matches!(args.method, RequestMethod::Post | RequestMethod::Put)
    {
        errors.push(
            darling::Error::custom(format!(
                "`body = json` needs a method with a body: a `{}` sends its parameters in the query; use `POST` or `PUT`, or drop `body = json`",
                args.method.as_str()
            ))
            .with_span(&span),
        );
    }
    let fields: Vec<Field<'_>> = raw
        .fields
        .iter()
        .filter_map(|raw_field| {
            let mut field = errors.handle(check_field(raw_field))?;
            if json {
                errors.handle(as_json_member(raw_field, &mut field))?;
            }
            Some(field)
        })
        .collect();
    if let Some(template) = &raw.template {
        check_placeholders(template, &raw.fields, &fields, &mut errors);
        check_keys_not_placeholders(template, &fields, &mut errors);
    }
    check_unique_keys(&fields, &mut errors);
    for field in &fields {
        check_path_presence(field, &mut errors);
    }
    let krate = raw
        .args
        .as_ref()
        .and_then(|args| args.krate.clone())
        .map(|path| errors.handle(check_crate_path(path)));
    if let Some(host) = raw.args.as_ref().and_then(|args| args.host.as_ref()) {
        check_host(host, &mut errors);
    }
    errors.finish()?;
    // Without mistakes, the arguments and the template were parsed.
    let (Some(args), Some(template)) = (raw.args, raw.template) else {
        return Err(darling::Error::custom("internal error: arguments missing without an error"));
    };
    let response = match args.response {
        Some(syn::Type::Tuple(unit)) if unit.elems.is_empty() => Response::Empty,
        other => Response::Json(other.map(Box::new)),
    };
    let path = resolve_path(&template, &fields)?;
    let placeholders = template.params().map(str::to_owned).collect();
    Ok(Endpoint {
        item: raw.item,
        krate: krate.flatten().unwrap_or(CratePath::Default),
        method: args.method,
        body: if json { BodyKind::Json } else { BodyKind::Form },
        template: template.lit,
        host: args.host,
        path,
        placeholders,
        response,
        validate_with: args.validate_with,
        fields,
    })
}

// A `body = json` endpoint sends one JSON object: its members are the fields as written (Twilio's JSON
// descriptions spell them in snake case) unless renamed, and a nested object is a field of a serde type
// rather than a flattened group, whose keys are form keys:
//
//     #[twilio(flatten)] pub instructions: CallInstructions,   // `flatten` is for forms
fn as_json_member(raw: &RawField<'_>, field: &mut Field<'_>) -> darling::Result<()> {
    if raw.attrs.flatten.is_present() {
        return Err(darling::Error::custom(
            "`flatten` writes a group's form keys, and this endpoint's body is JSON (`body = json`); make the nested object a field of a type that derives `Serialize` and `Deserialize`",
        )
        .with_span(&raw.attrs.flatten.span()));
    }
    if let Role::Param { key, .. } = &mut field.role
        && raw.attrs.rename.is_none()
    {
        *key = syn::ext::IdentExt::unraw(&field.ident).to_string();
    }
    Ok(())
}

// The product's host name is spliced into `https://{host}.twilio.com`, so it is one label of
// lowercase letters and digits, as Twilio's are:
//
//     #[twilio_endpoint(POST, "/v2/Services", host = "verify.twilio.com")]  // the name alone: `verify`
//     #[twilio_endpoint(POST, "/v2/Services", host = "Verify")]             // lowercase
fn check_host(host: &syn::LitStr, errors: &mut darling::error::Accumulator) {
    let name = host.value();
    let valid = !name.is_empty()
        && name.len() <= 63
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    if !valid {
        let hint = match name.split('.').next() {
            Some(first) if name.contains('.') && !first.is_empty() => {
                format!("; write only the product's name, e.g. `host = \"{}\"`", first.to_ascii_lowercase())
            }
            _ => "; e.g. `host = \"verify\"` for `verify.twilio.com`".to_owned(),
        };
        errors.push(
            darling::Error::custom(format!(
                "`host = \"{name}\"` is not a Twilio product's host name: it must be 1 to 63 lowercase \
                 letters and digits, the first label of `{{host}}.twilio.com`{hint}"
            ))
            .with_span(host),
        );
    }
}

// The struct must have named fields and no generic parameters:
//
//     struct CreateCall(Address, Address);      // which is `To`?
//     struct ListCalls<T> { page_size: T }      // the encoding is chosen per field type
fn check_shape(item: &syn::ItemStruct, errors: &mut darling::error::Accumulator) {
    match &item.fields {
        syn::Fields::Named(_) => {}
        syn::Fields::Unnamed(fields) => errors.push(
            darling::Error::custom(
                "`#[twilio_endpoint]` needs a struct with named fields; each field name gives a Twilio parameter",
            )
            .with_span(fields),
        ),
        syn::Fields::Unit => errors.push(
            darling::Error::custom(
                "`#[twilio_endpoint]` needs a struct with named fields; for an operation without parameters write `struct Name {}`",
            )
            .with_span(&item.ident),
        ),
    }
    if !item.generics.params.is_empty() || item.generics.where_clause.is_some() {
        errors.push(
            darling::Error::custom(
                "`#[twilio_endpoint]` does not support generic parameters; use concrete types",
            )
            .with_span(&item.generics),
        );
    }
}

fn check_field<'a>(raw: &RawField<'a>) -> darling::Result<Field<'a>> {
    let ident = named(raw)?;
    // A field named after a generated method would get a setter of the same name:
    //
    //     pub send: Option<bool>,     // `fn send(self, bool)` and `async fn send(&self, &Client)`
    let mut errors = darling::Error::accumulator();
    if GENERATED_METHODS.contains(&ident.to_string().as_str()) {
        errors.push(
            darling::Error::custom(format!(
                "a field named `{ident}` collides with the generated method `{ident}`; rename the field and keep the key with `#[twilio(rename = \"{}\")]`",
                ident.to_string().to_upper_camel_case()
            ))
            .with_span(ident),
        );
    }
    let field = errors.handle(check_field_as(raw, ident, ident.clone()));
    errors.finish()?;
    field.ok_or_else(|| darling::Error::custom("internal error: field missing without an error"))
}

// A path parameter is part of every request's path, so it is one value that is always given:
//
//     #[twilio(path)] pub sid: Option<CallSid>,     // what would the path hold without it?
//
// The account is the exception: without one, the client's fills `{AccountSid}`.
fn check_path_presence(field: &Field<'_>, errors: &mut darling::error::Accumulator) {
    let Role::Path { placeholder, account: false } = &field.role else { return };
    let (wrapper, inner) = match field.presence {
        Presence::Required => return,
        Presence::Optional(inner) => ("Option", inner),
        Presence::List(inner) => ("Vec", inner),
    };
    let inner = type_text(inner);
    errors.push(
        darling::Error::custom(format!(
            "path parameters are required: `{{{placeholder}}}` is part of every request's path; write `{inner}`, not `{wrapper}<{inner}>`"
        ))
        .with_span(&field.original.ty),
    );
}

/// A type or path as written, without the spaces of its token stream, for messages.
pub fn type_text(ty: &impl quote::ToTokens) -> String {
    ty.to_token_stream().to_string().replace(' ', "")
}

fn named<'a>(raw: &RawField<'a>) -> darling::Result<&'a syn::Ident> {
    raw.original
        .ident
        .as_ref()
        .ok_or_else(|| darling::Error::custom("expected a named field").with_span(&raw.original.ty))
}

/// Checks a field whose key derives from `name` and whose value the generated code reaches as
/// `binding` (the field's own name, or the binding of a newtype variant's value).
fn check_field_as<'a>(
    raw: &RawField<'a>,
    name: &syn::Ident,
    binding: syn::Ident,
) -> darling::Result<Field<'a>> {
    let role = check_role(&raw.attrs, name)?;
    Ok(Field {
        original: raw.original,
        ident: binding,
        role,
        presence: Presence::of(&raw.original.ty),
        sensitive: raw.attrs.sensitive.is_present(),
    })
}

// Options that cannot go together on one field:
//
//     #[twilio(path, rename = "Sid")]        // a path field has no key; use `path = "Sid"`
//     #[twilio(path, range = 1..=5)]         // ranges apply to parameters
//     #[twilio(flatten, rename = "X")]       // a flattened group writes its own keys
fn check_role(attrs: &FieldAttrs, ident: &syn::Ident) -> darling::Result<Role> {
    let mut errors = darling::Error::accumulator();
    let not_with = |option: &str, other: &str, span: proc_macro2::Span| {
        darling::Error::custom(format!("`{option}` cannot be combined with `{other}` on one field"))
            .with_span(&span)
    };
    if let Some(path) = &attrs.path {
        for (name, span) in [
            ("rename", attrs.rename.as_ref().map(|r| r.span())),
            ("range", attrs.range.as_ref().map(|r| r.span)),
            ("len", attrs.len.as_ref().map(|r| r.span)),
            ("flatten", attrs.flatten.is_present().then(|| attrs.flatten.span())),
        ] {
            if let Some(span) = span {
                errors.push(not_with(name, "path", span));
            }
        }
        errors.finish()?;
        let placeholder = match &**path {
            Override::Explicit(name) => name.clone(),
            Override::Inherit => ident.to_string().to_upper_camel_case(),
        };
        let account = placeholder == ACCOUNT_PLACEHOLDER;
        return Ok(Role::Path { placeholder, account });
    }
    if attrs.flatten.is_present() {
        for (name, span) in [
            ("rename", attrs.rename.as_ref().map(|r| r.span())),
            ("range", attrs.range.as_ref().map(|r| r.span)),
            ("len", attrs.len.as_ref().map(|r| r.span)),
            ("sensitive", attrs.sensitive.is_present().then(|| attrs.sensitive.span())),
        ] {
            if let Some(span) = span {
                errors.push(not_with(name, "flatten", span));
            }
        }
        errors.finish()?;
        return Ok(Role::Flatten);
    }
    let key = match &attrs.rename {
        Some(rename) => {
            // The rules `extra_param` applies to a key at run time: escaping would send `A=B` or a line
            // break as a key no Twilio parameter has, and the mistake would only show as Twilio ignoring it.
            let problem = if rename.trim().is_empty() {
                Some("`rename` needs a non-empty key")
            } else if rename.contains(['=', '&']) {
                Some(
                    "`rename` takes the key alone: it cannot contain `=` or `&` (the filter \
                     `StartTime>=YYYY-MM-DD` of Twilio's docs is the key `StartTime>` and its value)",
                )
            } else if rename.chars().any(char::is_control) {
                Some("`rename` takes a key without CR, LF or other control characters")
            } else {
                None
            };
            if let Some(problem) = problem {
                errors.push(darling::Error::custom(problem).with_span(&rename.span()));
            }
            (**rename).clone()
        }
        None => ident.to_string().to_upper_camel_case(),
    };
    let range = attrs.range.as_ref().and_then(|range| errors.handle(check_bounds("range", range)));
    let len = attrs.len.as_ref().and_then(|len| errors.handle(check_bounds("len", len)));
    if let Some(len) = &len
        && len.min < 0
    {
        errors.push(
            darling::Error::custom("`len` counts characters or items; it cannot be negative")
                .with_span(&len.span),
        );
    }
    errors.finish()?;
    Ok(Role::Param { key, range, len })
}

// A range must have both ends and hold at least one value:
//
//     range = 5..            // no upper bound
//     range = 600..=5        // inverted
//     range = 5..5           // empty
fn check_bounds(option: &str, raw: &RawRange) -> darling::Result<Bounds> {
    let fail = |message: String| Err(darling::Error::custom(message).with_span(&raw.span));
    let (Some(min), Some((end, inclusive))) = (raw.start, raw.end) else {
        return fail(format!("`{option}` needs both bounds, e.g. `{option} = 5..=600`"));
    };
    let max = if inclusive { end } else { end - 1 };
    if min > max {
        let shown = if inclusive { format!("{min}..={end}") } else { format!("{min}..{end}") };
        return fail(format!(
            "`{option} = {shown}` is empty; write the smaller bound first, e.g. `{option} = {}..={}`",
            end.min(min),
            end.max(min)
        ));
    }
    Ok(Bounds { min, max, span: raw.span })
}

// Every placeholder but `{AccountSid}` needs exactly one path field, and every path field a
// placeholder:
//
//     #[twilio_endpoint(GET, "/Calls/{Sid}.json")]
//     struct FetchCall { #[twilio(path)] call_sid: CallSid }   // `{Sid}` unfilled, `CallSid` unused
fn check_placeholders(
    template: &Template,
    raw_fields: &[RawField<'_>],
    fields: &[Field<'_>],
    errors: &mut darling::error::Accumulator,
) {
    let placeholders: Vec<&str> = template.params().collect();
    let mut seen = HashMap::new();
    for field in fields {
        let Role::Path { placeholder, .. } = &field.role else { continue };
        let span = path_option_span(raw_fields, field);
        if !placeholders.contains(&placeholder.as_str()) {
            let listed = placeholders.iter().map(|p| format!("`{{{p}}}`")).collect::<Vec<_>>().join(", ");
            let listed = if listed.is_empty() { "none".to_owned() } else { listed };
            errors.push(
                darling::Error::custom(format!(
                    "path field `{}` fills `{{{placeholder}}}`, which the path does not contain; the path's placeholders are {listed}",
                    field.ident
                ))
                .with_span(&span),
            );
        } else if seen.insert(placeholder.clone(), &field.ident).is_some() {
            errors.push(
                darling::Error::custom(format!(
                    "`{{{placeholder}}}` is already filled by another path field"
                ))
                .with_span(&span),
            );
        }
    }
    // A field sending the placeholder's key is reported by `check_keys_not_placeholders`, with the fix
    // (`#[twilio(path)]`) that also fills the placeholder.
    let sent = |placeholder: &str| {
        fields.iter().any(|field| matches!(&field.role, Role::Param { key, .. } if key == placeholder))
    };
    let mut reported = Vec::new();
    for placeholder in placeholders {
        if placeholder == ACCOUNT_PLACEHOLDER
            || seen.contains_key(placeholder)
            || reported.contains(&placeholder)
            || sent(placeholder)
        {
            continue;
        }
        reported.push(placeholder);
        let field = heck::AsSnakeCase(placeholder);
        errors.push(
            darling::Error::custom(format!(
                "path placeholder `{{{placeholder}}}` has no matching field; add a field `#[twilio(path)] {field}` or mark one with `#[twilio(path = \"{placeholder}\")]`"
            ))
            .with_span(&template.lit),
        );
    }
}

// A parameter sent under the name of a placeholder is sent in the body while the path is filled from
// elsewhere; for `{AccountSid}` the request would silently run against the client's account:
//
//     #[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
//     struct CreateCall { account_sid: Option<AccountSid> }     // needs `#[twilio(path)]`
fn check_keys_not_placeholders(
    template: &Template,
    fields: &[Field<'_>],
    errors: &mut darling::error::Accumulator,
) {
    // A placeholder that a path field fills may also be a parameter of the body or query: Update
    // Incoming Phone Number sends `AccountSid` (the account to move the number to) beside the path's.
    let filled = |key: &str| {
        fields.iter().any(|field| matches!(&field.role, Role::Path { placeholder, .. } if placeholder == key))
    };
    for field in fields {
        let Role::Param { key, .. } = &field.role else { continue };
        if template.params().any(|placeholder| placeholder == key) && !filled(key) {
            errors.push(
                darling::Error::custom(format!(
                    "field `{}` would send `{key}` as a parameter, but `{{{key}}}` is a placeholder of the path; mark the field `#[twilio(path)]` so that it fills the placeholder",
                    field.ident
                ))
                .with_span(&field.ident),
            );
        }
    }
}

/// The path's pieces, each placeholder resolved to the field that fills it; `check_placeholders`
/// found one for every placeholder but `{AccountSid}`, which may fall back to the client's.
fn resolve_path(template: &Template, fields: &[Field<'_>]) -> darling::Result<Vec<PathPiece>> {
    template
        .pieces
        .iter()
        .map(|piece| match piece {
            Piece::Literal(text) => Ok(PathPiece::Literal(text.clone())),
            Piece::Param(name) => {
                let field = fields.iter().position(
                    |field| matches!(&field.role, Role::Path { placeholder, .. } if placeholder == name),
                );
                match field {
                    _ if name == ACCOUNT_PLACEHOLDER => Ok(PathPiece::Account(field)),
                    Some(index) => Ok(PathPiece::Field(index)),
                    None => Err(darling::Error::custom(format!(
                        "internal error: `{{{name}}}` has no field without an error"
                    ))),
                }
            }
        })
        .collect()
}

/// The `path` option of a field, the narrowest token for mistakes about its placeholder.
fn path_option_span(raw_fields: &[RawField<'_>], field: &Field<'_>) -> proc_macro2::Span {
    raw_fields
        .iter()
        .find(|candidate| std::ptr::eq(candidate.original, field.original))
        .and_then(|candidate| candidate.attrs.path.as_ref().map(|path| path.span()))
        .unwrap_or_else(|| field.ident.span())
}

// Two fields may not send the same key, also after renaming:
//
//     pub status_callback: Option<Url>,
//     #[twilio(rename = "StatusCallback")] pub callback: Option<Url>,
fn check_unique_keys(fields: &[Field<'_>], errors: &mut darling::error::Accumulator) {
    let mut seen: HashMap<&str, &syn::Ident> = HashMap::new();
    for field in fields {
        let Role::Param { key, .. } = &field.role else { continue };
        if let Some(first) = seen.insert(key, &field.ident) {
            errors.push(
                darling::Error::custom(format!(
                    "fields `{first}` and `{}` both send the key `{key}`; give one of them another `rename`",
                    field.ident
                ))
                .with_span(&field.ident),
            );
        }
    }
}

// Generated code names the runtime through this path from anywhere, so it must be absolute:
//
//     crate = twilio_endpoint      // resolves differently in each module
pub fn check_crate_path(path: syn::Path) -> darling::Result<CratePath> {
    if path.leading_colon.is_none() && path.segments.first().is_none_or(|segment| segment.ident != "crate") {
        return Err(darling::Error::custom(format!(
            "`crate` must be an absolute path, e.g. `crate = ::{}`",
            type_text(&path)
        ))
        .with_span(&path));
    }
    Ok(CratePath::Explicit(path))
}

/// Checks a `#[derive(Params)]` input, adding to the mistakes `parse` reported.
pub fn check_group<'a>(
    raw: RawGroup<'a>,
    mut errors: darling::error::Accumulator,
) -> darling::Result<Group<'a>> {
    let input = raw.input;
    if !input.generics.params.is_empty() {
        errors.push(
            darling::Error::custom(
                "`#[derive(Params)]` does not support generic parameters; use concrete types",
            )
            .with_span(&input.generics),
        );
    }
    let shape = match &raw.shape {
        RawShape::Struct(fields) => {
            if !matches!(&input.data, syn::Data::Struct(data) if matches!(data.fields, syn::Fields::Named(_)))
            {
                errors.push(
                    darling::Error::custom(
                        "a struct group needs named fields, one per parameter; for \"one of\" groups use an enum",
                    )
                    .with_span(&input.ident),
                );
            }
            let fields = fields
                .iter()
                .filter_map(|field| {
                    errors.handle(named(field).and_then(|name| check_group_field(field, name, name.clone())))
                })
                .collect();
            GroupShape::Struct(fields)
        }
        RawShape::Enum(variants) => {
            if variants.is_empty() && matches!(&input.data, syn::Data::Enum(data) if data.variants.is_empty())
            {
                errors.push(
                    darling::Error::custom(
                        "an enum group needs at least one variant; each variant is one choice of parameters",
                    )
                    .with_span(&input.ident),
                );
            }
            GroupShape::Enum(
                variants.iter().filter_map(|variant| errors.handle(check_variant(variant))).collect(),
            )
        }
        RawShape::Union => {
            errors.push(
                darling::Error::custom("`#[derive(Params)]` applies to a struct or an enum, not a union")
                    .with_span(&input.ident),
            );
            GroupShape::Struct(Vec::new())
        }
    };
    let krate = raw.krate.clone().map(|path| errors.handle(check_crate_path(path)));
    errors.finish()?;
    Ok(Group { ident: &input.ident, krate: krate.flatten().unwrap_or(CratePath::Default), shape })
}

// A group's fields are parameters or nested groups; a group has no path, and its `Debug` is the
// user's own, so it cannot hide a secret:
//
//     #[derive(Params)] enum Target { Call(#[twilio(path)] CallSid) }
fn check_group_field<'a>(
    raw: &RawField<'a>,
    name: &syn::Ident,
    binding: syn::Ident,
) -> darling::Result<Field<'a>> {
    let mut errors = darling::Error::accumulator();
    if let Some(path) = &raw.attrs.path {
        errors.push(
            darling::Error::custom("`path` belongs on an endpoint's field; a group only holds parameters")
                .with_span(&path.span()),
        );
    }
    if raw.attrs.sensitive.is_present() {
        errors.push(
            darling::Error::custom("`sensitive` is not supported in a group, whose `Debug` is not generated; keep the secret as a field of the endpoint")
                .with_span(&raw.attrs.sensitive.span()),
        );
    }
    let field = errors.handle(check_field_as(raw, name, binding));
    errors.finish()?;
    field.ok_or_else(|| darling::Error::custom("internal error: field missing without an error"))
}

// Each variant must send something, and no key twice:
//
//     enum Coaching { Off }                                  // sends nothing
//     enum Sender { Both(PhoneNumber, MessagingServiceSid) } // which value is which key?
//     #[twilio(with(Body = ""))] Body(String)                // `Body` twice
fn check_variant<'a>(raw: &RawVariant<'a>) -> darling::Result<Variant<'a>> {
    let mut errors = darling::Error::accumulator();
    let ident = &raw.original.ident;
    let constants: Vec<(String, syn::Lit)> = raw
        .attrs
        .with
        .as_ref()
        .map(|with| with.0.iter().map(|(key, value)| (key.to_string(), value.clone())).collect())
        .unwrap_or_default();
    let fields = match &raw.original.fields {
        syn::Fields::Unit => {
            if constants.is_empty() {
                errors.push(
                    darling::Error::custom(format!(
                        "variant `{ident}` sends no parameter; give it a field, or constants with `#[twilio(with(Key = value))]`"
                    ))
                    .with_span(ident),
                );
            }
            VariantFields::Unit
        }
        syn::Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => {
            match raw
                .fields
                .first()
                .map(|field| check_group_field(field, ident, quote::format_ident!("{NEWTYPE_BINDING}")))
            {
                Some(field) => match errors.handle(field) {
                    Some(field) => VariantFields::Newtype(field),
                    None => VariantFields::Unit,
                },
                // The field's options did not parse, which was reported.
                None => VariantFields::Unit,
            }
        }
        syn::Fields::Unnamed(unnamed) => {
            errors.push(
                darling::Error::custom(format!(
                    "variant `{ident}` has several unnamed values; name them (`{ident} {{ from: ..., to: ... }}`) so that each has a key"
                ))
                .with_span(unnamed),
            );
            VariantFields::Unit
        }
        syn::Fields::Named(_) => VariantFields::Named(
            raw.fields
                .iter()
                .filter_map(|field| {
                    errors.handle(named(field).and_then(|name| check_group_field(field, name, name.clone())))
                })
                .collect(),
        ),
    };
    let mut keys: Vec<&str> = constants.iter().map(|(key, _)| key.as_str()).collect();
    let field_keys: Vec<&Field<'_>> = match &fields {
        VariantFields::Unit => Vec::new(),
        VariantFields::Newtype(field) => vec![field],
        VariantFields::Named(fields) => fields.iter().collect(),
    };
    for field in field_keys {
        if let Role::Param { key, .. } = &field.role {
            if keys.contains(&key.as_str()) {
                errors.push(
                    darling::Error::custom(format!(
                        "variant `{ident}` sends `{key}` twice; each key may be sent once"
                    ))
                    .with_span(&field.original.ty),
                );
            }
            keys.push(key);
        }
    }
    errors.finish()?;
    Ok(Variant { ident, constants, fields })
}
