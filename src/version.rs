//! folio's version as `folio --version` prints it.

/// The package version, followed by the commit it was built from when known:
/// `0.1.0 (abc1234)`, or `0.1.0` (see the top-level build.rs).
pub const LONG: &str = env!("FOLIO_VERSION_LONG");

/// The package version alone, e.g. `0.1.0`: the one the Pages workflow pins.
pub const PACKAGE: &str = env!("CARGO_PKG_VERSION");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_version_is_the_package_version_then_an_optional_commit() {
        let rest = LONG.strip_prefix(PACKAGE).expect(LONG);
        if !rest.is_empty() {
            let commit = rest
                .strip_prefix(" (")
                .and_then(|r| r.strip_suffix(')'))
                .expect(LONG);
            assert!(commit.len() >= 7, "{LONG}");
            assert!(commit.chars().all(|c| c.is_ascii_hexdigit()), "{LONG}");
        }
    }

    /// Built from a git checkout with git at hand, the commit is the checkout's HEAD.
    #[test]
    fn long_version_names_the_checkouts_commit() {
        let dir = env!("CARGO_MANIFEST_DIR");
        let git = |args: &[&str]| {
            std::process::Command::new("git")
                .args(args)
                .current_dir(dir)
                .output()
                .ok()
                .filter(|o| o.status.success())
                .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        };
        let top = git(&["rev-parse", "--show-toplevel"]).map(std::path::PathBuf::from);
        let here = std::path::Path::new(dir).canonicalize().ok();
        if top.and_then(|t| t.canonicalize().ok()) != here {
            return; // not a checkout (e.g. an unpacked crate): nothing to compare
        }
        let head = git(&["rev-parse", "--short", "HEAD"]).expect("git rev-parse HEAD");
        assert_eq!(LONG, format!("{PACKAGE} ({head})"));
    }
}
