//! The export's sections, one function each; an entry's `extra` goes back in place.

use serde_json::{Map, Value, json};

use super::basics::split_highlights;
use super::with_extra;
use crate::content::files::LanguageEntry;
use crate::content::model::{Certification, Education, Experience, Site};

fn date_or_text(date: Option<&crate::date::DateView>, text: &Option<String>) -> Option<Value> {
    date.map(|d| json!(d.iso))
        .or_else(|| text.as_ref().map(|t| json!(t)))
}

pub fn work(x: &Experience) -> Value {
    let mut o = json!({});
    if !x.company.is_empty() {
        o["name"] = json!(x.company);
    }
    if !x.title.is_empty() {
        o["position"] = json!(x.title);
    }
    if let Some(d) = x
        .start_date
        .map(|d| json!(d.iso()))
        .or_else(|| x.start_text.as_ref().map(|t| json!(t)))
    {
        o["startDate"] = d;
    }
    if let Some(d) = x
        .end_date
        .map(|d| json!(d.iso()))
        .or_else(|| x.end_text.as_ref().map(|t| json!(t)))
    {
        o["endDate"] = d;
    }
    if let Some(l) = &x.location {
        o["location"] = json!(l);
    }
    if let Some(u) = &x.url {
        o["url"] = json!(u);
    }
    if let Some(d) = &x.description {
        let (summary, highlights) = split_highlights(d);
        if !summary.is_empty() {
            o["summary"] = json!(summary);
        }
        if !highlights.is_empty() {
            o["highlights"] = json!(highlights);
        }
    }
    with_extra(o, &x.extra)
}

pub fn education(x: &Education) -> Value {
    let mut o = json!({"institution": x.school});
    if let Some(d) = &x.degree {
        o["studyType"] = json!(d);
    }
    if let Some(a) = &x.area {
        o["area"] = json!(a);
    }
    if let Some(u) = &x.url {
        o["url"] = json!(u);
    }
    if let Some(d) = date_or_text(x.start.as_ref(), &x.start_text) {
        o["startDate"] = d;
    }
    if let Some(d) = date_or_text(x.end.as_ref(), &x.end_text) {
        o["endDate"] = d;
    }
    with_extra(o, &x.extra)
}

pub fn certificate(c: &Certification) -> Value {
    let mut o = json!({"name": c.name});
    if let Some(i) = &c.issuer {
        o["issuer"] = json!(i);
    }
    if let Some(d) = date_or_text(c.date.as_ref(), &c.date_text) {
        o["date"] = d;
    }
    if let Some(u) = &c.url {
        o["url"] = json!(u);
    }
    with_extra(o, &c.extra)
}

pub fn language(l: &LanguageEntry) -> Value {
    let mut o = json!({"language": l.name});
    if let Some(f) = &l.level {
        o["fluency"] = json!(f);
    }
    with_extra(o, &l.extra)
}

pub fn references(site: &Site) -> Value {
    let refs: Vec<Value> = site
        .profile
        .testimonials
        .iter()
        .map(|t| {
            let name = match &t.role {
                Some(r) => format!("{}, {r}", t.author),
                None => t.author.clone(),
            };
            json!({"name": name, "reference": t.quote})
        })
        .collect();
    json!(refs)
}

pub fn skills(site: &Site, kept: &Map<String, Value>) -> Value {
    let obj = |k: &str| {
        kept.get(k)
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default()
    };
    let (extra, keywords) = (obj("skill_extra"), obj("skill_keywords"));
    let keyword_skills: Vec<&str> = kept
        .get("keyword_skills")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let skills: Vec<Value> = site
        .profile
        .skills
        .iter()
        .filter(|s| !keyword_skills.contains(&s.name.as_str()))
        .map(|s| {
            let mut o = json!({"name": s.name});
            if let Some(l) = &s.level {
                o["level"] = json!(l);
            }
            if let Some(k) = keywords.get(&s.name) {
                o["keywords"] = k.clone();
            }
            for (k, v) in extra
                .get(&s.name)
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                o[k] = v.clone();
            }
            o
        })
        .collect();
    let unnamed = kept
        .get("skills")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    json!(splice(skills, &unnamed))
}

/// Puts entries kept as written (each with `_index`) back at their place.
fn splice(mut list: Vec<Value>, kept: &[Value]) -> Vec<Value> {
    let mut kept: Vec<(usize, Value)> = kept
        .iter()
        .map(|k| {
            let mut k = k.clone();
            let i = k.get("_index").and_then(Value::as_u64).unwrap_or(u64::MAX) as usize;
            if let Some(m) = k.as_object_mut() {
                m.remove("_index");
            }
            (i, k)
        })
        .collect();
    kept.sort_by_key(|(i, _)| *i);
    for (i, k) in kept {
        list.insert(i.min(list.len()), k);
    }
    list
}

/// Projects in their order in the imported file (`_index`), undated ones included.
pub fn projects(site: &Site, kept: &Map<String, Value>) -> Value {
    let mut out: Vec<(usize, Value)> = site
        .projects
        .iter()
        .enumerate()
        .map(|(i, pr)| {
            let jr = pr.extra.get("jsonresume").and_then(Value::as_object);
            let index = jr.and_then(|m| m.get("_index")).and_then(Value::as_u64);
            (
                index.map_or(usize::MAX / 2 + i, |n| n as usize),
                project(site, pr),
            )
        })
        .collect();
    for p in kept
        .get("projects")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let index = p.get("_index").and_then(Value::as_u64).unwrap_or(u64::MAX) as usize;
        let mut p = p.clone();
        if let Some(m) = p.as_object_mut() {
            m.remove("_index");
            if let Some(v) = m.remove("value") {
                p = v;
            }
        }
        out.push((index, p));
    }
    out.sort_by_key(|(i, _)| *i);
    json!(out.into_iter().map(|(_, p)| p).collect::<Vec<_>>())
}

fn project(site: &Site, pr: &crate::content::model::Project) -> Value {
    let _ = site;
    let mut o = json!({"name": pr.title});
    if let Some(d) = pr.date_raw {
        o["startDate"] = json!(d.iso());
    }
    if !pr.summary.trim().is_empty() {
        o["description"] = json!(pr.summary.trim());
    }
    let (_, highlights) = split_highlights(&pr.body);
    if !highlights.is_empty() {
        o["highlights"] = json!(highlights);
    }
    if !pr.skills.is_empty() {
        o["keywords"] = json!(pr.skills.iter().map(|s| s.name.clone()).collect::<Vec<_>>());
    }
    match pr.links.first() {
        Some(l) => o["url"] = json!(l.url),
        None if pr.location.permalink.starts_with("http") => {
            o["url"] = json!(pr.location.permalink)
        }
        None => {}
    }
    if let Some(r) = &pr.role {
        o["roles"] = json!(r.split(", ").collect::<Vec<_>>());
    }
    if let Some(c) = &pr.client {
        o["entity"] = json!(c);
    }
    let mut jr = pr
        .extra
        .get("jsonresume")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    jr.remove("_index");
    with_extra(o, &jr.into_iter().collect())
}
