//! A small evaluator of Hugo shortcode templates (Go's html/template): the
//! subset old sites' own shortcodes use for buttons, notes and links —
//! `.Get`, `.Inner`, `.Page.Title`, `.Page.Params.x`, `.Params.x`,
//! `.IsNamedParams`, `if`/`with`/`else`, variables, `default`, `printf`,
//! `relURL`/`absURL`/`urls.JoinPath`, `markdownify`, `safeHTML`, `partial`
//! of the site's (or its theme's) `layouts/partials/`, the string and list
//! functions themes use to take a shortcode's text apart (`findRE`, `split`,
//! `index`, `substr`, `replace`, `len`, …) and comparisons. Anything else
//! met on the way gives `None`: the shortcode is then left for a hand,
//! never shown half-done.

mod parse;

use std::collections::HashMap;

use serde_json::{Map, Value as J};

use parse::{Arg, Node, Pipe};

/// Stands for what a pair holds while its template runs, when that text
/// stays Markdown around the template's HTML (see [`Used::inner_read`]).
pub const INNER_MARK: &str = "\u{1}folio-inner\u{1}";

/// How deep partials may call partials (a partial calling itself stops).
const DEPTH: usize = 8;

/// The old site, as a template reads it.
pub trait Site {
    /// A site path (`/uploads/a.pdf`) → its address in the import; `None`
    /// when it has none.
    fn url(&mut self, path: &str) -> Option<String>;
    /// The template of partial `name` (`layouts/partials/NAME`, the site's
    /// or its theme's); `None` when it has none.
    fn partial(&mut self, name: &str) -> Option<String>;
}

/// What a shortcode is called with, and the page it is on.
pub struct Call<'a> {
    pub positional: &'a [String],
    pub named: &'a [(String, String)],
    /// What a pair holds (`{{< n >}}inner{{< /n >}}`).
    pub inner: Option<&'a str>,
    pub title: &'a str,
    pub params: &'a Map<String, J>,
    pub site: &'a mut dyn Site,
}

/// What the template read: its arguments, its inner text, the page's
/// title or description (which folio shows itself), other page data.
#[derive(Debug, Default, PartialEq)]
pub struct Used {
    pub args: bool,
    pub inner: bool,
    pub shown_meta: bool,
    pub other_page: bool,
    /// A function looked into [`INNER_MARK`] (`findRE`, `len`, `eq`…): what
    /// it showed depends on the pair's real text, so the mark can't stand in.
    pub inner_read: bool,
}

/// A value: text (and whether it is HTML already), a truth value, a list
/// (`findRE`, `split`), or nothing.
#[derive(Debug, Clone, PartialEq)]
enum Val {
    Str(String, bool),
    Bool(bool),
    List(Vec<Val>),
    Nil,
    /// The shortcode itself (`.` at the top).
    Root,
}

impl Val {
    fn truthy(&self) -> bool {
        match self {
            Val::Str(s, _) => !s.is_empty(),
            Val::Bool(b) => *b,
            Val::List(l) => !l.is_empty(),
            Val::Nil => false,
            Val::Root => true,
        }
    }

    fn text(&self) -> Option<String> {
        match self {
            Val::Str(s, _) => Some(s.clone()),
            Val::Bool(b) => Some(b.to_string()),
            Val::Nil => Some(String::new()),
            Val::List(_) | Val::Root => None,
        }
    }

    fn str(s: impl Into<String>) -> Val {
        Val::Str(s.into(), false)
    }
}

/// The shortcode `template` rendered for `call`, with what it read; `None`
/// when it uses what this evaluator lacks.
pub fn render(template: &str, call: &mut Call) -> Option<(String, Used)> {
    let tree = parse::parse(template)?;
    let mut ev = Eval {
        call,
        vars: HashMap::new(),
        top: Val::Root,
        depth: 0,
        used: Used::default(),
    };
    let mut out = String::new();
    ev.nodes(&tree, &Val::Root, &mut out)?;
    Some((out, ev.used))
}

struct Eval<'c, 'a> {
    call: &'c mut Call<'a>,
    vars: HashMap<String, Val>,
    /// `$`: the shortcode, or the value a partial was given.
    top: Val,
    /// How many partials deep.
    depth: usize,
    used: Used,
}

