//! `folio proposal`: a cover letter for a job post, with the most relevant projects.

use std::path::PathBuf;
use std::process::ExitCode;

use folio::Error;
use folio::proposal::{self, Proposal, ProposalOptions};

use super::Format;
use super::report::{Outcome, Ui, load_site_in, out, outln, read_input};

pub const AFTER_HELP: &str = "JOB is a text file with the job post as pasted from Upwork, or - for standard input.\nThe letter goes to stdout, then a report (requirements covered and not, projects\nchosen, length against Upwork's 5,000 characters). Offline and deterministic.\nExit status: 0 drafted, 1 an error (or the letter breaks Upwork's rules), 2 wrong usage,\n3 the job is outside your work (no letter; the report says why).";

#[derive(clap::Args)]
pub struct Args {
    /// The site folder.
    dir: PathBuf,
    /// The job post: a text file, or - for standard input.
    job: PathBuf,
    /// Use this specialized profile (default: the one that covers the post best).
    #[arg(long, value_name = "NAME")]
    profile: Option<String>,
    /// How many projects the letter shows (1 to 5).
    #[arg(long, default_value_t = 3)]
    top: usize,
    /// text: the letter and a report; json: requirements, ranked projects with scores and reasons, and the letter.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// A Tera template for the letter instead of templates/proposal.txt.
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,
    /// Draft from the site's content in this language: a code of `languages:` in folio.yaml
    /// (default: the post's language when the site has it, else the first).
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
}

pub fn execute(args: Args, ui: &Ui) -> Outcome {
    let post = read_input(&args.job)?;
    let template = args.template.as_deref().map(read_input).transpose()?;
    let lang = match args.lang {
        Some(code) => Some(code),
        None => {
            let (config, _) = folio::config::Config::load(&args.dir)?;
            proposal::content_language(&post, &config.languages())
        }
    };
    let (site, _) = load_site_in(&args.dir, lang)?;
    if site.languages.len() > 1 {
        ui.note(format_args!(
            "Drafted from the site's `{}` content (--lang to choose another)",
            site.lang
        ));
    }
    let theme = folio::theme::open(&args.dir, &site.config.theme)?;
    let opts = ProposalOptions {
        profile: args.profile,
        top: args.top,
        template,
    };
    let p = proposal::draft(&site, &theme, &post, &opts)?;
    print(&p, args.format)?;
    ui.diagnostics(&p.findings);
    if p.findings.iter().any(|d| d.is_error()) {
        Ok(ExitCode::from(1))
    } else if !p.fit.fits {
        Ok(ExitCode::from(3))
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

fn print(p: &Proposal, format: Format) -> Outcome {
    match format {
        Format::Text => {
            out!("{}", p.letter)?;
            outln!("\n{}", proposal::report(p))?;
        }
        Format::Json => {
            let json = serde_json::to_string_pretty(p)
                .map_err(|e| Error::internal(format!("cannot write the proposal as JSON: {e}")))?;
            outln!("{json}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
