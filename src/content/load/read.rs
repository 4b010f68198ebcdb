//! Stage 2, reading and parsing: each file's front matter, slug and URL, in parallel.

use super::*;

/// Gives the entry already read from a file with this stamp, if any.
pub(super) type Reuse<'a, FM> = dyn Fn(&Path, &Stamp) -> Option<Arc<Entry<FM>>> + Sync + 'a;

/// What reading a section gave.
pub(super) struct Read<FM> {
    /// Every entry that loaded, in file order.
    pub(super) entries: Vec<Arc<Entry<FM>>>,
    /// Those of them read from disk now (not reused), with their stamps.
    pub(super) read: Vec<(Stamp, Arc<Entry<FM>>)>,
    pub(super) listing: Arc<Listing>,
}

/// A parsed entry, or its content-relative path and the problem (if not reported yet).
pub(super) type Parsed<FM> = Result<Entry<FM>, (String, Error)>;

/// Front matter types that may set their own slug.
pub(super) trait HasSlug {
    fn slug(&self) -> Option<&str>;
}

impl HasSlug for ProjectFrontMatter {
    fn slug(&self) -> Option<&str> {
        self.slug.as_deref()
    }
}

/// Front matter types that may mark their entry a draft.
pub(super) trait Draft {
    fn draft(&self) -> bool;
}
impl Draft for ProjectFrontMatter {
    fn draft(&self) -> bool {
        self.draft
    }
}
impl Draft for PageFrontMatter {
    fn draft(&self) -> bool {
        self.draft
    }
}

impl HasSlug for PageFrontMatter {
    fn slug(&self) -> Option<&str> {
        self.slug.as_deref()
    }
}

impl Loader {
    /// A page may not take the slug of a section folio generates.
    pub(super) fn check_reserved(&self, pages: &[Arc<Entry<PageFrontMatter>>], out: &mut Out) {
        for p in pages {
            if RESERVED.contains(&p.slug.as_str()) {
                out.diags.push(
                    Diagnostic::error(format!(
                        "the page slug `{}` is taken by a section folio generates",
                        p.slug
                    ))
                    .in_file(&p.file.display)
                    .with_help("give the page another `slug:` in its front matter"),
                );
            }
        }
    }

    pub(super) fn read_source(&self, path: &Path, out: &mut Out) -> Option<SourceFile> {
        match source::read(&self.root, path) {
            Ok(f) => Some(f),
            Err(e) => {
                out.diags.extend(e.diagnostics);
                None
            }
        }
    }

    pub(super) fn read_profile(&self, out: &mut Out) -> Option<(SourceFile, ProfileFile)> {
        let path = self.content.join("profile.yaml");
        if !path.is_file() {
            out.diags.push(
                Diagnostic::error("the site has no profile")
                    .in_file("content/profile.yaml")
                    .with_help("create content/profile.yaml with at least `name:`, `title:` and `overview:`"),
            );
            return None;
        }
        let file = self.read_source(&path, out)?;
        match self.read_yaml::<ProfileFile>(&file) {
            Ok(p) => Some((file, p)),
            Err(e) => {
                out.diags.extend(e.diagnostics);
                None
            }
        }
    }

    pub(super) fn read_specialized(
        &self,
        out: &mut Out,
    ) -> Vec<(SourceFile, SpecializedProfileFile)> {
        let dir = self.content.join("profiles");
        let mut profiles = Vec::new();
        let files = self.list_files(&dir, &["yaml", "yml"]);
        for path in files.into_iter().filter(|p| !self.is_translation(p)) {
            let Some(file) = self.read_source(&path, out) else {
                continue;
            };
            match self.read_yaml::<SpecializedProfileFile>(&file) {
                Ok(p) => profiles.push((file, p)),
                Err(e) => out.diags.extend(e.diagnostics),
            }
        }
        profiles
    }

