//! What real project write-ups contain (issue 17): highlighted code, shortcodes
//! (one snapshot each), foreign syntax named, math when asked, tables that scroll.

use folio::markdown::{self, Notice, RenderOptions, Rendered, Resolved};
use folio::shortcodes::{FileInfo, PageFiles, Shortcodes};

/// A page's folder, as the loader would describe it.
struct Bundle;

impl PageFiles for Bundle {
    fn file(&mut self, name: &str, is_image: bool) -> folio::Result<FileInfo> {
        let (bytes, size) = match name {
            "shot-1.png" | "shot-2.png" => (2_400, Some((640, 400))),
            "chart.png" => (18_000, Some((1200, 675))),
            "poster.jpg" => (9_000, Some((1280, 720))),
            "demo.mp4" => (1_240_000, None),
            "case-study.pdf" => (340_400, None),
            "slides.zip" => (2_048, None),
            _ => {
                return Err(folio::Error::msg(format!(
                    "there is no `{name}` beside this page"
                )));
            }
        };
        let (width, height) = match size.filter(|_| is_image) {
            Some((w, h)) => (Some(w), Some(h)),
            None => (None, None),
        };
        Ok(FileInfo {
            url: format!("/projects/demo/{name}"),
            bytes: Some(bytes),
            width,
            height,
        })
    }

    fn images(&self) -> Vec<String> {
        vec!["shot-1.png".into(), "shot-2.png".into()]
    }
}

fn render_opts(md: &str, math: bool, shortcodes: Option<&Shortcodes>) -> Rendered {
    let mut bundle = Bundle;
    let highlighter = folio::highlight::Highlighter::in_memory();
    let opts = RenderOptions {
        math,
        shortcodes,
        files: Some(&mut bundle),
        highlight: Some(&highlighter),
    };
    markdown::render_with(md, opts, |_, _| Ok(Resolved::Keep))
}

fn render(md: &str) -> Rendered {
    render_opts(md, false, None)
}

/// The HTML of a page that must have no problems.
fn clean(md: &str) -> String {
    let r = render(md);
    assert!(r.notices.is_empty(), "{:?}", r.notices);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    r.html
}

/// The HTML without the page script, which every embed/gallery page ends with.
fn without_script(html: &str) -> &str {
    html.split("<script>").next().unwrap_or(html)
}

#[test]
fn youtube_is_a_facade_that_loads_nothing_until_clicked() {
    let html = clean("{{ youtube(id=\"dQw4w9WgXcQ\", title=\"Product demo\", start=30) }}\n");
    assert!(!html.contains("<iframe"), "no player on load: {html}");
    assert!(
        !html.contains("ytimg"),
        "no poster fetched from YouTube: {html}"
    );
    assert!(
        html.contains("<script>"),
        "the click-to-load script is on the page"
    );
    insta::assert_snapshot!(without_script(&html));
}

#[test]
fn youtube_poster_is_a_local_file() {
    let html = clean("{{ youtube(id=\"dQw4w9WgXcQ\", poster=\"poster.jpg\") }}\n");
    assert!(
        html.contains(
            "<img src=\"/projects/demo/poster.jpg\" alt=\"\" width=\"1280\" height=\"720\""
        ),
        "{html}"
    );
}

#[test]
fn vimeo_is_a_facade_too() {
    let html = clean("{{ vimeo(id=\"76979871\", title=\"Showreel\") }}\n");
    assert!(!html.contains("<iframe"), "{html}");
    insta::assert_snapshot!(without_script(&html));
}

#[test]
fn video_is_local_with_controls_and_no_autoplay() {
    let html = clean(
        "{{ video(src=\"demo.mp4\", poster=\"poster.jpg\", caption=\"The editor at work\") }}\n",
    );
    assert!(
        html.contains("controls") && !html.contains("autoplay"),
        "{html}"
    );
    insta::assert_snapshot!(html);
}

#[test]
fn figure_has_its_size_and_caption() {
    let html = clean(
        "{{ figure(src=\"chart.png\", alt=\"Tickets per week\", caption=\"Tickets fell by half\") }}\n",
    );
    assert!(html.contains("width=\"1200\" height=\"675\""), "{html}");
    insta::assert_snapshot!(html);
}

#[test]
fn gallery_shows_the_bundle_images_with_a_lightbox() {
    let html = clean("Before.\n\n{{ gallery() }}\n\nAfter.\n");
    assert_eq!(html.matches("class=\"gallery-item\"").count(), 2, "{html}");
    assert_eq!(html.matches("class=\"lightbox\"").count(), 2, "{html}");
    insta::assert_snapshot!(without_script(&html));
}

#[test]
fn gallery_from_a_body_list_with_captions() {
    let md = "{% gallery() %}\nshot-2.png | The settings page\nshot-1.png\n{% end %}\n";
    let html = clean(md);
    let second = html.find("shot-1.png").unwrap();
    assert!(
        html.find("shot-2.png").unwrap() < second,
        "listed order: {html}"
    );
    assert!(
        html.contains("<figcaption>The settings page</figcaption>"),
        "{html}"
    );
}

