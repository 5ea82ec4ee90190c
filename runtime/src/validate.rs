//! The report `validate()` returns: every rule a request breaks, each naming the Twilio parameter.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use crate::const_message::Message;

/// One broken rule: which parameter, what is allowed, and what was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    key: Cow<'static, str>,
    rule: Rule,
    got: Option<String>,
}

/// What a parameter must satisfy.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rule {
    /// An integer within `min..=max`.
    Range { min: i128, max: i128 },
    /// A length within `min..=max`, counted in characters for text and in items for lists.
    Length { min: usize, max: usize, unit: LengthUnit },
    /// A path segment: not empty, not `.` or `..`, without `/` or control characters.
    PathSegment,
    /// A rule between parameters, or any other rule, stated in words (e.g. "requires `CallSidToCoach`").
    Custom(Cow<'static, str>),
}

/// What a [`Rule::Length`] counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LengthUnit {
    Characters,
    Items,
}

impl Violation {
    /// A violation of `rule` by parameter `key`, which was given `got` (`None` where the value is
    /// secret or absent).
    pub fn new(key: impl Into<Cow<'static, str>>, rule: Rule, got: Option<String>) -> Self {
        Self { key: key.into(), rule, got }
    }

    /// The Twilio parameter, as sent on the wire (e.g. `Timeout`).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The rule that was broken.
    pub fn rule(&self) -> &Rule {
        &self.rule
    }

    /// The offending value as text, when it may be shown.
    pub fn got(&self) -> Option<&str> {
        self.got.as_deref()
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.key)?;
        match &self.rule {
            Rule::Range { min, max } => write!(f, "must be between {min} and {max}")?,
            Rule::Length { min, max, unit } => {
                let unit = match unit {
                    LengthUnit::Characters => "characters",
                    LengthUnit::Items => "items",
                };
                write!(f, "must have between {min} and {max} {unit}")?;
            }
            Rule::PathSegment => f.write_str(
                "must be a non-empty path segment other than `.` or `..`, without `/` or control characters",
            )?,
            Rule::Custom(text) => f.write_str(text)?,
        }
        if let Some(got) = &self.got {
            write!(f, ", got {got}")?;
        }
        Ok(())
    }
}

/// Every rule a request breaks, in field order; what `validate()` returns when it is not empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ValidationErrors {
    violations: Vec<Violation>,
}

impl ValidationErrors {
    /// Adds one violation to the report.
    pub fn push(&mut self, violation: Violation) {
        self.violations.push(violation);
    }

