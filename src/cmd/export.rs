//! `folio export jsonresume`: the site's content as a JSON Resume document.

use std::path::PathBuf;
use std::process::ExitCode;

use folio::Error;

use super::report::{Outcome, Ui, load_site_in, out};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: Kind,
}

#[derive(clap::Subcommand)]
enum Kind {
    /// Write the site's profile, experience and projects as a JSON Resume document.
    #[command(
        after_help = "The build also publishes it as /resume.json when folio.yaml has `jsonresume: true`."
    )]
    Jsonresume {
        /// The site folder.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The language whose text to export: a code of `languages:` in folio.yaml (default: the first).
        #[arg(long, value_name = "CODE")]
        lang: Option<String>,
    },
}

pub fn execute(args: Args, ui: &Ui) -> Outcome {
    let Kind::Jsonresume { dir, output, lang } = args.what;
    let (site, warnings) = load_site_in(&dir, lang)?;
    ui.diagnostics(&warnings);
    let json = serde_json::to_string_pretty(&folio::jsonresume::export(&site))
        .map_err(|e| Error::internal(format!("cannot write the résumé as JSON: {e}")))?
        + "\n";
    match output {
        Some(path) => {
            std::fs::write(&path, json).map_err(|e| Error::io("cannot write", &path, e))?;
            ui.note(format_args!("Wrote {}", path.display()));
        }
        None => out!("{json}")?,
    }
    Ok(ExitCode::SUCCESS)
}
