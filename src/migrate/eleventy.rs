//! Eleventy's shortcodes as folio's: eleventy-img's `{% image "src", "alt" %}`
//! (or `{% image file='src', caption="…" %}`) becomes a `figure`; a gallery
//! (`{% gallery … %}` holding `{% image %}` or `{% galleryImage %}` tags,
//! then `{% endgallery %}`) becomes `{{ gallery(images=[…]) }}` of its images,
//! copied into the bundle; a paired shortcode the site defines in its
//! `.eleventy.js` keeps what it held, its first string argument a bold line
//! above it; on an Eleventy site any other tag is left out and named.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::args::Args;
use super::convert::Convert;
use super::shortcodes;

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{%-?\s*(image|galleryImage|gallery|endgallery)\b(.*?)-?%\}").expect("valid regex")
});
/// markdown-it-block-embed's line `@[youtube](id)`, `@[vimeo](id)` or a
/// site's own service for its files (`@[local]({{ page.url }}clip.mp4)`).
static EMBED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*@\[([\w-]+)\]\(\s*(\S(?:[^()]*\S)?)\s*\)\s*$").expect("valid regex")
});
/// Any Nunjucks or Liquid tag: its name and what follows it.
static ANY_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{%-?\s*([\w-]+)\b(.*?)-?%\}").expect("valid regex"));
/// A tag with the spaces either side of it, to leave one where it goes.
static SPACED_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"( ?)\{%-?\s*([\w-]+)\b(.*?)-?%\}( ?)").expect("valid regex"));
/// An argument of a Nunjucks call: `'a'`, `"a"`, `key='a'` or `key="a"`, or
/// one that is not a string (`page.image`, `300`).
static ARG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:([\w-]+)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|[^\s,"'=]+)"#)
        .expect("valid regex")
});
/// The arguments of a Nunjucks call (`'a.png', 'alt'` or `file='a.png', alt="…"`);
/// a value that is not a string (a variable) is empty.
fn args(text: &str) -> Args {
    let mut a = Args::default();
    for c in ARG.captures_iter(text) {
        let value = c.get(2).or(c.get(3)).map_or("", |m| m.as_str());
        let value = value.replace("\\\"", "\"").replace("\\'", "'");
        match c.get(1) {
            Some(k) => a.named.push((k.as_str().to_string(), value)),
            None => a.positional.push(value),
        }
    }
    a
}

/// A markdown-it-block-embed line (Eleventy sites use markdown-it) as
/// folio's player: YouTube and Vimeo by id or address, a video file of the
/// page (`{{ page.url }}` is the page's own folder) as `video`.
pub fn embed(cx: &mut Convert, line: &str) -> String {
    let Some(c) = EMBED.captures(line) else {
        return line.to_string();
    };
    let (service, target) = (c[1].to_ascii_lowercase(), &c[2]);
    let call = match service.as_str() {
        "youtube" | "vimeo" if target.contains('/') => shortcodes::video(target),
        "youtube" | "vimeo" => Some(shortcodes::call(&service, &[("id", Some(target))])),
        _ => {
            let path = target
                .replace("{{ page.url }}", "")
                .replace("{{page.url}}", "");
            let video = path.rsplit_once('.').is_some_and(|(_, ext)| {
                shortcodes::VIDEOS.contains(&ext.to_ascii_lowercase().as_str())
            });
            video
                .then(|| shortcodes::local_video(cx, &path, None))
                .flatten()
        }
    };
    match call {
        Some(call) => {
            // Empty: the file is missing, and the hand item already says so.
            if !call.is_empty() {
                cx.converted(&format!("@[{service}](…) embed"));
            }
            call
        }
        None => line.to_string(),
    }
}

