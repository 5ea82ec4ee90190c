//! The URLs a webhook signature is checked against, made as Twilio's Python SDK (`twilio` 9.13.0 on
//! CPython 3.11) makes them: `urllib.parse.urlparse`, then `geturl()` with the port taken off and with
//! the scheme's default port put on. Both are rebuilt from the parsed parts, so neither is always the
//! URL as received: the scheme is lowercased, an empty query (`?`) or fragment (`#`) disappears, and
//! "taking the port off" keeps the address up to its first `:`, whatever comes after it.
//!
//! The `url` crate is not used here on purpose: it normalises (default ports dropped, hosts
//! lowercased, characters escaped), and a signature is only as good as the exact text it was computed
//! over. Every rule below is Python's, down to the inputs where Python raises an error: those are
//! refused (a request that the reference cannot validate is not valid).

use std::borrow::Cow;

/// Why a URL cannot be checked; each case is one where Python's `urlparse` (or the `port` it
/// computes) raises `ValueError`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum UrlProblem {
    /// `host:abc`, `host:-1`, `host:٣`: the port is not ASCII digits.
    PortNotNumber,
    /// `host:65536`.
    PortOutOfRange,
    /// `[::1` or `::1]`.
    UnbalancedBracket,
    /// `[example.com]`, `[1.2.3.4]`: a bracketed host must be an IPv6 address (or `vX.…`).
    BracketedHostNotIpv6,
    /// `ex℀mple.com`: a character whose compatibility form holds `/`, `?`, `#`, `@` or `:`.
    HostNormalizesToDelimiter,
}

impl UrlProblem {
    pub(super) fn describe(self) -> &'static str {
        match self {
            UrlProblem::PortNotNumber => "its port is not a number (only ASCII digits are allowed after `:`)",
            UrlProblem::PortOutOfRange => "its port is greater than 65535",
            UrlProblem::UnbalancedBracket => "its host has a `[` without a `]`, or a `]` without a `[`",
            UrlProblem::BracketedHostNotIpv6 => "the host between `[` and `]` is not an IPv6 address",
            UrlProblem::HostNormalizesToDelimiter => {
                "its host has a character whose compatibility form (NFKC) is `/`, `?`, `#`, `@` or `:`"
            }
        }
    }
}

/// Schemes whose URLs `urlunsplit` writes with `//` even when the host is empty (`uses_netloc`).
const USES_NETLOC: &[&str] = &[
    "", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais", "file", "mms", "https", "shttp", "snews",
    "prospero", "rtsp", "rtsps", "rtspu", "rsync", "svn", "svn+ssh", "sftp", "nfs", "git", "git+ssh", "ws",
    "wss",
];

/// Schemes whose last path segment `urlparse` splits at `;` into path and parameters (`uses_params`).
const USES_PARAMS: &[&str] = &[
    "", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp", "rtsp", "rtsps", "rtspu", "sip", "sips",
    "mms", "sftp", "tel",
];

/// The characters whose NFKC form holds `/`, `?`, `#`, `@` or `:` (in Unicode 14.0, CPython 3.11's).
/// Python refuses a non-ASCII host that holds one (`_checknetloc`), since IDNA would turn it into a
/// delimiter. Composition never produces these ASCII characters, so looking at single characters is
/// the same as normalising the whole host. The list was made by normalising every code point with
/// `unicodedata.normalize("NFKC", …)`.
const NFKC_DELIMITERS: [char; 19] = [
    '\u{2047}', '\u{2048}', '\u{2049}', '\u{2100}', '\u{2101}', '\u{2105}', '\u{2106}', '\u{2A74}',
    '\u{FE13}', '\u{FE16}', '\u{FE55}', '\u{FE56}', '\u{FE5F}', '\u{FE6B}', '\u{FF03}', '\u{FF0F}',
    '\u{FF1A}', '\u{FF1F}', '\u{FF20}',
];

/// A URL cut into `urlparse`'s six parts. `scheme` is lowercased; the other parts are as written.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct PythonUrl {
    scheme: String,
    netloc: String,
    path: String,
    params: String,
    query: String,
    fragment: String,
}

