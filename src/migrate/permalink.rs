//! Where Jekyll served a post (`_posts/2020-01-05-name.md`): its own
//! `permalink:`, else the site's (`_config.yml`, the built-in styles `date`,
//! `pretty`, `ordinal`, `none`, or a pattern of `:year`, `:title`, …); and the
//! title Jekyll showed for a post without one, made from its file name.

use std::collections::HashMap;
use std::path::{Component, Path};

use serde_json::{Map, Value};

use super::sources::split_date_prefix;

/// Jekyll's built-in permalink styles.
const STYLES: &[(&str, &str)] = &[
    ("date", "/:categories/:year/:month/:day/:title:output_ext"),
    ("pretty", "/:categories/:year/:month/:day/:title/"),
    ("ordinal", "/:categories/:year/:y_day/:title:output_ext"),
    ("none", "/:categories/:title:output_ext"),
];

/// The URL path (`/2020/01/05/name.html`) Jekyll gave the post `source` of
/// the site in `root` whose settings are `vars`; `None` when `source` is no
/// dated file of a `_posts` folder (`_posts/`, `_posts/sub/`, `work/_posts/`),
/// or its permalink uses what is not known here.
pub fn jekyll_post(root: &Path, source: &Path, vars: &HashMap<String, String>) -> Option<String> {
    let rel = source.strip_prefix(root).unwrap_or(source);
    let folders = folders(rel.parent()?);
    let above = folders.iter().rposition(|f| f == "_posts")?;
    let stem = source.file_stem()?.to_string_lossy().into_owned();
    let (Some(file_date), name) = split_date_prefix(&stem) else {
        return None;
    };
    let text = std::fs::read_to_string(source).unwrap_or_default();
    let front = super::frontmatter::parse(&text)
        .map(|f| f.map)
        .unwrap_or_default();
    let own = front.get("date").and_then(Value::as_str);
    let date = own
        .and_then(super::fields::date_part)
        .map_or(file_date, |(d, _)| d);
    let slug = front.get("slug").and_then(Value::as_str).unwrap_or(&name);
    let post = Post {
        date: &date,
        slug,
        categories: categories(&folders[..above], &front),
    };
    let rel_path = rel.to_string_lossy().replace('\\', "/");
    let pattern = given(front.get("permalink").and_then(Value::as_str))
        .or_else(|| given(default_permalink(vars, &rel_path)))
        .or_else(|| given(vars.get("collections.posts.permalink").map(String::as_str)))
        .or_else(|| given(vars.get("permalink").map(String::as_str)))
        .unwrap_or("date");
    expand(pattern, &post)
}

/// A permalink that is set: not blank.
fn given(p: Option<&str>) -> Option<&str> {
    p.filter(|p| !p.trim().is_empty())
}

/// The `permalink` that `_config.yml`'s `defaults:` give the post at `rel`
/// (`_posts/2020-01-05-x.md`), as Jekyll's front-matter defaults do: of the
/// sets whose scope takes the post (a `path` it is in, a `type` of posts or
/// none), the one with the longest path wins, then one with a type, then the
/// last; a set that does not win only fills what the others leave unset.
/// `vars` holds the sets flattened (`defaults[0].values.permalink`, see
/// [`super::sitevars::of`]).
fn default_permalink<'a>(vars: &'a HashMap<String, String>, rel: &str) -> Option<&'a str> {
    let mut sets: Vec<usize> = vars
        .keys()
        .filter_map(|k| {
            let (i, rest) = k.strip_prefix("defaults[")?.split_once(']')?;
            rest.starts_with(".values.").then(|| i.parse().ok())?
        })
        .collect();
    sets.sort_unstable();
    sets.dedup();
    let mut winner: Option<(String, bool)> = None;
    let mut permalink = None;
    for i in sets {
        let get = |k: &str| vars.get(&format!("defaults[{i}].{k}")).map(String::as_str);
        let kind = get("scope.type");
        if kind.is_some_and(|t| t != "posts" && t != "post") {
            continue;
        }
        let path = get("scope.path")
            .unwrap_or("")
            .trim_matches('/')
            .to_string();
        if !in_scope(&path, rel) {
            continue;
        }
        let value = get("values.permalink");
        let scope = (path, kind.is_some());
        if precedes(winner.as_ref(), &scope) {
            permalink = value.or(permalink);
            winner = Some(scope);
        } else {
            permalink = permalink.or(value);
        }
    }
    permalink
}

