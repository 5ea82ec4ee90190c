//! What `DecodeRequest` says of a request that does not fit its declaration: one error per kind of
//! problem, each naming the key (or the placeholder, or the path) and what is allowed, never the value
//! of a secret.

use twilio_endpoint::api::v2010::*;
use twilio_endpoint::values::{AccountSid, CallSid};
use twilio_endpoint::{DecodeRequest, FormDecodeError, Problem, twilio_endpoint};

const PARTICIPANTS: &str = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants.json";
const PARTICIPANT: &str = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants/CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json";
const CALLS: &str = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Calls.json";
const REQUIRED: &str = "From=%2B15017122661&To=%2B15558675310";

fn participant(form: &str) -> Result<CreateParticipant, FormDecodeError> {
    CreateParticipant::decode_request(PARTICIPANTS, form.as_bytes())
}

/// The error's key, problem and message.
fn error<T: std::fmt::Debug>(result: Result<T, FormDecodeError>) -> (String, Problem, String) {
    let error = result.unwrap_err();
    (error.key().to_owned(), error.problem().clone(), error.to_string())
}

#[test]
fn an_unknown_key_is_named() {
    let (key, problem, message) = error(participant(&format!("{REQUIRED}&Tmeout=5")));
    assert_eq!((key.as_str(), problem), ("Tmeout", Problem::UnknownKey));
    assert_eq!(message, "`Tmeout`: not a parameter of this request");

    // A parameter of another operation is unknown here too, and so is a key in the query of a GET.
    let (key, _, _) = error(participant(&format!("{REQUIRED}&Body=hi")));
    assert_eq!(key, "Body");
    let (key, _, _) = error(ListCalls::decode_request(CALLS, b"Status=busy&PageSize=5&Foo=1"));
    assert_eq!(key, "Foo");
}

#[test]
fn a_missing_required_key_is_named() {
    let (key, problem, message) = error(participant("From=%2B15017122661"));
    assert_eq!((key.as_str(), problem), ("To", Problem::MissingKey));
    assert_eq!(message, "`To`: required, but absent");
}

#[test]
fn a_value_that_does_not_parse_says_what_was_expected() {
    let (key, _, message) = error(participant(&format!("{REQUIRED}&Timeout=soon")));
    assert_eq!(key, "Timeout");
    assert_eq!(message, "`Timeout`: expected an integer from u32::MIN to u32::MAX, got `soon`");

    let (_, _, message) = error(participant(&format!("{REQUIRED}&Beep=sometimes")));
    assert_eq!(message, "`Beep`: expected one of `true`, `false`, `onEnter`, `onExit`, got `sometimes`");

    let (_, _, message) = error(participant("From=%2B15017122661&To=555-867-5309"));
    assert!(message.starts_with("`To`: expected "), "{message}");
    assert!(message.ends_with(", got `555-867-5309`"), "{message}");

    // An item of a list is read as the list's type.
    let (key, _, message) =
        error(participant(&format!("{REQUIRED}&StatusCallbackEvent=ringing&StatusCallbackEvent=rang")));
    assert_eq!(key, "StatusCallbackEvent");
    assert!(message.ends_with("got `rang`"), "{message}");

    // A date in neither of the forms sent.
    let (_, _, message) = error(ListCalls::decode_request(CALLS, b"StartTime%3E=yesterday"));
    assert_eq!(
        message,
        "`StartTime>`: expected a date and time (`2024-03-09T07:05:00Z` or RFC 2822), got `yesterday`"
    );
}

#[test]
fn a_key_repeated_outside_a_list_is_named() {
    let (key, problem, message) = error(participant(&format!("{REQUIRED}&Timeout=5&Timeout=6&Timeout=7")));
    assert_eq!((key.as_str(), problem), ("Timeout", Problem::Repeated { times: 3 }));
    assert_eq!(message, "`Timeout`: given 3 times, but takes one value (only a list repeats its key)");
    // A constant of a group's variant takes one value too.
    let (key, _, _) = error(UpdateParticipant::decode_request(PARTICIPANT, b"Coaching=false&Coaching=false"));
    assert_eq!(key, "Coaching");
}

