//! Which site-wide variables a template can read, counting the templates it
//! extends, includes and imports. `serve` uses it to keep a page when only
//! site-wide data its template never reads has changed (a project page does not
//! show the list of all projects, so editing another project's title leaves
//! it as it was).
//!
//! The scan is deliberately coarse and errs towards "uses": every identifier
//! inside `{{ }}` and `{% %}` that is not an attribute (`x.name`) or inside a
//! string counts, and a template that includes another by a computed name, or
//! reads the whole context, uses everything.

use std::collections::{BTreeSet, HashMap};

/// What a template reads of the global context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Uses {
    /// Everything (it cannot be told).
    All,
    /// These names (a superset of what it reads).
    Names(BTreeSet<String>),
}

impl Uses {
    pub fn reads(&self, name: &str) -> bool {
        match self {
            Uses::All => true,
            Uses::Names(n) => n.contains(name),
        }
    }
}

/// What one template's own text mentions.
#[derive(Debug, Default)]
struct Scan {
    idents: BTreeSet<String>,
    /// String literals in tags: candidate names of other templates.
    strings: BTreeSet<String>,
    /// An `include`/`extends`/`import` without a literal name, or a read of the whole context.
    dynamic: bool,
    /// Defines a component, which any template may call.
    component: bool,
}

/// Scans the tags of a Tera template.
fn scan(text: &str) -> Scan {
    let mut out = Scan::default();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = match after.as_bytes().first() {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            Some(b'#') => {
                // A comment: skip it whole.
                rest = after.find("#}").map_or("", |i| &after[i + 2..]);
                continue;
            }
            _ => {
                rest = after;
                continue;
            }
        };
        let body = &after[1..];
        let end = tag_end(body, close);
        scan_tag(&body[..end], &mut out);
        rest = body.get(end + 2..).unwrap_or("");
    }
    out
}

/// Where the string literal that starts at `start` (just after its opening
/// `quote`) ends: the index of its closing quote, or the end of the text.
/// A backslash escapes the character after it.
fn string_end(text: &str, start: usize, quote: char) -> usize {
    let mut escaped = false;
    for (i, c) in text[start..].char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            c if c == quote => return start + i,
            _ => {}
        }
    }
    text.len()
}

fn is_quote(b: u8) -> bool {
    b == b'"' || b == b'\'' || b == b'`'
}

