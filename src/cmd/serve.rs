//! `folio serve`: preview the site, rebuilding on save.

use std::path::PathBuf;
use std::process::ExitCode;

use folio::serve::{self, ServeOptions};

use super::report::{Outcome, Ui, outln};

pub const AFTER_HELP: &str = "Builds in memory (your output folder is never touched) and serves the site under\nthe path of its base_url. Errors show in the terminal and over the page; the last good\nversion stays served until the file is fixed. BASE/__folio/profile/ shows every profile\nas Upwork (and LinkedIn) lays it out, with counts, limits and Copy buttons; it is\nnever part of the built site.\nExit status: 1 when the server cannot start, 2 wrong usage.";

#[derive(clap::Args)]
pub struct Args {
    /// The site folder.
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// The port to listen on (0: any free port).
    #[arg(short, long, default_value_t = 1111)]
    port: u16,
    /// The address to listen on; 0.0.0.0 makes the preview reachable from other machines.
    #[arg(short, long, default_value = "127.0.0.1")]
    interface: String,
    /// Open the site in the default browser.
    #[arg(long)]
    open: bool,
    /// Include drafts.
    #[arg(long)]
    drafts: bool,
    /// Poll for changes instead of waiting for file-system events (network and container file systems).
    #[arg(long)]
    poll: bool,
}

pub fn execute(args: Args, _ui: &Ui) -> Outcome {
    let opts = ServeOptions {
        root: args.dir,
        interface: args.interface,
        port: args.port,
        open: args.open,
        drafts: args.drafts,
        poll: args.poll,
    };
    serve::serve(&opts, |url| {
        // The banner is information only: the server goes on serving when
        // nobody reads stdout any more (the rest of its reports go to stderr).
        let _ = outln!("Serving {url}")
            .and_then(|()| {
                outln!(
                    "Your Upwork and LinkedIn profiles, live: {url}{}",
                    folio::preview::PATH
                )
            })
            .and_then(|()| outln!("Watching for changes; press Ctrl-C to stop."))
            .and_then(|()| std::io::Write::flush(&mut std::io::stdout()));
    })?;
    Ok(ExitCode::SUCCESS)
}
