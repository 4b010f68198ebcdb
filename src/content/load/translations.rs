//! Translations: `<name>.<code>.<ext>` beside `<name>.<ext>` (`project.zh.md`,
//! a bundle's `index.zh.md`, `profile.zh.yaml`) for a configured language
//! other than the default. Loading that language, a translation's keys
//! override the default file's (merged as YAML mappings before they are read,
//! so a translator writes only text) and its body, when not empty, replaces
//! the default body.

use serde::de::DeserializeOwned;
use serde_yaml::Value;

use super::*;
use crate::content::frontmatter::Split;

/// What an entry's file gives it once translated (or not).
pub(super) struct Text<FM> {
    /// The file of the front matter: the translation when there is one
    /// (errors in its keys point at it).
    pub(super) file: SourceFile,
    /// The file of the body when it is not `file`: a translation with an
    /// empty body uses the default file's (errors in the body point at it).
    pub(super) body_file: Option<SourceFile>,
    pub(super) fm: FM,
    pub(super) body: String,
    pub(super) body_first_line: usize,
    /// A translation for this load's language exists.
    pub(super) translated: bool,
}

impl<FM> Text<FM> {
    /// The text of an entry as its own file has it (no translation read).
    pub(super) fn of(file: &SourceFile, split: &Split<'_>, fm: FM, translated: bool) -> Text<FM> {
        Text {
            file: file.clone(),
            body_file: None,
            fm,
            body: split.body.to_string(),
            body_first_line: split.body_first_line,
            translated,
        }
    }
}

impl Loader {
    /// Whether `path` is a translation (`x.zh.md` with `zh` a language besides the default).
    pub(super) fn is_translation(&self, path: &Path) -> bool {
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            return false;
        };
        stem.rsplit_once('.').is_some_and(|(name, code)| {
            !name.is_empty() && self.other_codes.iter().any(|c| c == code)
        })
    }

    /// The translation of `path` for this load's language, if it exists.
    pub(super) fn translation_of(&self, path: &Path) -> Option<PathBuf> {
        if self.lang_prefix.is_empty() {
            return None;
        }
        let stem = path.file_stem()?.to_str()?;
        let name = match path.extension().and_then(|e| e.to_str()) {
            Some(ext) => format!("{stem}.{}.{ext}", self.lang),
            None => format!("{stem}.{}", self.lang),
        };
        Some(path.with_file_name(name)).filter(|p| p.is_file())
    }

    /// The front matter and body of `file`, overlaid by its translation for
    /// this load's language when there is one.
    pub(super) fn translate<FM: DeserializeOwned>(
        &self,
        file: &SourceFile,
        split: &Split,
    ) -> crate::Result<Option<Text<FM>>> {
        let Some(path) = self.translation_of(&file.path) else {
            return Ok(None);
        };
        // The default file alone must be right too: its errors name it.
        frontmatter::parse::<FM>(file, split)?;
        let tfile = source::read(&self.root, &path)?;
        let tsplit = frontmatter::split(&tfile)?;
        let base: Value = frontmatter::parse(file, split)?;
        let over: Value = frontmatter::parse(&tfile, &tsplit)?;
        let own = (!tsplit.toml).then_some((tsplit.yaml, tsplit.yaml_first_line));
        let fm = overlay(
            base,
            over,
            own,
            || frontmatter::parse::<FM>(&tfile, &tsplit),
            &tfile,
        )?;
        let own_body = !tsplit.body.trim().is_empty();
        let (body, body_first_line, body_file) = match own_body {
            true => (tsplit.body.to_string(), tsplit.body_first_line, None),
            false => (
                split.body.to_string(),
                split.body_first_line,
                Some(file.clone()),
            ),
        };
        Ok(Some(Text {
            file: tfile,
            body_file,
            fm,
            body,
            body_first_line,
            translated: true,
        }))
    }

    /// A YAML file (`profile.yaml`) read as a `T`, overlaid by its
    /// translation for this load's language when there is one.
    pub(super) fn read_yaml<T: DeserializeOwned>(&self, file: &SourceFile) -> crate::Result<T> {
        let Some(path) = self.translation_of(&file.path) else {
            return yaml::parse(file, &file.text, 1);
        };
        let tfile = source::read(&self.root, &path)?;
        let base: Value = yaml::parse(file, &file.text, 1)?;
        // The default file alone must be right too.
        yaml::parse::<T>(file, &file.text, 1)?;
        let over: Value = yaml::parse(&tfile, &tfile.text, 1)?;
        overlay(
            base,
            over,
            Some((&tfile.text, 1)),
            || yaml::parse::<T>(&tfile, &tfile.text, 1),
            &tfile,
        )
    }
}

/// `base` with the top-level keys of `over` replacing its own, read as a `T`.
/// With the translation's YAML text (`own`: the text and its first line), it
/// is read as that text followed by the default file's other keys, so its
/// values mean what they mean in its own file (`summary: 2024` is text) and
/// an error in one of its keys points at that key's line.
/// Else, or when the error is not in the translation's lines, `alone` reads
/// the translation by itself, which reports a bad key at its line.
fn overlay<T: DeserializeOwned>(
    base: Value,
    over: Value,
    own: Option<(&str, usize)>,
    alone: impl FnOnce() -> crate::Result<T>,
    tfile: &SourceFile,
) -> crate::Result<T> {
    let mut map = match base {
        Value::Mapping(m) => m,
        _ => serde_yaml::Mapping::new(),
    };
    let over = match over {
        Value::Mapping(m) => m,
        Value::Null => serde_yaml::Mapping::new(),
        _ => {
            return Err(Error::single(
                Diagnostic::error("this translation is not a list of keys")
                    .in_file(&tfile.display)
                    .at(1, None, Some(&tfile.text))
                    .with_help("write only the keys to translate, e.g. `title: 我的项目`"),
            ));
        }
    };
    if let Some((text, first_line)) = own
        && let Some(merged) = merged_text(&map, &over, text)
    {
        match yaml::parse::<T>(tfile, &merged, first_line) {
            Ok(t) => return Ok(t),
            Err(e) if in_lines(&e, first_line, text) => return Err(e),
            Err(_) => {}
        }
    }
    map.extend(over);
    serde_yaml::from_value(Value::Mapping(map)).map_err(|e| match alone() {
        Err(err) => err,
        Ok(_) => Error::single(
            Diagnostic::error(format!("this translation cannot be read: {e}"))
                .in_file(&tfile.display)
                .at(1, None, Some(&tfile.text)),
        ),
    })
}

