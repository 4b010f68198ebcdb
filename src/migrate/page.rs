//! One write-up of the old site → a folio bundle: `index.md` with folio front
//! matter and converted text, and the files it needs.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use serde_yaml::{Mapping, Value as Y};

use super::body;
use super::convert::Convert;
use super::fields::Fields;
use super::frontmatter;
use super::includes;
use super::kramdown;
use super::plain;
use super::refs::{self, Copy, Ref, Refs, SiteMap};
use super::sources::Source;
use super::write::{Planned, What};
use super::{FileReport, Hand};
use crate::content;
use crate::diagnostics::Error;

fn y(s: &str) -> Y {
    Y::String(s.to_string())
}

/// Converts `s`; its report (source path filled in by the caller) and files.
pub fn convert(s: &Source, map: &SiteMap) -> crate::Result<(FileReport, Vec<Planned>)> {
    let mut report = FileReport::default();
    let mut front = match source_front(s, &mut report)? {
        Some(f) => f,
        None => return Ok((report, Vec::new())),
    };
    if let Some(part) = &s.part {
        front = super::listpage::front(&front, part);
        report.mapped.push(format!(
            "a heading of the section page (line {}) → a write-up",
            part.first_line - 1
        ));
    }
    let data = front_from_data_file(&mut front, s);
    let mut fields = Fields::map(&front, &map.taxonomies, map.jekyll);
    fields.mapped.splice(0..0, data);
    jekyll_draft(&mut fields, s, map);
    let mut refs = Refs::new(map, &s.path, s.bundle.as_deref());
    let cover_line = cover_line(&front);
    let cover = cover(&mut fields, &mut refs, s, cover_line);
    let page_vars = map.jekyll.then(|| includes::page_vars(&refs, &front.map));
    let mut cx = Convert::new(&mut refs);
    cx.eleventy = map.eleventy.clone();
    cx.front = front.map.clone();
    let mdx = s.mdx || body::has_component_script(&front.body);
    let own = super::sample::own_text(&mut cx, &front);
    let vars = page_vars.as_ref().unwrap_or(&front.map);
    let text = includes::convert(&mut cx, vars, own, front.body_first_line);
    cx.page = page_vars;
    let text = body::convert(&mut cx, &text, front.body_first_line, mdx);
    let (text, kramdown_notes) = kramdown::commonmark(&text);
    let (hands, done) = (cx.hands, cx.done);
    report.no_alt = cx.no_alt;
    report.math = unwrap_math(&mut fields) | cx.math;
    report.hands.append(&mut fields.hands);
    report.hands.extend(cover.1);
    report.hands.extend(hands);
    report.converted = done.iter().map(|(k, n)| format!("{k} ×{n}")).collect();
    report.converted.extend(kramdown_notes);
    let text = text + &front_videos(&mut fields);
    fill_required(&mut fields, &mut report, (s, map), &text);
    report
        .mapped
        .extend(mapped_notes(s, mdx, &refs.renamed, &fields.mapped));
    report.extra = fields.extra.keys().cloned().collect();
    if let Some(r) = &s.record {
        // A problem of an item is on its line, not the data file's first.
        for h in report.hands.iter_mut().filter(|h| h.line == 1) {
            h.line = r.line;
        }
    }
    report.hands.sort_by_key(|h| h.line);
    let dest = PathBuf::from(format!("content/projects/{}", s.slug));
    let mut planned = vec![Planned {
        rel: dest.join("index.md"),
        what: What::Text(format!(
            "---\n{}---\n{}",
            yaml(&fields, cover.0.as_deref()),
            text.trim_start_matches('\n')
        )),
    }];
    planned.extend(files(s, &refs.copies, &dest));
    report.files = planned.len() - 1;
    report.dest = Some(dest.join("index.md"));
    Ok((report, planned))
}

