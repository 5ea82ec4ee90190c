//! Request variants of every operation of the registry, built from the description and the rules
//! overlay rather than written by hand, as wire pairs in the official SDK's order: only the required
//! parameters; every parameter (once per choice of each parameter group); one per value of each enum;
//! lists with two items (every list with at least as many as the overlay's `len` needs). Each variant is decoded into the operation's type, validated, and encoded
//! again, which must give exactly the bytes built (keys, wire order, value formats, escaping); with a
//! contract server, it is then sent through the real `Client` (`Contract::check`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;

use twilio_endpoint::values::AccountSid;
use twilio_endpoint::{DecodeRequest, Endpoint, FormDecodeError, PathWriter};

use super::description::{
    Description, Group, GroupKind, Operation, Param, ParamRules, Rules, top_level_keys,
};
use super::{ACCOUNT, Contract, Visit};

/// Free text: a space, `&`, `*` and non-ASCII, which the form encoding must escape as the SDK does.
pub const TEXT: &str = "Ada & Bob * café";
const URL: &str = "https://example.com/hook?a=1&b=2";
const WEBSOCKET_URL: &str = "wss://example.com/stream?a=1&b=2";
const SECOND_URL: &str = "https://example.org/second?c=3";
const PHONE: &str = "+15017122661";
/// What a free-text parameter is tried with after `TEXT`: the forms a typed field of the hand-written
/// or overlaid catalog may take (an address, a URL, a plain word, digits).
const FALLBACKS: [&str; 4] = [PHONE, URL, "alice", "1234"];
const SID_HEX: [&str; 2] = ["0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210"];
/// The account the re-encoding gives the client: the decoded request's own account must fill the path.
const CLIENT_ACCOUNT: AccountSid = AccountSid::from_static("ACffffffffffffffffffffffffffffffff");

/// A parameter the description lists as independent, whose prose makes it need another (the overlay
/// records these as comments: its format has no such rule). A variant that sends the first key sends
/// the second too, and an "every parameter" variant whose group choice leaves the second out leaves
/// the first out. Reviewed: each names the comment of `rules.toml` it comes from.
const REQUIRES: &[(&str, &str, &str)] = &[
    // "FallbackFrom needs MessagingServiceSid"
    ("CreateMessage", "FallbackFrom", "MessagingServiceSid"),
    // "ShortenUrls=true needs MessagingServiceSid"
    ("CreateMessage", "ShortenUrls", "MessagingServiceSid"),
    // "ContentVariables needs ContentSid"
    ("CreateMessage", "ContentVariables", "ContentSid"),
    // "ScheduleType=fixed goes with SendAt, and both need MessagingServiceSid"
    ("CreateMessage", "ScheduleType", "SendAt"),
    ("CreateMessage", "SendAt", "ScheduleType"),
    ("CreateMessage", "ScheduleType", "MessagingServiceSid"),
    ("CreateMessage", "SendAt", "MessagingServiceSid"),
    // "Coaching=true needs CallSidToCoach"
    ("CreateParticipant", "Coaching", "CallSidToCoach"),
    ("UpdateParticipant", "Coaching", "CallSidToCoach"),
];

/// A value the description's prose requires for a parameter whose schema says only "string":
/// (operation, key, value, why). Reviewed, each from the rules overlay's comments.
const VALUES: &[(&str, &str, &str, &str)] = &[
    (
        "CreateMessage",
        "ContentVariables",
        "{\"1\":\"Ada & café\"}",
        "\"ContentVariables ... is a JSON object\"",
    ),
    ("CreateMessage", "StatusCallback", URL, "\"StatusCallback's host name may not contain `_`\""),
    // The overlay's `type = WebSocketUrl` rule (the generator fix of the SDK wire comparison): a media
    // stream is sent to a WebSocket server.
    (
        "CreateStream",
        "Url",
        "wss://example.com/stream?a=1",
        "\"The relative or absolute URL of the WebSocket\"",
    ),
];

/// A request as it goes over the wire: the escaped path, and the pairs of the query or the body.
#[derive(Clone, Debug)]
pub struct Variant {
    pub name: String,
    pub path: String,
    /// Form pairs (a list repeats its key); for a JSON body, its top-level members in order, each
    /// value as JSON text (a list is one member, an array).
    pub pairs: Vec<(String, String)>,
    /// The body is a JSON object of `pairs`, not a form.
    pub json: bool,
}

impl Variant {
    /// The pairs encoded as the SDK encodes them (Python's `urlencode`, `quote_plus`).
    pub fn form(&self) -> String {
        encode(&self.pairs)
    }

    /// The JSON body: one object of the members in order, as the SDK writes it (`", "`, `": "`).
    pub fn json_body(&self) -> String {
        let members: Vec<String> = self
            .pairs
            .iter()
            .map(|(key, value)| format!("{}: {value}", serde_json::Value::from(key.as_str())))
            .collect();
        format!("{{{}}}", members.join(", "))
    }

    /// The body as sent: the JSON object or the form.
    pub fn body(&self) -> String {
        if self.json { self.json_body() } else { self.form() }
    }

    /// Decodes this variant as an `E`: a `GET` or `DELETE` with its query in the path, a `POST` or
    /// `PUT` with a body (a form, or the JSON object of a JSON operation).
    pub fn decode<E: DecodeRequest>(&self, method: &str) -> Result<E, FormDecodeError> {
        let form = self.body();
        if has_body(method) {
            E::decode_request(&self.path, form.as_bytes())
        } else if form.is_empty() {
            E::decode_request(&self.path, b"")
        } else {
            E::decode_request(&format!("{}?{form}", self.path), b"")
        }
    }

    pub fn keys(&self) -> Vec<&str> {
        self.pairs.iter().map(|(key, _)| key.as_str()).collect()
    }
}

