//! Runs the "Install folio" step's script with bash against a release laid out
//! on disk (file:// URLs for curl), the way a runner would.

use super::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TARGET: &str = "x86_64-unknown-linux-gnu";

struct Runner {
    _tmp: tempfile::TempDir,
    root: PathBuf,
}

impl Runner {
    fn new() -> Runner {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        for dir in ["home", "releases", "bin"] {
            std::fs::create_dir_all(root.join(dir)).unwrap();
        }
        // A stand-in for cargo: records its arguments and "installs" a folio.
        write_executable(
            &root.join("bin/cargo"),
            "#!/bin/sh\necho \"debug=$CARGO_PROFILE_RELEASE_DEBUG strip=$CARGO_PROFILE_RELEASE_STRIP $*\" \
             > \"$HOME/cargo-args\"\nmkdir -p \"$HOME/.folio/bin\"\n\
             printf '#!/bin/sh\\necho folio-from-cargo\\n' > \"$HOME/.folio/bin/folio\"\n\
             chmod +x \"$HOME/.folio/bin/folio\"\n",
        );
        Runner { _tmp: tmp, root }
    }

    /// Publishes a release archive holding a stand-in folio, and SHA256SUMS
    /// (whose line for the archive is `sums_line` when given).
    fn publish(&self, sums_line: Option<&str>) {
        let version = crate::version::PACKAGE;
        let stem = archive_stem(version, TARGET);
        let stage = self.root.join("stage").join(&stem);
        std::fs::create_dir_all(&stage).unwrap();
        write_executable(&stage.join("folio"), "#!/bin/sh\necho folio-from-release\n");
        let dir = self.root.join(format!("releases/v{version}"));
        std::fs::create_dir_all(&dir).unwrap();
        let archive = format!("{stem}.tar.gz");
        let tar = Command::new("tar")
            .args(["-czf", dir.join(&archive).to_str().unwrap(), "-C"])
            .arg(self.root.join("stage"))
            .arg(&stem)
            .status()
            .unwrap();
        assert!(tar.success());
        let line = match sums_line {
            Some(line) => line.to_string(),
            None => {
                // macOS has shasum where Linux has sha256sum; same output.
                let out = Command::new("sh")
                    .args(["-c", "sha256sum \"$0\" || shasum -a 256 \"$0\"", &archive])
                    .current_dir(&dir)
                    .output();
                String::from_utf8(out.unwrap().stdout).unwrap()
            }
        };
        let other = format!(
            "{}  folio-v{version}-aarch64-apple-darwin.tar.gz\n",
            "0".repeat(64)
        );
        std::fs::write(dir.join("SHA256SUMS"), format!("{other}{line}")).unwrap();
    }

    fn install(&self) -> Output {
        let v: serde_yaml::Value = serde_yaml::from_str(&pages_workflow()).unwrap();
        let build = steps(&v, "build");
        let script = step(&build, "Install folio")["run"]
            .as_str()
            .unwrap()
            .to_string();
        let path = format!(
            "{}:{}",
            self.root.join("bin").display(),
            std::env::var("PATH").unwrap_or_default()
        );
        Command::new("bash")
            .args(["-c", &script])
            .env("PATH", path)
            .env("HOME", self.root.join("home"))
            .env("RUNNER_OS", "Linux")
            .env("RUNNER_ARCH", "X64")
            .env("FOLIO_VERSION", crate::version::PACKAGE)
            .env(
                "FOLIO_RELEASES",
                format!("file://{}/releases", self.root.display()),
            )
            .output()
            .unwrap()
    }

    fn home(&self, path: &str) -> PathBuf {
        self.root.join("home").join(path)
    }
}

fn write_executable(path: &Path, text: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn text(out: &Output) -> String {
    format!(
        "status {}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn a_release_binary_with_a_matching_checksum_is_installed_without_cargo() {
    let runner = Runner::new();
    runner.publish(None);
    let out = runner.install();
    assert!(out.status.success(), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("folio-from-release"));
    assert!(
        !runner.home("cargo-args").exists(),
        "cargo ran: {}",
        text(&out)
    );
}

#[test]
fn a_checksum_mismatch_fails_the_step_and_installs_nothing() {
    let runner = Runner::new();
    let archive = format!("{}.tar.gz", archive_stem(crate::version::PACKAGE, TARGET));
    runner.publish(Some(&format!("{}  {archive}\n", "ab".repeat(32))));
    let out = runner.install();
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("does not match its SHA-256"),
        "{}",
        text(&out)
    );
    assert!(!runner.home(".folio/bin/folio").exists());
    assert!(
        !runner.home("cargo-args").exists(),
        "fell back to cargo: {}",
        text(&out)
    );
}

#[test]
fn an_archive_missing_from_sha256sums_is_not_installed() {
    let runner = Runner::new();
    runner.publish(Some(""));
    let out = runner.install();
    assert!(!out.status.success(), "{}", text(&out));
    assert!(!runner.home(".folio/bin/folio").exists());
}

#[test]
fn without_a_release_folio_is_compiled_with_cargo_install_locked() {
    let runner = Runner::new();
    let out = runner.install();
    assert!(out.status.success(), "{}", text(&out));
    let args = std::fs::read_to_string(runner.home("cargo-args")).unwrap();
    let root = runner.home(".folio");
    assert_eq!(
        args.trim(),
        format!(
            "debug=false strip=true install --locked folio --version {} --root {}",
            crate::version::PACKAGE,
            root.display()
        )
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("folio-from-cargo"));
}
