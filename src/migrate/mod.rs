//! `folio import site`: a portfolio made with Hugo, Zola, Jekyll (al-folio)
//! or Astro, moved into a folio site in one run.
//!
//! [`detect`] finds the generator and the portfolio section; each write-up is
//! parsed ([`frontmatter`], YAML or TOML), its keys mapped ([`fields`]), its
//! text converted ([`body`], [`shortcodes`]) and its files gathered
//! ([`refs`]); [`write`] writes it all as bundles
//! (`content/projects/<slug>/index.md` with their images) without overwriting
//! anything. The [`Report`] says, per file, what was mapped, what went under
//! `extra:` and what needs a hand, with line numbers.

pub mod address;
mod aliases;
mod args;
pub mod body;
pub mod cite;
pub mod collections;
pub mod convert;
pub mod datafile;
pub mod dataitem;
pub mod datalist;
pub mod demo;
pub mod described;
pub mod detect;
pub mod eleventy;
mod eleventy_site;
pub mod fields;
pub mod frontmatter;
mod gotmpl;
mod hugo_own;
pub mod imagehost;
pub mod imports;
pub mod includes;
pub mod jsx;
pub mod kramdown;
pub mod liquidvars;
pub mod listpage;
pub mod page;
pub mod pagevars;
pub mod permalink;
pub mod person;
pub mod picture;
pub mod plain;
pub mod profile;
pub mod refs;
pub mod sample;
pub mod settings;
pub mod shortcodes;
pub mod site;
pub mod sitevars;
pub mod sources;
pub mod translations;
pub mod write;
pub mod zola;

use std::path::{Path, PathBuf};

pub use detect::Generator;

use crate::diagnostics::Error;

/// Something the import could not do by itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hand {
    /// 1-based line in the source file.
    pub line: usize,
    pub message: String,
}

/// Options of `folio import site`.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The generator, when detection should not guess.
    pub from: Option<Generator>,
    /// The portfolio section, relative to the source site.
    pub section: Option<PathBuf>,
    pub merge: bool,
    pub force: bool,
}

/// What happened to one write-up.
#[derive(Debug, Default)]
pub struct FileReport {
    /// Relative to the source site.
    pub source: PathBuf,
    /// Relative to the new site; `None` when it could not be imported.
    pub dest: Option<PathBuf>,
    pub mapped: Vec<String>,
    /// Keys kept under `extra:`.
    pub extra: Vec<String>,
    /// Shortcodes converted: `youtube ×2`.
    pub converted: Vec<String>,
    /// Files copied with it (bundle files, images, static files).
    pub files: usize,
    pub hands: Vec<Hand>,
    /// Figures without alt text, as they were on the old site: worth
    /// describing, but the page shows them as the old one did.
    pub no_alt: Vec<String>,
    /// Whether its text has `$…$` math (folio's `markdown.math` is turned on).
    pub math: bool,
}

/// What `folio import site` did.
#[derive(Debug, Default)]
pub struct Report {
    pub generator: Option<Generator>,
    pub section: PathBuf,
    pub files: Vec<FileReport>,
    /// Files of the section that are not write-ups (section pages, extra Markdown of a bundle).
    pub skipped: Vec<(PathBuf, String)>,
    /// Where the profile came from (`params.author → name`).
    pub profile: Vec<String>,
    /// Profile keys written as placeholders.
    pub profile_missing: Vec<String>,
    /// Other problems of the profile (an overview too short for Upwork).
    pub profile_hands: Vec<String>,
    /// The old site's own shortcodes, copied to `templates/shortcodes/`.
    pub shortcodes: Vec<String>,
    /// Other problems of the site (a shortcode using what only Zola has).
    pub site_hands: Vec<String>,
    pub written: Vec<PathBuf>,
    pub kept: Vec<PathBuf>,
    pub merged: Vec<PathBuf>,
}

impl Report {
    /// How many write-ups need no hand.
    pub fn clean(&self) -> usize {
        self.files
            .iter()
            .filter(|f| f.dest.is_some() && f.hands.is_empty())
            .count()
    }
}

