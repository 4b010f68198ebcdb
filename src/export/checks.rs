//! The checks of exported fields against a platform's limits and rules.

use super::{Field, Sources};
use crate::contact;
use crate::content::model::Site;
use crate::diagnostics::Diagnostic;
use crate::platform::{Limits, Measure, Platform};

/// The findings of one field.
pub(super) fn check_field(f: &Field, limits: &Limits, sources: &mut Sources) -> Vec<Diagnostic> {
    let mut findings = Vec::new();
    let platform = limits.platform.name();
    // "portfolio title", "employment description", "overview": the file and line say which one.
    let what = if f.rule.is_empty() {
        f.label.to_lowercase()
    } else {
        f.rule.replace('_', " ")
    };
    let text = sources.text(&f.source).to_string();
    let place = |d: Diagnostic| -> Diagnostic {
        let d = d.in_file(&f.source);
        match f.line {
            Some(l) => d.at(l, None, Some(&text)),
            None => d,
        }
    };
    let unit = |n: usize, measure: Measure| match measure {
        Measure::Items => format!("{n} entr{}", if n == 1 { "y" } else { "ies" }),
        Measure::Chars if f.utf16 != f.chars => {
            format!("{n} characters (UTF-16; {} Unicode characters)", f.chars)
        }
        Measure::Chars => format!("{n} characters"),
    };
    for rule in limits.for_field(f.rule) {
        let make = |msg: String| {
            let d = if rule.hard {
                Diagnostic::error(msg)
            } else {
                Diagnostic::warning(msg)
            };
            place(d).with_help(format!("source: {}", rule.source))
        };
        if let Some(max) = rule.max
            && f.count > max
        {
            let verb = if rule.hard {
                "allows"
            } else {
                "advises at most"
            };
            findings.push(make(format!(
                "{what} is {}; {platform} {verb} {max}",
                unit(f.count, rule.measure)
            )));
        }
        if let Some(min) = rule.min
            && f.count < min
        {
            findings.push(make(format!(
                "{what} is {}; {platform} asks for at least {min}",
                unit(f.count, rule.measure)
            )));
        }
    }
    if f.check_contact && limits.platform.forbids_contact() {
        for found in contact::find(&f.text) {
            let line = sources.find_line(&f.source, &found.text, f.line).or(f.line);
            let mut d = Diagnostic::error(format!(
                "{what} contains {}: `{}`; Upwork forbids contact details and outside links before a contract",
                found.kind.describe(),
                found.text
            ))
            .in_file(&f.source)
            .with_help("remove it from this text; your e-mail and links appear on your website only");
            if let Some(l) = line {
                d = d.at(l, None, Some(&text));
            }
            findings.push(d);
        }
    }
    findings
}

/// Upwork publishes a limited number of specialized profiles.
pub(super) fn specialized_profile_count(
    site: &Site,
    limits: &Limits,
    findings: &mut Vec<Diagnostic>,
) {
    if limits.platform != Platform::Upwork {
        return;
    }
    for rule in limits.for_field("specialized_profiles") {
        if let Some(max) = rule.max
            && site.profiles.len() > max
        {
            let d = if rule.hard {
                Diagnostic::error("")
            } else {
                Diagnostic::warning("")
            };
            findings.push(Diagnostic {
                message: format!(
                    "there are {} specialized profiles; Upwork allows {max}",
                    site.profiles.len()
                ),
                file: Some("content/profiles".into()),
                help: Some(format!(
                    "only {max} can be published on Upwork (source: {})",
                    rule.source
                )),
                ..d
            });
        }
    }
}
