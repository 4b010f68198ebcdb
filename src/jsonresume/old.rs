//! JSON Resume (jsonresume.org, schema 1.x): import a `resume.json` into a
//! folio site, and export a site's content as one.
//!
//! Mapping (folio ← → JSON Resume):
//! - profile: name ↔ basics.name, title ↔ basics.label, overview ↔ basics.summary,
//!   email ↔ basics.email, links ↔ basics.url ("Website") and basics.profiles,
//!   location ↔ basics.location (city, region, country code), languages ↔ languages,
//!   skills ↔ skills (name, level), testimonials ↔ references
//! - experience ↔ work (company=name, title=position, start/end, location, url,
//!   description = summary + highlights as a list)
//! - education ↔ education (school=institution, degree=studyType, area, url, dates)
//! - certifications ↔ certificates
//! - projects ↔ projects (title=name, summary=description, body = highlights as a
//!   list, skills=keywords, date=startDate, links=url, role=roles, client=entity)
//!
//! What folio has no place for (awards, volunteer, publications, interests, a
//! phone number, ...) is reported and kept in profile.yaml under
//! `extra.jsonresume`, and written back by the export, so nothing is lost.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use crate::content::model::Site;
use crate::diagnostics::{Diagnostic, Error};
use crate::slug::slugify;

