//! Task list checkboxes with an accessible name: `- [x] Ship it` gives
//! `<input type="checkbox" disabled checked aria-label="Ship it">`, so screen
//! readers say what is done (axe's `label` rule).

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::escape_markup;

/// Replaces each task list marker in `events` by a labelled checkbox.
pub(super) fn label_checkboxes(events: &mut [Event<'_>]) {
    for i in 0..events.len() {
        if let Event::TaskListMarker(checked) = events[i] {
            let text = item_text(&events[i + 1..]);
            let label = match (text.trim(), checked) {
                ("", true) => "done",
                ("", false) => "to do",
                (t, _) => t,
            };
            let tag = format!(
                "<input type=\"checkbox\" disabled{} aria-label=\"{}\">",
                if checked { " checked" } else { "" },
                escape_markup(label)
            );
            events[i] = Event::InlineHtml(CowStr::from(tag));
        }
    }
}

/// The text of a task item up to its end (or a nested list).
fn item_text(rest: &[Event<'_>]) -> String {
    let mut text = String::new();
    for e in rest {
        match e {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Item | TagEnd::Paragraph) | Event::Start(Tag::List(_)) => break,
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn checkboxes_are_named_by_their_item() {
        let html = super::super::render_simple("- [x] Ship *it* & `v2`\n- [ ] \n");
        assert!(
            html.contains(
                "<input type=\"checkbox\" disabled checked aria-label=\"Ship it &amp; v2\">"
            ),
            "{html}"
        );
        assert!(html.contains("disabled aria-label=\"to do\">"), "{html}");
        assert!(!html.contains("<input disabled"), "{html}");
    }
}
