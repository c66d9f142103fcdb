//! Code × document matrix: how many kept annotations carry each code in each document.
//!
//! Header: `code_id`, `code_label_en`, then one column per document id, then `total`. One row per
//! kept code in codebook order (zeros included, so that absent codes are visible).

use super::csv_cells::{finish, neutralise, writer};
use super::{ExportError, Options, Output, View};

pub fn write(view: &View<'_>, options: &Options) -> Result<Output, ExportError> {
    let mut out = writer(options.bom);
    let mut header = vec!["code_id".to_owned(), "code_label_en".to_owned()];
    header.extend(view.documents.iter().map(|d| d.id().to_string()));
    header.push("total".to_owned());
    out.write_record(header.iter().map(|h| neutralise(h).into_owned()))?;
    for code in &view.codes {
        let counts: Vec<usize> = view
            .documents
            .iter()
            .map(|d| {
                view.codings_in(d.id())
                    .filter(|c| c.codes.iter().any(|k| k.id == code.id))
                    .count()
            })
            .collect();
        let mut row = vec![code.id.to_string(), code.label.en.clone()];
        row.extend(counts.iter().map(ToString::to_string));
        row.push(counts.iter().sum::<usize>().to_string());
        out.write_record(row.iter().map(|c| neutralise(c).into_owned()))?;
    }
    Ok(Output::File(finish(out)?))
}
