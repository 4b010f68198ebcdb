//! Issue 29: the fit gate on a labelled set of job posts (tests/jobs/labelled),
//! each in both forms, against example-site (a technical writer and Rust
//! developer) and tests/jobs/motion-site (a motion designer as imported from a
//! LinkedIn export). Prints precision and recall of "apply" and the table.

mod common;
use common::*;
use serde_json::Value;

/// The targets are enforced (they were off in the commit that recorded the "before" numbers).
const ENFORCED: bool = true;

struct Label {
    name: String,
    site: String,
    apply: bool,
    acceptable: Vec<String>,
}

fn labels(dir: &str) -> Vec<Label> {
    let root = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{root}/tests/jobs/{dir}/labels.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Label {
                name: f[0].to_string(),
                site: match f[1] {
                    "example" => "example-site".to_string(),
                    _ => format!("{root}/tests/jobs/motion-site"),
                },
                apply: f[2] == "apply",
                acceptable: f[3]
                    .split(',')
                    .filter(|s| *s != "-")
                    .map(str::to_string)
                    .collect(),
            }
        })
        .collect()
}

struct Scored {
    precision: f64,
    recall: f64,
    /// Fits that got a letter not leading with an acceptable project.
    wrong_lead: Vec<String>,
    /// Posts scored, each form counted.
    runs: usize,
}

fn score(dir: &str) -> Scored {
    let root = env!("CARGO_MANIFEST_DIR");
    let (mut tp, mut fp, mut fneg) = (0, 0, 0);
    let mut wrong_lead = Vec::new();
    let mut runs = 0;
    println!(
        "{:<34} {:<8} {:<8} first project",
        "post", "expected", "verdict"
    );
    for l in labels(dir) {
        for form in ["page", "plain"] {
            let post = format!("{root}/tests/jobs/{dir}/{}.{form}.txt", l.name);
            let r = folio(&["proposal", &l.site, &post, "--format", "json"]);
            assert!(
                r.code == 0 || r.code == 3,
                "{}.{form}: {}",
                l.name,
                r.stderr
            );
            let p: Value = serde_json::from_str(&r.stdout).unwrap();
            let applied = r.code == 0;
            runs += 1;
            let first = p["chosen"][0].as_str().unwrap_or("-").to_string();
            match (l.apply, applied) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fneg += 1,
                _ => {}
            }
            if l.apply && applied && !l.acceptable.contains(&first) {
                wrong_lead.push(format!("{}.{form}: {first}", l.name));
            }
            let at = format!("{}.{form}", l.name);
            let expected = if l.apply { "apply" } else { "decline" };
            let verdict = if applied { "apply" } else { "decline" };
            let mark = if expected == verdict { " " } else { "✗" };
            println!("{mark}{at:<33} {expected:<8} {verdict:<8} {first}");
        }
    }
    let precision = tp as f64 / ((tp + fp) as f64).max(1.0);
    let recall = tp as f64 / ((tp + fneg) as f64).max(1.0);
    println!(
        "{dir}: precision of \"apply\" {:.1} %, recall {:.1} % ({tp} right, {fp} wrong yes, {fneg} wrong no); wrong first project: {wrong_lead:?}",
        100.0 * precision,
        100.0 * recall
    );
    Scored {
        precision,
        recall,
        wrong_lead,
        runs,
    }
}

#[test]
fn the_fit_gate_on_the_labelled_posts() {
    let s = score("labelled");
    if ENFORCED {
        assert!(s.precision >= 0.95, "precision {:.3}", s.precision);
        assert!(s.recall >= 0.95, "recall {:.3}", s.recall);
        assert!(s.wrong_lead.is_empty(), "{:?}", s.wrong_lead);
    }
}

/// Never tuned on; a looser floor than the labelled set's, so a change that
/// only fits the labelled posts still shows here (`-- --nocapture` prints the table).
#[test]
fn the_fit_gate_on_the_held_out_posts() {
    let s = score("heldout");
    assert!(s.precision >= 0.9, "precision {:.3}", s.precision);
    assert!(s.recall >= 0.9, "recall {:.3}", s.recall);
}

/// Issue 29: posts written without reading the gate or the other posts, labelled
/// from the portfolios before the first run (tests/jobs/blind). The figures are
/// reported (`-- --nocapture` prints the table); the gate was later fixed on its
/// misses, so they are no longer blind.
#[test]
fn the_fit_gate_on_the_blind_posts() {
    let s = score("blind");
    assert_eq!(
        s.runs,
        2 * labels("blind").len(),
        "every post in both forms"
    );
    assert!(s.runs >= 50, "the blind set has 25 posts: {}", s.runs);
    // First scored at 91.3 % / 87.5 %, before the gate was fixed on its misses:
    // a floor below that, so a regression shows.
    assert!(s.precision >= 0.85, "precision {:.3}", s.precision);
    assert!(s.recall >= 0.85, "recall {:.3}", s.recall);
}
