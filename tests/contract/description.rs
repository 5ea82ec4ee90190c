//! The description and the rules overlay, read generically: each operation's parameters in wire order
//! (what the official SDK sends), their schemas, and the overlay's rules for them.

use std::fmt;
use std::path::PathBuf;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// One parameter of an operation.
#[derive(Clone, Debug)]
pub struct Param {
    pub key: String,
    pub required: bool,
    /// A list: the key repeats, one item each.
    pub array: bool,
    /// The schema of one value (a list's items), `$ref`s followed.
    pub schema: Value,
    pub description: String,
}

impl Param {
    /// The description's enum, when it has one.
    pub fn enum_values(&self) -> Option<Vec<String>> {
        let values = self.schema.get("enum")?.as_array()?;
        Some(values.iter().filter_map(Value::as_str).map(str::to_owned).collect())
    }

    pub fn kind(&self) -> &str {
        self.schema["type"].as_str().unwrap_or("string")
    }

    pub fn format(&self) -> &str {
        self.schema["format"].as_str().unwrap_or("")
    }
}

/// One operation of the description.
#[derive(Clone, Debug)]
pub struct Operation {
    pub id: String,
    /// `GET`, `POST`, `PUT` or `DELETE`.
    pub method: String,
    /// The path template, e.g. `/2010-04-01/Accounts/{AccountSid}/Calls.json`.
    pub path: String,
    pub path_params: Vec<Param>,
    /// The query (`GET`, `DELETE`) parameters, or the form or JSON body's (`POST`, `PUT`) members,
    /// in wire order (a JSON body's: the description's property order, which the SDK keeps).
    pub params: Vec<Param>,
    /// The body is an `application/json` object (the description has no form body for it): each
    /// parameter is one top-level member, its schema inlined (`$ref`s replaced, at every depth).
    pub json: bool,
    /// The schema of the success reply, for the SID patterns of its fields.
    pub response: Value,
}

impl Operation {
    pub fn param(&self, key: &str) -> Option<&Param> {
        self.params.iter().find(|param| param.key == key)
    }

    /// A list operation (`GET` of a collection), to which `[every_list]` applies.
    pub fn is_list(&self) -> bool {
        self.method == "GET" && self.params.iter().any(|param| param.key == "PageSize")
    }
}

/// The description: the JSON, and each request body's property order (which `serde_json::Value`
/// does not keep, and which is the wire order of a `POST`).
pub struct Description {
    pub json: Value,
    pub location: PathBuf,
    ordered: Ordered,
}

const FORM: &str = "application/x-www-form-urlencoded";
const JSON: &str = "application/json";

/// The paging parameters, last and in this order, as the official SDK sends them.
const PAGING: [&str; 3] = ["PageToken", "Page", "PageSize"];

impl Description {
    /// The description of `super::description_path`, or why there is none.
    pub fn load() -> Result<Self, String> {
        Self::load_from(super::description_path()?)
    }

    /// The description at `location` (another product's).
    pub fn load_from(location: PathBuf) -> Result<Self, String> {
        let text =
            std::fs::read_to_string(&location).map_err(|error| format!("{}: {error}", location.display()))?;
        let json = serde_json::from_str(&text).map_err(|error| format!("{}: {error}", location.display()))?;
        let ordered =
            serde_json::from_str(&text).map_err(|error| format!("{}: {error}", location.display()))?;
        Ok(Self { json, location, ordered })
    }

    /// Every operation id, in the description's order.
    pub fn operation_ids(&self) -> Vec<String> {
        let mut ids = Vec::new();
        for (path, item) in self.ordered.entries(&[&"paths"]) {
            for (method, _) in item.entries_of() {
                if let Some(id) = self.json["paths"][path.as_str()][method.as_str()]["operationId"].as_str() {
                    ids.push(id.to_owned());
                }
            }
        }
        ids
    }

    pub fn operation(&self, id: &str) -> Option<Operation> {
        for (path, item) in self.json["paths"].as_object()? {
            for method in ["get", "post", "put", "delete"] {
                let operation = &item[method];
                if operation["operationId"].as_str() == Some(id) {
                    return Some(self.read(path, method, operation));
                }
            }
        }
        None
    }

