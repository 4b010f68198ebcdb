//! Request handling of the dev server, as pure functions: which file a URL
//! names, its content type, and the live-reload script injected into pages.
//! Only files of the built snapshot can be served: a URL is looked up in it,
//! never joined to a folder on disk.

use crate::markdown::escape_markup;
use crate::serve::site::Snapshot;

/// What to answer to a GET or HEAD.
#[derive(Debug, PartialEq, Eq)]
pub enum Route {
    /// Serve this snapshot file with this status.
    File { path: String, status: u16 },
    /// 301 to this location.
    Redirect(String),
    /// The live-reload event stream.
    Events,
    /// 404 without a body of the site (no 404.html yet).
    NotFound,
}

/// Maps a request target to a route.
pub fn route(snapshot: &Snapshot, target: &str) -> Route {
    let base = snapshot.base_path.as_str();
    let raw_path = target.split(['?', '#']).next().unwrap_or("/");
    let not_found = || match page_not_found(snapshot, base, raw_path) {
        Some(path) => Route::File { path, status: 404 },
        None => Route::NotFound,
    };
    if raw_path == format!("{base}__folio/events") {
        return Route::Events;
    }
    // `/` (and `/portfolio` without its slash) lead to the site.
    if base != "/" && (raw_path == "/" || raw_path == base.trim_end_matches('/')) {
        return Route::Redirect(base.to_string());
    }
    let Some(rest) = raw_path.strip_prefix(base) else {
        return not_found();
    };
    let Ok(decoded) = percent_encoding::percent_decode_str(rest).decode_utf8() else {
        return not_found();
    };
    // No traversal, backslashes, NULs or absolute paths: the names of the snapshot never have them.
    if decoded.contains('\\')
        || decoded.contains('\0')
        || decoded.starts_with('/')
        || decoded.split('/').any(|s| s == ".." || s == ".")
    {
        return not_found();
    }
    if decoded.is_empty() || decoded.ends_with('/') {
        let index = format!("{decoded}index.html");
        return match snapshot.files.contains_key(&index) {
            true => Route::File {
                path: index,
                status: 200,
            },
            false => not_found(),
        };
    }
    if snapshot.files.contains_key(decoded.as_ref()) {
        return Route::File {
            path: decoded.into_owned(),
            status: 200,
        };
    }
    // A folder without its trailing slash: redirect, like GitHub Pages.
    if snapshot
        .files
        .contains_key(&format!("{decoded}/index.html"))
    {
        return Route::Redirect(format!("{base}{rest}/"));
    }
    not_found()
}

/// The 404 page for a path: a language's own (`zh/404.html` under `/zh/`),
/// else the site's.
fn page_not_found(snapshot: &Snapshot, base: &str, raw_path: &str) -> Option<String> {
    let first = raw_path.strip_prefix(base).and_then(|r| r.split_once('/'));
    let own = first.map(|(lang, _)| format!("{lang}/404.html"));
    own.into_iter()
        .chain(["404.html".to_string()])
        .find(|p| snapshot.files.contains_key(p))
}

/// The Content-Type for a file name.
pub fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        _ => "application/octet-stream",
    }
}

const SCRIPT: &str = include_str!("livereload.js");
const OVERLAY_CSS: &str = include_str!("overlay.css");

/// The error overlay's HTML for a build error report (plain text).
pub fn overlay_html(report: &str) -> String {
    format!(
        "<h2>folio: the site could not be rebuilt</h2><p>The last good version is shown. Fix the file below and save: this page updates by itself.</p><pre>{}</pre>",
        escape_markup(report)
    )
}

