//! The fields of one profile export, one function per field or group of
//! fields, in the order they are pasted.

use super::checks::{check_field, specialized_profile_count};
use super::portfolio::portfolio;
use super::skills;
use super::{Field, Place, ProfileExport, Sources};
use crate::content::model::{Project, Site, SpecializedProfile};
use crate::diagnostics::{Diagnostic, Severity};
use crate::plaintext::to_plain;
use crate::platform::{self, Limits, Platform};
use crate::slug::slugify;

struct Builder<'s, 'r> {
    limits: &'s Limits,
    sources: &'s mut Sources<'r>,
    fields: Vec<Field>,
    findings: Vec<Diagnostic>,
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
            note: None,
            findings: Vec::new(),
            file: at.file.clone(),
            rule,
            check_contact: true,
        });
    }

    fn platform(&self) -> Platform {
        self.limits.platform
    }

    /// A finding about the field added last, in `source` at `line` (line 1
    /// when unknown), with that line shown.
    fn find(&mut self, d: Diagnostic, source: &str, line: Option<usize>) {
        let d = d
            .in_file(source)
            .at(line.unwrap_or(1), None, Some(self.sources.text(source)));
        match self.fields.last_mut() {
            Some(f) => f.findings.push(d),
            None => self.findings.push(d),
        }
    }
}

/// The profile being exported: the general one or a specialized one.
struct Subject<'a> {
    /// `general` or the specialized profile's slug.
    name: String,
    /// The file it comes from.
    src: String,
    title: &'a str,
    overview: &'a str,
    skills: skills::Chosen,
}

impl<'a> Subject<'a> {
    fn new(site: &'a Site, sp: Option<&'a SpecializedProfile>, limits: &Limits) -> Subject<'a> {
        let profile = &site.profile;
        let skills = skills::choose(site, sp, limits);
        match sp {
            None => Subject {
                name: "general".to_string(),
                src: profile.source.clone(),
                title: &profile.title,
                overview: &profile.overview,
                skills,
            },
            Some(sp) => Subject {
                name: sp.slug.clone(),
                src: sp.source.clone(),
                title: &sp.title,
                overview: &sp.overview,
                skills,
            },
        }
    }
}

pub(super) fn export_one(
    site: &Site,
    limits: &Limits,
    sp: Option<&SpecializedProfile>,
    sources: &mut Sources,
) -> ProfileExport {
    let subject = Subject::new(site, sp, limits);
    let mut b = Builder {
        limits,
        sources,
        fields: Vec::new(),
        findings: Vec::new(),
    };
    title_and_overview(&mut b, &subject);
    skills(&mut b, &subject);
    hourly_rate(&mut b, site, sp, &subject.src);
    languages(&mut b, site);
    employment(&mut b, site);
    education(&mut b, site);
    certifications(&mut b, site);
    let projects = portfolio(site, sp);
    for (i, p) in projects.iter().enumerate() {
        portfolio_item(&mut b, i + 1, p);
    }
    let Builder {
        mut fields,
        sources,
        findings: mut general,
        ..
    } = b;
    for f in &mut fields {
        let found = check_field(f, limits, sources);
        f.findings.extend(found);
        f.findings.sort_by_key(|d| d.severity != Severity::Error);
    }
    if sp.is_none() {
        specialized_profile_count(site, limits, &mut general);
    }
    let mut findings: Vec<Diagnostic> = fields.iter().flat_map(|f| f.findings.clone()).collect();
    findings.extend(general.iter().cloned());
    findings.sort_by_key(|d| d.severity != Severity::Error);
    ProfileExport {
        profile: subject.name,
        platform: limits.platform,
        source: sources.shown(&subject.src),
        fields,
        findings,
        profile_findings: general,
        portfolio: projects.iter().map(|p| p.slug.clone()).collect(),
    }
}

/// The title (LinkedIn: headline) and the overview (LinkedIn: about) as plain text.
fn title_and_overview(b: &mut Builder, s: &Subject) {
    let linkedin = b.platform() == Platform::Linkedin;
    let src = b.sources.holder(&s.src, "title");
    let line = b.sources.key_line(&src, "title");
    b.add(
        "title".into(),
        if linkedin { "Headline" } else { "Title" }.into(),
        "title",
        s.title.trim().to_string(),
        &Place::new(&src, line, "title"),
    );
    let src = b.sources.holder(&s.src, "overview");
    let line = b.sources.key_line(&src, "overview");
    b.add(
        "overview".into(),
        if linkedin { "About" } else { "Overview" }.into(),
        "overview",
        to_plain(s.overview),
        &Place::new(&src, line, "overview"),
    );
}

