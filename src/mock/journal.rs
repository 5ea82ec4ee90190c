//! What the mock received and sent, kept for a test's assertions: every request as it arrived, the
//! valid ones decoded into their endpoint's type, the refused ones with the error sent back, and the
//! callbacks it made.

use std::any::{Any, TypeId};
use std::collections::HashMap;

use super::lifecycle::SentCallback;
use super::twilio_error::TwilioError;

/// A request as the mock received it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReceivedRequest {
    /// `GET`, `POST` or `DELETE` (or whatever else a client sent).
    pub method: String,
    /// The path and, when there is one, `?` and the query string, both as sent (percent-encoded).
    pub path_and_query: String,
    /// The body as sent (invalid UTF-8 replaced by `�`); empty for `GET` and `DELETE`.
    pub body: String,
}

/// A request the mock refused, as Twilio would have: credentials that do not authenticate or may not
/// act for the path's account, a path no endpoint serves, a parameter that does not decode or breaks
/// a rule of the declaration.
///
/// A valid request answered with an error (a resource that does not exist, a scripted fault) is not
/// a refusal.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Refusal {
    /// The request refused.
    pub request: ReceivedRequest,
    /// The HTTP status sent back (`400`, `401`, `404` or `405`).
    pub status: u16,
    /// The Twilio error code sent back.
    pub code: u32,
    /// The message sent back: the parameter and the rule it breaks, for a `400`.
    pub message: String,
}

#[derive(Default)]
pub(crate) struct Journal {
    received: Vec<ReceivedRequest>,
    /// The valid requests of each endpoint type, in the order received, each a `Box<E>`.
    typed: HashMap<TypeId, Vec<Box<dyn Any + Send>>>,
    refused: Vec<Refusal>,
    callbacks: Vec<SentCallback>,
}

impl Journal {
    pub(crate) fn receive(&mut self, request: ReceivedRequest) {
        self.received.push(request);
    }

    pub(crate) fn record<E: Any + Send>(&mut self, request: E) {
        self.typed.entry(TypeId::of::<E>()).or_default().push(Box::new(request));
    }

    pub(crate) fn refuse(&mut self, request: ReceivedRequest, error: &TwilioError) {
        self.refused.push(Refusal {
            request,
            status: error.status(),
            code: error.code(),
            message: error.message().to_owned(),
        });
    }

    pub(crate) fn received(&self) -> Vec<ReceivedRequest> {
        self.received.clone()
    }

    pub(crate) fn requests<E: Any + Clone>(&self) -> Vec<E> {
        let Some(requests) = self.typed.get(&TypeId::of::<E>()) else { return Vec::new() };
        // Only `record::<E>` files boxes under `E`'s type id.
        requests.iter().filter_map(|request| request.downcast_ref::<E>()).cloned().collect()
    }

    pub(crate) fn refused(&self) -> Vec<Refusal> {
        self.refused.clone()
    }

    pub(crate) fn send(&mut self, callback: SentCallback) {
        self.callbacks.push(callback);
    }

    pub(crate) fn callbacks(&self) -> Vec<SentCallback> {
        self.callbacks.clone()
    }
}
