//! Who the post wants, from its title ("Technical writer", "Rust developer",
//! "Civil Engineer", "Bookkeeper"), and whether the freelancer's projects or
//! profile show that work.

use serde::Serialize;

use super::rank::Doc;
use super::terms::{is_stopword, stem, stems, words};
use crate::content::model::Profile;

/// Role nouns and the words of the work they do (a "video editor" edits video).
/// Whole words, not stems or prefixes: "art" is not "articles", "edit" not
/// "edition", "animation" not "animal", "marketing" not "marketplace",
/// "localization" not "locale" (their stems are shared or prefixes).
const ROLES: &[(&str, &[&str])] = &[
    ("writer", WRITE),
    ("copywriter", &["copywriter", "copywriters", "copywriting"]),
    ("developer", DEVELOP),
    ("engineer", DEVELOP),
    ("programmer", DEVELOP),
    (
        "designer",
        &[
            "designer",
            "designers",
            "design",
            "designs",
            "designing",
            "designed",
        ],
    ),
    (
        "editor",
        &["editor", "editors", "edit", "edits", "editing", "edited"],
    ),
    ("translator", TRANSLATE),
    ("animator", ANIMATE),
    (
        "artist",
        &[
            "artist", "artists", "art", "arts", "artwork", "artworks", "artistic",
        ],
    ),
    ("bookkeeper", &["bookkeeper", "bookkeepers", "bookkeeping"]),
    (
        "accountant",
        &["accountant", "accountants", "accounting", "accountancy"],
    ),
    ("lawyer", &["lawyer", "lawyers", "law", "laws", "legal"]),
    ("attorney", &["attorney", "attorneys"]),
    (
        "videographer",
        &["videographer", "videographers", "videography"],
    ),
    (
        "photographer",
        &["photographer", "photographers", "photography"],
    ),
    ("nurse", &["nurse", "nurses", "nursing"]),
    ("marketer", &["marketer", "marketers", "marketing"]),
];

const WRITE: &[&str] = &[
    "writer",
    "writers",
    "write",
    "writes",
    "writing",
    "writings",
    "written",
    "wrote",
    "author",
    "authors",
    "authored",
    "authoring",
];

const DEVELOP: &[&str] = &[
    "developer",
    "developers",
    "develop",
    "develops",
    "developing",
    "developed",
    "development",
    "engineer",
    "engineers",
    "engineering",
    "engineered",
    "programmer",
    "programmers",
    "programming",
    "programmed",
];

const TRANSLATE: &[&str] = &[
    "translator",
    "translators",
    "translate",
    "translates",
    "translating",
    "translated",
    "translation",
    "translations",
    "localization",
    "localisation",
    "localize",
    "localise",
    "localizing",
    "localising",
    "localized",
    "localised",
];

const ANIMATE: &[&str] = &[
    "animator",
    "animators",
    "animate",
    "animates",
    "animating",
    "animated",
    "animation",
    "animations",
];

/// Title words that qualify nothing ("Experienced Civil Engineer": civil).
const EMPTY: &[&str] = &[
    "experienced",
    "senior",
    "junior",
    "expert",
    "professional",
    "skilled",
    "freelance",
    "qualified",
    "licensed",
    "registered",
    "talented",
    "reliable",
];

const DETERMINERS: &[&str] = &["a", "an", "the", "our", "your", "for", "of", "my"];

/// The role a post's title asks for.
#[derive(Debug, Clone, Serialize)]
pub struct Role {
    /// As the title names it ("Technical writer").
    pub name: String,
    /// What shows it: a project's slug or `profile`; `None` when nothing does.
    pub shown_by: Option<String>,
    #[serde(skip)]
    qualifier: Option<String>,
    #[serde(skip)]
    work: &'static [&'static str],
}