/// Jekyll's `has_precedence?` of a scope (its path, whether it names a type)
/// over the one that won so far.
fn precedes(old: Option<&(String, bool)>, new: &(String, bool)) -> bool {
    match old {
        None => true,
        Some((path, _)) if path.len() != new.0.len() => new.0.len() >= path.len(),
        Some((_, typed)) => new.1 || !typed,
    }
}

/// Whether the file at `rel` is in the scope `path` (a folder, or a glob
/// where `*` stands for any part of a name); the empty path takes all.
fn in_scope(path: &str, rel: &str) -> bool {
    if path.is_empty() {
        return true;
    }
    let mut here = Some(Path::new(rel));
    while let Some(dir) = here {
        let dir_text = dir.to_string_lossy();
        if dir_text == path || path.contains('*') && glob(path.as_bytes(), dir_text.as_bytes()) {
            return true;
        }
        here = dir.parent().filter(|p| !p.as_os_str().is_empty());
    }
    false
}

/// `*` matches within one name, `**` across folders. Each (pattern, text)
/// position is tried once, so many stars cost no more than a few.
fn glob(pattern: &[u8], text: &[u8]) -> bool {
    // No scope path is this long; refusing it keeps the recursion shallow.
    if pattern.len() + text.len() > 4096 {
        return false;
    }
    let mut seen = vec![vec![None; text.len() + 1]; pattern.len() + 1];
    glob_at(pattern, text, (0, 0), &mut seen)
}

fn glob_at(
    pattern: &[u8],
    text: &[u8],
    (p, t): (usize, usize),
    seen: &mut [Vec<Option<bool>>],
) -> bool {
    if let Some(known) = seen[p][t] {
        return known;
    }
    let found = match &pattern[p..] {
        [] => t == text.len(),
        [b'*', b'*', ..] => (t..=text.len()).any(|i| glob_at(pattern, text, (p + 2, i), seen)),
        [b'*', ..] => (t..=text.len())
            .take_while(|&i| i == t || text[i - 1] != b'/')
            .any(|i| glob_at(pattern, text, (p + 1, i), seen)),
        [c, ..] => text.get(t) == Some(c) && glob_at(pattern, text, (p + 1, t + 1), seen),
    };
    seen[p][t] = Some(found);
    found
}