#[test]
fn pdf_and_download_show_the_file_size() {
    let html = clean(
        "{{ pdf(src=\"case-study.pdf\", title=\"Case study\") }}\n\n{{ download(src=\"slides.zip\") }}\n",
    );
    assert!(html.contains("(PDF, 340 kB)"), "{html}");
    assert!(html.contains("(ZIP, 2 kB)"), "{html}");
    insta::assert_snapshot!(html);
}

#[test]
fn a_site_adds_its_own_shortcode_and_replaces_a_builtin() {
    let own = vec![
        (
            "note".to_string(),
            "<aside class=\"note\">{{ body }}</aside>".to_string(),
            "templates/shortcodes/note.html".to_string(),
        ),
        (
            "figure".to_string(),
            "<img class=\"mine\" src=\"{{ image.url }}\" alt=\"{{ alt }}\">".to_string(),
            "templates/shortcodes/figure.html".to_string(),
        ),
    ];
    let sc = Shortcodes::new(own).unwrap();
    let md = "{% note() %}Mind <the> gap{% end %}\n\n{{ figure(src=\"chart.png\", alt=\"A\") }}\n";
    let r = render_opts(md, false, Some(&sc));
    assert!(r.notices.is_empty(), "{:?}", r.notices);
    assert!(
        r.html
            .contains("<aside class=\"note\">Mind &lt;the&gt; gap</aside>"),
        "{}",
        r.html
    );
    assert!(
        r.html
            .contains("<img class=\"mine\" src=\"/projects/demo/chart.png\" alt=\"A\">"),
        "{}",
        r.html
    );
    assert!(sc.names().contains(&"note"));
}

fn only_notice(md: &str) -> Notice {
    let r = render(md);
    assert_eq!(r.notices.len(), 1, "{:?}", r.notices);
    r.notices[0].clone()
}

#[test]
fn unknown_shortcodes_are_errors_that_list_the_known_ones() {
    let n = only_notice("Intro.\n\nSee {{ yotube(id=\"dQw4w9WgXcQ\") }} here.\n");
    assert_eq!((n.line, n.column), (3, 5));
    assert_eq!(n.severity, folio::diagnostics::Severity::Error);
    assert!(n.message.contains("no shortcode `yotube`"), "{}", n.message);
    assert!(n.help.contains("did you mean `youtube`?"), "{}", n.help);
    assert!(
        n.help
            .contains("download, figure, gallery, pdf, video, vimeo, youtube"),
        "{}",
        n.help
    );
}

#[test]
fn wrong_arguments_are_errors_that_say_what_is_accepted() {
    let n = only_notice("{{ youtube(video=\"dQw4w9WgXcQ\") }}\n");
    assert!(n.message.contains("`youtube` needs `id`"), "{}", n.message);
    let n = only_notice("{{ figure(src=\"chart.png\", alt=\"a\", colour=\"red\") }}\n");
    assert!(
        n.message
            .contains("no argument `colour`; it accepts: src, alt, caption, width, height"),
        "{}",
        n.message
    );
    let n = only_notice("{{ figure(src=\"gone.png\", alt=\"a\") }}\n");
    assert!(n.message.contains("no `gone.png`"), "{}", n.message);
    let n = only_notice("x\n{{ youtube(id=\"dQw4w9WgXcQ\" title=\"x\") }}\n");
    assert_eq!((n.line, n.column), (2, 29), "{n:?}");
    assert!(n.help.contains("{{/* name() */}}"), "{}", n.help);
}

#[test]
fn shortcodes_in_code_are_left_alone() {
    let md = "Use `{{ youtube(id=\"x\") }}` like this:\n\n```md\n{{ yotube(id=\"x\") }}\n{{< youtube x >}}\n```\n\n{{/* youtube(id=\"x\") */}}\n";
    let html = clean(md);
    assert!(
        html.contains("<code>{{ youtube(id=\"x\") }}</code>"),
        "{html}"
    );
    assert!(html.contains("{{ yotube"), "{html}");
    assert!(
        html.contains("<p>{{ youtube(id=\"x\") }}</p>"),
        "escaped call printed: {html}"
    );
    assert!(!html.contains("class=\"embed\""), "{html}");
}

