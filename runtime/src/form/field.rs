//! A request's parameter field in both directions, the one trait the generated code writes and reads a
//! field through: a type that cannot be a parameter is then reported once, saying what a parameter is,
//! rather than once per direction.

use super::decode::{FormDecodeError, FormPairs, FromFormField, Shown};
use super::encode::{FormField, FormWriter, Key};

/// A field that is sent as parameters and read back from them: a value, `Option<value>` or
/// `Vec<value>` whose value implements both [`FormValue`](super::FormValue) and
/// [`FromFormValue`](super::FromFormValue).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a Twilio parameter",
    label = "not a parameter type",
    note = "a parameter is sent and read back: a value (strings, integers, booleans, dates, the crate's typed values; a type of your own implements `FormValue` and `FromFormValue`), `Option<value>` for an optional one or `Vec<value>` for a list"
)]
pub trait ParamField: Sized {
    /// Writes the field's pairs under `key`.
    fn write_param(&self, key: &Key<'_>, out: &mut FormWriter);

    /// Reads the field from the pairs of `key`.
    fn read_param(form: &mut FormPairs<'_>, key: &str, shown: Shown) -> Result<Self, FormDecodeError>;
}

// Without `do_not_recommend`, rustc would report each unmet bound of this impl (`FormField`,
// `FromFormField`) as an error of its own instead of the message above.
#[diagnostic::do_not_recommend]
impl<T: FormField + FromFormField> ParamField for T {
    #[inline]
    fn write_param(&self, key: &Key<'_>, out: &mut FormWriter) {
        self.write_field_key(key, out);
    }

    #[inline]
    fn read_param(form: &mut FormPairs<'_>, key: &str, shown: Shown) -> Result<Self, FormDecodeError> {
        T::read_field(form, key, shown)
    }
}
