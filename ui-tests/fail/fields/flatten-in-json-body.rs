use twilio_endpoint::{Params, twilio_endpoint};

#[derive(Params)]
pub struct Window {
    pub limit: Option<u32>,
    pub ttl: Option<u32>,
}

// A flattened group writes form keys; a JSON body takes a nested object as a serde field instead.
#[twilio_endpoint(PUT, "/v2/RateLimits/Fields/{Field}/Bucket/{Bucket}", host = "lookups", body = json)]
pub struct UpdateRateLimit {
    #[twilio(path)]
    pub field: String,
    #[twilio(path)]
    pub bucket: String,
    #[twilio(flatten)]
    pub window: Window,
}

fn main() {}
