use twilio_endpoint::twilio_endpoint;
use twilio_endpoint::values::{CallSid, Url};

#[derive(Debug, serde::Deserialize)]
pub struct Recording {
    pub sid: String,
}

// Two mistakes (an unknown option of the attribute, an unknown option of a field); the response type,
// which parsed, is still what `send` returns, and the field with the broken option keeps its setter.
#[twilio_endpoint(
    POST,
    "/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings.json",
    response = Recording,
    retries = 3,
)]
pub struct CreateRecording {
    #[twilio(path)]
    pub call_sid: CallSid,
    #[twilio(rnage = 1..=14400)]
    pub time_limit: Option<u32>,
    pub recording_status_callback: Option<Url>,
}

async fn run(client: &twilio_endpoint::Client, sid: CallSid) -> Result<String, twilio_endpoint::Error> {
    let recording: Recording = CreateRecording::new(sid).time_limit(60).send(client).await?;
    Ok(recording.sid)
}

fn main() {
    let _ = run;
}