/// The front matter and text of `s`: of its item of a data list, else of its
/// file; `None` (with the hand in `report`) when the file's cannot be read.
fn source_front(s: &Source, report: &mut FileReport) -> crate::Result<Option<frontmatter::Front>> {
    if let Some(r) = s.record.as_ref().filter(|r| r.text.is_none()) {
        let (front, notes) = super::dataitem::front(r);
        report.mapped.extend(notes);
        return Ok(Some(front));
    }
    // A record with its text in a Markdown file (`s.path`): both.
    let bytes = std::fs::read(&s.path).map_err(|e| Error::io("cannot read", &s.path, e))?;
    let text = String::from_utf8_lossy(&bytes);
    match frontmatter::parse(&text) {
        Ok(f) => Ok(Some(match &s.record {
            Some(r) => super::dataitem::with_text(r, f, &mut report.mapped),
            None => f,
        })),
        Err(e) => {
            report.hands.push(Hand {
                line: 1,
                message: format!("not imported: {}", e.message()),
            });
            Ok(None)
        }
    }
}

/// Math markup in the title, summary and extra fields, unwrapped to its text
/// (a field shows plain text); whether there was any.
fn unwrap_math(fields: &mut Fields) -> bool {
    let mut math = false;
    for text in [&mut fields.title, &mut fields.summary]
        .into_iter()
        .flatten()
    {
        if let Some(plain) = plain::unwrap_math(text) {
            *text = plain;
            math = true;
        }
    }
    for v in fields.extra.values_mut() {
        math |= plain::unwrap_math_in(v);
    }
    math
}

/// The report's "mapped" lines of a write-up beyond its data file's.
fn mapped_notes(s: &Source, mdx: bool, renamed: &[String], fields: &[String]) -> Vec<String> {
    let mut notes = Vec::new();
    if s.mdx {
        notes.push("MDX → Markdown".into());
    } else if mdx {
        notes.push("mdsvex (Svelte components) → Markdown".into());
    }
    notes.extend(renamed.iter().cloned());
    if let Some(taken) = &s.collided {
        notes.push(format!(
            "slug `{}`: `{taken}` is another write-up's",
            s.slug
        ));
    }
    notes.extend(fields.iter().cloned());
    notes
}

/// A write-up without front matter takes the record of a data file that names
/// it (see [`super::datafile`]); the note for the report.
fn front_from_data_file(front: &mut frontmatter::Front, s: &Source) -> Option<String> {
    if !front.map.is_empty() {
        return None;
    }
    let (file, record) = super::datafile::record_for(&s.path)?;
    front.map = record;
    let name = file.file_name()?.to_string_lossy().into_owned();
    Some(format!("front matter ← the record naming it in {name}"))
}

fn cover_line(front: &frontmatter::Front) -> usize {
    [
        "cover",
        "image",
        "img",
        "thumbnail",
        "heroImage",
        "featured_image",
        "images",
        "screenshots",
    ]
    .iter()
    .find_map(|k| front.key_line(k))
    .unwrap_or(1)
}

/// The cover as a bundle file name; hands when it cannot be one. A cover
/// whose bytes cannot be read as an image (a damaged PNG) is left out and
/// named: folio resizes covers, and the build would stop on it.
fn cover(f: &mut Fields, refs: &mut Refs, s: &Source, line: usize) -> (Option<String>, Vec<Hand>) {
    let (name, mut hands) = cover_named(f, refs, s, line);
    let Some(name) = name else {
        return (None, hands);
    };
    match refs
        .source_of(&name)
        .and_then(|p| crate::images::damaged(&p))
    {
        Some(why) => {
            hands.push(Hand {
                line,
                message: format!(
                    "the cover `{name}` is left out: {why}; put a working copy of the image in the write-up's folder and set `cover:` to it"
                ),
            });
            unmap_cover(f);
            (None, hands)
        }
        None => (Some(name), hands),
    }
}

fn cover_named(
    f: &mut Fields,
    refs: &mut Refs,
    s: &Source,
    line: usize,
) -> (Option<String>, Vec<Hand>) {
    let mut hands = Vec::new();
    let Some(raw) = f.cover.clone() else {
        return (conventional_cover(s, f), hands);
    };
    match refs.cover(&raw) {
        Ref::Rewrite(name) => return (Some(name), hands),
        // On the site's image host, or a URL it gave: shown from there, as before.
        Ref::Broken(_) if let Some(url) = super::imagehost::url(refs, &raw) => {
            f.mapped.push(format!("cover `{raw}` → {url} (the site's image host: shown from there, as before)"));
            return (Some(url), hands);
        }
        Ref::Keep if raw.starts_with("https://") => {
            f.mapped.push("cover: a URL, shown from its host as before (a copy in the bundle would get resized copies and a share card)".into());
            return (Some(raw), hands);
        }
        Ref::Keep | Ref::Old(_) => hands.push(Hand {
            line,
            message: format!("the cover `{raw}` is a URL (kept under extra.cover): download it into the bundle and set `cover:`"),
        }),
        Ref::Broken(why) => hands.push(Hand { line, message: format!("cover image: {why} (kept under extra.cover)") }),
    }
    // Kept under extra, so not reported as mapped too.
    unmap_cover(f);
    f.extra
        .insert("cover".into(), serde_json::Value::String(raw));
    (None, hands)
}

