//! The settings of a client and their checks: credentials, the environment variables Twilio's SDKs
//! read, base URL, region and edge, timeouts, the body cap and the user agent.

use std::fmt;
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use reqwest::header::HeaderValue;
use url::{Host, Url};

use crate::client::{Client, Config, RedactedAuth};
use crate::concurrency_limit::ConcurrencyLimit;
use crate::error::{ConfigError, Error};
use crate::retry::RetryPolicy;
use crate::transport::Transport;
use crate::values::{AccountSid, ApiKeySid};

/// The region Twilio's SDKs use when only an edge is given.
const DEFAULT_REGION: &str = "us1";
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
const DEFAULT_DEADLINE: Duration = Duration::from_secs(60);
/// The concurrency limit's starting point: an application sending up to this many requests at once
/// never waits before Twilio first pushes back, and a burst of thousands starts with at most this
/// many refusals rather than one per request beyond the account's cap.
const DEFAULT_CONCURRENCY_LIMIT: usize = 100;
/// A page of 1,000 calls is about 2 MiB; this leaves room for larger items without letting a
/// misbehaving server fill the memory.
const DEFAULT_MAX_BODY_SIZE: usize = 16 * 1024 * 1024;
/// The longest user agent extension accepted.
const MAX_USER_AGENT_EXTENSION: usize = 100;
const USER_AGENT: &str = concat!("twilio-endpoint/", env!("CARGO_PKG_VERSION"), " (Rust)");

/// The environment variables [`Client::from_env`] reads.
const ENV_ACCOUNT_SID: &str = "TWILIO_ACCOUNT_SID";
const ENV_AUTH_TOKEN: &str = "TWILIO_AUTH_TOKEN";
const ENV_API_KEY: &str = "TWILIO_API_KEY";
const ENV_API_SECRET: &str = "TWILIO_API_SECRET";
const ENV_REGION: &str = "TWILIO_REGION";
const ENV_EDGE: &str = "TWILIO_EDGE";

impl Client {
    /// A client for `account_sid` authenticating with its auth token, with the default settings
    /// (`https://api.twilio.com`, 10 s to connect, 30 s per request).
    ///
    /// Fails only when the token is empty or the TLS backend cannot be initialised.
    pub fn new(account_sid: AccountSid, auth_token: impl Into<String>) -> Result<Client, Error> {
        Client::builder().account_sid(account_sid).auth_token(auth_token).build()
    }

    /// A builder for every setting: API key credentials, base URL, region and edge, timeouts.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// A client configured from the environment, as Twilio's SDKs are: `TWILIO_ACCOUNT_SID`, then
    /// either `TWILIO_API_KEY` and `TWILIO_API_SECRET` (preferred when set) or `TWILIO_AUTH_TOKEN`,
    /// and optionally `TWILIO_REGION` and `TWILIO_EDGE`.
    ///
    /// Use [`ClientBuilder::from_env`] to change other settings before building.
    pub fn from_env() -> Result<Client, Error> {
        ClientBuilder::from_env()?.build()
    }
}

/// Settings for a [`Client`]; [`build`](Self::build) checks them all.
///
/// An account SID and one kind of credentials are required. Without a base URL, region or edge,
/// requests go to `https://api.twilio.com`.
#[must_use = "a builder does nothing until `build` is called"]
pub struct ClientBuilder {
    account_sid: Option<AccountSid>,
    credentials: Option<Credentials>,
    base_url: Option<String>,
    region: Option<String>,
    edge: Option<String>,
    connect_timeout: Duration,
    timeout: Duration,
    deadline: Duration,
    retry: RetryPolicy,
    concurrency_limit: Option<usize>,
    max_body_size: usize,
    user_agent_extensions: Vec<String>,
    log_param_values: bool,
}

enum Credentials {
    AuthToken(String),
    ApiKey { sid: ApiKeySid, secret: String },
}

impl Default for ClientBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl ClientBuilder {
    /// A builder with nothing set and the default timeouts.
    pub fn new() -> Self {
        Self {
            account_sid: None,
            credentials: None,
            base_url: None,
            region: None,
            edge: None,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            deadline: DEFAULT_DEADLINE,
            retry: RetryPolicy::default(),
            concurrency_limit: Some(DEFAULT_CONCURRENCY_LIMIT),
            max_body_size: DEFAULT_MAX_BODY_SIZE,
            user_agent_extensions: Vec::new(),
            log_param_values: false,
        }
    }

