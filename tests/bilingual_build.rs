//! A bilingual site built under a subpath base URL (issue #21, build):
//! every language's pages, one sitemap with alternates, a feed per language,
//! shared files written once, and every `hreflang` link resolving both ways.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use folio::build::{BuildOptions, BuildReport, build};

const BASE: &str = "https://ana.github.io/portfolio/";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bilingual")
}

fn build_site(root: &Path, out: &Path) -> BuildReport {
    let opts = BuildOptions {
        root: root.to_path_buf(),
        output_dir: Some(out.to_path_buf()),
        ..BuildOptions::default()
    };
    match build(&opts) {
        Ok(report) => report,
        Err(e) => panic!("{}", e.message()),
    }
}

/// Every file of the output, by `/`-separated path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            out.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    out
}

/// The output file an absolute or site URL is served from.
fn file_of(url: &str) -> String {
    let path = url
        .strip_prefix(BASE)
        .or_else(|| url.strip_prefix("/portfolio/"))
        .unwrap_or_else(|| panic!("{url} is not under the site"));
    match path.is_empty() || path.ends_with('/') {
        true => format!("{path}index.html"),
        false => path.to_string(),
    }
}

/// The permalink of the page in an output file.
fn permalink_of(file: &str) -> String {
    format!("{BASE}{}", file.trim_end_matches("index.html"))
}

/// (hreflang, href) of the `<link rel="alternate" hreflang>` elements of a page.
fn hreflang_links(html: &str) -> Vec<(String, String)> {
    let mut links = Vec::new();
    for part in html.split("<link rel=\"alternate\" hreflang=\"").skip(1) {
        let (lang, rest) = part.split_once('"').unwrap();
        let href = rest.split("href=\"").nth(1).unwrap();
        links.push((
            lang.to_string(),
            href.split('"').next().unwrap().to_string(),
        ));
    }
    links
}

/// (lang, href, current) of the links of the language switcher.
fn switcher_links(html: &str) -> Vec<(String, String, bool)> {
    let Some(nav) = html.split("class=\"site-nav lang-nav\"").nth(1) else {
        return Vec::new();
    };
    let nav = nav.split("</nav>").next().unwrap();
    nav.split("<a href=\"")
        .skip(1)
        .map(|a| {
            let (href, rest) = a.split_once('"').unwrap();
            let lang = rest.split("hreflang=\"").nth(1).unwrap();
            let lang = lang.split('"').next().unwrap();
            let tag = rest.split('>').next().unwrap();
            let current = tag.contains("aria-current=\"true\"");
            (lang.to_string(), href.to_string(), current)
        })
        .collect()
}

fn text(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    let bytes = files
        .get(path)
        .unwrap_or_else(|| panic!("{path} was not built"));
    String::from_utf8(bytes.clone()).unwrap()
}

fn built() -> (tempfile::TempDir, BTreeMap<String, Vec<u8>>) {
    let out = tempfile::tempdir().unwrap();
    build_site(&fixture(), out.path());
    let files = files(out.path());
    (out, files)
}

#[test]
fn both_languages_have_every_page_kind() {
    let (_out, files) = built();
    for page in [
        "index.html",
        "projects/index.html",
        "projects/alpha/index.html",
        "projects/gamma/index.html",
        "projects/bundle/index.html",
        "skills/index.html",
        "skills/rust/index.html",
        "profiles/writer/index.html",
        "resume/index.html",
        "about/index.html",
        "404.html",
        "feed.xml",
    ] {
        for lang in ["", "zh/"] {
            let path = format!("{lang}{page}");
            assert!(files.contains_key(&path), "{path} was not built");
        }
    }
    let zh = text(&files, "zh/projects/alpha/index.html");
    assert!(zh.contains("阿尔法"), "{zh}");
    assert!(zh.starts_with("<!doctype html>\n<html lang=\"zh\">"));
    let en = text(&files, "projects/alpha/index.html");
    assert!(en.starts_with("<!doctype html>\n<html lang=\"en\">"));
    // The language's own navigation and feed.
    assert!(zh.contains("href=\"/portfolio/zh/projects/\""), "{zh}");
    assert!(zh.contains("href=\"/portfolio/zh/feed.xml\""), "{zh}");
    assert!(zh.contains("href=\"/portfolio/style.css\""), "{zh}");
}

