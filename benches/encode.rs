//! Encoding and decoding against hand-written and general-purpose baselines, in one run.
//!
//! `cargo bench --bench encode`. After criterion's report the bench prints each figure as a ratio
//! against its baseline, and the allocations one encode makes. See `docs/PERFORMANCE.md`.

mod support;

use std::hint::black_box;

use criterion::Throughput;
use twilio_endpoint::Page;
use twilio_endpoint::api::v2010::{CreateParticipant, Participant};

use support::{CountingAllocator, Ratios, allocations, every_parameter, minimal, paired_ratio, sdk_body};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// The floor: `quote_plus` by table, into one `Vec<u8>` sized once for the worst case (every byte
/// escaped), runs of literal bytes copied at once. What a careful hand-written encoder does. The keys
/// of one operation are known when it is written: it is given them already escaped, and copies them,
/// as the crate does with the keys its declarations name. A stricter variant is also given, for every
/// value that needs no escaping (enum values, numbers and SIDs, but also user text such as `alice`,
/// which the crate escapes), a mark to copy it; both inputs are made before timing.
mod floor {
    const LITERAL: u8 = 0;
    const SPACE: u8 = 1;
    const ESCAPE: u8 = 2;

    const CLASS: [u8; 256] = {
        let mut class = [ESCAPE; 256];
        let mut byte = 0;
        while byte < 256 {
            let b = byte as u8;
            if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-' | b'~') {
                class[byte] = LITERAL;
            }
            byte += 1;
        }
        class[b' ' as usize] = SPACE;
        class
    };

    const HEX: &[u8; 16] = b"0123456789ABCDEF";

    fn escape(out: &mut Vec<u8>, text: &str) {
        let bytes = text.as_bytes();
        let mut run = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let class = CLASS[b as usize];
            if class == LITERAL {
                continue;
            }
            out.extend_from_slice(&bytes[run..i]);
            run = i + 1;
            if class == SPACE {
                out.push(b'+');
            } else {
                out.extend_from_slice(&[b'%', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
            }
        }
        out.extend_from_slice(&bytes[run..]);
    }

    /// `pairs`: each key already escaped, each value as it is, and whether it needs no escaping.
    pub fn encode(pairs: &[(String, String, bool)]) -> Vec<u8> {
        let capacity = pairs.iter().map(|(key, value, _)| key.len() + 3 * value.len() + 2).sum();
        let mut out = Vec::with_capacity(capacity);
        for (key, value, literal) in pairs {
            if !out.is_empty() {
                out.push(b'&');
            }
            out.extend_from_slice(key.as_bytes());
            out.push(b'=');
            if *literal {
                out.extend_from_slice(value.as_bytes());
            } else {
                escape(&mut out, value);
            }
        }
        out
    }
}

fn pairs_of(body: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(body.as_bytes())
        .map(|(key, value)| (key.into_owned(), value.into_owned()))
        .collect()
}

/// The floor's input: the keys as they are sent (escaped), the values decoded, and, when `copy_literal`,
/// whether a value is sent as it is (else every value is escaped).
fn floor_pairs_of(body: &str, copy_literal: bool) -> Vec<(String, String, bool)> {
    body.split('&')
        .map(|pair| {
            let (key, sent) = pair.split_once('=').expect("every pair has a `=`");
            let (_, value) = form_urlencoded::parse(pair.as_bytes()).next().expect("one pair");
            let literal = copy_literal && sent == value;
            (key.to_owned(), value.into_owned(), literal)
        })
        .collect()
}

fn validate_and_encode(request: &CreateParticipant) -> String {
    request.validate().expect("the request is valid");
    request.to_form()
}

/// A reply with 1,000 participants: the spec's example participant, repeated, in a list page.
fn participant_page(participant: &str) -> String {
    let items = vec![participant; 1000].join(",");
    format!(
        r#"{{"participants":[{items}],"first_page_uri":"/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants.json?PageSize=1000&Page=0","next_page_uri":null,"previous_page_uri":null,"uri":"/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants.json?PageSize=1000&Page=0","page":0,"page_size":1000,"end":999,"start":0}}"#
    )
}

