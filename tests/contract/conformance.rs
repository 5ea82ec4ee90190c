//! What the catalog sends, compared with what Twilio's description declares, operation by operation.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use twilio_endpoint::api::v2010::*;
use twilio_endpoint::{Endpoint, Method};

use super::Sent;

/// Every operation of the catalog; each must have variants, so that none escapes the comparison.
const CATALOG: &[(Method, &str)] = &[
    (CreateParticipant::METHOD, CreateParticipant::PATH),
    (FetchParticipant::METHOD, FetchParticipant::PATH),
    (UpdateParticipant::METHOD, UpdateParticipant::PATH),
    (DeleteParticipant::METHOD, DeleteParticipant::PATH),
    (ListParticipants::METHOD, ListParticipants::PATH),
    (FetchConference::METHOD, FetchConference::PATH),
    (UpdateConference::METHOD, UpdateConference::PATH),
    (ListConferences::METHOD, ListConferences::PATH),
    (FetchConferenceRecording::METHOD, FetchConferenceRecording::PATH),
    (UpdateConferenceRecording::METHOD, UpdateConferenceRecording::PATH),
    (DeleteConferenceRecording::METHOD, DeleteConferenceRecording::PATH),
    (ListConferenceRecordings::METHOD, ListConferenceRecordings::PATH),
    (CreateCall::METHOD, CreateCall::PATH),
    (FetchCall::METHOD, FetchCall::PATH),
    (UpdateCall::METHOD, UpdateCall::PATH),
    (DeleteCall::METHOD, DeleteCall::PATH),
    (ListCalls::METHOD, ListCalls::PATH),
    (CreateMessage::METHOD, CreateMessage::PATH),
    (FetchMessage::METHOD, FetchMessage::PATH),
    (UpdateMessage::METHOD, UpdateMessage::PATH),
    (DeleteMessage::METHOD, DeleteMessage::PATH),
    (ListMessages::METHOD, ListMessages::PATH),
];

/// What differs between the catalog and the description.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// The operation is not in the description, or the catalog has no variant of it.
    Operation,
    /// A parameter of the description that no variant sends.
    Missing,
    /// A parameter that the description does not have.
    Invented,
    /// Required in the description but not sent by every variant, or the other way round.
    Required,
    /// A value outside the description's enum, or an enum value no variant sends.
    EnumValue,
    /// A value that does not match the description's pattern (SIDs).
    Pattern,
}

/// A deliberate difference, reviewed: the operation (its `operationId`), the key, the kind, the enum
/// value it is about (empty for the other kinds), and why.
struct Allowed {
    operation: &'static str,
    key: &'static str,
    kind: Kind,
    value: &'static str,
    #[allow(dead_code, reason = "the reason is for the reader of this list")]
    why: &'static str,
}

/// Parameters of Twilio's current API that the pinned description (npm `@twilio-alpha/mcp` 0.7.0)
/// predates; the newer description in `../shared/twilio-oai` has them.
const NEWER_THAN_PINNED: &str =
    "in Twilio's current description (../shared/twilio-oai), newer than the pinned npm one";

/// Twilio's prose for Update Conference Recording: "The new status of the recording. Can be:
/// `stopped`, `paused`, `in-progress`"; the description reuses the recording's own status enum,
/// whose other values describe a recording and cannot be set.
const RECORDING_STATUS: &str =
    "the description reuses the recording status enum; only in-progress, paused and stopped can be set";

