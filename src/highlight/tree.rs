//! TypeScript by tree-sitter: its parser (C, built by the `cc` crate) and a
//! highlight query (`queries/typescript.scm`) instead of a TextMate grammar.
//! bat's TypeScript grammar, the only one syntect can run, cost ~400 µs a line
//! with Oniguruma — a third of a code-heavy build; the parser and query take
//! ~45 µs a line and tell functions, parameters and types apart as well.
//!
//! The query is compiled once, on the first TypeScript block (a site without
//! one never pays for it); each thread keeps its own parser.

use std::cell::RefCell;
use std::sync::OnceLock;

use tree_sitter_highlight::{HighlightConfiguration, HighlightEvent, Highlighter};

use super::classes::Kind;
use super::spans::Flat;

/// The query's capture names and what each looks like. `embedded` is the code
/// inside a template string's `${…}`: plain, although the string is around it.
pub(super) const CAPTURES: &[(&str, Option<Kind>)] = &[
    ("comment", Some(Kind::Comment)),
    ("keyword", Some(Kind::Keyword)),
    ("string", Some(Kind::String)),
    ("constant", Some(Kind::Constant)),
    ("parameter", Some(Kind::Constant)),
    ("function", Some(Kind::Function)),
    ("type", Some(Kind::Type)),
    ("embedded", None),
];

/// The languages this engine highlights, by syntect's token for them.
pub fn handles(token: &str) -> bool {
    token == "ts"
}

fn typescript() -> Option<&'static HighlightConfiguration> {
    static CONFIG: OnceLock<Option<HighlightConfiguration>> = OnceLock::new();
    CONFIG
        .get_or_init(|| {
            let language = tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into();
            let query = include_str!("queries/typescript.scm");
            let mut config =
                HighlightConfiguration::new(language, "typescript", query, "", "").ok()?;
            let names: Vec<&str> = CAPTURES.iter().map(|(name, _)| *name).collect();
            config.configure(&names);
            Some(config)
        })
        .as_ref()
}

thread_local! {
    static HIGHLIGHTER: RefCell<Highlighter> = RefCell::new(Highlighter::new());
}

/// The highlighted HTML of TypeScript `code`, or `None` when the parser fails
/// (the caller prints the code plain: it is never lost).
pub fn highlight(code: &str) -> Option<String> {
    let config = typescript()?;
    HIGHLIGHTER.with(|cell| {
        let mut highlighter = cell.try_borrow_mut().ok()?;
        let events = highlighter
            .highlight(config, code.as_bytes(), None, |_| None)
            .ok()?;
        let mut out = Flat::with_capacity(code.len() * 2);
        // The captures around the current text, outermost first.
        let mut open: Vec<usize> = Vec::new();
        for event in events {
            match event.ok()? {
                HighlightEvent::HighlightStart(h) => open.push(h.0),
                HighlightEvent::HighlightEnd => {
                    open.pop();
                }
                HighlightEvent::Source { start, end } => {
                    out.push(code.get(start..end)?, kind_of(&open));
                }
            }
        }
        Some(out.finish())
    })
}

/// The innermost capture decides, as a scope does for syntect's grammars.
fn kind_of(open: &[usize]) -> Option<Kind> {
    open.last().and_then(|&i| CAPTURES.get(i)?.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(code: &str) -> String {
        highlight(code).expect("TypeScript parses")
    }

    #[test]
    fn keywords_types_functions_strings_and_comments() {
        let html = spans("export const add = (x: number): string => `${x + 1}`; // sum");
        for expected in [
            "<span class=\"hl-keyword\">export</span>",
            "<span class=\"hl-function\">add</span>",
            "<span class=\"hl-constant\">x</span>",
            "<span class=\"hl-type\">number</span>",
            "<span class=\"hl-comment\">// sum</span>",
        ] {
            assert!(html.contains(expected), "{expected} in {html}");
        }
        // The code inside `${…}` is code: its number is a constant, not string.
        assert!(
            html.contains("<span class=\"hl-constant\">1</span>"),
            "{html}"
        );
    }

    #[test]
    fn interfaces_and_generics() {
        let html = spans("interface Box<T> { value: T }\nclass A implements Box<string> {}");
        assert!(
            html.contains("<span class=\"hl-keyword\">interface</span>"),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"hl-type\">Box</span>"),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"hl-keyword\">implements</span>"),
            "{html}"
        );
    }

    #[test]
    fn text_is_escaped_and_kept_whole_even_when_it_does_not_parse() {
        let code = "let a = <T,>(x: T) => x < 1 && \"<b>\";\n}}} ((( broken";
        let html = spans(code);
        assert!(!html.contains("<b>"), "{html}");
        let text = html
            .split('<')
            .map(|part| part.split_once('>').map_or(part, |(_, t)| t))
            .collect::<String>();
        let unescaped = text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&");
        assert_eq!(unescaped, code);
    }
}
