//! `skills` → declared skills (`{name, level}`, a plain string, or `{category|title, ...}`);
//! their other fields (keywords, ...) are kept by name for the export.

use serde_json::{Map, Value};
use serde_yaml::{Mapping, Value as Y};

use super::entry::{Entry, text_of};
use super::yaml::ystr;
use crate::slug::slugify;

#[derive(Default)]
pub struct Skills {
    pub list: Vec<Y>,
    slugs: Vec<String>,
    /// Fields other than name and level, by skill name.
    pub extra: Map<String, Value>,
    /// Skills without a name, as written, each with `_index` (its place in the source).
    pub unnamed: Vec<Value>,
}

impl Skills {
    /// Adds a skill; false when one with the same slug is there.
    pub fn add(&mut self, name: &str, level: Option<String>) -> bool {
        let slug = slugify(name);
        if self.slugs.contains(&slug) {
            return false;
        }
        self.slugs.push(slug);
        self.list.push(match level {
            Some(l) => {
                let mut m = Mapping::new();
                m.insert(ystr("name"), ystr(name));
                m.insert(ystr("level"), ystr(&l));
                Y::Mapping(m)
            }
            None => ystr(name),
        });
        true
    }
}

pub fn read(items: &[Value], notes: &mut Vec<String>) -> Skills {
    let mut skills = Skills::default();
    for (i, v) in items.iter().enumerate() {
        let at = format!("skills[{i}]");
        if let Some(name) = text_of(v) {
            if !skills.add(&name, None) {
                notes.push(format!("{at}: `{name}` is listed twice; shown once"));
            }
            continue;
        }
        let Some(mut e) = Entry::new(v, at.clone(), notes) else {
            notes.push(format!("{at}: neither text nor an object; left out"));
            continue;
        };
        let Some(name) = e.text(&["name", "category", "title"]) else {
            e.notes.push(format!(
                "{at}: has no name; listed on the résumé page as written and exported back"
            ));
            let mut kept = e.obj;
            kept.insert("_index".into(), Value::from(i));
            skills.unnamed.push(Value::Object(kept));
            continue;
        };
        let level = e.text(&["level"]);
        if !skills.add(&name, level) {
            e.notes.push(format!(
                "{at}: `{name}` is listed twice; shown once, its details left out"
            ));
            continue;
        }
        let rest: Map<String, Value> = e
            .obj
            .into_iter()
            .filter(|(_, v)| !super::entry::is_empty(v))
            .collect();
        if !rest.is_empty() {
            skills.extra.insert(name, Value::Object(rest));
        }
    }
    skills
}
