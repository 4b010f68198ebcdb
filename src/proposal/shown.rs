//! A project as the letter and the answers show it ([`Shown`]): its name with
//! the client in the letter's language, what it did, and the link to give.

use serde::Serialize;

use super::rank::extra_summaries;
use super::terms::cjk_share;
use crate::content::model::Project;
use crate::plaintext::to_plain;

/// A project as the letter shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Shown {
    pub slug: String,
    /// The title, and the client when the title does not already name it.
    pub name: String,
    /// The name and what it did, as one line.
    pub line: String,
    /// What it did and its result, in the letter's language.
    pub what: String,
    /// The link to show: its source code when the post asks for code, else its page.
    pub link: String,
    pub permalink: String,
    pub source: Option<String>,
}

/// The client as the letter's language writes it: "云栈科技 (CloudStack)" is
/// "CloudStack" in English and "云栈科技" in Chinese.
pub(super) fn client_in(client: &str, lang: &str) -> Option<String> {
    let (main, paren) = match client.split_once(['(', '（']) {
        Some((a, b)) => (a.trim(), Some(b.trim_end_matches([')', '）']).trim())),
        None => (client.trim(), None),
    };
    let zh = |s: &str| cjk_share(s) > 0.3;
    let pick = [Some(main), paren]
        .into_iter()
        .flatten()
        .find(|s| zh(s) == (lang == "zh"));
    pick.or(if lang == "zh" { Some(main) } else { None })
        .map(str::to_string)
}

fn source_link(p: &Project) -> Option<String> {
    p.links
        .iter()
        .find(|l| {
            let n = l.name.to_lowercase();
            n.contains("source")
                || n.contains("code")
                || n.contains("repo")
                || l.url.contains("github.com")
                || l.url.contains("gitlab")
        })
        .map(|l| l.url.clone())
}

/// A sentence of `text` that states a result (a number), else its first sentence.
fn result_sentence(text: &str) -> String {
    let sentences: Vec<&str> = text
        .split_inclusive(['。', '！'])
        .flat_map(|s| s.split_inclusive(". "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let pick = sentences
        .iter()
        .find(|s| s.chars().any(|c| c.is_ascii_digit()))
        .or(sentences.first())
        .copied()
        .unwrap_or(text);
    let mut r = pick.trim().trim_end_matches([';', '；']).to_string();
    if !r.ends_with(['.', '。']) {
        r.push(if cjk_share(&r) > 0.3 { '。' } else { '.' });
    }
    r
}

/// What the project did, in the letter's language; text in another language is never quoted.
fn what_it_did(p: &Project, lang: &str) -> String {
    let own = p
        .extra
        .get(&format!("summary_{lang}"))
        .and_then(|v| v.as_str())
        .map(str::to_string);
    let summary = to_plain(&p.summary).replace('\n', " ");
    let extras = extra_summaries(p);
    let body = to_plain(&p.body);
    let first_paragraph = body
        .split("\n\n")
        .find(|s| s.trim().chars().count() > 20)
        .unwrap_or("")
        .replace('\n', "");
    let candidates = own
        .into_iter()
        .chain([summary])
        .chain(extras.lines().map(str::to_string))
        .chain([first_paragraph]);
    for text in candidates {
        if (cjk_share(&text) > 0.3) == (lang == "zh") && !text.trim().is_empty() {
            return result_sentence(&text);
        }
    }
    let skills: Vec<&str> = p.skills.iter().map(|s| s.name.as_str()).collect();
    if lang == "zh" {
        format!("{}方面的项目，详情见链接。", skills.join("、"))
    } else {
        format!(
            "a {} project; the write-up is at the link.",
            skills.join(", ")
        )
    }
}

/// A project as the letter shows it.
pub fn shown(p: &Project, lang: &str, code: bool) -> Shown {
    let client = p.client.as_deref().and_then(|c| client_in(c, lang));
    let name = match client {
        Some(c) if !p.title.to_lowercase().contains(&c.to_lowercase()) => {
            if lang == "zh" {
                format!("{}（{c}）", p.title)
            } else {
                format!("{}, for {c}", p.title)
            }
        }
        _ => p.title.clone(),
    };
    let source = source_link(p);
    let link = match (&source, code) {
        (Some(s), true) => format!("{s} (write-up: {})", p.location.permalink),
        _ => p.location.permalink.clone(),
    };
    let what = what_it_did(p, lang);
    let line = format!("{name}{}{what}", if lang == "zh" { "：" } else { ": " });
    Shown {
        slug: p.slug.clone(),
        name,
        line,
        what,
        link,
        permalink: p.location.permalink.clone(),
        source,
    }
}
