//! Shortcodes of other generators in folio's syntax (Zola's: `{{ youtube(id="…") }}`):
//! Hugo's `{{< youtube ID >}}`, `{{< vimeo ID >}}`, `{{< figure src=… >}}` and
//! galleries, al-folio's `{% include figure.liquid path=… %}` and
//! `video.liquid`, Astro MDX `<YouTube id="…" />` and mdsvex
//! `<YoutubeEmbed videoID="…"/>`. What has no equivalent is left as it is and
//! reported by [`crate::migrate::body`].

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::args::Args;
use super::convert::Convert;
use super::refs::Ref;

/// folio's shortcodes (a Zola-style `{{ name(...) }}` of another name needs a hand).
pub const FOLIO: &[&str] = &[
    "youtube", "vimeo", "figure", "gallery", "video", "pdf", "download",
];

static HUGO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{\{([<%])\s*(/?)\s*([\w.-]+)((?:[^>%]|[>%][^}]|[>%]\}[^}])*?)\s*/?\s*[>%]\}\}")
        .expect("valid regex")
});
static LIQUID_INCLUDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\{%-?\s*include\s+(figure|video|image|youtube|vimeo)\.(?:liquid|html)\s+(.*?)\s*-?%\}",
    )
    .expect("valid regex")
});
static MDX_IMAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<(?:Image|Picture|img)\s+((?:[^>{]|\{[^}]*\})*?)\s*/?>").expect("valid regex")
});
static MDX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<(YouTube|Youtube|YoutubeEmbed|YouTubeEmbed|Vimeo|LiteYouTube)\s+(.*?)\s*/>")
        .expect("valid regex")
});
static YOUTUBE_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:youtube(?:-nocookie)?\.com/(?:embed/|watch\?v=|shorts/|live/)|youtu\.be/)([\w-]{6,})",
    )
    .expect("valid regex")
});
static VIMEO_URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"vimeo\.com/(?:video/)?(\d+)").expect("valid regex"));

/// Straight quotes for the curly ones a word processor puts in arguments.
pub(super) fn straight(args: &str) -> String {
    args.replace(['“', '”', '„'], "\"").replace(['‘', '’'], "'")
}

/// A string argument in folio's syntax, with a quote the value does not contain.
pub fn quote(v: &str) -> String {
    let v = v.replace('\n', " ");
    if !v.contains('"') {
        format!("\"{v}\"")
    } else if !v.contains('\'') {
        format!("'{v}'")
    } else {
        format!("`{}`", v.replace('`', "'"))
    }
}

pub(super) fn call(name: &str, args: &[(&str, Option<&str>)]) -> String {
    let args: Vec<String> = args
        .iter()
        .filter_map(|(k, v)| v.map(|v| format!("{k}={}", quote(v))))
        .collect();
    format!("{{{{ {name}({}) }}}}", args.join(", "))
}

/// The file `src` of the old site, copied into the bundle: its new name;
/// `None` when the old site lacks it (named as needing a hand, as `what`).
pub(super) fn bundled(cx: &mut Convert, src: &str, what: &str) -> Option<String> {
    match cx.refs.bundle_file(src) {
        Ref::Rewrite(s) => Some(s),
        Ref::Keep | Ref::Old(_) => Some(src.to_string()),
        Ref::Broken(why) => {
            cx.hand(format!("{what} left out: {why}"));
            None
        }
    }
}

/// An image of a folder (`![](./photos/)`: a gallery on SvelteKit sites that
/// import folders) → a gallery of its images, copied into the bundle; `None`
/// when the folder holds no images.
pub fn folder_gallery(cx: &mut Convert, dir: &str) -> Option<String> {
    let files = cx.refs.folder_images(dir);
    if files.is_empty() {
        return None;
    }
    let names: Vec<String> = files
        .iter()
        .filter_map(|f| bundled(cx, f, "gallery image"))
        .map(|n| quote(&n))
        .collect();
    cx.converted("image of a folder → gallery");
    Some(format!("{{{{ gallery(images=[{}]) }}}}", names.join(", ")))
}