#[test]
fn shared_files_are_written_once() {
    let (_out, files) = built();
    for shared in [
        "style.css",
        "favicon.svg",
        "projects/bundle/chart.svg",
        "projects/bundle/cover.svg",
        ".nojekyll",
        "sitemap.xml",
        "robots.txt",
    ] {
        assert!(files.contains_key(shared), "{shared} was not built");
        let zh = format!("zh/{shared}");
        assert!(!files.contains_key(&zh), "{zh} was built");
    }
    let zh_files: Vec<&String> = files
        .keys()
        .filter(|p| p.starts_with("zh/"))
        .filter(|p| !p.ends_with(".html") && !p.ends_with("share.png"))
        .collect();
    assert_eq!(zh_files, ["zh/feed.xml"]);
}

#[test]
fn every_hreflang_link_resolves_and_links_back() {
    let (_out, files) = built();
    let mut checked = 0;
    for (path, bytes) in &files {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        let me = permalink_of(path);
        let own_lang = if path.starts_with("zh/") { "zh" } else { "en" };
        for (lang, href) in hreflang_links(&html) {
            let target = file_of(&href);
            let there = text(&files, &target);
            if lang == "x-default" {
                assert!(!target.starts_with("zh/"), "{path}: x-default {href}");
                continue;
            }
            let back = hreflang_links(&there);
            assert!(
                back.contains(&(own_lang.to_string(), me.clone())),
                "{path} links to {href} ({lang}), which does not link back: {back:?}"
            );
            checked += 1;
        }
        for (_, href, _) in switcher_links(&html) {
            assert!(files.contains_key(&file_of(&href)), "{path}: {href}");
        }
    }
    assert!(checked > 30, "only {checked} links");
}

