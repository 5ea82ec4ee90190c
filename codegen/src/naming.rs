//! Rust names from the description's names: fields and their keys, types, enum variants, SID types,
//! resource families.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Rust keywords (strict, reserved and edition 2024's `gen`), which cannot be field names as they are.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while",
    "abstract", "become", "box", "do", "final", "gen", "macro", "override", "priv", "try", "typeof",
    "unsized", "virtual", "yield",
];

/// The methods `#[twilio_endpoint]` generates, which a field may not be named like.
const GENERATED_METHODS: &[&str] = &["new", "validate", "to_form", "send", "preview", "extra_param"];

/// What the attribute sends for a field named `ident`: its name in PascalCase (heck, as the macro).
pub fn macro_key(ident: &str) -> String {
    ident.to_upper_camel_case()
}

/// A request field for the key `key`: its name, and the `rename` the attribute needs when the
/// PascalCase of the name is not the key.
///
/// Filter operators become words, as in the hand-written lists: `StartTime<` is `start_time_before`,
/// `StartTime>` is `start_time_after`. A keyword or a generated method's name gets a trailing `_`
/// (`type_`), whose PascalCase is still the key.
pub fn request_field(key: &str) -> (String, Option<String>) {
    let (base, suffix) = if let Some(base) = key.strip_suffix('<') {
        (base, "_before")
    } else if let Some(base) = key.strip_suffix('>') {
        (base, "_after")
    } else {
        (key, "")
    };
    let mut ident = format!("{}{suffix}", base.to_snake_case());
    if KEYWORDS.contains(&ident.as_str()) || GENERATED_METHODS.contains(&ident.as_str()) {
        ident.push('_');
    }
    let rename = (macro_key(&ident) != key).then(|| key.to_owned());
    (ident, rename)
}

/// Whether `ident` cannot be a request field's name as it is: a keyword, or the name of a method the
/// attribute generates.
pub fn is_reserved(ident: &str) -> bool {
    KEYWORDS.contains(&ident) || GENERATED_METHODS.contains(&ident)
}

/// A response field for the JSON property `property`: its name and, when serde would not read the
/// property under that name, the `rename`. A keyword is written raw (`r#type`), which serde reads as
/// `type`.
pub fn response_field(property: &str) -> (String, Option<String>) {
    let snake = property.to_snake_case();
    if KEYWORDS.contains(&snake.as_str()) && snake == property {
        return (format!("r#{snake}"), None);
    }
    let ident = if KEYWORDS.contains(&snake.as_str()) { format!("{snake}_") } else { snake };
    let rename = (ident != property).then(|| property.to_owned());
    (ident, rename)
}

/// A type name in PascalCase.
pub fn type_name(text: &str) -> String {
    text.to_upper_camel_case()
}

/// The response type of a schema: its last segment (`api.v2010.account.queue` -> `Queue`,
/// `api.v2010.account.call.call_notification-instance` -> `CallNotificationInstance`).
pub fn schema_type(schema: &str) -> String {
    type_name(schema.rsplit('.').next().unwrap_or(schema))
}

/// The enum of an enum schema `<resource>_enum_<name>`: both in PascalCase, without repeating the
/// resource's last word (`usage_trigger_enum_trigger_field` -> `UsageTriggerField`).
pub fn enum_type(schema: &str) -> String {
    let Some((resource, name)) = schema.split_once("_enum_") else {
        return type_name(schema);
    };
    let last = resource.rsplit('_').next().unwrap_or(resource);
    let name = name.strip_prefix(last).and_then(|rest| rest.strip_prefix('_')).unwrap_or(name);
    format!("{}{}", type_name(resource), type_name(name))
}

/// The variants of an enum for `values`, in order: each value in PascalCase, made unique and a valid
/// identifier (`V` before a leading digit, `Empty` for the empty string).
pub fn variants(values: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for value in values {
        let mut name = type_name(value);
        if name.is_empty() {
            name = match value.as_str() {
                "" => "Empty".into(),
                // Every event (Verify's webhook `EventTypes`).
                "*" => "All".into(),
                _ => "Value".into(),
            };
        }
        if name.starts_with(|c: char| c.is_ascii_digit()) {
            name.insert(0, 'V');
        }
        if name == "Unknown" {
            // `Unknown(String)` is an open enum's own variant.
            name = "UnknownValue".into();
        }
        let base = name.clone();
        let mut n = 2;
        while out.contains(&name) {
            name = format!("{base}{n}");
            n += 1;
        }
        out.push(name);
    }
    out
}

/// The resource family of a path: the first segment after `/Accounts/{AccountSid}/`, in snake case;
/// the account itself is `accounts`. `SMS/ShortCodes` is `short_codes`, `AuthorizedConnectApps` is
/// `connect_apps`.
pub fn family(path: &str) -> String {
    if !path.starts_with("/2010-04-01/") {
        return product_family(path);
    }
    let rest = path.trim_start_matches('/');
    let rest = rest.split_once('/').map_or(rest, |(_, rest)| rest);
    let Some(rest) = rest.strip_prefix("Accounts/{AccountSid}/") else {
        return "accounts".into();
    };
    let first = rest.split('/').next().unwrap_or(rest).trim_end_matches(".json");
    match first.to_snake_case().as_str() {
        "sms" => "short_codes".into(),
        "authorized_connect_apps" => "connect_apps".into(),
        other => other.into(),
    }
}

