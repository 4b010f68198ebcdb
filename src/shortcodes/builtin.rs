//! The built-in shortcodes: the arguments each accepts and what each adds to its
//! template's context (URLs and sizes of the page's files, embed URLs). Their
//! templates are `templates/NAME.html` beside this file; a site overrides one
//! with its own `templates/shortcodes/NAME.html`, which gets the same context.

use serde_json::{Map, Value, json};

use super::{FileInfo, PageFiles};
use crate::diagnostics::Error;

/// A built-in shortcode: its name, arguments, and an example call for errors.
pub struct Spec {
    pub name: &'static str,
    pub required: &'static [&'static str],
    pub optional: &'static [&'static str],
    pub example: &'static str,
    pub template: &'static str,
}

pub const BUILTINS: &[Spec] = &[
    Spec {
        name: "youtube",
        required: &["id"],
        optional: &["title", "start", "poster"],
        example: "{{ youtube(id=\"dQw4w9WgXcQ\", title=\"Product demo\") }}",
        template: include_str!("templates/youtube.html"),
    },
    Spec {
        name: "vimeo",
        required: &["id"],
        optional: &["title", "poster"],
        example: "{{ vimeo(id=\"76979871\", title=\"Showreel\") }}",
        template: include_str!("templates/vimeo.html"),
    },
    Spec {
        name: "video",
        required: &["src"],
        optional: &["poster", "caption", "title", "width", "height"],
        example: "{{ video(src=\"demo.mp4\", poster=\"demo.jpg\", caption=\"…\") }}",
        template: include_str!("templates/video.html"),
    },
    Spec {
        name: "figure",
        required: &["src", "alt"],
        optional: &["caption", "width", "height"],
        example: "{{ figure(src=\"chart.png\", alt=\"Sales by month\", caption=\"…\") }}",
        template: include_str!("templates/figure.html"),
    },
    Spec {
        name: "gallery",
        required: &[],
        optional: &["images", "captions"],
        example: "{{ gallery() }} or {{ gallery(images=[\"a.jpg\", \"b.jpg\"]) }}",
        template: include_str!("templates/gallery.html"),
    },
    Spec {
        name: "pdf",
        required: &["src"],
        optional: &["title"],
        example: "{{ pdf(src=\"case-study.pdf\", title=\"Case study\") }}",
        template: include_str!("templates/pdf.html"),
    },
    Spec {
        name: "download",
        required: &["src"],
        optional: &["title"],
        example: "{{ download(src=\"slides.zip\", title=\"Slides\") }}",
        template: include_str!("templates/download.html"),
    },
];

pub fn spec(name: &str) -> Option<&'static Spec> {
    BUILTINS.iter().find(|s| s.name == name)
}

/// What a built-in's arguments lack or have too much, as one message.
pub fn check_args(spec: &Spec, args: &Map<String, Value>) -> crate::Result<()> {
    let accepted = || {
        let all: Vec<&str> = spec.required.iter().chain(spec.optional).copied().collect();
        all.join(", ")
    };
    if let Some(missing) = spec.required.iter().find(|a| !args.contains_key(**a)) {
        return Err(Error::msg(format!("`{}` needs `{missing}`", spec.name)));
    }
    if let Some(extra) = args
        .keys()
        .find(|k| !spec.required.contains(&k.as_str()) && !spec.optional.contains(&k.as_str()))
    {
        return Err(Error::msg(format!(
            "`{}` has no argument `{extra}`; it accepts: {}",
            spec.name,
            accepted()
        )));
    }
    Ok(())
}

/// Per-page state the built-ins share: numbering of galleries, and whether the
/// page needs the small script for embeds and the lightbox.
#[derive(Debug, Default)]
pub struct PageState {
    pub galleries: usize,
    pub needs_script: bool,
}

