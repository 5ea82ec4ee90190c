//! The path template: literal pieces and `{Placeholder}` parameters.

use syn::LitStr;

pub struct Template {
    pub pieces: Vec<Piece>,
    /// The literal, for errors about the template as a whole (subspans are unstable).
    pub lit: LitStr,
}

pub enum Piece {
    Literal(String),
    Param(String),
}

impl Template {
    pub fn params(&self) -> impl Iterator<Item = &str> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Param(name) => Some(name.as_str()),
            Piece::Literal(_) => None,
        })
    }
}

// A template must be an absolute path whose placeholders are closed, named and not nested:
//
//     "2010-04-01/Calls.json"        missing leading `/`
//     "/Calls/{Sid.json"             unclosed `{`
//     "/Calls/{}.json"               empty name
//     "/Calls/{Call Sid}.json"       not an identifier
//     "/Calls.json?PageSize=5"       a query belongs in fields
//     "/Calls/{Sid}{Part}.json"      two placeholders in one segment: a path sent could not be read
//                                    back (where does `{Sid}` end?)
pub fn parse(lit: &LitStr) -> darling::Result<Template> {
    let text = lit.value();
    let fail = |message: String| Err(darling::Error::custom(message).with_span(lit));
    if !text.starts_with('/') {
        return fail(format!("the path must start with `/`, e.g. \"/{text}\""));
    }
    if let Some(bad) = text.chars().find(|c| c.is_whitespace() || matches!(c, '?' | '#')) {
        return fail(format!(
            "the path must not contain {bad:?}; query parameters are declared as fields, not in the path"
        ));
    }
    let mut pieces = Vec::new();
    let mut rest = text.as_str();
    while !rest.is_empty() {
        match rest.find(['{', '}']) {
            None => {
                pieces.push(Piece::Literal(rest.to_owned()));
                rest = "";
            }
            Some(at) if rest.as_bytes()[at] == b'}' => {
                return fail("unmatched `}` in the path; placeholders are written `{Name}`".to_owned());
            }
            Some(at) => {
                if at > 0 {
                    pieces.push(Piece::Literal(rest[..at].to_owned()));
                }
                let after = &rest[at + 1..];
                let Some(end) = after.find('}') else {
                    return fail("unclosed `{` in the path; placeholders are written `{Name}`".to_owned());
                };
                let name = &after[..end];
                let valid = !name.is_empty()
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    && !name.starts_with(|c: char| c.is_ascii_digit());
                if !valid {
                    return fail(format!(
                        "invalid placeholder `{{{name}}}`; a placeholder is a name such as `{{ConferenceSid}}`"
                    ));
                }
                pieces.push(Piece::Param(name.to_owned()));
                rest = &after[end + 1..];
            }
        }
    }
    if let Some(segment) = text.split('/').find(|segment| segment.matches('{').count() > 1) {
        return fail(format!(
            "the path segment `{segment}` holds several placeholders; a request's path could not be read back into them (where does one end?), so give each its own segment"
        ));
    }
    Ok(Template { pieces, lit: lit.clone() })
}
