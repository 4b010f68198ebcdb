//! `folio check`: load and validate everything, write nothing. The site's
//! problems are errors; the platforms' rules for the profiles (Upwork,
//! LinkedIn) are warnings here, labelled with the platform: `folio profile`
//! is where they fail.

use std::path::PathBuf;
use std::process::ExitCode;

use folio::build::{self, BuildOptions};
use folio::content::{self, LoadOptions, Missing, Site};
use folio::export::{self, PlatformFinding};
use folio::{Diagnostic, Error, output};

use super::report::{Outcome, Ui, outln, plural};

pub const AFTER_HELP: &str = "Problems of the site (content, links, templates) are errors. The rules of Upwork and\nLinkedIn for your profiles are warnings here, labelled `warning[upwork]` or\n`warning[linkedin]`: the site is fine without them. `folio profile --all` shows every\nfield with its count and limit, and fails on a broken limit.\nEvery language of `languages:` is loaded and checked; the files a language has no\ntranslation of are listed as information (their pages show the default text), or as\nwarnings with --strict.\nExit status: 0 no errors (warnings allowed, none with --strict), 1 errors found (or\nwarnings with --strict), 2 wrong usage.";

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
    /// Report missing translations as warnings, and fail (exit status 1) on any warning.
    #[arg(long)]
    strict: bool,
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
    let (mut warnings, missing) =
        other_languages(&opts, &r.site, &r.warnings).map_err(with_warnings)?;
    if args.strict {
        warnings.extend(
            missing
                .iter()
                .flat_map(|(code, m)| missing_warnings(code, m)),
        );
    }
    ui.diagnostics(r.warnings.iter().chain(&warnings));
    for f in &platform {
        ui.note(format_args!("{}\n", f.render(ui.color)));
    }
    let count = r.warnings.len() + warnings.len() + platform.len();
    let warnings = match count {
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
    if !args.strict {
        for (code, m) in missing.iter().filter(|(_, m)| !m.is_empty()) {
            outln!("{}", missing_list(code, m))?;
        }
    }
    if args.strict && count > 0 {
        ui.note("--strict: warnings fail the check");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// A language's code and the files it has no translation of.
type Untranslated = (String, Vec<Missing>);

/// The languages besides the default, each loaded and checked like the
/// default: their warnings not already in `seen`, and per language code the
/// files it has no translation of.
fn other_languages(
    opts: &BuildOptions,
    site: &Site,
    seen: &[Diagnostic],
) -> folio::Result<(Vec<Diagnostic>, Vec<Untranslated>)> {
    let mut warnings: Vec<Diagnostic> = Vec::new();
    let mut missing = Vec::new();
    for code in site.config.other_language_codes() {
        let load = LoadOptions {
            lang: Some(code.clone()),
            base_url: opts.base_url.clone(),
            drafts: opts.drafts,
            ..LoadOptions::default()
        };
        let (site, found) = content::load(&opts.root, &load)?;
        for w in found {
            if !seen.contains(&w) && !warnings.contains(&w) {
                warnings.push(w);
            }
        }
        missing.push((code, content::missing_translations(&site)));
    }
    Ok((warnings, missing))
}

/// The files without a translation into `code`, as information.
fn missing_list(code: &str, missing: &[Missing]) -> String {
    let mut s = format!(
        "Not translated into `{code}` ({}; /{code}/ shows the default language's text):",
        plural(missing.len(), "file")
    );
    for m in missing {
        s.push_str(&format!("\n  {} (write {})", m.source, m.translation));
    }
    s
}

/// The files without a translation into `code`, as warnings (`--strict`).
fn missing_warnings(code: &str, missing: &[Missing]) -> Vec<Diagnostic> {
    missing
        .iter()
        .map(|m| {
            Diagnostic::warning(format!(
                "no `{code}` translation: /{code}/ shows this file's text"
            ))
            .in_file(&m.source)
            .with_help(format!(
                "write {} with the keys to translate (the others come from this file)",
                m.translation
            ))
        })
        .collect()
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
