//! The grammars: Sublime Text syntaxes run by `syntect` with Oniguruma, a C
//! regex library built by the `cc` crate (as in Zola's highlighters). Measured
//! against syntect's pure-Rust engine (fancy-regex), grammars compile 20–40×
//! faster on first use and each block runs ~2× faster; see README, Performance.
//!
//! Two sets, each loaded once, on the first block that needs it (a command
//! that publishes no page loads neither): syntect's own syntaxes first, and
//! `two-face`'s (bat's well-kept set) for the languages syntect lacks
//! (Kotlin, Swift, Dockerfile, TOML, PowerShell, SCSS, TSX, ...).
//! TypeScript goes to tree-sitter instead ([`super::tree`]): bat's grammar
//! for it is the slowest of all.
//! bat's newer grammars for the languages both have cost 25–40 % more per
//! line (Rust 186 against 117 µs, Bash 147 against 105, Python 92 against 63)
//! for colours a reader can't tell apart in a portfolio.

use std::sync::OnceLock;

use syntect::parsing::{ParseState, ScopeStack, SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

use super::classes::kind_of;
use super::spans::Flat;

static SYNTECT: OnceLock<SyntaxSet> = OnceLock::new();
static BAT: OnceLock<SyntaxSet> = OnceLock::new();

/// The grammar for `lang` and the set it belongs to: syntect's own when it has
/// one, else bat's.
fn grammar(lang: &str) -> Option<(&'static SyntaxSet, &'static SyntaxReference)> {
    let own = SYNTECT.get_or_init(SyntaxSet::load_defaults_newlines);
    if let Some(syntax) = find_syntax(own, lang) {
        return Some((own, syntax));
    }
    let bat = BAT.get_or_init(two_face::syntax::extra_newlines);
    find_syntax(bat, lang).map(|syntax| (bat, syntax))
}

/// The language of a fenced block's info string: its first word, lower-cased
/// (`rust,ignore` and `python {linenos=true}` name `rust` and `python`).
pub fn language_of(info: &str) -> String {
    info.split(|c: char| c.is_whitespace() || c == ',' || c == '{')
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// The token syntect knows a language by, for names people write in fences.
fn canonical(lang: &str) -> &str {
    match lang {
        "c#" | "csharp" | "cs" => "cs",
        "c++" | "cpp" | "cxx" | "hpp" => "cpp",
        "sh" | "bash" | "shell" | "zsh" | "console" | "shellsession" => "bash",
        "powershell" | "ps" | "ps1" | "pwsh" => "ps1",
        "javascript" | "js" | "mjs" | "cjs" => "js",
        "typescript" | "ts" => "ts",
        "kotlin" | "kt" | "kts" => "kt",
        "docker" | "dockerfile" | "containerfile" => "dockerfile",
        "markdown" | "md" => "md",
        "patch" | "diff" => "diff",
        "golang" | "go" => "go",
        "ruby" | "rb" => "rb",
        "python" | "py" | "python3" => "py",
        "rust" | "rs" => "rs",
        "yml" | "yaml" => "yaml",
        "html" | "htm" | "xhtml" => "html",
        "php" => "php_source",
        other => other,
    }
}

fn find_syntax<'s>(set: &'s SyntaxSet, lang: &str) -> Option<&'s SyntaxReference> {
    match canonical(lang) {
        // Code in a fence rarely starts with `<?php`: use the grammar for PHP source.
        "php_source" => set
            .find_syntax_by_name("PHP Source")
            .or_else(|| set.find_syntax_by_token("php")),
        token => set.find_syntax_by_token(token),
    }
}

/// Whether a fence's language stays plain without loading any grammar.
pub fn is_plain(lang: &str) -> bool {
    matches!(
        lang,
        "" | "text" | "txt" | "plain" | "plaintext" | "none" | "output"
    )
}

