//! Every kind of bad input gets exit 1 and a message naming the file (and line
//! where it is known); nothing panics, and a failed build changes nothing.

mod common;
use common::*;

/// Builds `site` and expects failure; returns stderr.
fn fails(site: &Site) -> String {
    let r = site.build(&[]);
    assert_eq!(
        r.code, 1,
        "expected exit 1\nstdout: {}\nstderr: {}",
        r.stdout, r.stderr
    );
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    r.stderr
}

#[test]
fn bad_yaml_names_file_line_and_shows_the_line() {
    let site = Site::new();
    site.write(
        "content/profile.yaml",
        "name: Ana\ntitle: Writer\noverview: [unclosed\nskills: []\n",
    );
    let err = fails(&site);
    assert!(err.contains("error: content/profile.yaml:"), "{err}");
    assert!(err.contains(" | "), "the offending line is shown: {err}");
}

/// Issue 28: the mistake is where the list was opened, not where the parser stopped.
#[test]
fn an_unclosed_flow_list_is_reported_where_it_was_opened() {
    let site = Site::new();
    let path = "content/projects/broken.md";
    site.write(
        path,
        "---\ntitle: A\ndate: 2024\nskills: [Rust\nsummary: x\n---\nBody\n",
    );
    let err = fails(&site);
    assert!(
        err.contains(&format!("{path}:4:9: this list is never closed")),
        "{err}"
    );
    assert!(
        err.contains(" 4 | skills: [Rust"),
        "the line is shown: {err}"
    );
    site.write(
        path,
        "---\ntitle: A\ndate: 2024\nskills: [Rust\nsummary: x]\n---\nBody\n",
    );
    let err = fails(&site);
    assert!(
        err.contains(&format!(
            "{path}:5:8: did not find expected ',' or ']' in the list opened at 4:9"
        )),
        "{err}"
    );
    site.write(
        path,
        "---\ntitle: A\ndate: 2024\nlinks: {github: x\nsummary: x\n---\nBody\n",
    );
    let err = fails(&site);
    assert!(
        err.contains(&format!("{path}:4:8: this mapping is never closed")),
        "{err}"
    );
}

#[test]
fn unknown_front_matter_key_suggests_the_nearest() {
    let site = Site::new();
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha\ndate: 2024\nsumary: typo\n---\nBody\n",
    );
    let err = fails(&site);
    assert!(
        err.contains("error: content/projects/alpha.md:4:1: unknown key `sumary`"),
        "{err}"
    );
    assert!(err.contains("did you mean `summary`?"), "{err}");
    assert!(err.contains("4 | sumary: typo"), "{err}");
}

#[test]
fn missing_required_key_is_named() {
    let site = Site::new();
    site.write(
        "content/projects/alpha.md",
        "---\ndate: 2024\nsummary: x\n---\nBody\n",
    );
    let err = fails(&site);
    assert!(err.contains("content/projects/alpha.md"), "{err}");
    assert!(err.contains("missing required key `title`"), "{err}");
}

#[test]
fn unclosed_front_matter_fence() {
    let site = Site::new();
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha\ndate: 2024\nsummary: x\n\nBody\n",
    );
    let err = fails(&site);
    assert!(
        err.contains("error: content/projects/alpha.md:1:1: the front matter is not closed"),
        "{err}"
    );
}

#[test]
fn broken_internal_link_names_file_and_line() {
    let site = Site::new();
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha\ndate: 2024\nsummary: x\n---\n\nIntro.\n\nSee [nothing](nothing.md).\n",
    );
    let err = fails(&site);
    assert!(
        err.contains("error: content/projects/alpha.md:9:5: broken link `nothing.md`"),
        "{err}"
    );
}

