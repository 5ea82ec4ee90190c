//! Conformance of every operation of the registry, generically: the registry against the
//! description's operations, and for each operation every parameter of the description accepted,
//! each required one required, and an unknown key refused, each naming its key.

use std::collections::BTreeSet;
use std::fmt::Debug;

use serde_json::Value;
use twilio_endpoint::{DecodeRequest, Endpoint, Problem};

use super::Visit;
use super::description::{Description, Rules};
use super::generated::{Plan, Variant};

/// A key no operation has.
const UNKNOWN: &str = "NotAParameter";

pub struct Coverage<'a> {
    pub description: &'a Description,
    pub rules: &'a Rules,
    /// The registry's operation ids, in the order visited.
    pub ids: Vec<&'static str>,
    pub failures: Vec<String>,
    /// How many checks ran (parameters accepted, required keys, unknown keys).
    pub checks: usize,
    /// The entries of `NESTED_ALLOWED` a failure used.
    pub nested_used: BTreeSet<usize>,
    /// The failures `NESTED_ALLOWED` explains, shown in the test's output.
    pub allowed_failures: Vec<String>,
}

impl<'a> Coverage<'a> {
    pub fn new(description: &'a Description, rules: &'a Rules) -> Self {
        Coverage {
            description,
            rules,
            ids: Vec::new(),
            failures: Vec::new(),
            checks: 0,
            nested_used: BTreeSet::new(),
            allowed_failures: Vec::new(),
        }
    }

    /// The registry against the description: the same operations, none twice.
    pub fn registry_failures(&self) -> Vec<String> {
        let mut failures = Vec::new();
        let described = self.description.operation_ids();
        let mut seen = BTreeSet::new();
        for id in &self.ids {
            if !seen.insert(*id) {
                failures.push(format!("{id}: listed twice in the registry"));
            }
            if !described.iter().any(|described| described == id) {
                failures.push(format!("{id}: in the registry, not in the description"));
            }
        }
        for id in &described {
            if !seen.contains(id.as_str()) {
                failures.push(format!("{id}: in the description, not in the registry"));
            }
        }
        if self.ids.len() != described.len() {
            failures.push(format!(
                "the registry lists {} operations, the description {}",
                self.ids.len(),
                described.len()
            ));
        }
        failures
    }
}

impl Visit for Coverage<'_> {
    fn operation<E>(&mut self, operation_id: &'static str)
    where
        E: Endpoint + DecodeRequest + Debug + 'static,
        E::Response: Debug,
    {
        self.ids.push(operation_id);
        let Some(mut plan) = Plan::new(self.description, self.rules, operation_id) else {
            return;
        };
        plan.choose::<E>();
        let method = plan.op.method.clone();
        let variants = plan.variants();
        let mut fail = |text: String| self.failures.push(format!("{operation_id}: {text}"));
        let mut checks = 0;

        // Every parameter of the description is read: some variant sending it decodes, and no
        // variant sending it is refused for that key being unknown.
        for param in &plan.op.params {
            checks += 1;
            let sending: Vec<&Variant> =
                variants.iter().filter(|variant| variant.keys().contains(&param.key.as_str())).collect();
            let results: Vec<_> = sending.iter().map(|variant| variant.decode::<E>(&method)).collect();
            if sending.is_empty() {
                fail(format!("`{}`: no generated variant sends it", param.key));
            } else if let Some(Err(error)) =
                results.iter().find(|result| matches!(result, Err(error) if error.key() == param.key && *error.problem() == Problem::UnknownKey))
            {
                fail(format!("`{}`: a parameter of the description, refused: {error}", param.key));
            } else if !results.iter().any(Result::is_ok) {
                let error = results.iter().find_map(|result| result.as_ref().err()).expect("a failure");
                fail(format!("`{}`: no variant sending it decodes: {error}", param.key));
            }
        }

        // Each required parameter is required: the smallest request without it is refused, naming it.
        let smallest = plan.required_only();
        for param in plan.op.params.iter().filter(|param| param.required) {
            checks += 1;
            let mut without = smallest.clone();
            without.pairs.retain(|(key, _)| *key != param.key);
            match without.decode::<E>(&method) {
                // A list without its key decodes as an empty list, which `validate()` refuses (its
                // `len` starts at one or more), naming the key.
                Ok(request)
                    if param.array
                        && request.validate().is_err_and(|errors| {
                            errors.violations().iter().any(|violation| violation.key() == param.key)
                        }) => {}
                Ok(_) => fail(format!(
                    "`{}`: required by the description, but a request without it decodes{}",
                    param.key,
                    if param.array { " and passes validate()" } else { "" }
                )),
                Err(error) if error.key() == param.key => {}
                // A required group with none of its keys sent names no single key; its message names them.
                Err(error)
                    if error.key().is_empty() && error.to_string().contains(&format!("`{}=", param.key)) => {}
                Err(error) => fail(format!(
                    "`{}`: required; a request without it is refused for another key: {error}",
                    param.key
                )),
            }
        }

        // An unknown key is refused, naming it.
        checks += 1;
        let mut unknown = smallest.clone();
        unknown.pairs.push((UNKNOWN.to_owned(), "1".to_owned()));
        match unknown.decode::<E>(&method) {
            Err(error) if error.key() == UNKNOWN && *error.problem() == Problem::UnknownKey => {}
            Err(error) => fail(format!("an unknown key is refused for another reason: {error}")),
            Ok(_) => fail(format!("the unknown key `{UNKNOWN}` decodes")),
        }
        self.checks += checks;
        if plan.op.json {
            self.nested_members::<E>(operation_id, &plan, &variants);
        }
    }
}

