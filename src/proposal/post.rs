//! Reading a job post: a page copied from Upwork (select all, copy) or plain
//! text with `Label: value` lines. Budget, length, level, activity and client
//! facts go to [`Facts`]; only the title, description, skills and questions
//! describe the work.

use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

use super::terms::cjk_share;

/// The budget as the page states it.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Budget {
    pub hourly: bool,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

/// What the page says about the job's terms and the client: never requirements.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facts {
    pub budget: Option<Budget>,
    pub level: Option<String>,
    pub length: Option<String>,
    pub hours: Option<String>,
    pub project_type: Option<String>,
    pub proposals: Option<String>,
    pub interviewing: Option<u32>,
    pub invites: Option<u32>,
    pub posted: Option<String>,
    pub payment_verified: Option<bool>,
    pub country: Option<String>,
    /// Where the freelancer must be: "Remote only", "U.S. only", "Europe only".
    pub location: Option<String>,
    pub jobs_posted: Option<u32>,
    pub hire_rate: Option<u32>,
    pub total_spent: Option<f64>,
    pub rating: Option<f64>,
}

/// What the post asks the letter to do.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Instructions {
    /// A word or phrase the proposal must start with.
    pub first_words: Option<String>,
    /// Samples asked for (how many, when the post says).
    pub samples: Option<usize>,
    /// The post asks for code or a repository.
    pub code: bool,
}

/// A job post, read.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Post {
    pub title: String,
    pub description: String,
    pub skills: Vec<String>,
    pub questions: Vec<String>,
    pub facts: Facts,
    pub instructions: Instructions,
    /// `en`, `zh` or `ja`: the post's language (letters are written in English or Chinese).
    pub language: String,
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    Body,
    Skills,
    Questions,
    Activity,
    Client,
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("a valid pattern"))
}

/// Lines of the Upwork page that are buttons and labels, not content.
fn is_chrome(lower: &str) -> bool {
    is_exact_chrome(lower)
        || [
            "send a proposal for",
            "available connects",
            "required connects",
            "last viewed by",
            "unanswered invites",
            "member since",
            "avg hourly rate",
            "open job",
            "hires,",
            "reviews",
            "this job is",
            "specialty",
            "connects to submit",
            "only freelancers located",
            "https://www.upwork.com/",
            "rating is ",
            "you will be asked",
            // The experience level's explanation: "I am looking for a mix of experience and value".
            "i am looking for a mix of experience",
            "i am willing to pay higher rates",
            "i am looking for freelancers with the lowest rates",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// Whole lines of the page that are labels: "Hourly", "Worldwide".
fn is_exact_chrome(lower: &str) -> bool {
    const EXACT: &[&str] = &[
        "apply now",
        "save job",
        "flag as inappropriate",
        "summary",
        "remote job",
        "worldwide",
        "job link",
        "copy link",
        "hourly",
        "fixed-price",
        "fixed price",
        "duration",
        "experience level",
        "project type",
        "view more",
        "share",
        "report",
        "more/less",
        "less than 1 month",
        "1 to 3 months",
        "3 to 6 months",
        "more than 6 months",
        "mandatory skills",
        "nice-to-have skills",
        "contract-to-hire",
        "you'll be asked to answer",
        "ongoing project",
        "one-time project",
        "complex project",
        "description",
        "details",
    ];
    EXACT.contains(&lower)
}

/// Where the freelancer must be: "Remote only", "U.S. only", "Netherlands only".
fn is_place_only(lower: &str) -> bool {
    lower.ends_with(" only") && lower.split_whitespace().count() <= 3
}

fn section_of(lower: &str) -> Option<Section> {
    let h = lower.trim_end_matches([':', '：']).trim();
    match h {
        "skills and expertise"
        | "skills"
        | "required skills"
        | "mandatory skills"
        | "nice-to-have skills"
        | "技能"
        | "技能要求" => Some(Section::Skills),
        "activity on this job" | "activity" => Some(Section::Activity),
        "about the client" | "client" | "about client" | "客户" => Some(Section::Client),
        "questions" | "screening questions" | "问题" => Some(Section::Questions),
        _ if h.contains("answer the following questions") => Some(Section::Questions),
        _ => None,
    }
}

fn money(s: &str) -> Option<f64> {
    let t = s
        .trim()
        .trim_start_matches(['$', '€', '£', '¥'])
        .replace(',', "");
    let (num, mult) = match t.chars().last() {
        Some('k' | 'K') => (&t[..t.len() - 1], 1_000.0),
        Some('m' | 'M') => (&t[..t.len() - 1], 1_000_000.0),
        _ => (t.as_str(), 1.0),
    };
    num.trim_end_matches('+')
        .parse::<f64>()
        .ok()
        .map(|n| n * mult)
}

/// A budget in `value`: "$40-$70", "$40.00 - $70.00/hr", "$800", "$12,000 fixed price".
fn budget_in(value: &str, hourly_hint: Option<bool>) -> Option<Budget> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"[$€£¥]\s?([\d][\d,]*(?:\.\d+)?[kK]?)(?:\s*(?:-|–|to)\s*[$€£¥]?\s?([\d][\d,]*(?:\.\d+)?[kK]?))?",
    );
    let c = r.captures(value)?;
    let low = money(&c[1]);
    let high = c.get(2).and_then(|m| money(m.as_str()));
    let lower = value.to_lowercase();
    let hourly = hourly_hint.unwrap_or(
        lower.contains("hour")
            || lower.contains("/hr")
            || (high.is_some() && !lower.contains("fixed")),
    );
    Some(Budget {
        hourly,
        low,
        high: high.or(low),
    })
}

