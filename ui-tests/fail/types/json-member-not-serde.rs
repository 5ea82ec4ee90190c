use twilio_endpoint::twilio_endpoint;

/// Neither `Serialize` nor `Deserialize`.
#[derive(Debug)]
pub struct Query {
    pub phone_number: String,
}

#[twilio_endpoint(POST, "/v2/batch/query", host = "lookups", body = json)]
pub struct CreateBatch {
    pub phone_numbers: Option<Vec<Query>>,
}

fn main() {}
