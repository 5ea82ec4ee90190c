//! JSON request bodies: what an endpoint declared with `body = json` sends instead of a form, and the
//! way back for [`DecodeRequest`](crate::DecodeRequest).
//!
//! The text is the one Twilio's official Python SDK sends for the same request, byte for byte. The
//! SDK builds a dict in the description's property order, drops every `None` from it, at every depth
//! (dict members and list items: `copy_non_none_values` in its `ClientBase`), and `requests` writes
//! what is left with `json.dumps`'s defaults. So members are written in declaration order (a nested
//! struct's in its serde order), a `null` anywhere (an unset `Option`) is left out, `", "` separates
//! members and items and `": "` follows a key, and every character outside printable ASCII is escaped
//! as `\uXXXX` (lowercase hex, a surrogate pair above U+FFFF), as `ensure_ascii` does.
//!
//! Numbers are written as serde_json writes them; Python writes a float such as `1e16` as `1e+16`,
//! which no Twilio JSON body this crate knows takes (Lookups' are text, lists and integers).

use std::borrow::Cow;
use std::io;

use serde::de::{DeserializeOwned, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap as _, SerializeSeq as _};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::ser::{CharEscape, Formatter, Serializer};
use serde_json::{Map, Value};

use crate::form::{FormDecodeError, Problem};
use crate::validate::{Rule, ValidationErrors, Violation};

/// How an endpoint's parameters travel: as a form (the query of a `GET` or `DELETE`, the
/// `application/x-www-form-urlencoded` body of a `POST` or `PUT`), or as one JSON object, the
/// `application/json` body of a `POST` or `PUT` (`#[twilio_endpoint(..., body = json)]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BodyFormat {
    Form,
    Json,
}

impl BodyFormat {
    /// The `Content-Type` a body in this format is sent with.
    pub fn content_type(self) -> &'static str {
        match self {
            BodyFormat::Form => "application/x-www-form-urlencoded",
            BodyFormat::Json => "application/json",
        }
    }
}

/// Writes the members of a JSON request body, in the order they are given; what the attribute's
/// `write_json` calls for every field that is not in the path.
pub struct JsonWriter {
    buf: Vec<u8>,
    members: usize,
    errors: ValidationErrors,
}

impl JsonWriter {
    pub(crate) fn new() -> Self {
        Self { buf: b"{".to_vec(), members: 0, errors: ValidationErrors::default() }
    }

    /// Writes `"key": value`, or nothing when the value is `null` (an unset `Option`), as the official
    /// SDK leaves out every `None`; a `null` inside the value (a nested struct's unset member, a list's
    /// `None`) is left out too. A value serde cannot write as JSON (a map with keys that are not text,
    /// a type whose `Serialize` fails) is reported by [`finish`](Self::finish), naming `key`.
    pub fn member<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        // Through serde_json's text and back into a tree that keeps the members' order, whose nulls
        // are then skipped: what the SDK's dict holds once it has dropped its `None`s.
        let node = serde_json::to_string(value).and_then(|text| serde_json::from_str::<Node>(&text));
        let node = match node {
            Ok(Node::Null) => return,
            Ok(node) => node,
            Err(error) => {
                let rule = Rule::Custom(Cow::Owned(format!("cannot be written as JSON: {error}")));
                self.errors.push(Violation::new(key.to_owned(), rule, None));
                return;
            }
        };
        if self.members > 0 {
            self.buf.extend_from_slice(b", ");
        }
        let mut serializer = Serializer::with_formatter(&mut self.buf, PythonFormatter);
        // A string and a tree of plain values: writing them into a `Vec` cannot fail.
        let _ = key.serialize(&mut serializer);
        self.buf.extend_from_slice(b": ");
        let _ = node.serialize(&mut Serializer::with_formatter(&mut self.buf, PythonFormatter));
        self.members += 1;
    }

    /// The object's text, or every member that could not be written.
    pub(crate) fn finish(mut self) -> Result<String, ValidationErrors> {
        self.errors.into_result()?;
        self.buf.push(b'}');
        // Only ASCII is written: every other character is escaped.
        Ok(String::from_utf8(self.buf).expect("the JSON text is ASCII"))
    }
}

/// A JSON value whose objects keep their members' order (serde_json's `Value` sorts them unless its
/// `preserve_order` feature is on); written without its nulls.
enum Node {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    Text(String),
    List(Vec<Node>),
    Object(Vec<(String, Node)>),
}