fn main() {
    let full = every_parameter();
    let small = minimal();
    let body = sdk_body();
    let full_pairs = pairs_of(&body);
    let floor_full_pairs = floor_pairs_of(&body, false);
    let strict_full_pairs = floor_pairs_of(&body, true);
    let floor_small_pairs = floor_pairs_of(&small.to_form(), false);
    // Every contender writes the same pairs: the crate and the floor byte for byte as the SDK does,
    // `serde_urlencoded` with its own escaping (`*` literal, `~` escaped), so not byte for byte.
    assert_eq!(full.to_form(), body);
    assert_eq!(floor::encode(&floor_full_pairs), body.as_bytes());
    assert_eq!(floor::encode(&strict_full_pairs), body.as_bytes());
    assert_eq!(floor::encode(&floor_small_pairs), small.to_form().as_bytes());
    assert_eq!(
        form_urlencoded::parse(serde_urlencoded::to_string(&full_pairs).unwrap().as_bytes()).count(),
        full_pairs.len()
    );

    let participant = include_str!("../src/mock/examples/CreateParticipant.json");
    let page = participant_page(participant);
    let decoded: Page<Participant> = serde_json::from_str(&page).expect("the page decodes");
    assert_eq!(decoded.items.len(), 1000);

    let mut c = support::criterion();

    let mut group = c.benchmark_group("encode");
    group.bench_function("crate/every_parameter", |b| b.iter(|| validate_and_encode(black_box(&full))));
    group.bench_function("floor/every_parameter", |b| b.iter(|| floor::encode(black_box(&floor_full_pairs))));
    group.bench_function("serde_urlencoded/every_parameter", |b| {
        b.iter(|| serde_urlencoded::to_string(black_box(&full_pairs)).unwrap())
    });
    group.bench_function("crate/minimal", |b| b.iter(|| validate_and_encode(black_box(&small))));
    group.bench_function("floor/minimal", |b| b.iter(|| floor::encode(black_box(&floor_small_pairs))));
    group.bench_function("crate/every_parameter_validate_only", |b| b.iter(|| black_box(&full).validate()));
    group.bench_function("crate/every_parameter_encode_only", |b| b.iter(|| black_box(&full).to_form()));
    group.finish();

    let mut group = c.benchmark_group("decode");
    group.bench_function("crate/participant", |b| {
        b.iter(|| serde_json::from_str::<Participant>(black_box(participant)).unwrap())
    });
    group.bench_function("json_value/participant", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(participant)).unwrap())
    });
    group.throughput(Throughput::Elements(1000));
    group.bench_function("crate/page_1000", |b| {
        b.iter(|| serde_json::from_str::<Page<Participant>>(black_box(&page)).unwrap())
    });
    group.bench_function("json_value/page_1000", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&page)).unwrap())
    });
    group.finish();

    c.final_summary();
    if !support::measuring() {
        return;
    }

    let crate_full = || validate_and_encode(black_box(&full));
    let floor_full = || floor::encode(black_box(&floor_full_pairs));
    let mut ratios = Ratios::default();
    ratios.time("crate every_parameter", "floor", &paired_ratio(crate_full, floor_full), Some(1.3));
    ratios.time(
        "crate every_parameter",
        "serde_urlencoded",
        &paired_ratio(crate_full, || serde_urlencoded::to_string(black_box(&full_pairs)).unwrap()),
        Some(0.5),
    );
    ratios.time(
        "crate every_parameter, encode only",
        "floor",
        &paired_ratio(|| black_box(&full).to_form(), floor_full),
        None,
    );
    ratios.time(
        "crate every_parameter, encode only",
        "floor, literal values copied",
        &paired_ratio(|| black_box(&full).to_form(), || floor::encode(black_box(&strict_full_pairs))),
        None,
    );
    ratios.time(
        "crate every_parameter, validate only",
        "floor",
        &paired_ratio(|| black_box(&full).validate(), floor_full),
        None,
    );
    ratios.time(
        "crate minimal",
        "floor minimal",
        &paired_ratio(
            || validate_and_encode(black_box(&small)),
            || floor::encode(black_box(&floor_small_pairs)),
        ),
        None,
    );
    ratios.time(
        "decode Participant",
        "serde_json::Value",
        &paired_ratio(
            || serde_json::from_str::<Participant>(black_box(participant)).unwrap(),
            || serde_json::from_str::<serde_json::Value>(black_box(participant)).unwrap(),
        ),
        None,
    );
    ratios.time(
        "decode Page<Participant>, 1,000 items",
        "serde_json::Value",
        &paired_ratio(
            || serde_json::from_str::<Page<Participant>>(black_box(&page)).unwrap(),
            || serde_json::from_str::<serde_json::Value>(black_box(&page)).unwrap(),
        ),
        None,
    );
    ratios.count(
        "allocations: validate + encode every_parameter",
        allocations(|| validate_and_encode(&full)),
        Some(2),
    );
    ratios.count("allocations: validate every_parameter", allocations(|| full.validate()), Some(0));
    ratios.count(
        "allocations: validate + encode minimal",
        allocations(|| validate_and_encode(&small)),
        Some(2),
    );
    ratios.count(
        "allocations: floor every_parameter",
        allocations(|| floor::encode(&floor_full_pairs)),
        None,
    );
    ratios.count(
        "allocations: serde_urlencoded every_parameter",
        allocations(|| serde_urlencoded::to_string(&full_pairs).unwrap()),
        None,
    );
    ratios.count(
        "allocations: decode Participant",
        allocations(|| serde_json::from_str::<Participant>(participant).unwrap()),
        None,
    );
    ratios.count(
        "allocations: decode Page<Participant>",
        allocations(|| serde_json::from_str::<Page<Participant>>(&page).unwrap()),
        None,
    );
    ratios.print(&format!(
        "paired ratios, subject x baseline (body {} bytes, {} pairs)",
        body.len(),
        full_pairs.len()
    ));
}
