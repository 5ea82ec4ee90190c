//! `IntoValue`, the conversion the generated `new` and setters take their arguments through.

/// A value a generated `new` or setter accepts for a parameter of type `T`: a `T` itself, or anything
/// that converts into one with [`Into`] (`&str` for a `String`, a [`PhoneNumber`](super::PhoneNumber)
/// for an [`Address`](super::Address), a type of your own with its `From` impls).
///
/// It exists for its error: where `Into<T>` would say ``the trait bound `Beep: From<&str>` is not
/// satisfied``, a value of the wrong type is reported as a `T` expected, with how to make one (parse
/// the text, or name the enum's variant).
#[diagnostic::on_unimplemented(
    message = "expected `{T}`, found `{Self}`",
    label = "expected `{T}`",
    note = "a parameter takes its checked type: parse text into it, `\"…\".parse::<{T}>()?`",
    note = "an enum parameter takes one of its variants, such as `{T}::…`: its documentation lists them, and `{T}::ALL` holds them"
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
