//! Where a link or image of a write-up points in the old site, and what it
//! becomes in the folio site: kept, rewritten, or a file to copy.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// What the old site publishes, shared by all write-ups.
#[derive(Debug, Default)]
pub struct SiteMap {
    /// Folders published at the site root (Hugo `static/`, Astro `public/`, Jekyll's root).
    pub static_roots: Vec<PathBuf>,
    /// The section's URL in the old site (`/projects/`).
    pub section_url: String,
    /// Source file of each imported write-up → its folio slug.
    pub pages: HashMap<PathBuf, String>,
    /// Old URL name (file stem or bundle folder) → folio slug.
    pub names: HashMap<String, String>,
    /// Old URL name of a bundle → its folder (`/projects/a/pic.png` is a file of it).
    pub bundles: HashMap<String, PathBuf>,
    /// Front matter keys the site declared as taxonomies (read as tags).
    pub taxonomies: Vec<String>,
    /// The site's own shortcodes (Zola's `templates/shortcodes/NAME.html`),
    /// copied to the new site's `templates/shortcodes/`.
    pub own_shortcodes: Vec<String>,
    /// The old site's address (`https://name.example/`), when its settings say.
    pub old_url: Option<String>,
    /// The text of its BibTeX files (jekyll-scholar's `_bibliography/`).
    pub bibliography: String,
    /// The old site's folder.
    pub root: PathBuf,
    /// The old site's settings as `KEY` → text, for `{{ site.KEY }}`.
    pub vars: HashMap<String, String>,
    /// Each imported Jekyll post's source → the URL path Jekyll gave it
    /// (worked out once, with the addresses, not for each of its links).
    pub post_urls: HashMap<PathBuf, String>,
    /// Import path aliases of a JavaScript site (`@lib/` → `src/lib/`).
    pub aliases: Vec<(String, PathBuf)>,
    /// What the site defines when it is an Eleventy site (its paired shortcodes).
    pub eleventy: Option<super::eleventy_site::Site>,
    /// Whether it is a Jekyll site (Liquid in write-ups is run: `{{ page.KEY }}`).
    pub jekyll: bool,
    /// Where the site's images are served from when they are kept on an
    /// image host (`@nuxt/image`'s `baseURL`: `https://res.cloudinary.com/x/image/upload/`).
    pub image_host: Option<String>,
}

/// For tests: a site in a temporary folder with the write-up
/// `content/projects/a/index.md` and `files` (name, bytes) beside it.
#[cfg(test)]
pub(crate) fn test_page(files: &[(&str, &str)]) -> (tempfile::TempDir, SiteMap, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("content/projects/a/index.md");
    let folder = page.parent().unwrap();
    std::fs::create_dir_all(folder).unwrap();
    for (name, bytes) in files {
        std::fs::write(folder.join(name), bytes).unwrap();
    }
    let map = SiteMap {
        root: dir.path().to_path_buf(),
        ..SiteMap::default()
    };
    (dir, map, page)
}

/// Folders of a site where themes look for an image named by its file name alone.
const IMAGE_DIRS: &[&str] = &["", "images", "img", "assets", "assets/images", "assets/img"];

/// A file to copy into the new site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Copy {
    /// Into the write-up's bundle folder, under `name`.
    Bundle { src: PathBuf, name: String },
    /// Into `static/`, at the same site path (`images/x.png`).
    Static { src: PathBuf, rel: String },
}

/// What happens to one reference.
#[derive(Debug, PartialEq, Eq)]
pub enum Ref {
    Keep,
    Rewrite(String),
    /// A page of the old site that was not imported: its full old URL.
    Old(String),
    /// Not found: why, for the report.
    Broken(String),
}

/// The references of one write-up and the files they need.
#[derive(Debug)]
pub struct Refs<'a> {
    site: &'a SiteMap,
    source: PathBuf,
    /// The source bundle folder: its files are copied with the write-up.
    bundle: Option<PathBuf>,
    pub copies: Vec<Copy>,
    /// Files renamed because their bytes are not what their extension says.
    pub renamed: Vec<String>,
}

