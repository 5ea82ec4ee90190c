//! Generic code over any declared endpoint validates, encodes and previews it through the traits
//! alone, with both traits in scope and no method name claimed twice; a request with an extra
//! parameter is an endpoint too.

use twilio_endpoint::api::v2010::{CallUpdateStatus, ListCalls, UpdateCall};
use twilio_endpoint::values::CallSid;
use twilio_endpoint::{Client, Endpoint, Params};

fn audit<E: Endpoint + Params>(client: &Client, request: &E) -> String {
    request.validate().unwrap();
    let preview = request.preview(client).unwrap();
    assert_eq!(preview.body().unwrap_or(""), request.to_form().split('?').next().unwrap_or(""));
    preview.to_string()
}

fn main() {
    let client = Client::builder()
        .account_sid("AC0123456789abcdef0123456789abcdef".parse().unwrap())
        .auth_token("token")
        .build()
        .unwrap();
    let update = UpdateCall::new(CallSid::from_static("CA0123456789abcdef0123456789abcdef"))
        .status(CallUpdateStatus::Completed);
    assert_eq!(
        audit(&client, &update),
        "POST https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Calls/\
         CA0123456789abcdef0123456789abcdef.json\nStatus=completed"
    );
    // The inherent preview is the trait's.
    assert_eq!(update.preview(&client).unwrap(), Endpoint::preview(&update, &client).unwrap());

    let list = ListCalls::new().page_size(20).extra_param("Trunk", "t1");
    let preview = list.preview(&client).unwrap();
    assert!(preview.url().ends_with("/Calls.json?PageSize=20&Trunk=t1"), "{preview}");
    assert_eq!(preview.body(), None);
}
