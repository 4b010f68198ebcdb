//! The résumé sections folio has a place for: work, education, certificates,
//! languages, references. A section with an entry folio cannot place is kept
//! whole under `extra.jsonresume` (shown on the résumé page, exported back).

use serde_json::Value;
use serde_yaml::{Mapping, Value as Y};

use super::entry::Entry;
use super::yaml::{put, put_date, put_extra, ystr};
use crate::diagnostics::Error;

/// The entries of one section as YAML, or why one of them has no place.
pub type Mapped = crate::Result<Vec<Y>>;

pub fn section(items: &[Value], name: &str, notes: &mut Vec<String>) -> Mapped {
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let at = format!("{name}[{i}]");
        if v.as_object()
            .is_some_and(|o| o.values().all(super::entry::is_empty))
        {
            notes.push(format!("{at}: every field is empty; left out"));
            continue;
        }
        let Some(e) = Entry::new(v, at.clone(), notes) else {
            return Err(Error::msg(format!("{at} is not an object")));
        };
        let m = match name {
            "work" => work(e),
            "education" => education(e),
            "certificates" => certificate(e),
            "languages" => Ok(language(e)),
            _ => reference(e),
        }?;
        out.push(Y::Mapping(m));
    }
    Ok(out)
}

fn work(mut e: Entry) -> crate::Result<Mapping> {
    let mut m = Mapping::new();
    put(&mut m, "company", e.text(&["name", "company"]));
    put(&mut m, "title", e.text(&["position"]));
    let start = e.date("startDate");
    let mut end = e.date("endDate");
    e.check_range(&start, &mut end);
    put_date(&mut m, "start", "start_text", &start);
    put_date(&mut m, "end", "end_text", &end);
    put(&mut m, "location", e.text(&["location"]));
    put(&mut m, "url", e.text(&["url", "website"]));
    let mut desc = e.text(&["summary"]).unwrap_or_default();
    let highlights = e.list("highlights");
    if !highlights.is_empty() {
        if !desc.is_empty() {
            desc.push_str("\n\n");
        }
        let items: Vec<String> = highlights
            .iter()
            .map(|h| format!("- {}", h.trim()))
            .collect();
        desc.push_str(&items.join("\n"));
    }
    put(&mut m, "description", Some(desc).filter(|d| !d.is_empty()));
    put_extra(&mut m, e.rest());
    Ok(m)
}

fn education(mut e: Entry) -> crate::Result<Mapping> {
    let mut m = Mapping::new();
    let at = e.at.clone();
    put(
        &mut m,
        "school",
        Some(
            e.text(&["institution"])
                .ok_or_else(|| Error::msg(format!("{at} has no institution")))?,
        ),
    );
    put(&mut m, "degree", e.text(&["studyType"]));
    put(&mut m, "area", e.text(&["area"]));
    put(&mut m, "url", e.text(&["url"]));
    let start = e.date("startDate");
    let mut end = e.date("endDate");
    e.check_range(&start, &mut end);
    put_date(&mut m, "start", "start_text", &start);
    put_date(&mut m, "end", "end_text", &end);
    put_extra(&mut m, e.rest());
    Ok(m)
}

fn certificate(mut e: Entry) -> crate::Result<Mapping> {
    let mut m = Mapping::new();
    let at = e.at.clone();
    put(
        &mut m,
        "name",
        Some(
            e.text(&["name", "title"])
                .ok_or_else(|| Error::msg(format!("{at} has no name")))?,
        ),
    );
    put(&mut m, "issuer", e.text(&["issuer"]));
    let d = e.date("date");
    put_date(&mut m, "date", "date_text", &d);
    put(&mut m, "url", e.text(&["url"]));
    put_extra(&mut m, e.rest());
    Ok(m)
}

/// `{language, fluency}`, `{name, level}` or a plain string.
pub fn languages(items: &[Value], notes: &mut Vec<String>) -> Mapped {
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        if let Some(name) = super::entry::text_of(v) {
            let mut m = Mapping::new();
            m.insert(ystr("name"), ystr(&name));
            out.push(Y::Mapping(m));
            continue;
        }
        let Some(e) = Entry::new(v, format!("languages[{i}]"), notes) else {
            return Err(Error::msg(format!(
                "languages[{i}] is neither text nor an object"
            )));
        };
        if !e.obj.contains_key("language") && !e.obj.contains_key("name") {
            return Err(Error::msg(format!("languages[{i}] has no language")));
        }
        out.push(Y::Mapping(language(e)));
    }
    Ok(out)
}

fn language(mut e: Entry) -> Mapping {
    let mut m = Mapping::new();
    put(&mut m, "name", e.text(&["language", "name"]));
    put(&mut m, "level", e.text(&["fluency", "level"]));
    put_extra(&mut m, e.rest());
    m
}

/// A reference becomes a testimonial when it has a name and a text and nothing else.
fn reference(mut e: Entry) -> crate::Result<Mapping> {
    let at = e.at.clone();
    let name = e
        .text(&["name"])
        .ok_or_else(|| Error::msg(format!("{at} has no name")))?;
    let quote = e
        .text(&["reference"])
        .ok_or_else(|| Error::msg(format!("{at} has no reference text")))?;
    if e.obj.values().any(|v| !super::entry::is_empty(v)) {
        return Err(Error::msg(format!(
            "{at} has fields a testimonial has no place for"
        )));
    }
    let mut m = Mapping::new();
    m.insert(ystr("quote"), ystr(&quote));
    match name.split_once(", ") {
        Some((author, role)) => {
            m.insert(ystr("author"), ystr(author));
            m.insert(ystr("role"), ystr(role));
        }
        None => {
            m.insert(ystr("author"), ystr(&name));
        }
    }
    Ok(m)
}