impl Refs<'_> {
    /// Whether the old site has its own shortcode `name` (copied with the import).
    pub fn own_shortcode(&self, name: &str) -> bool {
        self.site.own_shortcodes.iter().any(|n| n == name)
    }

    /// The text of the old site's include `name` (`_includes/NAME`), if any.
    pub fn include_text(&self, name: &str) -> Option<String> {
        let dir = self.site.root.join("_includes");
        read_inside(&dir, &dir.join(name))
    }

    /// The text of the old site's file at the site path `path` (`assets/x.svg`).
    pub fn site_file_text(&self, path: &str) -> Option<String> {
        let root = &self.site.root;
        read_inside(root, &root.join(path.trim_start_matches('/')))
    }

    /// The old site's folder.
    pub fn site_root(&self) -> &Path {
        &self.site.root
    }

    /// The write-up's file from the old site's folder (`_projects/a.md`),
    /// Jekyll's `page.path`.
    pub fn source_in_site(&self) -> Option<String> {
        let rel = self.source.strip_prefix(&self.site.root).ok()?;
        Some(rel.to_string_lossy().replace('\\', "/"))
    }

    /// The old site's BibTeX text (empty when it has none).
    pub fn bibliography(&self) -> &str {
        &self.site.bibliography
    }
}

/// The text of `file` when it is a file of at most 64 KiB inside `dir`:
/// never a file outside it (`..`, an absolute path, a link pointing out of
/// it) nor a device that never ends.
fn read_inside(dir: &Path, file: &Path) -> Option<String> {
    const MAX: u64 = 64 * 1024;
    let root = dir.canonicalize().ok()?;
    let file = file.canonicalize().ok()?;
    let meta = std::fs::metadata(&file).ok()?;
    if !file.starts_with(&root) || !meta.is_file() || meta.len() > MAX {
        return None;
    }
    std::fs::read_to_string(file).ok()
}

/// The one file of `path`'s folder whose name is `path`'s but for letter case
/// (`IHM.png` for `ihm.png`): what a case-insensitive disk served.
fn other_case(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let found: Vec<PathBuf> = std::fs::read_dir(path.parent()?)
        .ok()?
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        })
        .map(|e| e.path())
        .take(2)
        .collect();
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// Whether a link leaves the site or stays on the page.
pub fn is_external(dest: &str) -> bool {
    let lower = dest.to_ascii_lowercase();
    dest.starts_with('#')
        || dest.starts_with("//")
        || ["http:", "https:", "mailto:", "tel:", "data:", "ftp:"]
            .iter()
            .any(|s| lower.starts_with(s))
}

/// The site path (no leading `/`) of `path` read in the URL folder `dir`;
/// `None` when it climbs above the root.
fn join_site_path(dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let slash = if path.ends_with('/') { "/" } else { "" };
    Some(format!("{}{slash}", parts.join("/")))
}

/// `a/./b/../c` → `a/c`; `None` when it climbs above its start.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    Some(out)
}

