//! The layers of folio's modules: a module imports only from its own layer or
//! lower ones, and the top-level modules never import each other in a circle.
//!
//! Reads every `src/**/*.rs` (leaving out `#[cfg(test)] mod … { … }` blocks and
//! comments), maps each file to its top-level module, and collects the
//! top-level modules it names: `crate::x`, `use crate::{x, y::z}`, `folio::x`
//! (in the binary), and `super::` paths that climb out of their top-level module.
//! A new module must be placed in [`LAYERS`] before it can be used.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top-level modules, lowest layer first. A module may import from a lower
/// layer, or from its own layer when that makes no cycle. This is the one
/// place the layers are written down (see BRIEF.md and src/lib.rs).
const LAYERS: &[(usize, &[&str])] = &[
    // Helpers that know nothing of sites.
    (
        0,
        &[
            "util",
            "diagnostics",
            "source",
            "yaml",
            "date",
            "slug",
            "contact",
            "plaintext",
            "platform",
        ],
    ),
    // The content model and what reads it.
    (
        1,
        &[
            "config",
            "content",
            "markdown",
            "highlight",
            "shortcodes",
            "images",
        ],
    ),
    // Themes and what their templates read.
    (2, &["theme", "template_vars", "cards"]),
    // Views of the model. `output` (the files of a built site and where they
    // go) sits beside `render`: render hands its files to an output sink, and
    // output knows nothing of rendering.
    (
        3,
        &[
            "render",
            "feeds",
            "export",
            "preview",
            "jsonresume",
            "output",
        ],
    ),
    (5, &["build"]),
    // Commands, and the binary that dispatches to them.
    (
        6,
        &[
            "serve", "deploy", "init", "workflow", "proposal", "migrate", "cmd", "version", "main",
        ],
    ),
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .find(|(_, modules)| modules.contains(&module))
        .map(|(layer, _)| *layer)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file under `src/`: `src/content/load.rs` → [content, load].
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap_or_default();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" {
        parts.push(stem.to_string());
    }
    parts
}

/// The code of a file without comments and without `#[cfg(test)] mod … { … }`
/// blocks (their closing brace is at the indentation of their `mod` line).
fn code_outside_tests(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            let mut next = lines.peek().copied().unwrap_or("");
            while next.trim_start().starts_with("#[") {
                lines.next();
                next = lines.peek().copied().unwrap_or("");
            }
            let t = next.trim_start();
            if (t.starts_with("mod ") || t.starts_with("pub mod ")) && t.ends_with('{') {
                let indent = &next[..next.len() - t.len()];
                let close = format!("{indent}}}");
                lines.next();
                for inner in lines.by_ref() {
                    if inner.trim_end() == close {
                        break;
                    }
                }
            }
            continue;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        let code = match line.find(" // ") {
            Some(i) if !line[..i].contains('"') => &line[..i],
            _ => line,
        };
        out.push_str(code);
        out.push('\n');
    }
    out
}

fn ident_at(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The first names of the paths in a `{a, b::c, d::{e, f}}` group.
fn group_heads(group: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut start = true;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => start = true,
            c if start && (c.is_ascii_alphabetic() || c == '_') && depth == 0 => {
                heads.push(ident_at(&group[i..]).to_string());
                start = false;
            }
            _ => {}
        }
    }
    heads
}

/// The names that follow `prefix` in `code` (`crate::x` → x; `crate::{x, y}` → x, y).
fn names_after(code: &str, prefix: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (i, _) in code.match_indices(prefix) {
        let before = code[..i].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        names.extend(heads_at(&code[i + prefix.len()..]));
    }
    names
}

/// The first names of the path(s) at the start of `rest`: `x::y` → x; `{x, y::z}` → x, y.
fn heads_at(rest: &str) -> Vec<String> {
    if let Some(group) = rest.strip_prefix('{') {
        let mut depth = 1;
        let end = group
            .char_indices()
            .find(|&(_, c)| {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                depth == 0
            })
            .map_or(group.len(), |(j, _)| j);
        return group_heads(&group[..end]);
    }
    let name = ident_at(rest);
    if name.is_empty() {
        Vec::new()
    } else {
        vec![name.to_string()]
    }
}

/// The sibling modules a file names: `super::x` (one climb only) and
/// `crate::<parent>::x`, where `parent` is the module holding the file's module.
fn sibling_names(code: &str, parent: &[String]) -> Vec<String> {
    let mut names = Vec::new();
    for (i, _) in code.match_indices("super::") {
        let before = code[..i].chars().next_back();
        let rest = &code[i + "super::".len()..];
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
            || rest.starts_with("super::")
        {
            continue;
        }
        names.extend(heads_at(rest));
    }
    if !parent.is_empty() {
        names.extend(names_after(
            code,
            &format!("crate::{}::", parent.join("::")),
        ));
    }
    names
}

