//! `folio check`: load and validate everything, write nothing.

use std::path::PathBuf;
use std::process::ExitCode;

use folio::build::{self, BuildOptions};

use super::report::{Outcome, Ui, outln, plural};

pub const AFTER_HELP: &str =
    "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 wrong usage.";

#[derive(clap::Args)]
pub struct Args {
    /// The site folder.
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Check as if built with this base URL.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Check drafts as part of the site.
    #[arg(long)]
    drafts: bool,
}

pub fn execute(args: Args, ui: &Ui) -> Outcome {
    let opts = BuildOptions {
        root: args.dir,
        output_dir: None,
        base_url: args.base_url,
        drafts: args.drafts,
    };
    let r = build::check(&opts)?;
    ui.diagnostics(&r.warnings);
    let warnings = match r.warnings.len() {
        0 => String::new(),
        n => format!(", {}", plural(n, "warning")),
    };
    outln!(
        "No errors: {} pages ({} projects, {} skills, {} specialized profiles){warnings}",
        r.site.page_count(),
        r.site.projects.len(),
        r.site.skills.len(),
        r.site.profiles.len(),
    )?;
    Ok(ExitCode::SUCCESS)
}
