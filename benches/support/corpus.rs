//! A deterministic synthetic portfolio: N project write-ups of ~600 words each
//! with headings, lists, a code block, a table, links and an image, and 3–6
//! skills each from a pool of 60. Same seed, same site, byte for byte.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

/// A small, fast, deterministic PRNG (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const WORDS: &[&str] = &[
    "documentation",
    "client",
    "release",
    "pipeline",
    "guide",
    "reference",
    "deploy",
    "latency",
    "users",
    "support",
    "tickets",
    "onboarding",
    "tutorial",
    "example",
    "review",
    "tests",
    "build",
    "cache",
    "search",
    "design",
    "interface",
    "metrics",
    "dashboard",
    "migration",
    "schema",
    "query",
    "rewrite",
    "feature",
    "workflow",
    "team",
    "sprint",
    "feedback",
    "prototype",
    "launch",
    "content",
    "strategy",
    "audience",
    "clarity",
    "structure",
    "glossary",
    "style",
    "voice",
    "accessibility",
    "performance",
    "budget",
    "the",
    "a",
    "and",
    "with",
    "for",
    "to",
    "of",
    "in",
    "on",
    "by",
    "we",
    "it",
    "that",
    "from",
];

pub fn skill_name(i: usize) -> String {
    const BASE: &[&str] = &[
        "Rust",
        "Python",
        "Go",
        "TypeScript",
        "React",
        "Technical Writing",
        "API Documentation",
        "Copywriting",
        "SEO",
        "Docs as Code",
        "UX Writing",
        "Localization",
        "PostgreSQL",
        "Kubernetes",
        "Terraform",
    ];
    if i < BASE.len() {
        BASE[i].to_string()
    } else {
        format!("Skill {i}")
    }
}

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect::<String>() + ".",
        None => s,
    }
}

fn paragraph(rng: &mut Rng, sentences: usize) -> String {
    (0..sentences)
        .map(|_| {
            let words = 8 + rng.below(8) as usize;
            sentence(rng, words)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes a folio site with `n` projects into `dir` (which must be empty or absent).
pub fn write_folio_site(dir: &Path, n: usize, seed: u64) {
    let mut rng = Rng::new(seed);
    std::fs::create_dir_all(dir.join("content/projects")).unwrap();
    std::fs::write(
        dir.join("folio.yaml"),
        "title: Benchmark Portfolio\nbase_url: https://bench.example/\n",
    )
    .unwrap();
    let mut profile =
        String::from("name: Bench Mark\ntitle: Freelance writer and developer\noverview: |\n  ");
    profile.push_str(&paragraph(&mut rng, 5));
    profile.push_str("\nskills:\n");
    for i in 0..60 {
        let _ = writeln!(profile, "  - {}", skill_name(i));
    }
    std::fs::write(dir.join("content/profile.yaml"), profile).unwrap();
    for i in 0..n {
        let year = 2015 + (i % 10);
        let month = 1 + (i / 10) % 12;
        let day = 1 + (i / 120) % 28;
        let nskills = 3 + rng.below(4) as usize;
        let mut skills: Vec<String> = Vec::new();
        while skills.len() < nskills {
            let s = skill_name(rng.below(60) as usize);
            if !skills.contains(&s) {
                skills.push(s);
            }
        }
        let mut md = String::new();
        let _ = write!(
            md,
            "---\ntitle: \"Project {i}: {}\"\ndate: {year}-{month:02}-{day:02}\nsummary: \"{}\"\nrole: Lead\nskills: [{}]\nfeatured: {}\n---\n\n",
            sentence(&mut rng, 4).trim_end_matches('.'),
            sentence(&mut rng, 16),
            skills.join(", "),
            i % 50 == 0,
        );
        let _ = write!(
            md,
            "## The problem\n\n{}\n\n{}\n\n",
            paragraph(&mut rng, 6),
            paragraph(&mut rng, 5)
        );
        let _ = write!(md, "## What I did\n\n");
        for _ in 0..5 {
            let _ = writeln!(md, "- {}", sentence(&mut rng, 10));
        }
        let _ = write!(
            md,
            "\n```rust\nfn main() {{\n    println!(\"project {i}\");\n}}\n```\n\n"
        );
        let _ = write!(
            md,
            "| Metric | Before | After |\n|---|---|---|\n| Tickets | {} | {} |\n| Minutes | {} | {} |\n\n",
            100 + rng.below(400),
            rng.below(100),
            30 + rng.below(60),
            rng.below(30)
        );
        let other = if i > 0 { rng.below(i as u64) } else { 0 };
        let _ = write!(
            md,
            "## Result\n\n{} See [a related project](project-{other}.md) and [the client's site](https://example.com/{i}).\n\n![Chart for project {i}](https://example.com/chart-{i}.png)\n\n{}\n\n{}\n",
            paragraph(&mut rng, 6),
            paragraph(&mut rng, 6),
            paragraph(&mut rng, 6),
        );
        std::fs::write(dir.join(format!("content/projects/project-{i}.md")), md).unwrap();
    }
}
