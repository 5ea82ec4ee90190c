use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json", validate_with = check_call)]
pub struct CreateCall {
    pub to: String,
}

fn check_call(request: &CreateCall) -> bool {
    !request.to.is_empty()
}

fn main() {}