/// The translation's `text` followed by the keys of `base` it leaves out,
/// when that reads as the one mapping of both (not for a translation in flow
/// style, `{title: 甲}`, or with a document marker).
fn merged_text(
    base: &serde_yaml::Mapping,
    over: &serde_yaml::Mapping,
    text: &str,
) -> Option<String> {
    let rest: serde_yaml::Mapping = base
        .iter()
        .filter(|(k, _)| !over.contains_key(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut merged = text.trim_end().to_string();
    if !rest.is_empty() {
        merged.push('\n');
        merged.push_str(&serde_yaml::to_string(&rest).ok()?);
    }
    let keys = rest.len() + over.len();
    match serde_yaml::from_str::<Value>(&merged).ok()? {
        Value::Mapping(m) if m.len() == keys => Some(merged),
        Value::Null if keys == 0 => Some(merged),
        _ => None,
    }
}

/// Whether the first problem of `e` is on a line of the translation's `text`.
fn in_lines(e: &Error, first_line: usize, text: &str) -> bool {
    let last = first_line + text.trim_end().lines().count();
    e.diagnostics
        .first()
        .and_then(|d| d.line)
        .is_some_and(|l| (first_line..last).contains(&l))
}

#[cfg(test)]
mod tests {
    use crate::content::{LoadOptions, load};

    /// A two-language site with one project `a.md`, its translation
    /// `a.zh.md`, and the Chinese load's first problem.
    fn first_problem(default: &str, translation: &str) -> (String, Option<usize>, String) {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("folio.yaml", "title: T\nlanguages: [en, zh]\n");
        write(
            "content/profile.yaml",
            "name: Ana\ntitle: Writer\noverview: I write.\n",
        );
        write("content/projects/a.md", default);
        write("content/projects/a.zh.md", translation);
        let opts = LoadOptions {
            lang: Some("zh".into()),
            ..LoadOptions::default()
        };
        let e = match load(dir.path(), &opts) {
            Ok(_) => panic!("the site loads"),
            Err(e) => e,
        };
        let d = &e.diagnostics[0];
        let file = d
            .file
            .as_ref()
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        (file, d.line, d.message.clone())
    }

    #[test]
    fn a_bad_key_in_the_default_file_names_the_default_file() {
        let (file, line, message) = first_problem(
            "---\ntitle: A\ndate: 2024-01-01\nsumary: S\n---\nBody.\n",
            "---\ntitle: 甲\n---\n正文。\n",
        );
        assert_eq!(file, "content/projects/a.md", "{message}");
        assert_eq!(line, Some(4), "{message}");
        assert!(message.contains("sumary"), "{message}");
    }

    #[test]
    fn a_translation_without_body_owns_its_front_matter_errors() {
        let (file, line, message) = first_problem(
            "---\ntitle: A\ndate: 2024-01-01\nsummary: S\n---\nBody.\n",
            "---\ntitle: 甲\nslug: not a slug\n---\n",
        );
        assert_eq!(file, "content/projects/a.zh.md", "{message}");
        assert_eq!(line, Some(3), "{message}");
    }

    #[test]
    fn a_translation_without_body_leaves_body_errors_to_the_default_file() {
        let (file, line, message) = first_problem(
            "---\ntitle: A\ndate: 2024-01-01\nsummary: S\n---\nSee [b](b.md).\n",
            "---\ntitle: 甲\n---\n",
        );
        assert_eq!(file, "content/projects/a.md", "{message}");
        assert_eq!(line, Some(6), "{message}");
    }

    /// A translation's values read as the default file's are (`summary: 2024`
    /// is text), and a bad one is reported at its own line, not at line 1.
    #[test]
    fn a_translation_value_is_read_as_in_its_own_file_and_located_at_its_key() {
        let (file, line, message) = first_problem(
            "---\ntitle: A\ndate: 2024-01-01\nsummary: S\n---\nBody.\n",
            "---\ntitle: 甲\nsummary: 2024\ncover: 7\n---\n",
        );
        assert_eq!(file, "content/projects/a.zh.md", "{message}");
        assert_eq!(line, Some(4), "{message}");
        assert!(message.contains("`7` does not exist"), "{message}");
    }

    /// `profile.zh.yaml` with a number for a text (`title: 2024`) loads, as
    /// it would in `profile.yaml`.
    #[test]
    fn a_profile_translation_value_is_read_as_in_its_own_file() {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| std::fs::write(dir.path().join(rel), text).unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        write("folio.yaml", "title: T\nlanguages: [en, zh]\n");
        write(
            "content/profile.yaml",
            "name: Ana\ntitle: Writer\noverview: I write.\n",
        );
        write("content/profile.zh.yaml", "# 中文\ntitle: 2024\n");
        let opts = LoadOptions {
            lang: Some("zh".into()),
            ..LoadOptions::default()
        };
        let site = load(dir.path(), &opts).map_err(|e| e.diagnostics[0].message.clone());
        assert_eq!(site.unwrap().0.profile.title, "2024");
    }
}