/// The top-level modules named by `super::` paths that climb out of the file's
/// own top-level module (`depth` is the length of its module path).
fn escaping_supers(code: &str, depth: usize) -> Vec<String> {
    let mut names = Vec::new();
    for (i, _) in code.match_indices("super::") {
        if code[..i].ends_with("super::") {
            continue;
        }
        let mut rest = &code[i..];
        let mut climbs = 0;
        while let Some(r) = rest.strip_prefix("super::") {
            climbs += 1;
            rest = r;
        }
        if climbs >= depth {
            if rest.starts_with('{') {
                names.extend(names_after(&format!("x::{rest}"), "x::"));
            } else {
                names.push(ident_at(rest).to_string());
            }
        }
    }
    names
}

/// Names re-exported at the crate root (`pub use diagnostics::{Error, …}` in lib.rs)
/// → the module they come from.
fn root_reexports(lib: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for line in lib.lines() {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let module = ident_at(rest).to_string();
        let after = rest[module.len()..].trim_start_matches("::");
        let names = match after.strip_prefix('{') {
            Some(g) => group_heads(g.trim_end_matches(['}', ';'])),
            None => vec![ident_at(after).to_string()],
        };
        for n in names {
            map.insert(n, module.clone());
        }
    }
    map
}

/// The modules a crate root declares (`pub mod x;`, `mod y;`).
fn declared_modules(root: &str) -> BTreeSet<String> {
    root.lines()
        .filter_map(|l| {
            let l = l.trim();
            let rest = l
                .strip_prefix("pub mod ")
                .or_else(|| l.strip_prefix("mod "))?;
            rest.ends_with(';').then(|| ident_at(rest).to_string())
        })
        .collect()
}

/// Top-level module → (module it names → first file naming it).
type Graph = BTreeMap<String, BTreeMap<String, String>>;

fn import_graph(src: &Path) -> (Graph, Vec<String>) {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("src/lib.rs");
    let reexports = root_reexports(&lib);
    let lib_modules = declared_modules(&lib);
    let mut graph = Graph::new();
    let mut problems = Vec::new();
    for file in files {
        let rel = file.strip_prefix(src).unwrap().to_path_buf();
        let shown = format!("src/{}", rel.display()).replace('\\', "/");
        if rel == Path::new("lib.rs") {
            continue;
        }
        let path = module_path(&rel);
        let top = path[0].clone();
        if layer_of(&top).is_none() {
            problems.push(format!(
                "{shown}: the module `{top}` has no layer; add it to LAYERS in tests/layers.rs"
            ));
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let code = code_outside_tests(&text);
        let mut names = names_after(&code, "crate::");
        names.extend(names_after(&code, "folio::"));
        names.extend(escaping_supers(&code, path.len()));
        let edges = graph.entry(top.clone()).or_default();
        for name in names {
            let target = match reexports.get(&name) {
                Some(module) => module.clone(),
                None => name,
            };
            if target == top {
                continue;
            }
            if !lib_modules.contains(&top) && layer_of(&target).is_none() {
                // In the binary (`main.rs` and the modules it declares),
                // `crate::` names the binary's own items (`crate::Cli`).
                continue;
            }
            edges.entry(target).or_insert_with(|| shown.clone());
        }
    }
    (graph, problems)
}

/// A cycle among the top-level modules, as `a → b → a`, if any.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        done: &mut BTreeSet<String>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[i..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flat_map(|e| e.keys()) {
            if let Some(c) = visit(next, graph, done, stack) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(c) = visit(node, graph, &mut done, &mut Vec::new()) {
            return Some(c);
        }
    }
    None
}

