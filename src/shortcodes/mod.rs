//! Shortcodes in Markdown, in Zola's syntax: `{{ name(key="value") }}` and
//! `{% name(key="value") %}body{% end %}`. Built in: youtube, vimeo, video,
//! figure, gallery, pdf, download; a site adds its own (or replaces a built-in)
//! as `templates/shortcodes/NAME.html`, a Tera template that gets the arguments
//! (and `body`). Calls inside code are left alone; syntax of other tools (Hugo,
//! Liquid) is reported with what to write instead.

pub mod builtin;
pub mod foreign;
pub mod marks;
mod parse;

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use serde_json::Value;

use crate::diagnostics::{Diagnostic, Error, Severity};

pub use builtin::PageState;

/// A file of the page that a shortcode names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileInfo {
    /// Its URL on the published site.
    pub url: String,
    /// Its size, when known (shown by `pdf` and `download`).
    pub bytes: Option<u64>,
    /// Its pixel size, for images, when known (written as width and height).
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// What shortcodes may ask of the page they are on. The content loader gives
/// one per page; the files it names are then published with the page.
pub trait PageFiles {
    /// The file `name` (as written, relative to the page), or why it can't be used.
    fn file(&mut self, name: &str, is_image: bool) -> crate::Result<FileInfo>;
    /// The names of the images in the page's folder (bundle), sorted, for `gallery()`.
    fn images(&self) -> Vec<String> {
        Vec::new()
    }
    /// What a site's own shortcode sees besides its arguments, as Zola gives
    /// it: `page` (`path`, `permalink`, `slug`, `lang`) and `config`
    /// (`base_url` without its trailing slash, `title`), so templates brought
    /// from Zola (`{{ config.base_url ~ page.path ~ name }}`) work.
    fn context(&self) -> serde_json::Map<String, Value> {
        serde_json::Map::new()
    }
}

/// The shortcodes a site can call: the built-ins and the site's own templates.
pub struct Shortcodes {
    tera: tera::Tera,
    /// Names of the site's own templates (which may replace built-ins).
    own: BTreeSet<String>,
    /// The site's own templates as given, for caches to tell when they change.
    key: String,
}

impl Shortcodes {
    /// The built-ins only, compiled once.
    pub fn builtin() -> &'static Shortcodes {
        static BUILTIN: OnceLock<Shortcodes> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Shortcodes::new(Vec::new()).expect("the built-in shortcode templates compile")
        })
    }

    /// The built-ins plus the site's own `(name, template source, file shown in errors)`.
    pub fn new(own: Vec<(String, String, String)>) -> crate::Result<Shortcodes> {
        let mut tera = tera::Tera::new();
        let mut sources: Vec<(String, String)> = builtin::BUILTINS
            .iter()
            .filter(|b| !own.iter().any(|(n, _, _)| n == b.name))
            .map(|b| (format!("{}.html", b.name), b.template.to_string()))
            .collect();
        sources.extend(own.iter().map(|(n, s, _)| (format!("{n}.html"), s.clone())));
        if let Err(e) =
            tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str())))
        {
            let file = own
                .iter()
                .find(|(n, _, _)| e.to_string().contains(&format!("{n}.html")))
                .map_or("templates/shortcodes", |(_, _, f)| f.as_str());
            return Err(Error::template(
                Diagnostic::error(format!("shortcode template error: {}", error_chain(&e)))
                    .in_file(file),
            ));
        }
        let key = own.iter().map(|(n, s, _)| format!("{n}\0{s}\0")).collect();
        let own = own.into_iter().map(|(n, _, _)| n).collect();
        Ok(Shortcodes { tera, own, key })
    }

    /// The built-ins plus every `NAME.html` in `dir` (a site's `templates/shortcodes`).
    pub fn with_dir(dir: &Path) -> crate::Result<Shortcodes> {
        let mut own = Vec::new();
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Shortcodes::new(own),
            Err(e) => return Err(Error::io("cannot read", dir, e)),
        };
        for entry in entries {
            let path = entry.map_err(|e| Error::io("cannot read", dir, e))?.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if let Some(stem) = name.strip_suffix(".html") {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| Error::io("cannot read", &path, e))?;
                own.push((stem.to_string(), text, path.display().to_string()));
            }
        }
        own.sort();
        Shortcodes::new(own)
    }

    /// The site's own templates (names and sources): equal keys, same shortcodes.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Every name that can be called, sorted.
    pub fn names(&self) -> Vec<&str> {
        let mut names: BTreeSet<&str> = builtin::BUILTINS.iter().map(|b| b.name).collect();
        names.extend(self.own.iter().map(String::as_str));
        names.into_iter().collect()
    }

    fn render(
        &self,
        call: &Call,
        files: &mut dyn PageFiles,
        state: &mut PageState,
    ) -> Result<String, Problem> {
        let names = self.names();
        if !names.contains(&call.name.as_str()) {
            return Err(unknown(&call.name, &names));
        }
        let mut ctx = call.args.clone();
        if let Some(body) = &call.body {
            ctx.insert("body".into(), Value::String(body.clone()));
        }
        let own = self.own.contains(&call.name);
        if own {
            for (k, v) in files.context() {
                ctx.entry(k).or_insert(v);
            }
        }
        // A site's own template of a built-in's name gets what the built-in
        // prepares when called with the built-in's arguments; called with
        // others (a Zola site's `video(name=…)`), it takes them as they are.
        let spec = builtin::spec(&call.name)
            .filter(|spec| !own || builtin::check_args(spec, &call.args).is_ok());
        if let Some(spec) = spec {
            let help = || format!("write it as {}", spec.example);
            builtin::check_args(spec, &call.args).map_err(|e| Problem::new(e.message(), help()))?;
            builtin::prepare(&call.name, &mut ctx, files, state)
                .map_err(|e| Problem::new(e.message(), help()))?;
            for key in spec.optional {
                ctx.entry(*key).or_insert(Value::Null);
            }
        }
        let mut context = tera::Context::new();
        for (k, v) in ctx {
            context.insert(k, &v);
        }
        self.tera
            .render(&format!("{}.html", call.name), &context)
            .map_err(|e| {
                Problem::new(
                    format!("the shortcode `{}` failed: {}", call.name, error_chain(&e)),
                    format!("check templates/shortcodes/{}.html", call.name),
                )
            })
    }
}

