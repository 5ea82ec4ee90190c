//! Checks the compiler runs on a declaration, as constants the generated code evaluates: no key is sent
//! twice by an endpoint's fields and the groups it flattens, and every `range` fits its field's type.
//! Also a group's keys, and the variant of an enum group that the keys of a form choose.
//!
//! The macro sees one declaration at a time and only the syntax of types, so what depends on another
//! declaration (a group's keys) or on what a type is (a type alias of `u8`) is left to these constants;
//! a failed one is a compile error with the message built here.

use crate::const_message::Message;
use crate::endpoint::Params;
use crate::form::{FormDecodeError, FormPairs, FormWriter, Problem, ReadParams};
use crate::validate::{RangeInt, ValidationErrors};

/// The keys a group of parameters sends: its own, and those of the groups it flattens.
#[derive(Clone, Copy, Debug)]
pub struct Keys {
    own: &'static [&'static str],
    groups: &'static [&'static Keys],
}

impl Keys {
    pub const fn new(own: &'static [&'static str], groups: &'static [&'static Keys]) -> Self {
        Self { own, groups }
    }

    /// Whether `form` has a pair left with one of these keys.
    fn any_in(&self, form: &FormPairs<'_>) -> bool {
        self.own.iter().any(|key| form.contains(key)) || self.groups.iter().any(|keys| keys.any_in(form))
    }

    /// Whether `key` is one of these keys.
    fn has(&self, key: &str) -> bool {
        self.own.contains(&key) || self.groups.iter().any(|keys| keys.has(key))
    }
}

/// A group of parameters (`#[derive(Params)]`) with its keys, which an endpoint flattening it checks
/// against its own.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a group of parameters",
    label = "flattened here",
    note = "a `#[twilio(flatten)]` field holds a type with `#[derive(twilio_endpoint::Params)]`, or its `Option`"
)]
pub trait ParamGroup: Params + ReadParams {
    const KEYS: Keys;

    /// The checks of a flattened group, called through this trait so that a type that is not a group
    /// is reported as such.
    #[inline]
    fn check_group(&self, errors: &mut ValidationErrors) {
        self.check(errors);
    }

    /// The pairs of a flattened group; see [`ParamGroup::check_group`].
    #[inline]
    fn write_group(&self, out: &mut FormWriter) {
        self.write_params(out);
    }

    /// A flattened group read back from `form`; see [`ParamGroup::check_group`].
    #[inline]
    fn read_group(form: &mut FormPairs<'_>) -> Result<Self, FormDecodeError> {
        Self::read_params(form)
    }
}

impl<T: ParamGroup> ParamGroup for Option<T> {
    const KEYS: Keys = T::KEYS;
}

/// An optional group is absent when none of its keys is sent: `Some` as soon as one is.
impl<T: ParamGroup> ReadParams for Option<T> {
    fn read_params(form: &mut FormPairs<'_>) -> Result<Self, FormDecodeError> {
        if T::KEYS.any_in(form) { T::read_params(form).map(Some) } else { Ok(None) }
    }
}

/// What the keys of a form must be for a variant of an enum group (`#[derive(Params)]`) to be the one
/// they were sent as.
#[derive(Clone, Copy, Debug)]
pub struct Variant {
    /// The constants the variant sends, with their text as sent: `("Coaching", "true")`.
    constants: &'static [(&'static str, &'static str)],
    /// The keys of its required fields.
    required: &'static [&'static str],
    /// The keys of the groups its required fields flatten: one of each must be sent.
    required_groups: &'static [&'static Keys],
    /// Every key it may send: its constants, its fields' and those of the groups it flattens.
    keys: Keys,
}

