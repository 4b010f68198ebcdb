//! The report printed after the letter: what was read, the requirements and
//! what covers them, the scores and why, what the post asked, the fit verdict
//! and whether the job is worth the Connects.

use std::fmt::Write;

use super::Proposal;
use super::post::Facts;

fn facts_line(f: &Facts) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(b) = &f.budget {
        let amount = match (b.low, b.high) {
            (Some(l), Some(h)) if h > l => format!("${l:.0}-${h:.0}"),
            (_, Some(h)) => format!("${h:.0}"),
            _ => "?".into(),
        };
        parts.push(format!(
            "{} {amount}",
            if b.hourly { "hourly" } else { "fixed price" }
        ));
    }
    let named = [
        ("level", &f.level),
        ("length", &f.length),
        ("hours", &f.hours),
        ("proposals", &f.proposals),
        ("posted", &f.posted),
        ("client in", &f.country),
        ("location", &f.location),
    ];
    for (label, v) in named {
        if let Some(v) = v {
            parts.push(format!("{label} {v}"));
        }
    }
    if parts.is_empty() {
        "(none on the page)".into()
    } else {
        parts.join("; ")
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The report, in English (it is for the freelancer, not the client).
pub fn report(p: &Proposal) -> String {
    let mut out = String::from("── Report (not part of the letter) ──\n");
    let _ = writeln!(
        out,
        "Read: \"{}\" ({} language, {}, {})",
        p.post.title,
        if p.post.language == "zh" {
            "Chinese"
        } else {
            "English"
        },
        count(p.post.skills.len(), "skill listed", "skills listed"),
        count(p.post.questions.len(), "question", "questions")
    );
    let _ = writeln!(
        out,
        "Terms (not requirements): {}",
        facts_line(&p.post.facts)
    );
    let _ = writeln!(out, "Profile: {}", p.profile);
    requirements(p, &mut out);
    why(p, &mut out);
    out.push_str("Scores:\n");
    for r in p.ranked.iter().take(5) {
        let mark = if p.chosen.contains(&r.slug) {
            "→"
        } else {
            " "
        };
        let _ = writeln!(
            out,
            " {mark} {} {}: {}",
            r.slug,
            r.score,
            if r.reasons.is_empty() {
                "nothing in common".into()
            } else {
                r.reasons.join("; ")
            }
        );
    }
    instructions(p, &mut out);
    if !p.letter.is_empty() {
        let _ = writeln!(
            out,
            "Letter: {}/{} characters (Upwork's limit)",
            p.letter_chars, p.letter_limit
        );
    } else {
        out.push_str("Letter: none: this job is outside your work (exit status 3)\n");
    }
    let _ = writeln!(out, "Worth the Connects? {}", p.assessment.verdict);
    for r in &p.assessment.reasons {
        let _ = writeln!(out, "  {r}");
    }
    out
}

/// Each requirement and language, and what covers it.
fn requirements(p: &Proposal, out: &mut String) {
    out.push_str("Requirements:\n");
    if p.requirements.is_empty() && p.languages.is_empty() {
        out.push_str("  (none recognised: the post lists no skills)\n");
    }
    for r in &p.requirements {
        if r.projects.is_empty() && r.by_profile {
            let _ = writeln!(out, "  ✓ {}: your profile", r.name);
        } else if r.projects.is_empty() {
            let _ = writeln!(out, "  ✗ {}: no project shows it; say so honestly", r.name);
        } else {
            let _ = writeln!(out, "  ✓ {}: {}", r.name, r.projects.join(", "));
        }
    }
    for l in &p.languages {
        match &l.met_by {
            Some(m) => {
                let _ = writeln!(out, "  ✓ {} (language): your profile lists {m}", l.name);
            }
            None => {
                let _ = writeln!(
                    out,
                    "  ✗ {} (language): your profile does not list it",
                    l.name
                );
            }
        }
    }
}

/// Why the verdict: the role, the core requirements, each project's evidence, the rule.
fn why(p: &Proposal, out: &mut String) {
    let f = &p.fit;
    let roles: Vec<String> = f
        .roles
        .iter()
        .map(|r| match &r.shown_by {
            Some(by) => format!("{} (shown by {by})", r.name),
            None => format!("{} (nothing shows it)", r.name),
        })
        .collect();
    let _ = writeln!(
        out,
        "Role: {}",
        if roles.is_empty() {
            "(the title names none)".into()
        } else {
            roles.join("; ")
        }
    );
    let _ = writeln!(
        out,
        "Core requirements: {}",
        if f.core.is_empty() {
            "(none specific)".into()
        } else {
            f.core.join(", ")
        }
    );
    let ev: Vec<String> = f
        .evidence
        .iter()
        .map(|e| format!("{} {:.2}", e.slug, e.score))
        .collect();
    let _ = writeln!(out, "Evidence (BM25, normalised): {}", ev.join(", "));
    let _ = writeln!(out, "Fit: {} [rule: {}]", f.verdict, f.rule);
}

fn instructions(p: &Proposal, out: &mut String) {
    let ins = &p.post.instructions;
    let mut done: Vec<String> = Vec::new();
    if let Some(w) = &ins.first_words {
        done.push(format!("starts with \"{w}\" as asked"));
    }
    if ins.code && !p.flags.iter().any(|f| f.contains("asks for code")) {
        done.push("links the chosen projects' source code".into());
    }
    match p.answers.len() {
        0 => {}
        1 => done.push("answers the post's question".into()),
        n => done.push(format!("answers all {n} questions")),
    }
    if !done.is_empty() && !p.letter.is_empty() {
        let _ = writeln!(out, "Instructions followed: {}", done.join("; "));
    }
    for f in &p.flags {
        let _ = writeln!(out, "  ! {f}");
    }
}
