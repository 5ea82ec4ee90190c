//! The HTTP client: credentials, where requests go, timeouts, and sending one request and reading its
//! reply.
//!
//! Secrets are turned into the `Authorization` header once, when the client is built; the header is
//! marked sensitive and no `Debug` or error ever shows it. Redirects are not followed, so the header
//! only ever goes to the configured host.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use bytes::{Bytes, BytesMut};
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, RETRY_AFTER};
use url::{Host, Url};

use crate::endpoint::Method;
use tracing::Instrument as _;
use tracing::field::Empty;

use crate::error::{
    ApiError, BodyTooLargeError, ConfigError, Error, OutcomeUnknownError, RefusedError, TransportError,
};
use crate::idempotency::{IDEMPOTENCY_HEADER, IdempotencyKey};
use crate::redact;
use crate::retry::{self, Outcome, RetryBudget, RetryPolicy, Verdict};
use crate::values::{AccountSid, ApiKeySid};

const DEFAULT_BASE_URL: &str = "https://api.twilio.com";
/// The region Twilio's SDKs use when only an edge is given.
const DEFAULT_REGION: &str = "us1";
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
const DEFAULT_DEADLINE: Duration = Duration::from_secs(60);
/// A page of 1,000 calls is about 2 MiB; this leaves room for larger items without letting a
/// misbehaving server fill the memory.
const DEFAULT_MAX_BODY_SIZE: usize = 16 * 1024 * 1024;
/// The longest user agent extension accepted.
const MAX_USER_AGENT_EXTENSION: usize = 100;
const USER_AGENT: &str = concat!("twilio-endpoint/", env!("CARGO_PKG_VERSION"), " (Rust)");
const FORM: &str = "application/x-www-form-urlencoded";
const JSON: &str = "application/json";
const REQUEST_ID: HeaderName = HeaderName::from_static("twilio-request-id");
/// The longest `Twilio-Request-Id` kept whole. Twilio's have 34 characters (`RQ` and 32 hex digits);
/// a longer value, from a proxy or a misbehaving server, is cut so that errors and logs stay short.
const MAX_REQUEST_ID: usize = 64;
const REDACTED: &str = "<redacted>";

/// The environment variables [`Client::from_env`] reads.
const ENV_ACCOUNT_SID: &str = "TWILIO_ACCOUNT_SID";
const ENV_AUTH_TOKEN: &str = "TWILIO_AUTH_TOKEN";
const ENV_API_KEY: &str = "TWILIO_API_KEY";
const ENV_API_SECRET: &str = "TWILIO_API_SECRET";
const ENV_REGION: &str = "TWILIO_REGION";
const ENV_EDGE: &str = "TWILIO_EDGE";

/// A Twilio REST client: an account, its credentials, a base URL and one connection pool.
///
/// Cloning is cheap (the state is shared), so build one client and clone it where it is needed.
///
/// ```no_run
/// # async fn demo() -> Result<(), twilio_endpoint_runtime::Error> {
/// use twilio_endpoint_runtime::Client;
///
/// // TWILIO_ACCOUNT_SID plus TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET.
/// let client = Client::from_env()?;
/// # let _ = client;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    account_sid: AccountSid,
    /// The key `authorization` was made from, if not the auth token; shown by `Debug`, unlike secrets.
    api_key: Option<ApiKeySid>,
    authorization: HeaderValue,
    /// Where requests go, parsed once: a request's URL is this one with its path set, which skips
    /// parsing the scheme and host again for every request (a third of what reqwest spends on URLs).
    /// Its path has no trailing `/` (but `/` alone): every request path starts with one.
    base: Url,
    /// The longest one attempt may take.
    timeout: Duration,
    /// The longest a request may take, all attempts and waits included.
    deadline: Duration,
    retry: RetryPolicy,
    budget: RetryBudget,
    /// The most bytes of a reply's body that are read.
    max_body_size: usize,
    /// Whether TRACE logs show parameter values (phone numbers, message bodies), not only their keys.
    log_param_values: bool,
}