/// The roles in `title`: each role noun with the word that qualifies it.
pub fn find(title: &str) -> Vec<Role> {
    let ws = words(title);
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let Some((_, work)) = ROLES.iter().find(|(n, _)| *n == w.as_str()) else {
            continue;
        };
        // "for a developer tool", "our designer portal": the noun used as an adjective.
        let determined = i > 0 && DETERMINERS.contains(&ws[i - 1].as_str());
        if determined && ws.get(i + 1).is_some_and(|n| !is_stopword(n)) {
            continue;
        }
        let qualifier = ws[..i]
            .iter()
            .rev()
            .take(1)
            .find(|q| !is_stopword(q) && !EMPTY.contains(&q.as_str()) && q.len() > 1)
            .cloned();
        let name = match &qualifier {
            Some(q) => format!("{q} {w}"),
            None => w.clone(),
        };
        out.push(Role {
            name: capitalize(&name),
            shown_by: None,
            qualifier,
            work,
        });
    }
    out
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// Whether one source's lower-case words show the role: a word of its work
/// and the word that qualifies it ("Rust Developer", or Rust among the skills
/// of a developer).
fn shows(role: &Role, text: &[String]) -> bool {
    let work = text.iter().any(|w| role.work.contains(&w.as_str()));
    work && role
        .qualifier
        .as_deref()
        .is_none_or(|q| text.iter().any(|w| stem(w) == stem(q)))
}

/// The profile's own words: title, overview, declared skills and employment.
fn profile_parts(p: &Profile) -> Vec<String> {
    let mut parts = vec![p.title.clone(), p.overview.clone()];
    parts.extend(p.skills.iter().map(|s| s.name.clone()));
    for e in &p.experience {
        parts.push(e.title.clone());
        parts.extend(e.description.clone());
    }
    parts
}

/// The stems of the profile's own words, each part ended by an empty word.
pub fn profile_text(p: &Profile) -> Vec<String> {
    let mut out = Vec::new();
    for part in profile_parts(p) {
        out.extend(stems(&part));
        out.push(String::new());
    }
    out
}

/// Fills each role's `shown_by`: the best-ranked project that shows it, else the profile.
pub fn judge(roles: &mut [Role], docs: &[Doc], order: &[String], profile: &Profile) {
    let profile: Vec<String> = profile_parts(profile)
        .iter()
        .flat_map(|p| words(p))
        .collect();
    for r in roles.iter_mut() {
        r.shown_by = order
            .iter()
            .find(|slug| {
                docs.iter()
                    .any(|d| &d.project.slug == *slug && shows(r, &project_words(d)))
            })
            .cloned()
            .or_else(|| shows(r, &profile).then(|| "profile".to_string()));
    }
}

/// A project's title, role and skill words (what the work was, not its body's asides).
fn project_words(d: &Doc) -> Vec<String> {
    let p = d.project;
    let mut text = words(&p.title);
    text.extend(words(p.role.as_deref().unwrap_or("")));
    text.extend(p.skills.iter().flat_map(|s| words(&s.name)));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_from_titles() {
        let names = |t: &str| find(t).into_iter().map(|r| r.name).collect::<Vec<_>>();
        assert_eq!(
            names("Experienced Civil Engineer Needed for Project Reviews"),
            ["Civil engineer"]
        );
        assert_eq!(
            names("Technical Writer Needed to Document Embedded Checkout API"),
            ["Technical writer"]
        );
        assert_eq!(
            names("Copywriter for a developer tool launch"),
            ["Copywriter"]
        );
        assert!(names("Migrate our docs to Git").is_empty());
        assert!(names("Landing page copy for a developer API product").is_empty());
        let civil = &find("Civil Engineer")[0];
        assert!(!shows(civil, &words("Technical Writer & Rust Developer")));
        let rust = &find("Rust engineer for benchmarks")[0];
        assert!(shows(rust, &words("Technical Writer & Rust Developer")));
    }

    /// Review finding: prefixes of stems showed roles ("art" in "articl").
    #[test]
    fn roles_need_whole_words_of_their_work() {
        let role = |t: &str| find(t).remove(0);
        let not_shown = [
            ("Artist", "Writer of articles and essays"),
            ("Animator", "Animal welfare researcher"),
            ("Marketer", "Marketplace developer"),
            ("Translator", "Locale files for a web app"),
            ("Editor", "First edition of a field guide"),
            ("Lawyer", "Lawn care"),
        ];
        for (title, text) in not_shown {
            assert!(!shows(&role(title), &words(text)), "{title} in {text:?}");
        }
        let shown = [
            ("Artist", "Concept art for games"),
            ("Animator", "2D animation and motion graphics"),
            ("Marketer", "Email marketing"),
            ("Translator", "Localization of a mobile app"),
            ("Editor", "Video editing"),
            ("Writer", "Technical writing"),
            ("Developer", "Web development"),
        ];
        for (title, text) in shown {
            assert!(shows(&role(title), &words(text)), "{title} in {text:?}");
        }
    }
}
