//! Stage 3, links: Markdown rendered with its links resolved to pages and files.

use super::pagefiles;
use super::*;

/// Every `.md` file a link may point at (content-relative path → its URL),
/// with drafts marked (a link to one is an error).
pub(super) fn link_targets(
    projects: &[Arc<Entry<ProjectFrontMatter>>],
    draft_projects: &[Arc<Entry<ProjectFrontMatter>>],
    draft_pages: &[Arc<Entry<PageFrontMatter>>],
    pages: &[Arc<Entry<PageFrontMatter>>],
) -> Targets {
    let mut targets = Targets::default();
    let mut add = |rel: &String, location: &Location, draft: bool| {
        let url = location.url.clone();
        targets.insert(rel.clone(), Target { url, draft });
    };
    for p in projects {
        add(&p.rel, &p.location, false);
    }
    for p in draft_projects {
        add(&p.rel, &p.location, true);
    }
    for p in draft_pages {
        add(&p.rel, &p.location, true);
    }
    for p in pages {
        add(&p.rel, &p.location, false);
    }
    targets
}

impl Loader {
    pub(super) fn check_links(
        &self,
        links: &Links,
        file: &SourceFile,
        out: &mut Out,
    ) -> Vec<crate::content::files::Link> {
        for l in &links.0 {
            let u = l.url.trim();
            if !(u.starts_with("https://") || u.starts_with("http://") || u.starts_with("mailto:"))
            {
                let d = Diagnostic::warning(format!(
                    "the link `{}` is not a full URL: `{}`",
                    l.name, l.url
                ));
                out.diags.push(
                    Places::new(file)
                        .at_text(d, "links", &l.url)
                        .with_help("write it with https://, e.g. https://github.com/ana"),
                );
            }
        }
        links.0.clone()
    }

    /// Renders a Markdown body, resolving its links and expanding its
    /// shortcodes; link problems, shortcode errors and notices become diagnostics.
    pub(super) fn render_markdown<FM>(
        &self,
        e: &Entry<FM>,
        md: &str,
        first_line: usize,
        targets: &Targets,
        out: &mut Out,
    ) -> String {
        let mut assets: Vec<Asset> = Vec::new();
        let mut lookups: Vec<Lookup> = Vec::new();
        let mut files = pagefiles::BundleFiles::new(self, e, targets);
        let rendered = {
            let opts = markdown::RenderOptions {
                math: self.config.markdown.math,
                shortcodes: self.shortcodes.as_ref(),
                files: Some(&mut files),
                highlight: self.highlight.as_deref(),
            };
            markdown::render_with(md, opts, |dest, _is_image| {
                self.resolve_link(e, dest, targets, &mut assets, &mut lookups)
            })
        };
        let (file_assets, file_lookups) = files.into_parts();
        out.assets.extend(assets.into_iter().chain(file_assets));
        out.lookups.extend(lookups.into_iter().chain(file_lookups));
        // Problems of the body point at the file it comes from.
        let file = e.body_file.as_ref().unwrap_or(&e.file);
        for p in rendered.problems {
            out.diags.push(
                Diagnostic::error(p.message.clone())
                    .in_file(&file.display)
                    .at(p.line + first_line - 1, Some(p.column), Some(&file.text))
                    .with_help(
                        "link to another page by its file (`../other.md`, `@/projects/other.md`); link files beside this page by name",
                    ),
            );
        }
        let display = file.display.to_string_lossy();
        for n in &rendered.notices {
            out.diags
                .push(n.to_diagnostic(&display, first_line, &file.text));
        }
        rendered.html
    }

