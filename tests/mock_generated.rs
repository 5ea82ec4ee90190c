//! The mock serves every generated operation of the enabled features (the dev-dependency enables
//! `v2010`) with state: creates are kept, fetched, updated, listed and deleted; every reply decodes
//! into the operation's response type; the checks, the recording and `register` apply as to the
//! hand-written operations.

#[path = "contract/operations_lookups.rs"]
mod lookups;
#[path = "contract/operations_messaging.rs"]
mod messaging;
#[path = "contract/operations.rs"]
mod operations;
#[path = "contract/operations_verify.rs"]
mod verify;
#[path = "support/visit.rs"]
mod visit;

pub use visit::Visit;

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::path::PathBuf;

use serde_json::{Value, json};
use twilio_endpoint::api::v2010::{
    CreateApplication, CreateIncomingPhoneNumber, CreateQueue, CreateSipDomain, DeleteApplication,
    DeleteIncomingPhoneNumber, DeleteQueue, DeleteSipDomain, FetchApplication, FetchBalance,
    FetchIncomingPhoneNumber, FetchQueue, FetchSipDomain, ListApplication, ListIncomingPhoneNumber,
    ListQueue, ListSipDomain, PhoneNumberOrAreaCode, UpdateApplication, UpdateIncomingPhoneNumber,
    UpdateQueue, UpdateSipDomain,
};
use twilio_endpoint::mock::{MockTwilio, Reply};
use twilio_endpoint::{Client, DecodeRequest, Endpoint, Error, Method};

const HEX: &str = "0123456789abcdef0123456789abcdef";
/// Values tried in turn for a parameter whose first value its type refuses.
const FALLBACKS: [&str; 4] = ["wss://example.com/stream", "https://example.com/hook", "+15017122661", "415"];

/// The description of `file` (`twilio_api_v2010.json`, ...): the 2010 one from `TWILIO_OAI_SPEC` or
/// `../shared/twilio-oai`, any from the pinned package `scripts/regen.sh` installs.
fn description(file: &str) -> Option<Value> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut candidates =
        vec![root.join("scripts/contract/node_modules/@twilio-alpha/mcp/twilio-oai/spec/json").join(file)];
    if file == "twilio_api_v2010.json" {
        candidates.insert(0, root.join("../shared/twilio-oai").join(file));
        if let Some(path) = std::env::var_os("TWILIO_OAI_SPEC") {
            candidates.insert(0, PathBuf::from(path));
        }
    }
    let text = candidates.iter().find_map(|path| std::fs::read_to_string(path).ok())?;
    serde_json::from_str(&text).ok()
}

/// What a path of this API ends with: `.json` in the 2010 API, nothing in the newer products.
fn suffix(path: &str) -> &'static str {
    if path.ends_with(".json") { ".json" } else { "" }
}

/// Sends each operation of one phase, built from the description: the required parameters, with
/// the description's example values where it gives them.
struct Sender<'a> {
    spec: &'a Value,
    runtime: &'a tokio::runtime::Runtime,
    client: Client,
    phase: u8,
    /// The SIDs the creates made, by their collection's path template.
    created: BTreeMap<String, String>,
    /// The hand-written operations, by operation id.
    curated: Vec<String>,
    served: usize,
    failures: Vec<String>,
}

/// Which phase sends an operation: collections first (creates among them), then instances, then
/// deletes.
fn phase_of(method: Method, template: &str) -> u8 {
    let instance = template.rsplit('/').next().is_some_and(|last| last.starts_with('{'));
    match (method, instance) {
        (Method::Delete, _) => 3,
        (_, true) => 2,
        _ => 1,
    }
}

fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or(path, |(parent, _)| parent)
}

