//! A mutation fuzzer over every input folio reads: the example site's front
//! matter, Markdown, profile YAML and folio.yaml (through `check`, the whole
//! load, render and platform checks), a JSON Resume file (`import jsonresume`)
//! and job posts (`proposal`). Each run mutates a copy (byte flips, lines
//! deleted, duplicated or swapped, interesting tokens spliced in, a cut), runs
//! the library in-process with panics caught and a timeout for hangs, and
//! keeps every crashing input.
//!
//! `cargo bench --bench fuzz -- [--secs 30] [--seed N] [--timeout 10] [--crashes DIR]`
//! Prints runs, panics and hangs; exits 1 when there was a panic or a hang.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

mod support {
    pub mod fuzzing;
}
use support::fuzzing::{Rng, mutate};

/// What one run fuzzes.
#[derive(Clone, Copy, Debug)]
enum Kind {
    /// One file of the site, then `check`.
    Site,
    JsonResume,
    JobPost,
}

struct Opts {
    secs: u64,
    seed: u64,
    timeout: Duration,
    crashes: PathBuf,
}

fn opts() -> Opts {
    let args: Vec<String> = std::env::args().collect();
    let get = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64);
    Opts {
        secs: get("--secs").and_then(|s| s.parse().ok()).unwrap_or(30),
        seed: get("--seed").and_then(|s| s.parse().ok()).unwrap_or(now),
        timeout: Duration::from_secs(get("--timeout").and_then(|s| s.parse().ok()).unwrap_or(10)),
        crashes: get("--crashes").map_or_else(
            || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-crashes"),
            PathBuf::from,
        ),
    }
}

/// The inputs: the example site's text files and the fixtures of the other readers.
struct Corpus {
    site: PathBuf,
    files: Vec<PathBuf>,
    resume: Vec<u8>,
    posts: Vec<Vec<u8>>,
}

fn corpus() -> Corpus {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = root.join("example-site");
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&site)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.path().to_path_buf())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "md" || e == "yaml" || e == "yml")
        })
        .map(|p| p.strip_prefix(&site).unwrap().to_path_buf())
        .collect();
    files.sort();
    let read = |p: &str| std::fs::read(root.join(p)).unwrap();
    let posts = [
        "tests/jobs/rust.txt",
        "tests/jobs/writing.txt",
        "tests/jobs/zh.txt",
    ]
    .iter()
    .map(|p| read(p))
    .collect();
    Corpus {
        site,
        files,
        resume: read("tests/jsonresume/sample.resume.json"),
        posts,
    }
}

/// One input: which reader, the file's path (in the site for `Site`) and bytes.
struct Input {
    kind: Kind,
    rel: PathBuf,
    bytes: Vec<u8>,
}

fn pick(c: &Corpus, rng: &mut Rng) -> Input {
    let (kind, rel, original) = match rng.below(10) {
        0 => (
            Kind::JsonResume,
            PathBuf::from("resume.json"),
            c.resume.clone(),
        ),
        1 => (
            Kind::JobPost,
            PathBuf::from("job.txt"),
            c.posts[rng.below(c.posts.len())].clone(),
        ),
        _ => {
            let rel = c.files[rng.below(c.files.len())].clone();
            let bytes = std::fs::read(c.site.join(&rel)).unwrap();
            (Kind::Site, rel, bytes)
        }
    };
    let mut bytes = original;
    for _ in 0..1 + rng.below(4) {
        bytes = mutate(&bytes, rng);
    }
    Input { kind, rel, bytes }
}

