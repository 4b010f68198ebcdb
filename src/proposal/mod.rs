//! `folio proposal`: a cover letter for a job post, from the site's own
//! projects. Offline and deterministic, in steps: read the post ([`post`]),
//! find what it needs ([`requirements`], with [`synonyms`]), rank the projects
//! by what the work was ([`rank`]), choose the profile ([`profile`]), judge the
//! fit, answer the questions ([`questions`]), write the letter ([`letter`],
//! laid out by [`template`]) and assess the job ([`assess`]).

use serde::Serialize;

use crate::content::model::Site;
use crate::diagnostics::{Diagnostic, Error};

mod assess;
mod fit;
mod idf;
mod letter;
mod post;
mod profile;
mod questions;
mod rank;
mod report;
mod requirements;
mod role;
mod shown;
mod synonyms;
mod template;
mod terms;

pub use assess::Assessment;
pub use fit::Fit;
pub use post::{Facts, Instructions, Post};
pub use questions::Answer;
pub use rank::Ranked;
pub use report::report;
pub use requirements::{LanguageNeed, Requirement};
pub use shown::Shown;

/// Everything `folio proposal` produces.
#[derive(Debug, Clone, Serialize)]
pub struct Proposal {
    pub job_title: String,
    /// What was read from the post: description, skills, questions, facts, instructions.
    pub post: Post,
    pub requirements: Vec<Requirement>,
    pub languages: Vec<LanguageNeed>,
    pub profile: String,
    pub ranked: Vec<Ranked>,
    pub chosen: Vec<String>,
    pub fit: Fit,
    pub answers: Vec<Answer>,
    /// What the post asked that the letter could not do.
    pub flags: Vec<String>,
    /// Empty when the work does not fit the post (no pitch).
    pub letter: String,
    pub letter_chars: usize,
    pub letter_limit: usize,
    pub assessment: Assessment,
    pub findings: Vec<Diagnostic>,
}

/// Options of `folio proposal`.
#[derive(Debug, Clone, Default)]
pub struct ProposalOptions {
    pub profile: Option<String>,
    pub top: usize,
    /// A template to use instead of the theme's `proposal.txt`.
    pub template: Option<String>,
}

/// The site language to draft from for the post `text`: the language of
/// `languages` the post is written in, else the default (the first). The
/// post's language is `zh` when over 30 % of its letters are CJK (`ja` with
/// kana), else `en`; it matches a code or the code's first part (`zh-Hans`).
pub fn content_language(text: &str, languages: &[crate::config::Language]) -> Option<String> {
    let written = post::parse(text).language;
    let first_part = |code: &str| code.split(['-', '_']).next().unwrap_or("").to_string();
    languages
        .iter()
        .find(|l| first_part(&l.code) == written)
        .or(languages.first())
        .map(|l| l.code.clone())
}

/// Drafts a proposal for the job post `text` from `site`.
pub fn draft(
    site: &Site,
    theme: &crate::theme::Theme,
    text: &str,
    opts: &ProposalOptions,
) -> crate::Result<Proposal> {
    let post = post::parse(text);
    let thesaurus = synonyms::Thesaurus::new(site);
    let mut reqs = requirements::extract(&post, &thesaurus);
    let languages = requirements::languages(&post, &site.profile);
    let docs: Vec<rank::Doc> = site
        .projects
        .iter()
        .filter(|p| !p.draft)
        .map(|p| rank::Doc::new(p))
        .collect();
    let ranked = rank::rank(&docs, &post, &reqs, &thesaurus);
    let order: Vec<String> = ranked.iter().map(|r| r.slug.clone()).collect();
    fit::cover(&mut reqs, &docs, &order, &thesaurus);
    let mine = role::profile_text(&site.profile);
    fit::cover_by_profile(&mut reqs, &site.profile, &mine, &thesaurus);
    let mut roles = role::find(&post.title);
    role::judge(&mut roles, &docs, &order, &site.profile);
    let fit = fit::fit(&reqs, &languages, &ranked, &roles);
    let chosen = choose(&ranked, &reqs, &fit, opts.top);
    let specialized = profile::choose(site, opts.profile.as_deref(), &reqs, &chosen)?;
    let rate = profile::rate(site, specialized);
    let answers = if fit.fits {
        answer_all(site, &post, &docs, &reqs, &order, &chosen, rate)
    } else {
        Vec::new()
    };
    let input = template::Input {
        site,
        post: &post,
        reqs: &reqs,
        languages: &languages,
        docs: &docs,
        chosen: &chosen,
        specialized,
        answers: &answers,
    };
    let letter = if fit.fits {
        template::letter(&input, theme, opts.template.as_deref())?
    } else {
        String::new()
    };
    let limit = crate::export::limits(site, crate::platform::Platform::Upwork)?
        .max("cover_letter")
        .unwrap_or(5000);
    let letter_chars = letter.chars().count().max(letter.encode_utf16().count());
    let findings = template::check(&letter, letter_chars, limit, &input);
    let assessment = assess::assess(&post.facts, rate.map(|r| r.amount), &fit);
    Ok(Proposal {
        job_title: post.title.clone(),
        flags: template::flags(&input, &letter),
        requirements: reqs.clone(),
        languages: languages.clone(),
        profile: specialized.map_or("general".into(), |s| s.slug.clone()),
        ranked,
        chosen,
        fit,
        answers,
        letter,
        letter_chars,
        letter_limit: limit,
        assessment,
        findings,
        post,
    })
}

