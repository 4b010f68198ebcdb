//! `folio check`: load and validate everything, write nothing. The site's
//! problems are errors; the platforms' rules for the profiles (Upwork,
//! LinkedIn) are warnings here, labelled with the platform: `folio profile`
//! is where they fail.

use std::path::PathBuf;
use std::process::ExitCode;

use folio::build::{self, BuildOptions};
use folio::export::{self, PlatformFinding};
use folio::{Error, output};

use super::report::{Outcome, Ui, outln, plural};

pub const AFTER_HELP: &str = "Problems of the site (content, links, templates) are errors. The rules of Upwork and\nLinkedIn for your profiles are warnings here, labelled `warning[upwork]` or\n`warning[linkedin]`: the site is fine without them. `folio profile --all` shows every\nfield with its count and limit, and fails on a broken limit.\nExit status: 0 no errors (warnings allowed), 1 errors found, 2 wrong usage.";

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
        // check publishes nothing: its pages need no highlighting.
        plain_code: true,
    };
    let r = build::render_site(&opts)?;
    let with_warnings = |mut e: Error| {
        e.diagnostics.extend(r.warnings.iter().cloned());
        e
    };
    let out = build::output_dir(&opts, &r.site);
    output::check_output_dir(&opts.root, &out).map_err(with_warnings)?;
    let platform = export::platform_findings(&r.site).map_err(with_warnings)?;
    ui.diagnostics(&r.warnings);
    for f in &platform {
        ui.note(format_args!("{}\n", f.render(ui.color)));
    }
    let warnings = match r.warnings.len() + platform.len() {
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
    if !platform.is_empty() {
        outln!("{}", platform_summary(&platform))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// What the platform warnings mean and where to see them all.
fn platform_summary(found: &[PlatformFinding]) -> String {
    let failing = found.iter().filter(|f| f.fails_profile()).count();
    let consequence = match failing {
        0 => String::new(),
        n => format!(" ({n} would make `folio profile` fail)"),
    };
    format!(
        "{} from the rules of Upwork and LinkedIn for your profiles{consequence}; see every field with its count and limit with `folio profile --all` (and `--platform linkedin`)",
        plural(found.len(), "warning"),
    )
}
