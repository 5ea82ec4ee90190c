//! The contract between `#[twilio_endpoint]` and the runtime: what the attribute implements for a
//! struct, and the generic functions its generated methods call (`validate`, `encode`, `preview`,
//! `send`, and `decode_request` for the way back).

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use serde::de::DeserializeOwned;

use crate::client::{Client, Exchange};
use crate::error::Error;
use crate::form::{FormDecodeError, FormPairs, FormWriter};
use crate::host::is_product_host;
use crate::idempotency::IdempotencyKey;
use crate::json::{BodyFormat, JsonFields, JsonWriter};
use crate::method::Method;
use crate::path::{PathParams, PathWriter};
use crate::preview::Preview;
use crate::validate::ValidationErrors;
use crate::values::AccountSid;

/// A set of Twilio parameters: a whole request, or a group of parameters flattened into one.
pub trait Params {
    /// Adds every rule these parameters break to `errors`.
    fn check(&self, errors: &mut ValidationErrors);

    /// Writes the parameters as form pairs, in declaration order.
    fn write_params(&self, out: &mut FormWriter);
}

impl<P: Params> Params for Option<P> {
    fn check(&self, errors: &mut ValidationErrors) {
        if let Some(params) = self {
            params.check(errors);
        }
    }

    fn write_params(&self, out: &mut FormWriter) {
        if let Some(params) = self {
            params.write_params(out);
        }
    }
}

/// A Twilio REST operation: what `#[twilio_endpoint]` implements for a struct.
///
/// Besides what the attribute implements, it gives generic code what a declared request's own methods
/// do, so that `fn f<E: Endpoint>(request: &E)` can check, encode, preview and
/// [send](Client::send) any endpoint:
///
/// ```
/// use twilio_endpoint_runtime::{Client, Endpoint, Error};
///
/// /// One line per request, or the reason it would not be sent.
/// fn describe<E: Endpoint>(client: &Client, request: &E) -> String {
///     match request.preview(client) {
///         Ok(preview) => format!("{} {}", preview.method().as_str(), preview.url()),
///         Err(errors) => Error::Validation(errors).to_string(),
///     }
/// }
/// ```
pub trait Endpoint: Params {
    const METHOD: Method;
    /// The path template as written in the attribute, e.g. `/2010-04-01/Accounts/{AccountSid}/Calls.json`.
    const PATH: &'static str;
    /// The product's host name, the first label of `{HOST}.twilio.com`: `api` (the 2010 API, the
    /// default), `verify`, `lookups`, `messaging`, ... Lowercase letters and digits only. The client
    /// adds the region and edge ([`Client::base_url_for`]); a base URL override receives every product.
    const HOST: &'static str = "api";
    /// How the parameters travel: a form (the default), or the JSON object of a `POST` or `PUT`
    /// declared with `body = json`, whose members [`write_json`](Self::write_json) writes.
    const BODY: BodyFormat = BodyFormat::Form;
    /// What a successful reply decodes into.
    type Response;

    /// Renders the path, each parameter escaped as one segment; `account` fills `{AccountSid}` unless
    /// the request names its own account.
    fn write_path(&self, account: &AccountSid, out: &mut PathWriter);

    /// Decodes a successful reply's body.
    fn decode_response(body: &[u8]) -> Result<Self::Response, serde_json::Error>;

    /// Checks every documented rule and reports all the parameters that break one.
    fn validate(&self) -> Result<(), ValidationErrors> {
        validate(self)
    }

    /// Writes the members of the JSON body, for an endpoint whose [`BODY`](Self::BODY) is
    /// [`BodyFormat::Json`]: every parameter that is set, in declaration order. A form endpoint writes
    /// none.
    fn write_json(&self, out: &mut JsonWriter) {
        let _ = out;
    }

    /// The parameters exactly as they are sent as a form: the form body of a `POST` or `PUT`, the
    /// query string of a `GET` or `DELETE`. Empty for a JSON endpoint, whose parameters are the
    /// [JSON body](Self::to_json).
    fn to_form(&self) -> String {
        encode(self)
    }