impl Serialize for Node {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Null => serializer.serialize_unit(),
            Node::Bool(value) => serializer.serialize_bool(*value),
            Node::Number(value) => value.serialize(serializer),
            Node::Text(value) => serializer.serialize_str(value),
            Node::List(items) => {
                let mut seq = serializer.serialize_seq(None)?;
                for item in items.iter().filter(|item| !matches!(item, Node::Null)) {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Node::Object(members) => {
                let mut map = serializer.serialize_map(None)?;
                for (key, value) in members.iter().filter(|(_, value)| !matches!(value, Node::Null)) {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NodeVisitor;

        impl<'de> Visitor<'de> for NodeVisitor {
            type Value = Node;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON value")
            }

            fn visit_unit<E>(self) -> Result<Node, E> {
                Ok(Node::Null)
            }

            fn visit_bool<E>(self, value: bool) -> Result<Node, E> {
                Ok(Node::Bool(value))
            }

            fn visit_i64<E>(self, value: i64) -> Result<Node, E> {
                Ok(Node::Number(value.into()))
            }

            fn visit_u64<E>(self, value: u64) -> Result<Node, E> {
                Ok(Node::Number(value.into()))
            }

            fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Node, E> {
                serde_json::Number::from_f64(value)
                    .map(Node::Number)
                    .ok_or_else(|| E::custom("a number that is not finite"))
            }

            fn visit_str<E>(self, value: &str) -> Result<Node, E> {
                Ok(Node::Text(value.to_owned()))
            }

            fn visit_string<E>(self, value: String) -> Result<Node, E> {
                Ok(Node::Text(value))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Node::List(items))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry::<String, Node>()? {
                    members.push(member);
                }
                Ok(Node::Object(members))
            }
        }

        deserializer.deserialize_any(NodeVisitor)
    }
}

/// `json.dumps`'s default layout: `", "` and `": "` as separators, no other whitespace, and only
/// printable ASCII unescaped.
struct PythonFormatter;

impl Formatter for PythonFormatter {
    fn begin_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        if first { Ok(()) } else { writer.write_all(b", ") }
    }

    fn begin_object_key<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        if first { Ok(()) } else { writer.write_all(b", ") }
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut plain = 0;
        for (index, ch) in fragment.char_indices() {
            if (' '..='~').contains(&ch) {
                continue;
            }
            writer.write_all(&fragment.as_bytes()[plain..index])?;
            let mut units = [0; 2];
            for unit in ch.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            plain = index + ch.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[plain..])
    }

    fn write_char_escape<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        // The short escapes `json.dumps` uses; any other control character as `\u00XX`.
        let text: Cow<'static, str> = match escape {
            CharEscape::Quote => "\\\"".into(),
            CharEscape::ReverseSolidus => "\\\\".into(),
            CharEscape::Solidus => "/".into(),
            CharEscape::Backspace => "\\b".into(),
            CharEscape::FormFeed => "\\f".into(),
            CharEscape::LineFeed => "\\n".into(),
            CharEscape::CarriageReturn => "\\r".into(),
            CharEscape::Tab => "\\t".into(),
            CharEscape::AsciiControl(byte) => format!("\\u{byte:04x}").into(),
        };
        writer.write_all(text.as_bytes())
    }
}

/// The members of a JSON request body, read back one key at a time: the inverse of [`JsonWriter`].
pub struct JsonFields {
    members: Map<String, Value>,
}

impl JsonFields {
    /// The body's members; an error when the body is not one JSON object (an empty body is an empty
    /// object, as a request whose fields are all unset may be read from a log without its body).
    pub fn parse(body: &[u8]) -> Result<Self, FormDecodeError> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Self { members: Map::new() });
        }
        match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(members)) => Ok(Self { members }),
            Ok(_) => Err(not_an_object("a JSON object, got another JSON value".to_owned())),
            Err(error) => Err(not_an_object(format!("a JSON object, got text that is not JSON ({error})"))),
        }
    }

    /// The member `key` read as a `T`; an absent member is read as `null` (so `None` for an
    /// `Option`, an error naming the key for a value that is required). With `shown` false the error
    /// does not quote the value (a `sensitive` field).
    pub fn member<T: DeserializeOwned>(&mut self, key: &str, shown: bool) -> Result<T, FormDecodeError> {
        let (value, absent) = match self.members.remove(key) {
            Some(value) => (value, false),
            None => (Value::Null, true),
        };
        T::deserialize(value).map_err(|error| {
            let key = key.to_owned();
            if absent {
                FormDecodeError::new(key, Problem::MissingKey)
            } else {
                let message = shown.then(|| error.to_string());
                FormDecodeError::new(key, Problem::InvalidValue { message })
            }
        })
    }

    /// An error naming the first member no field read.
    pub fn finish(self) -> Result<(), FormDecodeError> {
        match self.members.into_iter().next() {
            Some((key, _)) => Err(FormDecodeError::new(key, Problem::UnknownKey)),
            None => Ok(()),
        }
    }
}

