//! The generated code adds no warning to a user crate that denies them all.

#![deny(warnings, unused_qualifications, unused_results, missing_debug_implementations)]

use twilio_endpoint::twilio_endpoint;
use twilio_endpoint::values::{CallbackMethod, PhoneNumber, Url};

/// Starts the verification of a caller ID.
#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/OutgoingCallerIds.json")]
pub struct CreateValidationRequest {
    /// The number to verify.
    pub phone_number: PhoneNumber,
    /// A name for it.
    pub friendly_name: Option<String>,
    /// Seconds to wait before dialing, 0 to 60.
    #[twilio(range = 0..=60)]
    pub call_delay: Option<u32>,
    /// Digits to dial after connecting.
    pub extension: Option<String>,
    /// Where to report the result.
    pub status_callback: Option<Url>,
    /// The method for `StatusCallback`.
    pub status_callback_method: Option<CallbackMethod>,
}

fn main() {
    let request = CreateValidationRequest::new("+14158675310".parse::<PhoneNumber>().unwrap()).call_delay(5);
    request.validate().unwrap();
    assert_eq!(request.to_form(), "PhoneNumber=%2B14158675310&CallDelay=5");
}