    fn read(&self, path: &str, method: &str, operation: &Value) -> Operation {
        let mut path_params = Vec::new();
        let mut params = Vec::new();
        for parameter in operation["parameters"].as_array().into_iter().flatten() {
            let parameter = self.resolve(parameter);
            let in_path = match parameter["in"].as_str() {
                Some("path") => true,
                Some("query") => false,
                _ => continue,
            };
            let param = self.param(
                parameter["name"].as_str().unwrap_or_default(),
                parameter["required"].as_bool().unwrap_or(false),
                &parameter["schema"],
                parameter["description"].as_str().or(parameter["schema"]["description"].as_str()),
            );
            if in_path { path_params.push(param) } else { params.push(param) }
        }
        // Paging last, as PageToken, Page, PageSize; the other filters keep their order.
        params.sort_by_key(|param| PAGING.iter().position(|key| *key == param.key));
        let mut json = false;
        if method == "post" || method == "put" {
            let content = &operation["requestBody"]["content"];
            // A form where the description has one; otherwise a JSON object (Lookups' bulk lookup,
            // rate limits and overrides).
            let media = if content.get(FORM).is_some() { FORM } else { JSON };
            json = media == JSON && content.get(JSON).is_some();
            let content = &content[media]["schema"];
            let schema = self.resolve(content);
            let required: Vec<&str> =
                schema["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
            // The property order, from the ordered copy of wherever the schema is written.
            let pointer: Vec<String> = match content.get("$ref").and_then(Value::as_str) {
                Some(reference) => reference.trim_start_matches("#/").split('/').map(str::to_owned).collect(),
                None => ["paths", path, method, "requestBody", "content", media, "schema"]
                    .map(str::to_owned)
                    .to_vec(),
            };
            let mut pointer: Vec<&dyn AsRef<str>> =
                pointer.iter().map(|part| part as &dyn AsRef<str>).collect();
            pointer.push(&"properties");
            for (key, _) in self.ordered.entries(&pointer) {
                let property = &schema["properties"][key.as_str()];
                let mut param = self.param(
                    key,
                    required.contains(&key.as_str()),
                    property,
                    property["description"].as_str(),
                );
                if json {
                    param.schema = self.inline(&param.schema, 0);
                }
                params.push(param);
            }
        }
        let success = ["200", "201", "204"].iter().find_map(|code| operation["responses"].get(*code));
        let response = success
            .map(|reply| self.resolve(&reply["content"]["application/json"]["schema"]).clone())
            .unwrap_or(Value::Null);
        Operation {
            id: operation["operationId"].as_str().unwrap_or_default().to_owned(),
            method: method.to_ascii_uppercase(),
            path: path.to_owned(),
            path_params,
            params,
            json,
            response,
        }
    }

    fn param(&self, key: &str, required: bool, schema: &Value, text: Option<&str>) -> Param {
        let schema = self.resolve(schema);
        let array = schema["type"] == "array";
        let item = if array { self.resolve(&schema["items"]) } else { schema };
        let description = text.or(item["description"].as_str()).unwrap_or_default().to_owned();
        Param { key: key.to_owned(), required, array, schema: item.clone(), description }
    }

    /// `value` with every local `$ref` replaced by its target, at every depth (a JSON body's nested
    /// objects); a reference deeper than 16 levels (a recursive schema) is left as it is.
    pub fn inline(&self, value: &Value, depth: usize) -> Value {
        if depth > 16 {
            return value.clone();
        }
        match self.resolve(value) {
            Value::Object(map) => Value::Object(
                map.iter().map(|(key, value)| (key.clone(), self.inline(value, depth + 1))).collect(),
            ),
            Value::Array(items) => {
                Value::Array(items.iter().map(|item| self.inline(item, depth + 1)).collect())
            }
            other => other.clone(),
        }
    }

    /// Follows a local `$ref`.
    pub fn resolve<'a>(&'a self, value: &'a Value) -> &'a Value {
        match value.get("$ref").and_then(Value::as_str).and_then(|reference| reference.strip_prefix('#')) {
            Some(pointer) => self.json.pointer(pointer).map_or(value, |target| self.resolve(target)),
            None => value,
        }
    }
}

/// JSON with the order of each object's keys kept (only the shape: keys, nesting).
#[derive(Debug, Default)]
struct Ordered(Vec<(String, Ordered)>);

/// The keys of the JSON object `text`, in the order written (`None` if it is not JSON).
pub fn top_level_keys(text: &str) -> Option<Vec<String>> {
    let ordered: Ordered = serde_json::from_str(text).ok()?;
    Some(ordered.0.into_iter().map(|(key, _)| key).collect())
}

impl Ordered {
    fn entries_of(&self) -> &[(String, Ordered)] {
        &self.0
    }