/// Which credentials are in use, for `Debug`: the API key SID is shown, secrets never are.
struct RedactedAuth<'a>(Option<&'a ApiKeySid>);

impl fmt::Debug for RedactedAuth<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            None => f.debug_tuple("AuthToken").field(&REDACTED).finish(),
            Some(key) => {
                f.debug_struct("ApiKey").field("sid", &key.as_str()).field("secret", &REDACTED).finish()
            }
        }
    }
}

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

    /// The account whose resources `{AccountSid}` names in paths (also with API key credentials).
    pub fn account_sid(&self) -> &AccountSid {
        &self.inner.account_sid
    }

    /// Where requests go, without a trailing `/`, e.g. `https://api.twilio.com`.
    pub fn base_url(&self) -> &str {
        self.inner.base.as_str().trim_end_matches('/')
    }

    /// Sends one request and reads the whole reply: `Ok` for a 2xx status, [`Error::Api`] otherwise.
    ///
    /// `path` is already escaped and `params` already encoded (the form body of a `POST`, the query of
    /// a `GET` or `DELETE`); both are sent as they are. Not generic, so it is compiled once.
    /// `key`, when given, is the idempotency key of every attempt.
    ///
    /// A plain function that prepares the request and returns the future that sends it, rather than an
    /// `async fn` awaiting it: each `async` layer stores its own copy of what it hands to the next, and
    /// the future of a send is the size of the task that runs it.
    pub(crate) fn execute<'a>(
        &'a self,
        method: Method,
        path_template: &'static str,
        path: &str,
        params: String,
        key: Option<&'a IdempotencyKey>,
    ) -> impl Future<Output = Result<Reply, Error>> + use<'a> {
        let inner = &*self.inner;
        if tracing::enabled!(tracing::Level::TRACE) {
            // Phone numbers and message bodies are personal data: only their keys are logged unless
            // the application asked for values.
            if inner.log_param_values {
                tracing::trace!(method = method.as_str(), path = path_template, params = %params, "parameters");
            } else {
                let keys = redact::form_keys(&params);
                tracing::trace!(method = method.as_str(), path = path_template, params = %keys, "parameters");
            }
        }
        let mut url = inner.base.clone();
        // The base's own path (a gateway's prefix) comes first; both are already escaped.
        match inner.base.path() {
            "/" => url.set_path(path),
            prefix => url.set_path(&format!("{prefix}{path}")),
        }
        let body = match method {
            Method::Post => Some(params),
            Method::Get | Method::Delete => {
                if !params.is_empty() {
                    url.set_query(Some(&params));
                }
                None
            }
        };
        self.run(method, path_template, url, body.map(Bytes::from), key)
    }

    /// GETs `uri`, a path and query on this client's host taken from a reply (`next_page_uri`).
    pub(crate) async fn execute_uri(&self, uri: &str) -> Result<Reply, Error> {
        const TEMPLATE: &str = "next_page_uri";
        // Only a path on this host: `//evil.com/x`, `https://evil.com/x` or `\\evil.com` would carry
        // the credentials elsewhere once joined or normalised.
        if !uri.starts_with('/')
            || uri.starts_with("//")
            || uri.contains(['\\', '#'])
            || uri.contains("://")
            || uri.bytes().any(|b| b.is_ascii_control() || b == b' ')
        {
            return Err(Error::Refused(RefusedError::next_page_uri(uri)));
        }
        let url = Url::parse(&format!("{}{uri}", self.base_url()))
            .map_err(|_| Error::Refused(RefusedError::next_page_uri(uri)))?;
        self.run(Method::Get, TEMPLATE, url, None, None).await
    }

    /// Sends the request, again as long as the retry policy, its budget and the deadline allow.
    ///
    /// Everything runs in one `twilio.request` span (DEBUG) with the method, the path template (never
    /// the URL, whose query can hold phone numbers), the final status, the number of attempts and the
    /// duration; each attempt is a DEBUG event in it.
    fn run<'a>(
        &'a self,
        method: Method,
        path_template: &'static str,
        url: Url,
        body: Option<Bytes>,
        key: Option<&'a IdempotencyKey>,
    ) -> impl Future<Output = Result<Reply, Error>> + use<'a> {
        let span = tracing::debug_span!(
            "twilio.request",
            method = method.as_str(),
            path = path_template,
            status = Empty,
            attempts = Empty,
            duration_ms = Empty,
            request_id = Empty,
        );
        self.run_in_span(span.clone(), method, path_template, url, body, key).instrument(span)
    }

    /// The body of [`run`](Self::run); `span` is the one it runs in, given rather than taken as the
    /// current span, which would be the caller's own when ours is disabled.
    async fn run_in_span(
        &self,
        span: tracing::Span,
        method: Method,
        path_template: &'static str,
        url: Url,
        body: Option<Bytes>,
        key: Option<&IdempotencyKey>,
    ) -> Result<Reply, Error> {
        let inner = &*self.inner;
        let start = Instant::now();
        let deadline = start + inner.deadline;
        let mut attempt = 1;
        let finish = |attempt: u32, result: Result<Reply, Error>| {
            // Without a subscriber that wants the span, its fields are not worth reading the clock.
            if !span.is_disabled() {
                span.record("attempts", attempt);
                span.record("duration_ms", millis(start.elapsed()));
            }
            match &result {
                Ok(reply) => {
                    span.record("status", reply.status);
                    if let Some(id) = &reply.request_id {
                        span.record("request_id", id.as_str());
                    }
                }
                Err(error) => tracing::debug!(error = %error, "request failed"),
            }
            result
        };
        loop {
            let attempt_start = if attempt == 1 { start } else { Instant::now() };
            let remaining = deadline.saturating_duration_since(attempt_start);
            let (result, outcome, retry_after) =
                self.attempt(method, path_template, &url, body.clone(), key, remaining).await;
            let verdict = retry::verdict(method, outcome);
            log_attempt(attempt, attempt_start, &result, verdict);
            let retry_delay = match verdict {
                Verdict::Success => {
                    inner.budget.deposit();
                    return finish(attempt, result);
                }
                Verdict::Final => return finish(attempt, result),
                Verdict::OutcomeUnknown => {
                    let result = result.map_err(|cause| {
                        Error::OutcomeUnknown(OutcomeUnknownError::new(method, path_template, cause))
                    });
                    return finish(attempt, result);
                }
                Verdict::Retry => inner.retry.delay(attempt, retry_after),
            };
            let in_time = Instant::now() + retry_delay < deadline;
            if attempt >= inner.retry.attempts() || !in_time || !inner.budget.try_withdraw() {
                return finish(attempt, result);
            }
            tracing::debug!(attempt, delay_ms = millis(retry_delay), "retrying");
            tokio::time::sleep(retry_delay).await;
            attempt += 1;
        }
    }

    /// One attempt, at most `remaining` long: its result, what the retry decision needs to know of it,
    /// and the wait the server asked for.
    async fn attempt(
        &self,
        method: Method,
        path_template: &'static str,
        url: &Url,
        body: Option<Bytes>,
        key: Option<&IdempotencyKey>,
        remaining: Duration,
    ) -> (Result<Reply, Error>, Outcome, Option<Duration>) {
        let inner = &*self.inner;
        let mut request = inner
            .http
            .request(http_method(method), url.clone())
            .timeout(inner.timeout.min(remaining))
            .header(AUTHORIZATION, inner.authorization.clone())
            .header(ACCEPT, HeaderValue::from_static(JSON));
        if let Some(key) = key {
            request = request.header(IDEMPOTENCY_HEADER, key.header_value());
        }
        if let Some(body) = body {
            request = request.header(CONTENT_TYPE, HeaderValue::from_static(FORM)).body(body);
        }
        let mut response = match request.send().await {
            Ok(response) => response,
            Err(error) => {
                let error = TransportError::before_answer(method, path_template, error);
                let outcome = if error.is_connect() { Outcome::NotSent } else { Outcome::MaybeSent };
                return (Err(Error::Transport(error)), outcome, None);
            }
        };
        let status = response.status().as_u16();
        let (request_id, retry_after) = read_headers(response.headers(), chrono::Utc::now);
        // The body is read chunk by chunk and dropped once past the limit, so that a huge or endless
        // reply cannot fill the memory; a declared length past it is refused before reading.
        let too_large = |request_id| {
            let error =
                BodyTooLargeError::new(method, path_template, status, request_id, inner.max_body_size);
            (Err(Error::BodyTooLarge(error)), Outcome::Answer { status, code: None }, retry_after)
        };
        let declared = response.content_length();
        if declared.is_some_and(|length| length > inner.max_body_size as u64) {
            return too_large(request_id);
        }
        // A reply that arrives in one chunk, as most do, is kept as it came. Further chunks are
        // gathered after it in one buffer, sized the first time from the declared length (already
        // within the limit) so that it does not regrow chunk after chunk; the buffer is unique, so
        // turning it back into `BytesMut` for the next chunk copies nothing.
        let mut body = Bytes::new();
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) if body.len() + chunk.len() > inner.max_body_size => {
                    return too_large(request_id);
                }
                Ok(Some(chunk)) if body.is_empty() => body = chunk,
                Ok(Some(chunk)) => {
                    let mut joined = BytesMut::from(std::mem::take(&mut body));
                    joined.reserve(declared.map_or(0, |length| length as usize).saturating_sub(joined.len()));
                    joined.extend_from_slice(&chunk);
                    body = joined.freeze();
                }
                Ok(None) => break,
                Err(error) => {
                    let error =
                        TransportError::reading_body(method, path_template, status, request_id, error);
                    return (Err(Error::Transport(error)), Outcome::BodyBroken { status }, retry_after);
                }
            }
        }
        let (result, outcome) = judge(status, request_id, body);
        (result, outcome, retry_after)
    }
}

