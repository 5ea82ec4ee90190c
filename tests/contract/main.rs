//! The catalog against Twilio's official OpenAPI description, in two ways, from one set of request
//! variants per operation (every parameter, only the required ones, each list with several items,
//! each enum value, each choice of a parameter group):
//!
//! - conformance: the method, path, parameter keys, required keys, enum values and SID patterns the
//!   variants send are compared with the description; every difference is reported at once, except
//!   the deliberate ones of the reviewed allow-list in `conformance.rs`;
//! - contract: each variant is sent through the real `Client` to Prism serving the description,
//!   which answers 422 naming the violated rule when a request does not match; every request must be
//!   accepted and every reply must decode into the typed response.
//!
//! Those hand-written variants cover the 22 curated operations. Every operation of the catalog (the
//! generated registry `operations.rs` lists all of them, calling `Visit::operation` with each type) is
//! covered generically too, without a variant written by hand:
//!
//! - `generated.rs`: variants built from the description and the rules overlay as wire pairs in the
//!   official SDK's order (only the required; every parameter, once per group choice, lists with two
//!   items; one per enum value), each decoded into the operation's type, validated, encoded again to
//!   exactly the bytes built, and (with `TWILIO_CONTRACT_URL`) sent to Prism; an operation whose
//!   description has an `application/json` body (Lookups' `POST`s and `PUT`s) gets JSON variants
//!   instead (only the required members; every member, nested objects and lists included, values
//!   made from the schema; one per enum value), and `to_json()` must give the JSON built: the same
//!   value, the top-level members in the description's order;
//! - `coverage.rs`: the registry against the description's operations; each operation accepts every
//!   parameter of the description, requires the required ones and refuses an unknown key (for a
//!   JSON body, its objects' members too, at every depth, and their enums);
//! - `overlay.rs`: the bad-input table of `codegen/overlay/api_v2010/rules.toml`, every rule of every
//!   operation (ranges, lengths, value sets, groups, secrets, type overrides).
//!
//! The other products' registries (`operations_{verify,lookups,messaging}.rs`) go through the same
//! generic checks against their own descriptions, and each is sent to a Prism serving its product's
//! description, through a `Client` whose base-URL override points there (the override sends every
//! product to one base, so one client per product).
//!
//! `scripts/contract.sh` installs the pinned descriptions and Prism, starts one Prism per description
//! and runs these tests with `TWILIO_CONTRACT_URL` (the 2010 API's) and `TWILIO_CONTRACT_URL_VERIFY`,
//! `TWILIO_CONTRACT_URL_LOOKUPS`, `TWILIO_CONTRACT_URL_MESSAGING` set. Without one of them, that
//! contract test (or product) is skipped with a message; without `TWILIO_OAI_SPEC`, conformance reads the description
//! installed by that script, or the copy in `../shared/twilio-oai/`, and is skipped when neither exists.

mod calls;
mod conferences;
mod conformance;
mod coverage;
mod description;
#[path = "../support/every_parameter.rs"]
mod every_parameter;
mod generated;
mod messages;
mod operations;
mod operations_lookups;
mod operations_messaging;
mod operations_verify;
mod overlay;
mod participants;
mod recordings;
#[path = "../support/visit.rs"]
mod visit;

pub use visit::Visit;

use std::fmt::Debug;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use twilio_endpoint::values::AccountSid;
use twilio_endpoint::{BodyFormat, Client, Endpoint, Method, RetryPolicy};

