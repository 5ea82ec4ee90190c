//! Receiving a webhook: checking the signature of a conference status callback and decoding it, against
//! what a careful engineer would write by hand for the same request, in one run.
//!
//! `cargo bench --bench webhook`. After criterion's report the bench prints the ratio. See
//! `docs/PERFORMANCE.md`.

mod support;

use std::borrow::Cow;
use std::hint::black_box;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, KeyInit as _, Mac as _};
use subtle::ConstantTimeEq as _;
use twilio_endpoint::api::v2010::webhooks::ConferenceStatusCallback;
use twilio_endpoint::{SignatureAlgorithm, Webhook as _, WebhookValidator};

use support::{Ratios, paired_ratio};

const TOKEN: &str = "0123456789abcdef0123456789abcdef";
const URL: &str = "https://hooks.example.com/twilio/conference-events?tenant=7";
/// A participant joining, with every parameter Twilio sends for it.
const BODY: &str = "ConferenceSid=CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&FriendlyName=Weekly+standup\
    &AccountSid=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&SequenceNumber=4\
    &Timestamp=Tue%2C+01+Dec+2026+16%3A00%3A01+%2B0000&StatusCallbackEvent=participant-join\
    &CallSid=CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&Muted=false&Hold=false&Coaching=false\
    &EndConferenceOnExit=false&StartConferenceOnEnter=true&ParticipantLabel=alice";

/// The floor: the pairs parsed into a `Vec` (the decoding, untyped), sorted and deduplicated as
/// Twilio's validators read them, one HMAC-SHA1 over the URL as received and the pairs, base64, and a
/// constant-time comparison. It checks one form of the URL, where the crate checks two (with and
/// without the port, as the official validators do).
fn floor<'a>(body: &'a [u8], signature: &str) -> Option<Vec<(Cow<'a, str>, Cow<'a, str>)>> {
    let mut pairs: Vec<_> = form_urlencoded::parse(body).collect();
    let mut signed = pairs.clone();
    signed.sort_unstable();
    signed.dedup();
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(TOKEN.as_bytes()).ok()?;
    mac.update(URL.as_bytes());
    for (key, value) in &signed {
        mac.update(key.as_bytes());
        mac.update(value.as_bytes());
    }
    let expected = BASE64.encode(mac.finalize().into_bytes());
    if bool::from(expected.as_bytes().ct_eq(signature.as_bytes())) {
        pairs.shrink_to_fit();
        Some(pairs)
    } else {
        None
    }
}

fn main() {
    let validator = WebhookValidator::new(TOKEN).unwrap();
    let signature = validator.sign_form(SignatureAlgorithm::HmacSha1, URL, BODY.as_bytes());
    let receive = || {
        validator.validate_form(URL, BODY.as_bytes(), Some(&signature), None).unwrap();
        ConferenceStatusCallback::from_form(BODY.as_bytes()).unwrap()
    };
    assert_eq!(receive().sequence_number, 4);
    assert_eq!(floor(BODY.as_bytes(), &signature).map(|pairs| pairs.len()), Some(13));

    let mut c = support::criterion();
    let mut group = c.benchmark_group("webhook");
    group.bench_function("crate/conference_callback", |b| b.iter(|| black_box(receive())));
    group.bench_function("floor/conference_callback", |b| {
        b.iter(|| floor(black_box(BODY.as_bytes()), black_box(&signature)))
    });
    group.bench_function("crate/signature_only", |b| {
        b.iter(|| validator.validate_form(black_box(URL), black_box(BODY.as_bytes()), Some(&signature), None))
    });
    group.bench_function("crate/decode_only", |b| {
        b.iter(|| ConferenceStatusCallback::from_form(black_box(BODY.as_bytes())))
    });
    group.finish();
    c.final_summary();
    if !support::measuring() {
        return;
    }

    let mut ratios = Ratios::default();
    ratios.time(
        "crate: check + typed decode",
        "floor: one HMAC + Vec of pairs",
        &paired_ratio(receive, || floor(black_box(BODY.as_bytes()), black_box(&signature))),
        None,
    );
    ratios.time(
        "crate: signature check only",
        "floor",
        &paired_ratio(
            || validator.validate_form(black_box(URL), black_box(BODY.as_bytes()), Some(&signature), None),
            || floor(black_box(BODY.as_bytes()), black_box(&signature)),
        ),
        None,
    );
    ratios.time(
        "crate: typed decode only",
        "floor",
        &paired_ratio(
            || ConferenceStatusCallback::from_form(black_box(BODY.as_bytes())),
            || floor(black_box(BODY.as_bytes()), black_box(&signature)),
        ),
        None,
    );
    ratios.print("webhook: ratios against the floor, measured in one run, interleaved");
}