/// The highlighted HTML (spans with `hl-` classes, text escaped) of `code` in
/// `lang`, or `None` when the language is unknown: the caller prints it plain.
pub fn highlight(lang: &str, code: &str) -> Option<String> {
    if is_plain(lang) {
        return None;
    }
    if super::tree::handles(canonical(lang)) {
        return super::tree::highlight(code);
    }
    let (set, syntax) = grammar(lang)?;
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    let mut out = Flat::with_capacity(code.len() * 2);
    for line in LinesWithEndings::from(code) {
        // A grammar that fails on some input must not lose the code: print it plain.
        let ops = state.parse_line(line, set).ok()?;
        let mut pos = 0;
        for (at, op) in ops {
            if at > pos {
                out.push(&line[pos..at], kind_of(stack.as_slice()));
                pos = at;
            }
            stack.apply(&op).ok()?;
        }
        out.push(&line[pos..], kind_of(stack.as_slice()));
    }
    Some(out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The languages issue 17 lists, each with a line that has a keyword, string,
    /// comment or tag a grammar must recognise.
    const SAMPLES: &[(&str, &str)] = &[
        ("rust", "fn main() { let x = \"a\"; }"),
        ("python", "def f(x):\n    return 'a'  # c"),
        ("javascript", "const x = () => 'a'; // c"),
        ("typescript", "interface A { b: string }"),
        ("go", "package main\nfunc main() {}"),
        ("java", "public class A { int x = 1; }"),
        ("kotlin", "fun main() { val x = \"a\" }"),
        ("swift", "func f() -> Int { let x = 1; return x }"),
        ("c", "int main(void) { return 0; }"),
        ("cpp", "template<typename T> class A {};"),
        ("csharp", "public class A { string x = \"a\"; }"),
        ("php", "function f($x) { return 'a'; }"),
        ("ruby", "def f(x)\n  'a'\nend"),
        ("sql", "SELECT a FROM t WHERE b = 'c';"),
        ("sh", "if [ -f x ]; then echo 'a'; fi"),
        ("yaml", "key: 'value' # c"),
        ("toml", "[package]\nname = \"a\""),
        ("json", "{\"a\": true}"),
        ("html", "<p class=\"a\">b</p>"),
        ("css", "a { color: red; }"),
        ("scss", "$c: red;\na { color: $c; }"),
        ("dockerfile", "FROM rust:1\nRUN cargo build"),
        ("markdown", "# Title\n\n*a*"),
        ("diff", "--- a\n+++ b\n-x\n+y"),
    ];

    #[test]
    fn every_listed_language_is_highlighted() {
        for (lang, code) in SAMPLES {
            let html = highlight(lang, code).unwrap_or_else(|| panic!("{lang} is unknown"));
            // At least two tokens of a kind the theme colours, each in its own span.
            let tokens = html.matches("<span class=\"hl-").count();
            assert!(tokens >= 2, "{lang} has no tokens: {html}");
        }
    }

    #[test]
    fn syntect_grammars_come_first_and_bat_fills_in() {
        let (set, _) = grammar("python").unwrap();
        assert!(std::ptr::eq(set, SYNTECT.get().unwrap()));
        let (set, _) = grammar("kotlin").unwrap();
        assert!(std::ptr::eq(set, BAT.get().unwrap()));
    }

    #[test]
    fn python_def_and_class_are_keywords() {
        let html = highlight("python", "class A:\n    def f(self): pass").unwrap();
        assert!(
            html.contains("<span class=\"hl-keyword\">class</span>"),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"hl-keyword\">def</span>"),
            "{html}"
        );
    }

    #[test]
    fn powershell_is_highlighted() {
        let html = highlight("powershell", "Get-ChildItem -Path 'a'").unwrap();
        assert!(html.matches("<span class=\"hl-").count() >= 2, "{html}");
    }

    #[test]
    fn unknown_and_plain_languages_stay_plain() {
        assert!(highlight("no-such-language", "x").is_none());
        assert!(highlight("text", "x").is_none());
        assert!(highlight("", "x").is_none());
    }

    #[test]
    fn code_is_escaped_and_classes_not_colours() {
        let html = highlight("html", "<script>alert(1)</script>").unwrap();
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;"), "{html}");
        assert!(!html.contains("style="), "{html}");
    }

    #[test]
    fn info_strings_name_their_language() {
        assert_eq!(language_of("rust,ignore"), "rust");
        assert_eq!(language_of("Python {linenos=true}"), "python");
        assert_eq!(language_of(""), "");
    }
}