/// Whether requests of `method` carry their parameters in a body (`POST`, `PUT`).
pub fn has_body(method: &str) -> bool {
    matches!(method, "POST" | "PUT")
}

/// `quote_plus` of each key and value: letters, digits and `_.-~` literal, a space as `+`.
pub fn encode(pairs: &[(String, String)]) -> String {
    let pairs: Vec<String> =
        pairs.iter().map(|(key, value)| format!("{}={}", quote(key, true), quote(value, true))).collect();
    pairs.join("&")
}

fn quote(text: &str, space_as_plus: bool) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => out.push(byte as char),
            b' ' if space_as_plus => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// What the first failure of a variant names: its key (a path placeholder as `{Name}`).
pub enum Failure {
    Decode(FormDecodeError),
    Validate(String, Vec<String>),
    Encoding {
        want: String,
        got: String,
    },
    /// A JSON body written again otherwise: other members or values (`encoding`), or the same ones
    /// with the top-level members in another order than declared (`wire order`).
    Json {
        want: String,
        got: String,
        order_only: bool,
    },
}

impl Failure {
    pub fn kind(&self) -> &'static str {
        match self {
            Failure::Decode(_) => "decode",
            Failure::Validate(..) => "validate",
            Failure::Encoding { want, got } if same_pairs(want, got) => "wire order",
            Failure::Encoding { .. } => "encoding",
            Failure::Json { order_only: true, .. } => "wire order",
            Failure::Json { .. } => "encoding",
        }
    }

    pub fn keys(&self) -> Vec<String> {
        match self {
            Failure::Decode(error) => vec![error.key().to_owned()],
            Failure::Validate(_, keys) => keys.clone(),
            Failure::Encoding { .. } | Failure::Json { .. } => Vec::new(),
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Decode(error) => write!(f, "decode: {error}"),
            Failure::Validate(errors, _) => write!(f, "validate: {errors}"),
            Failure::Encoding { want, got } | Failure::Json { want, got, .. } => {
                write!(f, "{}:\n      built  {want}\n      again  {got}", self.kind())
            }
        }
    }
}

fn same_pairs(want: &str, got: &str) -> bool {
    fn sorted(text: &str) -> Vec<&str> {
        let mut pairs: Vec<&str> = text.split(['&', '?', ' ']).collect();
        pairs.sort_unstable();
        pairs
    }
    sorted(want) == sorted(got)
}

/// Decodes `variant` as an `E`, validates it and encodes it again: the bytes built, or the failure.
pub fn round_trip<E: DecodeRequest>(method: &str, variant: &Variant) -> Result<E, Failure> {
    let request: E = variant.decode(method).map_err(Failure::Decode)?;
    if let Err(errors) = request.validate() {
        let keys = errors.violations().iter().map(|violation| violation.key().to_owned()).collect();
        return Err(Failure::Validate(errors.to_string(), keys));
    }
    let mut out = PathWriter::default();
    request.write_path(&CLIENT_ACCOUNT, &mut out);
    if variant.json {
        return json_round_trip(variant, &out.finish(), &request).map(|()| request);
    }
    let (path, form) = (out.finish(), request.to_form());
    let (want, got) = if has_body(method) || variant.pairs.is_empty() {
        (format!("{} {}", variant.path, variant.form()), format!("{path} {form}"))
    } else {
        (format!("{}?{}", variant.path, variant.form()), format!("{path}?{form}"))
    };
    if want == got { Ok(request) } else { Err(Failure::Encoding { want, got }) }
}

/// The JSON body `request` writes again against the one built: the same path, the same JSON value
/// (compared parsed: members, nesting, values), and the top-level members in the order built, which
/// is the description's (the SDK's) order.
fn json_round_trip<E: Endpoint>(variant: &Variant, path: &str, request: &E) -> Result<(), Failure> {
    let built = variant.json_body();
    let again = match request.to_json() {
        Ok(again) => again,
        Err(errors) => {
            let keys = errors.violations().iter().map(|violation| violation.key().to_owned()).collect();
            return Err(Failure::Validate(format!("to_json: {errors}"), keys));
        }
    };
    let want = format!("{} {built}", variant.path);
    let got = format!("{path} {again}");
    let parsed = |text: &str| serde_json::from_str::<serde_json::Value>(text).ok();
    let same_value = parsed(&built).is_some() && parsed(&built) == parsed(&again);
    let same_order = top_level_keys(&built) == top_level_keys(&again);
    match (variant.path == path, same_value, same_order) {
        (true, true, true) => Ok(()),
        (true, true, false) => Err(Failure::Json { want, got, order_only: true }),
        _ => Err(Failure::Json { want, got, order_only: false }),
    }
}

/// One operation's parameters, their candidate values, and the overlay's rules and groups.
pub struct Plan {
    pub op: Operation,
    pub rules: Vec<ParamRules>,
    pub groups: Vec<Group>,
    candidates: Vec<Vec<String>>,
    chosen: Vec<usize>,
    path_candidates: Vec<Vec<String>>,
    path_chosen: Vec<usize>,
}

impl Plan {
    pub fn new(description: &Description, rules: &Rules, id: &str) -> Option<Plan> {
        let op = description.operation(id)?;
        let param_rules: Vec<ParamRules> =
            op.params.iter().map(|param| rules.param(&op, &param.key)).collect();
        let candidates =
            op.params.iter().zip(&param_rules).map(|(param, rules)| candidates(&op, param, rules)).collect();
        let path_candidates = op.path_params.iter().map(|param| path_candidates(&op, param)).collect();
        let groups = rules
            .groups(id)
            .into_iter()
            .map(|mut group| {
                // Keys of a group that this description lacks (newer or older) cannot be sent.
                group.params.retain(|key| op.param(key).is_some());
                group
            })
            .filter(|group| !group.params.is_empty())
            .collect();
        Some(Plan {
            chosen: vec![0; op.params.len()],
            path_chosen: vec![0; op.path_params.len()],
            op,
            rules: param_rules,
            groups,
            candidates,
            path_candidates,
        })
    }

