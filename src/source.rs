//! Reading the user's text files: UTF-8 checked, BOM stripped, CRLF normalised.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Error};

/// A text file of the site, ready to parse.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path shown to the user (relative to the site folder).
    pub display: PathBuf,
    /// The path on disk.
    pub path: PathBuf,
    /// The text, without BOM, with `\n` line endings.
    pub text: String,
}

/// Reads `path` as UTF-8 text. `root` is the site folder, used for the displayed path.
pub fn read(root: &Path, path: &Path) -> crate::Result<SourceFile> {
    let display = display_path(root, path);
    let bytes = std::fs::read(path).map_err(|e| Error::io("cannot read", &display, e))?;
    let text = decode(&bytes).map_err(|e| in_file(e, &display))?;
    Ok(SourceFile {
        display,
        path: path.to_path_buf(),
        text,
    })
}

/// Gives the diagnostics of `err` that name no file this one.
pub fn in_file(mut err: Error, file: &Path) -> Error {
    for d in err.diagnostics.iter_mut().filter(|d| d.file.is_none()) {
        d.file = Some(file.to_path_buf());
    }
    err
}

/// The path relative to `root` when it is inside it.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Decodes bytes as UTF-8 text, strips a BOM, normalises CRLF and lone CR to LF.
pub fn decode(bytes: &[u8]) -> crate::Result<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
            let line_end = bytes[line_start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |i| line_start + i);
            let snippet = String::from_utf8_lossy(&bytes[line_start..line_end])
                .trim_end_matches('\r')
                .to_string();
            let mut d = Diagnostic::error(format!(
                "the file is not valid UTF-8 (byte 0x{:02X} at line {line})",
                bytes[e.valid_up_to()]
            ))
            .with_help(
                "save the file as UTF-8 in your editor (e.g. \"Save with encoding → UTF-8\")",
            );
            d.line = Some(line);
            d.column = Some(column);
            d.snippet = Some(snippet);
            return Err(Error::single(d));
        }
    };
    if text.contains('\r') {
        Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Ok(text.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_crlf() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFa: 1\r\nb: 2\r\n").unwrap(),
            "a: 1\nb: 2\n"
        );
    }

    #[test]
    fn invalid_utf8_is_located() {
        let e = decode(b"title: ok\nsummary: caf\xE9 time\n").unwrap_err();
        let d = &e.diagnostics[0];
        assert_eq!(d.line, Some(2));
        assert_eq!(d.column, Some(13));
        assert!(d.message.contains("not valid UTF-8"), "{}", d.message);
        assert_eq!(d.snippet.as_deref(), Some("summary: caf\u{FFFD} time"));
    }
}
