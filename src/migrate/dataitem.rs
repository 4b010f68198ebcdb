//! One item of a data list of projects ([`super::datalist`]) as front
//! matter: the keys of theme data lists renamed to those
//! [`super::fields::Fields::map`] maps (hugo-profile's `badges`, `featured`,
//! icon links and `content`; Toha's `timeline`), the rest left as it is.

use serde_json::{Map, Value};

use super::frontmatter::{Front, Syntax};
use super::sources::Record;

/// The front matter of an item, its keys renamed to what
/// [`super::fields::Fields::map`] maps; notes for the report.
pub fn front(r: &Record) -> (Front, Vec<String>) {
    let mut map = r.map.clone();
    let mut notes = vec![format!(
        "an item of {} (line {}) → a write-up",
        r.place, r.line
    )];
    let body = take_body(&mut map, &mut notes);
    rename(&mut map, "badges", "tags", &mut notes);
    featured_link(&mut map, &mut notes);
    icon_links(&mut map, &mut notes);
    timeline_date(&mut map, &mut notes);
    year_date(&mut map, &mut notes);
    for key in ["link", "url", "repo", "website"] {
        if let Some(Value::String(u)) = map.get_mut(key)
            && u.starts_with("//")
        {
            *u = format!("https:{u}");
        }
    }
    // The item's own line is where a key's problem is reported.
    let front = Front {
        syntax: Syntax::Yaml,
        map,
        raw: String::new(),
        body,
        body_first_line: r.line,
        item_line: Some(r.line),
    };
    (front, notes)
}

/// The front matter of a record whose text is the Markdown file read as
/// `own`: the record's keys, the file's own keys (which win) and its text;
/// the notes for the report in `notes`.
pub fn with_text(r: &Record, own: Front, notes: &mut Vec<String>) -> Front {
    let (mut front, item_notes) = front(r);
    notes.push(format!("{} → front matter", r.place));
    // The first says the item became a write-up: it is said above.
    notes.extend(item_notes.into_iter().skip(1));
    if !own.map.is_empty() {
        // Its keys' lines are in the file; the record's are reported on line 1.
        front.item_line = None;
        notes.push("the description's own front matter over the record's".into());
    }
    for (k, v) in own.map {
        front.map.insert(k, v);
    }
    Front {
        raw: own.raw,
        body: own.body,
        body_first_line: own.body_first_line,
        ..front
    }
}

/// hugo-profile's `content` (Markdown) is the write-up's text.
fn take_body(map: &mut Map<String, Value>, notes: &mut Vec<String>) -> String {
    for key in ["content", "body", "details"] {
        if let Some(Value::String(t)) = map.get(key) {
            let t = t.trim().to_string();
            map.remove(key);
            notes.push(format!("{key} → the text"));
            return t + "\n";
        }
    }
    String::new()
}

fn rename(map: &mut Map<String, Value>, from: &str, to: &str, notes: &mut Vec<String>) {
    if !map.contains_key(to)
        && let Some(v) = map.remove(from)
    {
        map.insert(to.into(), v);
        notes.push(format!("{from} → {to}"));
    }
}

/// hugo-profile's `featured: {name: Demo, link: …}`: a link named as the button.
fn featured_link(map: &mut Map<String, Value>, notes: &mut Vec<String>) {
    let Some(Value::Object(f)) = map.get("featured") else {
        return;
    };
    let url = ["link", "url"].iter().find_map(|k| f.get(*k)?.as_str());
    let Some(url) = url.map(str::to_string) else {
        return;
    };
    let name = f.get("name").and_then(Value::as_str).unwrap_or("Demo");
    let link = serde_json::json!({ "name": name, "url": url });
    let links = map
        .entry("links")
        .or_insert_with(|| Value::Array(Vec::new()));
    // Links that are not a list keep `featured` as it was (under `extra:`).
    if let Value::Array(a) = links {
        a.insert(0, link);
        map.remove("featured");
        notes.push("featured.link → links".into());
    }
}

/// hugo-profile's `links: [{icon: fab fa-github, url}]`: named from the icon;
/// share buttons (mail, tweet) are not the project's links and are left out (noted).
fn icon_links(map: &mut Map<String, Value>, notes: &mut Vec<String>) {
    let Some(Value::Array(links)) = map.get_mut("links") else {
        return;
    };
    let before = links.len();
    let mut shares = Vec::new();
    links.retain(|l| {
        let url = l.get("url").and_then(Value::as_str).unwrap_or_default();
        let share = url.starts_with("mailto:")
            || url.contains("/intent/tweet")
            || url.contains("/sharer/")
            || url.contains("/sharer.php");
        if share {
            shares.push(url.to_string());
        }
        !share
    });
    if links.len() < before {
        notes.push(format!(
            "links: share buttons left out: {}",
            shares.join(", ")
        ));
    }
    for l in links.iter_mut() {
        let Some(o) = l.as_object_mut() else { continue };
        if o.contains_key("name") {
            continue;
        }
        let Some(icon) = o.remove("icon") else {
            continue;
        };
        let icon = icon.as_str().unwrap_or_default();
        o.insert("name".into(), Value::String(icon_name(icon)));
    }
}