/// Where the tag closes (`close` outside a string), or the end of the text.
fn tag_end(body: &str, close: &str) -> usize {
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if is_quote(bytes[i]) {
            i = string_end(body, i + 1, bytes[i] as char) + 1;
            continue;
        }
        if bytes[i..].starts_with(close.as_bytes()) {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

fn scan_tag(tag: &str, out: &mut Scan) {
    let bytes = tag.as_bytes();
    let mut i = 0;
    let mut words: Vec<&str> = Vec::new();
    let mut literal = false;
    while i < bytes.len() {
        let b = bytes[i];
        if is_quote(b) {
            let start = i + 1;
            let end = string_end(tag, start, b as char);
            out.strings.insert(tag[start..end].to_string());
            literal = true;
            i = end + 1;
        } else if b.is_ascii_alphabetic() || b == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            let word = &tag[start..i];
            let attribute = tag[..start].trim_end().ends_with('.');
            if !attribute {
                out.idents.insert(word.to_string());
                words.push(word);
            }
        } else {
            i += 1;
        }
    }
    let first = words.first().copied().unwrap_or("");
    if (matches!(first, "include" | "extends" | "import") && !literal)
        || words.contains(&"__tera_context")
    {
        out.dynamic = true;
    }
    if first == "component" {
        out.component = true;
    }
}

/// For each template, what it reads with everything it pulls in.
/// `templates` holds every template's name and text.
pub fn uses<'a>(templates: impl IntoIterator<Item = (&'a str, &'a str)>) -> HashMap<String, Uses> {
    let scans: HashMap<&str, Scan> = templates
        .into_iter()
        .map(|(name, text)| (name, scan(text)))
        .collect();
    // Components are global: every template may call any of them.
    let components: Vec<&str> = scans
        .iter()
        .filter(|(_, s)| s.component)
        .map(|(n, _)| *n)
        .collect();
    let mut out = HashMap::new();
    for name in scans.keys() {
        // Everything reachable from `name` through literal template names.
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        let mut todo = vec![*name];
        todo.extend(&components);
        let mut names = BTreeSet::new();
        let mut all = false;
        while let Some(t) = todo.pop() {
            if !seen.insert(t) {
                continue;
            }
            let Some(s) = scans.get(t) else { continue };
            all |= s.dynamic;
            names.extend(s.idents.iter().cloned());
            for lit in &s.strings {
                if let Some((other, _)) = scans.get_key_value(lit.as_str()) {
                    todo.push(other);
                }
            }
        }
        out.insert(
            name.to_string(),
            if all { Uses::All } else { Uses::Names(names) },
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(u: &Uses) -> Vec<&str> {
        match u {
            Uses::All => vec!["*"],
            Uses::Names(n) => n.iter().map(String::as_str).collect(),
        }
    }

    #[test]
    fn attributes_strings_and_comments_are_not_reads() {
        let u = uses([(
            "a.html",
            "{# projects #}<p>projects</p>{{ page.projects }} {{ t[\"skills\"] }} {% if x %}{{ url(path='profiles/') }}{% endif %}",
        )]);
        assert_eq!(
            names(&u["a.html"]),
            ["endif", "if", "page", "path", "t", "url", "x"]
        );
    }

    #[test]
    fn reads_follow_extends_include_and_import() {
        let u = uses([
            (
                "base.html",
                "{{ site.title }}{% block main %}{% endblock %}",
            ),
            (
                "list.html",
                "{% extends \"base.html\" %}{% block main %}{% for p in projects %}{% include 'card.html' %}{% endfor %}{% endblock %}",
            ),
            ("card.html", "{{ p.title }} {{ skills | length }}"),
            ("page.html", "{% extends 'base.html' %}{{ page.title }}"),
        ]);
        assert!(u["list.html"].reads("projects"));
        assert!(u["list.html"].reads("skills"));
        assert!(u["list.html"].reads("site"));
        assert!(!u["page.html"].reads("projects"));
        assert!(u["page.html"].reads("site"));
    }

    #[test]
    fn computed_names_and_the_whole_context_read_everything() {
        let u = uses([
            ("a.html", "{% include name %}"),
            ("b.html", "{{ __tera_context }}"),
            ("c.html", "{% include \"a.html\" %}"),
        ]);
        assert_eq!(u["a.html"], Uses::All);
        assert_eq!(u["b.html"], Uses::All);
        assert_eq!(u["c.html"], Uses::All);
    }

    #[test]
    fn components_are_read_by_every_template() {
        let u = uses([
            (
                "c.html",
                "{% component Card(x) %}{{ skills }}{% endcomponent %}",
            ),
            ("a.html", "{{ page.title }}"),
        ]);
        assert!(u["a.html"].reads("skills"));
    }

    #[test]
    fn an_escaped_quote_does_not_end_a_string() {
        let u = uses([(
            "a.html",
            r#"{{ "it\"s" }} {{ projects }} {{ 'a\'b' ~ skills }} {{ "é\é" ~ pages }}"#,
        )]);
        assert!(u["a.html"].reads("projects"));
        assert!(u["a.html"].reads("skills"));
        assert!(u["a.html"].reads("pages"));
    }

    #[test]
    fn non_latin_text_in_and_around_tags_is_scanned_without_panicking() {
        let u = uses([(
            "a.html",
            "<p>中文</p>{{ 名前 }}{% if 日本 %}{{ projects }}{% endif %}{# コメント #}{{ \"中\" ~ skills }}",
        )]);
        assert!(u["a.html"].reads("projects"));
        assert!(u["a.html"].reads("skills"));
    }

    #[test]
    fn a_closing_delimiter_inside_a_string_does_not_end_the_tag() {
        let u = uses([("a.html", "{{ \"}}\" ~ projects }}")]);
        assert!(u["a.html"].reads("projects"));
    }
}