impl<'a> Refs<'a> {
    pub fn new(site: &'a SiteMap, source: &Path, bundle: Option<&Path>) -> Refs<'a> {
        Refs {
            site,
            source: source.to_path_buf(),
            bundle: bundle.map(Path::to_path_buf),
            copies: Vec::new(),
            renamed: Vec::new(),
        }
    }

    /// A link or image in the text: files of the page's bundle stay, other
    /// files are copied (beside the page, or into `static/` for root paths),
    /// links to other write-ups become `@/projects/...`.
    pub fn link(&mut self, dest: &str) -> Ref {
        self.resolve(dest, false)
    }

    /// Where the old site's images are served from, when an image host.
    pub fn site_image_host(&self) -> Option<&str> {
        self.site.image_host.as_deref()
    }

    /// The old site's setting `key` (`image_path`), when it is text.
    pub fn site_var(&self, key: &str) -> Option<&str> {
        self.site.vars.get(key).map(String::as_str)
    }

    /// A cover or figure image: always a file of the bundle.
    pub fn bundle_file(&mut self, dest: &str) -> Ref {
        self.resolve(dest, true)
    }

    /// A cover named in front matter: a path, or else a name the theme looked
    /// up in its image folders (Zola's `image = "fire.jpg"` in
    /// `static/images/`), in the static folders or `static/`, `public/`, `assets/`,
    /// else the one image of that name anywhere in the site.
    pub fn cover(&mut self, dest: &str) -> Ref {
        let found = self.bundle_file(dest);
        if !matches!(found, Ref::Broken(_)) || is_external(dest) {
            return found;
        }
        let rel = dest.trim_start_matches("./").trim_start_matches('/');
        let name = Path::new(rel).file_name().map(Path::new);
        let roots = self.site.static_roots.iter().cloned().chain(
            ["static", "public", "assets"]
                .iter()
                .map(|d| self.site.root.join(d)),
        );
        let file = roots
            .flat_map(|root| IMAGE_DIRS.iter().map(move |d| root.join(d)))
            .flat_map(|dir| [Some(dir.join(rel)), name.map(|n| dir.join(n))])
            .flatten()
            .find(|p| p.is_file() && is_image(p))
            .or_else(|| self.in_content(rel))
            .or_else(|| only_image_named(&self.site.root, rel));
        match file {
            Some(file) => self.file(file, None, "", true),
            None => found,
        }
    }

    /// An image at `rel` under the old site's `content/`: where Zola's
    /// `get_image_metadata`/`get_url` look after `static/` (tabi's
    /// `extra.local_image = "projects/name/logo.png"` names a bundle's file).
    fn in_content(&self, rel: &str) -> Option<PathBuf> {
        let content = self.site.root.join("content");
        let file = normalize(&content.join(rel.trim_start_matches("@/")))?;
        (file.starts_with(&content) && file.is_file() && is_image(&file)).then_some(file)
    }

    fn resolve(&mut self, dest: &str, into_bundle: bool) -> Ref {
        let dest = dest.trim();
        if dest.is_empty() || is_external(dest) || dest.starts_with("@/") && !into_bundle {
            return self.zola_internal(dest);
        }
        let (path, fragment) = match dest.find(['#', '?']) {
            Some(i) => (&dest[..i], &dest[i..]),
            None => (dest, ""),
        };
        let path = percent_encoding::percent_decode_str(path)
            .decode_utf8_lossy()
            .into_owned();
        if let Some(file) = super::aliases::resolve(&self.site.aliases, &path) {
            return self.file(file, None, fragment, into_bundle);
        }
        if let Some(site_path) = path.strip_prefix('/') {
            return self.root_relative(site_path, fragment, into_bundle);
        }
        let dir = self.source.parent().unwrap_or(Path::new(""));
        let beside = normalize(&dir.join(&path)).filter(|p| p.is_file());
        if let Some(file) = beside {
            return self.file(file, None, fragment, into_bundle);
        }
        if let Some(file) = normalize(&dir.join(&path)).and_then(|p| other_case(&p)) {
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
            let note = format!(
                "{path} → {} (the file's name differs in case)",
                name.unwrap_or_default()
            );
            if !self.renamed.contains(&note) {
                self.renamed.push(note);
            }
            return self.file(file, None, fragment, into_bundle);
        }
        if let Some(slug) = self.page_slug(&dir.join(&path)) {
            return Ref::Rewrite(format!("@/projects/{slug}/index.md{fragment}"));
        }
        // Jekyll and Hugo themes often write site paths without the leading slash.
        if let Some((file, rel)) = self.in_static(&path) {
            return self.file(file, Some(rel), fragment, into_bundle);
        }
        // The browser read it against the page's old URL, not its source file:
        // `/projects/name/` (Hugo, Zola), or `/projects/name` without the
        // slash (Nuxt, Next.js), whose `../` starts from `/projects/`.
        let urls = [self.against_old_url(&path), self.against_page_file(&path)];
        let found = urls
            .into_iter()
            .flatten()
            .map(|site_path| self.root_relative(&site_path, fragment, into_bundle))
            .find(|r| !matches!(r, Ref::Broken(_)));
        found.unwrap_or_else(|| Ref::Broken(format!("`{dest}` does not exist in the old site")))
    }

    /// `path` read against the page's old URL written without a trailing
    /// slash (`/projects/name`): from the section's folder. Only for a path
    /// that climbs (`../x.png`); Jekyll posts have their own URL.
    fn against_page_file(&self, path: &str) -> Option<String> {
        if !path.starts_with("../") || self.site.post_urls.contains_key(&self.source) {
            return None;
        }
        let section = self.site.section_url.trim_matches('/');
        let joined = normalize(&Path::new(section).join(path))?;
        Some(joined.to_string_lossy().replace('\\', "/"))
    }

    /// `path` read against the URL the old site gave this page (`projects/name/`).
    fn against_old_url(&self, path: &str) -> Option<String> {
        let post = self.site.post_urls.get(&self.source).cloned().or_else(|| {
            super::permalink::jekyll_post(&self.site.root, &self.source, &self.site.vars)
        });
        if let Some(url) = post {
            // A page's relative paths start from its URL's folder.
            let dir = &url[..url.rfind('/').unwrap_or(0)];
            return join_site_path(dir, path);
        }
        let name = match &self.bundle {
            Some(b) => b.file_name(),
            None => self.source.file_stem(),
        }?;
        let section = self.site.section_url.trim_matches('/');
        let page = Path::new(section).join(name);
        let joined = normalize(&page.join(path))?;
        let slash = if path.ends_with('/') { "/" } else { "" };
        Some(format!(
            "{}{slash}",
            joined.to_string_lossy().replace('\\', "/")
        ))
    }

    /// A path of the old site that is neither a file of it nor an imported
    /// write-up: a page it generated, or a file kept elsewhere (code, a PDF),
    /// at its old full URL; a missing image, or anything when the old
    /// address is unknown, is broken.
    fn missing(&self, shown: &str, site_path: &str, fragment: &str, into_bundle: bool) -> Ref {
        let ext = Path::new(site_path)
            .extension()
            .map(|x| x.to_string_lossy().to_ascii_lowercase());
        let page = matches!(ext.as_deref(), None | Some("html" | "htm"));
        let linked = !into_bundle && !is_image(Path::new(site_path));
        match &self.site.old_url {
            Some(base) if linked => Ref::Old(format!(
                "{}/{}{fragment}",
                base.trim_end_matches('/'),
                site_path.trim_start_matches('/')
            )),
            _ if page && !into_bundle => Ref::Broken(format!(
                "`{shown}` is a page of the old site that was not imported, and its address is unknown"
            )),
            _ => Ref::Broken(format!("`{shown}` does not exist in the old site")),
        }
    }

    fn zola_internal(&self, dest: &str) -> Ref {
        let Some(rest) = dest.strip_prefix("@/") else {
            return Ref::Keep;
        };
        let (path, fragment) = match rest.find('#') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        let stem = Path::new(path)
            .with_extension("")
            .to_string_lossy()
            .trim_end_matches("/index")
            .trim_end_matches("/_index")
            .to_string();
        let name = stem.rsplit('/').next().unwrap_or_default();
        match self.site.names.get(name) {
            Some(slug) => Ref::Rewrite(format!("@/projects/{slug}/index.md{fragment}")),
            None => self.missing(dest, &format!("{stem}/"), fragment, false),
        }
    }

    fn root_relative(&mut self, site_path: &str, fragment: &str, into_bundle: bool) -> Ref {
        if let Some((file, rel)) = self.in_static(site_path) {
            return self.file(file, Some(rel), fragment, into_bundle);
        }
        let key = super::permalink::key(site_path);
        if let Some(slug) = self.site.names.get(&key) {
            return Ref::Rewrite(format!("@/projects/{slug}/index.md{fragment}"));
        }
        let section = self.site.section_url.trim_matches('/');
        let rest = site_path.trim_end_matches('/');
        let name = rest
            .strip_prefix(section)
            .map(|r| r.trim_start_matches('/'))
            .map(|r| r.trim_end_matches(".html").trim_end_matches("/index"));
        if let Some(slug) = name.and_then(|n| self.site.names.get(n)) {
            return Ref::Rewrite(format!("@/projects/{slug}/index.md{fragment}"));
        }
        let in_bundle = name.and_then(|n| n.split_once('/')).and_then(|(b, file)| {
            let path = normalize(&self.site.bundles.get(b)?.join(file))?;
            path.is_file().then_some(path)
        });
        if let Some(file) = in_bundle {
            return self.file(file, None, fragment, into_bundle);
        }
        self.missing(&format!("/{site_path}"), site_path, fragment, into_bundle)
    }

    fn in_static(&self, site_path: &str) -> Option<(PathBuf, String)> {
        let rel = normalize(Path::new(site_path))?;
        if rel
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('_'))
        {
            return None;
        }
        self.site
            .static_roots
            .iter()
            .map(|root| root.join(&rel))
            .find(|p| p.is_file())
            .map(|p| (p, rel.to_string_lossy().replace('\\', "/")))
    }

