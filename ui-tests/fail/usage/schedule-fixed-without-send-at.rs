use twilio_endpoint::api::v2010::MessageSchedule;

// `ScheduleType=fixed` needs `SendAt`: the fixed schedule cannot be built without its time.
fn main() {
    let _ = MessageSchedule::Fixed {};
}