/// Adds what the template of built-in `name` needs to `ctx` (which holds the
/// arguments as written, and `body` for a body call).
pub fn prepare(
    name: &str,
    ctx: &mut Map<String, Value>,
    files: &mut dyn PageFiles,
    state: &mut PageState,
) -> crate::Result<()> {
    match name {
        "youtube" | "vimeo" => embed(name, ctx, files, state),
        "video" => {
            let src = string(ctx, "src")?;
            ctx.insert("file".into(), file_json(&files.file(&src, false)?));
            ctx.insert("type".into(), json!(video_type(&src)));
            let label = ctx
                .get("title")
                .and_then(Value::as_str)
                .unwrap_or(&src)
                .to_string();
            ctx.insert("label".into(), json!(label));
            optional_file(ctx, "poster", files, true)
        }
        "figure" => {
            let src = string(ctx, "src")?;
            let img = files.file(&src, true)?;
            ctx.insert("image".into(), file_json(&img));
            sizes(ctx, &img)
        }
        "gallery" => gallery(ctx, files, state),
        "pdf" | "download" => {
            let src = string(ctx, "src")?;
            let info = files.file(&src, false)?;
            ctx.insert("file".into(), file_json(&info));
            ctx.insert("size".into(), json!(info.bytes.map(human_size)));
            ctx.insert("kind".into(), json!(extension(&src).to_uppercase()));
            let default_title = src.rsplit('/').next().unwrap_or(&src).to_string();
            ctx.entry("title").or_insert(json!(default_title));
            Ok(())
        }
        _ => Ok(()),
    }
}

fn embed(
    name: &str,
    ctx: &mut Map<String, Value>,
    files: &mut dyn PageFiles,
    state: &mut PageState,
) -> crate::Result<()> {
    let id = video_id(name, &string(ctx, "id")?)?;
    let (embed_url, watch_url, site) = if name == "youtube" {
        let start = match ctx.get("start") {
            Some(v) => format!("&start={}", integer(v, "start")?),
            None => String::new(),
        };
        (
            format!("https://www.youtube-nocookie.com/embed/{id}?autoplay=1{start}"),
            format!("https://www.youtube.com/watch?v={id}"),
            "YouTube",
        )
    } else {
        (
            format!("https://player.vimeo.com/video/{id}?autoplay=1&dnt=1"),
            format!("https://vimeo.com/{id}"),
            "Vimeo",
        )
    };
    ctx.insert("embed_url".into(), json!(embed_url));
    ctx.insert("watch_url".into(), json!(watch_url));
    ctx.insert("site".into(), json!(site));
    ctx.entry("title").or_insert(json!(format!("{site} video")));
    state.needs_script = true;
    optional_file(ctx, "poster", files, true)
}

/// The id of a video, also from a pasted URL (`https://youtu.be/ID`).
fn video_id(name: &str, given: &str) -> crate::Result<String> {
    let id = match given.split_once("v=") {
        Some((_, after)) => after,
        None => given.split(['?', '#']).next().unwrap_or(given),
    };
    let id = id.split(['&', '#']).next().unwrap_or("");
    let id = id.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let ok = if name == "youtube" {
        (6..=20).contains(&id.len())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    } else {
        !id.is_empty() && id.chars().all(|c| c.is_ascii_digit())
    };
    if ok {
        Ok(id.to_string())
    } else {
        Err(Error::msg(format!("`{given}` is not a {name} video id")))
    }
}

fn gallery(
    ctx: &mut Map<String, Value>,
    files: &mut dyn PageFiles,
    state: &mut PageState,
) -> crate::Result<()> {
    let mut entries: Vec<(String, String)> = Vec::new();
    if let Some(list) = ctx.get("images") {
        let captions = ctx.get("captions").and_then(Value::as_array);
        for (i, name) in strings(list, "images")?.into_iter().enumerate() {
            let caption = captions
                .and_then(|c| c.get(i))
                .and_then(Value::as_str)
                .unwrap_or("");
            entries.push((name, caption.to_string()));
        }
    }
    if let Some(body) = ctx.get("body").and_then(Value::as_str) {
        // One image a line: `photo.jpg` or `photo.jpg | caption`.
        for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let (name, caption) = line.split_once('|').unwrap_or((line, ""));
            entries.push((name.trim().to_string(), caption.trim().to_string()));
        }
    }
    if entries.is_empty() {
        entries = files
            .images()
            .into_iter()
            .map(|n| (n, String::new()))
            .collect();
    }
    if entries.is_empty() {
        return Err(Error::msg(
            "this gallery has no images: the page's folder has none, and none are listed \
                    as images=[\"a.jpg\", \"b.jpg\"]",
        ));
    }
    state.galleries += 1;
    state.needs_script = true;
    let id = format!("gallery-{}", state.galleries);
    let mut images = Vec::new();
    for (i, (name, caption)) in entries.iter().enumerate() {
        let info = files.file(name, true)?;
        let mut img = file_json(&info);
        img["id"] = json!(format!("{id}-{}", i + 1));
        img["caption"] = json!(caption);
        img["alt"] = json!(if caption.is_empty() {
            stem(name)
        } else {
            caption.clone()
        });
        images.push(img);
    }
    ctx.insert("id".into(), json!(id));
    ctx.insert("images".into(), Value::Array(images));
    Ok(())
}

