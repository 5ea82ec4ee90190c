//! The generated catalogs of Verify v2, Lookups v2 and Messaging v1 against the descriptions they were
//! generated from: each has every operation of its description (Lookups' JSON-bodied and `PUT`
//! operations included), every example reply of the description decodes into the
//! response type of its operation, and every operation goes to its product's host, with a region and
//! an edge as Twilio's SDKs build the URL.
//!
//! The descriptions come from the pinned npm package that `scripts/regen.sh` (and
//! `scripts/contract.sh`) install in `scripts/contract/node_modules`; without it the tests that need
//! them are skipped with a message.

use std::collections::BTreeSet;
use std::fmt::Debug;
use std::path::PathBuf;

use description_examples::{decode_examples, operations_of};
use serde_json::Value;
use twilio_endpoint::{Client, DecodeRequest, Endpoint};

#[path = "support/description_examples.rs"]
mod description_examples;
#[path = "contract/operations_lookups.rs"]
mod operations_lookups;
#[path = "contract/operations_messaging.rs"]
mod operations_messaging;
#[path = "contract/operations_verify.rs"]
mod operations_verify;
#[path = "support/visit.rs"]
mod visit;

pub use visit::Visit;

struct Product {
    file: &'static str,
    host: &'static str,
    /// (operations in the description, operations generated)
    counts: (usize, usize),
}

const PRODUCTS: &[Product] = &[
    Product { file: "twilio_verify_v2.json", host: "verify", counts: (53, 53) },
    Product { file: "twilio_lookups_v2.json", host: "lookups", counts: (10, 10) },
    Product { file: "twilio_messaging_v1.json", host: "messaging", counts: (57, 57) },
];

/// Visits every operation of the product on `host` with `visit`.
fn visit_all<V: Visit>(host: &str, visit: &mut V) {
    match host {
        "verify" => operations_verify::visit_all(visit),
        "lookups" => operations_lookups::visit_all(visit),
        "messaging" => operations_messaging::visit_all(visit),
        other => panic!("no registry for {other}"),
    }
}

fn description(file: &str) -> Option<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("scripts/contract/node_modules/@twilio-alpha/mcp/twilio-oai/spec/json")
        .join(file);
    if !path.exists() {
        eprintln!("skipped: no {file} (scripts/regen.sh installs the descriptions)");
        return None;
    }
    let text = std::fs::read_to_string(&path).expect("the description is readable");
    Some(serde_json::from_str(&text).expect("the description is JSON"))
}

/// The operation ids a registry lists, and the host of each operation.
struct Ids(Vec<(&'static str, &'static str)>);

impl Visit for Ids {
    fn operation<E>(&mut self, operation_id: &'static str)
    where
        E: Endpoint + DecodeRequest + Debug + 'static,
        E::Response: Debug,
    {
        self.0.push((operation_id, E::HOST));
    }
}

#[test]
fn each_catalog_has_every_operation_of_its_description_on_its_host() {
    for product in PRODUCTS {
        let mut ids = Ids(Vec::new());
        visit_all(product.host, &mut ids);
        assert_eq!(ids.0.len(), product.counts.1, "{}: generated operations", product.file);
        for (id, host) in &ids.0 {
            assert_eq!(*host, product.host, "{id} is not on {}", product.host);
        }
        let Some(description) = description(product.file) else { continue };
        let described: BTreeSet<String> = operations_of(&description).into_iter().map(|(id, _)| id).collect();
        assert_eq!(described.len(), product.counts.0, "{}: operations described", product.file);
        let listed: BTreeSet<String> = ids.0.iter().map(|(id, _)| (*id).to_owned()).collect();
        assert_eq!(listed.len(), ids.0.len(), "{}: an operation is listed twice", product.file);
        assert_eq!(listed, described, "{}: the registry against the description", product.file);
    }
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
        let (decoded, failures) = decode_examples::<E>(self.description, operation_id);
        self.decoded += decoded;
        self.failures.extend(failures);
    }
}

#[test]
fn every_example_reply_decodes_into_its_generated_response_type() {
    let mut total = 0;
    for product in PRODUCTS {
        let Some(description) = description(product.file) else { continue };
        let mut examples = Examples { description: &description, decoded: 0, failures: Vec::new() };
        visit_all(product.host, &mut examples);
        assert!(
            examples.failures.is_empty(),
            "{}: {} of {} examples do not decode:\n{}",
            product.file,
            examples.failures.len(),
            examples.failures.len() + examples.decoded,
            examples.failures.join("\n")
        );
        assert!(
            examples.decoded >= product.counts.1 / 2,
            "{}: only {} examples",
            product.file,
            examples.decoded
        );
        total += examples.decoded;
    }
    eprintln!("{total} example replies decoded");
}

/// A request of each product previewed through clients for the default host, a region, an edge and
/// both: `https://{host}.twilio.com`, `https://{host}.{region}.twilio.com`,
/// `https://{host}.{edge}.us1.twilio.com` (the region `us1` when only an edge is set, as
/// twilio-python's `get_hostname` does), `https://{host}.{edge}.{region}.twilio.com`.
#[test]
fn requests_go_to_their_product_host_with_region_and_edge() {
    use twilio_endpoint::api::{lookups, messaging, verify};
    let client = |region: Option<&str>, edge: Option<&str>| {
        let mut builder = Client::builder()
            .account_sid("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().unwrap())
            .auth_token("t");
        if let Some(region) = region {
            builder = builder.region(region);
        }
        if let Some(edge) = edge {
            builder = builder.edge(edge);
        }
        builder.build().unwrap()
    };
    let verification = verify::v2::CreateVerification::new(
        twilio_endpoint::values::VerifyServiceSid::from_static("VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        "+15017122661".to_owned(),
        verify::v2::VerifyChannel::Sms,
    );
    let lookup = lookups::v2::FetchPhoneNumber::new("+14155552671".to_owned());
    let service = messaging::v1::FetchService::new(
        twilio_endpoint::values::MessagingServiceSid::from_static("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
    );
    for (region, edge, infix) in [
        (None, None, ""),
        (Some("au1"), None, ".au1"),
        (None, Some("sydney"), ".sydney.us1"),
        (Some("ie1"), Some("dublin"), ".dublin.ie1"),
    ] {
        let client = client(region, edge);
        assert_eq!(
            verification.preview(&client).unwrap().url(),
            format!(
                "https://verify{infix}.twilio.com/v2/Services/VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Verifications"
            )
        );
        assert_eq!(
            lookup.preview(&client).unwrap().url(),
            format!("https://lookups{infix}.twilio.com/v2/PhoneNumbers/%2B14155552671")
        );
        assert_eq!(
            service.preview(&client).unwrap().url(),
            format!("https://messaging{infix}.twilio.com/v1/Services/MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        );
    }
}
