//! Which profile the letter speaks from: the one asked for, else the
//! specialized profile whose skills cover most requirements (then most of the
//! chosen projects), else the general profile.

use super::requirements::Requirement;
use crate::content::model::{RateView, Site, SpecializedProfile};
use crate::slug::slugify;

/// The specialized profile to use, if any.
pub fn choose<'a>(
    site: &'a Site,
    asked: Option<&str>,
    reqs: &[Requirement],
    chosen: &[String],
) -> crate::Result<Option<&'a SpecializedProfile>> {
    if let Some(name) = asked {
        return site
            .profiles
            .iter()
            .find(|p| p.slug == name || p.slug == slugify(name))
            .map(Some)
            .ok_or_else(|| super::no_such_profile(site, name));
    }
    let best = site
        .profiles
        .iter()
        .map(|p| {
            let skills = p
                .skills
                .iter()
                .filter(|s| {
                    reqs.iter()
                        .any(|r| r.skill.as_deref() == Some(s.name.as_str()))
                })
                .count();
            let projects = p.projects.iter().filter(|s| chosen.contains(s)).count();
            ((skills, projects), p)
        })
        .filter(|((s, _), _)| *s > 0)
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.slug.cmp(&a.1.slug)))
        .map(|(_, p)| p);
    Ok(best)
}

/// The rate the letter quotes: the specialized profile's, else the profile's.
pub fn rate<'a>(
    site: &'a Site,
    specialized: Option<&'a SpecializedProfile>,
) -> Option<&'a RateView> {
    specialized
        .and_then(|s| s.hourly_rate.as_ref())
        .or(site.profile.hourly_rate.as_ref())
}