/// The `Twilio-Request-Id` of a reply, and the wait its `Retry-After` asks for; `now` tells the time,
/// read only when there is a `Retry-After` to read it for.
pub(crate) fn read_headers(
    headers: &HeaderMap,
    now: impl FnOnce() -> chrono::DateTime<chrono::Utc>,
) -> (Option<String>, Option<Duration>) {
    let header = |name| headers.get(name).and_then(|value: &HeaderValue| value.to_str().ok());
    // `to_str` only accepts visible ASCII (and tabs), so cutting at a byte index is cutting at a character.
    let request_id = header(REQUEST_ID).map(|id| {
        if id.len() > MAX_REQUEST_ID { format!("{}…", &id[..MAX_REQUEST_ID]) } else { id.to_owned() }
    });
    let retry_after = header(RETRY_AFTER).and_then(|value| retry::parse_retry_after(value, now()));
    (request_id, retry_after)
}

/// A complete reply as an attempt's result: the reply itself for a 2xx status, else the API error its
/// body describes; and the outcome the retry decision needs.
pub(crate) fn judge(status: u16, request_id: Option<String>, body: Bytes) -> (Result<Reply, Error>, Outcome) {
    let reply = Reply { status, request_id, body };
    if (200..300).contains(&status) {
        (Ok(reply), Outcome::Answer { status, code: None })
    } else {
        let error = ApiError::from_reply(&reply);
        let outcome = Outcome::Answer { status, code: error.code() };
        (Err(Error::Api(error)), outcome)
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("account_sid", &self.inner.account_sid.as_str())
            .field("auth", &RedactedAuth(self.inner.api_key.as_ref()))
            .field("base_url", &self.base_url())
            .finish_non_exhaustive()
    }
}

