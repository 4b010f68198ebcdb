//! The string and list functions themes use to take a shortcode's text
//! apart, as Hugo defines them: `findRE`, `replaceRE`, `split`, `index`,
//! `substr`, `replace`, `chomp`, `plainify`, `len` and the comparisons
//! `lt`/`le`/`gt`/`ge`. `None`: not one of these.

use std::cmp::Ordering;

use regex::Regex;

use super::Val;

/// Function `f` applied to `v`: `Some(None)` when it is one of these but
/// its arguments are not what it takes (Hugo's template would fail).
pub(super) fn apply(f: &str, v: &[Val]) -> Option<Option<Val>> {
    let f = f.strip_prefix("strings.").unwrap_or(f);
    let f = f.strip_prefix("collections.").unwrap_or(f);
    let text = |i: usize| v.get(i).and_then(Val::text);
    Some(match (f, v.len()) {
        ("findRE" | "FindRE", 2 | 3) => find_re(&text(0)?, &text(1)?, limit(v.get(2))?),
        ("replaceRE" | "ReplaceRE", 3 | 4) => {
            replace_re(&text(0)?, &text(1)?, &text(2)?, limit(v.get(3))?)
        }
        ("split" | "Split", 2) => Some(split(&text(0)?, &text(1)?)),
        ("index" | "Index", n) if n >= 2 => index(&v[0], &v[1..]),
        ("substr" | "Substr", 2 | 3) => substr(&text(0)?, &v[1..]),
        ("replace" | "Replace", 3 | 4) => {
            let (s, old, new) = (text(0)?, text(1)?, text(2)?);
            Some(Val::str(match limit(v.get(3))? {
                Some(n) => s.replacen(&old, &new, n),
                None => s.replace(&old, &new),
            }))
        }
        ("chomp" | "Chomp", 1) => Some(keep_html(&v[0], text(0)?.trim_end_matches(['\r', '\n']))),
        ("Contains", 2) => Some(Val::Bool(text(0)?.contains(&text(1)?))),
        ("plainify", 1) => Some(Val::str(plainify(&text(0)?))),
        ("len", 1) => len(&v[0]),
        ("lt" | "le" | "gt" | "ge", 2) => {
            let o = compare(&v[0], &v[1])?;
            Some(Val::Bool(match f {
                "lt" => o.is_lt(),
                "le" => o.is_le(),
                "gt" => o.is_gt(),
                _ => o.is_ge(),
            }))
        }
        _ => return None,
    })
}

/// A limit argument (`-1` or none: no limit).
fn limit(v: Option<&Val>) -> Option<Option<usize>> {
    let Some(v) = v else {
        return Some(None);
    };
    let n: i64 = v.text()?.parse().ok()?;
    Some(usize::try_from(n).ok())
}

/// Text that was HTML stays HTML.
fn keep_html(was: &Val, s: &str) -> Val {
    Val::Str(s.to_string(), matches!(was, Val::Str(_, true)))
}

fn find_re(pattern: &str, s: &str, limit: Option<usize>) -> Option<Val> {
    let re = Regex::new(pattern).ok()?;
    let found = re.find_iter(s).take(limit.unwrap_or(usize::MAX));
    Some(Val::List(found.map(|m| Val::str(m.as_str())).collect()))
}

fn replace_re(pattern: &str, with: &str, s: &str, limit: Option<usize>) -> Option<Val> {
    let re = Regex::new(pattern).ok()?;
    Some(Val::str(re.replacen(s, limit.unwrap_or(0), with)))
}

/// Go's `strings.Split`: an empty separator splits into characters.
fn split(s: &str, sep: &str) -> Val {
    let parts: Vec<Val> = if sep.is_empty() {
        s.chars().map(|c| Val::str(c.to_string())).collect()
    } else {
        s.split(sep).map(Val::str).collect()
    };
    Val::List(parts)
}

/// Hugo's `index`: out of a list's range is nil, not an error.
fn index(coll: &Val, at: &[Val]) -> Option<Val> {
    let mut v = coll.clone();
    for i in at {
        let Val::List(items) = v else {
            return None;
        };
        let i: i64 = i.text()?.parse().ok()?;
        v = usize::try_from(i)
            .ok()
            .and_then(|i| items.get(i).cloned())
            .unwrap_or(Val::Nil);
    }
    Some(v)
}

/// Hugo's `substr s start [length]`, in characters: a negative start counts
/// from the end, a negative length leaves that many off the end.
fn substr(s: &str, nums: &[Val]) -> Option<Val> {
    let num = |i: usize| -> Option<i64> { nums.get(i)?.text()?.parse().ok() };
    let chars: Vec<char> = s.chars().collect();
    let n = i64::try_from(chars.len()).ok()?;
    let mut start = num(0)?;
    let length = if nums.len() > 1 { num(1)? } else { n };
    if start < 0 {
        start = (start + n).max(0);
    }
    let end = match length.cmp(&0) {
        Ordering::Less => n + length,
        Ordering::Equal => return Some(Val::str("")),
        Ordering::Greater => (start + length).min(n),
    };
    if n == 0 || start >= n || start >= end {
        return Some(Val::str(""));
    }
    let (start, end) = (usize::try_from(start).ok()?, usize::try_from(end).ok()?);
    Some(Val::str(chars[start..end].iter().collect::<String>()))
}

/// Go's `len`: a string's bytes, a list's items.
fn len(v: &Val) -> Option<Val> {
    let n = match v {
        Val::Str(s, _) => s.len(),
        Val::List(l) => l.len(),
        _ => return None,
    };
    Some(Val::str(n.to_string()))
}

/// Numbers by value, else text by text.
fn compare(a: &Val, b: &Val) -> Option<Ordering> {
    let (a, b) = (a.text()?, b.text()?);
    match (a.parse::<f64>(), b.parse::<f64>()) {
        (Ok(x), Ok(y)) => x.partial_cmp(&y),
        _ => Some(a.cmp(&b)),
    }
}

/// HTML without its tags.
fn plainify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
