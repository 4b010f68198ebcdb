//! Words as the ranking and the matching see them: lower-case tokens, English
//! stems (Snowball, through `rust-stemmers`), and character bigrams for CJK text.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::plaintext::is_cjk;

/// Words too common in job posts and write-ups to say what the work was.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "best",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "done",
    "each",
    "etc",
    "ever",
    "every",
    "for",
    "from",
    "get",
    "good",
    "great",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "know",
    "let",
    "like",
    "looking",
    "make",
    "me",
    "more",
    "most",
    "much",
    "must",
    "my",
    "need",
    "needed",
    "needs",
    "new",
    "no",
    "not",
    "now",
    "of",
    "on",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "please",
    "same",
    "she",
    "should",
    "so",
    "some",
    "someone",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "up",
    "us",
    "use",
    "very",
    "want",
    "was",
    "we",
    "well",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "experience",
    "experienced",
    "work",
    "working",
    "job",
    "project",
    "projects",
    "help",
    "ideal",
    "candidate",
    "freelancer",
    "skills",
    "skill",
    "required",
    "requirements",
    "strong",
    "able",
    "ability",
    "team",
    "looking",
    "seeking",
    "expert",
    "senior",
    "junior",
    "developer",
    "specialist",
    "professional",
    "hire",
    "hiring",
    "include",
    "including",
    "thanks",
    "thank",
    "hello",
    "hi",
    "time",
    "year",
    "years",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "hour",
    "hours",
    "long",
    "term",
    "quick",
    "fast",
    "high",
    "quality",
    "start",
    "asap",
    "apply",
    "proposal",
    "proposals",
    "client",
    "clients",
    "company",
    "business",
    "based",
    "provide",
    "ensure",
    "create",
    "build",
    "built",
];

fn stemmer() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::English))
}

pub fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(&w)
}

/// Lower-case words of `text` (letters, digits, `+`, `#`; a run of CJK is one word).
pub fn words(text: &str) -> Vec<String> {
    raw_words(text).iter().map(|w| w.to_lowercase()).collect()
}

/// The words of `text` as written (same split as [`words`]).
pub fn raw_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_cjk = false;
    for c in text.chars() {
        let cjk = is_cjk(c);
        let keep = cjk || c.is_alphanumeric() || c == '+' || c == '#';
        if (!keep || cjk != cur_cjk) && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        if keep {
            cur.push(c);
            cur_cjk = cjk;
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The stem of one lower-case word (CJK words are kept as they are).
pub fn stem(w: &str) -> String {
    if w.chars().any(is_cjk) {
        return w.to_string();
    }
    stemmer().stem(w).into_owned()
}

/// Stems of every word of `text`, stopwords included (for phrase matching).
pub fn stems(text: &str) -> Vec<String> {
    words(text).iter().map(|w| stem(w)).collect()
}

/// Index terms for ranking: stems of non-stopwords, and character bigrams of CJK runs.
pub fn index_terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in words(text) {
        if w.chars().any(is_cjk) {
            let cs: Vec<char> = w.chars().collect();
            if cs.len() == 1 {
                out.push(w.clone());
            }
            out.extend(cs.windows(2).map(|p| p.iter().collect::<String>()));
        } else if w.chars().count() >= 2
            && !is_stopword(&w)
            && !w.chars().all(|c| c.is_ascii_digit())
        {
            out.push(stem(&w));
        }
    }
    out
}

/// Whether the stemmed phrase occurs in the stemmed text as consecutive words;
/// a CJK phrase may occur inside a CJK word.
pub fn contains_phrase(text: &[String], phrase: &[String]) -> bool {
    if phrase.is_empty() {
        return false;
    }
    if phrase.len() == 1 && phrase[0].chars().any(is_cjk) {
        return text.iter().any(|w| w.contains(phrase[0].as_str()))
            || text.concat().contains(phrase[0].as_str());
    }
    text.windows(phrase.len()).any(|w| w == phrase)
}

/// Share of CJK letters among the letters of `text`.
pub fn cjk_share(text: &str) -> f64 {
    let (mut cjk, mut all) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        all += 1;
        if is_cjk(c) {
            cjk += 1;
        }
    }
    if all == 0 {
        0.0
    } else {
        cjk as f64 / all as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_bigrams() {
        assert_eq!(stems("Rotating logs"), vec!["rotat", "log"]);
        assert_eq!(index_terms("技术写作"), vec!["技术", "术写", "写作"]);
        assert!(contains_phrase(
            &stems("tails rotating log files"),
            &stems("log file")
        ));
        assert!(!contains_phrase(&stems("logo design"), &stems("log")));
        assert_eq!(
            words("Node.js, C++ and C#"),
            vec!["node", "js", "c++", "and", "c#"]
        );
    }
}
