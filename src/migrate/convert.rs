//! [`Convert`]: the state of one write-up's conversion, shared by the body
//! ([`super::body`]) and its shortcodes ([`super::shortcodes`]).

use std::collections::{BTreeMap, HashMap};

use super::Hand;
use super::refs::Refs;

/// The state of one write-up's conversion.
pub struct Convert<'r, 'a> {
    pub refs: &'r mut Refs<'a>,
    pub hands: Vec<Hand>,
    /// Shortcode name → how many were converted.
    pub done: BTreeMap<String, usize>,
    pub in_gallery: bool,
    /// Inside an mdsvex `{#snippet …}` block.
    pub in_snippet: bool,
    /// A snippet ended or a heading's began: the next text starts a paragraph.
    pub snippet_ended: bool,
    /// mdsvex wrappers without props still open: name, line, whether they hold snippets.
    pub open: Vec<(String, usize, bool)>,
    /// mdsvex components with props still open (their text is indented).
    pub inside: Vec<String>,
    /// Inside Blowfish's `{{< keywordList >}}`: how many keywords so far.
    pub keywords: Option<usize>,
    /// Whether the text has `$…$` math (folio's `markdown.math` must be on).
    pub math: bool,
    /// MDX `import name from "./file.png"`: name → file.
    pub imports: HashMap<String, String>,
    /// The line being converted, for the hands it raises.
    pub(super) line: usize,
}

impl<'r, 'a> Convert<'r, 'a> {
    pub fn new(refs: &'r mut Refs<'a>) -> Self {
        Convert {
            refs,
            hands: Vec::new(),
            done: BTreeMap::new(),
            in_gallery: false,
            in_snippet: false,
            snippet_ended: false,
            open: Vec::new(),
            inside: Vec::new(),
            keywords: None,
            math: false,
            imports: HashMap::new(),
            line: 0,
        }
    }

    pub fn hand(&mut self, message: String) {
        self.hands.push(Hand {
            line: self.line,
            message,
        });
    }

    pub fn converted(&mut self, name: &str) {
        *self.done.entry(name.to_string()).or_default() += 1;
    }

    /// Copies the images of the old site's folder `dir` into the bundle.
    pub fn copy_folder(&mut self, dir: &str) -> usize {
        self.refs.copy_images_of(dir)
    }
}
