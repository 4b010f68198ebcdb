//! Building real sites: the example site, subpaths, drafts, overrides, init.

mod common;
use common::*;
use std::path::Path;

#[test]
fn example_site_builds_without_warnings() {
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("public");
    let r = folio(&["build", "example-site", "-o", dest.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "", "the example site must build with no warnings");
    assert!(
        r.stdout
            .starts_with("Built 52 pages (9 projects, 9 skills) in "),
        "{}",
        r.stdout
    );
    for f in [
        "index.html",
        "404.html",
        ".nojekyll",
        "style.css",
        "favicon.svg",
        "mei-lin.svg",
        "projects/index.html",
        "projects/doccheck-cli/index.html",
        "projects/doccheck-cli/images/doccheck.svg",
        "projects/streamline-docs-overhaul/index.html",
        "projects/streamline-docs-overhaul/tickets.svg",
        "projects/cloudstack-zh/index.html",
        "skills/index.html",
        "skills/rust/index.html",
        "skills/中文本地化/index.html",
        "profiles/writer/index.html",
        "profiles/developer/index.html",
        "resume/index.html",
        "about/index.html",
        // Chinese, under /zh/: translated pages and launch-copy, left untranslated.
        "zh/index.html",
        "zh/404.html",
        "zh/feed.xml",
        "zh/projects/doccheck-cli/index.html",
        "zh/projects/launch-copy/index.html",
        "zh/profiles/writer/index.html",
        "zh/about/index.html",
    ] {
        assert!(dest.join(f).is_file(), "missing {f}");
    }
    // The draft is left out.
    assert!(!dest.join("projects/tutorial-series").exists());
    assert!(!dest.join("zh/projects/tutorial-series").exists());
    let zh = |f: &str| std::fs::read_to_string(dest.join(f)).unwrap();
    assert!(
        zh("zh/projects/doccheck-cli/index.html").contains("doccheck：测试文档中代码的命令行工具")
    );
    assert!(zh("zh/projects/launch-copy/index.html").contains("Launch copy for a developer tool"));
}

/// Every internal link and asset of the example site resolves under a project
/// subpath, and none escapes it; the same at the domain root.
#[test]
fn every_internal_url_resolves_under_subpath_and_root() {
    for (base_url, base) in [
        ("https://meilin.github.io/portfolio/", "/portfolio/"),
        ("https://meilin.dev/", "/"),
    ] {
        let out = tempfile::tempdir().unwrap();
        let dest = out.path().join("public");
        let r = folio(&[
            "build",
            "example-site",
            "--base-url",
            base_url,
            "-o",
            dest.to_str().unwrap(),
        ]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let urls = internal_urls(&dest);
        assert!(urls.len() > 200, "only {} internal URLs found", urls.len());
        for (page, url) in urls {
            assert!(
                url.starts_with(base),
                "{}: `{url}` escapes the base path {base}",
                page.display()
            );
            let file = file_for(&dest, base, &url).unwrap();
            assert!(
                file.is_file(),
                "{}: `{url}` is broken (no {})",
                page.display(),
                file.display()
            );
        }
        // Absolute canonical URLs use the base URL.
        let home = std::fs::read_to_string(dest.join("index.html")).unwrap();
        assert!(
            home.contains(&format!("<link rel=\"canonical\" href=\"{base_url}\">")),
            "{home}"
        );
    }
}

#[test]
fn the_404_page_links_absolutely() {
    let site = Site::new();
    let r = site.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = site.read("public/404.html");
    assert!(page.contains("href=\"/portfolio/style.css\""));
    assert!(page.contains("href=\"/portfolio/projects/\""));
    assert!(!page.contains("href=\"../"));
}

#[test]
fn markdown_links_become_page_urls() {
    let site = Site::new();
    let r = site.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let alpha = site.read("public/projects/alpha/index.html");
    assert!(
        alpha.contains("href=\"/portfolio/projects/beta/\""),
        "{alpha}"
    );
    assert!(alpha.contains("href=\"/portfolio/about/\""), "{alpha}");
    assert!(alpha.contains("<h2 id=\"intro\">Intro</h2>"));
    let beta = site.read("public/projects/beta/index.html");
    assert!(
        beta.contains("src=\"/portfolio/projects/beta/chart.svg\""),
        "{beta}"
    );
    assert!(beta.contains("src=\"/portfolio/projects/beta/cover.svg\" alt=\"Beta cover\""));
    assert!(site.p("public/projects/beta/chart.svg").is_file());
}

#[test]
fn non_ascii_skills_get_readable_pages_and_encoded_links() {
    let site = Site::new();
    assert_eq!(site.build(&[]).code, 0);
    assert!(site.p("public/skills/中文写作/index.html").is_file());
    let beta = site.read("public/projects/beta/index.html");
    assert!(beta.contains("href=\"/portfolio/skills/%E4%B8%AD%E6%96%87%E5%86%99%E4%BD%9C/\""));
    assert!(beta.contains(">中文写作</a>"));
}

#[test]
fn drafts_only_with_flag() {
    let site = Site::new();
    site.write(
        "content/projects/gamma.md",
        "---\ntitle: Gamma\ndate: 2025-01\nsummary: Draft.\ndraft: true\n---\nWIP\n",
    );
    assert_eq!(site.build(&[]).code, 0);
    assert!(!site.p("public/projects/gamma").exists());
    let r = site.build(&["--drafts"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(site.p("public/projects/gamma/index.html").is_file());
    assert!(r.stdout.contains("3 projects"), "{}", r.stdout);
}

#[test]
fn html_from_yaml_is_escaped_but_markdown_html_is_kept() {
    let site = Site::new();
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: \"<script>alert(1)</script>\"\ndate: 2024\nsummary: ok\n---\n\n<div class=\"raw\">mine</div>\n",
    );
    assert_eq!(site.build(&[]).code, 0);
    let page = site.read("public/projects/alpha/index.html");
    assert!(!page.contains("<script>alert(1)</script>"));
    assert!(page.contains("&lt;script&gt;"));
    assert!(page.contains("<div class=\"raw\">mine</div>"));
}

#[test]
fn language_sets_html_lang_and_dates() {
    let site = Site::new();
    site.write("folio.yaml", "title: 测试\nlanguage: zh-CN\n");
    assert_eq!(site.build(&[]).code, 0);
    let page = site.read("public/projects/beta/index.html");
    assert!(page.starts_with("<!doctype html>\n<html lang=\"zh-CN\">"));
    assert!(page.contains("2023年2月"));
}

#[test]
fn site_templates_and_static_override_the_theme() {
    let site = Site::new();
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<p class=\"custom\">{{ content_page.title }}</p>{% endblock main %}",
    );
    site.write("static/style.css", "body{color:red}");
    assert_eq!(site.build(&[]).code, 0);
    assert!(
        site.read("public/about/index.html")
            .contains("<p class=\"custom\">About</p>")
    );
    assert_eq!(site.read("public/style.css"), "body{color:red}");
}

#[test]
fn cname_and_output_dir_from_config() {
    let site = Site::new();
    site.write(
        "folio.yaml",
        "title: T\nbase_url: https://ana.dev\noutput_dir: dist\ngithub_pages:\n  cname: ana.dev\n",
    );
    let r = site.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(site.read("dist/CNAME"), "ana.dev\n");
    assert!(site.read("dist/index.html").contains("href=\"/style.css\""));
}

#[test]
fn check_writes_nothing() {
    let site = Site::new();
    let r = folio(&["check", site.path().to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("No errors:"), "{}", r.stdout);
    assert!(!site.p("public").exists());
}

#[test]
fn init_scaffolds_a_site_that_builds_and_refuses_to_overwrite() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("new-site");
    let r = folio(&["init", dir.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for f in [
        "folio.yaml",
        ".gitignore",
        "content/profile.yaml",
        "content/profiles/writer.yaml",
        "content/projects/first-project.md",
        "content/projects/second-project/index.md",
        ".github/workflows/pages.yml",
    ] {
        assert!(dir.join(f).is_file(), "missing {f}");
    }
    let workflow: serde_json::Value = serde_yaml::from_str(
        &std::fs::read_to_string(dir.join(".github/workflows/pages.yml")).unwrap(),
    )
    .unwrap();
    assert_eq!(workflow["jobs"]["deploy"]["permissions"]["pages"], "write");
    let r = folio(&["build", dir.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "", "a new site builds without warnings");
    // A second init changes nothing.
    std::fs::write(dir.join("folio.yaml"), "title: Mine\n").unwrap();
    let r = folio(&["init", dir.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("folio.yaml: already exists"),
        "{}",
        r.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("folio.yaml")).unwrap(),
        "title: Mine\n"
    );
}

#[test]
fn cli_usage_help_and_version() {
    let r = folio(&["--version"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("folio "));
    let r = folio(&["--help"]);
    assert_eq!(r.code, 0);
    for cmd in ["build", "check", "init", "Exit status"] {
        assert!(r.stdout.contains(cmd), "{cmd} missing from --help");
    }
    let r = folio(&["build", "--help"]);
    assert!(
        r.stdout.contains("--base-url")
            && r.stdout.contains("--drafts")
            && r.stdout.contains("--output-dir")
    );
    assert_eq!(folio(&["build", "--no-such-flag"]).code, 2);
    assert_eq!(folio(&["frobnicate"]).code, 2);
}

#[test]
fn default_dir_is_the_current_folder() {
    let site = Site::new();
    let r = folio_in(site.path(), &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.ends_with("→ public/\n"), "{}", r.stdout);
    assert!(Path::new(&site.p("public/index.html")).is_file());
}

#[test]
fn non_ascii_and_spaced_file_names_become_working_urls() {
    let site = Site::new();
    site.write(
        "content/projects/日本語の翻訳.md",
        "---\ntitle: 日本語\ndate: 2024\nsummary: x\n---\nSee [alpha](alpha.md).\n",
    );
    site.write(
        "content/projects/My Big Project/index.md",
        "---\ntitle: Big\ndate: 2024\nsummary: x\ncover: cover image.svg\n---\n[jp](../日本語の翻訳.md)\n",
    );
    site.write(
        "content/projects/My Big Project/cover image.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let r = site.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(site.p("public/projects/日本語の翻訳/index.html").is_file());
    assert!(
        site.p("public/projects/my-big-project/cover image.svg")
            .is_file()
    );
    let out = site.p("public");
    for (page, url) in internal_urls(&out) {
        let file = file_for(&out, "/portfolio/", &url).unwrap();
        assert!(file.is_file(), "{}: `{url}` is broken", page.display());
    }
    let big = site.read("public/projects/my-big-project/index.html");
    assert!(
        big.contains("/portfolio/projects/my-big-project/cover%20image.svg"),
        "{big}"
    );
}

#[test]
fn init_without_workflow() {
    let tmp = tempfile::tempdir().unwrap();
    let r = folio(&["init", tmp.path().to_str().unwrap(), "--no-workflow"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(tmp.path().join("folio.yaml").is_file());
    assert!(!tmp.path().join(".github").exists());
}

#[test]
fn a_cname_site_lives_at_the_domain_root() {
    let site = Site::new();
    site.write("folio.yaml", "title: T\ngithub_pages: { cname: ana.dev }\n");
    let r = site.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(site.read("public/CNAME"), "ana.dev\n");
    let home = site.read("public/index.html");
    assert!(
        home.contains("<link rel=\"canonical\" href=\"https://ana.dev/\">"),
        "{home}"
    );
    let out = site.p("public");
    for (page, url) in internal_urls(&out) {
        assert!(url.starts_with('/'), "{}: {url}", page.display());
        assert!(
            file_for(&out, "/", &url).unwrap().is_file(),
            "{}: `{url}` is broken",
            page.display()
        );
    }
}

/// The sitemap, feed and robots.txt use the base URL, and every URL in them is
/// a page of the built site.
#[test]
fn sitemap_feed_and_robots_follow_the_base_url() {
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("public");
    let r = folio(&["build", "example-site", "-o", dest.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let base = "https://meilin.github.io/portfolio/";
    let robots = std::fs::read_to_string(dest.join("robots.txt")).unwrap();
    assert!(robots.contains(&format!("Sitemap: {base}sitemap.xml")));
    for file in ["sitemap.xml", "feed.xml"] {
        let xml = std::fs::read_to_string(dest.join(file)).unwrap();
        let mut n = 0;
        for attr in ["<loc>", "<id>", "href=\""] {
            for part in xml.split(attr).skip(1) {
                let url = &part[..part.find(['<', '"']).unwrap()];
                assert!(url.starts_with(base), "{file}: {url}");
                let f = file_for(
                    &dest,
                    "/portfolio/",
                    url.strip_prefix("https://meilin.github.io").unwrap(),
                )
                .unwrap();
                assert!(f.is_file(), "{file}: {url} is not a page");
                n += 1;
            }
        }
        assert!(n > 8, "{file} lists {n} URLs");
    }
    let sitemap = std::fs::read_to_string(dest.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://meilin.github.io/portfolio/projects/doccheck-cli/</loc>\n    <lastmod>2024-03</lastmod>"));
    assert!(!sitemap.contains("404"));
    let project = std::fs::read_to_string(dest.join("projects/doccheck-cli/index.html")).unwrap();
    assert!(project.contains("<meta property=\"og:url\" content=\"https://meilin.github.io/portfolio/projects/doccheck-cli/\">"));
    assert!(project.contains("<meta property=\"og:image\" content=\"https://meilin.github.io/portfolio/projects/doccheck-cli/share.png\">"));
}

#[test]
fn theme_strings_follow_the_language_and_a_site_can_add_one() {
    let site = Site::new();
    site.write("folio.yaml", "title: T\nlanguage: zh-CN\n");
    assert_eq!(site.build(&[]).code, 0);
    let home = site.read("public/index.html");
    assert!(
        home.contains(">项目</a>") && home.contains(">精选作品</h2>"),
        "{home}"
    );
    assert!(
        site.read("public/projects/index.html")
            .contains("<title>项目 · Ana Silva</title>")
    );
    // A language folio does not ship: one file in i18n/, English for what it leaves out.
    site.write("folio.yaml", "title: T\nlanguage: fr\n");
    site.write("i18n/fr.yaml", "projects: Projets\nskills: Compétences\n");
    assert_eq!(site.build(&[]).code, 0);
    let home = site.read("public/index.html");
    assert!(
        home.contains(">Projets</a>")
            && home.contains(">Compétences</a>")
            && home.contains(">Selected work</h2>"),
        "{home}"
    );
    // A broken language file is an error with its path.
    site.write("i18n/fr.yaml", "projects: [Projets\n");
    let r = site.build(&[]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("error: i18n/fr.yaml:"), "{}", r.stderr);
}

#[test]
fn pages_carry_structured_data_and_a_theme_toggle() {
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("public");
    assert_eq!(
        folio(&["build", "example-site", "-o", dest.to_str().unwrap()]).code,
        0
    );
    let jsonld = |page: &str| -> serde_json::Value {
        let html = std::fs::read_to_string(dest.join(page)).unwrap();
        let start = html.find("<script type=\"application/ld+json\">").unwrap() + 35;
        let end = start + html[start..].find("</script>").unwrap();
        serde_json::from_str(&html[start..end].replace("<\\/", "</")).unwrap()
    };
    let home = jsonld("index.html");
    assert_eq!(home["@type"], "Person");
    assert_eq!(home["name"], "Mei Lin");
    assert_eq!(home["sameAs"][0], "https://github.com/meilin-example");
    assert!(home["knowsAbout"].as_array().unwrap().len() == 9);
    let project = jsonld("projects/doccheck-cli/index.html");
    assert_eq!(project[0]["@type"], "CreativeWork");
    assert_eq!(project[1]["@type"], "BreadcrumbList");
    assert_eq!(
        project[1]["itemListElement"][2]["item"],
        "https://meilin.github.io/portfolio/projects/doccheck-cli/"
    );
    assert_eq!(jsonld("resume/index.html")["@type"], "Person");
    assert_eq!(jsonld("skills/rust/index.html")["@type"], "BreadcrumbList");
    let html = std::fs::read_to_string(dest.join("index.html")).unwrap();
    // The saved scheme is applied in <head>, before the page paints; the button needs JS, so it starts hidden.
    let head_end = html.find("</head>").unwrap();
    assert!(html[..head_end].contains("localStorage.getItem(\"folio-theme\")"));
    assert!(
        html.contains(
            "<button class=\"theme-toggle\" type=\"button\" hidden aria-pressed=\"false\">"
        )
    );
}

#[test]
fn the_resume_theme_is_complete_for_every_page_type() {
    let site = tempfile::tempdir().unwrap();
    for e in walkdir::WalkDir::new("example-site") {
        let e = e.unwrap();
        let rel = e.path().strip_prefix("example-site").unwrap();
        if rel.starts_with("public") || rel.starts_with("screenshots") {
            continue;
        }
        let dest = site.path().join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
    let config = std::fs::read_to_string(site.path().join("folio.yaml")).unwrap();
    std::fs::write(
        site.path().join("folio.yaml"),
        config.replace("theme: default", "theme: resume"),
    )
    .unwrap();
    let r = folio(&["build", site.path().to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    let out = site.path().join("public");
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("href=\"/portfolio/resume.css\"") && home.contains("class=\"cv\""));
    for page in [
        "projects/doccheck-cli/index.html",
        "skills/rust/index.html",
        "profiles/writer/index.html",
        "resume/index.html",
        "about/index.html",
        "404.html",
        "projects/index.html",
        "skills/index.html",
    ] {
        assert!(out.join(page).is_file(), "{page}");
    }
    for (page, url) in internal_urls(&out) {
        assert!(
            file_for(&out, "/portfolio/", &url).unwrap().is_file(),
            "{}: `{url}` is broken",
            page.display()
        );
    }
}

#[test]
fn raster_covers_get_resized_variants_and_their_size() {
    let site = Site::new();
    let cover = site.p("content/projects/beta/photo.jpg");
    image::RgbImage::from_fn(1600, 900, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    })
    .save(&cover)
    .unwrap();
    site.write(
        "content/projects/beta/index.md",
        "---\ntitle: Beta\ndate: 2023-02\nsummary: The second project.\nskills: [Technical Writing]\ncover: photo.jpg\ncover_alt: A photo\n---\n",
    );
    let r = site.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for (name, w) in [
        ("photo-480w.jpg", 480),
        ("photo-960w.jpg", 960),
        ("photo-1200w.jpg", 1200),
    ] {
        let img = image::open(site.p(&format!("public/projects/beta/{name}"))).unwrap();
        assert_eq!((img.width(), img.height()), (w, w * 9 / 16), "{name}");
    }
    assert!(
        !site.p("public/projects/beta/photo-2400w.jpg").exists(),
        "never upscaled"
    );
    assert!(
        site.p("public/projects/beta/photo.jpg").is_file(),
        "the original stays available"
    );
    let page = site.read("public/projects/beta/index.html");
    assert!(page.contains("srcset=\"/portfolio/projects/beta/photo-480w.jpg 480w, /portfolio/projects/beta/photo-960w.jpg 960w, /portfolio/projects/beta/photo-1200w.jpg 1200w, /portfolio/projects/beta/photo.jpg 1600w\""), "{page}");
    assert!(page.contains("width=\"1600\" height=\"900\""));
    let list = site.read("public/projects/index.html");
    assert!(
        list.contains("sizes=\"(max-width: 40rem) 100vw, 24rem\"")
            && list.contains("loading=\"lazy\"")
    );
}

#[test]
fn png_covers_also_get_lossless_webp_in_a_picture_element() {
    let site = Site::new();
    // A flat-colour graphic, the kind of image PNG is used for.
    image::RgbImage::from_fn(1000, 500, |x, _| {
        if x < 500 {
            image::Rgb([29, 78, 216])
        } else {
            image::Rgb([250, 250, 250])
        }
    })
    .save(site.p("content/projects/beta/graphic.png"))
    .unwrap();
    site.write(
        "content/projects/beta/index.md",
        "---\ntitle: Beta\ndate: 2023-02\nsummary: The second project.\nskills: [Technical Writing]\ncover: graphic.png\ncover_alt: A graphic\n---\n",
    );
    let r = site.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let dir = site.p("public/projects/beta");
    for f in [
        "graphic.png",
        "graphic-480w.png",
        "graphic-960w.png",
        "graphic-480w.webp",
        "graphic-960w.webp",
        "graphic-1000w.webp",
    ] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    let png = std::fs::metadata(dir.join("graphic.png")).unwrap().len();
    let webp = std::fs::metadata(dir.join("graphic-1000w.webp"))
        .unwrap()
        .len();
    assert!(
        webp < png,
        "lossless WebP ({webp} bytes) is smaller than the PNG ({png} bytes)"
    );
    let page = site.read("public/projects/beta/index.html");
    assert!(page.contains("<picture><source type=\"image/webp\" srcset=\"/portfolio/projects/beta/graphic-480w.webp 480w, /portfolio/projects/beta/graphic-960w.webp 960w, /portfolio/projects/beta/graphic-1000w.webp 1000w\""), "{page}");
    assert!(page.contains("</picture>"));
}

#[cfg(unix)]
#[test]
fn a_rebuild_keeps_unchanged_files_and_rewrites_changed_ones() {
    use std::os::unix::fs::MetadataExt;
    let site = Site::new();
    let cover = |colour: u8| {
        image::RgbImage::from_fn(1000, 500, |_, _| image::Rgb([colour, 80, 200]))
            .save(site.p("content/projects/beta/graphic.png"))
            .unwrap();
    };
    cover(20);
    site.write(
        "content/projects/beta/index.md",
        "---\ntitle: Beta\ndate: 2023-02\nsummary: The second project.\nskills: [Technical Writing]\ncover: graphic.png\ncover_alt: A graphic\n---\n",
    );
    assert_eq!(site.build(&[]).code, 0);
    let ino = |rel: &str| std::fs::metadata(site.p(rel)).unwrap().ino();
    let files = [
        "public/projects/alpha/index.html",
        "public/projects/beta/graphic-480w.webp",
        "public/projects/beta/graphic.png",
        "public/404.html",
    ];
    let before: Vec<u64> = files.iter().map(|f| ino(f)).collect();
    let variant = site.read_bytes("public/projects/beta/graphic-480w.webp");

    // Same input: every file is the one written before (same inode, same time).
    assert_eq!(site.build(&[]).code, 0);
    let after: Vec<u64> = files.iter().map(|f| ino(f)).collect();
    assert_eq!(before, after);

    // A changed write-up and a changed image: written anew, the rest kept.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let alpha = site.read("content/projects/alpha.md");
    site.write(
        "content/projects/alpha.md",
        &format!("{alpha}\nNew text.\n"),
    );
    cover(220);
    assert_eq!(site.build(&[]).code, 0);
    assert_ne!(ino(files[0]), before[0]);
    assert!(site.read(files[0]).contains("New text."));
    assert_ne!(ino(files[1]), before[1]);
    assert_ne!(
        site.read_bytes(files[1]),
        variant,
        "the variant is made again"
    );
    assert_eq!(ino(files[3]), before[3], "an unchanged page is kept");
}

/// A project without a date is kept, shown without one, and listed after the
/// dated ones by weight, then title; date-times order one day's projects
/// (issue 20 item 2).
#[test]
fn undated_projects_come_last_and_times_order_a_day() {
    let site = Site::new();
    site.write(
        "content/projects/zeta.md",
        "---\ntitle: Zeta\nsummary: Undated, weight 1.\nweight: 1\n---\n\nText.\n",
    );
    site.write(
        "content/projects/eta.md",
        "---\ntitle: Eta\nsummary: Undated, weight 0.\n---\n\nText.\n",
    );
    site.write(
        "content/projects/morning.md",
        "---\ntitle: Morning\ndate: 2024-05-01T08:00:00+02:00\nsummary: Same day, earlier.\n---\n",
    );
    site.write(
        "content/projects/evening.md",
        "---\ntitle: Evening\ndate: 2024-05-01T20:00:00+02:00\nsummary: Same day, later.\n---\n",
    );
    let r = site.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let list = site.read("public/projects/index.html");
    let at = |t: &str| {
        list.find(&format!(">{t}<"))
            .unwrap_or_else(|| panic!("{t} in {list}"))
    };
    assert!(at("Evening") < at("Morning") && at("Morning") < at("Alpha"));
    assert!(at("Beta") < at("Eta") && at("Eta") < at("Zeta"));
    let zeta = site.read("public/projects/zeta/index.html");
    assert!(!zeta.contains("<time"), "no date shown");
    let evening = site.read("public/projects/evening/index.html");
    assert!(evening.contains("datetime=\"2024-05-01\""), "{evening}");
}
