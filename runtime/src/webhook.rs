//! Webhooks: what Twilio sends to an application (status callbacks, incoming messages and calls), read
//! from the form it posts into a struct declared with `#[derive(Webhook)]`.
//!
//! Decoding a payload is lenient where Twilio changes without notice and strict where the payload
//! would otherwise be misread: a key the declaration does not know is never an error (it is kept in
//! the [`OtherParams`] field when there is one), while a declared key that is missing or holds a value
//! of the wrong shape is, naming the key.

use std::borrow::Cow;
use std::fmt;

use crate::form::{FormDecodeError, FormPairs, FromFormField, FromFormValue, Shown, read_value};

/// A payload Twilio sends: a status callback or an incoming message or call, decoded from the
/// `application/x-www-form-urlencoded` body (or the query string of a `GET` callback).
///
/// `#[derive(Webhook)]` implements it; see the `twilio_endpoint` crate's documentation. Check the
/// request's `X-Twilio-Signature` before decoding: anyone can post a form to a public URL.
///
/// By hand, it reads each parameter from the pairs:
///
/// ```
/// use twilio_endpoint_runtime::{FormDecodeError, FormPairs, Webhook};
///
/// #[derive(Debug)]
/// struct Ping {
///     call_sid: String,
/// }
///
/// impl Webhook for Ping {
///     fn from_pairs(mut form: FormPairs<'_>) -> Result<Self, FormDecodeError> {
///         Ok(Ping { call_sid: form.field("CallSid")? })
///     }
/// }
///
/// let ping = Ping::from_form(b"CallSid=CA123&Added=later").unwrap();
/// assert_eq!(ping.call_sid, "CA123");
/// assert_eq!(Ping::from_form(b"").unwrap_err().to_string(), "`CallSid`: required, but absent");
/// ```
pub trait Webhook: Sized {
    /// Decodes a form body as Twilio posts it. Keys the payload does not declare are never an error.
    fn from_form(body: &[u8]) -> Result<Self, FormDecodeError> {
        Self::from_pairs(FormPairs::parse(body))
    }

    /// Decodes pairs already split, e.g. a query string's, taking what the payload declares; the
    /// pairs left are what an [`OtherParams`] field keeps.
    fn from_pairs(form: FormPairs<'_>) -> Result<Self, FormDecodeError>;
}

/// The parameters of a payload that its declaration does not name, in the order Twilio sent them.
///
/// Twilio adds parameters to its callbacks without notice; a field of this type marked
/// `#[twilio(other)]` keeps them, so that an application can read one before the declaration (or
/// this crate) knows it.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct OtherParams {
    pairs: Vec<(String, String)>,
}

impl OtherParams {
    /// The first value sent under `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs.iter().find(|(k, _)| k == key).map(|(_, value)| value.as_str())
    }

    /// Every value sent under `key`, in the order sent.
    pub fn get_all<'s>(&'s self, key: &'s str) -> impl Iterator<Item = &'s str> {
        self.pairs.iter().filter(move |(k, _)| k == key).map(|(_, value)| value.as_str())
    }

    /// Whether a value was sent under `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Every pair, in the order sent.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(key, value)| (key.as_str(), value.as_str()))
    }

    /// How many pairs there are (a key sent twice counts twice).
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for OtherParams {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        Self { pairs: pairs.into_iter().map(|(key, value)| (key.into(), value.into())).collect() }
    }
}

impl IntoIterator for OtherParams {
    type Item = (String, String);
    type IntoIter = std::vec::IntoIter<(String, String)>;

    fn into_iter(self) -> Self::IntoIter {
        self.pairs.into_iter()
    }
}

/// Shown as a map of keys to values, in the order sent.
impl fmt::Debug for OtherParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// How a payload's field is read from its pairs: a value from exactly one (a required parameter), an
/// `Option` from at most one, a `Vec` from any number (the key repeated per item).
///
/// As a request's parameters are read ([`FromFormField`]), but for one leniency: an optional parameter
/// sent with an empty value, whose type has no empty value (`ParentCallSid=` for an
/// `Option<CallSid>`), reads as absent, rather than failing the whole payload over a parameter the
/// application may not even use. A type that has an empty value keeps it: `Body=` for an
/// `Option<String>` is `Some("")`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read from a Twilio webhook's parameters",
    label = "cannot be decoded",
    note = "a webhook's fields are values (`FromFormValue`), `Option<value>` for optional ones or `Vec<value>` for repeated keys"
)]
pub trait FromWebhookField: Sized {
    fn read_webhook_field(form: &mut FormPairs<'_>, key: &str, shown: Shown)
    -> Result<Self, FormDecodeError>;
}

impl<T: FromFormValue> FromWebhookField for T {
    fn read_webhook_field(
        form: &mut FormPairs<'_>,
        key: &str,
        shown: Shown,
    ) -> Result<Self, FormDecodeError> {
        T::read_field(form, key, shown)
    }
}

impl<T: FromFormValue> FromWebhookField for Option<T> {
    fn read_webhook_field(
        form: &mut FormPairs<'_>,
        key: &str,
        shown: Shown,
    ) -> Result<Self, FormDecodeError> {
        let Some(text) = form.take_one(key)? else { return Ok(None) };
        match read_value(key, &text, shown) {
            Ok(value) => Ok(Some(value)),
            Err(_) if text.is_empty() => Ok(None),
            Err(error) => Err(error),
        }
    }
}

impl<T: FromFormValue> FromWebhookField for Vec<T> {
    fn read_webhook_field(
        form: &mut FormPairs<'_>,
        key: &str,
        shown: Shown,
    ) -> Result<Self, FormDecodeError> {
        <Vec<T> as FromFormField>::read_field(form, key, shown)
    }
}

/// A type that holds what is left of a payload's form once its declared fields were read: the type
/// of a `#[twilio(other)]` field.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold the parameters a webhook does not declare",
    label = "not a type for `#[twilio(other)]`",
    note = "`#[twilio(other)]` goes on a field of type `OtherParams`"
)]
pub trait FromOtherParams {
    fn from_other_params(params: OtherParams) -> Self;
}

