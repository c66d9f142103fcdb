//! The window: state between frames, the frame itself, and the one place commands are applied.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::Utc;
use egui::{Context, Ui, ViewportCommand};

use crate::edit::Action;
use crate::model::{Annotation, AnnotationId, CharSpan, CodeId, Coder, CoderId, DocId, Lang};
use crate::session::Session;

use super::command::UiCommand;
use super::dialogs::Dialog;
use super::document_view::DocumentView;
use super::i18n::{Tr, tr};
use super::picker::FilePicker;
use super::prefs::UiPrefs;
use super::search::SearchState;

/// Seconds of idle after an edit before the recovery file is written.
pub const AUTOSAVE_IDLE_SECONDS: f64 = 3.0;

/// How the window was started.
#[derive(Debug, Default, Clone)]
pub struct StartOptions {
    /// Project to open.
    pub project: Option<PathBuf>,
    /// Coder for this run (no prompt).
    pub coder: Option<String>,
    /// Interface language for this run.
    pub lang: Option<Lang>,
}

/// The application. Public fields are what tests and the binary may inspect.
pub struct NormcoderApp {
    pub session: Option<Session>,
    pub prefs: UiPrefs,
    /// Who is coding now; every new annotation carries this id.
    pub coder: Option<Coder>,
    pub current_doc: Option<DocId>,
    pub selected_annotation: Option<AnnotationId>,
    pub view: DocumentView,
    pub search: SearchState,
    /// The Analysis window (retrieval, tables, charts, corpus search).
    pub analysis: super::analysis::AnalysisState,
    /// The Export window, the REFI-QDA import report and the export/import worker (issue 5).
    pub exchange: super::exchange::ExchangeState,
    /// The Team window (agreement, disagreements, seminar) and the last merge report.
    pub team: super::team::TeamState,
    /// Batch import (worker, progress, summary) and the metadata form.
    pub import: super::import::ImportState,
    pub dialog: Option<Dialog>,
    /// Last message for the status bar (errors included).
    pub status: Option<String>,
    /// Only this coder's annotations are shown, when set.
    pub coder_filter: Option<CoderId>,
    pub last_code: Option<CodeId>,
    pub doc_filter: String,
    pub code_filter: String,
    /// The code palette is open near the selection, with its filter text.
    pub palette: Option<String>,
    /// Where the palette opened, and whether its filter should take the keyboard.
    pub(super) palette_at: Option<egui::Pos2>,
    pub(super) palette_focus: bool,
    pub(super) picker: Box<dyn FilePicker>,
    pub(super) commands: Vec<UiCommand>,
    /// Set after the user chose Save or Discard, so the next guarded command goes through.
    pub(super) discard_confirmed: bool,
    /// The window may close (no unsaved work, or the user decided).
    pub(super) allow_close: bool,
    /// Time of the last edit (egui clock, seconds) and the history state last autosaved.
    last_edit: f64,
    autosaved_state: Option<u64>,
    title: String,
    /// Buffer of the memo being edited: (annotation, text).
    pub(super) memo_edit: Option<(AnnotationId, String)>,
    /// The highlights of the current document and what they were built for.
    pub(super) highlights: Option<(HighlightKey, Vec<super::document_view::Highlight>)>,
}

/// What the highlight list of the document view depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HighlightKey {
    pub doc: DocId,
    /// The project's history state: changes with every edit, undo and redo.
    pub state: u64,
    pub coder: Option<CoderId>,
    pub selected: Option<AnnotationId>,
}

impl std::fmt::Debug for NormcoderApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NormcoderApp")
            .field("path", &self.session.as_ref().and_then(Session::path))
            .field("current_doc", &self.current_doc)
            .finish_non_exhaustive()
    }
}

impl NormcoderApp {
    /// A window with the given preferences, picker and start options. Opening the project (and
    /// offering recovery) happens here, before the first frame.
    pub fn new(prefs: UiPrefs, picker: Box<dyn FilePicker>, start: StartOptions) -> Self {
        let mut prefs = prefs;
        if let Some(lang) = start.lang {
            prefs.lang = lang;
        }
        let coder_name = start.coder.or_else(|| prefs.coder.clone());
        let coder = coder_name.as_deref().and_then(coder_from_name);
        let mut app = Self {
            session: None,
            prefs,
            coder,
            current_doc: None,
            selected_annotation: None,
            view: DocumentView::new(),
            search: SearchState::default(),
            analysis: super::analysis::AnalysisState::default(),
            exchange: super::exchange::ExchangeState::default(),
            team: super::team::TeamState::default(),
            import: super::import::ImportState::default(),
            dialog: None,
            status: None,
            coder_filter: None,
            last_code: None,
            doc_filter: String::new(),
            code_filter: String::new(),
            palette: None,
            palette_at: None,
            palette_focus: false,
            picker,
            commands: Vec::new(),
            discard_confirmed: false,
            allow_close: false,
            last_edit: 0.0,
            autosaved_state: None,
            title: String::new(),
            memo_edit: None,
            highlights: None,
        };
        if let Some(path) = start.project {
            app.open_path(path, false);
        }
        if app.coder.is_none() && app.dialog.is_none() {
            app.dialog = Some(Dialog::AskCoder(String::new()));
        }
        app
    }

