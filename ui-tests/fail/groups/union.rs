use twilio_endpoint::Params;

// A union has no way to say which of its fields is set.
#[derive(Params)]
pub union Either {
    a: u32,
    b: u64,
}

fn main() {}
