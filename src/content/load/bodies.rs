//! The bodies of files whose front matter failed: their Markdown is still
//! checked (broken links, missing images), so one run reports every problem.

use std::sync::Mutex;

use super::*;

/// Bodies kept from files whose front matter could not be read.
#[derive(Default)]
pub(super) struct Orphans(Mutex<Vec<Entry<()>>>);

impl Orphans {
    /// Keeps the body of `file` (its front matter failed) to check later.
    pub(super) fn keep(&self, file: &SourceFile, rel: &str, bundle: Option<&Path>) {
        let Ok(split) = frontmatter::split(file) else {
            return;
        };
        let entry = Entry {
            body: split.body.to_string(),
            body_first_line: split.body_first_line,
            file: file.clone(),
            body_file: None,
            fm: (),
            rel: rel.to_string(),
            bundle: bundle.map(Path::to_path_buf),
            slug: String::new(),
            location: Location {
                path: String::new(),
                url: String::new(),
                permalink: String::new(),
            },
            translated: true,
        };
        if let Ok(mut all) = self.0.lock() {
            all.push(entry);
        }
    }

    fn take(&self) -> Vec<Entry<()>> {
        self.0
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default()
    }
}

impl Loader {
    /// Checks the links and images of the bodies kept in `orphans`; their
    /// problems go to `out`, their HTML and files nowhere.
    pub(super) fn check_orphan_bodies(&self, targets: &Targets, out: &mut Out) {
        let mut entries = self.orphans.take();
        entries.sort_by(|a, b| a.rel.cmp(&b.rel));
        for e in &entries {
            let mut own = Out::default();
            self.render_markdown(e, &e.body, e.body_first_line, targets, &mut own);
            out.diags.extend(own.diags);
        }
    }
}
