//! Arbitrary bytes as the body of Create Participant and Create Message, read with `DecodeRequest`:
//! decoding never panics, and a request that decodes is sent as a form (and a path) that decodes to the
//! same request, which is sent as the same form again.

#![no_main]

use std::fmt::Debug;

use libfuzzer_sys::fuzz_target;
use twilio_endpoint::api::v2010::{CreateMessage, CreateParticipant};
use twilio_endpoint::values::AccountSid;
use twilio_endpoint::{DecodeRequest, PathWriter};

const PARTICIPANTS: &str =
    "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/Room%2042%20caf%C3%A9/Participants.json";
const MESSAGES: &str = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages.json";

fuzz_target!(|body: &[u8]| {
    read_back::<CreateParticipant>(PARTICIPANTS, body);
    read_back::<CreateMessage>(MESSAGES, body);
});

fn read_back<E: DecodeRequest + PartialEq + Debug>(path: &str, body: &[u8]) {
    let Ok(request) = E::decode_request(path, body) else { return };
    let mut rendered = PathWriter::default();
    // Not the path's account: the decoded request names its own.
    request.write_path(&AccountSid::from_static("ACffffffffffffffffffffffffffffffff"), &mut rendered);
    assert_eq!(rendered.finish(), path);
    let form = request.to_form();
    let again = E::decode_request(path, form.as_bytes())
        .unwrap_or_else(|error| panic!("{request:?} is sent as {form:?}, which does not decode: {error}"));
    assert_eq!(again, request, "sent as {form:?}");
    assert_eq!(again.to_form(), form);
}
