//! The letter's parts, written in the post's language: the opening with the
//! strongest real match, the work shown (the source link when the post asks
//! for code), the answers, the approach and the closing. The theme's
//! `proposal.txt` lays them out.

use serde::Serialize;

use super::post::Post;
use super::questions::Answer;
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

/// The parts of the letter.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Parts {
    pub greeting: String,
    pub opening: String,
    pub work_heading: String,
    /// The projects after the one in the opening.
    pub more_work: Vec<Shown>,
    pub work: Vec<Shown>,
    pub answers_heading: String,
    pub answers: Vec<Answer>,
    pub approach: String,
    pub closing: String,
    pub sign_off: String,
}

/// The client as the letter's language writes it: "云栈科技 (CloudStack)" is
/// "CloudStack" in English and "云栈科技" in Chinese.
fn client_in(client: &str, lang: &str) -> Option<String> {
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

/// "A, B and C" (或 "A、B和C").
pub fn list(items: &[String], lang: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] if lang == "zh" => format!("{}和{last}", rest.join("、")),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// What the letter needs besides the projects and answers.
pub struct Context<'a> {
    pub post: &'a Post,
    pub covered: Vec<String>,
    pub uncovered: Vec<String>,
    pub exact: bool,
    pub rate: Option<String>,
    pub availability: Option<String>,
}

/// The opening: the strongest real match, what it did; "exactly" only when everything is covered.
fn opening(c: &Context, top: &Shown) -> String {
    let link = &top.link;
    let need = list(&c.covered[..c.covered.len().min(3)], &c.post.language);
    let what = top.what.trim_end_matches(['.', '。']);
    match (c.post.language.as_str(), c.exact) {
        ("zh", true) => format!(
            "您需要{need}，这正是我做过的：{}——{what}。\n{link}",
            top.name
        ),
        ("zh", false) => format!(
            "您需要{need}。与这份工作最接近的是我的{}——{what}。\n{link}",
            top.name
        ),
        (_, true) => format!(
            "You need {need}: I have done exactly that. {}: {what}.\n{link}",
            top.name
        ),
        (_, false) => format!(
            "For your {need} work, the closest thing I have done is {}: {what}.\n{link}",
            top.name
        ),
    }
}

/// Assembles the parts.
pub fn parts(c: &Context, work: Vec<Shown>, answers: Vec<Answer>) -> Parts {
    let zh = c.post.language == "zh";
    let length = c.post.facts.length.as_deref();
    let samples = c.post.instructions.samples.is_some();
    let approach = match (zh, c.uncovered.is_empty()) {
        (true, true) => "我会先交付第一部分让您确认方向，之后定期更新，直到您满意。".to_string(),
        (true, false) => format!(
            "我会先交付第一部分让您确认方向；关于{}，我会如实说明需要学习或请人协助的地方。",
            list(&c.uncovered, "zh")
        ),
        (false, u) => format!(
            "How I would work: a first deliverable within the first week so you can check the direction{}{}.",
            length
                .filter(|l| l.contains(" to "))
                .map(|l| format!(
                    ", and the whole job within the {} you planned",
                    l.to_lowercase()
                ))
                .unwrap_or_default(),
            if u {
                String::new()
            } else {
                format!(
                    "; for {}, I will tell you plainly where I would need to learn or bring in help",
                    list(&c.uncovered, "en")
                )
            }
        ),
    };
    let closing = match (zh, &c.availability, &c.rate) {
        (true, Some(a), Some(r)) => format!("我每周可投入 {a}，费率 {r}，本周即可开始。"),
        (true, _, Some(r)) => format!("我的费率是 {r}，本周即可开始。"),
        (true, _, None) => "我本周即可开始。".to_string(),
        (false, Some(a), Some(r)) => format!("I am available {a} at {r} and can start this week."),
        (false, None, Some(r)) => format!("My rate is {r} and I can start this week."),
        (false, Some(a), None) => format!("I am available {a} and can start this week."),
        (false, None, None) => "I can start this week.".to_string(),
    };
    Parts {
        greeting: if zh { "您好，" } else { "Hi," }.to_string(),
        opening: work.first().map(|t| opening(c, t)).unwrap_or_default(),
        work_heading: match (zh, samples) {
            (true, _) => "其他相关作品：",
            (false, true) => "More samples you asked for:",
            (false, false) => "More relevant work:",
        }
        .to_string(),
        more_work: work.iter().skip(1).cloned().collect(),
        work,
        answers_heading: if zh {
            "您的问题："
        } else {
            "Your questions:"
        }
        .to_string(),
        answers,
        approach,
        closing,
        sign_off: if zh { "此致" } else { "Best regards," }.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clients_in_the_letters_language() {
        assert_eq!(
            client_in("云栈科技 (CloudStack)", "en").as_deref(),
            Some("CloudStack")
        );
        assert_eq!(
            client_in("云栈科技 (CloudStack)", "zh").as_deref(),
            Some("云栈科技")
        );
        assert_eq!(client_in("云栈科技", "en"), None);
        assert_eq!(
            list(&["a".into(), "b".into(), "c".into()], "en"),
            "a, b and c"
        );
    }
}
