//! JSON Resume (jsonresume.org, schema 1.x, and the 0.x names people still write):
//! import a `resume.json` into a folio site, export a site's content as one, and
//! import LinkedIn's data export through the same mapping.
//!
//! Mapping (folio ← → JSON Resume):
//! - profile: name ↔ basics.name, title ↔ basics.label, overview ↔ basics.summary,
//!   photo ↔ basics.image (0.x `picture`), email ↔ basics.email, links ↔ basics.url
//!   (0.x `website`; "Website") and basics.profiles, location ↔ basics.location,
//!   languages ↔ languages, skills ↔ skills, testimonials ↔ references
//! - experience ↔ work (company=name (0.x `company`), title=position, start/end,
//!   location, url, description = summary + highlights as a list)
//! - education ↔ education, certifications ↔ certificates
//! - projects ↔ projects (one write-up per dated project)
//!
//! Nothing is dropped without a word: a key folio has no field for stays under the
//! entry's `extra` (and goes back to the same place on export); a section or entry
//! folio cannot place is kept under profile.yaml `extra.jsonresume`, listed on the
//! résumé page, and named in the import report with its JSON path.

pub mod dates;
mod export;
mod import;
mod language;
pub mod linkedin;

use std::path::PathBuf;

pub use export::export;
pub use import::{import, parse};

/// Options of `folio import jsonresume` and `folio import linkedin`.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Fill in what is missing in an existing site instead of refusing.
    pub merge: bool,
    /// Overwrite existing files.
    pub force: bool,
    /// The site's language (`zh`, `ja`, ...); found from the content when not given.
    pub language: Option<String>,
}

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub written: Vec<PathBuf>,
    pub skipped: Vec<PathBuf>,
    /// One line per thing to know, each starting with its JSON path
    /// (`work[3].startDate: ...`): what was read differently, kept as written or left out.
    pub unmapped: Vec<String>,
}

/// Reads and imports the resume.json at `file`.
pub fn import_file(
    file: &std::path::Path,
    dir: &std::path::Path,
    opts: &ImportOptions,
) -> crate::Result<ImportReport> {
    let text =
        std::fs::read_to_string(file).map_err(|e| crate::Error::io("cannot read", file, e))?;
    import(&text, file, dir, opts)
}
