//! The selected annotation: codes (recode), coder, memo, dates, span; delete and adjust.

use chrono::Utc;
use egui::Ui;

use crate::edit::Action;
use crate::model::AnnotationId;
use crate::ui::command::{Command, UiCommand};
use crate::ui::context::Cx;

use super::code_swatch;

/// The details panel and the memo being typed (annotation, text), saved when the field loses
/// the keyboard.
#[derive(Debug, Default)]
pub struct DetailsPanel {
    pub memo_edit: Option<(AnnotationId, String)>,
}

impl DetailsPanel {
    /// Draws the details of the selected annotation.
    pub fn show(&mut self, ui: &mut Ui, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
        let t = cx.tr();
        let lang = cx.lang;
        ui.heading(t.annotation);
        let (Some(project), Some(id)) = (cx.project(), cx.selected_annotation.cloned()) else {
            ui.label(t.no_annotation_selected);
            return;
        };
        // A memo typed for an annotation that is gone is dropped.
        if self
            .memo_edit
            .as_ref()
            .is_some_and(|(a, _)| project.annotation(a).is_none())
        {
            self.memo_edit = None;
        }
        let Some(ann) = project.annotation(&id) else {
            ui.label(t.no_annotation_selected);
            return;
        };
        let mut commands = Vec::new();
        ui.label(format!("« {} »", shorten(project.quote(ann), 300)));
        ui.add_space(4.0);
        ui.label(egui::RichText::new(t.codes).strong());
        for code_id in ann.codes() {
            let Some(code) = project.codebook().code(code_id) else {
                continue;
            };
            ui.horizontal(|ui| {
                code_swatch(ui, code);
                ui.label(code.label.get(lang))
                    .on_hover_text(code.definition.get(lang));
                if ann.codes().len() > 1
                    && ui.small_button("×").on_hover_text(t.remove_code).clicked()
                {
                    let mut codes = ann.codes().clone();
                    codes.remove(code_id);
                    commands.push(UiCommand::Edit(Action::SetCodes {
                        id: id.clone(),
                        codes,
                        modified: Utc::now(),
                    }));
                }
            });
        }
        egui::ComboBox::new("add-code", t.add_code)
            .selected_text("+")
            .show_ui(ui, |ui| {
                for code in project.codebook().codes() {
                    if ann.codes().contains(&code.id) {
                        continue;
                    }
                    if ui.selectable_label(false, code.label.get(lang)).clicked() {
                        let mut codes = ann.codes().clone();
                        codes.insert(code.id.clone());
                        commands.push(UiCommand::Edit(Action::SetCodes {
                            id: id.clone(),
                            codes,
                            modified: Utc::now(),
                        }));
                    }
                }
            });
        ui.add_space(4.0);
        facts(ui, t, project, ann);
        memo(t, &mut self.memo_edit, ui, ann, &mut commands);
        ui.horizontal(|ui| {
            if ui.button(t.adjust_span).clicked() {
                commands.push(Command::AdjustSpan.into());
            }
            if ui
                .button(t.delete)
                .on_hover_text(key_tip(Command::DeleteAnnotation, cx))
                .clicked()
            {
                commands.push(Command::DeleteAnnotation.into());
            }
        });
        ui.horizontal(|ui| {
            if ui
                .button(format!("‹ {}", t.previous))
                .on_hover_text(key_tip(Command::PreviousAnnotation, cx))
                .clicked()
            {
                commands.push(Command::PreviousAnnotation.into());
            }
            if ui
                .button(format!("{} ›", t.next))
                .on_hover_text(key_tip(Command::NextAnnotation, cx))
                .clicked()
            {
                commands.push(Command::NextAnnotation.into());
            }
        });
        cmds.extend(commands);
    }
}

/// Coder, span, creation and modification dates.
fn facts(
    ui: &mut Ui,
    t: &crate::ui::i18n::Tr,
    project: &crate::model::Project,
    ann: &crate::model::Annotation,
) {
    egui::Grid::new("annotation-facts")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label(t.coder);
            let coder = project
                .coder(ann.coder())
                .map_or(ann.coder().as_str(), |c| c.name.as_str());
            ui.label(coder);
            ui.end_row();
            ui.label(t.span);
            ui.label(format!(
                "{} ({} {})",
                ann.span(),
                ann.span().len(),
                t.characters
            ));
            ui.end_row();
            ui.label(t.created);
            ui.label(ann.created().format("%Y-%m-%d %H:%M").to_string());
            ui.end_row();
            ui.label(t.modified);
            ui.label(ann.modified().format("%Y-%m-%d %H:%M").to_string());
            ui.end_row();
        });
}

/// "Next annotation (N)": a button's tooltip from the command table.
fn key_tip(command: Command, cx: &Cx<'_>) -> String {
    match command.shortcut_text() {
        Some(keys) => format!("{} ({keys})", command.label(cx.lang)),
        None => command.label(cx.lang).to_owned(),
    }
}

/// The memo field: edited in a buffer, saved as one edit when the field loses focus.
fn memo(
    t: &crate::ui::i18n::Tr,
    memo_edit: &mut Option<(crate::model::AnnotationId, String)>,
    ui: &mut Ui,
    ann: &crate::model::Annotation,
    commands: &mut Vec<UiCommand>,
) {
    let id = ann.id().clone();
    ui.label(egui::RichText::new(t.memo).strong());
    let mut text = match &*memo_edit {
        Some((edit_id, text)) if edit_id == &id => text.clone(),
        _ => ann.memo().to_owned(),
    };
    let response = ui.add(
        egui::TextEdit::multiline(&mut text)
            .desired_rows(3)
            .desired_width(f32::INFINITY)
            .hint_text(t.memo),
    );
    if response.changed() {
        *memo_edit = Some((id.clone(), text.clone()));
    }
    if response.lost_focus() && text != ann.memo() {
        commands.push(UiCommand::Edit(Action::SetMemo {
            id: id.clone(),
            memo: text,
            modified: Utc::now(),
        }));
        *memo_edit = None;
    }
}

/// The first `max` characters of a text, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}