    /// A builder with the settings of [`Client::from_env`], read from the process environment.
    pub fn from_env() -> Result<Self, Error> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// A builder with the settings of [`Client::from_env`], each variable's value given by `lookup`
    /// (e.g. a map read from a file). A value that is empty or only whitespace counts as unset.
    pub fn from_lookup(mut lookup: impl FnMut(&str) -> Option<String>) -> Result<Self, Error> {
        let mut get =
            |name: &str| lookup(name).map(|value| value.trim().to_owned()).filter(|value| !value.is_empty());
        let account_sid = get(ENV_ACCOUNT_SID).ok_or_else(|| missing_variable(ENV_ACCOUNT_SID))?;
        // The value is not quoted in these errors: a swapped variable could hold the secret.
        let account_sid = account_sid.parse::<AccountSid>().map_err(|_| {
            ConfigError::new(format!(
                "`{ENV_ACCOUNT_SID}` is not an account SID; expected `AC` followed by 32 hex digits"
            ))
        })?;
        let mut builder = Self::new().account_sid(account_sid);
        builder = match (get(ENV_API_KEY), get(ENV_API_SECRET), get(ENV_AUTH_TOKEN)) {
            (Some(key), Some(secret), _) => {
                let key = key.parse::<ApiKeySid>().map_err(|_| {
                    ConfigError::new(format!(
                        "`{ENV_API_KEY}` is not an API key SID; expected `SK` followed by 32 hex digits"
                    ))
                })?;
                builder.api_key(key, secret)
            }
            // Half an API key is a mistake; falling back on the auth token would hide it.
            (Some(_), None, _) => return Err(half_api_key(ENV_API_KEY, ENV_API_SECRET).into()),
            (None, Some(_), _) => return Err(half_api_key(ENV_API_SECRET, ENV_API_KEY).into()),
            (None, None, Some(token)) => builder.auth_token(token),
            (None, None, None) => {
                return Err(ConfigError::new(format!(
                    "no Twilio credentials in the environment; set `{ENV_AUTH_TOKEN}`, or `{ENV_API_KEY}` and `{ENV_API_SECRET}`"
                ))
                .into());
            }
        };
        if let Some(region) = get(ENV_REGION) {
            builder = builder.region(region);
        }
        if let Some(edge) = get(ENV_EDGE) {
            builder = builder.edge(edge);
        }
        Ok(builder)
    }

    /// The account whose resources requests address (required).
    pub fn account_sid(mut self, account_sid: AccountSid) -> Self {
        self.account_sid = Some(account_sid);
        self
    }

    /// Authenticate with the account's auth token; replaces API key credentials.
    pub fn auth_token(mut self, auth_token: impl Into<String>) -> Self {
        self.credentials = Some(Credentials::AuthToken(auth_token.into()));
        self
    }

    /// Authenticate with an API key (`SK…`) and its secret; replaces an auth token. The account SID is
    /// still required: it is the account the paths name.
    pub fn api_key(mut self, api_key: ApiKeySid, api_secret: impl Into<String>) -> Self {
        self.credentials = Some(Credentials::ApiKey { sid: api_key, secret: api_secret.into() });
        self
    }

    /// Send requests to this URL instead of Twilio's (a gateway, or a local mock), e.g.
    /// `https://gateway.example.com/twilio`. Paths are appended to it; a trailing `/` is ignored.
    ///
    /// It must be `https://`, except for a loopback host (`127.0.0.1`, `::1`, `localhost`), which may
    /// use plain `http://`. When set, region and edge are ignored: they only choose among Twilio's hosts.
    ///
    /// The override receives the requests of every product: an endpoint on `verify.twilio.com` or
    /// `lookups.twilio.com` goes to this URL too, with its own path (`/v2/Services`), so one mock or
    /// gateway serves them all, telling them apart by their paths only. Most do not overlap
    /// (`/2010-04-01/...` is `api`'s), but some products share paths (Verify's and Chat's
    /// `/v2/Services`): a gateway for two such products needs a client of its own for each.
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// The Twilio region that processes requests (e.g. `au1`, `ie1`), as Twilio's SDKs do: the host
    /// becomes `api.{region}.twilio.com`, or `api.{edge}.{region}.twilio.com` with an edge (for every
    /// product: `verify.{region}.twilio.com`, ...).
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// The Twilio edge location requests enter by (e.g. `sydney`, `dublin`): the host becomes
    /// `api.{edge}.{region}.twilio.com` (`verify.{edge}.{region}.twilio.com`, ...), the region being
    /// `us1` unless one is set.
    pub fn edge(mut self, edge: impl Into<String>) -> Self {
        self.edge = Some(edge.into());
        self
    }

