//! An answer line for every screening question: the best-matching project
//! with what it did and its link for experience and examples; rate,
//! availability and timezone from the profile; an honest "not yet, but…" or a
//! marked `[your answer]` when nothing fits. Never a default deflection to a call.

use serde::Serialize;

use super::post::Post;
use super::rank::{Doc, best_for};
use super::shown::shown;

/// A question of the post and the letter's answer.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    pub question: String,
    pub answer: String,
    /// `experience`, `rate`, `availability`, `timezone`, `open` or `placeholder`.
    pub kind: String,
}

/// The profile's facts the answers use.
pub struct Facts<'a> {
    pub rate: Option<&'a str>,
    pub availability: Option<&'a str>,
    pub timezone: Option<&'a str>,
    pub location: Option<&'a str>,
}

fn any(q: &str, words: &[&str]) -> bool {
    words.iter().any(|w| q.contains(w))
}

const RATE: &[&str] = &[
    "rate", "price", "cost", "how much", "quote", "报价", "费用", "价格",
];
const TIMEZONE: &[&str] = &["time zone", "timezone", "overlap", "working hours", "时区"];
const AVAILABILITY: &[&str] = &[
    "availab",
    "when can you start",
    "how soon",
    "hours per week",
    "hours a week",
    "start date",
    "多久",
    "何时",
];
const EXPERIENCE: &[&str] = &[
    "have you",
    "experience",
    "examples of",
    "samples of",
    "link",
    "portfolio",
    "worked on",
    "similar",
    "previous",
    "past",
    "github",
    "案例",
    "经验",
    "做过",
    "作品",
];

/// An answer from the profile: rate, timezone, availability.
fn from_profile(q: &str, zh: bool, me: &Facts) -> Option<(String, &'static str)> {
    if let Some(r) = me.rate.filter(|_| any(q, RATE)) {
        let text = if zh {
            format!("我的费率是 {r}。")
        } else {
            format!("My rate is {r}.")
        };
        return Some((text, "rate"));
    }
    if let Some(tz) = me.timezone.filter(|_| any(q, TIMEZONE)) {
        let at = me.location.map(|l| format!(" ({l})")).unwrap_or_default();
        let text = if zh {
            format!("我在 {tz}{at} 时区工作。")
        } else {
            format!("I work in {tz}{at}.")
        };
        return Some((text, "timezone"));
    }
    if any(q, AVAILABILITY) {
        let a = me
            .availability
            .unwrap_or(if zh { "按需" } else { "as needed" });
        let text = if zh {
            format!("我可投入的时间：{a}，本周即可开始。")
        } else {
            format!("I am available {a} and can start this week.")
        };
        return Some((text, "availability"));
    }
    None
}

/// An answer from the projects: the best match with what it did and its link,
/// an honest "not yet, but…" from the closest work, or a marked placeholder.
fn from_projects(
    question: &str,
    q: &str,
    post: &Post,
    docs: &[Doc],
    fitting: &[String],
) -> (String, &'static str) {
    let zh = post.language == "zh";
    let experience = any(q, EXPERIENCE);
    let code = post.instructions.code || any(q, &["code", "github", "repo"]);
    match best_for(docs, question, fitting, experience) {
        Some((p, score, shared))
            if (experience && score > 0.0) || (score >= 2.0 && shared >= 2) =>
        {
            let s = shown(p, &post.language, code);
            let what = s.what.trim_end_matches(['.', '。']);
            let text = match (zh, experience) {
                (true, _) => format!("是的：{}——{what}。{}", s.name, s.link),
                (false, true) => format!("Yes: {}: {what}. {}", s.name, s.link),
                (false, false) => format!("My approach shows in {}: {what}. {}", s.name, s.link),
            };
            (text, if experience { "experience" } else { "open" })
        }
        Some((p, _, _)) if experience => {
            let s = shown(p, &post.language, code);
            let text = if zh {
                format!("还没有完全相同的经验，但最接近的是{}：{}", s.name, s.link)
            } else {
                format!("Not yet, but the closest is {}: {}", s.name, s.link)
            };
            (text, "experience")
        }
        _ => {
            let text = if zh {
                "[在此填写您的回答]"
            } else {
                "[your answer]"
            };
            (text.to_string(), "placeholder")
        }
    }
}

/// The answer to one question, from the profile or the projects that fit the post.
pub fn answer(question: &str, post: &Post, docs: &[Doc], fitting: &[String], me: &Facts) -> Answer {
    let q = question.to_lowercase();
    let (answer, kind) = from_profile(&q, post.language == "zh", me)
        .unwrap_or_else(|| from_projects(question, &q, post, docs, fitting));
    Answer {
        question: question.to_string(),
        answer,
        kind: kind.to_string(),
    }
}
