//! SIDs, the identifiers of Twilio resources: a two-letter prefix naming the kind of resource, then 32
//! hex digits. One type per prefix, so that a call SID cannot be passed where a conference SID belongs.

use std::fmt;
use std::str::FromStr;

use super::InvalidValue;

const SID_LEN: usize = 34;

/// Whether `text` is one of `prefixes` followed by 32 hex digits of either case, as the OpenAPI
/// description's patterns (`^CA[0-9a-fA-F]{32}$`) allow.
///
/// A `const fn`, so that `from_static` can check a SID while the program is compiled.
const fn is_sid(text: &str, prefixes: &[[u8; 2]]) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != SID_LEN {
        return false;
    }
    let mut known_prefix = false;
    let mut p = 0;
    while p < prefixes.len() {
        known_prefix |= bytes[0] == prefixes[p][0] && bytes[1] == prefixes[p][1];
        p += 1;
    }
    let mut i = 2;
    while i < SID_LEN {
        if !bytes[i].is_ascii_hexdigit() {
            return false;
        }
        i += 1;
    }
    known_prefix
}

/// The bytes of a SID that [`is_sid`] accepted.
const fn sid_bytes(text: &str) -> [u8; SID_LEN] {
    let mut out = [0; SID_LEN];
    let mut i = 0;
    while i < SID_LEN {
        out[i] = text.as_bytes()[i];
        i += 1;
    }
    out
}

fn parse_sid(
    text: &str,
    prefixes: &[[u8; 2]],
    expected: &'static str,
) -> Result<[u8; SID_LEN], InvalidValue> {
    if is_sid(text, prefixes) { Ok(sid_bytes(text)) } else { Err(InvalidValue::new(expected, text)) }
}

/// The text of a SID's bytes, which are ASCII because parsing checked them.
const fn sid_str(bytes: &[u8; SID_LEN]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => panic!("a SID holds only ASCII letters and digits"),
    }
}