/// Converts Eleventy's shortcodes on one line.
pub fn liquid(cx: &mut Convert, line: &str) -> String {
    if !line.contains("{%") {
        return line.to_string();
    }
    let line = TAG.replace_all(line, |c: &Captures| {
        let args = args(&shortcodes::straight(&c[2]));
        match &c[1] {
            "gallery" => {
                cx.in_gallery = true;
                cx.gallery_images.clear();
                String::new()
            }
            "endgallery" => end_gallery(cx),
            name => image(cx, name, &args).unwrap_or_else(|| c[0].to_string()),
        }
    });
    paired(cx, &line)
}

/// An image tag (`{% image %}`, `{% galleryImage %}`): a figure, or inside a
/// gallery one of its images; `None` when it names no image.
fn image(cx: &mut Convert, name: &str, args: &Args) -> Option<String> {
    let src = args
        .get("file")
        .or(args.get("src"))
        .or(args.positional.first().map(String::as_str))
        .filter(|s| !s.is_empty())?;
    let alt = args
        .get("alt")
        .or(args.positional.get(1).map(String::as_str));
    let caption = args.get("caption").or(args.get("title"));
    if cx.in_gallery {
        let file = shortcodes::bundled(cx, src, "gallery image");
        cx.gallery_images.push((file, caption.map(str::to_string)));
        return Some(String::new());
    }
    cx.converted(&format!("{{% {name} %}}"));
    Some(shortcodes::figure(cx, src, caption, alt))
}

/// The end of a gallery: folio's gallery of the images it held; of the
/// page's images when it held no image tags (a plugin's gallery of a
/// folder); none when the old site lacked all it named.
fn end_gallery(cx: &mut Convert) -> String {
    cx.in_gallery = false;
    let tags = std::mem::take(&mut cx.gallery_images);
    let images: Vec<(String, Option<String>)> = tags
        .iter()
        .filter_map(|(f, c)| Some((f.clone()?, c.clone())))
        .collect();
    if images.is_empty() && !tags.is_empty() {
        return String::new();
    }
    cx.converted("{% gallery %}");
    if images.is_empty() {
        return "{{ gallery() }}".to_string();
    }
    let names: Vec<String> = images.iter().map(|(n, _)| shortcodes::quote(n)).collect();
    let captions = if images.iter().any(|(_, c)| c.is_some()) {
        let c: Vec<String> = images
            .iter()
            .map(|(_, c)| shortcodes::quote(c.as_deref().unwrap_or_default()))
            .collect();
        format!(", captions=[{}]", c.join(", "))
    } else {
        String::new()
    };
    format!("{{{{ gallery(images=[{}]{captions}) }}}}", names.join(", "))
}

/// A gallery still open where the write-up ends: shown there.
pub fn finish(cx: &mut Convert) -> Option<String> {
    cx.in_gallery
        .then(|| end_gallery(cx))
        .filter(|g| !g.is_empty())
        .map(|g| format!("{g}\n"))
}

/// The site's own paired shortcodes, which folio can't run: their tags go,
/// what they held stays, a first string argument (a title) bold above it.
fn paired(cx: &mut Convert, line: &str) -> String {
    let Some(site) = cx.eleventy.as_ref().filter(|s| !s.paired.is_empty()) else {
        return line.to_string();
    };
    let names = site.paired.clone();
    ANY_TAG
        .replace_all(line, |c: &Captures| {
            let name = &c[1];
            if names.iter().any(|n| name.strip_prefix("end") == Some(n)) {
                return String::new();
            }
            if !names.iter().any(|n| n == name) {
                return c[0].to_string();
            }
            cx.converted(&format!(
                "Eleventy shortcode {{% {name} %}} → its text (check it)"
            ));
            let rest = shortcodes::straight(&c[2]);
            let title = rest.trim_start().starts_with(['"', '\'']);
            match args(&rest)
                .positional
                .first()
                .filter(|t| title && !t.trim().is_empty())
            {
                Some(t) => format!("**{}**", t.trim()),
                None => String::new(),
            }
        })
        .into_owned()
}