fn not_an_object(message: String) -> FormDecodeError {
    FormDecodeError::new("(body)", Problem::InvalidValue { message: Some(message) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(members: &[(&str, Value)]) -> String {
        let mut out = JsonWriter::new();
        for (key, value) in members {
            out.member(key, value);
        }
        out.finish().unwrap()
    }

    #[test]
    fn the_layout_is_json_dumps_defaults() {
        // `json.dumps({"limit": 10, "fields": ["a", "b"], "o": {"x": True, "y": {}}, "e": [], "z": 0})`
        let text = object(&[
            ("limit", Value::from(10)),
            ("fields", serde_json::json!(["a", "b"])),
            ("o", serde_json::json!({"x": true, "y": {}})),
            ("e", serde_json::json!([])),
            ("z", Value::from(0)),
        ]);
        assert_eq!(
            text,
            r#"{"limit": 10, "fields": ["a", "b"], "o": {"x": true, "y": {}}, "e": [], "z": 0}"#
        );
        assert_eq!(object(&[]), "{}");
    }

    #[test]
    fn nulls_are_left_out_at_every_depth_and_members_keep_their_order() {
        #[derive(Serialize)]
        struct Nested {
            zeta: Option<u32>,
            alpha: Option<&'static str>,
            list: Vec<Option<u32>>,
            inner: Option<Box<Nested>>,
        }
        let nested = Nested {
            zeta: None,
            alpha: Some(""),
            list: vec![None, Some(2), None],
            inner: Some(Box::new(Nested { zeta: Some(1), alpha: None, list: Vec::new(), inner: None })),
        };
        let mut out = JsonWriter::new();
        out.member("unset", &None::<u32>);
        out.member("n", &nested);
        out.member("also_unset", &Value::Null);
        out.member("f", &1.5);
        assert_eq!(
            out.finish().unwrap(),
            r#"{"n": {"alpha": "", "list": [2], "inner": {"zeta": 1, "list": []}}, "f": 1.5}"#
        );
    }

    #[test]
    fn text_is_escaped_as_ensure_ascii_does() {
        // `json.dumps("Café & \"Co\" \\ / \n\t\x01\x7f 😀 ~")`
        let text = object(&[("k", Value::from("Café & \"Co\" \\ / \n\t\u{1}\u{7f} 😀 ~"))]);
        assert_eq!(text, r#"{"k": "Caf\u00e9 & \"Co\" \\ / \n\t\u0001\u007f \ud83d\ude00 ~"}"#);
        let key = object(&[("é", Value::Bool(false))]);
        assert_eq!(key, r#"{"\u00e9": false}"#);
    }

    #[test]
    fn a_value_that_cannot_be_json_names_its_key() {
        let mut out = JsonWriter::new();
        out.member("a", &1);
        out.member("Map", &std::collections::HashMap::from([((1, 2), 3)]));
        let errors = out.finish().unwrap_err();
        assert_eq!(errors.violations()[0].key(), "Map");
        assert!(errors.to_string().contains("cannot be written as JSON"), "{errors}");
    }

    #[test]
    fn members_are_read_back_by_key() {
        let mut fields = JsonFields::parse(br#"{"limit": 10, "ttl": null, "x": "y"}"#).unwrap();
        assert_eq!(fields.member::<u32>("limit", true).unwrap(), 10);
        assert_eq!(fields.member::<Option<u32>>("ttl", true).unwrap(), None);
        assert_eq!(fields.member::<Option<u32>>("absent", true).unwrap(), None);
        let missing = fields.member::<u32>("required", true).unwrap_err();
        assert_eq!(missing.to_string(), "`required`: required, but absent");
        assert_eq!(fields.finish().unwrap_err().to_string(), "`x`: not a parameter of this request");

        let mut fields = JsonFields::parse(br#"{"limit": "ten"}"#).unwrap();
        let error = fields.member::<u32>("limit", true).unwrap_err();
        assert!(error.to_string().starts_with("`limit`: invalid type: string \"ten\""), "{error}");
        let mut fields = JsonFields::parse(br#"{"secret": 1}"#).unwrap();
        let error = fields.member::<String>("secret", false).unwrap_err();
        assert_eq!(error.to_string(), "`secret`: not a valid value (a secret: not shown)");

        assert!(JsonFields::parse(b"").unwrap().finish().is_ok());
        assert!(JsonFields::parse(b"[1]").is_err());
        assert!(JsonFields::parse(b"limit=1").is_err());
    }
}