#[test]
fn alternates_of_translated_and_untranslated_pages() {
    let (_out, files) = built();
    let alpha = text(&files, "zh/projects/alpha/index.html");
    assert_eq!(
        hreflang_links(&alpha),
        [
            ("en".into(), format!("{BASE}projects/alpha/")),
            ("zh".into(), format!("{BASE}zh/projects/alpha/")),
            ("x-default".into(), format!("{BASE}projects/alpha/")),
        ]
    );
    assert_eq!(
        switcher_links(&alpha),
        [
            ("en".into(), "/portfolio/projects/alpha/".into(), false),
            ("zh".into(), "/portfolio/zh/projects/alpha/".into(), true),
        ]
    );
    // Gamma has no Chinese translation: the switcher goes to the Chinese
    // home, and no hreflang names a Chinese page.
    let gamma = text(&files, "projects/gamma/index.html");
    assert_eq!(
        switcher_links(&gamma),
        [
            ("en".into(), "/portfolio/projects/gamma/".into(), true),
            ("zh".into(), "/portfolio/zh/".into(), false),
        ]
    );
    assert!(!hreflang_links(&gamma).iter().any(|(l, _)| l == "zh"));
    let zh_gamma = text(&files, "zh/projects/gamma/index.html");
    assert!(hreflang_links(&zh_gamma).is_empty());
    // Its text is the English one: the Chinese page says so (WCAG 3.1.2),
    // while a translated page's content is in the page's own language.
    assert!(zh_gamma.contains(r#"<html lang="zh">"#), "{zh_gamma}");
    assert!(
        zh_gamma.contains(r#"<article class="project" lang="en">"#),
        "{zh_gamma}"
    );
    assert!(alpha.contains(r#"<article class="project">"#), "{alpha}");
    // The 404 pages point at each other.
    let links = hreflang_links(&text(&files, "zh/404.html"));
    assert!(links.contains(&("en".into(), format!("{BASE}404.html"))));
}

#[test]
fn one_sitemap_with_alternates_and_a_feed_per_language() {
    let (_out, files) = built();
    let sitemap = text(&files, "sitemap.xml");
    assert!(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
    let entry = |loc: &str| {
        let start = sitemap
            .find(&format!("<loc>{BASE}{loc}</loc>"))
            .unwrap_or_else(|| panic!("no {loc} in {sitemap}"));
        let end = start + sitemap[start..].find("</url>").unwrap();
        sitemap[start..end].to_string()
    };
    let alpha = entry("zh/projects/alpha/");
    for (lang, url) in [
        ("en", "projects/alpha/"),
        ("zh", "zh/projects/alpha/"),
        ("x-default", "projects/alpha/"),
    ] {
        let link =
            format!("<xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{BASE}{url}\"/>");
        assert!(alpha.contains(&link), "{alpha}");
    }
    assert!(entry("zh/about/").contains("hreflang=\"en\""));
    assert!(!entry("zh/projects/gamma/").contains("xhtml:link"));
    // Every page of both languages, once.
    let pages = files.keys().filter(|p| p.ends_with("index.html")).count();
    assert_eq!(sitemap.matches("<loc>").count(), pages);

    let feed = text(&files, "zh/feed.xml");
    assert!(feed.contains("xml:lang=\"zh\""), "{feed}");
    assert!(feed.contains("<title>阿尔法</title>"), "{feed}");
    assert!(
        feed.contains(&format!("href=\"{BASE}zh/feed.xml\"")),
        "{feed}"
    );
    assert!(feed.contains(&format!("<id>{BASE}zh/projects/alpha/</id>")));
    assert!(text(&files, "feed.xml").contains("xml:lang=\"en\""));
}

#[test]
fn a_warning_of_a_shared_file_is_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    common::copy::copy_tree(&fixture(), dir.path(), &[]);
    std::fs::write(dir.path().join("content/projects/delta.mdx"), "# Delta\n").unwrap();
    let out = tempfile::tempdir().unwrap();
    let report = build_site(dir.path(), out.path());
    let mdx: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.message.contains(".mdx"))
        .collect();
    assert_eq!(mdx.len(), 1, "{:?}", report.warnings);
    assert_eq!(report.pages, 2 * 12, "{report:?}");
}

#[test]
fn the_resume_theme_has_the_switcher_and_alternates_too() {
    let dir = tempfile::tempdir().unwrap();
    common::copy::copy_tree(&fixture(), dir.path(), &[]);
    let config = std::fs::read_to_string(dir.path().join("folio.yaml")).unwrap();
    std::fs::write(
        dir.path().join("folio.yaml"),
        format!("theme: resume\n{config}"),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    build_site(dir.path(), out.path());
    let zh = std::fs::read_to_string(out.path().join("zh/index.html")).unwrap();
    assert!(zh.contains("<html lang=\"zh\">"), "{zh}");
    assert!(
        zh.contains(&format!("hreflang=\"en\" href=\"{BASE}\"")),
        "{zh}"
    );
    assert!(
        zh.contains("class=\"lang-nav\" aria-label=\"语言\""),
        "{zh}"
    );
    assert!(zh.contains("lang=\"zh\" hreflang=\"zh\" aria-current=\"true\">中文</a>"));
    assert!(zh.contains("href=\"/portfolio/zh/projects/\""), "{zh}");
}

#[test]
fn dates_are_in_each_languages_format() {
    let dir = tempfile::tempdir().unwrap();
    common::copy::copy_tree(&fixture(), dir.path(), &[]);
    let profile = dir.path().join("content/profile.yaml");
    let yaml = std::fs::read_to_string(&profile).unwrap();
    let job = "experience:\n  - company: Acme\n    title: Writer\n    start: 2021-03\n  - company: Initech\n    title: Editor\n    start: 2019\n    end: 2020-11\n";
    std::fs::write(&profile, format!("{yaml}{job}")).unwrap();
    let out = tempfile::tempdir().unwrap();
    build_site(dir.path(), out.path());
    let read = |p: &str| std::fs::read_to_string(out.path().join(p)).unwrap();
    // A project's date: the Chinese form on /zh/, today's English form on /.
    let zh = read("zh/projects/alpha/index.html");
    assert!(
        zh.contains("<time datetime=\"2024-05-01\">2024年5月1日</time>"),
        "{zh}"
    );
    let en = read("projects/alpha/index.html");
    assert!(en.contains("<time datetime=\"2024-05-01\">1 May 2024</time>"));
    // The résumé's periods.
    let zh = read("zh/resume/index.html");
    assert!(zh.contains(">2021年3月</time> – 至今"), "{zh}");
    assert!(zh.contains(">2019年</time> – <time datetime=\"2020-11\">2020年11月</time>"));
    let en = read("resume/index.html");
    assert!(en.contains(">Mar 2021</time> – Present"), "{en}");
    // `folio profile --lang zh` exports the same forms.
    let run = common::folio_in(dir.path(), &["profile", "--lang", "zh"]);
    // (It exits with 1: the fixture's overviews are shorter than Upwork asks.)
    assert!(run.stdout.contains("2021年3月 – 至今"), "{}", run.stdout);
    let run = common::folio_in(dir.path(), &["profile"]);
    assert!(run.stdout.contains("Mar 2021 – Present"), "{}", run.stdout);
}
