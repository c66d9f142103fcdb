//! File ▸ Export… and the REFI-QDA imports (issue 5).
//!
//! The Export window ([`export_dialog`]) picks a format and the same filters as
//! `normcoder export` (coder, documents, codes), shows what will be written, and asks the
//! `FilePicker` for a file or a folder. The export itself — `crate::export`'s `View`, `render` and
//! `write_output`, the functions the command line uses, so the bytes are the same — runs on a
//! worker thread over a clone of the project; the frame only polls its channel.
//!
//! Import of a `.qdpx` project (a new project file, opened once written) also runs on the worker;
//! import of a `.qdc` codebook is one `Action::Batch` on the open project, so one undo step. Both
//! show the library's [`Report`](crate::import::refi::Report) in a window ([`refi_import`]).

mod export_dialog;
mod refi_import;

use std::path::PathBuf;

use egui::Context;

use super::command::UiCommand;
use super::context::Cx;
use super::worker::Job;

pub use super::command::ExchangeCommand;
pub use export_dialog::{ExportDialog, Exported, Summary, code_label, describe, limits};
pub use refi_import::{QdpxImported, ReportKind, ReportView};

/// What the exchange windows hold between frames.
#[derive(Debug, Default)]
pub struct ExchangeState {
    pub export: ExportDialog,
    /// The report of the last REFI-QDA import, shown until closed.
    pub report: Option<ReportView>,
    /// The export or `.qdpx` import running on the worker, with what the busy indicator says.
    pub job: Option<(Job<Done>, &'static str)>,
}

impl ExchangeState {
    /// Whether an export or a `.qdpx` import is running.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Draws the Export window, the import report and the busy indicator.
    pub fn show(&mut self, ctx: &Context, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
        let busy = self.job.as_ref().map(|(_, label)| *label);
        self.export.show(ctx, cx, busy, cmds);
        if let Some(report) = &self.report {
            refi_import::show_report(report, ctx, cx, cmds);
        }
        if let Some(label) = busy
            && !self.export.open
        {
            super::panels::busy_window(ctx, "exchange-busy", label);
        }
    }
}

/// What the worker sends back.
#[derive(Debug)]
pub enum Done {
    Export(Result<Exported, String>),
    Qdpx(Result<QdpxImported, String>),
}

/// `path` with `.extension` appended unless it already ends with it (case-insensitive).
#[must_use]
pub fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if extension.is_empty()
        || path
            .extension()
            .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(extension))
    {
        return path;
    }
    let mut name = path.into_os_string();
    name.push(".");
    name.push(extension);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::with_extension;
    use std::path::PathBuf;

    #[test]
    fn extension_is_added_once() {
        assert_eq!(
            with_extension(PathBuf::from("/tmp/a"), "csv"),
            PathBuf::from("/tmp/a.csv")
        );
        assert_eq!(
            with_extension(PathBuf::from("/tmp/a.CSV"), "csv"),
            PathBuf::from("/tmp/a.CSV")
        );
        assert_eq!(
            with_extension(PathBuf::from("/tmp/v1.2"), "qdpx"),
            PathBuf::from("/tmp/v1.2.qdpx")
        );
        assert_eq!(
            with_extension(PathBuf::from("/tmp/out"), ""),
            PathBuf::from("/tmp/out")
        );
    }
}