/// A figure whose image is copied into the bundle (none when the old site
/// lacks the image: its page showed it broken).
pub(super) fn figure(
    cx: &mut Convert,
    src: &str,
    caption: Option<&str>,
    alt: Option<&str>,
) -> String {
    let Some(src) = bundled(cx, src, "figure") else {
        return String::new();
    };
    if cx.in_gallery {
        return String::new();
    }
    // folio's figure needs alt text: the caption stands in, else it stays
    // empty as on the old site, and the report lists it to describe.
    let alt = alt.filter(|a| !a.trim().is_empty());
    let alt = match (alt, caption) {
        (Some(a), _) => a,
        (None, Some(c)) => c,
        (None, None) => {
            cx.no_alt.push(src.clone());
            ""
        }
    };
    call(
        "figure",
        &[
            ("src", Some(&src)),
            ("caption", caption),
            ("alt", Some(alt)),
        ],
    )
}

/// Converts Hugo shortcodes on one line; unknown ones stay.
pub fn hugo(cx: &mut Convert, line: &str) -> String {
    HUGO.replace_all(line, |c: &Captures| {
        let closing = !c[2].is_empty();
        let name = c[3].to_ascii_lowercase();
        let args = Args::parse(&c[4]);
        let converted = match (name.as_str(), closing) {
            ("gallery" | "load-photoswipe", true) => {
                cx.in_gallery = false;
                Some(String::new())
            }
            ("gallery", false) => Some(gallery(cx, &args)),
            ("load-photoswipe", false) => Some(String::new()),
            ("youtube", false) => args
                .id("id", 0)
                .map(|id| call("youtube", &[("id", Some(id))])),
            ("vimeo", false) => args
                .id("id", 0)
                .map(|id| call("vimeo", &[("id", Some(id))])),
            ("figure" | "image", false) => args.id("src", 0).map(|src| {
                let caption = ["caption", "title"]
                    .iter()
                    .find_map(|k| args.get(k).filter(|c| !c.is_empty()));
                figure(cx, src, caption, args.get("alt"))
            }),
            ("ref" | "relref", false) => args.id("path", 0).map(|p| relref(cx, p)),
            // Hugo's own: the code between becomes a fenced block.
            ("highlight", false) => Some(format!("```{}", args.id("lang", 0).unwrap_or(""))),
            ("highlight", true) => Some("```".to_string()),
            // The old site's own: its closing tag goes (or ends the HTML
            // its template opened), what the pair held stays.
            (_, true) => {
                let alone = line.trim() == &c[0];
                return super::hugo_own::close(cx, &c[3], alone).unwrap_or_default();
            }
            _ => {
                let args = Args::parse(&straight(&c[4]));
                return hugo_own(cx, &c[3], &c[0], &args, line.trim() == &c[0]);
            }
        };
        if converted.is_some() && !closing && name != "load-photoswipe" {
            cx.converted(&name);
        }
        converted.unwrap_or_else(|| c[0].to_string())
    })
    .into_owned()
}

/// Argument names that name the file a theme's own shortcode shows or links.
const FILE_KEYS: &[&str] = &[
    "file", "src", "url", "path", "href", "link", "pdf", "image", "img", "photo", "video",
];
/// Extensions of files a shortcode offers to download (folio's `download`).
const FILES: &[&str] = &[
    "pdf", "zip", "doc", "docx", "ppt", "pptx", "xls", "xlsx", "odt", "csv", "stl", "step", "epub",
];
/// Extensions of video files a shortcode plays (folio's `video`).
pub(super) const VIDEOS: &[&str] = &["mp4", "webm", "mov", "m4v", "ogv"];

/// A shortcode of the old site's own (Hugo's `layouts/shortcodes/NAME.html`,
/// Zola's `templates/shortcodes/NAME.html`: `template`), which folio can't
/// run: one that names a file of the page (`{{< download_pdf file="report.pdf"
/// text="…" >}}`, `{{< pdfReader "report.pdf" >}}`, `{{< img src="a.jpg"
/// caption="…" >}}`) shows or links it with folio's `pdf`, `download`,
/// `figure` or `video`; any other is left out, named with its text (`whole`)
/// for a hand, never shown raw to the reader.
pub(super) fn own(
    cx: &mut Convert,
    name: &str,
    whole: &str,
    args: &Args,
    template: &str,
) -> String {
    if let Some(linked) = own_file(cx, name, args) {
        return linked;
    }
    left_out(cx, whole, Some(template));
    String::new()
}

