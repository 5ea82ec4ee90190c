//! The verdicts of `WebhookValidator` against those of Twilio's Python SDK, case by case.
//!
//! The cases come from `scripts/webhook_differential.py` (random requests, about half signed as Twilio
//! signs them and half changed or forged, each with the verdict of twilio 9.13.0's `RequestValidator`),
//! through `scripts/webhook_differential.sh`, which sets `WEBHOOK_DIFFERENTIAL_CASES` to the file they
//! are in. Without that variable there is nothing to compare, and the test says so and passes.

use std::collections::BTreeMap;
use std::time::Instant;

use serde::Deserialize;
use twilio_endpoint::{SignatureError, WebhookValidator};

/// One request and the SDK's verdict, as the script writes it.
#[derive(Deserialize)]
struct Case {
    id: u64,
    seed: u64,
    kind: String,
    token: String,
    url: String,
    body: String,
    signature: Option<String>,
    settings: Option<String>,
    python: bool,
    python_error: Option<String>,
    how: String,
}

/// How many disagreeing cases are shown in full.
const SHOWN: usize = 5;

#[test]
fn webhook_verdicts_agree_with_the_python_sdk() {
    let Some(path) = std::env::var_os("WEBHOOK_DIFFERENTIAL_CASES") else {
        println!("skipped: WEBHOOK_DIFFERENTIAL_CASES is not set; scripts/webhook_differential.sh sets it");
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let cases: Vec<Case> = text
        .lines()
        .enumerate()
        .map(|(index, line)| {
            serde_json::from_str(line).unwrap_or_else(|error| panic!("line {}: {error}", index + 1))
        })
        .collect();
    assert!(!cases.is_empty(), "{} holds no case", path.display());

    let started = Instant::now();
    let mut disagreements = Vec::new();
    let mut outcomes: BTreeMap<String, usize> = BTreeMap::new();
    for case in &cases {
        let verdict = verdict(case);
        *outcomes.entry(outcome_name(&verdict)).or_default() += 1;
        if verdict.is_ok() != case.python {
            disagreements.push(describe(case, &verdict));
        }
    }
    let elapsed = started.elapsed();

    let agreed = cases.len() - disagreements.len();
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    let percent = 100.0 * agreed as f64 / cases.len() as f64;
    println!("agreement: {agreed}/{} ({percent:.2}%) in {:.2}s", cases.len(), elapsed.as_secs_f64());
    let outcomes: Vec<String> = outcomes.iter().map(|(name, count)| format!("{name} {count}")).collect();
    println!("rust verdicts: {}", outcomes.join(", "));
    assert!(
        disagreements.is_empty(),
        "{} disagreements; the first {}:\n\n{}",
        disagreements.len(),
        disagreements.len().min(SHOWN),
        disagreements[..disagreements.len().min(SHOWN)].join("\n\n")
    );
}

fn verdict(case: &Case) -> Result<(), SignatureError> {
    let validator = WebhookValidator::new(case.token.as_str()).expect("the script draws no blank token");
    let validate = match case.kind.as_str() {
        "form" => WebhookValidator::validate_form,
        "json" => WebhookValidator::validate_json,
        other => panic!("case {}: unknown kind {other:?}", case.id),
    };
    validate(&validator, &case.url, case.body.as_bytes(), case.signature.as_deref(), case.settings.as_deref())
}

/// The verdict's variant, to count them.
fn outcome_name(verdict: &Result<(), SignatureError>) -> String {
    match verdict {
        Ok(()) => "valid".to_owned(),
        Err(error) => {
            let debug = format!("{error:?}");
            debug.split([' ', '(', '{']).next().unwrap_or_default().to_owned()
        }
    }
}

fn describe(case: &Case, verdict: &Result<(), SignatureError>) -> String {
    let python = match &case.python_error {
        Some(error) => format!("refused ({error})"),
        None if case.python => "valid".to_owned(),
        None => "refused".to_owned(),
    };
    format!(
        "case {} (seed {}, {}, made as: {})\n  url:       {:?}\n  body:      {:?}\n  signature: {:?}\n  \
         settings:  {:?}\n  token:     {:?}\n  python:    {python}\n  rust:      {verdict:?}",
        case.id,
        case.seed,
        case.kind,
        case.how,
        case.url,
        case.body,
        case.signature,
        case.settings,
        case.token
    )
}
