//! `IntoValue` and `IntoValues`, the conversions the generated `new` and setters take their arguments
//! through.

/// A value a generated `new` or setter accepts for a parameter of type `T`: a `T` itself, or anything
/// that converts into one with [`Into`] (`&str` for a `String`, a [`PhoneNumber`](super::PhoneNumber)
/// for an [`Address`](super::Address), a type of your own with its `From` impls).
///
/// It exists for its error: where `Into<T>` would say ``the trait bound `Beep: From<&str>` is not
/// satisfied``, a value of the wrong type is reported as a `T` expected, with the ways to make one
/// (parse the text, name the enum's variant, convert a value).
#[diagnostic::on_unimplemented(
    message = "expected `{T}`, found `{Self}`",
    label = "expected `{T}`",
    note = "make a value of type `{T}` first: parse text with `\"…\".parse::<{T}>()?` (addresses, SIDs, URLs, enums), name a variant (`{T}::…`) if it is an enum, or convert a value `{T}` has a `From` impl for"
)]
pub trait IntoValue<T> {
    /// The value as a `T`.
    fn into_value(self) -> T;
}

// Without `do_not_recommend`, rustc would look through this impl and report its unmet `Into` bound
// (``the trait bound `Beep: From<&str>` is not satisfied``) instead of the message above.
#[diagnostic::do_not_recommend]
impl<T, U: Into<T>> IntoValue<T> for U {
    #[inline]
    fn into_value(self) -> T {
        self.into()
    }
}

/// The items a generated setter accepts for a list parameter of type `Vec<T>`: anything that iterates
/// over `T` values (an array, a `Vec`, an iterator), `[]` included.
///
/// It exists for its error, as [`IntoValue`] does: where the bound `IntoIterator<Item = T>` would say
/// ``type mismatch resolving `<[&str; 2] as IntoIterator>::Item == CallEvent` ``, a list of the wrong
/// items is reported as a list of `T` expected, with the ways to make each item.
#[diagnostic::on_unimplemented(
    message = "expected items of type `{T}`, found `{Self}`",
    label = "expected a list of `{T}`",
    note = "make each item a `{T}` first: parse text with `\"…\".parse::<{T}>()?` (addresses, SIDs, URLs, enums), name a variant (`{T}::…`) if it is an enum, or convert each value (`.map({T}::from)`)"
)]
pub trait IntoValues<T> {
    /// The items, collected.
    fn into_values(self) -> Vec<T>;
}

// Without `do_not_recommend`, rustc would report the unmet `Item = T` of this impl instead of the
// message above. One impl only, so that the items of `[]` are inferred to be `T`.
#[diagnostic::do_not_recommend]
impl<T, I: IntoIterator<Item = T>> IntoValues<T> for I {
    #[inline]
    fn into_values(self) -> Vec<T> {
        self.into_iter().collect()
    }
}
