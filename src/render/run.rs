//! Renders a plan: every job in parallel (or reused from the cache when its
//! key is the same), each file handed to the sink as it is done, so a build
//! never holds the whole site in memory; then the files written as they are.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;
use tera::Tera;

use super::cache::Done;
use super::plan::{Job, Make, Plan};
use super::templates::template_error;
use crate::diagnostics::{Diagnostic, Error};
use crate::output::{Contents, OutputFile, Sink};
use crate::shortcodes::marks;
use crate::theme::Theme;
use crate::util::phase;

/// How to render: with the templates of `theme` compiled in `tera`, reusing
/// (and, when `caching`, keeping) what `done` holds. A `partial` plan makes
/// some files again and keeps the others in `done`; a whole one replaces it.
pub(super) struct Renderer<'a> {
    pub(super) tera: &'a Tera,
    pub(super) theme: &'a Theme,
    pub(super) caching: bool,
    pub(super) partial: bool,
}

/// Pages rendered and pages reused.
pub(super) struct Counts {
    pub(super) rendered: usize,
    pub(super) reused: usize,
}

impl Renderer<'_> {
    pub(super) fn run(
        &self,
        plan: Plan<'_>,
        done: &mut Done,
        sink: &dyn Sink,
    ) -> crate::Result<Counts> {
        let Plan { jobs, files } = plan;
        check_collisions(
            jobs.iter()
                .map(|j| j.path.as_str())
                .chain(files.iter().map(|f| f.path.as_str())),
        )?;
        let t = Instant::now();
        let counts = self.jobs(jobs, done, sink)?;
        phase("render: templates", t);
        let t = Instant::now();
        files.into_par_iter().try_for_each(|f| sink.put(f))?;
        phase("render: copy", t);
        Ok(counts)
    }

    /// Makes (or reuses) every job's file and hands it to `sink`.
    fn jobs(&self, jobs: Vec<Job<'_>>, done: &mut Done, sink: &dyn Sink) -> crate::Result<Counts> {
        let old = std::mem::take(&mut done.files);
        let caching = self.caching;
        // Per job: whether it was made (not reused), and its bytes when caching.
        type Made = crate::Result<(bool, Option<Arc<[u8]>>)>;
        let results: Vec<Made> = jobs
            .par_iter()
            .map(|job| {
                let (new, bytes) = match old.get(&job.path) {
                    Some((key, bytes)) if caching && *key == job.key => (false, bytes.clone()),
                    _ => (true, self.make(job)?),
                };
                sink.put(OutputFile {
                    path: job.path.clone(),
                    contents: Contents::Bytes(bytes.clone()),
                })?;
                // Kept only when caching (serve); a build lets each file go once written.
                Ok((new, caching.then_some(bytes)))
            })
            .collect();
        let mut kept = match self.partial {
            true => old,
            false => {
                drop(old);
                HashMap::with_capacity(if caching { jobs.len() } else { 0 })
            }
        };
        let mut errors: Vec<Diagnostic> = Vec::new();
        let mut counts = Counts {
            rendered: 0,
            reused: 0,
        };
        let mut pages = 0;
        for (job, result) in jobs.into_iter().zip(results) {
            let page = matches!(job.make, Make::Page(..));
            pages += usize::from(page);
            match result {
                Ok((new, bytes)) => {
                    if page && new {
                        counts.rendered += 1;
                    } else if page {
                        counts.reused += 1;
                    }
                    if let Some(bytes) = bytes {
                        kept.insert(job.path, (job.key, bytes));
                    }
                }
                Err(e) => errors.extend(e.diagnostics),
            }
        }
        done.files = kept;
        if !self.partial {
            done.pages = pages;
        }
        if !errors.is_empty() {
            errors.dedup();
            return Err(Error::new(errors));
        }
        Ok(counts)
    }

    fn make(&self, job: &Job<'_>) -> crate::Result<Arc<[u8]>> {
        let text = match &job.make {
            Make::Page(template, build) => self
                .tera
                .render(template, &build())
                .map_err(|e| Error::single(template_error(&e, self.theme)))?,
            Make::Text(make) => make(),
        };
        no_placeholder(&job.path, &text)?;
        Ok(Arc::from(text.into_bytes()))
    }
}

/// A shortcode's placeholder never reaches a written file: the file and the
/// line where it would have been are an error.
fn no_placeholder(path: &str, text: &str) -> crate::Result<()> {
    let Some((range, _)) = marks::find_mark(text, 0) else {
        return Ok(());
    };
    let before = &text[..range.start];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Err(Error::single(
        Diagnostic::error("a shortcode's placeholder would be written into this file")
            .in_file(path)
            .at(line, Some(column), Some(text))
            .with_help(
                "a shortcode's HTML was left out of the page; please report this with the Markdown that made it",
            ),
    ))
}

/// Two sources writing the same output file is an error, not a silent overwrite
/// (a static file may replace a theme asset, which is resolved earlier).
fn check_collisions<'a>(paths: impl Iterator<Item = &'a str>) -> crate::Result<()> {
    let mut seen = std::collections::HashSet::new();
    let mut errors = Vec::new();
    for path in paths {
        if !seen.insert(path) {
            errors.push(
                Diagnostic::error(format!("two things would be written to {path}"))
                    .with_help("a file in static/ or beside a project has the same path as a page folio generates; rename it"),
            );
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::new(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_placeholder_in_a_file_is_an_error_at_its_line() {
        assert!(no_placeholder("a/index.html", "<p>\u{E000}</p>").is_ok());
        let text = format!("<p>\n  x{}</p>", crate::shortcodes::marks::mark(3));
        let e = no_placeholder("a/index.html", &text).unwrap_err();
        assert_eq!(
            e.diagnostics[0].location(),
            "a/index.html:2:4",
            "{}",
            e.render(false)
        );
    }
}
