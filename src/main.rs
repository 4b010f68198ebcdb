//! The `folio` command line: parses the arguments and hands each command to
//! its module, `cmd::<name>::execute` (src/cmd/<name>.rs).

mod cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use cmd::report::Ui;

/// folio — a portfolio site for freelancers, from one content folder.
///
/// Exit status: 0 success, 1 content or build error, 2 wrong usage.
#[derive(Parser)]
#[command(name = "folio", version = folio::version::LONG, about, long_about = None, after_help = "Exit status: 0 success, 1 content or build error, 2 wrong usage.\nRun `folio <COMMAND> --help` for a command's options.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into DIR/public (or `output_dir` from folio.yaml, or -o).
    #[command(after_help = cmd::build::AFTER_HELP)]
    Build(cmd::build::Args),
    /// Load and validate everything (content, links, templates); write nothing.
    #[command(after_help = cmd::check::AFTER_HELP)]
    Check(cmd::check::Args),
    /// Print profile text ready to paste into Upwork (or LinkedIn), checked against its rules.
    #[command(after_help = cmd::profile::AFTER_HELP)]
    Profile(cmd::profile::Args),
    /// Create a new site in DIR: config, profile, two projects, a specialized profile.
    #[command(after_help = cmd::init::AFTER_HELP)]
    Init(cmd::init::Args),
    /// Preview the site: serve it, rebuild on save, and reload open pages by themselves.
    #[command(after_help = cmd::serve::AFTER_HELP)]
    Serve(cmd::serve::Args),
    /// Draft a cover letter for a job post, with your most relevant projects.
    #[command(after_help = cmd::proposal::AFTER_HELP)]
    Proposal(cmd::proposal::Args),
    /// Import a JSON Resume (resume.json) or a Hugo, Zola, Jekyll or Astro site into a folio site.
    Import(cmd::import::Args),
    /// Export the site's content in another format.
    Export(cmd::export::Args),
    /// Build the site and publish it to a branch (gh-pages) with your git.
    #[command(after_help = cmd::deploy::AFTER_HELP)]
    Deploy(cmd::deploy::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ui = Ui::detect();
    let outcome = match cli.command {
        Command::Build(args) => cmd::build::execute(args, &ui),
        Command::Check(args) => cmd::check::execute(args, &ui),
        Command::Profile(args) => cmd::profile::execute(args, &ui),
        Command::Init(args) => cmd::init::execute(args, &ui),
        Command::Serve(args) => cmd::serve::execute(args, &ui),
        Command::Proposal(args) => cmd::proposal::execute(args, &ui),
        Command::Import(args) => cmd::import::execute(args, &ui),
        Command::Export(args) => cmd::export::execute(args, &ui),
        Command::Deploy(args) => cmd::deploy::execute(args, &ui),
    };
    ui.finish(outcome)
}
