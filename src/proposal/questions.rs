//! An answer line for every screening question: the best-matching project
//! with what it did and its link for experience and examples; rate,
//! availability and timezone from the profile; an honest "not yet, but…" or a
//! marked `[your answer]` when nothing fits. Never a default deflection to a call.

use serde::Serialize;

use super::letter::shown;
use super::post::Post;
use super::rank::{Doc, best_for};

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

/// The answer to one question.
pub fn answer(question: &str, post: &Post, docs: &[Doc], chosen: &[String], me: &Facts) -> Answer {
    let q = question.to_lowercase();
    let zh = post.language == "zh";
    let make = |answer: String, kind: &str| Answer {
        question: question.to_string(),
        answer,
        kind: kind.to_string(),
    };
    if any(
        &q,
        &[
            "rate", "price", "cost", "how much", "quote", "报价", "费用", "价格",
        ],
    ) {
        if let Some(r) = me.rate {
            return make(
                if zh {
                    format!("我的费率是 {r}。")
                } else {
                    format!("My rate is {r}.")
                },
                "rate",
            );
        }
    }
    if any(
        &q,
        &["time zone", "timezone", "overlap", "working hours", "时区"],
    ) {
        if let Some(tz) = me.timezone {
            let at = me.location.map(|l| format!(" ({l})")).unwrap_or_default();
            return make(
                if zh {
                    format!("我在 {tz}{at} 时区工作。")
                } else {
                    format!("I work in {tz}{at}.")
                },
                "timezone",
            );
        }
    }
    if any(
        &q,
        &[
            "availab",
            "when can you start",
            "how soon",
            "hours per week",
            "hours a week",
            "start date",
            "多久",
            "何时",
        ],
    ) {
        let a = me
            .availability
            .unwrap_or(if zh { "按需" } else { "as needed" });
        return make(
            if zh {
                format!("我每周可投入 {a}，本周即可开始。")
            } else {
                format!("I am available {a} and can start this week.")
            },
            "availability",
        );
    }
    let experience = any(
        &q,
        &[
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
        ],
    );
    let code = post.instructions.code || any(&q, &["code", "github", "repo"]);
    match best_for(docs, question, chosen, experience) {
        Some((p, score, shared)) if experience || (score >= 2.0 && shared >= 2) => {
            let s = shown(p, &post.language, code);
            let what = s.what.trim_end_matches(['.', '。']);
            let text = match (zh, experience) {
                (true, _) => format!("是的：{}——{what}。{}", s.name, s.link),
                (false, true) => format!("Yes: {}: {what}. {}", s.name, s.link),
                (false, false) => format!("My approach shows in {}: {what}. {}", s.name, s.link),
            };
            make(text, if experience { "experience" } else { "open" })
        }
        _ => match chosen
            .first()
            .and_then(|slug| docs.iter().find(|d| &d.project.slug == slug))
        {
            Some(d) if experience => {
                let s = shown(d.project, &post.language, code);
                let text = if zh {
                    format!("还没有完全相同的经验，但最接近的是{}：{}", s.name, s.link)
                } else {
                    format!("Not yet, but the closest is {}: {}", s.name, s.link)
                };
                make(text, "experience")
            }
            _ => make(
                if zh {
                    "[在此填写您的回答]".to_string()
                } else {
                    "[your answer]".to_string()
                },
                "placeholder",
            ),
        },
    }
}