    /// Reads `content/<section>/*.md` and `content/<section>/<name>/index.md`.
    /// With a cache, `reuse` gives the entry already read from a file with
    /// this stamp, if any; without one, no file's stamp is looked at.
    /// Returns the entries, and those of them that were read now.
    pub(super) fn read_entries<FM: serde::de::DeserializeOwned + HasSlug + Send + Sync>(
        &mut self,
        section: &str,
        listing: Option<Arc<Listing>>,
        reuse: Option<&Reuse<'_, FM>>,
        out: &mut Out,
    ) -> Read<FM> {
        // A listing from the last load is kept while the watcher saw no file
        // come or go; each file's stamp is still checked.
        let listing = match listing {
            Some(l) => l,
            None => Arc::new(self.list_entries(section)),
        };
        out.diags.extend(listing.warnings.iter().cloned());
        let found = &listing.files;
        // Each file is read and parsed on its own, in parallel; results are
        // merged in file order so messages and output never depend on timing.
        type One<FM> = (Option<Stamp>, Result<Arc<Entry<FM>>, (String, Error)>);
        let parsed: Vec<One<FM>> = found
            .par_iter()
            .map(|(path, bundle)| {
                // Only a load with a cache looks at the files' stamps.
                let stamp = reuse.and_then(|_| Stamp::of(path));
                if let (Some(stamp), Some(reuse)) = (&stamp, reuse)
                    && let Some(entry) = reuse(path, stamp)
                {
                    return (None, Ok(entry));
                }
                (
                    stamp,
                    self.parse_entry::<FM>(section, path, bundle.as_deref())
                        .map(Arc::new),
                )
            })
            .collect();
        let mut entries = Vec::with_capacity(parsed.len());
        let mut read = Vec::new();
        for ((_, _), (stamp, result)) in found.iter().zip(parsed) {
            match result {
                Ok(entry) => {
                    if let Some(stamp) = stamp {
                        read.push((stamp, entry.clone()));
                    }
                    entries.push(entry)
                }
                Err((rel, e)) => {
                    out.diags.extend(e.diagnostics);
                    self.failed.insert(rel);
                }
            }
        }
        Read {
            entries,
            read,
            listing,
        }
    }

    /// Reads and parses one content file: its front matter, slug and URL.
    /// On failure returns its content-relative path and the problem.
    pub(super) fn parse_entry<FM: serde::de::DeserializeOwned + HasSlug>(
        &self,
        section: &str,
        path: &Path,
        bundle: Option<&Path>,
    ) -> Parsed<FM> {
        let rel = source::display_path(&self.content, path)
            .to_string_lossy()
            .replace('\\', "/");
        let file = source::read(&self.root, path).map_err(|e| (rel.clone(), e))?;
        let split = frontmatter::split(&file).map_err(|e| (rel.clone(), e))?;
        let text = match self.translate::<FM>(&file, &split) {
            Ok(Some(t)) => t,
            Ok(None) => {
                let fm: FM = frontmatter::parse(&file, &split).map_err(|e| {
                    // Its body is still checked, so one run reports both.
                    self.orphans.keep(&file, &rel, bundle);
                    (rel.clone(), e)
                })?;
                translations::Text::of(&file, &split, fm, self.lang_prefix.is_empty())
            }
            Err(e) => return Err((rel, e)),
        };
        let translations::Text {
            file,
            body_file,
            fm,
            body,
            body_first_line,
            translated,
        } = text;
        let stem = match bundle {
            Some(dir) => dir.file_name(),
            None => path.file_stem(),
        }
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
        let slug = entry_slug(&file, fm.slug(), &stem).map_err(|e| (rel.clone(), e))?;
        let out_path = if section == "pages" {
            format!("{slug}/")
        } else {
            format!("{section}/{slug}/")
        };
        let location = self.location(&out_path);
        Ok(Entry {
            file,
            body_file,
            fm,
            body,
            body_first_line,
            rel,
            bundle: bundle.map(Path::to_path_buf),
            slug,
            location,
            translated,
        })
    }

    pub(super) fn check_duplicate_slugs<FM>(
        &self,
        entries: &[Arc<Entry<FM>>],
        what: &str,
        out: &mut Out,
    ) {
        let mut seen: BTreeMap<&str, &Entry<FM>> = BTreeMap::new();
        for e in entries {
            if let Some(first) = seen.get(e.slug.as_str()) {
                out.diags.push(
                    Diagnostic::error(format!(
                        "two {what}s have the slug `{}`: {} and {}",
                        e.slug,
                        first.file.display.display(),
                        e.file.display.display()
                    ))
                    .in_file(&e.file.display)
                    .with_help(
                        "give one of them another `slug:` in its front matter, or rename the file",
                    ),
                );
            } else {
                seen.insert(&e.slug, e);
            }
        }
    }
}

/// The slug of an entry: its front matter's `slug` (checked), else one made
/// from its file or bundle name `stem`.
fn entry_slug(file: &SourceFile, given: Option<&str>, stem: &str) -> Result<String, Error> {
    if let Some(s) = given {
        return match check_slug(s) {
            Ok(()) => Ok(s.to_string()),
            Err(e) => Err(Error::single(
                places::Places::new(file)
                    .at(Diagnostic::error(e.message()), "slug")
                    .with_help("a slug is one URL segment of letters, digits and dashes, e.g. `slug: my-project`"),
            )),
        };
    }
    let s = slugify(stem);
    if s.is_empty() {
        return Err(Error::single(
            Diagnostic::error(format!("cannot make a URL from the file name `{stem}`"))
                .in_file(&file.display)
                .with_help("add `slug: a-name` to the front matter"),
        ));
    }
    Ok(s)
}
