//! Contract variants of the conference recording operations: List, Fetch, Update and Delete.

use chrono::NaiveDate;
use twilio_endpoint::api::v2010::{
    DeleteConferenceRecording, FetchConferenceRecording, ListConferenceRecordings, PauseBehavior,
    RecordingRef, RecordingStatusChange, UpdateConferenceRecording,
};
use twilio_endpoint::values::{AccountSid, ConferenceSid, RecordingSid};

use super::Contract;

const SUBACCOUNT: AccountSid = AccountSid::from_static("ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
const CONFERENCE: ConferenceSid = ConferenceSid::from_static("CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const RECORDING: RecordingSid = RecordingSid::from_static("REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid date")
}

pub async fn run(contract: &Contract) {
    list(contract).await;
    fetch(contract).await;
    update(contract).await;
    delete(contract).await;
}

async fn list(contract: &Contract) {
    let every_parameter = ListConferenceRecordings::new(CONFERENCE)
        .account_sid(SUBACCOUNT)
        .date_created(day(2024, 2, 29))
        .date_created_before(day(2024, 3, 31))
        .date_created_after(day(2024, 1, 1))
        .page_token("PAaaaa")
        .page(2)
        .page_size(1000);
    contract.check("ListConferenceRecordings: every parameter", &every_parameter).await;
    contract
        .check("ListConferenceRecordings: only the required ones", &ListConferenceRecordings::new(CONFERENCE))
        .await;
    contract
        .check(
            "ListConferenceRecordings: a subaccount in the path",
            &ListConferenceRecordings::new(CONFERENCE).account_sid(SUBACCOUNT),
        )
        .await;
    let range = ListConferenceRecordings::new(CONFERENCE)
        .date_created_after(day(2024, 1, 1))
        .date_created_before(day(2024, 1, 31))
        .page(0)
        .page_size(1);
    contract.check("ListConferenceRecordings: a creation range, the smallest page", &range).await;
}

async fn fetch(contract: &Contract) {
    contract
        .check("FetchConferenceRecording: by SID", &FetchConferenceRecording::new(CONFERENCE, RECORDING))
        .await;
    contract
        .check(
            "FetchConferenceRecording: a subaccount in the path",
            &FetchConferenceRecording::new(CONFERENCE, RECORDING).account_sid(SUBACCOUNT),
        )
        .await;
}

async fn update(contract: &Contract) {
    let changes = [
        ("Status=in-progress", RecordingStatusChange::Resume),
        ("Status=paused", RecordingStatusChange::Pause { pause_behavior: None }),
        (
            "Status=paused, PauseBehavior=skip",
            RecordingStatusChange::Pause { pause_behavior: Some(PauseBehavior::Skip) },
        ),
        (
            "Status=paused, PauseBehavior=silence",
            RecordingStatusChange::Pause { pause_behavior: Some(PauseBehavior::Silence) },
        ),
        ("Status=stopped", RecordingStatusChange::Stop),
    ];
    for (name, change) in changes {
        for (target, recording) in
            [("by SID", RecordingRef::Sid(RECORDING)), ("Twilio.CURRENT", RecordingRef::Current)]
        {
            contract
                .check(
                    &format!("UpdateConferenceRecording: {name}, {target}"),
                    &UpdateConferenceRecording::new(CONFERENCE, recording, change),
                )
                .await;
        }
    }
    let every_parameter = UpdateConferenceRecording::new(
        CONFERENCE,
        RECORDING,
        RecordingStatusChange::Pause { pause_behavior: Some(PauseBehavior::Skip) },
    )
    .account_sid(SUBACCOUNT);
    contract
        .check("UpdateConferenceRecording: every parameter, a subaccount in the path", &every_parameter)
        .await;
}

async fn delete(contract: &Contract) {
    contract
        .check("DeleteConferenceRecording: by SID", &DeleteConferenceRecording::new(CONFERENCE, RECORDING))
        .await;
    contract
        .check(
            "DeleteConferenceRecording: a subaccount in the path",
            &DeleteConferenceRecording::new(CONFERENCE, RECORDING).account_sid(SUBACCOUNT),
        )
        .await;
}
