//! A parsed template rendered with its variables. Values are JSON values;
//! output is not escaped (as in Liquid). An unknown variable read for output,
//! a filter or a comparison is an error (`{% if x %}` on one is false).

use serde_json::{Map, Value};

use super::expr::{Cmp, Cond, Expr, Key, Operand, Test};
use super::filters;
use super::parse::{For, Node};
use super::value::{equal, order, text, truthy};
use crate::diagnostics::{Error, Result};

/// Rendered text longer than this (a loop run wild) is refused.
const MAX_OUTPUT: usize = 4 << 20;
/// Ranges longer than this are refused.
const MAX_RANGE: i64 = 100_000;
/// Nodes and loop turns a render may take (loops in loops run wild).
const MAX_STEPS: usize = 1_000_000;

/// Includes in includes deeper than this are refused (one that includes itself).
const MAX_INCLUDE_DEPTH: usize = 8;

/// The text of the include named (Jekyll's `_includes/NAME`), when there is one.
pub type Includes<'a> = &'a dyn Fn(&str) -> Option<String>;

/// What one render has taken so far, and where its includes come from.
struct Run<'a> {
    steps: usize,
    includes: Option<Includes<'a>>,
    depth: usize,
}

/// `nodes` rendered with `vars` (which `assign` and `capture` change);
/// `{% include %}` finds its template through `includes` (none: an error).
pub fn render(
    nodes: &[Node],
    vars: &mut Map<String, Value>,
    includes: Option<Includes>,
) -> Result<String> {
    let mut out = String::new();
    let mut run = Run {
        steps: 0,
        includes,
        depth: 0,
    };
    render_into(nodes, vars, &mut out, &mut run)?;
    Ok(out)
}

/// One more step of a render's `MAX_STEPS`.
fn step(run: &mut Run) -> Result<()> {
    run.steps += 1;
    if run.steps > MAX_STEPS {
        return Err(Error::msg("the template loops too long"));
    }
    Ok(())
}

/// `value`, unless it is text (or a list of texts) longer than `MAX_OUTPUT`.
fn bounded(value: Value) -> Result<Value> {
    let size = match &value {
        Value::String(s) => s.len(),
        Value::Array(items) => items.iter().filter_map(Value::as_str).map(str::len).sum(),
        _ => 0,
    };
    if size > MAX_OUTPUT {
        return Err(Error::msg("a variable grows too long"));
    }
    Ok(value)
}

fn render_into(
    nodes: &[Node],
    vars: &mut Map<String, Value>,
    out: &mut String,
    run: &mut Run,
) -> Result<()> {
    for node in nodes {
        step(run)?;
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Output(e) => out.push_str(&text(&expr(e, vars)?)?),
            Node::Assign(name, e) => {
                let value = bounded(expr(e, vars)?)?;
                vars.insert(name.clone(), value);
            }
            Node::Capture(name, body) => {
                let mut value = String::new();
                render_into(body, vars, &mut value, run)?;
                let value = bounded(Value::String(value))?;
                vars.insert(name.clone(), value);
            }
            Node::If(branches, other) => {
                let mut chosen = other;
                for (cond, body) in branches {
                    if holds(cond, vars)? {
                        chosen = body;
                        break;
                    }
                }
                render_into(chosen, vars, out, run)?;
            }
            Node::For(f) => for_loop(f, vars, out, run)?,
            Node::Include(name, params) => include(name, params, vars, out, run)?,
        }
        if out.len() > MAX_OUTPUT {
            return Err(Error::msg("the rendered text is too long"));
        }
    }
    Ok(())
}