impl FromOtherParams for OtherParams {
    fn from_other_params(params: OtherParams) -> Self {
        params
    }
}

/// A type that holds numbered parameters, `Key0`, `Key1`, ...: the type of a `#[twilio(indexed)]`
/// field, `Vec<T>`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold indexed parameters",
    label = "not a list",
    note = "`#[twilio(indexed)]` reads `Key0`, `Key1`, ... into a `Vec<T>`, empty when there is none"
)]
pub trait FromIndexed: Sized {
    fn read_indexed(form: &mut FormPairs<'_>, prefix: &str, shown: Shown) -> Result<Self, FormDecodeError>;
}

/// Reads `Prefix0`, `Prefix1`, ... up to the first missing index; a value that does not parse is an
/// error naming its own key (`MediaUrl1`).
impl<T: FromFormValue> FromIndexed for Vec<T> {
    fn read_indexed(form: &mut FormPairs<'_>, prefix: &str, shown: Shown) -> Result<Self, FormDecodeError> {
        form.take_indexed(prefix)?.into_iter().map(|(key, text)| read_value(&key, &text, shown)).collect()
    }
}

/// The pairs no field read, as the type of a `#[twilio(other)]` field.
pub fn other_params<T: FromOtherParams>(form: FormPairs<'_>) -> T {
    T::from_other_params(
        form.into_unread().map(|(key, value)| (Cow::into_owned(key), Cow::into_owned(value))).collect(),
    )
}

/// What the code `#[derive(Webhook)]` generates names, as `__private::webhook`; kept in one module
/// so that the endpoint's items beside it in `__private` can change without touching these.
#[doc(hidden)]
pub mod __private {
    pub use super::{FromIndexed, FromOtherParams, FromWebhookField, OtherParams, Webhook, other_params};
    pub use crate::form::{FormDecodeError, FormPairs, Shown};
    pub use crate::redact::Redacted;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_params_keep_order_and_repeats() {
        let form = FormPairs::parse(b"A=1&B=2&A=3&Empty=");
        let other: OtherParams = other_params(form);
        assert_eq!(other.get("A"), Some("1"));
        assert_eq!(other.get_all("A").collect::<Vec<_>>(), ["1", "3"]);
        assert_eq!(other.get("Empty"), Some(""));
        assert!(other.contains_key("B") && !other.contains_key("C"));
        assert_eq!(other.get("C"), None);
        assert_eq!(other.len(), 4);
        assert!(!other.is_empty() && OtherParams::default().is_empty());
        assert_eq!(other.iter().map(|(k, _)| k).collect::<String>(), "ABAEmpty");
        assert_eq!(format!("{other:?}"), r#"{"A": "1", "B": "2", "A": "3", "Empty": ""}"#);
        let owned: Vec<(String, String)> = other.clone().into_iter().collect();
        assert_eq!(owned[2], ("A".to_owned(), "3".to_owned()));
    }

    #[test]
    fn an_optional_field_sent_empty_is_absent_unless_its_type_has_an_empty_value() {
        let mut form = FormPairs::parse(b"Sid=&Text=&Flag=&Count=x&Required=");
        assert_eq!(Option::<u32>::read_webhook_field(&mut form, "Sid", Shown::Value).unwrap(), None);
        assert_eq!(
            Option::<String>::read_webhook_field(&mut form, "Text", Shown::Value).unwrap().as_deref(),
            Some("")
        );
        assert_eq!(Option::<bool>::read_webhook_field(&mut form, "Flag", Shown::Value).unwrap(), None);
        assert_eq!(Option::<bool>::read_webhook_field(&mut form, "Absent", Shown::Value).unwrap(), None);
        let error = Option::<u32>::read_webhook_field(&mut form, "Count", Shown::Value).unwrap_err();
        assert_eq!(error.to_string(), "`Count`: expected an integer from u32::MIN to u32::MAX, got `x`");
        // A required parameter has no such leniency: empty is not a value.
        let error = u32::read_webhook_field(&mut form, "Required", Shown::Value).unwrap_err();
        assert_eq!(error.to_string(), "`Required`: expected an integer from u32::MIN to u32::MAX, got ``");
    }

    #[test]
    fn indexed_values_stop_at_a_gap_and_errors_name_their_key() {
        let mut form = FormPairs::parse(b"N0=1&N1=2&N3=4");
        let read: Vec<u32> = FromIndexed::read_indexed(&mut form, "N", Shown::Value).unwrap();
        assert_eq!(read, [1, 2]);

        let mut form = FormPairs::parse(b"N0=1&N1=x");
        let error = <Vec<u32>>::read_indexed(&mut form, "N", Shown::Value).unwrap_err();
        assert_eq!(error.to_string(), "`N1`: expected an integer from u32::MIN to u32::MAX, got `x`");
        let mut form = FormPairs::parse(b"N0=x");
        let error = <Vec<u32>>::read_indexed(&mut form, "N", Shown::Hidden).unwrap_err();
        assert_eq!(error.to_string(), "`N0`: not a valid value (a secret: not shown)");
    }
}