/// One DEBUG event per attempt: its number, how long it took, the status or the failure, and what
/// happens next. Never the URL, the headers or the body.
///
/// The duration is a field expression, which tracing evaluates only for an event that is recorded
/// (by a subscriber, or by `log` through tracing's `log` feature): otherwise the clock is not read.
fn log_attempt(attempt: u32, started: Instant, result: &Result<Reply, Error>, verdict: Verdict) {
    match result {
        Ok(reply) => tracing::debug!(
            attempt,
            status = reply.status,
            duration_ms = millis(started.elapsed()),
            "attempt answered"
        ),
        Err(Error::Api(error)) => tracing::debug!(
            attempt,
            status = error.status(),
            code = error.code(),
            request_id = error.request_id(),
            duration_ms = millis(started.elapsed()),
            verdict = ?verdict,
            "attempt answered"
        ),
        Err(error) => tracing::debug!(
            attempt,
            duration_ms = millis(started.elapsed()),
            verdict = ?verdict,
            error = %error,
            "attempt failed"
        ),
    }
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// A complete reply: status, `Twilio-Request-Id` and body.
pub(crate) struct Reply {
    status: u16,
    request_id: Option<String>,
    body: Bytes,
}

impl Reply {
    pub(crate) fn status(&self) -> u16 {
        self.status
    }

    pub(crate) fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    pub(crate) fn body(&self) -> &[u8] {
        &self.body
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
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// The Twilio region that processes requests (e.g. `au1`, `ie1`), as Twilio's SDKs do: the host
    /// becomes `api.{region}.twilio.com`, or `api.{edge}.{region}.twilio.com` with an edge.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// The Twilio edge location requests enter by (e.g. `sydney`, `dublin`): the host becomes
    /// `api.{edge}.{region}.twilio.com`, the region being `us1` unless one is set.
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
    /// numbers and message bodies, so only their keys are logged (`To=[redacted]&Body=[redacted]`).
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
        let base_url = match self.base_url {
            Some(base_url) => check_base_url(&base_url)?,
            None => twilio_base_url(self.region.as_deref(), self.edge.as_deref())?,
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
        if self.max_body_size == 0 {
            return Err(ConfigError::new("`max_body_size` is zero; give it a positive size").into());
        }
        let mut user_agent = String::from(USER_AGENT);
        for extension in &self.user_agent_extensions {
            check_user_agent_extension(extension)?;
            user_agent.push(' ');
            user_agent.push_str(extension);
        }
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
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                account_sid,
                api_key,
                authorization,
                base,
                timeout: self.timeout,
                deadline: self.deadline,
                retry: self.retry,
                budget,
                max_body_size: self.max_body_size,
                log_param_values: self.log_param_values,
            }),
        })
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
            .field("max_body_size", &self.max_body_size)
            .field("user_agent_extensions", &self.user_agent_extensions)
            .field("log_param_values", &self.log_param_values)
            .finish()
    }
}

