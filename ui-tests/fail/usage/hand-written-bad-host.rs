// A hand-written `impl Endpoint` whose host is not a product's name does not compile once it is sent
// or previewed: `evil.example/x.` spliced into `{host}.twilio.com` would send the credentials elsewhere.
// The check is a constant of the generic `preview`, evaluated when it is instantiated: trybuild reports
// it because the suite has pass cases (it then builds rather than checks); filtered to this file alone,
// add a pass case to the filter (`trybuild=hand-written-bad-host.rs trybuild=other-product-host.rs`).
use twilio_endpoint::__private as twilio;
use twilio_endpoint::values::AccountSid;
use twilio_endpoint::{Client, Endpoint};

pub struct Probe;

impl twilio::Params for Probe {
    fn check(&self, _: &mut twilio::ValidationErrors) {}
    fn write_params(&self, _: &mut twilio::FormWriter) {}
}

impl twilio::Endpoint for Probe {
    const METHOD: twilio::Method = twilio::Method::Get;
    const PATH: &'static str = "/v1/Probe";
    const HOST: &'static str = "evil.example/x.";
    type Response = ();
    fn write_path(&self, _: &AccountSid, out: &mut twilio::PathWriter) {
        out.literal(Self::PATH);
    }
    fn decode_response(body: &[u8]) -> Result<(), twilio::serde_json::Error> {
        twilio::decode_empty(body)
    }
}

fn main() {
    let account = "AC0123456789abcdef0123456789abcdef".parse().unwrap();
    let client = Client::new(account, "token").unwrap();
    let _ = Probe.preview(&client);
}