    /// The interface strings.
    #[must_use]
    pub fn tr(&self) -> &'static Tr {
        tr(self.prefs.lang)
    }

    /// Queues a command, applied at the end of this frame.
    pub fn push(&mut self, command: UiCommand) {
        self.commands.push(command);
    }

    /// Applies a command now (tests and the frame's end use this).
    pub fn run(&mut self, ctx: &Context, command: UiCommand) {
        self.commands.push(command);
        self.apply_commands(ctx);
    }

    /// The whole window, for one frame.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.handle_close_request(&ctx);
        self.handle_dropped_files(&ctx);
        super::shortcuts::handle(self, &ctx);
        super::panels::menu_bar::show(self, ui);
        super::panels::status_bar::show(self, ui);
        if self.session.is_some() {
            if self.search.open {
                super::search::show_bar(self, ui);
            }
            super::panels::documents::show(self, ui);
            super::panels::side::show(self, ui);
            super::panels::central::show(self, ui);
        } else {
            super::panels::welcome::show(self, ui);
        }
        super::analysis::show(self, &ctx);
        super::exchange::show(self, &ctx);
        super::team::show(self, &ctx);
        super::palette::show(self, &ctx);
        super::import::show(self, &ctx);
        super::dialogs::show(self, &ctx);
        super::import::poll(self, &ctx);
        self.apply_commands(&ctx);
        self.autosave_tick(&ctx);
        self.update_title(&ctx);
    }

    /// Applies queued commands in order.
    pub fn apply_commands(&mut self, ctx: &Context) {
        while !self.commands.is_empty() {
            let command = self.commands.remove(0);
            self.apply(ctx, command);
        }
    }

    fn apply(&mut self, ctx: &Context, command: UiCommand) {
        match command {
            UiCommand::Edit(action) => self.edit(ctx, action),
            UiCommand::CodeSelection(code) => self.code_selection(ctx, code),
            UiCommand::RepeatLastCode => match self.last_code.clone() {
                Some(code) => self.code_selection(ctx, code),
                None => self.status = Some(self.tr().no_shortcut_code.to_owned()),
            },
            UiCommand::Undo => self.undo_redo(ctx, true),
            UiCommand::Redo => self.undo_redo(ctx, false),
            UiCommand::Save => {
                self.save(false);
            }
            UiCommand::SaveAs => {
                self.save(true);
            }
            UiCommand::SelectDocument(doc) => self.select_document(doc),
            UiCommand::Reveal(doc, span) => {
                self.select_document(doc);
                self.view.select(span);
                self.view.request_focus();
            }
            UiCommand::SelectAnnotation(id) => self.select_annotation(id),
            UiCommand::NextAnnotation => self.step_annotation(true),
            UiCommand::PreviousAnnotation => self.step_annotation(false),
            UiCommand::DeleteSelectedAnnotation => {
                if let Some(id) = self.selected_annotation.clone() {
                    self.edit(ctx, Action::RemoveAnnotation { id });
                }
            }
            UiCommand::AdjustSpanToSelection => self.adjust_span(ctx),
            UiCommand::SetLang(lang) => self.prefs.lang = lang,
            UiCommand::ShowCoder(coder) => self.coder_filter = coder,
            UiCommand::OpenSearch => self.search.open_bar(),
            UiCommand::SearchNext => super::search::step(self, true),
            UiCommand::SearchPrevious => super::search::step(self, false),
            UiCommand::CloseSearch => {
                self.search.open = false;
                self.view.request_focus();
            }
            UiCommand::OpenPalette => {
                if self.view.selection().is_some() {
                    self.open_palette(ctx, true);
                } else {
                    self.status = Some(self.tr().nothing_selected.to_owned());
                }
            }
            UiCommand::ZoomIn => self.view.zoom_in(),
            UiCommand::ZoomOut => self.view.zoom_out(),
            UiCommand::ZoomReset => self.view.zoom_reset(),
            UiCommand::Analysis(c) => super::analysis::apply(self, ctx, c),
            UiCommand::Exchange(c) => super::exchange::apply(self, ctx, c),
            UiCommand::Team(c) => super::team::apply(self, ctx, c),
            UiCommand::Import(c) => super::import::apply(self, ctx, c),
            file_command => super::files::apply(self, ctx, file_command),
        }
    }

    /// Opens the code palette at the pointer; `keyboard` gives its filter the keyboard.
    pub(super) fn open_palette(&mut self, ctx: &Context, keyboard: bool) {
        self.palette = Some(String::new());
        self.palette_focus = keyboard;
        self.palette_at = ctx
            .input(|i| i.pointer.latest_pos())
            .map(|p| p + egui::vec2(12.0, 16.0));
    }

    /// Applies an edit to the open project; errors go to the status bar, the project is
    /// unchanged.
    pub fn edit(&mut self, ctx: &Context, action: Action) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        match session.apply(action) {
            Ok(()) => {
                self.last_edit = ctx.input(|i| i.time);
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                    AUTOSAVE_IDLE_SECONDS + 0.1,
                ));
                self.forget_missing_selection();
            }
            Err(e) => self.status = Some(e.to_string()),
        }
    }

    fn undo_redo(&mut self, ctx: &Context, undo: bool) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let result = if undo { session.undo() } else { session.redo() };
        match result {
            Ok(_) => {
                self.last_edit = ctx.input(|i| i.time);
                self.forget_missing_selection();
            }
            Err(e) => self.status = Some(e.to_string()),
        }
    }

    /// After an edit or undo, drops references to things that no longer exist.
    fn forget_missing_selection(&mut self) {
        let Some(session) = &self.session else {
            return;
        };
        let project = session.project();
        if let Some(doc) = &self.current_doc
            && project.document(doc).is_none()
        {
            self.current_doc = project.documents().next().map(|d| d.id().clone());
            self.view.clear_selection();
        }
        if let Some(id) = &self.selected_annotation
            && project.annotation(id).is_none()
        {
            self.selected_annotation = None;
        }
        if let Some((id, _)) = &self.memo_edit
            && project.annotation(id).is_none()
        {
            self.memo_edit = None;
        }
    }

    /// Codes the current selection: adds `code` to this coder's annotation with exactly that
    /// span, or creates a new annotation.
    pub fn code_selection(&mut self, ctx: &Context, code: CodeId) {
        let (Some(session), Some(doc), Some(span)) = (
            &self.session,
            self.current_doc.clone(),
            self.view.selection(),
        ) else {
            self.status = Some(self.tr().nothing_selected.to_owned());
            return;
        };
        let Some(coder) = self.coder.clone() else {
            self.dialog = Some(Dialog::AskCoder(String::new()));
            return;
        };
        let project = session.project();
        let now = Utc::now();
        let existing = project
            .annotations_in(&doc)
            .find(|a| a.span() == span && a.coder() == &coder.id)
            .map(|a| (a.id().clone(), a.codes().clone()));
        let action = if let Some((id, mut codes)) = existing {
            self.selected_annotation = Some(id.clone());
            if !codes.insert(code.clone()) {
                self.last_code = Some(code);
                return;
            }
            Action::SetCodes {
                id,
                codes,
                modified: now,
            }
        } else {
            let id = AnnotationId::random();
            let annotation = match Annotation::new(
                id.clone(),
                doc,
                span,
                BTreeSet::from([code.clone()]),
                coder.id.clone(),
                "",
                now,
            ) {
                Ok(a) => a,
                Err(e) => {
                    self.status = Some(e.to_string());
                    return;
                }
            };
            self.selected_annotation = Some(id);
            if project.coder(&coder.id).is_none() {
                Action::Batch(vec![
                    Action::AddCoder(coder),
                    Action::AddAnnotation(annotation),
                ])
            } else {
                Action::AddAnnotation(annotation)
            }
        };
        self.last_code = Some(code);
        self.palette = None;
        self.edit(ctx, action);
    }

    fn adjust_span(&mut self, ctx: &Context) {
        let (Some(id), Some(span)) = (self.selected_annotation.clone(), self.view.selection())
        else {
            self.status = Some(self.tr().nothing_selected.to_owned());
            return;
        };
        self.edit(
            ctx,
            Action::SetSpan {
                id,
                span,
                modified: Utc::now(),
            },
        );
    }

    /// Shows a document (the selection is cleared when it changes).
    pub fn select_document(&mut self, doc: DocId) {
        if self.current_doc.as_ref() != Some(&doc) {
            self.view.clear_selection();
            self.selected_annotation = None;
        }
        self.current_doc = Some(doc);
    }

    /// Selects an annotation: its document is shown and its span selected.
    pub fn select_annotation(&mut self, id: Option<AnnotationId>) {
        let found = id.as_ref().and_then(|id| {
            let ann = self.session.as_ref()?.project().annotation(id)?;
            Some((ann.doc().clone(), ann.span()))
        });
        if let Some((doc, span)) = found {
            self.select_document(doc);
            self.view.select(span);
        }
        self.selected_annotation = id;
    }

    /// The annotations shown in the current document, in reading order (coder filter applied).
    pub fn visible_annotations(&self) -> Vec<&Annotation> {
        let (Some(session), Some(doc)) = (&self.session, &self.current_doc) else {
            return Vec::new();
        };
        session
            .project()
            .annotations_in(doc)
            .filter(|a| self.coder_filter.as_ref().is_none_or(|c| a.coder() == c))
            .collect()
    }

    fn step_annotation(&mut self, forward: bool) {
        let list: Vec<(AnnotationId, CharSpan)> = self
            .visible_annotations()
            .iter()
            .map(|a| (a.id().clone(), a.span()))
            .collect();
        if list.is_empty() {
            return;
        }
        let current = self
            .selected_annotation
            .as_ref()
            .and_then(|id| list.iter().position(|(a, _)| a == id));
        let next = match (current, forward) {
            (Some(i), true) => (i + 1) % list.len(),
            (Some(i), false) => (i + list.len() - 1) % list.len(),
            (None, true) => 0,
            (None, false) => list.len() - 1,
        };
        if let Some((id, _)) = list.get(next) {
            self.select_annotation(Some(id.clone()));
        }
    }

    fn handle_close_request(&mut self, ctx: &Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allow_close {
            return;
        }
        if self.session.as_ref().is_some_and(Session::is_dirty) {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::ConfirmDiscard(Box::new(UiCommand::Quit)));
        }
    }

    fn handle_dropped_files(&mut self, ctx: &Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if dropped.is_empty() {
            return;
        }
        let (projects, documents): (Vec<PathBuf>, Vec<PathBuf>) = dropped
            .into_iter()
            .partition(|p| p.to_string_lossy().ends_with(".ncp.ron"));
        if let Some(project) = projects.into_iter().next() {
            self.push(UiCommand::OpenPath(project));
        } else if self.session.is_some() {
            self.push(UiCommand::ImportPaths(documents));
        }
    }

    /// Writes the recovery file after a few idle seconds with unsaved changes.
    fn autosave_tick(&mut self, ctx: &Context) {
        let Some(session) = &self.session else {
            return;
        };
        let state = session.history().state();
        if !session.is_dirty() || self.autosaved_state == Some(state) {
            return;
        }
        let idle = ctx.input(|i| i.time) - self.last_edit;
        if idle < AUTOSAVE_IDLE_SECONDS {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                AUTOSAVE_IDLE_SECONDS - idle + 0.05,
            ));
            return;
        }
        match session.autosave() {
            Ok(_) => self.autosaved_state = Some(state),
            Err(e) => {
                self.autosaved_state = Some(state);
                self.status = Some(e.to_string());
            }
        }
    }

    /// Whether the recovery file is up to date with the project in memory.
    #[must_use]
    pub fn autosaved(&self) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| s.is_dirty() && self.autosaved_state == Some(s.history().state()))
    }

    /// `paris-call-2018.ncp.ron • — Normcoder`.
    #[must_use]
    pub fn window_title(&self) -> String {
        let Some(session) = &self.session else {
            return "Normcoder".to_owned();
        };
        let name = session.path().and_then(|p| p.file_name()).map_or_else(
            || session.project().meta().name.clone(),
            |n| n.to_string_lossy().into_owned(),
        );
        let dot = if session.is_dirty() { " •" } else { "" };
        format!("{name}{dot} — Normcoder")
    }

    fn update_title(&mut self, ctx: &Context) {
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Called when a project was opened or created: resets the view state.
    pub(super) fn reset_view(&mut self) {
        self.current_doc = self
            .session
            .as_ref()
            .and_then(|s| s.project().documents().next().map(|d| d.id().clone()));
        self.selected_annotation = None;
        self.view.clear_selection();
        self.view.clear_cache();
        self.search = SearchState::default();
        self.autosaved_state = None;
        self.memo_edit = None;
        self.coder_filter = None;
        self.highlights = None;
        self.import.abandon();
    }

    /// Opens a project file, offering recovery when a newer autosave exists.
    pub fn open_path(&mut self, path: PathBuf, force_saved: bool) {
        if !force_saved && crate::store::find_recovery(&path).is_some() {
            self.dialog = Some(Dialog::Recover(path));
            return;
        }
        match Session::open(&path) {
            Ok(session) => {
                self.prefs.remember(&path);
                self.session = Some(session);
                self.reset_view();
                self.status = None;
            }
            Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
        }
    }
}

/// A coder from a typed name: the id is a slug of the name.
#[must_use]
pub fn coder_from_name(name: &str) -> Option<Coder> {
    let name = name.trim();
    CoderId::from_name(name).map(|id| Coder {
        id,
        name: name.to_owned(),
    })
}

impl eframe::App for NormcoderApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
    }
}
