//! Where each key, value and list item of a YAML text is written, from one
//! pass of an event parser with marks (saphyr-parser) over the same text serde
//! reads: diagnostics about a value point at that value, line and column.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, Span};

/// A 1-based line and column (in characters) in the whole file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// Positions by path: `skills[1]`, `experience[0].company`, `title`.
#[derive(Debug, Default, Clone)]
pub struct Spans {
    values: HashMap<String, Pos>,
    keys: HashMap<String, Pos>,
    /// Every scalar value in document order: its path, its text, where it is.
    scalars: Vec<(String, String, Pos)>,
    /// Keys in document order (path, position), for a search by key name.
    key_order: Vec<(String, Pos)>,
}

/// A container being walked: its path, and for a mapping the key read last
/// (waiting for its value), for a sequence the next index.
enum Frame {
    Map { path: String, key: Option<String> },
    Seq { path: String, next: usize },
}

impl Spans {
    /// Records the positions in `yaml`, a part of a file starting at 1-based
    /// line `first_line`. Stops at a syntax error, keeping what came before.
    pub fn of(yaml: &str, first_line: usize) -> Spans {
        let mut spans = Spans::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut parser = Parser::new_from_str(yaml);
        let pos = |s: &Span| Pos {
            line: s.start.line() + first_line - 1,
            column: s.start.col() + 1,
        };
        while let Some(Ok((event, span))) = parser.next_event() {
            match event {
                Event::Scalar(text, ..) => {
                    if let Some(path) = spans.node(&mut stack, pos(&span), Some(&text)) {
                        spans.scalars.push((path, text.into_owned(), pos(&span)));
                    }
                }
                Event::Alias(_) => {
                    spans.node(&mut stack, pos(&span), None);
                }
                Event::SequenceStart(..) | Event::MappingStart(..) => {
                    let is_map = matches!(event, Event::MappingStart(..));
                    let path = spans
                        .node(&mut stack, pos(&span), None)
                        .unwrap_or_else(|| "?".to_string());
                    stack.push(match is_map {
                        true => Frame::Map { path, key: None },
                        false => Frame::Seq { path, next: 0 },
                    });
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    stack.pop();
                }
                Event::StreamEnd => break,
                _ => {}
            }
        }
        spans
    }

    /// Records a node at `at`; returns its path when it is a value (not a key).
    fn node(&mut self, stack: &mut [Frame], at: Pos, text: Option<&str>) -> Option<String> {
        let path = match stack.last_mut() {
            None => String::new(),
            Some(Frame::Seq { path, next }) => {
                *next += 1;
                format!("{path}[{}]", *next - 1)
            }
            Some(Frame::Map { path, key }) => match key.take() {
                Some(k) => join(path, &k),
                None => {
                    let k = text.unwrap_or("?").to_string();
                    let full = join(path, &k);
                    self.keys.entry(full.clone()).or_insert(at);
                    self.key_order.push((full, at));
                    *key = Some(k);
                    return None;
                }
            },
        };
        self.values.entry(path.clone()).or_insert(at);
        Some(path)
    }

    /// Where the value at `path` is written.
    pub fn value(&self, path: &str) -> Option<Pos> {
        self.values.get(path).copied()
    }

    /// Where the key of `path` is written (`experience[0].company` → `company:`),
    /// or the value for a list item.
    pub fn key(&self, path: &str) -> Option<Pos> {
        self.keys
            .get(path)
            .or_else(|| self.values.get(path))
            .copied()
    }

    /// The first key named `name` at any depth (`hourly_rate`, `slug`).
    pub fn key_named(&self, name: &str) -> Option<Pos> {
        self.key_order
            .iter()
            .find(|(p, _)| p == name || p.ends_with(&format!(".{name}")))
            .map(|(_, at)| *at)
    }

    /// Where a key named `name` is written a second time in the same mapping,
    /// and where it was written first.
    pub fn repeated(&self, name: &str) -> Option<(Pos, Pos)> {
        let mut seen: HashMap<&str, Pos> = HashMap::new();
        for (path, at) in &self.key_order {
            let named = path == name || path.ends_with(&format!(".{name}"));
            if let Some(first) = seen.get(path.as_str()).filter(|_| named) {
                return Some((*at, *first));
            }
            seen.entry(path).or_insert(*at);
        }
        None
    }

    /// The first scalar written `text` at or under `under` (`""`: anywhere),
    /// e.g. the `Go` in `skills: [Go]` for `find("skills", "Go")`.
    pub fn find(&self, under: &str, text: &str) -> Option<Pos> {
        self.scalars
            .iter()
            .find(|(p, t, _)| t == text && within(p, under))
            .map(|(_, _, at)| *at)
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Whether `path` is `under` or inside it.
fn within(path: &str, under: &str) -> bool {
    under.is_empty()
        || path
            .strip_prefix(under)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(line: usize, column: usize) -> Option<Pos> {
        Some(Pos { line, column })
    }

    #[test]
    fn a_key_written_twice_is_found_where_it_is_repeated() {
        let s = Spans::of(
            "title: A\nextra:\n  title: B\nshare_cards: no\ntitle: C\n",
            1,
        );
        assert_eq!(
            s.repeated("title"),
            Some((Pos { line: 5, column: 1 }, Pos { line: 1, column: 1 }))
        );
        assert_eq!(s.repeated("share_cards"), None);
    }

    #[test]
    fn values_keys_and_items_have_positions() {
        let s = Spans::of(
            "title: Go service\nskills: [Rust, Go]\nexperience:\n  - company: Acme\n    role: Dev\n",
            2,
        );
        assert_eq!(s.value("title"), p(2, 8));
        assert_eq!(s.value("skills[1]"), p(3, 16));
        assert_eq!(s.find("skills", "Go"), p(3, 16));
        assert_eq!(s.key("experience[0].role"), p(6, 5));
        assert_eq!(s.value("experience[0].company"), p(5, 14));
        assert_eq!(s.key_named("role"), p(6, 5));
        assert_eq!(s.find("title", "Go"), None);
    }

    #[test]
    fn cjk_columns_count_characters() {
        let s = Spans::of("名前: 中文写作\nskills: [中文, Go]\n", 1);
        assert_eq!(s.find("skills", "Go"), p(2, 14));
    }

    #[test]
    fn keeps_what_came_before_a_syntax_error() {
        let s = Spans::of("title: A\nskills: [Go,\n  bad: [\n", 1);
        assert_eq!(s.value("title"), p(1, 8));
    }
}