impl PythonUrl {
    /// `urllib.parse.urlparse(url)`, with the checks that make it raise.
    pub(super) fn parse(url: &str) -> Result<Self, UrlProblem> {
        // WHATWG's "C0 control or space" is stripped at the start only; tabs and line breaks are
        // removed everywhere.
        let url: String = url
            .trim_start_matches(|c| c <= ' ')
            .chars()
            .filter(|c| !matches!(c, '\t' | '\r' | '\n'))
            .collect();
        let mut rest = url.as_str();

        let mut scheme = String::new();
        if let Some(colon) = rest.find(':')
            && colon > 0
            && rest.as_bytes()[0].is_ascii_alphabetic()
            && rest[..colon].bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        {
            scheme = rest[..colon].to_ascii_lowercase();
            rest = &rest[colon + 1..];
        }

        let mut netloc = "";
        if let Some(after_slashes) = rest.strip_prefix("//") {
            let end = after_slashes.find(['/', '?', '#']).unwrap_or(after_slashes.len());
            (netloc, rest) = after_slashes.split_at(end);
            check_brackets(netloc)?;
        }
        let (rest, fragment) = rest.split_once('#').unwrap_or((rest, ""));
        let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
        if !netloc.is_ascii() && netloc.contains(NFKC_DELIMITERS) {
            return Err(UrlProblem::HostNormalizesToDelimiter);
        }
        let (path, params) =
            if USES_PARAMS.contains(&scheme.as_str()) { split_params(rest) } else { (rest, "") };

        Ok(Self {
            netloc: netloc.to_owned(),
            path: path.to_owned(),
            params: params.to_owned(),
            query: query.to_owned(),
            fragment: fragment.to_owned(),
            scheme,
        })
    }

    /// The query, after `?` and before `#`, undecoded.
    pub(super) fn query(&self) -> &str {
        &self.query
    }

    /// The two URLs Python signs and compares: `remove_port`'s, then `add_port`'s.
    ///
    /// With a port other than 0, the first is the URL with its address cut at the first `:` (so
    /// `user:pw@host:8080` becomes `user`, `[::1]:8080` becomes `[`, exactly as Python does) and the
    /// second is the URL as parsed. Without one (or with port 0, which Python takes for none), the first
    /// is the URL as parsed and the second has `:443` (scheme `https`) or `:80` (any other) appended to
    /// its address.
    pub(super) fn signed_urls(&self) -> Result<[String; 2], UrlProblem> {
        match self.port()? {
            Some(port) if port != 0 => {
                let host_only = self.netloc.split(':').next().unwrap_or_default();
                Ok([self.unparse(host_only), self.unparse(&self.netloc)])
            }
            _ => {
                let default_port = if self.scheme == "https" { "443" } else { "80" };
                Ok([self.unparse(&self.netloc), self.unparse(&format!("{}:{default_port}", self.netloc))])
            }
        }
    }

    /// The `port` property: the text after the host's `:` (after `]` for a bracketed host), as a
    /// number; none when there is no such text.
    fn port(&self) -> Result<Option<u32>, UrlProblem> {
        let host_and_port = self.netloc.rsplit_once('@').map_or(self.netloc.as_str(), |(_, after)| after);
        let port = match host_and_port.split_once('[') {
            Some((_, bracketed)) => bracketed.split_once(']').map_or("", |(_, after)| after),
            None => host_and_port,
        };
        let port = port.split_once(':').map_or("", |(_, port)| port);
        if port.is_empty() {
            return Ok(None);
        }
        if !port.bytes().all(|b| b.is_ascii_digit()) {
            return Err(UrlProblem::PortNotNumber);
        }
        // Python reads any number of digits (leading zeros included) and then checks the range.
        let significant = port.trim_start_matches('0');
        match significant.parse::<u32>() {
            _ if significant.is_empty() => Ok(Some(0)),
            Ok(port) if port <= 65535 && significant.len() <= 5 => Ok(Some(port)),
            _ => Err(UrlProblem::PortOutOfRange),
        }
    }

    /// `geturl()` (that is, `urlunparse`) with `netloc` in place of the URL's own.
    fn unparse(&self, netloc: &str) -> String {
        let mut path = Cow::Borrowed(self.path.as_str());
        if !self.params.is_empty() {
            path = Cow::Owned(format!("{path};{}", self.params));
        }
        let mut url = String::new();
        if !self.scheme.is_empty() {
            url.push_str(&self.scheme);
            url.push(':');
        }
        let scheme_has_netloc = !self.scheme.is_empty() && USES_NETLOC.contains(&self.scheme.as_str());
        if !netloc.is_empty() || (scheme_has_netloc && !path.starts_with("//")) {
            url.push_str("//");
            url.push_str(netloc);
            if !path.is_empty() && !path.starts_with('/') {
                url.push('/');
            }
        }
        url.push_str(&path);
        if !self.query.is_empty() {
            url.push('?');
            url.push_str(&self.query);
        }
        if !self.fragment.is_empty() {
            url.push('#');
            url.push_str(&self.fragment);
        }
        url
    }
}

/// `_splitparams`: the path's last segment is cut at its first `;`.
fn split_params(path: &str) -> (&str, &str) {
    let last_segment = path.rfind('/').unwrap_or(0);
    match path[last_segment..].find(';') {
        Some(semicolon) => (&path[..last_segment + semicolon], &path[last_segment + semicolon + 1..]),
        None => (path, ""),
    }
}