#[test]
fn keys_that_form_no_variant_list_the_allowed_ones() {
    let coaching = "`Coaching=false`; `Coaching=true` with `CallSidToCoach`; `CallSidToCoach`";
    for form in [
        // `Coaching=false` cannot name a call to coach.
        "Coaching=false&CallSidToCoach=CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
        // `Coaching=true` needs one.
        "Coaching=true",
        // A constant's value is one of the variants' own.
        "Coaching=yes",
    ] {
        let (key, problem, message) = error(UpdateParticipant::decode_request(PARTICIPANT, form.as_bytes()));
        assert_eq!(key, "Coaching", "{form}");
        assert_eq!(problem, Problem::NoVariant { group: "Coaching", allowed: coaching });
        assert_eq!(
            message,
            format!("`Coaching`: the keys of `Coaching` sent form none of its variants; allowed: {coaching}")
        );
    }

    // Two of the instructions of a call.
    let form = "To=%2B15558675310&From=%2B15017122661&Twiml=%3CResponse%2F%3E&Url=https%3A%2F%2Fexample.com";
    let (key, _, message) = error(CreateCall::decode_request(CALLS, form.as_bytes()));
    assert_eq!(key, "Twiml");
    assert_eq!(
        message,
        "`Twiml`: the keys of `CallInstructions` sent form none of its variants; allowed: `Url`; `Twiml`; `ApplicationSid`"
    );
    // None of them, though the group is required.
    let (key, _, message) =
        error(CreateCall::decode_request(CALLS, b"To=%2B15558675310&From=%2B15017122661"));
    assert_eq!(key, "");
    assert_eq!(
        message,
        "none of the keys of `CallInstructions` is sent, but it is required; allowed: `Url`; `Twiml`; `ApplicationSid`"
    );
}

