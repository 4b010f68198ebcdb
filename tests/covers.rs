//! Covers and summaries (issue 17 items 6 and 7, issue 14 item 9): where a
//! cover may come from, what happens when its file is not what its name says,
//! and the summary a write-up gives when `summary:` is not written.

mod common;
use common::*;

const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";

/// Writes the project `beta` as a bundle with this front matter (between the
/// fences) and body.
fn beta(site: &Site, front: &str, body: &str) {
    site.write(
        "content/projects/beta/index.md",
        &format!(
            "---\ntitle: Beta\ndate: 2023-02\nskills: [Technical Writing]\n{front}---\n{body}"
        ),
    );
}

fn builds(site: &Site) -> Run {
    let r = site.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r
}

fn fails(site: &Site) -> String {
    let r = site.build(&[]);
    assert_eq!(r.code, 1, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    r.stderr
}

fn save_jpeg(site: &Site, rel: &str, w: u32, h: u32) {
    let p = site.p(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    })
    .save(&p)
    .unwrap();
}

/// The content of `<meta name="description">` of a page.
fn description(html: &str) -> &str {
    let start = html.find("<meta name=\"description\" content=\"").unwrap() + 34;
    let len = html[start..].find('"').unwrap();
    &html[start..start + len]
}

#[test]
fn a_cover_in_static_is_published_from_there_with_its_variants() {
    let site = Site::new();
    save_jpeg(&site, "static/thumbs/b01.jpg", 1000, 500);
    beta(
        &site,
        "summary: S.\ncover: /thumbs/b01.jpg\ncover_alt: A thumb\n",
        "",
    );
    builds(&site);
    let page = site.read("public/projects/beta/index.html");
    assert!(page.contains("src=\"/portfolio/thumbs/b01.jpg\""), "{page}");
    assert!(
        page.contains("srcset=\"/portfolio/thumbs/b01-480w.jpg 480w, /portfolio/thumbs/b01-960w.jpg 960w, /portfolio/thumbs/b01.jpg 1000w\""),
        "{page}"
    );
    assert!(page.contains("width=\"1000\" height=\"500\""), "{page}");
    assert!(
        page.contains("<meta property=\"og:image\" content=\"https://ana.github.io/portfolio/projects/beta/share.jpg\">"),
        "{page}"
    );
    assert!(site.p("public/thumbs/b01.jpg").is_file());
    assert!(site.p("public/thumbs/b01-480w.jpg").is_file());
    // Written with the base path in front, it is the same file.
    beta(
        &site,
        "summary: S.\ncover: /portfolio/thumbs/b01.jpg\ncover_alt: A thumb\n",
        "",
    );
    builds(&site);
    let page = site.read("public/projects/beta/index.html");
    assert!(page.contains("src=\"/portfolio/thumbs/b01.jpg\""), "{page}");
}

#[test]
fn a_missing_static_cover_names_the_line_and_where_it_looked() {
    let site = Site::new();
    beta(
        &site,
        "summary: S.\ncover: /thumbs/nope.jpg\ncover_alt: A\n",
        "",
    );
    let err = fails(&site);
    assert!(
        err.contains("error: content/projects/beta/index.md:6: cover image: `/thumbs/nope.jpg` does not exist (looked for static/thumbs/nope.jpg)"),
        "{err}"
    );
    assert!(err.contains("a file in static/"), "{err}");
}

#[test]
fn a_cover_url_is_used_as_it_is() {
    let site = Site::new();
    let url = "https://cdn.example.com/shots/beta.png";
    beta(
        &site,
        &format!("summary: S.\ncover: {url}\ncover_alt: A shot\n"),
        "",
    );
    builds(&site);
    let page = site.read("public/projects/beta/index.html");
    assert!(
        page.contains(&format!("src=\"{url}\" alt=\"A shot\"")),
        "{page}"
    );
    assert!(
        !page.contains("srcset=\"https://cdn"),
        "not resized: {page}"
    );
    // Issue 32: a cover elsewhere can't be cropped: the page gets a drawn card.
    assert!(
        page.contains("<meta property=\"og:image\" content=\"https://ana.github.io/portfolio/projects/beta/share.png\">"),
        "{page}"
    );
}