impl Sender<'_> {
    fn operation_json(&self, method: Method, template: &str) -> &Value {
        &self.spec["paths"][template][method.as_str().to_ascii_lowercase()]
    }

    fn resolve<'v>(&'v self, schema: &'v Value) -> &'v Value {
        match schema["$ref"].as_str().and_then(|r| r.strip_prefix("#/components/schemas/")) {
            Some(name) => &self.spec["components"]["schemas"][name],
            None => schema,
        }
    }

    /// A value a parameter of `schema` accepts.
    fn value(&self, key: &str, schema: &Value, example: Option<&Value>) -> String {
        if let Some(example) = example {
            match example {
                Value::String(text) => return text.clone(),
                Value::Array(items) if !items.is_empty() => {
                    return items[0].as_str().map_or_else(|| items[0].to_string(), str::to_owned);
                }
                Value::Number(_) | Value::Bool(_) => return example.to_string(),
                _ => {}
            }
        }
        let schema = if schema["type"] == "array" { &schema["items"] } else { schema };
        let schema = self.resolve(schema);
        if let Some(first) = schema["enum"].as_array().and_then(|values| values.first()) {
            return first.as_str().unwrap_or_default().to_owned();
        }
        if let Some(pattern) = schema["pattern"].as_str()
            && let Some(prefix) = pattern.trim_start_matches(['^', '(']).get(..2)
        {
            return format!("{prefix}{HEX}");
        }
        match (schema["type"].as_str(), schema["format"].as_str()) {
            (_, Some("uri")) => "https://example.com/hook".into(),
            (_, Some("phone-number")) => "+15017122661".into(),
            (_, Some("date-time")) => "2024-01-02T03:04:05Z".into(),
            (_, Some("date")) => "2024-01-02".into(),
            (_, Some("http-method")) => "POST".into(),
            (Some("integer" | "number"), _) => "1".into(),
            (Some("boolean"), _) => "true".into(),
            _ if key == "CountryCode" => "US".into(),
            _ if key == "AreaCode" => "415".into(),
            _ if key == "CallSid" => format!("CA{HEX}"),
            // Long enough for the identities and names with a minimum length (Verify's 8).
            _ => "alice-0001".into(),
        }
    }

    /// The path, the form of the required parameters, and the keys the operation has besides.
    fn request(
        &self,
        method: Method,
        template: &'static str,
    ) -> (String, Vec<(String, String)>, Vec<String>) {
        let op = self.operation_json(method, template);
        let item = &self.spec["paths"][template];
        let params: Vec<&Value> = item["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .chain(op["parameters"].as_array().into_iter().flatten())
            .collect();
        let mut path = template.to_owned();
        let mut form = Vec::new();
        let mut optional = Vec::new();
        let last = template.rsplit('/').next().unwrap_or_default();
        for param in &params {
            let key = param["name"].as_str().unwrap_or_default();
            if param["in"] == "path" {
                let value = if key == "AccountSid" {
                    MockTwilio::ACCOUNT_SID.to_string()
                } else if last.contains(&format!("{{{key}}}"))
                    && let Some(sid) = self.created.get(&format!("{}{}", parent(template), suffix(template)))
                {
                    sid.clone()
                } else {
                    self.value(key, &param["schema"], None)
                };
                path = path.replace(&format!("{{{key}}}"), &value);
            } else if param["required"] == true {
                form.push((key.to_owned(), self.value(key, &param["schema"], None)));
            } else {
                optional.push(key.to_owned());
            }
        }
        let body = &op["requestBody"]["content"]["application/x-www-form-urlencoded"];
        let example = body["examples"].as_object().and_then(|examples| examples.values().next());
        let required: Vec<&str> =
            body["schema"]["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        for (key, schema) in body["schema"]["properties"].as_object().into_iter().flatten() {
            if required.contains(&key.as_str()) {
                let given = example.and_then(|example| example["value"].get(key));
                form.push((key.clone(), self.value(key, schema, given)));
            } else {
                optional.push(key.clone());
            }
        }
        (path, form, optional)
    }
}

/// The operation ids of the hand-written operations (`curated.toml`'s `[operations]`).
fn curated() -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("codegen/overlay/api_v2010/curated.toml");
    let table: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
    table["operations"].as_table().unwrap().keys().cloned().collect()
}

fn encode(pairs: &[(String, String)]) -> String {
    form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish()
}

