//! Eleventy's image shortcodes as folio's: eleventy-img's
//! `{% image "src", "alt" %}` becomes a `figure`, and a gallery plugin's
//! `{% gallery %}…{% galleryImage "src", "alt" %}…{% endgallery %}` becomes
//! `{{ gallery() }}` with its images in the bundle.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::convert::Convert;
use super::shortcodes;

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{%-?\s*(image|galleryImage|gallery|endgallery)\b([^%]*?)-?%\}")
        .expect("valid regex")
});
static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""((?:[^"\\]|\\.)*)"|'([^']*)'"#).expect("valid regex"));

/// Converts Eleventy's image shortcodes on one line.
pub fn liquid(cx: &mut Convert, line: &str) -> String {
    if !line.contains("{%") {
        return line.to_string();
    }
    TAG.replace_all(line, |c: &Captures| {
        let args: Vec<&str> = QUOTED
            .captures_iter(&c[2])
            .filter_map(|q| q.get(1).or(q.get(2)))
            .map(|m| m.as_str())
            .collect();
        match &c[1] {
            "gallery" => {
                cx.in_gallery = true;
                cx.converted("{% gallery %}");
                "{{ gallery() }}".to_string()
            }
            "endgallery" => {
                cx.in_gallery = false;
                String::new()
            }
            name => match args.first() {
                Some(src) => {
                    cx.converted(&format!("{{% {name} %}}"));
                    shortcodes::figure(cx, src, None, args.get(1).copied())
                }
                None => c[0].to_string(),
            },
        }
    })
    .into_owned()
}