#[test]
fn link_to_a_draft_is_an_error() {
    let site = Site::new();
    site.write(
        "content/projects/gamma.md",
        "---\ntitle: G\ndate: 2024\nsummary: x\ndraft: true\n---\n",
    );
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha\ndate: 2024\nsummary: x\n---\n[g](gamma.md)\n",
    );
    let err = fails(&site);
    assert!(
        err.contains("content/projects/alpha.md:6:1") && err.contains("draft"),
        "{err}"
    );
}

#[test]
fn missing_cover_image() {
    let site = Site::new();
    site.remove("content/projects/beta/cover.svg");
    let err = fails(&site);
    assert!(
        err.contains(
            "error: content/projects/beta/index.md:6: cover image: `cover.svg` does not exist"
        ),
        "{err}"
    );
}

#[test]
fn duplicate_slug_names_both_files() {
    let site = Site::new();
    site.write(
        "content/projects/other.md",
        "---\ntitle: Other\ndate: 2024\nsummary: x\nslug: alpha\n---\n",
    );
    let err = fails(&site);
    assert!(err.contains("two projects have the slug `alpha`"), "{err}");
    assert!(
        err.contains("content/projects/alpha.md") && err.contains("content/projects/other.md"),
        "{err}"
    );
}

#[test]
fn impossible_date() {
    let site = Site::new();
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha\ndate: 2023-02-30\nsummary: x\n---\n",
    );
    let err = fails(&site);
    assert!(err.contains("content/projects/alpha.md:3:"), "{err}");
    assert!(err.contains("impossible date"), "{err}");
}

#[test]
fn wrong_type_for_hourly_rate() {
    let site = Site::new();
    site.write(
        "content/profile.yaml",
        "name: Ana\ntitle: Writer\noverview: Hi\nhourly_rate: lots\n",
    );
    let err = fails(&site);
    assert!(err.contains("content/profile.yaml:4:"), "{err}");
    assert!(err.contains("hourly_rate must be a number"), "{err}");
}

#[test]
fn invalid_utf8_is_located() {
    let site = Site::new();
    site.write_bytes(
        "content/projects/alpha.md",
        b"---\ntitle: Caf\xe9\ndate: 2024\nsummary: x\n---\n",
    );
    let err = fails(&site);
    assert!(
        err.contains("error: content/projects/alpha.md:2:11: the file is not valid UTF-8"),
        "{err}"
    );
}

#[test]
fn bom_and_crlf_are_accepted() {
    let site = Site::new();
    site.write_bytes(
        "content/projects/alpha.md",
        b"\xEF\xBB\xBF---\r\ntitle: Alpha\r\ndate: 2024\r\nsummary: x\r\n---\r\n\r\nBody\r\n",
    );
    site.write_bytes("content/profile.yaml", b"\xEF\xBB\xBFname: Ana\r\ntitle: W\r\noverview: Hi\r\nskills: [Rust, Technical Writing, \xe4\xb8\xad\xe6\x96\x87\xe5\x86\x99\xe4\xbd\x9c]\r\n");
    let r = site.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        site.read("public/projects/alpha/index.html")
            .contains("<p>Body</p>")
    );
}

#[test]
fn unknown_skill_suggests_the_declared_one() {
    let site = Site::new();
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha\ndate: 2024\nsummary: x\nskills: [Rsut]\n---\n",
    );
    let err = fails(&site);
    assert!(
        err.contains("content/projects/alpha.md:5:10: unknown skill `Rsut`"),
        "{err}"
    );
    assert!(err.contains("did you mean `Rust`?"), "{err}");
}

#[test]
fn unknown_testimonial_project() {
    let site = Site::new();
    site.write(
        "content/profile.yaml",
        "name: Ana\ntitle: W\noverview: Hi\nskills: [Rust, Technical Writing, 中文写作]\ntestimonials:\n  - quote: Good\n    author: Bo\n    project: alpah\n",
    );
    let err = fails(&site);
    assert!(err.contains("content/profile.yaml:8:"), "{err}");
    assert!(err.contains("did you mean `alpha`?"), "{err}");
}

