//! Issue 32: every page a freelancer shares has a raster share card. Builds
//! the example site with a fixture project that has a JPEG photo cover, then
//! crawls every HTML page: each but 404.html names an `og:image` that exists
//! beside it, is a PNG or JPEG, and is 1200×630.

mod common;

use std::path::{Path, PathBuf};

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

/// Crawls the built site in `out`: every HTML page but 404.html names an
/// `og:image` under `base` beside it that is a 1200×630 PNG or JPEG, with the
/// size and `summary_large_image` tags. Returns how many pages have one.
fn check_every_card(out: &Path, base: &str) -> usize {
    let mut pages = 0;
    for e in walkdir::WalkDir::new(out) {
        let e = e.unwrap();
        if e.path().extension().is_none_or(|x| x != "html") {
            continue;
        }
        let rel = e
            .path()
            .strip_prefix(out)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let html = std::fs::read_to_string(e.path()).unwrap();
        // The 404 of each language (`404.html`, `zh/404.html`) has no card.
        if rel == "404.html" || rel.ends_with("/404.html") {
            continue;
        }
        pages += 1;
        check_card(out, base, &rel, &html);
    }
    pages
}

/// The share card of the page `rel` (`html`) in `out`.
fn check_card(out: &Path, base: &str, rel: &str, html: &str) {
    let image = og_image(html).unwrap_or_else(|| panic!("{rel} has no og:image"));
    let file = image
        .strip_prefix(base)
        .unwrap_or_else(|| panic!("{rel}: og:image {image} is not on the site"));
    let file = &*percent_encoding::percent_decode_str(file).decode_utf8_lossy();
    let dir = rel.strip_suffix("index.html").unwrap_or("");
    assert!(
        file == format!("{dir}share.png") || file == format!("{dir}share.jpg"),
        "{rel}: og:image {file} is not beside the page"
    );
    let bytes = std::fs::read(out.join(file)).unwrap_or_else(|_| panic!("{rel}: {file} missing"));
    let format = image::guess_format(&bytes).unwrap();
    assert!(
        matches!(format, image::ImageFormat::Png | image::ImageFormat::Jpeg),
        "{file} is {format:?}"
    );
    let img = image::load_from_memory(&bytes).unwrap();
    assert_eq!((img.width(), img.height()), (1200, 630), "{file}");
    for tag in [
        r#"<meta property="og:image:width" content="1200">"#,
        r#"<meta property="og:image:height" content="630">"#,
        r#"<meta name="twitter:card" content="summary_large_image">"#,
    ] {
        assert!(html.contains(tag), "{rel} lacks {tag}");
    }
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
    let pages = check_every_card(&out, "https://meilin.github.io/portfolio/");
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
    // One warning for each language of example-site (English, Chinese).
    assert_eq!(
        r.stderr.matches("no card font has").count(),
        2,
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

/// A copy of tests/zh-site (a Chinese site, its CJK card font in `card_fonts`)
/// in `dir`; without that font when `font` is false.
fn zh_site(dir: &Path, font: bool) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/zh-site");
    copy_tree(&from, dir, &["public", ".folio"]);
    if !font {
        let config = dir.join("folio.yaml");
        let text = std::fs::read_to_string(&config).unwrap();
        let text = text.replace("card_fonts: [DroidSansFallback-zh.ttf]", "");
        std::fs::write(&config, text).unwrap();
    }
}

fn build(site: &Path, out: &Path) -> common::Run {
    let r = common::folio(&["build", site.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r
}

/// The share of the pixels in `area` (x0, y0, x1, y1) of the card `file`
/// that are `like` (given the pixel and the card's background: its top right
/// corner).
fn share_of(file: &Path, area: (u32, u32, u32, u32), like: fn([u8; 3], [u8; 3]) -> bool) -> f64 {
    let img = image::open(file).unwrap().to_rgb8();
    let bg = img.get_pixel(1190, 10).0;
    let (x0, y0, x1, y1) = area;
    let mut n = 0;
    for y in y0..y1 {
        for x in x0..x1 {
            n += usize::from(like(img.get_pixel(x, y).0, bg));
        }
    }
    n as f64 / f64::from((x1 - x0) * (y1 - y0))
}

/// The share of `area` of the card `file` that is not its background.
fn ink(file: &Path, area: (u32, u32, u32, u32)) -> f64 {
    share_of(file, area, |p, bg| {
        p.iter().zip(bg).any(|(a, b)| a.abs_diff(b) > 40)
    })
}

/// The share of `area` of the card `file` that is white.
fn white(file: &Path, area: (u32, u32, u32, u32)) -> f64 {
    share_of(file, area, |p, _| p.iter().all(|&c| c > 230))
}

/// The band a one-line title of a drawn card is in (below the name, above
/// the client).
const TITLE_BAND: (u32, u32, u32, u32) = (84, 232, 1116, 330);
/// Where the Chinese word 星河 is on the card of game-ui's SVG cover.
const SVG_WORD: (u32, u32, u32, u32) = (90, 160, 390, 320);

/// tests/zh-site (with its card font or without) copied into `tmp` and built;
/// the site, its output and the build's run.
fn built_zh(tmp: &Path, font: bool) -> (PathBuf, PathBuf, common::Run) {
    let site = tmp.join(if font { "site" } else { "bare" });
    zh_site(&site, font);
    let out = site.with_extension("out");
    let r = build(&site, &out);
    (site, out, r)
}

#[test]
fn every_page_of_a_chinese_site_has_a_card_with_its_chinese_text_drawn() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, out, r) = built_zh(tmp.path(), true);
    assert!(!r.stderr.contains("card font"), "{}", r.stderr);
    let pages = check_every_card(&out, "https://wangfang.example/");
    assert!(pages >= 8, "only {pages} pages");
    let projects = out.join("projects");
    let photo = std::fs::read(projects.join("tea-shop/share.png")).unwrap();
    assert_eq!(
        image::guess_format(&photo).unwrap(),
        image::ImageFormat::Png
    );
    // The drawn cards' Chinese titles (王芳 on the home card, 支付接口文档重写
    // on the coverless project's) and the Chinese word in the SVG cover are drawn.
    let drawn = [out.join("share.png"), projects.join("api-docs/share.png")];
    for card in &drawn {
        let ink = ink(card, TITLE_BAND);
        assert!(ink > 0.005, "{}: title band {ink}", card.display());
    }
    let svg_card = projects.join("game-ui/share.png");
    assert!(
        white(&svg_card, SVG_WORD) > 0.005,
        "no 星河 on the SVG card"
    );

    // Without the font the same places are blank, so the checks above see text.
    let (_, bare_out, r) = built_zh(tmp.path(), false);
    assert!(r.stderr.contains("no card font has"), "{}", r.stderr);
    assert_eq!(ink(&bare_out.join("share.png"), TITLE_BAND), 0.0);
    let coverless = bare_out.join("projects/api-docs/share.png");
    assert_eq!(ink(&coverless, TITLE_BAND), 0.0);
    assert_eq!(
        white(&bare_out.join("projects/game-ui/share.png"), SVG_WORD),
        0.0
    );
}

#[test]
fn a_removed_projects_card_leaves_the_cache_on_the_next_build() {
    let tmp = tempfile::tempdir().unwrap();
    let (site, out, _) = built_zh(tmp.path(), true);
    let cache = site.join(".folio/cache/cards");
    let kept = |bytes: &[u8]| {
        std::fs::read_dir(&cache)
            .unwrap()
            .any(|e| std::fs::read(e.unwrap().path()).unwrap() == bytes)
    };
    let card = std::fs::read(out.join("projects/api-docs/share.png")).unwrap();
    assert!(kept(&card));
    let before = std::fs::read_dir(&cache).unwrap().count();
    std::fs::remove_file(site.join("content/projects/api-docs.md")).unwrap();
    build(&site, &out);
    assert!(!kept(&card), "the removed project's card is still kept");
    let after = std::fs::read_dir(&cache).unwrap().count();
    assert!(after < before, "{after} cards kept, {before} before");
    // The cards still used stay.
    let home = std::fs::read(out.join("share.png")).unwrap();
    assert!(kept(&home));
}
