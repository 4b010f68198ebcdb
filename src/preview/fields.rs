//! One profile of the preview page: its fields in the platform's order, in
//! groups (portfolio items, jobs, schools), each with count, limit, findings
//! and a Copy button.

use std::fmt::Write;

use crate::content::model::Site;
use crate::diagnostics::Diagnostic;
use crate::export::{Field, ProfileExport, fold_split, thousands};
use crate::platform::Platform;
use crate::util::escape_markup;

/// The id of a profile's section: `profile-general`, `profile-writer`.
pub(super) fn profile_id(e: &ProfileExport) -> String {
    format!("profile-{}", e.profile)
}

/// `General profile`, `Specialized profile “writer”`.
pub(super) fn profile_name(e: &ProfileExport) -> String {
    if e.profile == "general" {
        "General profile".into()
    } else {
        format!("Specialized profile “{}”", e.profile)
    }
}

/// `1 error, 2 warnings` or `no problems`.
pub(super) fn tally(e: &ProfileExport) -> String {
    let errors = e.errors();
    let warnings = e.findings.len() - errors;
    let n = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    match (errors, warnings) {
        (0, 0) => "no problems".into(),
        (e, 0) => n(e, "error"),
        (0, w) => n(w, "warning"),
        (e, w) => format!("{}, {}", n(e, "error"), n(w, "warning")),
    }
}

/// Fields of one portfolio item, job or school: `portfolio.2.title` is in ("portfolio", "2").
struct Group<'a> {
    kind: &'a str,
    n: &'a str,
    fields: Vec<&'a Field>,
}

/// Portfolio items (jobs, schools) shown per profile: a page for thousands
/// would be too large for the browser to be of use.
const MAX_ENTRIES: usize = 60;

/// The sections of a profile, in the platform's order, and the heading of each.
const SECTIONS: &[(&str, &str)] = &[
    ("portfolio", "Portfolio"),
    ("employment", "Employment history"),
    ("languages", "Languages"),
    ("education", "Education"),
    ("certifications", "Certifications"),
];

/// One profile: heading, tally, its own findings, then the fields.
pub(super) fn profile(html: &mut String, site: &Site, e: &ProfileExport) {
    let pid = profile_id(e);
    let _ = write!(
        html,
        "<section class=\"profile\" id=\"{pid}\" aria-labelledby=\"{pid}-h\">\n<h2 id=\"{pid}-h\">{} <span class=\"src\">{}</span></h2>\n<p class=\"tally\">{}</p>\n",
        escape_markup(&profile_name(e)),
        escape_markup(&e.source),
        tally(e)
    );
    // Findings about the whole profile (how many specialized profiles there are).
    findings(html, e.profile_findings.iter().collect());
    let single = |f: &&Field| !f.id.contains('.');
    html.push_str("<div class=\"card\">\n");
    for f in e.fields.iter().filter(single) {
        if !matches!(f.id.as_str(), "languages" | "certifications") {
            field(html, f, &pid, e.platform, None, "h3");
        }
    }
    html.push_str("</div>\n");
    let groups = groups(&e.fields);
    for (kind, heading) in SECTIONS {
        let in_section: Vec<&Group> = groups.iter().filter(|g| g.kind == *kind).collect();
        let lone = e.fields.iter().find(|f| f.id == *kind);
        if in_section.is_empty() && lone.is_none() {
            continue;
        }
        let _ = write!(
            html,
            "<h3 class=\"section\" id=\"{pid}-section-{kind}\">{heading}</h3>\n<div class=\"{kind}\">\n"
        );
        if let Some(f) = lone {
            field(html, f, &pid, e.platform, None, "h4");
        }
        for g in in_section.iter().take(MAX_ENTRIES) {
            group(html, site, e, &pid, g);
        }
        if in_section.len() > MAX_ENTRIES {
            let _ = writeln!(
                html,
                "<p class=\"note\">And {} more: <code>folio profile</code> prints them all.</p>",
                in_section.len() - MAX_ENTRIES
            );
        }
        html.push_str("</div>\n");
    }
    html.push_str("</section>\n");
}