    /// How long to wait for a connection (DNS, TCP and TLS); 10 seconds unless set.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long one attempt may take, from connecting to reading the last byte of the reply;
    /// 30 seconds unless set.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How long a request may take in all, retries and the waits between them included; no attempt
    /// starts past it and none runs beyond it. 60 seconds unless set.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// When and how failed requests are retried; [`RetryPolicy::default`] unless set,
    /// [`RetryPolicy::none`] to send every request once.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The adaptive limit on the client's requests in flight, shared by all of them: `Some(n)` starts
    /// it at `n`, `None` turns it off. `Some(100)` unless set.
    ///
    /// Twilio caps the requests an account may have in flight and refuses the others (429, code
    /// 20429). The limit learns that cap: it doubles each round trip while requests fill it, drops to
    /// the requests Twilio was admitting at its first refusal, then grows by one per round trip and
    /// backs off by a tenth at each further refusal. Requests over it wait for a slot (within the
    /// [`deadline`](Self::deadline)) instead of being refused, and the refusals it still meets are
    /// retried without spending the retry budget. [`Client::concurrency_limit`] reads its value.
    pub fn concurrency_limit(mut self, initial: Option<usize>) -> Self {
        self.concurrency_limit = initial;
        self
    }

    /// The most bytes of a reply's body the client reads; a larger body ends the request with
    /// [`Error::BodyTooLarge`]. 16 MiB unless set, room for a page of 1,000 items.
    pub fn max_body_size(mut self, bytes: usize) -> Self {
        self.max_body_size = bytes;
        self
    }

    /// Adds a product to the `User-Agent` header, after this crate's own (e.g. `my-app/1.2`), as
    /// Twilio's SDKs allow; may be called more than once. At most 100 visible ASCII characters and
    /// spaces: a CR, LF or NUL could split the header, so [`build`](Self::build) refuses them.
    pub fn user_agent_extension(mut self, extension: impl Into<String>) -> Self {
        self.user_agent_extensions.push(extension.into());
        self
    }

    /// Whether TRACE logs show the values of the parameters sent. Off unless set: they hold phone
    /// numbers and message bodies, so only their keys are logged (`To=<redacted>&Body=<redacted>`).
    /// Credentials are never logged either way.
    pub fn log_param_values(mut self, log: bool) -> Self {
        self.log_param_values = log;
        self
    }

