//! Rust text for the model's items, written as a person writes them with the attribute, then the
//! `use` lines the text needs.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::model::{EnumDef, Field, Group, Member, Model, Operation, StructDef};
use crate::naming;
use crate::overlay::GroupKind;

const VALUES: &[&str] = &["AccountSid", "Url", "OrEmpty", "CallbackMethod", "PhoneNumber", "Address"];
const CHRONO: &[&str] = &["DateTime", "NaiveDate", "Utc"];
const ROOT: &[&str] = &[
    "LengthUnit",
    "Page",
    "Params",
    "Rule",
    "ValidationErrors",
    "Violation",
    "twilio_endpoint",
    "wire_enum",
];
const SERDE: &[&str] = &["Deserialize", "Serialize"];

pub fn operation(model: &Model<'_>, op: &Operation) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "/// `{} {}` (operation `{}`).", op.method, op.path, op.id);
    // The product's host, from the description's `servers` (`https://verify.twilio.com`: `verify`);
    // the attribute's default is `api`.
    let label = op.host.as_deref().map(|url| naming::host_label(url).ok_or(url));
    if let Some(Err(url)) = label {
        let _ = writeln!(out, "// Served by {url}, which is not a Twilio product host: declare it by hand.");
    }
    let checks = checks(model, op);
    out.push_str("#[twilio_endpoint(\n");
    let _ = writeln!(out, "    {},\n    \"{}\",", op.method, op.path);
    if let Some(Ok(label)) = &label
        && label != "api"
    {
        let _ = writeln!(out, "    host = \"{label}\",");
    }
    if op.json_body {
        out.push_str("    body = json,\n");
    }
    if let Some(response) = &op.response {
        let _ = writeln!(out, "    response = {response},");
    }
    let check_fn = format!("check_{}", heck::ToSnakeCase::to_snake_case(op.name.as_str()));
    let nested = nested_lengths(model, op);
    if !checks.is_empty() || !nested.is_empty() {
        let _ = writeln!(out, "    validate_with = {check_fn},");
    }
    out.push_str(")]\n#[derive(Clone, PartialEq)]\n");
    let _ = writeln!(out, "pub struct {} {{", op.name);
    for member in &op.members {
        match member {
            Member::Field(f) => field(&mut out, f, true),
            Member::Group(g) => {
                let keys: Vec<String> = g.members.iter().map(|f| format!("`{}`", f.key)).collect();
                let _ = writeln!(out, "    /// {}: {}.", keys.join(", "), kind_words(g.kind));
                if !g.between.is_empty() {
                    // Documented, not hidden: the official SDKs write each key at its own place.
                    let _ = writeln!(
                        out,
                        "    ///\n    /// Wire order: sent together where {} is; the description puts {} between them, \
                         so the keys go out in another order than the official SDKs'.",
                        keys[0],
                        g.between.join(", ")
                    );
                }
                out.push_str("    #[twilio(flatten)]\n");
                let ty = if g.kind == GroupKind::AtMostOne {
                    format!("Option<{}>", g.name)
                } else {
                    g.name.clone()
                };
                let _ = writeln!(out, "    pub {}: {ty},", heck::ToSnakeCase::to_snake_case(g.name.as_str()));
            }
        }
    }
    out.push_str("}\n");
    if !checks.is_empty() || !nested.is_empty() {
        out.push('\n');
        if !nested.is_empty() {
            out.push_str("// The attribute checks a JSON body's members, not the objects they hold: their lengths here.\n");
        }
        if checks.iter().any(|c| c.1.is_some()) {
            out.push_str("// An open enum (open so that replies with a value added later still decode) may be sent only\n// with the values the description lists.\n");
        }
        if checks.iter().any(|c| c.1.is_none()) {
            out.push_str("// The attribute takes no length rule on a path parameter: checked here.\n");
        }
        let _ = writeln!(out, "fn {check_fn}(request: &{}, errors: &mut ValidationErrors) {{", op.name);
        for line in &nested {
            out.push_str(line);
        }
        for f in checks.iter().filter_map(|c| c.1.is_none().then_some(c.0)) {
            let Some((low, high)) = f.path_len else { continue };
            let _ = writeln!(
                out,
                "    if !({low}..={high}).contains(&request.{0}.chars().count()) {{ errors.push(Violation::new(\"{1}\", Rule::Length {{ min: {low}, max: {high}, unit: LengthUnit::Characters }}, Some(request.{0}.clone()))); }}",
                f.ident, f.key
            );
        }
        for (f, e) in checks.iter().filter_map(|(f, e)| e.as_ref().map(|e| (f, e))) {
            let allowed = format!(
                "must be one of {}",
                e.values.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ")
            );
            let push = format!(
                "errors.push(Violation::new(\"{}\", Rule::Custom({:?}.into()), Some(value.clone())));",
                f.key, allowed
            );
            let name = &e.name;
            if f.vec {
                let _ = writeln!(
                    out,
                    "    for item in &request.{} {{ if let {name}::Unknown(value) = item {{ {push} }} }}",
                    f.ident
                );
            } else if f.required {
                let _ =
                    writeln!(out, "    if let {name}::Unknown(value) = &request.{} {{ {push} }}", f.ident);
            } else {
                let _ = writeln!(
                    out,
                    "    if let Some({name}::Unknown(value)) = &request.{} {{ {push} }}",
                    f.ident
                );
            }
        }
        out.push_str("}\n");
    }
    for member in &op.members {
        if let Member::Group(g) = member {
            out.push('\n');
            group(&mut out, g, op);
        }
    }
    out
}

