//! What the window shows with no project open.

use egui::Ui;

use crate::ui::command::{Command, UiCommand};
use crate::ui::context::Cx;

/// Draws the welcome screen.
pub fn show(ui: &mut Ui, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
    let t = cx.tr();
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(80.0);
            ui.heading(t.app_name);
            ui.label(t.no_project);
            ui.add_space(12.0);
            for command in [Command::OpenDemo, Command::Open, Command::NewProject] {
                if ui.button(command.label(cx.lang)).clicked() {
                    cmds.push(command.into());
                }
            }
            for path in cx.recent.iter().take(5) {
                if ui.link(path.display().to_string()).clicked() {
                    cmds.push(UiCommand::OpenPath(path.clone()));
                }
            }
        });
    });
}
