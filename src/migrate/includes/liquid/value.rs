//! Liquid's view of a JSON value: whether it is true, how it prints, how two
//! compare. Shared by the expression reader, the evaluator and the filters.

use std::cmp::Ordering;

use serde_json::Value;

use crate::diagnostics::{Error, Result};

/// A literal as a value (integers stay integers).
pub fn number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        Value::from(n as i64)
    } else {
        Value::from(n)
    }
}

/// Whether a value counts as true: all but `nil` and `false`.
pub fn truthy(v: &Value) -> bool {
    !matches!(v, Value::Null | Value::Bool(false))
}

/// A value as Liquid prints it.
pub fn text(v: &Value) -> Result<String> {
    Ok(match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 => format!("{f:.1}"),
            _ => n.to_string(),
        },
        Value::Array(items) => items.iter().map(text).collect::<Result<String>>()?,
        Value::Object(_) => return Err(Error::msg("an object cannot be printed")),
    })
}

/// How two numbers or two strings order; `None` for other pairs.
pub fn order(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64().partial_cmp(&y.as_f64()),
        (Value::String(x), Value::String(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

/// Whether `a == b` in Liquid.
pub fn equal(a: &Value, b: &Value) -> bool {
    order(a, b).map_or(a == b, Ordering::is_eq)
}
