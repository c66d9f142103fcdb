//! The one normal form every document text is stored in.

use unicode_normalization::UnicodeNormalization as _;

use super::ImportWarning;

/// Normalises a text: `\r\n` and `\r` → `\n`, Unicode NFC (a decomposed « é » becomes one
/// character, so offsets match what users see), control characters other than tab and newline
/// removed (form feeds become paragraph breaks), trailing spaces cut, at most one blank line
/// between paragraphs, no blank lines at either end.
pub fn normalize(text: &str) -> (String, Vec<ImportWarning>) {
    let mut warnings = Vec::new();
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let composed: String = unified.nfc().collect();
    if composed != unified {
        warnings.push(ImportWarning(
            "decomposed accents were composed (Unicode NFC)".to_owned(),
        ));
    }
    let mut dropped = 0usize;
    let cleaned: String = composed
        .chars()
        .filter_map(|c| match c {
            '\n' | '\t' => Some(c),
            '\u{000C}' | '\u{2028}' | '\u{2029}' => Some('\n'),
            '\u{FEFF}' => None,
            c if c.is_control() => {
                dropped += 1;
                None
            }
            c => Some(c),
        })
        .collect();
    if dropped > 0 {
        warnings.push(ImportWarning(format!(
            "{dropped} control character(s) removed"
        )));
    }
    let mut out = String::with_capacity(cleaned.len());
    let mut blank_run = 0usize;
    for line in cleaned.split('\n') {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    (out, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_blank_lines_and_nfc() {
        let (text, warnings) =
            normalize("\n\n  Titre\r\n\r\n\r\n\r\nLe  cyberespace\u{0301}  \rfin\n\n");
        assert_eq!(
            text,
            "  Titre\n\nLe  cyberespace\u{0301}\nfin"
                .nfc()
                .collect::<String>()
        );
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn decomposed_french_becomes_composed() {
        let (text, _) = normalize("se\u{301}curite\u{301}");
        assert_eq!(text, "sécurité");
        assert_eq!(text.chars().count(), 8);
    }

    #[test]
    fn controls_are_dropped() {
        let (text, warnings) = normalize("a\u{0007}b\u{000C}c");
        assert_eq!(text, "ab\nc");
        assert_eq!(warnings.len(), 1);
    }
}