/// For each module with more than one file: its files' modules → (sibling
/// module named → file naming it).
fn sibling_graphs(src: &Path) -> BTreeMap<String, Graph> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let modules: Vec<(Vec<String>, PathBuf)> = files
        .into_iter()
        .map(|f| {
            let rel = f.strip_prefix(src).unwrap().to_path_buf();
            (module_path(&rel), f)
        })
        .filter(|(path, _)| path.len() >= 2)
        .collect();
    let mut graphs: BTreeMap<String, Graph> = BTreeMap::new();
    for (path, file) in &modules {
        let (name, parent) = path.split_last().unwrap();
        let siblings: BTreeSet<&String> = modules
            .iter()
            .filter(|(p, _)| p.len() == path.len() && p[..p.len() - 1] == *parent)
            .map(|(p, _)| p.last().unwrap())
            .collect();
        let code = code_outside_tests(&std::fs::read_to_string(file).unwrap());
        let shown = format!("src/{}", file.strip_prefix(src).unwrap().display()).replace('\\', "/");
        let graph = graphs.entry(parent.join("::")).or_default();
        let edges = graph.entry(name.clone()).or_default();
        for to in sibling_names(&code, parent) {
            if &to != name && siblings.contains(&to) {
                edges.entry(to).or_insert_with(|| shown.clone());
            }
        }
    }
    graphs
}

#[test]
fn the_files_of_a_module_import_each_other_without_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    for (parent, graph) in sibling_graphs(&src) {
        if let Some(cycle) = find_cycle(&graph) {
            let steps: Vec<String> = cycle
                .windows(2)
                .map(|w| format!("{} → {} (in {})", w[0], w[1], graph[&w[0]][&w[1]]))
                .collect();
            let module = if parent.is_empty() { "crate" } else { &parent };
            problems.push(format!(
                "the files of `{module}` import each other in a circle: {}; \
                 move what they share into one of them or a file of its own",
                steps.join(", ")
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn sibling_imports_are_seen() {
    let code = "use super::{Report, page, profile};\nuse super::super::x;\n\
                fn f() { crate::migrate::site::plan(); crate::util::y(); }\n";
    let parent = ["migrate".to_string()];
    assert_eq!(
        sibling_names(code, &parent),
        ["Report", "page", "profile", "site"]
    );
}

#[test]
fn modules_import_only_downward_and_without_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let (graph, mut problems) = import_graph(&src);
    for (from, edges) in &graph {
        let from_layer = layer_of(from).unwrap();
        for (to, file) in edges {
            match layer_of(to) {
                None => problems.push(format!(
                    "{file}: names `{to}`, which is not a module with a layer in tests/layers.rs"
                )),
                Some(to_layer) if to_layer > from_layer => problems.push(format!(
                    "{file}: `{from}` (layer {from_layer}) imports `{to}` (layer {to_layer}); \
                     a module may import only from its own layer or lower ones"
                )),
                Some(_) => {}
            }
        }
    }
    if let Some(cycle) = find_cycle(&graph) {
        let steps: Vec<String> = cycle
            .windows(2)
            .map(|w| format!("{} → {} (in {})", w[0], w[1], graph[&w[0]][&w[1]]))
            .collect();
        problems.push(format!(
            "the top-level modules import each other in a circle: {}",
            steps.join(", ")
        ));
    }
    assert!(
        problems.is_empty(),
        "module layers are broken:\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn the_checker_sees_every_kind_of_import() {
    let code = code_outside_tests(
        "use crate::{config::Config, diagnostics::{Diagnostic, Error}, yaml};\n\
         // use crate::render; (a comment)\n\
         fn f() { crate::slug::slugify(\"x\"); folio::build::build(); super::super::theme::load(); }\n\
         #[cfg(test)]\n\
         mod tests {\n    use crate::serve;\n}\n",
    );
    let mut names = names_after(&code, "crate::");
    names.extend(names_after(&code, "folio::"));
    names.extend(escaping_supers(&code, 2));
    assert_eq!(
        names,
        ["config", "diagnostics", "yaml", "slug", "build", "theme"]
    );
    assert!(escaping_supers("super::x::y()", 2).is_empty());
}

#[test]
fn a_cycle_is_found() {
    let mut graph = Graph::new();
    let edge = |to: &str| BTreeMap::from([(to.to_string(), "src/x.rs".to_string())]);
    graph.insert("a".into(), edge("b"));
    graph.insert("b".into(), edge("c"));
    graph.insert("c".into(), edge("a"));
    assert_eq!(find_cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
    graph.insert("c".into(), BTreeMap::new());
    assert_eq!(find_cycle(&graph), None);
}

#[test]
fn the_library_and_binary_modules_are_told_apart() {
    let lib = "pub mod build;\n#[cfg(test)]\nmod testing;\npub use diagnostics::{Error, Result};\n";
    let modules: Vec<String> = declared_modules(lib).into_iter().collect();
    assert_eq!(modules, ["build", "testing"]);
    let reexports = root_reexports(lib);
    assert_eq!(reexports["Error"], "diagnostics");
    assert_eq!(reexports["Result"], "diagnostics");
}
