//! Contract tests: every catalog operation, in several variants, sent through the real `Client` to
//! Prism serving Twilio's official OpenAPI description, which answers 422 naming the violated rule
//! when a request does not match the description. Every request must be accepted and every reply
//! must decode into the typed response.
//!
//! `scripts/contract.sh` installs Prism, starts it and runs these tests with `TWILIO_CONTRACT_URL`
//! set to its address; without that variable they are skipped with a message.

mod calls;
mod conferences;
mod messages;
mod participants;
mod recordings;

use std::fmt::Debug;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use twilio_endpoint::values::AccountSid;
use twilio_endpoint::{Client, Endpoint, RetryPolicy};

/// The account every request names; it matches the description's `^AC[0-9a-fA-F]{32}$`.
pub const ACCOUNT: AccountSid = AccountSid::from_static("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

/// Sends requests to the contract server and keeps every failure, so that one run reports them all.
pub struct Contract {
    client: Client,
    sent: AtomicUsize,
    failures: Mutex<Vec<String>>,
}

impl Contract {
    /// Sends `request`; records a failure unless the server accepts it and the reply decodes.
    /// `variant` names the request in the report, e.g. `CreateCall: every parameter`.
    pub async fn check<E>(&self, variant: &str, request: &E)
    where
        E: Endpoint + Debug,
        E::Response: Debug,
    {
        self.sent.fetch_add(1, Ordering::Relaxed);
        if let Err(error) = self.client.send(request).await {
            let body = twilio_endpoint::__private::encode(request);
            self.failures.lock().unwrap().push(format!("{variant}: {error}\n    sent: {body}"));
        }
    }
}

#[tokio::test]
async fn every_catalog_operation_is_accepted_by_the_description() {
    let Ok(base_url) = std::env::var("TWILIO_CONTRACT_URL") else {
        eprintln!(
            "contract tests skipped: TWILIO_CONTRACT_URL is not set (scripts/contract.sh starts Prism and sets it)"
        );
        return;
    };
    let client = Client::builder()
        .account_sid(ACCOUNT)
        .auth_token("contract-test-token")
        .base_url(base_url)
        // A rejected request must show as one failure, not be retried.
        .retry(RetryPolicy::none())
        .build()
        .expect("the contract client builds");
    let contract = Contract { client, sent: AtomicUsize::new(0), failures: Mutex::new(Vec::new()) };

    participants::run(&contract).await;
    conferences::run(&contract).await;
    recordings::run(&contract).await;
    calls::run(&contract).await;
    messages::run(&contract).await;

    let sent = contract.sent.load(Ordering::Relaxed);
    let failures = contract.failures.into_inner().unwrap();
    println!("contract: {sent} requests sent, {} rejected or undecodable", failures.len());
    assert!(failures.is_empty(), "{} of {sent} requests failed:\n{}", failures.len(), failures.join("\n"));
}
