//! Typed Twilio values: SIDs, addresses, URLs, HTTP methods and wire enums, each checked when it is built.
//!
//! A value is parsed once, with [`FromStr`](std::str::FromStr) or serde, and from then on it is known to
//! have the shape Twilio expects; what it sends is the text it was given, unchanged.

/// Implements Display, Debug, FormValue, FromFormValue and serde (as a string) for a type whose value is the text its
/// `as_str()` returns and that parses with `FromStr`.
macro_rules! text_value {
    // A value whose every byte parsing proved literal (a SID: letters and digits) is copied, not
    // escaped byte by byte.
    (@write literal $out:ident, $value:expr) => {
        $out.literal($value.as_str())
    };
    // A value that knows which of its forms need no escaping writes itself (`write_form_value`).
    (@write custom $out:ident, $value:expr) => {
        $value.write_form_value($out)
    };
    (@write $out:ident, $value:expr) => {
        $out.text($value.as_str())
    };
    // Letters and digits, never empty or dots (SIDs), always fill one path segment.
    (@segment literal) => {
        #[inline]
        fn is_checked_segment(&self) -> bool {
            true
        }
    };
    (@segment $($mode:ident)?) => {};
    ($name:ident $(, $mode:ident)?) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.as_str()).finish()
            }
        }

        impl $crate::form::FormValue for $name {
            fn write_value(&self, out: &mut $crate::form::ValueWriter<'_>) {
                text_value!(@write $($mode)? out, self);
            }
        }

        impl $crate::form::FromFormValue for $name {
            type Err = <$name as ::std::str::FromStr>::Err;

            fn from_form_value(text: &str) -> Result<Self, Self::Err> {
                text.parse()
            }

            text_value!(@segment $($mode)?);
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::values::deserialize_from_str(deserializer)
            }
        }
    };
}

mod address;
mod enums;
mod into_value;
mod method;
mod sid;
mod url;
mod usage_date;

#[doc(hidden)]
pub use address::written_for_people as __phone_number_written_for_people;
pub use address::{Address, AddressKind, AddressRole, PhoneNumber, check_call_addresses};
#[doc(hidden)]
pub use enums::support as __wire_enum;
// Every typed value deserializes through its `FromStr`, so that decoding checks what parsing checks.
use enums::support::deserialize as deserialize_from_str;
pub use into_value::{IntoValue, IntoValues};
pub use method::CallbackMethod;
pub use sid::{
    AccessTokenSid, AccountSid, AddOnExtensionSid, AddOnPayloadSid, AddOnResultSid, AddOnSid, AddressSid,
    AlphaSenderSid, ApiKeySid, ApplicationSid, AssignedAddOnSid, BrandRegistrationSid, BrandVettingSid,
    BundleSid, ByocTrunkSid, CallGroupSid, CallSid, ChallengeNotificationSid, ChallengeSid, ConferenceRef,
    ConferenceSid, ConnectAppSid, ContentSid, CredentialListSid, CredentialSid, DomainCertificateSid,
    DomainConfigSid, EntitySid, FactorSid, IdentitySid, IpAccessControlListSid, IpAddressSid,
    LinkShorteningDomainSid, MediaSid, MessageSid, MessagingServiceSid, NotificationSid, PaymentSid,
    PhoneNumberSid, QueueSid, RateLimitBucketSid, RateLimitSid, RealtimeTranscriptionSid, RecordingSid,
    RegulatedItemSid, SafeListSid, ShortCodeSid, SipDomainSid, SiprecSid, StreamSid, TollfreeVerificationSid,
    TranscriptionSid, TrunkSid, UsAppToPersonSid, UsageTriggerSid, UserDefinedMessageSid,
    UserDefinedMessageSubscriptionSid, VerificationAttemptSid, VerificationSid, VerifyServiceSid,
    VerifyTemplateSid, VerifyWebhookSid,
};
pub use url::{OrEmpty, Url, WebSocketUrl};
pub use usage_date::UsageDate;

pub use crate::form::InvalidValue;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deserializing_reports_the_parse_error() {
        let error = serde_json::from_str::<CallSid>("\"CFxx\"").unwrap_err();
        assert!(
            error.to_string().starts_with("expected a call SID (`CA` followed by 32 hex digits), got `CFxx`"),
            "{error}"
        );
        let error = serde_json::from_str::<CallSid>("3").unwrap_err();
        assert!(error.to_string().contains("expected a string"), "{error}");
    }
}