#[test]
fn a_bundle_image_named_cover_or_featured_is_the_cover() {
    let site = Site::new();
    site.remove("content/projects/beta/cover.svg");
    site.write("content/projects/beta/featured.svg", SVG);
    // A cover letter is not a cover image.
    site.write("content/projects/beta/cover.pdf", "%PDF-1.4\n");
    beta(&site, "summary: S.\ncover_alt: Featured\n", "");
    builds(&site);
    let list = site.read("public/projects/index.html");
    assert!(
        list.contains("src=\"/portfolio/projects/beta/featured.svg\" alt=\"Featured\""),
        "{list}"
    );
    // `cover.*` comes before `featured.*`.
    site.write("content/projects/beta/Cover.svg", SVG);
    builds(&site);
    let page = site.read("public/projects/beta/index.html");
    assert!(
        page.contains("src=\"/portfolio/projects/beta/Cover.svg\""),
        "{page}"
    );
    // A flat write-up has no bundle: an image beside it is not its cover.
    site.write("content/projects/cover.svg", SVG);
    builds(&site);
    let alpha = site.read("public/projects/alpha/index.html");
    assert!(!alpha.contains("cover.svg"), "{alpha}");
}

#[test]
fn an_svg_saved_as_jpg_is_an_error_at_the_cover_line() {
    let site = Site::new();
    site.write("content/projects/beta/cover.jpg", SVG);
    beta(&site, "summary: S.\ncover: cover.jpg\ncover_alt: A\n", "");
    let err = fails(&site);
    assert!(
        err.contains("error: content/projects/beta/index.md:6: cover image: `cover.jpg` is an SVG image, not a JPEG: rename it to `cover.svg`"),
        "{err}"
    );
    assert!(err.contains("6 | cover: cover.jpg"), "{err}");
    assert!(!err.contains("cannot read the size"), "{err}");
}

#[test]
fn a_misnamed_featured_image_is_named_though_no_line_names_it() {
    let site = Site::new();
    site.remove("content/projects/beta/cover.svg");
    site.write("content/projects/beta/featured.jpg", SVG);
    beta(&site, "summary: S.\ncover_alt: A\n", "");
    let err = fails(&site);
    assert!(
        err.contains("error: content/projects/beta/index.md: cover image: `featured.jpg` is an SVG image, not a JPEG: rename it to `featured.svg` (the bundle's `featured.jpg` is its cover because of its name)"),
        "{err}"
    );
}

#[test]
fn a_broken_png_and_a_web_page_saved_as_an_image_are_errors() {
    let site = Site::new();
    site.write_bytes(
        "content/projects/beta/shot.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR broken",
    );
    beta(&site, "summary: S.\ncover: shot.png\ncover_alt: A\n", "");
    let err = fails(&site);
    assert!(
        err.contains("index.md:6: cover image: `shot.png` is a PNG image that folio cannot read"),
        "{err}"
    );
    site.write(
        "content/projects/beta/shot.png",
        "<!DOCTYPE html>\n<html><head><title>Image</title></head></html>",
    );
    let err = fails(&site);
    assert!(
        err.contains(
            "index.md:6: cover image: `shot.png` is an HTML page, not an image browsers show"
        ),
        "{err}"
    );
    assert!(err.contains("saved instead of the image"), "{err}");
}

#[test]
fn without_summary_the_first_paragraph_is_the_summary_as_plain_text() {
    let site = Site::new();
    beta(
        &site,
        "",
        "\n## Context\n\n![Chart](chart.svg)\n\nRebuilt the **getting-started** guide for [Streamline](https://x.example); tickets fell 40 %.\n\nMore text.\n",
    );
    builds(&site);
    let text = "Rebuilt the getting-started guide for Streamline; tickets fell 40 %.";
    let page = site.read("public/projects/beta/index.html");
    assert_eq!(description(&page), text);
    // The page shows the paragraph once, in the write-up, not again as a lead.
    assert_eq!(
        page.matches("tickets fell 40 %.").count(),
        4,
        "meta, og, JSON-LD, body: {page}"
    );
    assert!(!page.contains("class=\"prose lead\""), "{page}");
    let list = site.read("public/projects/index.html");
    assert!(
        list.contains(&format!("<div class=\"card-summary\"><p>{text}</p>")),
        "{list}"
    );
}

