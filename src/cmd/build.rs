//! `folio build`: the site into its output folder.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use folio::build::{self, BuildOptions};

use super::report::{Outcome, Ui, outln, shown_path};

pub const AFTER_HELP: &str = "The previous output is replaced only when the whole build succeeds.\nExit status: 0 success, 1 content or build error, 2 wrong usage.";

#[derive(clap::Args)]
pub struct Args {
    /// The site folder (the one holding folio.yaml).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Write the site here instead (relative to the current folder).
    #[arg(short = 'o', long, value_name = "PATH")]
    output_dir: Option<PathBuf>,
    /// Override `base_url` from folio.yaml, e.g. in CI: https://ana.github.io/portfolio/
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Include projects and pages marked `draft: true`.
    #[arg(long)]
    drafts: bool,
}

pub fn execute(args: Args, ui: &Ui) -> Outcome {
    let opts = BuildOptions {
        root: args.dir,
        output_dir: args.output_dir.clone(),
        base_url: args.base_url,
        drafts: args.drafts,
        plain_code: false,
    };
    let report = build::build(&opts)?;
    ui.diagnostics(&report.warnings);
    let shown = args
        .output_dir
        .unwrap_or_else(|| relative_to_cwd(&report.output));
    outln!("{}", report.summary(&shown_path(&shown)))?;
    Ok(ExitCode::SUCCESS)
}

/// `path` relative to the current folder when it is inside it.
fn relative_to_cwd(path: &Path) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(cwd)
        .map_or_else(|_| path.to_path_buf(), PathBuf::from)
}
