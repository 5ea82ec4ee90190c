//! The report `validate()` returns: every rule a request breaks, each naming the Twilio parameter.

use std::borrow::Cow;
use std::fmt;

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
    /// A path segment: not empty, not `.` or `..`, without `/`, `?`, `#` or control characters.
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
                "must be a non-empty path segment other than `.` or `..`, without `/`, `?`, `#` or control characters",
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
    /// The value to check, or `None` when the parameter is unset.
    fn range_value(&self) -> Option<i128>;
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

macro_rules! integer_range_fields {
    ($($int:ty),*) => {$(
        impl RangeField for $int {
            fn range_value(&self) -> Option<i128> {
                Some(i128::from(*self))
            }
        }
    )*};
}
integer_range_fields!(u8, u16, u32, u64, i8, i16, i32, i64);

impl<T: RangeField> RangeField for Option<T> {
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
        errors.push(Violation::new(key, Rule::Range { min, max }, Some(value.to_string())));
    }
}

/// Checks `#[twilio(len = min..=max)]`; only the length is reported, so secrets stay hidden.
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
        errors.push(Violation::new(key, Rule::Length { min, max, unit }, Some(length.to_string())));
    }
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
        assert_eq!(
            errors.to_string(),
            "invalid request (4 violations):\n  \
             - Timeout: must be between 5 and 600, got 700\n  \
             - MaxParticipants: must be between 2 and 250, got 1\n  \
             - CallerDisplayName: must have between 2 and 255 characters, got 1\n  \
             - MediaUrl: must have between 0 and 10 items, got 11"
        );
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

/// The documented bounds of an integer parameter, published by its endpoint as an associated
/// constant (`CreateParticipant::TIMEOUT`) so that a constant value can be checked at compile time
/// with [`checked!`](crate::checked).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    key: &'static str,
    min: i128,
    max: i128,
    message: &'static str,
}

impl Bounds {
    /// Called by the generated code; `message` names the parameter and the bounds.
    #[doc(hidden)]
    pub const fn new(key: &'static str, min: i128, max: i128, message: &'static str) -> Self {
        Self { key, min, max, message }
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

    /// `value` when it is within the bounds; otherwise a panic naming the parameter and the bounds,
    /// which in a constant is a compile error.
    pub const fn check(&self, value: i128) -> i128 {
        if value < self.min || value > self.max {
            panic!("{}", self.message);
        }
        value
    }
}

/// A constant parameter value checked against its documented bounds at compile time.
///
/// Endpoints publish the bounds of each ranged parameter as an associated constant, e.g.
/// `CreateParticipant::TIMEOUT`; `checked!(CreateParticipant::TIMEOUT, 30)` is `30`, and
/// `checked!(CreateParticipant::TIMEOUT, 700)` does not compile: the error reads
/// ``evaluation panicked: `Timeout` must be within 5..=600``.
///
/// ```
/// use twilio_endpoint_runtime::{Bounds, checked};
/// # const TIMEOUT: Bounds = Bounds::new("Timeout", 5, 600, "`Timeout` must be within 5..=600");
/// let timeout: u32 = checked!(TIMEOUT, 30);
/// # assert_eq!(timeout, 30);
/// ```
///
/// ```compile_fail
/// # use twilio_endpoint_runtime::{Bounds, checked};
/// # const TIMEOUT: Bounds = Bounds::new("Timeout", 5, 600, "`Timeout` must be within 5..=600");
/// let timeout: u32 = checked!(TIMEOUT, 700);
/// ```
///
/// Values known only at run time are checked by `validate()` instead.
#[macro_export]
macro_rules! checked {
    ($bounds:expr, $value:expr $(,)?) => {{
        const __TWILIO_CHECKED: i128 = $crate::Bounds::check(&$bounds, $value as i128);
        __TWILIO_CHECKED as _
    }};
}
