//! Finding contact details in text bound for a platform that forbids them
//! before a contract (Upwork): e-mail addresses, phone numbers, messenger ids,
//! social handles and outside links.

use std::sync::LazyLock;

use regex::Regex;

/// What kind of contact detail was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Email,
    Phone,
    Messenger,
    SocialHandle,
    Link,
}

impl Kind {
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Email => "an e-mail address",
            Kind::Phone => "a phone number",
            Kind::Messenger => "a messenger id",
            Kind::SocialHandle => "a social media handle",
            Kind::Link => "an outside link",
        }
    }
}

/// One contact detail in a text: its kind, the text and its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: Kind,
    pub text: String,
    pub start: usize,
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[a-z0-9._%+-]+\s*(?:@|\(at\)|\[at\]|＠)\s*[a-z0-9-]+(?:\s*(?:\.|\(dot\)|\[dot\])\s*[a-z0-9-]+)*\s*(?:\.|\(dot\)|\[dot\])\s*[a-z]{2,}")
        .unwrap()
});
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://|www\.)[^\s<>()]+|\b(?:t\.me|wa\.me|m\.me|calendly\.com|linktr\.ee|bit\.ly)/[^\s<>()]+")
        .unwrap()
});
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\+?\(?\d[\d\s().\-–]{5,}\d").unwrap());
static MESSENGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(skype|whats\s?app|telegram|wechat|weixin|signal|discord|viber|kakao(?:talk)?|line|qq|slack|imessage|zoom)(?:\s*(?:id|handle|number|name|号|账号))?\s*[:：]\s*\S+|(?:微信|微信号|ＱＱ|QQ号)\s*[:：]?\s*[A-Za-z0-9_\-]{4,}")
        .unwrap()
});
static HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s(（,，:：])(@[A-Za-z0-9_][A-Za-z0-9_.]{1,29})\b").unwrap()
});

/// Every contact detail in `text`, in order, without overlaps.
pub fn find(text: &str) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let push = |kind: Kind, start: usize, s: &str, found: &mut Vec<Found>| {
        let end = start + s.len();
        if found
            .iter()
            .any(|f| start < f.start + f.text.len() && f.start < end)
        {
            return;
        }
        found.push(Found {
            kind,
            text: s
                .trim_end_matches(['.', ',', ';', ':', '!', '?', '。', '，'])
                .to_string(),
            start,
        });
    };
    for m in EMAIL.find_iter(text) {
        push(Kind::Email, m.start(), m.as_str(), &mut found);
    }
    for m in URL.find_iter(text) {
        push(Kind::Link, m.start(), m.as_str(), &mut found);
    }
    for m in MESSENGER.find_iter(text) {
        push(Kind::Messenger, m.start(), m.as_str(), &mut found);
    }
    for c in HANDLE.captures_iter(text) {
        let m = c.get(1).unwrap();
        push(Kind::SocialHandle, m.start(), m.as_str(), &mut found);
    }
    for m in PHONE.find_iter(text) {
        if looks_like_phone(m.as_str()) {
            push(Kind::Phone, m.start(), m.as_str().trim(), &mut found);
        }
    }
    found.sort_by_key(|f| f.start);
    found
}

/// Digits with separators are a phone number only with enough digits and not
/// when they read as a version, a date, a range of years or a plain amount.
fn looks_like_phone(s: &str) -> bool {
    let s = s.trim();
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 7 || digits.len() > 15 {
        return false;
    }
    let groups: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    // 2018-2021, 2018 – 2021, 2024-03-15
    let is_year = |g: &str| g.len() == 4 && (g.starts_with("19") || g.starts_with("20"));
    if groups.iter().any(|g| is_year(g)) && groups.iter().all(|g| g.len() <= 2 || is_year(g)) {
        return false;
    }
    // Versions and decimals: 1.2.3, 10.0.19041
    if !s.contains([' ', '-', '(', ')', '+']) && s.contains('.') {
        return false;
    }
    // Single long run without separators and no "+": an id or an amount, not a phone
    // (phones are written with a + or in groups).
    if groups.len() == 1 && !s.starts_with('+') {
        return digits.len() >= 10 && digits.len() <= 11 && !s.contains(' ');
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, String)> {
        find(text).into_iter().map(|f| (f.kind, f.text)).collect()
    }

    #[test]
    fn finds_emails_including_obfuscated() {
        assert_eq!(
            kinds("Write to ana@example.com."),
            vec![(Kind::Email, "ana@example.com".into())]
        );
        assert_eq!(kinds("ana (at) example (dot) com")[0].0, Kind::Email);
        assert_eq!(kinds("邮箱：ana＠example.cn")[0].0, Kind::Email);
    }

    #[test]
    fn finds_phone_numbers() {
        for p in [
            "+351 912 345 678",
            "(555) 123-4567",
            "555-123-4567",
            "+86 138 0013 8000",
            "07911 123456",
            "13800138000",
        ] {
            assert_eq!(kinds(&format!("Call {p} today"))[0].0, Kind::Phone, "{p}");
        }
    }

    #[test]
    fn does_not_mistake_numbers_for_phones() {
        for t in [
            "version 1.2.3",
            "C++ and C# since 2016",
            "from 2018-2021",
            "2018 – 2021",
            "on 2024-03-15",
            "cut 40 % of 1,200 tickets",
            "Windows 10.0.19041",
            "ISBN 978-3-16",
            "$12,500 budget",
            "900 pages in 2 weeks",
            "2.3 倍",
        ] {
            assert!(kinds(t).is_empty(), "{t}: {:?}", kinds(t));
        }
    }

    #[test]
    fn finds_messengers_handles_and_links() {
        assert_eq!(kinds("Skype: ana.silva")[0].0, Kind::Messenger);
        assert_eq!(kinds("WhatsApp ID: anasilva")[0].0, Kind::Messenger);
        assert_eq!(kinds("微信：ana_2024")[0].0, Kind::Messenger);
        assert_eq!(kinds("Telegram: @ana")[0].0, Kind::Messenger);
        assert_eq!(
            kinds("find me @ana_writes on X")[0],
            (Kind::SocialHandle, "@ana_writes".into())
        );
        assert_eq!(
            kinds("see https://ana.dev/work")[0],
            (Kind::Link, "https://ana.dev/work".into())
        );
        assert_eq!(
            kinds("or www.ana.dev.")[0],
            (Kind::Link, "www.ana.dev".into())
        );
        assert_eq!(kinds("t.me/ana")[0].0, Kind::Link);
    }

    #[test]
    fn ordinary_words_are_not_messengers() {
        for t in [
            "I built a Telegram bot",
            "Slack integrations",
            "a line of code",
            "Zoom calls weekly",
            "Node.js and ASP.NET",
            "user@ in docs",
        ] {
            assert!(kinds(t).is_empty(), "{t}: {:?}", kinds(t));
        }
    }
}
