//! The `folio` command line: parses arguments and calls the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use folio::build::{self, BuildOptions};
use folio::diagnostics::Diagnostic;

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
    #[command(
        after_help = "The previous output is replaced only when the whole build succeeds.\nExit status: 0 success, 1 content or build error, 2 wrong usage."
    )]
    Build {
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
    },
    /// Load and validate everything (content, links, templates); write nothing.
    #[command(
        after_help = "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 wrong usage."
    )]
    Check {
        /// The site folder.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Check as if built with this base URL.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Check drafts as part of the site.
        #[arg(long)]
        drafts: bool,
    },
    /// Print profile text ready to paste into Upwork (or LinkedIn), checked against its rules.
    #[command(
        after_help = "Each field is printed under a header line such as `── Title (52/70) ──` with its\ncount and limit; paste the text below it. Problems go to stderr with file and line.\nExit status: 0 no errors (warnings allowed), 1 a limit or rule is broken, 2 wrong usage."
    )]
    Profile {
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
        platform: folio::platform::Platform,
        /// text: headers and paste-ready text; json: the same as data, with counts, limits and findings.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Write one text file per field (title.txt, overview.txt, portfolio/01-SLUG.txt, ...) and profile.json here.
        #[arg(long, value_name = "FOLDER")]
        out: Option<PathBuf>,
    },
    /// Create a new site in DIR: config, profile, two projects, a specialized profile.
    #[command(
        after_help = "Refuses to overwrite existing files.\nExit status: 0 created, 1 a file exists or cannot be written, 2 wrong usage."
    )]
    Init {
        /// Where to create the site (created if missing).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Do not write .github/workflows/pages.yml (the GitHub Pages workflow).
        #[arg(long)]
        no_workflow: bool,
    },
    /// Preview the site: serve it, rebuild on save, and reload open pages by themselves.
    #[command(
        after_help = "Builds in memory (your output folder is never touched) and serves the site under\nthe path of its base_url. Errors show in the terminal and over the page; the last good\nversion stays served until the file is fixed.\nExit status: 1 when the server cannot start, 2 wrong usage."
    )]
    Serve {
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
    },
    /// Draft a cover letter for a job post, with your most relevant projects.
    #[command(
        after_help = "JOB is a text file with the job post as pasted from Upwork, or - for standard input.\nThe letter goes to stdout, then a report (requirements covered and not, projects\nchosen, length against Upwork's 5,000 characters). Offline and deterministic.\nExit status: 0 drafted, 1 an error (or the letter breaks Upwork's rules), 2 wrong usage."
    )]
    Proposal {
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
    },
    /// Import a JSON Resume (resume.json) into a folio site.
    Import {
        #[command(subcommand)]
        what: ImportKind,
    },
    /// Export the site's content in another format.
    Export {
        #[command(subcommand)]
        what: ExportKind,
    },
    /// Build the site and publish it to a branch (gh-pages) with your git.
    #[command(
        after_help = "Commits the built site as the whole tree of the branch (one commit per deploy,\nhistory kept; unchanged output makes no commit) and pushes it. Your working tree,\nindex, current branch and stash are never touched. When base_url is not set in\nfolio.yaml it is inferred from a GitHub remote (git@github.com:ana/portfolio.git →\nhttps://ana.github.io/portfolio/).\nExit status: 0 published (or nothing to publish), 1 build or git error, 2 wrong usage."
    )]
    Deploy {
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
    },
}

