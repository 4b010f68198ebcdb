//! Laying the letter out through the theme's `proposal.txt` (or `--template`),
//! then the rules it must pass: Upwork's length limit and no contact details.

use serde::Serialize;

use super::letter::{self, Context};
use super::post::Post;
use super::questions::Answer;
use super::rank::Doc;
use super::requirements::{LanguageNeed, Requirement};
use super::shown::{self, Shown};
use crate::content::model::{Site, SpecializedProfile};
use crate::diagnostics::{Diagnostic, Error};
use crate::plaintext::{tidy, to_plain};

/// What the letter is made from.
pub struct Input<'a> {
    pub site: &'a Site,
    pub post: &'a Post,
    pub reqs: &'a [Requirement],
    pub languages: &'a [LanguageNeed],
    pub docs: &'a [Doc<'a>],
    pub chosen: &'a [String],
    pub specialized: Option<&'a SpecializedProfile>,
    pub answers: &'a [Answer],
}

/// A chosen project as templates written for earlier versions see it.
#[derive(Serialize)]
struct LetterProject {
    title: String,
    url: String,
    link: String,
    client: Option<String>,
    role: Option<String>,
    summary: String,
    result: String,
    skills: Vec<String>,
}

fn shown_projects(i: &Input) -> Vec<(Shown, LetterProject)> {
    let code = i.post.instructions.code;
    i.chosen
        .iter()
        .filter_map(|slug| i.docs.iter().find(|d| &d.project.slug == slug))
        .map(|d| {
            let p = d.project;
            let s = shown::shown(p, &i.post.language, code);
            let lp = LetterProject {
                title: p.title.clone(),
                url: p.location.permalink.clone(),
                link: s.link.clone(),
                client: p.client.clone(),
                role: p.role.clone(),
                summary: to_plain(&p.summary),
                result: s.what.clone(),
                skills: p.skills.iter().map(|s| s.name.clone()).collect(),
            };
            (s, lp)
        })
        .collect()
}

fn context(i: &Input) -> tera::Context {
    let covered: Vec<String> = i
        .reqs
        .iter()
        .filter(|r| super::fit::shown(r))
        .map(|r| r.name.clone())
        .collect();
    let uncovered: Vec<String> = i
        .reqs
        .iter()
        .filter(|r| !super::fit::shown(r))
        .map(|r| r.name.clone())
        .collect();
    let exact = uncovered.is_empty()
        && !covered.is_empty()
        && i.languages.iter().all(|l| l.met_by.is_some());
    let rate = super::profile::rate(i.site, i.specialized).map(|r| r.display.clone());
    let headline = i
        .specialized
        .map_or(i.site.profile.title.clone(), |s| s.title.clone());
    let (work, legacy): (Vec<Shown>, Vec<LetterProject>) = shown_projects(i).into_iter().unzip();
    let c = Context {
        post: i.post,
        covered: covered.clone(),
        uncovered: uncovered.clone(),
        exact,
        rate: rate.clone(),
        availability: i.site.profile.availability.clone(),
    };
    let parts = letter::parts(&c, work, i.answers.to_vec());
    let mut ctx = tera::Context::new();
    ctx.insert(
        "job",
        &serde_json::json!({
            "title": i.post.title,
            "need": letter::list(&covered, &i.post.language),
            "requirements": i.reqs.iter().map(|r| r.name.clone()).collect::<Vec<_>>(),
            "covered": covered,
            "uncovered": uncovered,
            "question": i.answers.first().map(|a| format!("{} {}", a.question, a.answer)),
            "language": i.post.language,
        }),
    );
    ctx.insert("letter", &parts);
    ctx.insert("profile", &i.site.profile);
    ctx.insert("specialized", &i.specialized);
    ctx.insert("headline", &headline);
    ctx.insert("projects", &legacy);
    ctx.insert("availability", &i.site.profile.availability);
    ctx.insert("rate", &rate);
    ctx
}

/// The template's name and text: `--template`, else the theme's `proposal.txt`.
fn source(theme: &crate::theme::Theme, given: Option<&str>) -> crate::Result<(String, String)> {
    if let Some(t) = given {
        return Ok(("proposal-template.txt".to_string(), t.to_string()));
    }
    let file = theme.templates.get("proposal.txt").ok_or_else(|| {
        Error::single(
            Diagnostic::error("the theme has no template `proposal.txt`")
                .with_help("add templates/proposal.txt to the site"),
        )
    })?;
    let bytes = file
        .bytes()
        .map_err(|e| Error::io("cannot read", std::path::Path::new(&file.display), e))?;
    Ok((
        file.display.clone(),
        String::from_utf8_lossy(&bytes).into_owned(),
    ))
}

/// The letter, laid out, starting with the words the post asks for.
pub fn letter(
    i: &Input,
    theme: &crate::theme::Theme,
    given: Option<&str>,
) -> crate::Result<String> {
    let (name, text) = source(theme, given)?;
    let mut tera = tera::Tera::new();
    tera.add_raw_template(&name, &text)
        .map_err(|e| Error::template(crate::render::template_error(&e, theme)))?;
    let raw = tera
        .render(&name, &context(i))
        .map_err(|e| Error::template(crate::render::template_error(&e, theme)))?;
    let mut out = tidy(&raw).trim_start().to_string() + "\n";
    if let Some(first) = &i.post.instructions.first_words
        && !out.starts_with(first.as_str())
    {
        out = format!("{first}\n\n{out}");
    }
    Ok(out)
}

/// Upwork's rules: the length limit, and no contact details but the projects' own links.
pub fn check(letter: &str, chars: usize, limit: usize, i: &Input) -> Vec<Diagnostic> {
    let mut findings = Vec::new();
    if chars > limit {
        findings.push(
            Diagnostic::error(format!(
                "the letter is {chars} characters; Upwork allows {limit}"
            ))
            .with_help("use --top 2, or shorten the template"),
        );
    }
    // The freelancer's own work: the projects shown, and any project a
    // screening answer cites (its page on the site, or its source link).
    let own: Vec<String> = shown_projects(i)
        .into_iter()
        .flat_map(|(s, _)| [Some(s.permalink), s.source])
        .flatten()
        .chain(i.docs.iter().map(|d| d.project.location.permalink.clone()))
        .collect();
    for found in crate::contact::find(letter) {
        if found.kind == crate::contact::Kind::Link
            && own
                .iter()
                .any(|u| u.starts_with(&found.text) || found.text.starts_with(u.as_str()))
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
    findings
}

/// What the post asked that the letter does not do.
pub fn flags(i: &Input, letter: &str) -> Vec<String> {
    let mut out = Vec::new();
    let ins = &i.post.instructions;
    if letter.is_empty() {
        return out;
    }
    if !["en", "zh"].contains(&i.post.language.as_str()) {
        out.push(format!(
            "the post is in `{}`; folio writes letters in English and Chinese only, so this one is in English",
            i.post.language
        ));
    }
    if let Some(n) = ins.samples.filter(|&n| n > i.chosen.len()) {
        out.push(format!("the post asks for {n} samples; the letter shows {} (add more projects or attach samples)", i.chosen.len()));
    }
    let sources = shown_projects(i)
        .iter()
        .filter(|(s, _)| s.source.is_some())
        .count();
    if ins.code && sources == 0 {
        out.push("the post asks for code; no chosen project has a source link (add `links: {Source code: URL}` to the project)".into());
    }
    for (n, a) in i.answers.iter().enumerate() {
        if a.kind == "placeholder" {
            out.push(format!(
                "question {} needs your own answer: replace the placeholder in the letter",
                n + 1
            ));
        }
    }
    out
}
