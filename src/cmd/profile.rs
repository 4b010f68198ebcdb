//! `folio profile`: paste-ready platform profile text, checked against the
//! platform's rules.

use std::path::PathBuf;
use std::process::ExitCode;

use folio::Diagnostic;
use folio::export::{self, ProfileExport, Which};
use folio::platform::Platform;

use super::Format;
use super::report::{Outcome, Ui, distinct, load_site_in, out, outln, plural};

pub const AFTER_HELP: &str = "Each field is printed under a header line such as `── Title (52/70) ──` with its\ncount and limit; paste the text below it. Problems go to stderr with file and line.\nThe platform's rules fail here only: `folio check` shows them as warnings and\n`folio build` ignores them. Upwork gets at most 15 skills: `upwork_skills:` in\ncontent/profile.yaml (a specialized profile: its `skills:`), else the 15 most used.\n`folio serve` shows the same fields laid out as on Upwork at BASE/__folio/profile/.\nExit status: 0 no errors (warnings allowed), 1 a limit or rule is broken, 2 wrong usage.";

#[derive(clap::Args)]
pub struct Args {
    /// The site folder.
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Export the specialized profile content/profiles/NAME.yaml.
    #[arg(long, value_name = "NAME", conflicts_with = "all")]
    profile: Option<String>,
    /// Export the general profile and every specialized one.
    #[arg(long)]
    all: bool,
    /// The platform whose fields and limits to use.
    #[arg(long, value_enum, default_value = "upwork")]
    platform: Platform,
    /// text: headers and paste-ready text; json: the same as data, with counts, limits and findings.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// The language whose text to export: a code of `languages:` in folio.yaml (default: the first).
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
    /// Write one text file per field (title.txt, overview.txt, portfolio/01-SLUG.txt, ...), profile.json and, for Upwork, each portfolio cover at 4:3, 1000×750 (portfolio/01-SLUG-cover.jpg) here.
    #[arg(long, value_name = "FOLDER")]
    out: Option<PathBuf>,
}

pub fn execute(args: Args, ui: &Ui) -> Outcome {
    let which = match (args.profile, args.all) {
        (_, true) => Which::All,
        (Some(name), _) => Which::Specialized(name),
        (None, false) => Which::General,
    };
    let (site, _) = load_site_in(&args.dir, args.lang)?;
    let exports = export::export(&site, args.platform, &which)?;
    // Warnings about the cover images `--out` writes.
    let mut extra = Vec::new();
    match &args.out {
        Some(folder) => {
            let files = export::write_files(&exports, folder)?;
            let (covers, warnings) = export::write_covers(&site, &exports, folder)?;
            extra = warnings;
            let note = match covers.len() {
                0 => String::new(),
                n => format!(
                    ", with {} for Upwork's portfolio (4:3, 1000×750)",
                    plural(n, "cover image")
                ),
            };
            outln!(
                "Wrote {} files to {}{note}",
                files.len() + covers.len(),
                folder.display()
            )?;
        }
        None => match args.format {
            Format::Text => out!("{}", export::to_text(&exports))?,
            Format::Json => out!("{}", export::to_json(&exports))?,
        },
    }
    Ok(report_findings(&exports, &extra, args.platform, ui))
}

/// Every finding once on stderr, then the summary line; exit status 1 on errors.
fn report_findings(
    exports: &[ProfileExport],
    extra: &[Diagnostic],
    platform: Platform,
    ui: &Ui,
) -> ExitCode {
    let findings = distinct(exports.iter().flat_map(|e| &e.findings).chain(extra));
    ui.diagnostics(findings.iter().copied());
    let mut said = std::collections::BTreeSet::new();
    for f in exports.iter().flat_map(|e| &e.fields) {
        match (&f.note, &f.items) {
            (Some(note), Some(items)) => ui.note(format_args!(
                "note: {note}\n  chosen: {}\n",
                items.join(", ")
            )),
            // The same for every profile: once.
            (Some(note), None) if said.insert(note) => ui.note(format_args!("note: {note}\n")),
            _ => {}
        }
    }
    let errors = findings.iter().filter(|d| d.is_error()).count();
    let warnings = findings.len() - errors;
    ui.note(format_args!(
        "{} checked against {}'s rules: {}, {}",
        plural(exports.len(), "profile"),
        platform.name(),
        plural(errors, "error"),
        plural(warnings, "warning"),
    ));
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