fn kind_words(kind: GroupKind) -> &'static str {
    match kind {
        GroupKind::ExactlyOne => "exactly one",
        GroupKind::AtMostOne => "at most one",
        GroupKind::AtLeastOne => "at least one",
    }
}

/// The statements that check the length rules inside a JSON body's objects: each text reached from
/// a member, named by its keys joined with `.` (`phone_numbers.sms_pumping_risk.partner_sub_id`).
fn nested_lengths(model: &Model<'_>, op: &Operation) -> Vec<String> {
    let mut out = Vec::new();
    for member in &op.members {
        let Member::Field(f) = member else { continue };
        if !f.json {
            continue;
        }
        let values = match (f.vec, f.required) {
            (true, false) => format!("request.{}.iter().flatten()", f.ident),
            (true, true) | (false, false) => format!("request.{}.iter()", f.ident),
            (false, true) => format!("std::iter::once(&request.{})", f.ident),
        };
        for (chain, keys, low, high) in model.nested_lengths(&f.ty) {
            out.push(format!(
                "    for value in {values}{chain} {{ if !({low}..={high}).contains(&value.chars().count()) {{ errors.push(Violation::new(\"{}.{keys}\", Rule::Length {{ min: {low}, max: {high}, unit: LengthUnit::Characters }}, Some(value.clone()))); }} }}\n",
                f.key
            ));
        }
    }
    out
}

/// The fields whose type is an open enum (a request must not send its `Unknown`), and the path fields
/// with a length rule.
fn checks<'m>(model: &'m Model<'_>, op: &'m Operation) -> Vec<(&'m Field, Option<EnumDef>)> {
    let mut out = Vec::new();
    for member in &op.members {
        if let Member::Field(f) = member
            && f.path_len.is_some()
        {
            out.push((f, None));
        }
        if let Member::Field(f) = member
            && let Some(name) = &f.enum_name
            && f.ty == *name
        {
            if let Some(e) = model.enums.get(name).filter(|e| e.open) {
                out.push((f, Some(e.clone())));
            } else if model.curated_open.contains(name) {
                // A hand-written open enum: the values are the description's.
                let values = f.enum_values.clone();
                out.push((
                    f,
                    Some(EnumDef { name: name.clone(), values, open: true, source: String::new() }),
                ));
            }
        }
    }
    out
}

fn options(f: &Field, endpoint: bool) -> Vec<String> {
    let mut options = Vec::new();
    match &f.path {
        Some(None) => options.push("path".to_owned()),
        Some(Some(name)) => options.push(format!("path = \"{name}\"")),
        None => {}
    }
    if let Some(rename) = &f.rename {
        options.push(format!("rename = {rename:?}"));
    }
    if let Some((low, high)) = f.range {
        options.push(format!("range = {low}..={high}"));
    }
    if let Some((low, high)) = f.len {
        options.push(format!("len = {low}..={high}"));
    }
    if f.sensitive && endpoint {
        options.push("sensitive".to_owned());
    }
    options
}

fn full_type(f: &Field) -> String {
    if f.vec && f.json && !f.required {
        // Unset, a JSON body's list is `null`, as the official SDK sends it.
        format!("Option<Vec<{}>>", f.ty)
    } else if f.vec {
        format!("Vec<{}>", f.ty)
    } else if f.required {
        f.ty.clone()
    } else {
        format!("Option<{}>", f.ty)
    }
}

