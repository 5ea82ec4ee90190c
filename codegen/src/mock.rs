//! What the mock Twilio (`src/mock`, feature `mock`) needs to serve each generated operation with
//! state, written as data beside the operations: the operation's kind, the SID prefix of what a
//! create makes, the items' key of a list, and the description's example reply.
//!
//! The kind is read from the method and path: a `POST` on a collection creates, a `GET`, `POST` or
//! `DELETE` on a path ending in a placeholder fetches, updates or deletes, a `GET` of a page lists.
//! An operation on a collection no generated create fills (Balance, the available numbers, a
//! resource Twilio makes by itself) is `Other`: the mock answers it with the example reply.

use std::fmt::Write as _;

use crate::json::Json;
use crate::model::{Model, Operation};
use crate::naming;

/// The array of a page besides its paging keys.
const PAGE_KEYS: &[&str] = &[
    "end",
    "first_page_uri",
    "next_page_uri",
    "page",
    "page_size",
    "previous_page_uri",
    "start",
    "uri",
    "meta",
];

/// One operation as the mock serves it.
struct Served<'a> {
    op: &'a Operation,
    kind: &'static str,
    sid_prefix: String,
    items_key: String,
    example: String,
}

/// The family's `mock_routes()`, listing each generated operation of `family` (none when it has
/// only hand-written ones, which the mock serves itself).
pub fn family_routes(spec: &Json, model: &Model<'_>, family: &str) -> String {
    let served = served(spec, model);
    let mine: Vec<&Served<'_>> = served.iter().filter(|s| s.op.family == family).collect();
    if mine.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "/// This family's operations as the mock serves them: kind, SID prefix of what a create makes, items' key\n\
         /// of a list, and the description's example reply.\n\
         #[cfg(feature = \"mock\")]\n\
         pub(crate) fn mock_routes() -> Vec<crate::mock::generic::Route> {\n\
         use crate::mock::generic::{Kind::*, route};\n\
         vec![\n",
    );
    for s in mine {
        let _ = writeln!(
            out,
            "route::<{}>({}, {:?}, {:?}, {:?}),",
            s.op.name, s.kind, s.sid_prefix, s.items_key, s.example
        );
    }
    out.push_str("]\n}\n");
    out
}

/// `mod.rs`'s `mock_routes()`: those of every family, each under the cfg `feature` gives it (none:
/// the module's own feature covers them all).
pub fn module_routes(model: &Model<'_>, families: &[String], feature: Option<fn(&str) -> String>) -> String {
    let mut out = String::from(
        "\n/// The generated operations of every enabled family, as the mock serves them.\n\
         #[cfg(feature = \"mock\")]\n\
         pub(crate) fn mock_routes() -> Vec<crate::mock::generic::Route> {\n",
    );
    if feature.is_some() {
        // With no family's feature on, nothing is added.
        out.push_str("#[allow(unused_mut)]\n");
    }
    out.push_str("let mut routes = Vec::new();\n");
    for family in families {
        if model.ops.iter().any(|o| &o.family == family && !o.curated) {
            if let Some(feature) = feature {
                let _ = writeln!(out, "#[cfg(feature = \"{}\")]", feature(family));
            }
            let _ = writeln!(out, "routes.extend({family}::mock_routes());");
        }
    }
    out.push_str("routes\n}\n");
    out
}

fn served<'m>(spec: &Json, model: &'m Model<'_>) -> Vec<Served<'m>> {
    let raw: Vec<(String, &Json)> = Model::operations(spec)
        .into_iter()
        .filter_map(|(_, _, op, _)| Some((op.at("operationId").str()?.to_owned(), op)))
        .collect();
    let json_of = |id: &str| raw.iter().find(|(other, _)| other == id).map(|(_, op)| *op);
    let mut out: Vec<Served<'m>> = model
        .ops
        .iter()
        .filter(|op| !op.curated)
        .map(|op| {
            let json = json_of(&op.id).unwrap_or(&crate::json::NULL);
            let ok = ok_response(json);
            let schema = ok.at("content").at("application/json").at("schema");
            let example = ok
                .at("content")
                .at("application/json")
                .at("examples")
                .pairs()
                .first()
                .map(|(_, example)| compact(example.at("value")))
                .unwrap_or_default();
            let ends_in_placeholder = op.path.rsplit('/').next().is_some_and(|last| last.starts_with('{'));
            let is_page = op.response.as_deref().is_some_and(|r| r.starts_with("Page<"));
            let kind = match (op.method.as_str(), ends_in_placeholder) {
                ("POST", false) => "Create",
                ("GET", true) => "Fetch",
                ("POST", true) => "Update",
                ("DELETE", true) => "Delete",
                ("GET", false) if is_page => "List",
                _ => "Other",
            };
            let sid_prefix = if kind == "Create" {
                let schema =
                    schema_ref(schema).map_or(schema, |name| spec.at("components").at("schemas").at(name));
                schema.at("properties").at("sid").at("pattern").str().and_then(naming::sid_prefix)
            } else {
                None
            };
            let items_key = if kind == "List" { items_key(schema) } else { String::new() };
            Served { op, kind, sid_prefix: sid_prefix.unwrap_or_default(), items_key, example }
        })
        .collect();
    // The collections the creates fill: a create's own path, or, when its reply's `uri` has as many
    // segments as that path (`IncomingPhoneNumbers/Local.json` makes `IncomingPhoneNumbers/PN….json`),
    // the collection above it.
    let filled: Vec<String> = out
        .iter()
        .filter(|s| s.kind == "Create" && !s.sid_prefix.is_empty())
        .flat_map(|s| {
            let above = format!("{}{}", parent(&s.op.path), suffix(&s.op.path));
            [s.op.path.clone(), above]
        })
        .collect();
    for s in &mut out {
        let collection = match s.kind {
            "Fetch" | "Update" | "Delete" => format!("{}{}", parent(&s.op.path), suffix(&s.op.path)),
            "List" => s.op.path.clone(),
            _ => continue,
        };
        if !filled.contains(&collection) {
            // A list keeps its items' key: without an example reply, it answers an empty page.
            s.kind = "Other";
        }
    }
    out
}

