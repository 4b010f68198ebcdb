//! Liquid expressions: operands (literals, `a.b[0].size`, `(1..n)`), an
//! operand with its filters (`x | append: "y"`), and conditions
//! (`a == 1 and b contains "c" or d`, read from the right as Liquid does).

use serde_json::Value;

use super::filters;
use super::lex::{self, Tok};
use super::value::number;
use crate::diagnostics::{Error, Result};

/// Indexes inside indexes deeper than this are refused.
const MAX_DEPTH: usize = 32;

#[derive(Debug)]
pub enum Operand {
    Lit(Value),
    /// A variable and the keys after it: `page.images[0]`.
    Path(String, Vec<Key>),
    Range(Box<Operand>, Box<Operand>),
    /// Liquid's `empty` and `blank`, only for comparing.
    Empty,
    Blank,
}

#[derive(Debug)]
pub enum Key {
    Name(String),
    Index(Operand),
}

#[derive(Debug)]
pub struct Expr {
    pub base: Operand,
    pub filters: Vec<(String, Vec<Operand>)>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
    Contains,
}

/// `a`, or `a OP b`.
#[derive(Debug)]
pub struct Test(pub Operand, pub Option<(Cmp, Operand)>);

/// Tests joined by `and` (`true`) or `or` (`false`); `not` for `unless`.
#[derive(Debug)]
pub struct Cond {
    pub tests: Vec<Test>,
    pub joins: Vec<bool>,
    pub not: bool,
}

/// A cursor over an expression's words.
pub struct Cursor {
    toks: std::vec::IntoIter<Tok>,
    peeked: Option<Tok>,
    depth: usize,
}

impl Cursor {
    pub fn new(text: &str) -> Result<Cursor> {
        Ok(Cursor {
            toks: lex::words(text)?.into_iter(),
            peeked: None,
            depth: 0,
        })
    }

    pub fn next(&mut self) -> Option<Tok> {
        self.peeked.take().or_else(|| self.toks.next())
    }

    fn peek(&mut self) -> Option<&Tok> {
        if self.peeked.is_none() {
            self.peeked = self.toks.next();
        }
        self.peeked.as_ref()
    }

    fn eat(&mut self, sym: &str) -> bool {
        let found = matches!(self.peek(), Some(Tok::Sym(s)) if *s == sym);
        if found {
            self.peeked = None;
        }
        found
    }

    pub fn expect(&mut self, sym: &str) -> Result<()> {
        match self.eat(sym) {
            true => Ok(()),
            false => Err(Error::msg(format!("`{sym}` expected"))),
        }
    }

    fn done(&mut self) -> Result<()> {
        match self.next() {
            None => Ok(()),
            Some(t) => Err(Error::msg(format!("unexpected {t:?}"))),
        }
    }

    /// A literal, a variable with its keys, or a range `(a..b)`.
    pub fn operand(&mut self) -> Result<Operand> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Error::msg("expression nested too deep"));
        }
        let operand = match self.next() {
            Some(Tok::Str(s)) => Operand::Lit(Value::String(s)),
            Some(Tok::Num(n)) => Operand::Lit(number(n)),
            Some(Tok::Word(w)) => self.word(w)?,
            Some(Tok::Sym("(")) => {
                let from = self.operand()?;
                self.expect("..")?;
                let to = self.operand()?;
                self.expect(")")?;
                Operand::Range(Box::new(from), Box::new(to))
            }
            t => return Err(Error::msg(format!("a value expected, not {t:?}"))),
        };
        self.depth -= 1;
        Ok(operand)
    }

    fn word(&mut self, word: String) -> Result<Operand> {
        Ok(match word.as_str() {
            "true" | "false" => Operand::Lit(Value::Bool(word == "true")),
            "nil" | "null" => Operand::Lit(Value::Null),
            "empty" => Operand::Empty,
            "blank" => Operand::Blank,
            _ => Operand::Path(word, self.keys()?),
        })
    }

    /// `.name` and `[index]` after a variable.
    fn keys(&mut self) -> Result<Vec<Key>> {
        let mut keys = Vec::new();
        loop {
            if self.eat(".") {
                match self.next() {
                    Some(Tok::Word(w)) => keys.push(Key::Name(w)),
                    t => return Err(Error::msg(format!("a name expected after `.`, not {t:?}"))),
                }
            } else if self.eat("[") {
                keys.push(Key::Index(self.operand()?));
                self.expect("]")?;
            } else {
                return Ok(keys);
            }
        }
    }
}