#[test]
fn variants_are_chosen_by_their_constants_and_keys() {
    let update =
        |form: &str| UpdateParticipant::decode_request(PARTICIPANT, form.as_bytes()).unwrap().coaching;
    let coached = CallSid::from_static("CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    assert_eq!(update(""), None);
    assert_eq!(update("Coaching=false"), Some(Coaching::Off));
    assert_eq!(
        update("CallSidToCoach=CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb&Coaching=true"),
        Some(Coaching::Coach { call_sid_to_coach: coached })
    );
    assert_eq!(
        update("CallSidToCoach=CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"),
        Some(Coaching::CallSidToCoach(coached))
    );
}

/// A secret parameter's value is in no error: not in its message, not in its `Debug`.
#[test]
fn a_secret_value_is_not_shown() {
    /// An endpoint with a secret that can fail to parse (the catalog's secrets are text, which always
    /// does).
    #[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Pay.json")]
    pub struct CreatePayment {
        #[twilio(path)]
        pub call_sid: CallSid,
        #[twilio(sensitive)]
        pub pin: Option<u32>,
        pub timeout: Option<u32>,
    }

    let path = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Calls/CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Pay.json";
    let error = CreatePayment::decode_request(path, b"Pin=12ab-secret").unwrap_err();
    assert_eq!(error.key(), "Pin");
    assert_eq!(error.problem(), &Problem::InvalidValue { message: None });
    assert_eq!(error.to_string(), "`Pin`: not a valid value (a secret: not shown)");
    assert!(!format!("{error:?}").contains("secret"), "{error:?}");
    // The same value is shown for a parameter that is not secret.
    let error = CreatePayment::decode_request(path, b"Timeout=12ab-secret").unwrap_err();
    assert!(error.to_string().contains("12ab-secret"), "{error}");

    let request = CreatePayment::decode_request(path, b"Pin=1234").unwrap();
    assert_eq!(request.pin, Some(1234));
    assert!(!format!("{request:?}").contains("1234"), "{request:?}");

    /// A secret in the path: an error names the placeholder only.
    #[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Tokens/{Token}.json")]
    pub struct FetchToken {
        #[twilio(path, sensitive)]
        pub token: CallSid,
    }
    let error = FetchToken::decode_request(
        "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Tokens/s3cr3t.json",
        b"",
    )
    .unwrap_err();
    assert_eq!(error.to_string(), "`{Token}`: not a valid value (a secret: not shown)");
    assert!(!format!("{error:?}").contains("s3cr3t"), "{error:?}");
}

#[test]
fn a_path_of_another_operation_is_a_mismatch() {
    let template = "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json";
    for path in [
        CALLS,
        "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants.xml",
        PARTICIPANT,
        "",
    ] {
        let error = CreateParticipant::decode_request(path, REQUIRED.as_bytes()).unwrap_err();
        assert_eq!(error.key(), path);
        assert_eq!(error.problem(), &Problem::PathMismatch { expected: template });
        assert_eq!(error.to_string(), format!("the path `{path}` is not `{template}`"));
    }
}

#[test]
fn a_bad_path_segment_names_its_placeholder() {
    let fetch = |path: &str| FetchCall::decode_request(path, b"");
    let (key, _, message) = error(fetch(
        "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Calls/CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json",
    ));
    assert_eq!(key, "{Sid}");
    assert_eq!(
        message,
        "`{Sid}`: expected a call SID (`CA` followed by 32 hex digits), got `CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`"
    );
    // The account is read even by an endpoint that would leave it to the client.
    let (key, _, _) =
        error(fetch("/2010-04-01/Accounts/AC%20x/Calls/CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json"));
    assert_eq!(key, "{AccountSid}");
    // A segment is percent-decoded before it is read: a friendly name with a new line is refused.
    let path =
        "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/My%0ARoom/Participants.json";
    let (key, _, message) = error(CreateParticipant::decode_request(path, REQUIRED.as_bytes()));
    assert_eq!(key, "{ConferenceSid}");
    assert!(message.ends_with("got `My\\nRoom`"), "{message}");
}

#[test]
fn the_path_fills_the_account_and_its_segments() {
    let path = "/2010-04-01/Accounts/ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/Conferences/Room%2042%20%2F%20caf%C3%A9/Participants.json";
    let request = CreateParticipant::decode_request(path, REQUIRED.as_bytes()).unwrap();
    assert_eq!(request.account_sid, Some(AccountSid::from_static("ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")));
    assert_eq!(request.conference_sid, "Room 42 / café".parse().unwrap());
    // `+` is a plus in a path, a space in a form.
    let path = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants/a+b.json";
    let error =
        UpdateParticipant::decode_request(path, b"HoldUrl=https%3A%2F%2Fexample.com%2Fa+b").unwrap_err();
    assert_eq!(error.key(), "HoldUrl", "a URL with a space is refused");
    let request = DeleteParticipant::decode_request(path, b"").unwrap();
    assert_eq!(request.call_sid, ParticipantRef::Label("a+b".into()));
}

#[test]
fn an_empty_value_is_not_an_absent_one() {
    let request = participant(&format!("{REQUIRED}&Label=&WaitUrl=")).unwrap();
    assert_eq!(request.label.as_deref(), Some(""));
    assert_eq!(request.wait_url, Some(twilio_endpoint::values::OrEmpty::Empty));
    let request = participant(REQUIRED).unwrap();
    assert_eq!((request.label, request.wait_url), (None, None));
}

#[test]
fn a_path_given_with_its_query_reads_the_query_as_the_form() {
    let query = "To=%2B15558675310&PageSize=20";
    let from_query = ListCalls::decode_request(&format!("{CALLS}?{query}"), b"").unwrap();
    assert_eq!(from_query, ListCalls::decode_request(CALLS, query.as_bytes()).unwrap());
    assert_eq!(from_query.to_form(), query);

    // A query beside a body: both are read, and a key is still unknown wherever it comes from.
    let request =
        CreateParticipant::decode_request(&format!("{PARTICIPANTS}?Timeout=5"), REQUIRED.as_bytes()).unwrap();
    assert_eq!(request.timeout, Some(5));
    let error = CreateParticipant::decode_request(&format!("{PARTICIPANTS}?Tmeout=5"), REQUIRED.as_bytes())
        .unwrap_err();
    assert_eq!(error.to_string(), "`Tmeout`: not a parameter of this request");
}