fn number(s: &str) -> Option<u32> {
    s.chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()
}

/// A `Label: value` line about the job's terms; true when it was one.
fn labelled_fact(label: &str, value: &str, f: &mut Facts) -> bool {
    let v = value.trim().to_string();
    match label {
        "hourly" | "hourly rate" | "rate" | "hourly range" | "时薪" => {
            f.budget = budget_in(&v, Some(true)).or(f.budget.take())
        }
        "budget" | "fixed-price" | "fixed price" | "est. budget" | "fixed budget" | "预算" => {
            let hint = if v.to_lowercase().contains("hour") {
                None
            } else {
                Some(false)
            };
            f.budget = budget_in(&v, hint).or(f.budget.take())
        }
        "level" | "experience level" | "experience" | "经验" => f.level = Some(v),
        "project length" | "length" | "duration" | "est. time" | "timeline" | "工期" | "周期" =>
        {
            // "1 to 3 months, Less than 30 hrs/week": the length, then the hours.
            match v.split_once(',') {
                Some((length, hours)) if hours.contains("hrs/week") => {
                    f.length = Some(length.trim().to_string());
                    f.hours = Some(hours.trim().to_string());
                }
                _ => f.length = Some(v),
            }
        }
        "hours" | "hours per week" | "hours/week" | "workload" => f.hours = Some(v),
        "project type" | "type" => f.project_type = Some(v),
        "proposals" | "activity on this job" => {
            f.proposals = Some(v.trim_end_matches("proposals").trim().to_string())
        }
        "interviewing" => f.interviewing = number(&v),
        "invites sent" => f.invites = number(&v),
        "posted" | "date posted" => f.posted = Some(v),
        "client" | "country" | "location" | "client location" | "client country" => {
            f.country = Some(v)
        }
        "payment" | "payment method" => {
            f.payment_verified =
                Some(!v.to_lowercase().contains("not") && !v.to_lowercase().contains("unverified"))
        }
        "hire rate" => f.hire_rate = number(&v),
        "jobs posted" => f.jobs_posted = number(&v),
        "total spent" | "spent" => f.total_spent = money(v.split_whitespace().next().unwrap_or("")),
        "rating" => f.rating = v.split_whitespace().next().and_then(|n| n.parse().ok()),
        _ => return false,
    }
    true
}

