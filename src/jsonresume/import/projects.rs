//! `projects` → one write-up each. A project without a date folio can read is
//! kept under `extra.jsonresume.projects` (listed on the résumé page, exported back).

use std::path::PathBuf;

use serde_json::{Value, json};
use serde_yaml::{Mapping, Value as Y};

use super::entry::Entry;
use super::skills::Skills;
use super::yaml::{put, yaml, ystr};
use crate::slug::slugify;

#[derive(Default)]
pub struct Projects {
    pub files: Vec<(PathBuf, Vec<u8>)>,
    /// Undated projects, each with `_index`, its place in the source.
    pub undated: Vec<Value>,
    /// Keywords that were not declared skills (so the export leaves them out of `skills`).
    pub keyword_skills: Vec<Value>,
}

pub fn read(items: &[Value], skills: &mut Skills, notes: &mut Vec<String>) -> Projects {
    let mut out = Projects::default();
    let mut used: Vec<String> = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let at = format!("projects[{i}]");
        let Some(mut e) = Entry::new(v, at.clone(), notes) else {
            notes.push(format!(
                "{at}: not an object; listed on the résumé page as written"
            ));
            out.undated.push(json!({"_index": i, "value": v}));
            continue;
        };
        let start = e.date("startDate");
        let end = e.date("endDate");
        let date = start.date.or(end.date);
        let (Some(date), Some(title)) = (date, e.obj.get("name").and_then(super::entry::text_of))
        else {
            let mut kept = v.as_object().cloned().unwrap_or_default();
            kept.insert("_index".into(), json!(i));
            e.notes.push(format!(
                "{at}: no date folio can read or no name; listed on the résumé page, not as a write-up (add `date:` to make it one)"
            ));
            out.undated.push(Value::Object(kept));
            continue;
        };
        e.obj.remove("name");
        let mut fm = fields(&mut e, &title, date, skills, &mut out.keyword_skills);
        let highlights = e.list("highlights");
        let mut jr = e.rest();
        jr.insert("_index".into(), json!(i));
        if start.date.is_none() {
            jr.insert(
                "startDate".into(),
                start.written.map_or(Value::Null, Value::String),
            );
        }
        if let Some(w) = end.written {
            jr.insert("endDate".into(), json!(w));
        }
        let mut extra = Mapping::new();
        extra.insert(ystr("jsonresume"), yaml(&Value::Object(jr)));
        fm.insert(ystr("extra"), Y::Mapping(extra));
        let slug = unique_slug(&title, i, &mut used);
        out.files.push(write_up(&slug, &fm, &highlights));
    }
    out
}

/// Title, date, summary, role, client, skills and link of a write-up.
fn fields(
    e: &mut Entry,
    title: &str,
    date: crate::date::Date,
    skills: &mut Skills,
    keyword_skills: &mut Vec<Value>,
) -> Mapping {
    let mut fm = Mapping::new();
    fm.insert(ystr("title"), ystr(title));
    fm.insert(ystr("date"), ystr(&date.iso()));
    let summary = e.text(&["description"]).unwrap_or_default();
    fm.insert(ystr("summary"), ystr(&summary));
    let roles = e.list("roles");
    if !roles.is_empty() {
        fm.insert(ystr("role"), ystr(&roles.join(", ")));
    }
    put(&mut fm, "client", e.text(&["entity"]));
    let kw = e.list("keywords");
    for k in &kw {
        if skills.add(k, None) {
            keyword_skills.push(json!(k));
        }
    }
    if !kw.is_empty() {
        fm.insert(
            ystr("skills"),
            Y::Sequence(kw.iter().map(|k| ystr(k)).collect()),
        );
    }
    if let Some(u) = e.text(&["url"]) {
        let mut l = Mapping::new();
        l.insert(ystr("Website"), ystr(&u));
        fm.insert(ystr("links"), Y::Mapping(l));
    }
    fm
}

/// The write-up file: front matter, then the highlights as a list.
fn write_up(slug: &str, fm: &Mapping, highlights: &[String]) -> (PathBuf, Vec<u8>) {
    let body = if highlights.is_empty() {
        String::new()
    } else {
        let items: Vec<String> = highlights
            .iter()
            .map(|h| format!("- {}", h.trim()))
            .collect();
        format!("\n{}\n", items.join("\n"))
    };
    let text = format!(
        "---\n{}---\n{body}",
        serde_yaml::to_string(fm).unwrap_or_default()
    );
    (
        PathBuf::from(format!("content/projects/{slug}.md")),
        text.into_bytes(),
    )
}

fn unique_slug(title: &str, i: usize, used: &mut Vec<String>) -> String {
    let mut slug = slugify(title);
    if slug.is_empty() {
        slug = format!("project-{}", i + 1);
    }
    let base = slug.clone();
    let mut n = 2;
    while used.contains(&slug) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    used.push(slug.clone());
    slug
}