fn error_chain(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(&format!(": {s}"));
        source = s.source();
    }
    msg
}

fn unknown(name: &str, names: &[&str]) -> Problem {
    let mut help = String::new();
    if let Some(near) = crate::diagnostics::nearest(name, names.iter().copied()) {
        help.push_str(&format!("did you mean `{near}`? "));
    }
    help.push_str(&format!(
        "known shortcodes: {}; add your own as templates/shortcodes/{name}.html",
        names.join(", ")
    ));
    Problem::new(format!("there is no shortcode `{name}`"), help)
}

use parse::{Call, Found};

struct Problem {
    message: String,
    help: String,
}

impl Problem {
    fn new(message: impl Into<String>, help: impl Into<String>) -> Self {
        Problem {
            message: message.into(),
            help: help.into(),
        }
    }
}

/// A problem found in a page's Markdown, at a byte offset of the Markdown.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub offset: usize,
    pub severity: Severity,
    pub message: String,
    pub help: String,
}

pub use marks::{MARK_CLOSE, MARK_OPEN};

/// One replaced stretch: `old` in the Markdown became `new` in the expanded text.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub old: Range<usize>,
    pub new: Range<usize>,
}

/// Markdown with each shortcode call replaced by a mark `\u{E000}N\u{E001}`,
/// where `pieces[N]` is the HTML to put there.
#[derive(Debug, Default)]
pub struct Expanded {
    pub text: String,
    pub pieces: Vec<String>,
    pub edits: Vec<Edit>,
    pub notes: Vec<Note>,
    pub state: PageState,
}

impl Expanded {
    /// The byte offset in the original Markdown of an offset in `text`.
    pub fn original_offset(&self, offset: usize) -> usize {
        let i = self.edits.partition_point(|e| e.new.start <= offset);
        match i.checked_sub(1).map(|i| &self.edits[i]) {
            Some(e) if offset < e.new.end => e.old.start,
            Some(e) => e.old.end + (offset - e.new.end),
            None => offset,
        }
    }

    fn replace(&mut self, md: &str, copied_to: &mut usize, old: Range<usize>, html: String) {
        self.text.push_str(&md[*copied_to..old.start]);
        let start = self.text.len();
        self.text.push_str(&marks::mark(self.pieces.len()));
        self.pieces.push(html);
        self.edits.push(Edit {
            new: start..self.text.len(),
            old: old.clone(),
        });
        *copied_to = old.end;
    }

    fn note(&mut self, offset: usize, severity: Severity, message: String, help: String) {
        self.notes.push(Note {
            offset,
            severity,
            message,
            help,
        });
    }
}

/// Whether `md` may hold a shortcode or foreign tag (a cheap test before parsing).
pub fn may_have_calls(md: &str) -> bool {
    md.contains("{{") || md.contains("{%")
}

/// Replaces the calls in `md` outside the byte ranges `skip` (code, math; sorted).
pub fn expand(
    md: &str,
    skip: &[Range<usize>],
    shortcodes: &Shortcodes,
    files: &mut dyn PageFiles,
) -> Expanded {
    let mut out = Expanded::default();
    let mut copied_to = 0;
    let mut pos = 0;
    while let Some(i) = md[pos..].find('{') {
        let at = pos + i;
        pos = at + 1;
        if !md[pos..].starts_with(['{', '%']) {
            continue;
        }
        let k = skip.partition_point(|r| r.end <= at);
        if let Some(r) = skip.get(k).filter(|r| r.start <= at) {
            pos = r.end;
            continue;
        }
        match parse::read_at(md, at) {
            Found::Call(call) => {
                let html = match shortcodes.render(&call, files, &mut out.state) {
                    Ok(html) => html,
                    Err(p) => {
                        out.note(at, Severity::Error, p.message, p.help);
                        String::new()
                    }
                };
                out.replace(md, &mut copied_to, call.start..call.end, html);
                pos = call.end;
            }
            Found::Escaped { text, end } => {
                out.replace(md, &mut copied_to, at..end, crate::util::escape_text(&text));
                pos = end;
            }
            Found::Foreign { what, end } => {
                if !what.is_empty() {
                    let (message, help) = foreign::advice(&what);
                    out.note(at, Severity::Warning, message, help);
                }
                pos = end;
            }
            Found::Malformed {
                message,
                at: where_,
            } => {
                let help = "a shortcode is written {{ name(key=\"value\") }}, or \
                            {% name(key=\"value\") %}…{% end %}; to print one as text write {{/* name() */}}";
                out.note(where_, Severity::Error, message, help.to_string());
            }
        }
    }
    out.text.push_str(&md[copied_to..]);
    out
}
