//! `wire_enum!`, which declares an enum whose variants carry the strings Twilio sends and accepts.

/// Declares an enum of Twilio values, each variant with its wire string.
///
/// ```
/// twilio_endpoint_runtime::wire_enum! {
///     /// Whether and when a beep plays.
///     pub enum Beep { True = "true", False = "false", OnEnter = "onEnter", OnExit = "onExit" }
/// }
///
/// twilio_endpoint_runtime::wire_enum! {
///     /// A participant's status.
///     #[open]
///     pub enum ParticipantStatus { Queued = "queued", Connecting = "connecting", Completed = "completed" }
/// }
///
/// assert_eq!("onEnter".parse::<Beep>().unwrap(), Beep::OnEnter);
/// assert_eq!("ONENTER".parse::<Beep>().unwrap().to_string(), "onEnter");
/// assert_eq!(Beep::OnExit.to_string(), "onExit");
/// assert_eq!(
///     "x".parse::<Beep>().unwrap_err().to_string(),
///     "expected one of `true`, `false`, `onEnter`, `onExit`, got `x`"
/// );
/// let status: ParticipantStatus = "on-hold".parse().unwrap();
/// assert_eq!(status, ParticipantStatus::Unknown("on-hold".into()));
/// ```
///
/// Every enum gets `as_str()` (the wire string), `ALL` (every declared value, in order), `Display`,
/// `FromStr`, `FormValue`, `FromFormValue` and serde as the wire string, and `Debug`, `Clone`, `PartialEq`, `Eq`, `Hash`.
///
/// Without `#[open]` (for request parameters) the enum is also `Copy`. Parsing and deserializing
/// ignore ASCII case, because Twilio's own examples do not always write a value as its documentation
/// does (the Create Call and Create Participant examples send `MachineDetection=enable` for the
/// documented `Enable`); what is sent is always the documented spelling. Any other string fails with an
/// [`InvalidValue`](crate::values::InvalidValue) that lists the allowed values. With `#[open]` (for
/// values in responses) the enum gets one more variant, `Unknown(String)`, which holds any string it
/// does not know: when Twilio adds a status, decoding a reply still works.
/// Parsing an open enum never fails.
#[macro_export]
macro_rules! wire_enum {
    // Attributes are gathered one at a time so that `#[open]` may come before or after doc comments.
    (@scan [$($attr:tt)*] [$kind:ident] #[open] $($rest:tt)*) => {
        $crate::wire_enum!(@scan [$($attr)*] [open] $($rest)*);
    };
    (@scan [$($attr:tt)*] [$kind:ident] #[$meta:meta] $($rest:tt)*) => {
        $crate::wire_enum!(@scan [$($attr)* #[$meta]] [$kind] $($rest)*);
    };
    (@scan [$($attr:tt)*] [$kind:ident] $vis:vis enum $name:ident { $($body:tt)* }) => {
        $crate::wire_enum!(@$kind [$($attr)*] $vis $name { $($body)* });
    };

    (@closed [$($attr:tt)*] $vis:vis $name:ident {
        $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),+ $(,)?
    }) => {
        $($attr)*
        #[derive(
            ::core::fmt::Debug,
            ::core::clone::Clone,
            ::core::marker::Copy,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
        )]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the order declared.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The value as Twilio writes it.
            #[inline]
            pub const fn as_str(&self) -> &'static str {
                match self {
                    $(Self::$variant => $wire,)+
                }
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = $crate::values::InvalidValue;

            #[inline]
            fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {
                // A `match` rather than `Result::map` with a closure: no closure body to check and
                // no `map` to instantiate for every enum.
                match $crate::values::__wire_enum::parse(text, &[$($wire),+]) {
                    ::core::result::Result::Ok(index) => ::core::result::Result::Ok(Self::ALL[index]),
                    ::core::result::Result::Err(error) => ::core::result::Result::Err(error),
                }
            }
        }

        impl $crate::FormValue for $name {
            #[inline]
            fn write_value(&self, out: &mut $crate::ValueWriter<'_>) {
                // Known when the crate is compiled: nearly every wire value needs no escaping, and is
                // then copied rather than escaped byte by byte.
                const LITERAL: bool = $crate::values::__wire_enum::all_literal(&[$($wire),+]);
                $crate::values::__wire_enum::write(out, self.as_str(), LITERAL);
            }
        }

        $crate::wire_enum!(@common $name);
    };

    (@open [$($attr:tt)*] $vis:vis $name:ident {
        $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),+ $(,)?
    }) => {
        $($attr)*
        #[derive(
            ::core::fmt::Debug,
            ::core::clone::Clone,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
        )]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of the crate does not know, as Twilio sent it.
            Unknown(::std::string::String),
        }

        impl $name {
            /// Every known value, in the order declared (`Unknown` is not among them).
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The value as Twilio writes it.
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)+
                    Self::Unknown(text) => text,
                }
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = ::core::convert::Infallible;

            #[inline]
            fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(match $crate::values::__wire_enum::find(text, &[$($wire),+]) {
                    ::core::option::Option::Some(index) => ::core::clone::Clone::clone(&Self::ALL[index]),
                    ::core::option::Option::None => Self::Unknown(::std::borrow::ToOwned::to_owned(text)),
                })
            }
        }

        impl $crate::FormValue for $name {
            // `Unknown` holds any text: always escaped.
            #[inline]
            fn write_value(&self, out: &mut $crate::ValueWriter<'_>) {
                out.text(self.as_str());
            }
        }

        $crate::wire_enum!(@common $name);
    };

    (@common $name:ident) => {
        impl $crate::FromFormValue for $name {
            type Err = <$name as ::core::str::FromStr>::Err;

            #[inline]
            fn from_form_value(text: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::str::FromStr::from_str(text)
            }
        }

        impl ::core::fmt::Display for $name {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl $crate::values::__wire_enum::serde::Serialize for $name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::values::__wire_enum::serde::Serializer,
            {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::values::__wire_enum::serde::Deserialize<'de> for $name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::values::__wire_enum::serde::Deserializer<'de>,
            {
                $crate::values::__wire_enum::deserialize(deserializer)
            }
        }
    };

    // Without these, input that fits no rule above would come back to the last rule and recurse until
    // the recursion limit, burying the mistake.
    (@scan $($rest:tt)*) => {
        ::core::compile_error!(
            "`wire_enum!` expects an enum: `pub enum Name { Variant = \"wire string\", ... }`, optionally marked `#[open]`"
        );
    };
    (@$kind:ident [$($attr:tt)*] $vis:vis $name:ident { $($body:tt)* }) => {
        ::core::compile_error!(::core::concat!(
            "each variant of `", ::core::stringify!($name), "` needs its wire string: `Variant = \"wire string\"`"
        ));
    };

    ($($input:tt)*) => {
        $crate::wire_enum!(@scan [] [closed] $($input)*);
    };
}

