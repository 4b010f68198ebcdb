//! Reading shortcode calls in Zola's syntax: `{{ name(key="value", n=1) }}` and
//! `{% name(key="value") %}body{% end %}`, with `{{/* ... */}}` to print a call as
//! text. Values are strings (`"…"`, `'…'` or `` `…` ``), numbers, `true`/`false`
//! and lists of those.

use serde_json::{Map, Number, Value};

/// One call found in the text, with byte offsets into it.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub name: String,
    pub args: Map<String, Value>,
    /// The body of a `{% … %}` call, as written; `None` for `{{ … }}`.
    pub body: Option<String>,
    pub start: usize,
    pub end: usize,
}

/// What the text at a `{{` or `{%` is.
#[derive(Debug, PartialEq)]
pub enum Found {
    Call(Call),
    /// `{{/* … */}}`: the call inside, to print as written.
    Escaped {
        text: String,
        end: usize,
    },
    /// Syntax of another tool (Hugo, Liquid, Jinja): `what` it looks like.
    Foreign {
        what: String,
        end: usize,
    },
    /// A folio call that cannot be read: why, and where (byte offset).
    Malformed {
        message: String,
        at: usize,
    },
}

struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }
    fn skip_ws(&mut self) {
        let trimmed = self.rest().trim_start();
        self.pos = self.s.len() - trimmed.len();
    }
    fn eat(&mut self, token: &str) -> bool {
        if self.rest().starts_with(token) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }
    fn ident(&mut self) -> Option<&'a str> {
        let rest = self.rest();
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(rest.len());
        let starts_well = rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_');
        if len == 0 || !starts_well {
            return None;
        }
        self.pos += len;
        Some(&rest[..len])
    }
    fn malformed(&self, message: impl Into<String>) -> Found {
        Found::Malformed {
            message: message.into(),
            at: self.pos,
        }
    }
}

/// Reads what starts at `start`, where `text[start..]` begins with `{{` or `{%`.
pub fn read_at(text: &str, start: usize) -> Found {
    let mut c = Cursor {
        s: text,
        pos: start + 2,
    };
    let block = text[start..].starts_with("{%");
    if !block && c.rest().starts_with("/*") {
        return read_escaped(text, start);
    }
    if c.rest().starts_with(['<', '%']) {
        return hugo(text, start, &c);
    }
    c.skip_ws();
    let Some(name) = c.ident() else {
        return foreign_tag(text, start, block);
    };
    c.skip_ws();
    if !c.eat("(") {
        return foreign_tag(text, start, block);
    }
    let args = match read_args(&mut c) {
        Ok(args) => args,
        Err(found) => return found,
    };
    c.skip_ws();
    let close = if block { "%}" } else { "}}" };
    if !c.eat(close) {
        return c.malformed(format!("this shortcode call is not closed with `{close}`"));
    }
    let mut call = Call {
        name: name.to_string(),
        args,
        body: None,
        start,
        end: c.pos,
    };
    if block {
        let Some((body_end, end)) = find_end(text, c.pos) else {
            return Found::Malformed {
                message: format!("`{{% {name}(…) %}}` has no `{{% end %}}` after its body"),
                at: start,
            };
        };
        call.body = Some(text[c.pos..body_end].to_string());
        call.end = end;
    }
    Found::Call(call)
}

fn read_escaped(text: &str, start: usize) -> Found {
    let inner_start = start + 4;
    match text[inner_start..].find("*/}}") {
        Some(i) => Found::Escaped {
            text: format!("{{{{{}}}}}", &text[inner_start..inner_start + i]),
            end: inner_start + i + 4,
        },
        None => Found::Malformed {
            message: "`{{/*` is not closed with `*/}}`".into(),
            at: start,
        },
    }
}

/// `{{< name … >}}` or `{{% name … %}}`: a Hugo shortcode.
fn hugo(text: &str, start: usize, c: &Cursor) -> Found {
    let close = if c.rest().starts_with('<') {
        ">}}"
    } else {
        "%}}"
    };
    let end = text[c.pos..]
        .find(close)
        .map(|i| c.pos + i + close.len())
        .unwrap_or(c.pos + 1);
    Found::Foreign {
        what: text[start..end].to_string(),
        end,
    }
}

/// `{% word … %}` or `{{ word … }}` without a call: a Liquid/Jinja tag.
fn foreign_tag(text: &str, start: usize, block: bool) -> Found {
    let close = if block { "%}" } else { "}}" };
    let from = start + 2;
    let end = text[from..]
        .find(close)
        .filter(|&i| !text[from..from + i].contains("\n\n"))
        .map(|i| from + i + close.len());
    match end {
        Some(end) => Found::Foreign {
            what: text[start..end].to_string(),
            end,
        },
        // `{{` alone in prose is just text.
        None => Found::Foreign {
            what: String::new(),
            end: from,
        },
    }
}

/// Finds `{% end %}` after a body starting at `from`: (body end, tag end).
fn find_end(text: &str, from: usize) -> Option<(usize, usize)> {
    let mut search = from;
    while let Some(i) = text[search..].find("{%") {
        let at = search + i;
        let mut c = Cursor {
            s: text,
            pos: at + 2,
        };
        c.skip_ws();
        if c.eat("end") {
            c.skip_ws();
            if c.eat("%}") {
                return Some((at, c.pos));
            }
        }
        search = at + 2;
    }
    None
}

