//! Field limits of freelance platforms, in one table. Each rule names its
//! source and whether it is a hard limit (an error) or advice (a warning).
//! Platforms change these numbers: a site overrides any hard maximum in
//! `folio.yaml` (`upwork: {limits: {title: 80}}`).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostics::{Diagnostic, Error, Result, nearest};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    Upwork,
    Linkedin,
}

impl Platform {
    pub fn name(self) -> &'static str {
        match self {
            Platform::Upwork => "Upwork",
            Platform::Linkedin => "LinkedIn",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Platform::Upwork => "upwork",
            Platform::Linkedin => "linkedin",
        }
    }

    /// Whether the platform forbids contact details and outside links in profile text.
    pub fn forbids_contact(self) -> bool {
        self == Platform::Upwork
    }
}

/// What a rule measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// Characters of text (the larger of Unicode scalar values and UTF-16 units).
    Chars,
    /// Entries of a list.
    Items,
}

/// One limit on one field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rule {
    /// The field it applies to: `title`, `overview`, `portfolio_title`, ...
    pub field: &'static str,
    pub measure: Measure,
    pub min: Option<usize>,
    pub max: Option<usize>,
    /// `true`: breaking it is an error; `false`: advice, a warning.
    pub hard: bool,
    /// Where the number comes from.
    pub source: &'static str,
}

const fn rule(
    field: &'static str,
    measure: Measure,
    min: Option<usize>,
    max: Option<usize>,
    hard: bool,
    source: &'static str,
) -> Rule {
    Rule {
        field,
        measure,
        min,
        max,
        hard,
        source,
    }
}

use Measure::{Chars, Items};

const UPWORK_PROFILE: &str =
    "https://support.upwork.com/hc/en-us/articles/360016252373 (Build Your Profile)";
const SNIPEWORK_OVERVIEW: &str =
    "snipework.com/blog/upwork-profile-overview-guide (2026), as Upwork publishes no number";
const SNIPEWORK_PORTFOLIO: &str = "snipework.com/blog/upwork-portfolio-character-limit (Apr 2026), quoting Upwork's support article and Portfolio Guide";

/// The table. The first hard maximum of a field is the one `limits:` overrides.
pub const RULES: &[(Platform, Rule)] = &[
    (
        Platform::Upwork,
        rule(
            "title",
            Chars,
            None,
            Some(70),
            true,
            "expertfreelancing.com/upwork-profile-optimization (2026); Upwork asks for a short title and publishes no number",
        ),
    ),
    (
        Platform::Upwork,
        rule(
            "overview",
            Chars,
            None,
            Some(5000),
            true,
            SNIPEWORK_OVERVIEW,
        ),
    ),
    (
        Platform::Upwork,
        rule("overview", Chars, Some(100), None, true, SNIPEWORK_OVERVIEW),
    ),
    (
        Platform::Upwork,
        rule("skills", Items, None, Some(15), true, UPWORK_PROFILE),
    ),
    (
        Platform::Upwork,
        rule(
            "portfolio_title",
            Chars,
            None,
            Some(70),
            true,
            SNIPEWORK_PORTFOLIO,
        ),
    ),
    (
        Platform::Upwork,
        rule(
            "portfolio_title",
            Chars,
            None,
            Some(40),
            false,
            "Upwork Portfolio Guide (Jan 2026) asks for 40, its support article allows 70",
        ),
    ),
    (
        Platform::Upwork,
        rule(
            "portfolio_role",
            Chars,
            None,
            Some(100),
            true,
            SNIPEWORK_PORTFOLIO,
        ),
    ),
    (
        Platform::Upwork,
        rule(
            "portfolio_description",
            Chars,
            None,
            Some(600),
            true,
            SNIPEWORK_PORTFOLIO,
        ),
    ),
    (
        Platform::Upwork,
        rule(
            "portfolio_description",
            Chars,
            None,
            Some(300),
            false,
            "Upwork Portfolio Guide (Jan 2026) asks for 300, its support article allows 600",
        ),
    ),
    (
        Platform::Upwork,
        rule(
            "cover_letter",
            Chars,
            None,
            Some(5000),
            true,
            "community.upwork.com: \"Cover letter 5000 characters is not enough\"",
        ),
    ),
    (
        Platform::Upwork,
        rule(
            "specialized_profiles",
            Items,
            None,
            Some(2),
            false,
            "stage-support.upwork.com/hc/en-us/articles/14380110119186 (Specialized Profiles): up to 2",
        ),
    ),
    (
        Platform::Linkedin,
        rule(
            "title",
            Chars,
            None,
            Some(220),
            true,
            "linkedinsights.com: headline raised from 120 to 220 in 2020",
        ),
    ),
    (
        Platform::Linkedin,
        rule(
            "overview",
            Chars,
            None,
            Some(2600),
            true,
            "linkedinsights.com, totalresumes.com.au: About is 2,600",
        ),
    ),
    (
        Platform::Linkedin,
        rule(
            "skills",
            Items,
            None,
            Some(100),
            true,
            "luizmaiaj.com (2025): up to 100 skills",
        ),
    ),
    (
        Platform::Linkedin,
        rule(
            "employment_title",
            Chars,
            None,
            Some(100),
            true,
            "linkedinsights.com: experience title 100",
        ),
    ),
    (
        Platform::Linkedin,
        rule(
            "employment_description",
            Chars,
            None,
            Some(2000),
            true,
            "linkedinsights.com: experience description 2,000",
        ),
    ),
    (
        Platform::Linkedin,
        rule(
            "portfolio_description",
            Chars,
            None,
            Some(2000),
            true,
            "linkedinsights.com: project description 2,000",
        ),
    ),
];