/// A line of the copied page about the job's terms or the client; true when it was one.
fn page_fact(line: &str, lower: &str, f: &mut Facts) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"^(?:(entry level|intermediate|expert)|(less than 30 hrs/week|more than 30 hrs/week|30\+ hrs/week|hours to be determined|as needed.*)|(less than (?:1|one) month|1 to 3 months|3 to 6 months|more than 6 months)|posted (.+)|(\d+) jobs? posted.*|(\d+)% hire rate.*|\$?([\d.,]+[kKmM]?)\+? total spent|(payment (?:method )?(?:verified|unverified|not verified))|rating is ([\d.]+).*|(\d+ (?:minutes?|hours?|days?|weeks?|months?) ago))$",
    );
    if let Some(c) = r.captures(lower) {
        let g = |i: usize| c.get(i).map(|m| line[m.start()..m.end()].to_string());
        if let Some(v) = g(1) {
            f.level = Some(v)
        }
        if let Some(v) = g(2) {
            f.hours = Some(v)
        }
        if let Some(v) = g(3) {
            f.length = Some(v)
        }
        if let Some(v) = g(4).or(g(10)) {
            f.posted = Some(v)
        }
        if let Some(v) = g(5) {
            f.jobs_posted = v.parse().ok()
        }
        if let Some(v) = g(6) {
            f.hire_rate = v.parse().ok()
        }
        if let Some(v) = g(7) {
            f.total_spent = money(&v)
        }
        if let Some(v) = g(8) {
            f.payment_verified = Some(v.ends_with(" verified") && !v.contains("not"))
        }
        if let Some(v) = g(9) {
            f.rating = v.parse().ok()
        }
        return true;
    }
    if lower.starts_with('$')
        && line.len() < 40
        && let Some(b) = budget_in(line, None)
    {
        f.budget = Some(b);
        return true;
    }
    false
}

/// Splits `Label: value` (ASCII or full-width colon) when the label is short.
fn label_value(line: &str) -> Option<(String, &str)> {
    let (label, value) = line.split_once([':', '：'])?;
    let label = label.trim().to_lowercase();
    (label.chars().count() <= 24 && !label.contains("http")).then_some((label, value.trim()))
}

fn split_list(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split([',', '，', '、', ';', '|'])
        .map(|x| x.trim().trim_start_matches(['-', '•', '*', '·']).trim())
        .filter(|x| !x.is_empty() && !x.starts_with('+'))
        .filter(|x| !["not listed", "n/a", "none"].contains(&x.to_lowercase().as_str()))
        .map(str::to_string)
}

/// Reads a job post.
pub fn parse(text: &str) -> Post {
    let mut post = Post::default();
    let mut section = Section::Body;
    let mut body: Vec<String> = Vec::new();
    for raw in join_ranges(text) {
        let line = raw.trim().trim_start_matches('\u{feff}');
        let lower = line.to_lowercase();
        if line.is_empty() {
            let done = match section {
                Section::Skills => !post.skills.is_empty(),
                Section::Questions => !post.questions.is_empty(),
                _ => false,
            };
            if done {
                section = Section::Body;
            }
            body.push(String::new());
            continue;
        }
        if let Some(s) = section_of(&lower) {
            section = s;
            continue;
        }
        read_line(line, &lower, &mut section, &mut post, &mut body);
    }
    finish(&mut post, &body);
    post
}

/// The lines of `text`, with a range the page splits over three lines
/// ("$30.00", "-", "$55.00") joined into one ("$30.00 - $55.00").
fn join_ranges(text: &str) -> Vec<String> {
    let money = |l: &str| l.trim().starts_with(['$', '€', '£', '¥']);
    let mut out: Vec<String> = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let dash = ["-", "–", "to"].contains(&lines[i].trim());
        match (out.last_mut(), lines.get(i + 1)) {
            (Some(prev), Some(next)) if dash && money(prev) && money(next) => {
                *prev = format!("{} - {}", prev.trim(), next.trim());
                i += 2;
            }
            _ => {
                out.push(lines[i].to_string());
                i += 1;
            }
        }
    }
    out
}

/// A copied page's "Posted 4 hours ago" line follows the job's title; what
/// comes before the title is the site's header ("Skip to main content",
/// "Find work", …): short lines, never sentences. Sets the title and drops
/// that header, so it is neither the title nor part of the description.
fn title_above_posted(post: &mut Post, body: &mut Vec<String>) {
    let Some(at) = body.iter().rposition(|l| !l.trim().is_empty()) else {
        return;
    };
    let sentence = |t: &str| t.ends_with(['.', '。', ':', '：', '?', '!']);
    let header = body[..at].iter().all(|l| {
        let t = l.trim();
        t.split_whitespace().count() <= 4 && !sentence(t)
    });
    if header && !sentence(body[at].trim()) {
        post.title = body[at].trim().chars().take(160).collect();
        body.clear();
    }
}

