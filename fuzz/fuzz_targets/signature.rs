//! Webhook signature checks on any input: no panic, and a signature is accepted only when it is one of
//! the two the validator computes for the request (its URL with the port taken off and with the default
//! port put on). The signature is the fuzzer's own text, one of the computed ones, or one of them with a
//! character changed; each is checked as a form request or a JSON one. What `sign_form` and `sign_json`
//! make from the same input is checked too.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use twilio_endpoint::{SignatureAlgorithm, SignatureError, WebhookValidator};

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

#[derive(Arbitrary, Debug)]
struct Input {
    token: String,
    url: String,
    body: Vec<u8>,
    json: bool,
    settings: Option<String>,
    signature: Signature,
}

#[derive(Arbitrary, Debug)]
enum Signature {
    Missing,
    Text(String),
    Computed { with_port: bool },
    Changed { with_port: bool, at: u8, to: u8 },
}

fuzz_target!(|input: Input| {
    let Ok(validator) = WebhookValidator::new(input.token.as_str()) else {
        assert!(input.token.trim().is_empty(), "token {:?} refused", input.token);
        return;
    };
    let settings = input.settings.as_deref();
    let expected = validator.__expected_signatures(&input.url, &input.body, input.json, settings);
    let computed = |with_port: bool| expected.as_ref().map(|both| both[usize::from(with_port)].clone());
    let signature = match input.signature {
        Signature::Missing => None,
        Signature::Text(text) => Some(text),
        Signature::Computed { with_port } => computed(with_port),
        Signature::Changed { with_port, at, to } => computed(with_port).map(|signature| {
            let mut bytes = signature.into_bytes();
            let at = usize::from(at) % bytes.len();
            bytes[at] = BASE64[usize::from(to) % BASE64.len()];
            String::from_utf8(bytes).expect("base64 is ASCII")
        }),
    };
    check(&validator, &input.url, &input.body, input.json, signature.as_deref(), settings, expected.as_ref());

    for algorithm in [SignatureAlgorithm::HmacSha1, SignatureAlgorithm::HmacSha256] {
        let settings = (algorithm == SignatureAlgorithm::HmacSha256).then_some("algorithm=HMAC_SHA256");
        let signature = validator.sign_form(algorithm, &input.url, &input.body);
        let expected = validator.__expected_signatures(&input.url, &input.body, false, settings);
        check(&validator, &input.url, &input.body, false, Some(&signature), settings, expected.as_ref());
        if let Ok(signed) = validator.sign_json(algorithm, &input.url, &input.body) {
            let expected = validator.__expected_signatures(&signed.url, &input.body, true, settings);
            check(
                &validator,
                &signed.url,
                &input.body,
                true,
                Some(&signed.signature),
                settings,
                expected.as_ref(),
            );
            // The hash `sign_json` added is the body's, and the first in the query.
            let result = validator.validate_json(&signed.url, &input.body, Some(&signed.signature), settings);
            assert!(
                !matches!(result, Err(SignatureError::BodyHashMismatch | SignatureError::MissingBodyHash)),
                "{signed:?}: {result:?}"
            );
        }
    }
});

/// Validates the request and checks the verdict against the signatures it should be compared with.
fn check(
    validator: &WebhookValidator,
    url: &str,
    body: &[u8],
    json: bool,
    signature: Option<&str>,
    settings: Option<&str>,
    expected: Option<&[String; 2]>,
) {
    let validate = if json { WebhookValidator::validate_json } else { WebhookValidator::validate_form };
    let result = validate(validator, url, body, signature, settings);
    if let Err(error) = &result {
        assert!(!error.to_string().is_empty());
    }
    let computed =
        matches!((expected, signature), (Some(both), Some(signature)) if both.iter().any(|s| s == signature));
    match &result {
        Ok(()) => assert!(computed, "accepted a signature that is not a computed one: {signature:?}"),
        // Told only once the signature matched.
        Err(SignatureError::BodyHashMismatch) => assert!(json && computed, "{result:?}"),
        Err(SignatureError::MissingBodyHash) => assert!(json && !body.is_empty(), "{result:?}"),
        Err(error) => assert!(!computed, "refused a computed signature: {error:?}"),
    }
}
