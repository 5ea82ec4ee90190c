//! The contract between `#[twilio_endpoint]` and the runtime: what the attribute implements for a
//! struct, and the generic functions its generated methods call.

use serde::de::DeserializeOwned;

use crate::client::Client;
use crate::encode::FormWriter;
use crate::error::Error;
use crate::idempotency::IdempotencyKey;
use crate::path::PathWriter;
use crate::validate::ValidationErrors;
use crate::values::AccountSid;

/// The HTTP methods Twilio's REST API uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

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
pub trait Endpoint: Params {
    const METHOD: Method;
    /// The path template as written in the attribute, e.g. `/2010-04-01/Accounts/{AccountSid}/Calls.json`.
    const PATH: &'static str;
    /// What a successful reply decodes into.
    type Response;

    /// Renders the path, each parameter escaped as one segment; `account` fills `{AccountSid}` unless
    /// the request names its own account.
    fn write_path(&self, account: &AccountSid, out: &mut PathWriter);

    /// Decodes a successful reply's body.
    fn decode_response(body: &[u8]) -> Result<Self::Response, serde_json::Error>;
}

/// Every rule `params` breaks, or `Ok(())`.
pub fn validate<P: Params + ?Sized>(params: &P) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::default();
    params.check(&mut errors);
    errors.into_result()
}

/// The encoded parameters: the form body of a `POST`, the query string of a `GET` or `DELETE`.
///
/// The parameters are walked twice: first to add up the most their pairs can take, then to write them
/// into a buffer of that size, so that the body is one allocation (a walk that only adds lengths costs
/// far less than the growth of a buffer from a guessed size).
pub fn encode<P: Params + ?Sized>(params: &P) -> String {
    let mut size = FormWriter::measuring();
    params.write_params(&mut size);
    let mut out = FormWriter::with_capacity(size.measured());
    params.write_params(&mut out);
    out.finish()
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
}

/// Validates `request`, then sends it and decodes the reply; nothing is sent when validation fails.
pub async fn send<E: Endpoint>(client: &Client, request: &E) -> Result<E::Response, Error> {
    send_with(client, request, None).await
}

/// [`send`], with `key` as the idempotency key of every attempt.
pub(crate) async fn send_with<E: Endpoint>(
    client: &Client,
    request: &E,
    key: Option<&IdempotencyKey>,
) -> Result<E::Response, Error> {
    validate(request).map_err(Error::Validation)?;
    let mut path = PathWriter::default();
    request.write_path(client.account_sid(), &mut path);
    let reply = client.execute(E::METHOD, E::PATH, &path.finish(), encode(request), key).await?;
    E::decode_response(reply.body()).map_err(|source| Error::decode(&reply, source))
}

/// Stands in for a `sensitive` field in a request's `Debug` output.
pub struct Redacted;

impl std::fmt::Debug for Redacted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}
