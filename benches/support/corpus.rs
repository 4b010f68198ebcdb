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
    paragraph_of(rng, sentences, sentence, " ")
}

/// A paragraph of `sentences` sentences of 8–15 words each, made by `sentence`
/// and joined by `sep` (a space in English, nothing in Chinese).
pub fn paragraph_of(
    rng: &mut Rng,
    sentences: usize,
    sentence: fn(&mut Rng, usize) -> String,
    sep: &str,
) -> String {
    (0..sentences)
        .map(|_| {
            let words = 8 + rng.below(8) as usize;
            sentence(rng, words)
        })
        .collect::<Vec<_>>()
        .join(sep)
}

/// Whether each write-up carries a fenced code block.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Code {
    /// No fenced code at all.
    None,
    /// One block of 6–15 lines per project, in one of six languages, with text
    /// unique to that project (so no two blocks highlight the same).
    Mixed,
}

/// The six languages of the benchmark's code blocks.
pub const LANGUAGES: [&str; 6] = ["bash", "python", "rust", "sql", "typescript", "yaml"];

/// One line of code in `lang` that mentions `word` and the project `i`.
fn code_line(lang: &str, i: usize, k: usize, word: &str) -> String {
    match lang {
        "bash" => {
            format!("if [ -f \"{word}-{i}.txt\" ]; then echo \"{word} {k}\" | grep -c {word}; fi")
        }
        "python" => format!(
            "def {word}_{k}(x):  # project {i}\n    return {{\"{word}\": x * {k}, \"id\": {i}}}"
        ),
        "rust" => {
            format!("let {word}_{k}: Vec<u64> = (0..{i}).map(|x| x * {k}).collect(); // {word}")
        }
        "sql" => {
            format!("SELECT {word}, count(*) FROM project_{i} WHERE id > {k} GROUP BY {word};")
        }
        "typescript" => {
            format!("export const {word}{k} = (x: number): string => `{word}-${{x + {i}}}`; // {k}")
        }
        _ => format!("{word}_{k}:\n  project: {i}\n  enabled: true  # {word}"),
    }
}

/// A fenced block of 6–15 lines whose text is unique to project `i`.
pub fn code_block(rng: &mut Rng, i: usize) -> String {
    let lang = LANGUAGES[i % LANGUAGES.len()];
    let target = 6 + rng.below(10) as usize;
    let mut body = String::new();
    let mut k = 0;
    while body.lines().count() < target {
        let word = WORDS[rng.below(45) as usize];
        body.push_str(&code_line(lang, i, k, word));
        body.push('\n');
        k += 1;
    }
    let lines: Vec<&str> = body.lines().take(target).collect();
    format!("```{lang}\n{}\n```\n", lines.join("\n"))
}

/// Writes a folio site with `n` projects into `dir` (which must be empty or absent),
/// each with a code block ([`Code::Mixed`]).
pub fn write_folio_site(dir: &Path, n: usize, seed: u64) {
    write_folio_site_with(dir, n, seed, Code::Mixed)
}

