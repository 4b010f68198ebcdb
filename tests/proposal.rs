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
    // A Chinese post is drafted from example-site's Chinese pages (under /zh/).
    let lang = match p["post"]["language"].as_str() {
        Some("zh") => "zh/",
        _ => "",
    };
    for slug in strings(&p["chosen"]) {
        let url = format!("https://meilin.github.io/portfolio/{lang}projects/{slug}/");
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
    // The availability is said as the profile words it, never "每周" twice.
    let letter = p["letter"].as_str().unwrap_or_default().to_string();
    assert!(letter.contains("我可投入的时间：每周 25 小时"), "{letter}");
    assert!(!letter.contains("每周可投入"), "{letter}");
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

/// Job posts written for these tests (tests/jobs/posts), each as copied from an
/// Upwork job page (`.page.txt`) and as plain `Label: value` text (`.plain.txt`),
/// against a small site of every kind of work (tests/jobs/site): the project
/// expected first, or `None` when the job is outside the freelancer's work.
const POSTS: &[(&str, Option<&str>)] = &[
    ("rust-logtail", Some("logtail")),
    ("api-docs", Some("payments-api-docs")),
    ("saas-blog", Some("saas-blog")),
    ("bakery-logo", Some("bakery-brand")),
    ("fitness-ui", Some("fitness-app-ui")),
    ("game-zh", Some("game-localization")),
    ("spanish-legal", Some("spanish-contracts")),
    ("react-shop", Some("shop-react")),
    ("price-scraper", Some("price-scraper")),
    ("zh-tea-copy", Some("tea-copy-zh")),
    ("tax-advisor", None),
    ("data-entry", None),
    ("flask-azure", None),
    ("russian-writer", None),
];

fn fixture(name: &str, form: &str) -> (i32, Value) {
    let site = format!("{}/tests/jobs/site", env!("CARGO_MANIFEST_DIR"));
    let post = format!(
        "{}/tests/jobs/posts/{name}.{form}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let r = folio(&["proposal", &site, &post, "--format", "json"]);
    (
        r.code,
        serde_json::from_str(&r.stdout)
            .unwrap_or_else(|e| panic!("{name}.{form}: {e}\n{}", r.stderr)),
    )
}

/// Words of budget, length, level, activity and client lines.
const METADATA: &[&str] = &[
    "$",
    "hrs/week",
    "month",
    "proposal",
    "intermediate",
    "expert",
    "entry level",
    "fixed",
    "hourly",
    "verified",
    "hire rate",
    "spent",
    "posted",
    "interviewing",
    "member since",
];

#[test]
fn job_posts_in_both_forms_choose_the_expected_project() {
    for (name, expected) in POSTS {
        let mut seen: Vec<Value> = Vec::new();
        for form in ["page", "plain"] {
            let (code, p) = fixture(name, form);
            let at = format!("{name}.{form}");
            let chosen = strings(&p["chosen"]);
            match expected {
                Some(slug) => {
                    assert_eq!(code, 0, "{at}: {}", p["fit"]);
                    assert_eq!(
                        chosen.first().map(String::as_str),
                        Some(*slug),
                        "{at}: {:?}",
                        p["ranked"]
                    );
                }
                None => {
                    assert_eq!(code, 3, "{at}: a job outside the work gets no pitch");
                    assert!(chosen.is_empty() && p["letter"] == "", "{at}");
                    assert_eq!(p["assessment"]["verdict"], "skip", "{at}");
                }
            }
            for r in p["requirements"].as_array().unwrap() {
                let n = r["name"].as_str().unwrap().to_lowercase();
                assert!(
                    !METADATA.iter().any(|m| n.contains(m)),
                    "{at}: `{n}` is metadata"
                );
                assert!(n.chars().any(char::is_alphabetic), "{at}: `{n}`");
            }
            assert!(
                p["post"]["facts"]["budget"].is_object(),
                "{at}: the budget was read"
            );
            assert!(
                p["post"]["facts"]["length"].is_string(),
                "{at}: the length was read"
            );
            assert!(p["assessment"]["verdict"].is_string(), "{at}");
            check_answers(&at, &p, expected.is_some());
            seen.push(p);
        }
        assert_eq!(
            seen[0]["requirements"], seen[1]["requirements"],
            "{name}: both forms read alike"
        );
        assert_eq!(
            seen[0]["post"]["questions"], seen[1]["post"]["questions"],
            "{name}"
        );
    }
}

/// Every screening question has an answer line in the letter, never a deflection to a call.
fn check_answers(at: &str, p: &Value, fits: bool) {
    let letter = p["letter"].as_str().unwrap();
    let questions = strings(&p["post"]["questions"]);
    if !fits {
        return;
    }
    assert_eq!(
        p["answers"].as_array().unwrap().len(),
        questions.len(),
        "{at}"
    );
    for (q, a) in questions.iter().zip(p["answers"].as_array().unwrap()) {
        let answer = a["answer"].as_str().unwrap();
        assert!(
            !answer.is_empty() && !answer.contains("call"),
            "{at}: {q} → {answer}"
        );
        let i = letter
            .find(q.as_str())
            .unwrap_or_else(|| panic!("{at}: `{q}` is not in the letter"));
        assert!(
            letter[i..].contains(answer),
            "{at}: the answer follows `{q}`"
        );
    }
    if letter.contains("exactly") {
        assert!(
            uncovered(p).is_empty(),
            "{at}: \"exactly\" with uncovered requirements"
        );
    }
    let zh = p["post"]["language"] == "zh";
    assert_eq!(
        letter.contains("您好"),
        zh,
        "{at}: the letter is in the post's language"
    );
    // No template seams: doubled words, nested brackets, the title pasted as a need.
    let words: Vec<String> = letter
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    for pair in words.windows(2) {
        assert!(
            pair[0] != pair[1] || !pair[0].chars().all(char::is_alphabetic),
            "{at}: doubled `{}`",
            pair[0]
        );
    }
    for seam in ["((", "))", "（(", ")）", "（（", "[[", "{{"] {
        assert!(!letter.contains(seam), "{at}: `{seam}` in {letter}");
    }
    let title = p["post"]["title"].as_str().unwrap();
    assert!(
        !letter.contains(&format!("You need {title}")),
        "{at}: the title pasted as the need"
    );
    if !zh {
        let titles: String = p["ranked"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["title"].as_str().unwrap())
            .collect();
        let foreign = letter
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c) && !titles.contains(*c))
            .count();
        assert_eq!(foreign, 0, "{at}: Chinese text quoted in an English letter");
    }
}

