//! Path building: any text as a path parameter, written by `PathWriter` and by the code the attribute
//! generates (Fetch Participant, whose participant may be a free-text label).
//!
//! Whatever the text, the URL keeps Twilio's host and its number of segments, has no query or
//! fragment, and its parameter segment decodes back to the text; a parameter `check_path_param` (and
//! so `validate()`) accepts stays one segment even between two others.

#![no_main]

use libfuzzer_sys::fuzz_target;
use percent_encoding::percent_decode_str;
use twilio_endpoint::api::v2010::{FetchParticipant, ParticipantRef};
use twilio_endpoint::values::{AccountSid, ConferenceSid};
use twilio_endpoint::{Endpoint, ValidationErrors};
use twilio_endpoint_runtime::__private::check_path_param;
use twilio_endpoint_runtime::PathWriter;

const HOST: &str = "api.twilio.com";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);

    // As the last segment, before `.json`: escaping alone keeps it one segment, whatever it is.
    let url = render(&["/2010-04-01/Calls/", ".json"], &text);
    assert_eq!(segments(&url, 3)[2], format!("{text}.json"), "{url}");

    // Between two segments, `.` and `..` would be resolved away: those are what the check refuses.
    let mut errors = ValidationErrors::default();
    check_path_param(&mut errors, "Sid", &*text);
    if errors.is_empty() {
        let url = render(&["/2010-04-01/Calls/", "/Recordings.json"], &text);
        assert_eq!(segments(&url, 4)[2], text, "{url}");
    }

    // Through the generated `write_path`, after `validate()`, as `send` does.
    let Ok(participant) = text.parse::<ParticipantRef>() else { return };
    let request =
        FetchParticipant::new(ConferenceSid::from_static("CFa1b2c3d4e5f60718293a4b5c6d7e8f90"), participant);
    if request.validate().is_err() {
        return;
    }
    let account = AccountSid::from_static("AC0123456789abcdef0123456789abcdef");
    let mut path = PathWriter::default();
    request.write_path(&account, &mut path);
    let url = url::Url::parse(&format!("https://{HOST}{}", path.finish())).unwrap();
    assert_eq!(segments(&url, 7)[6], format!("{text}.json"), "{url}");
});

/// `https://api.twilio.com` followed by `pieces[0]`, `param` as one segment, and `pieces[1]`.
fn render(pieces: &[&str; 2], param: &str) -> url::Url {
    let mut path = PathWriter::default();
    path.literal(pieces[0]);
    path.param(param);
    path.literal(pieces[1]);
    url::Url::parse(&format!("https://{HOST}{}", path.finish())).unwrap()
}

/// The decoded segments of `url`, after checking that it is on `HOST`, has `count` segments and
/// neither a query nor a fragment.
fn segments(url: &url::Url, count: usize) -> Vec<String> {
    assert_eq!(url.host_str(), Some(HOST), "{url}");
    assert_eq!(url.query(), None, "{url}");
    assert_eq!(url.fragment(), None, "{url}");
    let segments: Vec<String> = url
        .path_segments()
        .unwrap()
        .map(|segment| percent_decode_str(segment).decode_utf8().unwrap().into_owned())
        .collect();
    assert_eq!(segments.len(), count, "{url}");
    segments
}
