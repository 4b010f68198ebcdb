//! A template's pieces made into a tree of nodes: the tags of the subset
//! (`assign`, `capture`, `if`/`elsif`/`else`/`unless`, `for`; `comment`
//! and `raw` are [`lex`]'s) and `{{ expr | filter: args }}`. Any other tag, an unknown filter
//! or a block left open is an error naming its line.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::expr::{Cond, Cursor, Expr, Operand};
use super::lex::{self, Piece, Tok};
use crate::diagnostics::{Error, Result};

/// A parameter of Jekyll's `{% include %}`: `key="text"`, `key='text'` or
/// `key=variable` (Jekyll's own syntax: quoted text is taken as it is).
static PARAM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([\w.\[\]-]+))\s*"#)
        .expect("valid regex")
});

/// Blocks inside blocks deeper than this are refused (no stack overflow).
const MAX_DEPTH: usize = 64;

#[derive(Debug)]
pub enum Node {
    Text(String),
    Output(Expr),
    Assign(String, Expr),
    Capture(String, Vec<Node>),
    /// Branches in order (the first whose condition holds renders), then `else`.
    If(Vec<(Cond, Vec<Node>)>, Vec<Node>),
    For(Box<For>),
    /// Jekyll's `{% include NAME key=value %}`: the name and the parameters.
    Include(String, Vec<(String, Operand)>),
}

#[derive(Debug)]
pub struct For {
    pub var: String,
    pub source: Operand,
    pub limit: Option<Operand>,
    pub offset: Option<Operand>,
    pub reversed: bool,
    pub body: Vec<Node>,
    /// `{% else %}`: rendered when there is nothing to loop over.
    pub empty: Vec<Node>,
}

/// The template as nodes.
pub fn parse(template: &str) -> Result<Vec<Node>> {
    let mut parser = Parser {
        pieces: lex::pieces(template)?.into_iter(),
        depth: 0,
    };
    let (nodes, _) = parser.block(&[])?;
    Ok(nodes)
}

/// The tag that ended a block: its name, the rest of its text, its line.
struct End {
    name: String,
    rest: String,
    line: usize,
}

struct Parser {
    pieces: std::vec::IntoIter<Piece>,
    depth: usize,
}

impl Parser {
    /// Nodes up to one of the tags `ends` (none: up to the end of the template).
    fn block(&mut self, ends: &[&str]) -> Result<(Vec<Node>, Option<End>)> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Error::msg("blocks nested too deep"));
        }
        let mut nodes = Vec::new();
        while let Some(piece) = self.pieces.next() {
            let (tag, line) = match piece {
                Piece::Text(t) => {
                    nodes.push(Node::Text(t));
                    continue;
                }
                Piece::Output(e, line) => {
                    nodes.push(Node::Output(at_line(Expr::parse(&e), line)?));
                    continue;
                }
                Piece::Tag(t, line) => (t, line),
            };
            let (name, rest) = split_tag(&tag);
            if ends.contains(&name) {
                self.depth -= 1;
                let (name, rest) = (name.to_string(), rest.to_string());
                return Ok((nodes, Some(End { name, rest, line })));
            }
            if let Some(node) = at_line(self.tag(name, rest), line)? {
                nodes.push(node);
            }
        }
        match ends.first() {
            Some(end) => Err(Error::msg(format!("`{end}` is missing"))),
            None => Ok((nodes, None)),
        }
    }

    /// The node of the tag `name` (`None` for a comment).
    fn tag(&mut self, name: &str, rest: &str) -> Result<Option<Node>> {
        Ok(Some(match name {
            "assign" => {
                let (var, expr) = rest
                    .split_once('=')
                    .ok_or_else(|| Error::msg("`assign` without `=`"))?;
                Node::Assign(variable(var)?, Expr::parse(expr)?)
            }
            "capture" => {
                let (body, _) = self.block(&["endcapture"])?;
                Node::Capture(variable(rest)?, body)
            }
            "if" | "unless" => self.branches(name, rest)?,
            "for" => self.for_loop(rest)?,
            "include" => include(rest)?,
            _ if name.starts_with('#') => return Ok(None),
            _ => return Err(Error::msg(format!("the tag `{name}` is not supported"))),
        }))
    }

    /// `{% if %}` or `{% unless %}` with its `elsif` and `else`.
    fn branches(&mut self, name: &str, rest: &str) -> Result<Node> {
        let close = if name == "if" { "endif" } else { "endunless" };
        let mut cond = Cond::parse(rest)?;
        cond.not = name == "unless";
        let mut branches = Vec::new();
        loop {
            let (body, end) = self.block(&["elsif", "else", close])?;
            branches.push((cond, body));
            let Some(end) = end else {
                return Err(Error::msg(format!("`{close}` is missing")));
            };
            match end.name.as_str() {
                "elsif" => cond = at_line(Cond::parse(&end.rest), end.line)?,
                "else" => {
                    let (other, _) = self.block(&[close])?;
                    return Ok(Node::If(branches, other));
                }
                _ => return Ok(Node::If(branches, Vec::new())),
            }
        }
    }

    /// `{% for x in list limit: n offset: n reversed %}…{% else %}…{% endfor %}`.
    fn for_loop(&mut self, rest: &str) -> Result<Node> {
        let mut cur = Cursor::new(rest)?;
        let var = match (cur.next(), cur.next()) {
            (Some(Tok::Word(var)), Some(Tok::Word(w))) if w == "in" => var,
            _ => {
                return Err(Error::msg(format!(
                    "`for {rest}`: expected `for NAME in …`"
                )));
            }
        };
        let source = cur.operand()?;
        let (mut limit, mut offset, mut reversed) = (None, None, false);
        while let Some(tok) = cur.next() {
            match tok {
                Tok::Word(w) if w == "reversed" => reversed = true,
                Tok::Word(w) if w == "limit" || w == "offset" => {
                    cur.expect(":")?;
                    let slot = if w == "limit" {
                        &mut limit
                    } else {
                        &mut offset
                    };
                    *slot = Some(cur.operand()?);
                }
                Tok::Sym(",") => {}
                t => return Err(Error::msg(format!("`for`: unexpected {t:?}"))),
            }
        }
        let (body, end) = self.block(&["else", "endfor"])?;
        let empty = match end {
            Some(e) if e.name == "else" => self.block(&["endfor"])?.0,
            _ => Vec::new(),
        };
        Ok(Node::For(Box::new(For {
            var,
            source,
            limit,
            offset,
            reversed,
            body,
            empty,
        })))
    }
}