fn for_loop(f: &For, vars: &mut Map<String, Value>, out: &mut String, run: &mut Run) -> Result<()> {
    let mut items = match operand(&f.source, vars)? {
        Value::Array(a) => a,
        Value::Object(o) => o
            .into_iter()
            .map(|(k, v)| Value::Array(vec![Value::String(k), v]))
            .collect(),
        Value::Null => Vec::new(),
        v => vec![v],
    };
    let offset = count(f.offset.as_ref(), vars)?.unwrap_or(0);
    items = items.into_iter().skip(offset).collect();
    if let Some(limit) = count(f.limit.as_ref(), vars)? {
        items.truncate(limit);
    }
    if f.reversed {
        items.reverse();
    }
    if items.is_empty() {
        return render_into(&f.empty, vars, out, run);
    }
    let saved = (vars.remove(&f.var), vars.remove("forloop"));
    let length = items.len();
    for (i, item) in items.into_iter().enumerate() {
        step(run)?;
        let forloop = serde_json::json!({
            "index": i + 1, "index0": i, "rindex": length - i, "rindex0": length - i - 1,
            "first": i == 0, "last": i + 1 == length, "length": length,
        });
        vars.insert("forloop".into(), forloop);
        vars.insert(f.var.clone(), item);
        render_into(&f.body, vars, out, run)?;
    }
    for (name, value) in [(f.var.as_str(), saved.0), ("forloop", saved.1)] {
        match value {
            Some(v) => vars.insert(name.to_string(), v),
            None => vars.remove(name),
        };
    }
    Ok(())
}

/// Jekyll's `{% include NAME … %}`: its template rendered with the same
/// variables and `include` set to its parameters (a variable with no value
/// is nil, as in Jekyll), then `include` as it was.
fn include(
    name: &str,
    params: &[(String, Operand)],
    vars: &mut Map<String, Value>,
    out: &mut String,
    run: &mut Run,
) -> Result<()> {
    let Some(includes) = run.includes else {
        return Err(Error::msg("the tag `include` is not supported"));
    };
    if run.depth >= MAX_INCLUDE_DEPTH {
        return Err(Error::msg(format!(
            "`include {name}`: includes nested too deep"
        )));
    }
    let text = includes(name)
        .ok_or_else(|| Error::msg(format!("`_includes/{name}` is not in the old site")))?;
    let nodes = super::parse::parse(&text)
        .map_err(|e| Error::msg(format!("_includes/{name}: {}", e.message())))?;
    let mut given = Map::new();
    for (key, op) in params {
        given.insert(key.clone(), operand(op, vars).unwrap_or(Value::Null));
    }
    let saved = vars.insert("include".into(), Value::Object(given));
    run.depth += 1;
    let done = render_into(&nodes, vars, out, run)
        .map_err(|e| Error::msg(format!("_includes/{name}: {}", e.message())));
    run.depth -= 1;
    match saved {
        Some(v) => vars.insert("include".into(), v),
        None => vars.remove("include"),
    };
    done
}

/// A `limit:` or `offset:` as a count.
fn count(op: Option<&Operand>, vars: &Map<String, Value>) -> Result<Option<usize>> {
    let Some(op) = op else { return Ok(None) };
    match operand(op, vars)? {
        Value::Number(n) => Ok(Some(n.as_f64().unwrap_or(0.0).max(0.0) as usize)),
        Value::Null => Ok(None),
        v => Err(Error::msg(format!("`{v}` is not a number"))),
    }
}

/// The value of an operand and its filters.
pub fn expr(e: &Expr, vars: &Map<String, Value>) -> Result<Value> {
    let mut value = operand(&e.base, vars)?;
    for (name, args) in &e.filters {
        // `default: post.date` where there is no `post`: nil, as in Jekyll
        // (a fallback named for another kind of page).
        let lenient = name == "default";
        let args = args
            .iter()
            .map(|a| match operand(a, vars) {
                Err(_) if lenient && matches!(a, Operand::Path(..)) => Ok(Value::Null),
                other => other,
            })
            .collect::<Result<Vec<_>>>()?;
        value = filters::apply(name, value, &args)?;
    }
    Ok(value)
}

fn operand(op: &Operand, vars: &Map<String, Value>) -> Result<Value> {
    match op {
        Operand::Lit(v) => Ok(v.clone()),
        Operand::Path(name, keys) => {
            let root = vars
                .get(name)
                .ok_or_else(|| Error::msg(format!("`{name}` has no value here")))?;
            let mut at = root.clone();
            for key in keys {
                at = member(at, key, vars)?;
            }
            Ok(at)
        }
        Operand::Range(from, to) => {
            let (from, to) = (integer(from, vars)?, integer(to, vars)?);
            if to - from > MAX_RANGE {
                return Err(Error::msg("the range is too long"));
            }
            Ok(Value::Array((from..=to).map(Value::from).collect()))
        }
        Operand::Empty | Operand::Blank => Err(Error::msg("`empty` is only for comparing")),
    }
}

