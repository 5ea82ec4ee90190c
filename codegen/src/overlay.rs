//! The overlay: `curated.toml` (the hand-written operations and types the catalog reuses) and
//! `rules.toml` (the reviewed rules the description states only in prose). Both are optional for
//! `operation`; `catalog` needs `curated.toml`.

use std::collections::BTreeMap;
use std::path::Path;

/// A rule on one parameter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParamRule {
    pub range: Option<(i64, i64)>,
    pub len: Option<(i64, i64)>,
    pub values: Option<Vec<String>>,
    pub enum_name: Option<String>,
    pub sensitive: bool,
    pub type_override: Option<String>,
}

// The overlay's own words (`exactly_one`, ...).
#[allow(clippy::enum_variant_names)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    ExactlyOne,
    AtMostOne,
    AtLeastOne,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GroupRule {
    pub kind: GroupKind,
    pub params: Vec<String>,
    pub name: String,
}

#[derive(Clone, Debug, Default)]
pub struct OpRules {
    pub params: BTreeMap<String, ParamRule>,
    pub groups: Vec<GroupRule>,
}

#[derive(Clone, Debug, Default)]
pub struct Overlay {
    /// operationId -> the hand-written struct.
    pub curated_ops: BTreeMap<String, String>,
    /// schema -> the hand-written type.
    pub curated_schemas: BTreeMap<String, String>,
    /// schema -> the name of its generated type, where the naming rule would collide.
    pub names: BTreeMap<String, String>,
    /// `schema.property` -> the Rust type of a response field, where the description's type does not
    /// hold what Twilio writes.
    pub response_types: BTreeMap<String, String>,
    /// Rules for every GET list operation that has the parameter.
    pub every_list: BTreeMap<String, ParamRule>,
    pub ops: BTreeMap<String, OpRules>,
}

impl Overlay {
    pub fn load(dir: &Path) -> Result<Self, String> {
        let mut overlay = Overlay::default();
        let curated = dir.join("curated.toml");
        if curated.exists() {
            let table = read_table(&curated)?;
            for (section, target) in [
                ("operations", &mut overlay.curated_ops),
                ("schemas", &mut overlay.curated_schemas),
                ("names", &mut overlay.names),
                ("response_types", &mut overlay.response_types),
            ] {
                for (key, value) in table.get(section).and_then(|v| v.as_table()).into_iter().flatten() {
                    let name = value.as_str().ok_or_else(|| {
                        format!("{}: `{section}.{key}` must be a string", curated.display())
                    })?;
                    target.insert(key.clone(), name.to_owned());
                }
            }
        }
        let rules = dir.join("rules.toml");
        if rules.exists() {
            let table = read_table(&rules)?;
            overlay.read_rules(&table).map_err(|e| format!("{}: {e}", rules.display()))?;
        }
        Ok(overlay)
    }

    pub fn read_rules(&mut self, table: &toml::Table) -> Result<(), String> {
        for (op, value) in table {
            let section = value.as_table().ok_or_else(|| format!("`{op}` must be a table"))?;
            let mut rules = OpRules::default();
            for (key, value) in section {
                match key.as_str() {
                    "params" => {
                        let params =
                            value.as_table().ok_or_else(|| format!("`{op}.params` must be a table"))?;
                        for (param, rule) in params {
                            rules.params.insert(param.clone(), param_rule(op, param, rule)?);
                        }
                    }
                    "groups" if op != "every_list" => {
                        for group in
                            value.as_array().ok_or_else(|| format!("`{op}.groups` must be an array"))?
                        {
                            rules.groups.push(group_rule(op, group)?);
                        }
                    }
                    other => return Err(format!("`{op}.{other}`: unknown; expected `params` or `groups`")),
                }
            }
            if op == "every_list" {
                self.every_list = rules.params;
            } else {
                self.ops.insert(op.clone(), rules);
            }
        }
        Ok(())
    }
}

fn read_table(path: &Path) -> Result<toml::Table, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.parse::<toml::Table>().map_err(|e| format!("{}: {e}", path.display()))
}

fn bounds(op: &str, param: &str, what: &str, value: &toml::Value) -> Result<(i64, i64), String> {
    match value.as_array().map(|a| a.as_slice()) {
        Some([low, high]) => match (low.as_integer(), high.as_integer()) {
            (Some(low), Some(high)) if low <= high => Ok((low, high)),
            _ => Err(format!("`{op}.params.{param}.{what}`: expected [low, high] integers, low <= high")),
        },
        _ => Err(format!("`{op}.params.{param}.{what}`: expected [low, high]")),
    }
}

