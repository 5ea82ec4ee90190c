//! A stateful store serving every generated operation from data the generator writes beside it
//! (each family's `mock_routes()`): the operation's [`Kind`], the SID prefix of what a create makes,
//! the items' key of a list and the description's example reply. No route is written per operation.
//!
//! - A create answers the example reply as a template, with the request's parameters in the fields
//!   of the same name (`FriendlyName` -> `friendly_name`, where the reply has that field), a fresh
//!   SID, the request's account, `date_created`/`date_updated` now and `uri` the new instance's
//!   path; the resource is kept under that path.
//! - A fetch answers what is kept at its path, else 404 with 20404; an update merges its parameters
//!   and moves `date_updated`; a delete removes it (204).
//! - A list answers what is kept under its collection, newest first, filtered by the parameters
//!   naming a field of the items (equality), paged as the operation's product pages: the 2010 API's
//!   `page_size`/`next_page_uri`, the other products' `meta` with absolute URLs.
//! - An operation on a collection no create fills (`Other`: Balance, available numbers, a resource
//!   Twilio makes itself) answers the example reply with the path's values filled in (a `DELETE`:
//!   204).
//!
//! Nothing else happens: no callbacks, and no effect on other resources (a subaccount created here
//! has no credentials; deleting a queue leaves its members).

// Without a generated family's feature, no route is made here and only the store is used.
#![allow(dead_code)]

use chrono::{DateTime, Utc};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use serde_json::{Map, Value};
use twilio_endpoint_runtime::values::AccountSid;
use twilio_endpoint_runtime::{BodyFormat, DecodeRequest, FormPairs};

use super::generated_store::{Store, Stored};
use super::paging::{Order, PageRequest};
use super::reply::{Reply, twilio_date};
pub(crate) use super::routes::Route;
use super::routes::lock;
use super::sids::hex32;
use super::twilio_error::TwilioError;

/// What an operation does, read by the generator from its method and path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A `POST` on a collection.
    Create,
    /// A `GET` of an instance.
    Fetch,
    /// A `POST` on an instance.
    Update,
    /// A `DELETE` of an instance.
    Delete,
    /// A `GET` of a collection, answered with a page.
    List,
    /// Anything else, or an operation on a collection no create fills: the example reply.
    Other,
}

/// One generated operation as the mock serves it.
#[derive(Clone, Copy)]
struct Operation {
    kind: Kind,
    sid_prefix: &'static str,
    items_key: &'static str,
    example: &'static str,
    template: &'static str,
    /// The product (`api` for the 2010 API), whose page shape a list answers with.
    host: &'static str,
    method: &'static str,
}

/// The route of the generated operation `E`: checked, recorded and faulted as every route is, then
/// served by the store.
pub(crate) fn route<E>(
    kind: Kind,
    sid_prefix: &'static str,
    items_key: &'static str,
    example: &'static str,
) -> Route
where
    E: DecodeRequest + Clone + Send + 'static,
{
    let operation = Operation {
        kind,
        sid_prefix,
        items_key,
        example,
        template: E::PATH,
        host: E::HOST,
        method: E::METHOD.as_str(),
    };
    Route::with_services::<E>(move |request, path, services| {
        let form = request.to_form();
        // A JSON body's members (`body = json`), which the form leaves out.
        let members = (E::BODY == BodyFormat::Json)
            .then(|| request.to_json().ok().and_then(|body| serde_json::from_str(&body).ok()))
            .flatten();
        // Kept by the path as the resource names it (`SafeList/Numbers/+1800…`), not as escaped.
        let path = unescape_path(path);
        let call = Call {
            path: &path,
            pairs: parse_form(&form),
            members,
            account: services.account,
            base_url: services.base_url,
            now: Utc::now(),
        };
        let mut store = lock(services.generic);
        operation.serve(&mut store, &call).unwrap_or_else(TwilioError::into_reply)
    })
}

