//! The common YAML mistakes behind a syntax error, found where they are
//! written: the parser notices them later (at the next key, or the end of the
//! file), so its position alone sends the user to the wrong line.

/// A mistake found in the text: 1-based line and column (in the YAML part),
/// what it is, and how to fix it.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Mistake {
    pub line: usize,
    pub column: usize,
    pub message: &'static str,
    pub help: &'static str,
}

/// The first common mistake written at or before line `before` (where the
/// parser stopped), if any.
pub(super) fn diagnose(yaml: &str, before: usize) -> Option<Mistake> {
    let found = [
        tab_indent(yaml),
        unclosed_quote(yaml),
        trailing_comma(yaml),
        list_indent(yaml),
    ];
    found
        .into_iter()
        .flatten()
        .filter(|m| m.line <= before)
        .min_by_key(|m| (m.line, m.column))
}

fn mistake(line: usize, col: usize, message: &'static str, help: &'static str) -> Mistake {
    Mistake {
        line: line + 1,
        column: col + 1,
        message,
        help,
    }
}

/// Lines that hold YAML (not blank, not a comment), with their index and indent.
fn content_lines(yaml: &str) -> impl Iterator<Item = (usize, &str, usize)> {
    yaml.lines().enumerate().filter_map(|(i, l)| {
        let t = l.trim_start_matches([' ', '\t']);
        (!t.is_empty() && !t.starts_with('#')).then(|| (i, l, l.len() - t.len()))
    })
}

fn tab_indent(yaml: &str) -> Option<Mistake> {
    let (i, l, _) = content_lines(yaml).find(|(_, l, n)| l[..*n].contains('\t'))?;
    let col = l.chars().position(|c| c == '\t').unwrap_or(0);
    Some(mistake(
        i,
        col,
        "a tab is used to indent this line",
        "YAML indents with spaces only: replace the tab with spaces (e.g. two per level)",
    ))
}

/// A value that opens a quote and does not close it on its line.
fn unclosed_quote(yaml: &str) -> Option<Mistake> {
    content_lines(yaml).find_map(|(i, l, n)| {
        let rest = &l[n..];
        let rest = rest.strip_prefix("- ").unwrap_or(rest);
        let value_at = match rest.find(": ") {
            Some(k) if !rest[..k].contains(['"', '\'']) => k + 2,
            _ => 0,
        };
        let value = rest[value_at..].trim_start();
        let q = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let inner = &value[1..];
        let closed = if q == '"' {
            let mut esc = false;
            inner.chars().any(|c| {
                let end = c == '"' && !esc;
                esc = c == '\\' && !esc;
                end
            })
        } else {
            inner.contains('\'')
        };
        let col = l.len() - value.len();
        (!closed).then(|| {
            mistake(
                i,
                l[..col].chars().count(),
                "this quote is not closed",
                "end the value with the same quote it starts with, on the same line (e.g. `title: \"My project\"`)",
            )
        })
    })
}

/// `skills: [Go, Rust],` (a comma after the closing bracket, as in JSON or
/// code) or `[Go,, Rust]` (two commas).
fn trailing_comma(yaml: &str) -> Option<Mistake> {
    let at = yaml.match_indices(',').map(|(i, _)| i).find(|&i| {
        let before = yaml[..i].trim_end_matches([' ', '\t']);
        let after = yaml[i + 1..].trim_start_matches([' ', '\t']);
        let line_ends = after.is_empty() || after.starts_with(['\n', '#']);
        let after_flow = (before.ends_with(']') || before.ends_with('}')) && !in_flow(yaml, i);
        (after_flow && line_ends) || (after.starts_with(',') && in_flow(yaml, i))
    })?;
    let line = yaml[..at].matches('\n').count();
    let start = yaml[..at].rfind('\n').map_or(0, |s| s + 1);
    Some(mistake(
        line,
        yaml[start..at].chars().count(),
        "a comma after the list (or two commas in a row)",
        "YAML separates items with one comma inside the brackets: write `[Go, Rust]`, with no comma after `]`",
    ))
}

/// Whether byte `at` is inside `[...]` or `{...}`.
fn in_flow(yaml: &str, at: usize) -> bool {
    let mut depth = 0i32;
    for c in yaml[..at].chars() {
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

/// A `- item` indented differently from the items before it.
fn list_indent(yaml: &str) -> Option<Mistake> {
    let mut dashes: Vec<usize> = Vec::new();
    let mut prev: Option<&str> = None;
    for (i, l, n) in content_lines(yaml) {
        let t = &l[n..];
        let is_item = t == "-" || t.starts_with("- ");
        while dashes
            .last()
            .is_some_and(|&d| d > n || (!is_item && d >= n))
        {
            dashes.pop();
        }
        if is_item && dashes.last() != Some(&n) {
            let opens = prev.is_none_or(|p| p.trim_end().ends_with(':'));
            let nested = dashes.last().is_some_and(|&d| d < n);
            if !opens && !nested {
                return Some(mistake(
                    i,
                    n,
                    "this list item is not indented like the items before it",
                    "start every `- ` item of one list in the same column",
                ));
            }
        }
        if is_item && dashes.last() != Some(&n) {
            dashes.push(n);
        }
        prev = Some(l);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(yaml: &str) -> Option<(usize, usize, &'static str)> {
        diagnose(yaml, usize::MAX).map(|m| (m.line, m.column, m.message))
    }

    #[test]
    fn finds_each_common_mistake_where_it_is() {
        assert_eq!(
            at("title: A\nskills:\n\t- Go\n"),
            Some((3, 1, "a tab is used to indent this line"))
        );
        assert_eq!(
            at("title: \"A\nsummary: B\n"),
            Some((1, 8, "this quote is not closed"))
        );
        let comma = "a comma after the list (or two commas in a row)";
        assert_eq!(at("skills: [Go, Rust],\nx: 1\n"), Some((1, 19, comma)));
        assert_eq!(at("skills: [Go,, Rust]\n"), Some((1, 12, comma)));
        assert_eq!(
            at("skills:\n  - Go\n - Rust\n"),
            Some((
                3,
                2,
                "this list item is not indented like the items before it"
            ))
        );
    }

    #[test]
    fn valid_yaml_has_no_mistake() {
        let ok = "title: \"A: b\"\nq: 'it''s'\nskills: [Go, Rust, ]\nexperience:\n  - company: A\n    items:\n      - x\n  - company: B\nlist:\n- a\n- b\nnested:\n  - - a\n    - b\n";
        assert_eq!(at(ok), None);
    }
}