    pub fn index(&self, key: &str) -> Option<usize> {
        self.op.params.iter().position(|param| param.key == key)
    }

    /// The value chosen for parameter `index`.
    /// The free-text parameters (a plain string in the description, no format, pattern or value set)
    /// whose type refused free text: the value chosen is a fallback (an address, a URL, a word,
    /// digits), not text or an example of the description.
    pub fn free_text_refused(&self) -> Vec<(usize, String)> {
        let fallbacks = FALLBACKS.map(|fallback| fallback.to_owned());
        (0..self.op.params.len())
            .filter(|index| {
                let param = &self.op.params[*index];
                let plain = param.kind() == "string"
                    && param.format().is_empty()
                    && param.schema.get("pattern").is_none()
                    && param.enum_values().is_none()
                    && self.rules[*index].values.is_none();
                let value = self.value(*index);
                plain && fallbacks.contains(&value) && !examples(param).contains(&value)
            })
            .map(|index| (index, self.value(index)))
            .collect()
    }

    /// The value chosen for placeholder `key` of the path.
    pub fn path_value(&self, key: &str) -> Option<String> {
        let index = self.op.path_params.iter().position(|param| param.key == key)?;
        self.path_candidates[index].get(self.path_chosen[index]).cloned()
    }

    pub fn value(&self, index: usize) -> String {
        self.candidates[index].get(self.chosen[index]).cloned().unwrap_or_default()
    }

    /// A second item for a list, other than the first.
    fn second(&self, index: usize) -> String {
        let first = self.value(index);
        let param = &self.op.params[index];
        let fixed = self.rules[index].values.clone().or_else(|| param.enum_values());
        if let Some(values) = fixed {
            return values.iter().find(|value| **value != first).cloned().unwrap_or(first);
        }
        if first.get(2..) == Some(SID_HEX[0]) {
            return format!("{}{}", &first[..2], SID_HEX[1]);
        }
        match param.format() {
            "uri" => SECOND_URL.to_owned(),
            _ if first == PHONE => "+15558675310".to_owned(),
            _ if first.parse::<i64>().is_ok() => first,
            _ => {
                let second = format!("{first} 2");
                match self.rules[index].len {
                    Some((_, max)) if second.chars().count() > max => first,
                    _ => second,
                }
            }
        }
    }

    /// The path, each placeholder filled with its chosen value and escaped as a segment.
    pub fn path(&self) -> String {
        self.path_with(None)
    }

    /// The path, with `(placeholder, value)` in place of the chosen value of that placeholder.
    pub fn path_with(&self, replaced: Option<(&str, &str)>) -> String {
        let mut path = self.op.path.clone();
        for (index, param) in self.op.path_params.iter().enumerate() {
            let value = match replaced {
                Some((key, value)) if key == param.key => value.to_owned(),
                _ => self.path_candidates[index].get(self.path_chosen[index]).cloned().unwrap_or_default(),
            };
            path = path.replace(&format!("{{{}}}", param.key), &quote(&value, false));
        }
        path
    }

