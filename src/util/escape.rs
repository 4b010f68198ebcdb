//! Escaping text for HTML and XML: the one escaper every writer of markup uses.

/// Escapes text for HTML or XML content and double-quoted attribute values.
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

/// Escapes text for HTML or XML content only (quotes kept as they are).
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push(&mut out, s, false);
    out
}

/// Appends `s` to `out`, escaped as [`escape_markup`] does.
pub fn push_escaped(out: &mut String, s: &str) {
    push(out, s, true);
}

fn push(out: &mut String, s: &str, quotes: bool) {
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let with = match b {
            b'&' => "&amp;",
            b'"' if quotes => "&quot;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => continue,
        };
        out.push_str(&s[from..i]);
        out.push_str(with);
        from = i + 1;
    }
    out.push_str(&s[from..]);
}

/// The text of escaped markup: the entities the escapers above write (and
/// `&nbsp;`, as a space) decoded once, `&amp;` last.
pub fn unescape_markup(s: &str) -> String {
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped_and_the_rest_kept() {
        assert_eq!(
            escape_markup("a<b & \"c\" 中文>"),
            "a&lt;b &amp; &quot;c&quot; 中文&gt;"
        );
        let mut out = String::from("x");
        push_escaped(&mut out, "<>");
        assert_eq!(out, "x&lt;&gt;");
        assert_eq!(unescape_markup("a&amp;lt;b&nbsp;&lt;c&gt;"), "a&lt;b <c>");
        assert_eq!(escape_text("\"a\" & <b>"), "\"a\" &amp; &lt;b&gt;");
    }
}
