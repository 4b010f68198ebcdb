//! Ranking projects by what the work was: BM25 over each project's title,
//! summary, role, client, skills and body (English stems; character bigrams
//! for CJK), plus the post's requirements its declared skills show, with
//! `featured` as a tie-breaker. Every score comes with its reasons.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::post::Post;
use super::requirements::Requirement;
use super::synonyms::Thesaurus;
use super::terms::{index_terms, stems};
use crate::content::model::Project;
use crate::plaintext::to_plain;

const K1: f64 = 1.2;
const B: f64 = 0.75;
/// Points for each requirement a project's declared skills show.
const SKILL_POINTS: f64 = 2.0;
const FEATURED_POINTS: f64 = 0.05;

/// A project ranked for the post.
#[derive(Debug, Clone, Serialize)]
pub struct Ranked {
    pub slug: String,
    pub title: String,
    pub url: String,
    pub score: f64,
    /// The BM25 part of the score.
    pub text_score: f64,
    /// The post's words this project's text shares, best first.
    pub matched: Vec<String>,
    pub reasons: Vec<String>,
}

/// One project as the ranking sees it.
pub struct Doc<'a> {
    pub project: &'a Project,
    /// Weighted term counts.
    tf: BTreeMap<String, f64>,
    len: f64,
    /// Stems of all its text, in order (for phrase look-ups).
    pub stems: Vec<String>,
    pub stem_set: BTreeSet<String>,
}

/// Text of the `summary_en`-style alternatives in the project's front matter.
pub fn extra_summaries(p: &Project) -> String {
    p.extra
        .iter()
        .filter(|(k, _)| k.starts_with("summary_"))
        .filter_map(|(_, v)| v.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

impl<'a> Doc<'a> {
    pub fn new(p: &'a Project) -> Doc<'a> {
        let skills: Vec<&str> = p.skills.iter().map(|s| s.name.as_str()).collect();
        let body = to_plain(&p.body);
        let summary = format!("{}\n{}", to_plain(&p.summary), extra_summaries(p));
        let fields: [(&str, f64); 6] = [
            (&p.title, 3.0),
            (&summary, 2.0),
            (&skills.join(", "), 2.0),
            (p.role.as_deref().unwrap_or(""), 1.0),
            (p.client.as_deref().unwrap_or(""), 1.0),
            (&body, 1.0),
        ];
        let mut tf: BTreeMap<String, f64> = BTreeMap::new();
        let mut len = 0.0;
        let mut all = Vec::new();
        for (text, w) in fields {
            for t in index_terms(text) {
                *tf.entry(t).or_default() += w;
                len += w;
            }
            all.extend(stems(text));
            all.push(String::new());
        }
        let stem_set = all.iter().cloned().collect();
        Doc {
            project: p,
            tf,
            len,
            stems: all,
            stem_set,
        }
    }
}

/// The query: the post's title (twice), description and requirement names.
fn query(post: &Post, reqs: &[Requirement]) -> BTreeMap<String, f64> {
    let mut q: BTreeMap<String, f64> = BTreeMap::new();
    let names: Vec<&str> = reqs.iter().map(|r| r.name.as_str()).collect();
    for (text, w) in [
        (post.title.as_str(), 2.0),
        (post.description.as_str(), 1.0),
        (&names.join(", "), 1.0),
    ] {
        for t in index_terms(text) {
            *q.entry(t).or_default() += w;
        }
    }
    q.values_mut().for_each(|v| *v = v.min(3.0));
    q
}

/// BM25 of each doc for the query, with the terms that scored.
fn bm25(docs: &[Doc], q: &BTreeMap<String, f64>) -> Vec<(f64, Vec<(String, f64)>)> {
    let n = docs.len() as f64;
    let avg = (docs.iter().map(|d| d.len).sum::<f64>() / n.max(1.0)).max(1.0);
    docs.iter()
        .map(|d| {
            let mut parts: Vec<(String, f64)> = Vec::new();
            for (term, qw) in q {
                let Some(&tf) = d.tf.get(term) else { continue };
                let df = docs.iter().filter(|o| o.tf.contains_key(term)).count() as f64;
                let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
                let s = idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * d.len / avg)) * qw;
                parts.push((term.clone(), s));
            }
            parts.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            (parts.iter().map(|p| p.1).sum(), parts)
        })
        .collect()
}

/// The requirements a project's declared skills show.
pub fn shared_skills<'p>(p: &'p Project, reqs: &[Requirement], t: &Thesaurus) -> Vec<&'p str> {
    p.skills
        .iter()
        .filter(|s| {
            let c = t.lookup(&s.name);
            reqs.iter().any(|r| {
                (c.is_some() && r.concept == c) || r.skill.as_deref() == Some(s.name.as_str())
            })
        })
        .map(|s| s.name.as_str())
        .collect()
}

