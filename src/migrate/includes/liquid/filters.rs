//! The filters of the subset: Liquid's common ones and Jekyll's
//! `relative_url`, `absolute_url` (no base: folio's paths start at the
//! root), `slugify` and `markdownify`. A filter given the wrong arguments
//! is an error.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::value::{equal, text, truthy};
use crate::diagnostics::{Error, Result};

/// Filters of text alone, and the number of arguments each takes.
const TEXT: &[(&str, usize)] = &[
    ("relative_url", 0),
    ("absolute_url", 0),
    ("slugify", 0),
    ("markdownify", 0),
    ("downcase", 0),
    ("upcase", 0),
    ("capitalize", 0),
    ("strip", 0),
    ("lstrip", 0),
    ("rstrip", 0),
    ("escape", 0),
    ("strip_html", 0),
    ("strip_newlines", 0),
    ("append", 1),
    ("prepend", 1),
    ("remove", 1),
    ("remove_first", 1),
    ("replace", 2),
    ("replace_first", 2),
];

/// The other filters.
const OTHER: &[&str] = &[
    "default", "split", "join", "size", "first", "last", "date", "truncate", "where",
];

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<script.*?</script>|<style.*?</style>|<!--.*?-->|<[^>]*>")
        .expect("valid regex")
});

/// Whether the subset has the filter `name`.
pub fn exists(name: &str) -> bool {
    OTHER.contains(&name) || TEXT.iter().any(|(n, _)| *n == name)
}

/// The filter `name` applied to `input` with `args`.
pub fn apply(name: &str, input: Value, args: &[Value]) -> Result<Value> {
    if let Some((_, n)) = TEXT.iter().find(|(n, _)| *n == name) {
        arity(name, args, *n, *n)?;
        let args = args.iter().map(text).collect::<Result<Vec<_>>>()?;
        return Ok(Value::String(text_filter(name, &text(&input)?, &args)));
    }
    let (min, max) = match name {
        "default" | "split" => (1, 1),
        "join" => (0, 1),
        "date" => (1, 1),
        "truncate" => (0, 2),
        "where" => (1, 2),
        _ => (0, 0),
    };
    arity(name, args, min, max)?;
    match name {
        "default" => Ok(default(input, &args[0])),
        "split" => Ok(split(&text(&input)?, &text(&args[0])?)),
        "join" => join(input, args.first()),
        "size" => Ok(Value::from(size(&input))),
        "first" | "last" => Ok(end(input, name == "first")),
        "date" => date(input, &text(&args[0])?),
        "truncate" => truncate(&text(&input)?, args),
        "where" => where_(input, args),
        _ => Err(Error::msg(format!("the filter `{name}` is not supported"))),
    }
}

fn arity(name: &str, args: &[Value], min: usize, max: usize) -> Result<()> {
    match (min..=max).contains(&args.len()) {
        true => Ok(()),
        false => Err(Error::msg(format!(
            "`{name}` takes {min} to {max} arguments, not {}",
            args.len()
        ))),
    }
}

/// A filter of text alone, with its (text) arguments.
fn text_filter(name: &str, s: &str, args: &[String]) -> String {
    let arg = |i: usize| args.get(i).map_or("", String::as_str);
    match name {
        "relative_url" | "absolute_url" => relative_url(s),
        "slugify" => slugify(s),
        "markdownify" => markdownify(s),
        "downcase" => s.to_lowercase(),
        "upcase" => s.to_uppercase(),
        "capitalize" => capitalize(s),
        "strip" => s.trim().to_string(),
        "lstrip" => s.trim_start().to_string(),
        "rstrip" => s.trim_end().to_string(),
        "escape" => escape(s),
        "strip_html" => TAG.replace_all(s, "").into_owned(),
        "strip_newlines" => s.replace(['\r', '\n'], ""),
        "append" => format!("{s}{}", arg(0)),
        "prepend" => format!("{}{s}", arg(0)),
        "remove" => s.replace(arg(0), ""),
        "remove_first" => s.replacen(arg(0), "", 1),
        "replace" => s.replace(arg(0), arg(1)),
        "replace_first" => s.replacen(arg(0), arg(1), 1),
        _ => s.to_string(),
    }
}

/// Jekyll's `relative_url` and `absolute_url` with no base: a path from the root.
fn relative_url(path: &str) -> String {
    if crate::migrate::refs::is_external(path) || path.is_empty() {
        return path.to_string();
    }
    format!("/{}", path.trim_start_matches('/'))
}