impl Coverage<'_> {
    /// The objects nested in a JSON body's members, as the description declares them: the request
    /// with every member (`every parameter`) without one of an object's required members, with an
    /// unknown member added to it, or with a value outside one of its enums is refused (by decoding
    /// or by `validate()`), the refusal naming the member.
    fn nested_members<E: DecodeRequest>(&mut self, operation_id: &str, plan: &Plan, variants: &[Variant]) {
        let Some(every) = variants.iter().find(|variant| variant.name.starts_with("every parameter")) else {
            return;
        };
        let method = plan.op.method.as_str();
        let mut found = Vec::new();
        for (position, (key, text)) in every.pairs.iter().enumerate() {
            let Some(param) = plan.op.param(key) else { continue };
            let Ok(member) = serde_json::from_str::<Value>(text) else { continue };
            let schema = if param.array {
                serde_json::json!({ "type": "array", "items": param.schema })
            } else {
                param.schema.clone()
            };
            let mut objects = Vec::new();
            nested_objects(&member, &schema, key, "", &mut objects);
            // Sends `every` with this member changed by `change` at `pointer`: the refusal, or `None`.
            let refusal = |pointer: &str, change: &dyn Fn(&mut serde_json::Map<String, Value>)| {
                let mut changed = member.clone();
                if let Some(object) = changed.pointer_mut(pointer).and_then(Value::as_object_mut) {
                    change(object);
                }
                let mut variant = every.clone();
                variant.pairs[position].1 = changed.to_string();
                match variant.decode::<E>(method) {
                    Err(error) => Some(error.to_string()),
                    Ok(request) => request.validate().err().map(|errors| errors.to_string()),
                }
            };
            for (pointer, object, name) in &objects {
                self.checks += 1;
                let unknown = format!("{name}.{UNKNOWN}");
                match refusal(pointer, &|object| {
                    object.insert(UNKNOWN.to_owned(), Value::from(1));
                }) {
                    Some(text) if text.contains(UNKNOWN) => {}
                    Some(text) => found.push(format!("`{unknown}`: refused without naming it: {text}")),
                    None => found.push(format!(
                        "`{unknown}`: an unknown member of a nested object decodes and passes validate()"
                    )),
                }
                for required in object["required"].as_array().into_iter().flatten().filter_map(Value::as_str)
                {
                    self.checks += 1;
                    match refusal(pointer, &|object| {
                        object.remove(required);
                    }) {
                        Some(text) if text.contains(required) => {}
                        Some(text) => found.push(format!("`{name}.{required}`: required; refused without naming it: {text}")),
                        None => found.push(format!(
                            "`{name}.{required}`: required by the description, but a request without it decodes and \
                             passes validate()"
                        )),
                    }
                }
                for (member_key, property) in object["properties"].as_object().into_iter().flatten() {
                    let list = property["type"] == "array";
                    let values = if list { &property["items"]["enum"] } else { &property["enum"] };
                    if !values.is_array() {
                        continue;
                    }
                    self.checks += 1;
                    let outside =
                        if list { serde_json::json!(["not-a-value"]) } else { Value::from("not-a-value") };
                    if refusal(pointer, &|object| {
                        object.insert(member_key.clone(), outside.clone());
                    })
                    .is_none()
                    {
                        found.push(format!(
                            "`{name}.{member_key}`: a value outside the description's enum decodes and passes validate()"
                        ));
                    }
                }
            }
        }
        for failure in found {
            let failure = format!("{operation_id}: {failure}");
            let allowed = NESTED_ALLOWED.iter().position(|(operation, start, _)| {
                *operation == operation_id && failure.starts_with(&format!("{operation}: {start}"))
            });
            match allowed {
                Some(index) => {
                    self.nested_used.insert(index);
                    self.allowed_failures.push(failure);
                }
                None => self.failures.push(failure),
            }
        }
    }
}

/// The entries of `NESTED_ALLOWED` that no failure of the products' coverage (`used`, all
/// products together) used: stale, so failures too.
pub fn unused_nested_allowances(used: &BTreeSet<usize>) -> Vec<String> {
    (0..NESTED_ALLOWED.len())
        .filter(|index| !used.contains(index))
        .map(|index| {
            let (operation, start, _) = NESTED_ALLOWED[index];
            format!("nested allow-list entry no longer needed: {operation} `{start}`")
        })
        .collect()
}

/// A nested member check that fails because of the generated code, reviewed and reported (the
/// generator is not this harness's to change): (operation, the failure's start, why). An entry no
/// failure uses is stale, and a failure too. Empty: the generator's request-side nested objects keep
/// their required members, type their enums closed and refuse unknown members (CreateBulkLookup's
/// six entries were fixed there).
const NESTED_ALLOWED: &[(&str, &str, &str)] = &[];

/// The objects inside JSON member `value` (a list's first item), with their schemas and dotted
/// names (`phone_numbers.identity_match`), the member itself first when it is an object; each as a
/// JSON pointer into `value`.
fn nested_objects(
    value: &Value,
    schema: &Value,
    name: &str,
    pointer: &str,
    out: &mut Vec<(String, Value, String)>,
) {
    match value {
        Value::Array(items) if !items.is_empty() => {
            let items_schema = if schema["type"] == "array" { &schema["items"] } else { schema };
            nested_objects(&items[0], items_schema, name, &format!("{pointer}/0"), out);
        }
        Value::Object(members) => {
            out.push((pointer.to_owned(), schema.clone(), name.to_owned()));
            for (key, member) in members {
                let property = &schema["properties"][key.as_str()];
                nested_objects(member, property, &format!("{name}.{key}"), &format!("{pointer}/{key}"), out);
            }
        }
        _ => {}
    }
}
