//! A template cut into its pieces: text, `{{ output }}` and `{% tag %}`
//! (with Liquid's `-` trimming), and the words of an expression.

use crate::diagnostics::{Error, Result};

/// One piece of a template, with the line it starts on.
#[derive(Debug, PartialEq)]
pub enum Piece {
    Text(String),
    Output(String, usize),
    Tag(String, usize),
}

/// The template's pieces; `Err` for a `{{` or `{%` left open.
pub fn pieces(template: &str) -> Result<Vec<Piece>> {
    let mut out = Vec::new();
    let mut rest = template;
    let mut line = 1;
    let mut trim_next = false;
    while let Some(open) = find_open(rest) {
        let (text, after) = rest.split_at(open);
        let is_tag = after.starts_with("{%");
        let close = if is_tag { "%}" } else { "}}" };
        let end = 2 + after[2..]
            .find(close)
            .ok_or_else(|| Error::msg(format!("line {line}: `{}` is not closed", &after[..2])))?;
        let inner = &after[2..end];
        let inner_lines = inner.matches('\n').count();
        let trim_before = inner.starts_with('-');
        push_text(&mut out, text, trim_next, trim_before);
        line += text.matches('\n').count();
        trim_next = inner.ends_with('-');
        let inner = inner.trim_start_matches('-').trim_end_matches('-').trim();
        out.push(match is_tag {
            true => Piece::Tag(inner.to_string(), line),
            false => Piece::Output(inner.to_string(), line),
        });
        line += inner_lines;
        rest = &after[end + 2..];
        if is_tag && (inner == "raw" || inner == "comment") {
            out.pop();
            let (text, after_raw) = raw_text(rest, inner)
                .ok_or_else(|| Error::msg(format!("line {line}: `{inner}` is not closed")))?;
            if inner == "raw" {
                out.push(Piece::Text(text.to_string()));
            }
            line += text.matches('\n').count();
            rest = after_raw;
            trim_next = false;
        }
    }
    push_text(&mut out, rest, trim_next, false);
    Ok(out)
}

/// The text of a `{% raw %}` (or `comment`) block up to its `{% endraw %}`,
/// and what follows that.
fn raw_text<'a>(rest: &'a str, tag: &str) -> Option<(&'a str, &'a str)> {
    let mut from = 0;
    while let Some(open) = rest[from..].find("{%").map(|i| i + from) {
        let close = open + rest[open..].find("%}")?;
        let inner = rest[open + 2..close].trim_matches('-').trim();
        if inner.strip_prefix("end") == Some(tag) {
            return Some((&rest[..open], &rest[close + 2..]));
        }
        from = open + 2;
    }
    None
}

fn find_open(text: &str) -> Option<usize> {
    match (text.find("{{"), text.find("{%")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn push_text(out: &mut Vec<Piece>, text: &str, trim_start: bool, trim_end: bool) {
    let text = if trim_start { text.trim_start() } else { text };
    let text = if trim_end { text.trim_end() } else { text };
    if !text.is_empty() {
        out.push(Piece::Text(text.to_string()));
    }
}

/// A word of an expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// A name: `page`, `size`, `contains`, `and`.
    Word(String),
    Str(String),
    Num(f64),
    /// `==`, `!=`, `<=`, `>=`, `<`, `>`, `..` or one of `.[]|:,()=`.
    Sym(&'static str),
}

const SYMS: &[&str] = &[
    "==", "!=", "<>", "<=", ">=", "..", "<", ">", ".", "[", "]", "|", ":", ",", "(", ")", "=",
];

/// The words of `text`; `Err` for a character Liquid does not know there.
pub fn words(text: &str) -> Result<Vec<Tok>> {
    let mut out = Vec::new();
    let mut rest = text.trim_start();
    while let Some(c) = rest.chars().next() {
        let (tok, len) = word(rest, c)?;
        out.push(tok);
        rest = rest[len..].trim_start();
    }
    Ok(out)
}

fn word(rest: &str, c: char) -> Result<(Tok, usize)> {
    if c == '"' || c == '\'' {
        let end = rest[1..]
            .find(c)
            .ok_or_else(|| Error::msg(format!("a string is not closed: {rest}")))?;
        return Ok((Tok::Str(rest[1..1 + end].to_string()), end + 2));
    }
    let starts_num =
        c.is_ascii_digit() || (c == '-' && rest[1..].starts_with(|d: char| d.is_ascii_digit()));
    if starts_num {
        return Ok(number(rest));
    }
    if c.is_alphabetic() || c == '_' {
        let len = rest
            .find(|ch: char| !(ch.is_alphanumeric() || ch == '_' || ch == '-' || ch == '?'))
            .unwrap_or(rest.len());
        return Ok((Tok::Word(rest[..len].to_string()), len));
    }
    match SYMS.iter().find(|s| rest.starts_with(**s)) {
        Some(s) => Ok((Tok::Sym(s), s.len())),
        None => Err(Error::msg(format!("unexpected `{c}` in `{rest}`"))),
    }
}

/// A number at the start of `rest` (`3`, `-2`, `1.5`; `1..` stops at `1`).
fn number(rest: &str) -> (Tok, usize) {
    let bytes = rest.as_bytes();
    let mut len = 1;
    while len < bytes.len() && bytes[len].is_ascii_digit() {
        len += 1;
    }
    let fraction =
        bytes.get(len) == Some(&b'.') && bytes.get(len + 1).is_some_and(u8::is_ascii_digit);
    if fraction {
        len += 1;
        while len < bytes.len() && bytes[len].is_ascii_digit() {
            len += 1;
        }
    }
    (Tok::Num(rest[..len].parse().unwrap_or(0.0)), len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_trim_and_count_lines() {
        let p = pieces("a \n{{- x -}}\n b{% if y %}\n{%- endif %}").unwrap();
        assert_eq!(
            p,
            vec![
                Piece::Text("a".into()),
                Piece::Output("x".into(), 2),
                Piece::Text("b".into()),
                Piece::Tag("if y".into(), 3),
                Piece::Tag("endif".into(), 4),
            ]
        );
        assert!(pieces("{{ x ").is_err());
        let raw = pieces("{% raw %}{{ x }}{% if {% endraw %} y").unwrap();
        assert_eq!(raw[0], Piece::Text("{{ x }}{% if ".into()));
        assert_eq!(raw[1], Piece::Text(" y".into()));
        let comment = pieces("a{% comment %}{% svg {{ %}\n{% endcomment %}{{ b }}").unwrap();
        assert_eq!(comment[1], Piece::Output("b".into(), 2));
        assert!(pieces("{% raw %}{{ x }}").is_err());
    }

    #[test]
    fn words_of_an_expression() {
        let w = words("a.b[0] | x: 'q r', -1.5 (1..3)").unwrap();
        let expect = [
            Tok::Word("a".into()),
            Tok::Sym("."),
            Tok::Word("b".into()),
            Tok::Sym("["),
            Tok::Num(0.0),
            Tok::Sym("]"),
            Tok::Sym("|"),
            Tok::Word("x".into()),
            Tok::Sym(":"),
            Tok::Str("q r".into()),
            Tok::Sym(","),
            Tok::Num(-1.5),
            Tok::Sym("("),
            Tok::Num(1.0),
            Tok::Sym(".."),
            Tok::Num(3.0),
            Tok::Sym(")"),
        ];
        assert_eq!(w, expect);
        assert!(words("a # b").is_err());
    }
}