impl Eval<'_, '_> {
    fn nodes(&mut self, nodes: &[Node], dot: &Val, out: &mut String) -> Option<()> {
        for n in nodes {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Out(p) => {
                    let v = self.pipe(p, dot)?;
                    if p.set.is_none() {
                        out.push_str(&shown(&v)?);
                    }
                }
                Node::Branch {
                    with,
                    cond,
                    then,
                    els,
                } => {
                    let v = self.pipe(cond, dot)?;
                    match (v.truthy(), with) {
                        (true, true) => self.nodes(then, &v, out)?,
                        (true, false) => self.nodes(then, dot, out)?,
                        (false, _) => self.nodes(els, dot, out)?,
                    }
                }
            }
        }
        Some(())
    }

    fn pipe(&mut self, p: &Pipe, dot: &Val) -> Option<Val> {
        let mut last: Option<Val> = None;
        for cmd in &p.cmds {
            last = Some(self.command(cmd, dot, last)?);
        }
        let v = last?;
        if let Some((name, _)) = &p.set {
            self.vars.insert(name.clone(), v.clone());
        }
        Some(v)
    }

    /// One command; `piped` is the value of the one before it (its last argument).
    fn command(&mut self, cmd: &[Arg], dot: &Val, piped: Option<Val>) -> Option<Val> {
        let (head, rest) = cmd.split_first()?;
        match head {
            Arg::Ident(f) if f == "partial" => {
                let mut args = self.args(rest, dot)?;
                args.extend(piped);
                self.partial(&args)
            }
            Arg::Ident(f) => self.func(f, rest, dot, piped),
            Arg::Field(f)
                if *dot == Val::Root && (f == &["Get"] || f == &["Page", "RenderString"]) =>
            {
                let mut args = self.args(rest, dot)?;
                args.extend(piped);
                if f[0] == "Get" {
                    self.get(args.first()?, rest.first()?)
                } else {
                    args.last()
                        .map(|v| Val::Str(v.text().unwrap_or_default(), true))
                }
            }
            _ if rest.is_empty() && piped.is_none() => self.operand(head, dot),
            _ => None,
        }
    }

    fn args(&mut self, args: &[Arg], dot: &Val) -> Option<Vec<Val>> {
        args.iter().map(|a| self.operand(a, dot)).collect()
    }

    /// `.Get 0` / `.Get "name"`: an argument of the call, else nothing.
    fn get(&mut self, key: &Val, raw: &Arg) -> Option<Val> {
        self.used.args = true;
        let found = match raw {
            Arg::Num(i) => self.call.positional.get(usize::try_from(*i).ok()?),
            _ => {
                let k = key.text()?;
                self.call
                    .named
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v)
            }
        };
        Some(found.map_or(Val::Nil, |v| Val::str(v.clone())))
    }

    fn operand(&mut self, a: &Arg, dot: &Val) -> Option<Val> {
        match a {
            Arg::Str(s) => Some(Val::str(s.clone())),
            Arg::Num(n) => Some(Val::str(n.to_string())),
            Arg::Bool(b) => Some(Val::Bool(*b)),
            Arg::Nil => Some(Val::Nil),
            Arg::Sub(p) => self.pipe(p, dot),
            Arg::Field(f) if f.is_empty() => Some(dot.clone()),
            Arg::Field(f) if *dot == Val::Root => self.field(f),
            Arg::Var(v, f) if f.is_empty() && v.is_empty() => Some(self.top.clone()),
            Arg::Var(v, f) if f.is_empty() => self.vars.get(v).cloned(),
            Arg::Var(..) | Arg::Field(_) => None,
            Arg::Ident(f) => self.func(f, &[], dot, None),
        }
    }

    /// `.Inner`, `.IsNamedParams`, `.Params.x`, `.Page.…` of the shortcode.
    fn field(&mut self, f: &[String]) -> Option<Val> {
        let f: Vec<&str> = f.iter().map(String::as_str).collect();
        match f.as_slice() {
            ["Inner"] => {
                self.used.inner = true;
                Some(Val::Str(
                    self.call.inner.unwrap_or_default().to_string(),
                    true,
                ))
            }
            ["IsNamedParams"] => {
                self.used.args = true;
                Some(Val::Bool(!self.call.named.is_empty()))
            }
            ["Params", k] => {
                self.used.args = true;
                let v = self.call.named.iter().find(|(n, _)| n == k);
                Some(v.map_or(Val::Nil, |(_, v)| Val::str(v.clone())))
            }
            ["Page", "Title"] => {
                self.used.shown_meta = true;
                Some(Val::str(self.call.title))
            }
            ["Page", "Description"] => {
                self.used.shown_meta = true;
                Some(param(self.call.params, "description"))
            }
            ["Page", "Params", k] => {
                self.used.other_page = true;
                Some(param(self.call.params, k))
            }
            _ => None,
        }
    }
}

impl Eval<'_, '_> {
    /// `partial "name.html" ctx`: the site's partial run with `.` and `$`
    /// set to `ctx`, in variables of its own; its output is HTML.
    fn partial(&mut self, args: &[Val]) -> Option<Val> {
        let (name, ctx) = match args {
            [name] => (name.text()?, Val::Nil),
            [name, ctx] => (name.text()?, ctx.clone()),
            _ => return None,
        };
        if self.depth >= DEPTH {
            return None;
        }
        let tree = parse::parse(&self.call.site.partial(&name)?)?;
        let vars = std::mem::take(&mut self.vars);
        let top = std::mem::replace(&mut self.top, ctx.clone());
        self.depth += 1;
        let mut out = String::new();
        let done = self.nodes(&tree, &ctx, &mut out);
        self.depth -= 1;
        self.vars = vars;
        self.top = top;
        done.map(|()| Val::Str(out, true))
    }
}

/// A page's front matter value `key` as text (case as Hugo reads it: any).
fn param(params: &Map<String, J>, key: &str) -> Val {
    let found = params.iter().find(|(k, _)| k.eq_ignore_ascii_case(key));
    match found.map(|(_, v)| v) {
        Some(J::String(s)) => Val::str(s.clone()),
        Some(J::Number(n)) => Val::str(n.to_string()),
        Some(J::Bool(b)) => Val::Bool(*b),
        _ => Val::Nil,
    }
}

/// A value as the page shows it: text escaped unless it is HTML already.
fn shown(v: &Val) -> Option<String> {
    match v {
        Val::Str(s, true) => Some(s.clone()),
        other => Some(escape(&other.text()?)),
    }
}

/// Escaped as Go's html/template does, single quotes too (a template may
/// quote an attribute with them).
fn escape(s: &str) -> String {
    crate::util::escape::escape_markup(s).replace('\'', "&#39;")
}

mod funcs;
mod text;

#[cfg(test)]
mod tests;
