//! Dates as freelancers write them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (as in JSON Resume).

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use crate::diagnostics::Error;

/// A calendar date with optional month and day, validated (no 2023-02-30).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// The time of day as written (`2025-04-16T17:36:46+08:00` → 17:36:46), in
    /// seconds: not shown, it orders the projects of one day.
    pub time: Option<u32>,
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

pub(crate) fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `2025-04-16T17:36:46+08:00` → (`2025-04-16`, `17:36:46+08:00`); also with a space.
fn split_time(s: &str) -> Option<(&str, &str)> {
    let sep = s.as_bytes().get(10)?;
    (matches!(sep, b'T' | b't' | b' ') && s.is_char_boundary(10) && s.is_char_boundary(11))
        .then(|| (&s[..10], s[11..].trim()))
}

/// `HH:MM[:SS[.frac]]` with an optional `Z` or `±HH[:]MM` offset → seconds of the day.
fn parse_time(t: &str) -> Option<u32> {
    let end = t.find(['Z', 'z', '+', '-']).unwrap_or(t.len());
    let (clock, zone) = t.split_at(end);
    let zone_ok = zone.is_empty()
        || zone.eq_ignore_ascii_case("z")
        || (zone.len() >= 3 && zone[1..].bytes().all(|b| b.is_ascii_digit() || b == b':'));
    let mut parts = clock.trim().split(':');
    let num = |p: Option<&str>, max: u32| -> Option<u32> {
        let p = p?;
        let whole = p.split('.').next()?;
        (whole.len() == 2 && whole.bytes().all(|b| b.is_ascii_digit()))
            .then(|| whole.parse().ok())
            .flatten()
            .filter(|v| *v <= max)
    };
    let h = num(parts.next(), 23)?;
    let m = num(parts.next(), 59)?;
    let sec = match parts.next() {
        Some(p) => num(Some(p), 60)?,
        None => 0,
    };
    (zone_ok && parts.next().is_none()).then_some(h * 3600 + m * 60 + sec)
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the error says what is wrong.
    pub fn parse(s: &str) -> crate::Result<Date> {
        let s = s.trim();
        if let Some((date, time)) = split_time(s) {
            let mut d = Date::parse(date)?;
            if d.day.is_none() {
                return Err(Error::msg(format!(
                    "`{s}` has a time but no day; write YYYY-MM-DDTHH:MM"
                )));
            }
            d.time = Some(parse_time(time).ok_or_else(|| {
                Error::msg(format!(
                    "`{s}` has a time folio cannot read; write e.g. 2025-04-16T17:36:46+08:00, or only the date"
                ))
            })?);
            return Ok(d);
        }
        let hint = "write dates as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-03-15";
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Option<u32> {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        if parts.is_empty() || parts.len() > 3 {
            return Err(Error::msg(format!("`{s}` is not a date; {hint}")));
        }
        let year = num(parts[0], 4)
            .ok_or_else(|| Error::msg(format!("`{s}` is not a date; {hint}")))?
            as u16;
        let month = match parts.get(1) {
            None => None,
            Some(p) => {
                let m =
                    num(p, 2).ok_or_else(|| Error::msg(format!("`{s}` is not a date; {hint}")))?;
                if !(1..=12).contains(&m) {
                    return Err(Error::msg(format!(
                        "`{s}` is an impossible date: there is no month {m}"
                    )));
                }
                Some(m as u8)
            }
        };
        let day = match parts.get(2) {
            None => None,
            Some(p) => {
                let d =
                    num(p, 2).ok_or_else(|| Error::msg(format!("`{s}` is not a date; {hint}")))?;
                let m = month.unwrap_or(1);
                let max = days_in_month(year, m) as u32;
                if d < 1 || d > max {
                    return Err(Error::msg(format!(
                        "`{s}` is an impossible date: {} {year} has {max} days",
                        MONTHS_EN[m as usize - 1]
                    )));
                }
                Some(d as u8)
            }
        };
        Ok(Date {
            year,
            month,
            day,
            time: None,
        })
    }

    /// A key that sorts dates; a missing month or day sorts as the start of the period.
    pub fn sort_key(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }

    /// ISO 8601 text at the precision given (`2024`, `2024-03`, `2024-03-15`).
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// Human text in the site's language: `Mar 2024` in English, `2024年3月` in
    /// Chinese and Japanese, `2024년 3월` in Korean, ISO (`2024-03`) in any other.
    pub fn display(&self, language: &str) -> String {
        match primary(language).as_str() {
            "zh" | "ja" => match (self.month, self.day) {
                (Some(m), Some(d)) => format!("{}年{m}月{d}日", self.year),
                (Some(m), None) => format!("{}年{m}月", self.year),
                _ => format!("{}年", self.year),
            },
            "ko" => match (self.month, self.day) {
                (Some(m), Some(d)) => format!("{}년 {m}월 {d}일", self.year),
                (Some(m), None) => format!("{}년 {m}월", self.year),
                _ => format!("{}년", self.year),
            },
            "en" => match (self.month, self.day) {
                (Some(m), Some(d)) => format!("{d} {} {}", MONTHS_EN[m as usize - 1], self.year),
                (Some(m), None) => format!("{} {}", MONTHS_EN[m as usize - 1], self.year),
                _ => self.year.to_string(),
            },
            _ => self.iso(),
        }
    }
}

/// The primary language of a code (`zh` for `zh-CN`), lower-case.
fn primary(language: &str) -> String {
    language
        .split(['-', '_'])
        .next()
        .unwrap_or("en")
        .to_ascii_lowercase()
}

/// The end of a period still going on, in a language (`Present`, `至今`):
/// Chinese, Japanese and Korean have their own word, the others English.
pub fn ongoing(language: &str) -> &'static str {
    match primary(language).as_str() {
        "zh" => "至今",
        "ja" => "現在",
        "ko" => "현재",
        _ => "Present",
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date written YYYY, YYYY-MM or YYYY-MM-DD")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Date, E> {
                Date::parse(&v.to_string()).map_err(|e| E::custom(e.message()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Date, E> {
                Date::parse(&v.to_string()).map_err(|e| E::custom(e.message()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v).map_err(|e| E::custom(e.message()))
            }
        }
        d.deserialize_any(V)
    }
}

/// A date as shown in templates: machine and human forms.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    pub iso: String,
    pub display: String,
    pub year: u16,
}

impl DateView {
    pub fn new(date: &Date, language: &str) -> Self {
        DateView {
            iso: date.iso(),
            display: date.display(language),
            year: date.year,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_times() {
        let d = Date::parse("2025-04-16T17:36:46+08:00").unwrap();
        assert_eq!(
            (d.iso(), d.time),
            ("2025-04-16".to_string(), Some(17 * 3600 + 36 * 60 + 46))
        );
        assert_eq!(
            Date::parse("2024-03-31 07:59:00-0400").unwrap().time,
            Some(7 * 3600 + 59 * 60)
        );
        assert_eq!(
            Date::parse("2023-06-01T09:30Z").unwrap().time,
            Some(9 * 3600 + 30 * 60)
        );
        assert_eq!(
            Date::parse("2023-06-01T09:30:00.123Z").unwrap().time,
            Some(9 * 3600 + 30 * 60)
        );
        assert!(Date::parse("2023-06-01T25:00").is_err());
        assert!(
            Date::parse("2023-06-01Tnoon")
                .unwrap_err()
                .message()
                .contains("time")
        );
        assert!(
            Date::parse("2023-02-30T10:00")
                .unwrap_err()
                .message()
                .contains("impossible")
        );
        assert!(
            Date::parse("2023-06-01T10:00").unwrap() > Date::parse("2023-06-01T09:00").unwrap()
        );
    }

    #[test]
    fn parses_three_precisions() {
        assert_eq!(Date::parse("2024").unwrap().iso(), "2024");
        assert_eq!(Date::parse("2024-03").unwrap().iso(), "2024-03");
        assert_eq!(Date::parse("2024-02-29").unwrap().iso(), "2024-02-29");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(
            Date::parse("2023-02-29")
                .unwrap_err()
                .message()
                .contains("impossible")
        );
        assert!(
            Date::parse("2024-13")
                .unwrap_err()
                .message()
                .contains("no month 13")
        );
        assert!(
            Date::parse("2024-04-31")
                .unwrap_err()
                .message()
                .contains("30 days")
        );
        assert!(
            Date::parse("24-01-01")
                .unwrap_err()
                .message()
                .contains("not a date")
        );
        assert!(Date::parse("March 2024").is_err());
    }

    #[test]
    fn displays_per_language() {
        let d = Date::parse("2024-03").unwrap();
        assert_eq!(d.display("en"), "Mar 2024");
        assert_eq!(d.display("zh-CN"), "2024年3月");
        assert_eq!(d.display("fr"), "2024-03");
        assert_eq!(d.display("ja"), "2024年3月");
        assert_eq!(d.display("ko"), "2024년 3월");
        let day = Date::parse("2024-03-05").unwrap();
        assert_eq!(day.display("en"), "5 Mar 2024");
        assert_eq!(day.display("zh"), "2024年3月5日");
        assert_eq!(day.display("ja-JP"), "2024年3月5日");
        assert_eq!(day.display("de"), "2024-03-05");
        let year = Date::parse("2024").unwrap();
        assert_eq!(year.display("en"), "2024");
        assert_eq!(year.display("zh_TW"), "2024年");
        assert_eq!(year.display("fr"), "2024");
    }

    #[test]
    fn a_period_still_going_ends_in_the_language() {
        assert_eq!(ongoing("en"), "Present");
        assert_eq!(ongoing("zh-CN"), "至今");
        assert_eq!(ongoing("ja"), "現在");
        assert_eq!(ongoing("fr"), "Present");
    }

    #[test]
    fn deserializes_plain_and_quoted() {
        let d: Date = serde_yaml::from_str("2021").unwrap();
        assert_eq!(d.year, 2021);
        let d: Date = serde_yaml::from_str("'2021-05-04'").unwrap();
        assert_eq!(d.day, Some(4));
        assert!(serde_yaml::from_str::<Date>("2021-02-30").is_err());
    }
}
