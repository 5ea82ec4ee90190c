use twilio_endpoint::Params;

const YES: bool = true;

// Constants are written as literals, so that the macro knows what is sent.
#[derive(Params)]
pub enum Coaching {
    #[twilio(with(Coaching = YES))]
    On,
}

fn main() {}