/// `resume.json` of a site.
pub fn export(site: &Site) -> Value {
    let p = &site.profile;
    let kept = p
        .extra
        .get("jsonresume")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let kept_basics = kept
        .get("basics")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let absolute = |url: &str| -> String {
        if url.starts_with("http") {
            url.to_string()
        } else {
            crate::feeds::absolute(&site.config.base_url, url)
        }
    };

    let mut basics = Map::new();
    basics.insert("name".into(), json!(p.name));
    basics.insert("label".into(), json!(p.title));
    if let Some(photo) = &p.photo {
        basics.insert("image".into(), json!(absolute(&photo.url)));
    }
    if let Some(email) = &p.email {
        basics.insert("email".into(), json!(email));
    }
    let website = p
        .links
        .iter()
        .find(|l| l.name.eq_ignore_ascii_case("website"));
    if let Some(w) = website {
        basics.insert("url".into(), json!(w.url));
    }
    basics.insert("summary".into(), json!(p.overview.trim()));
    if let Some(loc) = &p.location {
        let kept_loc = kept_basics.get("location").cloned();
        basics.insert(
            "location".into(),
            kept_loc.unwrap_or_else(|| location_object(loc)),
        );
    }
    let usernames: BTreeMap<String, Value> = kept_basics
        .get("usernames")
        .and_then(Value::as_object)
        .map(|m| m.clone().into_iter().collect())
        .unwrap_or_default();
    let profiles: Vec<Value> = p
        .links
        .iter()
        .filter(|l| !l.name.eq_ignore_ascii_case("website"))
        .map(|l| {
            let mut o = json!({"network": l.name, "url": l.url});
            if let Some(u) = usernames.get(&l.name) {
                o["username"] = u.clone();
            }
            o
        })
        .collect();
    if !profiles.is_empty() {
        basics.insert("profiles".into(), json!(profiles));
    }
    for (k, v) in &kept_basics {
        if !["location", "usernames"].contains(&k.as_str()) && !basics.contains_key(k) {
            basics.insert(k.clone(), v.clone());
        }
    }

    let mut doc = Map::new();
    doc.insert(
        "$schema".into(),
        json!("https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"),
    );
    doc.insert("basics".into(), Value::Object(basics));
    let work: Vec<Value> = p
        .experience
        .iter()
        .map(|x| {
            let mut o =
                json!({"name": x.company, "position": x.title, "startDate": x.start_date.iso()});
            if let Some(e) = &x.end_date {
                o["endDate"] = json!(e.iso());
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
            o
        })
        .collect();
    doc.insert("work".into(), json!(work));
    let education: Vec<Value> = p
        .education
        .iter()
        .map(|x| {
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
            if let Some(d) = &x.start {
                o["startDate"] = json!(d.iso);
            }
            if let Some(d) = &x.end {
                o["endDate"] = json!(d.iso);
            }
            o
        })
        .collect();
    doc.insert("education".into(), json!(education));
    let certificates: Vec<Value> = p
        .certifications
        .iter()
        .map(|c| {
            let mut o = json!({"name": c.name});
            if let Some(i) = &c.issuer {
                o["issuer"] = json!(i);
            }
            if let Some(d) = &c.date {
                o["date"] = json!(d.iso);
            }
            if let Some(u) = &c.url {
                o["url"] = json!(u);
            }
            o
        })
        .collect();
    doc.insert("certificates".into(), json!(certificates));
    let kept_keywords = kept
        .get("skill_keywords")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let keyword_skills: Vec<&str> = kept
        .get("keyword_skills")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let skills: Vec<Value> = p
        .skills
        .iter()
        .filter(|s| !keyword_skills.contains(&s.name.as_str()))
        .map(|s| {
            let mut o = json!({"name": s.name});
            if let Some(l) = &s.level {
                o["level"] = json!(l);
            }
            if let Some(k) = kept_keywords.get(&s.name) {
                o["keywords"] = k.clone();
            }
            o
        })
        .collect();
    doc.insert("skills".into(), json!(skills));
    let languages: Vec<Value> = p
        .languages
        .iter()
        .map(|l| {
            let mut o = json!({"language": l.name});
            if let Some(f) = &l.level {
                o["fluency"] = json!(f);
            }
            o
        })
        .collect();
    doc.insert("languages".into(), json!(languages));
    let references: Vec<Value> = p
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
    if !references.is_empty() {
        doc.insert("references".into(), json!(references));
    }
    let projects: Vec<Value> = site
        .projects
        .iter()
        .map(|pr| {
            let mut o = json!({"name": pr.title, "description": pr.summary.trim(), "startDate": pr.date_raw.iso()});
            let (_, highlights) = split_highlights(&pr.body);
            if !highlights.is_empty() {
                o["highlights"] = json!(highlights);
            }
            if !pr.skills.is_empty() {
                o["keywords"] = json!(pr.skills.iter().map(|s| s.name.clone()).collect::<Vec<_>>());
            }
            match pr.links.first() {
                Some(l) => o["url"] = json!(l.url),
                None if pr.location.permalink.starts_with("http") => o["url"] = json!(pr.location.permalink),
                None => {}
            }
            if let Some(r) = &pr.role {
                o["roles"] = json!(r.split(", ").collect::<Vec<_>>());
            }
            if let Some(c) = &pr.client {
                o["entity"] = json!(c);
            }
            if let Some(jr) = pr.extra.get("jsonresume").and_then(Value::as_object) {
                for (k, v) in jr {
                    o[k] = v.clone();
                }
            }
            o
        })
        .collect();
    doc.insert("projects".into(), json!(projects));
    // Sections folio does not show, as they were imported.
    for (k, v) in &kept {
        if !["basics", "skill_keywords", "keyword_skills"].contains(&k.as_str())
            && !doc.contains_key(k)
        {
            doc.insert(k.clone(), v.clone());
        }
    }
    let canonical =
        crate::content::model::Location::new(&site.config, &site.base_path, "resume.json");
    let mut meta = json!({"version": "v1.0.0"});
    // The schema wants a full URI: only when base_url is one.
    if canonical.permalink.starts_with("http") {
        meta["canonical"] = json!(canonical.permalink);
    }
    doc.insert("meta".into(), meta);
    Value::Object(doc)
}

/// `Lisbon, Portugal` → `{city: Lisbon, region: Portugal}`; more parts: the last is the country code when it is two letters.
fn location_object(loc: &str) -> Value {
    let parts: Vec<&str> = loc
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let mut o = Map::new();
    match parts.as_slice() {
        [] => {}
        [city] => {
            o.insert("city".into(), json!(city));
        }
        [city, rest @ ..] => {
            o.insert("city".into(), json!(city));
            let last = rest[rest.len() - 1];
            if last.len() == 2 && last.chars().all(|c| c.is_ascii_uppercase()) {
                o.insert("countryCode".into(), json!(last));
                if rest.len() > 1 {
                    o.insert("region".into(), json!(rest[..rest.len() - 1].join(", ")));
                }
            } else {
                o.insert("region".into(), json!(rest.join(", ")));
            }
        }
    }
    Value::Object(o)
}

/// Splits Markdown into its text before the first list and that list's items.
fn split_highlights(md: &str) -> (String, Vec<String>) {
    let mut summary = Vec::new();
    let mut items = Vec::new();
    let mut in_list = false;
    for line in md.lines() {
        let t = line.trim_start();
        let item = t.strip_prefix("- ").or_else(|| t.strip_prefix("* "));
        match item {
            Some(i) if line.len() - t.len() < 2 => {
                in_list = true;
                items.push(i.trim().to_string());
            }
            _ if in_list => {
                if t.is_empty() {
                    continue;
                }
                break;
            }
            _ => summary.push(line),
        }
    }
    (summary.join("\n").trim().to_string(), items)
}

/// Options of `folio import jsonresume`.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Fill in what is missing in an existing site instead of refusing.
    pub merge: bool,
    /// Overwrite existing files.
    pub force: bool,
}

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub written: Vec<PathBuf>,
    pub skipped: Vec<PathBuf>,
    /// JSON Resume fields folio has no place for (kept under extra.jsonresume).
    pub unmapped: Vec<String>,
}