    fn requires(&self, key: &str) -> Vec<&'static str> {
        REQUIRES
            .iter()
            .filter(|(operation, from, _)| *operation == self.op.id && *from == key)
            .map(|(_, _, needs)| *needs)
            .filter(|needs| self.index(needs).is_some())
            .collect()
    }

    /// Drops the keys whose prose dependencies are not sent.
    fn drop_unmet(&self, include: &mut BTreeSet<String>) {
        loop {
            let unmet: Vec<String> = include
                .iter()
                .filter(|key| self.requires(key).iter().any(|needs| !include.contains(*needs)))
                .cloned()
                .collect();
            if unmet.is_empty() {
                return;
            }
            for key in unmet {
                include.remove(&key);
            }
        }
    }

    /// The keys of the smallest request: the required ones and each group's first choice.
    pub fn required_keys(&self) -> BTreeSet<String> {
        let mut include: BTreeSet<String> =
            self.op.params.iter().filter(|param| param.required).map(|param| param.key.clone()).collect();
        for group in &self.groups {
            if !group.params.iter().any(|key| include.contains(key)) {
                include.extend(group.default_choice().unwrap_or_default());
            }
        }
        self.drop_unmet(&mut include);
        include
    }

    /// The smallest request that sends `key` (and what it needs), with each group holding `key`
    /// choosing it.
    fn keys_with(&self, key: &str, widest: bool) -> BTreeSet<String> {
        let mut forced = BTreeSet::from([key.to_owned()]);
        let mut queue = vec![key.to_owned()];
        while let Some(next) = queue.pop() {
            for needs in self.requires(&next) {
                if forced.insert(needs.to_owned()) {
                    queue.push(needs.to_owned());
                }
            }
        }
        let mut include = self.required_keys();
        for group in &self.groups {
            if group.params.iter().any(|key| forced.contains(key)) {
                include.retain(|key| !group.params.contains(key) || forced.contains(key));
                if widest && group.kind == GroupKind::AtLeastOne {
                    include.extend(group.params.iter().cloned());
                }
            }
        }
        include.extend(forced);
        include
    }

    /// The items sent for list parameter `index`: one, or two when `two`, and never fewer than the
    /// overlay's `len` minimum nor more than its maximum (Messaging's two to five samples).
    fn items(&self, index: usize, two: bool) -> Vec<String> {
        let wanted = if two { 2 } else { 1 };
        let wanted = match self.rules[index].len {
            Some((min, max)) => wanted.max(min).min(max),
            None => wanted,
        };
        let (first, second) = (self.value(index), self.second(index));
        // Beyond two, the second again: how many items, not which, is what a list's rules are about.
        (0..wanted).map(|item| if item == 0 { first.clone() } else { second.clone() }).collect()
    }

    /// The pairs of the parameters in `include`, in wire order, a list with two items when `two`
    /// (with as many as the overlay's `len` needs in any case), with `overrides` in place of the
    /// chosen values.
    pub fn pairs(
        &self,
        include: &BTreeSet<String>,
        two: bool,
        overrides: &BTreeMap<String, Vec<String>>,
    ) -> Vec<(String, String)> {
        self.pairs_nested(include, two, overrides, true)
    }

    /// As `pairs`; a JSON body's nested objects with every member when `nested_full`, or only their
    /// required members.
    pub fn pairs_nested(
        &self,
        include: &BTreeSet<String>,
        two: bool,
        overrides: &BTreeMap<String, Vec<String>>,
        nested_full: bool,
    ) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        for (index, param) in self.op.params.iter().enumerate() {
            if !include.contains(&param.key) {
                continue;
            }
            if self.op.json {
                let member = self.json_member(index, two, overrides.get(&param.key), nested_full);
                pairs.push((param.key.clone(), member.to_string()));
                continue;
            }
            let values = match overrides.get(&param.key) {
                Some(values) => values.clone(),
                None if param.array => self.items(index, two),
                None => vec![self.value(index)],
            };
            pairs.extend(values.into_iter().map(|value| (param.key.clone(), value)));
        }
        pairs
    }

    /// The value of JSON member `index`: the chosen value (or `values`) typed by its schema; a list
    /// as one array (two items when `two`, within the overlay's `len`); an object synthesized from
    /// its schema (`synthesize`).
    fn json_member(
        &self,
        index: usize,
        two: bool,
        values: Option<&Vec<String>>,
        nested_full: bool,
    ) -> serde_json::Value {
        use serde_json::Value;
        let param = &self.op.params[index];
        let object = param.schema["type"] == "object" || param.schema.get("properties").is_some();
        if param.array {
            let items: Vec<Value> = match values {
                Some(values) => values.iter().map(|value| typed(&param.schema, value)).collect(),
                None if object => {
                    let count = self.items(index, two).len();
                    (0..count).map(|item| synthesize(&param.schema, nested_full, item)).collect()
                }
                None => self.items(index, two).iter().map(|value| typed(&param.schema, value)).collect(),
            };
            return Value::Array(items);
        }
        match values {
            Some(values) => typed(&param.schema, values.first().map_or("", String::as_str)),
            None if object => synthesize(&param.schema, nested_full, 0),
            None => typed(&param.schema, &self.value(index)),
        }
    }

    fn variant(&self, name: String, pairs: Vec<(String, String)>) -> Variant {
        Variant { name, path: self.path(), pairs, json: self.op.json }
    }

    /// The smallest request, as a variant, with `key` sent as `values` (and what it needs).
    pub fn variant_with(&self, name: String, key: &str, values: Vec<String>) -> Variant {
        self.variant_with_group(name, key, values, false)
    }

    /// As `variant_with`; when `widest`, an `at_least_one` group holding `key` sends all its keys
    /// (a rule of one of them may hold only alongside the others).
    pub fn variant_with_group(&self, name: String, key: &str, values: Vec<String>, widest: bool) -> Variant {
        let include = self.keys_with(key, widest);
        let overrides = BTreeMap::from([(key.to_owned(), values)]);
        self.variant(name, self.pairs(&include, false, &overrides))
    }

    /// The smallest request.
    pub fn required_only(&self) -> Variant {
        self.variant(
            "only the required parameters".to_owned(),
            self.pairs(&self.required_keys(), false, &BTreeMap::new()),
        )
    }

    /// Every parameter, lists with two items, once per choice of the group with the most choices (the
    /// others cycling through theirs), so that each choice of each group is sent.
    pub fn every_parameter(&self) -> Vec<Variant> {
        let rounds = self.groups.iter().map(|group| group.choices().len()).max().unwrap_or(1);
        (0..rounds)
            .map(|round| {
                let mut include: BTreeSet<String> =
                    self.op.params.iter().map(|param| param.key.clone()).collect();
                let mut chose = Vec::new();
                for group in &self.groups {
                    let choices = group.choices();
                    let choice = &choices[round % choices.len()];
                    include.retain(|key| !group.params.contains(key));
                    include.extend(choice.iter().cloned());
                    chose.push(format!("{} = {}", group.name, choice.join("+")));
                }
                self.drop_unmet(&mut include);
                let name = if chose.is_empty() {
                    "every parameter".to_owned()
                } else {
                    format!("every parameter ({})", chose.join(", "))
                };
                self.variant(name, self.pairs(&include, true, &BTreeMap::new()))
            })
            .collect()
    }

    /// One variant per value of each enum (the description's, or the overlay's value set).
    pub fn enum_values(&self) -> Vec<Variant> {
        let mut variants = Vec::new();
        for (index, param) in self.op.params.iter().enumerate() {
            let Some(values) = self.rules[index].values.clone().or_else(|| param.enum_values()) else {
                continue;
            };
            for value in values {
                let name = format!("{}={value}", param.key);
                variants.push(self.variant_with(name, &param.key, vec![value]));
            }
        }
        variants
    }

    /// For a JSON body with nested objects: every member, the nested objects with only their
    /// required members (the smallest object each takes).
    pub fn nested_required_only(&self) -> Option<Variant> {
        let nested = self
            .op
            .params
            .iter()
            .any(|param| param.schema["type"] == "object" || param.schema.get("properties").is_some());
        if !self.op.json || !nested || !self.groups.is_empty() {
            return None;
        }
        let mut include: BTreeSet<String> = self.op.params.iter().map(|param| param.key.clone()).collect();
        self.drop_unmet(&mut include);
        Some(self.variant(
            "every member, nested objects with only their required members".to_owned(),
            self.pairs_nested(&include, true, &BTreeMap::new(), false),
        ))
    }

    /// Every variant: only the required, every parameter (per group choice), each enum value.
    pub fn variants(&self) -> Vec<Variant> {
        let mut variants = vec![self.required_only()];
        variants.extend(self.every_parameter());
        variants.extend(self.nested_required_only());
        variants.extend(self.enum_values());
        variants
    }

    /// Chooses, for each parameter and placeholder, the first candidate value the operation's type
    /// takes: the description's examples first, then values made from the schema. A candidate the
    /// type refuses (decoding or validation naming its key) gives way to the next.
    pub fn choose<E: DecodeRequest>(&mut self) {
        for _ in 0..64 {
            let mut advanced = false;
            let mut probes = vec![self.required_only()];
            probes.extend(self.every_parameter());
            for variant in probes {
                let Err(failure) = round_trip::<E>(&self.op.method, &variant) else { continue };
                for key in failure.keys() {
                    advanced |= self.advance(&key);
                }
                if advanced {
                    break;
                }
            }
            if !advanced {
                return;
            }
        }
    }

    /// Moves `key` (a parameter, or `{Name}` for a placeholder) to its next candidate, if it has one.
    fn advance(&mut self, key: &str) -> bool {
        if let Some(name) = key.strip_prefix('{').and_then(|key| key.strip_suffix('}')) {
            if let Some(index) = self.op.path_params.iter().position(|param| param.key == name)
                && self.path_chosen[index] + 1 < self.path_candidates[index].len()
            {
                self.path_chosen[index] += 1;
                return true;
            }
            return false;
        }
        match self.index(key) {
            Some(index) if self.chosen[index] + 1 < self.candidates[index].len() => {
                self.chosen[index] += 1;
                true
            }
            _ => false,
        }
    }
}

