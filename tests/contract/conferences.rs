//! Contract variants of the conference operations: Fetch, Update and List.

use chrono::NaiveDate;
use twilio_endpoint::api::v2010::{
    ConferenceStatusFilter, ConferenceUpdateStatus, FetchConference, ListConferences, UpdateConference,
};
use twilio_endpoint::values::{AccountSid, CallbackMethod, ConferenceSid, Url};

use super::Contract;

const SUBACCOUNT: AccountSid = AccountSid::from_static("ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
const CONFERENCE: ConferenceSid = ConferenceSid::from_static("CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

fn url(text: &str) -> Url {
    text.parse().expect("a valid URL")
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid date")
}

pub async fn run(contract: &Contract) {
    fetch(contract).await;
    update(contract).await;
    list(contract).await;
}

async fn fetch(contract: &Contract) {
    contract.check("FetchConference: by SID", &FetchConference::new(CONFERENCE)).await;
    contract
        .check(
            "FetchConference: a subaccount in the path",
            &FetchConference::new(CONFERENCE).account_sid(SUBACCOUNT),
        )
        .await;
}

async fn update(contract: &Contract) {
    let every_parameter = UpdateConference::new(CONFERENCE)
        .account_sid(SUBACCOUNT)
        .status(ConferenceUpdateStatus::Completed)
        .announce_url(url("https://example.com/announce?a=1&b=two+words"))
        .announce_method(CallbackMethod::Get);
    contract.check("UpdateConference: every parameter", &every_parameter).await;
    contract.check("UpdateConference: only the required ones", &UpdateConference::new(CONFERENCE)).await;
    contract
        .check(
            "UpdateConference: a subaccount in the path",
            &UpdateConference::new(CONFERENCE)
                .account_sid(SUBACCOUNT)
                .announce_url(url("https://example.com/a")),
        )
        .await;
    for status in ConferenceUpdateStatus::ALL.iter().copied() {
        contract
            .check(
                &format!("UpdateConference: Status={status}"),
                &UpdateConference::new(CONFERENCE).status(status),
            )
            .await;
    }
    for method in CallbackMethod::ALL.iter().copied() {
        let request = UpdateConference::new(CONFERENCE)
            .announce_url(url("https://example.com/announce"))
            .announce_method(method);
        contract.check(&format!("UpdateConference: AnnounceMethod={method}"), &request).await;
    }
}

async fn list(contract: &Contract) {
    let every_parameter = ListConferences::new()
        .account_sid(SUBACCOUNT)
        .date_created(day(2024, 2, 29))
        .date_created_before(day(2024, 3, 31))
        .date_created_after(day(2024, 1, 1))
        .date_updated(day(2024, 3, 1))
        .date_updated_before(day(2024, 12, 31))
        .date_updated_after(day(2024, 2, 1))
        .friendly_name("Room 1 é & more")
        .status(ConferenceStatusFilter::InProgress)
        .page_token("PAaaaa")
        .page(2)
        .page_size(1000);
    contract.check("ListConferences: every parameter", &every_parameter).await;
    contract.check("ListConferences: only the required ones", &ListConferences::new()).await;
    contract
        .check("ListConferences: a subaccount in the path", &ListConferences::new().account_sid(SUBACCOUNT))
        .await;
    for status in ConferenceStatusFilter::ALL.iter().copied() {
        contract
            .check(&format!("ListConferences: Status={status}"), &ListConferences::new().status(status))
            .await;
    }
    let range = ListConferences::new()
        .date_created_after(day(2024, 1, 1))
        .date_created_before(day(2024, 1, 31))
        .page(0)
        .page_size(1);
    contract.check("ListConferences: a creation range, the smallest page", &range).await;
}