/// On an Eleventy site, the tags still on `line` after conversion: left out,
/// each opening one named for a hand (never shown raw on the page).
pub fn leave_out(cx: &mut Convert, line: &str) -> String {
    if cx.eleventy.is_none() || !line.contains("{%") {
        return line.to_string();
    }
    SPACED_TAG
        .replace_all(line, |c: &Captures| {
            // folio's own body shortcodes (`{% name(…) %}`) are not the old site's.
            if c[3].trim_start().starts_with('(') {
                return c[0].to_string();
            }
            if !c[2].starts_with("end") {
                let tag = c[0].trim_matches(' ');
                let shown: String = tag.chars().take(80).collect();
                cx.hand(format!(
                    "Eleventy tag `{shown}` left out: folio can't run the old site's \
                     shortcodes and template tags (what it showed is in its .eleventy.js or \
                     _includes); write it here in Markdown if it matters"
                ));
            }
            let both = !c[1].is_empty() && !c[4].is_empty();
            if both { " " } else { "" }.to_string()
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::eleventy_site::Site;
    use crate::migrate::refs::{Refs, SiteMap};

    /// A write-up `work/demo/demo.md` beside `shot1.png` … `shot4.png`.
    fn site() -> (tempfile::TempDir, SiteMap, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("src/work/demo");
        std::fs::create_dir_all(&folder).unwrap();
        for n in 1..=4 {
            std::fs::write(folder.join(format!("shot{n}.png")), b"\x89PNG\r\n\x1a\n").unwrap();
        }
        let map = SiteMap {
            root: dir.path().to_path_buf(),
            ..SiteMap::default()
        };
        (dir, map, folder.join("demo.md"))
    }

    #[test]
    fn image_tags_with_keyword_or_positional_arguments_become_figures() {
        let (_d, map, page) = site();
        let mut refs = Refs::new(&map, &page, page.parent());
        let mut cx = Convert::new(&mut refs);
        let out = liquid(
            &mut cx,
            "{% image file='shot1.png', css='device', preset='carousel', caption=\"Overview\" %}",
        );
        assert_eq!(
            out,
            "{{ figure(src=\"shot1.png\", caption=\"Overview\", alt=\"Overview\") }}"
        );
        let out = liquid(
            &mut cx,
            "{% image caption='Two', alt=\"A chart\", src=\"shot2.png\" %}",
        );
        assert_eq!(
            out,
            "{{ figure(src=\"shot2.png\", caption=\"Two\", alt=\"A chart\") }}"
        );
        let out = liquid(&mut cx, "{% image 'shot4.png', 'Alt text here', 'full' %}");
        assert_eq!(
            out,
            "{{ figure(src=\"shot4.png\", alt=\"Alt text here\") }}"
        );
        assert!(cx.hands.is_empty(), "{:?}", cx.hands);
        // An image named by a variable: not a file of the page.
        let tag = "{% image page.hero, \"Hero\" %}";
        assert_eq!(liquid(&mut cx, tag), tag);
    }

    #[test]
    fn markdown_it_block_embeds_become_players() {
        let (_d, map, page) = site();
        std::fs::write(page.with_file_name("clip.mp4"), "x").unwrap();
        let mut refs = Refs::new(&map, &page, page.parent());
        let mut cx = Convert::new(&mut refs);
        assert_eq!(
            embed(&mut cx, "@[local]({{ page.url }}clip.mp4)"),
            "{{ video(src=\"clip.mp4\") }}"
        );
        assert_eq!(
            embed(&mut cx, "@[youtube](dQw4w9WgXcQ)"),
            "{{ youtube(id=\"dQw4w9WgXcQ\") }}"
        );
        assert_eq!(
            embed(&mut cx, "@[vimeo](https://vimeo.com/76979871)"),
            "{{ vimeo(id=\"76979871\") }}"
        );
        assert!(cx.hands.is_empty(), "{:?}", cx.hands);
        // Not an embed on its own line: text, left as it is.
        let text = "Mail me @[work](x) today";
        assert_eq!(embed(&mut cx, text), text);
    }

    #[test]
    fn a_gallery_of_image_tags_becomes_one_gallery_of_those_images() {
        let (_d, map, page) = site();
        let mut refs = Refs::new(&map, &page, page.parent());
        let mut cx = Convert::new(&mut refs);
        let lines = [
            "{% gallery { css: 'full-width grid:wide grid:3c' } %}",
            "{% image file='shot1.png', caption=\"Overview\" %}",
            "{% image 'shot4.png', 'Alt text here', 'full' %}",
            "{% endgallery %}",
        ];
        let out: Vec<String> = lines.iter().map(|l| liquid(&mut cx, l)).collect();
        assert_eq!(out[..3], ["", "", ""]);
        assert_eq!(
            out[3],
            "{{ gallery(images=[\"shot1.png\", \"shot4.png\"], captions=[\"Overview\", \"\"]) }}"
        );
        assert_eq!(cx.done["{% gallery %}"], 1);
        // No image tags (a plugin's gallery of the page's folder): all its images.
        assert_eq!(liquid(&mut cx, "{% gallery \"trip\" %}"), "");
        assert_eq!(liquid(&mut cx, "{% endgallery %}"), "{{ gallery() }}");
        // Only images the old site lacks: none, each named.
        liquid(&mut cx, "{% gallery %}{% image 'gone.png' %}");
        assert_eq!(liquid(&mut cx, "{% endgallery %}"), "");
        assert_eq!(cx.hands.len(), 1, "{:?}", cx.hands);
        // Not closed before the write-up ends: shown where it ends.
        liquid(&mut cx, "{% gallery %}{% image 'shot2.png' %}");
        assert_eq!(
            finish(&mut cx).as_deref(),
            Some("{{ gallery(images=[\"shot2.png\"]) }}\n")
        );
    }

    #[test]
    fn the_sites_paired_shortcodes_keep_their_text_and_other_tags_go() {
        let (_d, map, page) = site();
        let mut refs = Refs::new(&map, &page, page.parent());
        let mut cx = Convert::new(&mut refs);
        cx.eleventy = Some(Site {
            paired: vec!["list".into(), "note".into()],
        });
        assert_eq!(
            liquid(&mut cx, "{% list \"Objectives\" %}"),
            "**Objectives**"
        );
        assert_eq!(liquid(&mut cx, "{% endlist %}"), "");
        assert_eq!(liquid(&mut cx, "{%- note css='wide' -%}"), "");
        assert_eq!(
            cx.done["Eleventy shortcode {% list %} → its text (check it)"],
            1
        );
        assert_eq!(liquid(&mut cx, "{% year %}"), "{% year %}");
        assert_eq!(
            leave_out(&mut cx, "© {% year %} {% if x %}A{% endif %}."),
            "© A."
        );
        assert_eq!(
            leave_out(&mut cx, "{% note(kind=\"x\") %}"),
            "{% note(kind=\"x\") %}"
        );
        let hands: Vec<&str> = cx.hands.iter().map(|h| h.message.as_str()).collect();
        assert_eq!(hands.len(), 2, "{hands:?}");
        assert!(
            hands[0].starts_with("Eleventy tag `{% year %}` left out"),
            "{hands:?}"
        );
        // Not an Eleventy site: left for the report to name, as before.
        cx.eleventy = None;
        assert_eq!(leave_out(&mut cx, "{% year %}"), "{% year %}");
        assert_eq!(liquid(&mut cx, "{% list \"A\" %}"), "{% list \"A\" %}");
    }

    #[test]
    fn an_eleventy_site_and_its_paired_shortcodes_are_read_from_its_config() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Site::of(dir.path()), None);
        std::fs::write(
            dir.path().join(".eleventy.js"),
            "module.exports = function (c) {\n  c.addPairedNunjucksShortcode('list', List);\n  c.addShortcode(\"year\", y);\n  c.addPairedShortcode(\"aside\", a);\n};\n",
        )
        .unwrap();
        let site = Site::of(dir.path()).unwrap();
        assert_eq!(site.paired, ["aside", "list"]);
    }
}
