//! `basics` of the export: profile name, title, overview, photo, contact and links.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::content::model::Site;

pub fn basics(site: &Site, kept: &Map<String, Value>) -> Value {
    let p = &site.profile;
    let kept_basics = kept
        .get("basics")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut basics = Map::new();
    basics.insert("name".into(), json!(p.name));
    if !p.title.is_empty() {
        basics.insert("label".into(), json!(p.title));
    }
    if let Some(photo) = &p.photo {
        let url = if photo.url.starts_with("http") {
            photo.url.clone()
        } else {
            crate::feeds::absolute(&site.config.base_url, &photo.url)
        };
        basics.insert("image".into(), json!(url));
    }
    if let Some(email) = &p.email {
        basics.insert("email".into(), json!(email));
    }
    let website = p
        .links
        .iter()
        .find(|l| l.name.eq_ignore_ascii_case("website"));
    if let Some(w) = website {
        basics.insert("url".into(), json!(w.url));
    }
    if !p.overview.trim().is_empty() {
        basics.insert("summary".into(), json!(p.overview.trim()));
    }
    if let Some(loc) = &p.location {
        let kept_loc = kept_basics.get("location").cloned();
        basics.insert(
            "location".into(),
            kept_loc.unwrap_or_else(|| location_object(loc)),
        );
    }
    let profiles = profiles(site, &kept_basics);
    if !profiles.is_empty() {
        basics.insert("profiles".into(), json!(profiles));
    }
    for (k, v) in &kept_basics {
        let replaces = k == "profiles";
        if replaces || (!["location", "usernames"].contains(&k.as_str()) && !basics.contains_key(k))
        {
            basics.insert(k.clone(), v.clone());
        }
    }
    Value::Object(basics)
}

fn profiles(site: &Site, kept_basics: &Map<String, Value>) -> Vec<Value> {
    let usernames: BTreeMap<String, Value> = kept_basics
        .get("usernames")
        .and_then(Value::as_object)
        .map(|m| m.clone().into_iter().collect())
        .unwrap_or_default();
    site.profile
        .links
        .iter()
        .filter(|l| !l.name.eq_ignore_ascii_case("website"))
        .map(|l| {
            let mut o = json!({"network": l.name, "url": l.url});
            if let Some(u) = usernames.get(&l.name) {
                o["username"] = u.clone();
            }
            o
        })
        .collect()
}

/// `Lisbon, Portugal` → `{city: Lisbon, region: Portugal}`; more parts: the last is the country code when it is two letters.
fn location_object(loc: &str) -> Value {
    let parts: Vec<&str> = loc
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let mut o = Map::new();
    match parts.as_slice() {
        [] => {}
        [city] => {
            o.insert("city".into(), json!(city));
        }
        [city, rest @ ..] => {
            o.insert("city".into(), json!(city));
            let last = rest[rest.len() - 1];
            if last.len() == 2 && last.chars().all(|c| c.is_ascii_uppercase()) {
                o.insert("countryCode".into(), json!(last));
                if rest.len() > 1 {
                    o.insert("region".into(), json!(rest[..rest.len() - 1].join(", ")));
                }
            } else {
                o.insert("region".into(), json!(rest.join(", ")));
            }
        }
    }
    Value::Object(o)
}

/// Splits Markdown into its text before the first list and that list's items.
pub fn split_highlights(md: &str) -> (String, Vec<String>) {
    let mut summary = Vec::new();
    let mut items = Vec::new();
    let mut in_list = false;
    for line in md.lines() {
        let t = line.trim_start();
        let item = t.strip_prefix("- ").or_else(|| t.strip_prefix("* "));
        match item {
            Some(i) if line.len() - t.len() < 2 => {
                in_list = true;
                items.push(i.trim().to_string());
            }
            _ if in_list => {
                if t.is_empty() {
                    continue;
                }
                break;
            }
            _ => summary.push(line),
        }
    }
    (summary.join("\n").trim().to_string(), items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_split() {
        let (s, h) = split_highlights("Led the team.\n\n- Shipped v2\n- Cut costs\n\nMore text.");
        assert_eq!(s, "Led the team.");
        assert_eq!(h, vec!["Shipped v2", "Cut costs"]);
        assert_eq!(
            split_highlights("Only text."),
            ("Only text.".into(), vec![])
        );
    }

    #[test]
    fn locations() {
        assert_eq!(
            location_object("San Francisco, California, US"),
            json!({"city": "San Francisco", "region": "California", "countryCode": "US"})
        );
        assert_eq!(
            location_object("Lisbon, Portugal"),
            json!({"city": "Lisbon", "region": "Portugal"})
        );
    }
}