    /// Checks the settings and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let account_sid = self.account_sid.ok_or_else(|| {
            ConfigError::new("no account SID; call `account_sid` on the builder or set `TWILIO_ACCOUNT_SID`")
        })?;
        let credentials = self.credentials.ok_or_else(|| {
            ConfigError::new("no credentials; call `auth_token` or `api_key` on the builder")
        })?;
        let (api_key, authorization) = match credentials {
            Credentials::AuthToken(token) => {
                (None, basic_authorization(account_sid.as_str(), &token, "auth token")?)
            }
            Credentials::ApiKey { sid, secret } => {
                let authorization = basic_authorization(sid.as_str(), &secret, "API secret")?;
                (Some(sid), authorization)
            }
        };
        let (base_url, host_suffix) = match self.base_url {
            Some(base_url) => (check_base_url(&base_url)?, None),
            None => {
                // Lowercase, as the URL holds the host: a next page's host is compared with it.
                let suffix =
                    twilio_host_suffix(self.region.as_deref(), self.edge.as_deref())?.to_ascii_lowercase();
                (format!("https://api{suffix}"), Some(suffix))
            }
        };
        let base = Url::parse(&base_url)
            .map_err(|error| ConfigError::new(format!("the base URL is not a URL: {error}")))?;
        for (name, timeout) in [
            ("connect_timeout", self.connect_timeout),
            ("timeout", self.timeout),
            ("deadline", self.deadline),
        ] {
            if timeout.is_zero() {
                return Err(ConfigError::new(format!("`{name}` is zero; give it a positive duration")).into());
            }
        }
        if self.concurrency_limit == Some(0) {
            return Err(ConfigError::new(
                "`concurrency_limit` is `Some(0)`, which would let no request out; give it at least 1, or `None` to turn the limit off",
            )
            .into());
        }
        if self.max_body_size == 0 {
            return Err(ConfigError::new("`max_body_size` is zero; give it a positive size").into());
        }
        let mut user_agent = String::from(USER_AGENT);
        for extension in &self.user_agent_extensions {
            check_user_agent_extension(extension)?;
            user_agent.push(' ');
            user_agent.push_str(extension);
        }
        install_tls_provider();
        let http = reqwest::Client::builder()
            .user_agent(user_agent)
            .connect_timeout(self.connect_timeout)
            // A redirect would carry the credentials to whatever host it names.
            .redirect(reqwest::redirect::Policy::none())
            .https_only(base_url.starts_with("https://"))
            // reqwest's default retry policy is kept: it only resends requests the server refused
            // before processing them (HTTP/2 `REFUSED_STREAM`), which cannot duplicate a POST.
            .build()
            .map_err(|error| {
                ConfigError::new(format!("the HTTP client could not be initialised: {error}"))
            })?;
        let budget = self.retry.new_budget();
        Ok(Client::with_config(Config {
            transport: Transport {
                http,
                authorization,
                timeout: self.timeout,
                max_body_size: self.max_body_size,
            },
            account_sid,
            api_key,
            base,
            host_suffix,
            deadline: self.deadline,
            retry: self.retry,
            budget,
            concurrency_limit: self.concurrency_limit.map(ConcurrencyLimit::new),
            log_param_values: self.log_param_values,
        }))
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let auth = self.credentials.as_ref().map(|credentials| match credentials {
            Credentials::AuthToken(_) => RedactedAuth(None),
            Credentials::ApiKey { sid, .. } => RedactedAuth(Some(sid)),
        });
        f.debug_struct("ClientBuilder")
            .field("account_sid", &self.account_sid.as_ref().map(AccountSid::as_str))
            .field("auth", &auth)
            .field("base_url", &self.base_url)
            .field("region", &self.region)
            .field("edge", &self.edge)
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("deadline", &self.deadline)
            .field("retry", &self.retry)
            .field("concurrency_limit", &self.concurrency_limit)
            .field("max_body_size", &self.max_body_size)
            .field("user_agent_extensions", &self.user_agent_extensions)
            .field("log_param_values", &self.log_param_values)
            .finish()
    }
}

fn missing_variable(name: &str) -> Error {
    ConfigError::new(format!("environment variable `{name}` is not set")).into()
}

fn half_api_key(set: &str, unset: &str) -> ConfigError {
    ConfigError::new(format!(
        "`{set}` is set but `{unset}` is not; set both, or neither to use `{ENV_AUTH_TOKEN}`"
    ))
}

/// `Basic base64(user:secret)`, marked sensitive so that HTTP/2 never indexes it and `Debug` hides it.
fn basic_authorization(user: &str, secret: &str, secret_name: &str) -> Result<HeaderValue, ConfigError> {
    if secret.is_empty() {
        return Err(ConfigError::new(format!("the {secret_name} is empty")));
    }
    let encoded = BASE64.encode(format!("{user}:{secret}"));
    // Base64 text is always a valid header value; the error branch only avoids a panic path.
    let mut value = HeaderValue::try_from(format!("Basic {encoded}"))
        .map_err(|_| ConfigError::new(format!("the {secret_name} cannot be sent in a header")))?;
    value.set_sensitive(true);
    Ok(value)
}

/// What follows a product's name (`api`, `verify`, ...) in Twilio's host for a region and an edge,
/// chosen as the official SDKs do: `.twilio.com`, `.{region}.twilio.com`, `.{edge}.{region}.twilio.com`
/// (region `us1` when only an edge is given).
fn twilio_host_suffix(region: Option<&str>, edge: Option<&str>) -> Result<String, ConfigError> {
    for (name, value) in [("region", region), ("edge", edge)] {
        if let Some(value) = value
            && !is_host_label(value)
        {
            // A label is spliced into the host name: `us1.evil.com/` must not redirect the credentials.
            return Err(ConfigError::new(format!(
                "{name} `{value}` is not a Twilio {name} name; use letters, digits and `-` only, e.g. `us1`"
            )));
        }
    }
    Ok(match (region, edge) {
        (None, None) => ".twilio.com".to_owned(),
        (Some(region), None) => format!(".{region}.twilio.com"),
        (region, Some(edge)) => format!(".{edge}.{}.twilio.com", region.unwrap_or(DEFAULT_REGION)),
    })
}