/// What the code `wire_enum!` expands to calls; not a public API.
///
/// The bodies live here, once, rather than in every expansion: the crate declares dozens of these
/// enums, and each expansion stays a few lines that only pass its strings along.
pub mod support {
    use std::fmt::{self, Write as _};
    use std::marker::PhantomData;
    use std::str::FromStr;

    pub use serde;
    use serde::de::{self, Deserializer, Visitor};

    use crate::form::{ValueWriter, is_literal};
    use crate::values::InvalidValue;

    /// Whether every one of `names` is sent as written (`quote_plus` leaves each byte alone).
    pub const fn all_literal(names: &[&str]) -> bool {
        let mut i = 0;
        while i < names.len() {
            if !is_literal(names[i]) {
                return false;
            }
            i += 1;
        }
        true
    }

    /// Writes a value, copied when `literal` says it needs no escaping.
    #[inline]
    pub fn write(out: &mut ValueWriter<'_>, text: &str, literal: bool) {
        if literal { out.literal(text) } else { out.text(text) }
    }

    /// The position of `text` among `names`, exactly as written: how a reply's value is read.
    pub fn find(text: &str, names: &[&str]) -> Option<usize> {
        names.iter().position(|name| *name == text)
    }

    /// The position of `text` among `names`, ignoring ASCII case (an exact match first, should two
    /// names differ only in case), or an error listing them: how a request's value is read.
    pub fn parse(text: &str, names: &[&str]) -> Result<usize, InvalidValue> {
        let found =
            find(text, names).or_else(|| names.iter().position(|name| name.eq_ignore_ascii_case(text)));
        found.ok_or_else(|| {
            let mut expected = String::from(if names.len() == 1 { "" } else { "one of " });
            for (i, name) in names.iter().enumerate() {
                let separator = if i == 0 { "" } else { ", " };
                // Writing into a `String` cannot fail.
                let _ = write!(expected, "{separator}`{name}`");
            }
            InvalidValue::new(expected, text)
        })
    }

    /// Deserializes a string into any [`FromStr`] type, reporting the parse error as serde's error.
    ///
    /// Every typed value of the crate deserializes through here too, so that decoding checks exactly
    /// what parsing checks.
    pub fn deserialize<'de, D, T>(deserializer: D) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: FromStr,
        T::Err: fmt::Display,
    {
        deserializer.deserialize_str(FromStrVisitor(PhantomData))
    }

    struct FromStrVisitor<T>(PhantomData<T>);

