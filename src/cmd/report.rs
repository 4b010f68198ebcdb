//! What every command shares: colour detection, writing to stdout without
//! panicking when it is closed, printing diagnostics, plurals, and turning a
//! command's outcome into the exit status.

use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use folio::content::{LoadOptions, Site};
use folio::{Diagnostic, Error};

/// How a command ends early: with errors to report, or because stdout failed.
pub enum Stop {
    /// Errors in the content, templates or files: reported on stderr, exit status 1.
    Failed(Error),
    /// Writing to stdout failed; a closed pipe (`| head`) ends the command quietly.
    Stdout(io::Error),
}

impl From<Error> for Stop {
    fn from(e: Error) -> Self {
        Stop::Failed(e)
    }
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Self {
        Stop::Stdout(e)
    }
}

/// What every `cmd::<name>::execute` returns.
pub type Outcome = Result<ExitCode, Stop>;

/// The terminal the commands report to.
pub struct Ui {
    /// ANSI colours on stderr: only on a terminal, and never with `NO_COLOR` set.
    pub color: bool,
}

impl Ui {
    pub fn detect() -> Ui {
        Ui {
            color: io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        }
    }

    /// One diagnostic and a blank line, on stderr.
    pub fn diagnostic(&self, d: &Diagnostic) {
        self.note(format_args!("{}\n", d.render(self.color)));
    }

    pub fn diagnostics<'a>(&self, ds: impl IntoIterator<Item = &'a Diagnostic>) {
        for d in ds {
            self.diagnostic(d);
        }
    }

    /// A line on stderr. A closed stderr is ignored: there is nobody left to tell.
    pub fn note(&self, line: impl fmt::Display) {
        let _ = writeln!(io::stderr().lock(), "{line}");
    }

    /// The exit status of an outcome, reporting errors on stderr.
    pub fn finish(&self, outcome: Outcome) -> ExitCode {
        // Text still buffered must reach the pipe before deciding it went well.
        let outcome =
            outcome.and_then(|code| io::stdout().flush().map(|()| code).map_err(Stop::from));
        match outcome {
            Ok(code) => code,
            Err(Stop::Failed(e)) => {
                self.note(e.render(self.color));
                ExitCode::from(1)
            }
            // Like `rg` and `cat`: the reader has gone, so stop without a word.
            Err(Stop::Stdout(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(Stop::Stdout(e)) => {
                let d = Diagnostic::error(format!("cannot write to standard output: {e}"));
                self.note(
                    Error::single(d)
                        .with_kind(folio::ErrorKind::Io)
                        .render(self.color),
                );
                ExitCode::from(1)
            }
        }
    }
}

/// Writes to stdout, returning the error (a closed pipe, a full disk) instead
/// of panicking as `print!` does.
pub fn write_out(args: fmt::Arguments) -> io::Result<()> {
    io::stdout().lock().write_fmt(args)
}

/// `print!` that returns an `io::Result` (use with `?` in a command).
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cmd::report::write_out(format_args!($($arg)*))
    };
}

/// `println!` that returns an `io::Result` (use with `?` in a command).
macro_rules! outln {
    () => {
        $crate::cmd::report::write_out(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cmd::report::write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

pub(crate) use {out, outln};

/// `1 warning`, `2 warnings`, `0 errors`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Each diagnostic once, in the order first found (a project shared by several
/// profiles is reported once).
pub fn distinct<'a>(ds: impl IntoIterator<Item = &'a Diagnostic>) -> Vec<&'a Diagnostic> {
    let mut seen: Vec<&Diagnostic> = Vec::new();
    for d in ds {
        if !seen.contains(&d) {
            seen.push(d);
        }
    }
    seen
}

/// Loads the site in `dir` in the language `lang` (`--lang`; `None`: the
/// default). A code the site does not have is an error naming its languages.
pub fn load_site_in(dir: &Path, lang: Option<String>) -> folio::Result<(Site, Vec<Diagnostic>)> {
    let opts = LoadOptions {
        lang,
        ..LoadOptions::default()
    };
    folio::content::load(dir, &opts)
}

/// Reads a text file, or standard input for `-`.
pub fn read_input(path: &Path) -> folio::Result<String> {
    if path.as_os_str() == "-" {
        let mut s = String::new();
        io::Read::read_to_string(&mut io::stdin(), &mut s)
            .map_err(|e| Error::io("cannot read", Path::new("standard input"), e))?;
        return Ok(s);
    }
    std::fs::read_to_string(path).map_err(|e| Error::io("cannot read", path, e))
}

/// How an output path reads best: `public`, not `./public`.
pub fn shown_path(path: &Path) -> std::path::PathBuf {
    path.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(plural(0, "error"), "0 errors");
        assert_eq!(plural(1, "warning"), "1 warning");
        assert_eq!(plural(12, "profile"), "12 profiles");
    }

    #[test]
    fn distinct_keeps_the_first_of_each() {
        let a = Diagnostic::error("a");
        let b = Diagnostic::warning("b");
        let all = [a.clone(), b.clone(), a.clone()];
        assert_eq!(distinct(&all), vec![&a, &b]);
    }

    #[test]
    fn shown_path_drops_dot_components() {
        assert_eq!(shown_path(Path::new("./public")), Path::new("public"));
        assert_eq!(shown_path(Path::new("out/./site")), Path::new("out/site"));
    }
}