/// The reviewed allow-list: each entry is a rule stricter than the description, from Twilio's prose,
/// or a parameter of Twilio's API that the pinned description lacks.
const ALLOWED: &[Allowed] = &[
    Allowed {
        operation: "CreateParticipant",
        key: "CallerDisplayName",
        kind: Kind::Invented,
        value: "",
        why: NEWER_THAN_PINNED,
    },
    Allowed {
        operation: "CreateParticipant",
        key: "ClientNotificationUrl",
        kind: Kind::Invented,
        value: "",
        why: NEWER_THAN_PINNED,
    },
    Allowed {
        operation: "CreateCall",
        key: "ClientNotificationUrl",
        kind: Kind::Invented,
        value: "",
        why: NEWER_THAN_PINNED,
    },
    Allowed {
        operation: "CreateMessage",
        key: "FallbackFrom",
        kind: Kind::Invented,
        value: "",
        why: NEWER_THAN_PINNED,
    },
    Allowed {
        operation: "UpdateConferenceRecording",
        key: "Status",
        kind: Kind::EnumValue,
        value: "absent",
        why: RECORDING_STATUS,
    },
    Allowed {
        operation: "UpdateConferenceRecording",
        key: "Status",
        kind: Kind::EnumValue,
        value: "completed",
        why: RECORDING_STATUS,
    },
    Allowed {
        operation: "UpdateConferenceRecording",
        key: "Status",
        kind: Kind::EnumValue,
        value: "processing",
        why: RECORDING_STATUS,
    },
];

struct Difference {
    operation: String,
    key: String,
    kind: Kind,
    /// The enum value or the value that misses the pattern; empty for the other kinds.
    value: String,
    detail: String,
}

/// How many operations the variants cover.
pub fn operations(sent: &[Sent]) -> usize {
    sent.iter().map(|sent| (sent.method.as_str(), sent.path)).collect::<BTreeSet<_>>().len()
}

/// Every difference that the allow-list does not explain, one line each.
pub fn differences(description: &Value, sent: &[Sent]) -> Vec<String> {
    let mut found = Vec::new();
    let mut by_operation: BTreeMap<(&str, &str), Vec<&Sent>> = BTreeMap::new();
    for variant in sent {
        by_operation.entry((variant.method.as_str(), variant.path)).or_default().push(variant);
    }
    for (method, path) in CATALOG {
        if !by_operation.contains_key(&(method.as_str(), *path)) {
            found.push(Difference {
                operation: format!("{} {path}", method.as_str()),
                key: String::new(),
                kind: Kind::Operation,
                value: String::new(),
                detail: "no contract variant exercises this catalog operation".to_owned(),
            });
        }
    }
    for ((method, path), variants) in by_operation {
        compare_operation(description, method, path, &variants, &mut found);
    }
    found
        .into_iter()
        .filter(|difference| {
            !ALLOWED.iter().any(|allowed| {
                allowed.operation == difference.operation
                    && allowed.key == difference.key
                    && allowed.kind == difference.kind
                    && allowed.value == difference.value
            })
        })
        .map(|difference| {
            format!(
                "{} {}: {:?}: {}",
                difference.operation, difference.key, difference.kind, difference.detail
            )
        })
        .collect()
}

/// One parameter of the description: whether it is required, and its schema.
struct Declared<'a> {
    required: bool,
    schema: &'a Value,
}

