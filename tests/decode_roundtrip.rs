//! Every request of `tests/fixtures/sdk_wire.json`, as Twilio's official Python SDK sent it, decoded
//! with `DecodeRequest` into the catalog's type for its operation and encoded again: the same method,
//! path and body or query, byte for byte, except where this crate writes the same request otherwise on
//! purpose (the deviations `tests/sdk_wire.rs` documents in its `expected`), each asserted exactly.
//!
//! The fixture covers the operations that take parameters; the path of each update scenario is also
//! decoded as the fetch and the delete of the same resource, so that every endpoint of the catalog
//! decodes at least one path the SDK sent, which `every_catalog_endpoint_is_covered` checks against the
//! catalog's sources.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use twilio_endpoint::api::v2010::*;
use twilio_endpoint::values::AccountSid;
use twilio_endpoint::{DecodeRequest, Endpoint, FormDecodeError, PathWriter};
#[path = "support/every_parameter.rs"]
mod every_parameter;
#[path = "support/message_every_parameter.rs"]
mod message_every_parameter;

/// One request as it went over the wire (the fixture's shape).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
struct Wire {
    method: String,
    /// The escaped path, then `?` and the query string when there is one.
    path: String,
    body: String,
}

fn fixture() -> BTreeMap<String, Wire> {
    serde_json::from_str(include_str!("fixtures/sdk_wire.json")).expect("the fixture is JSON")
}

/// An account no scenario names: the decoded request's own account must fill the path, not this one.
const CLIENT_ACCOUNT: AccountSid = AccountSid::from_static("ACffffffffffffffffffffffffffffffff");

/// Decodes `wire` as an `E` and encodes it again, as `E`'s method sends it.
fn roundtrip<E: Endpoint + DecodeRequest>(wire: &Wire) -> Result<(E, Wire), FormDecodeError> {
    let (path, query) = wire.path.split_once('?').unwrap_or((&wire.path, ""));
    let form = if E::METHOD.as_str() == "POST" { &wire.body } else { query };
    let request = E::decode_request(path, form.as_bytes())?;
    let mut out = PathWriter::default();
    request.write_path(&CLIENT_ACCOUNT, &mut out);
    let (path, form) = (out.finish(), request.to_form());
    let wire = match E::METHOD.as_str() {
        "POST" => Wire { method: "POST".into(), path, body: form },
        method if form.is_empty() => Wire { method: method.into(), path, body: String::new() },
        method => Wire { method: method.into(), path: format!("{path}?{form}"), body: String::new() },
    };
    Ok((request, wire))
}

/// A decoder of the table: the endpoint's name and its `roundtrip`.
type Codec = (&'static str, fn(&Wire) -> Result<Wire, FormDecodeError>);

macro_rules! codecs {
    ($($endpoint:ident),+) => {
        &[$((stringify!($endpoint), |wire: &Wire| roundtrip::<$endpoint>(wire).map(|(_, wire)| wire))),+]
    };
}

/// The scenarios' operations, by the prefix of their names: the endpoint whose request each scenario
/// is, then those that share its path (fetch and delete, decoded from the path alone). The longer of
/// two prefixes comes first (`update_conference_recording` before `update_conference`).
const TABLE: &[(&str, &[Codec])] = &[
    ("create_participant_", codecs!(CreateParticipant)),
    ("update_participant_", codecs!(UpdateParticipant, FetchParticipant, DeleteParticipant)),
    ("list_participants_", codecs!(ListParticipants)),
    (
        "update_conference_recording_",
        codecs!(UpdateConferenceRecording, FetchConferenceRecording, DeleteConferenceRecording),
    ),
    ("update_conference_", codecs!(UpdateConference, FetchConference)),
    ("list_conferences_", codecs!(ListConferences)),
    ("list_conference_recordings_", codecs!(ListConferenceRecordings)),
    ("create_call_", codecs!(CreateCall)),
    ("update_call_", codecs!(UpdateCall, FetchCall, DeleteCall)),
    ("list_calls_", codecs!(ListCalls)),
    ("create_message_", codecs!(CreateMessage)),
    ("update_message_", codecs!(UpdateMessage, FetchMessage, DeleteMessage)),
    ("list_messages_", codecs!(ListMessages)),
];

fn codecs(scenario: &str) -> &'static [Codec] {
    TABLE
        .iter()
        .find(|(prefix, _)| scenario.starts_with(prefix))
        .map(|(_, codecs)| *codecs)
        .unwrap_or_else(|| panic!("{scenario}: no endpoint in the table; add its prefix"))
}

