//! `folio profile`: the text of platform profiles (Upwork, LinkedIn), field by
//! field, read from the same [`Site`] model the website is built from, and
//! checked against the platform's limits and rules.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::config::key_line;
use crate::contact;
use crate::content::model::{Project, Site, SpecializedProfile};
use crate::diagnostics::{Diagnostic, Error, Severity, nearest};
use crate::plaintext::to_plain;
use crate::platform::{self, Limits, Measure, Platform};
use crate::slug::slugify;

/// Which profiles to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Which {
    General,
    Specialized(String),
    All,
}

/// One pasteable field.
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    /// Stable id: `title`, `portfolio.1.description`.
    pub id: String,
    /// Header shown above the text.
    pub label: String,
    /// The exact text to paste.
    pub text: String,
    /// For list fields (skills): the entries.
    pub items: Option<Vec<String>>,
    /// Unicode scalar values.
    pub chars: usize,
    /// UTF-16 code units (what browsers count).
    pub utf16: usize,
    /// What the limits judge: the entry count for lists, else the larger of the two.
    pub count: usize,
    pub min: Option<usize>,
    pub max: Option<usize>,
    /// The file it comes from, and the line where known.
    pub source: String,
    pub line: Option<usize>,
    /// The file `--out` writes it to (without `.txt`).
    #[serde(skip)]
    file: String,
    #[serde(skip)]
    rule: &'static str,
    #[serde(skip)]
    check_contact: bool,
}

/// The export of one profile.
#[derive(Debug, Clone, Serialize)]
pub struct ProfileExport {
    /// `general` or the specialized profile's slug.
    pub profile: String,
    pub platform: Platform,
    pub source: String,
    pub fields: Vec<Field>,
    pub findings: Vec<Diagnostic>,
}

impl ProfileExport {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|d| d.is_error()).count()
    }
}

/// The limits of `platform` with the site's overrides; unknown keys are errors in folio.yaml.
pub fn limits(site: &Site, platform: Platform) -> Result<Limits, Error> {
    let overrides = match platform {
        Platform::Upwork => &site.config.upwork.limits,
        Platform::Linkedin => &site.config.linkedin.limits,
    };
    Limits::new(platform, overrides).map_err(|unknown| {
        let config =
            std::fs::read_to_string(site.root.join(crate::config::CONFIG_FILE)).unwrap_or_default();
        let known = Limits::overridable(platform);
        Error::new(
            unknown
                .iter()
                .map(|k| {
                    let line = config
                        .lines()
                        .position(|l| l.trim_start().starts_with(&format!("{k}:")))
                        .map_or(1, |i| i + 1);
                    let help = match nearest(k, known.iter().copied()) {
                        Some(n) => format!("did you mean `{n}`?"),
                        None => format!("fields with limits: {}", known.join(", ")),
                    };
                    Diagnostic::error(format!("`{}.limits` has no field `{k}`", platform.key()))
                        .in_file(crate::config::CONFIG_FILE)
                        .at(line, None, Some(&config))
                        .with_help(help)
                })
                .collect(),
        )
    })
}

/// Exports the chosen profiles for `platform`.
pub fn export(site: &Site, platform: Platform, which: &Which) -> Result<Vec<ProfileExport>, Error> {
    let limits = limits(site, platform)?;
    let mut sources = Sources::new(&site.root);
    let mut out = Vec::new();
    match which {
        Which::General => out.push(export_one(site, &limits, None, &mut sources)),
        Which::Specialized(name) => {
            let sp = site
                .profiles
                .iter()
                .find(|p| p.slug == *name || p.slug == slugify(name))
                .ok_or_else(|| {
                    let known: Vec<&str> = site.profiles.iter().map(|p| p.slug.as_str()).collect();
                    let help = match nearest(name, known.iter().copied()) {
                        Some(n) => format!("did you mean `{n}`?"),
                        None if known.is_empty() => {
                            "add one in content/profiles/NAME.yaml".to_string()
                        }
                        None => format!("specialized profiles: {}", known.join(", ")),
                    };
                    Error::single(
                        Diagnostic::error(format!("there is no specialized profile `{name}`"))
                            .in_file(format!("content/profiles/{name}.yaml"))
                            .with_help(help),
                    )
                })?;
            out.push(export_one(site, &limits, Some(sp), &mut sources));
        }
        Which::All => {
            out.push(export_one(site, &limits, None, &mut sources));
            for sp in &site.profiles {
                out.push(export_one(site, &limits, Some(sp), &mut sources));
            }
        }
    }
    Ok(out)
}

