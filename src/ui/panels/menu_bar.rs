//! File, Edit and View menus; every item names its shortcut.

use egui::Ui;

use crate::model::{CoderId, Lang};

use crate::ui::app::NormcoderApp;
use crate::ui::command::UiCommand;

/// Draws the menu bar.
pub fn show(app: &mut NormcoderApp, ui: &mut Ui) {
    let t = app.tr();
    let has_project = app.session.is_some();
    egui::Panel::top("menu-bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t.menu_file, |ui| file_menu(app, ui, has_project));
            ui.menu_button(t.menu_edit, |ui| edit_menu(app, ui, has_project));
            ui.menu_button(t.menu_view, |ui| view_menu(app, ui, has_project));
            ui.menu_button(t.menu_analysis, |ui| analysis_menu(app, ui, has_project));
            ui.menu_button(t.menu_team, |ui| team_menu(app, ui, has_project));
        });
    });
}

/// File: projects, saving, importing.
fn file_menu(app: &mut NormcoderApp, ui: &mut Ui, has_project: bool) {
    let t = app.tr();
    item(
        app,
        ui,
        t.new_project,
        "Ctrl+N",
        UiCommand::NewProject,
        true,
    );
    item(app, ui, t.open, "Ctrl+O", UiCommand::Open, true);
    ui.menu_button(t.open_recent, |ui| {
        if app.prefs.recent.is_empty() {
            ui.label(t.no_recent);
        }
        for path in app.prefs.recent.clone() {
            if ui.button(path.display().to_string()).clicked() {
                app.push(UiCommand::OpenPath(path));
            }
        }
    });
    item(app, ui, t.open_demo, "", UiCommand::OpenDemo, true);
    ui.separator();
    item(app, ui, t.save, "Ctrl+S", UiCommand::Save, has_project);
    item(
        app,
        ui,
        t.save_as,
        "Ctrl+Shift+S",
        UiCommand::SaveAs,
        has_project,
    );
    ui.separator();
    item(
        app,
        ui,
        t.import_documents,
        "Ctrl+I",
        UiCommand::ImportDocuments,
        has_project,
    );
    item(
        app,
        ui,
        t.import_folder,
        "",
        UiCommand::Import(crate::ui::import::ImportCommand::Folder),
        has_project,
    );
    exchange_items(app, ui, has_project);
    item(
        app,
        ui,
        t.merge_projects,
        "",
        UiCommand::Team(crate::ui::team::TeamCommand::Merge),
        true,
    );
    ui.separator();
    item(
        app,
        ui,
        t.close_project,
        "",
        UiCommand::CloseProject,
        has_project,
    );
    item(app, ui, t.quit, "", UiCommand::Quit, true);
}

/// Edit: undo, search, coding.
fn edit_menu(app: &mut NormcoderApp, ui: &mut Ui, has_project: bool) {
    let t = app.tr();
    let (can_undo, can_redo) = app.session.as_ref().map_or((false, false), |s| {
        (s.history().can_undo(), s.history().can_redo())
    });
    item(app, ui, t.undo, "Ctrl+Z", UiCommand::Undo, can_undo);
    item(app, ui, t.redo, "Ctrl+Shift+Z", UiCommand::Redo, can_redo);
    ui.separator();
    item(
        app,
        ui,
        t.find,
        "Ctrl+F",
        UiCommand::OpenSearch,
        has_project,
    );
    item(
        app,
        ui,
        t.code_palette,
        "Ctrl+K",
        UiCommand::OpenPalette,
        has_project,
    );
    item(
        app,
        ui,
        t.repeat_last_code,
        "R",
        UiCommand::RepeatLastCode,
        app.last_code.is_some(),
    );
    item(
        app,
        ui,
        t.next_annotation,
        "N",
        UiCommand::NextAnnotation,
        has_project,
    );
    item(
        app,
        ui,
        t.previous_annotation,
        "P",
        UiCommand::PreviousAnnotation,
        has_project,
    );
    let selected = app.selected_annotation.is_some();
    item(
        app,
        ui,
        t.delete_annotation,
        "Delete",
        UiCommand::DeleteSelectedAnnotation,
        selected,
    );
}

