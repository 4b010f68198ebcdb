//! What the post needs: its listed skills, the skills its title names, the
//! skills in its "must"/"required" sentences, and the languages it asks for.
//! Never the budget, length, level or client lines (those are [`Facts`]).
//!
//! [`Facts`]: super::post::Facts

use serde::Serialize;

use super::post::Post;
use super::synonyms::{Thesaurus, key};
use super::terms::{contains_phrase, is_stopword, raw_words, stems};
use crate::content::model::Profile;

/// A requirement of the post and the projects that show it.
#[derive(Debug, Clone, Serialize)]
pub struct Requirement {
    /// As the post names it.
    pub name: String,
    /// The freelancer's skill it is, if any.
    pub skill: Option<String>,
    /// Slugs of the projects that show it (by a declared skill or in their text).
    pub projects: Vec<String>,
    /// Where the post states it: `skills`, `title`, `must` or `description`.
    pub from: String,
    /// Whether the profile itself shows it (title, overview, declared skills, employment).
    pub by_profile: bool,
    #[serde(skip)]
    pub concept: Option<usize>,
    #[serde(skip)]
    pub key: Vec<String>,
}

/// A language the post asks for, against the profile's languages.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageNeed {
    pub name: String,
    /// The profile's language that meets it, if any.
    pub met_by: Option<String>,
}

/// Title words that say who is wanted, not what the work is.
const GENERIC: &[&str] = &[
    "developer",
    "developers",
    "needed",
    "wanted",
    "required",
    "expert",
    "experts",
    "specialist",
    "freelancer",
    "senior",
    "junior",
    "lead",
    "engineer",
    "help",
    "looking",
    "seeking",
    "project",
    "job",
    "ongoing",
    "urgent",
    "small",
    "quick",
    "simple",
    "task",
    "tasks",
    "fix",
    "full",
    "part",
    "remote",
    "team",
    "existing",
    "startup",
    "need",
    "build",
    "create",
    "make",
    "develop",
    "experienced",
    "professional",
    "skilled",
    "talented",
    "hire",
    "long",
    "term",
    "contract",
    "support",
    "assistant",
    "consultant",
    "person",
    "someone",
    "asap",
    "us",
    "based",
    "level",
    "entry",
    "top",
    "rated",
    "plus",
    "etc",
    "i",
    "we",
    "my",
    "our",
    "software",
    "qualifications",
    "requirements",
    "responsibilities",
    "role",
    "setup",
    "stack",
    "powered",
    "system",
    "systems",
    "development",
    "language",
    "programmer",
    "programming",
    "coding",
    "designer",
    "writer",
    "site",
    "web",
    "upgrade",
    "launch",
    "backend",
    "frontend",
    "app",
    "application",
    "platform",
    "tool",
    "tools",
    "solution",
    "solutions",
    "services",
    "service",
    "custom",
    "modern",
    "new",
    "pro",
    "guru",
    "ninja",
    "rockstar",
    "expertise",
    "implementation",
    "changes",
    "fixes",
    "update",
    "updates",
    "enhancements",
    "customization",
    "maintenance",
    "one",
    "two",
    "three",
    "several",
    "multiple",
    "various",
    "needs",
];

/// Skills so common that sharing one says little about the work: they count
/// half, and never carry a letter alone (stemmed keys).
const WEAK: &[&str] = &[
    "api",
    "git",
    "github",
    "python",
    "javascript",
    "html",
    "css",
    "automat",
    "document",
    "artifici intellig",
    "web",
    "sql",
    "excel",
    "cli",
    "api integr",
    "rest api",
];

fn weak_concept(id: usize, t: &Thesaurus) -> bool {
    t.concepts[id]
        .variants
        .iter()
        .any(|v| WEAK.contains(&v.join(" ").as_str()))
}

fn salient(w: &str) -> bool {
    let l = w.to_lowercase();
    l.chars().count() >= 2
        && !is_stopword(&l)
        && !GENERIC.contains(&l.as_str())
        && !l.chars().all(|c| c.is_ascii_digit())
        && !l.chars().any(crate::plaintext::is_cjk)
        && !["simplified", "traditional", "native", "fluent"].contains(&l.as_str())
        && !LANGUAGES.iter().any(|g| g[0].eq_ignore_ascii_case(&l))
}