/// The skills, one a line (counted as entries), and the same comma-separated.
fn skills(b: &mut Builder, s: &Subject) {
    let names = &s.skills.names;
    let line = b.sources.key_line(&s.src, s.skills.key);
    b.add(
        "skills".into(),
        "Skills".into(),
        "skills",
        names.join("\n"),
        &Place::new(&s.src, line, "skills"),
    );
    if let Some(f) = b.fields.last_mut() {
        f.count = names.len();
        f.items = Some(names.clone());
        f.note = s.skills.note.clone();
    }
    b.add(
        "skills_comma".into(),
        "Skills, comma-separated".into(),
        "",
        names.join(", "),
        &Place::new(&s.src, line, "skills-comma"),
    );
}

/// The hourly rate (a specialized profile's own, else the general one), checked
/// against Upwork's currency and minimum.
fn hourly_rate(b: &mut Builder, site: &Site, sp: Option<&SpecializedProfile>, src: &str) {
    let (rate, rate_src) = match sp.and_then(|s| s.rate.as_ref()) {
        Some(rate) => (rate, src.to_string()),
        None => match &site.profile.rate {
            Some(rate) => (rate, site.profile.source.clone()),
            None => return,
        },
    };
    let line = b.sources.key_line(&rate_src, "hourly_rate");
    b.add(
        "hourly_rate".into(),
        format!("Hourly rate ({})", rate.currency),
        "",
        format!("{:.2}", rate.amount),
        &Place::new(&rate_src, line, "hourly-rate"),
    );
    if b.platform() != Platform::Upwork {
        return;
    }
    if rate.currency != "USD" {
        let d = Diagnostic::warning(format!(
            "hourly_rate is in {}; Upwork rates are in US dollars",
            rate.currency
        ))
        .with_help("convert it, or write `hourly_rate: {amount: 50, currency: USD}`");
        b.find(d, &rate_src, line);
    } else if rate.amount < platform::UPWORK_MIN_HOURLY_USD {
        let d = Diagnostic::error(format!(
            "hourly_rate is ${:.2}; Upwork's minimum is $3.00",
            rate.amount
        ))
        .with_help("source: https://support.upwork.com/hc/en-us/articles/211062988");
        b.find(d, &rate_src, line);
    }
}

/// The languages, one a line with their level. For Upwork, LinkedIn's levels
/// become Upwork's (the field's note says which) and the others are checked.
fn languages(b: &mut Builder, site: &Site) {
    let profile = &site.profile;
    if profile.languages.is_empty() {
        return;
    }
    let src = &profile.source;
    let upwork = b.platform() == Platform::Upwork;
    let mut lines = Vec::new();
    let mut mapped = Vec::new();
    for l in &profile.languages {
        let Some(level) = &l.level else {
            lines.push(l.name.clone());
            continue;
        };
        match platform::linkedin_level_on_upwork(level).filter(|_| upwork) {
            Some(on_upwork) => {
                lines.push(format!("{}: {on_upwork}", l.name));
                mapped.push(format!("{} {level} → {on_upwork}", l.name));
            }
            None => lines.push(format!("{}: {level}", l.name)),
        }
    }
    let line = b.sources.key_line(src, "languages");
    b.add(
        "languages".into(),
        "Languages".into(),
        "",
        lines.join("\n"),
        &Place::new(src, line, "languages"),
    );
    if !mapped.is_empty()
        && let Some(f) = b.fields.last_mut()
    {
        f.note = Some(format!(
            "LinkedIn's language levels in Upwork's terms: {}",
            mapped.join(", ")
        ));
    }
    if upwork {
        check_upwork_levels(b, site);
    }
}

/// A warning for each level that is neither Upwork's nor LinkedIn's.
fn check_upwork_levels(b: &mut Builder, site: &Site) {
    let src = &site.profile.source;
    for (i, l) in site.profile.languages.iter().enumerate() {
        if let Some(level) = &l.level
            && !platform::is_upwork_language_level(level)
            && platform::linkedin_level_on_upwork(level).is_none()
        {
            let line = b.sources.value_line(src, &format!("languages[{i}].level"));
            let d = Diagnostic::warning(format!(
                "language level `{level}` ({}) is not one of Upwork's levels",
                l.name
            ))
            .with_help(format!(
                "Upwork offers: {} (LinkedIn's levels are turned into these)",
                platform::UPWORK_LANGUAGE_LEVELS.join(", ")
            ));
            b.find(d, src, line);
        }
    }
}

