//! The mock Twilio refuses what Twilio would refuse, for requests sent past the crate's `validate()`
//! with a plain HTTP client: a `400` in Twilio's JSON shape whose message names the parameter and the
//! rule, with the code Twilio documents for it; unknown keys refused unless the mock is lax; unknown
//! paths and methods as Twilio answers them. Every refusal is in `refused()`, and none is recorded as a
//! request of its endpoint.

#[path = "support/plain_http.rs"]
mod plain_http;

use plain_http::{account_path, send};
use twilio_endpoint::api::v2010::{CreateCall, CreateMessage, CreateParticipant, MessageAddress};
use twilio_endpoint::mock::MockTwilio;

const CALL: &str = "To=%2B15558675310&From=%2B15017122661&Url=https%3A%2F%2Fexample.com%2Ftwiml";
const MESSAGE: &str = "To=%2B15558675310&From=%2B15017122661";

/// Sends `body` to `path` and asserts a `400` with `code` and `message`, in Twilio's shape.
async fn assert_refused(twilio: &MockTwilio, method: &str, path: &str, body: &str, code: u64, message: &str) {
    let answer = send(twilio, method, path, body).await;
    assert_eq!((answer.status, answer.code()), (400, Some(code)), "{method} {path} {body}: {answer:?}");
    assert_eq!(answer.message(), message, "{method} {path} {body}");
    assert_eq!(answer.json["status"], 400);
    assert_eq!(answer.json["more_info"], format!("https://www.twilio.com/docs/errors/{code}"));
    assert!(
        answer.request_id.as_deref().is_some_and(|id| id.starts_with("RQ") && id.len() == 34),
        "{answer:?}"
    );
}

#[tokio::test]
async fn a_call_breaking_a_rule_is_refused_naming_the_parameter_with_twilio_s_code() {
    let twilio = MockTwilio::start().await;
    let calls = account_path("/Calls.json");
    // docs/api/errors/21208: Timeout.
    let body = format!("{CALL}&Timeout=601");
    assert_refused(&twilio, "POST", &calls, &body, 21208, "Timeout: must be between 0 and 600, got 601")
        .await;
    // docs/api/errors/21201: no To.
    let body = "From=%2B15017122661&Url=https%3A%2F%2Fexample.com%2Ftwiml";
    assert_refused(&twilio, "POST", &calls, body, 21201, "`To`: required, but absent").await;
    // docs/api/errors/21213: no From.
    let body = "To=%2B15558675310&Url=https%3A%2F%2Fexample.com%2Ftwiml";
    assert_refused(&twilio, "POST", &calls, body, 21213, "`From`: required, but absent").await;
    // docs/api/errors/21205: a Url that is no URL.
    let body = "To=%2B15558675310&From=%2B15017122661&Url=ftp%3A%2F%2Fexample.com";
    let answer = send(&twilio, "POST", &calls, body).await;
    assert_eq!((answer.status, answer.code()), (400, Some(21205)), "{answer:?}");
    assert!(answer.message().starts_with("`Url`: "), "{answer:?}");
    // docs/api/errors/21211: a To that cannot be called.
    let body = "To=555-867-5309&From=%2B15017122661&Url=https%3A%2F%2Fexample.com%2Ftwiml";
    let answer = send(&twilio, "POST", &calls, body).await;
    assert_eq!((answer.status, answer.code()), (400, Some(21211)), "{answer:?}");
    assert!(answer.message().starts_with("`To`: "), "{answer:?}");
    // Two ways to say what the call does: the group's rule, with the general code.
    let body = format!("{CALL}&Twiml=%3CResponse%2F%3E");
    let answer = send(&twilio, "POST", &calls, &body).await;
    assert_eq!((answer.status, answer.code()), (400, Some(400)), "{answer:?}");
    assert!(answer.message().contains("`CallInstructions`"), "{answer:?}");

    assert!(twilio.requests::<CreateCall>().is_empty(), "a refused request is no request of its endpoint");
    let refused = twilio.refused();
    assert_eq!(refused.len(), 6);
    assert_eq!(
        refused.iter().map(|refusal| refusal.code).collect::<Vec<_>>(),
        [21208, 21201, 21213, 21205, 21211, 400]
    );
    assert_eq!(refused[0].request.body, format!("{CALL}&Timeout=601"));
    assert_eq!(refused[0].request.path_and_query, calls);
}

