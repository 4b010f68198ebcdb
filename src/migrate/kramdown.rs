//! Where kramdown (Jekyll) and CommonMark (folio) read the same text
//! differently, the text is changed so that folio shows what the old site did:
//! - a heading or a code fence right after a line of HTML (`<br>`, `</div>`)
//!   is swallowed by CommonMark's HTML block: a blank line is put between;
//! - lines indented by four spaces after a blank line inside an HTML element
//!   (`<details>`) are a code block to CommonMark: their indent goes.

use std::sync::LazyLock;

use regex::Regex;

static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<(/?)([A-Za-z][\w-]*)(?:[^>]*?)(/?)>").expect("valid regex"));

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Opened minus closed elements on an HTML line; `None` when the line is
/// not HTML (does not start with a tag).
fn balance(line: &str) -> Option<i32> {
    let t = line.trim_start();
    if !t.starts_with('<') || t.starts_with("<!--") || !TAG.is_match(t) {
        return None;
    }
    let mut n = 0;
    for c in TAG.captures_iter(t) {
        let name = c[2].to_ascii_lowercase();
        if &c[1] == "/" {
            n -= 1;
        } else if c[3].is_empty() && !VOID.contains(&name.as_str()) {
            n += 1;
        }
    }
    Some(n)
}

fn is_fence(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("```") || t.starts_with("~~~")
}

fn is_heading(line: &str) -> bool {
    let t = line.trim_start();
    let hashes = t.chars().take_while(|&c| c == '#').count();
    (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\t'])
}

/// `text` as CommonMark reads it the way kramdown did; what was changed, for
/// the report (`blank line after HTML before a heading ×2`).
pub fn commonmark(text: &str) -> (String, Vec<String>) {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out = String::with_capacity(text.len() + 16);
    let (mut blank_before, mut dedented) = (0, 0);
    let mut fence = false;
    let mut depth = 0i32;
    let mut code_risk = false;
    for (i, line) in lines.iter().enumerate() {
        if is_fence(line) {
            fence = !fence;
        }
        if fence && !is_fence(line) {
            out.push_str(line);
            continue;
        }
        let indented = line.starts_with("    ") || line.starts_with('\t');
        let blank = line.trim().is_empty();
        // After a blank line inside an open element, indented lines are code
        // to CommonMark, until a line that is not indented.
        if depth > 0 && blank {
            code_risk = true;
        } else if !indented {
            code_risk = false;
        }
        let html = balance(line);
        if code_risk && indented && !blank {
            out.push_str(line.trim_start());
            dedented += 1;
        } else {
            out.push_str(line);
        }
        if let Some(b) = html.filter(|_| !fence) {
            depth = (depth + b).max(0);
            let next = lines.get(i + 1).copied().unwrap_or("");
            if b <= 0 && (is_heading(next) || is_fence(next)) {
                if !line.ends_with('\n') {
                    out.push('\n');
                }
                out.push('\n');
                blank_before += 1;
            }
        }
    }
    let mut notes = Vec::new();
    if blank_before > 0 {
        notes.push(format!(
            "kramdown → CommonMark: blank line after HTML before a heading or code fence ×{blank_before}"
        ));
    }
    if dedented > 0 {
        notes.push(format!(
            "kramdown → CommonMark: indented HTML inside an HTML element unindented ×{dedented}"
        ));
    }
    (out, notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn br_before_a_heading() {
        let (t, n) = commonmark("Intro<br>\n<br>\n## Methods\nText\n");
        assert_eq!(t, "Intro<br>\n<br>\n\n## Methods\nText\n");
        assert_eq!(n.len(), 1);
    }

    #[test]
    fn fence_after_an_html_block() {
        let (t, _) = commonmark("<div class=\"x\">A</div>\n```python\n<b>\n```\n");
        assert_eq!(t, "<div class=\"x\">A</div>\n\n```python\n<b>\n```\n");
    }

    #[test]
    fn indented_html_in_details() {
        let (t, n) = commonmark(
            "<details>\n<summary>More</summary>\n\n    <img src=\"a.png\">\n    <p>Hi</p>\n</details>\n",
        );
        assert_eq!(
            t,
            "<details>\n<summary>More</summary>\n\n<img src=\"a.png\">\n<p>Hi</p>\n</details>\n"
        );
        assert_eq!(n.len(), 1, "{n:?}");
    }

    #[test]
    fn indented_html_with_no_blank_line_is_left() {
        let text = "<div class=\"row\">\n    <div>\n        <pre>  x</pre>\n    </div>\n</div>\n";
        assert_eq!(commonmark(text), (text.to_string(), Vec::new()));
    }

    #[test]
    fn an_open_element_and_code_are_left() {
        let text = "<div>\n## Raw in kramdown too\n</div>\n\n    code\n```\n<br>\n## x\n```\n";
        assert_eq!(commonmark(text).0, text);
    }
}
