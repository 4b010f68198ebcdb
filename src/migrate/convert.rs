//! [`Convert`]: the state of one write-up's conversion, shared by the body
//! ([`super::body`]) and its shortcodes ([`super::shortcodes`]).

use std::collections::{BTreeMap, HashMap};

use super::Hand;
use super::refs::Refs;

/// An MDX or mdsvex component wrapping text, still open.
pub struct Wrapper {
    pub name: String,
    /// Where it opened, for the report.
    pub line: usize,
    /// Whether it holds mdsvex snippets.
    pub snippets: bool,
    /// Lines of text kept before it opened.
    pub text_before: usize,
    /// Its props (`kind="warn"`), which have no place in Markdown.
    pub props: Vec<String>,
}

/// The state of one write-up's conversion.
pub struct Convert<'r, 'a> {
    pub refs: &'r mut Refs<'a>,
    pub hands: Vec<Hand>,
    /// Shortcode name → how many were converted.
    pub done: BTreeMap<String, usize>,
    pub in_gallery: bool,
    /// An Eleventy gallery's image tags so far: (file in the bundle, none
    /// when the old site lacks it; caption).
    pub gallery_images: Vec<(Option<String>, Option<String>)>,
    /// What the old site defines, when it is an Eleventy site.
    pub eleventy: Option<super::eleventy_site::Site>,
    /// Inside an mdsvex `{#snippet …}` block.
    pub in_snippet: bool,
    /// A snippet ended, a heading's or a wrapper's began or ended: the next
    /// text starts a paragraph.
    pub new_paragraph: bool,
    /// The last line given to the component conversion was blank.
    pub at_blank: bool,
    /// Lines of text kept by the component conversion so far, and before
    /// the line being converted.
    pub text_lines: (usize, usize),
    /// MDX and mdsvex wrappers still open (their text is indented).
    pub open: Vec<Wrapper>,
    /// Inside Blowfish's `{{< keywordList >}}`: how many keywords so far.
    pub keywords: Option<usize>,
    /// Whether the text has `$…$` math (folio's `markdown.math` must be on).
    pub math: bool,
    /// MDX `import name from "./file.png"`: name → file.
    pub imports: HashMap<String, String>,
    /// `import name from "./file.txt?raw"`: name → the file's text, trimmed.
    pub texts: HashMap<String, String>,
    /// Figures with neither alt text nor a caption to stand in for it.
    pub no_alt: Vec<String>,
    /// Zola body shortcodes (`{% name(…) %}`) still open: whether each is
    /// kept (folio's or the site's own), so its `{% end %}` stays too.
    pub zola_open: Vec<bool>,
    /// The write-up's front matter (for the old site's own Hugo shortcodes).
    pub front: serde_json::Map<String, serde_json::Value>,
    /// The old site's own Hugo shortcodes run at import and still open:
    /// each one's name and the HTML its closing tag becomes.
    pub hugo_open: Vec<(String, String)>,
    /// The write-up's lines (a call over lines joined), the one being
    /// converted, and how many after it a shortcode consumed (a pair whose
    /// template took its text apart) for the conversion to skip.
    pub body_lines: Vec<String>,
    pub at: usize,
    pub skip: usize,
    /// Converting the text a pair holds, for its template (no paragraphs
    /// around what inner shortcodes show, as in Hugo's `.Inner`).
    pub in_inner: bool,
    /// A Jekyll write-up's page variables (front matter and what Jekyll
    /// adds), for `{{ page.KEY }}` in its text; none for other generators.
    pub page: Option<serde_json::Map<String, serde_json::Value>>,
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
            gallery_images: Vec::new(),
            eleventy: None,
            in_snippet: false,
            new_paragraph: false,
            at_blank: true,
            text_lines: (0, 0),
            open: Vec::new(),
            keywords: None,
            math: false,
            imports: HashMap::new(),
            texts: HashMap::new(),
            no_alt: Vec::new(),
            zola_open: Vec::new(),
            front: serde_json::Map::new(),
            hugo_open: Vec::new(),
            body_lines: Vec::new(),
            at: 0,
            skip: 0,
            in_inner: false,
            page: None,
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