    /// The JSON body exactly as it is sent, for an endpoint declared with `body = json`; `{}` for
    /// a form endpoint.
    ///
    /// # Errors
    /// A member whose value serde cannot write as JSON, named by its key.
    fn to_json(&self) -> Result<String, ValidationErrors> {
        encode_json(self)
    }

    /// The exact request `client` would send, without sending it: method, full URL and body. The
    /// request is validated first: one that would not be sent is not previewed.
    ///
    /// # Errors
    /// Every rule the request breaks, as [`validate`](Self::validate) reports them.
    fn preview(&self, client: &Client) -> Result<Preview, ValidationErrors> {
        preview(client, self)
    }
}

/// A request read back from what it sends: its path and its form, the inverse of rendering the path and
/// of [`to_form`](Endpoint::to_form). `#[twilio_endpoint]` implements it for every endpoint, from the
/// same declaration, so that a test double, a proxy or a log reader sees the typed request.
///
/// The form is read with each field's options: its key (`rename` included), a list from its repeated
/// key, a flattened group from its keys (for an enum, the variant they form), `Some("")` from `Key=`
/// and `None` from an absent key, a date in UTC; an error names the key, and never shows the value of a
/// `sensitive` field. A key the declaration does not know is an error. The path is matched against the
/// template; each placeholder is one percent-decoded segment, and `{AccountSid}` fills the request's
/// account field (`Some(account)`). Nothing is validated: [`validate`](Endpoint::validate) checks the
/// rules of the request read.
///
/// ```
/// use twilio_endpoint_runtime::{DecodeRequest, Endpoint, Problem};
/// # use twilio_endpoint_runtime::values::AccountSid;
/// # use twilio_endpoint_runtime::__private as twilio;
/// # #[derive(Debug, PartialEq)]
/// # struct UpdateMessage { account_sid: Option<AccountSid>, sid: String, body: Option<String> }
/// # impl twilio::Params for UpdateMessage {
/// #     fn check(&self, _: &mut twilio::ValidationErrors) {}
/// #     fn write_params(&self, out: &mut twilio::FormWriter) {
/// #         if let Some(body) = &self.body { out.pair("Body", body) }
/// #     }
/// # }
/// # impl twilio::Endpoint for UpdateMessage {
/// #     const METHOD: twilio::Method = twilio::Method::Post;
/// #     const PATH: &'static str = "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json";
/// #     type Response = ();
/// #     fn write_path(&self, _: &AccountSid, _: &mut twilio::PathWriter) {}
/// #     fn decode_response(body: &[u8]) -> Result<(), twilio::serde_json::Error> { twilio::decode_empty(body) }
/// # }
/// # impl DecodeRequest for UpdateMessage {
/// #     fn read_request(path: &twilio::PathParams<'_>, form: &mut twilio::FormPairs<'_>)
/// #         -> Result<Self, twilio_endpoint_runtime::FormDecodeError> {
/// #         Ok(Self { account_sid: Some(path.account()?), sid: path.read("Sid")?, body: form.field("Body")? })
/// #     }
/// # }
/// // `UpdateMessage` is declared with `#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json")]`.
/// let path = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json";
/// let request = UpdateMessage::decode_request(path, b"Body=").unwrap();
/// assert_eq!(request.body.as_deref(), Some(""));
/// assert_eq!(request.to_form(), "Body=");
///
/// let error = UpdateMessage::decode_request(path, b"Body=x&Boddy=y").unwrap_err();
/// assert_eq!(error.problem(), &Problem::UnknownKey);
/// assert_eq!(error.to_string(), "`Boddy`: not a parameter of this request");
/// ```
pub trait DecodeRequest: Endpoint + Sized {
    /// The request sent to `path` with `form`: the body of a `POST`, the query string (without its
    /// `?`) of a `GET` or `DELETE`. `path` is escaped as sent; it may also carry the query string, as
    /// the path and query of a URL do (`…/Calls.json?Status=busy`), whose pairs are then read with
    /// those of `form`.
    ///
    /// # Errors
    /// The first key that does not fit, as a [`FormDecodeError`] naming it: unknown, required and
    /// absent, repeated, not a valid value, keys that form no variant of a group; or a path that is not
    /// the endpoint's.
    fn decode_request(path: &str, form: &[u8]) -> Result<Self, FormDecodeError> {
        decode_request(path, form)
    }

