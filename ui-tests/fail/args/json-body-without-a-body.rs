use twilio_endpoint::twilio_endpoint;

// A `GET` or `DELETE` sends its parameters in the query: there is no body to hold JSON.
#[twilio_endpoint(GET, "/v2/RateLimits", host = "lookups", body = json)]
pub struct FetchRateLimits {
    pub fields: Option<String>,
}

#[twilio_endpoint(DELETE, "/v2/RateLimits/Fields/{Field}/Bucket/{Bucket}", host = "lookups", body = json)]
pub struct DeleteRateLimit {
    #[twilio(path)]
    pub field: String,
    #[twilio(path)]
    pub bucket: String,
}

fn main() {}
