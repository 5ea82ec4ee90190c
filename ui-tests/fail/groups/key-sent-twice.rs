use twilio_endpoint::Params;

// The constant already sends `Body`; the field would send it a second time.
#[derive(Params)]
pub enum Content {
    #[twilio(with(Body = ""))]
    Body(String),
}

fn main() {}
