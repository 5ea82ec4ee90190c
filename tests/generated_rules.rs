//! The generated catalog's operations behave as declared: the description's bounds and the overlay's
//! rules are checked, open enums cannot send an unknown value, secrets stay out of `Debug`, groups
//! and operator keys are sent as Twilio reads them. (The bad-input table covers every rule; this
//! checks one of each mechanism the generator writes.)

use twilio_endpoint::api::v2010::{
    AccountStatus, CreateIncomingPhoneNumber, CreateSipCredential, FetchAvailablePhoneNumberCountry,
    ListAccount, ListQueue, ListRecording, PhoneNumberOrAreaCode, UpdateIncomingPhoneNumber,
};
use twilio_endpoint::time::{TimeZone as _, Utc};
use twilio_endpoint::values::{AccountSid, CredentialListSid, PhoneNumberSid};

const OTHER: AccountSid = AccountSid::from_static("ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");

#[test]
fn an_open_enum_sends_only_the_listed_values() {
    assert!(ListAccount::new().status(AccountStatus::Suspended).validate().is_ok());
    let errors = ListAccount::new().status(AccountStatus::Unknown("gone".into())).validate().unwrap_err();
    assert_eq!(errors.violations()[0].key(), "Status");
    assert_eq!(
        errors.violations()[0].to_string(),
        "Status: must be one of `active`, `suspended`, `closed`, got gone"
    );
}

#[test]
fn paging_is_bounded_and_sent_last() {
    assert!(ListQueue::new().page_size(1000).validate().is_ok());
    let errors = ListQueue::new().page_size(1001).validate().unwrap_err();
    assert_eq!(errors.violations()[0].to_string(), "PageSize: must be between 1 and 1000, got 1001");
    let filters = ListRecording::new()
        .date_created_before(Utc.with_ymd_and_hms(2026, 1, 31, 0, 0, 0).unwrap())
        .page_size(20)
        .page_token("PT1");
    assert_eq!(filters.to_form(), "DateCreated%3C=2026-01-31T00%3A00%3A00Z&PageToken=PT1&PageSize=20");
}

#[test]
fn a_path_parameter_with_a_length_rule_is_checked() {
    assert!(FetchAvailablePhoneNumberCountry::new("US").validate().is_ok());
    let errors = FetchAvailablePhoneNumberCountry::new("USA").validate().unwrap_err();
    assert_eq!(errors.violations()[0].key(), "CountryCode");
}

#[test]
fn a_secret_is_not_shown() {
    let sid: CredentialListSid = "CLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().unwrap();
    let request = CreateSipCredential::new(sid, "alice", "hunter2-secret");
    assert!(!format!("{request:?}").contains("hunter2-secret"));
    assert_eq!(request.to_form(), "Username=alice&Password=hunter2-secret");
}

#[test]
fn a_group_sends_its_variant_where_its_keys_are() {
    let request = CreateIncomingPhoneNumber::new(PhoneNumberOrAreaCode::AreaCode("415".into()));
    assert_eq!(request.to_form(), "AreaCode=415");
    let errors = CreateIncomingPhoneNumber::new(PhoneNumberOrAreaCode::AreaCode("4155".into()))
        .validate()
        .unwrap_err();
    assert_eq!(errors.violations()[0].key(), "AreaCode");
}

#[test]
fn a_body_parameter_may_share_the_name_of_the_path_account() {
    let sid: PhoneNumberSid = "PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().unwrap();
    let request = UpdateIncomingPhoneNumber::new(sid).account_sid_param(OTHER);
    assert_eq!(request.to_form(), format!("AccountSid={}", OTHER.as_str()));
    assert_eq!(request.account_sid, None, "the path's account stays the client's");
}