/// One non-blank line, by the section it is in.
fn read_line(
    line: &str,
    lower: &str,
    section: &mut Section,
    post: &mut Post,
    body: &mut Vec<String>,
) {
    if let Some((label, value)) = label_value(line) {
        match label.as_str() {
            "title" | "job title" | "标题" | "职位" => return post.title = value.to_string(),
            "skills" | "skills and expertise" | "required skills" | "技能" | "技能要求" => {
                return post.skills.extend(split_list(value));
            }
            "description" | "details" | "描述" | "详情" => {
                *section = Section::Body;
                return body.push(value.to_string());
            }
            "questions" | "screening questions" => {
                *section = Section::Questions;
                return post
                    .questions
                    .extend(Some(value.to_string()).filter(|v| !v.is_empty()));
            }
            _ if labelled_fact(&label, value, &mut post.facts) => return,
            _ => {}
        }
    }
    if post.title.is_empty() && lower.starts_with("posted ") && *section == Section::Body {
        title_above_posted(post, body);
    }
    if *section != Section::Questions && is_place_only(lower) {
        post.facts.location.get_or_insert_with(|| line.to_string());
        return;
    }
    // Among the skills, a label's prefix is a skill ("Reviews"), not the page's "Reviews (13)".
    let chrome = match *section {
        Section::Skills => is_exact_chrome(lower),
        _ => is_chrome(lower),
    };
    if page_fact(line, lower, &mut post.facts) || chrome {
        return;
    }
    match *section {
        Section::Skills if line.chars().count() <= 60 && !line.ends_with(['.', '。']) => {
            post.skills.extend(split_list(line))
        }
        Section::Questions => post.questions.push(strip_number(line).to_string()),
        Section::Activity => {}
        Section::Client => {
            if post.facts.country.is_none() && !line.chars().any(|c| c.is_ascii_digit()) {
                post.facts.country = Some(line.to_string());
            }
        }
        _ => {
            *section = Section::Body;
            body.push(line.to_string())
        }
    }
}

/// "1. ", "2) ", "- " at the start of a line.
pub fn strip_number(line: &str) -> &str {
    let t = line.trim_start_matches(|c: char| c.is_ascii_digit());
    let t = if t.len() < line.len() {
        t.trim_start_matches(['.', ')', '、', ':'])
    } else {
        t
    };
    t.trim_start_matches(['-', '•', '*', '·', ' ']).trim()
}

fn finish(post: &mut Post, body: &[String]) {
    let mut lines: Vec<&str> = body.iter().map(String::as_str).collect();
    if post.title.is_empty()
        && let Some(i) = lines.iter().position(|l| !l.is_empty())
    {
        post.title = lines.remove(i).chars().take(160).collect();
    }
    let mut description = String::new();
    for l in lines {
        if l.is_empty() && (description.is_empty() || description.ends_with("\n\n")) {
            continue;
        }
        description.push_str(l);
        description.push('\n');
    }
    post.description = description.trim().to_string();
    let mut questions = body_questions(&post.description);
    questions.retain(|q| !post.questions.contains(q));
    post.questions.extend(questions);
    let both = format!("{}\n{}", post.title, post.description);
    let kana = both.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c));
    post.language = match (cjk_share(&both) > 0.3, kana) {
        (true, true) => "ja",
        (true, false) => "zh",
        _ => "en",
    }
    .to_string();
    post.instructions = instructions(&both);
}

/// Questions in the description: lines that end in a question mark, and the
/// numbered items under "please tell us / answer / include:".
fn body_questions(description: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut asking = false;
    for line in description.lines().map(str::trim) {
        let lower = line.to_lowercase();
        let numbered =
            line.starts_with(|c: char| c.is_ascii_digit()) && strip_number(line).len() < line.len();
        if (line.ends_with('?') || line.ends_with('？') || opens_with_question(line))
            && line.chars().count() >= 8
        {
            let q = strip_number(line).to_string();
            if q.chars().count() <= 300 && !out.contains(&q) {
                out.push(q);
            }
        } else if asking && numbered {
            out.push(strip_number(line).to_string());
            continue;
        }
        if line.is_empty() {
            continue;
        }
        asking = (line.ends_with(':') || line.ends_with('：'))
            && [
                "tell us", "answer", "include", "provide", "send", "apply", "share", "回答", "请",
                "describe",
            ]
            .iter()
            .any(|w| lower.contains(w))
            || (asking && numbered);
    }
    out
}