/// What re-encoding the SDK's request gives: the SDK's bytes, except the deviations of
/// `tests/sdk_wire.rs`'s `expected` that survive a decoding. Two of them do not: the SDK writes a
/// date-time's wall-clock time with a `Z`, and those bytes name an instant in UTC that decodes and
/// encodes to themselves (`dates_are_read_as_the_instant_sent` pins what is read).
fn expected(scenario: &str, sdk: &Wire) -> Wire {
    let mut wire = sdk.clone();
    match scenario {
        // `Twiml` is in the `CallRedirect` group, written first, where `Url` is; the SDK sends it after
        // `StatusCallbackMethod`. Decoding reads it wherever it is.
        "update_call_twiml_with_other_parameters" => {
            let mut pairs: Vec<&str> = sdk.body.split('&').collect();
            let at = pairs.iter().position(|pair| pair.starts_with("Twiml=")).expect("the SDK sends Twiml");
            let twiml = pairs.remove(at);
            pairs.insert(0, twiml);
            wire.body = pairs.join("&");
        }
        // `requests` leaves `+` and `&` literal in a path segment, this crate escapes them; both are the
        // label `Ada+Bob & Co` (a `+` in a path is a plus).
        "update_participant_label_with_reserved_characters" => {
            let (sdk, ours) = ("/Ada+Bob%20&%20Co.json", "/Ada%2BBob%20%26%20Co.json");
            assert!(wire.path.contains(sdk), "the fixture no longer has {sdk}");
            wire.path = wire.path.replace(sdk, ours);
        }
        _ => {}
    }
    wire
}

#[test]
fn every_scenario_decodes_and_encodes_to_what_the_sdk_sent() {
    let (mut decoded, mut refused) = (0, 0);
    let mut differences = Vec::new();
    for (scenario, sdk) in fixture() {
        let want = expected(&scenario, &sdk);
        for (index, (endpoint, roundtrip)) in codecs(&scenario).iter().enumerate() {
            // The first endpoint is the scenario's own; the others send its path (an update's, without a
            // query) with their own method and nothing else.
            let (input, want) = if index == 0 {
                (sdk.clone(), want.clone())
            } else {
                let method = if endpoint.starts_with("Fetch") { "GET" } else { "DELETE" };
                let only_path =
                    |path: &str| Wire { method: method.into(), path: path.into(), body: String::new() };
                (only_path(&sdk.path), only_path(&want.path))
            };
            // `Twilio.CURRENT` names the recording in progress for an update only; a fetch or a delete
            // takes a recording SID, and says so.
            if index > 0 && input.path.contains("Twilio.CURRENT") {
                let error = roundtrip(&input).unwrap_err();
                assert_eq!(error.key(), "{Sid}", "{scenario} as {endpoint}");
                refused += 1;
                continue;
            }
            match roundtrip(&input) {
                Ok(ours) if ours == want => decoded += 1,
                Ok(ours) => {
                    differences.push(format!("{scenario} as {endpoint}:\n  ours {ours:?}\n  want {want:?}"))
                }
                Err(error) => differences.push(format!("{scenario} as {endpoint}: {error}")),
            }
        }
    }
    assert!(differences.is_empty(), "{} differences:\n{}", differences.len(), differences.join("\n"));
    // The 38 scenarios, and the paths of the updates as fetches and deletes: 4 of participants, 4 of
    // calls and 2 of messages (each a fetch and a delete), 2 of conferences (a fetch), and the 2 of
    // recordings named by SID (a fetch and a delete); the 2 named `Twilio.CURRENT` are refused twice.
    assert_eq!(decoded, 38 + 2 * (4 + 4 + 2) + 2 + 2 * 2, "requests decoded and encoded again");
    assert_eq!(refused, 2 * 2, "recording paths refused by a fetch or a delete");
}

