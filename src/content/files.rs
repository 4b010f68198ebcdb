//! The shapes of the user's files exactly as written: `profile.yaml`,
//! `profiles/*.yaml`, project and page front matter. Unknown keys are errors
//! (with a "did you mean" hint); custom data goes under `extra:`.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::date::Date;

pub type Extra = BTreeMap<String, serde_json::Value>;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileFile {
    pub name: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub overview: String,
    #[serde(default)]
    pub photo: Option<String>,
    #[serde(default)]
    pub photo_alt: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub timezone: Option<String>,
    #[serde(default)]
    pub hourly_rate: Option<Rate>,
    #[serde(default)]
    pub availability: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub languages: Vec<LanguageEntry>,
    #[serde(default)]
    pub links: Links,
    #[serde(default)]
    pub skills: Vec<SkillEntry>,
    /// The general profile's skills on Upwork (at most 15), chosen from `skills:`.
    #[serde(default)]
    pub upwork_skills: Option<Vec<SkillEntry>>,
    #[serde(default)]
    pub experience: Vec<ExperienceEntry>,
    #[serde(default)]
    pub education: Vec<EducationEntry>,
    #[serde(default)]
    pub certifications: Vec<CertificationEntry>,
    #[serde(default)]
    pub testimonials: Vec<TestimonialEntry>,
    #[serde(default)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecializedProfileFile {
    /// A short label for navigation ("Writer"); defaults to the file name.
    #[serde(default)]
    pub name: Option<String>,
    pub title: String,
    pub overview: String,
    #[serde(default)]
    pub skills: Vec<SkillEntry>,
    #[serde(default)]
    pub hourly_rate: Option<Rate>,
    #[serde(default)]
    pub projects: Option<Vec<String>>,
    #[serde(default)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectFrontMatter {
    pub title: String,
    /// Optional: an undated project is listed after the dated ones.
    #[serde(default)]
    pub date: Option<Date>,
    /// Markdown; without it the body gives one. Written but empty (`summary:`,
    /// `summary: ''`) is `Some("")`, an error reported where it is loaded.
    #[serde(default, deserialize_with = "written")]
    pub summary: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub client: Option<String>,
    #[serde(default)]
    pub skills: Vec<String>,
    /// Free words (not declared, not exported as skills): a page per tag.
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub cover: Option<String>,
    #[serde(default)]
    pub cover_alt: Option<String>,
    #[serde(default)]
    pub links: Links,
    #[serde(default)]
    pub featured: bool,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub weight: i64,
    #[serde(default)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFrontMatter {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub draft: bool,
    /// Order in the navigation (lower first).
    #[serde(default)]
    pub weight: i64,
    #[serde(default)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageEntry {
    pub name: String,
    #[serde(default)]
    pub level: Option<String>,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExperienceEntry {
    #[serde(default)]
    pub company: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub start: Option<Date>,
    #[serde(default)]
    pub end: Option<Date>,
    /// A start or end date as written when it is not a date folio can read.
    #[serde(default)]
    pub start_text: Option<String>,
    #[serde(default)]
    pub end_text: Option<String>,
    #[serde(default)]
    pub extra: Extra,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EducationEntry {
    pub school: String,
    #[serde(default)]
    pub degree: Option<String>,
    /// Field of study ("Computer Science").
    #[serde(default)]
    pub area: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub start: Option<Date>,
    #[serde(default)]
    pub end: Option<Date>,
    #[serde(default)]
    pub start_text: Option<String>,
    #[serde(default)]
    pub end_text: Option<String>,
    #[serde(default)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificationEntry {
    pub name: String,
    #[serde(default)]
    pub issuer: Option<String>,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub date_text: Option<String>,
    #[serde(default)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestimonialEntry {
    pub quote: String,
    pub author: String,
    #[serde(default)]
    pub role: Option<String>,
    /// The slug of the project it is about.
    #[serde(default)]
    pub project: Option<String>,
    #[serde(default)]
    pub rating: Option<f64>,
}

/// A key that is written is `Some`, even with no value (`key:` is `Some("")`).
fn written<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Some(Option::<String>::deserialize(d)?.unwrap_or_default()))
}

/// An hourly rate: `45` (USD) or `{amount: 45, currency: EUR}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rate {
    pub amount: f64,
    pub currency: String,
}

