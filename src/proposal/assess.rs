//! "Is it worth the Connects?": a short assessment from what the page shows
//! (payment, client history, competition, age, budget against the rate, fit).
//! It goes in the report and the JSON, never in the letter.

use serde::Serialize;

use super::fit::Fit;
use super::post::Facts;

/// The verdict and its reasons.
#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    /// `apply`, `think twice`, `skip` or `not enough information`.
    pub verdict: String,
    /// Reasons, each prefixed with `+` (good sign), `-` (warning) or `!` (red flag).
    pub reasons: Vec<String>,
}

fn first_number(s: &str) -> Option<f64> {
    let n: String = s
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit())
        .collect();
    n.parse().ok()
}

/// How many days ago "2 hours ago", "3 days ago", "2 weeks ago" was.
fn days_ago(posted: &str) -> Option<f64> {
    let n = first_number(posted).unwrap_or(1.0);
    let l = posted.to_lowercase();
    if l.contains("minute") || l.contains("hour") || l.contains("just now") {
        Some(0.0)
    } else if l.contains("yesterday") {
        Some(1.0)
    } else if l.contains("day") {
        Some(n)
    } else if l.contains("week") {
        Some(7.0 * n)
    } else if l.contains("month") {
        Some(30.0 * n)
    } else {
        None
    }
}

fn client_signs(f: &Facts, r: &mut Vec<String>) {
    match f.payment_verified {
        Some(true) => r.push("+ payment method verified".into()),
        Some(false) => r.push("! payment method not verified".into()),
        None => {}
    }
    match (f.hire_rate, f.jobs_posted) {
        (Some(h), Some(j)) if j >= 3 && h < 30 => {
            r.push(format!("! hires for {h}% of the {j} jobs posted"))
        }
        (Some(h), _) if h >= 50 => r.push(format!("+ {h}% hire rate")),
        (Some(h), _) if h > 0 && h < 20 => r.push(format!("- hires for only {h}% of its jobs")),
        (Some(0), _) | (_, Some(0 | 1)) => r.push("- a new client: no hiring history yet".into()),
        _ => {}
    }
    match f.total_spent {
        Some(s) if s < 1.0 => r.push("- has not spent anything on Upwork yet".into()),
        Some(s) if s >= 10_000.0 => r.push(format!("+ ${:.0}K spent on Upwork", s / 1000.0)),
        _ => {}
    }
}

fn competition(f: &Facts, r: &mut Vec<String>) {
    if let Some(p) = &f.proposals {
        match first_number(p) {
            Some(n) if n >= 50.0 => r.push(format!("- {p} proposals already")),
            Some(n) if n < 10.0 => {
                // Upwork writes "Less than 5": "only fewer than 5" reads as a seam.
                let p = match p.to_lowercase().strip_prefix("less than ") {
                    Some(rest) => format!("fewer than {rest}"),
                    None => format!("only {p}"),
                };
                r.push(format!("+ {p} proposals so far"))
            }
            _ => {}
        }
    }
    if let Some(i) = f.interviewing.filter(|&i| i >= 3) {
        r.push(format!("- already interviewing {i}"));
    }
    if let Some(d) = f.posted.as_deref().and_then(days_ago) {
        if d >= 7.0 {
            r.push(format!(
                "- posted {}: it may be filled",
                f.posted.as_deref().unwrap_or_default()
            ));
        } else if d < 1.0 {
            r.push("+ posted today".into());
        }
    }
}

fn budget_vs_rate(f: &Facts, rate: Option<f64>, r: &mut Vec<String>) {
    let (Some(b), Some(rate)) = (&f.budget, rate) else {
        return;
    };
    if b.hourly {
        if let Some(high) = b.high.filter(|&h| h < rate) {
            r.push(format!(
                "- the hourly range tops out at ${high:.0}, below your ${rate:.0}/hr"
            ));
        } else if b.high.is_some() {
            r.push(format!("+ your ${rate:.0}/hr is inside the hourly range"));
        }
    } else if let Some(total) = b.high {
        let hours = total / rate;
        if hours < 5.0 {
            r.push(format!(
                "- the fixed budget of ${total:.0} pays about {hours:.0} hours at your rate"
            ));
        } else {
            r.push(format!(
                "+ the fixed budget of ${total:.0} pays about {hours:.0} hours at your rate"
            ));
        }
    }
}

/// The assessment of the job for this freelancer.
pub fn assess(f: &Facts, rate: Option<f64>, fit: &Fit) -> Assessment {
    let mut reasons = Vec::new();
    if fit.fits {
        reasons.push(format!("+ {}", fit.verdict));
    } else {
        reasons.push(format!("! {}", fit.verdict));
    }
    client_signs(f, &mut reasons);
    competition(f, &mut reasons);
    budget_vs_rate(f, rate, &mut reasons);
    let red = reasons.iter().filter(|r| r.starts_with('!')).count();
    let warn = reasons.iter().filter(|r| r.starts_with('-')).count();
    let known = f.payment_verified.is_some()
        || f.hire_rate.is_some()
        || f.total_spent.is_some()
        || f.jobs_posted.is_some();
    let verdict = if !fit.fits || red >= 2 {
        "skip"
    } else if red == 1 || warn >= 2 {
        "think twice"
    } else if !known {
        reasons.push("- the page does not show the client's payment, hires or spending".into());
        "not enough information"
    } else {
        "apply"
    };
    Assessment {
        verdict: verdict.to_string(),
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proposal::post::parse;

    fn fit(fits: bool) -> Fit {
        Fit {
            fits,
            covered: 2,
            total: 2,
            verdict: "fits".into(),
            ..Fit::default()
        }
    }

    #[test]
    fn verdicts() {
        let good = parse(
            "T\nPayment method verified\n24 jobs posted\n67% hire rate, 2 open jobs\n$12K total spent\nProposals: 5 to 10\nPosted 2 hours ago\n",
        );
        assert_eq!(assess(&good.facts, Some(50.0), &fit(true)).verdict, "apply");
        let bad = parse(
            "T\nPayment method not verified\n11 jobs posted\n9% hire rate\n$0 total spent\nProposals: 50+\n",
        );
        let a = assess(&bad.facts, Some(50.0), &fit(true));
        assert_eq!(a.verdict, "skip", "{:?}", a.reasons);
        let none = parse("Title: T\n\nSome work.\n");
        assert_eq!(
            assess(&none.facts, None, &fit(true)).verdict,
            "not enough information"
        );
        assert_eq!(assess(&good.facts, None, &fit(false)).verdict, "skip");
    }
}
