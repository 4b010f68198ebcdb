//! JSON Resume import and export: the schema's own sample and a Chinese resume
//! import, build and export; the export validates against the official schema;
//! import then export keeps every field.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/jsonresume")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn schema_errors(doc: &Value) -> Vec<String> {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("schema.json")).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    validator
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// Imports `name` into a new folder, builds it, exports it; returns (original, exported).
fn round_trip(name: &str) -> (Value, Value, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let r = folio(&[
        "import",
        "jsonresume",
        &fixture(name),
        site.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let b = folio(&["build", site.to_str().unwrap()]);
    assert_eq!(b.code, 0, "{}", b.stderr);
    let out = dir.path().join("resume.json");
    let e = folio(&[
        "export",
        "jsonresume",
        site.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(e.code, 0, "{}", e.stderr);
    let original: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture(name)).unwrap()).unwrap();
    let exported: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    (original, exported, dir)
}

/// Every field of `a` (recursively) is in `b` with the same value, but the ones listed.
fn assert_contains(a: &Value, b: &Value, path: &str, ignore: &[&str]) {
    if ignore.contains(&path) {
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                let p = format!("{path}.{k}");
                match y.get(k) {
                    Some(w) => assert_contains(v, w, &p, ignore),
                    None if ignore.contains(&p.as_str()) => {}
                    None => panic!("{p} was lost in the round trip"),
                }
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len(), "{path}: {x:?} vs {y:?}");
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                assert_contains(v, w, &format!("{path}[{i}]"), ignore);
            }
        }
        (Value::String(x), Value::String(y)) if x.trim() == y.trim() => {}
        _ => assert_eq!(a, b, "{path}"),
    }
}

#[test]
fn the_schema_sample_imports_builds_and_round_trips() {
    let (original, exported, _dir) = round_trip("sample.resume.json");
    assert_eq!(schema_errors(&exported), Vec::<String>::new());
    // Everything mapped comes back; the unmapped parts of work/education are reported at import.
    assert_contains(
        &original,
        &exported,
        "",
        &[
            ".$schema",
            ".meta",
            ".basics.image",
            ".work[0].description",
            ".education[0].score",
            ".education[0].courses",
        ],
    );
}

#[test]
fn a_chinese_resume_imports_builds_and_round_trips() {
    let (original, exported, dir) = round_trip("zh.resume.json");
    assert_eq!(schema_errors(&exported), Vec::<String>::new());
    assert_contains(&original, &exported, "", &[]);
    let site = dir.path().join("site");
    let project =
        std::fs::read_to_string(site.join("public/projects/云栈开发者文档本地化/index.html"))
            .unwrap();
    assert!(project.contains("中国区注册开发者增长 2.3 倍"));
    assert!(
        std::fs::read_to_string(site.join("public/resume/index.html"))
            .unwrap()
            .contains("复旦大学")
    );
}