    fn page_slug(&self, path: &Path) -> Option<String> {
        let path = normalize(path)?;
        let candidates = [path.clone(), path.join("index.md"), path.join("index.mdx")];
        candidates
            .iter()
            .find_map(|p| self.site.pages.get(p))
            .cloned()
    }

    /// A file found in the old site: a page link, a bundle file, or a copy.
    fn file(
        &mut self,
        file: PathBuf,
        rel: Option<String>,
        fragment: &str,
        into_bundle: bool,
    ) -> Ref {
        if let Some(slug) = self.site.pages.get(&file) {
            return Ref::Rewrite(format!("@/projects/{slug}/index.md{fragment}"));
        }
        let misnamed = true_name(&file).is_some();
        if let Some(inner) = self.bundle.as_ref().and_then(|b| file.strip_prefix(b).ok())
            && !misnamed
        {
            let inner = inner.to_string_lossy().replace('\\', "/");
            return Ref::Rewrite(format!("{inner}{fragment}"));
        }
        match rel {
            Some(rel) if !into_bundle && !misnamed => {
                let url = format!("/{rel}{fragment}");
                self.copies.push(Copy::Static { src: file, rel });
                Ref::Rewrite(url)
            }
            _ => {
                let name = self.bundle_name(&file);
                Ref::Rewrite(format!("{name}{fragment}"))
            }
        }
    }