fn s(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn date(v: &Value, key: &str, unmapped: &mut Vec<String>, at: &str) -> Option<String> {
    let d = s(v, key)?;
    match crate::date::Date::parse(&d) {
        Ok(date) => Some(date.iso()),
        Err(_) => {
            unmapped.push(format!(
                "{at}.{key} (`{d}` is not a YYYY, YYYY-MM or YYYY-MM-DD date)"
            ));
            None
        }
    }
}

fn yaml_value(v: &Value) -> serde_yaml::Value {
    serde_yaml::to_value(v).unwrap_or(serde_yaml::Value::Null)
}

/// The items of the array at `key` (none when it is missing or not an array).
fn items<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    v.get(key).and_then(Value::as_array).into_iter().flatten()
}

fn ystr(s: &str) -> serde_yaml::Value {
    serde_yaml::Value::String(s.to_string())
}

fn map() -> serde_yaml::Mapping {
    serde_yaml::Mapping::new()
}

/// Imports `resume` (the text of a resume.json) into the site folder `dir`.
pub fn import(
    resume: &str,
    source: &Path,
    dir: &Path,
    opts: &ImportOptions,
) -> Result<ImportReport, Error> {
    let doc: Value = serde_json::from_str(resume).map_err(|e| {
        Error::single(
            Diagnostic::error(format!("this is not valid JSON: {e}"))
                .in_file(source)
                .at(e.line(), Some(e.column()), Some(resume))
                .with_help(
                    "a JSON Resume file is one JSON object, as exported by jsonresume.org tools",
                ),
        )
    })?;
    if !doc.is_object() {
        return Err(Error::single(
            Diagnostic::error("a JSON Resume file is one JSON object").in_file(source),
        ));
    }
    let mut report = ImportReport::default();
    let mut kept = Map::new();
    let basics = doc.get("basics").cloned().unwrap_or(json!({}));
    let name = s(&basics, "name").unwrap_or_else(|| {
        report
            .unmapped
            .push("basics.name is missing: `name` is set to \"Your Name\"".into());
        "Your Name".into()
    });
    let label = s(&basics, "label").unwrap_or_else(|| "Freelancer".into());

    // profile.yaml
    let mut profile = map();
    profile.insert(ystr("name"), ystr(&name));
    profile.insert(ystr("title"), ystr(&label));
    profile.insert(
        ystr("overview"),
        ystr(&s(&basics, "summary").unwrap_or_else(|| format!("{name}, {label}."))),
    );
    let mut kept_basics = Map::new();
    if let Some(loc) = basics.get("location").filter(|l| l.is_object()) {
        let parts: Vec<String> = ["city", "region", "countryCode"]
            .iter()
            .filter_map(|k| s(loc, k))
            .collect();
        if !parts.is_empty() {
            profile.insert(ystr("location"), ystr(&parts.join(", ")));
        }
        kept_basics.insert("location".into(), loc.clone());
    }
    if let Some(e) = s(&basics, "email") {
        profile.insert(ystr("email"), ystr(&e));
    }
    let mut links = map();
    if let Some(u) = s(&basics, "url") {
        links.insert(ystr("Website"), ystr(&u));
    }
    let mut usernames = Map::new();
    for (i, p) in items(&basics, "profiles").enumerate() {
        let network = s(p, "network").unwrap_or_else(|| format!("Profile {}", i + 1));
        match s(p, "url") {
            Some(u) => {
                links.insert(ystr(&network), ystr(&u));
            }
            None => report
                .unmapped
                .push(format!("basics.profiles[{i}] ({network}) has no url")),
        }
        if let Some(u) = p.get("username") {
            usernames.insert(network.clone(), u.clone());
        }
    }
    if !usernames.is_empty() {
        kept_basics.insert("usernames".into(), Value::Object(usernames));
    }
    if !links.is_empty() {
        profile.insert(ystr("links"), serde_yaml::Value::Mapping(links));
    }
    for (k, v) in basics.as_object().into_iter().flatten() {
        if ![
            "name", "label", "summary", "location", "email", "url", "profiles",
        ]
        .contains(&k.as_str())
        {
            let empty = v.as_str().is_some_and(str::is_empty);
            if !empty {
                report.unmapped.push(format!("basics.{k}"));
                kept_basics.insert(k.clone(), v.clone());
            }
        }
    }
    if !kept_basics.is_empty() {
        kept.insert("basics".into(), Value::Object(kept_basics));
    }

    // Languages, skills (with every project keyword declared too).
    let langs: Vec<serde_yaml::Value> = items(&doc, "languages")
        .filter_map(|l| {
            let mut m = map();
            m.insert(ystr("name"), ystr(&s(l, "language")?));
            if let Some(f) = s(l, "fluency") {
                m.insert(ystr("level"), ystr(&f));
            }
            Some(serde_yaml::Value::Mapping(m))
        })
        .collect();
    if !langs.is_empty() {
        profile.insert(ystr("languages"), serde_yaml::Value::Sequence(langs));
    }
    let mut skills: Vec<serde_yaml::Value> = Vec::new();
    let mut skill_slugs: Vec<String> = Vec::new();
    let mut keywords = Map::new();
    let mut add_skill = |name: &str, level: Option<String>, skills: &mut Vec<serde_yaml::Value>| {
        let slug = slugify(name);
        if slug.is_empty() || skill_slugs.contains(&slug) {
            return;
        }
        skill_slugs.push(slug);
        match level {
            Some(l) => {
                let mut m = map();
                m.insert(ystr("name"), ystr(name));
                m.insert(ystr("level"), ystr(&l));
                skills.push(serde_yaml::Value::Mapping(m));
            }
            None => skills.push(ystr(name)),
        }
    };
    for sk in items(&doc, "skills") {
        if let Some(n) = s(sk, "name") {
            add_skill(&n, s(sk, "level"), &mut skills);
            if let Some(k) = sk
                .get("keywords")
                .filter(|k| k.as_array().is_some_and(|a| !a.is_empty()))
            {
                keywords.insert(n.clone(), k.clone());
            }
        }
    }
    if !keywords.is_empty() {
        kept.insert("skill_keywords".into(), Value::Object(keywords));
    }
    let projects: Vec<Value> = doc
        .get("projects")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    // Project keywords become declared skills too (folio checks project skills
    // against them); remembered so the export does not list them as skills.
    let declared = skills.len();
    for pr in &projects {
        for k in items(pr, "keywords") {
            if let Some(k) = k.as_str() {
                add_skill(k, None, &mut skills);
            }
        }
    }
    let from_keywords: Vec<Value> = skills[declared..]
        .iter()
        .filter_map(|v| v.as_str().map(|s| json!(s)))
        .collect();
    if !from_keywords.is_empty() {
        kept.insert("keyword_skills".into(), Value::Array(from_keywords));
    }
    if !skills.is_empty() {
        profile.insert(ystr("skills"), serde_yaml::Value::Sequence(skills));
    }

    // Work, education, certificates, references.
    let mut experience = Vec::new();
    for (i, w) in items(&doc, "work").enumerate() {
        let at = format!("work[{i}]");
        let (Some(company), Some(position)) = (s(w, "name"), s(w, "position")) else {
            report
                .unmapped
                .push(format!("{at} (it needs a name and a position)"));
            continue;
        };
        let Some(start) = date(w, "startDate", &mut report.unmapped, &at) else {
            report
                .unmapped
                .push(format!("{at} ({company}: it has no startDate)"));
            continue;
        };
        let mut m = map();
        m.insert(ystr("company"), ystr(&company));
        m.insert(ystr("title"), ystr(&position));
        m.insert(ystr("start"), ystr(&start));
        if let Some(e) = date(w, "endDate", &mut report.unmapped, &at) {
            m.insert(ystr("end"), ystr(&e));
        }
        if let Some(l) = s(w, "location") {
            m.insert(ystr("location"), ystr(&l));
        }
        if let Some(u) = s(w, "url") {
            m.insert(ystr("url"), ystr(&u));
        }
        let mut desc = s(w, "summary").unwrap_or_default();
        let highlights: Vec<String> = items(w, "highlights")
            .filter_map(|h| h.as_str().map(str::to_string))
            .collect();
        if !highlights.is_empty() {
            if !desc.is_empty() {
                desc.push_str("\n\n");
            }
            desc.push_str(
                &highlights
                    .iter()
                    .map(|h| format!("- {h}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
        if !desc.is_empty() {
            m.insert(ystr("description"), ystr(&desc));
        }
        if w.get("description").is_some() {
            report
                .unmapped
                .push(format!("{at}.description (what the company does)"));
        }
        experience.push(serde_yaml::Value::Mapping(m));
    }
    if !experience.is_empty() {
        profile.insert(ystr("experience"), serde_yaml::Value::Sequence(experience));
    }
    let mut education = Vec::new();
    for (i, e) in items(&doc, "education").enumerate() {
        let at = format!("education[{i}]");
        let Some(school) = s(e, "institution") else {
            report
                .unmapped
                .push(format!("{at} (it has no institution)"));
            continue;
        };
        let mut m = map();
        m.insert(ystr("school"), ystr(&school));
        if let Some(d) = s(e, "studyType") {
            m.insert(ystr("degree"), ystr(&d));
        }
        if let Some(a) = s(e, "area") {
            m.insert(ystr("area"), ystr(&a));
        }
        if let Some(u) = s(e, "url") {
            m.insert(ystr("url"), ystr(&u));
        }
        if let Some(d) = date(e, "startDate", &mut report.unmapped, &at) {
            m.insert(ystr("start"), ystr(&d));
        }
        if let Some(d) = date(e, "endDate", &mut report.unmapped, &at) {
            m.insert(ystr("end"), ystr(&d));
        }
        for k in ["score", "courses"] {
            if e.get(k).is_some() {
                report.unmapped.push(format!("{at}.{k}"));
            }
        }
        education.push(serde_yaml::Value::Mapping(m));
    }
    if !education.is_empty() {
        profile.insert(ystr("education"), serde_yaml::Value::Sequence(education));
    }
    let mut certs = Vec::new();
    for (i, c) in items(&doc, "certificates").enumerate() {
        let Some(n) = s(c, "name") else { continue };
        let mut m = map();
        m.insert(ystr("name"), ystr(&n));
        if let Some(x) = s(c, "issuer") {
            m.insert(ystr("issuer"), ystr(&x));
        }
        if let Some(d) = date(
            c,
            "date",
            &mut report.unmapped,
            &format!("certificates[{i}]"),
        ) {
            m.insert(ystr("date"), ystr(&d));
        }
        if let Some(u) = s(c, "url") {
            m.insert(ystr("url"), ystr(&u));
        }
        certs.push(serde_yaml::Value::Mapping(m));
    }
    if !certs.is_empty() {
        profile.insert(ystr("certifications"), serde_yaml::Value::Sequence(certs));
    }
    let mut testimonials = Vec::new();
    for r in items(&doc, "references") {
        let (Some(n), Some(q)) = (s(r, "name"), s(r, "reference")) else {
            continue;
        };
        let mut m = map();
        m.insert(ystr("quote"), ystr(&q));
        match n.split_once(", ") {
            Some((author, role)) => {
                m.insert(ystr("author"), ystr(author));
                m.insert(ystr("role"), ystr(role));
            }
            None => {
                m.insert(ystr("author"), ystr(&n));
            }
        }
        testimonials.push(serde_yaml::Value::Mapping(m));
    }
    if !testimonials.is_empty() {
        profile.insert(
            ystr("testimonials"),
            serde_yaml::Value::Sequence(testimonials),
        );
    }
    for (k, v) in doc.as_object().into_iter().flatten() {
        let known = [
            "$schema",
            "basics",
            "work",
            "education",
            "certificates",
            "skills",
            "languages",
            "projects",
            "references",
            "meta",
        ];
        if !known.contains(&k.as_str()) && !v.as_array().is_some_and(|a| a.is_empty()) {
            report.unmapped.push(k.clone());
            kept.insert(k.clone(), v.clone());
        }
    }
    if !kept.is_empty() {
        let mut extra = map();
        extra.insert(ystr("jsonresume"), yaml_value(&Value::Object(kept)));
        profile.insert(ystr("extra"), serde_yaml::Value::Mapping(extra));
    }

    let mut files: Vec<(PathBuf, String)> = Vec::new();
    let config = format!(
        "# Imported from {} by folio import jsonresume.\ntitle: {}\nbase_url: /\nlanguage: en\njsonresume: true\n",
        source.display(),
        serde_yaml::to_string(&ystr(&format!("{name} — {label}")))
            .unwrap_or_default()
            .trim()
    );
    files.push((PathBuf::from(crate::config::CONFIG_FILE), config));
    files.push((
        PathBuf::from("content/profile.yaml"),
        format!(
            "# Imported from {}.\n{}",
            source.display(),
            serde_yaml::to_string(&profile).unwrap_or_default()
        ),
    ));

    // One write-up per project.
    let mut used: Vec<String> = Vec::new();
    for (i, pr) in projects.iter().enumerate() {
        let at = format!("projects[{i}]");
        let Some(title) = s(pr, "name") else {
            report.unmapped.push(format!("{at} (it has no name)"));
            continue;
        };
        let Some(start) = date(pr, "startDate", &mut report.unmapped, &at)
            .or_else(|| date(pr, "endDate", &mut report.unmapped, &at))
        else {
            report.unmapped.push(format!(
                "{at} ({title}: it has no startDate or endDate; folio needs a date)"
            ));
            continue;
        };
        let mut slug = slugify(&title);
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
        let mut fm = map();
        fm.insert(ystr("title"), ystr(&title));
        fm.insert(ystr("date"), ystr(&start));
        fm.insert(
            ystr("summary"),
            ystr(&s(pr, "description").unwrap_or_else(|| title.clone())),
        );
        let roles: Vec<String> = items(pr, "roles")
            .filter_map(|r| r.as_str().map(str::to_string))
            .collect();
        if !roles.is_empty() {
            fm.insert(ystr("role"), ystr(&roles.join(", ")));
        }
        if let Some(e) = s(pr, "entity") {
            fm.insert(ystr("client"), ystr(&e));
        }
        let kw: Vec<serde_yaml::Value> = items(pr, "keywords")
            .filter_map(|k| k.as_str().map(ystr))
            .collect();
        if !kw.is_empty() {
            fm.insert(ystr("skills"), serde_yaml::Value::Sequence(kw));
        }
        if let Some(u) = s(pr, "url") {
            let mut l = map();
            l.insert(ystr("Website"), ystr(&u));
            fm.insert(ystr("links"), serde_yaml::Value::Mapping(l));
        }
        let mut jr = Map::new();
        for k in ["endDate", "type"] {
            if let Some(v) = pr.get(k) {
                jr.insert(k.into(), v.clone());
            }
        }
        if !jr.is_empty() {
            let mut extra = map();
            extra.insert(ystr("jsonresume"), yaml_value(&Value::Object(jr)));
            fm.insert(ystr("extra"), serde_yaml::Value::Mapping(extra));
        }
        let highlights: Vec<String> = items(pr, "highlights")
            .filter_map(|h| h.as_str().map(|h| format!("- {h}")))
            .collect();
        let body = if highlights.is_empty() {
            String::new()
        } else {
            format!("\n{}\n", highlights.join("\n"))
        };
        files.push((
            PathBuf::from(format!("content/projects/{slug}.md")),
            format!(
                "---\n{}---\n{body}",
                serde_yaml::to_string(&fm).unwrap_or_default()
            ),
        ));
    }

    // Write: never over an existing file unless --force; --merge skips them.
    let existing: Vec<&PathBuf> = files
        .iter()
        .map(|(p, _)| p)
        .filter(|p| dir.join(p).exists())
        .collect();
    if !existing.is_empty() && !opts.force && !opts.merge {
        return Err(Error::new(
            existing
                .iter()
                .map(|p| {
                    Diagnostic::error("already exists; folio import does not overwrite files")
                        .in_file(dir.join(p))
                        .with_help(
                            "use --merge to add only what is missing, or --force to overwrite",
                        )
                })
                .collect(),
        ));
    }
    for (rel, text) in files {
        let path = dir.join(&rel);
        if path.exists() && !opts.force {
            if rel.as_path() == Path::new("content/profile.yaml") {
                merge_profile(&path, &text)?;
                report.written.push(rel);
            } else {
                report.skipped.push(rel);
            }
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                Error::single(
                    Diagnostic::error(format!("cannot create the folder: {e}")).in_file(parent),
                )
            })?;
        }
        std::fs::write(&path, text).map_err(|e| {
            Error::single(Diagnostic::error(format!("cannot write the file: {e}")).in_file(&path))
        })?;
        report.written.push(rel);
    }
    Ok(report)
}

/// `--merge` for profile.yaml: keys missing from the existing file are added.
fn merge_profile(path: &Path, imported: &str) -> Result<(), Error> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::single(Diagnostic::error(format!("cannot read the file: {e}")).in_file(path))
    })?;
    let existing: serde_yaml::Value = serde_yaml::from_str(&text).map_err(|e| {
        Error::single(
            Diagnostic::error(format!(
                "cannot merge into this file, it is not valid YAML: {e}"
            ))
            .in_file(path),
        )
    })?;
    let new: serde_yaml::Value = serde_yaml::from_str(imported).unwrap_or(serde_yaml::Value::Null);
    let (Some(old), Some(new)) = (existing.as_mapping(), new.as_mapping()) else {
        return Ok(());
    };
    let missing: serde_yaml::Mapping = new
        .iter()
        .filter(|(k, _)| !old.contains_key(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let mut out = text.trim_end().to_string();
    out.push_str("\n# Added by folio import jsonresume --merge:\n");
    out.push_str(&serde_yaml::to_string(&serde_yaml::Value::Mapping(missing)).unwrap_or_default());
    std::fs::write(path, out).map_err(|e| {
        Error::single(Diagnostic::error(format!("cannot write the file: {e}")).in_file(path))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_split() {
        let (s, h) = split_highlights("Led the team.\n\n- Shipped v2\n- Cut costs\n\nMore text.");
        assert_eq!(s, "Led the team.");
        assert_eq!(h, vec!["Shipped v2", "Cut costs"]);
        assert_eq!(
            split_highlights("Only text."),
            ("Only text.".into(), vec![])
        );
    }

    #[test]
    fn locations() {
        assert_eq!(
            location_object("San Francisco, California, US"),
            json!({"city": "San Francisco", "region": "California", "countryCode": "US"})
        );
        assert_eq!(
            location_object("Lisbon, Portugal"),
            json!({"city": "Lisbon", "region": "Portugal"})
        );
    }
}
