//! A small Liquid, enough for a Jekyll site's own includes: `{{ expr |
//! filter: args }}`, `assign`, `capture`, `if`/`elsif`/`else`/`unless`,
//! `for` (with `limit`, `offset`, `reversed`, `forloop`), `comment`, `raw`,
//! and the filters of [`filters`]. Anything else (another tag, a plugin's
//! `{% svg %}`, an unknown filter or variable) is an error, never a panic:
//! the caller then does without. Values are JSON values.

mod eval;
mod expr;
mod filters;
mod lex;
mod parse;
mod value;

use serde_json::{Map, Value};

use crate::diagnostics::Result;

pub use eval::Includes;

/// `template` rendered with the variables `vars` (which its `assign` and
/// `capture` change); `{% include NAME %}` reads its template through
/// `includes` (none: the tag is an error).
pub fn render(
    template: &str,
    vars: &mut Map<String, Value>,
    includes: Option<Includes>,
) -> Result<String> {
    eval::render(&parse::parse(template)?, vars, includes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(template: &str) -> Result<String> {
        let vars = json!({
            "page": {"title": "Kite", "images": [{"src": "a.png"}, {"src": "b.png"}], "empty": ""},
            "list": [3, 1, 2],
            "n": 2,
            "none": null,
        });
        let Value::Object(mut vars) = vars else {
            unreachable!()
        };
        render(template, &mut vars, None)
    }

    fn ok(template: &str) -> String {
        run(template).unwrap_or_else(|e| panic!("{template}: {}", e.message()))
    }

    #[test]
    fn outputs_variables_and_filters() {
        assert_eq!(ok("{{ page.images[1].src | upcase }}"), "B.PNG");
        assert_eq!(
            ok("{{ page.images.size }}{{ list.first }}{{ list.last }}{{ list[-1] }}"),
            "2322"
        );
        assert_eq!(
            ok("{{ 'a' }}{{ 1.5 }}{{ true }}{{ nil }}{{ none }}{{ list }}"),
            "a1.5true312"
        );
        assert_eq!(ok("{{ page.missing.deeper | default: 'd' }}"), "d");
        assert_eq!(ok("{{ page.title | default: post.title }}"), "Kite");
        assert_eq!(ok("[{{ none | default: post.date | upcase }}]"), "[]");
        assert_eq!(
            ok("{{ page.title | append: '-' | append: n | prepend: '<' }}"),
            "<Kite-2"
        );
        assert_eq!(ok("{{ '<b>' }}"), "<b>");
        assert_eq!(ok("{{ 'a b c' | split: ' ' | join: ',' }}"), "a,b,c");
    }

    #[test]
    fn assign_capture_and_conditions() {
        assert_eq!(ok("{% assign t = page.title | downcase %}{{ t }}"), "kite");
        assert_eq!(
            ok("{% capture c %}<{{ n }}>{% endcapture %}[{{ c }}]"),
            "[<2>]"
        );
        assert_eq!(
            ok("{% if n == 2 %}a{% elsif n > 1 %}b{% else %}c{% endif %}"),
            "a"
        );
        assert_eq!(ok("{% if n < 2 %}a{% elsif n >= 2 %}b{% endif %}"), "b");
        assert_eq!(
            ok("{% if false and false or true %}y{% else %}n{% endif %}"),
            "n"
        );
        assert_eq!(
            ok("{% unless page.title contains 'it' %}y{% else %}n{% endunless %}"),
            "n"
        );
        assert_eq!(
            ok("{% if list contains 3 and none == nil %}y{% endif %}"),
            "y"
        );
        assert_eq!(
            ok("{% if page.empty %}a{% endif %}{% if none %}b{% endif %}"),
            "a"
        );
        assert_eq!(
            ok("{% if page.empty == empty and n != 3 %}e{% endif %}"),
            "e"
        );
        assert_eq!(ok("{% if undefined %}a{% else %}b{% endif %}"), "b");
    }

    #[test]
    fn loops() {
        let t = "{% for x in list %}{{ forloop.index }}:{{ x }}{% unless forloop.last %},{% endunless %}{% endfor %}";
        assert_eq!(ok(t), "1:3,2:1,3:2");
        assert_eq!(
            ok("{% for x in list offset: 1 limit: 1 %}{{ x }}{% endfor %}"),
            "1"
        );
        assert_eq!(
            ok("{% assign x = 0 %}{% for x in list reversed %}{{ x }}{% endfor %}{{ x }}"),
            "2130"
        );
        assert_eq!(ok("{% for i in (1..n) %}{{ i }}{% endfor %}"), "12");
        assert_eq!(ok("{% for x in none %}a{% else %}none{% endfor %}"), "none");
        assert_eq!(
            ok("a{%- comment -%} {% svg %} {% endcomment %}{% raw %}{{ x }}{% endraw %}"),
            "a{{ x }}"
        );
    }

    #[test]
    fn what_it_does_not_know_is_an_error() {
        for t in [
            "{{ undefined }}",
            "{% svg assets/x.svg %}",
            "{% include x.html %}",
            "{{ x | no_filter }}",
            "{{ page.title | append }}",
            "{% if n > 'a' %}{% endif %}",
            "{% for i in (1..1000000000) %}{% endfor %}",
            "{{ page }}",
        ] {
            assert!(run(t).is_err(), "{t}");
        }
    }

    /// Loops in loops and variables that double each turn end in an error,
    /// not in a hang or memory run out.
    #[test]
    fn runaway_templates_stop() {
        for t in [
            "{% for i in (1..90000) %}{% for j in (1..90000) %}{% endfor %}{% endfor %}",
            "{% assign c = 'ab' %}{% for i in (1..60) %}{% assign c = c | append: c %}{% endfor %}",
            "{% capture c %}ab{% endcapture %}{% for i in (1..60) %}{% capture c %}{{ c }}{{ c }}{% endcapture %}{% endfor %}",
        ] {
            assert!(run(t).is_err(), "{t}");
        }
    }

    /// Truncated and scrambled templates: an answer each, never a panic.
    #[test]
    fn garbage_never_panics() {
        let good = "{% assign a = page.images | first %}{%- if a.src contains 'a' and n >= 1 or list[0] -%}\
            {% for x in list limit: n reversed %}{{ forloop.index }}{{ x | plus }}{% else %}é{% endfor %}\
            {% elsif none != nil %}{% capture c %}{{ 'x' | truncate: 2, '…' | date: '%-d' }}{% endcapture %}\
            {% else %}{% raw %}{{{% endraw %}{% comment %}}}{% endcomment %}{{ (1..3) | where: 'k' }}{% endif %}";
        let mut seed = 7u64;
        for cut in good.char_indices().map(|(i, _)| i) {
            let _ = run(&good[..cut]);
            let _ = run(&good[cut..]);
            let mut bytes = good.as_bytes().to_vec();
            for _ in 0..4 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let at = (seed >> 33) as usize % bytes.len();
                bytes[at] = b"{}%|:.[]()'\"-= a1"[(seed >> 20) as usize % 17];
            }
            let _ = run(&String::from_utf8_lossy(&bytes));
        }
    }
}
