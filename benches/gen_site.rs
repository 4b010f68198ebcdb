//! `cargo bench --bench gen_site -- DIR N [SEED] [--minimal-theme] [--no-code]`:
//! writes a synthetic folio site (with `--minimal-theme`, minimal templates; with
//! `--no-code`, write-ups without fenced code).
mod support;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let minimal = std::env::args().any(|a| a == "--minimal-theme");
    let code = match std::env::args().any(|a| a == "--no-code") {
        true => support::corpus::Code::None,
        false => support::corpus::Code::Mixed,
    };
    let (Some(dir), Some(n)) = (args.first(), args.get(1).and_then(|n| n.parse().ok())) else {
        eprintln!(
            "usage: cargo bench --bench gen_site -- DIR N [SEED] [--minimal-theme] [--no-code]"
        );
        std::process::exit(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(42);
    support::corpus::write_folio_site_with(std::path::Path::new(dir), n, seed, code);
    if minimal {
        support::corpus::write_minimal_folio_theme(std::path::Path::new(dir));
    }
    println!("wrote {n} projects to {dir}");
}