    /// The name `file` takes in the bundle: its own (with the extension its
    /// bytes call for), unless another file has it.
    fn bundle_name(&mut self, file: &Path) -> String {
        let own = file
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "file".into());
        let base = match true_name(file) {
            Some(name) => {
                let note = format!("{own} → {name} (its bytes are not what its name said)");
                if !self.renamed.contains(&note) {
                    self.renamed.push(note);
                }
                name
            }
            None => own,
        };
        let mut name = base.clone();
        let mut n = 2;
        loop {
            let taken = self.copies.iter().find_map(|c| match c {
                Copy::Bundle { src, name: used } if *used == name => Some(src == file),
                _ => None,
            });
            match taken {
                Some(true) => return name,
                None if !self.bundle_has(&name) => break,
                _ => {
                    name = format!("{n}-{base}");
                    n += 1;
                }
            }
        }
        self.copies.push(Copy::Bundle {
            src: file.to_path_buf(),
            name: name.clone(),
        });
        name
    }

    /// Copies the images of the old site's folder `dir` (a site path or a
    /// path beside the page) into the bundle; how many there are.
    pub fn copy_images_of(&mut self, dir: &str) -> usize {
        let rel = dir.trim_matches('/');
        let page_dir = self.source.parent().unwrap_or(Path::new("")).to_path_buf();
        let mut candidates: Vec<PathBuf> =
            self.site.static_roots.iter().map(|r| r.join(rel)).collect();
        candidates.insert(0, page_dir.join(rel));
        let Some(folder) = candidates.into_iter().find(|p| p.is_dir()) else {
            return 0;
        };
        let images = images_in(&folder);
        let in_bundle = self.bundle.as_ref().is_some_and(|b| folder.starts_with(b));
        if !in_bundle {
            for img in &images {
                self.bundle_name(img);
            }
        }
        images.len()
    }

    /// The text of the file `rel` beside the write-up, trimmed; `None` when
    /// there is none there or it is not text.
    pub fn text_beside(&self, rel: &str) -> Option<String> {
        let dir = self.source.parent().unwrap_or(Path::new(""));
        let text = read_inside(&self.site.root, &dir.join(rel))?;
        Some(text.trim().to_string())
    }

    /// The images in the folder `dir` beside the write-up (`./photos/`), as
    /// paths from it (`./photos/a.jpg`), by name; none when there is no such folder.
    pub fn folder_images(&self, dir: &str) -> Vec<String> {
        let rel = dir.trim_start_matches("./").trim_end_matches('/');
        if rel.is_empty() || dir.starts_with('/') || is_external(dir) {
            return Vec::new();
        }
        let folder = self.source.parent().unwrap_or(Path::new("")).join(rel);
        images_in(&folder)
            .iter()
            .filter_map(|p| p.file_name())
            .map(|n| format!("./{rel}/{}", n.to_string_lossy()))
            .collect()
    }

    /// The old site's file that the bundle file `name` is (a copy made for
    /// it, or a file already in the write-up's own folder).
    pub fn source_of(&self, name: &str) -> Option<PathBuf> {
        let copied = self.copies.iter().find_map(|c| match c {
            Copy::Bundle { src, name: n } if n == name => Some(src.clone()),
            _ => None,
        });
        copied.or_else(|| {
            let own = self.bundle.as_ref()?.join(name);
            own.is_file().then_some(own)
        })
    }

    fn bundle_has(&self, name: &str) -> bool {
        self.bundle.as_ref().is_some_and(|b| b.join(name).exists())
    }
}