#[derive(Subcommand)]
enum ImportKind {
    /// Create (or with --merge, fill in) folio.yaml, content/profile.yaml and one
    /// project write-up per projects[] entry from a JSON Resume file.
    #[command(
        after_help = "Never overwrites a file without --force. Fields folio has no place for are\nreported and kept in profile.yaml under extra.jsonresume, so an export gives them back.\nExit status: 0 imported, 1 bad file or a file exists, 2 wrong usage."
    )]
    Jsonresume {
        /// The resume.json to import.
        file: PathBuf,
        /// The site folder (created if missing).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Keep existing files and add only what is missing.
        #[arg(long, conflicts_with = "force")]
        merge: bool,
        /// Overwrite existing files.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Subcommand)]
enum ExportKind {
    /// Write the site's profile, experience and projects as a JSON Resume document.
    #[command(
        after_help = "The build also publishes it as /resume.json when folio.yaml has `jsonresume: true`."
    )]
    Jsonresume {
        /// The site folder.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    match cli.command {
        Command::Build {
            dir,
            output_dir,
            base_url,
            drafts,
        } => {
            let opts = BuildOptions {
                root: dir,
                output_dir: output_dir.clone(),
                base_url,
                drafts,
            };
            match build::build(&opts) {
                Ok(report) => {
                    print_warnings(&report.warnings, color);
                    let shown = output_dir.unwrap_or_else(|| {
                        report
                            .output
                            .strip_prefix(std::env::current_dir().unwrap_or_default())
                            .map(PathBuf::from)
                            .unwrap_or_else(|_| report.output.clone())
                    });
                    // `./public` reads better as `public`.
                    let shown: PathBuf = shown
                        .components()
                        .filter(|c| !matches!(c, std::path::Component::CurDir))
                        .collect();
                    println!("{}", report.summary(&shown));
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e, color),
            }
        }
        Command::Check {
            dir,
            base_url,
            drafts,
        } => {
            let opts = BuildOptions {
                root: dir,
                output_dir: None,
                base_url,
                drafts,
            };
            match build::check(&opts) {
                Ok(r) => {
                    print_warnings(&r.warnings, color);
                    println!(
                        "No errors: {} pages ({} projects, {} skills, {} specialized profiles){}",
                        r.site.page_count(),
                        r.site.projects.len(),
                        r.site.skills.len(),
                        r.site.profiles.len(),
                        match r.warnings.len() {
                            0 => String::new(),
                            1 => ", 1 warning".to_string(),
                            n => format!(", {n} warnings"),
                        }
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e, color),
            }
        }
        Command::Profile {
            dir,
            profile,
            all,
            platform,
            format,
            out,
        } => {
            let which = match (profile, all) {
                (_, true) => folio::export::Which::All,
                (Some(name), _) => folio::export::Which::Specialized(name),
                (None, false) => folio::export::Which::General,
            };
            let loaded = folio::content::load(&dir, &folio::content::LoadOptions::default());
            let (site, _) = match loaded {
                Ok(s) => s,
                Err(e) => return fail(&e, color),
            };
            let exports = match folio::export::export(&site, platform, &which) {
                Ok(e) => e,
                Err(e) => return fail(&e, color),
            };
            match &out {
                Some(folder) => match folio::export::write_files(&exports, folder) {
                    Ok(files) => println!("Wrote {} files to {}", files.len(), folder.display()),
                    Err(e) => {
                        return fail(
                            &folio::Error::single(
                                Diagnostic::error(format!("cannot write the files: {e}"))
                                    .in_file(folder),
                            ),
                            color,
                        );
                    }
                },
                None => match format {
                    Format::Text => print!("{}", folio::export::to_text(&exports)),
                    Format::Json => print!("{}", folio::export::to_json(&exports)),
                },
            }
            // A project shared by several profiles is reported once.
            let mut findings: Vec<&Diagnostic> = Vec::new();
            for d in exports.iter().flat_map(|e| &e.findings) {
                if !findings.contains(&d) {
                    findings.push(d);
                }
            }
            for d in &findings {
                eprintln!("{}\n", d.render(color));
            }
            let errors = findings.iter().filter(|d| d.is_error()).count();
            let warnings = findings.len() - errors;
            eprintln!(
                "{} profile{} checked against {}'s rules: {errors} error{}, {warnings} warning{}",
                exports.len(),
                if exports.len() == 1 { "" } else { "s" },
                platform.name(),
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" },
            );
            if errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Serve {
            dir,
            port,
            interface,
            open,
            drafts,
            poll,
        } => {
            let opts = folio::serve::ServeOptions {
                root: dir,
                interface,
                port,
                open,
                drafts,
                poll,
            };
            let result = folio::serve::serve(&opts, |url| {
                println!("Serving {url}");
                println!("Watching for changes; press Ctrl-C to stop.");
                let _ = std::io::Write::flush(&mut std::io::stdout());
            });
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(&e, color),
            }
        }
        Command::Proposal {
            dir,
            job,
            profile,
            top,
            format,
            template,
        } => {
            let read = |p: &PathBuf| -> Result<String, folio::Error> {
                let r = if p.as_os_str() == "-" {
                    let mut s = String::new();
                    std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map(|_| s)
                } else {
                    std::fs::read_to_string(p)
                };
                r.map_err(|e| {
                    folio::Error::single(
                        Diagnostic::error(format!("cannot read the file: {e}")).in_file(p),
                    )
                })
            };
            let post = match read(&job) {
                Ok(p) => p,
                Err(e) => return fail(&e, color),
            };
            let template = match template.as_ref().map(read).transpose() {
                Ok(t) => t,
                Err(e) => return fail(&e, color),
            };
            let (site, _) =
                match folio::content::load(&dir, &folio::content::LoadOptions::default()) {
                    Ok(s) => s,
                    Err(e) => return fail(&e, color),
                };
            let theme = match folio::theme::load(&dir, &site.config.theme) {
                Ok(t) => t,
                Err(d) => return fail(&folio::Error::single(d), color),
            };
            let opts = folio::proposal::ProposalOptions {
                profile,
                top,
                template,
            };
            match folio::proposal::draft(&site, &theme, &post, &opts) {
                Ok(p) => {
                    match format {
                        Format::Text => {
                            print!("{}", p.letter);
                            println!("\n{}", folio::proposal::report(&p));
                        }
                        Format::Json => {
                            println!("{}", serde_json::to_string_pretty(&p).expect("JSON"))
                        }
                    }
                    for d in &p.findings {
                        eprintln!("{}\n", d.render(color));
                    }
                    if p.findings.iter().any(|d| d.is_error()) {
                        ExitCode::from(1)
                    } else {
                        ExitCode::SUCCESS
                    }
                }
                Err(e) => fail(&e, color),
            }
        }
        Command::Import {
            what:
                ImportKind::Jsonresume {
                    file,
                    dir,
                    merge,
                    force,
                },
        } => {
            let text = match std::fs::read_to_string(&file) {
                Ok(t) => t,
                Err(e) => {
                    return fail(
                        &folio::Error::single(
                            Diagnostic::error(format!("cannot read the file: {e}")).in_file(&file),
                        ),
                        color,
                    );
                }
            };
            let opts = folio::jsonresume::ImportOptions { merge, force };
            match folio::jsonresume::import(&text, &file, &dir, &opts) {
                Ok(r) => {
                    println!("Imported {} into {}:", file.display(), dir.display());
                    for f in &r.written {
                        println!("  wrote    {}", f.display());
                    }
                    for f in &r.skipped {
                        println!("  kept     {} (exists)", f.display());
                    }
                    if !r.unmapped.is_empty() {
                        println!(
                            "\nNot shown on the site (kept in content/profile.yaml under extra.jsonresume where possible):"
                        );
                        for u in &r.unmapped {
                            println!("  {u}");
                        }
                    }
                    println!("\nNext: `folio build {}`.", dir.display());
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e, color),
            }
        }
        Command::Export {
            what: ExportKind::Jsonresume { dir, output },
        } => {
            let (site, warnings) =
                match folio::content::load(&dir, &folio::content::LoadOptions::default()) {
                    Ok(s) => s,
                    Err(e) => return fail(&e, color),
                };
            print_warnings(&warnings, color);
            let json = serde_json::to_string_pretty(&folio::jsonresume::export(&site))
                .expect("JSON")
                + "\n";
            match output {
                Some(path) => {
                    if let Err(e) = std::fs::write(&path, json) {
                        return fail(
                            &folio::Error::single(
                                Diagnostic::error(format!("cannot write the file: {e}"))
                                    .in_file(&path),
                            ),
                            color,
                        );
                    }
                    eprintln!("Wrote {}", path.display());
                }
                None => print!("{json}"),
            }
            ExitCode::SUCCESS
        }
        Command::Deploy {
            dir,
            remote,
            branch,
            message,
            dry_run,
        } => {
            let opts = folio::deploy::DeployOptions {
                root: dir,
                remote: remote.clone(),
                branch: branch.clone(),
                message,
                dry_run,
                drafts: false,
            };
            match folio::deploy::deploy(&opts) {
                Ok(r) => {
                    print_warnings(&r.warnings, color);
                    if let Some(note) = &r.base_url_note {
                        println!("{note}");
                    }
                    if r.unchanged {
                        println!(
                            "Nothing changed since the last deploy: no commit, nothing pushed."
                        );
                    } else if dry_run {
                        println!(
                            "Dry run: would commit {} files for {} to `{branch}` and push it to `{remote}`.",
                            r.files, r.base_url
                        );
                    } else if let Some(c) = &r.commit {
                        println!(
                            "Published {} files for {} to `{branch}` on `{remote}` (commit {}).",
                            r.files,
                            r.base_url,
                            &c[..c.len().min(12)]
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e, color),
            }
        }
        Command::Init { dir, no_workflow } => match folio::init::init(&dir, !no_workflow) {
            Ok(files) => {
                println!("Created a new folio site in {}:", dir.display());
                for f in files {
                    println!("  {}", f.display());
                }
                let cd = if dir.as_os_str() == "." {
                    String::new()
                } else {
                    format!(" {}", dir.display())
                };
                println!("\nNext: edit content/profile.yaml, then run `folio build{cd}`.");
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e, color),
        },
    }
}

fn print_warnings(warnings: &[Diagnostic], color: bool) {
    for w in warnings {
        eprintln!("{}\n", w.render(color));
    }
}

fn fail(e: &folio::Error, color: bool) -> ExitCode {
    eprintln!("{}", e.render(color));
    ExitCode::from(1)
}
