//! One JSON Resume entry being read: fields are taken out as folio maps them,
//! what is left is the entry's `extra`; every guess or loss is noted with its JSON path.

use serde_json::{Map, Value};

use crate::date::Date;
use crate::jsonresume::dates::{self, Written};

/// A date field: the date when folio can read it, else the text as written.
#[derive(Debug, Default, Clone)]
pub struct DateField {
    pub date: Option<Date>,
    pub text: Option<String>,
    /// What the source said, for moving a date to `text` (a reversed range).
    pub written: Option<String>,
}

pub struct Entry<'n> {
    pub obj: Map<String, Value>,
    pub at: String,
    pub notes: &'n mut Vec<String>,
}

/// Text of a string or number value, trimmed; `None` when empty or another type.
pub fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

impl<'n> Entry<'n> {
    pub fn new(v: &Value, at: String, notes: &'n mut Vec<String>) -> Option<Entry<'n>> {
        v.as_object().map(|o| Entry {
            obj: o.clone(),
            at,
            notes,
        })
    }

    /// Takes the first of `keys` that holds text (later ones are 0.x aliases).
    pub fn text(&mut self, keys: &[&str]) -> Option<String> {
        for (i, k) in keys.iter().enumerate() {
            if let Some(t) = self.obj.get(*k).and_then(text_of) {
                self.obj.remove(*k);
                if i > 0 {
                    let at = &self.at;
                    self.notes.push(format!(
                        "{at}.{k}: read as `{}` (another name for the same field)",
                        keys[0]
                    ));
                }
                return Some(t);
            }
        }
        None
    }

    /// Takes an array of strings (left in place when it holds anything else).
    pub fn list(&mut self, key: &str) -> Vec<String> {
        let Some(Value::Array(a)) = self.obj.get(key) else {
            return Vec::new();
        };
        let items: Option<Vec<String>> = a.iter().map(|v| v.as_str().map(str::to_string)).collect();
        match items {
            Some(items) => {
                self.obj.remove(key);
                items
            }
            None => Vec::new(),
        }
    }

    /// Takes a date field; an empty one stays (it is given back as it was).
    pub fn date(&mut self, key: &str) -> DateField {
        let Some(t) = self.obj.get(key).and_then(text_of) else {
            return DateField::default();
        };
        self.obj.remove(key);
        let at = format!("{}.{key}", self.at);
        let written = Some(t.clone());
        match dates::read(&t) {
            Some(Written::Date { date, note }) => {
                if let Some(n) = note {
                    self.notes.push(format!("{at}: {n}"));
                }
                DateField {
                    date: Some(date),
                    text: None,
                    written,
                }
            }
            Some(Written::Ongoing(s)) => DateField {
                date: None,
                text: Some(s),
                written,
            },
            Some(Written::Text(s, why)) => {
                self.notes.push(format!("{at}: {why}; shown as written"));
                DateField {
                    date: None,
                    text: Some(s),
                    written,
                }
            }
            None => DateField::default(),
        }
    }

    /// A range that ends before it starts keeps its end as written, and says so.
    pub fn check_range(&mut self, start: &DateField, end: &mut DateField) {
        if let (Some(s), Some(e)) = (start.date, end.date)
            && e.sort_key() < s.sort_key()
        {
            self.notes.push(format!(
                "{}.endDate: it ends ({e}) before it starts ({s}); kept as written, check it",
                self.at
            ));
            end.date = None;
            end.text = end.written.clone();
        }
    }

    /// What is left: the entry's `extra`, each key noted.
    pub fn rest(self) -> Map<String, Value> {
        for (k, v) in &self.obj {
            if !is_empty(v) {
                self.notes.push(format!(
                    "{}.{k}: no folio field; kept under the entry's `extra` and exported back (the résumé page lists it for work and education)",
                    self.at
                ));
            }
        }
        self.obj
    }
}

pub fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}