/// The name an image file should have when its bytes are another kind than
/// its extension says (an SVG named `.jpg` → `.svg`, a JPEG named `.PNG` → `.jpg`).
fn true_name(file: &Path) -> Option<String> {
    use crate::images::{Kind, head, sniff};
    let named = Kind::of_extension(&file.extension()?.to_string_lossy())?;
    let actual = sniff(&head(file).ok()?)?;
    if actual == named || !named.shows_in_browsers() || !actual.shows_in_browsers() {
        return None;
    }
    let stem = file.file_stem()?.to_string_lossy();
    Some(format!("{stem}.{}", actual.extension()))
}

/// Whether `path` names an image a browser shows.
/// Folders no generator serves images from as they are.
const NOT_SOURCES: &[&str] = &["node_modules", "vendor", "target"];

/// The image a bare file name (`kiosk.webp`, no folder) names anywhere in the
/// site, when there is one such image (copies with the same bytes count as one):
/// themes that prefix a folder of their own (`/images/projects/` + `img`).
fn only_image_named(root: &Path, name: &str) -> Option<PathBuf> {
    if name.contains('/') || name.is_empty() {
        return None;
    }
    let found: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let n = e.file_name().to_string_lossy();
            e.depth() == 0 || !(n.starts_with('.') || NOT_SOURCES.contains(&n.as_ref()))
        })
        .take(50_000)
        .flatten()
        .filter(|e| e.file_type().is_file() && e.file_name() == name)
        .map(|e| e.into_path())
        .filter(|p| is_image(p))
        .collect();
    let first = found.first()?;
    let bytes = std::fs::read(first).ok()?;
    found
        .iter()
        .skip(1)
        .all(|p| std::fs::read(p).is_ok_and(|b| b == bytes))
        .then(|| first.clone())
}

/// The images in `folder`, by name (none when it is no folder).
fn images_in(folder: &Path) -> Vec<PathBuf> {
    let mut images: Vec<PathBuf> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| is_image(p))
        .collect();
    images.sort();
    images
}