fn http_method(method: Method) -> reqwest::Method {
    match method {
        Method::Get => reqwest::Method::GET,
        Method::Post => reqwest::Method::POST,
        Method::Delete => reqwest::Method::DELETE,
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

/// Twilio's host for a region and an edge, chosen as the official SDKs do.
fn twilio_base_url(region: Option<&str>, edge: Option<&str>) -> Result<String, ConfigError> {
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
        (None, None) => DEFAULT_BASE_URL.to_owned(),
        (Some(region), None) => format!("https://api.{region}.twilio.com"),
        (region, Some(edge)) => format!("https://api.{edge}.{}.twilio.com", region.unwrap_or(DEFAULT_REGION)),
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

    #[test]
    fn a_request_id_longer_than_twilio_s_is_cut() {
        let now = chrono::Utc::now();
        let mut headers = HeaderMap::new();
        headers.insert(REQUEST_ID, HeaderValue::from_static("RQ0123456789abcdef0123456789abcdef"));
        let (request_id, _) = read_headers(&headers, || now);
        assert_eq!(request_id.as_deref(), Some("RQ0123456789abcdef0123456789abcdef"));

        // Found by the `reply` fuzz target: a 1,500-character id made every error message as long.
        let long = format!("RQ{}", "a".repeat(1_500));
        headers.insert(REQUEST_ID, HeaderValue::try_from(long.as_str()).unwrap());
        let (request_id, _) = read_headers(&headers, || now);
        assert_eq!(request_id, Some(format!("{}…", &long[..MAX_REQUEST_ID])));
        let (result, _) = judge(400, request_id, Bytes::from_static(b"{\"code\": 21205}"));
        assert!(result.err().unwrap().to_string().len() < 200);
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
