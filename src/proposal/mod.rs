//! `folio proposal`: a cover letter for a job post, from the site's own
//! projects. Offline and deterministic: requirements are found by matching the
//! freelancer's skills (and a synonym table) in the post, projects are ranked
//! by what they share with it, and the letter is a Tera template.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::content::model::{Project, Site, SpecializedProfile};
use crate::diagnostics::{Diagnostic, Error};
use crate::plaintext::{is_cjk, tidy, to_plain};
use crate::slug::slugify;

mod post;
mod synonyms;
mod terms;

/// Ways job posts name skills, folded to one name. A site adds its own in
/// `folio.yaml` (`proposal: {synonyms: {JS: JavaScript}}`).
const SYNONYMS: &[(&str, &str)] = &[
    ("js", "JavaScript"),
    ("ts", "TypeScript"),
    ("golang", "Go"),
    ("k8s", "Kubernetes"),
    ("postgres", "PostgreSQL"),
    ("py", "Python"),
    ("tech writing", "Technical Writing"),
    ("technical writer", "Technical Writing"),
    ("technical documentation", "Technical Writing"),
    ("documentation writer", "Technical Writing"),
    ("api docs", "API Documentation"),
    ("api reference", "API Documentation"),
    ("docs-as-code", "Docs as Code"),
    ("docs as code", "Docs as Code"),
    ("copy writing", "Copywriting"),
    ("copywriter", "Copywriting"),
    ("command-line", "CLI Design"),
    ("command line", "CLI Design"),
    ("cli", "CLI Design"),
    ("rustlang", "Rust"),
    ("dx", "Developer Experience"),
    ("devrel", "Developer Experience"),
    ("developer relations", "Developer Experience"),
    ("技术写作", "Technical Writing"),
    ("技术文档", "Technical Writing"),
    ("api 文档", "API Documentation"),
    ("api文档", "API Documentation"),
    ("本地化", "中文本地化"),
    ("中文翻译", "中文本地化"),
    ("文案", "Copywriting"),
];

const STOPWORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "with",
    "you",
    "your",
    "our",
    "are",
    "will",
    "who",
    "can",
    "that",
    "this",
    "have",
    "has",
    "from",
    "our",
    "all",
    "any",
    "not",
    "but",
    "per",
    "job",
    "work",
    "need",
    "needs",
    "looking",
    "must",
    "should",
    "experience",
    "project",
    "projects",
    "we",
    "us",
    "a",
    "an",
    "to",
    "of",
    "in",
    "on",
    "is",
    "be",
    "or",
    "as",
    "at",
    "it",
    "by",
    "please",
    "skills",
    "expertise",
    "required",
    "hours",
    "hour",
    "week",
    "weeks",
    "month",
    "months",
    "budget",
    "fixed",
    "price",
    "hourly",
    "level",
    "intermediate",
    "expert",
    "entry",
    "posted",
    "ago",
    "more",
    "than",
    "less",
    "about",
    "would",
    "like",
    "also",
    "what",
    "how",
    "when",
    "their",
    "they",
    "them",
    "its",
    "into",
    "new",
    "good",
    "great",
    "strong",
    "years",
    "year",
    "help",
    "someone",
    "freelancer",
    "proposal",
    "include",
];

/// A requirement of the post and what covers it.
#[derive(Debug, Clone, Serialize)]
pub struct Requirement {
    pub name: String,
    /// The freelancer's skill it is, if any.
    pub skill: Option<String>,
    /// Slugs of the projects that show it.
    pub projects: Vec<String>,
}

/// A project ranked for the post.
#[derive(Debug, Clone, Serialize)]
pub struct Ranked {
    pub slug: String,
    pub title: String,
    pub url: String,
    pub score: f64,
    pub reasons: Vec<String>,
}

/// Everything `folio proposal` produces.
#[derive(Debug, Clone, Serialize)]
pub struct Proposal {
    pub job_title: String,
    pub requirements: Vec<Requirement>,
    pub terms: Vec<String>,
    pub profile: String,
    pub ranked: Vec<Ranked>,
    pub chosen: Vec<String>,
    pub letter: String,
    pub letter_chars: usize,
    pub letter_limit: usize,
    pub findings: Vec<Diagnostic>,
}

fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '+' || c == '#' {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    out.trim().to_string()
}