/// A field of an endpoint (`pub`), or of a group's variant (`endpoint` false).
fn field(out: &mut String, f: &Field, endpoint: bool) {
    let _ = writeln!(out, "    /// {}", f.doc);
    let options = options(f, endpoint);
    if !options.is_empty() {
        let _ = writeln!(out, "    #[twilio({})]", options.join(", "));
    }
    let _ = writeln!(out, "    {}{}: {},", if endpoint { "pub " } else { "" }, f.ident, full_type(f));
}

fn group(out: &mut String, g: &Group, op: &Operation) {
    let keys: Vec<String> = g.members.iter().map(|f| format!("`{}`", f.key)).collect();
    let _ = writeln!(out, "/// {} of {} (`{}`).", capitalised(kind_words(g.kind)), keys.join(", "), op.id);
    out.push_str("#[derive(Clone, Debug, PartialEq, Params)]\n");
    let _ = writeln!(out, "pub enum {} {{", g.name);
    let combinations: Vec<Vec<&Field>> = match g.kind {
        GroupKind::ExactlyOne | GroupKind::AtMostOne => g.members.iter().map(|f| vec![f]).collect(),
        GroupKind::AtLeastOne => (1..1u32 << g.members.len())
            .map(|mask| {
                g.members.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, f)| f).collect()
            })
            .collect(),
    };
    for combination in combinations {
        if let [f] = combination.as_slice() {
            // A single value: the variant's name is the key.
            let valid = f.key.chars().all(|c| c.is_ascii_alphanumeric())
                && f.key.starts_with(|c: char| c.is_ascii_uppercase());
            let variant = if valid { f.key.clone() } else { naming::type_name(&f.key) };
            let mut opts = Vec::new();
            if variant != f.key {
                opts.push(format!("rename = {:?}", f.key));
            }
            let mut rest = options(f, false);
            rest.retain(|o| !o.starts_with("rename"));
            opts.extend(rest);
            let attr =
                if opts.is_empty() { String::new() } else { format!("#[twilio({})] ", opts.join(", ")) };
            let _ = writeln!(out, "    /// {}", f.doc);
            let ty = if f.vec { format!("Vec<{}>", f.ty) } else { f.ty.clone() };
            let _ = writeln!(out, "    {variant}({attr}{ty}),");
        } else {
            let name: Vec<String> = combination.iter().map(|f| naming::type_name(&f.ident)).collect();
            let keys: Vec<String> = combination.iter().map(|f| format!("`{}`", f.key)).collect();
            let _ = writeln!(out, "    /// {}.", keys.join(" and "));
            let _ = writeln!(out, "    {} {{", name.join("And"));
            for f in combination {
                let mut inner = f.clone();
                inner.required = true;
                field(out, &inner, false);
            }
            out.push_str("    },\n");
        }
    }
    out.push_str("}\n");
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

pub fn enumeration(e: &EnumDef) -> String {
    let mut out = String::from("wire_enum! {\n");
    let _ = writeln!(
        out,
        "    /// The values of `{}`{}.",
        e.source,
        if e.open { "; open: a value added later decodes as `Unknown`" } else { "" }
    );
    if e.open {
        out.push_str("    #[open]\n");
    }
    let _ = writeln!(out, "    pub enum {} {{", e.name);
    for (variant, value) in naming::variants(&e.values).iter().zip(&e.values) {
        let _ = writeln!(out, "        {variant} = {value:?},");
    }
    out.push_str("    }\n}\n");
    out
}

pub fn structure(s: &StructDef) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "/// The description's `{}`.", s.schema);
    // A request's object with a required member has no `Default`: the caller gives that member.
    if s.request && s.fields.iter().any(|f| f.required) {
        out.push_str("#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]\n");
    } else {
        out.push_str("#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]\n");
    }
    if s.request {
        // Decoding a request refuses a member the description does not declare, naming it.
        out.push_str("#[serde(deny_unknown_fields)]\n");
    }
    let _ = writeln!(out, "pub struct {} {{", s.name);
    for f in &s.fields {
        let _ = writeln!(out, "    /// {}", f.doc);
        let mut serde = Vec::new();
        if let Some(rename) = &f.rename {
            serde.push(format!("rename = {rename:?}"));
        }
        if let Some(with) = &f.with {
            serde.push("default".to_owned());
            serde.push(format!("with = {with:?}"));
        }
        if !serde.is_empty() {
            let _ = writeln!(out, "    #[serde({})]", serde.join(", "));
        }
        if f.required {
            let _ = writeln!(out, "    pub {}: {},", f.ident, f.ty);
        } else {
            let _ = writeln!(out, "    pub {}: Option<{}>,", f.ident, f.ty);
        }
    }
    out.push_str("}\n");
    out
}

