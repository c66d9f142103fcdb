//! RTF: `rtf-parser` reads the text runs; paragraphs (`\par`) become line ends. The parser is a
//! third-party state machine, so it runs under `guard` like the PDF reader.

use std::time::Duration;

use rtf_parser::RtfDocument;

use super::guard::run_guarded;
use super::{Extracted, FormatError};

const FORMAT: &str = "RTF";

/// Longest an RTF file may take to read.
pub const TIME_LIMIT: Duration = Duration::from_mins(1);

/// Extracts an RTF file.
pub fn extract(bytes: &[u8]) -> Result<Extracted, FormatError> {
    // RTF is 7-bit ASCII by definition; anything else is escaped inside it.
    let source = String::from_utf8_lossy(bytes).into_owned();
    let text = run_guarded(FORMAT, TIME_LIMIT, move || {
        RtfDocument::try_from(source.as_str())
            .map(|doc| doc.get_text())
            .map_err(|e| FormatError::malformed(FORMAT, e))
    })?;
    let mut out = Extracted::default();
    // One `\par` is one paragraph: show it as a blank line, like the other formats.
    for line in text.lines() {
        out.text.push_str(line);
        out.break_paragraph();
    }
    Ok(out)
}
