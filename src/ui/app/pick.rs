//! The one way a flow asks for files (issue 15). A native dialog — or a test's script — answers
//! at once; a desktop without any file chooser gets the in-window picker (`ui::pick_window`),
//! which answers frames later as `UiCommand::Picked`. Either way the answer comes to
//! [`NormcoderApp::picked`] with the request that asked, and the flow goes on from there: the
//! second question of a two-step flow (`.qdpx`: archive then new project; merge: files then
//! output) is asked from there, in turn.

use std::path::PathBuf;

use egui::Context;

use crate::ui::command::PickRequest;
use crate::ui::picker;

use super::NormcoderApp;

impl NormcoderApp {
    /// Asks for files and carries on the flow with the answer: now with a native dialog, or
    /// once the in-window picker is answered (Cancel there ends the flow, as it does here).
    pub(super) fn ask(&mut self, ctx: &Context, request: PickRequest) {
        if self.picker.available() {
            let paths = picker::ask_now(self.picker.as_mut(), &request);
            self.picked(ctx, request, paths);
            return;
        }
        // The picker takes the place of the unsaved-changes question whose "Save" led here:
        // a modal under a modal could not be answered.
        self.close_question();
        let project = self
            .session
            .as_ref()
            .and_then(|s| s.path())
            .map(std::path::Path::to_path_buf);
        let home = std::env::home_dir();
        let places: Vec<PathBuf> =
            picker::places(project.as_deref(), &self.prefs.recent, home.as_deref())
                .into_iter()
                .filter(|folder| folder.is_dir())
                .collect();
        let start = picker::start_folder(&request, project.as_deref(), &places);
        let t = self.tr();
        self.pick_window
            .open(request, start, &places, home.as_deref(), t);
        ctx.request_repaint();
    }

    /// The answer to `request`: the flow that asked goes on with it. Nothing chosen (a cancelled
    /// native dialog) stops every flow, as before there was an in-window picker.
    pub(super) fn picked(&mut self, ctx: &Context, request: PickRequest, paths: Vec<PathBuf>) {
        let first = paths.first().cloned();
        match request {
            PickRequest::OpenProject => {
                if let Some(path) = first {
                    self.open_path(path, false);
                }
            }
            PickRequest::SaveProject { then, .. } => {
                if let Some(path) = first {
                    self.save_to(Some(&path), then);
                }
            }
            PickRequest::NewProject => {
                if let Some(path) = first {
                    self.new_project_picked(&path);
                }
            }
            PickRequest::Documents | PickRequest::DocumentFolder => self.start_import(ctx, paths),
            PickRequest::Export(export) => {
                if let Some(path) = first {
                    self.export_picked(ctx, *export, path);
                }
            }
            PickRequest::SaveText { content, .. } => {
                if let Some(path) = first {
                    self.write_text(&path, &content);
                }
            }
            PickRequest::QdpxSource => {
                if let Some(source) = first {
                    self.qdpx_source_picked(ctx, source);
                }
            }
            PickRequest::QdpxTarget { source, .. } => {
                if let Some(target) = first {
                    self.qdpx_target_picked(ctx, source, target);
                }
            }
            PickRequest::Qdc => {
                if let Some(source) = first {
                    self.qdc_picked(ctx, &source);
                }
            }
            PickRequest::MergeInputs => self.merge_inputs_picked(ctx, paths),
            PickRequest::MergeOutput { files } => {
                if let Some(output) = first {
                    self.start_merge(ctx, files, output, false);
                }
            }
        }
    }
}
