//! Which skills a profile takes to a platform. Upwork shows at most 15: the
//! general profile takes `upwork_skills:` from content/profile.yaml, a
//! specialized profile its own `skills:`; without a list folio chooses the
//! skills most used by the profile's projects, then in the order declared.

use super::portfolio::portfolio;
use crate::content::model::{Site, SkillRef, SpecializedProfile};
use crate::platform::{Limits, Platform};

/// The skills of one profile for one platform.
pub(super) struct Chosen {
    pub names: Vec<String>,
    /// The key of the list in the profile's file (for the line of findings).
    pub key: &'static str,
    /// Set when folio chose the skills: how, and how to choose them instead.
    pub note: Option<String>,
}

/// What Upwork shows when no limit is known.
const UPWORK_SKILLS: usize = 15;

pub(super) fn choose(site: &Site, sp: Option<&SpecializedProfile>, limits: &Limits) -> Chosen {
    let own: Option<&[SkillRef]> = match (sp, limits.platform) {
        (None, Platform::Linkedin) => Some(&site.profile.skills),
        (None, Platform::Upwork) => site.profile.upwork_skills.as_deref(),
        (Some(sp), _) if sp.skills.is_empty() && limits.platform == Platform::Upwork => None,
        (Some(sp), _) => Some(&sp.skills),
    };
    let key = match sp {
        None if limits.platform == Platform::Upwork && own.is_some() => "upwork_skills",
        _ => "skills",
    };
    if let Some(own) = own {
        return Chosen {
            names: own.iter().map(|s| s.name.clone()).collect(),
            key,
            note: None,
        };
    }
    let max = limits.max("skills").unwrap_or(UPWORK_SKILLS);
    let names = most_used(site, sp, max);
    let (file, list) = match sp {
        None => (site.profile.source.as_str(), "upwork_skills"),
        Some(sp) => (sp.source.as_str(), "skills"),
    };
    let note = format!(
        "{file} has no `{list}:`, so folio chose {} for Upwork, the most used by {} projects first, then in the order of `skills:` in content/profile.yaml; to choose them yourself, list up to {max} in `{list}:`",
        plural(names.len()),
        if sp.is_some() {
            "this profile's"
        } else {
            "your"
        },
    );
    Chosen {
        names,
        key,
        note: Some(note),
    }
}

fn plural(n: usize) -> String {
    if n == 1 {
        "1 skill".into()
    } else {
        format!("{n} skills")
    }
}

/// At most `max` of the site's skills: the most used by the profile's projects
/// (every project when it has none), ties in the order of `skills:`.
fn most_used(site: &Site, sp: Option<&SpecializedProfile>, max: usize) -> Vec<String> {
    let mut projects = portfolio(site, sp);
    if projects.is_empty() {
        projects = site.projects.iter().map(AsRef::as_ref).collect();
    }
    let mut uses = vec![0usize; site.skills.len()];
    for p in &projects {
        for s in &p.skills {
            if let Some(n) = uses.get_mut(s.index) {
                *n += 1;
            }
        }
    }
    let mut order: Vec<usize> = (0..site.skills.len()).collect();
    // Stable: equal counts keep the declared order.
    order.sort_by_key(|&i| std::cmp::Reverse(uses[i]));
    order
        .into_iter()
        .take(max)
        .map(|i| site.skills[i].name.clone())
        .collect()
}