/// Where the overview is cut with "More" on Upwork.
pub const UPWORK_OVERVIEW_FOLD: usize = 250;
/// The size portfolio covers are written in for Upwork: 4:3, sharp at 1000×750.
pub const UPWORK_COVER: (u32, u32) = (1000, 750);
/// Where [`UPWORK_COVER`] comes from.
pub const UPWORK_COVER_SOURCE: &str = "https://support.upwork.com/hc/en-us/articles/1500011309082 (Adding Picture-Perfect Images and Video): JPEG or PNG under 10 MB, 4:3, at most 4000 pixels, sharp at 1000×750";
/// Upwork's minimum hourly rate for contracts, in USD.
pub const UPWORK_MIN_HOURLY_USD: f64 = 3.0;
/// Upwork's English proficiency levels.
pub const UPWORK_LANGUAGE_LEVELS: &[&str] =
    &["Basic", "Conversational", "Fluent", "Native or Bilingual"];
/// LinkedIn's language proficiency levels (as its Languages.csv writes them,
/// without " proficiency") and the Upwork level each becomes in the Upwork export.
pub const LINKEDIN_TO_UPWORK_LEVELS: &[(&str, &str)] = &[
    ("Elementary", "Basic"),
    ("Limited working", "Conversational"),
    ("Professional working", "Conversational"),
    ("Full professional", "Fluent"),
    ("Native or bilingual", "Native or Bilingual"),
];

/// Whether `level` is one of Upwork's, in any case.
pub fn is_upwork_language_level(level: &str) -> bool {
    UPWORK_LANGUAGE_LEVELS
        .iter()
        .any(|u| u.eq_ignore_ascii_case(level.trim()))
}

/// The Upwork level for a LinkedIn level (`Full professional` or `Full
/// professional proficiency`, in any case); `None` for any other text,
/// including Upwork's own levels (`Native or Bilingual` stays as written).
pub fn linkedin_level_on_upwork(level: &str) -> Option<&'static str> {
    if is_upwork_language_level(level) {
        return None;
    }
    let lower = level.trim().to_ascii_lowercase();
    let level = lower
        .strip_suffix(" proficiency")
        .unwrap_or(&lower)
        .trim_end();
    LINKEDIN_TO_UPWORK_LEVELS
        .iter()
        .find(|(linkedin, _)| linkedin.eq_ignore_ascii_case(level))
        .map(|(_, upwork)| *upwork)
}

/// The rules of a platform with the site's overrides applied.
#[derive(Debug, Clone, Serialize)]
pub struct Limits {
    pub platform: Platform,
    pub rules: Vec<Rule>,
}

