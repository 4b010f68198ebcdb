//! The language of a résumé from its text: mostly Chinese characters → `zh`, with
//! kana → `ja`, Hangul → `ko`; `None` when Latin letters dominate.

use serde_json::Value;

#[derive(Default)]
struct Counts {
    han: usize,
    kana: usize,
    hangul: usize,
    latin: usize,
}

fn count(v: &Value, c: &mut Counts) {
    match v {
        Value::String(s) if !s.starts_with("http") && !s.contains('@') => {
            for ch in s.chars() {
                match ch as u32 {
                    0x4E00..=0x9FFF | 0x3400..=0x4DBF => c.han += 1,
                    0x3040..=0x30FF => c.kana += 1,
                    0xAC00..=0xD7AF => c.hangul += 1,
                    _ if ch.is_alphabetic() => c.latin += 1,
                    _ => {}
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|v| count(v, c)),
        Value::Object(o) => o.values().for_each(|v| count(v, c)),
        _ => {}
    }
}

/// A CJK character carries about a word: three Latin letters weigh one.
pub fn detect(doc: &Value) -> Option<&'static str> {
    let mut c = Counts::default();
    count(doc, &mut c);
    let latin = c.latin / 3;
    if c.hangul > latin && c.hangul > c.han + c.kana {
        Some("ko")
    } else if c.han + c.kana > latin && c.kana * 10 > c.han {
        Some("ja")
    } else if c.han + c.kana > latin {
        Some("zh")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn languages_from_text() {
        assert_eq!(
            detect(
                &json!({"basics": {"name": "王芳", "summary": "十年前端开发经验，熟悉 React。"}})
            ),
            Some("zh")
        );
        assert_eq!(
            detect(&json!({"basics": {"summary": "フロントエンドの開発を担当しました。"}})),
            Some("ja")
        );
        assert_eq!(
            detect(&json!({"basics": {"name": "Ana Silva", "summary": "Writer. 中文"}})),
            None
        );
    }
}
