//! File, Edit, View, Analysis and Team menus. Every item is a command of the table, so its label
//! and the key it shows come from one place (`ui::command`).

use egui::Ui;

use crate::model::Lang;
use crate::ui::command::{Command, UiCommand};
use crate::ui::context::Cx;

/// Draws the menu bar.
pub fn show(ui: &mut Ui, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
    let t = cx.tr();
    egui::Panel::top("menu-bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t.menu_file, |ui| file_menu(ui, cx, cmds));
            ui.menu_button(t.menu_edit, |ui| edit_menu(ui, cx, cmds));
            ui.menu_button(t.menu_view, |ui| view_menu(ui, cx, cmds));
            ui.menu_button(t.menu_analysis, |ui| {
                for (_, command) in crate::ui::analysis::TABS {
                    item(ui, cx, command, cx.session.is_some(), cmds);
                }
            });
            ui.menu_button(t.menu_team, |ui| {
                for (_, command) in crate::ui::team::TABS {
                    item(ui, cx, command, cx.session.is_some(), cmds);
                }
                ui.separator();
                item(ui, cx, Command::MergeProjects, true, cmds);
            });
        });
    });
}

/// File: projects, saving, importing, exporting.
fn file_menu(ui: &mut Ui, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
    let t = cx.tr();
    let open = cx.session.is_some();
    item(ui, cx, Command::NewProject, true, cmds);
    item(ui, cx, Command::Open, true, cmds);
    ui.menu_button(t.open_recent, |ui| {
        if cx.recent.is_empty() {
            ui.label(t.no_recent);
        }
        for path in cx.recent {
            if ui.button(path.display().to_string()).clicked() {
                cmds.push(UiCommand::OpenPath(path.clone()));
            }
        }
    });
    item(ui, cx, Command::OpenDemo, true, cmds);
    ui.separator();
    item(ui, cx, Command::Save, open, cmds);
    item(ui, cx, Command::SaveAs, open, cmds);
    ui.separator();
    item(ui, cx, Command::ImportDocuments, open, cmds);
    item(ui, cx, Command::ImportFolder, open, cmds);
    item(ui, cx, Command::ImportQdpx, true, cmds);
    item(ui, cx, Command::ImportQdc, open, cmds);
    ui.separator();
    item(ui, cx, Command::Export, open, cmds);
    item(ui, cx, Command::MergeProjects, true, cmds);
    ui.separator();
    item(ui, cx, Command::CloseProject, open, cmds);
    item(ui, cx, Command::Quit, true, cmds);
}

/// Edit: undo, search, coding.
fn edit_menu(ui: &mut Ui, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
    let open = cx.session.is_some();
    let (can_undo, can_redo) = cx.session.map_or((false, false), |s| {
        (s.history().can_undo(), s.history().can_redo())
    });
    item(ui, cx, Command::Undo, can_undo, cmds);
    item(ui, cx, Command::Redo, can_redo, cmds);
    ui.separator();
    item(ui, cx, Command::Find, open, cmds);
    item(ui, cx, Command::CodePalette, open, cmds);
    item(
        ui,
        cx,
        Command::RepeatLastCode,
        cx.last_code.is_some(),
        cmds,
    );
    item(ui, cx, Command::NextAnnotation, open, cmds);
    item(ui, cx, Command::PreviousAnnotation, open, cmds);
    item(
        ui,
        cx,
        Command::DeleteAnnotation,
        cx.selected_annotation.is_some(),
        cmds,
    );
}

/// View: zoom, language, whose annotations.
fn view_menu(ui: &mut Ui, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
    let t = cx.tr();
    let open = cx.session.is_some();
    item(ui, cx, Command::ZoomIn, open, cmds);
    item(ui, cx, Command::ZoomOut, open, cmds);
    item(ui, cx, Command::ZoomReset, open, cmds);
    ui.menu_button(t.reading_width, |ui| {
        for chars in [Some(80), Some(100), Some(120), None] {
            let label = chars.map_or_else(
                || t.whole_width.to_owned(),
                |n| format!("{n} {}", t.characters),
            );
            if ui.radio(cx.reading_chars == chars, label).clicked() {
                cmds.push(UiCommand::SetReadingWidth(chars));
            }
        }
    });
    ui.separator();
    ui.menu_button(t.language, |ui| {
        for (lang, name) in [(Lang::En, "English"), (Lang::Fr, "Français")] {
            if ui.radio(cx.lang == lang, name).clicked() {
                cmds.push(UiCommand::SetLang(lang));
            }
        }
    });
    ui.menu_button(t.show_coders, |ui| {
        if ui.radio(cx.coder_filter.is_none(), t.all_coders).clicked() {
            cmds.push(UiCommand::ShowCoder(None));
        }
        for coder in cx
            .project()
            .into_iter()
            .flat_map(crate::model::Project::coders)
        {
            let on = cx.coder_filter == Some(&coder.id);
            if ui.radio(on, coder.id.as_str()).clicked() {
                cmds.push(UiCommand::ShowCoder(Some(coder.id.clone())));
            }
        }
    });
}

/// One menu item: the command's label, its first key on the right.
fn item(ui: &mut Ui, cx: &Cx<'_>, command: Command, enabled: bool, cmds: &mut Vec<UiCommand>) {
    let mut button = egui::Button::new(command.label(cx.lang));
    if let Some(keys) = command.shortcut_text() {
        button = button.shortcut_text(keys);
    }
    if ui.add_enabled(enabled, button).clicked() {
        cmds.push(command.into());
        ui.close();
    }
}