/// The cover is not taken: the report must not list it among the fields mapped.
fn unmap_cover(f: &mut Fields) {
    f.mapped.retain(|m| m != "cover" && !m.ends_with("→ cover"));
}

/// A bundle's `featured.*` or `cover.*` image (Hugo themes' convention).
fn conventional_cover(s: &Source, f: &mut Fields) -> Option<String> {
    let bundle = s.bundle.as_ref()?;
    let mut names: Vec<String> = std::fs::read_dir(bundle)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| refs::is_image(p))
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
        .filter(|n| {
            ["featured.", "cover.", "thumbnail."]
                .iter()
                .any(|c| n.to_ascii_lowercase().starts_with(c))
        })
        .collect();
    names.sort();
    let name = names.into_iter().next()?;
    f.mapped.push(format!("{name} (bundle file) → cover"));
    Some(name)
}

/// Title, date and summary, which folio needs: made up where possible, reported.
fn fill_required(
    f: &mut Fields,
    report: &mut FileReport,
    (s, map): (&Source, &SiteMap),
    body: &str,
) {
    if f.title.is_none()
        && let Some(title) = jekyll_title(s, map)
    {
        f.title = Some(title);
        f.mapped
            .push("file name → title (as Jekyll showed it: the write-up has no `title:`)".into());
    }
    if f.title.is_none() {
        let title = s.slug.replace('-', " ");
        report.hands.push(Hand {
            line: 1,
            message: format!("no title: `{title}` was made from the file name"),
        });
        f.title = Some(title);
    }
    if f.date.is_none() {
        match &s.file_date {
            Some(d) => {
                f.date = Some(d.clone());
                f.mapped.push("file name → date".into());
            }
            None => f
                .mapped
                .push("no date: listed after the dated projects (add `date:` to place it)".into()),
        }
    }
    if f.summary.is_none() {
        link_demo(f, (s, map), body);
        fill_summary(f, report, body);
    }
}

/// The title Jekyll made for a document of a collection (`_posts/`,
/// `_drafts/`, `_projects/`) from its file name; `None` for other sources.
fn jekyll_title(s: &Source, map: &SiteMap) -> Option<String> {
    if s.record.is_some() || s.part.is_some() || s.bundle.is_some() {
        return None;
    }
    let rel = s.path.strip_prefix(&map.root).ok()?;
    let in_collection = rel
        .parent()?
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('_'));
    if in_collection {
        super::permalink::jekyll_title(&s.path)
    } else {
        None
    }
}

/// A post of Jekyll's `_drafts/` (or a folder in it) stays a draft: Jekyll published it only with `--drafts`.
fn jekyll_draft(f: &mut Fields, s: &Source, map: &SiteMap) {
    let in_drafts = s.record.is_none()
        && s.path
            .strip_prefix(&map.root)
            .ok()
            .and_then(Path::parent)
            .is_some_and(|dir| dir.components().any(|c| c.as_os_str() == "_drafts"));
    if in_drafts && !f.draft {
        f.draft = true;
        f.mapped
            .push("_drafts/ → draft: true (Jekyll published it only with --drafts)".into());
    }
}