impl Visit for Sender<'_> {
    fn operation<E>(&mut self, id: &'static str)
    where
        E: Endpoint + DecodeRequest + Debug + 'static,
        E::Response: Debug,
    {
        // The hand-written operations are served by the mock's own routes (their tests are
        // `mock_state` and the others).
        if phase_of(E::METHOD, E::PATH) != self.phase || self.curated.iter().any(|curated| curated == id) {
            return;
        }
        let (path, mut form, optional) = self.request(E::METHOD, E::PATH);
        // A required choice (a group of the overlay) shows as a decode error naming its keys: the
        // first optional key it names joins the form.
        let mut decoded = E::decode_request(&path, encode(&form).as_bytes());
        for _ in 0..6 {
            let Err(error) = &decoded else { break };
            let text = error.to_string();
            // A value of the description's example the field's type refuses: another form.
            if let Some(pair) = form.iter_mut().find(|(key, _)| error.key() == key) {
                let next =
                    FALLBACKS.iter().skip_while(|value| **value != pair.1).nth(1).unwrap_or(&FALLBACKS[0]);
                pair.1 = (*next).to_owned();
                decoded = E::decode_request(&path, encode(&form).as_bytes());
                continue;
            }
            let Some(key) = optional.iter().find(|key| text.contains(&format!("`{key}"))) else { break };
            let spec = self.operation_json(E::METHOD, E::PATH);
            let schema = &spec["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]["properties"]
                [key.as_str()];
            form.push((key.clone(), self.value(key, schema, None)));
            decoded = E::decode_request(&path, encode(&form).as_bytes());
        }
        // A rule the description's value breaks (a list with too few items, a value too short):
        // another item, or another value.
        for _ in 0..6 {
            let Ok(request) = &decoded else { break };
            let mut errors = twilio_endpoint::ValidationErrors::default();
            request.check(&mut errors);
            let Some(violation) = errors.violations().first() else { break };
            let key = violation.key().to_owned();
            let Some(at) = form.iter().position(|(known, _)| *known == key) else { break };
            if violation.to_string().contains("items") {
                let again = form[at].clone();
                form.insert(at + 1, again);
            } else {
                let next = FALLBACKS
                    .iter()
                    .skip_while(|value| **value != form[at].1)
                    .nth(1)
                    .unwrap_or(&FALLBACKS[0]);
                form[at].1 = (*next).to_owned();
            }
            decoded = E::decode_request(&path, encode(&form).as_bytes());
        }
        let request = match decoded {
            Ok(request) => request,
            Err(error) => {
                self.failures.push(format!("{id}: the test's request does not decode: {error}"));
                return;
            }
        };
        match self.runtime.block_on(self.client.send(&request)) {
            Ok(reply) => {
                self.served += 1;
                if E::METHOD == Method::Post
                    && !E::PATH.rsplit('/').next().unwrap_or_default().starts_with('{')
                {
                    // The new resource's name in its path: the last segment of its own link, else
                    // its SID.
                    let text = format!("{reply:?}");
                    let link = regex_lite::Regex::new(r#"\bur[il]: Some\("([^"?]+)"#).unwrap();
                    let sid = regex_lite::Regex::new(r"\bsid: Some\([^)]*?([A-Z]{2}[0-9a-f]{32})").unwrap();
                    let from_link = link.captures(&text).and_then(|found| {
                        let last = found[1].rsplit('/').next()?.trim_end_matches(".json").to_owned();
                        (!last.is_empty()).then_some(last)
                    });
                    if let Some(name) =
                        from_link.or_else(|| sid.captures(&text).map(|found| found[1].to_owned()))
                    {
                        self.created.insert(E::PATH.to_owned(), name);
                    }
                }
            }
            Err(error) => self.failures.push(format!("{id} {path}: {error}")),
        }
    }
}

/// A generated registry's `visit_all`.
type VisitAll = fn(&mut Sender<'_>);

/// Sends every operation `visit_all` lists (but the hand-written ones) to a fresh mock, in three
/// phases; the operations served, the creates kept, and the failures.
fn serve_all(
    spec: &Value,
    visit_all: fn(&mut Sender<'_>),
    curated: Vec<String>,
) -> (usize, usize, Vec<String>) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let twilio = runtime.block_on(MockTwilio::start());
    let mut sender = Sender {
        spec,
        runtime: &runtime,
        client: twilio.client(),
        phase: 0,
        created: BTreeMap::new(),
        curated,
        served: 0,
        failures: Vec::new(),
    };
    for phase in 1..=3 {
        sender.phase = phase;
        visit_all(&mut sender);
    }
    (sender.served, sender.created.len(), sender.failures)
}

#[test]
fn every_generated_operation_is_served_and_its_reply_decodes() {
    let catalogs: [(&str, VisitAll, usize); 4] = [
        // 197 operations, 22 of them hand-written and served by the mock's own routes.
        ("twilio_api_v2010.json", |sender| operations::visit_all(sender), 175),
        ("twilio_verify_v2.json", |sender| verify::visit_all(sender), 53),
        ("twilio_lookups_v2.json", |sender| lookups::visit_all(sender), 10),
        ("twilio_messaging_v1.json", |sender| messaging::visit_all(sender), 57),
    ];
    let mut failures = Vec::new();
    for (file, visit_all, expected) in catalogs {
        let Some(spec) = description(file) else {
            eprintln!("{file} skipped: no description (run scripts/regen.sh, which installs them)");
            continue;
        };
        let curated = if file == "twilio_api_v2010.json" { curated() } else { Vec::new() };
        let (served, kept, mut failed) = serve_all(&spec, visit_all, curated);
        eprintln!("{file}: {served} operations served, {kept} creates kept, {} failures", failed.len());
        if failed.is_empty() {
            assert_eq!(served, expected, "{file}: operations served");
            // Lookups has no create.
            assert!(kept > 0 || file == "twilio_lookups_v2.json", "{file}: no create kept");
        }
        failures.append(&mut failed);
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

fn not_found<T: Debug>(result: Result<T, Error>) {
    let error = result.expect_err("deleted");
    let text = error.to_string();
    assert!(text.contains("404") && text.contains("20404"), "{text}");
}

#[tokio::test]
async fn a_queue_lives_and_dies() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let created = CreateQueue::new("support".to_owned()).max_size(10).send(&client).await.unwrap();
    let sid = created.sid.unwrap();
    assert!(sid.as_str().starts_with("QU"));
    assert_eq!(created.friendly_name.as_deref(), Some("support"));
    assert_eq!(created.max_size, Some(10));
    assert_eq!(created.account_sid, Some(MockTwilio::ACCOUNT_SID));
    assert_eq!(
        created.uri,
        Some(format!("/2010-04-01/Accounts/{}/Queues/{sid}.json", MockTwilio::ACCOUNT_SID))
    );
    assert!(created.date_created.is_some());

    let fetched = FetchQueue::new(sid).send(&client).await.unwrap();
    assert_eq!(fetched, created);
    let updated = UpdateQueue::new(sid).max_size(20).send(&client).await.unwrap();
    assert_eq!((updated.max_size, updated.friendly_name.as_deref()), (Some(20), Some("support")));

    let other = CreateQueue::new("sales".to_owned()).send(&client).await.unwrap();
    let page = ListQueue::new().send(&client).await.unwrap();
    let names: Vec<_> = page.items.iter().map(|queue| queue.friendly_name.clone().unwrap()).collect();
    assert_eq!(names, ["sales", "support"], "newest first");
    let small = ListQueue::new().page_size(1).send(&client).await.unwrap();
    assert_eq!(small.items.len(), 1);
    assert!(small.next_page_uri.is_some());

    DeleteQueue::new(sid).send(&client).await.unwrap();
    not_found(FetchQueue::new(sid).send(&client).await);
    not_found(DeleteQueue::new(sid).send(&client).await);
    let page = ListQueue::new().send(&client).await.unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].sid, other.sid);
    assert_eq!(twilio.requests::<CreateQueue>().len(), 2);
}

#[tokio::test]
async fn an_incoming_number_a_sip_domain_and_an_application_live_and_die() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();

    // An incoming number bought by number, renamed, listed (also filtered by name), released.
    let bought =
        CreateIncomingPhoneNumber::new(PhoneNumberOrAreaCode::PhoneNumber("+15017122661".parse().unwrap()))
            .friendly_name("front desk".to_owned())
            .send(&client)
            .await
            .unwrap();
    let number = bought.sid.unwrap();
    assert!(number.as_str().starts_with("PN"));
    assert_eq!(bought.phone_number.as_deref(), Some("+15017122661"));
    let renamed =
        UpdateIncomingPhoneNumber::new(number).friendly_name("lobby".to_owned()).send(&client).await.unwrap();
    assert_eq!(renamed.friendly_name.as_deref(), Some("lobby"));
    assert_eq!(FetchIncomingPhoneNumber::new(number).send(&client).await.unwrap(), renamed);
    let listed =
        ListIncomingPhoneNumber::new().friendly_name("lobby".to_owned()).send(&client).await.unwrap();
    assert_eq!(listed.items, std::slice::from_ref(&renamed));
    let none =
        ListIncomingPhoneNumber::new().friendly_name("kitchen".to_owned()).send(&client).await.unwrap();
    assert!(none.items.is_empty());
    DeleteIncomingPhoneNumber::new(number).send(&client).await.unwrap();
    not_found(FetchIncomingPhoneNumber::new(number).send(&client).await);

    // A SIP domain.
    let domain = CreateSipDomain::new("acme.sip.twilio.com".to_owned()).send(&client).await.unwrap();
    let domain_sid = domain.sid.unwrap();
    assert!(domain_sid.as_str().starts_with("SD"));
    assert_eq!(domain.domain_name.as_deref(), Some("acme.sip.twilio.com"));
    let updated =
        UpdateSipDomain::new(domain_sid).friendly_name("Acme".to_owned()).send(&client).await.unwrap();
    assert_eq!(updated.friendly_name.as_deref(), Some("Acme"));
    assert_eq!(ListSipDomain::new().send(&client).await.unwrap().items, [updated]);
    assert_eq!(
        FetchSipDomain::new(domain_sid).send(&client).await.unwrap().friendly_name.as_deref(),
        Some("Acme")
    );
    DeleteSipDomain::new(domain_sid).send(&client).await.unwrap();
    not_found(FetchSipDomain::new(domain_sid).send(&client).await);

    // An application.
    let app = CreateApplication::new().friendly_name("ivr".to_owned()).send(&client).await.unwrap();
    let app_sid = app.sid.unwrap();
    assert!(app_sid.as_str().starts_with("AP"));
    let voice: twilio_endpoint::values::Url = "https://example.com/voice".parse().unwrap();
    let updated = UpdateApplication::new(app_sid).voice_url(voice).send(&client).await.unwrap();
    assert_eq!(updated.voice_url.as_deref(), Some("https://example.com/voice"));
    assert_eq!(updated.friendly_name.as_deref(), Some("ivr"));
    assert_eq!(ListApplication::new().send(&client).await.unwrap().items.len(), 1);
    DeleteApplication::new(app_sid).send(&client).await.unwrap();
    not_found(FetchApplication::new(app_sid).send(&client).await);
    assert!(ListApplication::new().send(&client).await.unwrap().items.is_empty());
}

#[tokio::test]
async fn an_operation_without_a_create_answers_its_example_with_the_path_filled_in() {
    let twilio = MockTwilio::start().await;
    let balance = FetchBalance::new().send(&twilio.client()).await.unwrap();
    assert_eq!(balance.account_sid, Some(MockTwilio::ACCOUNT_SID));
    assert!(balance.balance.is_some());
}

#[tokio::test]
async fn an_invalid_request_is_refused_naming_the_key_and_not_recorded() {
    let twilio = MockTwilio::start().await;
    // Sent past the client's own check, as another SDK or a plain HTTP client would.
    let mut client_side = CreateQueue::new("overflow".to_owned());
    client_side.max_size = Some(5001);
    let body = "FriendlyName=overflow&MaxSize=5001";
    let path = format!("/2010-04-01/Accounts/{}/Queues.json", MockTwilio::ACCOUNT_SID);
    let answer = post(&twilio.base_url(), &path, body).await;
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert!(answer.contains("MaxSize"), "{answer}");
    assert!(answer.contains("\"status\":400"), "{answer}");
    assert!(twilio.requests::<CreateQueue>().is_empty());
    let [refusal] = &twilio.refused()[..] else { panic!("one refusal") };
    assert_eq!(refusal.status, 400);
    assert!(refusal.message.contains("MaxSize"), "{refusal:?}");
    // The client refuses it before sending, naming the key too.
    let error = client_side.send(&twilio.client()).await.unwrap_err();
    assert!(error.to_string().contains("MaxSize"), "{error}");
    assert_eq!(twilio.received_requests().await.len(), 1);
}

#[tokio::test]
async fn register_replaces_the_generic_route_and_faults_apply() {
    let twilio = MockTwilio::start().await;
    twilio.register(|request: &FetchQueue| {
        Reply::ok(json!({"sid": request.sid.as_str(), "friendly_name": "registered", "max_size": 7}))
    });
    let sid: twilio_endpoint::values::QueueSid = format!("QU{HEX}").parse().unwrap();
    let queue = FetchQueue::new(sid).send(&twilio.client()).await.unwrap();
    assert_eq!((queue.friendly_name.as_deref(), queue.max_size), (Some("registered"), Some(7)));
    assert_eq!(twilio.requests::<FetchQueue>().len(), 1);

    twilio.script::<ListQueue>(twilio_endpoint::mock::Fault::status(400).code(21201).message("scripted"));
    let error = ListQueue::new().send(&twilio.client()).await.unwrap_err();
    assert!(error.to_string().contains("21201"), "{error}");
}

/// A POST with a plain TCP connection, past the client's checks: the answer's head and body.
async fn post(base_url: &str, path: &str, body: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let address = base_url.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let credentials = base64_basic(&format!("{}:{}", MockTwilio::ACCOUNT_SID, MockTwilio::AUTH_TOKEN));
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nAuthorization: Basic {credentials}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    answer
}

fn base64_basic(text: &str) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in text.as_bytes().chunks(3) {
        let bytes = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(bytes[0]) << 16) | (u32::from(bytes[1]) << 8) | u32::from(bytes[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[tokio::test]
async fn a_verification_lives_on_verify_s_paths_and_its_services_page_with_meta() {
    use futures_util::TryStreamExt;
    use twilio_endpoint::api::verify::v2 as verify;

    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let login = verify::CreateService::new("Login".to_owned()).send(&client).await.unwrap();
    let service = login.sid.unwrap();
    assert!(service.as_str().starts_with("VA"));
    assert_eq!(login.friendly_name.as_deref(), Some("Login"));
    assert_eq!(login.account_sid, Some(MockTwilio::ACCOUNT_SID));
    assert_eq!(login.url, Some(format!("{}/v2/Services/{service}", twilio.base_url())));

    let started =
        verify::CreateVerification::new(service, "+15017122661".to_owned(), verify::VerifyChannel::Sms)
            .send(&client)
            .await
            .unwrap();
    assert_eq!((started.service_sid, started.to.as_deref()), (Some(service), Some("+15017122661")));
    assert!(started.date_created.is_some(), "an ISO 8601 date, as Verify writes them");
    let sid = started.sid.unwrap().to_string();
    let fetched = verify::FetchVerification::new(service, sid.clone()).send(&client).await.unwrap();
    assert_eq!(fetched, started);
    let approved = verify::UpdateVerification::new(service, sid, verify::VerificationStatus::Approved)
        .send(&client)
        .await
        .unwrap();
    assert_eq!(approved.status.as_deref(), Some("approved"));

    let signup = verify::CreateService::new("Signup".to_owned()).send(&client).await.unwrap();
    let first = verify::ListService::new().page_size(1).send(&client).await.unwrap();
    assert_eq!(first.key.as_deref(), Some("services"));
    assert_eq!(first.items, std::slice::from_ref(&signup), "newest first");
    let next = first.next_page_uri.clone().unwrap();
    assert!(next.starts_with(&format!("{}/v2/Services?", twilio.base_url())), "{next}");
    // The client walks the pages by the absolute `meta.next_page_url`.
    let request = verify::ListService::new().page_size(1);
    let all: Vec<verify::Service> = client.stream(&request).try_collect().await.unwrap();
    let names: Vec<_> = all.iter().map(|service| service.friendly_name.clone().unwrap()).collect();
    assert_eq!(names, ["Signup", "Login"]);

    // Lookups answers from its example, the number asked for filled in, linked to the mock.
    let number = twilio_endpoint::api::lookups::v2::FetchPhoneNumber::new("+14155552671".to_owned())
        .send(&client)
        .await
        .unwrap();
    assert_eq!(number.phone_number.as_deref(), Some("+14155552671"));
    assert_eq!(number.url, Some(format!("{}/v2/PhoneNumbers/+14155552671", twilio.base_url())));

    verify::DeleteService::new(service).send(&client).await.unwrap();
    not_found(verify::FetchService::new(service).send(&client).await);
}

#[tokio::test]
async fn a_json_bodied_operation_is_read_from_its_json_body_and_a_form_is_refused() {
    use twilio_endpoint::api::lookups::v2::CreateBulkLookup;

    let twilio = MockTwilio::start().await;
    // The description gives no example reply for it: an empty object, which decodes.
    let reply = CreateBulkLookup::new().send(&twilio.client()).await.unwrap();
    assert_eq!(reply.phone_numbers, None);
    assert_eq!(twilio.requests::<CreateBulkLookup>().len(), 1);

    // The same operation sent a form: refused, naming the body's format.
    let answer = post(&twilio.base_url(), "/v2/batch/query", "PhoneNumbers=x").await;
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert!(answer.contains("application/json"), "{answer}");
    assert_eq!(twilio.requests::<CreateBulkLookup>().len(), 1);
}