/// Writes a folio site with `n` projects into `dir`, with or without code.
pub fn write_folio_site_with(dir: &Path, n: usize, seed: u64, code: Code) {
    let mut rng = Rng::new(seed);
    std::fs::create_dir_all(dir.join("content/projects")).unwrap();
    std::fs::write(
        dir.join("folio.yaml"),
        // Share cards off: the speed budgets are measured without them
        // (`cargo bench --bench cards` measures the cards).
        "title: Benchmark Portfolio\nbase_url: https://bench.example/\nshare_cards: false\n",
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
            "## The problem\n\n{}\n\n{}\n\n{}\n\n",
            paragraph(&mut rng, 6),
            paragraph(&mut rng, 5),
            paragraph(&mut rng, 6)
        );
        let _ = write!(md, "## What I did\n\n");
        for _ in 0..5 {
            let _ = writeln!(md, "- {}", sentence(&mut rng, 10));
        }
        if code == Code::Mixed {
            md.push('\n');
            md.push_str(&code_block(&mut rng, i));
            md.push('\n');
        }
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

/// Minimal templates for folio, equivalent to [`write_hugo_site`]'s: a home
/// listing, one page per project, one page per skill.
pub fn write_minimal_folio_theme(site: &Path) {
    let t = site.join("themes/bench/templates");
    std::fs::create_dir_all(&t).unwrap();
    let files = [
        (
            "base.html",
            r#"<!doctype html><html lang="{{ site.language }}"><head><meta charset="utf-8"><title>{% block title %}{{ page.title }}{% endblock title %}</title></head><body>{% block main %}{% endblock main %}</body></html>"#,
        ),
        (
            "index.html",
            r#"{% extends "base.html" %}{% block main %}<h1>{{ site.title }}</h1><ul>{% for p in projects %}<li><a href="{{ p.url }}">{{ p.title }}</a> {{ p.summary_html | safe }}</li>{% endfor %}</ul>{% endblock main %}"#,
        ),
        (
            "project.html",
            r#"{% extends "base.html" %}{% block main %}<h1>{{ project.title }}</h1><time>{{ project.date.iso }}</time><ul>{% for s in project.skills %}<li><a href="{{ s.url }}">{{ s.name }}</a></li>{% endfor %}</ul>{{ project.content | safe }}{% endblock main %}"#,
        ),
        (
            "skill.html",
            r#"{% extends "base.html" %}{% block main %}<h1>{{ skill.name }}</h1><ul>{% for p in skill_projects %}<li><a href="{{ p.url }}">{{ p.title }}</a></li>{% endfor %}</ul>{% endblock main %}"#,
        ),
    ];
    for (name, text) in files {
        std::fs::write(t.join(name), text).unwrap();
    }
    // Pages the benchmark does not compare, kept trivial.
    for name in [
        "projects.html",
        "skills.html",
        "profile.html",
        "resume.html",
        "page.html",
        "404.html",
    ] {
        std::fs::write(
            t.join(name),
            r#"{% extends "base.html" %}{% block main %}{% endblock main %}"#,
        )
        .unwrap();
    }
    let config = std::fs::read_to_string(site.join("folio.yaml")).unwrap();
    std::fs::write(site.join("folio.yaml"), format!("{config}theme: bench\n")).unwrap();
}

/// The same projects as a Hugo site, with equivalent minimal templates. With
/// `highlight`, fenced code is highlighted as folio does it: by Chroma, with CSS
/// classes; without it, fences are printed plain.
pub fn write_hugo_site(folio_site: &Path, hugo: &Path, highlight: bool) {
    std::fs::create_dir_all(hugo.join("content/projects")).unwrap();
    std::fs::create_dir_all(hugo.join("layouts/_default")).unwrap();
    std::fs::write(
        hugo.join("hugo.toml"),
        format!(
            "baseURL = \"https://bench.example/\"\ntitle = \"Benchmark Portfolio\"\ndisableKinds = [\"RSS\", \"sitemap\", \"robotsTXT\", \"404\"]\n[taxonomies]\nskill = \"skills\"\n[markup.highlight]\ncodeFences = {highlight}\nnoClasses = false\n"
        ),
    )
    .unwrap();
    for entry in std::fs::read_dir(folio_site.join("content/projects")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(
            &path,
            hugo.join("content/projects")
                .join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    let files = [
        (
            "_default/baseof.html",
            r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>"#,
        ),
        (
            "index.html",
            r#"{{ define "main" }}<h1>{{ site.Title }}</h1><ul>{{ range where site.RegularPages "Section" "projects" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary | markdownify }}</li>{{ end }}</ul>{{ end }}"#,
        ),
        (
            "_default/single.html",
            r#"{{ define "main" }}<h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time><ul>{{ range .GetTerms "skills" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ .Content }}{{ end }}"#,
        ),
        (
            "_default/taxonomy.html",
            r#"{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}"#,
        ),
        ("_default/list.html", r#"{{ define "main" }}{{ end }}"#),
        ("_default/terms.html", r#"{{ define "main" }}{{ end }}"#),
    ];
    for (name, text) in files {
        std::fs::write(hugo.join("layouts").join(name), text).unwrap();
    }
}