/// A summary from the body as folio derives one (`<!--more-->`, else the first
/// paragraph with words). A write-up with no words has none, as on the old site:
/// noted, not asked for, unless its page was a layout of its own.
fn fill_summary(f: &mut Fields, report: &mut FileReport, body: &str) {
    if let Some(p) = first_paragraph(body) {
        f.summary = Some(p);
        f.mapped.push("first paragraph → summary (check it)".into());
        return;
    }
    let demo = f.links.iter().any(|(k, _)| k == "Demo");
    let layout = f
        .extra
        .get("layout")
        .and_then(|v| v.as_str())
        .filter(|_| !demo);
    match layout {
        Some(name) if content::summary::plain(body).is_empty() => report.hands.push(Hand {
            line: 1,
            message: format!(
                "the write-up is empty: the old page was its layout `{name}`, which is not imported; write its text below the front matter"
            ),
        }),
        _ if content::summary::plain(body).is_empty() => f
            .mapped
            .push("no summary: the old write-up has no text (add `summary:` for cards)".into()),
        _ => report.hands.push(Hand {
            line: 1,
            message: "no summary: add `summary:` (one or two sentences)".into(),
        }),
    }
}

/// A write-up with no text whose old page was an interactive layout of its
/// own links to that page, where the demo still runs (see [`super::demo`]).
fn link_demo(f: &mut Fields, (s, map): (&Source, &SiteMap), body: &str) {
    let Some(name) = f.extra.get("layout").and_then(|v| v.as_str()) else {
        return;
    };
    if !content::summary::plain(body).is_empty() {
        return;
    }
    let Some(url) = super::demo::link(map, &s.path, s.bundle.as_deref(), name) else {
        return;
    };
    f.mapped.push(format!(
        "layout `{name}` (a demo that runs in the browser) → links.Demo, its page on the old site"
    ));
    f.links.push(("Demo".into(), url));
}

/// Front-matter keys whose YouTube or Vimeo addresses a theme showed as
/// players on the page (a video-maker's `videos:` list).
const VIDEO_KEYS: &[&str] = &["videos", "video", "youtube", "vimeo"];

/// The players of the write-up's front-matter videos, to end its text with;
/// each key all of whose values are YouTube or Vimeo addresses leaves
/// `extra` (one that isn't stays there, as before).
fn front_videos(f: &mut Fields) -> String {
    let mut out = String::new();
    for key in VIDEO_KEYS {
        let Some(value) = f.extra.get(*key) else {
            continue;
        };
        let urls: Vec<Option<&str>> = match value {
            serde_json::Value::String(u) => vec![Some(u.as_str())],
            serde_json::Value::Array(items) => items.iter().map(|v| v.as_str()).collect(),
            _ => continue,
        };
        let calls: Vec<String> = urls
            .iter()
            .filter_map(|u| super::shortcodes::video((*u)?))
            .collect();
        if calls.is_empty() || calls.len() != urls.len() {
            continue;
        }
        for call in &calls {
            out.push('\n');
            out.push_str(call);
            out.push('\n');
        }
        f.extra.remove(*key);
        f.mapped.push(format!(
            "{key} ({} YouTube/Vimeo) → players at the end of the text",
            calls.len()
        ));
    }
    out
}

/// The summary folio would derive from the body, as plain text, shortened.
fn first_paragraph(body: &str) -> Option<String> {
    let md = content::summary::derive(body).or_else(|| html_paragraph(body))?;
    // As written: no typographic quotes put into the user's words.
    let plain = crate::plaintext::to_plain(md);
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    // A sentence ends at a full stop followed by a space or the end, so a
    // number (`17.5%`) or a name (`Node.js`) does not end it.
    let ends = |i: usize, c: char| {
        c == '。'
            || (matches!(c, '.' | '!' | '?')
                && plain[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace))
    };
    let cut = plain
        .char_indices()
        .find(|&(i, c)| i > 40 && ends(i, c))
        .map_or(plain.len(), |(i, c)| i + c.len_utf8());
    let short: String = plain[..cut].chars().take(240).collect();
    (!short.is_empty()).then_some(short)
}

/// The text of the body's first HTML paragraph with words (`<p>We made…</p>`,
/// a body written in HTML), when it has no Markdown one.
fn html_paragraph(body: &str) -> Option<&str> {
    static P: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?is)<p(?:\s[^>]*)?>(.*?)</p\s*>").expect("valid regex"));
    P.captures_iter(body)
        .filter_map(|c| c.get(1))
        .map(|m| m.as_str().trim())
        .find(|t| !content::summary::plain(t).is_empty())
}

