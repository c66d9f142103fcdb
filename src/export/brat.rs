//! brat standoff: per document `<doc>.txt` (the exact text) and `<doc>.ann`, plus the codebook as
//! `annotation.conf` and colours and labels as `visual.conf`.
//!
//! Each annotation becomes one `T` line per code (`T3\tpc.1 10 42\tquoted text`), offsets in
//! characters, end exclusive, as brat counts them. brat text-bound annotations cannot hold a line
//! break, so a quote that crosses lines becomes a discontinuous span, one fragment per line
//! (`T4\tpc.2 10 20;21 30\tfirst line second line`), as brat itself writes them. A memo becomes an
//! `AnnotatorNotes` line on the annotation's first `T`. brat has no coder field: export one coder
//! at a time (`--coder`) when coders must stay apart.

use std::fmt::Write as _;

use super::{ExportError, Options, Output, View};

/// The fragments of a span with the newlines left out: `(start, end)` pairs, in characters.
fn fragments(start: usize, quote: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = start;
    for line in quote.split('\n') {
        let len = line.chars().count();
        if len > 0 {
            out.push((pos, pos + len));
        }
        pos += len + 1;
    }
    out
}

/// One-line text for a note: brat reads to the end of the line.
fn one_line(text: &str) -> String {
    text.split(['\n', '\t']).collect::<Vec<_>>().join(" ")
}

pub fn write(view: &View<'_>, _options: &Options) -> Result<Output, ExportError> {
    let mut files = Vec::new();
    for doc in &view.documents {
        let mut ann_file = String::new();
        let mut t = 0usize;
        let mut note = 0usize;
        for coding in view.codings_in(doc.id()) {
            let span = coding.annotation.span();
            let mut parts = fragments(span.start(), coding.quote);
            if parts.is_empty() {
                // A span of line breaks only: brat cannot show it, but the offsets survive.
                parts.push((span.start(), span.end()));
            }
            let offsets = parts
                .iter()
                .map(|(s, e)| format!("{s} {e}"))
                .collect::<Vec<_>>()
                .join(";");
            let text = coding
                .quote
                .split('\n')
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            let first = t + 1;
            for code in &coding.codes {
                t += 1;
                writeln!(ann_file, "T{t}\t{} {offsets}\t{text}", code.id)
                    .map_err(|e| ExportError::Encode(e.to_string()))?;
            }
            if !coding.annotation.memo().is_empty() {
                note += 1;
                writeln!(
                    ann_file,
                    "#{note}\tAnnotatorNotes T{first}\t{}",
                    one_line(coding.annotation.memo())
                )
                .map_err(|e| ExportError::Encode(e.to_string()))?;
            }
        }
        files.push((format!("{}.txt", doc.id()), doc.text().as_bytes().to_vec()));
        files.push((format!("{}.ann", doc.id()), ann_file.into_bytes()));
    }

    let mut conf = String::from(
        "# Normcoder codebook: groups are unselectable (!), codes below them\n[entities]\n",
    );
    let mut visual = String::from("[labels]\n");
    for group in &view.groups {
        let _ = writeln!(conf, "!{}", group.id);
        for code in view.codes.iter().filter(|c| c.group == group.id) {
            let _ = writeln!(conf, "\t{}", code.id);
            let _ = writeln!(visual, "{} | {}", code.id, one_line(&code.label.en));
        }
    }
    conf.push_str("[relations]\n\n[events]\n\n[attributes]\n");
    visual.push_str("[drawing]\n");
    for code in &view.codes {
        let _ = writeln!(visual, "{}\tbgColor:{}", code.id, code.colour);
    }
    files.push(("annotation.conf".to_owned(), conf.into_bytes()));
    files.push(("visual.conf".to_owned(), visual.into_bytes()));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Output::Folder(files))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_line_quotes_become_fragments() {
        assert_eq!(fragments(10, "ab\ncd"), vec![(10, 12), (13, 15)]);
        assert_eq!(fragments(0, "é😀\n\nx"), vec![(0, 2), (4, 5)]);
        assert_eq!(fragments(5, "abc"), vec![(5, 8)]);
    }
}
