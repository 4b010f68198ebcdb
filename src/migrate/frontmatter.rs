//! Front matter as other generators write it: YAML between `---` lines, TOML
//! between `+++` lines (Hugo, Zola), or none; read into JSON values so one
//! mapping serves both.

use serde_json::{Map, Value};

use crate::diagnostics::Error;

/// The syntax of a front matter block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Yaml,
    Toml,
    None,
}

/// A source file split into its front matter (parsed) and its body.
#[derive(Debug)]
pub struct Front {
    pub syntax: Syntax,
    pub map: Map<String, Value>,
    /// The raw front matter text, to find the line of a key.
    pub raw: String,
    pub body: String,
    /// 1-based line of the body's first line in the source file.
    pub body_first_line: usize,
    /// An item of a data list: the line its keys are reported at (its title's).
    pub item_line: Option<usize>,
}

impl Front {
    /// The 1-based line of `key` in the source file (front matter starts on line 2).
    pub fn key_line(&self, key: &str) -> Option<usize> {
        if let Some(line) = self.item_line {
            return self.map.contains_key(key).then_some(line);
        }
        self.raw
            .lines()
            .position(|l| {
                let t = l.trim_start();
                t.strip_prefix(key)
                    .or_else(|| t.strip_prefix(&format!("\"{key}\"")))
                    .is_some_and(|rest| {
                        let rest = rest.trim_start();
                        rest.starts_with(':') || rest.starts_with('=')
                    })
            })
            .map(|i| i + 2)
    }
}

/// Splits and parses `text`; the error names the line when the parser gives one.
pub fn parse(text: &str) -> crate::Result<Front> {
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let first = text.lines().next().unwrap_or("").trim_end();
    let (syntax, fence) = match first {
        "---" => (Syntax::Yaml, "---"),
        "+++" => (Syntax::Toml, "+++"),
        _ => {
            return Ok(Front {
                syntax: Syntax::None,
                map: Map::new(),
                raw: String::new(),
                body: text,
                body_first_line: 1,
                item_line: None,
            });
        }
    };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let close = lines
        .iter()
        .skip(1)
        .position(|l| l.trim_end() == fence)
        .ok_or_else(|| {
            Error::msg(format!(
                "the front matter opened with `{fence}` is not closed"
            ))
        })?
        + 1;
    let raw: String = lines[1..close].concat();
    let body: String = lines[close + 1..].concat();
    let map = match syntax {
        Syntax::Yaml => yaml_map(&raw)?,
        _ => toml_map(&raw)?,
    };
    Ok(Front {
        syntax,
        map,
        raw,
        body,
        body_first_line: close + 2,
        item_line: None,
    })
}

fn yaml_map(raw: &str) -> crate::Result<Map<String, Value>> {
    if raw.trim().is_empty() {
        return Ok(Map::new());
    }
    let v: serde_yaml::Value = serde_yaml::from_str(raw).map_err(|e| {
        let at = e
            .location()
            .map(|l| format!(" (line {})", l.line() + 1))
            .unwrap_or_default();
        Error::msg(format!("the YAML front matter is not valid{at}: {e}"))
    })?;
    match yaml_to_json(v) {
        Value::Object(m) => Ok(m),
        Value::Null => Ok(Map::new()),
        _ => Err(Error::msg(
            "the front matter is not a list of `key: value` lines",
        )),
    }
}

/// A YAML value as JSON; keys that are not strings become their text.
pub fn yaml_to_json(v: serde_yaml::Value) -> Value {
    use serde_yaml::Value as Y;
    match v {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => serde_json::to_value(&n).unwrap_or(Value::Null),
        Y::String(s) => Value::String(s),
        Y::Sequence(s) => Value::Array(s.into_iter().map(yaml_to_json).collect()),
        Y::Mapping(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let k = match k {
                        Y::String(s) => s,
                        other => serde_yaml::to_string(&other)
                            .unwrap_or_default()
                            .trim()
                            .to_string(),
                    };
                    (k, yaml_to_json(v))
                })
                .collect(),
        ),
        Y::Tagged(t) => yaml_to_json(t.value),
    }
}

fn toml_map(raw: &str) -> crate::Result<Map<String, Value>> {
    let table: toml::Table = toml::from_str(raw).map_err(|e| {
        Error::msg(format!(
            "the TOML front matter is not valid: {}",
            e.message()
        ))
    })?;
    match toml_to_json(toml::Value::Table(table)) {
        Value::Object(m) => Ok(m),
        _ => Ok(Map::new()),
    }
}

/// A TOML value as JSON; a date-time becomes its text (`2025-04-16T17:36:46+08:00`).
pub fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_front_matter_with_a_datetime() {
        let f = parse("+++\ntitle = \"A\"\ndate = 2025-04-16T17:36:46+08:00\n[taxonomies]\ntags = [\"x\"]\n+++\nBody\n").unwrap();
        assert_eq!(f.syntax, Syntax::Toml);
        assert_eq!(f.map["date"], "2025-04-16T17:36:46+08:00");
        assert_eq!(f.map["taxonomies"]["tags"][0], "x");
        assert_eq!(f.body, "Body\n");
        assert_eq!(f.body_first_line, 7);
        assert_eq!(f.key_line("date"), Some(3));
    }

    #[test]
    fn yaml_none_and_errors() {
        let f = parse("---\r\ntitle: A\r\n---\r\nBody").unwrap();
        assert_eq!(f.map["title"], "A");
        assert_eq!(f.body, "Body");
        let f = parse("# Just text\n").unwrap();
        assert_eq!(f.syntax, Syntax::None);
        assert!(
            parse("---\ntitle: A\n")
                .unwrap_err()
                .message()
                .contains("not closed")
        );
        assert!(
            parse("---\ntitle: [\n---\n")
                .unwrap_err()
                .message()
                .contains("not valid")
        );
        assert!(
            parse("+++\ntitle = \n+++\n")
                .unwrap_err()
                .message()
                .contains("TOML")
        );
    }
}
