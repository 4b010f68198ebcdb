//! `serve` rebuilds incrementally (reusing what did not change); after every
//! kind of edit its output must be byte-identical to a fresh build of the same
//! files. Each step edits the example site, rebuilds both ways and compares.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use folio::build::{BuildOptions, Incremental, render_site, render_site_cached};
use folio::render::{Contents, OutputFile};

/// Path → a comparable form of the contents.
fn files(v: Vec<OutputFile>) -> BTreeMap<String, String> {
    v.into_iter()
        .map(|f| {
            let c = match f.contents {
                Contents::Bytes(b) => String::from_utf8_lossy(&b).into_owned(),
                Contents::Copy(p) => format!("copy {}", p.display()),
                Contents::Image { src, width, webp } => {
                    format!("image {} {width:?} {webp}", src.display())
                }
                Contents::Card(card) => format!("card {:?}", card.spec),
            };
            (f.path, c)
        })
        .collect()
}

struct Session {
    root: PathBuf,
    opts: BuildOptions,
    cache: Incremental,
    /// What `serve` would serve: the last full render with later partial ones applied.
    served: BTreeMap<String, String>,
    /// The last rebuild handed over only the changed files (the fast path).
    partial: bool,
}

impl Session {
    fn new(root: &Path) -> Session {
        let opts = BuildOptions {
            root: root.to_path_buf(),
            base_url: Some("http://127.0.0.1:1111/portfolio/".into()),
            ..BuildOptions::default()
        };
        let mut s = Session {
            root: root.to_path_buf(),
            opts,
            cache: Incremental::new(),
            served: BTreeMap::new(),
            partial: false,
        };
        s.check("first build", &[]);
        s
    }

    /// Rebuilds after `changed` (site-relative paths, as the watcher reports
    /// them) and compares with a fresh build. Returns pages rendered anew.
    fn check(&mut self, step: &str, changed: &[&str]) -> usize {
        let abs = std::fs::canonicalize(&self.root).unwrap();
        let changed: Vec<PathBuf> = changed.iter().map(|c| abs.join(c)).collect();
        self.cache.changed(&self.root, &changed);
        let incremental = render_site_cached(&self.opts, &mut self.cache);
        let fresh = render_site(&self.opts);
        match (incremental, fresh) {
            (Ok(a), Ok(b)) => {
                self.partial = a.partial;
                if !a.partial {
                    self.served.clear();
                }
                self.served.extend(files(a.files));
                let (a, b) = (&self.served, files(b.files));
                assert_eq!(
                    a.keys().collect::<Vec<_>>(),
                    b.keys().collect::<Vec<_>>(),
                    "{step}: other files"
                );
                for (path, text) in &b {
                    assert!(
                        a[path] == *text,
                        "{step}: {path} differs from a fresh build"
                    );
                }
            }
            (Err(a), Err(b)) => {
                let text = |e: folio::Error| e.render(false);
                assert_eq!(text(a), text(b), "{step}: other errors");
            }
            (a, b) => panic!(
                "{step}: incremental ok = {}, fresh ok = {}",
                a.is_ok(),
                b.is_ok()
            ),
        }
        self.cache.render.last_rendered
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root.join(rel)).unwrap()
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} has no {from:?}");
        self.write(rel, &text.replacen(from, to, 1));
    }
}

fn example() -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("example-site");
    common::copy::copy_tree(&root, dir.path(), &["public", "screenshots"]);
    one_language(dir.path());
    let s = Session::new(dir.path());
    (dir, s)
}

