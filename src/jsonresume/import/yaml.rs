//! Small helpers to write YAML mappings.

use serde_json::{Map, Value};
use serde_yaml::{Mapping, Value as Y};

use crate::date::Date;
use crate::jsonresume::import::entry::DateField;

pub fn ystr(s: &str) -> Y {
    Y::String(s.to_string())
}

pub fn yaml(v: &Value) -> Y {
    serde_yaml::to_value(v).unwrap_or(Y::Null)
}

pub fn put(m: &mut Mapping, key: &str, v: Option<String>) {
    if let Some(v) = v {
        m.insert(ystr(key), ystr(&v));
    }
}

pub fn put_date(m: &mut Mapping, key: &str, text_key: &str, d: &DateField) {
    put(m, key, d.date.as_ref().map(Date::iso));
    put(m, text_key, d.text.clone());
}

pub fn put_extra(m: &mut Mapping, extra: Map<String, Value>) {
    if !extra.is_empty() {
        m.insert(ystr("extra"), yaml(&Value::Object(extra)));
    }
}