impl<'de> Deserialize<'de> for Rate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Rate, D::Error> {
        let v = serde_yaml::Value::deserialize(d)?;
        let bad = |found: &str| {
            de::Error::custom(format!(
                "hourly_rate must be a number such as 45 (US dollars) or {{amount: 45, currency: EUR}}; found {found}"
            ))
        };
        match &v {
            serde_yaml::Value::Number(n) => {
                let amount = n.as_f64().ok_or_else(|| bad(&n.to_string()))?;
                check_amount(amount).map_err(|e| de::Error::custom(e.message()))?;
                Ok(Rate {
                    amount,
                    currency: "USD".into(),
                })
            }
            serde_yaml::Value::Mapping(m) => {
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                struct Full {
                    amount: f64,
                    #[serde(default = "usd")]
                    currency: String,
                }
                fn usd() -> String {
                    "USD".into()
                }
                let full: Full = serde_yaml::from_value(serde_yaml::Value::Mapping(m.clone()))
                    .map_err(|e| de::Error::custom(format!("hourly_rate: {e}")))?;
                check_amount(full.amount).map_err(|e| de::Error::custom(e.message()))?;
                let currency = full.currency.trim().to_ascii_uppercase();
                if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_alphabetic()) {
                    return Err(de::Error::custom(format!(
                        "hourly_rate currency `{}` is not a three-letter ISO 4217 code such as USD, EUR, CNY",
                        full.currency
                    )));
                }
                Ok(Rate {
                    amount: full.amount,
                    currency,
                })
            }
            serde_yaml::Value::String(s) => Err(bad(&format!("`{s}`"))),
            _ => Err(bad("something else")),
        }
    }
}

fn check_amount(amount: f64) -> crate::Result<()> {
    if !amount.is_finite() || amount <= 0.0 {
        return Err(crate::Error::msg(format!(
            "hourly_rate must be more than 0; found {amount}"
        )));
    }
    Ok(())
}

impl Rate {
    /// `$45/hr`, `€60/hr`, `CNY 300/hr`.
    pub fn display(&self) -> String {
        let amount = if self.amount.fract() == 0.0 {
            format!("{}", self.amount as i64)
        } else {
            format!("{:.2}", self.amount)
        };
        let sym = match self.currency.as_str() {
            "USD" => Some("$"),
            "EUR" => Some("€"),
            "GBP" => Some("£"),
            "JPY" | "CNY" => Some("¥"),
            "INR" => Some("₹"),
            _ => None,
        };
        match sym {
            Some(s) if self.currency != "CNY" && self.currency != "JPY" => {
                format!("{s}{amount}/hr")
            }
            _ => format!("{} {amount}/hr", self.currency),
        }
    }
}

/// A skill: `Rust` or `{name: Rust, level: expert, years: 6}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillEntry {
    pub name: String,
    pub level: Option<String>,
    pub years: Option<f64>,
}

impl<'de> Deserialize<'de> for SkillEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SkillEntry, D::Error> {
        let v = serde_yaml::Value::deserialize(d)?;
        match v {
            serde_yaml::Value::String(name) => Ok(SkillEntry {
                name,
                level: None,
                years: None,
            }),
            serde_yaml::Value::Number(n) => Ok(SkillEntry {
                name: n.to_string(),
                level: None,
                years: None,
            }),
            serde_yaml::Value::Mapping(m) => {
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                struct Full {
                    name: String,
                    #[serde(default)]
                    level: Option<String>,
                    #[serde(default)]
                    years: Option<f64>,
                }
                let f: Full = serde_yaml::from_value(serde_yaml::Value::Mapping(m))
                    .map_err(|e| de::Error::custom(format!("in a skill: {e}")))?;
                Ok(SkillEntry {
                    name: f.name,
                    level: f.level,
                    years: f.years,
                })
            }
            _ => Err(de::Error::custom(
                "a skill is a name (`- Rust`) or `{name: Rust, level: expert, years: 6}`",
            )),
        }
    }
}

/// `links:` — a map of label to URL, in the order written.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Links(pub Vec<Link>);

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub name: String,
    pub url: String,
}

impl<'de> Deserialize<'de> for Links {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Links, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Links;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of names to URLs, e.g. `GitHub: https://github.com/ana`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Links, A::Error> {
                let mut out = Vec::new();
                while let Some((name, url)) = map.next_entry::<String, String>()? {
                    out.push(Link { name, url });
                }
                Ok(Links(out))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Links, E> {
                Ok(Links::default())
            }
        }
        d.deserialize_map(V)
    }
}
