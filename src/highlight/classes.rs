//! What a token looks like, from its grammar scopes: the few kinds a theme
//! colours (`hl-keyword`, `hl-string`, …), decided once per token so the HTML
//! has one flat span per token instead of a span for every scope around it.
//!
//! A token takes the kind of its innermost scope that has one, as a TextMate
//! theme does: `punctuation.definition.string` inside `string.quoted` is a
//! string; `storage.type` is a type although `storage` is a keyword.

use std::sync::OnceLock;

use syntect::parsing::Scope;

/// The kinds, each with the class it writes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Comment,
    Keyword,
    String,
    Constant,
    Function,
    Type,
    Deleted,
    Bold,
    Italic,
}

impl Kind {
    /// The CSS class (the theme's stylesheet colours each).
    pub fn class(self) -> &'static str {
        match self {
            Kind::Comment => "hl-comment",
            Kind::Keyword => "hl-keyword",
            Kind::String => "hl-string",
            Kind::Constant => "hl-constant",
            Kind::Function => "hl-function",
            Kind::Type => "hl-type",
            Kind::Deleted => "hl-deleted",
            Kind::Bold => "hl-bold",
            Kind::Italic => "hl-italic",
        }
    }
}

/// Scope prefixes and their kinds, the more specific first.
pub(super) const RULES: &[(&str, Kind)] = &[
    ("comment", Kind::Comment),
    // `def` and `class` in syntect's Python grammar: keywords, as everywhere else.
    ("storage.type.function", Kind::Keyword),
    ("storage.type.class", Kind::Keyword),
    ("storage.type", Kind::Type),
    ("keyword", Kind::Keyword),
    ("storage", Kind::Keyword),
    ("entity.name.tag", Kind::Keyword),
    ("punctuation.definition.tag", Kind::Keyword),
    ("string", Kind::String),
    ("markup.inserted", Kind::String),
    ("markup.heading", Kind::String),
    ("constant", Kind::Constant),
    ("entity.other.attribute-name", Kind::Constant),
    ("support.constant", Kind::Constant),
    ("variable.parameter", Kind::Constant),
    ("entity.name.function", Kind::Function),
    ("support.function", Kind::Function),
    ("variable.function", Kind::Function),
    ("entity.name.type", Kind::Type),
    ("entity.name.class", Kind::Type),
    ("support.type", Kind::Type),
    ("support.class", Kind::Type),
    ("markup.deleted", Kind::Deleted),
    ("invalid", Kind::Deleted),
    ("markup.bold", Kind::Bold),
    ("markup.italic", Kind::Italic),
];

fn rules() -> &'static [(Scope, Kind)] {
    static COMPILED: OnceLock<Vec<(Scope, Kind)>> = OnceLock::new();
    COMPILED.get_or_init(|| {
        RULES
            .iter()
            .filter_map(|(s, k)| Some((Scope::new(s).ok()?, *k)))
            .collect()
    })
}

/// The kind of a token inside `stack` (outermost scope first).
pub fn kind_of(stack: &[Scope]) -> Option<Kind> {
    let rules = rules();
    stack.iter().rev().find_map(|scope| {
        rules
            .iter()
            .find(|(prefix, _)| prefix.is_prefix_of(*scope))
            .map(|(_, k)| *k)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(scopes: &[&str]) -> Option<Kind> {
        let stack: Vec<Scope> = scopes.iter().map(|s| Scope::new(s).unwrap()).collect();
        kind_of(&stack)
    }

    #[test]
    fn the_innermost_scope_with_a_kind_decides() {
        assert_eq!(
            kind(&[
                "source.rust",
                "string.quoted.double.rust",
                "punctuation.definition.string.begin.rust"
            ]),
            Some(Kind::String)
        );
        assert_eq!(
            kind(&["source.rust", "storage.type.rust"]),
            Some(Kind::Type)
        );
        assert_eq!(
            kind(&["source.rust", "storage.modifier.rust"]),
            Some(Kind::Keyword)
        );
        assert_eq!(
            kind(&[
                "source.python",
                "comment.line",
                "constant.other.placeholder"
            ]),
            Some(Kind::Constant)
        );
        assert_eq!(kind(&["source.rust", "meta.block.rust"]), None);
    }
}