    /// A root-relative link (`/x/y`, without the base path) must name a file
    /// of `static/`, a page of the site, a file of a project's bundle, or a
    /// generated page (skills, tags, feeds).
    fn check_site_path(&self, site_path: &str, dest: &str, targets: &Targets) -> crate::Result<()> {
        let p = site_path.trim_start_matches('/');
        let page = p.trim_end_matches("index.html").trim_end_matches('/');
        let static_file = normalize(p).map(|r| self.root.join("static").join(r));
        if page.is_empty()
            || static_file.is_some_and(|f| f.is_file() || f.join("index.html").is_file())
        {
            return Ok(());
        }
        const GENERATED: &[&str] = &[
            "projects",
            "skills",
            "resume",
            "resume.json",
            "feed.xml",
            "sitemap.xml",
            "404.html",
            "robots.txt",
        ];
        let first = page.split('/').next().unwrap_or_default();
        if GENERATED.contains(&page) || ["skills", "tags", "profiles"].contains(&first) {
            return Ok(());
        }
        // The page itself, or a file of a bundle (`/projects/a/pic.png` beside
        // content/projects/a/index.md): the page at each `/` of the path.
        let prefixes = page.match_indices('/').map(|(i, _)| &page[..i]);
        for url in std::iter::once(page).chain(prefixes) {
            let base = format!("{}{}", self.base_path, self.lang_prefix);
            let Some((rel, t)) = targets.at_url(&base, url) else {
                continue;
            };
            if url == page {
                return match t.draft {
                    true => Err(Error::msg(format!(
                        "the link `{dest}` points at a draft; it would be broken on the published site"
                    ))),
                    false => Ok(()),
                };
            }
            let file = &page[url.len() + 1..];
            let dir = Path::new(rel)
                .parent()
                .filter(|_| rel.ends_with("/index.md") || rel.ends_with("/index.markdown"));
            if let Some(dir) = dir
                && !url.is_empty()
                && self.content.join(dir).join(file).is_file()
            {
                return Ok(());
            }
        }
        Err(Error::msg(format!(
            "broken link `{dest}`: there is no static/{p} and no page at /{p}"
        )))
    }

    pub(super) fn resolve_link<FM>(
        &self,
        e: &Entry<FM>,
        dest: &str,
        targets: &Targets,
        assets: &mut Vec<Asset>,
        lookups: &mut Vec<Lookup>,
    ) -> crate::Result<Resolved> {
        if markdown::is_external_or_fragment(dest) || dest.is_empty() {
            return Ok(Resolved::Keep);
        }
        let (path, fragment) = match dest.find(['#', '?']) {
            Some(i) => (&dest[..i], &dest[i..]),
            None => (dest, ""),
        };
        let path = percent_encoding::percent_decode_str(path)
            .decode_utf8_lossy()
            .into_owned();
        if let Some(site_path) = path.strip_prefix('/') {
            // Site-absolute: make it honour the base path.
            if self.base_path != "/" && path.starts_with(&self.base_path) {
                self.check_site_path(&path[self.base_path.len()..], dest, targets)?;
                return Ok(Resolved::Keep);
            }
            self.check_site_path(site_path, dest, targets)?;
            return Ok(Resolved::Url(format!(
                "{}{}{fragment}",
                self.base_path,
                crate::slug::encode_path(site_path)
            )));
        }
        let (target, from_root) = match path.strip_prefix("@/") {
            Some(rest) => (normalize(rest), true),
            None => {
                let dir = Path::new(&e.rel)
                    .parent()
                    .map(|p| p.to_string_lossy().replace('\\', "/"))
                    .unwrap_or_default();
                (normalize(&format!("{dir}/{path}")), false)
            }
        };
        let Some(target) = target else {
            return Err(Error::msg(format!(
                "the link `{dest}` points outside the content folder"
            )));
        };
        if target.ends_with(".md") || target.ends_with(".markdown") {
            if self.caching {
                lookups.push(Lookup::new(
                    &target,
                    targets.get(&target),
                    self.failed.contains(&target),
                ));
            }
            return match targets.get(&target) {
                Some(t) if t.draft => Err(Error::msg(format!(
                    "the link `{dest}` points at a draft; it would be broken on the published site"
                ))),
                Some(t) => Ok(Resolved::Url(format!("{}{fragment}", t.url))),
                // Reported already where it failed to load.
                None if self.failed.contains(&target) => Ok(Resolved::Keep),
                None => Err(Error::msg(format!(
                    "broken link `{dest}`: there is no content/{target}"
                ))),
            };
        }
        if from_root {
            return Err(Error::msg(format!(
                "`@/` links point at Markdown pages; `{dest}` is not one (put files in static/ and link them as /file)"
            )));
        }
        let asset = self.asset_for(e, &path)?;
        let url = self.asset_url(&asset);
        assets.push(asset);
        Ok(Resolved::Url(format!("{url}{fragment}")))
    }
}
