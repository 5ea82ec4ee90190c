use twilio_endpoint::Params;

// The checks of a group's fields are those of an endpoint's, with the same mistakes caught.
#[derive(Params)]
pub struct Detection {
    #[twilio(range = 59..=3)]
    pub machine_detection_timeout: Option<u32>,
}

fn main() {}
