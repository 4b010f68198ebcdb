//! `folio init`: a new site that builds at once.

use std::path::PathBuf;
use std::process::ExitCode;

use super::report::{Outcome, Ui, outln};

pub const AFTER_HELP: &str = "Refuses to overwrite existing files.\nExit status: 0 created, 1 a file exists or cannot be written, 2 wrong usage.";

#[derive(clap::Args)]
pub struct Args {
    /// Where to create the site (created if missing).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Do not write .github/workflows/pages.yml (the GitHub Pages workflow).
    #[arg(long)]
    no_workflow: bool,
}

pub fn execute(args: Args, _ui: &Ui) -> Outcome {
    let files = folio::init::init(&args.dir, !args.no_workflow)?;
    outln!("Created a new folio site in {}:", args.dir.display())?;
    for f in files {
        outln!("  {}", f.display())?;
    }
    let cd = if args.dir.as_os_str() == "." {
        String::new()
    } else {
        format!(" {}", args.dir.display())
    };
    outln!("\nNext: edit content/profile.yaml, then run `folio build{cd}`.")?;
    Ok(ExitCode::SUCCESS)
}
