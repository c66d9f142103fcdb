//! The one place commands are carried out, after drawing. Every variant is matched by name: a
//! command added to `ui::command` does not compile until it is handled here.

use egui::Context;

use crate::ui::command::{Command, ImportCommand, PickRequest, UiCommand};
use crate::ui::dialogs::Dialog;

use super::NormcoderApp;

impl NormcoderApp {
    /// Applies queued commands in order (commands a command queues run after it).
    pub fn apply_commands(&mut self, ctx: &Context) {
        while !self.commands.is_empty() {
            let command = self.commands.remove(0);
            self.apply(ctx, command);
        }
    }

    fn apply(&mut self, ctx: &Context, command: UiCommand) {
        match command {
            UiCommand::Run(named) => self.run_command(ctx, named),
            UiCommand::Edit(action) => {
                self.edit_or_report(ctx, action);
            }
            UiCommand::CodeSelection(code) => self.code_selection(ctx, code),
            UiCommand::OpenPath(ref path) => {
                if self.confirm_discard(&command) {
                    self.open_path(path.clone(), false);
                }
            }
            UiCommand::OpenSaved(path) => self.open_path(path, true),
            UiCommand::RecoverPath(path) => self.recover(&path),
            UiCommand::ImportPaths(paths) => self.start_import(ctx, paths),
            UiCommand::SelectDocument(doc) => self.select_document(doc),
            UiCommand::AskRemoveDocument(doc) => {
                self.dialog = Some(Dialog::RemoveDocument(doc));
            }
            UiCommand::Reveal(doc, span) => {
                self.select_document(doc);
                self.view.select(span);
                self.view.request_focus();
            }
            UiCommand::SelectAnnotation(id) => self.select_annotation(id),
            UiCommand::SetLang(lang) => self.prefs.lang = lang,
            UiCommand::SetReadingWidth(chars) => self.prefs.reading_chars = chars,
            UiCommand::ShowCoder(coder) => self.coder_filter = coder,
            UiCommand::SetCoder(name) => {
                if let Some(coder) = crate::model::Coder::from_name(&name) {
                    self.prefs.coder = Some(coder.name.clone());
                    self.coder = Some(coder);
                }
            }
            UiCommand::PaletteAtPointer => self.open_palette(ctx, false),
            UiCommand::ClosePalette => self.palette.close(),
            // Saved, it runs `then` (at once, or once a file is picked for a new project).
            UiCommand::SaveThen(then) => self.save(ctx, false, Some(then)),
            UiCommand::DiscardThen(then) => {
                if let Some(path) = self.session.as_ref().and_then(|s| s.path())
                    && let Err(e) = crate::store::discard_autosave(path)
                {
                    self.status = Some(e.to_string());
                }
                self.close_question();
                self.discard_confirmed = true;
                self.push(*then);
            }
            UiCommand::CloseDialog => self.dialog = None,
            UiCommand::Analysis(c) => self.apply_analysis(ctx, c),
            UiCommand::Exchange(c) => self.apply_exchange(ctx, c),
            UiCommand::Team(c) => self.apply_team(ctx, c),
            UiCommand::Import(c) => self.apply_import(ctx, c),
            UiCommand::Picked(request, paths) => {
                let paths = crate::ui::picker::tidy_answer(&request, paths);
                self.picked(ctx, request, paths);
            }
        }
    }

    /// Runs `then` if `command` may drop unsaved work (asked first when there is some).
    fn guarded(&mut self, command: Command, then: impl FnOnce(&mut Self)) {
        if self.confirm_discard(&command.into()) {
            then(self);
        }
    }

    /// Closes the "unsaved changes" question once it is answered (not an error it led to).
    pub(super) fn close_question(&mut self) {
        if matches!(self.dialog, Some(Dialog::ConfirmDiscard(_))) {
            self.dialog = None;
        }
    }