/// `urlsplit`'s bracket checks: both brackets or neither, and what the first pair holds is an IPv6
/// address (or an `IPvFuture`, `v` + hex digits + `.` + anything).
fn check_brackets(netloc: &str) -> Result<(), UrlProblem> {
    match (netloc.split_once('['), netloc.contains(']')) {
        (None, false) => Ok(()),
        (Some(_), false) | (None, true) => Err(UrlProblem::UnbalancedBracket),
        (Some((_, after_open)), true) => {
            let host = after_open.split_once(']').map_or(after_open, |(host, _)| host);
            let valid = match host.strip_prefix('v') {
                Some(future) => {
                    let digits = future.bytes().take_while(u8::is_ascii_hexdigit).count();
                    digits > 0 && future[digits..].strip_prefix('.').is_some_and(|rest| !rest.is_empty())
                }
                None => is_ipv6(host),
            };
            if valid { Ok(()) } else { Err(UrlProblem::BracketedHostNotIpv6) }
        }
    }
}

/// Whether Python's `ipaddress.IPv6Address` takes `text`: up to 8 groups of 1 to 4 hex digits, one
/// `::` at most, an optional dotted IPv4 address as the last 32 bits, and an optional `%zone`.
fn is_ipv6(text: &str) -> bool {
    const GROUPS: usize = 8;
    if text.contains('/') {
        return false;
    }
    let address = match text.split_once('%') {
        Some((_, zone)) if zone.is_empty() || zone.contains('%') => return false,
        Some((address, _)) => address,
        None => text,
    };
    let mut parts: Vec<&str> = address.split(':').collect();
    if address.is_empty() || parts.len() < 3 {
        return false;
    }
    if parts.last().is_some_and(|last| last.contains('.')) {
        // The IPv4 suffix stands for two groups; they are valid, so placeholders will do.
        if parts.pop().is_none_or(|ipv4| !is_ipv4(ipv4)) {
            return false;
        }
        parts.extend(["0", "0"]);
    }
    if parts.len() > GROUPS + 1 {
        return false;
    }
    let count = parts.len();
    let mut skip = None;
    for (index, part) in parts.iter().enumerate().take(count - 1).skip(1) {
        if part.is_empty() {
            if skip.is_some() {
                return false;
            }
            skip = Some(index);
        }
    }
    let (first, last) = (parts[0].is_empty(), parts[count - 1].is_empty());
    let (high, low) = match skip {
        Some(skip) => {
            let (mut high, mut low) = (skip, count - skip - 1);
            if first {
                high -= 1;
                if high != 0 {
                    return false;
                }
            }
            if last {
                low -= 1;
                if low != 0 {
                    return false;
                }
            }
            if high + low >= GROUPS {
                return false;
            }
            (high, low)
        }
        None if count != GROUPS || first || last => return false,
        None => (count, 0),
    };
    let is_group = |part: &&str| (1..=4).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_hexdigit());
    parts[..high].iter().all(is_group) && parts[count - low..].iter().all(is_group)
}

