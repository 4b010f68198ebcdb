//! Whether the freelancer's work fits the post: each requirement's projects
//! ([`cover`]) and the fit gate ([`fit`]), judged on the ranked projects.

use serde::Serialize;

use super::rank::{Doc, Ranked};
use super::requirements::{LanguageNeed, Requirement, is_weak};
use super::synonyms::Thesaurus;

/// Fills each requirement's projects: those whose declared skills show it or
/// whose text names it (a name no skill knows: all its words in the text).
pub fn cover(reqs: &mut [Requirement], docs: &[Doc], order: &[String], t: &Thesaurus) {
    for r in reqs.iter_mut() {
        for slug in order {
            let Some(d) = docs.iter().find(|d| &d.project.slug == slug) else {
                continue;
            };
            let shows = match r.concept {
                Some(id) => {
                    d.project
                        .skills
                        .iter()
                        .any(|s| t.lookup(&s.name) == Some(id))
                        || t.named_in(id, &d.stems)
                }
                None => r.key.iter().all(|k| d.stem_set.contains(k)),
            };
            if shows && r.projects.len() < 3 {
                r.projects.push(slug.clone());
            }
        }
    }
}

/// Whether the freelancer's work fits the post, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Fit {
    pub fits: bool,
    pub covered: usize,
    pub total: usize,
    pub verdict: String,
}

/// The fit gate: judged against what the post needs (title, listed skills,
/// must sentences, languages). Common skills ([`is_weak`]) count half and never
/// carry a letter alone; a missing language is outside the work.
pub fn fit(
    reqs: &[Requirement],
    langs: &[LanguageNeed],
    top: Option<&Ranked>,
    t: &Thesaurus,
) -> Fit {
    let shown = |r: &&Requirement| !r.projects.is_empty();
    let shown_ref = |r: &&&Requirement| !r.projects.is_empty();
    let strong = reqs.iter().filter(shown).filter(|r| !is_weak(r, t)).count();
    let weak = reqs.iter().filter(shown).count() - strong;
    let langs_met = langs.iter().filter(|l| l.met_by.is_some()).count();
    let (covered, total) = (strong + weak + langs_met, reqs.len() + langs.len());
    let score = 2 * (strong + langs_met) + weak;
    let missing: Vec<&str> = langs
        .iter()
        .filter(|l| l.met_by.is_none())
        .map(|l| l.name.as_str())
        .collect();
    let title: Vec<&Requirement> = reqs.iter().filter(|r| r.from == "title").collect();
    let title_ok = title.is_empty() || 2 * title.iter().filter(shown_ref).count() >= title.len();
    let ratio_ok = score > total || (score == total && covered >= 2);
    let no = |why: String| (false, format!("outside your work: {why}"));
    let (fits, verdict) = if !missing.is_empty() {
        no(format!(
            "the post asks for {}, which your profile's languages do not list",
            missing.join(", ")
        ))
    } else if reqs.is_empty() {
        match top {
            Some(r) if r.matched.len() >= 4 && r.text_score >= 4.0 => (
                true,
                format!(
                    "fits by what the work was: {} shares {} words with the post (it names no skill)",
                    r.slug,
                    r.matched.len()
                ),
            ),
            _ => no(
                "the post names no skill your projects show, and no project describes similar work"
                    .into(),
            ),
        }
    } else if covered == 0 {
        no(match total {
            1 => "no project shows what the post requires".to_string(),
            _ => format!("none of the {total} requirements is shown by a project"),
        })
    } else if strong == 0 {
        no(format!(
            "your projects share only common skills with it ({weak} of {total}), not what the work is"
        ))
    } else if !title_ok || !ratio_ok {
        let title_note = if title_ok {
            ""
        } else {
            ", and not what the title asks for"
        };
        no(format!(
            "your projects show only {covered} of the {total} requirements{title_note}"
        ))
    } else {
        (
            true,
            format!("fits: your projects show {covered} of the {total} requirements"),
        )
    };
    Fit {
        fits,
        covered,
        total,
        verdict,
    }
}