/// One request as the store reads it.
struct Call<'a> {
    /// The path as received, without the query.
    path: &'a str,
    /// The parameters as sent (the path's are not among them).
    pairs: Vec<(String, String)>,
    /// The members of a JSON body, for an endpoint declared with one.
    members: Option<Value>,
    account: AccountSid,
    base_url: &'a str,
    now: DateTime<Utc>,
}

impl Operation {
    fn serve(&self, store: &mut Store, call: &Call<'_>) -> Result<Reply, TwilioError> {
        match self.kind {
            Kind::Create => Ok(self.create(store, call)),
            Kind::Fetch => match store.get(call.path, &call.account) {
                Some(stored) => Ok(Reply::ok(stored.json.clone())),
                None => self.own_account(call),
            },
            Kind::Update => match store.get_mut(call.path, &call.account) {
                Some(stored) => {
                    merge(&mut stored.json, call);
                    let stamp = timestamp(&stored.json["date_updated"], call.now);
                    set(&mut stored.json, "date_updated", stamp.into());
                    Ok(Reply::ok(stored.json.clone()))
                }
                None => self.own_account(call),
            },
            Kind::Delete => match store.resources.get(call.path) {
                Some(stored) if stored.account == call.account => {
                    store.resources.remove(call.path);
                    Ok(Reply::no_content())
                }
                _ => Err(TwilioError::not_found(call.path)),
            },
            Kind::List => Ok(Reply::ok(self.list(store, call))),
            Kind::Other => Ok(self.example_reply(call)),
        }
    }

    /// The example with the path's values, and an update's parameters, filled in; `DELETE`: 204.
    fn example_reply(&self, call: &Call<'_>) -> Reply {
        if self.method == "DELETE" {
            return Reply::no_content();
        }
        if self.example.is_empty() && !self.items_key.is_empty() {
            // A list the description shows no example of: an empty page.
            return Reply::ok(self.list(&Store::default(), call));
        }
        let mut json = self.template_json(call);
        if self.method == "POST" {
            merge(&mut json, call);
        }
        Reply::ok(json)
    }

    /// An instance not kept: the account the request acts for is one Twilio always has (Fetch
    /// Account of the test account), the others are not found.
    fn own_account(&self, call: &Call<'_>) -> Result<Reply, TwilioError> {
        let last = call.path.rsplit('/').next().unwrap_or_default().trim_end_matches(".json");
        if last == call.account.as_str() {
            Ok(self.example_reply(call))
        } else {
            Err(TwilioError::not_found(call.path))
        }
    }

    /// The example reply, parsed, with the values of the path's placeholders in the fields named
    /// after them, `account_sid` the request's account and `uri` (`url` in the newer products) the
    /// path.
    fn template_json(&self, call: &Call<'_>) -> Value {
        let mut json: Value = serde_json::from_str(self.example).unwrap_or(Value::Object(Map::new()));
        for (name, value) in path_values(self.template, call.path) {
            let field = if name == "AccountSid" { "account_sid".to_owned() } else { snake_case(name) };
            // A SID field keeps its example when the path's value is not a SID of its kind, so that
            // the reply still decodes.
            let example = json.get(&field).and_then(Value::as_str).unwrap_or_default();
            if looks_like_sid(example) && example.get(..2) != value.get(..2) {
                continue;
            }
            set(&mut json, &field, value.into());
        }
        set(&mut json, "account_sid", call.account.as_str().into());
        set(&mut json, "uri", call.path.into());
        if self.host != "api" {
            // The newer products link to themselves with an absolute URL: the mock's.
            set(&mut json, "url", format!("{}{}", call.base_url, call.path).into());
        }
        json
    }

