//! What is left of MDX once its images and videos are converted: components
//! folio has no equivalent for (`<Chart data={x} />`) and `{name}` attribute
//! values. Their tags are left out (what they wrap stays) and named, so no
//! reader sees them.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::convert::Convert;

static COMPONENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"</?([A-Z][\w.]*)(?:\s(?:[^>{]|\{[^}]*\})*)?/?>").expect("valid regex")
});
static EXPR_ATTR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s([\w:.-]+)=\{[^}]*\}").expect("valid regex"));

/// Leaves out the components and `{…}` attribute values on one line of MDX.
pub fn leave_out(cx: &mut Convert, line: &str) -> String {
    let line = COMPONENT.replace_all(line, |c: &Captures| {
        if !c[0].starts_with("</") {
            cx.hand(format!(
                "MDX component `<{}>` left out: folio has no equivalent",
                &c[1]
            ));
        }
        String::new()
    });
    EXPR_ATTR
        .replace_all(&line, |c: &Captures| {
            cx.hand(format!(
                "MDX attribute `{}` left out: its value is a JavaScript expression",
                c[0].trim()
            ));
            String::new()
        })
        .into_owned()
}