/// Whether `phrase` (normalized) occurs in `text` (normalized) as whole words
/// (CJK: anywhere), ignoring spaces and hyphens inside it ("node js" = "nodejs").
fn mentions(text: &str, compact: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    if phrase.chars().any(is_cjk) {
        return text.contains(phrase) || compact.contains(&phrase.replace(' ', ""));
    }
    let padded = format!(" {text} ");
    if padded.contains(&format!(" {phrase} ")) {
        return true;
    }
    let squeezed = phrase.replace(' ', "");
    squeezed.len() >= 5 && phrase.contains(' ') && format!(" {compact} ").contains(&squeezed)
}

/// Requirement names in a "Skills" section of a pasted post.
fn listed_skills(post: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_section = false;
    for line in post.lines() {
        let t = line.trim();
        let lower = t.to_lowercase();
        let header = lower.trim_end_matches(':');
        if [
            "skills and expertise",
            "skills",
            "required skills",
            "mandatory skills",
            "nice-to-have skills",
            "技能",
            "技能要求",
        ]
        .contains(&header)
            || lower.starts_with("skills:")
            || lower.starts_with("技能：")
        {
            in_section = true;
            if let Some((_, rest)) = t.split_once([':', '：']) {
                out.extend(
                    rest.split([',', '，', '、'])
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string),
                );
            }
            continue;
        }
        if in_section {
            if t.is_empty() {
                if !out.is_empty() {
                    in_section = false;
                }
                continue;
            }
            if t.len() > 60 || t.ends_with('.') {
                in_section = false;
                continue;
            }
            out.extend(
                t.trim_start_matches(['-', '•', '*', ' '])
                    .split([',', '，', '、'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            );
        }
    }
    out
}

/// The first line that reads like a title.
fn job_title(post: &str) -> String {
    post.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| {
            l.trim_start_matches("Title:")
                .trim()
                .chars()
                .take(120)
                .collect()
        })
        .unwrap_or_default()
}

