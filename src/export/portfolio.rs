//! Which projects a profile shows, in order: the portfolio both the fields
//! ([`super::fields`]) and the skills ([`super::skills`]) of an export draw on.

use crate::content::model::{Project, Site, SpecializedProfile};

/// The projects a profile shows: its own list, or for the general profile every
/// project, featured first, then newest.
pub(super) fn portfolio<'a>(site: &'a Site, sp: Option<&SpecializedProfile>) -> Vec<&'a Project> {
    match sp {
        Some(sp) => sp.projects.iter().filter_map(|s| site.project(s)).collect(),
        None => {
            let mut v: Vec<&Project> = site.projects.iter().map(AsRef::as_ref).collect();
            v.sort_by_key(|p| !p.featured);
            v
        }
    }
}
