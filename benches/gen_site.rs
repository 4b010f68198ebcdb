//! `cargo bench --bench gen_site -- DIR N [SEED] [--minimal-theme]`: writes a
//! synthetic folio site (with `--minimal-theme`, the templates `vs_hugo` uses).
mod support;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench" && a != "--minimal-theme")
        .collect();
    let minimal = std::env::args().any(|a| a == "--minimal-theme");
    let (Some(dir), Some(n)) = (args.first(), args.get(1).and_then(|n| n.parse().ok())) else {
        eprintln!("usage: cargo bench --bench gen_site -- DIR N [SEED] [--minimal-theme]");
        std::process::exit(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(42);
    support::corpus::write_folio_site(std::path::Path::new(dir), n, seed);
    if minimal {
        support::corpus::write_minimal_folio_theme(std::path::Path::new(dir));
    }
    println!("wrote {n} projects to {dir}");
}
