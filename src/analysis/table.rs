//! A plain data table: what every count in `analysis` returns, what the GUI draws and what the
//! command line prints as aligned text, CSV (the `csv` crate) or JSON (`serde_json`).

use std::io::{self, Write};

use serde::Serialize;

use super::AnalysisError;

/// One cell: a label or a count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    Text(String),
    Count(usize),
}

impl Cell {
    /// The count, if the cell holds one.
    #[must_use]
    pub fn count(&self) -> Option<usize> {
        match self {
            Self::Count(n) => Some(*n),
            Self::Text(_) => None,
        }
    }
}

impl std::fmt::Display for Cell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Text(t) => f.write_str(t),
            Self::Count(n) => write!(f, "{n}"),
        }
    }
}

impl From<usize> for Cell {
    fn from(n: usize) -> Self {
        Self::Count(n)
    }
}

impl From<String> for Cell {
    fn from(t: String) -> Self {
        Self::Text(t)
    }
}

impl From<&str> for Cell {
    fn from(t: &str) -> Self {
        Self::Text(t.to_owned())
    }
}

/// A header, rows of cells and a note that says exactly what was counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Printed under the table (the counting rule); empty when there is nothing to say.
    pub note: String,
}

impl Table {
    /// The cell at a row and a column header, for tests and the GUI.
    #[must_use]
    pub fn get(&self, row: usize, column: &str) -> Option<&Cell> {
        let col = self.header.iter().position(|h| h == column)?;
        self.rows.get(row)?.get(col)
    }

    /// The row whose first cell is `key`.
    #[must_use]
    pub fn row(&self, key: &str) -> Option<&[Cell]> {
        self.rows
            .iter()
            .find(|r| matches!(r.first(), Some(Cell::Text(t)) if t == key))
            .map(Vec::as_slice)
    }

    /// Aligned columns (counts to the right), then the note.
    pub fn write_text(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                let w = cell.to_string().chars().count();
                match widths.get_mut(i) {
                    Some(old) => *old = (*old).max(w),
                    None => widths.push(w),
                }
            }
        }
        let last = widths.len().saturating_sub(1);
        let header: Vec<Cell> = self.header.iter().map(|h| Cell::from(h.as_str())).collect();
        for (r, row) in std::iter::once(&header).chain(&self.rows).enumerate() {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                let w = widths.get(i).copied().unwrap_or(0);
                let text = cell.to_string();
                let pad = w.saturating_sub(text.chars().count());
                if i > 0 {
                    line.push_str("  ");
                }
                // Counts are right-aligned, in the header too, so that digits line up.
                let numeric = self
                    .rows
                    .iter()
                    .any(|row| matches!(row.get(i), Some(Cell::Count(_))));
                if numeric && (r > 0 || i > 0) {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(&text);
                } else {
                    line.push_str(&text);
                    if i < last {
                        line.push_str(&" ".repeat(pad));
                    }
                }
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        if !self.note.is_empty() {
            writeln!(out)?;
            writeln!(out, "{}", self.note)?;
        }
        Ok(())
    }

    /// The table as aligned text.
    #[must_use]
    pub fn to_text(&self) -> String {
        let mut out = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = self.write_text(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    /// The header and rows as CSV (RFC 4180, via the `csv` crate); the note is not included.
    pub fn to_csv(&self) -> Result<String, AnalysisError> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        let csv_err = |e: csv::Error| AnalysisError::Csv(e.to_string());
        writer.write_record(&self.header).map_err(csv_err)?;
        for row in &self.rows {
            writer
                .write_record(row.iter().map(ToString::to_string))
                .map_err(csv_err)?;
        }
        let bytes = writer
            .into_inner()
            .map_err(|e| AnalysisError::Csv(e.to_string()))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        Table {
            header: vec!["code".into(), "n".into()],
            rows: vec![
                vec!["pc.1".into(), 12.into()],
                vec!["a, \"b\"".into(), 3.into()],
            ],
            note: "counted once".into(),
        }
    }

    #[test]
    fn text_aligns_counts_right() {
        assert_eq!(
            sample().to_text(),
            "code     n\npc.1    12\na, \"b\"   3\n\ncounted once\n"
        );
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(
            sample().to_csv().unwrap(),
            "code,n\npc.1,12\n\"a, \"\"b\"\"\",3\n"
        );
    }

    #[test]
    fn lookups() {
        let t = sample();
        assert_eq!(t.get(0, "n"), Some(&Cell::Count(12)));
        assert_eq!(t.row("pc.1").map(<[Cell]>::len), Some(2));
        assert!(t.row("pc.9").is_none());
    }
}