/// A Hugo site's own shortcode `name` called as `whole` (`alone` on its
/// line): a file it names in folio's shortcodes, else its template run
/// (see [`super::hugo_own`]), else left out for a hand.
fn hugo_own(cx: &mut Convert, name: &str, whole: &str, args: &Args, alone: bool) -> String {
    let hands = cx.hands.len();
    if let Some(linked) = own_file(cx, name, args) {
        return linked;
    }
    // A file it names that the site lacks is no problem when its template
    // makes it a path of the site's (`{{ "files/" | relURL }}`).
    let missing = cx.hands.split_off(hands);
    if let Some(html) = super::hugo_own::run(cx, name, args, whole, alone, hugo) {
        return html;
    }
    cx.hands.extend(missing);
    let path = super::hugo_own::template(cx, name).map(|(path, _)| path);
    left_out(cx, whole, path.as_deref());
    String::new()
}

/// Tells a hand that shortcode `whole` was left out, and where its template
/// is in the old site (`None`: it has none).
fn left_out(cx: &mut Convert, whole: &str, template: Option<&str>) {
    let shown: String = whole.chars().take(80).collect();
    let showed = match template {
        Some(path) => format!("what it showed is in its {path}"),
        None => "no template for it was found in the old site, its theme's included".to_string(),
    };
    cx.hand(format!(
        "shortcode `{shown}` left out: folio can't run the old site's own shortcodes \
         ({showed}); write it here in Markdown or HTML, or leave it out"
    ));
}

/// The local file an own shortcode names (its file/src/url/… argument, or
/// its first positional one) and that file's extension, lower-cased.
fn named_file(args: &Args) -> Option<(&str, String)> {
    let file = FILE_KEYS
        .iter()
        .find_map(|k| args.get(k))
        .or(args.positional.first().map(String::as_str))
        .filter(|f| !f.contains("://"))?;
    let ext = file.rsplit_once('.')?.1.to_ascii_lowercase();
    Some((file, ext))
}

/// The file an own shortcode names, copied into the bundle: a document as
/// folio's `pdf` or `download`, an image as a `figure`, a video file as a
/// `video`; `None` when it names none of these.
fn own_file(cx: &mut Convert, name: &str, args: &Args) -> Option<String> {
    let (file, ext) = named_file(args)?;
    let text = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| args.get(k).filter(|c| !c.trim().is_empty()))
    };
    let caption = text(&["caption", "title", "text"]);
    let (kind, shown) = if super::refs::is_image(std::path::Path::new(file)) {
        ("figure", figure(cx, file, caption, args.get("alt")))
    } else if VIDEOS.contains(&ext.as_str()) {
        ("video", local_video(cx, file, caption)?)
    } else if FILES.contains(&ext.as_str()) {
        let src = bundled(cx, file, &format!("shortcode `{name}`'s file"))?;
        let kind = if ext == "pdf" { "pdf" } else { "download" };
        let title = text(&["text", "title", "label", "name"]);
        (kind, call(kind, &[("src", Some(&src)), ("title", title)]))
    } else {
        return None;
    };
    if !shown.is_empty() {
        cx.converted(&format!("shortcode {name} (a file of the page) → {kind}"));
    }
    Some(shown)
}

/// A Hugo gallery: its images go into the bundle, shown by `{{ gallery() }}`.
fn gallery(cx: &mut Convert, args: &Args) -> String {
    if let Some(dir) = args.get("dir") {
        let found = cx.copy_folder(dir);
        if found == 0 {
            cx.hand(format!("gallery: no images in `{dir}`"));
        }
    }
    cx.in_gallery = true;
    call("gallery", &[])
}