/// Source texts, read once, for finding lines.
struct Sources<'a> {
    root: &'a Path,
    texts: HashMap<String, String>,
}

impl<'a> Sources<'a> {
    fn new(root: &'a Path) -> Self {
        Sources {
            root,
            texts: HashMap::new(),
        }
    }
    fn text(&mut self, source: &str) -> &str {
        self.texts.entry(source.to_string()).or_insert_with(|| {
            crate::source::read(self.root, &self.root.join(source))
                .map(|f| f.text)
                .unwrap_or_default()
        })
    }
    fn key_line(&mut self, source: &str, key: &str) -> Option<usize> {
        let text = self.text(source);
        key_line(text, key).or_else(|| crate::yaml::any_key_line(text, key))
    }
    /// The first line containing `needle` (at or after `from`), if any.
    fn find_line(&mut self, source: &str, needle: &str, from: Option<usize>) -> Option<usize> {
        let text = self.text(source);
        let skip = from.unwrap_or(1).saturating_sub(1);
        let first = needle.lines().next().unwrap_or(needle).trim();
        if first.is_empty() {
            return None;
        }
        text.lines()
            .enumerate()
            .skip(skip)
            .find(|(_, l)| l.contains(first))
            .map(|(i, _)| i + 1)
    }
}

/// Where a field comes from (file and line), and the file `--out` saves it to.
struct Place {
    source: String,
    line: Option<usize>,
    file: String,
}

impl Place {
    fn new(source: &str, line: Option<usize>, file: &str) -> Place {
        Place {
            source: source.to_string(),
            line,
            file: file.to_string(),
        }
    }
}

struct Builder<'s, 'r> {
    limits: &'s Limits,
    sources: &'s mut Sources<'r>,
    fields: Vec<Field>,
}

impl Builder<'_, '_> {
    fn add(&mut self, id: String, label: String, rule: &'static str, text: String, at: &Place) {
        let max = self.limits.max(rule);
        let min = self
            .limits
            .for_field(rule)
            .filter(|r| r.hard)
            .find_map(|r| r.min);
        let chars = text.chars().count();
        let utf16 = text.encode_utf16().count();
        self.fields.push(Field {
            id,
            label,
            count: chars.max(utf16),
            chars,
            utf16,
            text,
            items: None,
            min,
            max,
            source: at.source.clone(),
            line: at.line,
            file: at.file.clone(),
            rule,
            check_contact: true,
        });
    }
}