fn integer(op: &Operand, vars: &Map<String, Value>) -> Result<i64> {
    match operand(op, vars)? {
        Value::Number(n) => Ok(n.as_f64().unwrap_or(0.0).clamp(-1e12, 1e12) as i64),
        Value::String(s) => s
            .trim()
            .parse()
            .map_err(|_| Error::msg(format!("`{s}` is not a number"))),
        v => Err(Error::msg(format!("`{v}` is not a number"))),
    }
}

/// `value.name` or `value[index]`, with `size`, `first` and `last`.
fn member(value: Value, key: &Key, vars: &Map<String, Value>) -> Result<Value> {
    let key = match key {
        Key::Name(n) => Value::String(n.clone()),
        Key::Index(op) => operand(op, vars)?,
    };
    Ok(match (value, key) {
        (Value::Object(mut o), Value::String(k)) if o.contains_key(&k) => {
            o.remove(&k).unwrap_or(Value::Null)
        }
        (Value::Object(o), Value::String(k)) if k == "size" => Value::from(o.len()),
        (Value::Array(a), Value::Number(n)) => {
            let i = n.as_i64().unwrap_or(i64::MAX);
            let i = if i < 0 { i + a.len() as i64 } else { i };
            usize::try_from(i)
                .ok()
                .and_then(|i| a.into_iter().nth(i))
                .unwrap_or(Value::Null)
        }
        (Value::Array(a), Value::String(k)) => match k.as_str() {
            "size" => Value::from(a.len()),
            "first" => a.into_iter().next().unwrap_or(Value::Null),
            "last" => a.into_iter().last().unwrap_or(Value::Null),
            _ => Value::Null,
        },
        (Value::String(s), Value::String(k)) if k == "size" => Value::from(s.chars().count()),
        _ => Value::Null,
    })
}

/// Whether the condition holds: `and` and `or` are read from the right.
fn holds(cond: &Cond, vars: &Map<String, Value>) -> Result<bool> {
    let mut tests = cond.tests.iter().rev();
    let Some(last) = tests.next() else {
        return Ok(!cond.not);
    };
    let mut value = test(last, vars)?;
    for (t, and) in tests.zip(cond.joins.iter().rev()) {
        let left = test(t, vars)?;
        value = if *and { left && value } else { left || value };
    }
    Ok(value != cond.not)
}

fn test(t: &Test, vars: &Map<String, Value>) -> Result<bool> {
    let Test(left, cmp) = t;
    let Some((cmp, right)) = cmp else {
        return Ok(operand(left, vars).is_ok_and(|v| truthy(&v)));
    };
    match (left, right) {
        (l, Operand::Empty | Operand::Blank) | (Operand::Empty | Operand::Blank, l) => {
            let blank = matches!(left, Operand::Blank) || matches!(right, Operand::Blank);
            let is = is_empty(&operand(l, vars)?, blank);
            match cmp {
                Cmp::Eq => Ok(is),
                Cmp::Ne => Ok(!is),
                _ => Err(Error::msg("`empty` is only for `==` and `!=`")),
            }
        }
        _ => compare(*cmp, &operand(left, vars)?, &operand(right, vars)?),
    }
}

fn is_empty(v: &Value, blank: bool) -> bool {
    match v {
        Value::String(s) => s.is_empty() || (blank && s.trim().is_empty()),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Null | Value::Bool(false) => blank,
        _ => false,
    }
}

fn compare(cmp: Cmp, a: &Value, b: &Value) -> Result<bool> {
    let order = order(a, b);
    Ok(match cmp {
        Cmp::Eq => equal(a, b),
        Cmp::Ne => !equal(a, b),
        Cmp::Contains => contains(a, b)?,
        _ if a.is_null() || b.is_null() => false,
        _ => {
            let order = order.ok_or_else(|| Error::msg(format!("cannot compare {a} and {b}")))?;
            match cmp {
                Cmp::Lt => order.is_lt(),
                Cmp::Gt => order.is_gt(),
                Cmp::Le => order.is_le(),
                _ => order.is_ge(),
            }
        }
    })
}

fn contains(a: &Value, b: &Value) -> Result<bool> {
    Ok(match a {
        Value::String(s) => s.contains(text(b)?.as_str()),
        Value::Array(items) => items.iter().any(|i| equal(i, b)),
        Value::Object(o) => o.contains_key(text(b)?.as_str()),
        _ => false,
    })
}