/// Declares one SID type per entry: `Name = "P1" | "P2", "a" "kind of SID";`.
macro_rules! sid_types {
    ($(
        $(#[$doc:meta])*
        $name:ident = $prefix:literal $(| $alt:literal)?, $article:literal $what:literal;
    )+) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name([u8; SID_LEN]);

        impl $name {
            const PREFIXES: &[[u8; 2]] = &[sid_prefix($prefix) $(, sid_prefix($alt))?];
            const EXPECTED: &str = concat!(
                $article, " ", $what, " (`", $prefix, "`" $(, " or `", $alt, "`")?, " followed by 32 hex digits)"
            );

            /// The SID in `text`, checked while the program is compiled when used in a `const` item.
            ///
            /// # Panics
            ///
            /// When `text` is not a valid SID of this kind; in a `const` item that is a compile error.
            pub const fn from_static(text: &'static str) -> Self {
                if !is_sid(text, Self::PREFIXES) {
                    panic!(concat!(
                        "invalid ", $what, ": expected `", $prefix, "`" $(, " or `", $alt, "`")?,
                        " followed by 32 hex digits"
                    ));
                }
                Self(sid_bytes(text))
            }

            /// The SID as text, as Twilio wrote it.
            pub const fn as_str(&self) -> &str {
                sid_str(&self.0)
            }
        }

        impl FromStr for $name {
            type Err = InvalidValue;

            fn from_str(text: &str) -> Result<Self, InvalidValue> {
                parse_sid(text, Self::PREFIXES, Self::EXPECTED).map(Self)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        text_value!($name, literal);
    )+};
}

/// The two bytes of a prefix literal; a wrong literal in the table below fails to compile.
const fn sid_prefix(prefix: &str) -> [u8; 2] {
    match prefix.as_bytes() {
        [a, b] => [*a, *b],
        _ => panic!("a SID prefix has two letters"),
    }
}

sid_types! {
    /// Identifies a Twilio account or subaccount (`AC…`).
    AccountSid = "AC", "an" "account SID";
    /// Identifies an API key (`SK…`), used as the user name when authenticating with a key.
    ApiKeySid = "SK", "an" "API key SID";
    /// Identifies a conference (`CF…`).
    ConferenceSid = "CF", "a" "conference SID";
    /// Identifies a call (`CA…`); a conference participant is named by its call's SID too.
    CallSid = "CA", "a" "call SID";
    /// Identifies a BYOC (Bring Your Own Carrier) trunk (`BY…`).
    ByocTrunkSid = "BY", "a" "BYOC trunk SID";
    /// Identifies a TwiML application (`AP…`).
    ApplicationSid = "AP", "an" "application SID";
    /// Identifies a messaging service (`MG…`).
    MessagingServiceSid = "MG", "a" "messaging service SID";
    /// Identifies a message: `SM…` for SMS, `MM…` for MMS; Twilio accepts either wherever a message SID goes.
    MessageSid = "SM" | "MM", "a" "message SID";
    /// Identifies a recording (`RE…`).
    RecordingSid = "RE", "a" "recording SID";
    /// Identifies a content template (`HX…`).
    ContentSid = "HX", "a" "content SID";
    /// Identifies a phone number of the account (`PN…`).
    PhoneNumberSid = "PN", "a" "phone number SID";
    /// Identifies a call queue (`QU…`).
    QueueSid = "QU", "a" "queue SID";
    /// Identifies an address of the account (`AD…`).
    AddressSid = "AD", "an" "address SID";
    /// Identifies a SIP IP access control list (`AL…`).
    IpAccessControlListSid = "AL", "an" "IP access control list SID";
    /// Identifies a regulatory bundle (`BU…`).
    BundleSid = "BU", "a" "bundle SID";
    /// Identifies a SIP credential list (`CL…`).
    CredentialListSid = "CL", "a" "credential list SID";
    /// Identifies a connect app (`CN…`).
    ConnectAppSid = "CN", "a" "connect app SID";
    /// Identifies a SIP credential (`CR…`).
    CredentialSid = "CR", "a" "credential SID";
    /// Identifies the group of a call (`GP…`).
    CallGroupSid = "GP", "a" "call group SID";
    /// Identifies a real-time transcription of a call (`GT…`).
    RealtimeTranscriptionSid = "GT", "a" "real-time transcription SID";
    /// Identifies an IP address of an access control list (`IP…`).
    IpAddressSid = "IP", "an" "IP address SID";
    /// Identifies a user-defined message sent to a call (`KX…`).
    UserDefinedMessageSid = "KX", "a" "user-defined message SID";
    /// Identifies a media item of a message (`ME…`).
    MediaSid = "ME", "a" "media SID";
    /// Identifies a media stream of a call (`MZ…`).
    StreamSid = "MZ", "a" "stream SID";
    /// Identifies a notification (`NO…`).
    NotificationSid = "NO", "a" "notification SID";
    /// Identifies a payment session of a call (`PK…`).
    PaymentSid = "PK", "a" "payment SID";
    /// Identifies a regulatory identity (`RI…`).
    IdentitySid = "RI", "an" "identity SID";
    /// Identifies a short code (`SC…`).
    ShortCodeSid = "SC", "a" "short code SID";
    /// Identifies a SIP domain (`SD…`).
    SipDomainSid = "SD", "a" "SIP domain SID";
    /// Identifies a SIPREC session of a call (`SR…`).
    SiprecSid = "SR", "a" "SIPREC SID";
    /// Identifies a SIP trunk (`TK…`).
    TrunkSid = "TK", "a" "trunk SID";
    /// Identifies a transcription (`TR…`).
    TranscriptionSid = "TR", "a" "transcription SID";
    /// Identifies a usage trigger (`UT…`).
    UsageTriggerSid = "UT", "a" "usage trigger SID";
    /// Identifies an add-on (`XB…`).
    AddOnSid = "XB", "an" "add-on SID";
    /// Identifies an installed or assigned add-on (`XE…`).
    AssignedAddOnSid = "XE", "an" "assigned add-on SID";
    /// Identifies an add-on extension (`XF…`).
    AddOnExtensionSid = "XF", "an" "add-on extension SID";
    /// Identifies an add-on result's payload (`XH…`).
    AddOnPayloadSid = "XH", "an" "add-on payload SID";
    /// Identifies an add-on result (`XR…`).
    AddOnResultSid = "XR", "an" "add-on result SID";
    /// Identifies a subscription to a call's user-defined messages (`ZY…`).
    UserDefinedMessageSubscriptionSid = "ZY", "a" "user-defined message subscription SID";
    // Verify, Messaging services (issue 17).
    /// Identifies an alphanumeric sender ID of a Messaging service (`AI…`).
    AlphaSenderSid = "AI", "an" "alpha sender SID";
    /// Identifies a bucket of a Verify rate limit (`BL…`).
    RateLimitBucketSid = "BL", "a" "rate limit bucket SID";
    /// Identifies an A2P brand registration (`BN…`).
    BrandRegistrationSid = "BN", "a" "brand registration SID";
    /// Identifies a certificate of a link shortening domain (`CW…`).
    DomainCertificateSid = "CW", "a" "domain certificate SID";
    /// Identifies a link shortening domain of Messaging (`DN…`).
    LinkShorteningDomainSid = "DN", "a" "link shortening domain SID";
    /// Identifies a phone number on the Verify safe list (`GN…`).
    SafeListSid = "GN", "a" "safe list SID";
    /// Identifies a toll-free verification (`HH…`).
    TollfreeVerificationSid = "HH", "a" "toll-free verification SID";
    /// Identifies a message template of Verify (`HJ…`).
    VerifyTemplateSid = "HJ", "a" "Verify template SID";
    /// Identifies a notification of a Verify challenge (`NT…`).
    ChallengeNotificationSid = "NT", "a" "challenge notification SID";
    /// Identifies a US A2P 10DLC campaign (`QE…`).
    UsAppToPersonSid = "QE", "a" "US A2P campaign SID";
    /// Identifies a regulated item of a toll-free verification (`RA…`).
    RegulatedItemSid = "RA", "a" "regulated item SID";
    /// Identifies a rate limit of a Verify service (`RK…`).
    RateLimitSid = "RK", "a" "rate limit SID";
    /// Identifies a Verify service (`VA…`).
    VerifyServiceSid = "VA", "a" "Verify service SID";
    /// Identifies a verification of Verify (`VE…`).
    VerificationSid = "VE", "a" "verification SID";
    /// Identifies a verification attempt (`VL…`).
    VerificationAttemptSid = "VL", "a" "verification attempt SID";
    /// Identifies a vetting of an A2P brand (`VT…`).
    BrandVettingSid = "VT", "a" "brand vetting SID";
    /// Identifies a challenge of a Verify factor (`YC…`).
    ChallengeSid = "YC", "a" "challenge SID";
    /// Identifies an entity of a Verify service (`YE…`).
    EntitySid = "YE", "an" "entity SID";
    /// Identifies a factor of a Verify entity (`YF…`).
    FactorSid = "YF", "a" "factor SID";
    /// Identifies an access token of Verify (`YK…`).
    AccessTokenSid = "YK", "an" "access token SID";
    /// Identifies a webhook of a Verify service (`YW…`).
    VerifyWebhookSid = "YW", "a" "Verify webhook SID";
    /// Identifies the configuration of a link shortening domain (`ZK…`).
    DomainConfigSid = "ZK", "a" "domain config SID";
}

/// The conference named in Create Participant's path: a conference SID or, to create the conference
/// as the participant joins, its friendly name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ConferenceRef {
    /// An existing conference.
    Sid(ConferenceSid),
    /// The conference with this friendly name, created if none is in progress.
    FriendlyName(String),
}

