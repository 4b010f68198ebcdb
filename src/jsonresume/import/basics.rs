//! `basics` → the top of profile.yaml (name, title, overview, photo, contact, links).

use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};
use serde_yaml::Mapping;

use super::entry::{Entry, text_of};
use super::yaml::{put, ystr};

/// What `basics` gave: the profile keys, the photo file to copy, and what is kept for the export.
pub struct Basics {
    pub profile: Mapping,
    pub name: Option<String>,
    pub label: Option<String>,
    pub photo_file: Option<(PathBuf, PathBuf)>,
    pub kept: Map<String, Value>,
}

pub fn read(doc: &Value, source: &Path, notes: &mut Vec<String>) -> Basics {
    let empty = json!({});
    let b = doc
        .get("basics")
        .filter(|b| b.is_object())
        .unwrap_or(&empty);
    let mut e = Entry::new(b, "basics".into(), notes).expect("an object");
    let mut profile = Mapping::new();
    let name = e.text(&["name"]);
    let label = e.text(&["label"]);
    put(&mut profile, "name", name.clone());
    put(&mut profile, "title", label.clone());
    put(&mut profile, "overview", e.text(&["summary"]));
    let mut kept = Map::new();
    if let Some(loc) = e.obj.remove("location") {
        if let Some(t) = location_text(&loc) {
            profile.insert(ystr("location"), ystr(&t));
        }
        kept.insert("location".into(), loc);
    }
    put(&mut profile, "email", e.text(&["email"]));
    let mut links = Mapping::new();
    if let Some(u) = e.text(&["url", "website"]) {
        links.insert(ystr("Website"), ystr(&u));
    }
    let profiles = e.obj.remove("profiles");
    let usernames = profile_links(profiles.as_ref(), &mut links, &mut kept);
    if !usernames.is_empty() {
        kept.insert("usernames".into(), Value::Object(usernames));
    }
    if !links.is_empty() {
        profile.insert(ystr("links"), serde_yaml::Value::Mapping(links));
    }
    let photo_file = photo(&mut e, source, &mut profile);
    for (k, v) in e.rest() {
        kept.insert(k, v);
    }
    Basics {
        profile,
        name,
        label,
        photo_file,
        kept,
    }
}

fn location_text(loc: &Value) -> Option<String> {
    if let Some(t) = text_of(loc) {
        return Some(t);
    }
    let parts: Vec<String> = ["city", "region", "countryCode"]
        .iter()
        .filter_map(|k| loc.get(*k).and_then(text_of))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// `basics.profiles` → links by network name. When one has no URL or a network
/// named twice, the list is kept as written for the export (links still show).
fn profile_links(
    profiles: Option<&Value>,
    links: &mut Mapping,
    kept: &mut Map<String, Value>,
) -> Map<String, Value> {
    let mut usernames = Map::new();
    let Some(list) = profiles.and_then(Value::as_array) else {
        if let Some(p) = profiles {
            kept.insert("profiles".into(), p.clone());
        }
        return usernames;
    };
    let mut whole = false;
    for p in list {
        let network = p.get("network").and_then(text_of);
        let url = p.get("url").and_then(text_of);
        let known = p.as_object().is_some_and(|o| {
            o.keys()
                .all(|k| ["network", "url", "username"].contains(&k.as_str()))
        });
        match (network, url) {
            (Some(n), Some(u)) if known && !links.contains_key(ystr(&n)) => {
                links.insert(ystr(&n), ystr(&u));
                if let Some(user) = p.get("username").filter(|v| !v.is_null()) {
                    usernames.insert(n, user.clone());
                }
            }
            _ => whole = true,
        }
    }
    if whole {
        kept.insert("profiles".into(), Value::Array(list.clone()));
    }
    usernames
}

/// `basics.image` (0.x `picture`): a URL is used as is, a relative path is copied in.
fn photo(e: &mut Entry, source: &Path, profile: &mut Mapping) -> Option<(PathBuf, PathBuf)> {
    let image = e.text(&["image", "picture"])?;
    if image.starts_with("http://") || image.starts_with("https://") {
        profile.insert(ystr("photo"), ystr(&image));
        return None;
    }
    let src = source.parent().unwrap_or(Path::new(".")).join(&image);
    let file_name = Path::new(&image).file_name().map(PathBuf::from);
    match file_name {
        Some(f) if src.is_file() => {
            profile.insert(ystr("photo"), ystr(&f.to_string_lossy()));
            Some((src, Path::new("content").join(f)))
        }
        _ => {
            e.notes.push(format!(
                "basics.image: `{image}` is not a file next to the résumé; no photo (kept for the export)"
            ));
            e.obj.insert("image".into(), json!(image));
            None
        }
    }
}