/// The identifiers of `code` outside comments and string literals.
fn identifiers(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in code.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        let mut word = String::new();
        let mut in_string = false;
        let mut escaped = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if !in_string && c == '/' && chars.peek() == Some(&'/') {
                break;
            }
            if in_string {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    in_string = false;
                }
                continue;
            }
            if c.is_ascii_alphanumeric() || c == '_' {
                word.push(c);
                continue;
            }
            if !word.is_empty() {
                out.insert(std::mem::take(&mut word));
            }
            if c == '"' {
                in_string = true;
            }
        }
        if !word.is_empty() {
            out.insert(word);
        }
    }
    out
}

/// What a file imports, by where names come from.
pub struct Imports<'a> {
    pub krate: &'a str,
    /// Names of the hand-written catalog, and whether they are re-exported (`pub use`).
    pub curated: &'a BTreeSet<String>,
    pub curated_pub: bool,
    /// Names of the shared module (`pub use super::shared::…`).
    pub shared: &'a BTreeSet<String>,
    /// Names defined in this file, never imported.
    pub local: BTreeSet<String>,
    /// Names re-exported whether or not the text uses them.
    pub extra_curated: BTreeSet<String>,
}

impl Imports<'_> {
    pub fn lines(&self, code: &str) -> String {
        let used = identifiers(code);
        let pick = |names: &mut dyn Iterator<Item = &str>| -> Vec<String> {
            names.filter(|n| used.contains(*n) && !self.local.contains(*n)).map(str::to_owned).collect()
        };
        let mut out = String::new();
        let list = |names: &[String]| -> String {
            if names.len() == 1 { names[0].clone() } else { format!("{{{}}}", names.join(", ")) }
        };
        if used.contains("HashMap") {
            out.push_str("use std::collections::HashMap;\n\n");
        }
        let chrono = pick(&mut CHRONO.iter().copied());
        if !chrono.is_empty() {
            let _ = writeln!(out, "use chrono::{};", list(&chrono));
        }
        let serde = pick(&mut SERDE.iter().copied());
        if !serde.is_empty() {
            let _ = writeln!(out, "use serde::{};", list(&serde));
        }
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        let mut curated: BTreeSet<String> =
            pick(&mut self.curated.iter().map(String::as_str)).into_iter().collect();
        curated.extend(self.extra_curated.iter().cloned());
        let curated: Vec<String> = curated.into_iter().collect();
        if !curated.is_empty() {
            let _ = writeln!(
                out,
                "{}use {}::api::v2010::{};",
                if self.curated_pub { "pub " } else { "" },
                self.krate,
                list(&curated)
            );
        }
        let mut values: Vec<String> = VALUES.iter().map(|s| s.to_string()).collect();
        values.extend(SID_TYPES.iter().map(|s| s.to_string()));
        values.sort();
        values.dedup();
        let values = pick(&mut values.iter().map(String::as_str));
        if !values.is_empty() {
            let _ = writeln!(out, "use {}::values::{};", self.krate, list(&values));
        }
        let root = pick(&mut ROOT.iter().copied());
        if !root.is_empty() {
            let _ = writeln!(out, "use {}::{};", self.krate, list(&root));
        }
        let shared = pick(&mut self.shared.iter().map(String::as_str));
        if !shared.is_empty() {
            let _ = writeln!(out, "pub use super::shared::{};", list(&shared));
        }
        out
    }
}

/// Every SID type the naming knows, for imports.
pub static SID_TYPES: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    let mut out: Vec<&str> = Vec::new();
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            let prefix = String::from_utf8(vec![a, b]).unwrap_or_default();
            if let Some(ty) = naming::sid_type(&prefix)
                && !out.contains(&ty)
            {
                out.push(ty);
            }
        }
    }
    out
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_skip_comments_and_strings() {
        let found = identifiers("/// `Url` here\npub x: Option<Url>, // Page\n#[twilio(rename = \"Page\")]");
        assert!(found.contains("Url"));
        assert!(!found.contains("Page"));
    }
}