    fn create(&self, store: &mut Store, call: &Call<'_>) -> Reply {
        let mut json = self.template_json(call);
        merge(&mut json, call);
        if self.sid_prefix.is_empty() {
            // Nothing with an identity (a token, a validation request): answered, not kept.
            return Reply::created(json);
        }
        let example: Value = serde_json::from_str(self.example).unwrap_or(Value::Null);
        set(&mut json, "sid", format!("{}{}", self.sid_prefix, hex32()).into());
        // The instance's name in its path: the SID, or the field the example's own link ends with
        // (Verify's entities are named by their `identity`).
        let link = example_link(&example);
        let name_field = link
            .and_then(|link| link.rsplit('/').next())
            .map(|last| last.trim_end_matches(".json"))
            .filter(|last| example["sid"].as_str() != Some(*last))
            .and_then(|last| {
                example
                    .as_object()?
                    .iter()
                    .find(|(_, value)| value.as_str() == Some(last))
                    .map(|(key, _)| key.clone())
            })
            .unwrap_or_else(|| "sid".to_owned());
        let name = json[&name_field].as_str().unwrap_or_default().to_owned();
        let instance = instance_path(call.path, link, &name);
        for field in ["date_created", "date_updated"] {
            let stamp = timestamp(&example[field], call.now);
            set(&mut json, field, stamp.into());
        }
        set(&mut json, "uri", instance.clone().into());
        set(&mut json, "url", format!("{}{instance}", call.base_url).into());
        store.created += 1;
        let stored = Stored {
            account: call.account,
            created: store.created,
            collection: call.path.trim_end_matches(".json").to_owned(),
            json: json.clone(),
        };
        store.resources.insert(instance, stored);
        Reply::created(json)
    }

    fn list(&self, store: &Store, call: &Call<'_>) -> Value {
        let collection = call.path.trim_end_matches(".json");
        let param = |key: &str| call.pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
        let filters: Vec<(String, &str)> = call
            .pairs
            .iter()
            .filter(|(key, _)| {
                !PAGING.contains(&key.as_str()) && key.chars().all(|c| c.is_ascii_alphanumeric())
            })
            .map(|(key, value)| (snake_case(key), value.as_str()))
            .collect();
        let mut items: Vec<(u64, Value)> = store
            .resources
            .iter()
            .filter(|(path, stored)| {
                stored.account == call.account
                    && (stored.collection == collection
                        || path.rsplit_once('/').is_some_and(|(parent, _)| parent == collection))
            })
            .filter(|(_, stored)| {
                filters.iter().all(|(field, value)| match stored.json.get(field) {
                    Some(Value::String(text)) => text == value,
                    Some(Value::Null) => false,
                    Some(other) => serde_json::from_str::<Value>(value).is_ok_and(|parsed| parsed == *other),
                    // A parameter that names no field of the items filters nothing.
                    None => true,
                })
            })
            .map(|(_, stored)| (stored.created, stored.json.clone()))
            .collect();
        items.sort_by_key(|(created, _)| std::cmp::Reverse(*created));
        let page = PageRequest {
            key: self.items_key,
            path: call.path,
            page_size: param("PageSize").and_then(|size| size.parse().ok()),
            page: param("Page").and_then(|page| page.parse().ok()),
            page_token: param("PageToken"),
        };
        let rest: Vec<&(String, String)> =
            call.pairs.iter().filter(|(key, _)| !PAGING.contains(&key.as_str())).collect();
        let page = page.render(Order::NewestFirst, items, |page, size, token| {
            let mut pairs: Vec<(&str, String)> = rest.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
            pairs.push(("PageSize", size.to_string()));
            pairs.push(("Page", page.to_string()));
            if let Some(token) = token {
                pairs.push(("PageToken", token));
            }
            encode_form(&pairs)
        });
        if self.host == "api" { page } else { meta_page(page, self.items_key, call.base_url) }
    }
}

const PAGING: &[&str] = &["PageToken", "Page", "PageSize"];

/// The path of the example's own link: its `uri` (2010), or the path of its `url` (the newer
/// products), without the query.
fn example_link(example: &Value) -> Option<&str> {
    let link = match example["uri"].as_str() {
        Some(uri) => uri,
        None => {
            let url = example["url"].as_str()?;
            let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
            &rest[rest.find('/')?..]
        }
    };
    Some(link.split('?').next().unwrap_or(link))
}