/// Whether Python's `ipaddress.IPv4Address` takes `text`: four decimal numbers up to 255, without
/// leading zeros.
fn is_ipv4(text: &str) -> bool {
    let octets: Vec<&str> = text.split('.').collect();
    octets.len() == 4
        && octets.iter().all(|octet| {
            (1..=3).contains(&octet.len())
                && octet.bytes().all(|b| b.is_ascii_digit())
                && (*octet == "0" || !octet.starts_with('0'))
                && octet.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

/// The first value of `key` in `query` as Python's `parse_qs` reads it: pairs split at `&`, a pair
/// without `=` or with nothing after it left out, names and values decoded (`+` and `%XX`).
pub(super) fn first_query_value(query: &str, key: &str) -> Option<String> {
    query
        .split('&')
        .filter(|pair| pair.split_once('=').is_some_and(|(_, value)| !value.is_empty()))
        .filter_map(|pair| form_urlencoded::parse(pair.as_bytes()).next())
        .find(|(name, _)| name == key)
        .map(|(_, value)| value.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signed(url: &str) -> [String; 2] {
        PythonUrl::parse(url).and_then(|url| url.signed_urls()).unwrap()
    }

    fn problem(url: &str) -> UrlProblem {
        PythonUrl::parse(url).and_then(|url| url.signed_urls()).unwrap_err()
    }

    #[test]
    fn the_default_port_is_put_on_and_any_port_taken_off() {
        assert_eq!(
            signed("https://example.com/a?b=1"),
            ["https://example.com/a?b=1", "https://example.com:443/a?b=1"]
        );
        assert_eq!(signed("http://example.com/a"), ["http://example.com/a", "http://example.com:80/a"]);
        assert_eq!(signed("wss://example.com/"), ["wss://example.com/", "wss://example.com:80/"]);
        assert_eq!(
            signed("https://example.com:8443/a"),
            ["https://example.com/a", "https://example.com:8443/a"]
        );
        assert_eq!(
            signed("https://example.com:0/a"),
            ["https://example.com:0/a", "https://example.com:0:443/a"]
        );
        assert_eq!(
            signed("https://example.com:/a"),
            ["https://example.com:/a", "https://example.com::443/a"]
        );
        // Python reads any number of digits, leading zeros included, before it checks the range.
        assert_eq!(signed("https://host:000000000000080/")[0], "https://host/");
    }

    #[test]
    fn the_url_is_rebuilt_from_its_parts() {
        assert_eq!(signed("HTTPS://Example.COM/A?")[0], "https://Example.COM/A");
        assert_eq!(signed("https://example.com/a#")[0], "https://example.com/a");
        assert_eq!(signed("https://example.com/a;?x#f")[0], "https://example.com/a?x#f");
        assert_eq!(signed("https://example.com/a;p;q/b;c")[0], "https://example.com/a;p;q/b;c");
        assert_eq!(signed("https://example.com")[1], "https://example.com:443");
        assert_eq!(signed(" \u{1}https://exa\tmple.com/\na ")[0], "https://example.com/a ");
        assert_eq!(signed("https:example.com/a")[1], "https://:443/example.com/a");
        assert_eq!(signed("https:///a")[0], "https:///a");
        assert_eq!(signed("example.com/a")[1], "//:80/example.com/a");
    }

    #[test]
    fn taking_the_port_off_cuts_the_address_at_its_first_colon() {
        assert_eq!(signed("https://user:pw@host:8080/a")[0], "https://user/a");
        assert_eq!(signed("https://user@host:8080/a")[0], "https://user@host/a");
        assert_eq!(signed("https://[::1]:8080/a")[0], "https://[/a");
        assert_eq!(signed("https://[::1]/a")[1], "https://[::1]:443/a");
        assert_eq!(signed("https://user:pw@host/a")[1], "https://user:pw@host:443/a");
    }

    #[test]
    fn urls_python_raises_on_are_refused() {
        assert_eq!(problem("https://host:abc/"), UrlProblem::PortNotNumber);
        assert_eq!(problem("https://host:+80/"), UrlProblem::PortNotNumber);
        assert_eq!(problem("https://host:\u{663}/"), UrlProblem::PortNotNumber);
        assert_eq!(problem("https://host:65536/"), UrlProblem::PortOutOfRange);
        assert_eq!(problem("https://[::1/"), UrlProblem::UnbalancedBracket);
        assert_eq!(problem("https://::1]/"), UrlProblem::UnbalancedBracket);
        assert_eq!(problem("https://[example.com]/"), UrlProblem::BracketedHostNotIpv6);
        assert_eq!(problem("https://[127.0.0.1]/"), UrlProblem::BracketedHostNotIpv6);
        assert_eq!(problem("https://ex\u{2100}mple.com/"), UrlProblem::HostNormalizesToDelimiter);
    }

    #[test]
    fn bracketed_hosts_follow_pythons_ipaddress() {
        for valid in
            ["::", "::1", "1::", "1:2:3:4:5:6:7:8", "1::8", "::ffff:1.2.3.4", "fe80::1%eth0", "v1.x", "vA.:"]
        {
            assert!(check_brackets(&format!("[{valid}]")).is_ok(), "{valid}");
        }
        for invalid in [
            "",
            ":",
            ":::",
            "1:2:3:4:5:6:7:8:9",
            "1::2::3",
            ":1::",
            "1:2:3:4:5:6:7::8",
            "12345::",
            "g::",
            "::1%",
            "::1%a%b",
            "::01.2.3.4",
            "::1.2.3",
            "::256.1.1.1",
            "1.2.3.4",
            "v.x",
            "v1.",
            "V1.x",
            "1:2:3:4:5:6:7",
        ] {
            assert!(check_brackets(&format!("[{invalid}]")).is_err(), "{invalid}");
        }
    }

    #[test]
    fn the_body_hash_is_read_as_parse_qs_reads_it() {
        assert_eq!(first_query_value("a=1&bodySHA256=ab&bodySHA256=cd", "bodySHA256").as_deref(), Some("ab"));
        assert_eq!(first_query_value("bodySHA256=&bodySHA256=cd", "bodySHA256").as_deref(), Some("cd"));
        assert_eq!(
            first_query_value("bodySHA256&body%53HA256=e+f%21", "bodySHA256").as_deref(),
            Some("e f!")
        );
        assert_eq!(first_query_value("bodysha256=ab", "bodySHA256"), None);
        assert_eq!(first_query_value("", "bodySHA256"), None);
    }
}
