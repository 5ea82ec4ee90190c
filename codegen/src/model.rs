//! From the description (and the overlay) to the items to write: operations, response types, enums
//! and groups, each with the families that use it.

use std::collections::{BTreeMap, BTreeSet};

use crate::json::Json;
use crate::naming;
use crate::overlay::{GroupKind, Overlay, ParamRule};

/// A request field.
#[derive(Clone, Debug)]
pub struct Field {
    pub ident: String,
    pub key: String,
    pub rename: Option<String>,
    /// The value's type, without `Option`/`Vec`.
    pub ty: String,
    pub vec: bool,
    pub required: bool,
    /// `Some(None)`: `#[twilio(path)]`; `Some(Some(name))`: `#[twilio(path = "name")]`.
    pub path: Option<Option<String>>,
    pub sensitive: bool,
    pub range: Option<(i64, i64)>,
    pub len: Option<(i64, i64)>,
    pub doc: String,
    /// A member of the operation's JSON body (`body = json`): an optional list is `Option<Vec<T>>`,
    /// sent as `null` when unset as the official SDK does.
    pub json: bool,
    /// The enum of the field's values, when it is one of the description's (for open-enum checks).
    pub enum_name: Option<String>,
    /// The values the description lists for it.
    pub enum_values: Vec<String>,
    /// A length rule on a path parameter, which the attribute does not take there: checked by the
    /// operation's `validate_with` function.
    pub path_len: Option<(i64, i64)>,
}

#[derive(Clone, Debug)]
pub struct Group {
    pub name: String,
    pub kind: GroupKind,
    pub members: Vec<Field>,
    /// The keys the description places between the group's members, which the flattened group (written
    /// whole at its first member's place) sends after it: the official SDKs send them in between.
    pub between: Vec<String>,
}

// A few hundred per description: the size of a group does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Member {
    Field(Field),
    Group(Group),
}

#[derive(Clone, Debug)]
pub struct Operation {
    pub id: String,
    pub name: String,
    pub method: String,
    pub path: String,
    pub family: String,
    pub curated: bool,
    pub members: Vec<Member>,
    /// `None`: no typed response (`serde_json::Value`).
    pub response: Option<String>,
    pub host: Option<String>,
    /// The parameters are the members of an `application/json` body (`body = json`).
    pub json_body: bool,
}

#[derive(Clone, Debug)]
pub struct EnumDef {
    pub name: String,
    pub values: Vec<String>,
    pub open: bool,
    pub source: String,
}

#[derive(Clone, Debug)]
pub struct RespField {
    pub ident: String,
    pub rename: Option<String>,
    pub ty: String,
    pub with: Option<String>,
    pub doc: String,
    /// In the `required` of a request-side object: the plain type, always sent (a response's members
    /// are all `Option`).
    pub required: bool,
}

#[derive(Clone, Debug)]
pub struct StructDef {
    pub name: String,
    pub schema: String,
    pub fields: Vec<RespField>,
    /// The generated enums and types its fields use.
    pub enums: Vec<String>,
    /// An object a JSON request body holds (not a response's): its required members are not `Option`,
    /// its enums closed, and decoding refuses an unknown member (`deny_unknown_fields`).
    pub request: bool,
}

pub struct Model<'a> {
    spec: &'a Json,
    overlay: &'a Overlay,
    /// `crate` inside the facade, `twilio_endpoint` in application code.
    pub krate: &'static str,
    pub ops: Vec<Operation>,
    pub enums: BTreeMap<String, EnumDef>,
    enum_by_schema: BTreeMap<String, String>,
    pub structs: BTreeMap<String, StructDef>,
    struct_by_schema: BTreeMap<String, String>,
    /// The request-side structs, by schema: apart from the response ones, which stay lenient.
    request_struct_by_schema: BTreeMap<String, String>,
    /// The open enums of the hand-written code.
    pub curated_open: BTreeSet<String>,
    /// Every type name of the hand-written code: a rule's `enum_name` naming one reuses it.
    pub curated_names: BTreeSet<String>,
    /// The operations the attribute cannot declare (`PUT`, a JSON body), with why: listed in the
    /// catalog's documentation rather than generated wrong.
    pub skipped: Vec<(String, String)>,
}

const PAGING: &[&str] = &["PageToken", "Page", "PageSize"];
/// The upper bound of a required list's `len` when nothing else bounds it: `u32::MAX`, which a
/// `usize` holds on every target (the attribute's ranges need both ends).
const LIST_MAX: i64 = u32::MAX as i64;
const PAGE_KEYS: &[&str] =
    &["end", "first_page_uri", "next_page_uri", "page", "page_size", "previous_page_uri", "start", "uri"];

/// Whether a list's `meta` property is the paging object of the newer products' lists.
fn is_meta(property: &Json) -> bool {
    let keys: Vec<&String> = property.at("properties").pairs().iter().map(|(k, _)| k).collect();
    ["key", "next_page_url", "page", "page_size"].iter().all(|k| keys.iter().any(|p| p == k))
}

fn schema_ref(schema: &Json) -> Option<&str> {
    schema.at("$ref").str().and_then(|r| r.strip_prefix("#/components/schemas/"))
}

impl<'a> Model<'a> {
    pub fn new(
        spec: &'a Json,
        overlay: &'a Overlay,
        krate: &'static str,
        curated_open: BTreeSet<String>,
    ) -> Self {
        Model {
            spec,
            overlay,
            krate,
            ops: Vec::new(),
            enums: BTreeMap::new(),
            enum_by_schema: BTreeMap::new(),
            structs: BTreeMap::new(),
            struct_by_schema: BTreeMap::new(),
            request_struct_by_schema: BTreeMap::new(),
            curated_open,
            curated_names: BTreeSet::new(),
            skipped: Vec::new(),
        }
    }