fn optional_file(
    ctx: &mut Map<String, Value>,
    key: &str,
    files: &mut dyn PageFiles,
    is_image: bool,
) -> crate::Result<()> {
    if ctx.contains_key(key) {
        let name = string(ctx, key)?;
        let info = files.file(&name, is_image)?;
        ctx.insert(key.into(), file_json(&info));
    }
    Ok(())
}

/// `width` and `height` as given, else the image's own.
fn sizes(ctx: &mut Map<String, Value>, img: &FileInfo) -> crate::Result<()> {
    for (key, own) in [("width", img.width), ("height", img.height)] {
        let value = match ctx.get(key) {
            Some(v) => Some(integer(v, key)?),
            None => own.map(i64::from),
        };
        ctx.insert(key.into(), json!(value));
    }
    Ok(())
}

fn file_json(f: &FileInfo) -> Value {
    json!({ "url": f.url, "bytes": f.bytes, "width": f.width, "height": f.height })
}

fn string(ctx: &Map<String, Value>, key: &str) -> crate::Result<String> {
    match ctx.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.trim().to_string()),
        _ => Err(Error::msg(format!(
            "`{key}` must be a non-empty \"string\""
        ))),
    }
}

fn strings(v: &Value, key: &str) -> crate::Result<Vec<String>> {
    v.as_array()
        .and_then(|a| a.iter().map(|x| x.as_str().map(String::from)).collect())
        .ok_or_else(|| Error::msg(format!("`{key}` must be a list of \"strings\"")))
}

fn integer(v: &Value, key: &str) -> crate::Result<i64> {
    v.as_i64()
        .filter(|n| *n >= 0)
        .ok_or_else(|| Error::msg(format!("`{key}` must be a whole number, e.g. {key}=640")))
}

fn extension(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((_, ext)) if !ext.contains('/') => ext.to_lowercase(),
        _ => String::new(),
    }
}

fn stem(name: &str) -> String {
    let file = name.rsplit('/').next().unwrap_or(name);
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    stem.replace(['-', '_'], " ")
}

fn video_type(name: &str) -> Option<&'static str> {
    match extension(name).as_str() {
        "mp4" | "m4v" => Some("video/mp4"),
        "webm" => Some("video/webm"),
        "ogv" | "ogg" => Some("video/ogg"),
        "mov" => Some("video/quicktime"),
        _ => None,
    }
}

/// `1.2 MB`, `340 kB`, `512 B` (decimal units, as file managers show them).
pub fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1_000_000_000 => format!("{:.1} GB", b as f64 / 1e9),
        b if b >= 1_000_000 => format!("{:.1} MB", b as f64 / 1e6),
        b if b >= 1_000 => format!("{} kB", (b as f64 / 1e3).round()),
        b => format!("{b} B"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_a_file_manager() {
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(340_400), "340 kB");
        assert_eq!(human_size(1_240_000), "1.2 MB");
    }

    #[test]
    fn video_ids_come_from_urls_too() {
        assert_eq!(video_id("youtube", "dQw4w9WgXcQ").unwrap(), "dQw4w9WgXcQ");
        let from_url = video_id("youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3");
        assert_eq!(from_url.unwrap(), "dQw4w9WgXcQ");
        assert_eq!(
            video_id("youtube", "https://youtu.be/dQw4w9WgXcQ").unwrap(),
            "dQw4w9WgXcQ"
        );
        assert_eq!(
            video_id("vimeo", "https://vimeo.com/76979871").unwrap(),
            "76979871"
        );
        assert!(video_id("youtube", "\"><script>").is_err());
        assert!(video_id("vimeo", "abc").is_err());
    }
}