/// Front matter in folio's order.
fn yaml(f: &Fields, cover: Option<&str>) -> String {
    let mut m = Mapping::new();
    let mut put = |k: &str, v: Option<&str>| {
        if let Some(v) = v {
            m.insert(y(k), y(v));
        }
    };
    put("title", f.title.as_deref());
    put("date", f.date.as_deref());
    put("summary", f.summary.as_deref());
    put("role", f.role.as_deref());
    put("client", f.client.as_deref());
    put("cover", cover);
    put("cover_alt", cover.and(f.cover_alt.as_deref()));
    put("slug", f.slug.as_deref());
    if !f.tags.is_empty() {
        m.insert(
            y("tags"),
            Y::Sequence(f.tags.iter().map(|t| y(t)).collect()),
        );
    }
    if !f.links.is_empty() {
        m.insert(
            y("links"),
            Y::Mapping(f.links.iter().map(|(k, v)| (y(k), y(v))).collect()),
        );
    }
    for (k, on) in [("featured", f.featured), ("draft", f.draft)] {
        if on {
            m.insert(y(k), Y::Bool(true));
        }
    }
    if let Some(w) = f.weight {
        m.insert(y("weight"), Y::Number(w.into()));
    }
    if !f.extra.is_empty() {
        let extra = serde_yaml::to_value(&f.extra).unwrap_or(Y::Null);
        m.insert(y("extra"), extra);
    }
    serde_yaml::to_string(&Y::Mapping(m)).unwrap_or_default()
}

/// The files of the source bundle and the files the write-up points at.
fn files(s: &Source, copies: &[Copy], dest: &Path) -> Vec<Planned> {
    let mut out = Vec::new();
    if let Some(bundle) = &s.bundle {
        for e in walkdir::WalkDir::new(bundle)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            let p = e.path();
            let md = p
                .extension()
                .is_some_and(|x| ["md", "markdown", "mdx"].contains(&x.to_string_lossy().as_ref()));
            if e.file_type().is_file()
                && !md
                && let Ok(inner) = p.strip_prefix(bundle)
            {
                out.push(Planned {
                    rel: dest.join(inner),
                    what: What::Copy(p.to_path_buf()),
                });
            }
        }
    }
    for c in copies {
        out.push(match c {
            Copy::Bundle { src, name } => Planned {
                rel: dest.join(name),
                what: What::Copy(src.clone()),
            },
            Copy::Static { src, rel } => Planned {
                rel: Path::new("static").join(rel),
                what: What::Copy(src.clone()),
            },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Fields, first_paragraph, front_videos};

    #[test]
    fn front_matter_videos_become_players_and_leave_extra() {
        let mut f = Fields::default();
        f.extra.insert(
            "videos".into(),
            serde_json::json!([
                "https://youtube.com/shorts/AbC123xyz?feature=share",
                "https://vimeo.com/76979871"
            ]),
        );
        f.extra
            .insert("video".into(), serde_json::json!(["/videos/local.mp4"]));
        let text = front_videos(&mut f);
        assert_eq!(
            text,
            "\n{{ youtube(id=\"AbC123xyz\") }}\n\n{{ vimeo(id=\"76979871\") }}\n"
        );
        assert!(!f.extra.contains_key("videos"));
        // Not a player folio knows: kept under extra, as before.
        assert!(f.extra.contains_key("video"));
        assert_eq!(f.mapped.len(), 1, "{:?}", f.mapped);
    }

    #[test]
    fn the_summary_is_the_first_sentence_whole() {
        let body =
            "Salmon is one of the largest exports here, at 17.5% of the trade. Rivers are full.\n";
        assert_eq!(
            first_paragraph(body).as_deref(),
            Some("Salmon is one of the largest exports here, at 17.5% of the trade.")
        );
        let body = "A command-line tool written with Node.js and Rust! More later.\n";
        assert_eq!(
            first_paragraph(body).as_deref(),
            Some("A command-line tool written with Node.js and Rust!")
        );
    }

    #[test]
    fn a_body_written_in_html_gives_its_first_paragraph() {
        let body = "<div class=\"hero\"><p> </p></div>\n<p>We made the shop <b>work on phones</b> and tablets for its buyers. It sold more.</p>\n<p>Later.</p>\n";
        assert_eq!(
            first_paragraph(body).as_deref(),
            Some("We made the shop work on phones and tablets for its buyers.")
        );
        assert_eq!(first_paragraph("<div>no paragraph</div>\n"), None);
    }
}
