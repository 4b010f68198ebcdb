//! Dates as people write them in résumés: ISO (`2024-03`), `May 2022`, `08/2011`,
//! `2025.05`, `2025年5月`, timestamps, `Present`/`至今`. What is unambiguous becomes a
//! [`Date`]; the rest is kept as written, with the reason.

use crate::date::Date;

/// What a date field said.
#[derive(Debug, Clone, PartialEq)]
pub enum Written {
    /// A date (the text was ISO, or another unambiguous shape: `note` says which).
    Date { date: Date, note: Option<String> },
    /// `Present`, `now`, `至今`, ...: still going.
    Ongoing(String),
    /// Not a date folio can read; kept as written. `.1` is why.
    Text(String, String),
}

const MONTHS: [[&str; 3]; 12] = [
    ["jan", "january", "januar"],
    ["feb", "february", "februar"],
    ["mar", "march", "märz"],
    ["apr", "april", "avril"],
    ["may", "mai", "mayo"],
    ["jun", "june", "juni"],
    ["jul", "july", "juli"],
    ["aug", "august", "août"],
    ["sep", "september", "sept"],
    ["oct", "october", "okt"],
    ["nov", "november", "novembre"],
    ["dec", "december", "dez"],
];

const ONGOING: [&str; 14] = [
    "present",
    "current",
    "now",
    "today",
    "ongoing",
    "至今",
    "现在",
    "今",
    "現在",
    "heute",
    "actual",
    "presente",
    "actualidad",
    "obecnie",
];

/// Reads one date field. `None` when it is empty.
pub fn read(text: &str) -> Option<Written> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if ONGOING.contains(&t.to_lowercase().as_str()) {
        return Some(Written::Ongoing(t.to_string()));
    }
    if let Ok(date) = Date::parse(t) {
        return Some(Written::Date { date, note: None });
    }
    Some(match other_shape(t) {
        Some(Ok(date)) => Written::Date {
            date,
            note: Some(format!("`{t}` read as {}", date.iso())),
        },
        Some(Err(why)) => Written::Text(t.to_string(), why.message().to_string()),
        None => match Date::parse(t) {
            Err(e) if e.message().contains("impossible") => {
                Written::Text(t.to_string(), e.message().to_string())
            }
            _ => Written::Text(t.to_string(), format!("`{t}` is not a date folio can read")),
        },
    })
}

fn month_name(s: &str) -> Option<u8> {
    let s = s.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&s.as_str()) || (s.len() >= 3 && names[1].starts_with(&s)))
        .map(|i| i as u8 + 1)
}

fn num(s: &str, min: usize, max: usize) -> Option<u32> {
    (s.len() >= min && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Shapes other than ISO; `None` when the text has none of them.
fn other_shape(t: &str) -> Option<crate::Result<Date>> {
    // Timestamps: 2019-02-01T00:00:00.000Z, 2019-02-01 10:00:00.
    let time = |rest: &str| rest.len() > 1 && rest.as_bytes()[1].is_ascii_digit();
    if t.len() > 11
        && t.is_char_boundary(10)
        && matches!(t.as_bytes()[10], b'T' | b' ')
        && time(&t[10..])
    {
        return Some(Date::parse(&t[..10]));
    }
    // 2025年5月, 2025年5月3日, 2025年
    if let Some(rest) = t.strip_suffix('日').or(Some(t)) {
        let parts: Vec<&str> = rest.split(['年', '月']).filter(|p| !p.is_empty()).collect();
        if t.contains('年') && !parts.is_empty() && parts.iter().all(|p| num(p, 1, 4).is_some()) {
            return Some(ymd(&parts));
        }
    }
    let words: Vec<&str> = t.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    // May 2022, Sept. 2019
    if let [m, y] = words.as_slice()
        && let (Some(m), Some(_)) = (month_name(m), num(y, 4, 4))
    {
        return Some(ymd(&[y, &m.to_string()]));
    }
    // 2025.05, 2025/05, 2025-5, 08/2011, 8.2011
    let parts: Vec<&str> = t.split(['.', '/', '-']).collect();
    match parts.as_slice() {
        [y, m] if num(y, 4, 4).is_some() && num(m, 1, 2).is_some() => Some(ymd(&[y, m])),
        [m, y] if num(y, 4, 4).is_some() && num(m, 1, 2).is_some() => Some(ymd(&[y, m])),
        [y, m, d] if num(y, 4, 4).is_some() && num(m, 1, 2).is_some() && num(d, 1, 2).is_some() => {
            Some(ymd(&[y, m, d]))
        }
        _ => None,
    }
}

/// Year, month, day as numbers → a validated date.
fn ymd(parts: &[&str]) -> crate::Result<Date> {
    let iso: Vec<String> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if i == 0 {
                p.to_string()
            } else {
                format!("{:0>2}", p)
            }
        })
        .collect();
    Date::parse(&iso.join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(t: &str) -> String {
        match read(t) {
            Some(Written::Date { date, .. }) => date.iso(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn shapes_people_write() {
        assert_eq!(iso("2024-03"), "2024-03");
        assert_eq!(iso("May 2022"), "2022-05");
        assert_eq!(iso("Sept. 2019"), "2019-09");
        assert_eq!(iso("08/2011"), "2011-08");
        assert_eq!(iso("2025.05"), "2025-05");
        assert_eq!(iso("2025/5"), "2025-05");
        assert_eq!(iso("2025年5月"), "2025-05");
        assert_eq!(iso("2019-02-01T00:00:00.000Z"), "2019-02-01");
        assert_eq!(read(""), None);
        assert_eq!(read("Present"), Some(Written::Ongoing("Present".into())));
        assert_eq!(read("至今"), Some(Written::Ongoing("至今".into())));
    }

    #[test]
    fn impossible_and_unreadable_dates_stay_text() {
        assert!(
            matches!(read("2024-09-31"), Some(Written::Text(t, why)) if t == "2024-09-31" && why.contains("impossible"))
        );
        assert!(matches!(read("Spring 2020"), Some(Written::Text(..))));
        assert!(matches!(read("13/2020"), Some(Written::Text(..))));
        assert!(matches!(read("2020-12-08 //Date"), Some(Written::Text(..))));
        assert_eq!(iso("2019-02-01 10:00:00"), "2019-02-01");
    }
}
