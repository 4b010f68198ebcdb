//! Whether the freelancer's work fits the post: each requirement's projects
//! ([`cover`]) and the profile's words ([`cover_by_profile`]), and the fit gate
//! ([`fit`]): the role, the requirements weighted by IDF, and the evidence of
//! the ranked projects.

use std::collections::BTreeSet;

use serde::Serialize;

use super::idf;
use super::rank::{Doc, Ranked};
use super::requirements::{LanguageNeed, Requirement};
use super::role::Role;
use super::synonyms::Thesaurus;
use crate::content::model::Profile;

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

/// Marks the requirements the profile itself shows (its title, overview,
/// declared skills and employment), so an imported profile whose projects
/// carry no skills is judged on what it says and has done.
pub fn cover_by_profile(reqs: &mut [Requirement], p: &Profile, text: &[String], t: &Thesaurus) {
    let set: BTreeSet<&String> = text.iter().collect();
    for r in reqs.iter_mut() {
        r.by_profile = match r.concept {
            Some(id) => {
                p.skills.iter().any(|s| t.lookup(&s.name) == Some(id)) || t.named_in(id, text)
            }
            None => !r.key.is_empty() && r.key.iter().all(|k| set.contains(k)),
        };
    }
}

/// Whether a requirement is shown by a project or by the profile.
pub fn shown(r: &Requirement) -> bool {
    !r.projects.is_empty() || r.by_profile
}

/// A project's evidence: its BM25 for the post, normalised to 0–1 (s / (s + 10)).
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub slug: String,
    pub score: f64,
}

/// Whether the freelancer's work fits the post, and why.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Fit {
    pub fits: bool,
    pub covered: usize,
    pub total: usize,
    pub verdict: String,
    /// The role the title asks for, and what shows it.
    pub roles: Vec<Role>,
    /// The requirements that say what the work is (not generic words).
    pub core: Vec<String>,
    /// Share of the requirements shown, each weighted by how specific it is (IDF).
    pub coverage: f64,
    /// The best projects' evidence, best first.
    pub evidence: Vec<Evidence>,
    /// The rule that decided: `language`, `role`, `core`, `generic`, `coverage`, `no skills` or `evidence`.
    pub rule: String,
}

/// BM25 normalised to 0–1: half at 10, where a project shares the post's main words.
fn normalised(s: f64) -> f64 {
    ((s / (s + 10.0)) * 100.0).round() / 100.0
}

/// The fit gate: a missing language or a role nothing shows declines; else the
/// requirements shown (weighted by IDF) and the best project's evidence decide.
pub fn fit(reqs: &[Requirement], langs: &[LanguageNeed], ranked: &[Ranked], roles: &[Role]) -> Fit {
    let weight: f64 = reqs.iter().map(|r| idf::weight(&r.name)).sum();
    let got: f64 = reqs
        .iter()
        .filter(|r| shown(r))
        .map(|r| idf::weight(&r.name))
        .sum();
    let coverage = if weight > 0.0 { got / weight } else { 0.0 };
    let evidence: Vec<Evidence> = ranked
        .iter()
        .take(3)
        .map(|r| Evidence {
            slug: r.slug.clone(),
            score: normalised(r.text_score),
        })
        .collect();
    let best = evidence.first().map_or(0.0, |e| e.score);
    let langs_met = langs.iter().filter(|l| l.met_by.is_some()).count();
    let mut f = Fit {
        covered: reqs.iter().filter(|r| shown(r)).count() + langs_met,
        total: reqs.len() + langs.len(),
        roles: roles.to_vec(),
        core: reqs
            .iter()
            .filter(|r| !idf::is_generic(&r.name))
            .map(|r| r.name.clone())
            .collect(),
        coverage: (coverage * 100.0).round() / 100.0,
        evidence,
        ..Fit::default()
    };
    let (fits, rule, why) = decide(reqs, langs, ranked.first(), roles, coverage, best);
    f.fits = fits;
    f.rule = rule.to_string();
    f.verdict = if fits {
        format!("fits: {why}")
    } else {
        format!("outside your work: {why}")
    };
    f
}

