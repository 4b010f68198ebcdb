//! `folio serve` on a bilingual site (issue #21, item 6): every language is
//! served, and an edit of a translation rebuilds and reloads its pages.

mod common;
use common::copy::copy_tree;
use common::server::{self, Server};
use std::path::Path;

/// The bilingual fixture, copied to a temporary folder that can be edited.
fn bilingual() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bilingual");
    copy_tree(&fixture, dir.path(), &["public"]);
    dir
}

fn serve(dir: &Path) -> Server {
    server::start(dir, &[])
}

#[test]
fn serves_every_language_with_its_404() {
    let dir = bilingual();
    let s = serve(dir.path());
    let home = s.get("/portfolio/zh/");
    assert_eq!(home.status, 200);
    assert!(home.text().contains("lang=\"zh"), "{}", home.text());
    assert!(home.text().contains("__folio/events"));
    let alpha = s.get("/portfolio/zh/projects/alpha/");
    assert_eq!(alpha.status, 200);
    assert!(alpha.text().contains("阿尔法的中文介绍"));
    assert_eq!(s.get("/portfolio/zh/about/").status, 200);
    // The English page links to its translation (the switcher).
    let en = s.get("/portfolio/projects/alpha/").text();
    assert!(en.contains("/portfolio/zh/projects/alpha/"), "{en}");
    // A missing page under /zh/ gets the Chinese 404 page.
    let missing = s.get("/portfolio/zh/no/such/page/");
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("lang=\"zh"), "{}", missing.text());
    // The profile preview in each language.
    let preview = s.get("/portfolio/zh/__folio/profile/");
    assert_eq!(preview.status, 200);
    assert!(preview.text().contains("作家和开发者"));
    assert!(preview.text().contains("__folio/events"));
}

#[test]
fn an_edit_of_a_translation_reloads_its_page() {
    let dir = bilingual();
    let s = serve(dir.path());
    let events = s.events();
    let first = events
        .recv_timeout(std::time::Duration::from_secs(10))
        .unwrap();
    let write = |rel: &str, text: &str| std::fs::write(dir.path().join(rel), text).unwrap();
    write(
        "content/projects/alpha.zh.md",
        "---\ntitle: 阿尔法\nsummary: 第一个项目。\n---\n\n修改后的中文介绍。\n",
    );
    s.wait_for("/portfolio/zh/projects/alpha/", 10, |b| {
        b.contains("修改后的中文介绍")
    });
    let next = events
        .recv_timeout(std::time::Duration::from_secs(10))
        .unwrap();
    assert_ne!(first, next, "open pages are told to reload");
    // The English page is unchanged.
    let en = s.get("/portfolio/projects/alpha/").text();
    assert!(en.contains("The English write-up of Alpha."));
    assert!(!en.contains("修改后的中文介绍"));

    write(
        "content/pages/about.zh.md",
        "---\ntitle: 关于我\n---\n\n新的问候。\n",
    );
    s.wait_for("/portfolio/zh/about/", 10, |b| b.contains("新的问候"));
    write(
        "content/profile.zh.yaml",
        "title: 翻译和开发者\noverview: 我撰写开发者文档，并构建小工具。\n",
    );
    s.wait_for("/portfolio/zh/", 10, |b| b.contains("翻译和开发者"));
    // A new translation appears, and the English page's switcher finds it.
    write(
        "content/projects/gamma.zh.md",
        "---\ntitle: 伽马\n---\n\n伽马的中文介绍。\n",
    );
    s.wait_for("/portfolio/zh/projects/gamma/", 10, |b| {
        b.contains("伽马的中文介绍")
    });
    // The site's own theme strings for a language.
    std::fs::create_dir_all(dir.path().join("i18n")).unwrap();
    write("i18n/zh.yaml", "skip_to_content: 直接阅读正文\n");
    s.wait_for("/portfolio/zh/", 10, |b| b.contains("直接阅读正文"));
}