fn compare_operation(
    description: &Value,
    method: &str,
    path: &str,
    variants: &[&Sent],
    found: &mut Vec<Difference>,
) {
    let Some(operation) = description["paths"][path].get(method.to_ascii_lowercase()) else {
        found.push(Difference {
            operation: format!("{method} {path}"),
            key: String::new(),
            kind: Kind::Operation,
            value: String::new(),
            detail: "the description has no such operation".to_owned(),
        });
        return;
    };
    let name = operation["operationId"].as_str().unwrap_or(path).to_owned();
    let mut push = |key: &str, kind: Kind, value: &str, detail: String| {
        let (key, value) = (key.to_owned(), value.to_owned());
        found.push(Difference { operation: name.clone(), key, kind, value, detail });
    };
    let declared = declared_parameters(description, operation, method);

    let sent_keys: Vec<BTreeSet<&str>> =
        variants.iter().map(|variant| variant.pairs.iter().map(|(key, _)| key.as_str()).collect()).collect();
    let any: BTreeSet<&str> = sent_keys.iter().flatten().copied().collect();
    let always: BTreeSet<&str> = sent_keys
        .iter()
        .skip(1)
        .fold(sent_keys[0].clone(), |always, keys| always.intersection(keys).copied().collect());

    for (key, parameter) in &declared {
        if !any.contains(key.as_str()) {
            push(key, Kind::Missing, "", "declared by the description, sent by no variant".to_owned());
        }
        if parameter.required && !always.contains(key.as_str()) {
            push(key, Kind::Required, "", "required by the description, left out by some variant".to_owned());
        }
    }
    for key in &any {
        match declared.get(*key) {
            None => push(key, Kind::Invented, "", "sent, but not a parameter of the description".to_owned()),
            Some(parameter) if !parameter.required && always.contains(key) => push(
                key,
                Kind::Required,
                "",
                "optional in the description, but sent by every variant (is a required-only variant missing?)"
                    .to_owned(),
            ),
            Some(_) => {}
        }
    }

    let mut values: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (key, value) in variants.iter().flat_map(|variant| &variant.pairs) {
        values.entry(key.as_str()).or_default().insert(value.as_str());
    }
    for (key, parameter) in &declared {
        let schema = item_schema(description, parameter.schema);
        let sent = values.get(key.as_str()).cloned().unwrap_or_default();
        if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
            let allowed: BTreeSet<&str> = allowed.iter().filter_map(Value::as_str).collect();
            for value in sent.difference(&allowed) {
                push(
                    key,
                    Kind::EnumValue,
                    value,
                    format!("`{value}` is not among the description's {allowed:?}"),
                );
            }
            for value in allowed.difference(&sent) {
                push(
                    key,
                    Kind::EnumValue,
                    value,
                    format!("`{value}` is in the description's enum but no variant sends it"),
                );
            }
        }
        if let Some(pattern) = schema.get("pattern").and_then(Value::as_str) {
            let regex = regex_lite::Regex::new(pattern).expect("the description's patterns are valid");
            for value in sent.iter().filter(|value| !regex.is_match(value)) {
                push(key, Kind::Pattern, value, format!("`{value}` does not match `{pattern}`"));
            }
        }
    }
}

/// The query parameters of a `GET` or `DELETE`, or the form parameters of a `POST`, by key.
fn declared_parameters<'a>(
    description: &'a Value,
    operation: &'a Value,
    method: &str,
) -> BTreeMap<String, Declared<'a>> {
    let mut declared = BTreeMap::new();
    if method == "POST" {
        let schema = &operation["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"];
        let schema = resolve(description, schema);
        let required: BTreeSet<&str> =
            schema["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        for (key, property) in schema["properties"].as_object().into_iter().flatten() {
            declared.insert(
                key.clone(),
                Declared { required: required.contains(key.as_str()), schema: property },
            );
        }
    } else {
        for parameter in operation["parameters"].as_array().into_iter().flatten() {
            let parameter = resolve(description, parameter);
            if parameter["in"] == "query"
                && let Some(key) = parameter["name"].as_str()
            {
                let required = parameter["required"].as_bool().unwrap_or(false);
                declared.insert(key.to_owned(), Declared { required, schema: &parameter["schema"] });
            }
        }
    }
    declared
}

/// The schema of one value: a list's items, with `$ref`s followed.
fn item_schema<'a>(description: &'a Value, schema: &'a Value) -> &'a Value {
    let schema = resolve(description, schema);
    if schema["type"] == "array" { resolve(description, &schema["items"]) } else { schema }
}

/// Follows a local `$ref` (`#/components/schemas/...`).
fn resolve<'a>(description: &'a Value, value: &'a Value) -> &'a Value {
    match value.get("$ref").and_then(Value::as_str).and_then(|reference| reference.strip_prefix('#')) {
        Some(pointer) => description.pointer(pointer).map_or(value, |target| resolve(description, target)),
        None => value,
    }
}
