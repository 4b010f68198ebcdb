//! `folio deploy`: build the site and publish it to a branch with git.

use std::path::PathBuf;
use std::process::ExitCode;

use folio::deploy::{self, DeployOptions, DeployReport};

use super::report::{Outcome, Ui, outln};

pub const AFTER_HELP: &str = "Commits the built site as the whole tree of the branch (one commit per deploy,\nhistory kept; unchanged output makes no commit) and pushes it. Your working tree,\nindex, current branch and stash are never touched. When base_url is not set in\nfolio.yaml it is inferred from a GitHub remote (git@github.com:ana/portfolio.git →\nhttps://ana.github.io/portfolio/).\nExit status: 0 published (or nothing to publish), 1 build or git error, 2 wrong usage.";

#[derive(clap::Args)]
pub struct Args {
    /// The site folder, inside a git repository.
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// The remote to push to.
    #[arg(long, default_value = "origin")]
    remote: String,
    /// The branch that holds the published site.
    #[arg(long, default_value = "gh-pages")]
    branch: String,
    /// The commit message (default: "Deploy TITLE from SOURCE-COMMIT with folio VERSION").
    #[arg(long, value_name = "TEXT")]
    message: Option<String>,
    /// Build and show what would be published; commit and push nothing.
    #[arg(long)]
    dry_run: bool,
}

pub fn execute(args: Args, ui: &Ui) -> Outcome {
    let opts = DeployOptions {
        root: args.dir,
        remote: args.remote,
        branch: args.branch,
        message: args.message,
        dry_run: args.dry_run,
        drafts: false,
    };
    let r = deploy::deploy(&opts)?;
    ui.diagnostics(&r.warnings);
    if let Some(note) = &r.base_url_note {
        outln!("{note}")?;
    }
    print_result(&r, &opts)?;
    Ok(ExitCode::SUCCESS)
}

fn print_result(r: &DeployReport, opts: &DeployOptions) -> std::io::Result<()> {
    let (branch, remote) = (&opts.branch, &opts.remote);
    if r.unchanged {
        outln!("Nothing changed since the last deploy: no commit, nothing pushed.")?;
    } else if opts.dry_run {
        outln!(
            "Dry run: would commit {} files ({}) for {} to `{branch}` and push it to `{remote}`.",
            r.files,
            size(r.bytes),
            r.base_url
        )?;
        if let Some(reason) = &r.remote_skipped {
            outln!(
                "The comparison with `{branch}` on `{remote}` was skipped: the remote cannot be reached ({reason})."
            )?;
        }
    } else if let Some(c) = &r.commit {
        outln!(
            "Published {} files for {} to `{branch}` on `{remote}` (commit {}).",
            r.files,
            r.base_url,
            &c[..c.len().min(12)]
        )?;
    }
    Ok(())
}

/// `512 bytes`, `3.4 KB`, `1.2 MB` (1 KB = 1,024 bytes).
fn size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if b < KB * KB {
        format!("{:.1} KB", b / KB)
    } else {
        format!("{:.1} MB", b / (KB * KB))
    }
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn sizes_read_as_bytes_kilobytes_and_megabytes() {
        assert_eq!(size(512), "512 bytes");
        assert_eq!(size(3482), "3.4 KB");
        assert_eq!(size(5 * 1024 * 1024 + 200 * 1024), "5.2 MB");
    }
}