/// Adds the live-reload script (and the overlay, while there is an error) to a page.
pub fn inject(html: &str, snapshot: &Snapshot) -> String {
    let script = SCRIPT
        .replace("__VERSION__", &snapshot.version.to_string())
        .replace("__BASE__", &snapshot.base_path);
    let mut tail = format!("<style>{OVERLAY_CSS}</style><script>{script}</script>");
    if let Some(err) = &snapshot.error {
        tail.push_str(&format!(
            "<div id=\"folio-error-overlay\" role=\"alert\">{err}</div>"
        ));
    }
    match html.rfind("</body>") {
        Some(i) => format!("{}{tail}{}", &html[..i], &html[i..]),
        None => format!("{html}{tail}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::site::Body;

    fn snap(base: &str) -> Snapshot {
        let mut s = Snapshot {
            base_path: base.into(),
            ..Snapshot::default()
        };
        for p in [
            "index.html",
            "404.html",
            "projects/index.html",
            "projects/a/index.html",
            "style.css",
            "skills/技术/index.html",
            "a b.png",
        ] {
            s.files.insert(p.into(), Body::Bytes(Vec::new().into()));
        }
        s
    }

    #[test]
    fn a_language_has_its_own_404_page() {
        let mut s = snap("/p/");
        s.files
            .insert("zh/404.html".into(), Body::Bytes(Vec::new().into()));
        assert_eq!(route(&s, "/p/zh/nope/"), file("zh/404.html", 404));
        assert_eq!(route(&s, "/p/zh/a/b"), file("zh/404.html", 404));
        assert_eq!(route(&s, "/p/nope/"), file("404.html", 404));
        assert_eq!(route(&s, "/p/nope"), file("404.html", 404));
    }

    fn file(path: &str, status: u16) -> Route {
        Route::File {
            path: path.into(),
            status,
        }
    }

    #[test]
    fn routes_under_a_subpath() {
        let s = snap("/portfolio/");
        assert_eq!(route(&s, "/"), Route::Redirect("/portfolio/".into()));
        assert_eq!(
            route(&s, "/portfolio"),
            Route::Redirect("/portfolio/".into())
        );
        assert_eq!(route(&s, "/portfolio/"), file("index.html", 200));
        assert_eq!(route(&s, "/portfolio/?x=1"), file("index.html", 200));
        assert_eq!(
            route(&s, "/portfolio/projects/a/"),
            file("projects/a/index.html", 200)
        );
        assert_eq!(
            route(&s, "/portfolio/projects/a"),
            Route::Redirect("/portfolio/projects/a/".into())
        );
        assert_eq!(route(&s, "/portfolio/style.css"), file("style.css", 200));
        assert_eq!(
            route(&s, "/portfolio/skills/%E6%8A%80%E6%9C%AF/"),
            file("skills/技术/index.html", 200)
        );
        assert_eq!(route(&s, "/portfolio/a%20b.png"), file("a b.png", 200));
        assert_eq!(route(&s, "/style.css"), file("404.html", 404));
        assert_eq!(route(&s, "/portfolio/nope/"), file("404.html", 404));
        assert_eq!(route(&s, "/portfolio/__folio/events"), Route::Events);
    }

    #[test]
    fn traversal_is_not_found() {
        let s = snap("/");
        for t in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/projects/%2E%2E/%2E%2E/Cargo.toml",
            "/..%2fCargo.toml",
            "/%5c..%5cCargo.toml",
            "/projects\\..\\..\\x",
            "//etc/passwd",
            "/%2Fetc%2Fpasswd",
            "/./style.css",
            "/%00",
        ] {
            assert_eq!(route(&s, t), file("404.html", 404), "{t}");
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("x.SVG"), "image/svg+xml");
        assert_eq!(content_type("f.woff2"), "font/woff2");
        assert_eq!(content_type("feed.xml"), "application/xml; charset=utf-8");
        assert_eq!(content_type("noext"), "application/octet-stream");
    }

    #[test]
    fn injects_before_body_end() {
        let mut s = snap("/p/");
        s.version = 7;
        let out = inject("<html><body><p>x</p></body></html>", &s);
        assert!(out.contains("var version = 7;"));
        assert!(out.contains("new URL(\"/p/\" + \"__folio/events\""));
        assert!(out.ends_with("</script></body></html>"));
        s.error = Some(overlay_html("error: a.md:1: <bad>"));
        let out = inject("<body></body>", &s);
        assert!(out.contains("<div id=\"folio-error-overlay\" role=\"alert\">"));
        assert!(out.contains("error: a.md:1: &lt;bad&gt;"));
    }
}