/// The requests built by hand in `tests/support/` are what the SDK's bytes for the same scenario decode
/// into, field for field.
#[test]
fn decoding_the_sdk_gives_the_request_built_by_hand() {
    let sdk = fixture();
    let (participant, _) =
        roundtrip::<CreateParticipant>(&sdk["create_participant_every_parameter"]).unwrap();
    let account = AccountSid::from_static("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    assert_eq!(participant, every_parameter::every_parameter().account_sid(account));
    let (message, _) = roundtrip::<CreateMessage>(&sdk["create_message_every_parameter"]).unwrap();
    assert_eq!(message, message_every_parameter::message_every_parameter().account_sid(account));
}

/// The SDK's date-times with an offset went out as wall-clock time with `Z` (the deviation of
/// `tests/sdk_wire.rs`); decoding reads the instant the bytes name, in UTC, not the one the SDK was
/// given.
#[test]
fn dates_are_read_as_the_instant_sent() {
    use twilio_endpoint::time::{TimeZone as _, Utc};
    let sdk = fixture();
    let (calls, _) = roundtrip::<ListCalls>(&sdk["list_calls_times_with_offset"]).unwrap();
    assert_eq!(calls.start_time_before, Some(Utc.with_ymd_and_hms(2024, 3, 9, 9, 5, 3).unwrap()));
    assert_eq!(calls.start_time_after, Some(Utc.with_ymd_and_hms(2024, 3, 8, 23, 30, 0).unwrap()));
    let (message, _) = roundtrip::<CreateMessage>(&sdk["create_message_scheduled_with_offset"]).unwrap();
    let send_at = Utc.with_ymd_and_hms(2024, 3, 9, 12, 35, 0).unwrap();
    assert_eq!(message.schedule, Some(MessageSchedule::Fixed { send_at }));
}

/// Every endpoint declared in `src/api/v2010/` decodes at least one scenario.
#[test]
fn every_catalog_endpoint_is_covered() {
    let sources = [
        include_str!("../src/api/v2010/call.rs"),
        include_str!("../src/api/v2010/conference.rs"),
        include_str!("../src/api/v2010/message.rs"),
        include_str!("../src/api/v2010/participant.rs"),
        include_str!("../src/api/v2010/recording.rs"),
    ];
    let mut declared = BTreeSet::new();
    for source in sources {
        let mut after_attribute = false;
        for line in source.lines() {
            if line.starts_with("#[twilio_endpoint(") {
                after_attribute = true;
            } else if let Some(rest) = line.strip_prefix("pub struct ").filter(|_| after_attribute) {
                declared.insert(rest.split([' ', '{']).next().unwrap().to_owned());
                after_attribute = false;
            }
        }
    }
    let scenarios = fixture();
    let covered: BTreeSet<String> = TABLE
        .iter()
        .filter(|(prefix, _)| scenarios.keys().any(|scenario| scenario.starts_with(prefix)))
        .flat_map(|(_, codecs)| codecs.iter().map(|(endpoint, _)| (*endpoint).to_owned()))
        .collect();
    assert_eq!(declared.len(), 22, "{declared:?}");
    let missing: Vec<_> = declared.difference(&covered).collect();
    assert!(missing.is_empty(), "endpoints no scenario decodes: {missing:?}");
}
