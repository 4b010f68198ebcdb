//! The letter's parts, written in the post's language: the opening with the
//! strongest real match, the work shown (the source link when the post asks
//! for code), the answers, the approach and the closing. The theme's
//! `proposal.txt` lays them out.

use serde::Serialize;

use super::post::Post;
use super::questions::Answer;
use super::shown::Shown;

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
        (true, Some(a), Some(r)) => format!("我可投入的时间：{a}，费率 {r}，本周即可开始。"),
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
    use crate::proposal::shown::client_in;

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