impl FromStr for ConferenceRef {
    type Err = InvalidValue;

    /// A valid `CF…` SID is taken as a SID; any other text that is not empty and has no control
    /// characters is a friendly name.
    fn from_str(text: &str) -> Result<Self, InvalidValue> {
        if let Ok(sid) = text.parse() {
            Ok(Self::Sid(sid))
        } else if text.is_empty() || text.chars().any(char::is_control) {
            Err(InvalidValue::new(
                "a conference SID or friendly name (not empty, without control characters)",
                text,
            ))
        } else {
            Ok(Self::FriendlyName(text.to_owned()))
        }
    }
}

/// Read back from a path segment as [`FromStr`] reads it.
impl crate::form::FromFormValue for ConferenceRef {
    type Err = InvalidValue;

    fn from_form_value(text: &str) -> Result<Self, InvalidValue> {
        text.parse()
    }

    #[inline]
    fn is_checked_segment(&self) -> bool {
        matches!(self, Self::Sid(_))
    }
}

impl From<ConferenceSid> for ConferenceRef {
    fn from(sid: ConferenceSid) -> Self {
        Self::Sid(sid)
    }
}

impl fmt::Display for ConferenceRef {
    /// Writes the SID or the name unescaped: the path writer escapes it as one segment.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sid(sid) => f.write_str(sid.as_str()),
            Self::FriendlyName(name) => f.write_str(name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::FormWriter;

    const CALL: &str = "CAa1b2c3d4e5f60718293a4b5c6d7e8f90";
    const HEX: &str = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    #[test]
    fn parses_a_valid_sid_of_either_case() {
        let sid: CallSid = CALL.parse().unwrap();
        assert_eq!(sid.as_str(), CALL);
        assert_eq!(sid.to_string(), CALL);
        assert_eq!(sid.as_ref(), CALL);
        assert_eq!(format!("{sid:?}"), format!("CallSid(\"{CALL}\")"));

        let upper = format!("CA{}", HEX.to_uppercase());
        assert_eq!(upper.parse::<CallSid>().unwrap().as_str(), upper);
    }

    #[test]
    fn rejects_a_wrong_prefix() {
        let text = format!("CF{HEX}");
        let error = text.parse::<CallSid>().unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("expected a call SID (`CA` followed by 32 hex digits), got `{text}`")
        );
        // The prefix is case-sensitive, as in the OpenAPI patterns.
        assert!(format!("ca{HEX}").parse::<CallSid>().is_err());
        assert_eq!(
            "CFxx".parse::<AccountSid>().unwrap_err().to_string(),
            "expected an account SID (`AC` followed by 32 hex digits), got `CFxx`"
        );
    }