/// `fab fa-github` → `GitHub`; `fa fa-link` → `Link`.
fn icon_name(icon: &str) -> String {
    let last = icon.split_whitespace().last().unwrap_or(icon);
    let word = last.trim_start_matches("fa-").trim_start_matches("x-");
    match word {
        "github" => "GitHub".into(),
        "gitlab" => "GitLab".into(),
        "youtube" => "YouTube".into(),
        "linkedin" => "LinkedIn".into(),
        "twitter" => "Twitter".into(),
        w => {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_else(|| "Link".into())
        }
    }
}

/// `year: 2021` (a card's year) is the date when there is none.
fn year_date(map: &mut Map<String, Value>, notes: &mut Vec<String>) {
    let year = match map.get("year") {
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s.trim().to_string(),
        _ => return,
    };
    let is_year = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
    if map.contains_key("date") || !is_year {
        return;
    }
    map.remove("year");
    map.insert("date".into(), Value::String(year));
    notes.push("year → date".into());
}

/// Toha's `timeline: "Jun 2024 - Sep 2024"`: its start is the date; the
/// timeline itself stays under `extra:`.
fn timeline_date(map: &mut Map<String, Value>, notes: &mut Vec<String>) {
    if map.contains_key("date") {
        return;
    }
    let Some(t) = map.get("timeline").and_then(Value::as_str) else {
        return;
    };
    let start = [" - ", " – ", " — ", " to ", "–", "—"]
        .iter()
        .fold(t, |t, sep| t.split(sep).next().unwrap_or(t))
        .trim();
    if let Some((date, _)) = super::fields::date_part(start) {
        map.insert("date".into(), Value::String(date));
        notes.push("timeline (its start) → date; the timeline is kept under extra".into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(yaml: &str) -> Record {
        let v: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
        let Value::Object(map) = super::super::frontmatter::yaml_to_json(v) else {
            panic!("not a mapping: {yaml}")
        };
        Record {
            map,
            line: 4,
            place: "data.yml".into(),
            text: None,
        }
    }

    #[test]
    fn protocol_relative_links_and_the_timeline() {
        let (f, _) = front(&item(
            "name: Kite\nlink: //kite.example.org\ntimeline: \"Jun 2024 – Sep 2024\"\n",
        ));
        assert_eq!(f.map["link"], "https://kite.example.org");
        assert_eq!(f.map["date"], "2024-06");
        assert_eq!(f.map["timeline"], "Jun 2024 – Sep 2024");
        assert_eq!(
            f.key_line("link"),
            Some(4),
            "a key is reported at its item's line"
        );
        assert_eq!(
            f.key_line("date"),
            Some(4),
            "so is one made from the timeline"
        );
        assert_eq!(f.key_line("summary"), None, "the item has no summary");
        let (f, notes) = front(&item("name: Sled\nyear: 2019\n"));
        assert_eq!(f.map["date"], "2019");
        assert!(!f.map.contains_key("year") && notes.contains(&"year → date".to_string()));
    }

    #[test]
    fn hugo_profile_keys_are_renamed_for_the_mapping() {
        let r = item(
            "title: Lamp\ncontent: \"A **bright** lamp.\"\nbadges: [Go]\nfeatured: {name: Try it, link: https://lamp.example.org}\nlinks:\n  - icon: fab fa-github\n    url: https://github.com/example/lamp\n  - url: https://github.com/example/filesharer\n    name: Sharer\n  - icon: fa fa-envelope\n    url: mailto:?subject=Lamp\n",
        );
        let (f, notes) = front(&r);
        assert_eq!(f.body, "A **bright** lamp.\n");
        assert_eq!(f.map["tags"], serde_json::json!(["Go"]));
        assert_eq!(
            f.map["links"],
            serde_json::json!([
                {"name": "Try it", "url": "https://lamp.example.org"},
                {"name": "GitHub", "url": "https://github.com/example/lamp"},
                {"name": "Sharer", "url": "https://github.com/example/filesharer"}
            ])
        );
        assert!(
            notes
                .iter()
                .any(|n| n == "links: share buttons left out: mailto:?subject=Lamp"),
            "{notes:?}"
        );
        assert!(notes[0].contains("data.yml (line 4)"));
    }
}