    fn schema(&self, name: &str) -> &'a Json {
        self.spec.at("components").at("schemas").at(name)
    }

    /// Every operation of the description, in its order (paths, then get, post, delete as written).
    pub fn operations(spec: &Json) -> Vec<(String, String, &Json, &Json)> {
        let mut out = Vec::new();
        for (path, item) in spec.at("paths").pairs() {
            for (method, op) in item.pairs() {
                if matches!(method.as_str(), "get" | "post" | "delete" | "put" | "patch") {
                    out.push((path.clone(), method.to_ascii_uppercase(), op, item));
                }
            }
        }
        out
    }

    /// Builds every operation (`only`: just this one).
    pub fn build(&mut self, only: Option<&str>) -> Result<(), String> {
        let spec = self.spec;
        let mut found = false;
        for (path, method, op, item) in Self::operations(spec) {
            let id = op
                .at("operationId")
                .str()
                .ok_or_else(|| format!("{method} {path}: no operationId"))?
                .to_owned();
            if only.is_some_and(|o| o != id) {
                continue;
            }
            found = true;
            if let Some(reason) = unsupported(&method, op) {
                if only.is_some() {
                    return Err(format!("{id}: {reason}"));
                }
                self.skipped.push((id, reason));
                continue;
            }
            let built = self.operation(&path, &method, &id, op, item).map_err(|e| format!("{id}: {e}"))?;
            self.ops.push(built);
        }
        if let Some(only) = only
            && !found
        {
            return Err(format!("no operation `{only}` in the description"));
        }
        self.check_rules()
    }

    /// Every rule names an operation and parameters that exist, so that the overlay cannot rot silently.
    fn check_rules(&self) -> Result<(), String> {
        let spec = self.spec;
        let mut known: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut list_params = BTreeSet::new();
        for (path, method, op, item) in Self::operations(spec) {
            let id = op.at("operationId").str().unwrap_or_default().to_owned();
            let params: BTreeSet<String> =
                raw_params(spec, op, item, &path).into_iter().map(|(k, ..)| k).collect();
            if method == "GET" {
                list_params.extend(params.iter().cloned());
            }
            known.insert(id, params);
        }
        for (op, rules) in &self.overlay.ops {
            let Some(params) = known.get(op) else {
                return Err(format!("rules.toml: unknown operation `{op}`"));
            };
            let named = rules.params.keys().chain(rules.groups.iter().flat_map(|g| g.params.iter()));
            for param in named {
                if !params.contains(param) {
                    return Err(format!("rules.toml: `{op}` has no parameter `{param}`"));
                }
            }
        }
        for param in self.overlay.every_list.keys() {
            if !list_params.contains(param) {
                return Err(format!("rules.toml: `every_list` names `{param}`, which no GET operation has"));
            }
        }
        Ok(())
    }

    fn operation(
        &mut self,
        path: &str,
        method: &str,
        id: &str,
        op: &Json,
        item: &Json,
    ) -> Result<Operation, String> {
        let family = naming::family(path);
        let host = op
            .at("servers")
            .items()
            .first()
            .or_else(|| item.at("servers").items().first())
            .or_else(|| self.spec.at("servers").items().first())
            .and_then(|s| s.at("url").str())
            .map(str::to_owned);
        if let Some(name) = self.overlay.curated_ops.get(id) {
            // Kept as written by hand: its rules are enforced there.
            return Ok(Operation {
                id: id.into(),
                name: name.clone(),
                method: method.into(),
                path: path.into(),
                family,
                curated: true,
                members: Vec::new(),
                response: None,
                host,
                json_body: false,
            });
        }
        if let Some(reason) = unsupported(method, op) {
            return Err(reason);
        }
        let json_body = op.at("requestBody").at("content").get("application/json").is_some();
        let response = self.response(op, method)?;
        let is_list = method == "GET" && response.as_deref().is_some_and(|r| r.starts_with("Page<"));
        let rules = self.overlay.ops.get(id).cloned().unwrap_or_default();
        let mut fields = Vec::new();
        for (key, location, schema, required) in raw_params(self.spec, op, item, path) {
            let mut rule = rules.params.get(&key).cloned().unwrap_or_default();
            if is_list && let Some(list_rule) = self.overlay.every_list.get(&key) {
                merge(&mut rule, list_rule);
            }
            // A JSON member's enum is named after the body's schema (`OverridesRequestLineType`), which
            // the create and the update of a resource share.
            let owner =
                match schema_ref(op.at("requestBody").at("content").at("application/json").at("schema")) {
                    Some(name) if location == "json" => naming::type_name(name),
                    _ => id.to_owned(),
                };
            fields.push(self.field(&owner, &key, &location, schema, required, &rule)?);
        }
        // A parameter named like a path field (the body's `AccountSid` of Update Incoming Phone Number)
        // keeps its key under another name.
        let path_idents: Vec<String> =
            fields.iter().filter(|f| f.path.is_some()).map(|f| f.ident.clone()).collect();
        for f in fields.iter_mut().filter(|f| f.path.is_none() && path_idents.contains(&f.ident)) {
            f.ident.push_str("_param");
            f.rename = Some(f.key.clone());
        }
        // Clearing a URL: an update (a POST on an instance path) takes an optional URL parameter sent
        // empty (`VoiceUrl=`) as "remove this setting", and the official SDKs send it so; the field is
        // then `OrEmpty<Url>`, whose setter still takes a plain `Url` (`From<T> for OrEmpty<T>`). A
        // create has nothing to clear, a required URL cannot be empty, and an overlay type is kept.
        if updates_instance(method, path) {
            for f in fields.iter_mut().filter(|f| f.ty == "Url" && !f.required && !f.vec && f.path.is_none())
            {
                f.ty = "OrEmpty<Url>".into();
                f.doc.push_str(" `OrEmpty::Empty` sends it empty, which clears it.");
            }
        }
        if !matches!(method, "POST" | "PUT") {
            // Paging last, token first, as the official SDKs send it.
            let (mut rest, paging): (Vec<Field>, Vec<Field>) =
                fields.into_iter().partition(|f| !PAGING.contains(&f.key.as_str()) || f.path.is_some());
            for key in PAGING {
                rest.extend(paging.iter().filter(|f| f.key == *key).cloned());
            }
            fields = rest;
        }
        let mut members: Vec<Member> = fields.into_iter().map(Member::Field).collect();
        for group in &rules.groups {
            let mut taken = Vec::new();
            let mut at = None;
            for (i, member) in members.iter().enumerate() {
                if let Member::Field(f) = member
                    && group.params.contains(&f.key)
                {
                    at.get_or_insert(i);
                    taken.push(i);
                }
            }
            let at = at.ok_or_else(|| format!("group `{}` has no parameter here", group.name))?;
            // A flattened group writes its keys together; what lies between its members in the
            // description cannot be written in between, so the key order then differs from the SDKs'.
            let last = taken.last().copied().unwrap_or(at);
            let between: Vec<String> = members[at..=last]
                .iter()
                .filter_map(|m| match m {
                    Member::Field(f) if !group.params.contains(&f.key) => Some(format!("`{}`", f.key)),
                    Member::Group(g) => Some(format!("`{}`", g.name)),
                    Member::Field(_) => None,
                })
                .collect();
            let mut group_fields = Vec::new();
            for i in taken.iter().rev() {
                if let Member::Field(f) = members.remove(*i) {
                    if f.path.is_some() || f.sensitive {
                        return Err(format!(
                            "group `{}`: `{}` is a path or sensitive parameter",
                            group.name, f.key
                        ));
                    }
                    let mut f = f;
                    // In a group, which members are sent is the variant's to say.
                    f.doc = f.doc.replace(", optional.", ".").replace(", required.", ".");
                    group_fields.insert(0, f);
                }
            }
            members.insert(
                at,
                Member::Group(Group {
                    name: group.name.clone(),
                    kind: group.kind,
                    members: group_fields,
                    between,
                }),
            );
        }
        Ok(Operation {
            id: id.into(),
            name: id.into(),
            method: method.into(),
            path: path.into(),
            family,
            curated: false,
            members,
            response,
            host,
            json_body,
        })
    }

    fn field(
        &mut self,
        op: &str,
        key: &str,
        location: &str,
        schema: &Json,
        required: bool,
        rule: &ParamRule,
    ) -> Result<Field, String> {
        let json = location == "json";
        let (ident, rename) = if json {
            // The attribute sends a JSON member under the field's own name, so the field keeps its key
            // but under another name when its own is a keyword (`r#type` would not make `type(...)` a
            // setter) or a generated method's.
            let (ident, _) = naming::response_field(key);
            let mut ident = ident.trim_start_matches("r#").to_owned();
            if naming::is_reserved(&ident) {
                ident.push('_');
            }
            let rename = (ident != key).then(|| key.to_owned());
            (ident, rename)
        } else {
            naming::request_field(key)
        };
        let mut field = Field {
            ident,
            key: key.into(),
            rename,
            ty: String::new(),
            vec: false,
            required,
            path: None,
            sensitive: rule.sensitive || naming::obviously_secret(key),
            range: rule.range,
            len: rule.len,
            doc: String::new(),
            json,
            enum_name: None,
            enum_values: Vec::new(),
            path_len: None,
        };
        if location == "path" {
            field.rename = None;
            field.path = Some((naming::macro_key(&field.ident) != key).then(|| key.to_owned()));
        }
        let (ty, mut desc) = if json {
            let schema = if schema.at("type").str() == Some("array") {
                field.vec = true;
                schema.at("items")
            } else {
                schema
            };
            self.json_type(op, key, schema, &mut field.enum_name)?
        } else if key == "AccountSid" && location == "path" {
            field.required = false;
            ("AccountSid".to_owned(), "account SID `AC…`, the client's account when unset".to_owned())
        } else if PAGING.contains(&key) && location == "query" && key != "PageToken" {
            // Paging as the hand-written lists type it (the description says int64 for `PageSize`).
            ("u32".to_owned(), "integer".to_owned())
        } else {
            let schema = if schema.at("type").str() == Some("array") {
                field.vec = true;
                schema.at("items")
            } else {
                schema
            };
            if let Some(name) = schema_ref(schema) {
                field.enum_values = self
                    .schema(name)
                    .at("enum")
                    .items()
                    .iter()
                    .filter_map(|v| v.str().map(str::to_owned))
                    .collect();
            }
            self.request_type(op, key, schema, &mut field.enum_name)?
        };
        field.ty = ty;
        if field.ty == "bool" && !rule.sensitive {
            // A switch is no secret, whatever its name (Verify's `EnableSnaClientToken`).
            field.sensitive = false;
        }
        if let Some(values) = &rule.values {
            let name = rule.enum_name.clone().unwrap_or_else(|| format!("{op}{}", naming::type_name(key)));
            if !self.curated_names.contains(&name) {
                self.add_enum(&name, values, &format!("rules.toml: {op}.{key}"))?;
            }
            field.ty = name.clone();
            field.enum_name = Some(name);
        }
        if let Some(ty) = &rule.type_override {
            field.ty = ty.replace("crate::", &format!("{}::", self.krate));
            field.enum_name = None;
            // The doc names what the field takes now, not the description's type (a `UsageDate` is not
            // only a date).
            let short = ty.rsplit("::").next().unwrap_or(ty);
            desc = if short == "String" { "string".into() } else { format!("`{short}`") };
            // A type of its own checks its value when it is parsed (`SendDigits`: at most 32 keys); the
            // attribute's `len` and `range` take only text, lists and integers.
            if field.ty != "String" && !field.vec {
                field.len = None;
            }
            if !matches!(field.ty.as_str(), "u32" | "i64") {
                field.range = None;
            }
        }
        // Bounds the description states in the schema are enforced like the overlay's.
        let bounded = if field.vec { schema.at("items") } else { schema };
        let int = |key: &str| bounded.at(key).num().and_then(|n| n.as_i64());
        if field.range.is_none()
            && matches!(field.ty.as_str(), "u32" | "i64")
            && let (Some(low), Some(high)) = (int("minimum"), int("maximum"))
        {
            field.range = Some((low, high));
        }
        if field.len.is_none()
            && field.ty == "String"
            && !field.vec
            && field.path.is_none()
            && let Some(high) = int("maxLength")
        {
            field.len = Some((int("minLength").unwrap_or(0), high));
        }
        // A required list needs an item (an empty `Vec` sends no key at all): the attribute's `len`
        // counts a list's items and takes two bounds, so the open end is the most a `usize` holds
        // everywhere.
        if field.vec && field.required && field.path.is_none() {
            field.len = Some(field.len.map_or((1, LIST_MAX), |(low, high)| (low.max(1), high)));
        }
        if field.path.is_some() && field.len.is_some() {
            if field.ty != "String" {
                return Err(format!("`{key}`: a length rule on a path parameter of type `{}`", field.ty));
            }
            field.path_len = field.len.take();
        }
        if field.range.is_some() && !matches!(field.ty.as_str(), "u32" | "i64") {
            return Err(format!("`{key}`: a range on a parameter of type `{}`", field.ty));
        }
        let where_ = if json { "JSON body" } else { location };
        let mut doc = format!(
            "`{key}` ({where_}): {}{desc}, {}.",
            if field.vec { "list of " } else { "" },
            if field.required { "required" } else { "optional" }
        );
        let shown = if field.vec { schema.at("items") } else { schema };
        if let Some(values) = rule.values.as_ref().or(None) {
            doc.push_str(&format!(" Values: {}.", quoted(values)));
        } else if !shown.at("enum").items().is_empty() {
            let values: Vec<String> =
                shown.at("enum").items().iter().filter_map(|v| v.str().map(str::to_owned)).collect();
            doc.push_str(&format!(" Values: {}.", quoted(&values)));
        }
        if let Some((low, high)) = field.range {
            doc.push_str(&format!(" Range: {low} to {high}."));
        }
        match field.len.or(field.path_len) {
            Some((low, LIST_MAX)) => doc.push_str(&format!(" Length: at least {low}.")),
            Some((low, high)) => doc.push_str(&format!(" Length: {low} to {high}.")),
            None => {}
        }
        if let Some(default) = shown.get("default") {
            doc.push_str(&format!(" Default: `{}`.", default.text()));
        }
        if field.sensitive {
            doc.push_str(" Never shown by `Debug`.");
        }
        field.doc = doc;
        Ok(field)
    }

    /// A JSON body member's type and its description in words: an object of the description is a
    /// request-side serde struct (required members plain, optional ones `Option` and left out when
    /// `None` as the official SDK leaves out nulls, enums closed, unknown members refused when
    /// decoded), an enum a closed enum, numbers and text as for a form.
    fn json_type(
        &mut self,
        op: &str,
        key: &str,
        schema: &Json,
        enum_name: &mut Option<String>,
    ) -> Result<(String, String), String> {
        if let Some(name) = schema_ref(schema) {
            let target = self.schema(name);
            if target.at("enum").items().is_empty() {
                if target.at("properties").pairs().is_empty() {
                    return Ok(("serde_json::Value".into(), format!("JSON value (`{name}`)")));
                }
                let ty = self.request_struct_for_schema(name)?;
                return Ok((ty.clone(), format!("object `{ty}`")));
            }
        }
        match (schema.at("type").str().unwrap_or_default(), schema.at("format").str().unwrap_or_default()) {
            ("object", _) | ("", _)
                if schema_ref(schema).is_none() && schema.at("enum").items().is_empty() =>
            {
                Ok(("serde_json::Value".into(), "JSON value".into()))
            }
            _ => self.request_type(op, key, schema, enum_name),
        }
    }

    /// A request value's type and its description in words.
    fn request_type(
        &mut self,
        op: &str,
        key: &str,
        schema: &Json,
        enum_name: &mut Option<String>,
    ) -> Result<(String, String), String> {
        if let Some(name) = schema_ref(schema) {
            if self.schema(name).at("enum").items().is_empty()
                && !self.overlay.curated_schemas.contains_key(name)
            {
                // An object as a form value: Twilio takes its JSON text.
                return Ok(("String".into(), format!("JSON text of `{name}`")));
            }
            let ty = self.enum_for_schema(name, false)?;
            *enum_name = Some(ty.clone());
            return Ok((ty, "enum".into()));
        }
        let format = schema.at("format").str().unwrap_or_default();
        if format == "http-method" {
            return Ok(("CallbackMethod".into(), "HTTP method".into()));
        }
        if !schema.at("enum").items().is_empty() {
            let values: Vec<String> =
                schema.at("enum").items().iter().filter_map(|v| v.str().map(str::to_owned)).collect();
            let name = format!("{op}{}", naming::type_name(key));
            self.add_enum(&name, &values, &format!("{op}.{key}"))?;
            *enum_name = Some(name.clone());
            return Ok((name, "enum".into()));
        }
        if let Some(prefix) = schema.at("pattern").str().and_then(naming::sid_prefix) {
            return Ok(match naming::sid_type(&prefix) {
                Some(ty) => (ty.into(), format!("SID `{prefix}…`")),
                None => ("String".into(), format!("SID `{prefix}…` (no SID type for this prefix)")),
            });
        }
        let ty = match (schema.at("type").str().unwrap_or_default(), format) {
            ("string", "uri") => ("Url", "URL"),
            ("string", "phone-number") => ("PhoneNumber", "phone number"),
            ("string", "endpoint") => ("Address", "address (phone number, `client:`, `sip:`)"),
            ("string", "date-time") => ("DateTime<Utc>", "date-time (UTC)"),
            ("string", "date") => ("NaiveDate", "date"),
            ("boolean", _) => ("bool", "boolean"),
            ("integer", "int64") => ("i64", "integer"),
            ("integer", _) if schema.at("minimum").num().and_then(|n| n.as_i64()).is_some_and(|n| n < 0) => {
                ("i64", "integer")
            }
            ("integer", _) => ("u32", "integer"),
            ("number", _) => ("String", "decimal number, as text"),
            // No type at all (Verify's `RateLimits`, `Metadata`...): an object the SDKs send as its
            // JSON text, which the attribute takes as text.
            ("", _) => ("String", "JSON text of an object (`{\"key\": \"value\"}`)"),
            _ => ("String", "string"),
        };
        Ok((ty.0.into(), ty.1.into()))
    }

    fn add_enum(&mut self, name: &str, values: &[String], source: &str) -> Result<(), String> {
        if let Some(existing) = self.enums.get(name) {
            if existing.values != values {
                return Err(format!(
                    "enum `{name}` ({source}) has other values than `{name}` ({})",
                    existing.source
                ));
            }
            return Ok(());
        }
        self.enums.insert(
            name.into(),
            EnumDef { name: name.into(), values: values.to_vec(), open: false, source: source.into() },
        );
        Ok(())
    }

    /// The Rust enum for an enum schema (the hand-written one when the overlay maps it); `response`
    /// marks it open.
    pub fn enum_for_schema(&mut self, schema: &str, response: bool) -> Result<String, String> {
        if let Some(curated) = self.overlay.curated_schemas.get(schema) {
            return Ok(curated.clone());
        }
        let name = match self.enum_by_schema.get(schema) {
            Some(name) => name.clone(),
            None => {
                let values: Vec<String> = self
                    .schema(schema)
                    .at("enum")
                    .items()
                    .iter()
                    .filter_map(|v| v.str().map(str::to_owned))
                    .collect();
                if values.is_empty() {
                    return Err(format!("schema `{schema}` is not an enum of strings"));
                }
                // The same values under a resource's variant (`incoming_phone_number_local_enum_x` and
                // `incoming_phone_number_enum_x`) are one enum.
                let (resource, what) = schema.split_once("_enum_").unwrap_or((schema, ""));
                let shared = self.enum_by_schema.iter().find(|(other, name)| {
                    other
                        .split_once("_enum_")
                        .is_some_and(|(r, w)| w == what && resource.starts_with(&format!("{r}_")))
                        && self.enums.get(*name).is_some_and(|e| e.values == values)
                });
                let name = match shared {
                    Some((_, name)) => name.clone(),
                    None => {
                        let name = self
                            .overlay
                            .names
                            .get(schema)
                            .cloned()
                            .unwrap_or_else(|| naming::enum_type(schema));
                        self.add_enum(&name, &values, schema)?;
                        name
                    }
                };
                self.enum_by_schema.insert(schema.into(), name.clone());
                name
            }
        };
        if response && let Some(e) = self.enums.get_mut(&name) {
            e.open = true;
        }
        Ok(name)
    }

    /// The `response = …` of an operation.
    fn response(&mut self, op: &Json, method: &str) -> Result<Option<String>, String> {
        let responses = op.at("responses");
        if responses.get("204").is_some() {
            return Ok(Some("()".into()));
        }
        let Some((_, ok)) = responses.pairs().iter().find(|(code, _)| code.starts_with('2')) else {
            return Ok(None);
        };
        let schema = ok.at("content").at("application/json").at("schema");
        if let Some(name) = schema_ref(schema) {
            return Ok(Some(self.struct_for_schema(name)?));
        }
        let mut item = None;
        let mut page = true;
        for (key, property) in schema.at("properties").pairs() {
            if property.at("type").str() == Some("array")
                && let Some(name) = schema_ref(property.at("items"))
                && item.is_none()
            {
                item = Some(name);
            } else if !PAGE_KEYS.contains(&key.as_str()) && (key != "meta" || !is_meta(property)) {
                // The newer products' lists (one array and `meta` with the paging links) are pages too.
                page = false;
            }
        }
        match item {
            // Only a list (a GET) pages: a batch's answer (Lookups' `CreateBulkLookup`) is one object.
            Some(name) if page && method == "GET" => {
                Ok(Some(format!("Page<{}>", self.struct_for_schema(name)?)))
            }
            // Another shape (the newer APIs' lists, with `meta`): a type of its own, named after the
            // operation.
            _ if !schema.at("properties").pairs().is_empty() => {
                let id = op.at("operationId").str().unwrap_or_default();
                Ok(Some(self.struct_from(&format!("{id}Response"), &format!("{id} response"), schema)?))
            }
            _ => Ok(None),
        }
    }

    fn struct_for_schema(&mut self, schema: &str) -> Result<String, String> {
        if let Some(curated) = self.overlay.curated_schemas.get(schema) {
            return Ok(curated.clone());
        }
        if let Some(name) = self.struct_by_schema.get(schema) {
            return Ok(name.clone());
        }
        let mut name = self.overlay.names.get(schema).cloned().unwrap_or_else(|| naming::schema_type(schema));
        if self.structs.get(&name).is_some_and(|s| s.request) {
            // A request named it first: the response's own type, lenient, apart from it.
            name.push_str("Response");
        }
        self.struct_by_schema.insert(schema.into(), name.clone());
        self.struct_from(&name, schema, self.schema(schema))
    }

    /// The request-side struct for object schema `schema`. A schema a response uses too gets two
    /// types: the response's stays lenient (every member optional, unknown members and values
    /// accepted, as replies grow), the request's is strict; the one named second takes a suffix
    /// (`Request`, or `Response` for the response's).
    fn request_struct_for_schema(&mut self, schema: &str) -> Result<String, String> {
        if let Some(curated) = self.overlay.curated_schemas.get(schema) {
            return Ok(curated.clone());
        }
        if let Some(name) = self.request_struct_by_schema.get(schema) {
            return Ok(name.clone());
        }
        let mut name = self.overlay.names.get(schema).cloned().unwrap_or_else(|| naming::schema_type(schema));
        if self.structs.get(&name).is_some_and(|s| !s.request) {
            name.push_str("Request");
        }
        self.request_struct_by_schema.insert(schema.into(), name.clone());
        self.request_struct_from(&name, schema, self.schema(schema))
    }

    /// The request-side struct `name` for the object schema `json`: each member typed as a JSON
    /// body's member is (an inline enum a closed enum named `{name}{Member}`, an object a
    /// request-side struct), `required` ones plain.
    fn request_struct_from(&mut self, name: &str, schema: &str, json: &Json) -> Result<String, String> {
        let name = name.to_owned();
        if let Some(other) = self.structs.get(&name) {
            return Err(format!(
                "name collision: `{name}` is the type of `{}` and of `{schema}`",
                other.schema
            ));
        }
        // Reserved before the members, so that an object holding itself ends.
        self.structs.insert(
            name.clone(),
            StructDef {
                name: name.clone(),
                schema: schema.into(),
                fields: Vec::new(),
                enums: Vec::new(),
                request: true,
            },
        );
        let required: Vec<&str> = json.at("required").items().iter().filter_map(Json::str).collect();
        let mut fields = Vec::new();
        let mut enums = Vec::new();
        for (property, value) in json.at("properties").pairs() {
            let (ident, rename) = naming::response_field(property);
            let required = required.contains(&property.as_str());
            let (ty, with, desc) = match self.overlay.response_types.get(&format!("{schema}.{property}")) {
                Some(ty) => (ty.clone(), None, "string".to_owned()),
                None => self.request_member_type(&name, property, value, &mut enums)?,
            };
            // A `with` module reads an `Option` (an empty SID, a lenient integer): a required member
            // is read as its plain type.
            let with = with.filter(|_| !required);
            let doc = format!("`{property}`: {desc}, {}.", if required { "required" } else { "optional" });
            fields.push(RespField { ident, rename, ty, with, doc, required });
        }
        self.structs.insert(
            name.clone(),
            StructDef { name: name.clone(), schema: schema.into(), fields, enums, request: true },
        );
        Ok(name)
    }

    /// A request-side object's member type (without `Option`), its serde `with` and its description.
    fn request_member_type(
        &mut self,
        owner: &str,
        property: &str,
        schema: &Json,
        enums: &mut Vec<String>,
    ) -> Result<(String, Option<String>, String), String> {
        if schema.at("type").str() == Some("array") {
            let item = schema.at("items");
            let (inner, with, desc) = self.request_member_type(owner, property, item, enums)?;
            return Ok(if with.is_some() {
                ("Vec<serde_json::Value>".into(), None, "list of JSON values".into())
            } else {
                (format!("Vec<{inner}>"), None, format!("list of {desc}"))
            });
        }
        if let Some(name) = schema_ref(schema) {
            let target = self.schema(name);
            if self.overlay.curated_schemas.contains_key(name) || !target.at("enum").items().is_empty() {
                // The enum of that schema (the existing one), closed unless a response opened it.
                let ty = self.enum_for_schema(name, false)?;
                enums.push(ty.clone());
                return Ok((ty, None, "enum".into()));
            }
            if target.at("properties").pairs().is_empty() {
                return Ok(("serde_json::Value".into(), None, format!("JSON value (`{name}`)")));
            }
            let ty = self.request_struct_for_schema(name)?;
            enums.push(ty.clone());
            return Ok((ty, None, format!("`{name}`")));
        }
        let values: Vec<String> =
            schema.at("enum").items().iter().filter_map(|v| v.str().map(str::to_owned)).collect();
        if !values.is_empty() {
            // A value outside the list cannot be built, and one read back is refused.
            let ty = format!("{owner}{}", naming::type_name(property));
            self.add_enum(&ty, &values, &format!("{owner}.{property}"))?;
            enums.push(ty.clone());
            return Ok((ty, None, format!("enum ({})", quoted(&values))));
        }
        self.response_type(schema, enums)
    }

    /// The response type `name` for the object schema `json` (`schema` names it in docs and errors).
    fn struct_from(&mut self, name: &str, schema: &str, json: &Json) -> Result<String, String> {
        let name = name.to_owned();
        if let Some(other) = self.structs.get(&name) {
            return Err(format!(
                "name collision: `{name}` is the type of `{}` and of `{schema}`",
                other.schema
            ));
        }
        let mut fields = Vec::new();
        let mut enums = Vec::new();
        for (property, value) in json.at("properties").pairs() {
            let (ident, rename) = naming::response_field(property);
            let (ty, with, desc) = match self.overlay.response_types.get(&format!("{schema}.{property}")) {
                Some(ty) => (ty.clone(), None, "string".to_owned()),
                None => self.response_type(value, &mut enums)?,
            };
            fields.push(RespField {
                ident,
                rename,
                ty,
                with,
                doc: format!("`{property}`: {desc}."),
                required: false,
            });
        }
        self.structs.insert(
            name.clone(),
            StructDef { name: name.clone(), schema: schema.into(), fields, enums, request: false },
        );
        Ok(name)
    }

    /// A response property's type (without `Option`), its serde `with` module and its description.
    fn response_type(
        &mut self,
        schema: &Json,
        enums: &mut Vec<String>,
    ) -> Result<(String, Option<String>, String), String> {
        let krate = self.krate;
        if let Some(name) = schema_ref(schema) {
            let target = self.schema(name);
            if target.at("enum").items().is_empty() && !self.overlay.curated_schemas.contains_key(name) {
                if target.at("properties").pairs().is_empty() {
                    return Ok(("serde_json::Value".into(), None, format!("JSON value (`{name}`)")));
                }
                let ty = self.struct_for_schema(name)?;
                enums.push(ty.clone());
                return Ok((ty, None, format!("`{name}`")));
            }
            let ty = self.enum_for_schema(name, true)?;
            enums.push(ty.clone());
            return Ok((ty, None, "enum".into()));
        }
        let format = schema.at("format").str().unwrap_or_default();
        if let Some(prefix) = schema.at("pattern").str().and_then(naming::sid_prefix)
            && let Some(ty) = naming::sid_type(&prefix)
        {
            // Twilio writes an unset SID as `""`.
            return Ok((
                ty.into(),
                Some(format!("{krate}::lenient::empty_as_none")),
                format!("SID `{prefix}…`"),
            ));
        }
        Ok(match (schema.at("type").str().unwrap_or_default(), format) {
            ("string", "date-time-rfc-2822") => (
                "DateTime<Utc>".into(),
                Some(format!("{krate}::time::rfc2822::option")),
                "date-time (RFC 2822)".into(),
            ),
            ("string", "date-time") => ("DateTime<Utc>".into(), None, "date-time".into()),
            ("string", "date") => ("NaiveDate".into(), None, "date".into()),
            ("string", "http-method") => ("CallbackMethod".into(), None, "HTTP method".into()),
            ("string", "uri") => ("String".into(), None, "URI".into()),
            ("object", "uri-map") => ("HashMap<String, String>".into(), None, "URIs by name".into()),
            ("integer", _) => ("i64".into(), Some(format!("{krate}::lenient::integer")), "integer".into()),
            ("number", _) => (
                "String".into(),
                Some(format!("{krate}::lenient::decimal")),
                "decimal number, as text".into(),
            ),
            ("boolean", _) => ("bool".into(), None, "boolean".into()),
            ("array", _) => {
                let item = schema.at("items");
                let (inner, with, desc) =
                    if schema_ref(item).is_some() || item.at("type").str() == Some("string") {
                        self.response_type(item, enums)?
                    } else {
                        ("serde_json::Value".into(), None, "JSON value".into())
                    };
                if with.is_some() {
                    ("Vec<serde_json::Value>".into(), None, "list of JSON values".into())
                } else {
                    (format!("Vec<{inner}>"), None, format!("list of {desc}"))
                }
            }
            ("string", _) => ("String".into(), None, "string".into()),
            _ => ("serde_json::Value".into(), None, "JSON value".into()),
        })
    }

    /// The length rules the description states inside the objects a JSON body member holds (Lookups'
    /// `phone_numbers[].sms_pumping_risk.partner_sub_id`, at most 64 characters), which the attribute
    /// does not check (it checks the members themselves): each as the iterator chain that reaches the
    /// text from the member's values (`.filter_map(|v| v.x.as_ref())`...), the keys on the way, and the
    /// bounds.
    pub fn nested_lengths(&self, ty: &str) -> Vec<(String, String, i64, i64)> {
        let mut out = Vec::new();
        self.walk_lengths(ty, "", "", &mut out, 0);
        out
    }

    fn walk_lengths(
        &self,
        ty: &str,
        chain: &str,
        keys: &str,
        out: &mut Vec<(String, String, i64, i64)>,
        depth: usize,
    ) {
        // The descriptions nest a few levels; a type that holds itself would not end.
        let Some(s) = self.structs.get(ty).filter(|_| depth < 4) else { return };
        let properties = self.schema(&s.schema).at("properties");
        for f in &s.fields {
            let key = f.rename.clone().unwrap_or_else(|| f.ident.trim_start_matches("r#").to_owned());
            let keys = if keys.is_empty() { key.clone() } else { format!("{keys}.{key}") };
            let ident = &f.ident;
            if f.ty == "String" {
                let property = properties.at(&key);
                let int = |name: &str| property.at(name).num().and_then(|n| n.as_i64());
                if let Some(high) = int("maxLength") {
                    let chain = if f.required {
                        format!("{chain}.map(|v| &v.{ident})")
                    } else {
                        format!("{chain}.filter_map(|v| v.{ident}.as_ref())")
                    };
                    out.push((chain, keys, int("minLength").unwrap_or(0), high));
                }
            } else if let Some(item) = f.ty.strip_prefix("Vec<").and_then(|t| t.strip_suffix('>')) {
                let chain = if f.required {
                    format!("{chain}.flat_map(|v| v.{ident}.iter())")
                } else {
                    format!("{chain}.flat_map(|v| v.{ident}.iter().flatten())")
                };
                self.walk_lengths(item, &chain, &keys, out, depth + 1);
            } else {
                let chain = if f.required {
                    format!("{chain}.map(|v| &v.{ident})")
                } else {
                    format!("{chain}.filter_map(|v| v.{ident}.as_ref())")
                };
                self.walk_lengths(&f.ty, &chain, &keys, out, depth + 1);
            }
        }
    }

    /// The families that use each generated type (through an operation, a response or an enum).
    pub fn users(&self) -> BTreeMap<String, BTreeSet<String>> {
        let mut users: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for op in self.ops.iter().filter(|o| !o.curated) {
            let mut direct = Vec::new();
            for member in &op.members {
                match member {
                    Member::Field(f) if f.json => {
                        // A JSON member's object and what it uses, transitively.
                        let mut pending = vec![f.ty.clone()];
                        while let Some(name) = pending.pop() {
                            let name =
                                name.strip_prefix("Vec<").and_then(|n| n.strip_suffix('>')).unwrap_or(&name);
                            if direct.iter().any(|d| d == name) {
                                continue;
                            }
                            if let Some(s) = self.structs.get(name) {
                                pending.extend(s.enums.iter().cloned());
                            }
                            direct.push(name.to_owned());
                        }
                    }
                    Member::Field(f) => direct.push(f.ty.clone()),
                    Member::Group(g) => {
                        direct.push(g.name.clone());
                        direct.extend(g.members.iter().map(|f| f.ty.clone()));
                    }
                }
            }
            if let Some(response) = &op.response {
                let inner =
                    response.strip_prefix("Page<").and_then(|r| r.strip_suffix('>')).unwrap_or(response);
                // The response type and what it uses, transitively (nested types of other APIs).
                let mut pending = vec![inner.to_owned()];
                while let Some(name) = pending.pop() {
                    if direct.contains(&name) {
                        continue;
                    }
                    if let Some(s) = self.structs.get(&name) {
                        pending.extend(s.enums.iter().cloned());
                    }
                    direct.push(name);
                }
            }
            for name in direct {
                if self.enums.contains_key(&name) || self.structs.contains_key(&name) {
                    users.entry(name).or_default().insert(op.family.clone());
                }
            }
        }
        users
    }
}

