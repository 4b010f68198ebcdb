//! `folio profile`: paste-ready text, limits and contact rules.

mod common;
use common::*;

fn profile(site: &Site, extra: &[&str]) -> Run {
    let mut args = vec!["profile", site.path().to_str().unwrap()];
    args.extend_from_slice(extra);
    folio(&args)
}

fn set_profile(site: &Site, body: &str) {
    site.write(
        "content/profile.yaml",
        &format!("name: Ana\n{body}\nskills: [Rust, Technical Writing, 中文写作]\n"),
    );
}

const OVERVIEW: &str = "overview: I write developer documentation and build the small Rust tools that keep it correct, for teams of every size.";

#[test]
fn example_site_exports_every_profile_without_errors() {
    let r = folio(&["profile", "example-site", "--all"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .ends_with("3 profiles checked against Upwork's rules: 0 errors, 0 warnings\n"),
        "{}",
        r.stderr
    );
    insta::assert_snapshot!("example_all_text", r.stdout);
    // The profile's own e-mail and links are for the website only.
    assert!(!r.stdout.contains("hello@meilin.example"));
    assert!(!r.stdout.contains("github.com/meilin-example"));
    for line in r.stdout.lines() {
        assert_eq!(line, line.trim_end(), "trailing spaces: {line:?}");
    }
    assert!(!r.stdout.contains("\n\n\n"));
    for md in ["**", "`", "](", "##"] {
        assert!(!r.stdout.contains(md), "Markdown `{md}` left in the text");
    }
}

#[test]
fn json_output_has_counts_limits_and_findings() {
    let r = folio(&[
        "profile",
        "example-site",
        "--profile",
        "writer",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let title = &v["profiles"][0]["fields"][0];
    assert_eq!(title["id"], "title");
    assert_eq!(title["max"], 70);
    assert_eq!(
        title["count"],
        title["text"].as_str().unwrap().chars().count()
    );
    assert!(
        v["limits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["source"].is_string())
    );
    insta::assert_snapshot!("example_writer_json", r.stdout);
}

#[test]
fn out_writes_one_file_per_field() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("upwork");
    let r = folio(&["profile", "example-site", "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for f in [
        "title.txt",
        "overview.txt",
        "skills.txt",
        "skills-comma.txt",
        "hourly-rate.txt",
        "languages.txt",
        "certifications.txt",
        "employment/01-freelance.txt",
        "education/01-fudan-university.txt",
        "portfolio/01-streamline-docs-overhaul.txt",
        "profile.json",
    ] {
        assert!(out.join(f).is_file(), "missing {f}");
    }
    assert_eq!(
        std::fs::read_to_string(out.join("title.txt")).unwrap(),
        "Technical Writer & Rust Developer for Developer Tools\n"
    );
    let all = tmp.path().join("all");
    let r = folio(&[
        "profile",
        "example-site",
        "--all",
        "--out",
        all.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0);
    for p in ["general", "writer", "developer"] {
        assert!(all.join(p).join("overview.txt").is_file(), "{p}");
    }
}

#[test]
fn over_long_title_is_an_error_with_file_line_and_numbers() {
    let site = Site::new();
    set_profile(&site, &format!("title: {}\n{OVERVIEW}", "T".repeat(76)));
    let r = profile(&site, &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("error: content/profile.yaml:2: title is 76 characters; Upwork allows 70"),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout.contains("── Title (76/70) ──"),
        "the text is still printed"
    );
}

#[test]
fn limits_can_be_overridden_in_the_config() {
    let site = Site::new();
    set_profile(&site, &format!("title: {}\n{OVERVIEW}", "T".repeat(76)));
    site.write(
        "folio.yaml",
        "title: T\nupwork:\n  limits:\n    title: 80\n",
    );
    assert_eq!(profile(&site, &[]).code, 0);
    site.write(
        "folio.yaml",
        "title: T\nupwork:\n  limits:\n    titel: 80\n",
    );
    let r = profile(&site, &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("folio.yaml:4: `upwork.limits` has no field `titel`")
            && r.stderr.contains("did you mean `title`?"),
        "{}",
        r.stderr
    );
}

#[test]
fn overview_bounds() {
    let site = Site::new();
    set_profile(&site, "title: Writer\noverview: Too short.");
    let r = profile(&site, &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains(
            "content/profile.yaml:3: overview is 10 characters; Upwork asks for at least 100"
        ),
        "{}",
        r.stderr
    );
    set_profile(
        &site,
        &format!("title: Writer\noverview: {}", "word ".repeat(1001)),
    );
    let r = profile(&site, &[]);
    assert!(
        r.stderr
            .contains("overview is 5004 characters; Upwork allows 5000"),
        "{}",
        r.stderr
    );
    // `folio check` shows the same rules as warnings of the platform: the site is fine.
    let r = folio(&["check", site.path().to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("warning[upwork]: content/profile.yaml:3: overview is 5004 characters; Upwork allows 5000"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_short_overview_passes_check_with_a_warning_and_fails_profile() {
    let site = Site::new();
    let overview = "I write developer docs and build small Rust tools for teams.";
    assert_eq!(overview.chars().count(), 60);
    set_profile(&site, &format!("title: Writer\noverview: {overview}"));
    let check = folio(&["check", site.path().to_str().unwrap()]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let finding = "content/profile.yaml:3: overview is 60 characters; Upwork asks for at least 100";
    assert!(
        check
            .stderr
            .contains(&format!("warning[upwork]: {finding}")),
        "{}",
        check.stderr
    );
    assert!(!check.stderr.contains("error"), "{}", check.stderr);
    assert!(
        check.stdout.contains("1 would make `folio profile` fail")
            && check.stdout.contains("`folio profile --all`"),
        "check says where to see them all: {}",
        check.stdout
    );
    let build = folio(&["build", site.path().to_str().unwrap()]);
    assert_eq!(
        build.code, 0,
        "the build never fails on a platform rule: {}",
        build.stderr
    );
    let r = profile(&site, &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains(&format!("error: {finding}")),
        "{}",
        r.stderr
    );
}

#[test]
fn linkedin_findings_are_labelled_in_check() {
    let site = Site::new();
    set_profile(
        &site,
        &format!("title: {}\n{OVERVIEW}", "Writer ".repeat(11).trim_end()),
    );
    let r = folio(&["check", site.path().to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "warning[upwork]: content/profile.yaml:2: title is 76 characters; Upwork allows 70"
        ),
        "{}",
        r.stderr
    );
    site.write(
        "folio.yaml",
        "title: Ana\nbase_url: https://ana.github.io/portfolio/\nlinkedin:\n  limits: {title: 50}\n",
    );
    let r = folio(&["check", site.path().to_str().unwrap()]);
    assert!(
        r.stderr.contains(
            "warning[linkedin]: content/profile.yaml:2: title is 76 characters; LinkedIn allows 50"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn emoji_are_counted_in_utf16_too() {
    let site = Site::new();
    set_profile(
        &site,
        &format!("title: \"{}\"\n{OVERVIEW}", "🚀".repeat(36)),
    );
    let r = profile(&site, &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("title is 72 characters (UTF-16; 36 Unicode characters); Upwork allows 70"),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout
            .contains("── Title (72/70; 36 Unicode characters) ──"),
        "{}",
        r.stdout
    );
}

#[test]
fn too_many_skills() {
    let site = Site::new();
    let skills: Vec<String> = (1..=16).map(|i| format!("Skill {i}")).collect();
    site.write(
        "content/profile.yaml",
        &format!(
            "name: Ana\ntitle: W\n{OVERVIEW}\nskills: [{0}, Rust, Technical Writing, 中文写作]\nupwork_skills: [{0}, Rust, Technical Writing, 中文写作]\n",
            skills.join(", ")
        ),
    );
    site.write("content/profiles/writer.yaml", "title: W\noverview: Docs that developers read, written after interviewing engineers and watching users struggle.\nskills: [Rust]\n");
    let r = profile(&site, &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("content/profile.yaml:5: skills is 19 entries; Upwork allows 15"),
        "{}",
        r.stderr
    );
    // A specialized profile's own list is judged the same way.
    let list: Vec<String> = (1..=16).map(|i| format!("Skill {i}")).collect();
    site.write(
        "content/profiles/writer.yaml",
        &format!("title: W\n{OVERVIEW}\nskills: [{}]\n", list.join(", ")),
    );
    let r = profile(&site, &["--profile", "writer"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("content/profiles/writer.yaml:3: skills is 16 entries; Upwork allows 15"),
        "{}",
        r.stderr
    );
}

/// A site whose profile.yaml declares `n` skills; project `p{i}` uses the skills listed for it.
fn site_with_skills(n: usize, uses: &[&[usize]]) -> Site {
    let site = Site::new();
    let names: Vec<String> = (1..=n).map(|i| format!("Skill {i}")).collect();
    site.write(
        "content/profile.yaml",
        &format!(
            "name: Ana\ntitle: W\n{OVERVIEW}\nskills: [{}]\n",
            names.join(", ")
        ),
    );
    site.remove("content/profiles/writer.yaml");
    site.remove("content/projects/alpha.md");
    std::fs::remove_dir_all(site.p("content/projects/beta")).unwrap();
    for (i, used) in uses.iter().enumerate() {
        let skills: Vec<String> = used.iter().map(|k| format!("Skill {k}")).collect();
        site.write(
            &format!("content/projects/p{i}.md"),
            &format!(
                "---\ntitle: P{i}\ndate: 2024\nsummary: Project {i}.\nskills: [{}]\n---\n",
                skills.join(", ")
            ),
        );
    }
    site
}

fn json_skills(r: &Run, profile: usize) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let skills = v["profiles"][profile]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "skills")
        .unwrap()
        .clone();
    serde_json::from_value(skills["items"].clone()).unwrap()
}

#[test]
fn without_a_list_upwork_gets_the_15_most_used_skills_and_is_told_which() {
    // 102 skills (tags turned into skills); projects use 30, 5 and 20 most.
    let site = site_with_skills(102, &[&[30, 5, 20], &[5, 20, 1], &[5], &[20]]);
    let r = profile(&site, &["--format", "json"]);
    assert_eq!(
        r.code, 0,
        "the site may show any number of skills: {}",
        r.stderr
    );
    let chosen = json_skills(&r, 0);
    assert_eq!(chosen.len(), 15);
    let expected: Vec<String> = [5, 20, 1, 30, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13]
        .iter()
        .map(|k| format!("Skill {k}"))
        .collect();
    assert_eq!(chosen, expected, "most used first, then declared order");
    assert!(
        r.stderr.contains("note: content/profile.yaml has no `upwork_skills:`, so folio chose 15 skills for Upwork")
            && r.stderr.contains(&format!("chosen: {}", expected.join(", "))),
        "{}",
        r.stderr
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(v["profiles"][0]["fields"][2]["note"].is_string());
    // check stays quiet about it: nothing is wrong.
    let c = folio(&["check", site.path().to_str().unwrap()]);
    assert_eq!(c.code, 0, "{}", c.stderr);
    assert!(!c.stderr.contains("Upwork allows 15"), "{}", c.stderr);
    // LinkedIn takes every skill the site shows (it allows 100): 102 is a warning in check.
    assert!(
        c.stderr.contains(
            "warning[linkedin]: content/profile.yaml:4: skills is 102 entries; LinkedIn allows 100"
        ),
        "{}",
        c.stderr
    );
}

#[test]
fn the_profiles_own_list_goes_to_upwork() {
    let site = site_with_skills(20, &[&[3, 4], &[4]]);
    site.write(
        "content/profile.yaml",
        &format!(
            "{}upwork_skills: [Skill 9, Skill 2]\n",
            std::fs::read_to_string(site.path().join("content/profile.yaml")).unwrap()
        ),
    );
    site.write(
        "content/profiles/dev.yaml",
        &format!("title: Dev\n{OVERVIEW}\nskills: [Skill 7]\n"),
    );
    site.write(
        "content/profiles/docs.yaml",
        &format!("title: Docs\n{OVERVIEW}\nprojects: [p0]\n"),
    );
    let r = profile(&site, &["--all", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(json_skills(&r, 0), ["Skill 9", "Skill 2"]);
    assert_eq!(json_skills(&r, 1), ["Skill 7"]);
    // No list: the skills of its own projects first.
    let docs = json_skills(&r, 2);
    assert_eq!(docs.len(), 15);
    assert_eq!(docs[..3], ["Skill 3", "Skill 4", "Skill 1"]);
    assert!(
        r.stderr.contains(
            "note: content/profiles/docs.yaml has no `skills:`, so folio chose 15 skills"
        ),
        "{}",
        r.stderr
    );
    assert!(
        !r.stderr.contains("note: content/profile.yaml"),
        "{}",
        r.stderr
    );
    // An unknown skill in the list is the site's error, with a hint.
    site.write(
        "content/profile.yaml",
        &format!("name: Ana\ntitle: W\n{OVERVIEW}\nskills: [Rust]\nupwork_skills: [Rusty]\n"),
    );
    let r = folio(&["check", site.path().to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("content/profile.yaml:5"), "{}", r.stderr);
}

#[test]
fn portfolio_limits_warn_and_fail() {
    let site = Site::new();
    set_profile(&site, &format!("title: W\n{OVERVIEW}"));
    site.write(
        "content/projects/alpha.md",
        &format!(
            "---\ntitle: {}\ndate: 2024\nsummary: {}\nrole: {}\n---\n",
            "A".repeat(41),
            "s".repeat(301),
            "r".repeat(20)
        ),
    );
    let r = profile(&site, &[]);
    assert_eq!(r.code, 0, "warnings alone exit 0: {}", r.stderr);
    assert!(r.stderr.contains("warning: content/projects/alpha.md:2: portfolio title is 41 characters; Upwork advises at most 40"), "{}", r.stderr);
    assert!(r.stderr.contains("warning: content/projects/alpha.md:4: portfolio description is 301 characters; Upwork advises at most 300"), "{}", r.stderr);
    site.write(
        "content/projects/alpha.md",
        &format!(
            "---\ntitle: {}\ndate: 2024\nsummary: {}\nrole: {}\n---\n",
            "A".repeat(71),
            "s".repeat(601),
            "r".repeat(101)
        ),
    );
    let r = profile(&site, &[]);
    assert_eq!(r.code, 1);
    for m in [
        "error: content/projects/alpha.md:2: portfolio title is 71 characters; Upwork allows 70",
        "error: content/projects/alpha.md:4: portfolio description is 601 characters; Upwork allows 600",
        "error: content/projects/alpha.md:5: portfolio role is 101 characters; Upwork allows 100",
    ] {
        assert!(r.stderr.contains(m), "{m}\n{}", r.stderr);
    }
}

#[test]
fn more_than_two_specialized_profiles_is_a_warning() {
    let site = Site::new();
    set_profile(&site, &format!("title: W\n{OVERVIEW}"));
    for n in ["a", "b", "c"] {
        site.write(
            &format!("content/profiles/{n}.yaml"),
            &format!("title: {n}\n{OVERVIEW}\n"),
        );
    }
    site.remove("content/profiles/writer.yaml");
    let r = profile(&site, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "warning: content/profiles: there are 3 specialized profiles; Upwork allows 2"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn each_kind_of_contact_detail_is_an_error() {
    for (text, kind) in [
        (
            "write to ana@example.com for details",
            "an e-mail address: `ana@example.com`",
        ),
        (
            "call +351 912 345 678 any time",
            "a phone number: `+351 912 345 678`",
        ),
        (
            "Skype: ana.silva works too",
            "a messenger id: `Skype: ana.silva`",
        ),
        (
            "find me as @ana_writes online",
            "a social media handle: `@ana_writes`",
        ),
        (
            "see more at https://ana.dev/work please",
            "an outside link: `https://ana.dev/work`",
        ),
    ] {
        let site = Site::new();
        set_profile(
            &site,
            &format!(
                "title: Writer\noverview: |\n  I write developer documentation and build the Rust tools behind it, for teams of every size.\n  {text}"
            ),
        );
        let r = profile(&site, &[]);
        assert_eq!(r.code, 1, "{text}");
        let expected = format!(
            "error: content/profile.yaml:5: overview contains {kind}; Upwork forbids contact details"
        );
        assert!(r.stderr.contains(&expected), "{expected}\n{}", r.stderr);
    }
}

#[test]
fn version_numbers_and_languages_are_not_contact_details() {
    let site = Site::new();
    set_profile(
        &site,
        "title: C++ and C# developer\noverview: |\n  Shipped version 1.2.3 of a C++ library in 2018-2021, cut build time 40 % on 1,200 files.\n  I know [Telegram bots](https://t.example) and Slack apps; this link text stays, its URL goes.",
    );
    let r = profile(&site, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("I know Telegram bots and Slack apps"));
}

#[test]
fn contact_details_in_projects_are_found_with_their_file() {
    let site = Site::new();
    set_profile(&site, &format!("title: W\n{OVERVIEW}"));
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha\ndate: 2024\nsummary: \"Contact me on WhatsApp ID: anasilva\"\n---\n",
    );
    let r = profile(&site, &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains(
            "error: content/projects/alpha.md:4: portfolio description contains a messenger id"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn unknown_specialized_profile() {
    let site = Site::new();
    let r = profile(&site, &["--profile", "writr"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("there is no specialized profile `writr`")
            && r.stderr.contains("did you mean `writer`?"),
        "{}",
        r.stderr
    );
    assert_eq!(profile(&site, &["--profile", "writer", "--all"]).code, 2);
}

#[test]
fn linkedin_uses_its_own_limits() {
    let site = Site::new();
    set_profile(&site, &format!("title: {}\n{OVERVIEW}", "T".repeat(100)));
    let r = profile(&site, &["--platform", "linkedin"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("── Headline (100/220) ──"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("── About ("), "{}", r.stdout);
}

#[test]
fn out_writes_each_cover_at_4_3_and_1000_by_750_for_upwork() {
    let site = Site::new();
    // alpha: a wide PNG; beta keeps its SVG cover; gamma: a small JPEG.
    let png = site.p("content/projects/alpha-wide.png");
    image::RgbImage::from_fn(1600, 900, |x, _| image::Rgb([(x % 256) as u8, 80, 160]))
        .save(&png)
        .unwrap();
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha\ndate: 2024-05-01\nsummary: The first project.\nskills: [Rust]\nfeatured: true\ncover: alpha-wide.png\ncover_alt: A chart\n---\n\nText.\n",
    );
    let jpg = site.p("content/projects/gamma.jpg");
    image::RgbImage::from_fn(800, 800, |_, y| image::Rgb([20, (y % 256) as u8, 40]))
        .save(&jpg)
        .unwrap();
    site.write(
        "content/projects/gamma.md",
        "---\ntitle: Gamma\ndate: 2022\nsummary: The third project.\ncover: gamma.jpg\ncover_alt: A photo\n---\n",
    );
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("upwork");
    let r = profile(&site, &["--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("with 3 cover images for Upwork's portfolio (4:3, 1000×750)"),
        "{}",
        r.stdout
    );
    let a = image::open(out.join("portfolio/01-alpha-cover.png")).unwrap();
    assert_eq!((a.width(), a.height()), (1000, 750));
    let g = image::open(out.join("portfolio/03-gamma-cover.jpg")).unwrap();
    assert_eq!((g.width(), g.height()), (1000, 750));
    // Issue 32: beta's SVG cover is rasterised, not left to the freelancer.
    let b = image::open(out.join("portfolio/02-beta-cover.png")).unwrap();
    assert_eq!((b.width(), b.height()), (1000, 750));
    assert!(!r.stderr.contains("vector image"), "{}", r.stderr);
    assert!(
        r.stderr.contains("warning: content/projects/gamma.md: the cover `gamma.jpg` is 800×800; cropped to 4:3 it is 800 pixels wide, less than the 1000 Upwork shows"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("1 warning"), "{}", r.stderr);
    // LinkedIn takes no covers from folio.
    let li = tmp.path().join("linkedin");
    let r = profile(
        &site,
        &["--platform", "linkedin", "--out", li.to_str().unwrap()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!li.join("portfolio/01-alpha-cover.png").exists());
}

/// Issue 28: the line of a company, school, description or language level is
/// where the parser read it, not the first line that happens to hold its text.
#[test]
fn profile_lines_come_from_the_parser() {
    let site = Site::new();
    site.write(
        "content/profile.yaml",
        &format!(
            "name: Ana\ntitle: Good writer at Acme, from Tech University\n{OVERVIEW} Ships docs.\n\
             skills: [Rust, Technical Writing, 中文写作]\nlanguages:\n  - name: English\n    level: Good\n\
             experience:\n  - company: Acme\n    title: Writer\n    start: 2020-01\n\
             \x20   description: |\n      Ships docs.\n\
             education:\n  - school: Tech University\n"
        ),
    );
    let r = profile(&site, &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect(&r.stderr);
    let fields = v["profiles"][0]["fields"].as_array().unwrap();
    let line = |id: &str| {
        let f = fields.iter().find(|f| f["id"] == id);
        f.unwrap_or_else(|| panic!("no field {id}: {}", r.stdout))["line"].clone()
    };
    assert_eq!(line("employment.1.company"), 9);
    assert_eq!(line("employment.1.description"), 13);
    assert_eq!(line("education.1.school"), 15);
    assert!(
        r.stderr
            .contains("content/profile.yaml:7: language level `Good` (English)"),
        "{}",
        r.stderr
    );
}

#[test]
fn linkedin_language_levels_become_upworks_in_the_upwork_export() {
    // As `folio import linkedin` writes them from Languages.csv, and one of no platform.
    let languages = [
        ("English", "Full professional proficiency"),
        ("Portuguese", "Native or bilingual proficiency"),
        ("Spanish", "Limited working"),
        ("French", "Professional working proficiency"),
        ("German", "Elementary proficiency"),
        ("Klingon", "Expert"),
    ]
    .map(|(name, level)| format!("  - {{ name: {name}, level: {level} }}\n"))
    .concat();
    let site = Site::new();
    set_profile(
        &site,
        &format!("title: Writer\n{OVERVIEW}\nlanguages:\n{languages}"),
    );
    let r = profile(&site, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "English: Fluent\nPortuguese: Native or Bilingual\nSpanish: Conversational\nFrench: Conversational\nGerman: Basic\nKlingon: Expert\n"
        ),
        "{}",
        r.stdout
    );
    let mapped = "LinkedIn's language levels in Upwork's terms: English Full professional proficiency → Fluent, Portuguese Native or bilingual proficiency → Native or Bilingual, Spanish Limited working → Conversational, French Professional working proficiency → Conversational, German Elementary proficiency → Basic";
    assert!(
        r.stdout.contains(&format!("── ↑ {mapped} ──")),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr.contains(&format!("note: {mapped}")),
        "{}",
        r.stderr
    );
    // Only the level that is neither Upwork's nor LinkedIn's is warned about.
    assert_eq!(
        r.stderr.matches("is not one of Upwork's levels").count(),
        1,
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("language level `Expert` (Klingon)"),
        "{}",
        r.stderr
    );
    // LinkedIn's export keeps LinkedIn's levels.
    let r = profile(&site, &["--platform", "linkedin"]);
    assert!(
        r.stdout
            .contains("English: Full professional proficiency\n")
            && !r.stdout.contains("Upwork's terms"),
        "{}",
        r.stdout
    );
    let r = folio(&["check", site.path().to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let all = format!("{}{}", r.stdout, r.stderr);
    assert_eq!(
        all.matches("is not one of Upwork's levels").count(),
        1,
        "{all}"
    );
    assert!(all.contains("`Expert` (Klingon)"), "{all}");
}