/// Where a resource created at `collection` and named `name` lives: `{collection}/{name}.json` (no
/// `.json` in the newer products), or beside the collection when the example's own `link` has as
/// many segments as the collection (`IncomingPhoneNumbers/Local.json` makes
/// `IncomingPhoneNumbers/PN….json`).
fn instance_path(collection: &str, link: Option<&str>, name: &str) -> String {
    // The 2010 API's paths end in `.json`, the newer products' in the name.
    let suffix = if collection.ends_with(".json") { ".json" } else { "" };
    let collection = collection.trim_end_matches(".json");
    let segments = collection.split('/').count();
    let base = match link.map(|link| link.split('/').count()) {
        Some(count) if count == segments => {
            collection.rsplit_once('/').map_or(collection, |(parent, _)| parent)
        }
        _ => collection,
    };
    format!("{base}/{name}{suffix}")
}

/// `now` as the example writes its dates: RFC 2822 in the 2010 API (`Tue, 04 Aug 2015 18:39:09
/// +0000`), ISO 8601 in the newer products (`2015-07-30T20:00:00Z`).
fn timestamp(example: &Value, now: DateTime<Utc>) -> String {
    match example.as_str() {
        Some(text) if text.contains('T') && !text.contains(',') => {
            now.format("%Y-%m-%dT%H:%M:%SZ").to_string()
        }
        _ => twilio_date(now),
    }
}

/// A 2010 page in the newer products' shape: the items, and `meta` with absolute URLs.
fn meta_page(page: Value, key: &str, base_url: &str) -> Value {
    let url = |name: &str| match page[name].as_str() {
        Some(uri) => Value::from(format!("{base_url}{uri}")),
        None => Value::Null,
    };
    serde_json::json!({
        key: page[key].clone(),
        "meta": {
            "page": page["page"].clone(),
            "page_size": page["page_size"].clone(),
            "first_page_url": url("first_page_uri"),
            "previous_page_url": url("previous_page_uri"),
            "url": url("uri"),
            "next_page_url": url("next_page_uri"),
            "key": key,
        }
    })
}

/// Sets `field` of the object `json` to `value` when the object has that field.
fn set(json: &mut Value, field: &str, value: Value) {
    if let Some(slot) = json.as_object_mut().and_then(|object| object.get_mut(field)) {
        *slot = value;
    }
}

/// The request's parameters, and a JSON body's members, in the fields of the same name the reply
/// has.
fn merge(json: &mut Value, call: &Call<'_>) {
    merge_pairs(json, &call.pairs);
    let (Some(object), Some(Value::Object(members))) = (json.as_object_mut(), &call.members) else { return };
    for (key, value) in members {
        let field = if object.contains_key(key) { key.clone() } else { snake_case(key) };
        if let Some(slot) = object.get_mut(&field)
            && !slot.is_object()
        {
            *slot = value.clone();
        }
    }
}