/// The family of a path of a product other than the 2010 API (`/v2/Services/{ServiceSid}/Verifications`):
/// the first segment after the version, in snake case (`services`, `attempts`, `a2p`).
pub fn product_family(path: &str) -> String {
    let mut segments = path.trim_start_matches('/').split('/');
    let _version = segments.next();
    segments.next().unwrap_or("root").to_snake_case()
}

/// The product of a description's server URL: the host's first label (`https://verify.twilio.com` ->
/// `verify`), `api` for the 2010 API.
pub fn host_label(url: &str) -> Option<String> {
    let host = url.strip_prefix("https://")?.split('/').next()?;
    let label = host.strip_suffix(".twilio.com")?;
    (!label.is_empty() && label.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
        .then(|| label.to_owned())
}

/// The cargo feature of a family: `v2010-incoming-phone-numbers`.
pub fn feature(family: &str) -> String {
    format!("v2010-{}", family.replace('_', "-"))
}

/// The SID type for a two-letter prefix, named after the resource it identifies. The runtime declares
/// each in `sid_types!`; a prefix missing here is typed `String` (and says so).
pub fn sid_type(prefix: &str) -> Option<&'static str> {
    Some(match prefix {
        "AC" => "AccountSid",
        "AD" => "AddressSid",
        "AL" => "IpAccessControlListSid",
        "AP" => "ApplicationSid",
        "BU" => "BundleSid",
        "BY" => "ByocTrunkSid",
        "CA" => "CallSid",
        "CF" => "ConferenceSid",
        "CL" => "CredentialListSid",
        "CN" => "ConnectAppSid",
        "CR" => "CredentialSid",
        "GP" => "CallGroupSid",
        "GT" => "RealtimeTranscriptionSid",
        "HX" => "ContentSid",
        "IP" => "IpAddressSid",
        "KX" => "UserDefinedMessageSid",
        "ME" => "MediaSid",
        "MG" => "MessagingServiceSid",
        "MZ" => "StreamSid",
        "NO" => "NotificationSid",
        "PK" => "PaymentSid",
        "PN" => "PhoneNumberSid",
        "QU" => "QueueSid",
        "RE" => "RecordingSid",
        "RI" => "IdentitySid",
        "SC" => "ShortCodeSid",
        "SD" => "SipDomainSid",
        "SK" => "ApiKeySid",
        "SM" | "MM" => "MessageSid",
        "SR" => "SiprecSid",
        "TK" => "TrunkSid",
        "TR" => "TranscriptionSid",
        "UT" => "UsageTriggerSid",
        "XB" => "AddOnSid",
        "XE" => "AssignedAddOnSid",
        "XF" => "AddOnExtensionSid",
        "XH" => "AddOnPayloadSid",
        "XR" => "AddOnResultSid",
        "ZY" => "UserDefinedMessageSubscriptionSid",
        "AI" => "AlphaSenderSid",
        "BL" => "RateLimitBucketSid",
        "BN" => "BrandRegistrationSid",
        "CW" => "DomainCertificateSid",
        "DN" => "LinkShorteningDomainSid",
        "GN" => "SafeListSid",
        "HH" => "TollfreeVerificationSid",
        "HJ" => "VerifyTemplateSid",
        "NT" => "ChallengeNotificationSid",
        "QE" => "UsAppToPersonSid",
        "RA" => "RegulatedItemSid",
        "RK" => "RateLimitSid",
        "VA" => "VerifyServiceSid",
        "VE" => "VerificationSid",
        "VL" => "VerificationAttemptSid",
        "VT" => "BrandVettingSid",
        "YC" => "ChallengeSid",
        "YE" => "EntitySid",
        "YF" => "FactorSid",
        "YK" => "AccessTokenSid",
        "YW" => "VerifyWebhookSid",
        "ZK" => "DomainConfigSid",
        _ => return None,
    })
}

/// The prefix of a SID pattern: `^CA[0-9a-fA-F]{32}$` -> `CA`, `^(SM|MM)[0-9a-fA-F]{32}$` -> `SM`.
pub fn sid_prefix(pattern: &str) -> Option<String> {
    let body = pattern.strip_prefix('^')?.strip_suffix("[0-9a-fA-F]{32}$")?;
    let first = body.trim_start_matches('(').split('|').next()?;
    (first.len() == 2 && first.bytes().all(|b| b.is_ascii_uppercase())).then(|| first.to_owned())
}