    #[test]
    fn rejects_a_wrong_length() {
        for text in ["", "CA", &CALL[..33], &format!("{CALL}0"), "CAé1b2c3d4e5f60718293a4b5c6d7e8f9"] {
            assert!(text.parse::<CallSid>().is_err(), "{text:?} should be rejected");
        }
    }

    #[test]
    fn rejects_non_hex_digits() {
        let text = format!("CA{}g", &HEX[..31]);
        assert!(text.parse::<CallSid>().is_err());
        assert!(format!("CA{}", " ".repeat(32)).parse::<CallSid>().is_err());
    }

    #[test]
    fn a_message_sid_is_sm_or_mm() {
        assert!(format!("SM{HEX}").parse::<MessageSid>().is_ok());
        assert!(format!("MM{HEX}").parse::<MessageSid>().is_ok());
        assert_eq!(
            format!("SK{HEX}").parse::<MessageSid>().unwrap_err().expected(),
            "a message SID (`SM` or `MM` followed by 32 hex digits)"
        );
    }

    #[test]
    fn each_type_has_its_prefix() {
        fn accepts<T: FromStr>(prefix: &str) -> bool {
            format!("{prefix}{HEX}").parse::<T>().is_ok()
        }
        assert!(accepts::<AccountSid>("AC"));
        assert!(accepts::<ApiKeySid>("SK"));
        assert!(accepts::<ConferenceSid>("CF"));
        assert!(accepts::<CallSid>("CA"));
        assert!(accepts::<ByocTrunkSid>("BY"));
        assert!(accepts::<ApplicationSid>("AP"));
        assert!(accepts::<MessagingServiceSid>("MG"));
        assert!(accepts::<RecordingSid>("RE"));
        assert!(accepts::<ContentSid>("HX"));
        assert!(accepts::<PhoneNumberSid>("PN"));
        assert!(accepts::<QueueSid>("QU"));
        assert!(!accepts::<QueueSid>("QA"));
        assert!(accepts::<AddressSid>("AD"));
        assert!(accepts::<SipDomainSid>("SD"));
        assert!(accepts::<UserDefinedMessageSubscriptionSid>("ZY"));
        assert!(!accepts::<TrunkSid>("TR"));
    }

