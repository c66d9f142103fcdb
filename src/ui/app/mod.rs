//! The app: state between frames, the frame, and the one place where commands are carried out.
//!
//! Only this folder names [`NormcoderApp`]. Views (every other module under `ui/`) get a
//! read-only [`Cx`](super::context::Cx) and their own state, and return commands; here they are
//! applied after drawing ([`commands`]), edits go through the session ([`edit`]), files are
//! opened and saved ([`files`]), asked for through one door ([`pick`]: a native dialog or the
//! in-window picker), and background jobs are started and finished ([`analysis`],
//! [`exchange`], [`import`], [`team`]).

mod analysis;
mod commands;
mod edit;
mod exchange;
mod files;
mod frame;
mod import;
mod pick;
mod team;

use std::path::PathBuf;

use crate::model::{Annotation, AnnotationId, CodeId, Coder, CoderId, DocId, Lang};
use crate::session::Session;

use super::analysis::AnalysisState;
use super::command::UiCommand;
use super::context::Cx;
use super::dialogs::Dialog;
use super::document_view::DocumentView;
use super::exchange::ExchangeState;
use super::i18n::{Tr, tr};
use super::import::ImportState;
use super::palette::Palette;
use super::panels::central::CentralPanel;
use super::panels::codebook::CodebookPanel;
use super::panels::details::DetailsPanel;
use super::panels::documents::DocumentsPanel;
use super::pick_window::PickWindow;
use super::picker::FilePicker;
use super::prefs::UiPrefs;
use super::search::SearchState;
use super::team::TeamState;

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
    pub analysis: AnalysisState,
    /// The Export window, the REFI-QDA import report and the export/import worker (issue 5).
    pub exchange: ExchangeState,
    /// The Team window (agreement, disagreements, seminar) and the last merge report.
    pub team: TeamState,
    /// Batch import (worker, progress, summary) and the metadata form.
    pub import: ImportState,
    pub dialog: Option<Dialog>,
    /// Last message for the status bar (errors included).
    pub status: Option<String>,
    /// Only this coder's annotations are shown, when set.
    pub coder_filter: Option<CoderId>,
    pub last_code: Option<CodeId>,
    pub documents: DocumentsPanel,
    pub codebook: CodebookPanel,
    pub details: DetailsPanel,
    pub central: CentralPanel,
    /// The code palette near the selection.
    pub palette: Palette,
    /// The in-window file picker, asking when the desktop has no file chooser.
    pub pick_window: PickWindow,
    picker: Box<dyn FilePicker>,
    commands: Vec<UiCommand>,
    /// Set after the user chose Save or Discard, so the next guarded command goes through.
    discard_confirmed: bool,
    /// The window may close (no unsaved work, or the user decided).
    allow_close: bool,
    /// Time of the last edit (egui clock, seconds) and the history state last autosaved.
    last_edit: f64,
    autosaved_state: Option<u64>,
    /// The history state whose recovery copy could not be written (not tried again until the
    /// project changes; never reported as written).
    autosave_failed: Option<u64>,
    title: String,
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
        let coder = coder_name.as_deref().and_then(Coder::from_name);
        let mut app = Self {
            session: None,
            prefs,
            coder,
            current_doc: None,
            selected_annotation: None,
            view: DocumentView::new(),
            search: SearchState::default(),
            analysis: AnalysisState::default(),
            exchange: ExchangeState::default(),
            team: TeamState::default(),
            import: ImportState::default(),
            dialog: None,
            status: None,
            coder_filter: None,
            last_code: None,
            documents: DocumentsPanel::default(),
            codebook: CodebookPanel::default(),
            details: DetailsPanel::default(),
            central: CentralPanel::default(),
            palette: Palette::default(),
            pick_window: PickWindow::default(),
            picker,
            commands: Vec::new(),
            discard_confirmed: false,
            allow_close: false,
            last_edit: 0.0,
            autosaved_state: None,
            autosave_failed: None,
            title: String::new(),
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

    /// The read-only context views are drawn with (tests read it too).
    #[must_use]
    pub fn cx(&self) -> Cx<'_> {
        Cx {
            session: self.session.as_ref(),
            lang: self.prefs.lang,
            coder: self.coder.as_ref(),
            coder_filter: self.coder_filter.as_ref(),
            current_doc: self.current_doc.as_ref(),
            selection: self.view.selection(),
            selected_annotation: self.selected_annotation.as_ref(),
            last_code: self.last_code.as_ref(),
            recent: &self.prefs.recent,
            status: self.status.as_deref(),
            autosaved: self.autosaved(),
            reading_chars: self.prefs.reading_chars,
        }
    }

    /// Queues a command, applied at the end of this frame.
    pub fn push(&mut self, command: UiCommand) {
        self.commands.push(command);
    }

    /// Applies a command now (tests and the frame's end use this).
    pub fn run(&mut self, ctx: &egui::Context, command: UiCommand) {
        self.commands.push(command);
        self.apply_commands(ctx);
    }

    /// The annotations shown in the current document, in reading order (coder filter applied).
    pub fn visible_annotations(&self) -> Vec<&Annotation> {
        self.cx().visible_annotations()
    }

    /// Whether a background job (import, export, REFI-QDA import, merge, bootstrap) is running.
    #[must_use]
    pub fn jobs_running(&self) -> bool {
        self.import.busy()
            || self.exchange.busy()
            || self.team.merge_job.is_some()
            || self.team.agreement.busy()
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
}

/// Opens the window and runs until it is closed.
pub fn run(start: StartOptions) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_title("Normcoder")
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "normcoder",
        options,
        Box::new(move |cc| {
            let prefs: UiPrefs = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            Ok(Box::new(NormcoderApp::new(
                prefs,
                Box::new(super::NativePicker::default()),
                start,
            )))
        }),
    )
}

impl eframe::App for NormcoderApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
    }
}
