//! The template functions the evaluator knows; any other gives `None`.

use super::parse::Arg;
use super::{Eval, INNER_MARK, Val};

/// Functions that show a pair's text as it is (or around it), so
/// [`INNER_MARK`] may stand in for it; any other looks into it.
const PASSING: &[&str] = &[
    "safeHTML",
    "safeURL",
    "safeHTMLAttr",
    "htmlUnescape",
    "markdownify",
    "markdownify.Markdownify",
    "print",
    "printf",
    "default",
    "chomp",
    "trim",
    "strings.TrimSpace",
    "strings.Chomp",
];

/// Whether `v` holds [`INNER_MARK`].
fn marked(v: &Val) -> bool {
    match v {
        Val::Str(s, _) => s.contains(INNER_MARK),
        Val::List(l) => l.iter().any(marked),
        _ => false,
    }
}

impl Eval<'_, '_> {
    /// Calls function `f` on `args` (and the piped value, as its last).
    pub(super) fn func(
        &mut self,
        f: &str,
        args: &[Arg],
        dot: &Val,
        piped: Option<Val>,
    ) -> Option<Val> {
        // `or` and `and` stop at their answer: what follows may be unknown.
        if (f == "or" || f == "and") && piped.is_none() {
            let mut last = Val::Nil;
            for a in args {
                last = self.operand(a, dot)?;
                if last.truthy() == (f == "or") {
                    break;
                }
            }
            return Some(last);
        }
        let mut v = self.args(args, dot)?;
        v.extend(piped);
        if !PASSING.contains(&f) && v.iter().any(marked) {
            self.used.inner_read = true;
        }
        match super::text::apply(f, &v) {
            Some(found) => found,
            None => self.apply(f, &v),
        }
    }

    fn apply(&mut self, f: &str, v: &[Val]) -> Option<Val> {
        let text = |i: usize| v.get(i).and_then(Val::text);
        Some(match (f, v.len()) {
            ("default", 2) => (if v[1].truthy() { &v[1] } else { &v[0] }).clone(),
            ("not", 1) => Val::Bool(!v[0].truthy()),
            ("eq", 2) => Val::Bool(text(0)? == text(1)?),
            ("eq", n) if n > 2 => Val::Bool(v[1..].iter().any(|b| b.text() == text(0))),
            ("ne", 2) => Val::Bool(text(0)? != text(1)?),
            ("lower", 1) => Val::str(text(0)?.to_lowercase()),
            ("upper", 1) => Val::str(text(0)?.to_uppercase()),
            ("in", 2) => Val::Bool(text(0)?.contains(&text(1)?)),
            ("strings.HasPrefix" | "hasPrefix", 2) => Val::Bool(text(0)?.starts_with(&text(1)?)),
            ("strings.HasSuffix" | "hasSuffix", 2) => Val::Bool(text(0)?.ends_with(&text(1)?)),
            ("strings.TrimSpace" | "trim", 1) => Val::str(text(0)?.trim()),
            ("safeHTML" | "safeURL" | "safeHTMLAttr" | "htmlUnescape", 1) => {
                Val::Str(text(0)?, true)
            }
            ("markdownify" | "markdownify.Markdownify", 1) => markdownify(&v[0])?,
            ("print", _) => Val::str(v.iter().map(Val::text).collect::<Option<String>>()?),
            ("printf", n) if n >= 1 => Val::str(printf(&text(0)?, &v[1..])?),
            ("relURL" | "absURL" | "relLangURL" | "absLangURL", 1) => self.url(&text(0)?)?,
            ("urls.JoinPath", n) if n >= 1 => {
                let parts: Vec<String> = v.iter().map(Val::text).collect::<Option<_>>()?;
                let joined = parts
                    .iter()
                    .map(|p| p.trim_matches('/'))
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join("/");
                Val::str(joined)
            }
            _ => return None,
        })
    }

    /// A site path as the import addresses it; an address stays.
    fn url(&mut self, path: &str) -> Option<Val> {
        if path.contains("://") || path.starts_with('#') || path.starts_with("mailto:") {
            return Some(Val::str(path));
        }
        // Hugo reads a path without `/` from the site's root.
        let path = format!("/{}", path.trim_start_matches('/'));
        self.call.site.url(&path).map(Val::str)
    }
}

/// Hugo's `markdownify`: Markdown → HTML, without the `<p>` of one paragraph.
fn markdownify(v: &Val) -> Option<Val> {
    // What a pair holds stays Markdown: folio renders it around the HTML.
    let md = v.text()?;
    if md == INNER_MARK {
        return Some(v.clone());
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&md));
    let html = html.trim_end();
    let one = html
        .strip_prefix("<p>")
        .and_then(|h| h.strip_suffix("</p>"))
        .filter(|h| !h.contains("<p>"));
    Some(Val::Str(one.unwrap_or(html).to_string(), true))
}

/// Go's `printf` for `%s`, `%v`, `%d` and `%%`; another verb gives `None`.
fn printf(format: &str, args: &[Val]) -> Option<String> {
    let mut out = String::new();
    let mut args = args.iter();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            '%' => out.push('%'),
            's' | 'v' | 'd' => out.push_str(&args.next()?.text()?),
            _ => return None,
        }
    }
    Some(out)
}
