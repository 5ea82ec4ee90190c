//! The dates the catalog's setters take are built from the crate's own re-exports: this crate has no
//! `chrono` dependency of its own.

use twilio_endpoint::api::v2010::{CreateMessage, MessageContent, MessageSchedule};
use twilio_endpoint::time::{DateTime, TimeZone as _, Utc};
use twilio_endpoint::values::MessagingServiceSid;

fn main() {
    let send_at: DateTime<Utc> = Utc.with_ymd_and_hms(2026, 12, 24, 18, 0, 0).unwrap();
    let request = CreateMessage::new(
        "+15558675310".parse::<twilio_endpoint::api::v2010::MessageAddress>().unwrap(),
        "MG00000000000000000000000000000000".parse::<MessagingServiceSid>().unwrap(),
        MessageContent::Body("Season's greetings".to_owned()),
    )
    .schedule(MessageSchedule::Fixed { send_at });
    request.validate().unwrap();
    assert!(request.to_form().contains("ScheduleType=fixed&SendAt=2026-12-24T18%3A00%3A00Z"));
}