/// Why the attribute cannot declare an operation, if it cannot: it sends `GET`, `POST`, `PUT` and
/// `DELETE`, with the parameters in the query, a form body, or (`POST` and `PUT`) a JSON body.
fn unsupported(method: &str, op: &Json) -> Option<String> {
    if !matches!(method, "GET" | "POST" | "PUT" | "DELETE") {
        return Some(format!("`{method}` is not a method the attribute supports (GET, POST, PUT, DELETE)"));
    }
    let content = op.at("requestBody").at("content");
    let types: Vec<&String> = content.pairs().iter().map(|(t, _)| t).collect();
    if let Some(other) =
        types.iter().find(|t| !matches!(t.as_str(), "application/x-www-form-urlencoded" | "application/json"))
    {
        return Some(format!("its body is `{other}`, and the attribute sends form and JSON bodies only"));
    }
    if types.len() > 1 {
        return Some("it takes a form body or a JSON body, and the attribute sends one format".into());
    }
    if content.get("application/json").is_some() && !matches!(method, "POST" | "PUT") {
        return Some(format!(
            "a `{method}` with a JSON body, which the attribute sends only with POST or PUT"
        ));
    }
    None
}

/// Whether `method` on `path` updates one existing resource: a POST whose path ends in a parameter
/// (`/IncomingPhoneNumbers/{Sid}.json`), not in a collection (`/IncomingPhoneNumbers.json`) or in a
/// fixed name under an instance (`/Messages/{MessageSid}/Feedback.json`).
pub fn updates_instance(method: &str, path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or_default();
    let last = last.strip_suffix(".json").unwrap_or(last);
    method == "POST" && last.starts_with('{') && last.ends_with('}')
}