    /// The request's fields from its matched path and the members of its JSON body, leaving the
    /// members it does not know unread; what the attribute implements for a `body = json` endpoint.
    /// A form endpoint has no JSON body to read: an error says so.
    #[doc(hidden)]
    fn read_json_request(path: &PathParams<'_>, body: &mut JsonFields) -> Result<Self, FormDecodeError> {
        let _ = (path, body);
        Err(not_in_this_format("this request is sent as a form, not as JSON"))
    }

    /// The request's fields from its matched path and its form, leaving the pairs it does not know
    /// unread; what the attribute implements.
    /// A JSON endpoint has no form to read: its default says so.
    #[doc(hidden)]
    fn read_request(path: &PathParams<'_>, form: &mut FormPairs<'_>) -> Result<Self, FormDecodeError> {
        let _ = (path, form);
        Err(not_in_this_format("this request is sent as JSON, not as a form"))
    }
}

/// The error of a reader for the other body format than the endpoint's.
fn not_in_this_format(message: &str) -> FormDecodeError {
    FormDecodeError::new("(body)", crate::form::Problem::InvalidValue { message: Some(message.to_owned()) })
}

/// The request `E` sent to `path` with `form`; see [`DecodeRequest::decode_request`]. For an endpoint
/// declared with `body = json`, `form` is the JSON body, and the path has no query.
pub fn decode_request<E: DecodeRequest>(path: &str, form: &[u8]) -> Result<E, FormDecodeError> {
    if E::BODY == BodyFormat::Json {
        let path = PathParams::matching(E::PATH, path)?;
        let mut body = JsonFields::parse(form)?;
        let request = E::read_json_request(&path, &mut body)?;
        body.finish()?;
        return Ok(request);
    }
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let joined;
    let form = match (query.is_empty(), form.is_empty()) {
        (true, _) => form,
        (false, true) => query.as_bytes(),
        (false, false) => {
            joined = [query.as_bytes(), b"&", form].concat();
            &joined[..]
        }
    };
    let path = PathParams::matching(E::PATH, path)?;
    let mut form = FormPairs::parse(form);
    let request = E::read_request(&path, &mut form)?;
    form.finish()?;
    Ok(request)
}

/// Every rule `params` breaks, or `Ok(())`.
pub fn validate<P: Params + ?Sized>(params: &P) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::default();
    params.check(&mut errors);
    errors.into_result()
}

/// The encoded parameters: the form body of a `POST`, the query string of a `GET` or `DELETE`.
///
/// The parameters are walked once, into a buffer this thread keeps between encodings, and the body is
/// a copy of what was written, of exactly its size: one allocation per body, however many parameters,
/// once the thread's buffer has grown to the bodies it writes. Walking twice instead (adding up the
/// most the pairs take, then writing into a buffer of that size) cost a third of the encoding of a
/// large request, and more than half of a small one, whose walks visit every field to find the few
/// that are set.
pub fn encode<P: Params + ?Sized>(params: &P) -> String {
    // The buffer a thread writes its bodies into. A `Cell` taken and put back, not a `RefCell`
    // borrowed: a value whose `write_value` encodes another request finds it empty and writes into a
    // buffer of its own.
    thread_local! {
        static SCRATCH: Cell<String> = const { Cell::new(String::new()) };
    }
    /// A buffer grown beyond this by one large body is not kept, so that a thread does not hold its
    /// largest body's worth of memory for good.
    const KEPT: usize = 64 * 1024;
    /// The first buffer's size: most bodies fit, so that it does not grow by doubling from 8 bytes.
    const FIRST: usize = 4 * 1024;

    let mut scratch = SCRATCH.take();
    if scratch.capacity() == 0 {
        scratch.reserve(FIRST);
    }
    let mut out = FormWriter::reusing(scratch);
    params.write_params(&mut out);
    let body = String::from(out.as_str());
    let scratch = out.into_buf();
    if scratch.capacity() <= KEPT {
        SCRATCH.set(scratch);
    }
    body
}