/// `value` as the JSON its schema types: a number, a boolean, or else a string.
fn typed(schema: &serde_json::Value, value: &str) -> serde_json::Value {
    use serde_json::Value;
    let parsed = match schema["type"].as_str() {
        Some("integer") => value.parse::<i64>().ok().map(Value::from),
        Some("number") => value.parse::<f64>().ok().map(Value::from),
        Some("boolean") => value.parse::<bool>().ok().map(Value::from),
        _ => None,
    };
    parsed.unwrap_or_else(|| Value::from(value))
}

/// A value of a nested JSON schema (`$ref`s inlined), made as the form variants' values are: an
/// object with every member (`full`) or only its required ones; a list with two items, or every value
/// of its enum; an enum's value (`item`-th, so that two items differ); a scalar from the first
/// candidate of `candidates`, within the schema's `minLength`/`maxLength`.
fn synthesize(schema: &serde_json::Value, full: bool, item: usize) -> serde_json::Value {
    use serde_json::Value;
    let properties = schema.get("properties").and_then(Value::as_object);
    if schema["type"] == "object" || properties.is_some() {
        let required: Vec<&str> =
            schema["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        let members = properties
            .into_iter()
            .flatten()
            .filter(|(key, _)| full || required.contains(&key.as_str()))
            .map(|(key, property)| (key.clone(), synthesize(property, full, item)))
            .collect();
        return Value::Object(members);
    }
    if schema["type"] == "array" {
        let items = &schema["items"];
        if let Some(values) = items.get("enum").and_then(Value::as_array) {
            return Value::Array(values.clone());
        }
        return Value::Array((0..2).map(|index| synthesize(items, full, index)).collect());
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array).filter(|values| !values.is_empty()) {
        return values[item % values.len()].clone();
    }
    let length = |name: &str| schema[name].as_u64().map(|n| n as usize);
    let rules = ParamRules {
        len: (length("minLength").is_some() || length("maxLength").is_some())
            .then(|| (length("minLength").unwrap_or(0), length("maxLength").unwrap_or(usize::MAX))),
        ..ParamRules::default()
    };
    let param = Param {
        key: String::new(),
        required: false,
        array: false,
        schema: schema.clone(),
        description: schema["description"].as_str().unwrap_or_default().to_owned(),
    };
    let op = Operation {
        id: String::new(),
        method: String::new(),
        path: String::new(),
        path_params: Vec::new(),
        params: Vec::new(),
        json: true,
        response: Value::Null,
    };
    let value = candidates(&op, &param, &rules).into_iter().next().unwrap_or_default();
    typed(schema, &value)
}

/// The values to try for a parameter, best first.
fn candidates(op: &Operation, param: &Param, rules: &ParamRules) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let reviewed = VALUES.iter().find(|(operation, key, _, _)| *operation == op.id && *key == param.key);
    if let Some((_, _, value, _)) = reviewed {
        out.push((*value).to_owned());
    }
    if let Some(values) = rules.values.clone().or_else(|| param.enum_values()) {
        out.extend(values);
        return out;
    }
    // A WebSocket URL (a media stream's) is a `uri` the description cannot tell from a web one.
    if rules.type_override.as_deref() == Some("crate::values::WebSocketUrl") {
        out.push(WEBSOCKET_URL.to_owned());
        return out;
    }
    // The overlay's type override decides what the field takes, where it names a plain type.
    let kind = match rules.type_override.as_deref() {
        Some("bool") => "boolean",
        Some("u32" | "u64" | "i32" | "i64") => "integer",
        _ => param.kind(),
    };
    // The description's examples first, those its schema and the overlay allow.
    out.extend(examples(param).into_iter().filter(|example| fits(kind, param, rules, example)));
    match (kind, param.format()) {
        ("boolean", _) => out.extend(["true", "false"].map(str::to_owned)),
        ("integer" | "number", _) => match rules.range {
            Some((min, max)) => out.extend([min.to_string(), max.to_string()]),
            None => out.push(param.schema["minimum"].as_i64().unwrap_or(1).to_string()),
        },
        (_, "date-time") => out.push("2024-01-02T03:04:05Z".to_owned()),
        (_, "date") => out.push("2024-01-02".to_owned()),
        (_, "uri") => out.push(URL.to_owned()),
        (_, "iso-country-code") => out.push("US".to_owned()),
        (_, "twiml") => out.push("<Response><Say>Ada &amp; café</Say></Response>".to_owned()),
        _ => {
            if let Some(prefix) = sid_prefix(&param.schema) {
                out.push(format!("{prefix}{}", SID_HEX[0]));
            }
            if matches!(param.format(), "phone-number" | "endpoint") {
                out.push(PHONE.to_owned());
            }
            // Free text first, then the fallbacks.
            out.push(TEXT.to_owned());
            out.extend(FALLBACKS.map(str::to_owned));
        }
    }
    if let Some((min, max)) = rules.len
        && !param.array
    {
        out = out
            .into_iter()
            .map(|value| {
                let mut value: String = value.chars().take(max).collect();
                while value.chars().count() < min {
                    value.push('x');
                }
                value
            })
            .collect();
    }
    let mut seen = BTreeSet::new();
    out.retain(|value| seen.insert(value.clone()));
    out
}

