//! `folio import linkedin`: LinkedIn's "Get a copy of your data" archive (the .zip or
//! the folder it unzips to) → a JSON Resume document → the same import as
//! `folio import jsonresume`, so the same rules hold (nothing silently lost, a report).
//!
//! Columns, as the export writes them (checked against public parsers and test
//! fixtures of this export, e.g. vutuv's `Vutuv.Imports.LinkedIn` tests, "a real
//! Profile.csv header from an actual export", and several open-source CV importers):
//! - Profile.csv: First Name, Last Name, Maiden Name, Address, Birth Date, Headline,
//!   Summary, Industry, Zip Code, Geo Location, Twitter Handles, Websites, Instant Messengers
//! - Positions.csv: Company Name, Title, Description, Location, Started On, Finished On
//! - Education.csv: School Name, Start Date, End Date, Notes, Degree Name, Activities
//! - Skills.csv: Name
//! - Languages.csv: Name, Proficiency
//! - Certifications.csv: Name, Url, Authority, Started On, Finished On, License Number
//! - Projects.csv: Title, Description, Url, Started On, Finished On
//!
//! Dates are written `Jan 2020` or `2020`; Websites `[PERSONAL:https://a.dev,BLOG:https://b.dev]`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use serde_json::{Map, Value, json};

use super::dates::{self, Written};
use super::{ImportOptions, ImportReport};
use crate::diagnostics::{Diagnostic, Error};

type Row = BTreeMap<String, String>;

/// CSV file, JSON Resume section, and (column, JSON Resume key) of each entry.
#[rustfmt::skip]
/// (CSV column, JSON Resume key) pairs.
type Columns = &'static [(&'static str, &'static str)];

const SECTIONS: [(&str, &str, Columns); 5] = [
    (
        "Positions.csv",
        "work",
        &[
            ("Company Name", "name"),
            ("Title", "position"),
            ("Description", "summary"),
            ("Location", "location"),
            ("Started On", "startDate"),
            ("Finished On", "endDate"),
        ],
    ),
    (
        "Education.csv",
        "education",
        &[
            ("School Name", "institution"),
            ("Degree Name", "studyType"),
            ("Start Date", "startDate"),
            ("End Date", "endDate"),
            ("Notes", "notes"),
            ("Activities", "activities"),
        ],
    ),
    (
        "Certifications.csv",
        "certificates",
        &[
            ("Name", "name"),
            ("Authority", "issuer"),
            ("Url", "url"),
            ("Started On", "date"),
            ("Finished On", "expires"),
            ("License Number", "licenseNumber"),
        ],
    ),
    (
        "Languages.csv",
        "languages",
        &[("Name", "language"), ("Proficiency", "fluency")],
    ),
    (
        "Projects.csv",
        "projects",
        &[
            ("Title", "name"),
            ("Description", "description"),
            ("Url", "url"),
            ("Started On", "startDate"),
            ("Finished On", "endDate"),
        ],
    ),
];

/// The CSV files read, with what each becomes.
const FILES: [(&str, &str); 7] = [
    ("Profile.csv", "basics"),
    ("Positions.csv", "work"),
    ("Education.csv", "education"),
    ("Skills.csv", "skills"),
    ("Languages.csv", "languages"),
    ("Certifications.csv", "certificates"),
    ("Projects.csv", "projects"),
];

/// Profile columns never published: private, or not about work.
const PRIVATE: [&str; 5] = [
    "Address",
    "Birth Date",
    "Maiden Name",
    "Zip Code",
    "Instant Messengers",
];

pub fn import(input: &Path, dir: &Path, opts: &ImportOptions) -> crate::Result<ImportReport> {
    let files = read_export(input)?;
    let mut notes = Vec::new();
    let doc = to_resume(&files, &mut notes);
    let mut report = ImportReport::default();
    if doc.pointer("/basics/name").is_none() {
        return Err(Error::single(
            Diagnostic::error("no name: Profile.csv is missing or has no First Name")
                .in_file(input)
                .with_help("point folio at the LinkedIn export .zip or the folder it unzips to"),
        ));
    }
    let mut json_notes = Vec::new();
    let site = super::import::site_files(&doc, input, opts, &mut json_notes)?;
    notes.extend(json_notes.into_iter().map(|n| to_csv_place(&n)));
    report.unmapped = notes;
    super::import::write_files(site, dir, opts, &mut report)?;
    Ok(report)
}

/// `work[3].startDate: ...` → `Positions.csv row 4 (Started On): ...`.
fn to_csv_place(note: &str) -> String {
    for (file, key) in FILES {
        if let Some(rest) = note.strip_prefix(&format!("{key}["))
            && let Some((n, tail)) = rest.split_once(']')
            && let Ok(i) = n.parse::<usize>()
        {
            return format!("{file} row {}{tail}", i + 1);
        }
    }
    note.to_string()
}