impl Limits {
    /// Applies `overrides` (field → new hard maximum). Each unknown field is an
    /// error (without a place: the caller knows the file).
    pub fn new(platform: Platform, overrides: &BTreeMap<String, usize>) -> Result<Limits> {
        let unknown = Limits::unknown_overrides(platform, overrides);
        if !unknown.is_empty() {
            let known = Limits::overridable(platform);
            return Err(Error::new(
                unknown
                    .iter()
                    .map(|k| unknown_override(platform, k, &known))
                    .collect(),
            ));
        }
        let mut rules: Vec<Rule> = RULES
            .iter()
            .filter(|(p, _)| *p == platform)
            .map(|(_, r)| r.clone())
            .collect();
        for (field, max) in overrides {
            if let Some(r) = rules
                .iter_mut()
                .find(|r| r.field == field && r.hard && r.max.is_some())
            {
                r.max = Some(*max);
                r.source = "folio.yaml";
            }
        }
        Ok(Limits { platform, rules })
    }

    /// The override keys that name no field with a hard maximum, in order.
    pub fn unknown_overrides(platform: Platform, overrides: &BTreeMap<String, usize>) -> Vec<&str> {
        let known = Limits::overridable(platform);
        overrides
            .keys()
            .map(String::as_str)
            .filter(|k| !known.contains(k))
            .collect()
    }

    pub fn for_field(&self, field: &str) -> impl Iterator<Item = &Rule> {
        self.rules.iter().filter(move |r| r.field == field)
    }

    /// The hard maximum of a field, shown in headers (`52/70`).
    pub fn max(&self, field: &str) -> Option<usize> {
        self.for_field(field).filter(|r| r.hard).find_map(|r| r.max)
    }

    /// Fields whose limits can be overridden.
    pub fn overridable(platform: Platform) -> Vec<&'static str> {
        let mut v: Vec<&str> = RULES
            .iter()
            .filter(|(p, r)| *p == platform && r.hard && r.max.is_some())
            .map(|(_, r)| r.field)
            .collect();
        v.dedup();
        v
    }
}

fn unknown_override(platform: Platform, key: &str, known: &[&str]) -> Diagnostic {
    let help = match nearest(key, known.iter().copied()) {
        Some(n) => format!("did you mean `{n}`?"),
        None => format!("fields with limits: {}", known.join(", ")),
    };
    Diagnostic::error(format!("`{}.limits` has no field `{key}`", platform.key())).with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_source_and_a_bound() {
        for (_, r) in RULES {
            assert!(!r.source.is_empty());
            assert!(r.min.is_some() || r.max.is_some());
        }
    }

    #[test]
    fn overrides_replace_the_hard_maximum() {
        let mut o = BTreeMap::new();
        o.insert("title".to_string(), 80);
        let l = Limits::new(Platform::Upwork, &o).unwrap();
        assert_eq!(l.max("title"), Some(80));
        assert_eq!(l.max("overview"), Some(5000));
        o.insert("titel".to_string(), 80);
        assert_eq!(
            Limits::unknown_overrides(Platform::Upwork, &o),
            vec!["titel"]
        );
        let e = Limits::new(Platform::Upwork, &o).unwrap_err();
        assert_eq!(e.diagnostics.len(), 1);
        assert_eq!(e.message(), "`upwork.limits` has no field `titel`");
        assert_eq!(
            e.diagnostics[0].help.as_deref(),
            Some("did you mean `title`?")
        );
    }

    #[test]
    fn linkedin_levels_become_upworks() {
        for (linkedin, upwork) in [
            ("Elementary", "Basic"),
            ("Elementary proficiency", "Basic"),
            ("Limited working proficiency", "Conversational"),
            ("professional working", "Conversational"),
            ("Full professional proficiency", "Fluent"),
            (" Native or bilingual proficiency ", "Native or Bilingual"),
            ("NATIVE OR BILINGUAL PROFICIENCY", "Native or Bilingual"),
        ] {
            assert_eq!(
                linkedin_level_on_upwork(linkedin),
                Some(upwork),
                "{linkedin}"
            );
        }
        for other in [
            "Fluent",
            "Native",
            "proficiency",
            "Expert",
            "",
            "Élémentaire",
        ] {
            assert_eq!(linkedin_level_on_upwork(other), None, "{other}");
        }
    }
}