/// A line that starts with a question and goes on with a request, as in
/// "Have you built a CLI in Rust before? Please link it."
fn opens_with_question(line: &str) -> bool {
    const ASKING: [&str; 16] = [
        "have", "do", "did", "can", "could", "are", "is", "what", "which", "how", "why", "when",
        "where", "will", "would", "who",
    ];
    let first = line
        .split_whitespace()
        .next()
        .map(|w| w.to_lowercase())
        .unwrap_or_default();
    ASKING.contains(&first.as_str()) && line.find(['?', '？']).is_some_and(|i| i < line.len() - 1)
}

/// What the post tells applicants to do.
fn instructions(text: &str) -> Instructions {
    static FIRST: OnceLock<Regex> = OnceLock::new();
    static SAMPLES: OnceLock<Regex> = OnceLock::new();
    static CODE: OnceLock<Regex> = OnceLock::new();
    let first = re(
        &FIRST,
        r#"(?i)(?:start|begin|open)\w*\s+(?:your\s+|the\s+)?(?:proposal|application|cover letter|message|reply|bid|response|answer)\s+with\s+(?:the\s+)?(?:(?:word|phrase|words|code)\s*:?\s*)?(?:["'“‘「]([^"'”’」\n]{1,40})["'”’」]|(\w+))"#,
    );
    let samples = re(
        &SAMPLES,
        r"(?i)\b(?:send|share|include|attach|provide|show|see)\b[^.\n]{0,40}?\b(?:(\d|one|two|three|four|five)\s+)?(?:relevant\s+|writing\s+|design\s+|previous\s+|past\s+)?(?:samples?|examples?|portfolio|case stud(?:y|ies)|previous work|past work)\b",
    );
    let code = re(
        &CODE,
        r"(?i)\b(?:github|gitlab|bitbucket)\b|\b(?:link|links|share|send|show|include|provide|see)\b[^.\n]{0,30}\b(?:code|repositor(?:y|ies)|repos?|source)\b",
    );
    let count = |w: &str| match w.to_lowercase().as_str() {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        d => d.parse().unwrap_or(1),
    };
    Instructions {
        first_words: first
            .captures(text)
            .and_then(|c| c.get(1).or(c.get(2)))
            .map(|m| m.as_str().trim().to_string()),
        samples: samples.captures(text).map(|c| {
            c.get(1).map_or(
                if text.contains("examples") || text.contains("samples") {
                    2
                } else {
                    1
                },
                |m| count(m.as_str()),
            )
        }),
        code: code.is_match(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Rust developer for a log tailing CLI\nPosted 2 hours ago\nWorldwide\nSummary\nWe need a CLI that tails rotating log files.\nStart your proposal with the word \"Blue\" and link to your code.\nLess than 30 hrs/week\nHourly\n1 to 3 months\nDuration\nIntermediate\nExperience Level\n$40.00-$70.00\nHourly\nProject Type: One-time project\nSkills and Expertise\nRust\nCommand Line Interface\nActivity on this job\nProposals: 10 to 15\nInterviewing: 2\nInvites sent: 3\nYou will be asked to answer the following questions when submitting a proposal:\n1. Have you written a CLI in Rust before? Please link it.\n2. What is your availability?\nAbout the client\nPayment method verified\nRating is 4.9 out of 5.\nUnited States\n24 jobs posted\n67% hire rate, 2 open jobs\n$12K total spent\nMember since Mar 12, 2019\n";

    #[test]
    fn a_question_followed_by_a_request_in_the_description() {
        let q = body_questions(
            "We need a small tool. Why? Our docs break.\nHave you built a tool in Rust before? Please link it.\n",
        );
        assert_eq!(q, ["Have you built a tool in Rust before? Please link it."]);
    }

    #[test]
    fn an_upwork_page() {
        let p = parse(PAGE);
        assert_eq!(p.title, "Rust developer for a log tailing CLI");
        assert_eq!(p.skills, vec!["Rust", "Command Line Interface"]);
        assert_eq!(p.questions.len(), 2, "{:?}", p.questions);
        assert!(
            p.description.starts_with("We need a CLI"),
            "{}",
            p.description
        );
        assert!(!p.description.contains("hrs/week") && !p.description.contains("$40"));
        let f = &p.facts;
        assert_eq!(
            f.budget,
            Some(Budget {
                hourly: true,
                low: Some(40.0),
                high: Some(70.0)
            })
        );
        assert_eq!(f.level.as_deref(), Some("Intermediate"));
        assert_eq!(f.length.as_deref(), Some("1 to 3 months"));
        assert_eq!(f.interviewing, Some(2));
        assert_eq!(f.payment_verified, Some(true));
        assert_eq!(f.country.as_deref(), Some("United States"));
        assert_eq!(
            (f.jobs_posted, f.hire_rate, f.total_spent),
            (Some(24), Some(67), Some(12_000.0))
        );
        assert_eq!(p.instructions.first_words.as_deref(), Some("Blue"));
        assert!(p.instructions.code);
    }

    /// Blind set: a page copied with the site's header above the title got
    /// "Skip to main content" as its title (and the header in its description),
    /// and a range split over three lines read as a fixed price of its top.
    #[test]
    fn a_page_with_the_site_header_and_a_split_range() {
        let p = parse(
            "Skip to main content\nFind work\nDeliver work\nMessages\n\nJob details\n\nVideo editor for short clips\n\nPosted 4 hours ago\n\nWorldwide\n\nSummary\nWe need short clips from our demos.\n\n$30.00\n-\n$55.00\nHourly\n",
        );
        assert_eq!(p.title, "Video editor for short clips");
        assert_eq!(p.description, "We need short clips from our demos.");
        assert_eq!(
            p.facts.budget,
            Some(Budget {
                hourly: true,
                low: Some(30.0),
                high: Some(55.0)
            })
        );
        let page = parse(
            "Tax review\nPosted 1 hour ago\nU.S. only\nSummary\nReview our filings.\nExpert\nI am willing to pay higher rates for the most experienced freelancers\nSkills and Expertise\nTax Law\nReviews\n",
        );
        assert_eq!(page.description, "Review our filings.");
        assert_eq!(page.facts.location.as_deref(), Some("U.S. only"));
        assert_eq!(
            page.skills,
            ["Tax Law", "Reviews"],
            "the same skills as the plain form"
        );
        let essay = parse(
            "Intro\nWe are a small team that writes a lot of long posts.\nPosted 2 days ago\n",
        );
        assert_eq!(
            essay.title, "Intro",
            "a sentence above the date is no header"
        );
    }

    #[test]
    fn plain_labels() {
        let p = parse(
            "Title: Tax advisor\nBudget: $12,000 fixed price\nProject length: 1 to 3 months, Less than 30 hrs/week\n\nAdvice on taxes.\nSkills: Tax Law, Accounting\n",
        );
        assert_eq!(p.title, "Tax advisor");
        assert_eq!(
            p.facts.budget,
            Some(Budget {
                hourly: false,
                low: Some(12_000.0),
                high: Some(12_000.0)
            })
        );
        assert_eq!(p.description, "Advice on taxes.");
        assert_eq!(p.facts.length.as_deref(), Some("1 to 3 months"));
        assert_eq!(p.facts.hours.as_deref(), Some("Less than 30 hrs/week"));
        assert_eq!(p.skills, vec!["Tax Law", "Accounting"]);
    }

    /// "Remote only", "U.S. only": who may apply, by place. A term of the
    /// job, kept (it was dropped with the page's labels), never a skill.
    #[test]
    fn a_place_only_line_is_the_location() {
        for (line, form) in [
            (
                "Remote only",
                "Data entry\nPosted 1 hour ago\n{line}\nSummary\n",
            ),
            (
                "United States only",
                "Data entry\nPosted 1 hour ago\n{line}\nSummary\n",
            ),
            ("Europe only", "Title: Data entry\n{line}\n\n"),
        ] {
            let text = format!("{}Enter our invoices.\n", form.replace("{line}", line));
            let p = parse(&text);
            assert_eq!(p.facts.location.as_deref(), Some(line), "{text}");
            assert_eq!(p.description, "Enter our invoices.", "{text}");
            assert!(!p.skills.iter().any(|s| s.contains("only")));
        }
    }
}
