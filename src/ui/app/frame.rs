//! One frame: read the keys, draw every view from a read-only context, then finish background
//! jobs, apply the commands the views returned, autosave and set the title.

use std::path::PathBuf;

use egui::{Context, Ui, ViewportCommand};

use crate::session::Session;
use crate::ui::command::UiCommand;
use crate::ui::context::Cx;
use crate::ui::dialogs::{self, Dialog};
use crate::ui::panels::{menu_bar, side, status_bar, welcome};

use super::{AUTOSAVE_IDLE_SECONDS, NormcoderApp};

impl NormcoderApp {
    /// The whole window, for one frame.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.handle_close_request(&ctx);
        self.handle_dropped_files(&ctx);
        let mut cmds = std::mem::take(&mut self.commands);
        let autosaved = self.autosaved();
        let selection = self.view.selection();
        let Self {
            session,
            prefs,
            coder,
            current_doc,
            selected_annotation,
            view,
            search,
            analysis,
            exchange,
            team,
            import,
            dialog,
            status,
            coder_filter,
            last_code,
            documents,
            codebook,
            details,
            central,
            palette,
            pick_window,
            ..
        } = self;
        let cx = Cx {
            session: session.as_ref(),
            lang: prefs.lang,
            coder: coder.as_ref(),
            coder_filter: coder_filter.as_ref(),
            current_doc: current_doc.as_ref(),
            selection,
            selected_annotation: selected_annotation.as_ref(),
            last_code: last_code.as_ref(),
            recent: &prefs.recent,
            status: status.as_deref(),
            autosaved,
            reading_chars: prefs.reading_chars,
        };
        // A question or the in-window file picker has the keys (Escape closes the picker).
        let asking = dialog.is_some() || pick_window.is_open();
        crate::ui::shortcuts::read(&ctx, &cx, asking, &mut cmds);
        menu_bar::show(ui, &cx, &mut cmds);
        status_bar::show(ui, &cx);
        if cx.session.is_some() {
            if search.open {
                search.show_bar(ui, &cx, &mut cmds);
            }
            documents.show(ui, &cx, &mut cmds);
            side::show(ui, &cx, codebook, details, &mut cmds);
            central.show(ui, &cx, view, &mut cmds);
        } else {
            welcome::show(ui, &cx, &mut cmds);
        }
        analysis.show(&ctx, &cx, &mut cmds);
        exchange.show(&ctx, &cx, &mut cmds);
        team.show(&ctx, &cx, &mut cmds);
        palette.show(&ctx, &cx, &mut cmds);
        import.show(&ctx, &cx, &mut cmds);
        pick_window.show(&ctx, &cx, &mut cmds);
        dialogs::show(&ctx, &cx, dialog, &mut cmds);
        self.commands = cmds;
        self.poll_jobs(&ctx);
        self.apply_commands(&ctx);
        self.autosave_tick(&ctx);
        self.update_title(&ctx);
    }

    /// Takes the results of finished background jobs and acts on them.
    fn poll_jobs(&mut self, ctx: &Context) {
        self.poll_import(ctx);
        self.poll_exchange();
        self.poll_merge();
    }

    fn handle_close_request(&mut self, ctx: &Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allow_close {
            return;
        }
        if self.session.as_ref().is_some_and(Session::is_dirty) {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::ConfirmDiscard(Box::new(
                crate::ui::command::Command::Quit.into(),
            )));
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
        if !session.is_dirty()
            || self.autosaved_state == Some(state)
            || self.autosave_failed == Some(state)
        {
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
                // Said, and not counted as written: the status bar keeps "Unsaved changes".
                self.autosave_failed = Some(state);
                self.status = Some(format!("{} {e}", self.tr().autosave_failed));
            }
        }
    }

    fn update_title(&mut self, ctx: &Context) {
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}
