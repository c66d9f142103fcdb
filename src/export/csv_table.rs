//! Tidy CSV: one row per annotation × code, for pandas, R or a spreadsheet.
//!
//! Columns: `document_id`, `document_title`, one `attr:<name>` column per document attribute
//! found in the exported documents (sorted), `start`, `end` (characters, end exclusive), `quote`,
//! `code_id`, `code_label_en`, `code_label_fr`, `code_group`, `coder`, `memo`, `created`,
//! `modified`, `annotation_id`. An annotation with two codes is two rows with the same
//! `annotation_id`.

use std::collections::BTreeSet;

use super::csv_cells::{finish, neutralise, writer};
use super::{ExportError, Options, Output, View, timestamp};

/// The fixed columns after the attribute columns.
pub const TAIL: [&str; 12] = [
    "start",
    "end",
    "quote",
    "code_id",
    "code_label_en",
    "code_label_fr",
    "code_group",
    "coder",
    "memo",
    "created",
    "modified",
    "annotation_id",
];

pub fn write(view: &View<'_>, options: &Options) -> Result<Output, ExportError> {
    let attributes: BTreeSet<&str> = view
        .documents
        .iter()
        .flat_map(|d| d.meta().attributes.keys().map(String::as_str))
        .collect();
    let mut out = writer(options.bom);
    let mut header = vec!["document_id".to_owned(), "document_title".to_owned()];
    header.extend(attributes.iter().map(|a| format!("attr:{a}")));
    header.extend(TAIL.iter().map(|s| (*s).to_owned()));
    out.write_record(header.iter().map(|h| neutralise(h).into_owned()))?;
    for coding in &view.codings {
        let ann = coding.annotation;
        let meta = coding.document.meta();
        for code in &coding.codes {
            let mut row: Vec<String> = vec![ann.doc().to_string(), meta.title.clone()];
            row.extend(
                attributes
                    .iter()
                    .map(|a| meta.attributes.get(*a).cloned().unwrap_or_default()),
            );
            row.extend([
                ann.span().start().to_string(),
                ann.span().end().to_string(),
                coding.quote.to_owned(),
                code.id.to_string(),
                code.label.en.clone(),
                code.label.fr.clone().unwrap_or_default(),
                view.group_label(code).to_owned(),
                ann.coder().to_string(),
                ann.memo().to_owned(),
                timestamp(ann.created()),
                timestamp(ann.modified()),
                ann.id().to_string(),
            ]);
            out.write_record(row.iter().map(|c| neutralise(c).into_owned()))?;
        }
    }
    Ok(Output::File(finish(out)?))
}
