//! What the generated registries (`tests/contract/operations*.rs`) call once per operation of a
//! catalog, with the operation's type and its `operationId`; each generic test implements it.

use std::fmt::Debug;

use twilio_endpoint::{DecodeRequest, Endpoint};

pub trait Visit {
    fn operation<E>(&mut self, operation_id: &'static str)
    where
        E: Endpoint + DecodeRequest + Debug + 'static,
        E::Response: Debug;
}
