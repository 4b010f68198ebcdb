//! `folio import site` on the fixture sites of tests/migrate/ (small invented
//! sites written the way each generator's users write them): what is written,
//! what the report says needs a hand, and that nothing is overwritten.

mod common;
use common::*;

use std::path::Path;

/// Imports tests/migrate/NAME into a new folder; (folder, report on stdout).
fn import(name: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let src = format!("tests/migrate/{name}");
    let run = folio(&["import", "site", &src, out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    (dir, run.stdout)
}

fn read(dir: &tempfile::TempDir, rel: &str) -> String {
    let p = dir.path().join("site").join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn exists(dir: &tempfile::TempDir, rel: &str) -> bool {
    dir.path().join("site").join(rel).is_file()
}

/// The write-ups written: the folders of content/projects/ with an index.md, sorted.
fn projects(dir: &tempfile::TempDir) -> Vec<String> {
    let folder = dir.path().join("site/content/projects");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .flatten()
        .filter(|e| e.path().join("index.md").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The problems `folio check` finds in the imported site.
fn check(dir: &tempfile::TempDir) -> Vec<String> {
    let run = folio(&["check", dir.path().join("site").to_str().unwrap()]);
    let errors: Vec<String> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error"))
        .map(str::to_string)
        .collect();
    assert_eq!(run.code == 0, errors.is_empty(), "{}", run.stderr);
    errors
}

#[test]
fn hugo_bundles_toml_and_shortcodes() {
    let (d, report) = import("hugo");
    let tide = read(&d, "content/projects/tide-tables/index.md");
    assert!(tide.starts_with("---\ntitle: Tide Tables\ndate: 2025-04-16T17:36:46+08:00\nsummary: An offline tide app for a fishing co-op.\ncover: featured.png\ntags:\n- Flutter\n- Offline\n- Mobile\nlinks:\n  GitHub: https://github.com/example/tide-tables\nweight: 2\nextra:\n  layout: project\n---\n"), "{tide}");
    assert!(tide.contains("{{ youtube(id=\"dQw4w9WgXcQ\") }}"));
    assert!(tide.contains(
        "{{ figure(src=\"diagram.png\", caption=\"How the data flows\", alt=\"A diagram\") }}"
    ));
    assert!(
        tide.contains("{{ gallery() }}\n\nRead"),
        "the gallery's inner figures go: {tide}"
    );
    assert!(tide.contains("[the harbour app](@/projects/harbor-app/index.md)"));
    assert!(
        tide.contains("```go\n{{< youtube notconverted >}}\n```"),
        "code stays as it is"
    );
    for f in ["featured.png", "diagram.png", "screen-1.png"] {
        assert!(
            exists(&d, &format!("content/projects/tide-tables/{f}")),
            "{f}"
        );
    }
    let harbor = read(&d, "content/projects/harbor-app/index.md");
    assert!(harbor.contains("date: 2023-09-02\n") && harbor.contains("cover: harbor.png\n"));
    assert!(harbor.contains("links:\n  Demo: https://harbor.example.org\n"));
    assert!(exists(&d, "content/projects/harbor-app/harbor.png"));
    assert!(exists(&d, "static/files/brochure.pdf"));
    assert_eq!(
        projects(&d),
        ["harbor-app", "tide-tables"],
        "posts are not projects"
    );
    let profile = read(&d, "content/profile.yaml");
    assert!(
        profile.starts_with("name: Ana Ruiz\ntitle: Mobile and web developer\n"),
        "{profile}"
    );
    assert!(profile.contains("GitHub: https://github.com/anaruiz-example"));
    assert!(read(&d, "folio.yaml").contains("base_url: https://ana.example.org/\n"));
    // A file the repository lacks: at the old site's address.
    assert!(
        tide.contains("or the [old price list](https://ana.example.org/files/prices-2019.pdf)."),
        "{tide}"
    );
    assert!(tide.contains("[Post by @example on X](https://x.com/example/status/1)"));
    assert!(report.contains("under extra: toc"));
    assert!(report.contains("2 of 2 write-ups need nothing by hand"));
}

#[test]
fn jekyll_al_folio_projects_and_liquid() {
    let (d, report) = import("jekyll");
    let p = read(&d, "content/projects/1_project/index.md");
    assert!(p.starts_with("---\ntitle: Lab dashboard\nsummary: A live dashboard for a plant-biology lab\ncover: 1.png\ntags:\n- work\nweight: 1\n"), "{p}");
    // folio's figure needs alt text: the caption stands in for it.
    assert!(
        p.contains("{{ figure(src=\"1.png\", caption=\"the dashboard\", alt=\"the dashboard\") }}")
    );
    assert!(p.contains("{{ youtube(id=\"jNQXAC9IVRw\") }}"));
    assert!(
        p.contains("[CV](/assets/pdf/cv.pdf) and the [poster](https://mei.example.org/assets/pdf/poster.pdf)."),
        "{p}"
    );
    assert!(exists(&d, "content/projects/1_project/1.png"));
    assert!(exists(&d, "static/assets/pdf/cv.pdf"));
    let profile = read(&d, "content/profile.yaml");
    assert!(
        profile.starts_with("name: Mei Lin\ntitle: Data engineer. Pipelines for small labs.\n"),
        "{profile}"
    );
    assert!(profile.contains("email: mei@example.org"));
    assert!(!read(&d, "folio.yaml").contains("title: blank"));
    for hand in [
        "_projects/2_project.md:5: cover image: `assets/img/missing.jpg` does not exist",
        // `path=page.img` is the front matter's image, which the site lacks.
        "_projects/2_project.md:13: figure left out: `assets/img/missing.jpg`",
    ] {
        assert!(report.contains(hand), "{hand} in {report}");
    }
    // Jekyll printed the page's own title there.
    let p2 = read(&d, "content/projects/2_project/index.md");
    assert!(p2.contains("Built for sensor archive users."), "{p2}");
    assert!(!report.contains("2_project.md:11:"), "{report}");
    assert_eq!(
        report.matches("_projects/2_project.md:13:").count(),
        1,
        "one report per line"
    );
}

#[test]
fn zola_toml_and_own_shortcodes() {
    let (d, report) = import("zola");
    let kite = read(&d, "content/projects/kite/index.md");
    assert!(
        kite.contains("tags:\n- embedded\n- rust\n") && kite.contains("cover: kite.png\n"),
        "{kite}"
    );
    assert!(kite.contains("links:\n  Source: https://github.com/example/kite\n"));
    assert!(kite.contains("{{ youtube(id=\"dQw4w9WgXcQ\") }}"));
    assert!(kite.contains("[the lantern](@/projects/lantern/index.md)"));
    let lantern = read(&d, "content/projects/lantern/index.md");
    assert!(
        lantern.contains("date: 2023-06-01T09:30:00Z\nsummary: A solar lamp controller.\n"),
        "{lantern}"
    );
    assert!(lantern.contains("![The lamp](/img/lantern.png)"));
    // A cover named by its file name alone, found where the theme looked.
    assert!(lantern.contains("cover: lantern-night.png\n"), "{lantern}");
    assert!(exists(&d, "content/projects/lantern/lantern-night.png"));
    assert!(exists(&d, "static/img/lantern.png"));
    assert!(read(&d, "folio.yaml").contains("language: zh\n"));
    // The site's own shortcode is copied (Tera, as folio's), so the call
    // keeps working and needs no hand.
    assert!(kite.contains("{% note(kind=\"info\") %}"));
    assert!(exists(&d, "templates/shortcodes/note.html"));
    assert!(
        report.contains("own shortcodes, copied to templates/shortcodes/: note"),
        "{report}"
    );
    // One folio cannot compile (Zola's resize_image) is not copied, and named.
    assert!(!exists(&d, "templates/shortcodes/thumb.html"));
    assert!(
        report.contains("templates/shortcodes/thumb.html: not copied, folio cannot compile it"),
        "{report}"
    );
    // A theme's shortcode (the theme is not in the folder) is left out of
    // the page, named with the template that showed it.
    assert!(
        lantern.contains("The wiring diagram: <a href="),
        "{lantern}"
    );
    assert!(
        report.contains(
            "shortcode `{{ icon(type=\"pdf\") }}` left out: folio can't run the old site's own shortcodes (what it showed is in its templates/shortcodes/icon.html)"
        ),
        "{report}"
    );
    assert!(!exists(&d, "templates/shortcodes/icon.html"));
    assert_eq!(check(&d), Vec::<String>::new());
    assert!(
        !report.contains("shortcode `note` is not one of folio's"),
        "{report}"
    );
    assert!(report.contains("first paragraph → summary (check it)"));
}

#[test]
fn astro_collection_with_mdx() {
    let (d, report) = import("astro");
    let orbit = read(&d, "content/projects/orbit/index.md");
    assert!(
        orbit.contains("date: 2022-07-08\n") && orbit.contains("cover: orbit.png\n"),
        "{orbit}"
    );
    assert!(orbit.contains("![The calendar](orbit.png)"));
    assert!(exists(&d, "content/projects/orbit/orbit.png"));
    let pulse = read(&d, "content/projects/pulse/index.md");
    assert!(!pulse.contains("import "), "{pulse}");
    assert!(pulse.contains("{{ youtube(id=\"dQw4w9WgXcQ\") }}"));
    assert!(exists(&d, "content/projects/pulse/pulse.png"));
    assert!(read(&d, "folio.yaml").contains("title: Sam Okafor — work\n"));
    assert!(
        report.contains("src/content/projects/pulse.mdx:15: MDX component `<Chart>`"),
        "{report}"
    );
    assert!(report.contains("no name, title found; a placeholder was written"));
}

#[test]
fn never_overwrites_without_merge_or_force() {
    let (d, _) = import("zola");
    let site = d.path().join("site");
    let kite = site.join("content/projects/kite/index.md");
    std::fs::write(&kite, "mine").unwrap();
    let s = site.to_str().unwrap();
    let run = folio(&["import", "site", "tests/migrate/zola", s]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    let run = folio(&["import", "site", "tests/migrate/zola", s, "--merge"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&kite).unwrap(), "mine");
    let run = folio(&["import", "site", "tests/migrate/zola", s, "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(std::fs::read_to_string(&kite).unwrap().starts_with("---\n"));
}

#[test]
fn wrong_source_or_section() {
    let run = folio(&["import", "site", "tests/migrate/nope", "x"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("is not a folder"), "{}", run.stderr);
    let run = folio(&["import", "site", "tests/migrate", "x"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("--from"), "{}", run.stderr);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("s");
    let run = folio(&[
        "import",
        "site",
        "tests/migrate/hugo",
        out.to_str().unwrap(),
        "--section",
        "content/posts",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(out.join("content/projects/hello/index.md").is_file());
    assert!(Path::new("tests/migrate/hugo/content/posts/hello.md").is_file());
}

/// What `folio check` still finds in the imported fixtures: only what the
/// report named as needing a hand (a short overview, the broken links of
/// the old site).
#[test]
fn imported_sites_check_except_what_the_report_names() {
    for name in ["hugo", "jekyll", "zola", "astro"] {
        let (d, report) = import(name);
        for m in check(&d) {
            let named = (m.contains("Upwork asks") && report.contains("Upwork asks"))
                || m.split('`').nth(1).is_some_and(|link| {
                    m.contains("broken link") && report.contains(&format!("broken link: `{link}`"))
                });
            assert!(named, "{name}: {m}");
        }
    }
}

/// Once the hand fixes the report names are made (a broken link taken out,
/// a longer overview), `folio check` and `folio build` pass: the report
/// missed nothing that stops a build.
#[test]
fn imported_sites_build_after_the_named_fixes() {
    for name in ["hugo", "jekyll", "zola", "astro"] {
        let (d, report) = import(name);
        let site = d.path().join("site");
        let broken: Vec<&str> = report
            .split("broken link: `")
            .skip(1)
            .filter_map(|rest| rest.split('`').next())
            .collect();
        for entry in walk(&site.join("content/projects")) {
            let text = std::fs::read_to_string(&entry).unwrap();
            let fixed = broken
                .iter()
                .fold(text, |t, link| t.replace(link, "https://example.org/"));
            std::fs::write(&entry, fixed).unwrap();
        }
        if report.contains("Upwork asks") {
            let p = site.join("content/profile.yaml");
            let text = std::fs::read_to_string(&p).unwrap();
            let long = "overview: I help small teams ship calm, reliable software, apps, data pipelines and the documentation that goes with them.";
            let fixed: Vec<&str> = text
                .lines()
                .map(|l| if l.starts_with("overview:") { long } else { l })
                .collect();
            std::fs::write(&p, fixed.join("\n")).unwrap();
        }
        let errors = check(&d);
        assert!(errors.is_empty(), "{name}: {errors:?}");
        let run = folio(&["build", site.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "md") {
            out.push(p);
        }
    }
    out
}

/// Tags are free words: a page per tag, linked from the project; a site can
/// hide tag pages, and the words stay on the project.
#[test]
fn tags_have_pages_unless_hidden() {
    let (d, _) = import("zola");
    let site = d.path().join("site");
    let s = site.to_str().unwrap();
    let run = folio(&["build", s]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let tag = std::fs::read_to_string(site.join("public/tags/embedded/index.html")).unwrap();
    assert!(
        tag.contains("#embedded") && tag.contains("Kite telemetry"),
        "{tag}"
    );
    let sitemap = std::fs::read_to_string(site.join("public/sitemap.xml")).unwrap();
    assert!(sitemap.contains("/tags/embedded/</loc>"), "{sitemap}");
    let kite = std::fs::read_to_string(site.join("public/projects/kite/index.html")).unwrap();
    assert!(kite.contains("href=\"/tags/rust/\">#rust</a>"), "{kite}");
    let config = std::fs::read_to_string(site.join("folio.yaml")).unwrap();
    std::fs::write(
        site.join("folio.yaml"),
        format!("{config}taxonomies: {{ tags: false }}\n"),
    )
    .unwrap();
    let run = folio(&["build", s]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(!site.join("public/tags").exists());
    let kite = std::fs::read_to_string(site.join("public/projects/kite/index.html")).unwrap();
    assert!(
        kite.contains("<li>#rust</li>") && !kite.contains("/tags/"),
        "{kite}"
    );
}

/// Where people keep write-ups without saying so: Hugo's `content/<lang>/<section>`
/// (default language first, the others as its translations), Astro's `src/pages/<section>`,
/// an Astro collection named like a portfolio (`projectsContent`, while
/// `projects` holds only a listing page), and the Markdown folders of Nuxt and
/// Eleventy sites found from package.json.
#[test]
fn write_ups_are_found_where_people_keep_them() {
    for (site, section, slug, generator) in [
        (
            "hugo-multilingual",
            "content/en/projects",
            "harbour",
            "Hugo",
        ),
        ("astro-pages", "src/pages/works", "seed-bank", "Astro"),
        (
            "astro-collection-name",
            "src/content/projectsContent",
            "kiln",
            "Astro",
        ),
        ("nuxt", "content/projects", "tram", "JavaScript"),
        ("eleventy", "src/projects", "weaving", "JavaScript"),
    ] {
        let (d, report) = import(site);
        assert!(
            report.contains(&format!("section {section})")) && report.contains(generator),
            "{site}: {report}"
        );
        assert!(
            exists(&d, &format!("content/projects/{slug}/index.md")),
            "{site}: {report}"
        );
        assert_eq!(check(&d), Vec::<String>::new(), "{site}");
    }
    let (d, _) = import("hugo-multilingual");
    assert!(read(&d, "content/projects/harbour/index.md").contains("title: Harbour app"));
}

/// A site whose only write-up can't be read imports nothing: exit 1, the
/// file and line of the problem, and no folder half made.
#[test]
fn a_site_whose_write_ups_cannot_be_read_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let run = folio(&[
        "import",
        "site",
        "tests/migrate/unreadable-writeup",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("nothing was imported"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/projects/harbour.md:"),
        "{}",
        run.stderr
    );
    assert!(!out.exists(), "nothing is written");
}

/// A site with no write-ups is an error (exit 1) that says where folio looked.
#[test]
fn a_site_without_write_ups_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let run = folio(&[
        "import",
        "site",
        "tests/migrate/no-writeups",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("no write-ups to import"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--section"), "{}", run.stderr);
    let given = folio(&[
        "import",
        "site",
        "tests/migrate/no-writeups",
        out.to_str().unwrap(),
        "--section",
        "content/projects",
    ]);
    assert_eq!(given.code, 1, "{}{}", given.stdout, given.stderr);
    assert!(
        given.stderr.contains("no write-ups to import"),
        "{}",
        given.stderr
    );
    assert!(!out.join("folio.yaml").exists(), "nothing is written");
}

/// The built page of `slug` in the imported site (built here).
fn built_page(d: &tempfile::TempDir, slug: &str) -> String {
    let site = d.path().join("site");
    let run = folio(&["build", site.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    std::fs::read_to_string(site.join(format!("public/projects/{slug}/index.html"))).unwrap()
}

/// What a reader must never see of the old generator in a built page.
fn assert_no_leftovers(page: &str) {
    for bad in ["{{&lt;", "{{<", "{{%", "{%", "&lt;Image", "import "] {
        assert!(!page.contains(bad), "`{bad}` left in: {page}");
    }
    assert!(!page.chars().any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c)));
}

#[test]
fn jekyll_video_youtube_includes_and_raw() {
    let (d, report) = import("jekyll-includes");
    let md = read(&d, "content/projects/loom/index.md");
    assert!(md.contains("{{ video(src=\"loom.mp4\") }}"), "{md}");
    assert!(md.contains("{{ youtube(id=\"abcdefghijk\") }}"), "{md}");
    assert!(md.contains("{{ youtube(id=\"zyxwvutsrqp\") }}"), "{md}");
    assert!(
        md.contains("```liquid\n{{ page.title }}\n```"),
        "raw kept, tags gone: {md}"
    );
    assert!(exists(&d, "content/projects/loom/loom.mp4"), "{report}");
    assert_eq!(check(&d), Vec::<String>::new());
    assert_no_leftovers(&built_page(&d, "loom").replace("{{ page.title }}", ""));
}

/// A site's own includes: a player given a front-matter variable, an image
/// include (named `image.html`, or any given an image) and one folio cannot
/// convert, which is left out and named with its line: no page shows Liquid.
#[test]
fn jekyll_site_includes_with_variables_images_and_the_unconvertible() {
    let (d, report) = import("jekyll-includes");
    let md = read(&d, "content/projects/reel/index.md");
    assert!(md.contains("\n{{ youtube(id=\"Qw3rTy12345\") }}\n"), "{md}");
    assert!(
        md.contains(
            "{{ figure(src=\"harbour.png\", alt=\"Boats tied up at the pier before sunrise\") }}"
        ),
        "{md}"
    );
    assert!(
        md.contains("{{ figure(src=\"harbour.png\", caption=\"The pier at first light\", alt=\"The pier at first light\") }}"),
        "{md}"
    );
    assert!(!md.contains("{%") && !md.contains("instagram"), "{md}");
    assert!(exists(&d, "content/projects/reel/harbour.png"), "{report}");
    assert!(
        report.contains(
            "_projects/reel.md:20: include `instagram-api.html` left out: folio has no equivalent"
        ),
        "{report}"
    );
    assert_eq!(report.matches("_projects/reel.md:").count(), 1, "{report}");
    assert_eq!(check(&d), Vec::<String>::new());
    assert_no_leftovers(&built_page(&d, "reel"));
}

/// A Hugo site's own shortcodes (its `layouts/shortcodes/` or its theme's)
/// with simple templates run at import into HTML; one that only repeats
/// the page's title goes; one whose template does more is left for a hand.
#[test]
fn hugo_own_shortcodes_run_from_their_templates() {
    let (d, report) = import("hugo-own-shortcodes");
    let lamp = read(&d, "content/projects/lamp/index.md");
    // The theme's band takes its text apart (findRE, split, substr, len…)
    // in a partial: it runs on the pair's text, the button in it run first.
    assert!(
        lamp.contains("---\n<section class=\"band\">\n<div class=\"inner\"><a href=\"https://code.example/lamp\" class=\"button\" title=\"See the code\" target=\"_blank\" rel=\"noopener\">See the code</a></div>\n</section>\n"),
        "{lamp}"
    );
    assert!(
        lamp.contains("<div class=\"note note-tip\">\n<strong>Before you start</strong>\n\nCut the **power** first.\n\n</div>\n"),
        "{lamp}"
    );
    assert!(
        lamp.contains("Read the <a class=\"sheet\" href=\"/files/wiring.pdf\">wiring sheet (L-1)</a> before soldering."),
        "{lamp}"
    );
    assert!(
        !lamp.contains("page-header") && !lamp.contains("{{"),
        "{lamp}"
    );
    assert!(exists(&d, "static/files/wiring.pdf"));
    assert!(
        report.contains("shortcode page_header left out: it showed the page's title or description, which folio shows ×1"),
        "{report}"
    );
    assert!(
        report.contains(
            "shortcode note → HTML, run from the old site's template (check it reads as it did) ×1"
        ),
        "{report}"
    );
    // `range`, `urls.Parse` and a processed image (`.Fill`) are more than
    // folio runs; the hand is told where the template is, or that there is none.
    for left in [
        "kiln/index.md:8: shortcode `{{< parts \"relay\" \"buzzer\" >}}` left out: folio can't run the old site's own shortcodes (what it showed is in its layouts/shortcodes/parts.html)",
        "kiln/index.md:10: shortcode `{{< button \"Read more\" \"/projects/lamp/\" >}}` left out: folio can't run the old site's own shortcodes (what it showed is in its themes/blocks/layouts/shortcodes/button.html)",
        "kiln/index.md:12: shortcode `{{< band_title >}}` left out",
        "kiln/index.md:20: shortcode `{{< gauge 3 >}}` left out: folio can't run the old site's own shortcodes (no template for it was found in the old site, its theme's included)",
    ] {
        assert!(report.contains(left), "{left}\n{report}");
    }
    assert!(report.contains("4 to fix by hand in all"), "{report}");
    let kiln = read(&d, "content/projects/kiln/index.md");
    assert!(
        kiln.contains("## How it works\n") && !kiln.contains("band"),
        "{kiln}"
    );
    checks_and_builds(&d, "hugo-own-shortcodes");
}

#[test]
fn blowfish_shortcodes_links_and_math() {
    let (d, report) = import("hugo-blowfish");
    let md = read(&d, "content/projects/kiln/index.md");
    assert!(md.contains("<aside class=\"alert\">\nThe sensor"), "{md}");
    assert!(
        md.contains("<a class=\"button\" href=\"https://example.org/kiln-demo\">"),
        "{md}"
    );
    assert!(
        md.contains("(https://x.com/potter/status/1234567890)"),
        "{md}"
    );
    assert!(
        md.contains("(https://gist.github.com/potter/0a1b2c3d)"),
        "{md}"
    );
    assert!(
        md.contains(
            "[example-potter/kiln-monitor](https://github.com/example-potter/kiln-monitor)"
        ),
        "Blowfish's repository card: {md}"
    );
    assert!(md.contains("$T(t) = T_0 e^{kt}$"), "{md}");
    assert!(md.contains("$$\n\\int_0^t T(s)\\,ds\n$$"), "{md}");
    assert!(md.contains("Peak at $1300$ degrees"), "{md}");
    assert!(
        md.contains("summary: Temperature logging for a kiln, up to $T_{max}$."),
        "{md}"
    );
    assert!(read(&d, "folio.yaml").contains("math: true"), "{report}");
    let profile = read(&d, "content/profile.yaml");
    assert!(profile.contains("name: Robin Potter"), "{profile}");
    assert!(
        profile.contains("GitHub: https://github.com/example-potter"),
        "{profile}"
    );
    assert!(
        read(&d, "folio.yaml").contains("language: en-GB"),
        "{report}"
    );
    assert_eq!(check(&d), Vec::<String>::new());
    let page = built_page(&d, "kiln");
    assert_no_leftovers(&page);
    assert!(page.contains("<math"), "math rendered: {page}");
}

#[test]
fn mdx_image_import_becomes_a_figure() {
    let (d, report) = import("astro-mdx-image");
    let md = read(&d, "content/projects/circuit/index.md");
    assert!(
        md.contains("{{ figure(src=\"board.png\", alt=\"The soldered board\") }}"),
        "{md}"
    );
    assert!(exists(&d, "content/projects/circuit/board.png"), "{report}");
    // Components folio has no equivalent for, and {name} attribute values,
    // are left out and named; a wrapper keeps its text, and is not.
    assert!(
        md.contains("\nSolder in a ventilated room.\n") && !md.contains("Chart"),
        "{md}"
    );
    assert!(md.contains("<a>The schematic</a> is in"), "{md}");
    assert!(report.contains("<Callout> → its text"), "{report}");
    for hand in ["`<Chart>` left out", "`href={schematicUrl}` left out"] {
        assert!(report.contains(hand), "{hand} in {report}");
    }
    assert_eq!(check(&d), Vec::<String>::new());
    assert_no_leftovers(&built_page(&d, "circuit"));
    // The layout's `<title>{title}</title>` with a literal default names the owner.
    let profile = read(&d, "content/profile.yaml");
    assert!(profile.contains("name: Mei Chen"), "{profile}");
}

#[test]
fn hugoblox_person_language_and_links() {
    let (d, report) = import("hugoblox");
    let profile = read(&d, "content/profile.yaml");
    assert!(profile.contains("name: Aiko Tanaka"), "{profile}");
    assert!(profile.contains("title: Robotics Engineer"), "{profile}");
    assert!(
        profile.contains("Aiko designs low-cost robot arms"),
        "{profile}"
    );
    assert!(profile.contains("email: aiko@example.org"), "{profile}");
    assert!(
        profile.contains("https://github.com/example-aiko"),
        "{profile}"
    );
    assert!(profile.contains("photo: photo.png"), "{profile}");
    assert!(exists(&d, "content/photo.png"));
    let config = read(&d, "folio.yaml");
    assert!(config.contains("language: ja"), "{config}");
    assert!(
        config.contains("base_url: https://example.github.io/"),
        "{config}"
    );
    assert_eq!(
        report.matches("the theme has no ja strings").count(),
        1,
        "{report}"
    );
    assert!(report.contains("i18n/ja.yaml"), "{report}");
    let arm = read(&d, "content/projects/robot-arm/index.md");
    for link in [
        "Source: https://github.com/example-aiko/arm",
        "Paper: https://example.org/arm.pdf",
        "Slides: https://example.org/arm-slides",
        "Website: https://arm.example.org",
    ] {
        assert!(arm.contains(link), "{link}: {arm}");
    }
    assert!(!arm.contains("external_link"), "{arm}");
    assert!(
        !arm.contains("{{<") && arm.contains("$n=3$"),
        "Academic's math wrapper left out of front matter kept under extra: {arm}"
    );
    let mapped = report
        .lines()
        .find(|l| l.contains("mapped:") && l.contains("links"))
        .unwrap_or_default();
    assert!(
        !mapped.contains("cover"),
        "kept under extra, not mapped: {report}"
    );
    assert!(report.contains("under extra: cover"), "{report}");
}

#[test]
fn jekyll_kramdown_shapes_and_the_site_settings() {
    let (d, report) = import("jekyll-kramdown");
    let page = read(&d, "content/projects/river-survey/index.md");
    assert!(page.contains("<br>\n\n## Methods\n"), "{page}");
    assert!(page.contains("\n<ul>\n<li>Drone</li>\n</ul>\n"), "{page}");
    assert!(
        page.contains("Raw data below.</div>\n\n```python\n"),
        "{page}"
    );
    assert!(
        page.contains("<!-- {% include gallery.liquid images=page.images %} -->"),
        "{page}"
    );
    assert!(!report.contains("Liquid template code"), "{report}");
    assert!(report.contains("kramdown → CommonMark"), "{report}");
    let profile = read(&d, "content/profile.yaml");
    assert!(profile.contains("name: Sam Lee"), "{profile}");
    let config = read(&d, "folio.yaml");
    assert!(config.contains("language: ru"), "{config}");
    assert!(config.contains("base_url: /"), "{config}");
    assert!(
        report.contains("is a repository's page, not the site's address"),
        "{report}"
    );
    assert!(check(&d).is_empty());
}

/// Paths as the old site served them: read against the page's old URL, pages
/// that were not imported at the old site's address, and what the old site
/// lacked (its page showed it broken) left out and named.
#[test]
fn paths_as_the_old_site_served_them() {
    let (d, report) = import("old-paths");
    let md = read(&d, "content/projects/relay/index.md");
    assert!(
        md.contains("<img src=\"/assets/img/board.png\" alt=\"The soldered board\">"),
        "{md}"
    );
    assert!(exists(&d, "static/assets/img/board.png"), "{report}");
    assert!(
        md.contains("[my notes](https://noor.example.org/notes/wiring/) and the [greenhouse project](https://noor.example.org/projects/greenhouse/)."),
        "{md}"
    );
    assert!(!md.contains("1.jpg") && !md.contains("screen.gif"), "{md}");
    assert!(
        md.contains("earlier work ([Lee et al. 2020](https://doi.org/10.1000/jsf.2020.12))."),
        "jekyll-scholar's citation, from _bibliography/: {md}"
    );
    for hand in [
        "relay.md:13: figure left out: `assets/img/1.jpg` does not exist in the old site",
        "relay.md:21: image left out: `/assets/img/screen.gif` does not exist in the old site",
        "relay.md:23: citation `missing2019` is not in _bibliography/: left out",
    ] {
        assert!(report.contains(hand), "{hand} in {report}");
    }
    // An SVG named .jpg comes into the bundle under the name its bytes call for.
    assert!(md.contains("![The co-op's logo](logo.svg)"), "{md}");
    assert!(exists(&d, "content/projects/relay/logo.svg"));
    assert!(report.contains("logo.jpg → logo.svg"), "{report}");
    // Files Jekyll never published are skipped as it did; a slug taken is told.
    assert_eq!(projects(&d), ["relay", "relay-2"], "{report}");
    assert!(
        report.contains("_projects/_template.md: skipped, its name starts with `_`"),
        "{report}"
    );
    assert!(
        report.contains("_projects/shelved.md: skipped, its front matter is commented out"),
        "{report}"
    );
    assert!(exists(&d, "content/projects/relay-2/index.md"));
    assert!(
        report.contains("slug `relay-2`: `relay` is another write-up's"),
        "{report}"
    );
    assert_eq!(check(&d), Vec::<String>::new());
    assert_no_leftovers(&built_page(&d, "relay"));
}

/// An Eleventy site's cover named from the site root (`/images/loom.png`)
/// is found in its input folder `src/`, where its layouts served it from.
#[test]
fn an_eleventy_cover_is_found_in_its_input_folder() {
    let (d, report) = import("eleventy-src-images");
    let md = read(&d, "content/projects/loom/index.md");
    assert!(md.contains("cover: loom.png"), "{md}");
    assert!(exists(&d, "content/projects/loom/loom.png"), "{report}");
    assert!(
        report.contains("1 of 1 write-up need nothing by hand"),
        "{report}"
    );
}

#[test]
fn eleventy_image_and_gallery_shortcodes() {
    let (d, report) = import("eleventy-images");
    let md = read(&d, "content/projects/looms/index.md");
    assert!(
        md.contains("{{ figure(src=\"loom.png\", alt=\"A floor loom, threaded\") }}"),
        "{md}"
    );
    assert!(
        md.contains("{{ gallery(images=[\"warp.png\", \"weft.png\"]) }}\n\nThe finished"),
        "only the gallery's own images: {md}"
    );
    for f in ["loom.png", "warp.png", "weft.png"] {
        assert!(
            exists(&d, &format!("content/projects/looms/{f}")),
            "{f}: {report}"
        );
    }
    assert_eq!(check(&d), Vec::<String>::new());
    assert_no_leftovers(&built_page(&d, "looms"));
}

/// An Eleventy 3 site's Nunjucks shortcodes, as its `.eleventy.js` defines
/// them: `{% image %}` with keyword arguments, a gallery tag given an object
/// over three lines, a paired `{% list "Title" %}` and a `{% year %}` folio
/// can't run (left out and named, never shown raw).
#[test]
fn eleventy_nunjucks_shortcodes_of_the_sites_config() {
    let (d, report) = import("eleventy-nunjucks");
    let md = read(&d, "content/projects/kiosk/index.md");
    assert!(
        md.contains("{{ figure(src=\"shot1.png\", caption=\"Overview\", alt=\"Overview\") }}"),
        "{md}"
    );
    assert!(
        md.contains(
            "{{ gallery(images=[\"shot2.png\", \"shot4.png\"], captions=[\"\", \"Receipt\"]) }}"
        ),
        "{md}"
    );
    assert!(
        md.contains("**Objectives**\n\n- Redesign the checkout flow.\n- Support many locales.\n"),
        "{md}"
    );
    assert!(md.contains("Built in with a small team."), "{md}");
    assert!(!md.contains("{%"), "{md}");
    assert!(
        report.contains("Eleventy shortcode {% list %} → its text (check it)"),
        "{report}"
    );
    assert!(
        report.contains("Eleventy tag `{% year %}` left out"),
        "{report}"
    );
    assert!(!report.contains("Liquid template code"), "{report}");
    for f in ["shot1.png", "shot2.png", "shot4.png"] {
        assert!(
            exists(&d, &format!("content/projects/kiosk/{f}")),
            "{f}: {report}"
        );
    }
    assert_eq!(check(&d), Vec::<String>::new());
    assert_no_leftovers(&built_page(&d, "kiosk"));
}

/// Dates and summaries as real sites leave them: `date: '2024Z'` and
/// `date: March 2021` are read; the summary is what folio derives (a first
/// paragraph that is only a badge is passed over); a write-up with no text has no
/// summary, as on the old site, without asking, unless a theme's own fields
/// (`desc1`, `desc2`) gave one; one whose page was its own layout is named,
/// unless that layout was a demo run in the browser: then it links to it.
#[test]
fn dates_and_summaries_as_real_sites_write_them() {
    let (d, report) = import("hugo-dates-summaries");
    let tide = read(&d, "content/projects/tide-gauge/index.md");
    assert!(tide.contains("date: '2024'\n"), "{tide}");
    assert!(
        tide.contains("summary: Read the harbour's water level on a phone.\n"),
        "{tide}"
    );
    let ferry = read(&d, "content/projects/ferry-board/index.md");
    assert!(ferry.contains("date: 2021-03\n"), "{ferry}");
    assert!(
        ferry.contains("summary: A departure board for a small ferry line, with live delays.\n"),
        "{ferry}"
    );
    assert!(
        report.contains("no summary: the old write-up has no text"),
        "{report}"
    );
    assert!(
        report.contains(
            "dice-roller.md:1: the write-up is empty: the old page was its layout `dice`"
        ),
        "{report}"
    );
    assert!(
        report.contains("5 of 6 write-ups need nothing by hand"),
        "{report}"
    );
    // A page that was a demo running in its own layout links to it on the old site.
    let maze = read(&d, "content/projects/maze-walker/index.md");
    assert!(
        maze.contains("links:\n  Demo: https://sam.example.org/projects/maze-walker/\n"),
        "{maze}"
    );
    assert!(
        !report.contains("layout `maze`, which is not imported"),
        "{report}"
    );
    assert!(!report.contains("not a date folio reads"), "{report}");
    let car = read(&d, "content/projects/car-game/index.md");
    assert!(
        car.contains("summary: Simple car game. Developed in two months as a university project, using OpenGL.\n"),
        "the Introduction theme's desc1 and desc2: {car}"
    );
    assert_eq!(check(&d), Vec::<String>::new());
}

/// An Eleventy site that lists its projects in a data file, each record naming
/// the Markdown of its write-up: the write-up takes its record's fields, the
/// day-first date is read, and the cover named by file name alone is the one
/// image of that name in the site (a built copy with the same bytes aside).
#[test]
fn front_matter_from_the_data_file_that_names_the_write_up() {
    let (d, report) = import("eleventy-data-file");
    let kiosk = read(&d, "content/projects/kiosk/index.md");
    assert!(
        kiosk.starts_with("---\ntitle: Check-in kiosk (team)\ndate: 2024-01-26\n"),
        "{kiosk}"
    );
    assert!(kiosk.contains("\ncover: kiosk.png\n"), "{kiosk}");
    assert!(exists(&d, "content/projects/kiosk/kiosk.png"), "{report}");
    assert!(
        report.contains("front matter ← the record naming it in projects.json"),
        "{report}"
    );
    assert!(
        report.contains("1 of 1 write-up need nothing by hand"),
        "{report}"
    );
    assert_eq!(check(&d), Vec::<String>::new());
}

/// An Eleventy site whose `projects.json` beside the write-ups has a syntax
/// error: the write-up is imported without its record, and the file is named
/// with its line and column instead of skipped silently.
#[test]
fn a_broken_data_file_beside_the_write_ups_is_named() {
    let (d, report) = import("eleventy-broken-data");
    assert_eq!(projects(&d), ["kiosk"], "{report}");
    assert!(
        report.contains("src/projects/projects.json:6:3: not valid JSON: expected `,` or `]`"),
        "{report}"
    );
    assert!(
        report.contains("the file could not be read, so nothing of it was imported"),
        "{report}"
    );
}

/// A portfolio theme (Hugoplate) that keeps the project write-ups in
/// `content/<language>/blog` and its owner in `content/<language>/authors/<name>.md`.
#[test]
fn a_blog_is_the_section_when_no_projects_folder_exists() {
    let (d, report) = import("hugo-blog");
    assert!(report.contains("section content/english/blog)"), "{report}");
    let page = read(&d, "content/projects/tide-gauge/index.md");
    assert!(page.contains("title: How I built a tide gauge"), "{page}");
    assert_eq!(projects(&d), ["tide-gauge"], "the section page is not one");
    assert!(
        page.contains("<details><summary>What it measures:</summary>")
            && page.contains("</details>"),
        "{page}"
    );
    assert!(page.contains("<aside class=\"alert\">"), "{page}");
    assert!(page.contains("figure(src=\"gauge.png\""), "{page}");
    assert!(
        exists(&d, "content/projects/tide-gauge/gauge.png"),
        "{report}"
    );
    assert_no_leftovers(&built_page(&d, "tide-gauge"));
    let profile = read(&d, "content/profile.yaml");
    assert!(profile.contains("name: Ana Lima"), "{profile}");
    assert!(profile.contains("email: ana@example.org"), "{profile}");
    assert_eq!(check(&d), Vec::<String>::new());
}

/// A Jekyll portfolio theme (Freelancer) that keeps each project as a post:
/// `_posts` is the section when no projects collection exists, and the slug
/// and date come from the file name (`2020-01-01-tide-clock.md`) unless the
/// front matter gives a date, as Jekyll does.
#[test]
fn jekyll_posts_are_the_section_when_no_projects_collection_exists() {
    let (d, report) = import("jekyll-posts");
    assert!(report.contains("(Jekyll, section _posts)"), "{report}");
    assert_eq!(projects(&d), ["seed-ledger", "tide-clock"], "{report}");
    let clock = read(&d, "content/projects/tide-clock/index.md");
    assert!(
        clock.contains("title: Tide Clock\ndate: 2020-01-01\n"),
        "{clock}"
    );
    let ledger = read(&d, "content/projects/seed-ledger/index.md");
    assert!(ledger.contains("date: 2021-07-02\n"), "{ledger}");
    checks_and_builds(&d, "jekyll-posts");
}

/// A post without `title:` takes the title Jekyll showed, from its file name.
#[test]
fn a_jekyll_post_without_a_title_is_titled_from_its_file_name() {
    let (d, report) = import("jekyll-post-urls");
    let lamp = read(&d, "content/projects/desk-lamp/index.md");
    assert!(lamp.starts_with("---\ntitle: Desk Lamp\n"), "{lamp}");
    assert!(!report.contains("no title: `"), "{report}");
    assert!(report.contains("file name → title"), "{report}");
}

/// Links and relative images of posts are read against the URLs Jekyll gave
/// them (`permalink: pretty`, with the post's category): a link to another
/// post becomes its folio address, an image found from the old URL is copied.
#[test]
fn jekyll_posts_are_found_at_their_permalinks() {
    let (d, report) = import("jekyll-post-urls");
    let lamp = read(&d, "content/projects/desk-lamp/index.md");
    assert!(
        lamp.contains("![The lamp on the bench](/assets/lamp.png)"),
        "{lamp}\n{report}"
    );
    let ledger = read(&d, "content/projects/seed-ledger/index.md");
    assert!(
        ledger.contains("![The ledger](/assets/ledger.png)"),
        "{ledger}\n{report}"
    );
    assert!(
        ledger.contains("[the desk lamp](@/projects/desk-lamp/index.md)"),
        "{ledger}"
    );
    assert!(
        ledger.contains("[the lamp post](@/projects/desk-lamp/index.md)"),
        "{ledger}"
    );
    assert!(!report.contains("does not exist"), "{report}");
    checks_and_builds(&d, "jekyll-post-urls");
}

/// `_drafts/` beside `_posts/` are imported as drafts, and stay drafts.
#[test]
fn jekyll_drafts_are_imported_as_drafts() {
    let (d, report) = import("jekyll-post-urls");
    let clock = read(&d, "content/projects/tide-clock/index.md");
    assert!(clock.starts_with("---\ntitle: Tide Clock\n"), "{clock}");
    assert!(clock.contains("\ndraft: true\n"), "{clock}");
    assert!(report.contains("_drafts/ → draft: true"), "{report}");
    let lamp = read(&d, "content/projects/desk-lamp/index.md");
    assert!(!lamp.contains("draft"), "{lamp}");
}

/// Jekyll posts in a folder below `_posts` (no category) and in a category's
/// `hardware/_posts` are all imported, found at the URLs Jekyll gave them: the
/// permalink of `_config.yml`'s `defaults:` for posts, over its `permalink:`.
#[test]
fn jekyll_posts_in_post_folders_are_found_at_their_default_permalinks() {
    let (d, report) = import("jekyll-post-folders");
    assert!(report.contains("(Jekyll, section _posts)"), "{report}");
    assert_eq!(projects(&d), vec!["kiln-logger", "tide-gauge"]);
    let kiln = read(&d, "content/projects/kiln-logger/index.md");
    assert!(
        kiln.contains("[the tide gauge](@/projects/tide-gauge/index.md)"),
        "{kiln}\n{report}"
    );
    let gauge = read(&d, "content/projects/tide-gauge/index.md");
    assert!(
        gauge.contains("[the kiln logger](@/projects/kiln-logger/index.md)"),
        "{gauge}\n{report}"
    );
    assert!(
        gauge.contains("![The gauge](/assets/gauge.png)"),
        "{gauge}\n{report}"
    );
    assert!(!report.contains("does not exist"), "{report}");
    checks_and_builds(&d, "jekyll-post-folders");
}

/// Posts split into `_posts/portfolio/` and `_posts/blog/` (the Freelancer
/// theme's way): the portfolio's are the write-ups, the blog's are not.
#[test]
fn a_portfolio_folder_of_jekyll_posts_is_the_section() {
    let (d, report) = import("jekyll-posts-split");
    assert!(
        report.contains("(Jekyll, section _posts/portfolio)"),
        "{report}"
    );
    assert_eq!(projects(&d), vec!["oak-shelf", "walnut-lamp"], "{report}");
    checks_and_builds(&d, "jekyll-posts-split");
}

/// A Hugo theme's `params.mainSections` names the section of write-ups
/// (`content/builds`): taken over the blog `content/posts`, and named.
#[test]
fn a_hugo_main_section_from_the_settings_is_imported_and_named() {
    let (d, report) = import("hugo-main-sections");
    assert!(
        report.contains("(Hugo, section content/builds)"),
        "{report}"
    );
    assert!(
        report
            .contains("content/builds was imported as the portfolio: the site's settings name it"),
        "{report}"
    );
    assert_eq!(projects(&d), vec!["bike-trailer", "solar-still"]);
    let trailer = read(&d, "content/projects/bike-trailer/index.md");
    assert!(trailer.contains("![The hitch](hitch.png)"), "{trailer}");
    checks_and_builds(&d, "hugo-main-sections");
}

/// A Hugo site whose only section of write-ups is `content/experience`:
/// imported, and the report names the folder and asks to check it.
#[test]
fn a_hugo_experience_section_is_imported_and_named() {
    let (d, report) = import("hugo-experience");
    assert!(
        report.contains("(Hugo, section content/experience)"),
        "{report}"
    );
    assert!(
        report.contains("content/experience was imported as the portfolio"),
        "{report}"
    );
    let relay = read(&d, "content/projects/relay-firmware/index.md");
    assert!(
        relay.starts_with("---\ntitle: Relay Firmware Study\n"),
        "{relay}"
    );
    read(&d, "content/projects/field-robots/index.md");
    checks_and_builds(&d, "hugo-experience");
}

/// A repository whose site is in a folder of it (a monorepo's `web/site/`):
/// that site is imported, and the report's section says where it was.
#[test]
fn a_site_in_a_folder_of_the_repository_is_found() {
    let (d, report) = import("monorepo");
    assert!(
        report.contains("(Hugo, section web/site/content/projects)"),
        "{report}"
    );
    assert_eq!(projects(&d), ["desk-lamp"], "{report}");
    checks_and_builds(&d, "monorepo");
    // Two sites below, none at the top: which one is for the user to say.
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join("hugo.toml"), "title = 'x'\n").unwrap();
    }
    let out = dir.path().join("out");
    let run = folio(&[
        "import",
        "site",
        dir.path().to_str().unwrap(),
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stderr.contains("sites found in its folders"),
        "{}",
        run.stderr
    );
}

/// Studios call their portfolio case studies: Eleventy's `src/cases` (whose
/// README.md, notes for the repository, is no write-up) and Hugo's
/// `content/case-studies` count as a projects folder, before a blog.
#[test]
fn case_study_folders_are_the_section() {
    let (d, report) = import("eleventy-cases");
    assert!(report.contains("section src/cases)"), "{report}");
    assert_eq!(
        projects(&d),
        ["bakery-orders", "ferry-timetable"],
        "{report}"
    );
    assert!(
        report.contains("src/cases/README.md: skipped, a README"),
        "{report}"
    );
    checks_and_builds(&d, "eleventy-cases");
    let (d, report) = import("hugo-case-studies");
    assert!(report.contains("section content/case-studies)"), "{report}");
    assert_eq!(projects(&d), ["harbour-map"], "the blog is not the section");
    checks_and_builds(&d, "hugo-case-studies");
}

/// A section whose only page lists the projects under `###` headings, grouped
/// under `##` ones: each heading becomes a write-up, its group a tag.
#[test]
fn a_list_page_of_projects_becomes_one_write_up_each() {
    let (d, report) = import("hugo-list-page");
    assert!(report.contains("section content/Projects)"), "{report}");
    for (slug, title) in [
        ("leak-detection-model", "Leak Detection Model"),
        ("soil-moisture-maps", "Soil Moisture Maps"),
        ("tiny-interpreter", "Tiny Interpreter"),
        ("weather-station", "Weather Station"),
    ] {
        let md = read(&d, &format!("content/projects/{slug}/index.md"));
        assert!(md.contains(&format!("title: {title}")), "{md}");
    }
    let leak = read(&d, "content/projects/leak-detection-model/index.md");
    assert!(leak.contains("- Machine Learning"), "{leak}");
    assert!(
        leak.contains("gradient-boosted") && !leak.contains("Soil"),
        "{leak}"
    );
    let soil = read(&d, "content/projects/soil-moisture-maps/index.md");
    assert!(soil.contains("### a comment, not a heading"), "{soil}");
    assert!(!soil.trim_end().ends_with("---"), "{soil}");
    // A heading that is a link: its text is the title, its URL the project's site.
    let station = read(&d, "content/projects/weather-station/index.md");
    assert!(!station.contains("]("), "{station}");
    assert!(
        station.contains("Website: https://github.com/example/weather-station"),
        "{station}"
    );
    assert_eq!(check(&d), Vec::<String>::new());
}

/// Eleventy keeps its owner in `src/data/site.json` (`author: {name, email}`).
#[test]
fn the_owner_of_an_eleventy_site_from_its_data_file() {
    let (d, report) = import("eleventy");
    let profile = read(&d, "content/profile.yaml");
    assert!(profile.contains("name: Lena Park"), "{report}{profile}");
    assert!(profile.contains("email: lena@example.org"), "{profile}");
    assert!(profile.contains("Lena weaves"), "{profile}");
}

/// SvelteKit with mdsvex: a write-up's `<script>` block of component imports
/// goes, its components are left out (what they wrap stays) unless they hold a
/// URL (a link) or lists (`{#snippet pros()}`), an image of a folder is a
/// gallery of its images; the owner is in
/// the `<title>` of the home page inside a route group.
#[test]
fn sveltekit_mdsvex_write_ups_and_a_route_group_home_page() {
    let (d, report) = import("sveltekit");
    let md = read(&d, "content/projects/Relay/index.md");
    assert!(!md.contains("<script") && !md.contains("import "), "{md}");
    assert!(md.contains("The schematic is simple."), "{md}");
    // A component with a URL is a link, a folder image a gallery, snippets lists.
    assert!(
        md.contains("[Relay log](https://relay.example.org)"),
        "{md}"
    );
    assert!(md.contains("{{ gallery(images=[\"mast.png\"]) }}"), "{md}");
    assert!(
        md.contains("**Pros**\n\n- Cheap parts\n\n**Cons**\n\n- Needs a mast\n"),
        "{md}"
    );
    assert!(
        d.path()
            .join("site/content/projects/Relay/mast.png")
            .is_file()
    );
    let profile = read(&d, "content/profile.yaml");
    assert!(profile.contains("name: Tom Berg"), "{report}{profile}");
    assert_eq!(check(&d), Vec::<String>::new());
    assert_no_leftovers(&built_page(&d, "relay"));
}

/// mdsvex's `import demoLink from "./demoLink.txt?raw"` gives `{demoLink}`
/// the text of the file beside the write-up: the links keep their address.
#[test]
fn a_raw_text_import_is_the_address_of_its_links() {
    let (d, report) = import("sveltekit-raw-import");
    let md = read(&d, "content/projects/Beacon/index.md");
    let url = "https://beacon.example.org/run/KysrWy0%2BKys8XQ==";
    assert!(md.contains(&format!("[the demo page]({url})")), "{md}");
    // A component over several lines links its address, as a written one does.
    assert!(md.contains(&format!("<{url}>")), "{md}");
    // An image imported with a Vite query (`./card.png?normal&url`) is a figure.
    assert!(md.contains("card.png") && !md.contains("{card}"), "{md}");
    assert!(exists(&d, "content/projects/Beacon/card.png"), "{report}");
    assert!(
        report.contains("1 of 1 write-up need nothing by hand"),
        "{report}"
    );
    checks_and_builds(&d, "sveltekit-raw-import");
}

/// A Hugo bundle whose text names its images in another letter case than
/// their files (`IHM_board.png` for `ihm_board.png`, as a case-insensitive disk
/// served them) and whose only text is an HTML paragraph: the files are
/// found, the change named, and the paragraph is the summary.
#[test]
fn a_name_in_another_case_finds_its_file_and_an_html_paragraph_is_the_summary() {
    let (d, report) = import("hugo-name-case");
    let md = read(&d, "content/projects/robot/index.md");
    assert!(
        md.contains("ihm_board.png") && md.contains("board-photo.png"),
        "{md}"
    );
    assert!(
        md.contains(
            "summary: A small robot that follows a black line on the floor of the school hall."
        ),
        "{md}"
    );
    assert!(
        exists(&d, "content/projects/robot/ihm_board.png"),
        "{report}"
    );
    assert!(
        report.contains("IHM_board.png → ihm_board.png (the file's name differs in case)"),
        "{report}"
    );
    assert!(
        report.contains("1 of 1 write-up need nothing by hand"),
        "{report}"
    );
    checks_and_builds(&d, "hugo-name-case");
}

/// An Eleventy site on GitHub Pages names its address only in `CNAME`: a
/// link to a page that was not imported points at it, and it is the base_url.
#[test]
fn a_cname_is_the_old_address_of_pages_not_imported() {
    let (d, report) = import("eleventy-old-pages");
    let md = read(&d, "content/projects/tide-clock/index.md");
    assert!(
        md.contains("[a post on the old blog](https://www.mara-lind.example/writing/reading-tide-tables/ \"How I read tide tables\")"),
        "{md}"
    );
    assert!(report.contains("CNAME → base_url"), "{report}");
    assert!(
        report.contains("1 of 1 write-up need nothing by hand"),
        "{report}"
    );
    let config = read(&d, "folio.yaml");
    assert!(
        config.contains("base_url: https://www.mara-lind.example/\n"),
        "{config}"
    );
    checks_and_builds(&d, "eleventy-old-pages");
}

/// A theme's blank write-up to copy (`title: ''`, `date: ''`, no text) is
/// named in the report, not imported with a title made from its file name.
#[test]
fn a_blank_template_write_up_is_not_imported() {
    let (d, report) = import("eleventy-blank-template");
    assert!(
        report.contains(
            "src/projects/writeupTemplate.md: skipped, looks like a blank template: not imported"
        ),
        "{report}"
    );
    assert_eq!(projects(&d), ["kite-rig"], "{report}");
    assert!(
        report.contains("1 of 1 write-up need nothing by hand"),
        "{report}"
    );
    checks_and_builds(&d, "eleventy-blank-template");
}

/// A link to a file the repository lacks (`[[Code]](/x/metrics/a.py)`, kept
/// elsewhere on the old site) points at the old site's full address, so the
/// imported site passes `check`.
#[test]
fn jekyll_dead_links_point_at_the_old_site() {
    let (d, report) = import("jekyll-site-shapes");
    let md = read(&d, "content/projects/ranker/index.md");
    assert!(
        md.contains("[[Code]](https://kim.example.org/ranker/metrics/alpha.py)"),
        "{md}"
    );
    assert!(report.contains("the old site's address"), "{report}");
    assert_eq!(check(&d), Vec::<String>::new());
    assert_no_leftovers(&built_page(&d, "ranker"));
}

/// `{{ site.KEY }}` in Markdown and inline HTML takes its value from
/// `_config.yml`; an unknown key stays and the report names it.
#[test]
fn jekyll_site_variables_take_their_config_values() {
    let (d, report) = import("jekyll-site-shapes");
    let md = read(&d, "content/projects/ranker/index.md");
    assert!(md.contains("<img src=\"/assets/img/chart.png\""), "{md}");
    assert!(
        report.contains("`editor_name` is not in the old site's settings"),
        "{report}"
    );
    assert_eq!(check(&d), Vec::<String>::new());
}

/// The site's own include with parameters over several lines becomes a
/// blockquote from them; the report names it; nothing is dropped.
#[test]
fn jekyll_site_include_with_parameters_becomes_markdown() {
    let (d, report) = import("jekyll-site-shapes");
    let md = read(&d, "content/projects/ranker/index.md");
    assert!(
        md.contains("> **Remark (Scope).** Scores are compared on **four** datasets only."),
        "{md}"
    );
    assert!(md.contains("More text after the remark."), "{md}");
    assert!(report.contains("include `theorem.md`"), "{report}");
    assert_no_leftovers(&built_page(&d, "ranker"));
}

/// A Hugo multilingual site's other language: write-ups matching one of the
/// default language by name (even `2019river-app` for `2019-river-app`)
/// become its translations, folio.yaml gets `languages:`, and the report
/// names the one with no match.
#[test]
fn hugo_translations_are_imported_beside_their_page() {
    let (d, report) = import("hugo-multilingual");
    let fr = read(&d, "content/projects/harbour/index.fr.md");
    assert!(fr.contains("title:"), "{fr}");
    assert!(
        exists(&d, "content/projects/2019-river-app/index.fr.md"),
        "{report}"
    );
    assert!(read(&d, "folio.yaml").contains("languages:\n- en\n- fr\n"));
    assert!(
        report.contains("content/fr/projects/atelier.md: skipped, a `fr` write-up with no page of the same name in `en`"),
        "{report}"
    );
    assert_eq!(check(&d), Vec::<String>::new());
    let site = d.path().join("site");
    let run = folio(&["build", site.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.join("public/fr/projects/harbour/index.html").is_file());
}

/// al-folio's sample project text kept under the owner's own title: left
/// out (its demo figures and Liquid examples are not the owner's). With
/// `redirect:` the old card led away, so nothing is asked; without, one hand.
#[test]
fn al_folio_sample_text_is_left_out() {
    let (d, report) = import("jekyll-site-shapes");
    for slug in ["sample-linked", "sample-kept"] {
        let md = read(&d, &format!("content/projects/{slug}/index.md"));
        assert!(!md.contains("beautiful feature showcase"), "{md}");
        assert_no_leftovers(&built_page(&d, slug));
    }
    let linked = read(&d, "content/projects/sample-linked/index.md");
    assert!(
        linked.contains("https://code.example.org/kim/pose-tracker"),
        "{linked}"
    );
    assert!(!report.contains("sample-linked.md:"), "{report}");
    assert_eq!(report.matches("sample-kept.md:").count(), 1, "{report}");
    assert!(report.contains("al-folio's sample project"), "{report}");
}

/// A figure with neither alt text nor a caption (a slide show's) gets an
/// empty alt, as on the old site: the report lists it to describe, but it
/// is not a hand item, since the page shows what the old one did.
#[test]
fn a_figure_without_alt_text_is_listed_not_a_hand() {
    let (d, report) = import("jekyll-site-shapes");
    let md = read(&d, "content/projects/ranker/index.md");
    assert!(
        md.contains("{{ figure(src=\"chart.png\", alt=\"\") }}"),
        "{md}"
    );
    assert!(
        report.contains("no alt text, nor on the old site (describe them in alt=\"…\" when you can): `chart.png`"),
        "{report}"
    );
    assert!(!report.contains("has no alt text"), "{report}");
}

/// The site's own include that shows a titled box (`include.type` over
/// `include.statement`, al-folio's theorem boxes) becomes the same blockquote
/// with nothing to check; one whose file is absent is still named.
#[test]
fn jekyll_titled_box_include_is_a_blockquote_with_nothing_to_check() {
    let (d, report) = import("jekyll-site-shapes");
    let md = read(&d, "content/projects/boxed/index.md");
    assert!(
        md.contains("> **Note (Data).** The data set is public."),
        "{md}"
    );
    assert!(
        report.contains("include remark.md (a titled box) → blockquote"),
        "{report}"
    );
    assert!(!report.contains("boxed.md:"), "{report}");
    assert!(report.contains("include `theorem.md`"), "{report}");
}

/// An Astro collection served under another folder by its dynamic route
/// (`src/pages/project/[projectId].astro` reading `work-items`): links to
/// `/project/<name>` are links to the imported write-ups.
#[test]
fn astro_links_through_the_collections_route_are_write_up_links() {
    let (d, report) = import("astro-route");
    let md = read(&d, "content/projects/shop-rebuild/index.md");
    assert!(
        md.contains("[loyalty app](@/projects/loyalty-app/index.md)"),
        "{md}"
    );
    let md = read(&d, "content/projects/loyalty-app/index.md");
    assert!(
        md.contains("[shop rebuild](@/projects/shop-rebuild/index.md)"),
        "{md}"
    );
    assert!(!report.contains("needs a hand: src/"), "{report}");
    assert_eq!(check(&d), Vec::<String>::new());
}

/// `folio check` finds no error in the imported site and `folio build` builds it.
fn checks_and_builds(d: &tempfile::TempDir, name: &str) {
    let errors = check(d);
    assert!(errors.is_empty(), "{name}: {errors:?}");
    let site = d.path().join("site");
    let run = folio(&["build", site.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{name}: {}", run.stderr);
}

#[test]
fn a_jekyll_data_list_a_page_loops_over_becomes_the_projects() {
    let (d, report) = import("jekyll-data-list");
    assert!(report.contains("section _data/builds.yml"), "{report}");
    let kettle = read(&d, "content/projects/kettle-timer/index.md");
    assert_eq!(
        kettle,
        "---\ntitle: Kettle Timer\nsummary: A small board that whistles when the tea has steeped long enough.\ncover: kettle.png\nlinks:\n  Website: https://github.com/example/kettle-timer\n---\n"
    );
    assert!(exists(&d, "content/projects/kettle-timer/kettle.png"));
    let bus = read(&d, "content/projects/bus-board/index.md");
    assert!(bus.contains("Website: https://bus.example.org\n"), "{bus}");
    assert!(bus.contains("date: '2021'\n"), "{bus}");
    assert!(report.contains("year → date"), "{report}");
    assert_eq!(
        projects(&d),
        ["bus-board", "kettle-timer", "pocket-quiz"],
        "the menu is not a project"
    );
    assert!(
        report.contains("an item of _data/builds.yml (line 6)"),
        "{report}"
    );
    checks_and_builds(&d, "jekyll-data-list");
}

#[test]
fn toha_project_sections_become_write_ups_with_dates_from_the_timeline() {
    let (d, report) = import("hugo-toha");
    let kite = read(&d, "content/projects/kite-operator/index.md");
    assert!(
        kite.starts_with("---\ntitle: Kite Operator\ndate: 2023-03\nsummary: A Kubernetes operator that rolls out config changes one node pool at a time.\nrole: Maintainer\ncover: kite.png\ntags:\n- professional\n- kubernetes\n- go\nlinks:\n  Source: https://github.com/example/kite-operator\n"),
        "{kite}"
    );
    assert!(kite.contains("timeline: Mar 2023 - Present"), "{kite}");
    assert!(report.contains("under extra: logo, timeline"), "{report}");
    let logs = read(&d, "content/projects/quiet-logs/index.md");
    assert!(
        logs.contains("date: 2021-06\n") && logs.contains("Website: https://quietlogs.example.org")
    );
    assert_eq!(
        projects(&d),
        ["kite-operator", "quiet-logs"],
        "posts are not projects"
    );
    checks_and_builds(&d, "hugo-toha");
}

#[test]
fn hugo_profile_params_projects_become_write_ups_with_their_text() {
    let (d, report) = import("hugo-profile");
    let queue = read(&d, "content/projects/clinic-queue/index.md");
    assert!(
        queue.starts_with("---\ntitle: Clinic Queue\nsummary: A waiting-room screen for small clinics, written in Svelte.\ncover: queue.png\ntags:\n- Svelte\n- Accessibility\nlinks:\n  Demo: https://queue.example.org\n  GitHub: https://github.com/example/clinic-queue\n---\nA waiting-room screen"),
        "{queue}"
    );
    assert!(queue.contains("[Svelte](https://svelte.dev)"));
    assert!(
        report.contains("links: share buttons left out: mailto:?subject=Clinic%20Queue"),
        "{report}"
    );
    assert_eq!(
        projects(&d),
        ["clinic-queue", "dose-chart"],
        "the projects list comes before the blog"
    );
    checks_and_builds(&d, "hugo-profile");
}

#[test]
fn write_ups_are_preferred_to_a_data_list_which_is_named() {
    let (d, report) = import("hugo-data-writeups");
    assert_eq!(
        projects(&d),
        ["harbor-map"],
        "the data list is not imported"
    );
    assert!(
        report.contains("data/projects.toml: a data list of 2 projects")
            && report.contains("without a write-up (1): Seed Ledger"),
        "{report}"
    );
    checks_and_builds(&d, "hugo-data-writeups");
}

/// A cover whose bytes are damaged (a PNG cut short) is left out and named:
/// the imported site checks and builds, instead of the build stopping on the
/// image. A PNG whose checksum fails but whose pixels are sound (as a real
/// Astro portfolio's placeholders were) is shown by browsers, so it is kept.
#[test]
fn a_damaged_cover_is_named_and_the_site_builds() {
    let (dir, report) = import("damaged-cover");
    // Kiln's PNG has a wrong checksum but sound pixels: browsers show it, so
    // it stays. Loom's is cut short: left out and named.
    assert!(
        report.contains("the cover `thumb.png` is left out: its bytes are damaged"),
        "{report}"
    );
    assert_eq!(
        report.matches("its bytes are damaged").count(),
        1,
        "{report}"
    );
    assert_eq!(projects(&dir), ["kiln", "loom"]);
    assert!(read(&dir, "content/projects/kiln/index.md").contains("cover: thumb.png"));
    assert!(!read(&dir, "content/projects/loom/index.md").contains("cover: thumb.png"));
    assert!(check(&dir).is_empty());
    let site = dir.path().join("site");
    let out = dir.path().join("public");
    let run = folio(&["build", site.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

/// A Jekyll site whose write-ups are built from its own includes (an image
/// component that makes its paths from `page.path` and `include.*` with
/// `{% link %}`, a text block given HTML, a capture fed to an include): each
/// is rendered from _includes/ with Liquid into HTML whose images are found
/// and copied, with nothing to check; jekyll-inline-svg's `{% svg %}` is the
/// SVG file's text, `site.static_files` the old site's files, and a date past
/// its month's end is read as Jekyll read it.
#[test]
fn jekyll_own_includes_are_rendered_and_their_images_copied() {
    let (d, report) = import("jekyll-own-includes");
    let md = read(&d, "content/projects/kite/index.md");
    assert!(
        md.contains("<h2 class=\"section__lead\">Layout</h2>\n<div class=\"section__subtitle\">\n<p>First I set the grid for every poster.</p>"),
        "{md}"
    );
    assert!(
        md.contains("<source srcset=\"/assets/projects/kite/kite-logo.webp\" type=\"image/webp\" /> <img src=\"/assets/projects/kite/kite-logo.png\" alt=\"Kite -logo\" /> </picture> <figcaption class=\"caption\">The logo on paper</figcaption>"),
        "{md}"
    );
    assert!(
        md.contains("<aside class=\"note\"> <p>The festival ran for <strong>three</strong> days.</p> <img src=\"/assets/projects/kite/kite-sketch.png\" alt=\"sketch-of-the-kite\"> </aside>"),
        "{md}"
    );
    assert!(!md.contains("{%") && !md.contains("capture"), "{md}");
    for img in ["logo.png", "logo.webp", "sketch.png", "sketch.webp"] {
        let rel = format!("static/assets/projects/kite/kite-{img}");
        assert!(exists(&d, &rel), "{rel}: {report}");
    }
    assert!(
        md.contains("Visit the festival <svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\"> <path d=\"M5 12h14\"/> </svg>"),
        "{md}"
    );
    assert!(
        md.contains("<img src=\"/assets/projects/kite/kite-logo.png\"><img src=\"/assets/projects/kite/kite-logo.webp\"><img src=\"/assets/projects/kite/kite-sketch.png\">"),
        "{md}"
    );
    assert!(md.contains("date: 2025-05-01"), "{md}");
    assert!(
        report.contains("date: `2025-04-31` is past the month's end, read as 2025-05-01"),
        "{report}"
    );
    assert!(
        report.contains("1 of 1 write-up need nothing by hand"),
        "{report}"
    );
    assert_eq!(check(&d), Vec::<String>::new());
    let page = built_page(&d, "kite");
    assert!(
        page.contains("<img src=\"/assets/projects/kite/kite-logo.png\""),
        "{page}"
    );
    assert_no_leftovers(&page);
}

/// A Jekyll write-up that prints its own front matter (`{{ page.description }}`),
/// gives an include `slug=page.slug` (Jekyll's slug of a collection's
/// document: its file name) whose template includes another and sizes its
/// image with jekyll-image-size, and links a post of the old blog: all as
/// the old site showed them, the post at its old address (url + baseurl).
#[test]
fn jekyll_page_variables_nested_includes_and_old_posts() {
    let (d, report) = import("jekyll-page-vars");
    let md = read(&d, "content/projects/lamp/index.md");
    assert!(
        md.contains("---\nA controller for a <b>solar</b> garden lamp.\n"),
        "{md}"
    );
    assert!(
        md.contains("[a post](https://studio.example.org/old/blog/2023-01-02-notes.html)"),
        "{md}"
    );
    assert!(
        md.contains("<picture> <span class=\"icon icon-sun\" aria-hidden=\"true\"></span> <img src=\"/images/2024/01/lamp/shot.png\"  alt=\"The lamp at night\" loading=\"lazy\"> </picture>"),
        "{md}"
    );
    assert!(
        exists(&d, "static/images/2024/01/lamp/shot.png"),
        "{report}"
    );
    assert!(!md.contains("{{") && !md.contains("{%"), "{md}");
    assert!(
        report.contains("1 of 1 write-up need nothing by hand"),
        "{report}"
    );
    assert_eq!(check(&d), Vec::<String>::new());
    assert_no_leftovers(&built_page(&d, "lamp"));
}

/// A Zola site whose theme's shortcodes are not in the folder, and dates
/// with a day or month 00: no call stays raw (a gist and a post become links,
/// a document the bundle's `pdf`, any other is left out and named), and the
/// dates are read at the precision they give, with a note, not a hand.
#[test]
fn zola_theme_shortcodes_and_dates_with_day_00() {
    let (d, report) = import("zola-own-shortcodes");
    let relay = read(&d, "content/projects/relay/index.md");
    assert!(relay.contains("date: 2022-11\n"), "{relay}");
    assert!(
        relay.contains(
            "short: [Gist ana-example/0a1b2c3d](https://gist.github.com/ana-example/0a1b2c3d)\n"
        ),
        "{relay}"
    );
    assert!(
        relay.contains(
            "[Post by @ana_example on X](https://x.com/ana_example/status/1590000000000000000)"
        ),
        "{relay}"
    );
    assert!(
        relay.contains("{{ pdf(src=\"manual.pdf\", title=\"The manual\") }}"),
        "{relay}"
    );
    assert!(exists(&d, "content/projects/relay/manual.pdf"));
    let meter = read(&d, "content/projects/meter/index.md");
    assert!(meter.contains("date: '2021'\n"), "{meter}");
    assert!(
        meter.contains("\nIt runs a year on two cells.\n") && !meter.contains("{%"),
        "{meter}"
    );
    assert!(!meter.contains("stl("), "{meter}");
    for left in ["callout", "stl"] {
        let named = format!("(what it showed is in its templates/shortcodes/{left}.html)");
        assert!(report.contains(&named), "{report}");
    }
    assert!(
        report.contains("date: `2022-11-00` has a day or month 00, read as 2022-11"),
        "{report}"
    );
    assert!(!report.contains("not a date folio reads"), "{report}");
    assert!(!report.contains("written empty"), "{report}");
    assert!(
        report.contains("1 of 2 write-ups need nothing by hand"),
        "{report}"
    );
    assert_eq!(check(&d), Vec::<String>::new());
    let page = built_page(&d, "relay");
    assert_no_leftovers(&page);
    assert!(!page.contains("{{ "), "{page}");
    assert!(!built_page(&d, "meter").contains("{{ "));
}

/// A Nuxt Content site keeping each project as a data record
/// (`content/works/<name>.json`: a title per language, tech, links,
/// screenshots) with its text in `texts/<lang>/<name>.md`: one write-up per
/// record, in the i18n config's default language, with its other language
/// as the translation beside it; a text with its own front matter and no
/// record stays a write-up of its own.
/// A Nuxt site whose images sit on an image host (`@nuxt/image` with
/// Cloudinary's `baseURL`): a cover named by its path there is shown from
/// there, as is a cover given as a URL; nothing needs a hand. An image
/// `../work/x.png` is read against the page's URL without a trailing slash
/// (`/work/harbour`), as Nuxt serves it; a hidden `.name.md` is skipped.
#[test]
fn covers_on_an_image_host_or_at_a_url_stay_where_they_are() {
    let (d, report) = import("nuxt-image-host");
    assert!(
        read(&d, "content/projects/harbour/index.md").contains(
            "cover: https://res.cloudinary.com/demo-studio/image/upload/v1690000000/work/harbour-home.jpg"
        ),
        "{report}"
    );
    assert!(
        read(&d, "content/projects/kiln/index.md")
            .contains("cover: https://cdn.example.org/kiln.png")
    );
    assert!(
        report.contains("2 of 2 write-ups need nothing by hand"),
        "{report}"
    );
    assert!(report.contains("the site's image host"), "{report}");
    assert!(exists(&d, "static/work/berths.png"), "{report}");
    assert!(
        read(&d, "content/projects/harbour/index.md")
            .contains("![Berths on a calm day](/work/berths.png)")
    );
    assert!(
        report.contains(".tide-clock.md: skipped, its name starts with `.`"),
        "{report}"
    );
    assert!(check(&d).is_empty(), "{:?}", check(&d));
}

#[test]
fn nuxt_data_records_with_texts_per_language() {
    let (d, report) = import("nuxt-data");
    assert_eq!(projects(&d), ["abacus", "kiosk", "lantern"], "{report}");
    let es = read(&d, "content/projects/lantern/index.md");
    assert!(es.starts_with("---\ntitle: Farol de Bolsillo\n"), "{es}");
    for part in [
        "cover: lantern.png",
        "- rust",
        "Website: https://lantern.example.org/",
        "Source: https://git.example.org/lantern",
        "weight: 30",
        "Una linterna que cabe en el bolsillo",
    ] {
        assert!(es.contains(part), "{part}: {es}");
    }
    let de = read(&d, "content/projects/lantern/index.de.md");
    assert!(de.starts_with("---\ntitle: Taschenlaterne\n"), "{de}");
    assert!(de.contains("Eine Laterne für die Tasche"), "{de}");
    assert!(read(&d, "content/projects/abacus/index.de.md").contains("Ein Abakus"));
    assert!(read(&d, "content/projects/kiosk/index.md").contains("title: Quiosco de barrio"));
    assert!(read(&d, "folio.yaml").contains("languages:\n- es\n- de\n"));
    assert!(
        report.contains("5 of 5 write-ups need nothing by hand"),
        "{report}"
    );
    assert_eq!(check(&d), Vec::<String>::new());
    let page = built_page(&d, "lantern");
    assert!(page.contains("Farol de Bolsillo"), "{page}");
    let de = d.path().join("site/public/de/projects/lantern/index.html");
    let de = std::fs::read_to_string(de).unwrap();
    assert!(
        de.contains("Taschenlaterne") && de.contains("Eine Laterne"),
        "{de}"
    );
}