    /// The violations, in the order the parameters are declared.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// `Ok(())` when nothing was reported.
    pub fn into_result(self) -> Result<(), Self> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.violations.as_slice() {
            [] => f.write_str("no violations"),
            [one] => write!(f, "invalid request: {one}"),
            many => {
                write!(f, "invalid request ({} violations):", many.len())?;
                for violation in many {
                    write!(f, "\n  - {violation}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ValidationErrors {}

/// A field that `#[twilio(range = A..=B)]` can check: an integer, or an optional one.
#[diagnostic::on_unimplemented(
    message = "`#[twilio(range = ...)]` needs an integer parameter, but this one is `{Self}`",
    label = "not an integer",
    note = "`range` applies to integer fields (`u32`, `Option<u32>`, ...); for text and lists use `len = A..=B`"
)]
pub trait RangeField {
    /// The integer type the range is checked against: the field's own, or the one it holds.
    type Int: RangeInt;

    /// The value to check, or `None` when the parameter is unset.
    fn range_value(&self) -> Option<i128>;

    /// Checks `#[twilio(range = min..=max)]`; called through this trait, as the range's compile-time
    /// check names it, so that a field that is not an integer is reported once.
    #[inline]
    fn check_range(&self, errors: &mut ValidationErrors, key: &'static str, min: i128, max: i128)
    where
        Self: Sized,
    {
        check_range(errors, key, self, min, max);
    }
}

/// A field that `#[twilio(len = A..=B)]` can check: text (counted in characters) or a list (in items).
#[diagnostic::on_unimplemented(
    message = "`#[twilio(len = ...)]` needs a text or list parameter, but this one is `{Self}`",
    label = "neither text nor a list",
    note = "`len` applies to `String`, `Vec<T>` and their `Option`s; for integers use `range = A..=B`"
)]
pub trait LenField {
    /// The length to check and its unit, or `None` when the parameter is unset.
    fn length(&self) -> Option<(usize, LengthUnit)>;
}

/// An integer type a `range` can apply to, with its limits, so that a range that does not fit the
/// type is a compile error rather than a promise the type cannot keep.
pub trait RangeInt: Copy {
    /// The type's name, for messages.
    const NAME: &'static str;
    const MIN: i128;
    const MAX: i128;
}

macro_rules! integer_range_fields {
    ($($int:ident),*) => {$(
        impl RangeInt for $int {
            const NAME: &'static str = stringify!($int);
            const MIN: i128 = $int::MIN as i128;
            const MAX: i128 = $int::MAX as i128;
        }

        impl RangeField for $int {
            type Int = $int;

            fn range_value(&self) -> Option<i128> {
                // Lossless: every type listed holds at most 64 bits (`usize` and `isize` included, on
                // every platform Rust supports).
                Some(*self as i128)
            }
        }
    )*};
}
integer_range_fields!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

impl<T: RangeField> RangeField for Option<T> {
    type Int = T::Int;

    fn range_value(&self) -> Option<i128> {
        self.as_ref().and_then(RangeField::range_value)
    }
}

impl LenField for String {
    fn length(&self) -> Option<(usize, LengthUnit)> {
        Some((self.chars().count(), LengthUnit::Characters))
    }
}

impl<T> LenField for Vec<T> {
    fn length(&self) -> Option<(usize, LengthUnit)> {
        Some((self.len(), LengthUnit::Items))
    }
}

impl<T: LenField> LenField for Option<T> {
    fn length(&self) -> Option<(usize, LengthUnit)> {
        self.as_ref().and_then(LenField::length)
    }
}

/// Checks `#[twilio(range = min..=max)]`.
// Inlined, the report out of line: an unset or valid parameter, the common case, is then one or two
// tests at the call rather than a call per field.
#[inline(always)]
pub fn check_range(
    errors: &mut ValidationErrors,
    key: &'static str,
    field: &impl RangeField,
    min: i128,
    max: i128,
) {
    if let Some(value) = field.range_value()
        && !(min..=max).contains(&value)
    {
        report_range(errors, key, value, min, max);
    }
}

#[cold]
#[inline(never)]
fn report_range(errors: &mut ValidationErrors, key: &'static str, value: i128, min: i128, max: i128) {
    errors.push(Violation::new(key, Rule::Range { min, max }, Some(value.to_string())));
}

/// Checks `#[twilio(len = min..=max)]`; only the length is reported, so secrets stay hidden.
// Inlined, the report out of line, as `check_range`.
#[inline(always)]
pub fn check_len(
    errors: &mut ValidationErrors,
    key: &'static str,
    field: &impl LenField,
    min: usize,
    max: usize,
) {
    if let Some((length, unit)) = field.length()
        && !(min..=max).contains(&length)
    {
        report_len(errors, key, length, unit, min, max);
    }
}

#[cold]
#[inline(never)]
fn report_len(
    errors: &mut ValidationErrors,
    key: &'static str,
    length: usize,
    unit: LengthUnit,
    min: usize,
    max: usize,
) {
    errors.push(Violation::new(key, Rule::Length { min, max, unit }, Some(length.to_string())));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_every_violation_with_key_rule_and_value() {
        let mut errors = ValidationErrors::default();
        check_range(&mut errors, "Timeout", &Some(700u32), 5, 600);
        check_range(&mut errors, "MaxParticipants", &1u32, 2, 250);
        check_range(&mut errors, "TimeLimit", &None::<u32>, 1, 14400);
        check_len(&mut errors, "CallerDisplayName", &Some("x".to_string()), 2, 255);
        check_len(&mut errors, "MediaUrl", &vec!["a"; 11], 0, 10);
        check_range(&mut errors, "Attempt", &Some(11usize), 1, 10);
        check_range(&mut errors, "Offset", &-1isize, 0, 10);
        assert_eq!(
            errors.to_string(),
            "invalid request (6 violations):\n  \
             - Timeout: must be between 5 and 600, got 700\n  \
             - MaxParticipants: must be between 2 and 250, got 1\n  \
             - CallerDisplayName: must have between 2 and 255 characters, got 1\n  \
             - MediaUrl: must have between 0 and 10 items, got 11\n  \
             - Attempt: must be between 1 and 10, got 11\n  \
             - Offset: must be between 0 and 10, got -1"
        );
    }

    #[test]
    #[should_panic = "`Timeout` must be between 5 and 600, got -3"]
    fn a_checked_constant_out_of_bounds_is_reported_with_its_value() {
        const TIMEOUT: Bounds<i32> = Bounds::new("Timeout", 5, 600, "`Timeout` must be between 5 and 600");
        TIMEOUT.assert_contains(5);
        TIMEOUT.assert_contains(-3);
    }

    #[test]
    fn in_range_values_pass() {
        let mut errors = ValidationErrors::default();
        check_range(&mut errors, "Timeout", &5u32, 5, 600);
        check_range(&mut errors, "Timeout", &600u32, 5, 600);
        check_len(&mut errors, "CallerDisplayName", &"né".to_string(), 2, 255);
        assert!(errors.into_result().is_ok());
    }
}

/// The documented bounds of an integer parameter of type `T`, published by its endpoint as an
/// associated constant (`CreateParticipant::TIMEOUT`) so that a constant value can be checked at
/// compile time with [`checked!`](crate::checked).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds<T> {
    key: &'static str,
    min: i128,
    max: i128,
    message: &'static str,
    int: PhantomData<fn() -> T>,
}

impl<T> Bounds<T> {
    /// Called by the generated code; `message` names the parameter and the bounds. Whether they fit
    /// `T` is checked beside, where the field's type is named.
    #[doc(hidden)]
    pub const fn new(key: &'static str, min: i128, max: i128, message: &'static str) -> Self {
        Self { key, min, max, message, int: PhantomData }
    }