fn param_rule(op: &str, param: &str, value: &toml::Value) -> Result<ParamRule, String> {
    let table = value.as_table().ok_or_else(|| format!("`{op}.params.{param}` must be a table"))?;
    if table.get("why").and_then(|w| w.as_str()).is_none_or(|w| w.trim().is_empty()) {
        return Err(format!("`{op}.params.{param}`: `why` is required"));
    }
    let mut rule = ParamRule::default();
    for (key, value) in table {
        match key.as_str() {
            "why" => {}
            "range" => rule.range = Some(bounds(op, param, "range", value)?),
            "len" => rule.len = Some(bounds(op, param, "len", value)?),
            "sensitive" => {
                rule.sensitive = value
                    .as_bool()
                    .ok_or_else(|| format!("`{op}.params.{param}.sensitive` must be a boolean"))?
            }
            "values" => {
                let values = value
                    .as_array()
                    .and_then(|a| a.iter().map(|v| v.as_str().map(str::to_owned)).collect::<Option<Vec<_>>>())
                    .filter(|v| !v.is_empty())
                    .ok_or_else(|| format!("`{op}.params.{param}.values` must be a list of strings"))?;
                rule.values = Some(values);
            }
            "enum_name" => {
                rule.enum_name = Some(
                    value
                        .as_str()
                        .ok_or_else(|| format!("`{op}.params.{param}.enum_name` must be a string"))?
                        .to_owned(),
                )
            }
            "type" => {
                rule.type_override = Some(
                    value
                        .as_str()
                        .ok_or_else(|| format!("`{op}.params.{param}.type` must be a string"))?
                        .to_owned(),
                )
            }
            other => return Err(format!("`{op}.params.{param}.{other}`: unknown rule")),
        }
    }
    Ok(rule)
}

fn group_rule(op: &str, value: &toml::Value) -> Result<GroupRule, String> {
    let table = value.as_table().ok_or_else(|| format!("`{op}.groups`: each group must be a table"))?;
    let field = |key: &str| table.get(key).ok_or_else(|| format!("`{op}.groups`: `{key}` is required"));
    if field("why")?.as_str().is_none_or(|w| w.trim().is_empty()) {
        return Err(format!("`{op}.groups`: `why` is required"));
    }
    let kind = match field("kind")?.as_str() {
        Some("exactly_one") => GroupKind::ExactlyOne,
        Some("at_most_one") => GroupKind::AtMostOne,
        Some("at_least_one") => GroupKind::AtLeastOne,
        _ => return Err(format!("`{op}.groups.kind`: expected exactly_one, at_most_one or at_least_one")),
    };
    let params = field("params")?
        .as_array()
        .and_then(|a| a.iter().map(|v| v.as_str().map(str::to_owned)).collect::<Option<Vec<_>>>())
        .filter(|p| p.len() >= 2)
        .ok_or_else(|| format!("`{op}.groups.params`: expected at least two parameter names"))?;
    let name =
        field("name")?.as_str().ok_or_else(|| format!("`{op}.groups.name` must be a string"))?.to_owned();
    Ok(GroupRule { kind, params, name })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> Result<Overlay, String> {
        let mut overlay = Overlay::default();
        overlay.read_rules(&text.parse::<toml::Table>().unwrap())?;
        Ok(overlay)
    }

    #[test]
    fn reads_params_and_groups() {
        let overlay = rules(
            r#"
            [every_list.params]
            PageSize = { range = [1, 1000], why = "paging" }
            [CreateQueue.params]
            MaxSize = { range = [1, 5000], why = "prose" }
            Password = { sensitive = true, len = [0, 64], why = "a secret" }
            [[CreateQueue.groups]]
            kind = "at_least_one"
            params = ["A", "B"]
            name = "AOrB"
            why = "prose"
            "#,
        )
        .unwrap();
        assert_eq!(overlay.every_list["PageSize"].range, Some((1, 1000)));
        let queue = &overlay.ops["CreateQueue"];
        assert_eq!(queue.params["MaxSize"].range, Some((1, 5000)));
        assert!(queue.params["Password"].sensitive);
        assert_eq!(queue.params["Password"].len, Some((0, 64)));
        assert_eq!(queue.groups[0].kind, GroupKind::AtLeastOne);
    }

    #[test]
    fn why_is_required_and_unknown_rules_are_errors() {
        assert!(rules("[A.params]\nB = { range = [1, 2] }").unwrap_err().contains("`why` is required"));
        assert!(
            rules("[A.params]\nB = { rnage = [1, 2], why = \"x\" }").unwrap_err().contains("unknown rule")
        );
        assert!(rules("[A.params]\nB = { range = [3, 2], why = \"x\" }").is_err());
    }
}
