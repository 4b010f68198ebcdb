//! Shortcodes and math through a real build (issue 17): the content loader
//! gives them the page's bundle (its images, their sizes, file sizes), the
//! site's own `templates/shortcodes/`, and `markdown: { math: true }`.

mod common;
use common::*;

fn png(site: &Site, rel: &str, w: u32, h: u32) {
    let p = site.p(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    image::RgbImage::new(w, h).save(&p).unwrap();
}

const FRONT: &str = "---\ntitle: Gamma\ndate: 2024-03-01\nsummary: A gallery project.\n---\n\n";

/// A bundle `content/projects/gamma/` with two screenshots and a zip.
fn gamma(body: &str) -> Site {
    let s = Site::new();
    png(&s, "content/projects/gamma/shot-b.png", 64, 40);
    png(&s, "content/projects/gamma/shot-a.png", 32, 20);
    s.write_bytes("content/projects/gamma/slides.zip", &[0u8; 2048]);
    s.write("content/projects/gamma/notes.txt", "not an image");
    s.write("content/projects/gamma/index.md", &format!("{FRONT}{body}"));
    s
}

fn built(s: &Site) -> String {
    let run = s.build(&[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    s.read("public/projects/gamma/index.html")
}

#[test]
fn gallery_lists_the_bundle_images_sorted() {
    let s = gamma("Screens:\n\n{{ gallery() }}\n");
    let html = built(&s);
    let a = html
        .find("/portfolio/projects/gamma/shot-a.png")
        .expect(&html);
    let b = html
        .find("/portfolio/projects/gamma/shot-b.png")
        .expect(&html);
    assert!(a < b, "sorted by name: {html}");
    assert!(!html.contains("notes.txt"), "only images: {html}");
    assert!(
        html.contains("width=\"32\"") && html.contains("height=\"20\""),
        "{html}"
    );
    assert!(s.p("public/projects/gamma/shot-a.png").is_file());
}

#[test]
fn figure_gets_width_and_height_and_download_its_size() {
    let s = gamma(
        "{{ figure(src=\"shot-b.png\", alt=\"The home screen\") }}\n\n{{ download(src=\"slides.zip\", title=\"Slides\") }}\n",
    );
    let html = built(&s);
    assert!(
        html.contains("width=\"64\"") && html.contains("height=\"40\""),
        "{html}"
    );
    assert!(html.contains("2.0 kB") || html.contains("2 kB"), "{html}");
    assert!(
        html.contains("/portfolio/projects/gamma/slides.zip"),
        "{html}"
    );
}

#[test]
fn a_site_shortcode_template_adds_and_overrides() {
    let s =
        gamma("{% note(kind=\"tip\") %}Ship it.{% end %}\n\n{{ youtube(id=\"dQw4w9WgXcQ\") }}\n");
    s.write(
        "templates/shortcodes/note.html",
        "<aside class=\"note-{{ kind }}\">{{ body }}</aside>",
    );
    s.write(
        "templates/shortcodes/youtube.html",
        "<p class=\"my-video\">video {{ id }}</p>",
    );
    let html = built(&s);
    assert!(
        html.contains("<aside class=\"note-tip\">Ship it.</aside>"),
        "{html}"
    );
    assert!(
        html.contains("<p class=\"my-video\">video dQw4w9WgXcQ</p>"),
        "{html}"
    );
}

/// A shortcode brought from Zola sees `page` and `config` as it did there,
/// and one named like a built-in (`video`) takes its own arguments.
#[test]
fn a_site_shortcode_sees_zolas_page_and_config() {
    let s =
        gamma("{{ image(name=\"shot-a.png\", alt=\"Home\") }}\n\n{{ video(name=\"demo.mp4\") }}\n");
    s.write(
        "templates/shortcodes/image.html",
        "{% set path = page.path ~ name %}<img alt=\"{{ alt }}\" src=\"{{ config.base_url ~ path }}\">",
    );
    s.write(
        "templates/shortcodes/video.html",
        "<video src=\"{{ page.path ~ name }}\" title=\"{{ config.title }}\"></video>",
    );
    let html = built(&s);
    assert!(
        html.contains(
            "<img alt=\"Home\" src=\"https://ana.github.io/portfolio/projects/gamma/shot-a.png\">"
        ),
        "{html}"
    );
    assert!(
        html.contains("<video src=\"/projects/gamma/demo.mp4\" title=\"Test Site\"></video>"),
        "{html}"
    );
}

#[test]
fn a_broken_site_shortcode_template_is_named() {
    let s = gamma("{{ note() }}\n");
    s.write("templates/shortcodes/note.html", "{% if %}");
    let run = s.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("note.html"), "{}", run.stderr);
}

#[test]
fn math_is_mathml_when_on_and_prices_stay_prices_when_off() {
    let body = "Energy: $E = mc^2$.\n\nFixed price $50 to $80 a page.\n";
    let s = gamma(body);
    let off = built(&s);
    assert!(!off.contains("<math"), "{off}");
    assert!(off.contains("$50 to $80"), "{off}");
    let config = s.read("folio.yaml");
    s.write(
        "folio.yaml",
        &format!("{config}markdown: {{ math: true }}\n"),
    );
    let on = built(&s);
    assert!(on.contains("<math"), "{on}");
    assert!(!on.contains("$E = mc^2$"), "{on}");
}

#[test]
fn unknown_markdown_config_key_is_an_error() {
    let s = Site::new();
    let config = s.read("folio.yaml");
    s.write(
        "folio.yaml",
        &format!("{config}markdown: {{ maths: true }}\n"),
    );
    let run = s.build(&[]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("maths"), "{}", run.stderr);
}

#[test]
fn leftover_hugo_shortcode_is_a_warning_with_its_line_in_check() {
    let s = gamma("One.\n\n{{< youtube x >}}\n");
    let run = folio(&["check", s.path().to_str().unwrap()]);
    assert_eq!(run.code, 0, "a warning, not an error: {}", run.stderr);
    let line = 6 + 3; // front matter (5 lines) and a blank, then the third body line
    assert!(
        run.stderr
            .contains(&format!("content/projects/gamma/index.md:{line}:")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("warning"), "{}", run.stderr);
    assert!(
        run.stderr.contains("youtube("),
        "the folio equivalent: {}",
        run.stderr
    );
}

#[test]
fn shortcode_errors_do_not_get_the_link_help() {
    let s = gamma("{{ yotube(id=\"dQw4w9WgXcQ\") }}\n");
    let run = s.build(&[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("did you mean `youtube`?"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("link to another page"),
        "{}",
        run.stderr
    );
}

/// Issue 28: al-folio's image rows, as importers write them.
#[test]
fn shortcodes_inside_html_blocks_are_rendered() {
    let s = gamma(
        "<div class=\"row\">\n    {{ figure(src=\"shot-a.png\", alt=\"a\") }}\n</div>\n\n\
         <swiper-container>\n  <swiper-slide>{{ figure(src=\"shot-b.png\", alt=\"b\") }}</swiper-slide>\n</swiper-container>\n",
    );
    let html = built(&s);
    assert!(!html.contains('\u{E000}'), "a placeholder leaked: {html}");
    assert!(
        html.contains("alt=\"a\"") && html.contains("alt=\"b\""),
        "{html}"
    );
    let slide = html.find("<swiper-slide>").expect(&html);
    assert!(html[slide..].starts_with("<swiper-slide><figure"), "{html}");
}

#[test]
fn a_shortcode_where_its_html_cannot_go_fails_check_at_its_line() {
    let s = gamma("Text.\n\n![{{ figure(src=\"shot-a.png\", alt=\"a\") }}](shot-b.png)\n");
    let run = folio(&["check", s.path().to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains(
            "content/projects/gamma/index.md:9:3: this shortcode is where its HTML cannot go"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(s.build(&[]).code, 1);
}
