//! Markdown to paste-ready plain text, for fields that show text as typed
//! (Upwork, LinkedIn): paragraphs separated by one blank line, bullets as `• `,
//! numbered items kept, emphasis and code markers removed (the words stay),
//! links become their text, images are dropped, a table row becomes one line,
//! footnotes are appended. No trailing spaces, never two blank lines in a row.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Converts Markdown to plain text.
pub fn to_plain(md: &str) -> String {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let mut c = Converter::default();
    for event in Parser::new_ext(md, opts) {
        c.event(event);
    }
    c.finish()
}

/// The state of one conversion: the text written so far, and what is being
/// skipped (an image) or collected apart (a footnote, an HTML block).
#[derive(Default)]
struct Converter {
    w: Writer,
    image_depth: usize,
    /// Footnote definitions (label, text), appended at the end.
    footnotes: Vec<(String, String)>,
    /// Footnote labels in the order first referenced: `[1]`, `[2]`.
    footnote_labels: Vec<String>,
    in_footnote: Option<String>,
    footnote_text: String,
    html_block: String,
    in_html_block: bool,
}

impl Converter {
    fn event(&mut self, event: Event) {
        if self.image_depth > 0 {
            match event {
                Event::Start(Tag::Image { .. }) => self.image_depth += 1,
                Event::End(TagEnd::Image) => self.image_depth -= 1,
                _ => {}
            }
            return;
        }
        if self.in_footnote.is_some() {
            self.footnote_event(event);
            return;
        }
        let w = &mut self.w;
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => {
                if self.in_html_block {
                    self.html_block.push_str(&t);
                } else if w.code_block {
                    w.push_code(&t);
                } else {
                    w.push_text(&t);
                }
            }
            Event::Code(t) => w.push_text(&t),
            Event::Html(h) => {
                if self.in_html_block {
                    self.html_block.push_str(&h);
                } else {
                    w.push_text(&strip_html(&h));
                }
            }
            Event::InlineHtml(h) => {
                let t = strip_html(&h);
                if !t.is_empty() {
                    w.push_text(&t);
                }
            }
            Event::SoftBreak => w.soft_break(),
            Event::HardBreak => w.newline(),
            Event::Rule => w.block_start(),
            Event::TaskListMarker(done) => w.push_raw(if done { "☑ " } else { "☐ " }),
            Event::FootnoteReference(label) => self.footnote_reference(&label),
            Event::InlineMath(t) | Event::DisplayMath(t) => w.push_text(&t),
        }
    }

    /// Inside a footnote definition: its text is collected for the end.
    fn footnote_event(&mut self, event: Event) {
        match event {
            Event::End(TagEnd::FootnoteDefinition) => {
                let label = self.in_footnote.take().unwrap_or_default();
                let text = tidy(&self.footnote_text).replace('\n', " ");
                self.footnotes.push((label, text));
                self.footnote_text.clear();
            }
            Event::Text(t) | Event::Code(t) => self.footnote_text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => self.footnote_text.push(' '),
            Event::End(TagEnd::Paragraph) => self.footnote_text.push(' '),
            _ => {}
        }
    }

    fn footnote_reference(&mut self, label: &str) {
        let n = match self.footnote_labels.iter().position(|l| l == label) {
            Some(i) => i + 1,
            None => {
                self.footnote_labels.push(label.to_string());
                self.footnote_labels.len()
            }
        };
        self.w.push_raw(&format!("[{n}]"));
    }

    fn start(&mut self, tag: Tag) {
        let w = &mut self.w;
        match tag {
            Tag::Paragraph | Tag::Heading { .. } | Tag::Table(_) => w.block_start(),
            Tag::BlockQuote(_) => {
                w.block_start();
                w.quote += 1;
            }
            Tag::CodeBlock(_) => {
                w.block_start();
                w.code_block = true;
            }
            Tag::List(start) => {
                if w.lists.is_empty() {
                    w.block_start();
                } else {
                    w.newline();
                }
                w.lists.push(start);
            }
            Tag::Item => w.item(),
            Tag::TableHead | Tag::TableRow => {
                w.newline();
                w.cells = 0;
            }
            Tag::TableCell => {
                if w.cells > 0 {
                    w.push_raw(" | ");
                }
                w.cells += 1;
            }
            Tag::Image { .. } => self.image_depth = 1,
            Tag::FootnoteDefinition(label) => self.in_footnote = Some(label.to_string()),
            Tag::HtmlBlock => {
                w.block_start();
                self.in_html_block = true;
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        let w = &mut self.w;
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Table => w.block_end(),
            TagEnd::BlockQuote(_) => {
                w.quote = w.quote.saturating_sub(1);
                w.block_end();
            }
            TagEnd::CodeBlock => {
                w.code_block = false;
                w.block_end();
            }
            TagEnd::List(_) => {
                w.lists.pop();
                if w.lists.is_empty() {
                    w.block_end();
                }
            }
            TagEnd::HtmlBlock => {
                self.in_html_block = false;
                let text = strip_html(&self.html_block);
                self.html_block.clear();
                w.push_text(text.trim());
                w.block_end();
            }
            _ => {}
        }
    }

    /// The text with the footnotes appended, tidied.
    fn finish(self) -> String {
        let mut out = self.w.out;
        if !self.footnotes.is_empty() {
            out.push_str("\n\n");
            for (label, text) in self.footnotes {
                let n = self
                    .footnote_labels
                    .iter()
                    .position(|l| *l == label)
                    .map_or_else(|| label.clone(), |i| (i + 1).to_string());
                out.push_str(&format!("[{n}] {text}\n"));
            }
        }
        tidy(&out)
    }
}