/// One group of fields per job: company, title, location, period, description.
fn employment(b: &mut Builder, site: &Site) {
    let src = &site.profile.source;
    for (i, x) in site.profile.experience.iter().enumerate() {
        let n = i + 1;
        let file = format!("employment/{n:02}-{}", file_slug(&x.company));
        let line = b
            .sources
            .value_line(src, &format!("experience[{i}].company"));
        // In the language exported (`2021年3月 – 至今` with `--lang zh`).
        let period = format!(
            "{} – {}",
            x.start
                .as_ref()
                .map(|d| d.display.clone())
                .or_else(|| x.start_text.clone())
                .unwrap_or_default(),
            x.end
                .as_ref()
                .map(|d| d.display.clone())
                .or_else(|| x.end_text.clone())
                .unwrap_or_else(|| crate::date::ongoing(&site.lang).to_string())
        );
        let head = format!("Employment {n}");
        let at = Place::new(src, line, &file);
        let mut add = |key: &str, label: &str, rule: &'static str, text: String| {
            b.add(
                format!("employment.{n}.{key}"),
                format!("{head} · {label}"),
                rule,
                text,
                &at,
            );
        };
        add("company", "Company", "", x.company.clone());
        add("title", "Title", "employment_title", x.title.clone());
        if let Some(loc) = &x.location {
            add("location", "Location", "", loc.clone());
        }
        add("period", "Period", "", period);
        if let Some(d) = &x.description {
            let dline = b
                .sources
                .value_line(src, &format!("experience[{i}].description"));
            b.add(
                format!("employment.{n}.description"),
                format!("{head} · Description"),
                "employment_description",
                to_plain(d),
                &Place::new(src, dline, &file),
            );
        }
    }
}

/// One group of fields per school: school, degree, years.
fn education(b: &mut Builder, site: &Site) {
    let src = &site.profile.source;
    for (i, x) in site.profile.education.iter().enumerate() {
        let n = i + 1;
        let file = format!("education/{n:02}-{}", file_slug(&x.school));
        let line = b.sources.value_line(src, &format!("education[{i}].school"));
        let head = format!("Education {n}");
        let at = Place::new(src, line, &file);
        let dates = [x.start.as_ref(), x.end.as_ref()]
            .iter()
            .flatten()
            .map(|d| d.year.to_string())
            .collect::<Vec<_>>()
            .join(" – ");
        let mut add = |key: &str, label: &str, text: String| {
            b.add(
                format!("education.{n}.{key}"),
                format!("{head} · {label}"),
                "",
                text,
                &at,
            );
        };
        add("school", "School", x.school.clone());
        if let Some(d) = &x.degree {
            add("degree", "Degree", d.clone());
        }
        if !dates.is_empty() {
            add("dates", "Dates", dates);
        }
    }
}

/// The certifications, one a line: `NAME — ISSUER, DATE`.
fn certifications(b: &mut Builder, site: &Site) {
    let profile = &site.profile;
    if profile.certifications.is_empty() {
        return;
    }
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
    let line = b.sources.key_line(&profile.source, "certifications");
    b.add(
        "certifications".into(),
        "Certifications".into(),
        "",
        text,
        &Place::new(&profile.source, line, "certifications"),
    );
}

/// Portfolio item `n`: title, role, description, skills and the link to the
/// project's page (which must be a full URL).
fn portfolio_item(b: &mut Builder, n: usize, p: &Project) {
    let file = format!("portfolio/{n:02}-{}", p.slug);
    let head = format!("Portfolio {n}");
    let add = |b: &mut Builder,
               key: &str,
               label: &str,
               rule: &'static str,
               text: String,
               yaml_key: Option<&str>| {
        let line = yaml_key.and_then(|k| b.sources.key_line(&p.source, k));
        b.add(
            format!("portfolio.{n}.{key}"),
            format!("{head} · {label}"),
            rule,
            text,
            &Place::new(&p.source, line, &file),
        );
    };
    add(
        b,
        "title",
        "Title",
        "portfolio_title",
        p.title.clone(),
        Some("title"),
    );
    if let Some(role) = &p.role {
        add(
            b,
            "role",
            "Your role",
            "portfolio_role",
            role.clone(),
            Some("role"),
        );
    }
    let description = to_plain(&p.summary);
    add(
        b,
        "description",
        "Description",
        "portfolio_description",
        description,
        Some("summary"),
    );
    if !p.skills.is_empty() {
        let names: Vec<String> = p.skills.iter().map(|s| s.name.clone()).collect();
        add(b, "skills", "Skills", "", names.join(", "), Some("skills"));
    }
    add(b, "link", "Link", "", p.location.permalink.clone(), None);
    if let Some(f) = b.fields.last_mut() {
        // The project's own page on the portfolio site is the one link Upwork's portfolio takes.
        f.check_contact = false;
    }
    if !p.location.permalink.starts_with("http") {
        // One warning for all projects, at the `base_url:` that causes it.
        let config = crate::config::CONFIG_FILE;
        let line = b.sources.key_line(config, "base_url");
        let d = Diagnostic::warning("the links to project pages are not full URLs: `base_url` is not an https:// address")
            .in_file(config)
            .with_help("set `base_url:` in folio.yaml to the published address, e.g. https://ana.github.io/portfolio/");
        let d = match line {
            Some(l) => d.at(l, Some(1), Some(b.sources.text(config))),
            None => d,
        };
        if !b.findings.contains(&d) {
            b.findings.push(d);
        }
    }
}

fn file_slug(s: &str) -> String {
    let s = slugify(s);
    if s.is_empty() { "entry".into() } else { s }
}
