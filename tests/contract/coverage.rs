//! Conformance of every operation of the registry, generically: the registry against the
//! description's operations, and for each operation every parameter of the description accepted,
//! each required one required, and an unknown key refused, each naming its key.

use std::collections::BTreeSet;
use std::fmt::Debug;

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
}

impl<'a> Coverage<'a> {
    pub fn new(description: &'a Description, rules: &'a Rules) -> Self {
        Coverage { description, rules, ids: Vec::new(), failures: Vec::new(), checks: 0 }
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
    }
}