/// View: zoom, language, whose annotations.
fn view_menu(app: &mut NormcoderApp, ui: &mut Ui, has_project: bool) {
    let t = app.tr();
    item(app, ui, t.zoom_in, "Ctrl++", UiCommand::ZoomIn, has_project);
    item(
        app,
        ui,
        t.zoom_out,
        "Ctrl+-",
        UiCommand::ZoomOut,
        has_project,
    );
    item(
        app,
        ui,
        t.zoom_reset,
        "Ctrl+0",
        UiCommand::ZoomReset,
        has_project,
    );
    ui.separator();
    ui.menu_button(t.language, |ui| {
        for (lang, name) in [(Lang::En, "English"), (Lang::Fr, "Français")] {
            if ui.radio(app.prefs.lang == lang, name).clicked() {
                app.push(UiCommand::SetLang(lang));
            }
        }
    });
    ui.menu_button(t.show_coders, |ui| {
        let coders: Vec<CoderId> = app
            .session
            .as_ref()
            .map(|s| s.project().coders().map(|c| c.id.clone()).collect())
            .unwrap_or_default();
        if ui.radio(app.coder_filter.is_none(), t.all_coders).clicked() {
            app.push(UiCommand::ShowCoder(None));
        }
        for coder in coders {
            let on = app.coder_filter.as_ref() == Some(&coder);
            if ui.radio(on, coder.as_str()).clicked() {
                app.push(UiCommand::ShowCoder(Some(coder)));
            }
        }
    });
}

/// Analysis: the tabs of the Analysis window (issue 6).
fn analysis_menu(app: &mut NormcoderApp, ui: &mut Ui, has_project: bool) {
    use crate::ui::analysis::{AnalysisCommand, Tab};
    let t = app.tr();
    for (tab, label) in [
        (Tab::Retrieval, t.retrieval),
        (Tab::Tables, t.tables),
        (Tab::Charts, t.charts),
        (Tab::Search, t.corpus_search),
    ] {
        item(
            app,
            ui,
            label,
            "",
            UiCommand::Analysis(AnalysisCommand::Open(tab)),
            has_project,
        );
    }
}

/// File: REFI-QDA imports and Export… (issue 5).
fn exchange_items(app: &mut NormcoderApp, ui: &mut Ui, has_project: bool) {
    use crate::ui::exchange::ExchangeCommand;
    let t = app.tr();
    item(
        app,
        ui,
        t.import_qdpx,
        "",
        UiCommand::Exchange(ExchangeCommand::ImportQdpx),
        true,
    );
    item(
        app,
        ui,
        t.import_qdc,
        "",
        UiCommand::Exchange(ExchangeCommand::ImportQdc),
        has_project,
    );
    ui.separator();
    item(
        app,
        ui,
        t.export_menu,
        "",
        UiCommand::Exchange(ExchangeCommand::OpenExport),
        has_project,
    );
}

/// Team: the tabs of the Team window (issue 7).
fn team_menu(app: &mut NormcoderApp, ui: &mut Ui, has_project: bool) {
    use crate::ui::team::{Tab, TeamCommand};
    let t = app.tr();
    for (tab, label) in [
        (Tab::Agreement, t.agreement),
        (Tab::Disagreements, t.disagreements),
        (Tab::Seminar, t.seminar),
    ] {
        item(
            app,
            ui,
            label,
            "",
            UiCommand::Team(TeamCommand::Open(tab)),
            has_project,
        );
    }
    ui.separator();
    item(
        app,
        ui,
        t.merge_projects,
        "",
        UiCommand::Team(TeamCommand::Merge),
        true,
    );
}

/// One menu item with its shortcut shown on the right.
fn item(
    app: &mut NormcoderApp,
    ui: &mut Ui,
    label: &str,
    shortcut: &str,
    command: UiCommand,
    enabled: bool,
) {
    let mut button = egui::Button::new(label);
    if !shortcut.is_empty() {
        button = button.shortcut_text(shortcut);
    }
    if ui.add_enabled(enabled, button).clicked() {
        app.push(command);
        ui.close();
    }
}
