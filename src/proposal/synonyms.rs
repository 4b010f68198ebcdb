//! Names that mean the same skill. A built-in table, extended by the site's
//! `proposal: {synonyms: {alias: Skill}}` in folio.yaml; phrases compare by
//! their English stems, so "Command-Line Tools" = "command line tool".

use super::terms::{contains_phrase, stems};
use crate::content::model::Site;

/// Groups of names for one skill; the first is how the letter names it.
const GROUPS: &[&[&str]] = &[
    &[
        "CLI",
        "Command Line Interface",
        "command line",
        "command-line tool",
        "CLI tool",
        "CLI Design",
        "CLI development",
        "terminal app",
    ],
    &["JavaScript", "JS", "ECMAScript"],
    &["TypeScript", "TS"],
    &["Node.js", "Node", "NodeJS"],
    &["Go", "Golang"],
    &["Kubernetes", "k8s"],
    &["PostgreSQL", "Postgres"],
    &["Python", "py"],
    &["Rust", "Rust language", "rustlang"],
    &["React", "ReactJS", "React.js"],
    &[
        "API Documentation",
        "API docs",
        "API reference",
        "API reference docs",
        "REST API documentation",
        "API 文档",
        "API文档",
        "接口文档",
    ],
    &[
        "Technical Writing",
        "tech writing",
        "technical writer",
        "technical documentation",
        "software documentation",
        "documentation writing",
        "技术写作",
        "技术文档",
    ],
    &[
        "Docs as Code",
        "docs-as-code",
        "documentation pipeline",
        "docs pipeline",
    ],
    &[
        "Copywriting",
        "copywriter",
        "copy writing",
        "marketing copy",
        "landing page copy",
        "文案",
    ],
    &[
        "Content Writing",
        "content writer",
        "blog writing",
        "article writing",
        "blog posts",
    ],
    &[
        "Developer Experience",
        "DX",
        "DevRel",
        "developer relations",
        "developer advocacy",
    ],
    &[
        "中文本地化",
        "Chinese localization",
        "Chinese localisation",
        "Simplified Chinese localization",
        "本地化",
        "中文翻译",
        "Chinese translation",
        "English to Chinese translation",
    ],
    &["Translation", "translator", "翻译"],
    &["Localization", "localisation", "l10n"],
    &[
        "Proofreading",
        "proofreader",
        "copy editing",
        "copyediting",
        "editing",
    ],
    &[
        "UI Design",
        "user interface design",
        "UI/UX",
        "UI UX design",
        "UX/UI design",
        "app design",
    ],
    &["UX Design", "user experience design", "UX research"],
    &["Logo Design", "logo", "brand mark"],
    &[
        "Brand Identity",
        "brand identity design",
        "visual identity",
        "brand design",
    ],
    &["Graphic Design", "graphic designer"],
    &["Figma", "Figma design"],
    &["Web Design", "website design", "web designer"],
    &["Machine Learning", "ML"],
    &["Artificial Intelligence", "AI"],
    &["Continuous Integration", "CI/CD", "CI"],
    &["GitHub Actions", "GH Actions"],
    &["WordPress", "WP"],
    &[
        "Web Scraping",
        "data scraping",
        "web crawling",
        "web crawler",
        "crawler",
        "scraper",
        "data extraction",
    ],
    &["Search Engine Optimization", "SEO"],
];

/// Trailing words that do not change which skill a name is ("Rust development" = "Rust").
const SUFFIXES: &[&str] = &[
    "develop",
    "programm",
    "engin",
    "expert",
    "specialist",
    "servic",
    "tool",
    "skill",
];

/// The stemmed key of a name.
pub fn key(name: &str) -> Vec<String> {
    let mut s = stems(name);
    while s.len() > 1
        && s.last()
            .is_some_and(|w| SUFFIXES.iter().any(|x| w.starts_with(x)))
    {
        s.pop();
    }
    s
}

/// One skill and every way of writing it.
#[derive(Debug, Clone)]
pub struct Concept {
    /// How the letter and the report name it: the freelancer's own name when it is theirs.
    pub name: String,
    /// The freelancer's skill, if it is one.
    pub skill: Option<String>,
    pub variants: Vec<Vec<String>>,
}

