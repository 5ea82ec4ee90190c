//! Twilio's product hosts (`api`, `verify`, `lookups`, `messaging`): which names may be one. Below both
//! the endpoint, which checks its own at compile time, and the client, which builds URLs from them.

/// Whether `host` may be an [`Endpoint::HOST`](crate::Endpoint::HOST): 1 to 63 lowercase ASCII letters and digits, one label
/// of a host name, as Twilio's product names are (`api`, `verify`, `lookups`, `messaging`).
pub(crate) const fn is_product_host(host: &str) -> bool {
    let bytes = host.as_bytes();
    if bytes.is_empty() || bytes.len() > 63 {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        if !(bytes[i].is_ascii_lowercase() || bytes[i].is_ascii_digit()) {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_product_host_is_one_label_of_lowercase_letters_and_digits() {
        for good in ["api", "verify", "lookups", "messaging", "preview2", "a"] {
            assert!(is_product_host(good), "{good}");
        }
        let long = "a".repeat(64);
        for bad in ["", "Verify", "verify.twilio.com", "evil.example/x.", "ver-ify", "ver ify", "é", &long] {
            assert!(!is_product_host(bad), "{bad}");
        }
    }
}
