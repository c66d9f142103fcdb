//! Everything the interface can ask for. Views push commands while drawing; the app applies them
//! after drawing (egui's `WrapApp::run_cmd`, rerun's `UICommand`), so nothing is changed while a
//! view still reads the project.
//!
//! This module imports nothing else from the window: views and the app both depend on it, it
//! depends on neither. The named commands — those a menu, a button or a key can run — are in
//! [`Command`], with their labels in both languages and their keys ([`table`]); everything that
//! carries data (an edit, a path, a document) is a variant of [`UiCommand`].

mod table;

use std::path::PathBuf;

use crate::edit::Action;
use crate::model::{AnnotationId, CharSpan, CodeId, CoderId, DocId, Lang};

pub use table::{Command, Scope, Shortcut, bindings as table_bindings, markdown_table};

/// A request from the interface.
#[derive(Debug, Clone, PartialEq)]
#[expect(
    clippy::large_enum_variant,
    reason = "a handful of commands per frame; boxing the edit would only add noise"
)]
pub enum UiCommand {
    /// A named command of the table (menus, buttons, keys).
    Run(Command),
    /// Apply an edit (undoable).
    Edit(Action),
    /// Code the current selection with a code (the rule is `edit::code_span`).
    CodeSelection(CodeId),
    OpenPath(PathBuf),
    /// Open a project from its saved file, ignoring a newer recovery file.
    OpenSaved(PathBuf),
    /// Open a project from its recovery file.
    RecoverPath(PathBuf),
    ImportPaths(Vec<PathBuf>),
    SelectDocument(DocId),
    /// Show a document with a span selected (search hits).
    Reveal(DocId, CharSpan),
    SelectAnnotation(Option<AnnotationId>),
    SetLang(Lang),
    /// The document's longest line, in characters (`None`: the whole width).
    SetReadingWidth(Option<u16>),
    ShowCoder(Option<CoderId>),
    /// The name typed at "Who is coding?".
    SetCoder(String),
    /// The code palette at the mouse pointer (after a selection made with the mouse).
    PaletteAtPointer,
    ClosePalette,
    /// Unsaved changes, answered "Save": save, then run the command if the save worked.
    SaveThen(Box<UiCommand>),
    /// Unsaved changes, answered "Discard": drop the recovery file, then run the command.
    DiscardThen(Box<UiCommand>),
    /// The open question was answered or dismissed.
    CloseDialog,
    /// The Analysis window: retrieval, tables, charts, corpus search (issue 6).
    Analysis(AnalysisCommand),
    /// File ▸ Export… and the REFI-QDA imports (issue 5).
    Exchange(ExchangeCommand),
    /// The Team window: agreement, disagreements, seminar, merge (issue 7).
    Team(TeamCommand),
    /// Batch import (folder, cancel, summary) and the metadata form (issue 4).
    Import(ImportCommand),
}

impl From<Command> for UiCommand {
    fn from(command: Command) -> Self {
        Self::Run(command)
    }
}

/// The tabs of the Analysis window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AnalysisTab {
    #[default]
    Retrieval,
    Tables,
    Charts,
    Search,
}

/// Requests from the Analysis window, applied after drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnalysisCommand {
    /// Show the window on a tab.
    Open(AnalysisTab),
    /// Show retrieval hit `i` in its document, selected.
    Reveal(usize),
    /// Next (or previous) retrieval hit.
    Step(bool),
    ExportRetrieval,
    ExportTable,
    ExportChart,
    /// Code the corpus-search hits (only the ticked ones when `true`).
    Autocode(bool),
}

/// Requests from File ▸ Export… and the REFI-QDA imports, applied after drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExchangeCommand {
    /// Show the Export window.
    OpenExport,
    /// Ask where to write, then export with the window's format and filters.
    Export,
    /// Ask for a `.qdpx`, then for the new project's file; import, save and open it.
    ImportQdpx,
    /// Ask for a `.qdc` and add its codes to the open project (one undo step).
    ImportQdc,
    /// Close the import report.
    CloseReport,
}

/// The tabs of the Team window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TeamTab {
    #[default]
    Agreement,
    Disagreements,
    Seminar,
}

/// Requests from the Team window, applied after drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamCommand {
    /// Show the window on a tab.
    Open(TeamTab),
    /// Write the agreement table as CSV.
    ExportAgreement,
    /// Next (or previous) place of disagreement.
    Step(bool),
    /// Go to place `i` of the disagreement list.
    GoTo(usize),
    /// Copy this coder's annotations at the current place into the consensus coder.
    Accept(CoderId),
    /// Write the seminar report as HTML.
    SaveSeminarHtml,
    /// Ask for project files and an output file, merge, open the result.
    Merge,
    /// Merge the clashing files again, renaming the later files' coders.
    MergeRenaming,
    /// Drop a clashing merge.
    CancelMerge,
    /// Close the merge report.
    CloseMergeReport,
}

/// Requests from the import windows and the documents list, applied after drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportCommand {
    /// Ask for a folder and import the documents in it.
    Folder,
    /// Stop the running import before its next file; nothing is applied.
    Cancel,
    /// Close the summary window.
    CloseSummary,
    /// Open the metadata form of a document.
    EditMetadata(DocId),
    /// The metadata form's OK: apply its edit; the form stays open if it is refused.
    SaveMetadata(Box<Action>),
    /// Close the metadata form.
    CloseMetadata,
}
