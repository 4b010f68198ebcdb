//! Go's text/template syntax (as Hugo's shortcodes use it) → a tree: text,
//! `{{ pipeline }}`, `if`/`with`/`else`/`end` and `$x := …`. What the parser
//! does not know (`range`, `define`, `template`, `block`) gives `None`.

/// One operand of a command.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Str(String),
    Num(i64),
    Bool(bool),
    Nil,
    /// `.A.B` (`.` alone: no names).
    Field(Vec<String>),
    /// `$x.A` (`$` alone: the name is empty).
    Var(String, Vec<String>),
    /// A function name (`default`, `urls.JoinPath`).
    Ident(String),
    Sub(Pipe),
}

/// `$x := a b | c d`: commands, each a list of operands.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pipe {
    /// The variable set (`$x`) and whether it is declared (`:=`).
    pub set: Option<(String, bool)>,
    pub cmds: Vec<Vec<Arg>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Text(String),
    Out(Pipe),
    /// `if` (with: false) or `with` (true), what it shows and its `else`.
    Branch {
        with: bool,
        cond: Pipe,
        then: Vec<Node>,
        els: Vec<Node>,
    },
}

#[derive(Debug, PartialEq)]
enum Tok {
    Arg(Arg),
    Open,
    Close,
    Bar,
    Decl,
    Assign,
}

/// The template's pieces: text and the insides of its actions (comments
/// dropped, `{{-`/`-}}` trimming applied).
fn pieces(src: &str) -> Option<Vec<(bool, String)>> {
    let mut out: Vec<(bool, String)> = Vec::new();
    let mut rest = src;
    let mut trim_next = false;
    while let Some(at) = rest.find("{{") {
        let mut text = &rest[..at];
        if trim_next {
            text = text.trim_start();
        }
        let after = &rest[at + 2..];
        let left = after.starts_with("- ") || after.starts_with("-\n") || after.starts_with("-\t");
        if left {
            text = text.trim_end();
        }
        out.push((false, text.to_string()));
        let body_start = if left { 1 } else { 0 };
        let end = action_end(&after[body_start..])? + body_start;
        let mut inner = &after[body_start..end];
        trim_next = inner.ends_with(" -") || inner.ends_with("\n-") || inner.ends_with("\t-");
        if trim_next {
            inner = &inner[..inner.len() - 1];
        }
        let inner = inner.trim();
        if !(inner.starts_with("/*") && inner.ends_with("*/")) {
            out.push((true, inner.to_string()));
        }
        rest = &after[end + 2..];
    }
    let text = if trim_next { rest.trim_start() } else { rest };
    out.push((false, text.to_string()));
    Some(out)
}

/// Where the action starting at `s` ends (its `}}`), past strings and comments.
fn action_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => i = close_quote(s, i, b'"')?,
            b'`' => i = close_quote(s, i, b'`')?,
            b'/' if s[i..].starts_with("/*") => i = i + s[i..].find("*/")? + 1,
            b'}' if s[i..].starts_with("}}") => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

fn close_quote(s: &str, start: usize, q: u8) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = start + 1;
    while i < b.len() {
        if b[i] == b'\\' && q == b'"' {
            i += 2;
            continue;
        }
        if b[i] == q {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn word_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.') {
        i += 1;
    }
    i
}

fn names(s: &str) -> Vec<String> {
    s.split('.')
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

/// The tokens of one action's inside.
fn tokens(s: &str) -> Option<Vec<Tok>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let (tok, next) = match c {
            _ if c.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            b'(' => (Tok::Open, i + 1),
            b')' => (Tok::Close, i + 1),
            b'|' => (Tok::Bar, i + 1),
            b':' if s[i..].starts_with(":=") => (Tok::Decl, i + 2),
            b'=' => (Tok::Assign, i + 1),
            b'"' | b'`' => {
                let end = close_quote(s, i, c)?;
                let raw = &s[i + 1..end];
                let text = if c == b'"' {
                    unescape(raw)
                } else {
                    raw.to_string()
                };
                (Tok::Arg(Arg::Str(text)), end + 1)
            }
            b'.' => {
                let end = word_end(b, i + 1);
                (Tok::Arg(Arg::Field(names(&s[i..end]))), end)
            }
            b'$' => {
                let end = word_end(b, i + 1);
                let mut parts = s[i + 1..end].split('.');
                let var = parts.next().unwrap_or_default().to_string();
                let fields = parts.filter(|p| !p.is_empty()).map(str::to_string);
                (Tok::Arg(Arg::Var(var, fields.collect())), end)
            }
            b'-' | b'0'..=b'9' => {
                let end = word_end(b, i + 1);
                (Tok::Arg(Arg::Num(s[i..end].parse().ok()?)), end)
            }
            _ if c.is_ascii_alphabetic() || c == b'_' => {
                let end = word_end(b, i);
                let arg = match &s[i..end] {
                    "true" => Arg::Bool(true),
                    "false" => Arg::Bool(false),
                    "nil" => Arg::Nil,
                    w => Arg::Ident(w.to_string()),
                };
                (Tok::Arg(arg), end)
            }
            _ => return None,
        };
        out.push(tok);
        i = next;
    }
    Some(out)
}

