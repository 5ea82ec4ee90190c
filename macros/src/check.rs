//! Stage two: turns the raw views into the checked model, reporting every mistake at once, each at
//! the token at fault.

use std::collections::HashMap;

use darling::util::Override;
use heck::ToUpperCamelCase as _;

use crate::krate::CratePath;
use crate::model::{Bounds, Endpoint, Field, Presence, Response, Role};
use crate::parse::{FieldAttrs, RawEndpoint, RawField, RawRange, Template};

/// The placeholder filled from the client when no field names it.
const ACCOUNT_PLACEHOLDER: &str = "AccountSid";

/// Methods the attribute generates; a field of the same name would make its setter collide.
const GENERATED_METHODS: &[&str] = &["new", "validate", "to_form", "send"];

/// Checks what `parse` kept, adding to the mistakes it already reported, and builds the model when
/// there are none.
pub fn check<'a>(raw: RawEndpoint<'a>, mut errors: darling::error::Accumulator) -> darling::Result<Endpoint<'a>> {
    check_shape(raw.item, &mut errors);
    let fields: Vec<Field<'_>> =
        raw.fields.iter().filter_map(|field| errors.handle(check_field(field))).collect();
    if let Some(template) = &raw.template {
        check_placeholders(template, &raw.fields, &fields, &mut errors);
    }
    check_unique_keys(&fields, &mut errors);
    let krate = raw.args.as_ref().and_then(|args| args.krate.clone()).map(|path| errors.handle(check_crate_path(path)));
    errors.finish()?;
    // Without mistakes, the arguments and the template were parsed.
    let (Some(args), Some(template)) = (raw.args, raw.template) else {
        return Err(darling::Error::custom("internal error: arguments missing without an error"));
    };
    let response = match args.response {
        Some(syn::Type::Tuple(unit)) if unit.elems.is_empty() => Response::Empty,
        other => Response::Json(other),
    };
    Ok(Endpoint {
        item: raw.item,
        krate: krate.flatten().unwrap_or(CratePath::Default),
        method: args.method,
        template,
        response,
        validate_with: args.validate_with,
        fields,
    })
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
            darling::Error::custom("`#[twilio_endpoint]` does not support generic parameters; use concrete types")
                .with_span(&item.generics),
        );
    }
}

fn check_field<'a>(raw: &RawField<'a>) -> darling::Result<Field<'a>> {
    let attrs = &raw.attrs;
    let original: &'a syn::Field = raw.original;
    let ident = original.ident.as_ref().ok_or_else(|| {
        darling::Error::custom("expected a named field").with_span(&raw.original.ty)
    })?;
    let mut errors = darling::Error::accumulator();
    // A field named after a generated method would get a setter of the same name:
    //
    //     pub send: Option<bool>,     // `fn send(self, bool)` and `async fn send(&self, &Client)`
    if GENERATED_METHODS.contains(&ident.to_string().as_str()) {
        errors.push(
            darling::Error::custom(format!(
                "a field named `{ident}` collides with the generated method `{ident}`; rename the field and keep the key with `#[twilio(rename = \"{}\")]`",
                ident.to_string().to_upper_camel_case()
            ))
            .with_span(ident),
        );
    }
    let role = errors.handle(check_role(attrs, ident));
    errors.finish()?;
    let role = role.ok_or_else(|| darling::Error::custom("internal error: role missing without an error"))?;
    Ok(Field {
        original,
        ident,
        role,
        presence: presence(&original.ty),
        sensitive: attrs.sensitive.is_present(),
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
        return Ok(Role::Path { placeholder });
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
            if rename.is_empty() {
                errors.push(darling::Error::custom("`rename` needs a non-empty key").with_span(&rename.span()));
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
        errors.push(darling::Error::custom("`len` counts characters or items; it cannot be negative").with_span(&len.span));
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
        let Role::Path { placeholder } = &field.role else { continue };
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
        } else if seen.insert(placeholder.clone(), field.ident).is_some() {
            errors.push(
                darling::Error::custom(format!("`{{{placeholder}}}` is already filled by another path field"))
                    .with_span(&span),
            );
        }
    }
    let mut reported = Vec::new();
    for placeholder in placeholders {
        if placeholder == ACCOUNT_PLACEHOLDER || seen.contains_key(placeholder) || reported.contains(&placeholder) {
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
        if let Some(first) = seen.insert(key, field.ident) {
            errors.push(
                darling::Error::custom(format!(
                    "fields `{first}` and `{}` both send the key `{key}`; give one of them another `rename`",
                    field.ident
                ))
                .with_span(field.ident),
            );
        }
    }
}

// Generated code names the runtime through this path from anywhere, so it must be absolute:
//
//     crate = twilio_endpoint      // resolves differently in each module
fn check_crate_path(path: syn::Path) -> darling::Result<CratePath> {
    if path.leading_colon.is_none() && !path.segments.first().is_some_and(|segment| segment.ident == "crate") {
        return Err(darling::Error::custom(format!(
            "`crate` must be an absolute path, e.g. `crate = ::{}`",
            quote::ToTokens::to_token_stream(&path).to_string().replace(' ', "")
        ))
        .with_span(&path));
    }
    Ok(CratePath::Explicit(path))
}

fn presence(ty: &syn::Type) -> Presence<'_> {
    let syn::Type::Path(path) = ty else { return Presence::Required };
    let Some(last) = path.path.segments.last() else { return Presence::Required };
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else { return Presence::Required };
    let inner = match args.args.first() {
        Some(syn::GenericArgument::Type(inner)) if args.args.len() == 1 => inner,
        _ => return Presence::Required,
    };
    match last.ident.to_string().as_str() {
        "Option" => Presence::Optional(inner),
        "Vec" => Presence::List(inner),
        _ => Presence::Required,
    }
}