fn relref(cx: &mut Convert, path: &str) -> String {
    let name = path
        .trim_end_matches('/')
        .trim_end_matches(".md")
        .trim_end_matches("/index")
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_string();
    match cx.refs.link(&format!("@/{name}.md")) {
        Ref::Rewrite(s) | Ref::Old(s) => s,
        _ => {
            cx.hand(format!(
                "`ref {path}` points at a page that was not imported"
            ));
            path.to_string()
        }
    }
}

/// al-folio's `{% include figure.liquid path=… %}` and `video.liquid`.
pub fn liquid(cx: &mut Convert, line: &str) -> String {
    LIQUID_INCLUDE
        .replace_all(line, |c: &Captures| {
            known_include(cx, &c[1], &Args::parse(&c[2]), &c[0]).unwrap_or_else(|| c[0].to_string())
        })
        .into_owned()
}

/// folio's form of one of the includes themes ship (`kind` is `figure`,
/// `video`, `image`, `youtube` or `vimeo`) called as `tag` with `args`;
/// `None` when it has none (the tag is left for the report to name).
pub(super) fn known_include(
    cx: &mut Convert,
    kind: &str,
    args: &Args,
    tag: &str,
) -> Option<String> {
    let path = args
        .get("path")
        .or(args.get("url"))
        .or(args.get("id"))
        .unwrap_or_default();
    if path.starts_with("page.") || path.starts_with("include.") {
        cx.hand(format!("`{tag}`: the image is a Liquid variable"));
        return None;
    }
    let out = if kind == "video" {
        video(path).or_else(|| local_video(cx, path, args.get("caption")))
    } else if kind == "youtube" || kind == "vimeo" {
        video(path).or_else(|| Some(call(kind, &[("id", Some(path))])))
    } else {
        let caption = args.get("caption").or(args.get("title"));
        let alt = args.get("alt").or(args.get("description"));
        Some(figure(cx, path, caption, alt))
    }?;
    if !out.is_empty() {
        cx.converted(&format!("{kind}.liquid"));
    }
    Some(out)
}

/// A video file of the old site, copied into the bundle: `{{ video(src=…) }}`.
pub(super) fn local_video(cx: &mut Convert, path: &str, caption: Option<&str>) -> Option<String> {
    if path.is_empty() || super::refs::is_external(path) {
        return None;
    }
    let src = bundled(cx, path, "video");
    Some(src.map_or(String::new(), |src| {
        call("video", &[("src", Some(&src)), ("caption", caption)])
    }))
}

/// A YouTube or Vimeo address as folio's shortcode; `None` for another.
pub(super) fn video(url: &str) -> Option<String> {
    if let Some(c) = YOUTUBE_URL.captures(url) {
        return Some(call("youtube", &[("id", Some(&c[1]))]));
    }
    VIMEO_URL
        .captures(url)
        .map(|c| call("vimeo", &[("id", Some(&c[1]))]))
}

/// MDX images: `<Image src={pic} alt="…" />` with `pic` imported from a file
/// (or `src="./pic.png"`) → a figure with the file in the bundle.
pub fn mdx_image(cx: &mut Convert, line: &str) -> String {
    MDX_IMAGE
        .replace_all(line, |c: &Captures| {
            let args = Args::parse(&c[1]);
            let Some(src) = args.get("src") else {
                return c[0].to_string();
            };
            let src = match cx.imports.get(src) {
                Some(file) => file.clone(),
                None if src.contains('.') => src.to_string(),
                None => return c[0].to_string(),
            };
            cx.converted("MDX <Image>");
            figure(cx, &src, None, args.get("alt"))
        })
        .into_owned()
}

