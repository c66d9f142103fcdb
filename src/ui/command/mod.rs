//! Everything the interface can ask for. Views push commands while drawing; the app applies them
//! after drawing (egui's `WrapApp::run_cmd`, rerun's `UICommand`), so nothing is changed while a
//! panel still borrows the project.

use std::path::PathBuf;

use crate::edit::Action;
use crate::model::{AnnotationId, CharSpan, CodeId, CoderId, DocId, Lang};

/// A request from the interface.
#[derive(Debug, Clone, PartialEq)]
#[expect(
    clippy::large_enum_variant,
    reason = "a handful of commands per frame; boxing the edit would only add noise"
)]
pub enum UiCommand {
    /// Apply an edit (undoable).
    Edit(Action),
    /// Code the current selection with a code (new annotation, or add to the one with that span).
    CodeSelection(CodeId),
    /// Code the selection with the code used last.
    RepeatLastCode,
    Undo,
    Redo,
    Save,
    SaveAs,
    /// Ask for a project to open.
    Open,
    OpenPath(PathBuf),
    /// Open a project from its recovery file.
    RecoverPath(PathBuf),
    OpenDemo,
    NewProject,
    CloseProject,
    Quit,
    /// Ask for documents to import.
    ImportDocuments,
    ImportPaths(Vec<PathBuf>),
    SelectDocument(DocId),
    /// Show a document with a span selected (search hits).
    Reveal(DocId, CharSpan),
    SelectAnnotation(Option<AnnotationId>),
    NextAnnotation,
    PreviousAnnotation,
    DeleteSelectedAnnotation,
    /// Move the selected annotation to the current text selection.
    AdjustSpanToSelection,
    SetLang(Lang),
    ShowCoder(Option<CoderId>),
    OpenSearch,
    SearchNext,
    SearchPrevious,
    CloseSearch,
    OpenPalette,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    /// The Analysis window: retrieval, tables, charts, corpus search (issue 6).
    Analysis(super::analysis::AnalysisCommand),
    /// File ▸ Export… and the REFI-QDA imports (issue 5).
    Exchange(super::exchange::ExchangeCommand),
    /// The Team window: agreement, disagreements, seminar, merge (issue 7).
    Team(super::team::TeamCommand),
    /// Batch import (folder, cancel, summary) and the metadata form (issue 4).
    Import(super::import::ImportCommand),
}