    /// The entries of the object at `pointer`, or none.
    fn entries(&self, pointer: &[&dyn AsRef<str>]) -> &[(String, Ordered)] {
        let mut at = self;
        for part in pointer {
            match at.0.iter().find(|(key, _)| key == part.as_ref()) {
                Some((_, next)) => at = next,
                None => return &[],
            }
        }
        &at.0
    }
}

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OrderedVisitor;

        impl<'de> Visitor<'de> for OrderedVisitor {
            type Value = Ordered;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("JSON")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
                let mut entries = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, Ordered>()? {
                    entries.push((key, value));
                }
                Ok(Ordered(entries))
            }

            // Arrays keep no key order of their own that matters here; their objects are skipped.
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Ordered, A::Error> {
                while seq.next_element::<Ordered>()?.is_some() {}
                Ok(Ordered::default())
            }

            fn visit_bool<E>(self, _: bool) -> Result<Ordered, E> {
                Ok(Ordered::default())
            }

            fn visit_i64<E>(self, _: i64) -> Result<Ordered, E> {
                Ok(Ordered::default())
            }

            fn visit_u64<E>(self, _: u64) -> Result<Ordered, E> {
                Ok(Ordered::default())
            }

            fn visit_f64<E>(self, _: f64) -> Result<Ordered, E> {
                Ok(Ordered::default())
            }

            fn visit_str<E>(self, _: &str) -> Result<Ordered, E> {
                Ok(Ordered::default())
            }

            fn visit_unit<E>(self) -> Result<Ordered, E> {
                Ok(Ordered::default())
            }
        }

        deserializer.deserialize_any(OrderedVisitor)
    }
}

/// The overlay's rules for one parameter.
#[derive(Clone, Debug, Default)]
pub struct ParamRules {
    pub range: Option<(i64, i64)>,
    pub len: Option<(usize, usize)>,
    pub values: Option<Vec<String>>,
    pub sensitive: bool,
    /// A Rust type override (checked by the round trip of the generated variants).
    pub type_override: Option<String>,
    /// Keys this test does not know: each is a failure of the overlay check.
    pub unknown: Vec<String>,
}

/// The overlay's group kinds, named as it spells them.
#[allow(clippy::enum_variant_names, reason = "the names of the overlay's kinds")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    ExactlyOne,
    AtMostOne,
    AtLeastOne,
}

#[derive(Clone, Debug)]
pub struct Group {
    pub kind: GroupKind,
    pub params: Vec<String>,
    pub name: String,
}

impl Group {
    /// The sets of the group's keys a request may send: each key alone, and for `at_least_one` every
    /// combination (in the group's order).
    pub fn choices(&self) -> Vec<Vec<String>> {
        match self.kind {
            GroupKind::ExactlyOne | GroupKind::AtMostOne => {
                self.params.iter().map(|key| vec![key.clone()]).collect()
            }
            GroupKind::AtLeastOne => {
                let n = self.params.len();
                let mut choices: Vec<Vec<String>> = (1..1u32 << n)
                    .map(|mask| {
                        (0..n)
                            .filter(|bit| mask & (1 << bit) != 0)
                            .map(|bit| self.params[bit].clone())
                            .collect()
                    })
                    .collect();
                // Singles first, so that the first choice is the smallest request.
                choices.sort_by_key(Vec::len);
                choices
            }
        }
    }