/// The account every request names; it matches the description's `^AC[0-9a-fA-F]{32}$`.
pub const ACCOUNT: AccountSid = AccountSid::from_static("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

/// One request variant as the catalog writes it.
pub struct Sent {
    pub variant: String,
    pub method: Method,
    /// The path template of the operation, as written in its attribute.
    pub path: &'static str,
    /// The decoded parameters, in order (a list repeats its key); for a JSON body, its top-level
    /// members, each value as JSON text.
    pub pairs: Vec<(String, String)>,
}

/// Collects every variant and, when a contract server is given, sends it there, keeping every failure
/// so that one run reports them all.
pub struct Contract {
    client: Option<Client>,
    /// How many requests went to the contract server.
    requests: AtomicUsize,
    /// Of `requests`, those with a JSON body.
    pub json_requests: AtomicUsize,
    sent: Mutex<Vec<Sent>>,
    failures: Mutex<Vec<String>>,
}

impl Contract {
    /// Records `request` and, with a contract server, sends it; a rejection or a reply that does not
    /// decode is a failure. `variant` names the request in reports, e.g. `CreateCall: every parameter`.
    pub async fn check<E>(&self, variant: &str, request: &E)
    where
        E: Endpoint + Debug,
        E::Response: Debug,
    {
        let body = self.record(variant, request);
        let Some(client) = &self.client else { return };
        self.requests.fetch_add(1, Ordering::Relaxed);
        if E::BODY == BodyFormat::Json {
            self.json_requests.fetch_add(1, Ordering::Relaxed);
        }
        if let Err(error) = client.send(request).await {
            self.failures.lock().unwrap().push(format!("{variant}: {error}\n    sent: {body}"));
        }
    }

    /// Records `request` for the conformance check only, for a request Twilio accepts but Prism
    /// rejects; `why` says what Prism gets wrong.
    pub fn record_only<E: Endpoint>(&self, variant: &str, request: &E, why: &str) {
        assert!(!why.is_empty(), "say why `{variant}` is not sent to Prism");
        self.record(variant, request);
    }

    /// Keeps the variant's parameters and returns them as sent (the form, or the JSON body).
    fn record<E: Endpoint>(&self, variant: &str, request: &E) -> String {
        if E::BODY == BodyFormat::Json {
            let body = request.to_json().unwrap_or_else(|errors| format!("(not written: {errors})"));
            let members = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&body);
            let pairs = members.into_iter().flatten().map(|(key, value)| (key, value.to_string())).collect();
            let sent = Sent { variant: variant.to_owned(), method: E::METHOD, path: E::PATH, pairs };
            self.sent.lock().unwrap().push(sent);
            return body;
        }
        let body = twilio_endpoint::__private::encode(request);
        let pairs = form_urlencoded::parse(body.as_bytes()).into_owned().collect();
        let sent = Sent { variant: variant.to_owned(), method: E::METHOD, path: E::PATH, pairs };
        self.sent.lock().unwrap().push(sent);
        body
    }

    async fn run_all(client: Option<Client>) -> Contract {
        let contract = Contract {
            client,
            requests: AtomicUsize::new(0),
            json_requests: AtomicUsize::new(0),
            sent: Mutex::new(Vec::new()),
            failures: Mutex::new(Vec::new()),
        };
        participants::run(&contract).await;
        conferences::run(&contract).await;
        recordings::run(&contract).await;
        calls::run(&contract).await;
        messages::run(&contract).await;
        contract
    }
}

/// The description to check against, or `None` (with the reason) when none is available.
fn description_path() -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os("TWILIO_OAI_SPEC") {
        return Ok(PathBuf::from(path));
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        root.join(
            "scripts/contract/node_modules/@twilio-alpha/mcp/twilio-oai/spec/json/twilio_api_v2010.json",
        ),
        root.join("../shared/twilio-oai/twilio_api_v2010.json"),
    ];
    candidates.iter().find(|path| path.exists()).cloned().ok_or_else(|| {
        "no description: set TWILIO_OAI_SPEC, run scripts/contract.sh, or put ../shared/twilio-oai beside the checkout"
            .to_owned()
    })
}

