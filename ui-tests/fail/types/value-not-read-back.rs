use twilio_endpoint::twilio_endpoint;
use twilio_endpoint::{FormValue, ValueWriter};

// A value written before requests were read back: it is sent, but cannot be read from a form.
#[derive(Debug)]
pub struct Digits(String);

impl FormValue for Digits {
    fn write_value(&self, out: &mut ValueWriter<'_>) {
        out.text(&self.0);
    }
}

#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct CreateCall {
    pub to: String,
    pub send_digits: Option<Digits>,
}

fn main() {}