/// Runs the reader of `input` in a fresh copy of the site in `work`.
fn run(input: &Input, c: &Corpus, work: &Path) {
    match input.kind {
        Kind::Site => {
            std::fs::write(work.join(&input.rel), &input.bytes).unwrap();
            let opts = folio::build::BuildOptions {
                root: work.to_path_buf(),
                output_dir: None,
                base_url: None,
                drafts: rng_drafts(&input.bytes),
                // Highlighted as `folio build` does, so the grammars see the input too.
                plain_code: false,
            };
            // What `folio check` runs (the whole render, then the platform
            // rules), with code highlighted as in a build.
            if let Ok(r) = folio::build::render_site(&opts) {
                let _ = folio::export::platform_findings(&r.site);
            }
        }
        Kind::JsonResume => {
            let text = String::from_utf8_lossy(&input.bytes);
            let out = work.join("imported");
            let opts = folio::jsonresume::ImportOptions {
                force: true,
                ..Default::default()
            };
            let _ = folio::jsonresume::import(&text, Path::new("resume.json"), &out, &opts);
        }
        Kind::JobPost => {
            let text = String::from_utf8_lossy(&input.bytes);
            let (site, theme) = LOADED.get_or_init(|| {
                let (site, _) = folio::content::load(&c.site, &Default::default()).unwrap();
                let theme = folio::theme::open(&c.site, &site.config.theme).unwrap();
                (site, theme)
            });
            let _ = folio::proposal::draft(site, theme, &text, &Default::default());
        }
    }
}

/// The example site, loaded once for the job posts.
static LOADED: std::sync::OnceLock<(folio::content::Site, folio::theme::Theme)> =
    std::sync::OnceLock::new();

/// Drafts are checked too, on some runs.
fn rng_drafts(bytes: &[u8]) -> bool {
    bytes.len().is_multiple_of(2)
}

/// A copy of the example site to mutate.
fn fresh_copy(c: &Corpus) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for e in walkdir::WalkDir::new(&c.site)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e.path().strip_prefix(&c.site).unwrap();
        let to = dir.path().join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else if !rel.starts_with("screenshots") {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
    dir
}

/// Keeps a crashing input and what happened.
fn save(o: &Opts, n: usize, input: &Input, what: &str) {
    let dir = o
        .crashes
        .join(format!("{n:03}-{:?}", input.kind).to_lowercase());
    let file = dir.join(&input.rel);
    let _ = std::fs::create_dir_all(file.parent().unwrap());
    let _ = std::fs::write(&file, &input.bytes);
    let _ = std::fs::write(
        dir.join("what.txt"),
        format!("{:?} {}\n{what}\n", input.kind, input.rel.display()),
    );
    eprintln!(
        "{what}: {:?} {} saved in {}",
        input.kind,
        input.rel.display(),
        dir.display()
    );
}

fn main() {
    let o = opts();
    let c = std::sync::Arc::new(corpus());
    let mut rng = Rng::new(o.seed);
    // Panics are counted, not printed one by one (the message is kept with the input).
    let last_panic = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let kept = last_panic.clone();
    std::panic::set_hook(Box::new(move |info| {
        *kept.lock().unwrap() = info.to_string();
    }));
    let (mut runs, mut panics, mut hangs) = (0usize, 0usize, 0usize);
    let mut work = fresh_copy(&c);
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(o.secs) {
        let input = std::sync::Arc::new(pick(&c, &mut rng));
        let (tx, rx) = mpsc::channel();
        let (i, cc, w) = (input.clone(), c.clone(), work.path().to_path_buf());
        std::thread::spawn(move || {
            let r = catch_unwind(AssertUnwindSafe(|| run(&i, &cc, &w)));
            let _ = tx.send(r.is_ok());
        });
        runs += 1;
        match rx.recv_timeout(o.timeout) {
            Ok(true) => {}
            Ok(false) => {
                panics += 1;
                save(&o, panics + hangs, &input, &last_panic.lock().unwrap());
            }
            Err(_) => {
                hangs += 1;
                save(
                    &o,
                    panics + hangs,
                    &input,
                    &format!("no answer in {:?}", o.timeout),
                );
                // The stuck thread keeps the old copy; the next runs get a new one.
                std::mem::forget(std::mem::replace(&mut work, fresh_copy(&c)));
                continue;
            }
        }
        if let Kind::Site = input.kind {
            std::fs::copy(c.site.join(&input.rel), work.path().join(&input.rel)).unwrap();
        }
    }
    println!(
        "fuzz: {runs} runs in {:.0?} (seed {}), {panics} panics, {hangs} hangs",
        start.elapsed(),
        o.seed
    );
    if panics + hangs > 0 {
        std::process::exit(1);
    }
}