/// Jekyll's `slugify` (its default mode): lowercase words joined by `-`,
/// `_` included (`my_post` → `my-post`), as the old site's permalinks had them.
fn slugify(text: &str) -> String {
    crate::migrate::permalink::jekyll_slugify(text, false)
}

fn markdownify(text: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(text));
    html
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c
            .to_uppercase()
            .chain(chars.as_str().to_lowercase().chars())
            .collect(),
        None => String::new(),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn default(input: Value, fallback: &Value) -> Value {
    let empty = match &input {
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        v => !truthy(v),
    };
    if empty { fallback.clone() } else { input }
}

/// Ruby's `split`: no empty parts at the end; an empty separator splits characters.
fn split(s: &str, sep: &str) -> Value {
    let mut parts: Vec<Value> = match sep {
        "" => s.chars().map(|c| Value::String(c.to_string())).collect(),
        " " => s.split_whitespace().map(Value::from).collect(),
        _ => s.split(sep).map(Value::from).collect(),
    };
    while parts.last().is_some_and(|p| p.as_str() == Some("")) {
        parts.pop();
    }
    Value::Array(parts)
}

fn join(input: Value, sep: Option<&Value>) -> Result<Value> {
    let sep = match sep {
        Some(s) => text(s)?,
        None => " ".to_string(),
    };
    Ok(Value::String(match input {
        Value::Array(items) => items
            .iter()
            .map(text)
            .collect::<Result<Vec<_>>>()?
            .join(&sep),
        v => text(&v)?,
    }))
}

fn size(v: &Value) -> usize {
    match v {
        Value::String(s) => s.chars().count(),
        Value::Array(a) => a.len(),
        Value::Object(o) => o.len(),
        _ => 0,
    }
}

/// `first` or `last` of a list (or a text's first or last character).
fn end(input: Value, first: bool) -> Value {
    match input {
        Value::Array(a) if first => a.into_iter().next().unwrap_or(Value::Null),
        Value::Array(a) => a.into_iter().last().unwrap_or(Value::Null),
        Value::String(s) => {
            let c = if first {
                s.chars().next()
            } else {
                s.chars().last()
            };
            c.map_or(Value::Null, |c| Value::String(c.to_string()))
        }
        _ => Value::Null,
    }
}

/// `truncate: length, ellipsis` (50 and `...`): at most `length` characters, ellipsis included.
fn truncate(s: &str, args: &[Value]) -> Result<Value> {
    let length = match args.first() {
        Some(Value::Number(n)) => n.as_f64().unwrap_or(0.0).max(0.0) as usize,
        Some(v) => return Err(Error::msg(format!("`truncate`: `{v}` is not a number"))),
        None => 50,
    };
    let ellipsis = match args.get(1) {
        Some(e) => text(e)?,
        None => "...".to_string(),
    };
    if s.chars().count() <= length {
        return Ok(Value::String(s.to_string()));
    }
    let keep = length.saturating_sub(ellipsis.chars().count());
    let cut: String = s.chars().take(keep).collect();
    Ok(Value::String(cut + &ellipsis))
}

/// `where: key` (its value true) or `where: key, value` over a list of objects.
fn where_(input: Value, args: &[Value]) -> Result<Value> {
    let key = text(&args[0])?;
    let items = match input {
        Value::Array(a) => a,
        Value::Null => Vec::new(),
        v => vec![v],
    };
    let keep = |item: &Value| {
        let got = item.get(&key).unwrap_or(&Value::Null);
        match args.get(1) {
            None => truthy(got),
            Some(want) => match got {
                Value::Array(a) => a.iter().any(|g| equal(g, want)),
                g => equal(g, want),
            },
        }
    };
    Ok(Value::Array(items.into_iter().filter(keep).collect()))
}

