//! The marks that stand for a shortcode's HTML between expanding the calls and
//! walking the parsed Markdown: `\u{E000}N\u{E001}`, where N numbers the piece.

/// Characters around the number of a piece of HTML put in place of a call.
pub const MARK_OPEN: char = '\u{E000}';
pub const MARK_CLOSE: char = '\u{E001}';

/// A stretch of text: plain, or a mark with its piece number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Mark(usize),
}

/// The mark for piece `n`.
pub fn mark(n: usize) -> String {
    format!("{MARK_OPEN}{n}{MARK_CLOSE}")
}

/// The first mark in `text` at or after byte `from`: its byte range and number.
pub fn find_mark(text: &str, from: usize) -> Option<(std::ops::Range<usize>, usize)> {
    let mut pos = from;
    while let Some(i) = text.get(pos..)?.find(MARK_OPEN) {
        let open = pos + i;
        let digits = open + MARK_OPEN.len_utf8();
        let len = text[digits..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len() - digits);
        let close = digits + len;
        if len > 0
            && text[close..].starts_with(MARK_CLOSE)
            && let Ok(n) = text[digits..close].parse()
        {
            return Some((open..close + MARK_CLOSE.len_utf8(), n));
        }
        pos = digits;
    }
    None
}

/// `text` cut into plain stretches and marks, in order.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some((range, n)) = find_mark(text, pos) {
        if range.start > pos {
            out.push(Segment::Text(&text[pos..range.start]));
        }
        out.push(Segment::Mark(n));
        pos = range.end;
    }
    if pos < text.len() {
        out.push(Segment::Text(&text[pos..]));
    }
    out
}

/// `text` with each mark replaced by its piece as given (marks of no piece are dropped).
pub fn fill(text: &str, pieces: &[String]) -> String {
    let mut out = String::with_capacity(text.len());
    for s in segments(text) {
        match s {
            Segment::Text(t) => out.push_str(t),
            Segment::Mark(n) => out.push_str(pieces.get(n).map_or("", String::as_str)),
        }
    }
    out
}

/// `text` without its marks (for plain text made from it: ids, labels).
pub fn strip(text: &str) -> String {
    fill(text, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_only_whole_marks() {
        let t = format!("a{MARK_OPEN}x{}b{MARK_OPEN}", mark(12));
        assert_eq!(find_mark(&t, 0).map(|(_, n)| n), Some(12));
        assert_eq!(
            segments(&t),
            vec![
                Segment::Text(&t[..1 + 3 + 1]),
                Segment::Mark(12),
                Segment::Text(&t[t.len() - 4..]),
            ]
        );
        assert_eq!(find_mark("\u{E000}\u{E001}", 0), None);
    }

    #[test]
    fn fill_puts_pieces_in() {
        let pieces = vec!["<b>".to_string(), "<i>".to_string()];
        assert_eq!(
            fill(&format!("<p>{}{}</p>", mark(1), mark(0)), &pieces),
            "<p><i><b></p>"
        );
    }
}
