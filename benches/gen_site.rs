//! `cargo bench --bench gen_site -- DIR N [SEED]`: writes a synthetic folio site.
mod support;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let (Some(dir), Some(n)) = (args.first(), args.get(1).and_then(|n| n.parse().ok())) else {
        eprintln!("usage: cargo bench --bench gen_site -- DIR N [SEED]");
        std::process::exit(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(42);
    support::corpus::write_folio_site(std::path::Path::new(dir), n, seed);
    println!("wrote {n} projects to {dir}");
}