/// An answer for every question of the post.
fn answer_all(
    site: &Site,
    post: &Post,
    docs: &[rank::Doc],
    reqs: &[Requirement],
    order: &[String],
    chosen: &[String],
    rate: Option<&crate::content::model::RateView>,
) -> Vec<Answer> {
    let me = questions::Facts {
        rate: rate.map(|r| r.display.as_str()),
        availability: site.profile.availability.as_deref(),
        timezone: site.profile.timezone.as_deref(),
        location: site.profile.location.as_deref(),
    };
    let fitting: Vec<String> = order
        .iter()
        .filter(|s| reqs.iter().any(|r| r.projects.contains(s)) || chosen.contains(s))
        .cloned()
        .collect();
    post.questions
        .iter()
        .map(|q| questions::answer(q, post, docs, &fitting, &me))
        .collect()
}

/// The projects the letter shows: ranked, each showing a requirement, none when the work does not fit.
fn choose(ranked: &[Ranked], reqs: &[Requirement], fit: &Fit, top: usize) -> Vec<String> {
    if !fit.fits {
        return Vec::new();
    }
    let floor = ranked.first().map_or(0.0, |r| r.score * 0.2);
    let shown: Vec<String> = ranked
        .iter()
        .filter(|r| r.score > 0.0 && r.score >= floor)
        .filter(|r| reqs.is_empty() || reqs.iter().any(|q| q.projects.contains(&r.slug)))
        .take(top.clamp(1, 5))
        .map(|r| r.slug.clone())
        .collect();
    // Fits by the profile alone (projects without skills): the best-ranked
    // project still leads, if it has anything to do with the post.
    if shown.is_empty() {
        return ranked
            .iter()
            .take(1)
            .filter(|r| r.score > 0.0)
            .map(|r| r.slug.clone())
            .collect();
    }
    shown
}

/// The error for an unknown `--profile`.
fn no_such_profile(site: &Site, name: &str) -> Error {
    Error::single(
        Diagnostic::error(format!("there is no specialized profile `{name}`")).with_help(format!(
            "specialized profiles: {}",
            site.profiles
                .iter()
                .map(|p| p.slug.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::content_language;
    use super::post::parse;

    #[test]
    fn content_in_the_posts_language() {
        use crate::config::Language;
        let langs = [Language::new("en"), Language::new("zh-Hans")];
        let zh = "需要一名技术写作者\n为我们的开发者文档撰写中文教程，熟悉 Rust 优先。";
        assert_eq!(content_language(zh, &langs).as_deref(), Some("zh-Hans"));
        let en = "Technical writer needed\nWrite tutorials for our developer docs.";
        assert_eq!(content_language(en, &langs).as_deref(), Some("en"));
        // Japanese on a site without it: the default.
        let ja = "テクニカルライター募集\n開発者向けのドキュメントを書いてください。";
        assert_eq!(content_language(ja, &langs).as_deref(), Some("en"));
        let zh_first = [Language::new("zh"), Language::new("en")];
        assert_eq!(content_language(en, &zh_first).as_deref(), Some("en"));
    }
    use super::terms::{contains_phrase, stems};

    /// Ported from the single-file proposal module: the same posts, the same answers.
    #[test]
    fn mentions_words_not_parts() {
        let t = stems("We need a Rust developer and some JS; Node.js experience");
        assert!(contains_phrase(&t, &stems("rust")));
        assert!(contains_phrase(&t, &stems("js")));
        assert!(!contains_phrase(&t, &stems("go")));
        assert!(contains_phrase(
            &stems("技术写作和API文档"),
            &stems("技术写作")
        ));
    }

    /// Review finding: with nothing passing the filter, a project with score 0 led the letter.
    #[test]
    fn an_unrelated_project_never_leads() {
        let ranked = |slug: &str, score: f64| super::Ranked {
            slug: slug.into(),
            title: slug.into(),
            url: String::new(),
            score,
            text_score: score,
            matched: Vec::new(),
            reasons: Vec::new(),
        };
        let fit = super::Fit {
            fits: true,
            ..super::Fit::default()
        };
        let reqs = [];
        assert!(super::choose(&[ranked("unrelated", 0.0)], &reqs, &fit, 3).is_empty());
        let reqs = [super::Requirement {
            name: "Motion Design".into(),
            skill: None,
            projects: vec!["other".into()],
            from: "skills".into(),
            by_profile: true,
            concept: None,
            key: Vec::new(),
        }];
        assert_eq!(
            super::choose(&[ranked("related", 2.0)], &reqs, &fit, 3),
            ["related"],
            "a related project still leads when the profile alone shows the requirements"
        );
    }

    #[test]
    fn skills_section_is_read() {
        let post = "Title: Docs\n\nWe need docs.\n\nSkills and Expertise\nTechnical Writing\nAPI Documentation, Swagger\n\nMore text here.";
        assert_eq!(
            parse(post).skills,
            vec!["Technical Writing", "API Documentation", "Swagger"]
        );
        assert_eq!(parse("Skills: Rust, Tokio\n").skills, vec!["Rust", "Tokio"]);
    }
}