/// What decided the fit: whether it fits, the rule, and why.
type Decision = (bool, &'static str, String);

fn decide(
    reqs: &[Requirement],
    langs: &[LanguageNeed],
    top: Option<&Ranked>,
    roles: &[Role],
    coverage: f64,
    best: f64,
) -> Decision {
    let role = roles.iter().find(|r| r.shown_by.is_some());
    early(reqs, langs, top, roles, role).unwrap_or_else(|| by_evidence(reqs, role, coverage, best))
}

/// The decisions before any weighing: a language the profile lacks, a role
/// nothing shows, or a post that names no skill.
fn early(
    reqs: &[Requirement],
    langs: &[LanguageNeed],
    top: Option<&Ranked>,
    roles: &[Role],
    role: Option<&Role>,
) -> Option<Decision> {
    let missing: Vec<&str> = langs
        .iter()
        .filter(|l| l.met_by.is_none())
        .map(|l| l.name.as_str())
        .collect();
    if !missing.is_empty() {
        let why = format!(
            "the post asks for {}, which your profile's languages do not list",
            missing.join(", ")
        );
        return Some((false, "language", why));
    }
    if let (Some(r), None) = (roles.first(), role) {
        let why = format!(
            "the post wants a {}, and no project or your profile shows that work",
            r.name.to_lowercase()
        );
        return Some((false, "role", why));
    }
    if !reqs.is_empty() {
        return None;
    }
    Some(match top {
        Some(r) if r.matched.len() >= 4 && r.text_score >= 4.0 => (
            true,
            "no skills",
            format!(
                "fits by what the work was: {} shares {} words with the post (it names no skill)",
                r.slug,
                r.matched.len()
            ),
        ),
        _ => (
            false,
            "no skills",
            "the post names no skill your projects show, and no project describes similar work"
                .into(),
        ),
    })
}

/// Best evidence at which a project describes the same work as the post
/// (normalised BM25 0.7, a raw score of about 23: most of the post's own words).
const STRONG: f64 = 0.7;

/// The decision by the role, the requirements shown (weighted) and the best project's evidence.
fn by_evidence(reqs: &[Requirement], role: Option<&Role>, coverage: f64, best: f64) -> Decision {
    let pct = (coverage * 100.0).round();
    let specific = reqs.iter().any(|r| shown(r) && !idf::is_generic(&r.name));
    let core: Vec<&str> = reqs
        .iter()
        .filter(|r| !idf::is_generic(&r.name))
        .map(|r| r.name.as_str())
        .collect();
    // The specialised part of the job, none of it shown: the role and the
    // evidence then come from generic words ("writer", "documentation").
    let core_unshown = !specific && !core.is_empty();
    let by_role = role.map(|r| {
        format!(
            "{} (shown by {})",
            r.name,
            r.shown_by.as_deref().unwrap_or("")
        )
    });
    match by_role {
        Some(r) if coverage >= 0.3 || (best >= 0.5 && !core_unshown) => (
            true,
            "evidence",
            format!(
                "the role {r}, {pct}% of the requirements (weighted), best project evidence {best:.2}"
            ),
        ),
        Some(r) if core_unshown => (
            false,
            "core",
            format!(
                "the role {r} matches, but no project or your profile shows what the work is about ({}), only {pct}% of the requirements (weighted)",
                core.join(", ")
            ),
        ),
        None if coverage >= 0.5 && (specific || best >= 0.5) => (
            true,
            "coverage",
            format!(
                "your work shows {pct}% of the requirements (weighted by how specific they are)"
            ),
        ),
        None if specific && coverage >= 0.3 && best >= STRONG => (
            true,
            "evidence",
            format!(
                "your best project describes the same work (evidence {best:.2}) and shows what it is about; {pct}% of the requirements (weighted), the rest named honestly"
            ),
        ),
        _ => short(specific, best, pct),
    }
}

/// The declines when nothing above fits: only common words shared, or too little shown.
fn short(specific: bool, best: f64, pct: f64) -> Decision {
    if !specific && best < 0.5 {
        return (
            false,
            "generic",
            format!(
                "your work shares only common words with it ({pct}% of the requirements, weighted), not what the work is"
            ),
        );
    }
    (
        false,
        "coverage",
        format!(
            "your work shows only {pct}% of the requirements (weighted by how specific they are)"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(name: &str, shown_by: Option<&str>) -> Requirement {
        Requirement {
            name: name.into(),
            skill: None,
            projects: shown_by.into_iter().map(str::to_string).collect(),
            from: "skills".into(),
            by_profile: false,
            concept: None,
            key: Vec::new(),
        }
    }

    fn ranked(text_score: f64) -> Vec<Ranked> {
        vec![Ranked {
            slug: "guide".into(),
            title: "guide".into(),
            url: String::new(),
            score: text_score,
            text_score,
            matched: Vec::new(),
            reasons: Vec::new(),
        }]
    }

    fn writer() -> Vec<Role> {
        let mut roles = super::super::role::find("Zqxjvk Technical Writer");
        roles[0].shown_by = Some("guide".into());
        roles
    }

    /// Blind set: a writer got a letter for a regulatory post whose specialised
    /// requirements nothing showed, because "writer" and "documentation" gave
    /// the role and a best evidence of 0.57.
    #[test]
    fn the_role_alone_does_not_carry_a_specialised_job() {
        let (ev, role) = (ranked(15.0), writer());
        let unshown = [
            req("Writing", Some("guide")),
            req("Zqxjvk Compliance", None),
            req("Qwvrtp Audits", None),
        ];
        let f = fit(&unshown, &[], &ev, &role);
        assert!(!f.fits && f.rule == "core", "{f:?}");
        assert!(f.verdict.contains("Zqxjvk Compliance, Qwvrtp Audits"));
        let one_shown = [
            req("Writing", Some("guide")),
            req("Zqxjvk Compliance", Some("guide")),
            req("Qwvrtp Audits", None),
            req("Plokmn Filings", None),
        ];
        let f = fit(&one_shown, &[], &ev, &role);
        assert!(f.fits && f.rule == "evidence", "{f:?}");
    }

    /// Blind set: a post without a role whose best project describes the same
    /// work (evidence 0.85) was declined because its tools (3 of 5) were uncovered.
    #[test]
    fn strong_evidence_with_tools_uncovered_fits_without_a_role() {
        let reqs = [
            req("Zqxjvk", Some("guide")),
            req("Qwvrtp", None),
            req("Plokmn", None),
        ];
        let f = fit(&reqs, &[], &ranked(50.0), &[]);
        assert!(f.fits && f.rule == "evidence", "{f:?}");
        let f = fit(&reqs, &[], &ranked(15.0), &[]);
        assert!(!f.fits && f.rule == "coverage", "weaker evidence: {f:?}");
        let none_specific = [req("Writing", Some("guide")), req("Qwvrtp", None)];
        let f = fit(&none_specific, &[], &ranked(50.0), &[]);
        assert!(!f.fits, "nothing specific shown: {f:?}");
    }
}