/// Whether a key obviously holds a secret, so that its field is `sensitive` (never shown by `Debug`)
/// without an overlay rule: a password, a secret, an auth token or any other token but the paging one.
pub fn obviously_secret(key: &str) -> bool {
    key.contains("Password")
        || key.contains("Secret")
        || key.contains("AuthToken")
        || (key.ends_with("Token") && key != "PageToken")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_need_a_rename_only_when_pascal_case_differs() {
        assert_eq!(request_field("FriendlyName"), ("friendly_name".into(), None));
        assert_eq!(request_field("PageSize"), ("page_size".into(), None));
        // heck writes `SipAuthUsername`; the acronym needs the key as written.
        assert_eq!(
            request_field("SIPAuthUsername"),
            ("sip_auth_username".into(), Some("SIPAuthUsername".into()))
        );
        assert_eq!(request_field("VoiceCallerIdLookup"), ("voice_caller_id_lookup".into(), None));
    }

    #[test]
    fn operators_become_words_with_the_key_kept() {
        assert_eq!(
            request_field("DateCreated<"),
            ("date_created_before".into(), Some("DateCreated<".into()))
        );
        assert_eq!(request_field("StartTime>"), ("start_time_after".into(), Some("StartTime>".into())));
    }

    #[test]
    fn keywords_and_generated_methods_get_an_underscore() {
        assert_eq!(request_field("Type"), ("type_".into(), None));
        assert_eq!(request_field("Async"), ("async_".into(), None));
        assert_eq!(request_field("Send"), ("send_".into(), None));
        assert_eq!(response_field("type"), ("r#type".into(), None));
        assert_eq!(response_field("friendly_name"), ("friendly_name".into(), None));
        assert_eq!(response_field("SomeKey"), ("some_key".into(), Some("SomeKey".into())));
    }

    #[test]
    fn type_names_from_schemas() {
        assert_eq!(schema_type("api.v2010.account.queue"), "Queue");
        assert_eq!(
            schema_type("api.v2010.account.call.call_notification-instance"),
            "CallNotificationInstance"
        );
        assert_eq!(enum_type("queue_enum_status"), "QueueStatus");
        assert_eq!(enum_type("usage_trigger_enum_trigger_field"), "UsageTriggerField");
        assert_eq!(
            enum_type("incoming_phone_number_enum_address_requirement"),
            "IncomingPhoneNumberAddressRequirement"
        );
    }

    #[test]
    fn variants_are_unique_identifiers() {
        let values: Vec<String> = ["in-progress", "outbound-api", "1", "", "unknown", "In Progress"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            variants(&values),
            ["InProgress", "OutboundApi", "V1", "Empty", "UnknownValue", "InProgress2"]
        );
    }

    #[test]
    fn families_from_paths() {
        assert_eq!(family("/2010-04-01/Accounts.json"), "accounts");
        assert_eq!(family("/2010-04-01/Accounts/{Sid}.json"), "accounts");
        assert_eq!(family("/2010-04-01/Accounts/{AccountSid}/Queues/{Sid}.json"), "queues");
        assert_eq!(family("/2010-04-01/Accounts/{AccountSid}/Balance.json"), "balance");
        assert_eq!(family("/2010-04-01/Accounts/{AccountSid}/SIP/Domains.json"), "sip");
        assert_eq!(family("/2010-04-01/Accounts/{AccountSid}/SMS/ShortCodes.json"), "short_codes");
        assert_eq!(family("/2010-04-01/Accounts/{AccountSid}/AuthorizedConnectApps.json"), "connect_apps");
        assert_eq!(
            family("/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/Local.json"),
            "incoming_phone_numbers"
        );
        assert_eq!(feature("incoming_phone_numbers"), "v2010-incoming-phone-numbers");
        assert_eq!(family("/v2/Services/{ServiceSid}/Verifications"), "services");
        assert_eq!(family("/v2/Attempts/Summary"), "attempts");
        assert_eq!(family("/v1/a2p/BrandRegistrations"), "a2p");
        assert_eq!(family("/v2/SafeList/Numbers"), "safe_list");
    }

    #[test]
    fn products_from_server_urls() {
        assert_eq!(host_label("https://verify.twilio.com").as_deref(), Some("verify"));
        assert_eq!(host_label("https://api.twilio.com").as_deref(), Some("api"));
        assert_eq!(host_label("https://example.com"), None);
    }

    #[test]
    fn sid_prefixes() {
        assert_eq!(sid_prefix("^QU[0-9a-fA-F]{32}$").as_deref(), Some("QU"));
        assert_eq!(sid_prefix("^(SM|MM)[0-9a-fA-F]{32}$").as_deref(), Some("SM"));
        assert_eq!(sid_prefix("^[a-z]+$"), None);
        assert_eq!(sid_type("SM"), Some("MessageSid"));
        assert_eq!(sid_type("QU"), Some("QueueSid"));
        assert_eq!(sid_type("ZZ"), None);
    }

    #[test]
    fn secrets_are_recognised() {
        for key in ["Password", "SipAuthPassword", "AuthToken", "CallToken", "ClientSecret"] {
            assert!(obviously_secret(key), "{key}");
        }
        for key in ["PageToken", "FriendlyName", "Tokenized"] {
            assert!(!obviously_secret(key), "{key}");
        }
    }
}