fn export_one(
    site: &Site,
    limits: &Limits,
    sp: Option<&SpecializedProfile>,
    sources: &mut Sources,
) -> ProfileExport {
    let profile = &site.profile;
    let general_src = profile.source.clone();
    let (name, src, title, overview, skills, rate) = match sp {
        None => (
            "general".to_string(),
            general_src.clone(),
            &profile.title,
            &profile.overview,
            &profile.skills,
            &profile.rate,
        ),
        Some(sp) => (
            sp.slug.clone(),
            sp.source.clone(),
            &sp.title,
            &sp.overview,
            &sp.skills,
            if sp.rate.is_some() {
                &sp.rate
            } else {
                &profile.rate
            },
        ),
    };
    let platform = limits.platform;
    let mut b = Builder {
        limits,
        sources,
        fields: Vec::new(),
    };
    let line = b.sources.key_line(&src, "title");
    b.add(
        "title".into(),
        if platform == Platform::Linkedin {
            "Headline"
        } else {
            "Title"
        }
        .into(),
        "title",
        title.trim().to_string(),
        &Place::new(&src, line, "title"),
    );
    let line = b.sources.key_line(&src, "overview");
    b.add(
        "overview".into(),
        if platform == Platform::Linkedin {
            "About"
        } else {
            "Overview"
        }
        .into(),
        "overview",
        to_plain(overview),
        &Place::new(&src, line, "overview"),
    );

    let names: Vec<String> = skills.iter().map(|s| s.name.clone()).collect();
    let line = b.sources.key_line(&src, "skills");
    b.add(
        "skills".into(),
        "Skills".into(),
        "skills",
        names.join("\n"),
        &Place::new(&src, line, "skills"),
    );
    if let Some(f) = b.fields.last_mut() {
        f.count = names.len();
        f.items = Some(names.clone());
    }
    b.add(
        "skills_comma".into(),
        "Skills, comma-separated".into(),
        "",
        names.join(", "),
        &Place::new(&src, line, "skills-comma"),
    );

    let mut findings: Vec<Diagnostic> = Vec::new();
    if let Some(rate) = rate {
        let rate_src = if sp.is_some_and(|s| s.rate.is_some()) {
            src.clone()
        } else {
            general_src.clone()
        };
        let line = b.sources.key_line(&rate_src, "hourly_rate");
        let text = format!("{:.2}", rate.amount);
        b.add(
            "hourly_rate".into(),
            format!("Hourly rate ({})", rate.currency),
            "",
            text,
            &Place::new(&rate_src, line, "hourly-rate"),
        );
        if platform == Platform::Upwork {
            if rate.currency != "USD" {
                findings.push(
                    Diagnostic::warning(format!(
                        "hourly_rate is in {}; Upwork rates are in US dollars",
                        rate.currency
                    ))
                    .in_file(&rate_src)
                    .at(line.unwrap_or(1), None, Some(b.sources.text(&rate_src)))
                    .with_help("convert it, or write `hourly_rate: {amount: 50, currency: USD}`"),
                );
            } else if rate.amount < platform::UPWORK_MIN_HOURLY_USD {
                findings.push(
                    Diagnostic::error(format!(
                        "hourly_rate is ${:.2}; Upwork's minimum is $3.00",
                        rate.amount
                    ))
                    .in_file(&rate_src)
                    .at(line.unwrap_or(1), None, Some(b.sources.text(&rate_src)))
                    .with_help("source: https://support.upwork.com/hc/en-us/articles/211062988"),
                );
            }
        }
    }

    if !profile.languages.is_empty() {
        let text = profile
            .languages
            .iter()
            .map(|l| match &l.level {
                Some(level) => format!("{}: {level}", l.name),
                None => l.name.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        let line = b.sources.key_line(&general_src, "languages");
        b.add(
            "languages".into(),
            "Languages".into(),
            "",
            text,
            &Place::new(&general_src, line, "languages"),
        );
        if platform == Platform::Upwork {
            for l in &profile.languages {
                if let Some(level) = &l.level
                    && !platform::UPWORK_LANGUAGE_LEVELS
                        .iter()
                        .any(|u| u.eq_ignore_ascii_case(level))
                {
                    let line = b.sources.find_line(&general_src, level, None);
                    findings.push(
                        Diagnostic::warning(format!(
                            "language level `{level}` ({}) is not one of Upwork's levels",
                            l.name
                        ))
                        .in_file(&general_src)
                        .at(line.unwrap_or(1), None, Some(b.sources.text(&general_src)))
                        .with_help(format!(
                            "Upwork offers: {}",
                            platform::UPWORK_LANGUAGE_LEVELS.join(", ")
                        )),
                    );
                }
            }
        }
    }

    for (i, x) in profile.experience.iter().enumerate() {
        let n = i + 1;
        let file = format!("employment/{n:02}-{}", file_slug(&x.company));
        let line = b.sources.find_line(&general_src, &x.company, None);
        let period = format!(
            "{} – {}",
            x.start_date.display("en"),
            x.end_date
                .map_or_else(|| "Present".to_string(), |d| d.display("en"))
        );
        let head = format!("Employment {n}");
        let at = Place::new(&general_src, line, &file);
        b.add(
            format!("employment.{n}.company"),
            format!("{head} · Company"),
            "",
            x.company.clone(),
            &at,
        );
        b.add(
            format!("employment.{n}.title"),
            format!("{head} · Title"),
            "employment_title",
            x.title.clone(),
            &at,
        );
        if let Some(loc) = &x.location {
            b.add(
                format!("employment.{n}.location"),
                format!("{head} · Location"),
                "",
                loc.clone(),
                &at,
            );
        }
        b.add(
            format!("employment.{n}.period"),
            format!("{head} · Period"),
            "",
            period,
            &at,
        );
        if let Some(d) = &x.description {
            let dline = b.sources.find_line(&general_src, d.trim(), line);
            b.add(
                format!("employment.{n}.description"),
                format!("{head} · Description"),
                "employment_description",
                to_plain(d),
                &Place::new(&general_src, dline, &file),
            );
        }
    }

    for (i, x) in profile.education.iter().enumerate() {
        let n = i + 1;
        let file = format!("education/{n:02}-{}", file_slug(&x.school));
        let line = b.sources.find_line(&general_src, &x.school, None);
        let head = format!("Education {n}");
        let at = Place::new(&general_src, line, &file);
        b.add(
            format!("education.{n}.school"),
            format!("{head} · School"),
            "",
            x.school.clone(),
            &at,
        );
        if let Some(d) = &x.degree {
            b.add(
                format!("education.{n}.degree"),
                format!("{head} · Degree"),
                "",
                d.clone(),
                &at,
            );
        }
        let dates = [x.start.as_ref(), x.end.as_ref()]
            .iter()
            .flatten()
            .map(|d| d.year.to_string())
            .collect::<Vec<_>>()
            .join(" – ");
        if !dates.is_empty() {
            b.add(
                format!("education.{n}.dates"),
                format!("{head} · Dates"),
                "",
                dates,
                &at,
            );
        }
    }

    if !profile.certifications.is_empty() {
        let text = profile
            .certifications
            .iter()
            .map(|c| {
                let mut s = c.name.clone();
                if let Some(i) = &c.issuer {
                    s.push_str(&format!(" — {i}"));
                }
                if let Some(d) = &c.date {
                    s.push_str(&format!(", {}", d.iso));
                }
                s
            })
            .collect::<Vec<_>>()
            .join("\n");
        let line = b.sources.key_line(&general_src, "certifications");
        b.add(
            "certifications".into(),
            "Certifications".into(),
            "",
            text,
            &Place::new(&general_src, line, "certifications"),
        );
    }

    for (i, p) in portfolio(site, sp).into_iter().enumerate() {
        let n = i + 1;
        let file = format!("portfolio/{n:02}-{}", p.slug);
        let head = format!("Portfolio {n}");
        let line = b.sources.key_line(&p.source, "title");
        b.add(
            format!("portfolio.{n}.title"),
            format!("{head} · Title"),
            "portfolio_title",
            p.title.clone(),
            &Place::new(&p.source, line, &file),
        );
        if let Some(role) = &p.role {
            let line = b.sources.key_line(&p.source, "role");
            b.add(
                format!("portfolio.{n}.role"),
                format!("{head} · Your role"),
                "portfolio_role",
                role.clone(),
                &Place::new(&p.source, line, &file),
            );
        }
        let line = b.sources.key_line(&p.source, "summary");
        b.add(
            format!("portfolio.{n}.description"),
            format!("{head} · Description"),
            "portfolio_description",
            to_plain(&p.summary),
            &Place::new(&p.source, line, &file),
        );
        if !p.skills.is_empty() {
            let names: Vec<String> = p.skills.iter().map(|s| s.name.clone()).collect();
            let line = b.sources.key_line(&p.source, "skills");
            b.add(
                format!("portfolio.{n}.skills"),
                format!("{head} · Skills"),
                "",
                names.join(", "),
                &Place::new(&p.source, line, &file),
            );
        }
        b.add(
            format!("portfolio.{n}.link"),
            format!("{head} · Link"),
            "",
            p.location.permalink.clone(),
            &Place::new(&p.source, None, &file),
        );
        if let Some(f) = b.fields.last_mut() {
            // The project's own page on the portfolio site is the one link Upwork's portfolio takes.
            f.check_contact = false;
        }
        if !p.location.permalink.starts_with("http") {
            findings.push(
                Diagnostic::warning(format!("the link to project `{}` is not a full URL: {}", p.slug, p.location.permalink))
                    .in_file(crate::config::CONFIG_FILE)
                    .with_help("set `base_url:` in folio.yaml to the published address, e.g. https://ana.github.io/portfolio/"),
            );
        }
    }

    let Builder {
        fields, sources, ..
    } = b;
    for f in &fields {
        check_field(f, limits, sources, &mut findings);
    }
    if sp.is_none() && platform == Platform::Upwork {
        for rule in limits.for_field("specialized_profiles") {
            if let Some(max) = rule.max
                && site.profiles.len() > max
            {
                let d = if rule.hard {
                    Diagnostic::error("")
                } else {
                    Diagnostic::warning("")
                };
                findings.push(Diagnostic {
                    message: format!(
                        "there are {} specialized profiles; Upwork allows {max}",
                        site.profiles.len()
                    ),
                    file: Some("content/profiles".into()),
                    help: Some(format!(
                        "only {max} can be published on Upwork (source: {})",
                        rule.source
                    )),
                    ..d
                });
            }
        }
    }
    findings.sort_by_key(|d| d.severity != Severity::Error);
    ProfileExport {
        profile: name,
        platform,
        source: src,
        fields,
        findings,
    }
}

/// The projects a profile shows: its own list, or for the general profile every
/// project, featured first, then newest.
fn portfolio<'a>(site: &'a Site, sp: Option<&SpecializedProfile>) -> Vec<&'a Project> {
    match sp {
        Some(sp) => sp.projects.iter().filter_map(|s| site.project(s)).collect(),
        None => {
            let mut v: Vec<&Project> = site.projects.iter().map(AsRef::as_ref).collect();
            v.sort_by_key(|p| !p.featured);
            v
        }
    }
}