#[test]
fn foreign_syntax_is_named_with_the_folio_equivalent() {
    let md = "# Work\n\n{{< youtube dQw4w9WgXcQ >}}\n\n{% include figure.liquid path=\"a.jpg\" %}\n\n<YouTube id=\"x\" />\n\n{{% notice %}}\n";
    let r = render(md);
    let at: Vec<(usize, usize)> = r.notices.iter().map(|n| (n.line, n.column)).collect();
    assert_eq!(at, vec![(3, 1), (5, 1), (7, 1), (9, 1)], "{:?}", r.notices);
    assert!(
        r.notices
            .iter()
            .all(|n| n.severity == folio::diagnostics::Severity::Warning)
    );
    assert!(
        r.notices[0]
            .help
            .contains("{{ youtube(id=\"dQw4w9WgXcQ\") }}"),
        "{:?}",
        r.notices[0]
    );
    assert!(
        r.notices[1].help.contains("figure(src="),
        "{:?}",
        r.notices[1]
    );
    assert!(
        r.notices[2].message.contains("MDX/JSX"),
        "{:?}",
        r.notices[2]
    );
    assert!(
        r.notices[3].help.contains("templates/shortcodes/NAME.html"),
        "{:?}",
        r.notices[3]
    );
}

#[test]
fn links_after_a_shortcode_are_located_in_the_original_text() {
    let md = "{% gallery() %}\nshot-1.png\nshot-2.png\n{% end %}\n\n[gone](gone.md)\n";
    let mut bundle = Bundle;
    let opts = RenderOptions {
        files: Some(&mut bundle),
        ..RenderOptions::default()
    };
    let r = markdown::render_with(md, opts, |d, _| {
        if d == "gone.md" {
            Err(folio::Error::msg("broken"))
        } else {
            Ok(Resolved::Keep)
        }
    });
    assert_eq!(
        (r.problems[0].line, r.problems[0].column),
        (6, 1),
        "{:?}",
        r.problems
    );
}

#[test]
fn code_is_highlighted_with_classes() {
    let html = clean(
        "```rust\nfn main() { println!(\"hi\"); }\n```\n\n```no-such-lang\nplain <text>\n```\n",
    );
    assert!(
        html.contains(
            "<pre class=\"code\" tabindex=\"0\"><code class=\"language-rust\" data-lang=\"rust\">"
        ),
        "{html}"
    );
    assert!(
        html.contains(
            "<span class=\"hl-keyword\">fn</span> <span class=\"hl-function\">main</span>"
        ),
        "{html}"
    );
    assert!(
        !html.contains("style="),
        "classes, not inline colours: {html}"
    );
    assert!(html.contains("<pre tabindex=\"0\"><code class=\"language-no-such-lang\">plain &lt;text&gt;\n</code></pre>"), "{html}");
}

/// Commands that publish no page render without a highlighter: code is plain
/// (and escaped), and no grammar is loaded.
#[test]
fn code_stays_plain_without_a_highlighter() {
    let r = markdown::render_with(
        "```rust\nfn main() {}\n```\n",
        RenderOptions::default(),
        |_, _| Ok(Resolved::Keep),
    );
    assert_eq!(
        r.html,
        "<pre tabindex=\"0\"><code class=\"language-rust\">fn main() {}\n</code></pre>\n"
    );
}

#[test]
fn a_page_without_shortcodes_has_no_script() {
    let html = clean("# Plain\n\nNo media here, `{{` in code only.\n");
    assert!(!html.contains("<script"), "{html}");
}

#[test]
fn prices_stay_prices_when_math_is_off() {
    let md = "Rates: $50 per hour, $80 for rush jobs, and $$ bonus $$ too.\n";
    let html = clean(md);
    assert!(
        html.contains("$50 per hour, $80 for rush jobs, and $$ bonus $$ too."),
        "{html}"
    );
    assert!(!html.contains("<math"), "{html}");
}

#[test]
fn math_becomes_mathml_when_on() {
    let r = render_opts("Area $x^2$ and\n\n$$\\frac{a}{b}$$\n", true, None);
    assert!(r.notices.is_empty(), "{:?}", r.notices);
    assert!(
        r.html.contains("<math display=\"inline\"><msup>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("<math display=\"block\">"), "{}", r.html);
    assert!(
        !r.html.contains("<script"),
        "no JavaScript for math: {}",
        r.html
    );
    let r = render_opts("Bad $\\notacommand{x}$ math\n", true, None);
    assert_eq!(r.notices.len(), 1, "{:?}", r.notices);
    assert_eq!((r.notices[0].line, r.notices[0].column), (1, 5));
}

#[test]
fn wide_tables_scroll_in_a_named_focusable_box() {
    let html = clean("| Metric | Before | After |\n|---|---|---|\n| Tickets | 120 | 60 |\n");
    assert!(html.contains("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Metric, Before, After\">\n<table>"), "{html}");
    assert!(html.contains("</table>\n</div>"), "{html}");
}

#[test]
fn notices_become_diagnostics_at_the_page_line() {
    let text = "---\ntitle: A\n---\n\n{{< youtube dQw4w9WgXcQ >}}\n";
    let body = &text[text.find("\n\n").unwrap() + 1..];
    let n = only_notice(body);
    // The body starts on line 4 of the file.
    let d = n.to_diagnostic("content/projects/a.md", 4, text);
    let shown = d.render(false);
    assert!(shown.contains("content/projects/a.md:5:1"), "{shown}");
    assert!(shown.contains("Hugo shortcode"), "{shown}");
}