/// A sentence of the summary that states a result (a number), else its first sentence.
fn result_of(p: &Project) -> String {
    let text = to_plain(&p.summary).replace('\n', " ");
    let sentences: Vec<&str> = text
        .split_inclusive(['.', '。', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let pick = sentences
        .iter()
        .find(|s| s.chars().any(|c| c.is_ascii_digit()))
        .or(sentences.first())
        .copied()
        .unwrap_or(&text);
    let mut r = pick.trim().trim_end_matches(';').to_string();
    if let Some(f) = r.get(..1) {
        r = f.to_lowercase() + &r[1..];
    }
    if !r.ends_with(['.', '。']) {
        r.push('.');
    }
    r
}

/// Options of `folio proposal`.
#[derive(Debug, Clone, Default)]
pub struct ProposalOptions {
    pub profile: Option<String>,
    pub top: usize,
    /// A template to use instead of the theme's `proposal.txt`.
    pub template: Option<String>,
}

/// Drafts a proposal for `post` from `site`.
pub fn draft(
    site: &Site,
    theme: &crate::theme::Theme,
    post: &str,
    opts: &ProposalOptions,
) -> Result<Proposal, Error> {
    let text = norm(post);
    let compact = text.replace(' ', "");

    // Skill name (as the freelancer writes it) by every way of writing it.
    let mut aliases: Vec<(String, String)> = Vec::new();
    for s in &site.skills {
        aliases.push((norm(&s.name), s.name.clone()));
    }
    let skill_by_slug: BTreeMap<String, String> = site
        .skills
        .iter()
        .map(|s| (s.slug.clone(), s.name.clone()))
        .collect();
    let extra = site
        .config
        .proposal
        .synonyms
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()));
    for (alias, canonical) in SYNONYMS.iter().copied().chain(extra) {
        if let Some(name) = skill_by_slug.get(&slugify(canonical)) {
            aliases.push((norm(alias), name.clone()));
        }
    }

    // Requirements: the freelancer's skills the post names, and the post's own skills list.
    let mut requirements: Vec<Requirement> = Vec::new();
    let add = |name: String, skill: Option<String>, reqs: &mut Vec<Requirement>| {
        let key = skill.clone().unwrap_or_else(|| name.clone());
        if !reqs
            .iter()
            .any(|r| r.skill.as_deref().unwrap_or(&r.name) == key || norm(&r.name) == norm(&name))
        {
            reqs.push(Requirement {
                name,
                skill,
                projects: Vec::new(),
            });
        }
    };
    for listed in listed_skills(post) {
        let n = norm(&listed);
        let skill = aliases
            .iter()
            .find(|(a, _)| *a == n || (!a.is_empty() && mentions(&n, &n.replace(' ', ""), a)))
            .map(|(_, s)| s.clone());
        add(listed, skill, &mut requirements);
    }
    for (alias, skill) in &aliases {
        if mentions(&text, &compact, alias) {
            add(skill.clone(), Some(skill.clone()), &mut requirements);
        }
    }

    // Salient terms: frequent words of the post that are not filler.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for w in text.split(' ') {
        let n = w.chars().count();
        let cjk = w.chars().any(is_cjk);
        if n >= 4
            && (!cjk || n <= 6)
            && !STOPWORDS.contains(&w)
            && !w.chars().all(|c| c.is_ascii_digit())
        {
            *counts.entry(w).or_default() += 1;
        }
    }
    let mut terms: Vec<(&str, usize)> = counts.into_iter().collect();
    terms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let terms: Vec<String> = terms
        .into_iter()
        .take(12)
        .map(|(w, _)| w.to_string())
        .collect();

    // The profile: the one asked for, else the specialized one that covers most requirements.
    let wanted: BTreeSet<&str> = requirements
        .iter()
        .filter_map(|r| r.skill.as_deref())
        .collect();
    let specialized: Option<&SpecializedProfile> = match &opts.profile {
        Some(name) => Some(
            site.profiles
                .iter()
                .find(|p| p.slug == *name || p.slug == slugify(name))
                .ok_or_else(|| {
                    Error::single(
                        Diagnostic::error(format!("there is no specialized profile `{name}`"))
                            .with_help(format!(
                                "specialized profiles: {}",
                                site.profiles
                                    .iter()
                                    .map(|p| p.slug.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )),
                    )
                })?,
        ),
        None => site
            .profiles
            .iter()
            .map(|p| {
                (
                    p.skills
                        .iter()
                        .filter(|s| wanted.contains(s.name.as_str()))
                        .count(),
                    p,
                )
            })
            .filter(|(n, _)| *n > 0)
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.slug.cmp(&a.1.slug)))
            .map(|(_, p)| p),
    };

    // Rank the projects.
    let newest = site
        .projects
        .iter()
        .map(|p| p.date_raw.year)
        .max()
        .unwrap_or(0);
    let mut ranked: Vec<(f64, &Project, Vec<String>)> = site
        .projects
        .iter()
        .map(|p| {
            let mut score = 0.0;
            let mut reasons = Vec::new();
            let shared: Vec<&str> = p
                .skills
                .iter()
                .map(|s| s.name.as_str())
                .filter(|s| wanted.contains(s))
                .collect();
            if !shared.is_empty() {
                score += 3.0 * shared.len() as f64;
                reasons.push(format!("shares skills: {}", shared.join(", ")));
            }
            let title = norm(&p.title);
            let summary = norm(&p.summary);
            let body = norm(&p.body);
            let mut hits = Vec::new();
            for t in &terms {
                let (tc, sc, bc) = (
                    mentions(&title, "", t),
                    mentions(&summary, "", t),
                    mentions(&body, "", t),
                );
                let w = 1.0 * f64::from(u8::from(tc))
                    + 0.6 * f64::from(u8::from(sc))
                    + 0.3 * f64::from(u8::from(bc));
                if w > 0.0 {
                    score += w;
                    hits.push(t.as_str());
                }
            }
            if !hits.is_empty() {
                reasons.push(format!("mentions: {}", hits.join(", ")));
            }
            if score > 0.0 {
                let age = newest.saturating_sub(p.date_raw.year) as f64;
                score += (1.0 - age / 10.0).max(0.0) * 0.5;
                if p.featured {
                    score += 0.5;
                    reasons.push("featured".into());
                }
            }
            (score, &**p, reasons)
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.date_raw.sort_key().cmp(&a.1.date_raw.sort_key()))
            .then(a.1.slug.cmp(&b.1.slug))
    });
    let top = opts.top.clamp(1, 5);
    // Only projects that show a required skill are proof; words alone rank, not qualify.
    let chosen: Vec<&Project> = ranked
        .iter()
        .filter(|(_, p, _)| p.skills.iter().any(|s| wanted.contains(s.name.as_str())))
        .take(top)
        .map(|(_, p, _)| *p)
        .collect();

    for r in &mut requirements {
        if let Some(skill) = &r.skill {
            for p in chosen.iter().chain(ranked.iter().map(|(_, p, _)| p)) {
                if r.projects.len() < 3
                    && p.skills.iter().any(|s| &s.name == skill)
                    && !r.projects.contains(&p.slug)
                {
                    r.projects.push(p.slug.clone());
                }
            }
        }
    }
    let covered: Vec<String> = requirements
        .iter()
        .filter(|r| !r.projects.is_empty())
        .map(|r| r.name.clone())
        .collect();
    let uncovered: Vec<String> = requirements
        .iter()
        .filter(|r| r.projects.is_empty())
        .map(|r| r.name.clone())
        .collect();

    // A question that shows the post was read: one of its own, else about its main term.
    let question = post
        .lines()
        .map(str::trim)
        .find(|l| (l.ends_with('?') || l.ends_with('？')) && l.chars().count() > 12 && l.chars().count() < 200)
        .map(|q| format!("You asked: \"{}\" I would be glad to answer that on a short call; could you also tell me what a great result looks like for you?", q.trim_start_matches(['-', '•', '*', ' ', '1', '2', '3', '.'])))
        .unwrap_or_else(|| match requirements.first().map(|r| r.name.as_str()).or(terms.first().map(String::as_str)) {
            Some(t) => format!("One question: what matters most to you in the {t} part, and is there an example you like?"),
            None => "One question: what would a great result look like for you?".to_string(),
        });

    let need = match (covered.as_slice(), requirements.first()) {
        ([], Some(r)) => r.name.clone(),
        ([], None) => {
            let t = job_title(post);
            if t.is_empty() {
                "help with this project".into()
            } else {
                t
            }
        }
        ([one], _) => one.clone(),
        (many, _) => format!(
            "{} and {}",
            many[..many.len() - 1].join(", "),
            many[many.len() - 1]
        ),
    };
    #[derive(Serialize)]
    struct LetterProject {
        title: String,
        url: String,
        client: Option<String>,
        role: Option<String>,
        summary: String,
        result: String,
        skills: Vec<String>,
    }
    let letter_projects: Vec<LetterProject> = chosen
        .iter()
        .map(|p| LetterProject {
            title: p.title.clone(),
            url: p.location.permalink.clone(),
            client: p.client.clone(),
            role: p.role.clone(),
            summary: to_plain(&p.summary),
            result: result_of(p),
            skills: p.skills.iter().map(|s| s.name.clone()).collect(),
        })
        .collect();
    let rate = specialized
        .and_then(|s| s.hourly_rate.as_ref())
        .or(site.profile.hourly_rate.as_ref())
        .map(|r| r.display.clone());
    let headline = specialized.map_or(site.profile.title.clone(), |s| s.title.clone());

    let mut ctx = tera::Context::new();
    ctx.insert(
        "job",
        &serde_json::json!({
            "title": job_title(post),
            "need": need,
            "requirements": requirements.iter().map(|r| r.name.clone()).collect::<Vec<_>>(),
            "covered": covered,
            "uncovered": uncovered,
            "question": question,
        }),
    );
    ctx.insert("profile", &site.profile);
    ctx.insert("specialized", &specialized);
    ctx.insert("headline", &headline);
    ctx.insert("projects", &letter_projects);
    ctx.insert("availability", &site.profile.availability);
    ctx.insert("rate", &rate);
    let (name, source) = match &opts.template {
        Some(t) => ("proposal-template.txt".to_string(), t.clone()),
        None => {
            let file = theme.templates.get("proposal.txt").ok_or_else(|| {
                Error::single(
                    Diagnostic::error("the theme has no template `proposal.txt`")
                        .with_help("add templates/proposal.txt to the site"),
                )
            })?;
            let bytes = file
                .bytes()
                .map_err(|e| Error::msg(format!("cannot read {}: {e}", file.display)))?;
            (
                file.display.clone(),
                String::from_utf8_lossy(&bytes).into_owned(),
            )
        }
    };
    let mut tera = tera::Tera::new();
    tera.add_raw_template(&name, &source)
        .map_err(|e| Error::single(crate::render::template_error(&e, theme)))?;
    let raw = tera
        .render(&name, &ctx)
        .map_err(|e| Error::single(crate::render::template_error(&e, theme)))?;
    // No trailing spaces, at most one blank line in a row.
    let letter = tidy(&raw) + "\n";

    // The same rules as the Upwork export.
    let limits = crate::export::limits(site, crate::platform::Platform::Upwork)?;
    let limit = limits.max("cover_letter").unwrap_or(5000);
    let chars = letter.chars().count().max(letter.encode_utf16().count());
    let mut findings = Vec::new();
    if chars > limit {
        findings.push(
            Diagnostic::error(format!(
                "the letter is {chars} characters; Upwork allows {limit}"
            ))
            .with_help("use --top 2, or shorten the template"),
        );
    }
    let own_links: Vec<&str> = letter_projects.iter().map(|p| p.url.as_str()).collect();
    for found in crate::contact::find(&letter) {
        if found.kind == crate::contact::Kind::Link
            && own_links
                .iter()
                .any(|u| u.starts_with(&found.text) || found.text.starts_with(u))
        {
            continue;
        }
        findings.push(
            Diagnostic::error(format!(
                "the letter contains {}: `{}`; Upwork forbids contact details before a contract",
                found.kind.describe(),
                found.text
            ))
            .with_help("remove it from the template or the project text"),
        );
    }

    Ok(Proposal {
        job_title: job_title(post),
        terms,
        profile: specialized.map_or("general".into(), |s| s.slug.clone()),
        ranked: ranked
            .iter()
            .map(|(score, p, reasons)| Ranked {
                slug: p.slug.clone(),
                title: p.title.clone(),
                url: p.location.permalink.clone(),
                score: (score * 100.0).round() / 100.0,
                reasons: reasons.clone(),
            })
            .collect(),
        chosen: chosen.iter().map(|p| p.slug.clone()).collect(),
        requirements,
        letter_chars: chars,
        letter_limit: limit,
        letter,
        findings,
    })
}

