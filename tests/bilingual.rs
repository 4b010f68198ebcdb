//! A bilingual site (English default, Chinese translation) loaded per
//! language through the library: translations override the default
//! language's fields, the rest falls back to it (issue #21, content layer).

mod common;

use std::path::{Path, PathBuf};

use folio::content::{LoadOptions, Site, load};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bilingual")
}

fn load_in(root: &Path, lang: Option<&str>, base_url: Option<&str>) -> Site {
    let opts = LoadOptions {
        lang: lang.map(String::from),
        base_url: base_url.map(String::from),
        ..LoadOptions::default()
    };
    match load(root, &opts) {
        Ok((site, _)) => site,
        Err(e) => panic!("{}", e.message()),
    }
}

#[test]
fn default_language_ignores_translation_files() {
    let site = load_in(&fixture(), None, None);
    assert_eq!((site.lang.as_str(), site.lang_prefix.as_str()), ("en", ""));
    assert_eq!(site.languages.len(), 2);
    assert_eq!(site.config.title, "Test Site");
    let slugs: Vec<&str> = site.projects.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, ["alpha", "gamma", "bundle"]);
    assert_eq!(site.pages.len(), 1);
    assert_eq!(site.profiles.len(), 1);
    assert_eq!(site.profile.title, "Writer and developer");
    let alpha = site.project("alpha").unwrap();
    assert_eq!(alpha.title, "Alpha");
    assert_eq!(alpha.location.url, "/portfolio/projects/alpha/");
    assert!(site.projects.iter().all(|p| p.translated));
    assert!(site.pages.iter().all(|p| p.translated));
    assert!(!site.assets.iter().any(|a| a.dest.contains(".zh.")));
}

#[test]
fn translation_overrides_text_and_keeps_the_rest() {
    let site = load_in(&fixture(), Some("zh"), None);
    assert_eq!(
        (site.lang.as_str(), site.lang_prefix.as_str()),
        ("zh", "zh/")
    );
    assert_eq!(site.config.language, "zh");
    assert_eq!(site.config.title, "测试网站");
    assert_eq!(site.config.description.as_deref(), Some("测试作品集"));
    let alpha = site.project("alpha").unwrap();
    assert_eq!(alpha.title, "阿尔法");
    assert_eq!(alpha.summary, "第一个项目。");
    assert!(
        alpha.content.contains("阿尔法的中文介绍"),
        "{}",
        alpha.content
    );
    // From the English file: date and skills.
    assert_eq!(alpha.date_raw.unwrap().iso(), "2024-05-01");
    assert_eq!(alpha.skills[0].name, "Rust");
    assert!(alpha.translated);
    assert!(alpha.source.ends_with("alpha.zh.md"), "{}", alpha.source);
    // Untranslated: the English text, under /zh/.
    let gamma = site.project("gamma").unwrap();
    assert_eq!(gamma.title, "Gamma");
    assert!(gamma.content.contains("Only in English"));
    assert!(!gamma.translated);
    assert_eq!(gamma.location.url, "/portfolio/zh/projects/gamma/");
    assert_eq!(gamma.location.path, "zh/projects/gamma/");
    // The profile: translated keys, the rest (name, skills) from profile.yaml.
    assert_eq!(site.profile.title, "作家和开发者");
    assert_eq!(site.profile.overview, "我撰写开发者文档，并构建小工具。");
    assert_eq!(site.profile.name, "Ana Silva");
    assert_eq!(site.profile.skills.len(), 2);
    let writer = &site.profiles[0];
    assert_eq!(writer.title, "技术写作");
    assert_eq!(writer.overview, "Documentation that developers read.");
    assert_eq!(writer.location.url, "/portfolio/zh/profiles/writer/");
    let about = &site.pages[0];
    assert_eq!(about.title, "关于");
    assert!(about.content.contains("你好"));
    assert!(about.translated);
    assert_eq!(about.location.url, "/portfolio/zh/about/");
    assert_eq!(site.skills[0].location.url, "/portfolio/zh/skills/rust/");
}

#[test]
fn bundle_translation_shares_the_bundles_files() {
    let en = load_in(&fixture(), None, None);
    let zh = load_in(&fixture(), Some("zh"), None);
    let bundle = zh.project("bundle").unwrap();
    assert_eq!(bundle.title, "图集");
    assert!(bundle.translated);
    assert_eq!(bundle.location.url, "/portfolio/zh/projects/bundle/");
    // Images keep their one URL, beside the default page.
    assert!(
        bundle
            .content
            .contains("/portfolio/projects/bundle/chart.svg")
            || bundle.content.contains("\"chart.svg\""),
        "{}",
        bundle.content
    );
    let cover = bundle.cover.as_ref().unwrap();
    assert_eq!(
        cover.url,
        en.project("bundle").unwrap().cover.as_ref().unwrap().url
    );
    assert_eq!(cover.url, "/portfolio/projects/bundle/cover.svg");
    let dests = |s: &Site| s.assets.iter().map(|a| a.dest.clone()).collect::<Vec<_>>();
    assert_eq!(dests(&zh), dests(&en));
    assert!(dests(&zh).iter().all(|d| !d.starts_with("zh/")));
}