/// Every concept the proposal knows.
#[derive(Debug, Clone, Default)]
pub struct Thesaurus {
    pub concepts: Vec<Concept>,
}

impl Thesaurus {
    /// The built-in groups, the site's synonyms and the freelancer's skills.
    pub fn new(site: &Site) -> Thesaurus {
        let mut t = Thesaurus::default();
        for g in GROUPS {
            t.concepts.push(Concept {
                name: g[0].to_string(),
                skill: None,
                variants: g.iter().map(|v| key(v)).collect(),
            });
        }
        for s in &site.skills {
            let id = t.add(&s.name);
            t.concepts[id].skill = Some(s.name.clone());
            t.concepts[id].name = s.name.clone();
        }
        for (alias, canonical) in &site.config.proposal.synonyms {
            let id = t.add(canonical);
            let k = key(alias);
            if !t.concepts[id].variants.contains(&k) {
                t.concepts[id].variants.push(k);
            }
        }
        t
    }

    /// The concept `name` is, added when new.
    fn add(&mut self, name: &str) -> usize {
        if let Some(id) = self.lookup(name) {
            return id;
        }
        self.concepts.push(Concept {
            name: name.to_string(),
            skill: None,
            variants: vec![key(name)],
        });
        self.concepts.len() - 1
    }

    /// The concept a name is, if known.
    pub fn lookup(&self, name: &str) -> Option<usize> {
        let k = key(name);
        if k.is_empty() {
            return None;
        }
        self.concepts.iter().position(|c| c.variants.contains(&k))
    }

    /// Whether the concept is named in the stemmed text; a one-word name of
    /// two letters ("Go", "JS", "AI") is too ambiguous to count in prose.
    pub fn named_in(&self, id: usize, text: &[String]) -> bool {
        self.concepts[id]
            .variants
            .iter()
            .filter(|v| {
                v.len() > 1
                    || v[0].chars().count() > 2
                    || v[0].chars().any(crate::plaintext::is_cjk)
            })
            .any(|v| contains_phrase(text, v))
    }

    /// The concepts named in the stemmed text; a longer name wins over one inside it.
    pub fn find(&self, text: &[String]) -> Vec<usize> {
        let mut hits: Vec<(usize, usize)> = Vec::new();
        for (id, c) in self.concepts.iter().enumerate() {
            let len = c
                .variants
                .iter()
                .filter(|v| contains_phrase(text, v))
                .map(Vec::len)
                .max();
            if let Some(len) = len {
                hits.push((id, len));
            }
        }
        let found: Vec<usize> = hits.iter().map(|h| h.0).collect();
        found
            .into_iter()
            .filter(|&id| {
                let short = &self.concepts[id];
                !hits.iter().any(|&(other, len)| {
                    other != id
                        && len > 1
                        && short.variants.iter().all(|v| v.len() < len)
                        && self.concepts[other].variants.iter().any(|o| {
                            o.len() == len && short.variants.iter().any(|v| contains_phrase(o, v))
                        })
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t() -> Thesaurus {
        let mut t = Thesaurus::default();
        for g in GROUPS {
            t.concepts.push(Concept {
                name: g[0].into(),
                skill: None,
                variants: g.iter().map(|v| key(v)).collect(),
            });
        }
        t
    }

    #[test]
    fn names_that_mean_the_same() {
        let t = t();
        let cli = t.lookup("CLI");
        assert!(cli.is_some());
        assert_eq!(t.lookup("Command Line Interface"), cli);
        assert_eq!(t.lookup("Command-Line Tools"), cli);
        assert_eq!(t.lookup("JS"), t.lookup("JavaScript"));
        assert_eq!(t.lookup("API docs"), t.lookup("API Documentation"));
        assert_eq!(t.lookup("Rust development"), t.lookup("Rust"));
        assert_ne!(t.lookup("Web Design"), t.lookup("Graphic Design"));
    }

    #[test]
    fn a_longer_name_wins() {
        let t = t();
        let found = t.find(&stems("We need API documentation for our docs"));
        assert!(found.contains(&t.lookup("API docs").unwrap()));
    }
}