fn merge(rule: &mut ParamRule, list: &ParamRule) {
    rule.range = rule.range.or(list.range);
    rule.len = rule.len.or(list.len);
    rule.sensitive |= list.sensitive;
    if rule.values.is_none() {
        rule.values.clone_from(&list.values);
        rule.enum_name.clone_from(&list.enum_name);
    }
    if rule.type_override.is_none() {
        rule.type_override.clone_from(&list.type_override);
    }
}

fn quoted(values: &[String]) -> String {
    values.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ")
}

/// An operation's parameters in wire order: path parameters in the path's order, then query
/// parameters or form properties in the description's order: (key, location, schema, required).
pub fn raw_params<'j>(
    spec: &'j Json,
    op: &'j Json,
    item: &'j Json,
    path: &str,
) -> Vec<(String, String, &'j Json, bool)> {
    let mut out = Vec::new();
    let declared: Vec<&Json> =
        item.at("parameters").items().iter().chain(op.at("parameters").items()).collect();
    let mut placeholders = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let end = rest[start..].find('}').map_or(rest.len(), |e| start + e);
        placeholders.push(&rest[start + 1..end]);
        rest = &rest[end..];
    }
    for name in placeholders {
        let schema = declared
            .iter()
            .find(|p| p.at("in").str() == Some("path") && p.at("name").str() == Some(name))
            .map_or(&crate::json::NULL, |p| p.at("schema"));
        out.push((name.to_owned(), "path".to_owned(), schema, true));
    }
    for p in &declared {
        if p.at("in").str() == Some("query") {
            let name = p.at("name").str().unwrap_or_default().to_owned();
            out.push((name, "query".into(), p.at("schema"), p.at("required").bool().unwrap_or(false)));
        }
    }
    let body = op.at("requestBody").at("content").at("application/x-www-form-urlencoded").at("schema");
    let required: Vec<&str> = body.at("required").items().iter().filter_map(Json::str).collect();
    for (key, schema) in body.at("properties").pairs() {
        out.push((key.clone(), "form".into(), schema, required.contains(&key.as_str())));
    }
    // A JSON body's members: the object's properties, the object given in place or by reference.
    let body = op.at("requestBody").at("content").at("application/json").at("schema");
    let body = match schema_ref(body) {
        Some(name) => spec.at("components").at("schemas").at(name),
        None => body,
    };
    let required: Vec<&str> = body.at("required").items().iter().filter_map(Json::str).collect();
    for (key, schema) in body.at("properties").pairs() {
        out.push((key.clone(), "json".into(), schema, required.contains(&key.as_str())));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render;

    const SPEC: &str = r##"{
      "servers": [{"url": "https://api.twilio.com"}],
      "components": {"schemas": {
        "thing_enum_status": {"type": "string", "enum": ["new", "done"]},
        "thing_enum_mode": {"type": "string", "enum": ["fast", "slow"]},
        "api.v2010.account.thing": {"type": "object", "properties": {
          "sid": {"type": "string", "pattern": "^QU[0-9a-fA-F]{32}$"},
          "status": {"$ref": "#/components/schemas/thing_enum_status"},
          "date_created": {"type": "string", "format": "date-time-rfc-2822"},
          "price": {"type": "number"},
          "type": {"type": "string"}
        }}
      }},
      "paths": {"/2010-04-01/Accounts/{AccountSid}/Things.json": {
        "get": {"operationId": "ListThing", "parameters": [
          {"name": "AccountSid", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^AC[0-9a-fA-F]{32}$"}},
          {"name": "PageSize", "in": "query", "schema": {"type": "integer", "format": "int64", "minimum": 1, "maximum": 1000}},
          {"name": "Status", "in": "query", "schema": {"$ref": "#/components/schemas/thing_enum_status"}},
          {"name": "DateCreated<", "in": "query", "schema": {"type": "string", "format": "date"}},
          {"name": "Page", "in": "query", "schema": {"type": "integer", "minimum": 0}},
          {"name": "PageToken", "in": "query", "schema": {"type": "string"}}
          ],
          "responses": {"200": {"content": {"application/json": {"schema": {"type": "object", "properties": {
            "things": {"type": "array", "items": {"$ref": "#/components/schemas/api.v2010.account.thing"}},
            "page": {"type": "integer"}, "next_page_uri": {"type": "string"}}}}}}}},
        "post": {"operationId": "CreateThing", "parameters": [
          {"name": "AccountSid", "in": "path", "required": true, "schema": {"type": "string"}}],
          "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {
            "required": ["Name"],
            "properties": {
              "Name": {"type": "string", "maxLength": 64},
              "Mode": {"$ref": "#/components/schemas/thing_enum_mode"},
              "Url": {"type": "string", "format": "uri"},
              "Twiml": {"type": "string"},
              "Password": {"type": "string"},
              "Tags": {"type": "array", "items": {"type": "string"}}
            }}}}},
          "responses": {"201": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/api.v2010.account.thing"}}}}}},
        "delete": {"operationId": "DeleteThings", "responses": {"204": {"description": "gone"}}}
      }}
    }"##;

    fn build(rules: &str) -> Result<(Json, Overlay), String> {
        let spec: Json = serde_json::from_str(SPEC).unwrap();
        let mut overlay = Overlay::default();
        overlay.read_rules(&rules.parse::<toml::Table>().unwrap())?;
        Ok((spec, overlay))
    }

    fn field<'o>(op: &'o Operation, key: &str) -> &'o Field {
        op.members
            .iter()
            .find_map(|m| match m {
                Member::Field(f) if f.key == key => Some(f),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no field {key}"))
    }

    #[test]
    fn enums_are_open_only_when_a_reply_uses_them() {
        let (spec, overlay) = build("").unwrap();
        let mut model = Model::new(&spec, &overlay, "crate", BTreeSet::new());
        model.build(None).unwrap();
        assert!(model.enums["ThingStatus"].open);
        assert!(!model.enums["ThingMode"].open);
        // A request must not send the open enum's `Unknown`: the operation gets a check.
        let list = render::operation(&model, &model.ops[0]);
        assert!(list.contains("validate_with = check_list_thing"), "{list}");
        assert!(list.contains("must be one of `new`, `done`"), "{list}");
        let create = render::operation(&model, &model.ops[1]);
        assert!(!create.contains("validate_with"), "{create}");
        assert!(render::enumeration(&model.enums["ThingStatus"]).contains("#[open]"));
        assert!(!render::enumeration(&model.enums["ThingMode"]).contains("#[open]"));
    }

    #[test]
    fn a_required_list_needs_an_item() {
        let (spec, overlay) = build("").unwrap();
        let mut model = Model::new(&spec, &overlay, "crate", BTreeSet::new());
        model.build(None).unwrap();
        assert_eq!(field(&model.ops[1], "Tags").len, None, "an optional list may be empty");
        let required = SPEC.replace(r#""required": ["Name"]"#, r#""required": ["Name", "Tags"]"#);
        let spec: Json = serde_json::from_str(&required).unwrap();
        let mut model = Model::new(&spec, &overlay, "crate", BTreeSet::new());
        model.build(None).unwrap();
        assert_eq!(field(&model.ops[1], "Tags").len, Some((1, LIST_MAX)));
        let create = render::operation(&model, &model.ops[1]);
        assert!(create.contains("#[twilio(len = 1..=4294967295)]"), "{create}");
        assert!(create.contains("required. Length: at least 1."), "{create}");
        // A higher minimum of the overlay stays.
        let (_, overlay) = build("[CreateThing.params]\nTags = { len = [2, 5], why = \"t\" }").unwrap();
        let mut model = Model::new(&spec, &overlay, "crate", BTreeSet::new());
        model.build(None).unwrap();
        assert_eq!(field(&model.ops[1], "Tags").len, Some((2, 5)));
    }

    #[test]
    fn requests_follow_the_wire_order_with_paging_last() {
        let (spec, overlay) = build("").unwrap();
        let mut model = Model::new(&spec, &overlay, "crate", BTreeSet::new());
        model.build(None).unwrap();
        let keys: Vec<&str> = model.ops[0]
            .members
            .iter()
            .map(|m| match m {
                Member::Field(f) => f.key.as_str(),
                Member::Group(g) => g.name.as_str(),
            })
            .collect();
        assert_eq!(keys, ["AccountSid", "Status", "DateCreated<", "PageToken", "Page", "PageSize"]);
        let list = &model.ops[0];
        assert_eq!(field(list, "AccountSid").ty, "AccountSid");
        assert!(!field(list, "AccountSid").required);
        // Paging is `u32` as in the hand-written lists, with the schema's bounds.
        assert_eq!(field(list, "PageSize").ty, "u32");
        assert_eq!(field(list, "PageSize").range, Some((1, 1000)));
        assert_eq!(field(list, "DateCreated<").ident, "date_created_before");
        assert_eq!(field(list, "DateCreated<").ty, "NaiveDate");
        assert_eq!(list.response.as_deref(), Some("Page<Thing>"));
        let create = &model.ops[1];
        assert_eq!(field(create, "Name").len, Some((0, 64)));
        assert!(field(create, "Name").required);
        assert!(field(create, "Password").sensitive, "a password is a secret without a rule");
        assert!(field(create, "Tags").vec);
        assert_eq!(field(create, "Url").ty, "Url");
        assert_eq!(model.ops[2].response.as_deref(), Some("()"));
    }

    #[test]
    fn a_group_whose_members_are_apart_says_where_its_keys_go() {
        // `Mode` and `Twiml` have `Url` between them in the description.
        let (spec, overlay) = build(
            "[[CreateThing.groups]]\nkind = \"at_most_one\"\nparams = [\"Twiml\", \"Mode\"]\nname = \"Apart\"\nwhy = \"t\"",
        )
        .unwrap();
        let mut model = Model::new(&spec, &overlay, "crate", BTreeSet::new());
        model.build(None).unwrap();
        let create = &model.ops[1];
        let group = create
            .members
            .iter()
            .find_map(|m| match m {
                Member::Group(g) => Some(g),
                Member::Field(_) => None,
            })
            .unwrap();
        assert_eq!(group.between, ["`Url`"]);
        let code = render::operation(&model, create);
        assert!(code.contains("sent together where `Mode` is; the description puts `Url` between"), "{code}");

        // Members next to each other: nothing to say.
        let (spec, overlay) = build(
            "[[CreateThing.groups]]\nkind = \"exactly_one\"\nparams = [\"Url\", \"Twiml\"]\nname = \"Next\"\nwhy = \"t\"",
        )
        .unwrap();
        let mut model = Model::new(&spec, &overlay, "crate", BTreeSet::new());
        model.build(None).unwrap();
        let code = render::operation(&model, &model.ops[1]);
        assert!(!code.contains("sent together"), "{code}");
    }

    #[test]
    fn an_update_can_clear_its_optional_urls() {
        assert!(updates_instance(
            "POST",
            "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json"
        ));
        assert!(updates_instance("POST", "/2010-04-01/Accounts/{Sid}.json"));
        assert!(!updates_instance("POST", "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json"));
        assert!(!updates_instance(
            "POST",
            "/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Feedback.json"
        ));
        assert!(!updates_instance(
            "GET",
            "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json"
        ));

        let spec: Json = serde_json::from_str(
            r##"{"openapi": "3.0.1", "components": {"schemas": {}}, "paths": {
              "/2010-04-01/Accounts/{AccountSid}/Things/{Sid}.json": {"post": {"operationId": "UpdateThing",
                "parameters": [
                  {"name": "AccountSid", "in": "path", "required": true, "schema": {"type": "string"}},
                  {"name": "Sid", "in": "path", "required": true, "schema": {"type": "string"}}],
                "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {
                  "required": ["NeededUrl"],
                  "properties": {
                    "VoiceUrl": {"type": "string", "format": "uri"},
                    "NeededUrl": {"type": "string", "format": "uri"},
                    "MediaUrl": {"type": "array", "items": {"type": "string", "format": "uri"}},
                    "OwnUrl": {"type": "string", "format": "uri"}
                  }}}}},
                "responses": {"204": {"description": "done"}}}},
              "/2010-04-01/Accounts/{AccountSid}/Things.json": {"post": {"operationId": "CreateThing",
                "parameters": [{"name": "AccountSid", "in": "path", "required": true, "schema": {"type": "string"}}],
                "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {
                  "properties": {"VoiceUrl": {"type": "string", "format": "uri"}}}}}},
                "responses": {"204": {"description": "done"}}}}
            }}"##,
        )
        .unwrap();
        let mut overlay = Overlay::default();
        let rules = r#"UpdateThing.params.OwnUrl = { type = "crate::values::Url", why = "kept" }"#;
        overlay.read_rules(&rules.parse::<toml::Table>().unwrap()).unwrap();
        let mut model = Model::new(&spec, &overlay, "crate", BTreeSet::new());
        model.build(None).unwrap();
        let update = model.ops.iter().find(|op| op.id == "UpdateThing").unwrap();
        assert_eq!(field(update, "VoiceUrl").ty, "OrEmpty<Url>");
        assert!(
            field(update, "VoiceUrl").doc.contains("`OrEmpty::Empty`"),
            "{}",
            field(update, "VoiceUrl").doc
        );
        assert_eq!(field(update, "NeededUrl").ty, "Url", "a required URL cannot be empty");
        assert_eq!(field(update, "MediaUrl").ty, "Url", "an empty list is sent as no key at all");
        assert_eq!(field(update, "OwnUrl").ty, "crate::values::Url", "an overlay type is kept");
        assert!(
            field(update, "OwnUrl").doc.starts_with("`OwnUrl` (form): `Url`, optional."),
            "the doc names the type"
        );
        let create = model.ops.iter().find(|op| op.id == "CreateThing").unwrap();
        assert_eq!(field(create, "VoiceUrl").ty, "Url", "a create has nothing to clear");
        let code = render::operation(&model, update);
        assert!(code.contains("pub voice_url: Option<OrEmpty<Url>>,"), "{code}");
    }

    #[test]
    fn json_bodies_and_put_are_generated_and_other_bodies_skipped() {
        let spec: Json = serde_json::from_str(
            r##"{
          "servers": [{"url": "https://lookups.twilio.com"}],
          "components": {"schemas": {
            "Limits": {"type": "object", "properties": {
              "limit": {"type": "integer", "format": "int32"},
              "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
              "kind": {"type": "string", "enum": ["a", "bB"]},
              "type": {"type": "string", "maxLength": 8}}},
            "Item": {"type": "object", "properties": {"phone_number": {"type": "string", "maxLength": 16}}}
          }},
          "paths": {"/v2/Limits/{Field}": {
            "put": {"operationId": "UpdateLimits", "parameters": [
              {"name": "Field", "in": "path", "required": true, "schema": {"type": "string"}}],
              "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Limits"}}}},
              "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}}}},
            "post": {"operationId": "CreateLimits",
              "requestBody": {"content": {"application/xml": {"schema": {"type": "object"}}}},
              "responses": {"201": {"description": "made"}}},
            "patch": {"operationId": "PatchLimits", "responses": {"200": {"description": "patched"}}}
          }}
        }"##,
        )
        .unwrap();
        let overlay = Overlay::default();
        let mut model = Model::new(&spec, &overlay, "crate", BTreeSet::new());
        model.build(None).unwrap();
        let skipped: Vec<&str> = model.skipped.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(skipped, ["CreateLimits", "PatchLimits"]);
        let code = render::operation(&model, &model.ops[0]);
        assert!(
            code.contains("    PUT,\n    \"/v2/Limits/{Field}\",\n    host = \"lookups\",\n    body = json,"),
            "{code}"
        );
        assert!(code.contains("#[twilio(path)]\n    pub field: String,"), "{code}");
        assert!(code.contains("pub limit: Option<u32>,"), "{code}");
        // An optional list is `null` when unset, which the SDK leaves out: an `Option`. `Item` is the
        // response's too, which keeps that name and stays lenient; the request's is its own type.
        assert!(code.contains("pub items: Option<Vec<ItemRequest>>,"), "{code}");
        assert!(!model.structs["Item"].request && model.structs["ItemRequest"].request);
        assert!(!render::structure(&model.structs["Item"]).contains("deny_unknown_fields"));
        assert!(code.contains("pub kind: Option<LimitsKind>,"), "{code}");
        // A keyword keeps its key; a length the schema states is a rule.
        assert!(
            code.contains("#[twilio(rename = \"type\", len = 0..=8)]\n    pub type_: Option<String>,"),
            "{code}"
        );
        // A length inside a member's objects is checked by the operation's own function.
        assert!(code.contains("validate_with = check_update_limits,"), "{code}");
        assert!(
            code.contains("for value in request.items.iter().flatten().filter_map(|v| v.phone_number.as_ref()) { if !(0..=16).contains(&value.chars().count()) { errors.push(Violation::new(\"items.phone_number\""),
            "{code}"
        );
        assert_eq!(model.enums["LimitsKind"].values, ["a", "bB"]);
        assert!(model.structs.contains_key("Item"));
    }

    #[test]
    fn request_objects_are_strict_and_response_objects_lenient() {
        let spec: Json = serde_json::from_str(
            r##"{
          "servers": [{"url": "https://lookups.twilio.com"}],
          "components": {"schemas": {
            "Batch": {"type": "object", "properties": {
              "entries": {"type": "array", "items": {"$ref": "#/components/schemas/Entry"}},
              "single": {"$ref": "#/components/schemas/Inner"}}},
            "Entry": {"type": "object", "required": ["number", "mode", "inner", "tags"], "properties": {
              "number": {"type": "string", "maxLength": 16},
              "mode": {"type": "string", "enum": ["a", "b"]},
              "fields": {"type": "array", "items": {"type": "string", "enum": ["x", "y_z"]}},
              "kind": {"$ref": "#/components/schemas/entry_enum_kind"},
              "count": {"type": "integer"},
              "inner": {"$ref": "#/components/schemas/Inner"},
              "tags": {"type": "array", "items": {"type": "string"}}}},
            "Inner": {"type": "object", "required": ["id"], "properties": {
              "id": {"type": "string", "maxLength": 4},
              "note": {"type": "string", "maxLength": 8}}},
            "entry_enum_kind": {"type": "string", "enum": ["k1", "k2"]}
          }},
          "paths": {"/v2/Batch": {
            "post": {"operationId": "CreateBatch",
              "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Batch"}}}},
              "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Inner"}}}}}}
          }}
        }"##,
        )
        .unwrap();
        let overlay = Overlay::default();
        let mut model = Model::new(&spec, &overlay, "crate", BTreeSet::new());
        model.build(None).unwrap();
        let entry = render::structure(&model.structs["Entry"]);
        // Required members plain (so always sent), optional ones `Option`; no `Default` to skip one.
        assert!(entry.contains("#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]\n#[serde(deny_unknown_fields)]\npub struct Entry {"), "{entry}");
        assert!(entry.contains("pub number: String,"), "{entry}");
        assert!(entry.contains("pub tags: Vec<String>,"), "{entry}");
        assert!(entry.contains("pub inner: InnerRequest,"), "{entry}");
        assert!(entry.contains("pub count: Option<i64>,"), "{entry}");
        // Enums closed: inline ones named after the object, a schema's its existing enum.
        assert!(entry.contains("pub mode: EntryMode,"), "{entry}");
        assert!(entry.contains("pub fields: Option<Vec<EntryFields>>,"), "{entry}");
        assert!(entry.contains("pub kind: Option<EntryKind>,"), "{entry}");
        assert_eq!(model.enums["EntryFields"].values, ["x", "y_z"]);
        for name in ["EntryMode", "EntryFields", "EntryKind"] {
            assert!(!model.enums[name].open, "{name}");
            assert!(model.structs["Entry"].enums.contains(&name.to_owned()), "{name}");
        }
        // `Inner` is the response's (named first, lenient) and the request's (strict, its own type).
        let response = render::structure(&model.structs["Inner"]);
        assert!(
            response.contains(
                "#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]\npub struct Inner {"
            ),
            "{response}"
        );
        assert!(response.contains("pub id: Option<String>,"), "{response}");
        let request = render::structure(&model.structs["InnerRequest"]);
        assert!(
            request.contains("#[serde(deny_unknown_fields)]") && request.contains("pub id: String,"),
            "{request}"
        );
        // Lengths inside the objects reach required members without `as_ref`.
        let code = render::operation(&model, &model.ops[0]);
        assert!(
            code.contains("pub entries: Option<Vec<Entry>>,")
                && code.contains("pub single: Option<InnerRequest>,"),
            "{code}"
        );
        assert!(code.contains("request.entries.iter().flatten().map(|v| &v.number)"), "{code}");
        assert!(code.contains("request.entries.iter().flatten().map(|v| &v.inner).map(|v| &v.id)"), "{code}");
        assert!(
            code.contains(
                "request.entries.iter().flatten().map(|v| &v.inner).filter_map(|v| v.note.as_ref())"
            ),
            "{code}"
        );
        assert!(code.contains("request.single.iter().map(|v| &v.id)"), "{code}");
        // Both are used by the operation's family, with the enums the request's objects hold.
        let users = model.users();
        for name in ["Entry", "InnerRequest", "Inner", "EntryMode", "EntryFields", "EntryKind"] {
            assert!(users.contains_key(name), "{name}");
        }
    }

    #[test]
    fn responses_are_optional_and_lenient() {
        let (spec, overlay) = build("").unwrap();
        let mut model = Model::new(&spec, &overlay, "crate", BTreeSet::new());
        model.build(None).unwrap();
        let thing = render::structure(&model.structs["Thing"]);
        assert!(thing.contains("pub sid: Option<QueueSid>"), "{thing}");
        assert!(thing.contains("with = \"crate::lenient::empty_as_none\""), "{thing}");
        assert!(thing.contains("with = \"crate::time::rfc2822::option\""), "{thing}");
        assert!(thing.contains("pub price: Option<String>"), "{thing}");
        assert!(thing.contains("pub r#type: Option<String>"), "{thing}");
        assert!(thing.contains("pub status: Option<ThingStatus>"), "{thing}");
    }

    #[test]
    fn rules_apply_and_groups_become_enums() {
        let (spec, overlay) = build(
            r#"
            [every_list.params]
            PageSize = { range = [1, 500], why = "test" }
            [CreateThing.params]
            Twiml = { len = [0, 4000], why = "test" }
            Name = { values = ["a", "b"], enum_name = "ThingName", why = "test" }
            [[CreateThing.groups]]
            kind = "exactly_one"
            params = ["Url", "Twiml"]
            name = "ThingInstructions"
            why = "test"
            "#,
        )
        .unwrap();
        let mut model = Model::new(&spec, &overlay, "crate", BTreeSet::new());
        model.build(None).unwrap();
        assert_eq!(field(&model.ops[0], "PageSize").range, Some((1, 500)));
        let create = &model.ops[1];
        assert_eq!(field(create, "Name").ty, "ThingName");
        assert!(!model.enums["ThingName"].open);
        let code = render::operation(&model, create);
        assert!(
            code.contains("#[twilio(flatten)]\n    pub thing_instructions: ThingInstructions,"),
            "{code}"
        );
        assert!(code.contains("pub enum ThingInstructions {"), "{code}");
        assert!(code.contains("Twiml(#[twilio(len = 0..=4000)] String),"), "{code}");
        // The group sits where its first key was, in wire order.
        let group_at = code.find("pub thing_instructions").unwrap();
        assert!(code.find("pub mode").unwrap() < group_at && group_at < code.find("pub password").unwrap());
    }

    #[test]
    fn at_least_one_lists_every_combination_and_at_most_one_is_optional() {
        let (spec, overlay) = build(
            r#"
            [[CreateThing.groups]]
            kind = "at_least_one"
            params = ["Url", "Twiml"]
            name = "Either"
            why = "test"
            "#,
        )
        .unwrap();
        let mut model = Model::new(&spec, &overlay, "crate", BTreeSet::new());
        model.build(None).unwrap();
        let code = render::operation(&model, &model.ops[1]);
        assert!(code.contains("Url(Url),") && code.contains("Twiml(String),"), "{code}");
        // Named fields without `pub`, which enum variants cannot have.
        assert!(code.contains("UrlAndTwiml {\n    /// `Url` (form): URL.\n    url: Url,"), "{code}");
        let (spec, overlay) = build(
            "[[CreateThing.groups]]\nkind = \"at_most_one\"\nparams = [\"Url\", \"Twiml\"]\nname = \"Either\"\nwhy = \"t\"",
        )
        .unwrap();
        let mut model = Model::new(&spec, &overlay, "crate", BTreeSet::new());
        model.build(None).unwrap();
        assert!(render::operation(&model, &model.ops[1]).contains("pub either: Option<Either>,"));
    }

    #[test]
    fn a_rule_naming_an_unknown_operation_or_parameter_fails() {
        for (rules, expected) in [
            (
                "[CreateThingz.params]\nName = { len = [0, 1], why = \"t\" }",
                "unknown operation `CreateThingz`",
            ),
            (
                "[CreateThing.params]\nNmae = { len = [0, 1], why = \"t\" }",
                "`CreateThing` has no parameter `Nmae`",
            ),
            (
                "[every_list.params]\nPageSiz = { range = [1, 2], why = \"t\" }",
                "`every_list` names `PageSiz`",
            ),
        ] {
            let (spec, overlay) = build(rules).unwrap();
            let mut model = Model::new(&spec, &overlay, "crate", BTreeSet::new());
            let error = model.build(None).unwrap_err();
            assert!(error.contains(expected), "{error}");
        }
    }
}