#[derive(Default)]
struct Writer {
    out: String,
    lists: Vec<Option<u64>>,
    quote: usize,
    code_block: bool,
    cells: usize,
    /// A blank line is owed before the next text.
    pending_blank: bool,
}

impl Writer {
    fn block_start(&mut self) {
        if !self.out.is_empty() && self.lists.is_empty() {
            self.pending_blank = true;
        }
    }
    fn block_end(&mut self) {
        if self.lists.is_empty() {
            self.pending_blank = true;
        }
    }
    fn newline(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }
    fn flush_pending(&mut self) {
        if self.pending_blank {
            self.pending_blank = false;
            if !self.out.is_empty() {
                while !self.out.ends_with("\n\n") {
                    self.out.push('\n');
                }
            }
        }
        if self.quote > 0 && (self.out.is_empty() || self.out.ends_with('\n')) {
            self.out.push_str(&"> ".repeat(self.quote));
        }
    }
    /// A list item: on its own line, indented by its depth, with its marker.
    fn item(&mut self) {
        self.newline();
        let depth = self.lists.len().saturating_sub(1);
        let marker = match self.lists.last_mut() {
            Some(Some(n)) => {
                let m = format!("{n}. ");
                *n += 1;
                m
            }
            _ => "• ".to_string(),
        };
        self.push_raw(&"  ".repeat(depth));
        self.push_raw(&marker);
    }
    fn push_raw(&mut self, s: &str) {
        self.flush_pending();
        self.out.push_str(s);
    }
    fn push_text(&mut self, s: &str) {
        self.flush_pending();
        // A dropped image or tag must not leave two spaces behind.
        let s = if self.out.ends_with(' ') {
            s.strip_prefix(' ').unwrap_or(s)
        } else {
            s
        };
        self.out.push_str(s);
    }
    fn push_code(&mut self, s: &str) {
        for (i, line) in s.split('\n').enumerate() {
            if i > 0 {
                self.out.push('\n');
            }
            if !line.is_empty() {
                self.push_raw(line);
            }
        }
    }
    fn soft_break(&mut self) {
        // Between two CJK characters a line break is no space.
        // (A line break after CJK text adds nothing: the next line joins directly.)
        if !self
            .out
            .chars()
            .last()
            .is_some_and(|c| is_cjk(c) || is_cjk_punctuation(c))
        {
            self.out.push(' ');
        }
    }
}

/// A Chinese, Japanese or Korean letter (kana, CJK ideographs, Hangul).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

/// CJK punctuation and full-width forms (`。`, `，`, `：`).
fn is_cjk_punctuation(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF)
}

/// Text of an HTML fragment: tags removed, common entities decoded.
fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    crate::util::unescape_markup(&out)
}

/// No trailing spaces, at most one blank line in a row, no blank start or end.
pub(crate) fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_emphasis() {
        assert_eq!(
            to_plain("I **help** _teams_\nship `code`.\n\n\n\nSecond ~~old~~ paragraph.  \n"),
            "I help teams ship code.\n\nSecond old paragraph."
        );
    }

    #[test]
    fn headings_lists_and_nesting() {
        let md = "## What I do\n\n- Docs\n- Tools\n  - Rust\n  - Python\n\n1. First\n2. Second\n\nAfter.";
        assert_eq!(
            to_plain(md),
            "What I do\n\n• Docs\n• Tools\n  • Rust\n  • Python\n\n1. First\n2. Second\n\nAfter."
        );
    }

    #[test]
    fn ordered_lists_keep_their_start() {
        assert_eq!(to_plain("3. three\n4. four\n"), "3. three\n4. four");
    }

    #[test]
    fn links_images_and_autolinks() {
        assert_eq!(
            to_plain("See [my work](https://x.io) ![alt text](a.png) and <https://y.io>."),
            "See my work and https://y.io."
        );
    }

    #[test]
    fn tables_become_one_line_per_row() {
        let md = "| Tool | Years |\n|---|---|\n| Rust | 5 |\n| Python | 7 |\n";
        assert_eq!(to_plain(md), "Tool | Years\nRust | 5\nPython | 7");
    }

    #[test]
    fn footnotes_are_appended() {
        let md =
            "Tickets fell 40 %.[^src] Also[^b].\n\n[^src]: Company analytics.\n[^b]: Second.\n";
        assert_eq!(
            to_plain(md),
            "Tickets fell 40 %.[1] Also[2].\n\n[1] Company analytics.\n[2] Second."
        );
    }

    #[test]
    fn code_blocks_keep_their_lines() {
        let md = "Run:\n\n```sh\ncargo build\ncargo test\n```\n\nDone.";
        assert_eq!(to_plain(md), "Run:\n\ncargo build\ncargo test\n\nDone.");
    }

    #[test]
    fn cjk_and_emoji() {
        assert_eq!(
            to_plain("我帮助团队\n写文档。🚀 **重点**\n"),
            "我帮助团队写文档。🚀 重点"
        );
    }

    #[test]
    fn html_is_reduced_to_text() {
        assert_eq!(
            to_plain(
                "<div class=\"x\">\n<b>Bold</b> &amp; more\n</div>\n\nText with <em>inline</em> html."
            ),
            "Bold & more\n\nText with inline html."
        );
    }

    #[test]
    fn task_lists_and_quotes() {
        assert_eq!(to_plain("- [x] done\n- [ ] todo\n"), "• ☑ done\n• ☐ todo");
        assert_eq!(to_plain("> Quoted\n> text\n"), "> Quoted text");
    }
}
