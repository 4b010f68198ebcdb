//! How specific a requirement is: inverse document frequency from a
//! term→document-frequency table folio ships (`df.tsv`, counted over the job
//! posts written for its tests), so "Writing" or "API" weigh less than "Civil
//! Engineering" or "Stripe".

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::terms::index_terms;

const TABLE: &str = include_str!("df.tsv");

struct Table {
    posts: f64,
    df: BTreeMap<String, f64>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Table {
            posts: 1.0,
            df: BTreeMap::new(),
        };
        for line in TABLE.lines() {
            let mut f = line.split('\t');
            let (Some(w), Some(n)) = (f.next(), f.next().and_then(|n| n.parse::<f64>().ok()))
            else {
                continue;
            };
            if w == "# posts" {
                t.posts = n;
            } else if !w.starts_with('#') {
                for s in index_terms(w) {
                    let e = t.df.entry(s).or_default();
                    *e = e.max(n);
                }
            }
        }
        t
    })
}

/// IDF of one stem (an unseen stem counts as seen once).
fn idf_of(stem: &str) -> f64 {
    let t = table();
    idf_for(t.df.get(stem).copied().unwrap_or(1.0), t.posts)
}

/// IDF of a word seen in `df` of `posts` posts.
fn idf_for(df: f64, posts: f64) -> f64 {
    (1.0 + (posts - df + 0.5) / (df + 0.5)).ln()
}

/// The weight of a requirement: the IDF of its most specific word. A name
/// with no index term ("C", "R", "3", "1099") weighs as an unseen word: it is
/// specific, not generic.
pub fn weight(name: &str) -> f64 {
    let w = index_terms(name)
        .iter()
        .map(|s| idf_of(s))
        .fold(0.0, f64::max);
    if w > 0.0 {
        w
    } else {
        idf_for(1.0, table().posts)
    }
}

/// A requirement so common in posts that sharing it says little about the work.
pub fn is_generic(name: &str) -> bool {
    weight(name) < GENERIC_BELOW
}

/// IDF under which a word is generic (in about one post in seven or more).
const GENERIC_BELOW: f64 = 2.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_words_weigh_less_than_specific_ones() {
        for generic in ["Writing", "API", "Design", "SaaS"] {
            for specific in ["Civil Engineering", "Stripe", "Illustrator"] {
                assert!(weight(generic) < weight(specific), "{generic} < {specific}");
            }
            assert!(is_generic(generic), "{generic} {}", weight(generic));
        }
        assert!(!is_generic("Civil Engineering"));
    }

    /// Review finding: names without index terms fell back to 1.0, below the generic line.
    #[test]
    fn names_without_index_terms_are_specific() {
        for name in ["C", "R", "3", "1099"] {
            assert!(!is_generic(name), "{name} {}", weight(name));
            assert_eq!(weight(name), weight("Zqxjvk"), "{name} weighs as unseen");
        }
    }
}