/// What a path of this API ends with: `.json` in the 2010 API, nothing in the newer products.
fn suffix(path: &str) -> &'static str {
    if path.ends_with(".json") { ".json" } else { "" }
}

/// The path without its last segment.
fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or(path, |(parent, _)| parent)
}

fn schema_ref(schema: &Json) -> Option<&str> {
    schema.at("$ref").str().and_then(|r| r.strip_prefix("#/components/schemas/"))
}

fn ok_response(op: &Json) -> &Json {
    op.at("responses")
        .pairs()
        .iter()
        .find(|(code, _)| code.starts_with('2'))
        .map_or(&crate::json::NULL, |(_, response)| response)
}

/// The array property of a list's reply besides the paging keys.
fn items_key(schema: &Json) -> String {
    schema
        .at("properties")
        .pairs()
        .iter()
        .find(|(key, property)| {
            !PAGE_KEYS.contains(&key.as_str()) && property.at("type").str() == Some("array")
        })
        .map(|(key, _)| key.clone())
        .unwrap_or_default()
}

/// `json` as compact JSON text, keys in the description's order.
fn compact(json: &Json) -> String {
    match json {
        Json::Null => "null".into(),
        Json::Bool(b) => b.to_string(),
        Json::Num(n) => n.to_string(),
        Json::Str(s) => serde_json::to_string(s).unwrap_or_default(),
        Json::Arr(items) => format!("[{}]", items.iter().map(compact).collect::<Vec<_>>().join(",")),
        Json::Obj(pairs) => format!(
            "{{{}}}",
            pairs
                .iter()
                .map(|(k, v)| format!("{}:{}", serde_json::to_string(k).unwrap_or_default(), compact(v)))
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::overlay::Overlay;

    const SPEC: &str = r##"{
      "components": {"schemas": {
        "api.v2010.account.thing": {"type": "object", "properties": {
          "sid": {"type": "string", "pattern": "^TH[0-9a-fA-F]{32}$"}, "name": {"type": "string"}}}
      }},
      "paths": {
        "/2010-04-01/Accounts/{AccountSid}/Things.json": {
          "post": {"operationId": "CreateThing",
            "responses": {"201": {"content": {"application/json": {
              "schema": {"$ref": "#/components/schemas/api.v2010.account.thing"},
              "examples": {"create": {"value": {"sid": "THaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "name": "x"}}}}}}}},
          "get": {"operationId": "ListThing",
            "responses": {"200": {"content": {"application/json": {"schema": {"type": "object", "properties": {
              "things": {"type": "array", "items": {"$ref": "#/components/schemas/api.v2010.account.thing"}},
              "page": {"type": "integer"}, "uri": {"type": "string"}}}}}}}}},
        "/2010-04-01/Accounts/{AccountSid}/Things/{Sid}.json": {
          "get": {"operationId": "FetchThing",
            "parameters": [{"name": "Sid", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/api.v2010.account.thing"}}}}}},
          "delete": {"operationId": "DeleteThing",
            "parameters": [{"name": "Sid", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {"204": {}}}},
        "/2010-04-01/Accounts/{AccountSid}/Others/{Sid}.json": {
          "get": {"operationId": "FetchOther",
            "parameters": [{"name": "Sid", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/api.v2010.account.thing"}}}}}}}
      }
    }"##;

    #[test]
    fn kinds_prefixes_and_keys_come_from_the_description() {
        let spec: Json = serde_json::from_str(SPEC).unwrap();
        let overlay = Overlay::default();
        let mut model = Model::new(&spec, &overlay, "crate", BTreeSet::new());
        model.build(None).unwrap();
        let code = family_routes(&spec, &model, "things");
        assert!(code.contains("#[cfg(feature = \"mock\")]"), "{code}");
        assert!(code.contains(r#"route::<CreateThing>(Create, "TH", "", "{\"sid\":"#), "{code}");
        assert!(code.contains(r#"route::<ListThing>(List, "", "things", "")"#), "{code}");
        assert!(code.contains(r#"route::<FetchThing>(Fetch, "", "", "")"#), "{code}");
        assert!(code.contains(r#"route::<DeleteThing>(Delete, "", "", "")"#), "{code}");
        // Nothing creates an `Other`: it answers its example.
        let others = family_routes(&spec, &model, "others");
        assert!(others.contains(r#"route::<FetchOther>(Other, "", "", "")"#), "{others}");
        let module = module_routes(&model, &["others".into(), "things".into()], Some(naming::feature));
        assert!(
            module.contains("#[cfg(feature = \"v2010-things\")]\nroutes.extend(things::mock_routes());"),
            "{module}"
        );
    }

    #[test]
    fn compact_keeps_order_and_escapes() {
        let json: Json = serde_json::from_str(r#"{"b": "a\"q", "a": [1, null, true]}"#).unwrap();
        assert_eq!(compact(&json), r#"{"b":"a\"q","a":[1,null,true]}"#);
    }
}
