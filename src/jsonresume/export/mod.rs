//! `folio export jsonresume` and /resume.json: a site's content as a JSON Resume
//! (schema 1.0). What an import kept (entry `extra`, `extra.jsonresume`) goes back
//! to the place it came from.

mod basics;
mod sections;

use serde_json::{Map, Value, json};

use crate::content::model::Site;

/// `resume.json` of a site.
pub fn export(site: &Site) -> Value {
    let kept = site
        .profile
        .extra
        .get("jsonresume")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut doc = Map::new();
    doc.insert(
        "$schema".into(),
        json!("https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"),
    );
    doc.insert("basics".into(), basics::basics(site, &kept));
    let p = &site.profile;
    doc.insert(
        "work".into(),
        json!(p.experience.iter().map(sections::work).collect::<Vec<_>>()),
    );
    doc.insert(
        "education".into(),
        json!(
            p.education
                .iter()
                .map(sections::education)
                .collect::<Vec<_>>()
        ),
    );
    doc.insert(
        "certificates".into(),
        json!(
            p.certifications
                .iter()
                .map(sections::certificate)
                .collect::<Vec<_>>()
        ),
    );
    doc.insert("skills".into(), sections::skills(site, &kept));
    doc.insert(
        "languages".into(),
        json!(
            p.languages
                .iter()
                .map(sections::language)
                .collect::<Vec<_>>()
        ),
    );
    if !p.testimonials.is_empty() {
        doc.insert("references".into(), sections::references(site));
    }
    doc.insert("projects".into(), sections::projects(site, &kept));
    // Sections folio shows as written, as they were imported.
    let internal = [
        "basics",
        "skill_extra",
        "skill_keywords",
        "keyword_skills",
        "skills",
        "projects",
        "meta",
    ];
    for (k, v) in &kept {
        if !internal.contains(&k.as_str()) {
            doc.insert(k.clone(), v.clone());
        }
    }
    doc.insert("meta".into(), meta(site, &kept));
    Value::Object(doc)
}

fn meta(site: &Site, kept: &Map<String, Value>) -> Value {
    // Each language's résumé is published under its own prefix (`zh/resume.json`).
    let path = format!("{}resume.json", site.lang_prefix);
    let canonical = crate::content::model::Location::new(&site.config, &site.base_path, &path);
    let mut meta = kept
        .get("meta")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    meta.insert("version".into(), json!("v1.0.0"));
    // The schema wants a full URI: only when base_url is one.
    if canonical.permalink.starts_with("http") {
        meta.insert("canonical".into(), json!(canonical.permalink));
    }
    Value::Object(meta)
}

/// Puts an entry's `extra` back: a key folio also wrote is replaced, `null` removes it.
pub(crate) fn with_extra(mut o: Value, extra: &crate::content::files::Extra) -> Value {
    if let Some(m) = o.as_object_mut() {
        for (k, v) in extra {
            if v.is_null() {
                m.remove(k);
            } else {
                m.insert(k.clone(), v.clone());
            }
        }
    }
    o
}