    /// The choice a request without the group's keys needs, if any.
    pub fn default_choice(&self) -> Option<Vec<String>> {
        match self.kind {
            GroupKind::AtMostOne => None,
            _ => self.choices().into_iter().next(),
        }
    }
}

/// `codegen/overlay/api_v2010/rules.toml`.
pub struct Rules {
    pub table: toml::Table,
    pub location: PathBuf,
}

impl Rules {
    pub fn load() -> Result<Self, String> {
        Self::load_from(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("codegen/overlay/api_v2010/rules.toml"),
        )
    }

    /// The rules at `location` (another product's overlay).
    pub fn load_from(location: PathBuf) -> Result<Self, String> {
        let text =
            std::fs::read_to_string(&location).map_err(|error| format!("{}: {error}", location.display()))?;
        let table = text.parse().map_err(|error| format!("{}: {error}", location.display()))?;
        Ok(Self { table, location })
    }

    /// The rules of `key` in `operation`, `[every_list]`'s included for a list.
    pub fn param(&self, operation: &Operation, key: &str) -> ParamRules {
        let mut rules = ParamRules::default();
        let mut tables = Vec::new();
        if operation.is_list()
            && let Some(rule) =
                self.table.get("every_list").and_then(|t| t.get("params")).and_then(|t| t.get(key))
        {
            tables.push(rule);
        }
        if let Some(rule) =
            self.table.get(&operation.id).and_then(|t| t.get("params")).and_then(|t| t.get(key))
        {
            tables.push(rule);
        }
        for rule in tables.into_iter().filter_map(toml::Value::as_table) {
            for (name, value) in rule {
                match name.as_str() {
                    "range" => rules.range = pair(value),
                    "len" => {
                        rules.len = pair(value).map(|(min, max)| (min.max(0) as usize, max.max(0) as usize))
                    }
                    "values" => {
                        rules.values = value.as_array().map(|values| {
                            values.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()
                        })
                    }
                    "sensitive" => rules.sensitive = value.as_bool() == Some(true),
                    "type" => rules.type_override = value.as_str().map(str::to_owned),
                    "why" | "enum_name" => {}
                    other => rules.unknown.push(other.to_owned()),
                }
            }
        }
        rules
    }

    /// The keys `operation` has rules for (its own table and `[every_list]`), in order.
    pub fn keys(&self, operation: &Operation) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        if operation.is_list()
            && let Some(table) =
                self.table.get("every_list").and_then(|t| t.get("params")).and_then(|t| t.as_table())
        {
            keys.extend(table.keys().filter(|key| operation.param(key).is_some()).cloned());
        }
        if let Some(table) =
            self.table.get(&operation.id).and_then(|t| t.get("params")).and_then(|t| t.as_table())
        {
            keys.extend(table.keys().filter(|key| !keys.contains(key)).cloned().collect::<Vec<_>>());
        }
        keys
    }

    pub fn groups(&self, operation_id: &str) -> Vec<Group> {
        let groups =
            self.table.get(operation_id).and_then(|t| t.get("groups")).and_then(toml::Value::as_array);
        groups
            .into_iter()
            .flatten()
            .filter_map(|group| {
                let kind = match group.get("kind")?.as_str()? {
                    "exactly_one" => GroupKind::ExactlyOne,
                    "at_most_one" => GroupKind::AtMostOne,
                    "at_least_one" => GroupKind::AtLeastOne,
                    _ => return None,
                };
                let params = group
                    .get("params")?
                    .as_array()?
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect();
                let name = group.get("name").and_then(toml::Value::as_str).unwrap_or_default().to_owned();
                Some(Group { kind, params, name })
            })
            .collect()
    }

    /// The operation tables of the overlay (not `every_list`).
    pub fn operations(&self) -> Vec<&str> {
        self.table.keys().filter(|key| *key != "every_list").map(String::as_str).collect()
    }
}

fn pair(value: &toml::Value) -> Option<(i64, i64)> {
    let values = value.as_array()?;
    Some((values.first()?.as_integer()?, values.get(1)?.as_integer()?))
}
