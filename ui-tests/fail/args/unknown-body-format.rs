use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(POST, "/v2/batch/query", host = "lookups", body = xml)]
pub struct CreateBatch {
    pub phone_numbers: Option<Vec<String>>,
}

#[twilio_endpoint(POST, "/v2/batch/query", host = "lookups", body = "json")]
pub struct CreateBatchQuoted {
    pub phone_numbers: Option<Vec<String>>,
}

fn main() {}