fn check_field(f: &Field, limits: &Limits, sources: &mut Sources, findings: &mut Vec<Diagnostic>) {
    let platform = limits.platform.name();
    // "portfolio title", "employment description", "overview": the file and line say which one.
    let what = if f.rule.is_empty() {
        f.label.to_lowercase()
    } else {
        f.rule.replace('_', " ")
    };
    let text = sources.text(&f.source).to_string();
    let place = |d: Diagnostic| -> Diagnostic {
        let d = d.in_file(&f.source);
        match f.line {
            Some(l) => d.at(l, None, Some(&text)),
            None => d,
        }
    };
    let unit = |n: usize, measure: Measure| match measure {
        Measure::Items => format!("{n} entr{}", if n == 1 { "y" } else { "ies" }),
        Measure::Chars if f.utf16 != f.chars => {
            format!("{n} characters (UTF-16; {} Unicode characters)", f.chars)
        }
        Measure::Chars => format!("{n} characters"),
    };
    for rule in limits.for_field(f.rule) {
        let make = |msg: String| {
            let d = if rule.hard {
                Diagnostic::error(msg)
            } else {
                Diagnostic::warning(msg)
            };
            place(d).with_help(format!("source: {}", rule.source))
        };
        if let Some(max) = rule.max
            && f.count > max
        {
            let verb = if rule.hard {
                "allows"
            } else {
                "advises at most"
            };
            findings.push(make(format!(
                "{what} is {}; {platform} {verb} {max}",
                unit(f.count, rule.measure)
            )));
        }
        if let Some(min) = rule.min
            && f.count < min
        {
            findings.push(make(format!(
                "{what} is {}; {platform} asks for at least {min}",
                unit(f.count, rule.measure)
            )));
        }
    }
    if f.check_contact && limits.platform.forbids_contact() {
        for found in contact::find(&f.text) {
            let line = sources.find_line(&f.source, &found.text, f.line).or(f.line);
            let mut d = Diagnostic::error(format!(
                "{what} contains {}: `{}`; Upwork forbids contact details and outside links before a contract",
                found.kind.describe(),
                found.text
            ))
            .in_file(&f.source)
            .with_help("remove it from this text; your e-mail and links appear on your website only");
            if let Some(l) = line {
                d = d.at(l, None, Some(&text));
            }
            findings.push(d);
        }
    }
}

