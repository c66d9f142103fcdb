//! Edits, undo and redo, and what the window shows as selected. What an edit means is decided in
//! the library (`edit::code_span` for coding a selection); here it is applied and the selection
//! follows.

use chrono::Utc;
use egui::Context;

use crate::edit::{Action, EditError};
use crate::model::{AnnotationId, CharSpan, CodeId, DocId};

use super::{AUTOSAVE_IDLE_SECONDS, NormcoderApp};
use crate::ui::dialogs::Dialog;

impl NormcoderApp {
    /// Applies an edit to the open project. A refused edit leaves the project unchanged and
    /// comes back as the error; the caller says it where the user acted.
    pub fn edit(&mut self, ctx: &Context, action: Action) -> Result<(), EditError> {
        let Some(session) = self.session.as_mut() else {
            return Err(EditError::NoProject);
        };
        session.apply(action)?;
        self.last_edit = ctx.input(|i| i.time);
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(
            AUTOSAVE_IDLE_SECONDS + 0.1,
        ));
        self.forget_missing_selection();
        Ok(())
    }

    /// [`edit`](Self::edit), with a refusal said in the status bar; whether it was applied.
    pub(super) fn edit_or_report(&mut self, ctx: &Context, action: Action) -> bool {
        match self.edit(ctx, action) {
            Ok(()) => true,
            Err(e) => {
                self.status = Some(e.to_string());
                false
            }
        }
    }

    pub(super) fn undo_redo(&mut self, ctx: &Context, undo: bool) {
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
        if let Some((id, _)) = &self.details.memo_edit
            && project.annotation(id).is_none()
        {
            self.details.memo_edit = None;
        }
    }

    /// Codes the current selection for the current coder (`edit::code_span` says how).
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
        let coding = match crate::edit::code_span(
            session.project(),
            &doc,
            span,
            &code,
            &coder,
            Utc::now(),
        ) {
            Ok(coding) => coding,
            Err(e) => {
                self.status = Some(e.to_string());
                return;
            }
        };
        self.last_code = Some(code);
        let Some(action) = coding.action else {
            // The annotation has that code already: it is selected, nothing changes.
            self.selected_annotation = Some(coding.annotation);
            return;
        };
        self.palette.close();
        if self.edit_or_report(ctx, action) {
            self.selected_annotation = Some(coding.annotation);
        }
    }

    pub(super) fn adjust_span(&mut self, ctx: &Context) {
        let (Some(id), Some(span)) = (self.selected_annotation.clone(), self.view.selection())
        else {
            self.status = Some(self.tr().nothing_selected.to_owned());
            return;
        };
        self.edit_or_report(
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

    pub(super) fn step_annotation(&mut self, forward: bool) {
        let list: Vec<(AnnotationId, CharSpan)> = self
            .visible_annotations()
            .iter()
            .map(|a| (a.id().clone(), a.span()))
            .collect();
        let current = self
            .selected_annotation
            .as_ref()
            .and_then(|id| list.iter().position(|(a, _)| a == id));
        let next = crate::ui::cycle(current, list.len(), forward, 0);
        if let Some((id, _)) = next.and_then(|i| list.get(i)) {
            self.select_annotation(Some(id.clone()));
        }
    }
}
