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
use crate::export::{Filter, Format, Options};
use crate::model::{AnnotationId, CharSpan, CodeId, CoderId, DocId, Lang};

pub use table::{Command, Scope, Shortcut, bindings as table_bindings, markdown_table};

/// A request from the interface.
#[derive(Debug, Clone, PartialEq)]
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
    /// Ask whether to remove a document and its annotations (one undoable edit).
    AskRemoveDocument(DocId),
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
    /// The in-window file picker's answer (empty never: Cancel sends nothing): the flow that
    /// asked resumes with it, exactly as after a native dialog.
    Picked(PickRequest, Vec<PathBuf>),
}

impl From<Command> for UiCommand {
    fn from(command: Command) -> Self {
        Self::Run(command)
    }
}

/// What a flow asks the user for, and what it needs to carry on once answered.
///
/// A native dialog answers at once, the in-window picker frames later (as
/// [`UiCommand::Picked`]); both answers resume the same flow through this value, so each flow
/// keeps in it what it had worked out before asking (the export's filter, a table's text, the
/// first answer of a two-step flow).
#[derive(Debug, Clone, PartialEq)]
pub enum PickRequest {
    /// File ▸ Open…: a project to open.
    OpenProject,
    /// Save as… (or the first save): where to write the open project; `then` runs once it is
    /// saved (the unsaved-changes question answered "Save").
    SaveProject {
        suggested: String,
        then: Option<Box<UiCommand>>,
    },
    /// File ▸ New project…: where to create it.
    NewProject,
    /// File ▸ Import documents…: several files.
    Documents,
    /// File ▸ Import a folder…
    DocumentFolder,
    /// File ▸ Export…: where to write, with the window's choices as they were when asked.
    Export(Box<ExportPick>),
    /// A table, chart or report already rendered, to write as a file.
    SaveText {
        suggested: String,
        /// Without the dot: csv, svg, html.
        extension: String,
        content: String,
    },
    /// Import REFI-QDA project, first step: the `.qdpx` archive.
    QdpxSource,
    /// Second step: the new project's file.
    QdpxTarget { source: PathBuf, suggested: String },
    /// Import REFI-QDA codebook: the `.qdc` file.
    Qdc,
    /// Merge coders' projects, first step: the files (several).
    MergeInputs,
    /// Second step: the merged project's file.
    MergeOutput { files: Vec<PathBuf> },
}

/// File ▸ Export…'s choices, kept while the user picks where to write.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportPick {
    pub format: Format,
    pub filter: Filter,
    pub options: Options,
    /// The file (or folder) name offered.
    pub suggested: String,
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