/// The JSON body of `request`: one object, its members as [`Endpoint::write_json`] writes them, in the
/// layout of the official Python SDK (`crate::json`).
pub fn encode_json<E: Endpoint + ?Sized>(request: &E) -> Result<String, ValidationErrors> {
    let mut out = JsonWriter::new();
    request.write_json(&mut out);
    out.finish()
}

/// The request `client` sends for `request`: validated, its path rendered with the request's account
/// or else the client's, its parameters encoded, and the URL and body made by the client. `send` sends
/// exactly this, so a preview cannot differ from what goes out.
pub fn preview<E: Endpoint + ?Sized>(client: &Client, request: &E) -> Result<Preview, ValidationErrors> {
    // A host name that is not a product's could send the credentials elsewhere
    // (`evil.example/x.` + `twilio.com`): it does not compile. The attribute checks its `host`; this
    // checks a hand-written `impl Endpoint` too.
    const {
        assert!(
            is_product_host(E::HOST),
            "`Endpoint::HOST` must be lowercase letters and digits, e.g. `verify`"
        );
        assert!(
            matches!(E::BODY, BodyFormat::Form) || E::METHOD.has_body(),
            "`Endpoint::BODY` may only be JSON for a `POST` or `PUT`, which have a body"
        );
    }
    validate(request)?;
    let mut path = PathWriter::default();
    request.write_path(client.account_sid(), &mut path);
    let params = match E::BODY {
        BodyFormat::Form => encode(request),
        BodyFormat::Json => encode_json(request)?,
    };
    Ok(client.prepare(E::METHOD, E::BODY, E::HOST, E::PATH, &path.finish(), params))
}

/// Decodes a JSON reply body.
pub fn decode_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, serde_json::Error> {
    serde_json::from_slice(body)
}

/// Decodes the reply of an operation that answers `204 No Content`: any body is ignored.
pub fn decode_empty(_body: &[u8]) -> Result<(), serde_json::Error> {
    Ok(())
}

impl Client {
    /// Validates `request`, then sends it and decodes the reply; nothing is sent when validation
    /// fails. The same as the request's own `send`, for code that is generic over endpoints.
    ///
    /// # Errors
    /// [`Error::Validation`] before sending, otherwise an API, transport or decoding error.
    pub async fn send<E: Endpoint>(&self, request: &E) -> Result<E::Response, Error> {
        send(self, request).await
    }

    /// Like [`send`](Client::send), with `key` as the `I-Twilio-Idempotency-Token` header of every
    /// attempt, so that a retried request carries the same key as the first.
    ///
    /// The retry rules are the same: a `POST` whose outcome is unknown is still not resent, since
    /// the key only helps where the server deduplicates on it.
    ///
    /// # Errors
    /// As for [`send`](Client::send).
    pub async fn send_with_idempotency_key<E: Endpoint>(
        &self,
        request: &E,
        key: &IdempotencyKey,
    ) -> Result<E::Response, Error> {
        send_with(self, request, Some(key)).await
    }
}

/// Validates `request`, then sends it and decodes the reply; nothing is sent when validation fails.
///
/// As with an `async fn`, nothing happens before the future is first polled.
pub fn send<'c, 'r, E: Endpoint>(client: &'c Client, request: &'r E) -> Sending<'c, 'r, E> {
    send_with(client, request, None)
}

/// [`send`], with `key` as the idempotency key of every attempt.
fn send_with<'c, 'r, E: Endpoint>(
    client: &'c Client,
    request: &'r E,
    key: Option<&'c IdempotencyKey>,
) -> Sending<'c, 'r, E> {
    Sending { client, key, state: State::Start(request) }
}