    /// The Twilio parameter, e.g. `Timeout`.
    pub const fn key(&self) -> &'static str {
        self.key
    }

    pub const fn min(&self) -> i128 {
        self.min
    }

    pub const fn max(&self) -> i128 {
        self.max
    }

    /// Used by [`checked!`](crate::checked) in a constant: a panic naming the parameter, the bounds and
    /// the value given when it is outside them, which in a constant is a compile error.
    #[doc(hidden)]
    pub const fn assert_contains(&self, value: i128) {
        if value < self.min || value > self.max {
            // As the runtime's range violation reads: `...must be between 5 and 600, got 700`.
            let message = Message::new().push(self.message).push(", got ").int(value);
            panic!("{}", message.as_str());
        }
    }

    /// Used by [`checked!`](crate::checked): the value, as the parameter's own type.
    #[doc(hidden)]
    #[inline]
    pub const fn value(&self, value: T) -> T {
        value
    }
}

/// A constant parameter value checked against its documented bounds at compile time.
///
/// Endpoints publish the bounds of each ranged parameter as an associated constant, e.g.
/// `CreateParticipant::TIMEOUT`; `checked!(CreateParticipant::TIMEOUT, 30)` is `30` of the parameter's
/// own type (`u32`), and `checked!(CreateParticipant::TIMEOUT, 700)` does not compile: the error reads
/// ``evaluation panicked: `Timeout` must be between 5 and 600, got 700``. The value is never converted with
/// `as`: a value of another type (`30.7`, or `600` where a `u8` is expected) is a type error.
///
/// ```
/// use twilio_endpoint_runtime::{Bounds, checked};
/// # const TIMEOUT: Bounds<u32> = Bounds::new("Timeout", 5, 600, "`Timeout` must be between 5 and 600");
/// let timeout: u32 = checked!(TIMEOUT, 30);
/// # assert_eq!(timeout, 30);
/// ```
///
/// ```compile_fail
/// # use twilio_endpoint_runtime::{Bounds, checked};
/// # const TIMEOUT: Bounds<u32> = Bounds::new("Timeout", 5, 600, "`Timeout` must be between 5 and 600");
/// let timeout: u32 = checked!(TIMEOUT, 700);
/// ```
///
/// ```compile_fail
/// # use twilio_endpoint_runtime::{Bounds, checked};
/// # const TIMEOUT: Bounds<u32> = Bounds::new("Timeout", 5, 600, "`Timeout` must be between 5 and 600");
/// let timeout: u8 = checked!(TIMEOUT, 600);
/// ```
///
/// Values known only at run time are checked by `validate()` instead.
#[macro_export]
macro_rules! checked {
    ($bounds:expr, $value:expr $(,)?) => {{
        // An unnamed constant, evaluated where it is written; the value below does not read it, so a
        // failure is reported once. The value is bound before it is returned, so that a caller
        // expecting another type is told the parameter's.
        // Only widening: the value is the parameter's integer type (below, where any other type is
        // the one error), which `i128` holds whole.
        const _: () = $crate::Bounds::assert_contains(&$bounds, $value as i128);
        let value = $crate::Bounds::value(&$bounds, $value);
        value
    }};
}