#[test]
fn instructions_in_posts_are_followed() {
    let (_, p) = fixture("saas-blog", "page");
    assert!(
        p["letter"].as_str().unwrap().starts_with("ledger\n"),
        "{}",
        p["letter"]
    );
    assert!(
        strings(&p["flags"])
            .iter()
            .any(|f| f.contains("asks for 2 samples"))
    );
    let (_, p) = fixture("rust-logtail", "page");
    let letter = p["letter"].as_str().unwrap();
    assert!(
        letter.contains("https://github.com/sam-example/logtail"),
        "code asked: the source link"
    );
    assert!(
        letter.contains("I have done exactly that. logtail"),
        "{letter}"
    );
    assert!(
        !letter.contains("Hourly") && !letter.contains("$800"),
        "{letter}"
    );
    // Issue 18's CLI case: the project that did the work comes first (not the featured docs
    // project that only shares the skills), the post's name for the skill meets the
    // freelancer's, and the screening question gets the project and its source.
    assert_eq!(strings(&p["chosen"]), vec!["logtail", "clap-guide"]);
    assert_eq!(p["requirements"][1]["name"], "Command Line Interface");
    assert_eq!(p["requirements"][1]["skill"], "Command-Line Tools");
    let first = p["answers"][0]["answer"].as_str().unwrap();
    assert!(
        first.starts_with("Yes: logtail") && first.contains("github.com/sam-example/logtail"),
        "{first}"
    );
    let (code, p) = fixture("russian-writer", "plain");
    assert_eq!(code, 3);
    assert!(
        p["fit"]["verdict"].as_str().unwrap().contains("Russian"),
        "{}",
        p["fit"]
    );
}

#[test]
fn the_report_ends_with_the_assessment() {
    let site = format!("{}/tests/jobs/site", env!("CARGO_MANIFEST_DIR"));
    let post = format!(
        "{}/tests/jobs/posts/data-entry.page.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let r = folio(&["proposal", &site, &post]);
    assert_eq!(r.code, 3);
    assert!(
        r.stdout.starts_with("\n── Report") || r.stdout.starts_with("── Report"),
        "no pitch: {}",
        r.stdout
    );
    let tail = &r.stdout[r
        .stdout
        .find("Worth the Connects? skip")
        .expect("a verdict")..];
    assert!(tail.contains("! payment method not verified"), "{tail}");
    assert!(
        tail.contains("hires for 9% of the 11 jobs posted"),
        "{tail}"
    );
}
