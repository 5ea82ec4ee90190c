//! Bad inputs across the catalog, table-driven: each is rejected with an error naming the parameter,
//! and no request reaches the server.
//!
//! Two kinds of rows: requests that `send` refuses with [`Error::Validation`] (ranges, lengths, rules
//! between fields, path parameters that are not one segment, combinations), checked against a live
//! wiremock server that must receive nothing; and text that never becomes a request because parsing
//! it into the parameter's type fails (SIDs, addresses, URLs, enums, digits), whose error says what the
//! parameter expects. The test prints `bad inputs rejected: N/N`.

use std::future::Future;
use std::pin::Pin;

use twilio_endpoint::api::v2010::*;
use twilio_endpoint::values::{
    AccountSid, Address, CallSid, CallbackMethod, ConferenceRef, ConferenceSid, MessageSid,
    MessagingServiceSid, RecordingSid, Url,
};
use twilio_endpoint::{Client, Endpoint, Error};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

const CONFERENCE: ConferenceSid = ConferenceSid::from_static("CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const APP: &str = "app:APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const SERVICE: MessagingServiceSid = MessagingServiceSid::from_static("MGcccccccccccccccccccccccccccccccc");

fn address(text: &str) -> Address {
    text.parse().unwrap()
}

fn to(text: &str) -> MessageAddress {
    text.parse().unwrap()
}

fn url(text: &str) -> Url {
    text.parse().unwrap()
}

fn label(text: &str) -> ParticipantRef {
    text.parse().unwrap()
}

fn room(text: &str) -> ConferenceRef {
    text.parse().unwrap()
}

fn create_call() -> CreateCall {
    CreateCall::new(address("+15558675310"), address("+15017122661"), url("https://example.com/twiml"))
}

fn create_participant() -> CreateParticipant {
    CreateParticipant::new(CONFERENCE, address("+15017122661"), address("+15558675310"))
}

fn create_message() -> CreateMessage {
    CreateMessage::new(to("+15558675310"), SERVICE, "Hello")
}

type Send<'a> = Pin<Box<dyn Future<Output = Result<(), Error>> + 'a>>;

/// A request sent through the client, its reply dropped: only the error matters here.
fn sent<'a, E: Endpoint + 'a>(client: &'a Client, request: E) -> Send<'a> {
    Box::pin(async move { client.send(&request).await.map(drop) })
}

/// One validation row: a label, the keys the error must name, and the request.
macro_rules! rows {
    ($client:expr; $($label:literal => [$($key:literal),+] $request:expr;)*) => {
        vec![$(($label, vec![$($key),+], sent($client, $request))),*]
    };
}

#[tokio::test]
async fn every_bad_input_is_rejected_naming_its_parameter_and_nothing_is_sent() {
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(ResponseTemplate::new(200).set_body_string("{}")).mount(&server).await;
    let client = Client::builder()
        .account_sid("AC0123456789abcdef0123456789abcdef".parse::<AccountSid>().unwrap())
        .auth_token("token")
        .base_url(server.uri())
        .build()
        .unwrap();
    let c = &client;
    let call_sid = CallSid::from_static("CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");

    let validation: Vec<(&str, Vec<&str>, Send<'_>)> = rows![c;
        // Create Call: every range, both sides.
        "call timeout above 600" => ["Timeout"] create_call().timeout(601);
        "call AMD timeout below 3" => ["MachineDetectionTimeout"] create_call().machine_detection_timeout(2);
        "call AMD timeout above 59" => ["MachineDetectionTimeout"] create_call().machine_detection_timeout(60);
        "call speech threshold below 1000" => ["MachineDetectionSpeechThreshold"]
            create_call().machine_detection_speech_threshold(999);
        "call speech threshold above 6000" => ["MachineDetectionSpeechThreshold"]
            create_call().machine_detection_speech_threshold(6001);
        "call speech end below 500" => ["MachineDetectionSpeechEndThreshold"]
            create_call().machine_detection_speech_end_threshold(499);
        "call speech end above 5000" => ["MachineDetectionSpeechEndThreshold"]
            create_call().machine_detection_speech_end_threshold(5001);
        "call silence below 2000" => ["MachineDetectionSilenceTimeout"]
            create_call().machine_detection_silence_timeout(1999);
        "call silence above 10000" => ["MachineDetectionSilenceTimeout"]
            create_call().machine_detection_silence_timeout(10001);
        "call timeout u32::MAX" => ["Timeout"] create_call().timeout(u32::MAX);
        "call TwiML of 4001 characters" => ["Twiml"]
            CreateCall::new(address("+15558675310"), address("+15017122661"), CallInstructions::Twiml("x".repeat(4001)));
        "call from a client to a phone number" => ["From"]
            CreateCall::new(address("+15558675310"), address("client:alice"), url("https://example.com/twiml"));
        "call with two ranges broken" => ["Timeout", "MachineDetectionTimeout"]
            create_call().timeout(601).machine_detection_timeout(99);
        "call to a bare SIP user name" => ["To"]
            CreateCall::new(address("alice"), address("client:bob"), url("https://example.com/twiml"));
        "call from a TwiML App" => ["From"]
            CreateCall::new(address("client:bob"), address(APP), url("https://example.com/twiml"));
        "call from a SIP user name to a client" => ["From"]
            CreateCall::new(address("client:bob"), address("alice"), url("https://example.com/twiml"));
        "call from USER@HOST" => ["From"]
            CreateCall::new(address("sip:bob@example.com"), address("alice@example.com"), url("https://example.com/twiml"));
        "call caller ID a TwiML App" => ["CallerId"] create_call().caller_id(address(APP));
        "call with a range and a rule broken" => ["From", "Timeout"]
            CreateCall::new(address("+15558675310"), address("alice"), url("https://example.com/twiml")).timeout(700);
        // List Calls.
        "list calls page size 0" => ["PageSize"] ListCalls::new().page_size(0);
        "list calls page size 1001" => ["PageSize"] ListCalls::new().page_size(1001);
        "list calls unknown status" => ["Status"] ListCalls::new().status("bogus".parse::<CallStatus>().unwrap());
        "list calls status with a space" => ["Status"]
            ListCalls::new().status("in progress".parse::<CallStatus>().unwrap());
        // Create Participant.
        "participant timeout below 5" => ["Timeout"] create_participant().timeout(4);
        "participant timeout above 600" => ["Timeout"] create_participant().timeout(601);
        "participant max below 2" => ["MaxParticipants"] create_participant().max_participants(1);
        "participant max above 250" => ["MaxParticipants"] create_participant().max_participants(251);
        "participant AMD timeout below 3" => ["MachineDetectionTimeout"] create_participant().machine_detection_timeout(2);
        "participant speech threshold above 6000" => ["MachineDetectionSpeechThreshold"]
            create_participant().machine_detection_speech_threshold(6001);
        "participant speech end below 500" => ["MachineDetectionSpeechEndThreshold"]
            create_participant().machine_detection_speech_end_threshold(499);
        "participant silence above 10000" => ["MachineDetectionSilenceTimeout"]
            create_participant().machine_detection_silence_timeout(10001);
        "participant display name of 1 character" => ["CallerDisplayName"] create_participant().caller_display_name("a");
        "participant display name of 256 characters" => ["CallerDisplayName"]
            create_participant().caller_display_name("a".repeat(256));
        "participant to a bare SIP user name" => ["To"]
            CreateParticipant::new(CONFERENCE, address("client:alice"), address("bob"));
        "participant from a SIP user name to a client" => ["From"]
            CreateParticipant::new(CONFERENCE, address("alice"), address("client:bob"));
        "participant caller ID a SIP user name to a phone number" => ["CallerId"]
            create_participant().caller_id(address("alice"));
        "participant from a client to a phone number" => ["From"]
            CreateParticipant::new(CONFERENCE, address("client:alice"), address("+15558675310"));
        // Path injection through friendly names and labels, which are free text.
        "conference name ../Messages" => ["ConferenceSid"]
            CreateParticipant::new(room("../Messages"), address("+15017122661"), address("+15558675310"));
        "conference name .." => ["ConferenceSid"]
            CreateParticipant::new(room(".."), address("+15017122661"), address("+15558675310"));
        "conference name ." => ["ConferenceSid"]
            CreateParticipant::new(room("."), address("+15017122661"), address("+15558675310"));
        "conference name and a range" => ["ConferenceSid", "Timeout"]
            CreateParticipant::new(room("a/b"), address("+15017122661"), address("+15558675310")).timeout(1);
        "fetch participant label ../../Calls" => ["CallSid"] FetchParticipant::new(CONFERENCE, label("../../Calls"));
        "fetch participant label .." => ["CallSid"] FetchParticipant::new(CONFERENCE, label(".."));
        "update participant label a/b" => ["CallSid"] UpdateParticipant::new(CONFERENCE, label("a/b")).muted(true);
        "delete participant label ." => ["CallSid"] DeleteParticipant::new(CONFERENCE, label("."));
        "delete participant label /" => ["CallSid"] DeleteParticipant::new(CONFERENCE, label("/"));
        "list participants page size 0" => ["PageSize"] ListParticipants::new(CONFERENCE).page_size(0);
        "list participants page size 1001" => ["PageSize"] ListParticipants::new(CONFERENCE).page_size(1001);
        // Create Message.
        "message empty body" => ["Body"] CreateMessage::new(to("+15558675310"), SERVICE, "");
        "message body of 1601 characters" => ["Body"] CreateMessage::new(to("+15558675310"), SERVICE, "x".repeat(1601));
        "message without media" => ["MediaUrl"]
            CreateMessage::new(to("+15558675310"), SERVICE, MessageContent::Media(Vec::new()));
        "message with 11 media" => ["MediaUrl"]
            CreateMessage::new(to("+15558675310"), SERVICE, MessageContent::Media(vec![url("https://example.com/a.png"); 11]));
        "message validity period 0" => ["ValidityPeriod"] create_message().validity_period(0);
        "message validity period 36001" => ["ValidityPeriod"] create_message().validity_period(36001);
        "message to an alphanumeric sender ID" => ["To"] CreateMessage::new(to("Acme"), SERVICE, "Hi");
        "message callback host with _" => ["StatusCallback"]
            create_message().status_callback(url("https://my_host.example.com/cb"));
        "message max price not a number" => ["MaxPrice"] create_message().max_price("cheap");
        "message short URLs without a service" => ["MessagingServiceSid"]
            CreateMessage::new(to("+15558675310"), to("+15017122661"), "Hi").shorten_urls(true);
        "message with three rules broken" => ["To", "ValidityPeriod", "MaxPrice"]
            CreateMessage::new(to("Acme"), SERVICE, "Hi").validity_period(0).max_price("1,5");
        // Lists of messages, conferences and recordings.
        "list messages page size 0" => ["PageSize"] ListMessages::new().page_size(0);
        "list messages page size 1001" => ["PageSize"] ListMessages::new().page_size(1001);
        "list conferences page size 0" => ["PageSize"] ListConferences::new().page_size(0);
        "list conferences page size 1001" => ["PageSize"] ListConferences::new().page_size(1001);
        "list recordings page size 0" => ["PageSize"] ListConferenceRecordings::new(CONFERENCE).page_size(0);
        "list recordings page size 1001" => ["PageSize"] ListConferenceRecordings::new(CONFERENCE).page_size(1001);
    ];

    let mut rejected = 0;
    let mut failures = Vec::new();
    let total_validation = validation.len();
    for (label, keys, send) in validation {
        match send.await {
            Err(Error::Validation(errors)) => {
                let named: Vec<&str> = errors.violations().iter().map(|violation| violation.key()).collect();
                let message = Error::Validation(errors.clone()).to_string();
                if keys.iter().all(|key| named.contains(key) && message.contains(&format!("{key}: must")))
                    && named.len() == keys.len()
                {
                    rejected += 1;
                } else {
                    failures.push(format!("{label}: named {named:?}, expected {keys:?}: {message}"));
                }
            }
            other => failures.push(format!("{label}: expected a validation error, got {other:?}")),
        }
    }

    // Text that cannot become the parameter: the error says what the parameter expects.
    let parses: Vec<(&str, &str, Result<(), String>)> = vec![
        ("call SID ../Messages", "call SID", parse::<CallSid>("../Messages")),
        ("call SID too short", "call SID", parse::<CallSid>("CA123")),
        ("call SID with another prefix", "call SID", parse::<CallSid>("SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")),
        ("call SID not hex", "call SID", parse::<CallSid>("CAzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")),
        ("call SID with CR LF", "call SID", parse::<CallSid>("CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\r\n")),
        ("message SID %2e%2e", "message SID", parse::<MessageSid>("%2e%2e")),
        ("conference SID with /", "conference SID", parse::<ConferenceSid>("CF/../../Calls")),
        ("recording SID empty", "recording SID", parse::<RecordingSid>("")),
        ("account SID with ?", "account SID", parse::<AccountSid>("AC0123456789abcdef0123456789abcde?")),
        ("conference name empty", "conference SID or friendly name", parse::<ConferenceRef>("")),
        (
            "conference name with LF",
            "conference SID or friendly name",
            parse::<ConferenceRef>("Room\nX-Evil: 1"),
        ),
        ("participant label with NUL", "participant label", parse::<ParticipantRef>("agent\0")),
        ("address empty", "", parse::<Address>("")),
        ("address 555-867-5309", "E.164", parse::<Address>("555-867-5309")),
        ("address (415) 555 0100", "E.164", parse::<Address>("(415) 555 0100")),
        ("address +1 415 555 0100", "`+14155550100`", parse::<Address>("+1 415 555 0100")),
        ("address 1-800-FLOWERS", "keypad digits", parse::<Address>("1-800-FLOWERS")),
        (
            "message address with a bad channel",
            "channel address",
            parse::<MessageAddress>("WhatsApp:+15558675310"),
        ),
        ("URL with ftp scheme", "", parse::<Url>("ftp://example.com/x")),
        ("URL not a URL", "", parse::<Url>("not a url")),
        ("HTTP method PATCH", "", parse::<CallbackMethod>("PATCH")),
        ("send digits with letters", "`0`-`9`", parse::<SendDigits>("123x")),
        ("send digits too long", "`0`-`9`", parse::<SendDigits>(&"1".repeat(33))),
    ];
    let total_parse = parses.len();
    for (label, expected, result) in parses {
        match result {
            Err(message) if message.contains(expected) && message.starts_with("expected ") => rejected += 1,
            Err(message) => failures.push(format!("{label}: the error does not say `{expected}`: {message}")),
            Ok(()) => failures.push(format!("{label}: accepted")),
        }
    }

    let sent = server.received_requests().await.unwrap().len();
    let total = total_validation + total_parse;
    println!(
        "bad inputs rejected: {rejected}/{total} ({total_validation} refused by validation, {total_parse} by parsing); requests sent: {sent}"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(total >= 50);
    assert_eq!(sent, 0, "an invalid request reached the server");

    // The same client sends a valid request, so the zero above is not an unreachable server's.
    let _ = client.send(&FetchCall::new(call_sid)).await;
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

/// `Err` with the parse error's text when `text` is not a `T`.
fn parse<T: std::str::FromStr>(text: &str) -> Result<(), String>
where
    T::Err: std::fmt::Display,
{
    text.parse::<T>().map(drop).map_err(|error| error.to_string())
}