impl Expr {
    /// `operand | filter: arg, arg | filter`; `Err` for an unknown filter.
    pub fn parse(text: &str) -> Result<Expr> {
        let mut cur = Cursor::new(text)?;
        let base = match cur.peek() {
            None => Operand::Lit(Value::Null),
            Some(_) => cur.operand()?,
        };
        let mut filters = Vec::new();
        while cur.eat("|") {
            let Some(Tok::Word(name)) = cur.next() else {
                return Err(Error::msg("a filter's name expected after `|`"));
            };
            if !filters::exists(&name) {
                return Err(Error::msg(format!("the filter `{name}` is not supported")));
            }
            let mut args = Vec::new();
            if cur.eat(":") {
                args.push(cur.operand()?);
                while cur.eat(",") {
                    args.push(cur.operand()?);
                }
            }
            filters.push((name, args));
        }
        cur.done()?;
        Ok(Expr { base, filters })
    }
}

impl Cond {
    /// `a == b and c or d`.
    pub fn parse(text: &str) -> Result<Cond> {
        let mut cur = Cursor::new(text)?;
        let mut cond = Cond {
            tests: vec![test(&mut cur)?],
            joins: Vec::new(),
            not: false,
        };
        while let Some(tok) = cur.next() {
            match tok {
                Tok::Word(w) if w == "and" || w == "or" => cond.joins.push(w == "and"),
                t => return Err(Error::msg(format!("`and` or `or` expected, not {t:?}"))),
            }
            cond.tests.push(test(&mut cur)?);
        }
        Ok(cond)
    }
}

fn test(cur: &mut Cursor) -> Result<Test> {
    let left = cur.operand()?;
    let cmp = match cur.peek() {
        Some(Tok::Sym(s)) => match *s {
            "==" => Cmp::Eq,
            "!=" | "<>" => Cmp::Ne,
            "<" => Cmp::Lt,
            ">" => Cmp::Gt,
            "<=" => Cmp::Le,
            ">=" => Cmp::Ge,
            s => return Err(Error::msg(format!("unexpected `{s}`"))),
        },
        Some(Tok::Word(w)) if w == "contains" => Cmp::Contains,
        _ => return Ok(Test(left, None)),
    };
    cur.next();
    Ok(Test(left, Some((cmp, cur.operand()?))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_expression_with_filters() {
        let e = Expr::parse("page.images[0].src | remove: '/', \"x\" | size").unwrap();
        assert!(matches!(&e.base, Operand::Path(v, k) if v == "page" && k.len() == 3));
        assert_eq!(e.filters.len(), 2);
        assert_eq!(e.filters[0].1.len(), 2);
        assert!(Expr::parse("a b").is_err());
        assert!(Expr::parse("a |").is_err());
        assert!(Expr::parse("a[").is_err());
    }

    #[test]
    fn a_condition_of_tests() {
        let c = Cond::parse("a == 'x' or b contains c and d").unwrap();
        assert_eq!(c.tests.len(), 3);
        assert_eq!(c.joins, vec![false, true]);
        assert!(matches!(c.tests[1].1, Some((Cmp::Contains, _))));
        assert!(Cond::parse("a = b").is_err());
        assert!(Cond::parse("a and").is_err());
        assert!(Cond::parse(&"a[".repeat(100)).is_err());
    }
}
