//! What is left of MDX and mdsvex once their images and videos are
//! converted: components folio has no equivalent for. A component whose props
//! hold a URL (`href`, `url`, `link`) becomes a Markdown link, one with lists
//! of strings (`pros={["…"]}`) or Svelte snippets (`{#snippet pros()}`)
//! becomes lists headed by their names; the others are left out (what they
//! wrap stays) and named, as are `{name}` attribute values, so no reader
//! sees them.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::Hand;
use super::convert::{Convert, Wrapper};

static COMPONENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"</?([A-Z][\w.]*)((?:\s(?:[^>{]|\{[^}]*\})*)?)/?>").expect("valid regex")
});
/// `<Name attrs>children</Name>` on one line (the names are compared after).
static PAIRED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<([A-Z][\w.]*)(\s(?:[^>{/]|\{[^}]*\}|/[^>])*)?>((?:[^<]|<[^/])*?)</([A-Z][\w.]*)>")
        .expect("valid regex")
});
static PROP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{([^}]*)\})"#).expect("valid regex")
});
static STRING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`]*)`"#).expect("valid regex")
});
static EXPR_ATTR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s([\w:.-]+)=\{[^}]*\}").expect("valid regex"));
static SNIPPET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\{#snippet\s+(\w+)\s*\([^)]*\)\s*\}").expect("valid regex"));
static LIST_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[uo]l\s*>|</li\s*>|\{/snippet\}").expect("valid regex"));

const URL_PROPS: &[&str] = &["href", "url", "link"];
const TEXT_PROPS: &[&str] = &["text", "title", "label"];

/// A component's props: quoted strings, and arrays of strings.
#[derive(Default)]
struct Props {
    strings: Vec<(String, String)>,
    lists: Vec<(String, Vec<String>)>,
}

impl Props {
    fn parse(attrs: &str) -> Props {
        let mut p = Props::default();
        for c in PROP.captures_iter(attrs) {
            let key = c[1].to_string();
            if let Some(v) = c.get(2).or(c.get(3)) {
                p.strings.push((key, v.as_str().to_string()));
            } else if let Some(list) = c.get(4).and_then(|e| strings(e.as_str())) {
                p.lists.push((key, list));
            }
        }
        p
    }

    fn first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.strings
                .iter()
                .find(|(n, v)| n == k && !v.trim().is_empty())
                .map(|(_, v)| v.as_str())
        })
    }
}

/// The strings of a JavaScript array of string literals (`["a", 'b']`).
fn strings(expr: &str) -> Option<Vec<String>> {
    let inner = expr.trim().strip_prefix('[')?.strip_suffix(']')?;
    let items: Vec<String> = STRING
        .captures_iter(inner)
        .filter_map(|c| (1..=3).find_map(|i| c.get(i)))
        .map(|m| m.as_str().replace("\\\"", "\"").replace("\\'", "'"))
        .collect();
    (!items.is_empty()).then_some(items)
}

/// A name as a label: `pros` → `Pros`.
fn label(name: &str) -> String {
    let mut c = name.chars();
    c.next().map_or(String::new(), |f| {
        f.to_uppercase().chain(c).collect::<String>()
    })
}

/// Converts or leaves out the components and `{…}` attribute values on one
/// line of MDX or mdsvex.
pub fn leave_out(cx: &mut Convert, line: &str) -> String {
    let (text, end) = match line.strip_suffix('\n') {
        Some(t) => (t, "\n"),
        None => (line, ""),
    };
    let text = dedent(text, 4 * cx.open.len());
    let text = snippets(cx, text);
    count_text(cx, &text);
    let text = PAIRED.replace_all(&text, |c: &Captures| {
        let props = Props::parse(c.get(2).map_or("", |m| m.as_str()));
        match props.first(URL_PROPS) {
            Some(url) if c[1] == c[4] => {
                cx.converted(&format!("MDX component <{}> → link (check it)", &c[1]));
                format!("[{}]({url})", c[3].trim())
            }
            _ => c[0].to_string(),
        }
    });
    let tags = COMPONENT.is_match(&text);
    let text = COMPONENT.replace_all(&text, |c: &Captures| component(cx, c));
    if tags && text.trim().is_empty() && !cx.at_blank {
        // A wrapper's tag on a line of its own: its text is a paragraph.
        cx.new_paragraph = true;
    }
    let text = EXPR_ATTR.replace_all(&text, |c: &Captures| {
        cx.hand(format!(
            "MDX attribute `{}` left out: its value is a JavaScript expression",
            c[0].trim()
        ));
        String::new()
    });
    if !text.trim().is_empty() {
        cx.at_blank = false;
    }
    if cx.new_paragraph && !text.trim().is_empty() {
        cx.new_paragraph = false;
        if !text.starts_with('\n') {
            return format!("\n{text}{end}");
        }
    }
    if line.trim().is_empty() {
        cx.new_paragraph = false;
        cx.at_blank = true;
    }
    format!("{text}{end}")
}

/// Counts a line that keeps text once its components are gone.
fn count_text(cx: &mut Convert, text: &str) {
    cx.text_lines.1 = cx.text_lines.0;
    if !COMPONENT.replace_all(text, "").trim().is_empty() {
        cx.text_lines.0 += 1;
    }
}