/// Requirement names in a line: the concepts it names, and (when `unknown`)
/// its capitalized words that name no known skill ("Flask", "Google Ads").
fn names_in(line: &str, t: &Thesaurus, unknown: bool) -> Vec<(String, Option<usize>)> {
    let text = stems(line);
    let found = t.find(&text);
    let mut taken = vec![false; text.len()];
    for &id in &found {
        for v in &t.concepts[id].variants {
            for i in 0..text.len().saturating_sub(v.len() - 1).min(text.len()) {
                if v.len() <= text.len() - i && text[i..i + v.len()] == v[..] {
                    taken[i..i + v.len()].iter_mut().for_each(|x| *x = true);
                }
            }
        }
    }
    let mut out: Vec<(String, Option<usize>)> = found
        .iter()
        .map(|&id| (display_name(t, id, &text), Some(id)))
        .collect();
    if unknown {
        let raw = raw_words(line);
        let mut run: Vec<&str> = Vec::new();
        for (i, w) in raw.iter().enumerate() {
            let capital = w.chars().next().is_some_and(char::is_uppercase)
                || w.chars().skip(1).any(char::is_uppercase);
            if !taken.get(i).copied().unwrap_or(true) && capital && salient(w) && run.len() < 3 {
                run.push(w);
            } else if !run.is_empty() {
                out.push((std::mem::take(&mut run).join(" "), None));
            }
        }
        if !run.is_empty() {
            out.push((run.join(" "), None));
        }
    }
    out
}

/// How a found concept is named: its own name, or in CJK text the CJK name the text uses.
fn display_name(t: &Thesaurus, id: usize, text: &[String]) -> String {
    let c = &t.concepts[id];
    let cjk = |s: &str| s.chars().any(crate::plaintext::is_cjk);
    if cjk(&c.name) {
        return c.name.clone();
    }
    c.variants
        .iter()
        .filter(|v| v.len() == 1 && cjk(&v[0]) && contains_phrase(text, v))
        .map(|v| v[0].clone())
        .max_by_key(|v| v.chars().count())
        .unwrap_or_else(|| c.name.clone())
}

