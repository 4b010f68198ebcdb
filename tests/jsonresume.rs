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
