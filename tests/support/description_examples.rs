//! Reading a Twilio description's operations and decoding their example replies, for the tests of the
//! generated catalogs (`generated_examples.rs`: the 2010 API; `generated_products.rs`: the others).

use serde_json::Value;
use twilio_endpoint::Endpoint;

/// Every operation of a description: (operationId, operation).
pub fn operations_of(description: &Value) -> Vec<(String, &Value)> {
    let mut out = Vec::new();
    for item in description["paths"].as_object().expect("paths").values() {
        for (method, operation) in item.as_object().expect("a path item") {
            if ["get", "post", "delete", "put", "patch"].contains(&method.as_str()) {
                let id = operation["operationId"].as_str().expect("an operationId");
                out.push((id.to_owned(), operation));
            }
        }
    }
    out
}

/// Decodes every example of `operation_id`'s 2xx replies into `E::Response`: how many decoded, and
/// each failure named by the operation, the status and the example.
pub fn decode_examples<E: Endpoint>(description: &Value, operation_id: &str) -> (usize, Vec<String>) {
    let (_, operation) = operations_of(description)
        .into_iter()
        .find(|(id, _)| id == operation_id)
        .unwrap_or_else(|| panic!("{operation_id} is not in the description"));
    let (mut decoded, mut failures) = (0, Vec::new());
    for (code, response) in operation["responses"].as_object().expect("responses") {
        if !code.starts_with('2') {
            continue;
        }
        let Some(examples) = response["content"]["application/json"]["examples"].as_object() else {
            continue;
        };
        for (name, example) in examples {
            let body = serde_json::to_vec(&example["value"]).expect("an example serializes");
            match E::decode_response(&body) {
                Ok(_) => decoded += 1,
                Err(error) => failures.push(format!("{operation_id} {code} `{name}`: {error}")),
            }
        }
    }
    (decoded, failures)
}