impl Variant {
    pub const fn new(
        constants: &'static [(&'static str, &'static str)],
        required: &'static [&'static str],
        required_groups: &'static [&'static Keys],
        keys: Keys,
    ) -> Self {
        Self { constants, required, required_groups, keys }
    }

    /// Whether the keys left in `form` are this variant's: each constant with its text, each required
    /// key, at least one key of the variant (a variant that would send nothing cannot be told from
    /// an absent group), and no key of the group outside the variant (`group`, every variant's keys).
    fn fits(&self, form: &FormPairs<'_>, group: &Keys) -> bool {
        self.constants.iter().all(|(key, text)| form.peek(key) == Some(*text))
            && self.required.iter().all(|key| form.contains(key))
            && self.required_groups.iter().all(|keys| keys.any_in(form))
            && self.keys.any_in(form)
            && !form.unread_keys().any(|key| group.has(key) && !self.keys.has(key))
    }
}

/// Chooses the variant of the enum group `group` (whose keys are `keys`) that the keys left in `form`
/// form, the first in declaration order that fits, and reads its constants; the caller reads its
/// fields. `allowed` lists the variants' keys for the error, e.g.
/// ``"`Coaching=false`; `Coaching=true` with `CallSidToCoach`"``. Not generic, so that it is compiled
/// once for every group.
///
/// # Errors
/// [`Problem::NoVariant`] naming the first of the group's keys that was sent, and
/// [`Problem::Repeated`] for a constant sent more than once.
pub fn read_variant(
    form: &mut FormPairs<'_>,
    keys: &Keys,
    group: &'static str,
    allowed: &'static str,
    variants: &[Variant],
) -> Result<usize, FormDecodeError> {
    let Some(index) = variants.iter().position(|variant| variant.fits(form, keys)) else {
        let key = form.unread_keys().find(|key| keys.has(key)).unwrap_or_default().to_owned();
        return Err(FormDecodeError::new(key, Problem::NoVariant { group, allowed }));
    };
    for (key, _) in variants[index].constants {
        form.take_one(key)?;
    }
    Ok(index)
}

/// Where keys come from, for the message: e.g. ``the field `status_callback` ``.
#[derive(Clone, Copy, Debug)]
pub struct KeySource {
    what: &'static str,
    keys: Keys,
}

impl KeySource {
    pub const fn new(what: &'static str, keys: Keys) -> Self {
        Self { what, keys }
    }
}

/// Fails to compile, naming the key, when two sources send the same key: Twilio would receive it
/// twice (`StatusCallback=a&StatusCallback=b`) and keep one of them.
///
/// `plain` are the plain fields' and a variant's constants' keys, as `(what, key)`: the macro already
/// proved them distinct from one another, so only each group is compared, with every plain key and
/// every later group. A group may repeat a key itself (the variants of an enum are alternatives).
/// Comparing only these pairs keeps the constant cheap to evaluate: rustc interprets it for every
/// endpoint that flattens a group, and comparing all pairs of a 20-field endpoint cost a third of the
/// endpoint's build.
pub const fn check_unique_keys(plain: &[(&'static str, &'static str)], groups: &[KeySource]) {
    if let Some((key, first, second)) = key_sent_twice(plain, groups) {
        let message = Message::new()
            .push("the key `")
            .push(key)
            .push("` is sent twice, by ")
            .push(first)
            .push(" and by ")
            .push(second)
            .push("; each key may be sent once");
        panic!("{}", message.as_str());
    }
}

/// The first key [`check_unique_keys`] refuses, with its two sources.
const fn key_sent_twice(
    plain: &[(&'static str, &'static str)],
    groups: &[KeySource],
) -> Option<(&'static str, &'static str, &'static str)> {
    let mut group = 0;
    while group < groups.len() {
        let mut field = 0;
        while field < plain.len() {
            let (what, key) = plain[field];
            if contains(&groups[group].keys, key) {
                return Some((key, what, groups[group].what));
            }
            field += 1;
        }
        let mut other = group + 1;
        while other < groups.len() {
            if let Some(key) = shared_key(&groups[group].keys, &groups[other].keys) {
                return Some((key, groups[group].what, groups[other].what));
            }
            other += 1;
        }
        group += 1;
    }
    None
}