#[test]
fn the_text_before_more_is_the_summary() {
    let site = Site::new();
    beta(
        &site,
        "",
        "\nFirst part.\n\nSecond part.\n\n<!--more-->\n\nThe rest.\n",
    );
    builds(&site);
    let page = site.read("public/projects/beta/index.html");
    assert_eq!(description(&page), "First part. Second part.");
}

#[test]
fn a_long_first_paragraph_is_cut_for_the_meta_description() {
    let site = Site::new();
    let sentence = "Moved nine hundred wiki pages into Git with previews for every pull request.";
    beta(&site, "", &format!("\n{sentence} {sentence} {sentence}\n"));
    builds(&site);
    let page = site.read("public/projects/beta/index.html");
    assert_eq!(description(&page), format!("{sentence} {sentence}"));
}

#[test]
fn an_empty_summary_is_an_error_at_its_value() {
    let site = Site::new();
    beta(&site, "summary: ''\n", "\nText.\n");
    let err = fails(&site);
    assert!(
        err.contains("error: content/projects/beta/index.md:5:10: `summary:` is empty"),
        "{err}"
    );
    assert!(
        err.contains("remove `summary:` to use the first paragraph"),
        "{err}"
    );
    beta(&site, "summary:   \n", "\nText.\n");
    let err = fails(&site);
    assert!(err.contains("index.md:5:"), "{err}");
    assert!(err.contains("`summary:` is empty"), "{err}");
}

#[test]
fn no_summary_and_no_paragraph_is_a_warning() {
    let site = Site::new();
    beta(&site, "", "\n- only\n- a list\n");
    let r = builds(&site);
    assert!(
        r.stderr
            .contains("warning: content/projects/beta/index.md: this project has no summary"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_written_summary_becomes_text_without_spaces_between_its_markup() {
    let site = Site::new();
    beta(
        &site,
        "summary: 我们**重写**了文档，工单减少了 40 %。\n",
        "",
    );
    builds(&site);
    let page = site.read("public/projects/beta/index.html");
    assert_eq!(description(&page), "我们重写了文档，工单减少了 40 %。");
}

#[test]
fn an_imported_project_without_description_gets_no_empty_summary() {
    let dir = tempfile::tempdir().unwrap();
    let resume = dir.path().join("resume.json");
    std::fs::write(
        &resume,
        r#"{"basics": {"name": "Ana Silva", "label": "Writer"},
            "projects": [{"name": "Docs Site", "startDate": "2023-04", "highlights": ["Moved 900 pages."]}]}"#,
    )
    .unwrap();
    let site = dir.path().join("site");
    let r = folio(&[
        "import",
        "jsonresume",
        resume.to_str().unwrap(),
        site.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let file = std::fs::read_to_string(site.join("content/projects/docs-site.md")).unwrap();
    assert!(!file.contains("summary:"), "{file}");
    let b = folio(&["build", site.to_str().unwrap()]);
    assert_eq!(b.code, 0, "{}", b.stderr);
}

#[test]
fn a_webp_cover_gets_its_size_and_no_variants() {
    let site = Site::new();
    image::RgbaImage::from_pixel(640, 360, image::Rgba([10, 20, 30, 255]))
        .save(site.p("content/projects/beta/shot.webp"))
        .unwrap();
    beta(
        &site,
        "summary: S.\ncover: shot.webp\ncover_alt: A shot\n",
        "",
    );
    builds(&site);
    let page = site.read("public/projects/beta/index.html");
    assert!(
        page.contains("src=\"/portfolio/projects/beta/shot.webp\" width=\"640\" height=\"360\""),
        "{page}"
    );
    assert!(!site.p("public/projects/beta/shot-480w.webp").exists());
}