/// The values the description gives as examples: explicit `example`s, a quoted value after "e.g.",
/// "for example", "such as" or "like", and E.164 numbers in its prose.
fn examples(param: &Param) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(example) = param.schema.get("example").and_then(serde_json::Value::as_str) {
        out.push(example.to_owned());
    }
    let quoted = regex_lite::Regex::new(r"(?:e\.g\.|for example|such as|like)[^`]{0,20}`([^`]+)`")
        .expect("a valid pattern");
    out.extend(quoted.captures_iter(&param.description).map(|found| found[1].to_owned()));
    let e164 = regex_lite::Regex::new(r"\+[1-9][0-9]{6,14}").expect("a valid pattern");
    out.extend(e164.find_iter(&param.description).map(|found| found.as_str().to_owned()));
    out
}

/// Whether an example is a value the schema (and the overlay) allows: the description's prose
/// sometimes shows a form of the value (`<=YYYY-MM-DD`) rather than one.
fn fits(kind: &str, param: &Param, rules: &ParamRules, example: &str) -> bool {
    let matches = |pattern: &str| regex_lite::Regex::new(pattern).is_ok_and(|regex| regex.is_match(example));
    let shape = match (kind, param.format()) {
        ("boolean", _) => matches!(example, "true" | "false"),
        ("integer", _) => example.parse::<i64>().is_ok_and(|value| {
            let (min, max) = rules.range.unwrap_or((i64::MIN, i64::MAX));
            (min..=max).contains(&value)
        }),
        ("number", _) => example.parse::<f64>().is_ok(),
        (_, "date-time") => matches(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"),
        (_, "date") => matches(r"^\d{4}-\d{2}-\d{2}$"),
        (_, "uri") => example.starts_with("https://") || example.starts_with("http://"),
        _ => param.schema["pattern"].as_str().is_none_or(matches),
    };
    let length = rules.len.is_none_or(|(min, max)| (min..=max).contains(&example.chars().count()));
    shape && length
}

/// `XX` of a `^XX[0-9a-fA-F]{32}$` pattern.
pub fn sid_prefix(schema: &serde_json::Value) -> Option<String> {
    let pattern = schema["pattern"].as_str()?;
    let prefix = pattern.strip_prefix('^')?.strip_suffix("[0-9a-fA-F]{32}$")?;
    // `(SM|MM)`: the first of the alternatives.
    let prefix = prefix
        .strip_prefix('(')
        .and_then(|p| p.strip_suffix(')'))
        .map_or(prefix, |p| p.split('|').next().unwrap_or(p));
    (prefix.len() == 2 && prefix.chars().all(|c| c.is_ascii_uppercase())).then(|| prefix.to_owned())
}

/// The values to try for a placeholder of the path.
fn path_candidates(op: &Operation, param: &Param) -> Vec<String> {
    if param.key == "AccountSid" {
        return vec![ACCOUNT.to_string()];
    }
    let mut out = Vec::new();
    if let Some(prefix) = sid_prefix(&param.schema) {
        out.push(format!("{prefix}{}", SID_HEX[0]));
    }
    if param.format() == "iso-country-code" {
        out.push("US".to_owned());
    }
    // A SID named by the path without a pattern: the pattern of the reply's field of that name.
    let field = snake(&param.key);
    if let Some(prefix) = sid_prefix(&op.response["properties"][field.as_str()]) {
        out.push(format!("{prefix}{}", SID_HEX[0]));
    }
    out.extend(examples(param));
    // A path placeholder with an enum (Verify's `FormType`): its first value.
    out.extend(param.enum_values().unwrap_or_default().into_iter().take(1));
    // Eight characters: the shortest a Verify entity's identity may be.
    out.push("Ada-0001".to_owned());
    out
}

/// `CallSid` -> `call_sid`.
fn snake(key: &str) -> String {
    let mut out = String::new();
    for (index, c) in key.chars().enumerate() {
        if c.is_ascii_uppercase() && index > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// A difference the catalog makes on purpose, or a defect of Prism or of the description, reviewed:
/// the product and operation, the kind of failure (`decode`, `validate`, `wire order`, `encoding`, `contract`),
/// a text the variant's name contains, and why.
struct Allowed {
    /// The registry: `api_v2010`, `verify_v2`, `lookups_v2`, `messaging_v1` (operation ids repeat
    /// across products).
    product: &'static str,
    operation: &'static str,
    kind: &'static str,
    variant: &'static str,
    #[allow(dead_code, reason = "the reason is for the reader of this list")]
    why: &'static str,
}

/// Twilio's prose for Update Conference Recording: the new status can be `stopped`, `paused` or
/// `in-progress`; the description reuses the recording's own status enum, whose other values describe
/// a recording and cannot be set (the hand-written `RecordingStatusChange` offers the three).
const RECORDING_STATUS: &str =
    "the description reuses the recording status enum; only in-progress, paused and stopped can be set";

const ALLOWED: &[Allowed] = &[
    Allowed {
        product: "api_v2010",
        operation: "FetchRecordingAddOnResultPayloadData",
        kind: "contract",
        variant: "",
        why: "the description's only answer is 307 with `redirect_to` (the payload's data lives elsewhere); Prism \
              plays it and the client reports an answer other than 2xx as an error",
    },
    Allowed {
        product: "messaging_v1",
        operation: "FetchDeactivation",
        kind: "contract",
        variant: "",
        why: "the description's only answer is 307 with `redirect_to` (the report is downloaded from elsewhere); \
              Prism plays it and the client reports an answer other than 2xx as an error",
    },
    Allowed {
        product: "api_v2010",
        operation: "UpdateConferenceRecording",
        kind: "decode",
        variant: "Status=absent",
        why: RECORDING_STATUS,
    },
    Allowed {
        product: "api_v2010",
        operation: "UpdateConferenceRecording",
        kind: "decode",
        variant: "Status=completed",
        why: RECORDING_STATUS,
    },
    Allowed {
        product: "api_v2010",
        operation: "UpdateConferenceRecording",
        kind: "decode",
        variant: "Status=processing",
        why: RECORDING_STATUS,
    },
    Allowed {
        product: "api_v2010",
        operation: "UpdateCall",
        kind: "wire order",
        variant: "CallRedirect = Twiml",
        why: "the hand-written `CallRedirect` group is written where `Url` is, so `Twiml` goes first; the SDK sends it \
              after `StatusCallbackMethod` (documented and asserted in tests/decode_roundtrip.rs)",
    },
];

/// Prism 5.16 reads a repeated form key as one value that overrides the others, and a single one as a
/// string, so it answers 422 "must be array" however a list is sent (stoplightio/prism#2473, open);
/// the hand-written variants say the same in `calls.rs` and `messages.rs`.
const PRISM_LISTS: &str =
    "Prism 5.16 reads a form key once and answers \"must be array\" to any list (stoplightio/prism#2473)";

/// Builds and checks the variants of every visited operation; see the module's documentation.
pub struct Generated<'a> {
    /// Which registry is visited, for the allow-list: `api_v2010` unless set.
    pub product: &'static str,
    pub description: &'a Description,
    pub rules: &'a Rules,
    /// With a contract server: the contract and the runtime to send on.
    pub contract: Option<(&'a Contract, &'a tokio::runtime::Runtime)>,
    pub failures: Vec<String>,
    pub operations: usize,
    pub variants: usize,
    /// Of `variants`, those with a JSON body.
    pub json_variants: usize,
    /// Variants with a list in a form body, which Prism cannot read (`PRISM_LISTS`): sent without it.
    pub not_sent: usize,
    /// The failures the allow-list explains, shown (not hidden) in the test's output.
    pub allowed_failures: Vec<String>,
    used: BTreeSet<usize>,
}

impl<'a> Generated<'a> {
    pub fn new(description: &'a Description, rules: &'a Rules) -> Self {
        Generated {
            product: "api_v2010",
            description,
            rules,
            contract: None,
            failures: Vec::new(),
            operations: 0,
            variants: 0,
            json_variants: 0,
            not_sent: 0,
            allowed_failures: Vec::new(),
            used: BTreeSet::new(),
        }
    }

    fn allowed(&mut self, operation: &str, kind: &str, variant: &str) -> bool {
        let found = ALLOWED.iter().position(|allowed| {
            allowed.product == self.product
                && allowed.operation == operation
                && allowed.kind == kind
                && variant.contains(allowed.variant)
        });
        if let Some(index) = found {
            self.used.insert(index);
        }
        found.is_some()
    }

    /// The allow-list entries no failure used: stale, so a failure too. Those of kind `contract` are
    /// used only when sending (`sending`), the others only when not.
    pub fn unused_allowances(&self, sending: bool) -> Vec<String> {
        (0..ALLOWED.len())
            .filter(|index| {
                let allowed = &ALLOWED[*index];
                allowed.product == self.product
                    && !self.used.contains(index)
                    && (allowed.kind == "contract") == sending
            })
            .map(|index| {
                let allowed = &ALLOWED[index];
                format!(
                    "allow-list entry no longer needed: {} {} {} `{}`",
                    allowed.product, allowed.operation, allowed.kind, allowed.variant
                )
            })
            .collect()
    }
}

impl Visit for Generated<'_> {
    fn operation<E>(&mut self, operation_id: &'static str)
    where
        E: Endpoint + DecodeRequest + Debug + 'static,
        E::Response: Debug,
    {
        let Some(mut plan) = Plan::new(self.description, self.rules, operation_id) else {
            self.failures.push(format!("{operation_id}: not in the description"));
            return;
        };
        plan.choose::<E>();
        self.operations += 1;
        // A free-text parameter whose type refuses free text is typed by a rule of the overlay (`type`)
        // or, for the hand-written operations, by their declaration: otherwise the type is invented.
        for (index, value) in plan.free_text_refused() {
            let key = &plan.op.params[index].key;
            if plan.rules[index].type_override.is_some() {
                continue;
            }
            let failure = format!(
                "{operation_id}: `{key}`: free text in the description, but its type refuses `{TEXT}`; `{value}` \
                 passes, and the overlay has no `type` rule for it"
            );
            if self.allowed(operation_id, "free text", key) {
                self.allowed_failures.push(failure);
            } else {
                self.failures.push(failure);
            }
        }
        for variant in plan.variants() {
            self.variants += 1;
            if variant.json {
                self.json_variants += 1;
            }
            let name = format!("{operation_id}: {}", variant.name);
            let request = match round_trip::<E>(&plan.op.method, &variant) {
                Ok(request) => request,
                Err(failure) => {
                    if self.allowed(operation_id, failure.kind(), &variant.name) {
                        self.allowed_failures.push(format!("{name}: {failure}"));
                    } else {
                        self.failures.push(format!("{name}: {failure}"));
                    }
                    // A request that decoded, but is written otherwise, is still sent.
                    match variant.decode::<E>(&plan.op.method) {
                        Ok(request) if matches!(failure, Failure::Encoding { .. } | Failure::Json { .. }) => {
                            request
                        }
                        _ => continue,
                    }
                }
            };
            if let Some((contract, runtime)) = self.contract {
                let lists: Vec<&str> = plan
                    .op
                    .params
                    .iter()
                    .filter(|param| param.array)
                    .map(|param| param.key.as_str())
                    .collect();
                let sends_list = variant.keys().iter().any(|key| lists.contains(key));
                if self.allowed(operation_id, "contract", &variant.name) {
                    // Sent all the same: the failure is shown as allowed, and an answer that now
                    // decodes makes the entry stale.
                    contract.record_only(&name, &request, "reviewed in the generated allow-list");
                    let client = contract.client.as_ref().expect("a contract client");
                    contract.requests.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if variant.json {
                        contract.json_requests.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    }
                    match runtime.block_on(client.send(&request)) {
                        Err(error) => self.allowed_failures.push(format!("{name}: {error}")),
                        Ok(_) => self.failures.push(format!(
                            "{name}: accepted and decoded, yet allow-listed: remove the entry"
                        )),
                    }
                } else if sends_list && plan.op.method == "POST" && !plan.op.json {
                    // Prism reads no list from a form body; what it can check is sent without the lists.
                    contract.record_only(&name, &request, PRISM_LISTS);
                    self.not_sent += 1;
                    let mut without = variant.clone();
                    without.pairs.retain(|(key, _)| !lists.contains(&key.as_str()));
                    if let Ok(request) = round_trip::<E>(&plan.op.method, &without) {
                        runtime.block_on(contract.check(&format!("{name} (its lists left out)"), &request));
                    }
                } else {
                    runtime.block_on(contract.check(&name, &request));
                }
            }
        }
    }
}

/// The JSON round trip fails on what it compares: another value, or the top-level members in
/// another order than built.
#[test]
fn the_json_round_trip_compares_values_and_top_level_order() {
    use twilio_endpoint::api::lookups::v2::UpdateLookupRateLimit;
    let variant = |pairs: &[(&str, &str)]| Variant {
        name: "test".to_owned(),
        path: "/v2/RateLimits/Fields/f/Bucket/b".to_owned(),
        pairs: pairs.iter().map(|(key, value)| ((*key).to_owned(), (*value).to_owned())).collect(),
        json: true,
    };
    let same = variant(&[("limit", "1"), ("ttl", "2")]);
    assert!(round_trip::<UpdateLookupRateLimit>("PUT", &same).is_ok());
    let request = UpdateLookupRateLimit::new("f", "b").limit(1).ttl(2);
    // Declared `limit`, `ttl`: built the other way round, only the order differs.
    let swapped = variant(&[("ttl", "2"), ("limit", "1")]);
    let failure = json_round_trip(&swapped, "/v2/RateLimits/Fields/f/Bucket/b", &request).unwrap_err();
    assert_eq!(failure.kind(), "wire order");
    let other = variant(&[("limit", "1"), ("ttl", "3")]);
    let failure = json_round_trip(&other, "/v2/RateLimits/Fields/f/Bucket/b", &request).unwrap_err();
    assert_eq!(failure.kind(), "encoding");
}

/// The reference encoding is Python's `urlencode` (what the official SDK sends), not this crate's.
#[test]
fn the_reference_encoding_is_quote_plus() {
    let pairs = [("StartTime<".to_owned(), "Ada & Bob * café ~_.-/+".to_owned())];
    // `urllib.parse.urlencode([("StartTime<", "Ada & Bob * café ~_.-/+")])`
    assert_eq!(encode(&pairs), "StartTime%3C=Ada+%26+Bob+%2A+caf%C3%A9+~_.-%2F%2B");
    assert_eq!(quote("Ada Bob", false), "Ada%20Bob");
}

/// The paging parameters go last, as the SDK sends them, and a form keeps the description's order.
#[test]
fn wire_order_is_the_sdks() {
    let Ok(description) = Description::load() else { return };
    let list = description.operation("ListCall").expect("ListCall");
    let keys: Vec<&str> = list.params.iter().map(|param| param.key.as_str()).collect();
    assert_eq!(keys[keys.len() - 3..], ["PageToken", "Page", "PageSize"]);
    assert_eq!(keys[..2], ["To", "From"]);
    let create = description.operation("CreateCall").expect("CreateCall");
    let keys: Vec<&str> = create.params.iter().map(|param| param.key.as_str()).collect();
    // Not sorted: the description's order, which puts the instructions last.
    assert_eq!(keys[..4], ["To", "From", "Method", "FallbackUrl"]);
    assert_eq!(keys[keys.len() - 3..], ["Url", "Twiml", "ApplicationSid"]);
}