#[tokio::test]
async fn a_message_breaking_a_rule_is_refused_with_the_messaging_codes() {
    let twilio = MockTwilio::start().await;
    let messages = account_path("/Messages.json");
    // docs/api/errors/21604: no To.
    let body = "From=%2B15017122661&Body=Hi";
    assert_refused(&twilio, "POST", &messages, body, 21604, "`To`: required, but absent").await;
    // docs/api/errors/21602: no content.
    let answer = send(&twilio, "POST", &messages, MESSAGE).await;
    assert_eq!((answer.status, answer.code()), (400, Some(21602)), "{answer:?}");
    assert!(answer.message().contains("`MessageContent`"), "{answer:?}");
    // docs/api/errors/21603: no sender.
    let answer = send(&twilio, "POST", &messages, "To=%2B15558675310&Body=Hi").await;
    assert_eq!((answer.status, answer.code()), (400, Some(21603)), "{answer:?}");
    assert!(answer.message().contains("`MessageSender`"), "{answer:?}");
    // docs/api/errors/21617: a body over 1600 characters.
    let body = format!("{MESSAGE}&Body={}", "x".repeat(1601));
    assert_refused(
        &twilio,
        "POST",
        &messages,
        &body,
        21617,
        "Body: must have between 1 and 1600 characters, got 1601",
    )
    .await;
    // docs/api/errors/21623: eleven media files.
    let media = "&MediaUrl=https%3A%2F%2Fexample.com%2Fa.png".repeat(11);
    let body = format!("{MESSAGE}{media}");
    assert_refused(
        &twilio,
        "POST",
        &messages,
        &body,
        21623,
        "MediaUrl: must have between 1 and 10 items, got 11",
    )
    .await;
    // docs/api/errors/21609: a status callback whose host Twilio does not take.
    let body = format!("{MESSAGE}&Body=Hi&StatusCallback=https%3A%2F%2Fmy_host.example.com%2Fs");
    assert_refused(
        &twilio,
        "POST",
        &messages,
        &body,
        21609,
        "StatusCallback: must have a host name without `_`, got https://my_host.example.com/s",
    )
    .await;
    assert!(twilio.requests::<CreateMessage>().is_empty());
}

#[tokio::test]
async fn other_operations_are_refused_with_the_general_code_and_every_violation_named() {
    let twilio = MockTwilio::start().await;
    // Create Participant places a call: its `Timeout` has the call's code, 21208.
    let participants = account_path("/Conferences/Room/Participants.json");
    let body = "From=%2B15017122661&To=%2B15558675310&Timeout=2&MaxParticipants=300";
    assert_refused(
        &twilio,
        "POST",
        &participants,
        body,
        21208,
        "Timeout: must be between 5 and 600, got 2; MaxParticipants: must be between 2 and 250, got 300",
    )
    .await;
    // A value of the wrong type, in a query string.
    let answer = send(&twilio, "GET", &format!("{}?PageSize=0", account_path("/Calls.json")), "").await;
    assert_eq!((answer.status, answer.code()), (400, Some(400)), "{answer:?}");
    assert_eq!(answer.message(), "PageSize: must be between 1 and 1000, got 0");
    let path = format!(
        "{}?Muted=maybe",
        account_path("/Conferences/CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants.json")
    );
    let answer = send(&twilio, "GET", &path, "").await;
    assert_eq!((answer.status, answer.code()), (400, Some(400)), "{answer:?}");
    assert!(answer.message().starts_with("`Muted`: "), "{answer:?}");
    assert!(twilio.requests::<CreateParticipant>().is_empty());
}