/// The names of the folders of `dir`, outermost first.
fn folders(dir: &Path) -> Vec<String> {
    dir.components()
        .filter_map(|c| match c {
            Component::Normal(n) => Some(n.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect()
}

/// What a post's permalink is made of.
struct Post<'a> {
    /// `YYYY-MM-DD`.
    date: &'a str,
    slug: &'a str,
    categories: Vec<String>,
}

/// A post's categories as Jekyll reads them: the folders `above` its
/// `_posts` (`work/_posts` → `work`; not those below: `_posts/work` has
/// none), then `categories:` and `category:`; lower case.
fn categories(above: &[String], front: &Map<String, Value>) -> Vec<String> {
    let mut found: Vec<String> = above.to_vec();
    match front.get("categories") {
        Some(Value::String(s)) => found.extend(s.split_whitespace().map(str::to_string)),
        Some(Value::Array(a)) => found.extend(a.iter().filter_map(scalar)),
        _ => {}
    }
    found.extend(front.get("category").and_then(scalar));
    let mut out: Vec<String> = Vec::new();
    for c in found.iter().map(|c| c.to_lowercase()) {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// `pattern` (a style's name or a pattern) filled in for `post`.
fn expand(pattern: &str, post: &Post) -> Option<String> {
    let pattern = STYLES
        .iter()
        .find(|(name, _)| *name == pattern.trim())
        .map_or(pattern.trim(), |(_, p)| p);
    let (year, month, day) = ymd(post.date)?;
    let title = jekyll_slugify(post.slug, true);
    let values = [
        ("categories", post.categories.join("/")),
        ("output_ext", ".html".to_string()),
        ("short_year", format!("{:02}", year % 100)),
        ("year", year.to_string()),
        ("i_month", month.to_string()),
        ("month", format!("{month:02}")),
        ("i_day", day.to_string()),
        ("day", format!("{day:02}")),
        ("y_day", format!("{:03}", day_of_year(year, month, day))),
        ("title", title),
        ("slug", jekyll_slugify(post.slug, false)),
    ];
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(i) = rest.find(':') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let (key, value) = values.iter().find(|(k, _)| after.starts_with(k))?;
        out.push_str(value);
        rest = &after[key.len()..];
    }
    out.push_str(rest);
    Some(clean(&out))
}

/// Slashes as Jekyll leaves them: one at the start, none doubled. Spaces
/// stay as they are: links are compared decoded (`%20` is read as a space).
fn clean(url: &str) -> String {
    let mut out = String::from("/");
    for part in url.split('/').filter(|p| !p.is_empty()) {
        out.push_str(part);
        out.push('/');
    }
    if !url.ends_with('/') && out.len() > 1 {
        out.pop();
    }
    out
}

fn ymd(date: &str) -> Option<(u32, u32, u32)> {
    let mut parts = date.get(..10)?.split('-').map(|p| p.parse::<u32>().ok());
    Some((parts.next()??, parts.next()??, parts.next()??))
}

fn day_of_year(year: u32, month: u32, day: u32) -> u32 {
    const DAYS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let before: u32 = DAYS.iter().take(month.saturating_sub(1) as usize).sum();
    before + day + u32::from(leap && month > 2)
}

/// Jekyll's `slugify`: `pretty` mode keeping case for `:title`, the default
/// mode in lower case for `:slug`.
pub(crate) fn jekyll_slugify(s: &str, pretty: bool) -> String {
    let kept = |c: char| c.is_alphanumeric() || pretty && "._~!$&'()+,;=@".contains(c);
    let mut out = String::new();
    for c in s.chars() {
        if kept(c) {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-');
    if pretty {
        out.to_string()
    } else {
        out.to_lowercase()
    }
}

/// The key of a site path for finding a page by its old URL:
/// `2020/01/05/name.html`, `/2020/01/05/name/` and `/2020/01/05/name` are one.
pub fn key(site_path: &str) -> String {
    let path = site_path.trim_matches('/');
    let path = match path.strip_suffix("index.html") {
        Some(dir) if dir.is_empty() || dir.ends_with('/') => dir,
        _ => path,
    };
    let path = path.trim_end_matches('/');
    let path = path.strip_suffix(".html").unwrap_or(path);
    format!("/{path}")
}

/// The title Jekyll shows for a document without one: its file name without
/// the date, each word capitalized (`2020-01-05-my-cool-project.md` → `My Cool Project`).
pub fn jekyll_title(source: &Path) -> Option<String> {
    let stem = source.file_stem()?.to_string_lossy().into_owned();
    let (_, name) = split_date_prefix(&stem);
    let words: Vec<String> = name
        .split('-')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect();
    let title = words.join(" ");
    (!title.trim().is_empty()).then_some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post_url(rel: &str, text: &str, permalink: Option<&str>) -> Option<String> {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(rel);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, text).unwrap();
        let vars: HashMap<String, String> = permalink
            .map(|p| ("permalink".to_string(), p.to_string()))
            .into_iter()
            .collect();
        jekyll_post(dir.path(), &file, &vars)
    }

    #[test]
    fn each_style_and_pattern() {
        let plain = "---\nlayout: post\n---\nText.\n";
        let url = |p| post_url("_posts/2020-03-05-Kite Line.md", plain, p);
        assert_eq!(url(None).as_deref(), Some("/2020/03/05/Kite-Line.html"));
        assert_eq!(
            url(Some("date")).as_deref(),
            Some("/2020/03/05/Kite-Line.html")
        );
        assert_eq!(
            url(Some("pretty")).as_deref(),
            Some("/2020/03/05/Kite-Line/")
        );
        assert_eq!(
            url(Some("ordinal")).as_deref(),
            Some("/2020/065/Kite-Line.html")
        );
        assert_eq!(url(Some("none")).as_deref(), Some("/Kite-Line.html"));
        assert_eq!(
            url(Some("/blog/:year/:i_month/:slug")).as_deref(),
            Some("/blog/2020/3/kite-line")
        );
        assert_eq!(url(Some("/:week/:title")), None, "unknown placeholder");
    }

    /// Folders above `_posts` and the front matter's categories come first;
    /// a front-matter date and permalink win over the file name and settings.
    #[test]
    fn categories_dates_and_a_posts_own_permalink() {
        let text = "---\ncategory: Data Warehouse\ndate: 2021-02-03 10:00:00 +0100\n---\n";
        assert_eq!(
            post_url("work/_posts/2020-01-05-pipe.md", text, Some("pretty")).as_deref(),
            Some("/work/data warehouse/2021/02/03/pipe/")
        );
        let own = "---\npermalink: /tools/:title/\n---\n";
        assert_eq!(
            post_url("_posts/2020-01-05-pipe.md", own, Some("pretty")).as_deref(),
            Some("/tools/pipe/")
        );
        let blank = "---\npermalink: ''\n---\n";
        assert_eq!(
            post_url("_posts/2020-01-05-pipe.md", blank, None).as_deref(),
            Some("/2020/01/05/pipe.html")
        );
        assert_eq!(post_url("_projects/2020-01-05-pipe.md", blank, None), None);
        assert_eq!(post_url("_posts/pipe.md", blank, None), None);
    }

    /// Jekyll reads posts in folders below `_posts` too; only the folders
    /// above `_posts` are categories.
    #[test]
    fn folders_below_posts_are_no_categories() {
        let plain = "---\ntitle: Pipe\n---\n";
        assert_eq!(
            post_url("_posts/portfolio/2020-01-05-pipe.md", plain, Some("pretty")).as_deref(),
            Some("/2020/01/05/pipe/")
        );
        assert_eq!(
            post_url("work/_posts/old/2020-01-05-pipe.md", plain, None).as_deref(),
            Some("/work/2020/01/05/pipe.html")
        );
    }

    fn with_config(rel: &str, front: &str, config: &str) -> Option<String> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("_config.yml"), config).unwrap();
        let file = dir.path().join(rel);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, front).unwrap();
        let vars = super::super::sitevars::of(dir.path());
        jekyll_post(dir.path(), &file, &vars)
    }

    /// `defaults:` of `_config.yml`: a post's own permalink wins over them,
    /// they win over the site's `permalink:`; of two sets, the longer path
    /// wins, and a set for another type or folder does not count.
    #[test]
    fn front_matter_defaults_give_the_permalink() {
        let config = "permalink: pretty\ndefaults:\n  - scope: {path: \"\", type: pages}\n    values: {permalink: /p/:title/}\n  - scope:\n      path: \"\"\n      type: posts\n    values:\n      layout: post\n      permalink: /blog/:title/\n  - scope: {path: \"work/_posts\"}\n    values: {permalink: /w/:title/}\n  - scope: {path: \"_posts\", type: posts}\n    values: {layout: wide}\n";
        let plain = "---\ntitle: Pipe\n---\n";
        let url = |rel, front| with_config(rel, front, config);
        assert_eq!(
            url("_posts/2020-01-05-pipe.md", plain).as_deref(),
            Some("/blog/pipe/")
        );
        assert_eq!(
            url("work/_posts/2020-01-05-pipe.md", plain).as_deref(),
            Some("/w/pipe/")
        );
        let own = "---\npermalink: /own/:title.html\n---\n";
        assert_eq!(
            url("_posts/2020-01-05-pipe.md", own).as_deref(),
            Some("/own/pipe.html")
        );
        let globbed = "defaults:\n  - scope: {path: \"_posts/*\"}\n    values: {permalink: none}\n";
        assert_eq!(
            with_config("_posts/2020-01-05-pipe.md", plain, globbed).as_deref(),
            Some("/pipe.html")
        );
        assert!(glob(b"a/**/c", b"a/b/b/c") && !glob(b"a/*/c", b"a/b/b/c"));
        // Many stars that can't match answer at once (they backtracked exponentially).
        let stars = "*a".repeat(40) + "b";
        assert!(!glob(stars.as_bytes(), "a".repeat(80).as_bytes()));
        assert_eq!(key("/2020/x/index.html"), key("/2020/x/"));
        assert_ne!(key("/myindex.html"), key("/my"));
    }

    #[test]
    fn keys_and_titles() {
        for p in [
            "2020/01/05/x.html",
            "/2020/01/05/x/",
            "/2020/01/05/x",
            "2020/01/05/x/index.html",
        ] {
            assert_eq!(key(p), "/2020/01/05/x", "{p}");
        }
        let t = |p: &str| jekyll_title(Path::new(p));
        assert_eq!(
            t("_posts/2020-01-05-my-cool-project.md").as_deref(),
            Some("My Cool Project")
        );
        assert_eq!(t("_drafts/iot-API.markdown").as_deref(), Some("Iot Api"));
    }
}
