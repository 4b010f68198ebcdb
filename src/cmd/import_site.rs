//! `folio import site`: a Hugo, Zola, Jekyll or Astro portfolio into a folio site.

use std::path::PathBuf;
use std::process::ExitCode;

use folio::migrate::{self, FileReport, Generator, Options, Report};

use super::report::{Outcome, Ui, outln, plural};

pub const AFTER_HELP: &str =
    "Looks for the write-ups in a folder called projects, portfolio, work, works or project
under content/ (or content/<lang>/), _<name>, src/content/, src/pages/, src/ or the root
(or --section).
Each becomes content/projects/<name>/index.md with its images. Front matter is
mapped (description → summary, image → cover, categories → tags, ...); what has
no place in folio is kept under `extra:`. Never overwrites a file without --force.
The report lists, per file, what needs a hand, with line numbers.
Exit status: 0 imported, 1 nothing to import or a file exists, 2 wrong usage.";

#[derive(clap::Args)]
pub struct Args {
    /// The folder of the site to import.
    src: PathBuf,
    /// The folio site folder (created if missing).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// The generator that made SRC (detected when not given).
    #[arg(long, value_enum)]
    from: Option<Generator>,
    /// The folder of SRC that holds the portfolio write-ups.
    #[arg(long, value_name = "PATH")]
    section: Option<PathBuf>,
    /// Keep existing files and add only what is missing.
    #[arg(long, conflicts_with = "force")]
    merge: bool,
    /// Overwrite existing files.
    #[arg(long)]
    force: bool,
}

pub fn execute(args: Args, _ui: &Ui) -> Outcome {
    let opts = Options {
        from: args.from,
        section: args.section.clone(),
        merge: args.merge,
        force: args.force,
    };
    let report = migrate::import_site(&args.src, &args.dir, &opts)?;
    print(&report, &args)
}

fn print(r: &Report, args: &Args) -> Outcome {
    let generator = r.generator.map(|g| g.to_string()).unwrap_or_default();
    outln!(
        "Imported {} from {} ({generator}, section {}) into {}:",
        plural(
            r.files.iter().filter(|f| f.dest.is_some()).count(),
            "write-up"
        ),
        args.src.display(),
        r.section.display(),
        args.dir.display()
    )?;
    for f in &r.files {
        print_file(f)?;
    }
    for (p, why) in &r.skipped {
        outln!("\n{}: skipped, {why}", p.display())?;
    }
    outln!("\nProfile (content/profile.yaml): {}", list(&r.profile))?;
    if !r.profile_missing.is_empty() {
        outln!(
            "  needs a hand: no {} found; a placeholder was written",
            r.profile_missing.join(", ")
        )?;
    }
    for h in &r.profile_hands {
        outln!("  needs a hand: {h}")?;
    }
    if !r.shortcodes.is_empty() {
        outln!(
            "\nThe site's own shortcodes, copied to templates/shortcodes/: {}",
            r.shortcodes.join(", ")
        )?;
    }
    for h in &r.site_hands {
        outln!("  needs a hand: {h}")?;
    }
    outln!(
        "\n{} written, {} kept (exist), {} merged.",
        plural(r.written.len(), "file"),
        r.kept.len(),
        r.merged.len()
    )?;
    let hands: usize = r.files.iter().map(|f| f.hands.len()).sum();
    outln!(
        "{} of {} need nothing by hand; {hands} to fix by hand in all.",
        r.clean(),
        plural(r.files.len(), "write-up"),
    )?;
    outln!("\nNext: `folio check {}`.", args.dir.display())?;
    Ok(ExitCode::SUCCESS)
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "nothing found".into()
    } else {
        items.join(", ")
    }
}

fn print_file(f: &FileReport) -> Outcome {
    let dest = f
        .dest
        .as_ref()
        .map_or("not imported".into(), |d| d.display().to_string());
    outln!("\n{} → {dest}", f.source.display())?;
    outln!("  mapped: {}", list(&f.mapped))?;
    if !f.extra.is_empty() {
        outln!("  under extra: {}", f.extra.join(", "))?;
    }
    if !f.converted.is_empty() {
        outln!("  converted: {}", f.converted.join(", "))?;
    }
    if f.files > 0 {
        outln!("  files copied: {}", f.files)?;
    }
    if !f.no_alt.is_empty() {
        outln!(
            "  no alt text, nor on the old site (describe them in alt=\"…\" when you can): {}",
            names(&f.no_alt)
        )?;
    }
    for h in &f.hands {
        outln!(
            "  needs a hand: {}:{}: {}",
            f.source.display(),
            h.line,
            h.message
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Up to five names, then how many more.
fn names(all: &[String]) -> String {
    let shown: Vec<String> = all.iter().take(5).map(|n| format!("`{n}`")).collect();
    match all.len().saturating_sub(5) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}