/// Makes the copy of example-site in `root` English only: drops `languages:`
/// from folio.yaml and the Chinese translations (`*.zh.md`, `*.zh.yaml`). The
/// incremental build (what `folio serve` runs) renders the default language
/// only, for now, so it is compared with a fresh build of one language.
fn one_language(root: &Path) {
    let config = root.join("folio.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    let mut in_languages = false;
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| {
            if l.starts_with("languages:") {
                in_languages = true;
            } else if !l.starts_with(' ') {
                in_languages = false;
            }
            !in_languages
        })
        .collect();
    assert!(
        kept.len() < text.lines().count(),
        "example-site has `languages:`"
    );
    std::fs::write(config, kept.join("\n") + "\n").unwrap();
    for e in walkdir::WalkDir::new(root.join("content")) {
        let path = e.unwrap().into_path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".zh.md") || name.ends_with(".zh.yaml") {
            std::fs::remove_file(path).unwrap();
        }
    }
}

const P: &str = "content/projects/ferris-bench.md";

#[test]
fn a_body_edit_renders_one_page_and_matches_a_fresh_build() {
    let (_d, mut s) = example();
    let text = s.read(P);
    s.write(P, &format!("{text}\nOne more paragraph.\n"));
    assert_eq!(s.check("body edit", &[P]), 1);
    assert!(s.partial, "a body edit takes the fast path");
    s.write(P, &format!("{text}\nAnother paragraph, longer.\n"));
    assert_eq!(s.check("second body edit", &[P]), 1);
    assert!(s.partial);
    // The watcher did not report it: a full load finds it by its stamp.
    s.write(P, &format!("{text}\nUnreported, and longer still.\n"));
    s.check("unreported body edit", &["content/profile.yaml"]);
    assert!(!s.partial);
}

#[test]
fn edits_to_two_projects_with_a_failure_between_are_all_shown() {
    let (_d, mut s) = example();
    let q = "content/projects/docs-pipeline.md";
    let (p_text, q_text) = (s.read(P), s.read(q));
    s.write(P, &format!("{p_text}\n[broken](nowhere.md)\n"));
    s.check("broken link in one", &[P]);
    s.write(
        q,
        &format!("{q_text}\nEdited while the other was broken.\n"),
    );
    s.check("other edited, first still broken", &[q]);
    s.write(P, &format!("{p_text}\nFixed.\n"));
    assert_eq!(s.check("first fixed", &[P]), 2);
    assert!(s.partial);
}

#[test]
fn card_edits_rerender_the_lists_that_show_them() {
    let (_d, mut s) = example();
    s.edit(P, "title: ", "title: Renamed ");
    let n = s.check("title edit", &[P]);
    assert!(n > 1, "the lists showing the card render again ({n})");
    assert!(!s.partial);
    s.edit(P, "date: ", "date: 2010-01-01\n# was ");
    s.check("date edit (reorders)", &[P]);
    s.edit(P, "skills: [", "skills: [Rust, ");
    s.check("skill added", &[P]);
}

#[test]
fn links_between_projects_follow_slug_and_draft_changes() {
    let (_d, mut s) = example();
    s.write(
        "content/projects/linker.md",
        "---\ntitle: Linker\ndate: 2020-01-01\nsummary: Links.\n---\n\nSee [the bench](ferris-bench.md).\n",
    );
    s.check("new project", &["content/projects/linker.md"]);
    // The linked project moves: the linking page must follow.
    s.edit(P, "title: ", "slug: bench-moved\ntitle: ");
    s.check("slug change", &[P]);
    // It becomes a draft: the link is now an error, in both builds.
    s.edit(P, "title: ", "draft: true\ntitle: ");
    s.check("draft", &[P]);
    std::fs::remove_file(s.root.join("content/projects/linker.md")).unwrap();
    s.check("linking project removed", &["content/projects/linker.md"]);
}