#[test]
fn urls_under_a_root_base_url() {
    let site = load_in(&fixture(), Some("zh"), Some("/"));
    assert_eq!(
        site.project("alpha").unwrap().location.url,
        "/zh/projects/alpha/"
    );
    let site = load_in(&fixture(), None, Some("/"));
    assert_eq!(
        site.project("alpha").unwrap().location.url,
        "/projects/alpha/"
    );
}

#[test]
fn unknown_language_is_an_error() {
    let opts = LoadOptions {
        lang: Some("fr".into()),
        ..LoadOptions::default()
    };
    let e = load(&fixture(), &opts).unwrap_err();
    assert!(e.message().contains("no language `fr`"), "{}", e.message());
}

#[test]
fn error_in_a_translation_names_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    common::copy::copy_tree(&fixture(), dir.path(), &[]);
    std::fs::write(
        dir.path().join("content/projects/alpha.zh.md"),
        "---\ntitle: 阿尔法\nsumary: 第一个项目。\n---\n",
    )
    .unwrap();
    // The default language does not read it.
    load_in(dir.path(), None, None);
    let opts = LoadOptions {
        lang: Some("zh".into()),
        ..LoadOptions::default()
    };
    let e = load(dir.path(), &opts).unwrap_err();
    let d = &e.diagnostics[0];
    let file = d
        .file
        .as_ref()
        .map(|f| f.to_string_lossy().replace('\\', "/"));
    assert_eq!(file.as_deref(), Some("content/projects/alpha.zh.md"));
    assert_eq!(d.line, Some(3), "{}", d.message);
    assert!(d.message.contains("sumary"), "{}", d.message);
    // The same in a profile translation.
    std::fs::write(
        dir.path().join("content/projects/alpha.zh.md"),
        "---\ntitle: A\n---\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("content/profile.zh.yaml"),
        "title: T\noverveiw: X\n",
    )
    .unwrap();
    let e = load(dir.path(), &opts).unwrap_err();
    let d = &e.diagnostics[0];
    assert!(
        d.file.as_ref().unwrap().ends_with("profile.zh.yaml"),
        "{:?}",
        d.file
    );
    assert_eq!(d.line, Some(2));
}

#[test]
fn a_site_without_languages_reads_dotted_names_as_before() {
    let dir = tempfile::tempdir().unwrap();
    common::copy::copy_tree(&fixture(), dir.path(), &[]);
    std::fs::write(dir.path().join("folio.yaml"), "title: T\n").unwrap();
    // Read as a specialized profile of its own, as it always was (and
    // without `overview:`, an error that says so).
    let e = load(dir.path(), &LoadOptions::default()).unwrap_err();
    assert!(e.message().contains("overview"), "{}", e.message());
    std::fs::remove_file(dir.path().join("content/profiles/writer.zh.yaml")).unwrap();
    let site = load_in(dir.path(), None, None);
    // `alpha.zh.md` and `about.zh.md` are a project and a page of their own.
    assert_eq!(site.projects.len(), 4);
    assert_eq!(site.pages.len(), 2);
    assert_eq!(site.profiles.len(), 1);
    assert_eq!(site.lang, "en");
    assert!(site.lang_prefix.is_empty());
}

/// `folio check` in `dir`: exit status, stdout, stderr.
fn check(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("check")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

#[test]
fn check_loads_every_language_and_lists_what_is_not_translated() {
    let dir = tempfile::tempdir().unwrap();
    common::copy::copy_tree(&fixture(), dir.path(), &[]);
    std::fs::remove_file(dir.path().join("content/profiles/writer.zh.yaml")).unwrap();
    let (code, out, err) = check(dir.path(), &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Not translated into `zh` (2 files;"), "{out}");
    assert!(
        out.contains("content/profiles/writer.yaml (write content/profiles/writer.zh.yaml)"),
        "{out}"
    );
    assert!(out.contains("content/projects/gamma.md"), "{out}");
    assert!(!err.contains("no `zh` translation"), "{err}");
    let (code, _, err) = check(dir.path(), &["--strict"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("warning: content/profiles/writer.yaml: no `zh` translation"),
        "{err}"
    );
    // An error in a translation fails check, at its file and line.
    std::fs::write(
        dir.path().join("content/projects/alpha.zh.md"),
        "---\ntitle: 阿尔法\nsumary: 第一个项目。\n---\n",
    )
    .unwrap();
    let (code, _, err) = check(dir.path(), &[]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("content/projects/alpha.zh.md:3"), "{err}");
}