#[tokio::test]
async fn an_unknown_key_is_refused_unless_the_mock_is_lax() {
    let twilio = MockTwilio::start().await;
    let messages = account_path("/Messages.json");
    // `StatusCalback`: the misspelling Twilio would accept without a word, the callback never set.
    let body = format!("{MESSAGE}&Body=Hi&StatusCalback=https%3A%2F%2Fexample.com%2Fs");
    let answer = send(&twilio, "POST", &messages, &body).await;
    assert_eq!((answer.status, answer.code()), (400, Some(400)), "{answer:?}");
    assert!(answer.message().starts_with("`StatusCalback`: not a parameter of this request; "), "{answer:?}");

    twilio.set_strict(false);
    let answer = send(&twilio, "POST", &messages, &body).await;
    assert_eq!(answer.status, 201, "{answer:?}");
    let [sent] = &twilio.requests::<CreateMessage>()[..] else { panic!("one message recorded") };
    assert_eq!(sent.status_callback, None, "the unknown key is ignored, as Twilio ignores it");
    assert_eq!(sent.to, "+15558675310".parse::<MessageAddress>().unwrap());
    // Lax is about keys only: a declared parameter is still checked.
    let answer = send(&twilio, "POST", &messages, &format!("{MESSAGE}&Body=")).await;
    assert_eq!((answer.status, answer.code()), (400, Some(21602)), "{answer:?}");
}

#[tokio::test]
async fn unknown_paths_methods_and_resources_are_answered_as_twilio_answers_them() {
    let twilio = MockTwilio::start().await;
    // No operation of the API has this path (Queues, which this test used before, is served now
    // with the generated catalog).
    let widgets = account_path("/Widgets.json");
    let answer = send(&twilio, "GET", &widgets, "").await;
    assert_eq!((answer.status, answer.code()), (404, Some(20404)));
    assert_eq!(answer.message(), format!("The requested resource {widgets} was not found"));

    let answer = send(&twilio, "PUT", &account_path("/Calls.json"), "").await;
    assert_eq!((answer.status, answer.code()), (405, Some(20004)), "{answer:?}");
    assert!(answer.message().contains("GET") && answer.message().contains("POST"), "{answer:?}");

    // A segment that is no call SID names no call.
    let answer = send(&twilio, "GET", &account_path("/Calls/nope.json"), "").await;
    assert_eq!((answer.status, answer.code()), (404, Some(20404)), "{answer:?}");
    // A call SID the mock never gave.
    let answer =
        send(&twilio, "GET", &account_path("/Calls/CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.json"), "").await;
    assert_eq!((answer.status, answer.code()), (404, Some(20404)), "{answer:?}");

    let codes: Vec<_> = twilio.refused().iter().map(|refusal| (refusal.status, refusal.code)).collect();
    // The call SID never given is a valid request that found nothing: not a refusal.
    assert_eq!(codes, [(404, 20404), (405, 20004), (404, 20404)]);
    assert_eq!(twilio.received_requests().await.len(), 4);
}

#[tokio::test]
async fn a_body_that_is_not_a_form_is_refused() {
    let twilio = MockTwilio::start().await;
    let http = reqwest::Client::new();
    let reply = http
        .post(format!("{}{}", twilio.base_url(), account_path("/Messages.json")))
        .basic_auth(plain_http::ACCOUNT, Some(MockTwilio::AUTH_TOKEN))
        .header("Content-Type", "application/json")
        .body(r#"{"To": "+15558675310", "From": "+15017122661", "Body": "Hi"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status().as_u16(), 400);
    let json: serde_json::Value = serde_json::from_slice(&reply.bytes().await.unwrap()).unwrap();
    assert_eq!(json["code"], 400);
    assert!(json["message"].as_str().unwrap().contains("application/x-www-form-urlencoded"), "{json}");
}
