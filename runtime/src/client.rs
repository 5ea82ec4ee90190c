//! The client handle, and a request from its parts to its reply: the URL made from the client's base
//! (the same for sending and previewing), then attempts as long as the retry policy, the budget and
//! the deadline allow, in one tracing span.
//!
//! Secrets are turned into the `Authorization` header once, when the client is built (`builder.rs`);
//! the header is marked sensitive and no `Debug` or error ever shows it. Redirects are not followed,
//! so the header only ever goes to the configured host.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use tracing::Instrument as _;
use tracing::field::Empty;
use url::Url;

use crate::concurrency_limit::ConcurrencyLimit;
use crate::error::{Error, OutcomeUnknownError, RefusedError, TransportError};
use crate::host::is_product_host;
use crate::idempotency::IdempotencyKey;
use crate::json::BodyFormat;
use crate::method::Method;
use crate::preview::Preview;
use crate::redact::{self, REDACTED};
use crate::reply::Reply;
use crate::retry::{self, RetryBudget, RetryPolicy, Verdict};
use crate::transport::{Outgoing, Transport};
use crate::values::{AccountSid, ApiKeySid};

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
    inner: Arc<Config>,
}

/// A client's checked settings, made by [`ClientBuilder::build`](crate::ClientBuilder::build).
pub(crate) struct Config {
    pub(crate) transport: Transport,
    pub(crate) account_sid: AccountSid,
    /// The key the authorization was made from, if not the auth token; shown by `Debug`, unlike secrets.
    pub(crate) api_key: Option<ApiKeySid>,
    /// Where requests to `api.twilio.com`'s product go, parsed once: a request's URL is this one with
    /// its path set, which skips parsing the scheme and host again for every request (a third of what
    /// reqwest spends on URLs). Its path has no trailing `/` (but `/` alone): every request path starts
    /// with one.
    pub(crate) base: Url,
    /// What follows the product's name in the host of Twilio's own hosts (`.twilio.com`,
    /// `.au1.twilio.com`, `.sydney.us1.twilio.com`): a request to another product (`verify`) goes to
    /// `base` with its host's first label replaced. `None` with a base URL override, which receives
    /// every product's requests.
    pub(crate) host_suffix: Option<String>,
    /// The longest a request may take, all attempts and waits included.
    pub(crate) deadline: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) budget: RetryBudget,
    /// The adaptive limit on requests in flight, unless turned off.
    pub(crate) concurrency_limit: Option<ConcurrencyLimit>,
    /// Whether TRACE logs show parameter values (phone numbers, message bodies), not only their keys.
    pub(crate) log_param_values: bool,
}

/// The future of a request's exchange with Twilio, boxed: the same type whatever the endpoint, so
/// that no endpoint's future holds (and makes rustc describe) the client's.
pub(crate) type Exchange<'a> = Pin<Box<dyn Future<Output = Result<Reply, Error>> + Send + 'a>>;