/// The report printed after the letter.
pub fn report(p: &Proposal) -> String {
    let mut out = String::from("── Report (not part of the letter) ──\n");
    out.push_str(&format!("Profile: {}\n", p.profile));
    out.push_str("Requirements:\n");
    if p.requirements.is_empty() {
        out.push_str("  (none recognised: the post names none of your skills)\n");
    }
    for r in &p.requirements {
        if r.projects.is_empty() {
            out.push_str(&format!(
                "  ✗ {}: no project shows it; say so honestly\n",
                r.name
            ));
        } else {
            out.push_str(&format!("  ✓ {}: {}\n", r.name, r.projects.join(", ")));
        }
    }
    out.push_str("Projects chosen:\n");
    for r in p.ranked.iter().filter(|r| p.chosen.contains(&r.slug)) {
        out.push_str(&format!(
            "  {} (score {}): {}\n",
            r.slug,
            r.score,
            r.reasons.join("; ")
        ));
    }
    if p.chosen.is_empty() {
        out.push_str("  none: no project matches this post\n");
    }
    out.push_str(&format!(
        "Letter: {}/{} characters (Upwork's limit)\n",
        p.letter_chars, p.letter_limit
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_words_not_parts() {
        let t = norm("We need a Rust developer and some JS; Node.js experience");
        let c = t.replace(' ', "");
        assert!(mentions(&t, &c, "rust"));
        assert!(mentions(&t, &c, "js"));
        assert!(!mentions(&t, &c, "go"));
        assert!(mentions(&norm("技术写作和API文档"), "", &norm("技术写作")));
    }

    #[test]
    fn skills_section_is_read() {
        let post = "Title: Docs\n\nWe need docs.\n\nSkills and Expertise\nTechnical Writing\nAPI Documentation, Swagger\n\nMore text here.";
        assert_eq!(
            listed_skills(post),
            vec!["Technical Writing", "API Documentation", "Swagger"]
        );
        assert_eq!(
            listed_skills("Skills: Rust, Tokio\n"),
            vec!["Rust", "Tokio"]
        );
    }
}