#[test]
fn the_example_site_exports_a_valid_resume_and_publishes_it() {
    let r = folio(&["export", "jsonresume", "example-site"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(schema_errors(&doc), Vec::<String>::new());
    assert_eq!(doc["basics"]["name"], "Mei Lin");
    assert_eq!(doc["projects"].as_array().unwrap().len(), 9);
    assert_eq!(
        doc["basics"]["image"],
        "https://meilin.github.io/portfolio/mei-lin.svg"
    );
    // With `jsonresume: true`, the build publishes it.
    let site = Site::new();
    site.write(
        "folio.yaml",
        "title: T\nbase_url: https://ana.dev/\njsonresume: true\n",
    );
    assert_eq!(site.build(&[]).code, 0);
    let published: Value = serde_json::from_str(&site.read("public/resume.json")).unwrap();
    assert_eq!(schema_errors(&published), Vec::<String>::new());
    assert_eq!(
        published["meta"]["canonical"],
        "https://ana.dev/resume.json"
    );
}

#[test]
fn import_never_overwrites_without_force_and_merge_fills_in() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().to_str().unwrap();
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    std::fs::write(dir.path().join("folio.yaml"), "title: Mine\n").unwrap();
    std::fs::write(
        dir.path().join("content/profile.yaml"),
        "name: Ana\ntitle: Writer\noverview: My own words.\n",
    )
    .unwrap();
    let r = folio(&["import", "jsonresume", &fixture("zh.resume.json"), site]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("folio.yaml: already exists") && r.stderr.contains("--merge"),
        "{}",
        r.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("folio.yaml")).unwrap(),
        "title: Mine\n"
    );
    // --merge keeps what is there and adds what is missing.
    let r = folio(&[
        "import",
        "jsonresume",
        &fixture("zh.resume.json"),
        site,
        "--merge",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("folio.yaml")).unwrap(),
        "title: Mine\n"
    );
    let profile = std::fs::read_to_string(dir.path().join("content/profile.yaml")).unwrap();
    assert!(
        profile.starts_with("name: Ana\ntitle: Writer\noverview: My own words.\n"),
        "{profile}"
    );
    assert!(
        profile.contains("experience:") && profile.contains("云栈科技"),
        "{profile}"
    );
    assert_eq!(folio(&["build", site]).code, 0);
    // --force overwrites.
    let r = folio(&[
        "import",
        "jsonresume",
        &fixture("zh.resume.json"),
        site,
        "--force",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        std::fs::read_to_string(dir.path().join("content/profile.yaml"))
            .unwrap()
            .contains("name: 王芳")
    );
}

#[test]
fn bad_json_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("resume.json");
    std::fs::write(&bad, "{\n  \"basics\": {\n    \"name\": \"Ana\",\n  }\n}\n").unwrap();
    let r = folio(&[
        "import",
        "jsonresume",
        bad.to_str().unwrap(),
        dir.path().join("s").to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("resume.json:4:") && r.stderr.contains("not valid JSON"),
        "{}",
        r.stderr
    );
}

/// Imports `name` (a fixture file or folder) with `kind`; returns the site folder and stdout.
fn import_into(kind: &str, name: &str, dir: &Path) -> (std::path::PathBuf, String) {
    let site = dir.join("site");
    let r = folio(&["import", kind, &fixture(name), site.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let b = folio(&["build", site.to_str().unwrap()]);
    assert_eq!(b.code, 0, "{}", b.stderr);
    (site, r.stdout)
}

#[test]
fn real_world_shapes_are_kept_reported_and_given_back() {
    let dir = tempfile::tempdir().unwrap();
    let (site, report) = import_into("jsonresume", "shapes.resume.json", dir.path());
    for path in [
        "basics.website: read as `url`",
        "work[0].startDate: `May 2022` read as 2022-05",
        "work[2].startDate: `2024-09-31` is an impossible date",
        "work[3].endDate: it ends (2005-12) before it starts (2023-03)",
        "education[0].gpa: no folio field",
        "projects[1]: no date",
        "references: references[0] has no reference text",
        "volunteer: listed on the résumé page",
        "education[1].startDate: `2020-12-08 //Date` is not a date",
        "skills[3]: has no name; listed on the résumé page",
        "languages[2].value: no folio field",
        "work[7]: every field is empty; left out",
    ] {
        assert!(report.contains(path), "{path} missing from:\n{report}");
    }
    let profile = std::fs::read_to_string(site.join("content/profile.yaml")).unwrap();
    assert!(
        !profile
            .lines()
            .any(|l| l.starts_with("title:") || l.starts_with("overview:")),
        "{profile}"
    );
    assert!(!profile.contains("Freelancer"), "{profile}");
    let page = std::fs::read_to_string(site.join("public/resume/index.html")).unwrap();
    for shown in [
        "Old Schema Co",
        "Slash Dates Ltd",
        "2024-09-31",
        "Reversed LLC",
        "至今",
        "No Dates Co",
        "Optics",
        "Undated Project",
        "Food Bank",
        "A Colleague",
        "https://example.org/jo.jpg",
    ] {
        assert!(
            page.contains(shown)
                || std::fs::read_to_string(site.join("public/index.html"))
                    .unwrap()
                    .contains(shown),
            "{shown} not on the site"
        );
    }
    // Someone else's contact details kept for the export are not published.
    assert!(!page.contains("colleague@example.org"));
    let e = folio(&["export", "jsonresume", site.to_str().unwrap()]);
    assert_eq!(e.code, 0, "{}", e.stderr);
    let exported: Value = serde_json::from_str(&e.stdout).unwrap();
    assert_eq!(exported["work"].as_array().unwrap().len(), 7);
    assert_eq!(
        exported["skills"][3]["keywords"],
        serde_json::json!(["HTML", "CSS"])
    );
    assert_eq!(exported["skills"].as_array().unwrap().len(), 4);
    assert_eq!(exported["languages"][2]["value"], 40);
    assert_eq!(
        exported["interests"],
        serde_json::json!(["Open source", "Running"])
    );
    assert_eq!(exported["education"][1]["endDate"], "----");
    // Profiles folio cannot show as links (a network named twice, no URL) come back as written.
    assert_eq!(exported["basics"]["profiles"].as_array().unwrap().len(), 3);
    assert_eq!(exported["basics"]["nationality"], "Nowhere");
    assert!(
        exported["work"][6].get("endDate").is_none(),
        "null end: ongoing"
    );
    assert_eq!(
        exported["work"][0]["technologies"],
        serde_json::json!(["Rust", "Go"])
    );
    assert_eq!(exported["work"][2]["startDate"], "2024-09-31");
    assert_eq!(exported["work"][3]["endDate"], "2005-12");
    assert_eq!(exported["work"][4]["endDate"], "至今");
    assert_eq!(exported["education"][0]["thesis"], "On light");
    assert_eq!(exported["projects"][1]["name"], "Undated Project");
    assert_eq!(exported["projects"][0]["summary"], "Extra summary key");
    assert_eq!(exported["volunteer"][0]["organization"], "Food Bank");
    assert_eq!(exported["references"][0]["name"], "A Colleague");
    assert!(
        exported["basics"].get("label").is_none() && exported["basics"].get("summary").is_none()
    );
}

#[test]
fn a_control_character_is_reported_on_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("resume.json");
    std::fs::write(&bad, "{\n  \"basics\": {\"name\": \"Ana\nSilva\"}\n}\n").unwrap();
    let r = folio(&[
        "import",
        "jsonresume",
        bad.to_str().unwrap(),
        dir.path().join("s").to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("resume.json:2:"), "{}", r.stderr);
}

#[test]
fn chinese_content_sets_the_language_and_the_flag_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    let (site, _) = import_into("jsonresume", "zh.resume.json", dir.path());
    let config = std::fs::read_to_string(site.join("folio.yaml")).unwrap();
    assert!(config.contains("language: zh"), "{config}");
    let other = dir.path().join("other");
    let r = folio(&[
        "import",
        "jsonresume",
        &fixture("zh.resume.json"),
        other.to_str().unwrap(),
        "--language",
        "en",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        std::fs::read_to_string(other.join("folio.yaml"))
            .unwrap()
            .contains("language: en")
    );
}

#[test]
fn a_linkedin_export_folder_imports_builds_and_reports() {
    let dir = tempfile::tempdir().unwrap();
    let (site, report) = import_into("linkedin", "linkedin", dir.path());
    assert!(
        report.contains("Profile.csv Birth Date: private"),
        "{report}"
    );
    assert!(
        report.contains("Skills.csv row 3: `python` is listed twice"),
        "{report}"
    );
    assert!(report.contains("Projects.csv row 2: no date"), "{report}");
    let profile = std::fs::read_to_string(site.join("content/profile.yaml")).unwrap();
    assert!(
        !profile.contains("Invented Street") && !profile.contains("1990"),
        "{profile}"
    );
    let page = std::fs::read_to_string(site.join("public/resume/index.html")).unwrap();
    for shown in [
        "Riya Sample",
        "Data Engineer",
        "Acme Data",
        "Beta Labs",
        "Invented Institute",
        "Cloud Data Cert",
        "Marathi",
        "Side Notes",
    ] {
        assert!(page.contains(shown), "{shown} not on the résumé page");
    }
    let e = folio(&["export", "jsonresume", site.to_str().unwrap()]);
    let exported: Value = serde_json::from_str(&e.stdout).unwrap();
    assert_eq!(exported["work"][0]["startDate"], "2021-03");
    assert_eq!(exported["certificates"][0]["licenseNumber"], "ABC-1");
}

#[test]
fn a_linkedin_export_zip_imports() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("Basic_LinkedInDataExport.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for f in ["Profile.csv", "Positions.csv", "Skills.csv"] {
        z.start_file(format!("export/{f}"), opts).unwrap();
        z.write_all(&std::fs::read(fixture(&format!("linkedin/{f}"))).unwrap())
            .unwrap();
    }
    z.finish().unwrap();
    let site = dir.path().join("site");
    let r = folio(&[
        "import",
        "linkedin",
        zip_path.to_str().unwrap(),
        site.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("Education.csv: not in the export"),
        "{}",
        r.stdout
    );
    assert!(
        std::fs::read_to_string(site.join("content/profile.yaml"))
            .unwrap()
            .contains("Acme Data")
    );
}

#[test]
fn another_resume_format_is_named_not_imported() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("resume.json");
    std::fs::write(
        &other,
        r#"{"profile": {"name": "某人"}, "workExpList": []}"#,
    )
    .unwrap();
    let r = folio(&[
        "import",
        "jsonresume",
        other.to_str().unwrap(),
        dir.path().join("s").to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("not a JSON Resume file") && r.stderr.contains("profile, workExpList"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_photo_path_is_copied_in_and_a_photo_url_is_used_as_is() {
    let dir = tempfile::tempdir().unwrap();
    let resume = dir.path().join("resume.json");
    std::fs::write(
        dir.path().join("me.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    std::fs::write(&resume, r#"{"basics": {"name": "Ana", "image": "me.svg"}}"#).unwrap();
    let site = dir.path().join("site");
    let r = folio(&[
        "import",
        "jsonresume",
        resume.to_str().unwrap(),
        site.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(site.join("content/me.svg").is_file());
    assert_eq!(folio(&["build", site.to_str().unwrap()]).code, 0);
    assert!(site.join("public/me.svg").is_file());
    // A URL is the photo as written.
    std::fs::write(
        &resume,
        r#"{"basics": {"name": "Ana", "picture": "https://example.org/ana.jpg"}}"#,
    )
    .unwrap();
    let r = folio(&[
        "import",
        "jsonresume",
        resume.to_str().unwrap(),
        site.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(folio(&["build", site.to_str().unwrap()]).code, 0);
    let page = std::fs::read_to_string(site.join("public/resume/index.html")).unwrap();
    assert!(!page.contains("ana.jpg") || page.contains("https://example.org/ana.jpg"));
    let home = std::fs::read_to_string(site.join("public/index.html")).unwrap();
    assert!(home.contains("https://example.org/ana.jpg"), "{home}");
}