    impl<T> Visitor<'_> for FromStrVisitor<T>
    where
        T: FromStr,
        T::Err: fmt::Display,
    {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
            text.parse().map_err(E::custom)
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use crate::form::FormWriter;
    use crate::values::InvalidValue;

    crate::wire_enum! {
        /// Whether and when a beep plays.
        pub enum Beep {
            True = "true",
            False = "false",
            /// Only when someone joins.
            OnEnter = "onEnter",
            OnExit = "onExit",
        }
    }

    crate::wire_enum! {
        /// A participant's status; Twilio may add values.
        #[open]
        pub enum ParticipantStatus { Queued = "queued", Connecting = "connecting", Completed = "completed" }
    }

    crate::wire_enum! {
        enum UpdateStatus { Completed = "completed" }
    }

    #[test]
    fn closed_enums_map_every_value_both_ways() {
        assert_eq!(Beep::ALL, [Beep::True, Beep::False, Beep::OnEnter, Beep::OnExit]);
        for &beep in Beep::ALL {
            assert_eq!(beep.as_str().parse::<Beep>(), Ok(beep));
            assert_eq!(beep.to_string(), beep.as_str());
        }
        assert_eq!(Beep::OnEnter.as_str(), "onEnter");
        assert_eq!(format!("{:?}", Beep::OnExit), "OnExit");
        assert_eq!(Beep::ALL.iter().collect::<HashSet<_>>().len(), 4);
    }

    #[test]
    fn closed_enums_reject_other_values() {
        let error: InvalidValue = "x".parse::<Beep>().unwrap_err();
        assert_eq!(error.to_string(), "expected one of `true`, `false`, `onEnter`, `onExit`, got `x`");
        // Near misses other than case are still refused.
        assert!("on-enter".parse::<Beep>().is_err());
        assert!(" onEnter".parse::<Beep>().is_err());
        assert_eq!(
            "canceled".parse::<UpdateStatus>().unwrap_err().to_string(),
            "expected `completed`, got `canceled`"
        );
        assert_eq!(UpdateStatus::Completed.to_string(), "completed");
    }

    crate::wire_enum! {
        enum Spelled { Lower = "dual", Upper = "DUAL" }
    }

    #[test]
    fn closed_enums_parse_any_case_and_send_the_documented_spelling() {
        for text in ["onEnter", "onenter", "ONENTER", "OnEnter"] {
            let beep: Beep = text.parse().unwrap();
            assert_eq!((beep, beep.as_str()), (Beep::OnEnter, "onEnter"), "{text}");
            assert_eq!(serde_json::from_str::<Beep>(&format!("\"{text}\"")).unwrap(), Beep::OnEnter);
        }
        let mut out = FormWriter::default();
        out.pair("Beep", &"ONEXIT".parse::<Beep>().unwrap());
        assert_eq!(out.finish(), "Beep=onExit");
        // An exact match wins over one that ignores case.
        assert_eq!("DUAL".parse(), Ok(Spelled::Upper));
        assert_eq!("dual".parse(), Ok(Spelled::Lower));
        assert_eq!("Dual".parse(), Ok(Spelled::Lower));
    }

    #[test]
    fn closed_enums_encode_and_serialize_as_the_wire_string() {
        let mut out = FormWriter::default();
        out.pair("Beep", &Beep::OnEnter);
        assert_eq!(out.finish(), "Beep=onEnter");
        assert_eq!(serde_json::to_string(&Beep::OnExit).unwrap(), "\"onExit\"");
        assert_eq!(serde_json::from_str::<Beep>("\"false\"").unwrap(), Beep::False);
        let error = serde_json::from_str::<Beep>("\"never\"").unwrap_err();
        assert!(error.to_string().starts_with("expected one of `true`, `false`"), "{error}");
    }

    #[test]
    fn open_enums_keep_unknown_values() {
        assert_eq!("connecting".parse(), Ok(ParticipantStatus::Connecting));
        let unknown: ParticipantStatus = "on-hold".parse().unwrap();
        assert_eq!(unknown, ParticipantStatus::Unknown("on-hold".into()));
        assert_eq!(unknown.as_str(), "on-hold");
        // A reply's value is read exactly: a spelling Twilio does not send is not taken for a known one.
        assert_eq!("Connecting".parse(), Ok(ParticipantStatus::Unknown("Connecting".into())));
        assert_eq!(ParticipantStatus::ALL.len(), 3);

        let decoded: Vec<ParticipantStatus> = serde_json::from_str(r#"["queued", "ringing-twice"]"#).unwrap();
        assert_eq!(decoded, [ParticipantStatus::Queued, ParticipantStatus::Unknown("ringing-twice".into())]);
        assert_eq!(serde_json::to_string(&decoded).unwrap(), r#"["queued","ringing-twice"]"#);
        assert_eq!(decoded[1].to_string(), "ringing-twice");

        let mut out = FormWriter::default();
        out.pair("Status", &ParticipantStatus::Completed);
        assert_eq!(out.finish(), "Status=completed");
    }
}
