//! The HTML both engines write: one span per run of tokens of the same kind,
//! each with the kind's `hl-` class, the text escaped.

use super::classes::Kind;

/// HTML with one span per run of tokens of the same kind.
pub(super) struct Flat {
    html: String,
    open: Option<Kind>,
}

impl Flat {
    pub(super) fn with_capacity(n: usize) -> Flat {
        Flat {
            html: String::with_capacity(n),
            open: None,
        }
    }

    pub(super) fn push(&mut self, text: &str, kind: Option<Kind>) {
        if text.is_empty() {
            return;
        }
        if kind != self.open {
            if self.open.is_some() {
                self.html.push_str("</span>");
            }
            if let Some(k) = kind {
                self.html.push_str("<span class=\"");
                self.html.push_str(k.class());
                self.html.push_str("\">");
            }
            self.open = kind;
        }
        crate::util::push_escaped(&mut self.html, text);
    }

    pub(super) fn finish(mut self) -> String {
        if self.open.is_some() {
            self.html.push_str("</span>");
        }
        self.html
    }
}