    /// A named command of the table.
    fn run_command(&mut self, ctx: &Context, command: Command) {
        use crate::ui::analysis::Tab as AnalysisTab;
        use crate::ui::command::{AnalysisCommand, ExchangeCommand, TeamCommand};
        use crate::ui::team::Tab as TeamTab;
        match command {
            // These drop the open project: each asks first when it has unsaved work.
            Command::NewProject => {
                self.guarded(command, |app| app.ask(ctx, PickRequest::NewProject));
            }
            Command::Open => self.guarded(command, |app| app.ask(ctx, PickRequest::OpenProject)),
            Command::OpenDemo => self.guarded(command, |app| {
                app.open_path(crate::ui::demo_project_path(), false);
            }),
            Command::CloseProject => self.guarded(command, Self::close_project),
            Command::Quit => self.guarded(command, |app| app.quit(ctx)),
            Command::Save => self.save(ctx, false, None),
            Command::SaveAs => self.save(ctx, true, None),
            Command::ImportDocuments => self.ask(ctx, PickRequest::Documents),
            Command::ImportFolder => self.apply_import(ctx, ImportCommand::Folder),
            Command::ImportQdpx => self.apply_exchange(ctx, ExchangeCommand::ImportQdpx),
            Command::ImportQdc => self.apply_exchange(ctx, ExchangeCommand::ImportQdc),
            Command::Export => self.apply_exchange(ctx, ExchangeCommand::OpenExport),
            Command::MergeProjects => self.apply_team(ctx, TeamCommand::Merge),
            Command::Undo => self.undo_redo(ctx, true),
            Command::Redo => self.undo_redo(ctx, false),
            Command::Find => self.search.open_bar(),
            Command::FindNext => self.search_step(true),
            Command::FindPrevious => self.search_step(false),
            Command::CloseSearch => {
                self.search.open = false;
                self.view.request_focus();
            }
            Command::CodePalette => {
                if self.view.selection().is_some() {
                    self.open_palette(ctx, true);
                } else {
                    self.status = Some(self.tr().nothing_selected.to_owned());
                }
            }
            Command::RepeatLastCode => match self.last_code.clone() {
                Some(code) => self.code_selection(ctx, code),
                None => self.status = Some(self.tr().no_shortcut_code.to_owned()),
            },
            Command::NextAnnotation => self.step_annotation(true),
            Command::PreviousAnnotation => self.step_annotation(false),
            Command::DeleteAnnotation => {
                if let Some(id) = self.selected_annotation.clone() {
                    self.edit_or_report(ctx, crate::edit::Action::RemoveAnnotation { id });
                }
            }
            Command::AdjustSpan => self.adjust_span(ctx),
            Command::Dismiss => {
                if self.palette.is_open() {
                    self.palette.close();
                } else if self.search.open {
                    self.run_command(ctx, Command::CloseSearch);
                } else {
                    self.view.clear_selection();
                }
            }
            Command::ZoomIn => self.view.zoom_in(),
            Command::ZoomOut => self.view.zoom_out(),
            Command::ZoomReset => self.view.zoom_reset(),
            Command::Retrieval => {
                self.apply_analysis(ctx, AnalysisCommand::Open(AnalysisTab::Retrieval));
            }
            Command::Tables => self.apply_analysis(ctx, AnalysisCommand::Open(AnalysisTab::Tables)),
            Command::Charts => self.apply_analysis(ctx, AnalysisCommand::Open(AnalysisTab::Charts)),
            Command::CorpusSearch => {
                self.apply_analysis(ctx, AnalysisCommand::Open(AnalysisTab::Search));
            }
            Command::NextSegment | Command::PreviousSegment => {
                if self.analysis.open
                    && self.analysis.tab == AnalysisTab::Retrieval
                    && self.session.is_some()
                {
                    let forward = command == Command::NextSegment;
                    self.apply_analysis(ctx, AnalysisCommand::Step(forward));
                }
            }
            Command::Agreement => self.apply_team(ctx, TeamCommand::Open(TeamTab::Agreement)),
            Command::Disagreements => {
                self.apply_team(ctx, TeamCommand::Open(TeamTab::Disagreements));
            }
            Command::Seminar => self.apply_team(ctx, TeamCommand::Open(TeamTab::Seminar)),
            Command::NextDisagreement | Command::PreviousDisagreement => {
                if self.team.open
                    && self.team.tab == TeamTab::Disagreements
                    && self.session.is_some()
                {
                    let forward = command == Command::NextDisagreement;
                    self.apply_team(ctx, TeamCommand::Step(forward));
                }
            }
        }
    }

    /// Opens the code palette at the pointer; `keyboard` gives its filter the keyboard.
    fn open_palette(&mut self, ctx: &Context, keyboard: bool) {
        let pointer = ctx
            .input(|i| i.pointer.latest_pos())
            .map(|p| p + egui::vec2(12.0, 16.0));
        let beside = self.view.selection().and_then(|span| {
            let (start, end) = (
                self.view.char_rect(span.start())?,
                self.view.char_rect(span.end())?,
            );
            Some(crate::ui::palette::place_beside(
                start,
                end,
                ctx.content_rect(),
            ))
        });
        let (at, height) = beside.map_or((pointer, None), |(at, h)| (Some(at), Some(h)));
        self.palette.open(at, height, keyboard);
    }

    /// The next (or previous) hit of the search bar, selected in its document.
    fn search_step(&mut self, forward: bool) {
        // Taken out while it reads the context, which borrows the whole app.
        let mut search = std::mem::take(&mut self.search);
        let hit = search.step(&self.cx(), forward);
        self.search = search;
        match hit {
            Some((doc, span)) => {
                self.select_document(doc);
                self.view.select(span);
            }
            None => self.status = Some(self.tr().no_hits.to_owned()),
        }
    }
}