/// Astro MDX video components (astro-embed's `<YouTube id="…" />`).
pub fn mdx(cx: &mut Convert, line: &str) -> String {
    MDX.replace_all(line, |c: &Captures| {
        let args = Args::parse(&c[2]);
        let id = ["id", "videoid", "videoID", "videoId"]
            .iter()
            .find_map(|k| args.get(k))
            .unwrap_or_default();
        let name = if c[1].eq_ignore_ascii_case("vimeo") {
            "vimeo"
        } else {
            "youtube"
        };
        let id = YOUTUBE_URL
            .captures(id)
            .or_else(|| VIMEO_URL.captures(id))
            .map_or(id.to_string(), |m| m[1].to_string());
        if id.is_empty() {
            return c[0].to_string();
        }
        cx.converted(name);
        call(name, &[("id", Some(&id))])
    })
    .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_arguments() {
        let a = Args::parse(r#" abc src="a b.png" caption='It "works"' width=300 "#);
        assert_eq!(a.positional, vec!["abc"]);
        assert_eq!(a.get("src"), Some("a b.png"));
        assert_eq!(a.get("caption"), Some("It \"works\""));
        assert_eq!(a.get("width"), Some("300"));
    }

    #[test]
    fn svelte_youtube_embeds_become_youtube() {
        let map = crate::migrate::refs::SiteMap::default();
        let mut refs = crate::migrate::refs::Refs::new(&map, std::path::Path::new("/x/a.md"), None);
        let mut cx = Convert::new(&mut refs);
        assert_eq!(
            mdx(&mut cx, "<YoutubeEmbed shortMode videoID=\"abcdefg\"/>"),
            "{{ youtube(id=\"abcdefg\") }}"
        );
    }

    #[test]
    fn a_sites_own_shortcode_links_its_file_or_is_left_out() {
        use crate::migrate::refs::{Refs, test_page};
        let (_dir, map, page) = test_page(&[("r.pdf", "%PDF-1.4")]);
        let mut refs = Refs::new(&map, &page, None);
        let mut cx = Convert::new(&mut refs);
        let out = hugo(
            &mut cx,
            "{{< download_pdf file=“r.pdf” text=“Get it” >}} {{< pdfReader \"r.pdf\" >}}",
        );
        assert_eq!(
            out,
            "{{ pdf(src=\"r.pdf\", title=\"Get it\") }} {{ pdf(src=\"r.pdf\") }}"
        );
        assert!(cx.hands.is_empty(), "{:?}", cx.hands);
        let out = hugo(
            &mut cx,
            "{{< stlviewer src=\"/models/t.glb\" >}}{{< note >}}Kept{{< /note >}}",
        );
        assert_eq!(out, "Kept");
        let hands: Vec<&str> = cx.hands.iter().map(|h| h.message.as_str()).collect();
        assert_eq!(hands.len(), 2, "{hands:?}");
        assert!(hands[0].contains("`{{< stlviewer src=\"/models/t.glb\" >}}` left out"));
        assert_eq!(
            hugo(&mut cx, "{{< highlight go \"linenos=table\" >}}"),
            "```go"
        );
        assert_eq!(hugo(&mut cx, "{{< /highlight >}}"), "```");
    }

    #[test]
    fn a_sites_own_image_or_video_shortcode_becomes_a_figure_or_video() {
        use crate::migrate::refs::{Refs, test_page};
        let (_dir, map, page) = test_page(&[("shot.jpg", "x"), ("demo.mp4", "x")]);
        let mut refs = Refs::new(&map, &page, None);
        let mut cx = Convert::new(&mut refs);
        let out = hugo(
            &mut cx,
            "{{< img src=\"shot.jpg\" caption=\"The app\" alt=\"Home screen\" >}}",
        );
        assert_eq!(
            out,
            "{{ figure(src=\"shot.jpg\", caption=\"The app\", alt=\"Home screen\") }}"
        );
        let out = hugo(&mut cx, "{{< clip \"demo.mp4\" >}}");
        assert_eq!(out, "{{ video(src=\"demo.mp4\") }}");
        assert!(cx.hands.is_empty(), "{:?}", cx.hands);
    }

    #[test]
    fn quotes_and_calls() {
        assert_eq!(quote("a"), "\"a\"");
        assert_eq!(quote("say \"hi\""), "'say \"hi\"'");
        assert_eq!(
            call("figure", &[("src", Some("a.png")), ("alt", None)]),
            "{{ figure(src=\"a.png\") }}"
        );
        assert_eq!(
            video("https://www.youtube.com/embed/jNQXAC9IVRw"),
            Some("{{ youtube(id=\"jNQXAC9IVRw\") }}".into())
        );
        assert_eq!(
            video("https://player.vimeo.com/video/76979871"),
            Some("{{ vimeo(id=\"76979871\") }}".into())
        );
    }
}
