//! `folio proposal`: realistic job posts against the example site.

mod common;
use common::*;
use serde_json::Value;

fn job(name: &str) -> String {
    format!("{}/tests/jobs/{name}.txt", env!("CARGO_MANIFEST_DIR"))
}

fn draft(name: &str) -> Value {
    draft_with_code(name, 0)
}

fn draft_with_code(name: &str, code: i32) -> Value {
    let r = folio(&["proposal", "example-site", &job(name), "--format", "json"]);
    assert_eq!(r.code, code, "{}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}

fn uncovered(p: &Value) -> Vec<String> {
    p["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["projects"].as_array().unwrap().is_empty())
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect()
}

fn check_letter(p: &Value) {
    let letter = p["letter"].as_str().unwrap();
    assert!(letter.chars().count() <= 5000);
    assert_eq!(
        p["letter_chars"].as_u64().unwrap() as usize,
        letter.chars().count()
    );
    for slug in strings(&p["chosen"]) {
        let url = format!("https://meilin.github.io/portfolio/projects/{slug}/");
        assert!(letter.contains(&url), "the letter links {url}");
    }
    for line in letter.lines() {
        assert_eq!(line, line.trim_end());
    }
    assert!(
        !letter.contains("**") && !letter.contains("<"),
        "plain text"
    );
}

#[test]
fn a_writing_job_picks_the_writing_projects_and_profile() {
    let p = draft("writing");
    assert_eq!(p["profile"], "writer");
    let chosen = strings(&p["chosen"]);
    assert_eq!(chosen[0], "streamline-docs-overhaul");
    assert_eq!(chosen.len(), 3);
    assert_eq!(uncovered(&p), vec!["Swagger"]);
    check_letter(&p);
    // The opening answers the need within its first 200 characters.
    let opening: String = p["letter"].as_str().unwrap().chars().take(200).collect();
    assert!(
        opening.contains("Technical Writing") && opening.contains("Streamline docs overhaul"),
        "{opening}"
    );
    // It answers the post's own question.
    assert!(
        p["letter"]
            .as_str()
            .unwrap()
            .contains("What tools do you use to keep code samples")
    );
    let reasons = p["ranked"][0]["reasons"].as_array().unwrap();
    assert!(
        reasons[0]
            .as_str()
            .unwrap()
            .starts_with("shares skills: Technical Writing")
    );
}

#[test]
fn a_rust_job_picks_the_cli_projects_and_the_developer_profile() {
    let p = draft("rust");
    assert_eq!(p["profile"], "developer");
    let chosen = strings(&p["chosen"]);
    assert_eq!(&chosen[..2], ["doccheck-cli", "ferris-bench"]);
    assert_eq!(uncovered(&p), vec!["GitHub Actions"]);
    check_letter(&p);
    assert!(
        p["letter"].as_str().unwrap().contains("$75/hr"),
        "the developer profile's rate"
    );
}

#[test]
fn a_chinese_job_picks_the_localization_project() {
    let p = draft("zh");
    assert_eq!(strings(&p["chosen"])[0], "cloudstack-zh");
    assert!(uncovered(&p).is_empty(), "{:?}", p["requirements"]);
    let names: Vec<String> = p["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect();
    assert!(names.contains(&"中文本地化".to_string()), "{names:?}");
    check_letter(&p);
}

#[test]
fn a_job_that_matches_nothing_claims_nothing() {
    // Issue 18: when nothing fits, the verdict and no pitch, exit status 3.
    let p = draft_with_code("nothing", 3);
    assert!(strings(&p["chosen"]).is_empty());
    assert_eq!(
        &uncovered(&p)[..3],
        ["Photography", "Photo Editing", "Adobe Lightroom"]
    );
    assert_eq!(p["fit"]["fits"], false);
    assert_eq!(p["letter"], "");
    assert_eq!(p["assessment"]["verdict"], "skip");
}

#[test]
fn ranking_is_stable_and_text_output_has_the_report() {
    let a = folio(&["proposal", "example-site", &job("writing")]);
    let b = folio(&["proposal", "example-site", &job("writing")]);
    assert_eq!(a.code, 0);
    assert_eq!(a.stdout, b.stdout);
    assert!(a.stdout.contains("── Report (not part of the letter) ──"));
    assert!(
        a.stdout
            .contains("✗ Swagger: no project shows it; say so honestly")
    );
    assert!(a.stdout.contains("Letter: ") && a.stdout.contains("/5000 characters"));
}

#[test]
fn stdin_profile_choice_and_top() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args([
            "proposal",
            "example-site",
            "-",
            "--profile",
            "writer",
            "--top",
            "1",
            "--format",
            "json",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::fs::File::open(job("rust")).unwrap())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(p["profile"], "writer");
    assert_eq!(strings(&p["chosen"]).len(), 1);
    let r = folio(&[
        "proposal",
        "example-site",
        &job("rust"),
        "--profile",
        "painter",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("there is no specialized profile `painter`"),
        "{}",
        r.stderr
    );
}

#[test]
fn templates_synonyms_and_contact_rules() {
    let site = Site::new();
    site.write(
        "folio.yaml",
        "title: T\nbase_url: https://ana.dev/\nproposal:\n  synonyms:\n    oxidation: Rust\n",
    );
    let post = site.p("job.txt");
    std::fs::write(
        &post,
        "Oxidation expert wanted\n\nWe need oxidation work on our tools.\n",
    )
    .unwrap();
    let r = folio(&[
        "proposal",
        site.path().to_str().unwrap(),
        post.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let p: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(p["requirements"][0]["skill"], "Rust");
    assert_eq!(strings(&p["chosen"]), vec!["alpha"]);
    // The site's templates/proposal.txt replaces the theme's.
    site.write(
        "templates/proposal.txt",
        "Dear client, see {{ projects[0].url }}\n",
    );
    let r = folio(&[
        "proposal",
        site.path().to_str().unwrap(),
        post.to_str().unwrap(),
    ]);
    assert!(
        r.stdout
            .starts_with("Dear client, see https://ana.dev/projects/alpha/\n"),
        "{}",
        r.stdout
    );
    // --template, and contact details in it are errors (exit 1, letter still shown).
    let t = site.p("mine.txt");
    std::fs::write(&t, "Write to ana@example.com or call +351 912 345 678.\n").unwrap();
    let r = folio(&[
        "proposal",
        site.path().to_str().unwrap(),
        post.to_str().unwrap(),
        "--template",
        t.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.starts_with("Write to ana@example.com"));
    assert!(
        r.stderr.contains("the letter contains an e-mail address")
            && r.stderr.contains("a phone number"),
        "{}",
        r.stderr
    );
}