/// Fails to compile, naming the key, when `source` sends a key that is a placeholder of the path:
/// the parameter would go in the body while the path is filled from elsewhere (for `{AccountSid}`,
/// the client's account, so a subaccount's request would run against the parent account).
pub const fn check_keys_not_in_path(placeholders: &[&str], source: KeySource) {
    let mut i = 0;
    while i < placeholders.len() {
        let key = placeholders[i];
        if contains(&source.keys, key) {
            let message = Message::new()
                .push(source.what)
                .push(" would send `")
                .push(key)
                .push("` as a parameter, but `{")
                .push(key)
                .push(
                    "}` is a placeholder of the path; take that field out of the group and declare it on \
                       the endpoint with `#[twilio(path)]`, so that it fills the placeholder",
                );
            panic!("{}", message.as_str());
        }
        i += 1;
    }
}

/// Fails to compile when `min..=max`, the `range` of `key`, holds values that `I`, the integer type of
/// the field, cannot: the range would promise what the type cannot carry.
pub const fn check_range_fits<I: RangeInt>(key: &str, min: i128, max: i128) {
    if min < I::MIN || max > I::MAX {
        let message = Message::new()
            .push("the range of `")
            .push(key)
            .push("`, between ")
            .int(min)
            .push(" and ")
            .int(max)
            .push(", does not fit its type `")
            .push(I::NAME)
            .push("`, which holds values between ")
            .int(I::MIN)
            .push(" and ")
            .int(I::MAX)
            .push("; narrow the range or widen the type");
        panic!("{}", message.as_str());
    }
}

const fn shared_key(a: &Keys, b: &Keys) -> Option<&'static str> {
    let mut i = 0;
    while i < a.own.len() {
        if contains(b, a.own[i]) {
            return Some(a.own[i]);
        }
        i += 1;
    }
    let mut g = 0;
    while g < a.groups.len() {
        if let Some(key) = shared_key(a.groups[g], b) {
            return Some(key);
        }
        g += 1;
    }
    None
}