/// `date: format` for a date written `YYYY-MM-DD[ HH:MM[:SS]]`.
fn date(input: Value, format: &str) -> Result<Value> {
    let s = match input {
        Value::Null => return Ok(Value::Null),
        v => text(&v)?,
    };
    if format.is_empty() {
        return Ok(Value::String(s));
    }
    let n: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .take(6)
        .map(|p| p.parse().unwrap_or(u32::MAX))
        .collect();
    let ok = n.len() >= 3 && s.get(4..5) == Some("-") && (1..=12).contains(&n[1]);
    if !ok || n.contains(&u32::MAX) || !(1..=31).contains(&n[2]) {
        return Err(Error::msg(format!(
            "`date`: `{s}` is not a date folio reads"
        )));
    }
    let part = |i: usize| n.get(i).copied().unwrap_or(0);
    strftime(
        format,
        [part(0), part(1), part(2), part(3), part(4), part(5)],
    )
    .map(Value::String)
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `%Y %y %m %d %-m %-d %e %B %b %H %M %S %%` of [year, month, day, hour, minute, second].
fn strftime(format: &str, [y, mo, d, h, mi, s]: [u32; 6]) -> Result<String> {
    let month = MONTHS[(mo as usize).clamp(1, 12) - 1];
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut code = chars.next().unwrap_or('%').to_string();
        if code == "-" {
            code.push(chars.next().unwrap_or('%'));
        }
        let piece = match code.as_str() {
            "Y" => y.to_string(),
            "y" => format!("{:02}", y % 100),
            "m" => format!("{mo:02}"),
            "-m" => mo.to_string(),
            "d" => format!("{d:02}"),
            "-d" => d.to_string(),
            "e" => format!("{d:>2}"),
            "B" => month.to_string(),
            "b" => month[..3].to_string(),
            "H" => format!("{h:02}"),
            "M" => format!("{mi:02}"),
            "S" => format!("{s:02}"),
            "%" => "%".to_string(),
            c => return Err(Error::msg(format!("`date`: `%{c}` is not supported"))),
        };
        out.push_str(&piece);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(name: &str, input: Value, args: &[Value]) -> Value {
        apply(name, input, args).unwrap()
    }

    #[test]
    fn text_filters() {
        let s = || json!("  Hello World  ");
        assert_eq!(run("strip", s(), &[]), json!("Hello World"));
        assert_eq!(run("downcase", s(), &[]), json!("  hello world  "));
        assert_eq!(run("capitalize", json!("hELLO"), &[]), json!("Hello"));
        assert_eq!(
            run("replace", json!("a-b-c"), &[json!("-"), json!(" ")]),
            json!("a b c")
        );
        assert_eq!(
            run("remove", json!("_projects/kite.md"), &[json!("_projects/")]),
            json!("kite.md")
        );
        assert_eq!(
            run("escape", json!("<a href=\"x\">&</a>"), &[]),
            json!("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;")
        );
        assert_eq!(
            run("strip_html", json!("<p>a<!-- x --> <b>b</b></p>"), &[]),
            json!("a b")
        );
        assert_eq!(run("relative_url", json!("a/b"), &[]), json!("/a/b"));
        assert_eq!(run("slugify", json!("Hi There!"), &[]), json!("hi-there"));
        assert_eq!(
            run("slugify", json!("my_post Ünï"), &[]),
            json!("my-post-ünï")
        );
        assert_eq!(run("append", json!(1), &[json!("x")]), json!("1x"));
        assert!(apply("append", json!("a"), &[]).is_err());
    }

    #[test]
    fn list_and_other_filters() {
        assert_eq!(
            run("split", json!("a,b,,"), &[json!(",")]),
            json!(["a", "b"])
        );
        assert_eq!(run("join", json!(["a", 1]), &[json!("+")]), json!("a+1"));
        assert_eq!(run("size", json!([1, 2]), &[]), json!(2));
        assert_eq!(run("first", json!([1, 2]), &[]), json!(1));
        assert_eq!(run("last", json!("abc"), &[]), json!("c"));
        assert_eq!(run("default", json!(""), &[json!("d")]), json!("d"));
        assert_eq!(run("default", json!(0), &[json!("d")]), json!(0));
        assert_eq!(
            run("truncate", json!("abcdefgh"), &[json!(5)]),
            json!("ab...")
        );
        assert_eq!(run("truncate", json!("abc"), &[json!(5)]), json!("abc"));
        let list = json!([{"k": "a", "n": 1}, {"k": "b"}, {"k": ["a", "c"]}]);
        assert_eq!(
            run("where", list.clone(), &[json!("k"), json!("a")]),
            json!([{"k": "a", "n": 1}, {"k": ["a", "c"]}])
        );
        assert_eq!(
            run("where", list, &[json!("n")]),
            json!([{"k": "a", "n": 1}])
        );
    }

    #[test]
    fn dates() {
        let d = json!("2021-03-04 10:05:00 +0100");
        assert_eq!(
            run("date", d.clone(), &[json!("%Y/%m/%d %H:%M")]),
            json!("2021/03/04 10:05")
        );
        assert_eq!(
            run("date", d.clone(), &[json!("%B %-d, %Y; %b %y")]),
            json!("March 4, 2021; Mar 21")
        );
        assert!(apply("date", d, &[json!("%Q")]).is_err());
        assert!(apply("date", json!("now"), &[json!("%Y")]).is_err());
        assert!(apply("date", json!("2021-13-01"), &[json!("%Y")]).is_err());
    }
}