/// The request's parameters in the fields of the same name the reply has, typed as the field is:
/// a number or a boolean stays one when the value reads as one, a list takes every value of its key.
fn merge_pairs(json: &mut Value, pairs: &[(String, String)]) {
    let Some(object) = json.as_object_mut() else { return };
    for (key, value) in pairs {
        if !key.chars().all(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let field = snake_case(key);
        let Some(slot) = object.get_mut(&field) else { continue };
        *slot = match slot {
            Value::Number(_) => value
                .parse::<i64>()
                .map(Value::from)
                .or_else(|_| value.parse::<f64>().map(Value::from))
                .unwrap_or_else(|_| value.clone().into()),
            Value::Bool(_) => value.parse::<bool>().map_or_else(|_| value.clone().into(), Value::from),
            Value::Array(_) => {
                pairs.iter().filter(|(k, _)| k == key).map(|(_, v)| Value::from(v.clone())).collect()
            }
            // A nested object (capabilities, subresource URIs) is not one parameter.
            Value::Object(_) => continue,
            _ => value.clone().into(),
        };
    }
}

/// Two capital letters and 32 hex digits.
fn looks_like_sid(text: &str) -> bool {
    text.len() == 34
        && text[..2].bytes().all(|b| b.is_ascii_uppercase())
        && text[2..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// The values of the template's placeholders in `path`, by placeholder name.
fn path_values<'p>(template: &'static str, path: &'p str) -> Vec<(&'static str, &'p str)> {
    let mut out = Vec::new();
    for (pattern, segment) in template.split('/').zip(path.split('/')) {
        let (Some(open), Some(close)) = (pattern.find('{'), pattern.find('}')) else { continue };
        let (prefix, suffix) = (&pattern[..open], &pattern[close + 1..]);
        if let Some(value) = segment.strip_prefix(prefix).and_then(|rest| rest.strip_suffix(suffix)) {
            out.push((&pattern[open + 1..close], value));
        }
    }
    out
}

/// `FriendlyName` -> `friendly_name`, `SmsUrl` -> `sms_url`, `AccountSID` -> `account_sid`.
pub(crate) fn snake_case(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    let mut out = String::with_capacity(key.len() + 4);
    for (i, c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let before = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
            if before.is_ascii_lowercase()
                || before.is_ascii_digit()
                || (before.is_ascii_uppercase() && next_lower)
            {
                out.push('_');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// A form's pairs as sent, split and decoded by the runtime's form reader.
fn parse_form(form: &str) -> Vec<(String, String)> {
    FormPairs::parse(form.as_bytes())
        .into_unread()
        .map(|(key, value)| (key.into_owned(), value.into_owned()))
        .collect()
}

/// A path with its percent escapes decoded (a `+` stays a `+`, as it is in a path).
fn unescape_path(path: &str) -> String {
    percent_decode_str(path).decode_utf8_lossy().into_owned()
}

/// Everything but RFC 3986's unreserved characters, which a page URI's query escapes.
const QUERY_ESCAPED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// A page URI's query: every byte but unreserved ones escaped.
fn encode_form(pairs: &[(&str, String)]) -> String {
    let escape = |text: &str| utf8_percent_encode(text, QUERY_ESCAPED).to_string();
    pairs
        .iter()
        .map(|(key, value)| format!("{}={}", escape(key), escape(value)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_become_field_names() {
        assert_eq!(snake_case("FriendlyName"), "friendly_name");
        assert_eq!(snake_case("SmsUrl"), "sms_url");
        assert_eq!(snake_case("MaxSize"), "max_size");
        assert_eq!(snake_case("Sid"), "sid");
        assert_eq!(snake_case("VoiceCallerIdLookup"), "voice_caller_id_lookup");
    }

    #[test]
    fn forms_round_trip() {
        let pairs = parse_form("FriendlyName=Ada+%26+Bob&MaxSize=5&Empty=");
        assert_eq!(pairs[0], ("FriendlyName".to_owned(), "Ada & Bob".to_owned()));
        assert_eq!(pairs[2], ("Empty".to_owned(), String::new()));
        assert_eq!(encode_form(&[("FriendlyName", "Ada & Bob".to_owned())]), "FriendlyName=Ada%20%26%20Bob");
        assert_eq!(unescape_path("/SafeList/Numbers/%2B1800%20x+y/100%"), "/SafeList/Numbers/+1800 x+y/100%");
    }

    #[test]
    fn path_values_follow_the_template() {
        let values = path_values(
            "/2010-04-01/Accounts/{AccountSid}/Queues/{Sid}.json",
            "/2010-04-01/Accounts/ACaa/Queues/QUbb.json",
        );
        assert_eq!(values, [("AccountSid", "ACaa"), ("Sid", "QUbb")]);
    }

    #[test]
    fn parameters_keep_the_field_type() {
        let mut json =
            serde_json::json!({"max_size": 100, "friendly_name": "x", "beta": false, "capabilities": {}});
        let pairs = [
            ("MaxSize", "7"),
            ("FriendlyName", "q"),
            ("Beta", "true"),
            ("Capabilities", "y"),
            ("Other", "z"),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()));
        merge_pairs(&mut json, &pairs);
        assert_eq!(
            json,
            serde_json::json!({"max_size": 7, "friendly_name": "q", "beta": true, "capabilities": {}})
        );
    }
}
