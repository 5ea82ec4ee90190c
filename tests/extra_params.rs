//! Parameters the catalog does not declare yet, sent with `extra_param`: after the declared ones,
//! escaped the same way, with every declared check kept and nothing sent when a check fails.

use twilio_endpoint::api::v2010::{CreateParticipant, ListCalls, Region};
use twilio_endpoint::mock::MockTwilio;
use twilio_endpoint::values::{Address, CallbackMethod, ConferenceRef};
use twilio_endpoint::{Error, Rule};

fn participant() -> CreateParticipant {
    CreateParticipant::new(
        "MyRoom".parse::<ConferenceRef>().unwrap(),
        "+15017122661".parse::<Address>().unwrap(),
        "+15558675310".parse::<Address>().unwrap(),
    )
}

#[tokio::test]
async fn an_extra_parameter_goes_out_after_the_declared_ones() {
    let twilio = MockTwilio::start().await;
    // The mock refuses keys the declaration does not know unless told to ignore them, as Twilio does.
    twilio.set_strict(false);
    let request = participant()
        .status_callback_method(CallbackMethod::Get)
        .extra_param("RecordingConfigurationId", "RC 1*");
    request.send(&twilio.client()).await.unwrap();
    let received = twilio.received_requests().await;
    assert_eq!(
        received[0].body,
        "From=%2B15017122661&To=%2B15558675310&StatusCallbackMethod=GET&RecordingConfigurationId=RC+1%2A"
    );

    // A value the declared `Region` enum lacks, sent while the field is unset: it goes out as given,
    // and the mock, which knows only the declared values, refuses it naming the parameter.
    let request = participant().extra_param("Region", "in1");
    let Err(Error::Api(error)) = request.send(&twilio.client()).await else {
        panic!("the mock took a value the declaration does not have");
    };
    assert_eq!(error.status(), 400);
    assert!(error.message().starts_with("`Region`: "), "{error}");
    let received = twilio.received_requests().await;
    assert_eq!(received[1].body, "From=%2B15017122661&To=%2B15558675310&Region=in1");
}

#[tokio::test]
async fn a_list_request_sends_its_extra_parameter_in_the_query() {
    let twilio = MockTwilio::start().await;
    twilio.set_strict(false);
    ListCalls::new().page_size(20).extra_param("Trunk", "a&b").send(&twilio.client()).await.unwrap();
    let received = twilio.received_requests().await;
    assert!(received[0].path_and_query.ends_with("/Calls.json?PageSize=20&Trunk=a%26b"), "{received:?}");
}

#[tokio::test]
async fn declared_checks_still_run_and_a_key_sent_twice_is_refused() {
    let twilio = MockTwilio::start().await;
    let request =
        participant().timeout(4).region(Region::Ie1).extra_param("Region", "in1").extra_param("", "x");
    let Err(Error::Validation(errors)) = request.send(&twilio.client()).await else {
        panic!("an invalid request was sent");
    };
    let keys: Vec<&str> = errors.violations().iter().map(|violation| violation.key()).collect();
    assert_eq!(keys, ["Timeout", "Region", ""]);
    assert!(matches!(errors.violations()[1].rule(), Rule::Custom(_)));
    assert!(errors.to_string().contains("Region: is already sent by a declared parameter"), "{errors}");
    assert!(twilio.received_requests().await.is_empty());
}

#[tokio::test]
async fn the_account_of_the_path_is_never_sent_as_a_parameter() {
    // The body would name a subaccount while the path holds the client's account: the request would
    // run against the parent account. The account is set with the request's path field instead.
    let twilio = MockTwilio::start().await;
    let request = participant().extra_param("AccountSid", "AC11111111111111111111111111111111");
    let Err(Error::Validation(errors)) = request.send(&twilio.client()).await else {
        panic!("a request naming its account in the body was sent");
    };
    assert_eq!(
        errors.to_string(),
        "invalid request: AccountSid: is a placeholder of the path, which the request's path field (or, for the \
         account, the client) fills; set that field instead of sending it as a parameter"
    );
    assert!(twilio.received_requests().await.is_empty());
}
