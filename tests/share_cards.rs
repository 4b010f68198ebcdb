//! Issue 32: every page a freelancer shares has a raster share card. Builds
//! the example site with a fixture project that has a JPEG photo cover, then
//! crawls every HTML page: each but 404.html names an `og:image` that exists
//! beside it, is a PNG or JPEG, and is 1200×630.

mod common;

use std::path::Path;

use common::copy::copy_tree;

/// The example site plus a project whose cover is a (generated) JPEG photo.
fn example_with_photo(dir: &Path) {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("example-site");
    copy_tree(&example, dir, &["public", ".folio"]);
    let project = dir.join("content/projects/harbour-photos");
    std::fs::create_dir_all(&project).unwrap();
    image::RgbImage::from_fn(1600, 1200, |x, y| {
        image::Rgb([
            (x / 7 % 256) as u8,
            (y / 5 % 256) as u8,
            ((x + y) / 11 % 256) as u8,
        ])
    })
    .save(project.join("harbour.jpg"))
    .unwrap();
    std::fs::write(
        project.join("index.md"),
        "---\ntitle: Harbour photo essay\ndate: 2023-03-01\nsummary: Photos for a port's annual report.\nskills: [Technical Writing]\nclient: Port of Example\ncover: harbour.jpg\ncover_alt: Cranes at dawn\n---\n\nText.\n",
    )
    .unwrap();
}

fn og_image(html: &str) -> Option<String> {
    let at = html.find(r#"<meta property="og:image" content=""#)?;
    let rest = &html[at + r#"<meta property="og:image" content=""#.len()..];
    Some(rest[..rest.find('"')?].to_string())
}

#[test]
fn every_page_but_the_404_has_a_1200_by_630_raster_og_image() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    example_with_photo(&site);
    let out = tmp.path().join("out");
    let r = common::folio(&["build", site.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("card font"), "{}", r.stderr);
    let base = "https://meilin.github.io/portfolio/";
    let mut pages = 0;
    for e in walkdir::WalkDir::new(&out) {
        let e = e.unwrap();
        if e.path().extension().is_none_or(|x| x != "html") {
            continue;
        }
        let rel = e
            .path()
            .strip_prefix(&out)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let html = std::fs::read_to_string(e.path()).unwrap();
        if rel == "404.html" {
            continue;
        }
        pages += 1;
        let image = og_image(&html).unwrap_or_else(|| panic!("{rel} has no og:image"));
        let file = image
            .strip_prefix(base)
            .unwrap_or_else(|| panic!("{rel}: og:image {image} is not on the site"));
        let file = &*percent_encoding::percent_decode_str(file).decode_utf8_lossy();
        let dir = rel.strip_suffix("index.html").unwrap_or("");
        assert!(
            file == format!("{dir}share.png") || file == format!("{dir}share.jpg"),
            "{rel}: og:image {file} is not beside the page"
        );
        let bytes =
            std::fs::read(out.join(file)).unwrap_or_else(|_| panic!("{rel}: {file} missing"));
        let format = image::guess_format(&bytes).unwrap();
        assert!(
            matches!(format, image::ImageFormat::Png | image::ImageFormat::Jpeg),
            "{file} is {format:?}"
        );
        let img = image::load_from_memory(&bytes).unwrap();
        assert_eq!((img.width(), img.height()), (1200, 630), "{file}");
        assert!(
            html.contains(r#"<meta property="og:image:width" content="1200">"#),
            "{rel}"
        );
        assert!(
            html.contains(r#"<meta property="og:image:height" content="630">"#),
            "{rel}"
        );
        assert!(
            html.contains(r#"<meta name="twitter:card" content="summary_large_image">"#),
            "{rel}"
        );
    }
    assert!(pages > 20, "only {pages} pages");
    let photo = std::fs::read(out.join("projects/harbour-photos/share.jpg")).unwrap();
    assert_eq!(
        image::guess_format(&photo).unwrap(),
        image::ImageFormat::Jpeg
    );
    // A rebuild reads every card back from the site's cache.
    let cached = std::fs::read_dir(site.join(".folio/cache/cards"))
        .unwrap()
        .count();
    assert!(cached >= pages, "{cached} cards kept for {pages} pages");
}

#[test]
fn a_title_no_card_font_covers_is_left_out_with_one_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    example_with_photo(&site);
    let config = site.join("folio.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replace("card_fonts: [DroidSansFallback-example.ttf]", ""),
    )
    .unwrap();
    let out = tmp.path().join("out");
    let r = common::folio(&["build", site.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr.matches("no card font has").count(),
        1,
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("content/projects/cloudstack-zh.md: no card font has the characters of `云栈开发者文档中文本地化`"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("card_fonts:"), "{}", r.stderr);
    let card = image::open(out.join("projects/cloudstack-zh/share.png")).unwrap();
    assert_eq!((card.width(), card.height()), (1200, 630));
}

#[test]
fn share_cards_false_writes_no_card_and_keeps_the_old_tags() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    example_with_photo(&site);
    let config = site.join("folio.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}share_cards: false\n")).unwrap();
    let out = tmp.path().join("out");
    let r = common::folio(&["build", site.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!out.join("share.png").exists());
    assert!(!out.join("projects/harbour-photos/share.jpg").exists());
    assert!(!r.stderr.contains("card font"), "{}", r.stderr);
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains(r#"<meta name="twitter:card" content="summary">"#));
    assert!(!site.join(".folio/cache/cards").exists());
}