/// File name → text, from the .zip or the folder (files may sit in a subfolder).
fn read_export(input: &Path) -> crate::Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    let wanted = |name: &str| {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        FILES
            .iter()
            .find(|(f, _)| f.eq_ignore_ascii_case(base))
            .map(|(f, _)| f.to_string())
    };
    if input.is_dir() {
        for e in walkdir::WalkDir::new(input)
            .max_depth(3)
            .into_iter()
            .flatten()
        {
            if let Some(f) = wanted(&e.file_name().to_string_lossy()) {
                let text = std::fs::read_to_string(e.path())
                    .map_err(|err| Error::io("cannot read", e.path(), err))?;
                out.insert(f, text);
            }
        }
        return Ok(out);
    }
    let file = std::fs::File::open(input).map_err(|e| Error::io("cannot read", input, e))?;
    let bad = |e: &dyn std::fmt::Display| {
        Error::single(
            Diagnostic::error(format!("this is not a readable .zip: {e}"))
                .in_file(input)
                .with_help(
                    "give the LinkedIn export .zip as downloaded, or the folder it unzips to",
                ),
        )
    };
    let mut zip = zip::ZipArchive::new(file).map_err(|e| bad(&e))?;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| bad(&e))?;
        if let Some(name) = wanted(f.name()) {
            let mut text = String::new();
            f.read_to_string(&mut text).map_err(|e| bad(&e))?;
            out.insert(name, text);
        }
    }
    Ok(out)
}

fn rows(text: &str) -> Vec<Row> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match r.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
        Err(_) => return Vec::new(),
    };
    r.records()
        .flatten()
        .map(|rec| {
            headers
                .iter()
                .zip(rec.iter())
                .filter(|(_, v)| !v.trim().is_empty())
                .map(|(h, v)| (h.clone(), v.trim().to_string()))
                .collect()
        })
        .filter(|row: &Row| !row.is_empty())
        .collect()
}

/// Moves `col` of `row` to `key` of `o` (dates as ISO when folio can read them).
fn take(row: &mut Row, o: &mut Map<String, Value>, col: &str, key: &str) {
    if let Some(v) = row.remove(col) {
        let v = match key {
            "startDate" | "endDate" | "date" => match dates::read(&v) {
                Some(Written::Date { date, .. }) => date.iso(),
                _ => v,
            },
            _ => v,
        };
        o.insert(key.into(), json!(v));
    }
}

/// One entry: the columns given, the rest under their column names.
fn entry(mut row: Row, cols: &[(&str, &str)]) -> Value {
    let mut o = Map::new();
    for (col, key) in cols {
        take(&mut row, &mut o, col, key);
    }
    for (k, v) in row {
        o.insert(k, json!(v));
    }
    Value::Object(o)
}

fn to_resume(files: &BTreeMap<String, String>, notes: &mut Vec<String>) -> Value {
    let get = |f: &str| files.get(f).map(|t| rows(t)).unwrap_or_default();
    let mut doc = Map::new();
    if let Some(p) = get("Profile.csv").into_iter().next() {
        doc.insert("basics".into(), basics(p, notes));
    }
    for (file, key, cols) in SECTIONS {
        let list: Vec<Value> = get(file).into_iter().map(|r| entry(r, cols)).collect();
        if !list.is_empty() {
            doc.insert(key.into(), Value::Array(list));
        }
    }
    let skills: Vec<Value> = get("Skills.csv")
        .into_iter()
        .filter_map(|mut r| r.remove("Name"))
        .map(|n| json!({"name": n}))
        .collect();
    if !skills.is_empty() {
        doc.insert("skills".into(), Value::Array(skills));
    }
    for (f, _) in FILES {
        if !files.contains_key(f) {
            notes.push(format!("{f}: not in the export; nothing imported from it"));
        }
    }
    Value::Object(doc)
}

fn basics(mut p: Row, notes: &mut Vec<String>) -> Value {
    let mut b = Map::new();
    let name: Vec<String> = ["First Name", "Last Name"]
        .iter()
        .filter_map(|c| p.remove(*c))
        .collect();
    if !name.is_empty() {
        b.insert("name".into(), json!(name.join(" ")));
    }
    take(&mut p, &mut b, "Headline", "label");
    take(&mut p, &mut b, "Summary", "summary");
    if let Some(geo) = p.remove("Geo Location") {
        b.insert("location".into(), json!({"city": geo}));
    }
    let mut profiles = Vec::new();
    if let Some(sites) = p.remove("Websites") {
        for s in sites
            .trim_matches(['[', ']'])
            .split(',')
            .filter(|s| !s.trim().is_empty())
        {
            let (label, url) = match s.split_once(':') {
                Some((l, u)) if !l.starts_with("http") => (l.trim(), u.trim()),
                _ => ("Website", s.trim()),
            };
            let mut label: Vec<char> = label.to_lowercase().chars().collect();
            if let Some(c) = label.first_mut() {
                *c = c.to_ascii_uppercase();
            }
            profiles.push(json!({"network": label.into_iter().collect::<String>(), "url": url}));
        }
    }
    if let Some(handles) = p.remove("Twitter Handles") {
        for h in handles
            .trim_matches(['[', ']'])
            .split(',')
            .map(str::trim)
            .filter(|h| !h.is_empty())
        {
            profiles.push(json!({"network": "Twitter", "username": h, "url": format!("https://twitter.com/{h}")}));
        }
    }
    if !profiles.is_empty() {
        b.insert("profiles".into(), Value::Array(profiles));
    }
    for c in PRIVATE {
        if p.remove(c).is_some() {
            notes.push(format!("Profile.csv {c}: private, not imported"));
        }
    }
    for (k, v) in p {
        b.insert(k.to_lowercase().replace(' ', "_"), json!(v));
    }
    Value::Object(b)
}