    #[test]
    fn serde_round_trip_validates() {
        let sid: CallSid = CALL.parse().unwrap();
        let json = serde_json::to_string(&sid).unwrap();
        assert_eq!(json, format!("\"{CALL}\""));
        assert_eq!(serde_json::from_str::<CallSid>(&json).unwrap(), sid);
        assert!(serde_json::from_str::<ConferenceSid>(&json).is_err());
    }

    #[test]
    fn usable_in_a_const_item() {
        const ACCOUNT: AccountSid = AccountSid::from_static("ACa1b2c3d4e5f60718293a4b5c6d7e8f90");
        assert_eq!(ACCOUNT.as_str(), "ACa1b2c3d4e5f60718293a4b5c6d7e8f90");
        assert_eq!(ACCOUNT, ACCOUNT.as_str().parse().unwrap());
    }

    #[test]
    #[should_panic(expected = "invalid call SID: expected `CA` followed by 32 hex digits")]
    fn from_static_panics_on_an_invalid_sid() {
        // Called at run time here; in a `const` item the same mistake fails the build.
        let text: &'static str = std::hint::black_box("CF00000000000000000000000000000000");
        let _ = CallSid::from_static(text);
    }

    #[test]
    fn sent_as_its_text() {
        let mut out = FormWriter::default();
        out.pair("CallSidToCoach", &CallSid::from_static(CALL));
        assert_eq!(out.finish(), format!("CallSidToCoach={CALL}"));
    }

    #[test]
    fn orders_like_its_text() {
        let low = CallSid::from_static("CA00000000000000000000000000000001");
        let high = CallSid::from_static("CA00000000000000000000000000000002");
        assert!(low < high);
    }

    #[test]
    fn a_conference_is_named_by_sid_or_friendly_name() {
        let sid = format!("CF{HEX}");
        let by_sid: ConferenceRef = sid.parse().unwrap();
        assert_eq!(by_sid, ConferenceRef::Sid(sid.parse().unwrap()));
        assert_eq!(by_sid.to_string(), sid);
        assert_eq!(
            ConferenceRef::from(ConferenceSid::from_static("CFa1b2c3d4e5f60718293a4b5c6d7e8f90")),
            by_sid
        );

        let by_name: ConferenceRef = "My Room é".parse().unwrap();
        assert_eq!(by_name, ConferenceRef::FriendlyName("My Room é".into()));
        assert_eq!(by_name.to_string(), "My Room é");
        // Almost a SID is still a valid friendly name.
        assert!(matches!("CFxx".parse(), Ok(ConferenceRef::FriendlyName(_))));

        assert!("".parse::<ConferenceRef>().is_err());
        assert!("Room\n1".parse::<ConferenceRef>().is_err());
    }
}
