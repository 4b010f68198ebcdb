//! What a second language costs: the same synthetic portfolio built in one
//! language and in two (`languages: [en, zh]`, every project and the profile
//! translated), in alternating runs.
//!
//! `cargo bench --bench bilingual [-- --projects 1000 --runs 5 --code no|yes]`
//!
//! The one-language site is `support/corpus.rs`'s (share cards off); the
//! two-language site is the same files plus a `project-N.zh.md` beside every
//! project (a Chinese title, summary and body of the same shape: headings, a
//! list, a table, links, an image, and with `--code yes` the project's code
//! block unchanged, as a translator keeps code) and a `profile.zh.yaml`. Each
//! run is a cold build (the site's `.folio/` cache emptied) followed by a warm
//! one. Prints the medians and the two-language / one-language ratio; the budget
//! (issue #21) is 2.2× for the cold build of 1,000 projects without code.

mod support;

use support::corpus::{Code, Rng};

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// Words of the Chinese text, joined without spaces as Chinese is written.
const WORDS: &[&str] = &[
    "文档",
    "客户",
    "发布",
    "流水线",
    "指南",
    "参考",
    "部署",
    "延迟",
    "用户",
    "支持",
    "工单",
    "入门",
    "教程",
    "示例",
    "审阅",
    "测试",
    "构建",
    "缓存",
    "搜索",
    "设计",
    "接口",
    "指标",
    "仪表盘",
    "迁移",
    "模式",
    "查询",
    "重写",
    "功能",
    "流程",
    "团队",
    "迭代",
    "反馈",
    "原型",
    "上线",
    "内容",
    "策略",
    "读者",
    "清晰",
    "结构",
    "术语表",
    "风格",
    "语气",
    "无障碍",
    "性能",
    "预算",
    "我们",
    "以及",
    "为了",
    "通过",
    "在",
    "的",
    "了",
    "和",
    "把",
    "从",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s: String = (0..words)
        .map(|_| WORDS[rng.below(WORDS.len() as u64) as usize])
        .collect();
    s.push('。');
    s
}

fn paragraph(rng: &mut Rng, sentences: usize) -> String {
    support::corpus::paragraph_of(rng, sentences, sentence, "")
}

/// The code block of a project file, if it has one, exactly as written.
fn code_block(md: &str) -> Option<&str> {
    let start = md.find("\n```")? + 1;
    let end = start + 3 + md[start + 3..].find("\n```\n")? + 5;
    Some(&md[start..end])
}

/// A Chinese translation of the project file `md` (project `i`): title,
/// summary and body; the other keys come from the English file.
fn translation(rng: &mut Rng, i: usize, md: &str) -> String {
    let mut zh = String::new();
    let _ = write!(
        zh,
        "---\ntitle: \"项目 {i}：{}\"\nsummary: \"{}\"\n---\n\n## 问题\n\n{}\n\n{}\n\n{}\n\n## 我做了什么\n\n",
        sentence(rng, 4).trim_end_matches('。'),
        sentence(rng, 16),
        paragraph(rng, 6),
        paragraph(rng, 5),
        paragraph(rng, 6),
    );
    for _ in 0..5 {
        let _ = writeln!(zh, "- {}", sentence(rng, 10));
    }
    if let Some(code) = code_block(md) {
        let _ = write!(zh, "\n{code}\n");
    }
    let other = if i > 0 { rng.below(i as u64) } else { 0 };
    let _ = write!(
        zh,
        "| 指标 | 之前 | 之后 |\n|---|---|---|\n| 工单 | {} | {} |\n| 分钟 | {} | {} |\n\n## 结果\n\n{} 另见[一个相关项目](project-{other}.md)和[客户的网站](https://example.com/{i})。\n\n![项目 {i} 的图表](https://example.com/chart-{i}.png)\n\n{}\n\n{}\n",
        100 + rng.below(400),
        rng.below(100),
        30 + rng.below(60),
        rng.below(30),
        paragraph(rng, 6),
        paragraph(rng, 6),
        paragraph(rng, 6),
    );
    zh
}

/// Turns a copy of the one-language corpus into the two-language site.
fn translate_site(site: &Path, n: usize) {
    let config = std::fs::read_to_string(site.join("folio.yaml")).unwrap();
    std::fs::write(
        site.join("folio.yaml"),
        format!("{config}languages:\n  - en\n  - {{ code: zh, title: 基准作品集 }}\n"),
    )
    .unwrap();
    let mut rng = Rng::new(7);
    let overview = paragraph(&mut rng, 5);
    std::fs::write(
        site.join("content/profile.zh.yaml"),
        format!("title: 自由撰稿人和开发者\noverview: |\n  {overview}\n"),
    )
    .unwrap();
    let projects = site.join("content/projects");
    for i in 0..n {
        let md = std::fs::read_to_string(projects.join(format!("project-{i}.md"))).unwrap();
        let zh = translation(&mut rng, i, &md);
        std::fs::write(projects.join(format!("project-{i}.zh.md")), zh).unwrap();
    }
}

/// Wall seconds of one `folio build`.
fn build(folio: &Path, site: &Path, out: &Path) -> f64 {
    let start = Instant::now();
    let o = Command::new(folio)
        .arg("build")
        .arg(site)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    let secs = start.elapsed().as_secs_f64();
    assert!(
        o.status.success(),
        "folio build {} failed: {}",
        site.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    secs
}

/// (cold, warm) medians of each site over `runs` alternating runs.
fn measure(folio: &Path, sites: [&Path; 2], out: &Path, runs: usize) -> [(f64, f64); 2] {
    for site in sites {
        build(folio, site, out); // warm-up
    }
    let mut times: [(Vec<f64>, Vec<f64>); 2] = Default::default();
    for _ in 0..runs {
        for (k, site) in sites.iter().enumerate() {
            let _ = std::fs::remove_dir_all(site.join(".folio"));
            times[k].0.push(build(folio, site, out));
            times[k].1.push(build(folio, site, out));
        }
    }
    let m = support::median;
    [
        (m(&times[0].0), m(&times[0].1)),
        (m(&times[1].0), m(&times[1].1)),
    ]
}

fn main() {
    let arg = support::arg;
    let n: usize = arg("--projects")
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let runs: usize = arg("--runs").and_then(|v| v.parse().ok()).unwrap_or(5);
    let code = match arg("--code").as_deref() {
        Some("yes") => Code::Mixed,
        _ => Code::None,
    };
    let ram = support::ram_dir();
    let work = tempfile::Builder::new()
        .prefix("folio-bilingual-")
        .tempdir_in(&ram)
        .unwrap();
    let (one, two) = (work.path().join("one"), work.path().join("two"));
    support::corpus::write_folio_site_with(&one, n, 42, code);
    support::copy_tree(&one, &two, &[]);
    translate_site(&two, n);
    let folio = Path::new(env!("CARGO_BIN_EXE_folio"));
    let [(c1, w1), (c2, w2)] = measure(folio, [&one, &two], &work.path().join("out"), runs);
    let code = if code == Code::Mixed { "yes" } else { "no" };
    println!(
        "{n} projects, code: {code}, share cards off; medians of {runs} alternating runs, in {}",
        ram.display()
    );
    println!("| languages | cold | warm |\n|---|---|---|");
    println!("| 1 (en) | {c1:.3} s | {w1:.3} s |");
    println!("| 2 (en, zh; every project translated) | {c2:.3} s | {w2:.3} s |");
    println!("| ratio 2 / 1 | {:.2}× | {:.2}× |", c2 / c1, w2 / w1);
}