fn file_slug(s: &str) -> String {
    let s = slugify(s);
    if s.is_empty() { "entry".into() } else { s }
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The header line of a field: `── Title (52/70) ──`.
pub fn header(f: &Field) -> String {
    let mut counts = String::new();
    if f.items.is_some() {
        counts = match f.max {
            Some(max) => format!(" ({}/{})", f.count, thousands(max)),
            None => format!(" ({})", f.count),
        };
    } else if let Some(max) = f.max {
        counts = format!(" ({}/{}", thousands(f.count), thousands(max));
        if let Some(min) = f.min {
            counts.push_str(&format!(", at least {}", thousands(min)));
        }
        if f.utf16 != f.chars {
            counts.push_str(&format!("; {} Unicode characters", thousands(f.chars)));
        }
        counts.push(')');
    }
    format!("── {}{counts} ──", f.label)
}

/// The export as text: every field under its header, then the exact text.
pub fn to_text(exports: &[ProfileExport]) -> String {
    let mut out = String::new();
    for e in exports {
        let kind = if e.profile == "general" {
            "general profile".to_string()
        } else {
            format!("specialized profile \"{}\"", e.profile)
        };
        out.push_str(&format!(
            "══ {} · {kind} ({}) ══\n\n",
            e.platform.name(),
            e.source
        ));
        for f in &e.fields {
            out.push_str(&header(f));
            out.push('\n');
            out.push_str(&f.text);
            out.push_str("\n\n");
            if f.id == "overview" && e.platform == Platform::Upwork {
                out.push_str(&fold_note(&f.text));
                out.push_str("\n\n");
            }
        }
    }
    out.trim_end().to_string() + "\n"
}

/// Where Upwork folds the overview with "More".
fn fold_note(text: &str) -> String {
    let fold = platform::UPWORK_OVERVIEW_FOLD;
    if text.chars().count() <= fold {
        return format!(
            "── ↑ all of it shows before \"More\" (the fold is at {fold} characters) ──"
        );
    }
    let before: String = text.chars().take(fold).collect();
    let tail: String = before
        .chars()
        .rev()
        .take(40)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!(
        "── ↑ the first {fold} characters show before \"More\"; they end at: \"…{}\" ──",
        tail.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

/// The export as JSON, for scripts.
pub fn to_json(exports: &[ProfileExport]) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        platform: Platform,
        limits: Vec<&'a platform::Rule>,
        profiles: &'a [ProfileExport],
    }
    let platform = exports.first().map_or(Platform::Upwork, |e| e.platform);
    let limits: Vec<&platform::Rule> = platform::RULES
        .iter()
        .filter(|(p, _)| *p == platform)
        .map(|(_, r)| r)
        .collect();
    serde_json::to_string_pretty(&Doc {
        platform,
        limits,
        profiles: exports,
    })
    .expect("the export serializes")
        + "\n"
}

/// Writes one text file per field (fields of one entry share a file) and
/// `profile.json` into `dir` (a subfolder per profile when there are several).
/// Returns the files written.
pub fn write_files(
    exports: &[ProfileExport],
    dir: &Path,
) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut written = Vec::new();
    for e in exports {
        let base = if exports.len() > 1 {
            dir.join(&e.profile)
        } else {
            dir.to_path_buf()
        };
        let mut files: Vec<(String, Vec<&Field>)> = Vec::new();
        for f in &e.fields {
            match files.iter_mut().find(|(name, _)| *name == f.file) {
                Some((_, v)) => v.push(f),
                None => files.push((f.file.clone(), vec![f])),
            }
        }
        for (name, fields) in files {
            let path = base.join(format!("{name}.txt"));
            std::fs::create_dir_all(path.parent().unwrap_or(&base))?;
            let body = if fields.len() == 1 {
                format!("{}\n", fields[0].text)
            } else {
                fields
                    .iter()
                    .map(|f| format!("{}\n{}\n", header(f), f.text))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            std::fs::write(&path, body)?;
            written.push(path);
        }
        let json = base.join("profile.json");
        std::fs::create_dir_all(&base)?;
        std::fs::write(&json, to_json(std::slice::from_ref(e)))?;
        written.push(json);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separator() {
        assert_eq!(thousands(5000), "5,000");
        assert_eq!(thousands(70), "70");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn fold_note_quotes_the_end_of_the_fold() {
        let text = "a".repeat(240) + " and here the fold falls in the middle";
        let note = fold_note(&text);
        let expected = format!("\"…{} and here\"", "a".repeat(30));
        assert!(note.contains(&expected), "{note}");
        assert!(fold_note("short").contains("all of it shows"));
    }
}