/// `{% include NAME key=value … %}`: a name written out (not one made by
/// Liquid) and its parameters.
fn include(rest: &str) -> Result<Node> {
    let (name, mut params) = split_tag(rest);
    if name.is_empty() || name.contains(['{', '}', '%']) {
        return Err(Error::msg(format!(
            "`include {rest}`: a file name expected"
        )));
    }
    let mut out = Vec::new();
    while !params.is_empty() {
        let c = PARAM
            .captures(params)
            .ok_or_else(|| Error::msg(format!("`include`: `{params}` is not a parameter")))?;
        let value = match (c.get(2).or(c.get(3)), c.get(4)) {
            (Some(text), _) => {
                let text = text.as_str().replace("\\\"", "\"").replace("\\'", "'");
                Operand::Lit(Value::String(text))
            }
            (None, Some(var)) => Expr::parse(var.as_str())?.base,
            (None, None) => Operand::Lit(Value::Null),
        };
        out.push((c[1].to_string(), value));
        params = &params[c[0].len()..];
    }
    Ok(Node::Include(name.to_string(), out))
}

/// A tag's name and the text after it.
fn split_tag(tag: &str) -> (&str, &str) {
    let tag = tag.trim();
    match tag.find(char::is_whitespace) {
        Some(i) => (&tag[..i], tag[i..].trim()),
        None => (tag, ""),
    }
}

/// A variable's name, as `assign` and `capture` take it.
fn variable(text: &str) -> Result<String> {
    let name = text.trim();
    let ok = name.starts_with(|c: char| c.is_alphabetic() || c == '_')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    match ok {
        true => Ok(name.to_string()),
        false => Err(Error::msg(format!("`{name}` is not a variable name"))),
    }
}

/// `result` with its error message starting with its template line.
fn at_line<T>(result: Result<T>, line: usize) -> Result<T> {
    result.map_err(|e| Error::msg(format!("line {line}: {}", e.message())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_nest_and_close() {
        let nodes = parse("a{% if x %}b{% elsif y %}c{% else %}d{% endif %}").unwrap();
        assert!(matches!(&nodes[1], Node::If(b, e) if b.len() == 2 && e.len() == 1));
        let nodes = parse("{% for i in list reversed limit: 2 %}{{ i }}{% else %}-{% endfor %}");
        let Ok(nodes) = nodes else {
            panic!("{nodes:?}")
        };
        assert!(matches!(&nodes[0], Node::For(f) if f.reversed && f.limit.is_some()));
        assert!(
            parse("{% comment %}{% svg x %}{% endcomment %}")
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn unsupported_or_unclosed_is_an_error_with_its_line() {
        let err = parse("a\n\n{% svg assets/x.svg %}").unwrap_err();
        assert_eq!(err.message(), "line 3: the tag `svg` is not supported");
        assert!(parse("{% if x %}").is_err());
        assert!(parse("{% for x %}{% endfor %}").is_err());
        assert!(parse("{{ x | no_such_filter }}").is_err());
        assert!(parse("{% assign 1x = 2 %}").is_err());
        assert!(parse(&"{% if a %}".repeat(1000)).is_err());
        assert!(parse("{% include {{ x }}.html %}").is_err());
        assert!(parse("{% include a.html = %}").is_err());
    }

    #[test]
    fn an_include_takes_text_and_variables() {
        let nodes =
            parse("{% include c/icon.html class=\"a \\\"b\\\"\" n=page.n w='1' %}").unwrap();
        let Node::Include(name, params) = &nodes[0] else {
            panic!("{nodes:?}")
        };
        assert_eq!(name, "c/icon.html");
        let keys: Vec<&str> = params.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["class", "n", "w"]);
        assert!(matches!(&params[0].1, Operand::Lit(Value::String(s)) if s == "a \"b\""));
        assert!(matches!(&params[1].1, Operand::Path(v, k) if v == "page" && k.len() == 1));
    }
}
