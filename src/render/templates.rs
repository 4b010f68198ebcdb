//! A theme's templates, compiled, and Tera's errors as diagnostics.

use std::collections::HashMap;
use std::path::Path;

use tera::{Kwargs, State, Tera};

use super::cache::hash_of;
use crate::content::model::Site;
use crate::diagnostics::{Diagnostic, Error};
use crate::slug::join_encoded;
use crate::source::in_file;
use crate::template_vars::Uses;
use crate::theme::{Origin, Theme};

/// A theme's templates, compiled, with the names and sources they were compiled from.
pub struct Templates {
    pub tera: Tera,
    sources: Vec<(String, String)>,
}

impl Templates {
    /// Identifies the templates (names and sources).
    pub(super) fn key(&self) -> u64 {
        hash_of(&self.sources)
    }

    /// What each template can read of the site-wide variables.
    pub(super) fn uses(&self) -> HashMap<String, Uses> {
        crate::template_vars::uses(self.sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
    }
}

/// Compiles a theme's templates; template syntax errors are reported here.
/// `url(path=…)` gives a file's URL under the base path (the same in every
/// language), `lang_url(path=…)` a page's in the site's language.
pub fn templates(theme: &Theme, site: &Site) -> Result<Templates, Error> {
    let mut tera = Tera::new();
    let base_path = site.base_path.clone();
    tera.register_function(
        "url",
        move |kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
            let path: &str = kwargs.must_get("path")?;
            Ok(join_encoded(&base_path, path.trim_start_matches('/')))
        },
    );
    // `lang_url`: a page of this language (`/portfolio/zh/projects/`).
    // Percent-encoding is per byte, so the prefix is encoded once, here.
    let lang_base = join_encoded(&site.base_path, &site.lang_prefix);
    tera.register_function(
        "lang_url",
        move |kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
            let path: &str = kwargs.must_get("path")?;
            Ok(join_encoded(&lang_base, path.trim_start_matches('/')))
        },
    );
    let mut sources: Vec<(String, String)> = Vec::new();
    let mut diags = Vec::new();
    let mut add = |name: String, file: &crate::theme::ThemeFile| match file.bytes() {
        Ok(bytes) => match crate::source::decode(&bytes) {
            Ok(text) => sources.push((name, text)),
            Err(e) => diags.extend(in_file(e, Path::new(&file.display)).diagnostics),
        },
        Err(e) => diags.extend(Error::io("cannot read", Path::new(&file.display), e).diagnostics),
    };
    for (name, file) in &theme.theme_templates {
        add(format!("theme/{name}"), file);
    }
    for (name, file) in &theme.templates {
        add(name.clone(), file);
    }
    if !diags.is_empty() {
        return Err(Error::new(diags));
    }
    tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| Error::single(template_error(&e, theme)))?;
    for required in [
        "index.html",
        "projects.html",
        "project.html",
        "skills.html",
        "skill.html",
        "profile.html",
        "resume.html",
        "page.html",
        "404.html",
    ] {
        if !tera.contains_template(required) {
            return Err(Error::single(
                Diagnostic::error(format!(
                    "the theme `{}` has no template `{required}`",
                    theme.name
                ))
                .with_help(format!(
                    "add templates/{required} to the site or to the theme"
                )),
            ));
        }
    }
    Ok(Templates { tera, sources })
}

/// Turns a Tera error into a diagnostic naming the template file, line and column.
pub fn template_error(err: &tera::Error, theme: &Theme) -> Diagnostic {
    use tera::ErrorKind;
    let file_of = |name: &str| {
        let (map, key) = match name.strip_prefix("theme/") {
            Some(rest) => (&theme.theme_templates, rest),
            None => (&theme.templates, name),
        };
        map.get(key)
    };
    match err.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
            let span = r.span();
            let file = file_of(r.filename());
            let text = file
                .and_then(|f| f.bytes().ok())
                .map(|b| String::from_utf8_lossy(&b).into_owned());
            let mut d = Diagnostic::error(format!("template error: {}", r.message()))
                .in_file(file.map_or_else(|| r.filename().to_string(), |f| f.display.clone()))
                .at(span.start_line, Some(span.start_col + 1), text.as_deref());
            if let Some(f) = file
                && let Origin::Builtin(_) = f.origin
            {
                d = d.with_help(
                    "this is in a built-in theme; if you override its templates, check that your templates/ give every variable it uses",
                );
            }
            d
        }
        _ => {
            let mut msg = err.to_string();
            let mut source = std::error::Error::source(err);
            while let Some(s) = source {
                msg.push_str(&format!(": {s}"));
                source = s.source();
            }
            Diagnostic::error(format!("template error: {msg}"))
        }
    }
}