/// The fields with ids `KIND.N.KEY`, grouped by `KIND.N` in order.
fn groups(fields: &[Field]) -> Vec<Group<'_>> {
    let mut out: Vec<Group> = Vec::new();
    for f in fields {
        let mut parts = f.id.splitn(3, '.');
        let (Some(kind), Some(n), Some(_)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        match out.last_mut() {
            Some(g) if g.kind == kind && g.n == n => g.fields.push(f),
            _ => out.push(Group {
                kind,
                n,
                fields: vec![f],
            }),
        }
    }
    out
}

/// A portfolio item (with its cover, cropped to 4:3 as Upwork shows it), a job or a school.
fn group(html: &mut String, site: &Site, e: &ProfileExport, pid: &str, g: &Group) {
    let head = g.fields[0].label.split(" · ").next().unwrap_or_default();
    let _ = write!(
        html,
        "<article class=\"entry\" aria-labelledby=\"{pid}-{}-{}-h\">\n<h4 id=\"{pid}-{}-{}-h\">{}</h4>\n",
        g.kind,
        g.n,
        g.kind,
        g.n,
        escape_markup(head)
    );
    if g.kind == "portfolio" {
        let cover =
            g.n.parse::<usize>()
                .ok()
                .and_then(|n| e.portfolio.get(n - 1))
                .and_then(|slug| site.project(slug))
                .and_then(|p| p.cover.as_ref());
        match cover {
            Some(c) => {
                let caption = if e.platform != Platform::Upwork {
                    "Cover"
                } else if c.url.to_lowercase().ends_with(".svg") {
                    "Cover, cropped to 4:3 as Upwork shows it. An SVG: Upwork takes JPEG or PNG, so export it as a 1000×750 PNG"
                } else {
                    "Cover, cropped to 4:3 as Upwork shows it; <code>folio profile --out</code> writes it at 1000×750"
                };
                let _ = writeln!(
                    html,
                    "<figure class=\"cover\"><img src=\"{}\" alt=\"{}\" loading=\"lazy\"><figcaption>{caption}</figcaption></figure>",
                    escape_markup(&c.url),
                    escape_markup(&c.alt)
                );
            }
            None => html.push_str("<p class=\"cover none\">No cover image: add <code>cover:</code> to the project</p>\n"),
        }
    }
    for f in &g.fields {
        let short = f.label.split(" · ").nth(1);
        field(html, f, pid, e.platform, short, "h5");
    }
    html.push_str("</article>\n");
}

/// One field: label (a heading of `level`), count and limit, Copy button, the
/// text as the platform shows it, and the findings about it.
fn field(
    html: &mut String,
    f: &Field,
    pid: &str,
    platform: Platform,
    short: Option<&str>,
    level: &str,
) {
    let label = short.unwrap_or(&f.label);
    let dom = format!("{pid}-{}", f.id.replace('.', "-"));
    let key = f.id.rsplit('.').next().unwrap_or(&f.id);
    let (count, state) = count(f);
    let _ = write!(
        html,
        "<div class=\"field field-{key}{}\" id=\"{dom}\" data-field=\"{}\">\n<div class=\"field-head\"><{level} class=\"label\">{}</{level}> <span class=\"count {state}\" data-count=\"{}\">{count}</span> <button type=\"button\" class=\"copy\" data-copy=\"{}\" data-label=\"{}\"><span class=\"copy-word\">Copy</span><span class=\"sr-only\"> {}</span></button></div>\n",
        if f.findings.iter().any(Diagnostic::is_error) {
            " has-error"
        } else {
            ""
        },
        escape_markup(&f.id),
        escape_markup(label),
        f.count,
        escape_markup(&f.text),
        escape_markup(&f.label),
        escape_markup(&f.label),
    );
    body(html, f, key, platform);
    if let Some(note) = &f.note {
        let _ = writeln!(
            html,
            "<p class=\"note\">{}</p>",
            code_spans(&escape_markup(note))
        );
    }
    findings(html, f.findings.iter().collect());
    html.push_str("</div>\n");
}

/// The count and limit of a field (`52 / 70 characters`) and whether it is
/// within them (`ok`), over the maximum or under the minimum.
fn count(f: &Field) -> (String, &'static str) {
    let unit = if f.items.is_some() {
        "skills"
    } else {
        "characters"
    };
    let state = match (f.min, f.max) {
        (_, Some(max)) if f.count > max => "over",
        (Some(min), _) if f.count < min => "under",
        _ => "ok",
    };
    let mut s = match f.max {
        Some(max) => format!("{} / {} {unit}", f.count, thousands(max)),
        None => format!("{} {unit}, no limit", f.count),
    };
    if let Some(min) = f.min {
        let _ = write!(s, ", at least {min}");
    }
    (s, state)
}