const fn contains(keys: &Keys, key: &str) -> bool {
    let mut i = 0;
    while i < keys.own.len() {
        if str_eq(keys.own[i], key) {
            return true;
        }
        i += 1;
    }
    let mut g = 0;
    while g < keys.groups.len() {
        if contains(keys.groups[g], key) {
            return true;
        }
        g += 1;
    }
    false
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const CALLBACK: Keys = Keys::new(&["StatusCallback", "StatusCallbackMethod"], &[]);
    const NESTED: Keys = Keys::new(&["Url"], &[&CALLBACK]);

    #[test]
    fn finds_a_key_shared_by_two_sources_through_nested_groups() {
        let field = Keys::new(&["StatusCallbackMethod"], &[]);
        assert_eq!(shared_key(&field, &NESTED), Some("StatusCallbackMethod"));
        assert_eq!(shared_key(&NESTED, &field), Some("StatusCallbackMethod"));
        assert_eq!(shared_key(&Keys::new(&["Urls"], &[]), &NESTED), None);
    }

    #[test]
    fn distinct_sources_pass() {
        check_unique_keys(
            &[("the field `to`", "To")],
            &[
                KeySource::new("the flattened group `Callback`", NESTED),
                KeySource::new("the flattened group `Other`", Keys::new(&["Other"], &[])),
            ],
        );
    }

    #[test]
    #[should_panic = "the key `Url` is sent twice, by the field `url` and by the flattened group `Nested`; each key may be sent once"]
    fn a_shared_key_fails_naming_it_and_both_sources() {
        check_unique_keys(
            &[("the field `url`", "Url")],
            &[KeySource::new("the flattened group `Nested`", NESTED)],
        );
    }

    #[test]
    #[should_panic = "the key `StatusCallback` is sent twice, by the flattened group `Callback` and by the flattened group `Nested`"]
    fn two_groups_sharing_a_key_fail() {
        check_unique_keys(
            &[("the field `to`", "To")],
            &[
                KeySource::new("the flattened group `Callback`", CALLBACK),
                KeySource::new("the flattened group `Nested`", NESTED),
            ],
        );
    }

    #[test]
    #[should_panic = "the range of `Timeout`, between 0 and 600, does not fit its type `u8`, which holds values between 0 and 255; narrow the range or widen the type"]
    fn a_range_wider_than_its_type_fails() {
        check_range_fits::<u8>("Timeout", 0, 600);
    }

    #[test]
    #[should_panic = "the flattened group `Owner` would send `AccountSid` as a parameter, but `{AccountSid}` is a placeholder of the path"]
    fn a_group_sending_a_placeholder_of_the_path_fails() {
        const OWNER: Keys = Keys::new(&["FriendlyName"], &[&Keys::new(&["AccountSid"], &[])]);
        check_keys_not_in_path(&["AccountSid", "Sid"], KeySource::new("the flattened group `Owner`", OWNER));
    }

    #[test]
    fn a_group_sending_no_placeholder_passes() {
        check_keys_not_in_path(
            &["AccountSid", "Sid"],
            KeySource::new("the flattened group `Nested`", NESTED),
        );
    }

    /// `Coaching` of Create Participant: `Coaching=false`, `Coaching=true` with `CallSidToCoach`, or
    /// `CallSidToCoach` alone.
    const COACHING: Keys = Keys::new(&["Coaching", "Coaching", "CallSidToCoach", "CallSidToCoach"], &[]);
    const VARIANTS: &[Variant] = &[
        Variant::new(&[("Coaching", "false")], &[], &[], Keys::new(&["Coaching"], &[])),
        Variant::new(
            &[("Coaching", "true")],
            &["CallSidToCoach"],
            &[],
            Keys::new(&["Coaching", "CallSidToCoach"], &[]),
        ),
        Variant::new(&[], &["CallSidToCoach"], &[], Keys::new(&["CallSidToCoach"], &[])),
    ];

    fn variant(body: &str) -> Result<usize, FormDecodeError> {
        let mut form = FormPairs::parse(body.as_bytes());
        read_variant(&mut form, &COACHING, "Coaching", "allowed", VARIANTS)
    }

    #[test]
    fn the_first_variant_the_keys_fit_is_chosen_and_its_constants_read() {
        assert_eq!(variant("Coaching=false").unwrap(), 0);
        assert_eq!(variant("CallSidToCoach=CA1&Coaching=true").unwrap(), 1);
        assert_eq!(variant("CallSidToCoach=CA1").unwrap(), 2);
        // Keys of other parameters do not matter.
        assert_eq!(variant("Muted=true&Coaching=false").unwrap(), 0);

        let mut form = FormPairs::parse(b"Coaching=true&CallSidToCoach=CA1&Muted=true");
        read_variant(&mut form, &COACHING, "Coaching", "allowed", VARIANTS).unwrap();
        let left: Vec<_> = form.unread_keys().collect();
        assert_eq!(left, ["CallSidToCoach", "Muted"], "the constant is read, the fields left to the variant");
    }

    #[test]
    fn keys_that_fit_no_variant_are_refused_naming_the_first_sent() {
        let no_variant = |key: &str| {
            FormDecodeError::new(key.to_owned(), Problem::NoVariant { group: "Coaching", allowed: "allowed" })
        };
        assert_eq!(variant("CallSidToCoach=CA1&Coaching=false").unwrap_err(), no_variant("CallSidToCoach"));
        assert_eq!(variant("Coaching=true").unwrap_err(), no_variant("Coaching"));
        assert_eq!(variant("Coaching=False").unwrap_err(), no_variant("Coaching"));
        assert_eq!(variant("Muted=true").unwrap_err(), no_variant(""));
        let error = variant("Coaching=false&Coaching=false").unwrap_err();
        assert_eq!(error.problem(), &Problem::Repeated { times: 2 });
    }

    #[test]
    fn a_range_within_its_type_passes() {
        check_range_fits::<i8>("Offset", -128, 127);
        check_range_fits::<u32>("Timeout", 5, 600);
    }
}
