//! Mutations for the fuzzer: a small random generator and the edits it makes.

/// xorshift64*: fast, seedable, enough for choosing mutations.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Tokens that matter to YAML, Markdown, Tera, HTML, JSON and dates.
const TOKENS: &[&str] = &[
    ": ",
    "- ",
    "\"",
    "'",
    "[",
    "]",
    "{",
    "}",
    ",",
    "\t",
    "\u{feff}",
    "{{",
    "}}",
    "{%",
    "%}",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "&",
    "*a",
    "&a ",
    "!!binary ",
    "~",
    "null",
    "\\",
    "\r",
    "\0",
    "\u{1}",
    "](x.md)",
    "![a](",
    "](../../../etc.md)",
    "@/",
    "../",
    "#",
    ":",
    "\n  - ",
    "\n---\n",
    "+++",
    "2024-13-45",
    "1e999",
    "99999999999999999999999999",
    "-1",
    "0x",
    "中文写作",
    "日本語",
    "\u{202e}",
    "😀",
    "`",
    "```",
    "\n```\n",
    "|",
    "> ",
    "<",
    ">",
    "%",
    "@",
    "?",
    "\n- [x] ",
    "[^1]",
    "\n[^1]: ",
    "http://",
    "mailto:",
    "\u{a0}",
    "\n\n",
    "= ",
];

/// One random edit of `bytes`.
pub fn mutate(bytes: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut b = bytes.to_vec();
    let at = rng.below(b.len() + 1);
    match rng.below(7) {
        0 if !b.is_empty() => {
            let i = rng.below(b.len());
            b[i] ^= 1 << rng.below(8);
        }
        1 | 2 => {
            let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
            b.splice(at..at, t.iter().copied());
        }
        3 => return edit_lines(&b, rng),
        4 => b.truncate(at),
        5 => {
            // A run of one token, for deep nesting and huge values.
            let t = TOKENS[rng.below(TOKENS.len())].repeat(1 + rng.below(200));
            b.splice(at..at, t.bytes());
        }
        _ => {
            // A piece of the file copied elsewhere in it.
            let from = rng.below(b.len() + 1);
            let len = rng.below(b.len() - from + 1).min(200);
            let piece = b[from..from + len].to_vec();
            b.splice(at..at, piece);
        }
    }
    b
}

/// Deletes, duplicates or swaps lines.
fn edit_lines(b: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut lines: Vec<&[u8]> = b.split_inclusive(|&c| c == b'\n').collect();
    if lines.is_empty() {
        return b.to_vec();
    }
    let i = rng.below(lines.len());
    match rng.below(3) {
        0 => {
            lines.remove(i);
        }
        1 => lines.insert(i, lines[i]),
        _ => {
            let j = rng.below(lines.len());
            lines.swap(i, j);
        }
    }
    lines.concat()
}