/// The text of a field as the platform shows it: the overview with Upwork's
/// fold, skills as chips (those past the limit marked), the rest as written.
fn body(html: &mut String, f: &Field, key: &str, platform: Platform) {
    match (key, &f.items) {
        ("overview", _) if platform == Platform::Upwork => {
            let (shown, rest) = fold_split(&f.text);
            let _ = write!(html, "<div class=\"text\">{}", escape_markup(shown));
            if !rest.is_empty() {
                let _ = write!(
                    html,
                    "<span class=\"fold\" role=\"img\" aria-label=\"Upwork folds here: the rest shows after More\">More</span><span class=\"after-fold\">{}</span>",
                    escape_markup(rest)
                );
            }
            html.push_str("</div>\n");
        }
        ("skills", Some(items)) => {
            html.push_str("<ul class=\"chips\">");
            for (i, s) in items.iter().enumerate() {
                let past = f.max.is_some_and(|m| i >= m);
                let _ = write!(
                    html,
                    "<li{}>{}{}</li>",
                    if past { " class=\"past\"" } else { "" },
                    escape_markup(s),
                    if past {
                        "<span class=\"sr-only\"> (over the limit)</span>"
                    } else {
                        ""
                    }
                );
            }
            html.push_str("</ul>\n");
        }
        ("hourly_rate", _) => {
            let _ = writeln!(
                html,
                "<div class=\"text rate\">{} /hr</div>",
                escape_markup(&f.text)
            );
        }
        _ => {
            let _ = writeln!(html, "<div class=\"text\">{}</div>", escape_markup(&f.text));
        }
    }
}

/// Findings beside a field: severity, place, message and the hint.
fn findings(html: &mut String, ds: Vec<&Diagnostic>) {
    if ds.is_empty() {
        return;
    }
    html.push_str("<ul class=\"findings\">\n");
    for d in ds {
        let (class, word) = if d.is_error() {
            ("error", "Error")
        } else {
            ("warning", "Warning")
        };
        let _ = write!(
            html,
            "<li class=\"finding {class}\"><strong>{word}</strong> <span class=\"where\">{}</span> {}",
            escape_markup(&d.location()),
            code_spans(&escape_markup(&d.message))
        );
        if let Some(help) = &d.help {
            let _ = write!(
                html,
                "<span class=\"help\">{}</span>",
                code_spans(&escape_markup(help))
            );
        }
        html.push_str("</li>\n");
    }
    html.push_str("</ul>\n");
}

/// `` `key:` `` in escaped text as `<code>key:</code>` (a lone backtick stays).
fn code_spans(escaped: &str) -> String {
    let parts: Vec<&str> = escaped.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return escaped.to_string();
    }
    let mut out = String::with_capacity(escaped.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 {
            out.push_str("<code>");
            out.push_str(part);
            out.push_str("</code>");
        } else {
            out.push_str(part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_pair_backticks() {
        assert_eq!(
            code_spans("add `a:` and `b`"),
            "add <code>a:</code> and <code>b</code>"
        );
        assert_eq!(code_spans("one ` only"), "one ` only");
    }

    #[test]
    fn counts_say_whether_the_field_fits() {
        let site = crate::content::load(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("example-site"),
            &Default::default(),
        )
        .unwrap()
        .0;
        let e = &crate::export::export(&site, Platform::Upwork, &crate::export::Which::General)
            .unwrap()[0];
        let f = |id: &str| e.fields.iter().find(|f| f.id == id).unwrap();
        assert_eq!(count(f("title")), ("53 / 70 characters".into(), "ok"));
        assert_eq!(count(f("skills")), ("9 / 15 skills".into(), "ok"));
        assert_eq!(
            count(f("overview")),
            ("514 / 5,000 characters, at least 100".into(), "ok")
        );
        assert_eq!(count(f("languages")).1, "ok");
        assert!(count(f("languages")).0.ends_with("characters, no limit"));
    }
}