fn read_args(c: &mut Cursor) -> Result<Map<String, Value>, Found> {
    let mut args = Map::new();
    loop {
        c.skip_ws();
        if c.eat(")") {
            return Ok(args);
        }
        let Some(key) = c.ident() else {
            return Err(c.malformed("expected an argument name, e.g. `id=\"…\"`, or `)`"));
        };
        c.skip_ws();
        if !c.eat("=") {
            return Err(c.malformed(format!("expected `=` after `{key}`")));
        }
        c.skip_ws();
        let value = read_value(c)?;
        if args.insert(key.to_string(), value).is_some() {
            return Err(c.malformed(format!("`{key}` is given twice")));
        }
        c.skip_ws();
        if !c.eat(",") && !c.rest().starts_with(')') {
            return Err(c.malformed("expected `,` or `)` after an argument"));
        }
    }
}

fn read_value(c: &mut Cursor) -> Result<Value, Found> {
    let rest = c.rest();
    if let Some(q) = rest
        .chars()
        .next()
        .filter(|q| matches!(q, '"' | '\'' | '`'))
    {
        return read_string(c, q).map(Value::String);
    }
    if c.eat("[") {
        let mut items = Vec::new();
        loop {
            c.skip_ws();
            if c.eat("]") {
                return Ok(Value::Array(items));
            }
            items.push(read_value(c)?);
            c.skip_ws();
            if !c.eat(",") && !c.rest().starts_with(']') {
                return Err(c.malformed("expected `,` or `]` in a list"));
            }
        }
    }
    if c.eat("true") {
        return Ok(Value::Bool(true));
    }
    if c.eat("false") {
        return Ok(Value::Bool(false));
    }
    read_number(c)
}

fn read_string(c: &mut Cursor, quote: char) -> Result<String, Found> {
    let start = c.pos;
    c.pos += 1;
    let mut out = String::new();
    let mut chars = c.rest().char_indices();
    while let Some((i, ch)) = chars.next() {
        match ch {
            '\\' if quote != '`' => match chars.next() {
                Some((_, 'n')) => out.push('\n'),
                Some((_, e)) => out.push(e),
                None => break,
            },
            ch if ch == quote => {
                c.pos += i + 1;
                return Ok(out);
            }
            ch => out.push(ch),
        }
    }
    Err(Found::Malformed {
        message: format!("this string has no closing {quote}"),
        at: start,
    })
}

fn read_number(c: &mut Cursor) -> Result<Value, Found> {
    let rest = c.rest();
    let len = rest
        .find(|ch: char| !(ch.is_ascii_digit() || matches!(ch, '-' | '+' | '.')))
        .unwrap_or(rest.len());
    let number = rest[..len]
        .parse::<i64>()
        .ok()
        .map(Number::from)
        .or_else(|| rest[..len].parse::<f64>().ok().and_then(Number::from_f64));
    match number {
        Some(n) if len > 0 => {
            c.pos += len;
            Ok(Value::Number(n))
        }
        _ => Err(c.malformed("expected a value: a \"string\", a number, true, false or a [list]")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn call(s: &str) -> Call {
        match read_at(s, 0) {
            Found::Call(c) => c,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reads_inline_calls_with_every_kind_of_value() {
        let s = r#"{{ figure(src="a.png", width=300, r=1.5, big=false, tags=["a", 'b']) }} x"#;
        let c = call(s);
        assert_eq!(c.name, "figure");
        assert_eq!(c.args["src"], json!("a.png"));
        assert_eq!(c.args["width"], json!(300));
        assert_eq!(c.args["r"], json!(1.5));
        assert_eq!(c.args["big"], json!(false));
        assert_eq!(c.args["tags"], json!(["a", "b"]));
        assert_eq!(c.body, None);
        assert_eq!(&s[c.end..], " x");
    }

    #[test]
    fn reads_body_calls() {
        let s = "{% gallery() %}\na.png\n{% end %}\nafter";
        let c = call(s);
        assert_eq!(c.body.as_deref(), Some("\na.png\n"));
        assert_eq!(&s[c.end..], "\nafter");
    }

    #[test]
    fn escaped_calls_print_as_written() {
        let s = "{{/* youtube(id=\"x\") */}}!";
        assert_eq!(
            read_at(s, 0),
            Found::Escaped {
                text: "{{ youtube(id=\"x\") }}".into(),
                end: s.len() - 1
            }
        );
    }

    #[test]
    fn foreign_syntax_is_recognised() {
        for s in [
            "{{< youtube abc >}}",
            "{{% notice %}}",
            "{% include figure.liquid path=\"a\" %}",
            "{{ site.url }}",
        ] {
            match read_at(s, 0) {
                Found::Foreign { what, end } => {
                    assert_eq!(what, s);
                    assert_eq!(end, s.len());
                }
                other => panic!("{s}: {other:?}"),
            }
        }
    }

    #[test]
    fn malformed_calls_say_why_and_where() {
        let cases = [
            ("{{ youtube(id=) }}", "expected a value"),
            ("{{ youtube(id=\"x\" }}", "expected `,` or `)`"),
            ("{{ youtube(id=\"x) }}", "no closing"),
            ("{{ youtube(id=\"x\") }", "not closed"),
            ("{% gallery() %}a.png", "no `{% end %}`"),
            ("{{ a(x=1, x=2) }}", "given twice"),
        ];
        for (s, want) in cases {
            match read_at(s, 0) {
                Found::Malformed { message, .. } => {
                    assert!(message.contains(want), "{s}: {message}")
                }
                other => panic!("{s}: {other:?}"),
            }
        }
    }
}