/// Imports the site in `src` into the folio site folder `dir`.
pub fn import_site(src: &Path, dir: &Path, opts: &Options) -> crate::Result<Report> {
    if !src.is_dir() {
        return Err(Error::msg(format!(
            "{} is not a folder; give the folder of the site to import",
            src.display()
        )));
    }
    let generator = match opts.from.or_else(|| detect::detect(src)) {
        Some(g) => g,
        None if opts.section.is_none() => return import_site_below(src, dir, opts),
        None => {
            return Err(Error::msg(format!(
                "cannot tell which generator made {}: no hugo.toml, config.toml, _config.yml, astro.config.* nor a package.json naming next, nuxt, @sveltejs/kit, @11ty/eleventy or gatsby; say it with --from hugo|zola|jekyll|astro|js",
                src.display()
            )));
        }
    };
    // Projects kept as a data list come before a blog's posts.
    let data = (opts.section.is_none() && detect::find_project_section(src).is_none())
        .then(|| datalist::find(src))
        .flatten();
    let section = match (&opts.section, &data) {
        (Some(s), _) => s.strip_prefix(src).unwrap_or(s).to_path_buf(),
        (None, Some(list)) => list_folder(src, list),
        (None, None) => detect::find_section(src).ok_or_else(|| {
            Error::msg(format!(
                "no write-ups to import in {}: no Markdown files in {}; choose the folder with --section PATH{}",
                src.display(),
                detect::looked(),
                unreadable(src)
            ))
        })?,
    };
    if !src.join(&section).is_dir() {
        return Err(Error::msg(format!(
            "{} is not a folder of {}",
            section.display(),
            src.display()
        )));
    }
    let (report, plan) = site::plan(src, generator, &section, data)?;
    if report.files.is_empty() {
        return Err(Error::msg(format!(
            "no write-ups to import in {}: it holds no Markdown file that is a write-up ({} skipped: section pages, translations); choose the folder that holds them with --section PATH{}",
            src.join(&section).display(),
            report.skipped.len(),
            unreadable(src)
        )));
    }
    if report.files.iter().all(|f| f.dest.is_none()) {
        return Err(nothing_readable(src, &report));
    }
    finish(dir, report, plan, opts)
}

/// The error when no write-up of the site could be read (nothing is
/// written): each one's problem, at its line.
fn nothing_readable(src: &Path, report: &Report) -> Error {
    let problems: Vec<String> = report
        .files
        .iter()
        .flat_map(|f| {
            let at = src.join(&f.source);
            f.hands
                .iter()
                .map(move |h| format!("  {}:{}: {}", at.display(), h.line, h.message))
        })
        .collect();
    Error::msg(format!(
        "no write-up of {} could be read, so nothing was imported:\n{}\nfix these and import again",
        src.display(),
        problems.join("\n")
    ))
}

/// A repository whose site sits in a folder of it (`web/site/` of a
/// monorepo): that site imported, its section named from the repository's
/// top; an error when there is none, or several to choose from.
fn import_site_below(src: &Path, dir: &Path, opts: &Options) -> crate::Result<Report> {
    let found = detect::sites_below(src);
    let [site] = found.as_slice() else {
        let mut msg = format!(
            "cannot tell which generator made {}: no hugo.toml, config.toml, _config.yml, astro.config.* nor a package.json naming next, nuxt, @sveltejs/kit, @11ty/eleventy or gatsby; say it with --from hugo|zola|jekyll|astro|js",
            src.display()
        );
        if !found.is_empty() {
            let names: Vec<String> = found
                .iter()
                .map(|f| src.join(f).display().to_string())
                .collect();
            msg.push_str(&format!(
                "\nsites found in its folders (import the one you mean): {}",
                names.join(", ")
            ));
        }
        return Err(Error::msg(msg));
    };
    let mut report = import_site(&src.join(site), dir, opts)?;
    report.section = site.join(&report.section);
    Ok(report)
}

/// The data files that could not be read (a list of projects may be one),
/// for an error saying there is nothing to import.
fn unreadable(src: &Path) -> String {
    let broken = datafile::broken(src);
    if broken.is_empty() {
        return String::new();
    }
    format!(
        "\n(data files that could not be read, which may hold the projects:\n{})",
        broken.join("\n")
    )
}

/// The folder of a data list of projects ([`datalist`]), as the section.
fn list_folder(src: &Path, list: &datalist::DataList) -> PathBuf {
    let dir = list.file.parent().unwrap_or(src);
    dir.strip_prefix(src).unwrap_or(dir).to_path_buf()
}

fn finish(
    dir: &Path,
    mut report: Report,
    plan: Vec<write::Planned>,
    opts: &Options,
) -> crate::Result<Report> {
    let written = write::write_all(dir, plan, opts.merge, opts.force)?;
    report.written = written.written;
    report.kept = written.kept;
    report.merged = written.merged;
    Ok(report)
}
