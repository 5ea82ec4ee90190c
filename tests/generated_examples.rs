//! The generated 2010 catalog against the description it was generated from: it has exactly the
//! description's operations, and every example reply of the description decodes into the response
//! type of its generated operation.
//!
//! The description is read from `../shared/twilio-oai/` beside the checkout, or from the copy
//! `scripts/contract.sh` installs; without either the tests are skipped with a message.

use std::collections::BTreeSet;
use std::fmt::Debug;
use std::path::PathBuf;

use description_examples::{decode_examples, operations_of};
use serde_json::Value;
use twilio_endpoint::{DecodeRequest, Endpoint};

#[path = "support/description_examples.rs"]
mod description_examples;
#[path = "contract/operations.rs"]
mod operations;
#[path = "support/visit.rs"]
mod visit;

pub use visit::Visit;

fn description() -> Option<Value> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        root.join("../shared/twilio-oai/twilio_api_v2010.json"),
        root.join(
            "scripts/contract/node_modules/@twilio-alpha/mcp/twilio-oai/spec/json/twilio_api_v2010.json",
        ),
    ];
    let Some(path) = candidates.iter().find(|path| path.exists()) else {
        eprintln!(
            "skipped: no description (put ../shared/twilio-oai beside the checkout, or run scripts/contract.sh)"
        );
        return None;
    };
    let text = std::fs::read_to_string(path).expect("the description is readable");
    Some(serde_json::from_str(&text).expect("the description is JSON"))
}

struct Ids(Vec<&'static str>);

impl Visit for Ids {
    fn operation<E>(&mut self, operation_id: &'static str)
    where
        E: Endpoint + DecodeRequest + Debug + 'static,
        E::Response: Debug,
    {
        self.0.push(operation_id);
    }
}

#[test]
fn the_catalog_has_every_operation_of_the_description() {
    let Some(description) = description() else { return };
    let mut ids = Ids(Vec::new());
    operations::visit_all(&mut ids);
    let expected: Vec<String> = operations_of(&description).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids.0.len(), expected.len(), "the registry's count against the description's");
    let listed: BTreeSet<&str> = ids.0.iter().copied().collect();
    let described: BTreeSet<&str> = expected.iter().map(String::as_str).collect();
    assert_eq!(listed, described, "the registry's operation ids against the description's");
    assert_eq!(listed.len(), ids.0.len(), "an operation is listed twice");
}

struct Examples<'a> {
    description: &'a Value,
    decoded: usize,
    failures: Vec<String>,
}

impl Visit for Examples<'_> {
    fn operation<E>(&mut self, operation_id: &'static str)
    where
        E: Endpoint + DecodeRequest + Debug + 'static,
        E::Response: Debug,
    {
        // The hand-written operations have tests of their own against these examples.
        if !std::any::type_name::<E>().contains("::generated::") {
            return;
        }
        let (decoded, failures) = decode_examples::<E>(self.description, operation_id);
        self.decoded += decoded;
        self.failures.extend(failures);
    }
}

#[test]
fn every_example_reply_decodes_into_its_generated_response_type() {
    let Some(description) = description() else { return };
    let mut examples = Examples { description: &description, decoded: 0, failures: Vec::new() };
    operations::visit_all(&mut examples);
    assert!(
        examples.failures.is_empty(),
        "{} of {} examples do not decode:\n{}",
        examples.failures.len(),
        examples.failures.len() + examples.decoded,
        examples.failures.join("\n")
    );
    // The 2010 description has more than 150 example replies for the generated operations.
    assert!(examples.decoded > 150, "only {} examples decoded", examples.decoded);
}