#[tokio::test]
async fn every_catalog_operation_conforms_to_the_description() {
    let path = match description_path() {
        Ok(path) => path,
        Err(reason) => {
            eprintln!("conformance skipped: {reason}");
            return;
        }
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let description: serde_json::Value = serde_json::from_str(&text).expect("the description is JSON");
    let contract = Contract::run_all(None).await;
    let sent = contract.sent.into_inner().unwrap();
    let differences = conformance::differences(&description, &sent);
    println!(
        "conformance: {} variants of {} operations checked against {}",
        sent.len(),
        conformance::operations(&sent),
        path.display()
    );
    assert!(
        differences.is_empty(),
        "{} differences with the description:\n{}",
        differences.len(),
        differences.join("\n")
    );
}

#[tokio::test]
async fn every_catalog_operation_is_accepted_by_the_description() {
    let Ok(base_url) = std::env::var("TWILIO_CONTRACT_URL") else {
        eprintln!(
            "contract tests skipped: TWILIO_CONTRACT_URL is not set (scripts/contract.sh starts Prism and sets it)"
        );
        return;
    };
    let client = Client::builder()
        .account_sid(ACCOUNT)
        .auth_token("contract-test-token")
        .base_url(base_url)
        // A rejected request must show as one failure, not be retried.
        .retry(RetryPolicy::none())
        .build()
        .expect("the contract client builds");
    let contract = Contract::run_all(Some(client)).await;
    let sent = contract.requests.load(Ordering::Relaxed);
    let failures = contract.failures.into_inner().unwrap();
    println!("contract: {sent} requests sent, {} rejected or undecodable", failures.len());
    assert!(failures.is_empty(), "{} of {sent} requests failed:\n{}", failures.len(), failures.join("\n"));
}

/// The description and the overlay, or `None` (printed) when no description is available; a missing
/// or unreadable overlay is a failure.
fn generic_inputs(test: &str) -> Option<(description::Description, description::Rules)> {
    let description = match description::Description::load() {
        Ok(description) => description,
        Err(reason) => {
            eprintln!("{test} skipped: {reason}");
            return None;
        }
    };
    let rules = description::Rules::load().unwrap_or_else(|error| panic!("the rules overlay: {error}"));
    Some((description, rules))
}

#[test]
fn generated_variants_of_every_operation_round_trip() {
    let Some((description, rules)) = generic_inputs("generated variants") else { return };
    let mut generated = generated::Generated::new(&description, &rules);
    operations::visit_all(&mut generated);
    let mut failures = std::mem::take(&mut generated.failures);
    failures.extend(generated.unused_allowances(false));
    for allowed in &generated.allowed_failures {
        println!("allowed (reviewed, see generated.rs ALLOWED): {allowed}");
    }
    println!(
        "generated: {} variants of {} operations decoded, validated and encoded again ({})",
        generated.variants,
        generated.operations,
        description.location.display()
    );
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn generated_variants_of_every_operation_are_accepted_by_the_description() {
    let Ok(base_url) = std::env::var("TWILIO_CONTRACT_URL") else {
        eprintln!("generated contract skipped: TWILIO_CONTRACT_URL is not set (scripts/contract.sh sets it)");
        return;
    };
    let Some((description, rules)) = generic_inputs("generated contract") else { return };
    let (failures, summary) = generated_contract(&description, &rules, "api_v2010", &base_url);
    println!("generated contract: {summary}");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// Sends the generated variants of every operation of `product`'s registry to the contract server at
/// `base_url`, through a `Client` whose base-URL override points there: the failures (round trip,
/// rejected or undecodable requests, stale allow-list entries of `product`) and a summary line.
fn generated_contract(
    description: &description::Description,
    rules: &description::Rules,
    product: &'static str,
    base_url: &str,
) -> (Vec<String>, String) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    let client = {
        let _entered = runtime.enter();
        Client::builder()
            .account_sid(ACCOUNT)
            .auth_token("contract-test-token")
            .base_url(base_url)
            .retry(RetryPolicy::none())
            .build()
            .expect("the contract client builds")
    };
    let contract = Contract {
        client: Some(client),
        requests: AtomicUsize::new(0),
        json_requests: AtomicUsize::new(0),
        sent: Mutex::new(Vec::new()),
        failures: Mutex::new(Vec::new()),
    };
    let mut generated = generated::Generated::new(description, rules);
    generated.product = product;
    generated.contract = Some((&contract, &runtime));
    visit_product(product, &mut generated);
    let (operations, variants, not_sent) = (generated.operations, generated.variants, generated.not_sent);
    let json_variants = generated.json_variants;
    // The round trip's failures (also reported by its own test) and stale entries of the allow-list.
    let mut failures = std::mem::take(&mut generated.failures);
    failures.extend(generated.unused_allowances(true));
    for allowed in &generated.allowed_failures {
        println!("allowed (reviewed, see generated.rs ALLOWED): {product}: {allowed}");
    }
    let allowed = generated.allowed_failures.len();
    drop(generated);
    let sent = contract.requests.load(Ordering::Relaxed);
    let json_sent = contract.json_requests.load(Ordering::Relaxed);
    failures.extend(contract.failures.into_inner().unwrap());
    let summary = format!(
        "{variants} variants ({json_variants} with a JSON body) of {operations} operations, {sent} requests \
         sent to {base_url} ({json_sent} with a JSON body; {not_sent} with a form list sent without it), \
         {} failed, {allowed} allow-listed",
        failures.len()
    );
    (failures, summary)
}

#[test]
fn every_registered_operation_conforms_to_the_description() {
    let Some((description, rules)) = generic_inputs("generic conformance") else { return };
    let mut coverage = coverage::Coverage::new(&description, &rules);
    operations::visit_all(&mut coverage);
    let mut failures = coverage.registry_failures();
    failures.extend(std::mem::take(&mut coverage.failures));
    println!(
        "generic conformance: {} operations registered of {} described, {} checks",
        coverage.ids.len(),
        description.operation_ids().len(),
        coverage.checks
    );
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_overlay_rule_is_enforced() {
    let Some((description, rules)) = generic_inputs("overlay rules") else { return };
    let mut check = overlay::OverlayCheck::new(&description, &rules);
    operations::visit_all(&mut check);
    let mut failures = std::mem::take(&mut check.failures);
    failures.extend(check.unvisited());
    println!(
        "overlay: {} rules of {} operations checked with {} requests ({})",
        check.rules_checked,
        check.visited.len(),
        check.requests,
        rules.location.display()
    );
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// The other products' registries with their descriptions (the pinned npm package, which
/// `scripts/regen.sh` and `scripts/contract.sh` install) and overlays: (name, description, rules). `None` (printed) without the package.
fn product_inputs(test: &str) -> Option<Vec<(&'static str, description::Description, description::Rules)>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let specs = root.join("scripts/contract/node_modules/@twilio-alpha/mcp/twilio-oai/spec/json");
    let mut out = Vec::new();
    for product in ["verify_v2", "lookups_v2", "messaging_v1"] {
        let description =
            match description::Description::load_from(specs.join(format!("twilio_{product}.json"))) {
                Ok(description) => description,
                Err(reason) => {
                    eprintln!("{test} skipped: {reason} (scripts/regen.sh installs the descriptions)");
                    return None;
                }
            };
        let rules = description::Rules::load_from(root.join(format!("codegen/overlay/{product}/rules.toml")))
            .unwrap_or_else(|error| panic!("the rules overlay of {product}: {error}"));
        out.push((product, description, rules));
    }
    Some(out)
}

/// Visits the registry of `product` (`api_v2010` for the 2010 API's) with `visit`.
fn visit_product<V: Visit>(product: &str, visit: &mut V) {
    match product {
        "api_v2010" => operations::visit_all(visit),
        "verify_v2" => operations_verify::visit_all(visit),
        "lookups_v2" => operations_lookups::visit_all(visit),
        "messaging_v1" => operations_messaging::visit_all(visit),
        other => panic!("no registry for {other}"),
    }
}

#[test]
fn products_generated_variants_round_trip() {
    let Some(products) = product_inputs("products' generated variants") else { return };
    let mut failures = Vec::new();
    for (product, description, rules) in &products {
        let mut generated = generated::Generated::new(description, rules);
        generated.product = product;
        visit_product(product, &mut generated);
        failures.extend(generated.failures.drain(..).map(|f| format!("{product}: {f}")));
        println!(
            "{product}: {} variants of {} operations decoded, validated and encoded again",
            generated.variants, generated.operations
        );
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// The variable `scripts/contract.sh` sets to the URL of the Prism serving `product`'s description
/// (`verify_v2` -> `TWILIO_CONTRACT_URL_VERIFY`); the 2010 API's is `TWILIO_CONTRACT_URL`.
fn product_url_variable(product: &str) -> String {
    let name = product.split('_').next().unwrap_or(product);
    format!("TWILIO_CONTRACT_URL_{}", name.to_uppercase())
}

#[test]
fn products_generated_variants_are_accepted_by_their_descriptions() {
    let Some(products) = product_inputs("products' generated contract") else { return };
    let mut failures = Vec::new();
    for (product, description, rules) in &products {
        let variable = product_url_variable(product);
        let Ok(base_url) = std::env::var(&variable) else {
            eprintln!("{product} contract skipped: {variable} is not set (scripts/contract.sh sets it)");
            continue;
        };
        let (found, summary) = generated_contract(description, rules, product, &base_url);
        println!("{product} contract: {summary}");
        failures.extend(found.into_iter().map(|f| format!("{product}: {f}")));
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn products_registered_operations_conform_to_their_descriptions() {
    let Some(products) = product_inputs("products' conformance") else { return };
    let mut failures = Vec::new();
    let mut nested_used = std::collections::BTreeSet::new();
    for (product, description, rules) in &products {
        let mut coverage = coverage::Coverage::new(description, rules);
        visit_product(product, &mut coverage);
        nested_used.extend(coverage.nested_used.iter().copied());
        for allowed in &coverage.allowed_failures {
            println!("allowed (reviewed, see coverage.rs NESTED_ALLOWED): {product}: {allowed}");
        }
        // Every operation of each description is generated (Lookups' JSON and `PUT` ones included):
        // the registry must list them all.
        failures.extend(
            coverage
                .registry_failures()
                .into_iter()
                .chain(std::mem::take(&mut coverage.failures))
                .map(|f| format!("{product}: {f}")),
        );
        println!(
            "{product}: {} operations registered of {} described, {} checks",
            coverage.ids.len(),
            description.operation_ids().len(),
            coverage.checks
        );
    }
    failures.extend(coverage::unused_nested_allowances(&nested_used));
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn products_overlay_rules_are_enforced() {
    let Some(products) = product_inputs("products' overlay rules") else { return };
    let mut failures = Vec::new();
    for (product, description, rules) in &products {
        let mut check = overlay::OverlayCheck::new(description, rules);
        visit_product(product, &mut check);
        failures.extend(std::mem::take(&mut check.failures).into_iter().map(|f| format!("{product}: {f}")));
        failures.extend(check.unvisited().into_iter().map(|f| format!("{product}: {f}")));
        println!("{product}: {} rules checked with {} requests", check.rules_checked, check.requests);
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