#[test]
fn several_errors_are_reported_together() {
    let site = Site::new();
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha\ndate: 2024-13\nsummary: x\n---\n",
    );
    site.write("content/pages/about.md", "---\ntitel: About\n---\n");
    let err = fails(&site);
    assert!(err.contains("content/projects/alpha.md:3"), "{err}");
    assert!(
        err.contains("content/pages/about.md:2:1: unknown key `titel`"),
        "{err}"
    );
    assert!(err.contains("2 errors found"), "{err}");
}

#[test]
fn slug_cannot_escape_the_output() {
    let site = Site::new();
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha\ndate: 2024\nsummary: x\nslug: ../../x\n---\n",
    );
    let err = fails(&site);
    assert!(err.contains("content/projects/alpha.md:5"), "{err}");
    assert!(err.contains("slash"), "{err}");
    assert!(err.contains("1 error found"), "no cascade of errors: {err}");
    assert!(!site.p("x").exists() && !site.path().parent().unwrap().join("x").exists());
}

#[test]
fn symlink_loop_in_content_does_not_hang() {
    let site = Site::new();
    std::os::unix::fs::symlink(
        site.p("content/projects/beta"),
        site.p("content/projects/beta/loop"),
    )
    .unwrap();
    std::os::unix::fs::symlink(site.p("content"), site.p("content/pages/up")).unwrap();
    let r = site.build(&[]);
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    assert!(!r.stderr.contains("panicked"));
    assert!(r.stderr.contains("loops back"), "{}", r.stderr);
}

#[test]
fn failed_build_leaves_previous_output_untouched() {
    let site = Site::new();
    assert_eq!(site.build(&[]).code, 0);
    let before = site.read("public/projects/alpha/index.html");
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Changed\ndate: 2024\nsummary: x\n---\n[x](nope.md)\n",
    );
    fails(&site);
    assert_eq!(site.read("public/projects/alpha/index.html"), before);
    // No temporary folders left behind.
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("folio-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn refuses_output_folders_that_hold_the_site() {
    let site = Site::new();
    let dir = site.path().to_str().unwrap().to_string();
    for out in [
        dir.clone(),
        format!("{dir}/content"),
        format!("{dir}/static/x"),
        format!("{dir}/.."),
    ] {
        let r = folio(&["build", &dir, "-o", &out]);
        assert_eq!(r.code, 1, "{out}: {}", r.stdout);
        assert!(r.stderr.contains("refusing to use"), "{}", r.stderr);
    }
    assert!(site.p("content/profile.yaml").is_file());
    let r = folio(&["build", &dir, "-o", &format!("{dir}/public")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn template_errors_name_template_line_and_column() {
    let site = Site::new();
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ content_page.nope }}</p>\n{% endblock main %}\n",
    );
    let err = fails(&site);
    assert!(err.contains("error: templates/page.html:3:"), "{err}");
    assert!(err.contains("3 | <p>{{ content_page.nope }}</p>"), "{err}");
    site.write("templates/page.html", "{% if %}\n");
    let err = fails(&site);
    assert!(err.contains("error: templates/page.html:1:"), "{err}");
}

