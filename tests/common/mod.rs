//! Helpers shared by the integration tests: run the real `folio` binary on
//! fixture sites written into temporary folders.
#![allow(dead_code)]

pub mod copy;
pub mod server;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn folio(args: &[&str]) -> Run {
    folio_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

pub fn folio_in(cwd: &Path, args: &[&str]) -> Run {
    let out: Output = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("run folio");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A small valid site in a temporary folder; tests change files to break it.
pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    pub fn new() -> Site {
        let dir = tempfile::tempdir().unwrap();
        let s = Site { dir };
        s.write(
            "folio.yaml",
            "title: Test Site\nbase_url: https://ana.github.io/portfolio/\n",
        );
        s.write(
            "content/profile.yaml",
            "name: Ana Silva\ntitle: Writer and developer\noverview: I write **developer documentation** and build the small Rust tools that keep it correct, for teams of any size.\nhourly_rate: 40\nskills:\n  - Rust\n  - { name: Technical Writing, level: expert, years: 5 }\n  - 中文写作\ntestimonials:\n  - quote: Great work.\n    author: Bo\n    project: alpha\n",
        );
        s.write(
            "content/profiles/writer.yaml",
            "title: Technical writer\noverview: Documentation that developers read, written after interviewing your engineers and watching your users.\nskills: [Technical Writing]\n",
        );
        s.write(
            "content/projects/alpha.md",
            "---\ntitle: Alpha\ndate: 2024-05-01\nsummary: The first project.\nskills: [Rust]\nfeatured: true\n---\n\n## Intro\n\nSee [beta](beta/index.md) and [about](@/pages/about.md).\n",
        );
        s.write(
            "content/projects/beta/index.md",
            "---\ntitle: Beta\ndate: 2023-02\nsummary: The second project.\nskills: [Technical Writing, 中文写作]\ncover: cover.svg\ncover_alt: Beta cover\n---\n\n![Chart](chart.svg)\n",
        );
        s.write(
            "content/projects/beta/cover.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        );
        s.write(
            "content/projects/beta/chart.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        );
        s.write(
            "content/pages/about.md",
            "---\ntitle: About\n---\n\nHello.\n",
        );
        s
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn p(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let p = self.p(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.p(rel)).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.p(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn read_bytes(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.p(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn build(&self, extra: &[&str]) -> Run {
        let dir = self.path().to_str().unwrap();
        let mut args = vec!["build", dir];
        args.extend_from_slice(extra);
        folio(&args)
    }
}

/// Every internal URL (href, src) in every HTML file under `out`.
pub fn internal_urls(out: &Path) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(out) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).unwrap();
        for attr in ["href=\"", "src=\""] {
            let mut rest = html.as_str();
            while let Some(i) = rest.find(attr) {
                rest = &rest[i + attr.len()..];
                let end = rest.find('"').unwrap();
                let url = &rest[..end];
                if !(url.starts_with("http:")
                    || url.starts_with("https:")
                    || url.starts_with("mailto:")
                    || url.starts_with('#'))
                {
                    found.push((entry.path().to_path_buf(), url.replace("&amp;", "&")));
                }
            }
        }
    }
    found
}

/// The file a URL path maps to under `out`, served at `base`.
pub fn file_for(out: &Path, base: &str, url: &str) -> Option<PathBuf> {
    let path = url.split(['#', '?']).next().unwrap();
    let rest = path.strip_prefix(base)?;
    let decoded = percent_decode(rest);
    let mut file = out.join(decoded);
    if path.ends_with('/') {
        file = file.join("index.html");
    }
    Some(file)
}

fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .expect("URLs decode to UTF-8")
        .into_owned()
}
