//! `folio import jsonresume`: a JSON Resume into a folio site.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use folio::jsonresume::{self, ImportOptions, ImportReport};

use super::report::{Outcome, Ui, outln};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: Kind,
}

/// Where and how an import writes (the same for every résumé source).
#[derive(clap::Args)]
struct Dest {
    /// The site folder (created if missing).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Keep existing files and add only what is missing.
    #[arg(long, conflicts_with = "force")]
    merge: bool,
    /// Overwrite existing files.
    #[arg(long)]
    force: bool,
    /// The site's language (zh, ja, ...); by default meta.language, else the text's.
    #[arg(long)]
    language: Option<String>,
}

impl Dest {
    fn options(self) -> (PathBuf, ImportOptions) {
        let opts = ImportOptions {
            merge: self.merge,
            force: self.force,
            language: self.language,
        };
        (self.dir, opts)
    }
}

#[derive(clap::Subcommand)]
enum Kind {
    /// Create (or with --merge, fill in) folio.yaml, content/profile.yaml and one
    /// project write-up per projects[] entry from a JSON Resume file.
    #[command(
        after_help = "Never overwrites a file without --force. Fields folio has no place for are\nreported and kept in profile.yaml under extra.jsonresume, so an export gives them back.\nExit status: 0 imported, 1 bad file or a file exists, 2 wrong usage."
    )]
    Jsonresume {
        /// The resume.json to import.
        file: PathBuf,
        #[command(flatten)]
        into: Dest,
    },
    /// The same from LinkedIn's "Get a copy of your data" archive (the .zip or its folder).
    Linkedin {
        /// The export .zip, or the folder it unzips to.
        file: PathBuf,
        #[command(flatten)]
        into: Dest,
    },
    /// Move a portfolio made with Hugo, Zola, Jekyll (al-folio) or Astro into a
    /// folio site: write-ups as bundles with their images, the profile, folio.yaml.
    #[command(after_help = super::import_site::AFTER_HELP)]
    Site(super::import_site::Args),
}

pub fn execute(args: Args, ui: &Ui) -> Outcome {
    match args.what {
        Kind::Jsonresume { file, into } => {
            let (dir, opts) = into.options();
            let r = jsonresume::import_file(&file, &dir, &opts)?;
            print(&r, &file, &dir)
        }
        Kind::Linkedin { file, into } => {
            let (dir, opts) = into.options();
            let r = jsonresume::linkedin::import(&file, &dir, &opts)?;
            print(&r, &file, &dir)
        }
        Kind::Site(site) => super::import_site::execute(site, ui),
    }
}

fn print(r: &ImportReport, file: &Path, dir: &Path) -> Outcome {
    outln!("Imported {} into {}:", file.display(), dir.display())?;
    for f in &r.written {
        outln!("  wrote    {}", f.display())?;
    }
    for f in &r.skipped {
        outln!("  kept     {} (exists)", f.display())?;
    }
    if !r.unmapped.is_empty() {
        outln!("\nTo know (JSON path: what folio did; nothing else was left out):")?;
        for u in &r.unmapped {
            outln!("  {u}")?;
        }
    }
    outln!("\nNext: `folio build {}`.", dir.display())?;
    Ok(ExitCode::SUCCESS)
}