/// A user agent extension is one header value's worth of visible ASCII: nothing that could end the
/// header (CR, LF), truncate it (NUL) or be mangled on the wire (non-ASCII). The value is not quoted
/// in the error: it could hold anything, a secret pasted by mistake included.
fn check_user_agent_extension(extension: &str) -> Result<(), ConfigError> {
    let problem = if extension.trim().is_empty() {
        Some("an empty value".to_owned())
    } else if extension.chars().count() > MAX_USER_AGENT_EXTENSION {
        Some(format!("{} characters", extension.chars().count()))
    } else {
        extension.chars().find(|&c| c != ' ' && !c.is_ascii_graphic()).map(|c| match c {
            '\r' => "a CR".to_owned(),
            '\n' => "a LF".to_owned(),
            '\0' => "a NUL".to_owned(),
            c => format!("the character {}", c.escape_unicode()),
        })
    };
    match problem {
        None => Ok(()),
        Some(problem) => Err(ConfigError::new(format!(
            "user_agent_extension: must be 1 to {MAX_USER_AGENT_EXTENSION} visible ASCII characters or spaces, \
             got {problem}"
        ))),
    }
}

fn is_host_label(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// The base URL without its trailing `/`, if it may receive credentials.
fn check_base_url(text: &str) -> Result<String, ConfigError> {
    // The text is not quoted in this error: a malformed URL may still hold a password.
    let url =
        Url::parse(text).map_err(|error| ConfigError::new(format!("the base URL is not a URL: {error}")))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(ConfigError::new(
            "the base URL contains credentials; remove them and use `auth_token` or `api_key`",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(ConfigError::new(format!(
            "the base URL `{url}` has a query or a fragment; paths are appended to it, so give only scheme, host and path"
        )));
    }
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => {
            return Err(ConfigError::new(format!(
                "the base URL `{url}` uses plain `http://` to a host that is not loopback; use `https://` \
                 (plain HTTP is only accepted for 127.0.0.1, ::1 and localhost)"
            )));
        }
        scheme => {
            return Err(ConfigError::new(format!(
                "the base URL `{url}` has scheme `{scheme}`; use `https://`"
            )));
        }
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

/// reqwest built with `rustls-no-provider` (the `tls-ring` feature) takes rustls's process-wide
/// default `CryptoProvider` and panics when there is none, so ring is installed as that default unless
/// the application installed a provider first (its choice wins). With `tls-aws-lc`, reqwest falls back
/// to aws-lc-rs by itself and nothing is installed.
#[cfg(all(feature = "tls-ring", not(feature = "tls-aws-lc")))]
fn install_tls_provider() {
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // An error means another thread installed a provider in between; reqwest uses that one.
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
}

#[cfg(not(all(feature = "tls-ring", not(feature = "tls-aws-lc"))))]
fn install_tls_provider() {}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_keeps_path_and_drops_trailing_slashes() {
        assert_eq!(
            check_base_url("https://gw.example.com/twilio/").unwrap(),
            "https://gw.example.com/twilio"
        );
        assert_eq!(check_base_url("http://127.0.0.1:8080").unwrap(), "http://127.0.0.1:8080");
        assert_eq!(check_base_url("http://[::1]:9/").unwrap(), "http://[::1]:9");
        assert_eq!(check_base_url("http://LOCALHOST:9/").unwrap(), "http://localhost:9");
    }

    /// An HTTPS client builds with the default features: a TLS provider is there for reqwest (without
    /// one, reqwest panics with "No rustls crypto provider is configured").
    #[cfg(feature = "tls-ring")]
    #[test]
    fn https_client_builds_with_a_tls_provider() {
        let account = "AC0123456789abcdef0123456789abcdef".parse::<AccountSid>().unwrap();
        let client = Client::new(account, "token");
        assert!(client.is_ok(), "{:?}", client.err());
        #[cfg(not(feature = "tls-aws-lc"))]
        assert!(rustls::crypto::CryptoProvider::get_default().is_some());
    }

    #[test]
    fn base_url_errors_never_show_a_password() {
        for bad in ["https://AC1:hunter2@api.twilio.com", "https://AC1:hunter2@api.twilio.com:port"] {
            let error = check_base_url(bad).unwrap_err().to_string();
            assert!(!error.contains("hunter2"), "{error}");
        }
        assert!(check_base_url("ftp://example.com").is_err());
        assert!(check_base_url("https://example.com/?a=b").is_err());
    }
}