/// The future of [`send`]: a small hand-written state machine, generic over the endpoint, around one
/// boxed exchange that is the same for every endpoint.
///
/// It is built this way for compile time (issue 7), not for speed. As an `async fn` generic over the
/// endpoint, with the client's own future inside it, `send` made rustc lay out, emit and describe in
/// debug information that whole nested state machine again for every endpoint an application sends;
/// here the only generic code is `poll` and the [`preview`] it calls (validating, rendering the path,
/// encoding) and the decoding of the reply. An
/// application crate that sends 20 endpoints compiles 27% fewer instructions. The price is one
/// allocation per request, for the exchange.
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Sending<'c, 'r, E> {
    client: &'c Client,
    key: Option<&'c IdempotencyKey>,
    state: State<'c, 'r, E>,
}

enum State<'c, 'r, E> {
    /// Not polled yet: nothing is validated or sent.
    Start(&'r E),
    /// Sending, with the request's path and parameters already rendered: the request itself is no
    /// longer needed.
    Exchanging(Exchange<'c>),
    /// The output was returned.
    Done,
}

impl<E: Endpoint> Future for Sending<'_, '_, E> {
    type Output = Result<E::Response, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // Every field is `Unpin` (references and a box), so `Sending` is too.
        let this = self.get_mut();
        if let State::Start(request) = this.state {
            // What a preview shows is what is sent: the same function prepares both.
            match preview(this.client, request) {
                Ok(prepared) => this.state = State::Exchanging(this.client.execute(prepared, this.key)),
                Err(errors) => {
                    this.state = State::Done;
                    return Poll::Ready(Err(Error::Validation(errors)));
                }
            }
        }
        let State::Exchanging(exchange) = &mut this.state else {
            panic!("`Sending` polled after it completed");
        };
        let reply = ready!(exchange.as_mut().poll(cx));
        this.state = State::Done;
        Poll::Ready(
            reply.and_then(|reply| {
                E::decode_response(reply.body()).map_err(|source| reply.decode_error(source))
            }),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::{FormValue, ValueWriter};

    /// `A=b c`, encoded through the thread's buffer.
    struct Inner;

    impl Params for Inner {
        fn check(&self, _: &mut ValidationErrors) {}

        fn write_params(&self, out: &mut FormWriter) {
            out.pair("A", "b c");
        }
    }

    /// A value that, while it is written, encodes another request: it must get a buffer of its own.
    struct Nested;

    impl FormValue for Nested {
        fn write_value(&self, out: &mut ValueWriter<'_>) {
            out.text(&encode(&Inner));
        }
    }

    struct Outer;

    impl Params for Outer {
        fn check(&self, _: &mut ValidationErrors) {}

        fn write_params(&self, out: &mut FormWriter) {
            out.pair("X", "1");
            out.pair("Y", &Nested);
            out.pair("Z", "2");
        }
    }

    #[test]
    fn an_encoding_inside_an_encoding_writes_into_its_own_buffer() {
        assert_eq!(encode(&Outer), "X=1&Y=A%3Db%2Bc&Z=2");
        // The buffer put back last serves the next body, emptied first.
        assert_eq!(encode(&Inner), "A=b+c");
        assert_eq!(encode(&Outer), "X=1&Y=A%3Db%2Bc&Z=2");
    }

    #[test]
    fn a_body_larger_than_the_first_buffer_is_whole_and_exactly_sized() {
        struct Large;

        impl Params for Large {
            fn check(&self, _: &mut ValidationErrors) {}

            fn write_params(&self, out: &mut FormWriter) {
                for _ in 0..3000 {
                    out.pair("K", "a b");
                }
            }
        }

        let body = encode(&Large);
        assert_eq!(body.len(), 3000 * "K=a+b".len() + 2999);
        assert!(body.split('&').all(|pair| pair == "K=a+b"));
        assert_eq!(body.capacity(), body.len(), "the body is a copy of exactly its size");
        assert_eq!(encode(&Inner), "A=b+c");
    }
}