/// Whether a sentence lists alternatives ("one of", "or similar", "such as").
fn is_alternatives(s: &str) -> bool {
    let l = s.to_lowercase();
    [
        "at least one",
        "one of",
        "or similar",
        "such as",
        "e.g.",
        "any of",
        "either",
        "或",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// The names of a sentence that lists alternatives ("at least one of Python, Go
/// or Rust") are one requirement, met by any: the freelancer's, else the first.
fn one_of(
    mut names: Vec<(String, Option<usize>)>,
    s: &str,
    t: &Thesaurus,
) -> Vec<(String, Option<usize>)> {
    if !is_alternatives(s) || names.len() < 2 {
        return names;
    }
    let mine = |strong: bool| {
        names.iter().position(|(_, c)| {
            c.is_some_and(|id| t.concepts[id].skill.is_some() && (!strong || !weak_concept(id, t)))
        })
    };
    let pick = mine(true).or(mine(false)).unwrap_or(0);
    vec![names.swap_remove(pick)]
}

/// Sentences that state a must.
fn must_sentences(description: &str) -> Vec<&str> {
    description
        .split(['.', '!', '\n', '。', '；', ';'])
        .filter(|s| {
            let l = s.to_lowercase();
            [
                "must",
                "required",
                "requirement",
                "mandatory",
                "essential",
                "need to have",
                "必须",
                "要求",
                "需要",
            ]
            .iter()
            .any(|w| l.contains(w))
        })
        .collect()
}

/// The requirements of `post`, in order: listed skills, title, must sentences.
pub fn extract(post: &Post, t: &Thesaurus) -> Vec<Requirement> {
    let mut reqs: Vec<Requirement> = Vec::new();
    // A language among the skills is a language need (see [`languages`]), not a skill.
    for listed in post.skills.iter().filter(|s| !is_language(s)) {
        let concept = t.lookup(listed);
        push(&mut reqs, t, listed.clone(), concept, "skills");
    }
    let listed = !post.skills.is_empty();
    // Unknown capitalised title words only when the post lists no skills ("Stripe Checkout" is not one).
    for (name, concept) in names_in(&post.title, t, !listed) {
        push(&mut reqs, t, name, concept, "title");
    }
    for s in must_sentences(&post.description) {
        for (name, concept) in one_of(names_in(s, t, !listed), s, t) {
            push(&mut reqs, t, name, concept, "must");
        }
    }
    if !listed {
        for s in post.description.split(['.', '!', '\n', '。', '；', ';']) {
            for (name, concept) in one_of(names_in(s, t, false), s, t) {
                if concept.is_some_and(|id| t.concepts[id].skill.is_some() || reqs.len() < 6) {
                    push(&mut reqs, t, name, concept, "description");
                }
            }
        }
    }
    reqs.truncate(12);
    reqs
}

fn push(
    reqs: &mut Vec<Requirement>,
    t: &Thesaurus,
    name: String,
    concept: Option<usize>,
    from: &str,
) {
    let k = key(&name);
    if k.is_empty()
        || reqs
            .iter()
            .any(|r| (concept.is_some() && r.concept == concept) || r.key == k)
    {
        return;
    }
    reqs.push(Requirement {
        skill: concept.and_then(|id| t.concepts[id].skill.clone()),
        name,
        projects: Vec::new(),
        by_profile: false,
        from: from.to_string(),
        concept,
        key: k,
    });
}

/// Languages and the ways posts and profiles write them.
const LANGUAGES: &[&[&str]] = &[
    &["English", "英文", "英语"],
    &[
        "Chinese",
        "mandarin",
        "cantonese",
        "中文",
        "汉语",
        "普通话",
        "简体中文",
        "繁體中文",
        "繁体中文",
    ],
    &["Spanish", "español", "castellano"],
    &["Russian", "русский"],
    &["French", "français"],
    &["German", "deutsch"],
    &["Portuguese", "português", "brazilian portuguese"],
    &["Japanese", "日本語", "日语"],
    &["Korean", "한국어", "韩语"],
    &["Italian", "italiano"],
    &["Arabic"],
    &["Hindi"],
    &["Dutch"],
    &["Polish"],
    &["Turkish"],
    &["Vietnamese"],
];

const CUES: &[&str] = &[
    "fluent",
    "native",
    "speak",
    "bilingual",
    "translat",
    "into ",
    "proficien",
    "language",
    "written",
    "locali",
    "writer",
    "speaking",
    "母语",
    "翻译",
    "流利",
    "本地化",
    "中文",
];

/// The languages the post asks for, met or not by the profile's languages.
pub fn languages(post: &Post, profile: &Profile) -> Vec<LanguageNeed> {
    let text = format!(
        "{}\n{}\n{}",
        post.title,
        post.description,
        post.skills.join("\n")
    );
    let mut out: Vec<LanguageNeed> = Vec::new();
    for group in LANGUAGES {
        let named = text.split(['.', '\n', '。', '!', '?']).any(|s| {
            let l = s.to_lowercase();
            let mentions = group.iter().any(|n| has_word(&l, &n.to_lowercase()));
            mentions
                && (CUES.iter().any(|c| l.contains(c))
                    || post
                        .skills
                        .iter()
                        .any(|k| has_word(&k.to_lowercase(), &group[0].to_lowercase())))
        });
        let implied = (group[0] == "Chinese" && post.language == "zh")
            || (group[0] == "Japanese" && post.language == "ja");
        if named || implied {
            let met_by = profile
                .languages
                .iter()
                .find(|l| {
                    group
                        .iter()
                        .any(|n| has_word(&l.name.to_lowercase(), &n.to_lowercase()))
                })
                .map(|l| l.name.clone());
            out.push(LanguageNeed {
                name: group[0].to_string(),
                met_by,
            });
        }
    }
    out
}

/// Whether a listed skill is a language ("English", "Mandarin Chinese", "中文").
fn is_language(skill: &str) -> bool {
    let l = skill.trim().to_lowercase();
    LANGUAGES.iter().any(|g| {
        g.iter()
            .any(|n| n.to_lowercase() == l || format!("mandarin {}", n.to_lowercase()) == l)
    })
}

fn has_word(text: &str, word: &str) -> bool {
    if word.chars().any(crate::plaintext::is_cjk) {
        return text.contains(word);
    }
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proposal::post::parse;

    #[test]
    fn metadata_never_becomes_a_requirement() {
        let t = Thesaurus::default();
        let post = parse(
            "Title: Tax Advisor for Airbnb Property in Italy\nBudget: $12,000 fixed price\nProject length: 1 to 3 months\nLevel: Expert\n\nWe need tax advice. Must know Italian tax law.\n",
        );
        let names: Vec<String> = extract(&post, &t).into_iter().map(|r| r.name).collect();
        assert_eq!(names, vec!["Tax Advisor", "Airbnb Property", "Italy"]);
    }
}
