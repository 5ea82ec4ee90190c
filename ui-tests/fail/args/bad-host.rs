use twilio_endpoint::twilio_endpoint;

// The product's name alone, lowercase: `verify`, not its whole host nor `Verify`.
#[twilio_endpoint(POST, "/v2/Services", host = "verify.twilio.com")]
pub struct CreateService {
    pub friendly_name: String,
}

#[twilio_endpoint(GET, "/v2/PhoneNumbers/{PhoneNumber}", host = "Lookups")]
pub struct FetchPhoneNumber {
    #[twilio(path)]
    pub phone_number: String,
}

#[twilio_endpoint(GET, "/v2/Services", host = verify)]
pub struct ListService {}

fn main() {}
