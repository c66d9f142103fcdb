//! What the window shows with no project open.

use egui::Ui;

use crate::ui::app::NormcoderApp;
use crate::ui::command::UiCommand;

/// Draws the welcome screen.
pub fn show(app: &mut NormcoderApp, ui: &mut Ui) {
    let t = app.tr();
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(80.0);
            ui.heading(t.app_name);
            ui.label(t.no_project);
            ui.add_space(12.0);
            if ui.button(t.open_demo).clicked() {
                app.push(UiCommand::OpenDemo);
            }
            if ui.button(t.open).clicked() {
                app.push(UiCommand::Open);
            }
            if ui.button(t.new_project).clicked() {
                app.push(UiCommand::NewProject);
            }
            for path in app.prefs.recent.clone().into_iter().take(5) {
                if ui.link(path.display().to_string()).clicked() {
                    app.push(UiCommand::OpenPath(path));
                }
            }
        });
    });
}
