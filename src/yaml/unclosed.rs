//! A syntax error inside a flow list (`[…]`), a flow mapping (`{…}`) or a
//! quoted value, told from where it was opened: the parser stops at the next
//! line, but the mistake is the bracket or quote that is never closed.

/// The list, mapping or quote the parser was reading when it failed.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Opened {
    /// `list`, `mapping` or `quote`.
    pub what: &'static str,
    /// 1-based line and column (characters) of its `[`, `{` or quote, in the YAML given.
    pub line: usize,
    pub column: usize,
    /// Whether a matching close follows before the YAML ends.
    pub closed: bool,
    /// The parser's message without its positions and context.
    pub problem: String,
}

impl Opened {
    /// The message for the opening when it is never closed.
    pub fn never_closed(&self) -> String {
        format!("this {} is never closed", self.what)
    }

    /// How to close it.
    pub fn help(&self) -> &'static str {
        match self.what {
            "list" => {
                "close the list with `]` (e.g. `skills: [Rust, Go]`), or write one `- item` a line below the key"
            }
            "mapping" => {
                "close the mapping with `}` (e.g. `links: {github: https://github.com/ana}`)"
            }
            _ => "end the value with the same quote it starts with (e.g. `title: \"My project\"`)",
        }
    }

    /// What usually goes wrong inside one that is closed.
    pub fn inside_help(&self) -> &'static str {
        match self.what {
            "quote" => {
                "inside double quotes a backslash starts an escape: write `\\\\` for a backslash, or use single quotes"
            }
            _ => {
                "separate the items with commas, and quote an item that holds `:`, `#`, `[` or `{` (e.g. `[\"C#\", Rust]`)"
            }
        }
    }
}

/// libyaml's message: `PROBLEM at line L column C, while parsing a flow
/// sequence at line L column C`.
static CONTEXT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(.*?)(?: at line \d+ column \d+)?, while (?:parsing|scanning) an? (flow sequence|flow mapping|quoted scalar) at line (\d+) column (\d+)$",
    )
    .unwrap()
});

/// What the parser's `message` (for `yaml`) says it was inside, if anything.
pub(super) fn opened(yaml: &str, message: &str) -> Option<Opened> {
    let c = CONTEXT.captures(message)?;
    let line: usize = c[3].parse().ok()?;
    let column: usize = c[4].parse().ok()?;
    let start = yaml
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let offset = start
        + yaml[start..]
            .chars()
            .take(column - 1)
            .map(char::len_utf8)
            .sum::<usize>();
    let what = match (&c[2], yaml[offset..].chars().next()?) {
        ("flow sequence", '[') => "list",
        ("flow mapping", '{') => "mapping",
        ("quoted scalar", '"' | '\'') => "quote",
        _ => return None,
    };
    Some(Opened {
        what,
        line,
        column,
        closed: closes(&yaml[offset..]),
        problem: c[1].to_string(),
    })
}

/// Whether the `[`, `{` or quote that `text` starts with is closed in it.
fn closes(text: &str) -> bool {
    let mut chars = text.char_indices();
    let Some((_, open)) = chars.next() else {
        return false;
    };
    if open == '"' || open == '\'' {
        return quote_end(text, open).is_some();
    }
    let mut depth = 1usize;
    let mut prev = open;
    let mut pos = open.len_utf8();
    while let Some(c) = text[pos..].chars().next() {
        let mut next = pos + c.len_utf8();
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return true;
                }
            }
            '#' if prev.is_whitespace() => {
                next = text[pos..].find('\n').map_or(text.len(), |i| pos + i)
            }
            '"' | '\'' if matches!(last_significant(&text[..pos]), '[' | '{' | ',' | ':') => {
                match quote_end(&text[pos..], c) {
                    Some(end) => next = pos + end,
                    None => return false,
                }
            }
            _ => {}
        }
        prev = c;
        pos = next;
    }
    false
}

/// The last character before the end of `text` that is not white space.
fn last_significant(text: &str) -> char {
    text.chars()
        .rev()
        .find(|c| !c.is_whitespace())
        .unwrap_or('[')
}

/// The byte just after the quote that closes the one `text` starts with.
fn quote_end(text: &str, quote: char) -> Option<usize> {
    let mut escaped = false;
    let mut iter = text.char_indices().skip(1).peekable();
    while let Some((i, c)) = iter.next() {
        match (quote, c) {
            ('"', '\\') if !escaped => escaped = true,
            ('"', '"') if !escaped => return Some(i + 1),
            ('\'', '\'') if iter.peek().map(|p| p.1) == Some('\'') => {
                iter.next();
            }
            ('\'', '\'') => return Some(i + 1),
            _ => escaped = false,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(yaml: &str) -> Option<(usize, usize, &'static str, bool)> {
        let e = serde_yaml::from_str::<serde_yaml::Value>(yaml).unwrap_err();
        opened(yaml, &e.to_string()).map(|o| (o.line, o.column, o.what, o.closed))
    }

    #[test]
    fn the_opening_comes_from_the_parser() {
        assert_eq!(at("a: 1\ns: [Rust\nb: x\n"), Some((2, 4, "list", false)));
        assert_eq!(at("a: 1\ns: [Rust\nb: x]\n"), Some((2, 4, "list", true)));
        assert_eq!(
            at("s: {a: [1], b: 'x' \nc: d\n"),
            Some((1, 4, "mapping", false))
        );
        assert_eq!(at("s: {a: \"}\"\nc: d}\n"), Some((1, 4, "mapping", true)));
        assert_eq!(at("s: [a, # ]\nc: d\n"), Some((1, 4, "list", false)));
        assert_eq!(at("a: 1\ns: \"xy\nb: 2\n"), Some((2, 4, "quote", false)));
        assert_eq!(at("s: \"x\\qy\"\n"), Some((1, 4, "quote", true)));
        assert_eq!(at("s: 'it''s\n"), Some((1, 4, "quote", false)));
        assert_eq!(at("title: A: b\n"), None);
    }

    #[test]
    fn the_problem_keeps_the_parsers_words() {
        let yaml = "s: [Rust\nb: x]\n";
        let e = serde_yaml::from_str::<serde_yaml::Value>(yaml).unwrap_err();
        let o = opened(yaml, &e.to_string()).unwrap();
        assert_eq!(o.problem, "did not find expected ',' or ']'");
    }
}