#[test]
fn site_wide_edits_match_a_fresh_build() {
    let (_d, mut s) = example();
    s.edit("content/profile.yaml", "name: ", "name: Dr ");
    s.check("profile name", &["content/profile.yaml"]);
    s.edit("folio.yaml", "title: ", "title: New ");
    s.check("config", &["folio.yaml"]);
    let pages: Vec<_> = std::fs::read_dir(s.root.join("content/pages"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let page = pages[0].strip_prefix(&s.root).unwrap().to_str().unwrap();
    s.edit(page, "title: ", "title: New ");
    s.check("page title", &[page]);
    s.write(
        "templates/project.html",
        "{{ project.title }} {{ projects | length }}",
    );
    s.check("template override", &["templates/project.html"]);
    std::fs::remove_file(s.root.join("templates/project.html")).unwrap();
    s.check("override removed", &["templates/project.html"]);
}

#[test]
fn a_broken_edit_fails_like_a_fresh_build_and_recovers() {
    let (_d, mut s) = example();
    let text = s.read(P);
    s.write(P, &text.replacen("title: ", "title: [unclosed\n# ", 1));
    s.check("bad front matter", &[P]);
    s.write(P, &format!("{text}\n[broken](nowhere.md)\n"));
    s.check("broken link", &[P]);
    s.write(P, &text);
    s.check("fixed", &[P]);
}

#[test]
fn bundle_files_and_shared_images_are_picked_up() {
    let (_d, mut s) = example();
    let bundle = std::fs::read_dir(s.root.join("content/projects"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.join("index.md").is_file())
        .expect("the example site has a bundle");
    let name = bundle.file_name().unwrap().to_str().unwrap().to_string();
    let file = format!("content/projects/{name}/notes.txt");
    s.write(&file, "notes");
    s.check("file added to a bundle", &[&file]);
    let index = format!("content/projects/{name}/index.md");
    s.edit(&index, "title: ", "title: Bundle ");
    s.check("bundle index edited", &[&index]);
}

/// Tags added, renamed and removed in a project: the tag pages follow, as in
/// a fresh build (issue 20 item 3).
#[test]
fn tag_edits_rebuild_the_tag_pages() {
    let (_d, mut s) = example();
    s.edit(P, "title: ", "tags: [benchmarks, rust]\ntitle: ");
    s.check("tags added", &[P]);
    s.edit(P, "tags: [benchmarks, rust]", "tags: [perf, rust]");
    s.check("tag renamed", &[P]);
    assert!(!s.partial, "a tag change reloads the site");
    s.edit(P, "tags: [perf, rust]\n", "");
    s.check("tags removed", &[P]);
}

/// A site's own shortcode templates, a bundle image a gallery lists, and the
/// math switch: each change gives what a fresh build gives.
#[test]
fn shortcode_templates_gallery_images_and_math_follow_edits() {
    let (_d, mut s) = example();
    let index = "content/projects/docs-site-relaunch/index.md";
    let text = s.read(index);
    s.write(
        index,
        &format!(
            "{text}\n{{% note() %}}Shipped.{{% end %}}\n\n{{{{ gallery() }}}}\n\nFrom $5 to $8.\n"
        ),
    );
    let note = "templates/shortcodes/note.html";
    s.write(note, "<aside>{{ body }}</aside>");
    s.check("own shortcode added", &[index, note]);
    s.write(note, "<aside class=\"n\">{{ body }}</aside>");
    s.check("own shortcode edited", &[note]);
    let html = s.served["projects/docs-site-relaunch/index.html"].clone();
    assert!(
        html.contains("<aside class=\"n\">Shipped.</aside>"),
        "{html}"
    );
    let shot = "content/projects/docs-site-relaunch/zz-new.png";
    std::fs::copy(
        s.root
            .join("content/projects/docs-site-relaunch/screen-home.png"),
        s.root.join(shot),
    )
    .unwrap();
    s.check("image added to the gallery's bundle", &[shot]);
    assert!(s.served["projects/docs-site-relaunch/index.html"].contains("zz-new.png"));
    let config = s.read("folio.yaml");
    s.write(
        "folio.yaml",
        &format!("{config}markdown: {{ math: true }}\n"),
    );
    s.check("math turned on", &["folio.yaml"]);
}