#[test]
fn missing_config_and_profile() {
    let tmp = tempfile::tempdir().unwrap();
    let r = folio(&["build", tmp.path().to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("no folio.yaml") && r.stderr.contains("folio init"),
        "{}",
        r.stderr
    );
    let site = Site::new();
    site.remove("content/profile.yaml");
    let err = fails(&site);
    assert!(
        err.contains("content/profile.yaml: the site has no profile"),
        "{err}"
    );
}

#[test]
fn unknown_theme_and_bad_config() {
    let site = Site::new();
    site.write("folio.yaml", "title: T\ntheme: fancy\n");
    let err = fails(&site);
    assert!(
        err.contains("folio.yaml: there is no theme `fancy`") && err.contains("default"),
        "{err}"
    );
    site.write("folio.yaml", "title: T\nlanguage: english\n");
    let err = fails(&site);
    assert!(
        err.contains("folio.yaml:2:11: `english` is not a language tag"),
        "{err}"
    );
    site.write("folio.yaml", "title: T\nbase_ur: /x/\n");
    let err = fails(&site);
    assert!(
        err.contains("folio.yaml:2:1: unknown key `base_ur`")
            && err.contains("did you mean `base_url`?"),
        "{err}"
    );
}

#[test]
fn check_reports_errors_with_exit_1() {
    let site = Site::new();
    site.write("content/projects/alpha.md", "no front matter\n");
    let r = folio(&["check", site.path().to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("content/projects/alpha.md:1:1: the file has no front matter"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_file_that_fails_to_load_is_not_also_reported_as_a_broken_link() {
    let site = Site::new();
    // alpha.md links to pages/about.md, which is now broken.
    site.write(
        "content/pages/about.md",
        "---\ntitle: About\ndescripton: typo\n---\n",
    );
    let err = fails(&site);
    assert!(
        err.contains("content/pages/about.md:3:1: unknown key `descripton`"),
        "{err}"
    );
    assert!(err.contains("did you mean `description`?"), "{err}");
    assert!(!err.contains("broken link"), "{err}");
    assert!(err.contains("1 error found"), "{err}");
}

#[test]
fn link_to_a_draft_page_says_so() {
    let site = Site::new();
    site.write(
        "content/pages/about.md",
        "---\ntitle: About\ndraft: true\n---\n",
    );
    let err = fails(&site);
    assert!(
        err.contains(
            "content/projects/alpha.md:11:31: the link `@/pages/about.md` points at a draft"
        ),
        "{err}"
    );
}

#[test]
fn a_cover_without_alt_text_is_a_warning() {
    let site = Site::new();
    site.write(
        "content/projects/beta/index.md",
        "---\ntitle: Beta\ndate: 2023-02\nsummary: The second project.\nskills: [Technical Writing, 中文写作]\ncover: cover.svg\n---\n",
    );
    let r = site.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("warning: content/projects/beta/index.md:6: the cover image has no alt text"),
        "{}",
        r.stderr
    );
}

/// Root-relative links (`/x/y`) must name a file of static/, a page, a file
/// of a project's bundle or a generated page; a broken one is an error with
/// file:line:col, like a broken relative link (issue 20 item 5).
#[test]
fn root_relative_links_are_checked() {
    let site = Site::new();
    site.write("static/files/cv.pdf", "%PDF");
    site.write(
        "content/projects/gamma.md",
        "---\ntitle: Gamma\ndate: 2024-01-01\nsummary: G.\n---\n\n[cv](/files/cv.pdf), [alpha](/projects/alpha/), [skills](/skills/), [home](/), ![c](/projects/beta/chart.svg)\n\nSee [old](/files/old.pdf) and ![x](/zh/posts/x.png).\n",
    );
    let err = fails(&site);
    assert!(
        err.contains("content/projects/gamma.md:9:5: broken link `/files/old.pdf`"),
        "{err}"
    );
    assert!(err.contains("broken link `/zh/posts/x.png`"), "{err}");
    assert!(
        !err.contains("/files/cv.pdf`") && !err.contains("/projects/alpha/`"),
        "{err}"
    );
    site.write(
        "content/projects/gamma.md",
        "---\ntitle: Gamma\ndate: 2024-01-01\nsummary: G.\n---\n\n[cv](/files/cv.pdf), [alpha](/projects/alpha/), [skills](/skills/), [home](/)\n",
    );
    let r = site.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn json_ld_cannot_swallow_the_page() {
    let site = Site::new();
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: \"<!--<script>x & </script>\"\ndate: 2024-05-01\nsummary: s\nskills: [Rust]\n---\nBody\n",
    );
    let r = site.build(&["-o", site.p("out").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let html = site.read("out/projects/alpha/index.html");
    let start = html.find("application/ld+json\">").expect("JSON-LD") + 21;
    let json = &html[start..start + html[start..].find("</script>").unwrap()];
    assert!(
        !json.contains('<') && !json.contains('>') && !json.contains('&'),
        "{json}"
    );
    assert!(
        json.contains("\\u003c!--\\u003cscript\\u003ex \\u0026 \\u003c/script\\u003e"),
        "{json}"
    );
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    assert!(v.to_string().contains("<!--<script>x & </script>"), "{v}");
}

#[test]
fn unknown_skill_points_at_the_skill_not_a_title_containing_it() {
    let site = Site::new();
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Go service\ndate: 2024\nsummary: x\nskills: [Rust, Go]\n---\n",
    );
    let err = fails(&site);
    assert!(
        err.contains("content/projects/alpha.md:5:16: unknown skill `Go`"),
        "{err}"
    );
}

#[test]
fn profile_problems_point_at_their_values() {
    let site = Site::new();
    site.write(
        "content/profile.yaml",
        "name: Ana\ntitle: Writer at Acme\noverview: Hi\nskills: [Rust, Technical Writing, 中文写作, rust]\nexperience:\n  - company: Acme\n    title: Writer\n    start: 2024-01\n    end: 2023-01\ntestimonials:\n  - quote: Good\n    author: Bo\n    project: alpah\n    rating: 9\n",
    );
    let err = fails(&site);
    assert!(
        err.contains("content/profile.yaml:4:41: the skill `rust` is listed twice"),
        "{err}"
    );
    assert!(
        err.contains("content/profile.yaml:9:10: experience at Acme"),
        "{err}"
    );
    assert!(
        err.contains("content/profile.yaml:13:14: the testimonial by Bo"),
        "{err}"
    );
    assert!(
        err.contains("content/profile.yaml:14:13: the rating 9"),
        "{err}"
    );
}

#[test]
fn a_front_matter_error_does_not_hide_the_broken_links_of_its_body() {
    let site = Site::new();
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha\ndate: 2024\nsummary: x\ndescription: x\n---\n\nSee [gone](gone.md).\n",
    );
    let err = fails(&site);
    assert!(
        err.contains("alpha.md:5:1: unknown key `description`"),
        "{err}"
    );
    assert!(err.contains("alpha.md:8:5: broken link `gone.md`"), "{err}");
}

#[test]
fn a_profile_syntax_error_does_not_hide_the_write_ups_problems() {
    let site = Site::new();
    site.write(
        "content/profile.yaml",
        "name: Ana\ntitle: \"Writer\noverview: Hi\n",
    );
    site.write(
        "content/projects/gamma.md",
        "---\ntitle: Gamma\ndate: 2024\nsummary: x\nskills: [Rust]\n---\n\n[x](nowhere.md)\n",
    );
    site.write(
        "content/pages/about.md",
        "---\ntitle: About\n---\n\n![img](missing.png)\n",
    );
    let err = fails(&site);
    assert!(
        err.contains("profile.yaml:2:8: this quote is never closed"),
        "{err}"
    );
    assert!(
        err.contains("gamma.md:8:1: broken link `nowhere.md`"),
        "{err}"
    );
    assert!(err.contains("about.md:5:1:"), "{err}");
    assert!(
        !err.contains("unknown skill"),
        "no skill is unknown without a profile: {err}"
    );
}

#[test]
fn a_relative_base_url_is_one_warning_at_its_line() {
    let site = Site::new();
    site.write("folio.yaml", "title: Test Site\nbase_url: /\n");
    let r = folio(&["check", site.path().to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let warnings: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.contains("not full URLs") || l.contains("not a full URL"))
        .collect();
    assert_eq!(warnings.len(), 1, "{}", r.stderr);
    assert!(warnings[0].contains("folio.yaml:2:1:"), "{}", r.stderr);
}
