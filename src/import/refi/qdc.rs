//! `.qdc` → new groups and codes for an existing project, as one undoable `Batch`.

use crate::edit::Action;
use crate::model::Project;

use super::codes::read_codes;
use super::{RefiError, Report, utf8, xml};

/// Largest codebook file read.
const MAX_QDC_BYTES: usize = 64 * 1024 * 1024;

/// Reads a codebook and returns the action that adds what the project lacks (`None` when it
/// already has everything), with a report.
pub fn import_qdc(
    project: &Project,
    bytes: Vec<u8>,
) -> Result<(Option<Action>, Report), RefiError> {
    if bytes.len() > MAX_QDC_BYTES {
        return Err(RefiError::TooLarge {
            name: "the codebook".to_owned(),
            limit: MAX_QDC_BYTES as u64,
        });
    }
    let root = xml::parse(&utf8(bytes)?)?;
    if root.name != "CodeBook" {
        return Err(RefiError::WrongRoot {
            found: root.name,
            expected: "CodeBook",
        });
    }
    let mut report = Report::default();
    if root.attr("xmlns") != Some(crate::export::CODEBOOK_NS) {
        report.warn(format!(
            "namespace {:?} is not {}",
            root.attr("xmlns").unwrap_or(""),
            crate::export::CODEBOOK_NS
        ));
    }
    let codes = root
        .child("Codes")
        .ok_or_else(|| RefiError::Nothing("the codebook has no <Codes>".to_owned()))?;
    let map = read_codes(codes, project.codebook(), "Imported codes", &mut report);
    let sets = root.items("Sets", "Set").count();
    if sets > 0 {
        report.lost(format!("{sets} code set(s)"));
    }
    report.groups = map.groups.len();
    report.codes = map.codes.len();
    let mut actions: Vec<Action> = map
        .groups
        .into_iter()
        .map(|group| Action::AddGroup {
            group,
            position: None,
        })
        .collect();
    actions.extend(map.codes.into_iter().map(|code| Action::AddCode {
        code,
        position: None,
    }));
    Ok((
        (!actions.is_empty()).then_some(Action::Batch(actions)),
        report,
    ))
}
