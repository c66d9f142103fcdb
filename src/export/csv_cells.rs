//! What both CSV exports share: the `csv` crate's writer, an optional BOM, and cells made safe
//! for spreadsheets.

use super::ExportError;

/// UTF-8 byte-order mark: Excel reads a CSV as UTF-8 only when it starts with one.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A CSV writer into memory, with the BOM already written when asked for.
pub fn writer(bom: bool) -> csv::Writer<Vec<u8>> {
    let start = if bom { BOM.to_vec() } else { Vec::new() };
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(start)
}

/// The finished bytes.
pub fn finish(writer: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, ExportError> {
    writer
        .into_inner()
        .map_err(|e| ExportError::Encode(e.to_string()))
}

/// Neutralises formula injection (OWASP "CSV injection"): a cell starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return would be run as a formula by Excel or LibreOffice, so it gets a
/// leading apostrophe, which spreadsheets show as text and hide. [`restore`] undoes it.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// The original text of a neutralised cell (for readers of our CSV, and the round-trip tests).
#[must_use]
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dangerous_cells_are_neutralised_and_restored() {
        for cell in ["=SUM(A1)", "+33 1", "-1", "@cmd", "\tx"] {
            let safe = neutralise(cell);
            assert!(safe.starts_with('\''), "{cell}");
            assert_eq!(restore(&safe), cell);
        }
        assert_eq!(neutralise("plain é"), "plain é");
        assert_eq!(restore("'plain"), "'plain");
    }

    #[test]
    fn bom_is_optional() {
        let mut w = writer(true);
        w.write_record(["a"]).expect("write");
        assert!(finish(w).expect("bytes").starts_with(BOM));
        let mut w = writer(false);
        w.write_record(["a"]).expect("write");
        assert_eq!(finish(w).expect("bytes"), b"a\r\n");
    }
}