/// One component tag: Markdown from its props, or nothing (named).
fn component(cx: &mut Convert, c: &Captures) -> String {
    let name = &c[1];
    if c[0].starts_with("</") {
        close(cx, name);
        return String::new();
    }
    let props = Props::parse(&c[2]);
    let text = props.first(TEXT_PROPS);
    if let Some(url) = props.first(URL_PROPS) {
        cx.converted(&format!("MDX component <{name}> → link (check it)"));
        return match (text, c[0].ends_with("/>")) {
            (Some(t), _) => format!("[{t}]({url})"),
            (None, true) => format!("<{url}>"),
            (None, false) => format!("<{url}> "),
        };
    }
    if !props.lists.is_empty() {
        cx.converted(&format!("MDX component <{name}> → lists (check it)"));
        let mut md = text.map_or(String::new(), |t| format!("\n**{t}**\n"));
        for (key, items) in &props.lists {
            md.push_str(&format!("\n**{}**\n\n", label(key)));
            for item in items {
                md.push_str(&format!("- {item}\n"));
            }
        }
        return md;
    }
    if c[0].ends_with("/>") {
        cx.hand(format!(
            "MDX component `<{name}>` left out: folio has no equivalent"
        ));
    } else {
        // A wrapper: named at its end unless it held text or snippets.
        cx.open.push(Wrapper {
            name: name.to_string(),
            line: cx.line,
            snippets: false,
            text_before: cx.text_lines.1,
            props: PROP
                .find_iter(&c[2])
                .map(|m| m.as_str().to_string())
                .collect(),
        });
    }
    String::new()
}

/// The end of a component: a wrapper that held neither text nor snippets
/// (it drew something of its own) is named.
fn close(cx: &mut Convert, name: &str) {
    if let Some(at) = cx.open.iter().rposition(|w| w.name == name) {
        let w = cx.open.remove(at);
        wrapper(cx, w);
    }
}

fn wrapper(cx: &mut Convert, w: Wrapper) {
    let props = w.props.join(" ");
    let message = if w.snippets || cx.text_lines.0 > w.text_before {
        let what = if w.snippets {
            "headed lists"
        } else {
            "its text"
        };
        // Props that only styled the box (`tone="dark"`) go as the old
        // theme's CSS classes do: folio's theme lays the text out; the report
        // names them. Others may have said something: a hand item.
        let (styling, said): (Vec<&String>, Vec<&String>) =
            w.props.iter().partition(|p| is_styling(p));
        let styling = styling.iter().map(|p| p.as_str()).collect::<Vec<_>>();
        match styling.is_empty() {
            true => cx.converted(&format!("MDX component <{}> → {what} (check it)", w.name)),
            false => cx.converted(&format!(
                "MDX component <{}> → {what} (check it; its styling left out: {})",
                w.name,
                styling.join(" ")
            )),
        }
        if said.is_empty() {
            return;
        }
        let said = said.iter().map(|p| p.as_str()).collect::<Vec<_>>();
        format!(
            "MDX component `<{}>`: its props left out ({}), its content kept; write what they said into the text if it matters",
            w.name,
            said.join(" ")
        )
    } else if props.is_empty() {
        format!(
            "MDX component `<{}>` left out: folio has no equivalent",
            w.name
        )
    } else {
        format!(
            "MDX component `<{}>` left out with its props ({props}): folio has no equivalent",
            w.name
        )
    };
    cx.hands.push(Hand {
        line: w.line,
        message,
    });
}

/// Props that only choose how a box looks (`tone="dark"`, `variant="warning"`,
/// `className="wide"`): nothing a reader would miss in folio's theme.
const STYLING_PROPS: &[&str] = &[
    "class",
    "className",
    "style",
    "variant",
    "tone",
    "color",
    "colour",
    "theme",
    "size",
    "kind",
    "type",
    "level",
    "appearance",
    "align",
    "width",
    "height",
    "id",
];

/// Whether a prop (`key="value"` as written) only styles its component.
fn is_styling(prop: &str) -> bool {
    let key = prop.split('=').next().unwrap_or("").trim();
    STYLING_PROPS.contains(&key)
}

/// `text` without up to `n` spaces of indent (a component's text is
/// indented for Svelte; indented four spaces, Markdown reads code).
fn dedent(text: &str, n: usize) -> &str {
    let spaces = text.len() - text.trim_start_matches(' ').len();
    &text[spaces.min(n)..]
}

/// Names the wrappers still open at the end of the text.
pub fn finish(cx: &mut Convert) {
    for w in std::mem::take(&mut cx.open) {
        wrapper(cx, w);
    }
}

/// Svelte's `{#snippet name()}…{/snippet}` holding a list: `**Name**` and
/// a Markdown list, unindented (indented, it would read as code).
fn snippets(cx: &mut Convert, text: &str) -> String {
    let t = text.trim_start();
    let (head, rest) = match SNIPPET.captures(t) {
        Some(c) => {
            cx.in_snippet = true;
            if let Some(open) = cx.open.last_mut() {
                open.snippets = true;
            }
            // A heading's snippet shows its text; a list's is named.
            let head = match &c[1] {
                "header" | "heading" | "title" => {
                    cx.new_paragraph = true;
                    String::new()
                }
                name => format!("\n**{}**\n", label(name)),
            };
            (head, &t[c[0].len()..])
        }
        None if cx.in_snippet => (String::new(), t),
        None => return text.to_string(),
    };
    if rest.contains("{/snippet}") {
        cx.in_snippet = false;
        cx.new_paragraph = true;
    }
    let body = LIST_TAG.replace_all(rest, "");
    let body = body.trim();
    let body = match body.strip_prefix("<li>") {
        Some(item) => format!("- {}", item.trim_start()),
        None => body.to_string(),
    };
    match (head.is_empty(), body.is_empty()) {
        (false, false) => format!("{head}\n{body}"),
        (false, true) => head,
        _ => body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_of_an_array() {
        assert_eq!(
            strings(r#"["Cheap", 'Fast, too']"#),
            Some(vec!["Cheap".to_string(), "Fast, too".to_string()])
        );
        assert_eq!(strings("items"), None);
        assert_eq!(label("pros"), "Pros");
    }
}