/// A Go string's escapes (`\"`, `\\`, `\n`, `\t`); another stays as it is.
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(e @ ('"' | '\\')) => out.push(e),
            Some(e) => {
                out.push('\\');
                out.push(e);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// A pipeline from tokens (`$x := a b | c`).
fn pipe(toks: &[Tok]) -> Option<Pipe> {
    let mut p = Pipe::default();
    let mut toks = toks;
    if let [
        Tok::Arg(Arg::Var(v, f)),
        op @ (Tok::Decl | Tok::Assign),
        rest @ ..,
    ] = toks
    {
        if !f.is_empty() {
            return None;
        }
        p.set = Some((v.clone(), *op == Tok::Decl));
        toks = rest;
    }
    let mut cmd = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            Tok::Arg(a) => cmd.push(a.clone()),
            Tok::Bar => p.cmds.push(std::mem::take(&mut cmd)),
            Tok::Open => {
                let close = matching(toks, i)?;
                cmd.push(Arg::Sub(pipe(&toks[i + 1..close])?));
                i = close;
            }
            _ => return None,
        }
        i += 1;
    }
    p.cmds.push(cmd);
    p.cmds.iter().all(|c| !c.is_empty()).then_some(p)
}

fn matching(toks: &[Tok], open: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, t) in toks.iter().enumerate().skip(open) {
        match t {
            Tok::Open => depth += 1,
            Tok::Close if depth == 1 => return Some(i),
            Tok::Close => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The template as a tree; `None` when it uses what this parser lacks.
pub fn parse(src: &str) -> Option<Vec<Node>> {
    let pieces = pieces(src)?;
    let mut it = pieces.into_iter();
    let (nodes, end) = block(&mut it)?;
    end.is_none().then_some(nodes)
}

/// How a block ended: `end`, `else`, `else if …`, `else with …`.
enum End {
    End,
    Else(Option<(bool, Pipe)>),
}

fn block(it: &mut impl Iterator<Item = (bool, String)>) -> Option<(Vec<Node>, Option<End>)> {
    let mut nodes = Vec::new();
    while let Some((action, text)) = it.next() {
        if !action {
            if !text.is_empty() {
                nodes.push(Node::Text(text));
            }
            continue;
        }
        let (word, rest) = text.split_once(char::is_whitespace).unwrap_or((&text, ""));
        match word {
            "end" => return Some((nodes, Some(End::End))),
            "else" => return Some((nodes, Some(End::Else(else_chain(rest)?)))),
            "if" | "with" => nodes.push(branch(it, word == "with", rest)?),
            "range" | "define" | "template" | "block" | "break" | "continue" => return None,
            _ => nodes.push(Node::Out(pipe(&tokens(&text)?)?)),
        }
    }
    Some((nodes, None))
}

fn else_chain(rest: &str) -> Option<Option<(bool, Pipe)>> {
    let rest = rest.trim();
    if rest.is_empty() {
        return Some(None);
    }
    let (word, cond) = rest.split_once(char::is_whitespace)?;
    match word {
        "if" | "with" => Some(Some((word == "with", pipe(&tokens(cond)?)?))),
        _ => None,
    }
}

fn branch(it: &mut impl Iterator<Item = (bool, String)>, with: bool, cond: &str) -> Option<Node> {
    chained(it, with, pipe(&tokens(cond)?)?)
}

/// `else if c` / `else with c`: a branch ending with the outer one's `end`.
fn chained(it: &mut impl Iterator<Item = (bool, String)>, with: bool, cond: Pipe) -> Option<Node> {
    let (then, end) = block(it)?;
    let els = match end? {
        End::End => Vec::new(),
        End::Else(None) => {
            let (els, end) = block(it)?;
            matches!(end?, End::End).then_some(els)?
        }
        End::Else(Some((w, c))) => vec![chained(it, w, c)?],
    };
    Some(Node::Branch {
        with,
        cond,
        then,
        els,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_drops_comments_and_nests_branches() {
        let t = parse("a  {{- /* note */ -}}  b {{ if .X }}y{{ else if $z }}z{{ else }}n{{ end }}")
            .unwrap();
        assert_eq!(t[0], Node::Text("a".into()));
        assert_eq!(t[1], Node::Text("b ".into()));
        let Node::Branch { els, .. } = &t[2] else {
            panic!("{t:?}")
        };
        assert!(matches!(&els[0], Node::Branch { els, .. } if els == &[Node::Text("n".into())]));
    }

    #[test]
    fn reads_pipelines_and_declarations() {
        let t = parse(r#"{{ $x := .Get 0 | default (printf "%s" "}}") }}"#).unwrap();
        let Node::Out(p) = &t[0] else { panic!() };
        assert_eq!(p.set, Some(("x".into(), true)));
        assert_eq!(p.cmds.len(), 2);
        assert_eq!(p.cmds[0], vec![Arg::Field(vec!["Get".into()]), Arg::Num(0)]);
    }

    #[test]
    fn what_it_lacks_gives_none() {
        assert!(parse("{{ range .Params }}x{{ end }}").is_none());
        assert!(parse("{{ if .X }}x").is_none());
        assert!(parse("{{ .X ").is_none());
    }
}