/// Ranks the projects, best first.
pub fn rank(docs: &[Doc], post: &Post, reqs: &[Requirement], t: &Thesaurus) -> Vec<Ranked> {
    let q = query(post, reqs);
    let scores = bm25(docs, &q);
    let mut out: Vec<(Ranked, &Project)> = docs
        .iter()
        .zip(scores)
        .map(|(d, (text, parts))| {
            let p = d.project;
            let shared = shared_skills(p, reqs, t);
            let mut reasons = Vec::new();
            if !shared.is_empty() {
                reasons.push(format!(
                    "shares skills: {} (+{})",
                    shared.join(", "),
                    SKILL_POINTS * shared.len() as f64
                ));
            }
            if text > 0.0 {
                let top: Vec<String> = parts
                    .iter()
                    .take(6)
                    .map(|(w, s)| format!("{w} {s:.1}"))
                    .collect();
                reasons.push(format!("text (BM25) {text:.2}: {}", top.join(", ")));
            }
            let mut score = text + SKILL_POINTS * shared.len() as f64;
            if p.featured && score > 0.0 {
                score += FEATURED_POINTS;
                reasons.push(format!("featured (+{FEATURED_POINTS})"));
            }
            let ranked = Ranked {
                slug: p.slug.clone(),
                title: p.title.clone(),
                url: p.location.permalink.clone(),
                score: (score * 100.0).round() / 100.0,
                text_score: (text * 100.0).round() / 100.0,
                matched: parts.into_iter().map(|(w, _)| w).collect(),
                reasons,
            };
            (ranked, p)
        })
        .collect();
    out.sort_by(|a, b| {
        b.0.score
            .total_cmp(&a.0.score)
            .then(
                b.1.date_raw
                    .map(|d| d.sort_key())
                    .cmp(&a.1.date_raw.map(|d| d.sort_key())),
            )
            .then(a.0.slug.cmp(&b.0.slug))
    });
    out.into_iter().map(|(r, _)| r).collect()
}

/// The project that answers `text` best among `among` (slugs, best first):
/// its BM25 for the text, plus (when `rank_counts`) its rank for the post, both
/// relative to the best; with its BM25 and how many of the text's words it shares.
pub fn best_for<'a>(
    docs: &'a [Doc],
    text: &str,
    among: &[String],
    rank_counts: bool,
) -> Option<(&'a Project, f64, usize)> {
    let mut q: BTreeMap<String, f64> = BTreeMap::new();
    for t in index_terms(text) {
        *q.entry(t).or_default() += 1.0;
    }
    let scores = bm25(docs, &q);
    let top = scores
        .iter()
        .map(|s| s.0)
        .fold(0.0, f64::max)
        .max(f64::EPSILON);
    let n = among.len().max(1) as f64;
    among
        .iter()
        .enumerate()
        .filter_map(|(i, slug)| {
            let at = docs.iter().position(|d| &d.project.slug == slug)?;
            let (s, parts) = &scores[at];
            let by_rank = if rank_counts { 1.0 - i as f64 / n } else { 0.0 };
            Some((docs[at].project, *s, parts.len(), s / top + by_rank))
        })
        .filter(|c| c.1 > 0.0 || rank_counts)
        .max_by(|a, b| a.3.total_cmp(&b.3).then(b.0.slug.cmp(&a.0.slug)))
        .map(|(p, s, n, _)| (p, s, n))
}