pub fn is_image(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|x| x.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif"].contains(&ext.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(root: &Path) -> SiteMap {
        let mut pages = HashMap::new();
        pages.insert(root.join("content/projects/b/index.md"), "b".to_string());
        let mut names = HashMap::new();
        names.insert("b".to_string(), "b".to_string());
        let mut bundles = HashMap::new();
        bundles.insert("b".to_string(), root.join("content/projects/b"));
        SiteMap {
            static_roots: vec![root.join("static")],
            section_url: "/projects/".into(),
            pages,
            names,
            bundles,
            taxonomies: vec![],
            own_shortcodes: vec![],
            old_url: Some("https://old.example/".into()),
            bibliography: String::new(),
            root: root.to_path_buf(),
            vars: HashMap::new(),
            ..SiteMap::default()
        }
    }

    #[test]
    fn text_beside_and_includes_never_read_outside_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let a = root.join("content/projects/a");
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(root.join("_includes")).unwrap();
        std::fs::write(a.join("link.txt"), " https://demo.example/\n").unwrap();
        std::fs::write(root.join("shared.txt"), "in the site").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "outside").unwrap();
        std::fs::write(root.join("_includes/box.md"), "a box").unwrap();
        let map = site(&root);
        let r = Refs::new(&map, &a.join("index.md"), Some(&a));
        assert_eq!(
            r.text_beside("./link.txt").as_deref(),
            Some("https://demo.example/")
        );
        assert_eq!(
            r.text_beside("../../../shared.txt").as_deref(),
            Some("in the site")
        );
        assert_eq!(r.text_beside("../../../../secret.txt"), None);
        let outside = dir.path().join("secret.txt");
        assert_eq!(r.text_beside(&outside.to_string_lossy()), None);
        assert_eq!(r.text_beside("/dev/zero"), None);
        assert_eq!(r.include_text("box.md").as_deref(), Some("a box"));
        assert_eq!(r.include_text("../shared.txt"), None);
        assert_eq!(r.include_text("../../secret.txt"), None);
    }

    #[test]
    fn a_cover_named_through_an_import_alias_goes_into_the_bundle() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("src/lib/img")).unwrap();
        std::fs::write(root.join("src/lib/img/hero.png"), "x").unwrap();
        let map = SiteMap {
            aliases: vec![("@lib/".into(), root.join("src/lib/"))],
            ..site(root)
        };
        let a = root.join("src/content/projects/a.md");
        let mut r = Refs::new(&map, &a, None);
        assert_eq!(
            r.cover("@lib/img/hero.png"),
            Ref::Rewrite("hero.png".into())
        );
        assert!(matches!(r.cover("@lib/img/gone.png"), Ref::Broken(_)));
    }

    #[test]
    fn resolves_each_kind() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "static/img/x.png",
            "content/projects/a/pic.jpg",
            "assets/c.jpg",
            "content/projects/b/d.png",
            "static/assets/y.png",
        ] {
            std::fs::create_dir_all(root.join(f).parent().unwrap()).unwrap();
            std::fs::write(root.join(f), "x").unwrap();
        }
        let map = site(root);
        let a = root.join("content/projects/a");
        let mut r = Refs::new(&map, &a.join("index.md"), Some(&a));
        assert_eq!(r.link("https://x.org"), Ref::Keep);
        assert_eq!(r.link("/img/x.png"), Ref::Rewrite("/img/x.png".into()));
        assert_eq!(r.link("../../img/x.png"), Ref::Rewrite("/img/x.png".into()));
        assert_eq!(r.link("pic.jpg#top"), Ref::Rewrite("pic.jpg#top".into()));
        assert_eq!(
            r.link("/projects/b/"),
            Ref::Rewrite("@/projects/b/index.md".into())
        );
        assert_eq!(
            r.link("@/projects/b.md"),
            Ref::Rewrite("@/projects/b/index.md".into())
        );
        assert_eq!(
            r.link("../b/index.md"),
            Ref::Rewrite("@/projects/b/index.md".into())
        );
        // A file the repository lacks (kept elsewhere): at the old address.
        assert_eq!(
            r.link("/code/run.py"),
            Ref::Old("https://old.example/code/run.py".into())
        );
        assert!(matches!(r.link("/img/gone.png"), Ref::Broken(_)));
        assert_eq!(r.bundle_file("/img/x.png"), Ref::Rewrite("x.png".into()));
        assert_eq!(
            r.bundle_file("../../../assets/c.jpg"),
            Ref::Rewrite("c.jpg".into())
        );
        assert_eq!(
            r.bundle_file("/projects/b/d.png"),
            Ref::Rewrite("d.png".into())
        );
        // As the browser read it, against the page's old URL /projects/a/.
        assert_eq!(
            r.bundle_file("../../assets/y.png"),
            Ref::Rewrite("y.png".into())
        );
        assert_eq!(
            r.link("/publication/p/#top"),
            Ref::Old("https://old.example/publication/p/#top".into())
        );
        assert_eq!(
            r.link("@/blog/post.md"),
            Ref::Old("https://old.example/blog/post/".into())
        );
        assert!(matches!(r.bundle_file("/img/gone.png"), Ref::Broken(_)));
        // A cover named by its file name alone, where the theme looked.
        assert!(matches!(r.bundle_file("y.png"), Ref::Broken(_)));
        assert_eq!(r.cover("y.png"), Ref::Rewrite("y.png".into()));
        assert_eq!(r.cover("covers/c.jpg"), Ref::Rewrite("c.jpg".into()));
        assert_eq!(r.copies.len(), 6);
        // Bytes that are not what the extension says: renamed.
        std::fs::write(
            root.join("static/logo.jpg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        )
        .unwrap();
        std::fs::write(a.join("shot.PNG"), b"\xFF\xD8\xFF\xE0\0\x10JFIF\0").unwrap();
        assert_eq!(r.bundle_file("/logo.jpg"), Ref::Rewrite("logo.svg".into()));
        assert_eq!(r.link("/logo.jpg"), Ref::Rewrite("logo.svg".into()));
        assert_eq!(r.link("shot.PNG"), Ref::Rewrite("shot.jpg".into()));
        assert_eq!(r.renamed.len(), 2, "{:?}", r.renamed);
    }

    #[test]
    fn a_cover_named_from_the_content_folder_is_the_bundle_file() {
        let png = "\u{89}PNG\r\n\u{1a}\n";
        let (dir, map, page) = test_page(&[("logo.png", png)]);
        let other = dir.path().join("content/projects/b");
        std::fs::create_dir_all(&other).unwrap();
        std::fs::write(other.join("shot.png"), png).unwrap();
        let mut r = Refs::new(&map, &page, page.parent());
        assert_eq!(
            r.cover("projects/a/logo.png"),
            Ref::Rewrite("logo.png".into())
        );
        assert_eq!(
            r.cover("projects/b/shot.png"),
            Ref::Rewrite("shot.png".into())
        );
        assert_eq!(r.copies.len(), 1);
        assert!(matches!(r.cover("projects/a/gone.png"), Ref::Broken(_)));
        // Never a file outside content/.
        std::fs::write(dir.path().join("out.png"), png).unwrap();
        assert!(matches!(r.cover("../out.png"), Ref::Broken(_)));
    }

    #[test]
    fn a_name_in_another_letter_case_finds_the_one_file() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("content/projects/a");
        std::fs::create_dir_all(&a).unwrap();
        for f in ["ihm_sch.png", "Two.png", "two.PNG"] {
            std::fs::write(a.join(f), "x").unwrap();
        }
        let map = site(dir.path());
        let mut r = Refs::new(&map, &a.join("index.md"), Some(&a));
        assert_eq!(
            r.bundle_file("IHM_sch.png"),
            Ref::Rewrite("ihm_sch.png".into())
        );
        assert!(r.renamed[0].contains("IHM_sch.png → ihm_sch.png"));
        assert!(
            matches!(r.bundle_file("TWO.png"), Ref::Broken(_)),
            "two files match"
        );
    }
}