/// Which credentials are in use, for `Debug`: the API key SID is shown, secrets never are.
pub(crate) struct RedactedAuth<'a>(pub(crate) Option<&'a ApiKeySid>);

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
    pub(crate) fn with_config(config: Config) -> Client {
        Client { inner: Arc::new(config) }
    }

    /// The account whose resources `{AccountSid}` names in paths (also with API key credentials).
    pub fn account_sid(&self) -> &AccountSid {
        &self.inner.account_sid
    }

    /// Where requests to `api.twilio.com`'s product (the 2010 API) go, without a trailing `/`, e.g.
    /// `https://api.twilio.com`, `https://api.sydney.us1.twilio.com`, or the base URL override.
    /// [`base_url_for`](Self::base_url_for) gives it for the other products.
    pub fn base_url(&self) -> &str {
        self.inner.base.as_str().trim_end_matches('/')
    }

    /// Where requests to the product on host `host` (an endpoint's [`HOST`](crate::Endpoint::HOST):
    /// `api`, `verify`, `lookups`, ...) go, without a trailing `/`, as Twilio's SDKs build it:
    /// `https://{host}.twilio.com`, with a region `https://{host}.{region}.twilio.com`, with an edge
    /// `https://{host}.{edge}.{region}.twilio.com`. With a base URL override, the override itself,
    /// whatever the product: a mock or a gateway receives every product's requests. A `host` that is
    /// not a product's name (lowercase letters and digits) is never put in a host name: it gives the
    /// `api` base.
    ///
    /// ```
    /// # use twilio_endpoint_runtime::Client;
    /// let account = "AC0123456789abcdef0123456789abcdef".parse().unwrap();
    /// let client = Client::builder().account_sid(account).auth_token("t").edge("sydney").build().unwrap();
    /// assert_eq!(client.base_url_for("verify"), "https://verify.sydney.us1.twilio.com");
    /// ```
    pub fn base_url_for(&self, host: &str) -> String {
        self.base_for(host).as_str().trim_end_matches('/').to_owned()
    }

    /// The base URL of product `host`: `base` itself for `api` or with an override, else `base` with
    /// the product's host. `host` is a product name (lowercase letters and digits), checked when the
    /// endpoint is compiled, so the host is one of Twilio's.
    fn base_for(&self, host: &str) -> std::borrow::Cow<'_, Url> {
        let base = &self.inner.base;
        match &self.inner.host_suffix {
            Some(suffix) if host != "api" && is_product_host(host) => {
                let mut url = base.clone();
                // A product name and Twilio's suffix always make a valid host; a failure keeps `base`.
                if url.set_host(Some(&format!("{host}{suffix}"))).is_ok() {
                    return std::borrow::Cow::Owned(url);
                }
                std::borrow::Cow::Borrowed(base)
            }
            _ => std::borrow::Cow::Borrowed(base),
        }
    }

    /// The current adaptive limit on this client's requests in flight, shared by all its clones, or
    /// `None` when it is turned off ([`ClientBuilder::concurrency_limit`](crate::ClientBuilder::concurrency_limit)).
    ///
    /// It starts at the builder's value, doubles each round trip while requests fill it, and comes
    /// down when Twilio answers 429 (code 20429, too many requests in flight).
    pub fn concurrency_limit(&self) -> Option<usize> {
        self.inner.concurrency_limit.as_ref().map(ConcurrencyLimit::current)
    }

    /// The request this client sends for `path` (already escaped) and `params` (already encoded): the
    /// URL is the base URL with its own path (a gateway's prefix) first, then `path`, then `params` as
    /// the query of a `GET` or `DELETE`; `params` is the body of a `POST`.
    ///
    /// Sending and previewing both call it, so that a preview shows what is sent.
    pub(crate) fn prepare(
        &self,
        method: Method,
        format: BodyFormat,
        host: &str,
        path_template: &'static str,
        path: &str,
        params: String,
    ) -> Preview {
        let mut url = self.base_for(host).into_owned();
        // Every product's base has the same path: `/`, or the override's.
        match self.inner.base.path() {
            "/" => url.set_path(path),
            prefix => url.set_path(&format!("{prefix}{path}")),
        }
        let body = match method {
            Method::Post | Method::Put => Some(params),
            Method::Get | Method::Delete => {
                if !params.is_empty() {
                    url.set_query(Some(&params));
                }
                None
            }
        };
        Preview { method, path_template, url, body, format }
    }

    /// Sends `request`, again as long as the retry policy, its budget and the deadline allow, with
    /// `key` as the idempotency key of every attempt. Not generic, so compiled once.
    ///
    /// Everything runs in one `twilio.request` span (DEBUG) with the method, the path template (never
    /// the URL, whose query can hold phone numbers), the final status, the number of attempts and the
    /// duration; each attempt is a DEBUG event in it.
    ///
    /// A plain function that returns the future, rather than an `async fn` awaiting it in another
    /// layer: each `async` layer keeps its own copy of what it hands to the next, and the future of a
    /// send is the size of the task that runs it.
    pub(crate) fn execute<'a>(&'a self, request: Preview, key: Option<&'a IdempotencyKey>) -> Exchange<'a> {
        let Preview { method, path_template, url, body, format } = request;
        if tracing::enabled!(tracing::Level::TRACE) {
            // Phone numbers and message bodies are personal data: only their keys are logged unless
            // the application asked for values.
            let params = body.as_deref().or(url.query()).unwrap_or_default();
            if self.inner.log_param_values {
                tracing::trace!(method = method.as_str(), path = path_template, params = %params, "parameters");
            } else {
                let keys = match (format, &body) {
                    (BodyFormat::Json, Some(body)) => redact::json_keys(body),
                    _ => redact::form_keys(params),
                };
                tracing::trace!(method = method.as_str(), path = path_template, params = %keys, "parameters");
            }
        }
        let span = tracing::debug_span!(
            "twilio.request",
            method = method.as_str(),
            path = path_template,
            status = Empty,
            attempts = Empty,
            duration_ms = Empty,
            request_id = Empty,
        );
        let request = Outgoing {
            method,
            path_template,
            url,
            body: body.map(Bytes::from),
            format,
            idempotency_key: key,
        };
        Box::pin(self.retry_loop(span.clone(), request).instrument(span))
    }

    /// GETs `next`, the next page of a list, taken from a reply: a path and query on the host of
    /// product `host` (a 2010 page's `next_page_uri`, relative), or an absolute URL (a newer product's
    /// `meta.next_page_url`) that must be on the scheme and host (and port) the list was requested
    /// from: those of product `host`, or with `host` unknown (`None`), of one of this client's products.
    /// Anything else is refused, and nothing is sent.
    pub(crate) async fn execute_next(&self, next: &str, host: Option<&str>) -> Result<Reply, Error> {
        let url = self.next_url(next, host)?;
        let request = Preview {
            method: Method::Get,
            path_template: "next_page_uri",
            url,
            body: None,
            format: BodyFormat::Form,
        };
        self.execute(request, None).await
    }

    /// The URL [`execute_next`](Self::execute_next) requests, or why it refuses to.
    pub(crate) fn next_url(&self, next: &str, host: Option<&str>) -> Result<Url, Error> {
        let refused = || Error::Refused(RefusedError::next_page_uri(next));
        let base = self.base_for(host.unwrap_or("api"));
        if next.bytes().any(|b| b.is_ascii_control() || b == b' ') || next.contains('\\') {
            return Err(refused());
        }
        if next.starts_with('/') {
            // Only a path on this host: `//evil.com/x` would carry the credentials elsewhere once
            // joined or normalised.
            if next.starts_with("//") || next.contains('#') || next.contains("://") {
                return Err(refused());
            }
            let base = base.as_str().trim_end_matches('/');
            return Url::parse(&format!("{base}{next}")).map_err(|_| refused());
        }
        let mut url = Url::parse(next).map_err(|_| refused())?;
        if let Some(suffix) = self.inner.host_suffix.as_deref().filter(|suffix| *suffix != ".twilio.com")
            && let Some(product) = url.host_str().and_then(|name| name.strip_suffix(".twilio.com"))
            && is_product_host(product)
            && host.is_none_or(|host| host == product)
            && url.scheme() == "https"
            && url.port().is_none()
        {
            // A link on the product's global host (`https://verify.twilio.com/...`) goes through the
            // client's region and edge, as Twilio's SDKs send it (`get_hostname` keeps the product and
            // puts the client's edge and region after it): to the host the list was requested from.
            let regional = format!("{product}{suffix}");
            url.set_host(Some(&regional)).map_err(|_| refused())?;
        }
        let clean = url.username().is_empty() && url.password().is_none() && url.fragment().is_none();
        let same_origin = match (host, &self.inner.host_suffix) {
            (Some(_), _) | (None, None) => url.origin() == base.origin(),
            // The list's product is not known: any product of this client, on Twilio's hosts.
            (None, Some(suffix)) => {
                url.scheme() == base.scheme()
                    && url.port() == base.port()
                    && url
                        .host_str()
                        .and_then(|name| name.strip_suffix(suffix.as_str()))
                        .is_some_and(is_product_host)
            }
        };
        if clean && same_origin { Ok(url) } else { Err(refused()) }
    }

    /// The attempts of [`execute`](Self::execute); `span` is the one it runs in, given rather than taken
    /// as the current span, which would be the caller's own when ours is disabled.
    async fn retry_loop(&self, span: tracing::Span, request: Outgoing<'_>) -> Result<Reply, Error> {
        let inner = &*self.inner;
        let Outgoing { method, path_template, .. } = request;
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
                    span.record("status", reply.status());
                    if let Some(id) = reply.request_id() {
                        span.record("request_id", id);
                    }
                }
                Err(error) => tracing::debug!(error = %error, "request failed"),
            }
            result
        };
        loop {
            let mut attempt_start = if attempt == 1 { start } else { Instant::now() };
            // A slot under the concurrency limit first, for this attempt only: the wait counts
            // against the deadline, and a request still waiting at it fails with nothing sent.
            let slot = match &inner.concurrency_limit {
                None => None,
                Some(limit) => match limit.try_acquire() {
                    Some(slot) => Some(slot),
                    None => {
                        let slot = tokio::time::timeout_at(deadline.into(), limit.acquire()).await;
                        attempt_start = Instant::now();
                        match slot {
                            // A slot freed at the deadline itself leaves no time to send.
                            Ok(slot) if attempt_start < deadline => Some(slot),
                            Ok(_) | Err(_) => {
                                let error = TransportError::queued(method, path_template, limit.current());
                                return finish(attempt, Err(Error::Transport(error)));
                            }
                        }
                    }
                },
            };
            let remaining = deadline.saturating_duration_since(attempt_start);
            let outcome = inner.transport.attempt(&request, remaining).await;
            let throttled = retry::is_throttled(outcome.outcome);
            if let Some(slot) = slot {
                // Given back here, before any backoff: a request waiting to retry holds no slot.
                match (&outcome.result, throttled) {
                    (Ok(_), _) => slot.succeeded(),
                    (Err(_), true) => slot.throttled(),
                    (Err(_), false) => drop(slot),
                }
            }
            let verdict = retry::verdict(method, outcome.outcome);
            log_attempt(attempt, attempt_start, &outcome.result, verdict);
            let retry_delay = match verdict {
                Verdict::Success => {
                    inner.budget.deposit();
                    return finish(attempt, outcome.result);
                }
                Verdict::Final => return finish(attempt, outcome.result),
                Verdict::OutcomeUnknown => {
                    let result = outcome.result.map_err(|cause| {
                        Error::OutcomeUnknown(OutcomeUnknownError::new(method, path_template, cause))
                    });
                    return finish(attempt, result);
                }
                Verdict::Retry => inner.retry.delay(attempt, outcome.retry_after),
            };
            let in_time = Instant::now() + retry_delay < deadline;
            // A refusal for too many requests in flight is retried without the budget when the
            // concurrency limit is on: the limit came down with it and paces the retry, so refusals
            // cannot snowball into the storm the budget guards against, and a bulk send at the
            // account's cap would otherwise spend the budget and fail the requests it refused.
            let paced = throttled && inner.concurrency_limit.is_some();
            if attempt >= inner.retry.attempts() || !in_time || !(paced || inner.budget.try_withdraw()) {
                return finish(attempt, outcome.result);
            }
            tracing::debug!(attempt, delay_ms = millis(retry_delay), "retrying");
            tokio::time::sleep(retry_delay).await;
            attempt += 1;
        }
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
            status = reply.status(),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn client(configure: impl FnOnce(crate::ClientBuilder) -> crate::ClientBuilder) -> Client {
        let account = "AC0123456789abcdef0123456789abcdef".parse::<AccountSid>().unwrap();
        configure(Client::builder().account_sid(account).auth_token("token")).build().unwrap()
    }

    #[test]
    fn every_product_gets_the_region_and_edge() {
        let plain = client(|b| b);
        assert_eq!(plain.base_url(), "https://api.twilio.com");
        assert_eq!(plain.base_url_for("api"), "https://api.twilio.com");
        assert_eq!(plain.base_url_for("verify"), "https://verify.twilio.com");
        let region = client(|b| b.region("au1"));
        assert_eq!(region.base_url_for("lookups"), "https://lookups.au1.twilio.com");
        let edge = client(|b| b.edge("sydney"));
        assert_eq!(edge.base_url_for("verify"), "https://verify.sydney.us1.twilio.com");
        let upper = client(|b| b.region("AU1"));
        assert_eq!(upper.base_url_for("verify"), "https://verify.au1.twilio.com");
        assert!(upper.next_url("https://lookups.au1.twilio.com/v2/PhoneNumbers?Page=1", None).is_ok());
        let both = client(|b| b.region("ie1").edge("dublin"));
        assert_eq!(both.base_url_for("messaging"), "https://messaging.dublin.ie1.twilio.com");
        assert_eq!(both.base_url(), "https://api.dublin.ie1.twilio.com");
        let gateway = client(|b| b.base_url("https://gw.example.com/twilio/"));
        assert_eq!(gateway.base_url_for("verify"), "https://gw.example.com/twilio");
        // Not a product name: never spliced into a host.
        assert_eq!(plain.base_url_for("evil.com/"), "https://api.twilio.com");
    }

    #[test]
    fn a_next_page_url_is_followed_on_its_products_host_only() {
        let edge = client(|b| b.edge("sydney"));
        let ok = "https://verify.sydney.us1.twilio.com/v2/Services?Page=1";
        assert_eq!(edge.next_url(ok, Some("verify")).unwrap().as_str(), ok);
        assert_eq!(edge.next_url(ok, None).unwrap().as_str(), ok);
        // A link on the product's global host goes through the client's edge, as twilio-python's
        // `get_hostname` sends it.
        let global = "https://verify.twilio.com/v2/Services?Page=1";
        assert_eq!(edge.next_url(global, Some("verify")).unwrap().as_str(), ok);
        assert_eq!(edge.next_url(global, None).unwrap().as_str(), ok);
        for refused in [
            "https://lookups.twilio.com/v2/Services?Page=1",
            "https://verify.au1.twilio.com/v2/Services?Page=1",
            "http://verify.twilio.com/v2/Services",
            "https://verify.twilio.com:8443/v2/Services",
            "http://verify.sydney.us1.twilio.com/v2/Services",
            "https://verify.sydney.us1.twilio.com:8443/v2/Services",
            "https://user:pw@verify.sydney.us1.twilio.com/v2/Services",
            "https://verify.sydney.us1.twilio.com.evil.com/v2/Services",
            "https://evil.com/v2/Services",
            "https://verify.sydney.us1.twilio.com/v2/Services#x",
            "https://verify.sydney.us1.twilio.com\\@evil.com/",
        ] {
            let error = edge.next_url(refused, Some("verify")).unwrap_err();
            assert!(matches!(error, Error::Refused(_)), "{refused}: {error}");
        }
        // The list's own product when it is known; any of the client's when it is not.
        let lookups = "https://lookups.sydney.us1.twilio.com/v2/PhoneNumbers?Page=1";
        assert!(edge.next_url(lookups, Some("verify")).is_err());
        assert!(edge.next_url(lookups, None).is_ok());
        assert!(edge.next_url("https://evil.sydney.us1.twilio.com.example/", None).is_err());
        let error = edge.next_url("https://evil.com/x", Some("verify")).unwrap_err().to_string();
        assert_eq!(
            error,
            "refused to follow next_page_uri `https://evil.com/x`: it is not a path on the client's host"
        );
        // Relative paths keep working, on the product's host.
        let relative = edge.next_url("/v2/Services?Page=1", Some("verify")).unwrap();
        assert_eq!(relative.as_str(), "https://verify.sydney.us1.twilio.com/v2/Services?Page=1");
        assert!(edge.next_url("//evil.com/x", Some("verify")).is_err());
    }

    #[test]
    fn with_an_override_next_pages_stay_on_it() {
        let mock = client(|b| b.base_url("http://127.0.0.1:4010"));
        assert!(mock.next_url("http://127.0.0.1:4010/v2/Services?Page=1", Some("verify")).is_ok());
        assert!(mock.next_url("http://127.0.0.1:4010/v2/Services?Page=1", None).is_ok());
        assert!(mock.next_url("http://127.0.0.1:4011/v2/Services", None).is_err());
        assert!(mock.next_url("https://verify.twilio.com/v2/Services", Some("verify")).is_err());
    }
}
