//! File ▸ Export… and the REFI-QDA imports driven headless: the dialog writes the same bytes as
//! `normcoder export` with the same filters, folders for JSON Lines, a `.qdpx` opens as a new
//! project with its report, a `.qdc` import is one undo step.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use normcoder::edit::Action;
use normcoder::model::{CodeId, Lang};
use normcoder::ui::app::NormcoderApp;
use normcoder::ui::command::UiCommand;
use normcoder::ui::dialogs::Dialog;
use normcoder::ui::exchange::{ReportKind, code_label};
use normcoder::ui::{ScriptedPicker, StartOptions, UiPrefs};

use crate::common::{data, demo_copy, normcoder, repo, text};

fn harness(path: Option<PathBuf>, picker: ScriptedPicker) -> Harness<'static, NormcoderApp> {
    let app = NormcoderApp::new(
        UiPrefs::default(),
        Box::new(picker),
        StartOptions {
            project: path,
            coder: Some("Chloé Martin".to_owned()),
            lang: Some(Lang::En),
        },
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(|ui, app: &mut NormcoderApp| app.show(ui), app);
    h.run();
    h
}

/// Steps frames until the worker thread has answered (the spinner repaints, so `run` would
/// count those frames as unsettled), then lets the window settle.
fn wait_for_worker(h: &mut Harness<'static, NormcoderApp>) {
    let start = Instant::now();
    h.run_ok();
    while h.state().exchange.busy() {
        assert!(
            start.elapsed() < Duration::from_mins(1),
            "the worker never answered"
        );
        std::thread::sleep(Duration::from_millis(5));
        h.step();
    }
    h.run();
}

fn open_export(h: &mut Harness<'static, NormcoderApp>) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    assert!(h.state().exchange.export.open);
}

/// Opens a combo box by its label and picks an entry.
fn choose(h: &mut Harness<'static, NormcoderApp>, combo: &str, entry: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, combo)
        .click();
    h.run();
    h.get_by_label(entry).click();
    h.run();
}

fn format_entry(name: &str, description: &str) -> String {
    format!("{name} — {description}")
}

/// Exports through the dialog with coder `alice` and code `pc.2` unticked, and through the
/// command line with the same filters: the bytes are equal.
fn dialog_equals_cli(format: &str, description: &str, extension: &str) {
    let dir = tempfile::tempdir().expect("test data");
    let project = demo_copy(dir.path());
    // The picker's answer has no extension: the dialog adds it.
    let chosen = dir.path().join("from-gui");
    let written = dir.path().join(format!("from-gui.{extension}"));
    let picker = ScriptedPicker {
        exports: vec![chosen],
        ..ScriptedPicker::default()
    };
    let mut h = harness(Some(project.clone()), picker);
    open_export(&mut h);
    if format != "qdpx" {
        choose(&mut h, "Format", &format_entry(format, description));
    }
    choose(&mut h, "Coder", "Alice Martin (alice)");
    let unticked = CodeId::new("pc.2").expect("test data");
    let label = {
        let app = h.state();
        let code = app
            .session
            .as_ref()
            .expect("test data")
            .project()
            .codebook()
            .code(&unticked)
            .expect("test data")
            .clone();
        code_label(&code, Lang::En)
    };
    h.get_by_label(&label).click();
    h.run();
    {
        let dialog = &h.state().exchange.export;
        assert_eq!(dialog.format.name(), format);
        assert_eq!(
            dialog.coder.as_ref().map(normcoder::model::CoderId::as_str),
            Some("alice")
        );
        assert!(dialog.unticked_codes.contains(&unticked));
    }
    // The summary line counts what the filter keeps.
    assert!(
        h.query_by_label_contains("Will export: 4 document(s)")
            .is_some()
    );
    h.get_by_label("Export…").click();
    wait_for_worker(&mut h);
    assert!(h.state().dialog.is_none(), "{:?}", h.state().dialog);
    let status = h.state().status.clone().unwrap_or_default();
    assert!(
        status.starts_with("Exported to") && status.contains("from-gui"),
        "{status}"
    );
    let gui = std::fs::read(&written).expect("the dialog wrote the file");

    let kept: Vec<String> = h
        .state()
        .session
        .as_ref()
        .expect("test data")
        .project()
        .codebook()
        .codes()
        .iter()
        .filter(|c| c.id != unticked)
        .map(|c| c.id.to_string())
        .collect();
    let from_cli = dir.path().join(format!("from-cli.{extension}"));
    let out = normcoder(&[
        "export",
        project.to_str().expect("test data"),
        "--format",
        format,
        "-o",
        from_cli.to_str().expect("test data"),
        "--coder",
        "alice",
        "--codes",
        &kept.join(","),
    ]);
    assert!(out.status.success(), "{:?}", text(&out));
    let cli = std::fs::read(&from_cli).expect("test data");
    assert!(
        gui == cli,
        "{format}: the dialog and the command line differ"
    );

    // And the filters really applied: everything exported differs.
    let all = dir.path().join(format!("all.{extension}"));
    let out = normcoder(&[
        "export",
        project.to_str().expect("test data"),
        "--format",
        format,
        "-o",
        all.to_str().expect("test data"),
    ]);
    assert!(out.status.success(), "{:?}", text(&out));
    assert!(std::fs::read(&all).expect("test data") != gui);
}

#[test]
fn csv_from_the_dialog_equals_the_command_line() {
    dialog_equals_cli(
        "csv",
        "One row per coding and code, for pandas, R or a spreadsheet",
        "csv",
    );
}

#[test]
fn qdpx_from_the_dialog_equals_the_command_line() {
    dialog_equals_cli(
        "qdpx",
        "REFI-QDA project, for ATLAS.ti, MAXQDA, NVivo, QualCoder",
        "qdpx",
    );
}

#[test]
fn jsonl_goes_to_a_folder_and_bom_is_offered_for_csv_only() {
    let dir = tempfile::tempdir().unwrap();
    let project = demo_copy(dir.path());
    let folder = dir.path().join("nlp");
    let picker = ScriptedPicker {
        folders: vec![folder.clone()],
        ..ScriptedPicker::default()
    };
    let mut h = harness(Some(project.clone()), picker);
    open_export(&mut h);
    assert!(
        h.query_by_label("UTF-8 byte-order mark (for Excel)")
            .is_none()
    );
    choose(
        &mut h,
        "Format",
        &format_entry("jsonl", "JSON Lines folder, for NLP pipelines"),
    );
    assert!(
        h.query_by_label("This format writes a folder: you will choose it.")
            .is_some()
    );
    // Nothing ticked is refused rather than read as "everything".
    let nones: Vec<_> = h.get_all_by_label("None").collect();
    nones[0].click();
    h.run();
    assert!(
        h.query_by_label("Tick at least one document.").is_some(),
        "the summary says why nothing can be exported"
    );
    let alls: Vec<_> = h.get_all_by_label("All").collect();
    alls[0].click();
    h.run();
    h.get_by_label("Export…").click();
    wait_for_worker(&mut h);
    assert!(h.state().dialog.is_none(), "{:?}", h.state().dialog);
    for name in [
        "documents.jsonl",
        "annotations.jsonl",
        "codebook.json",
        "README.md",
    ] {
        assert!(folder.join(name).is_file(), "{name}");
    }
    let cli = dir.path().join("cli");
    let out = normcoder(&[
        "export",
        project.to_str().unwrap(),
        "--format",
        "jsonl",
        "-o",
        cli.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{:?}", text(&out));
    assert_eq!(
        std::fs::read(folder.join("annotations.jsonl")).unwrap(),
        std::fs::read(cli.join("annotations.jsonl")).unwrap()
    );

    // CSV offers the byte-order mark.
    choose(
        &mut h,
        "Format",
        &format_entry(
            "csv",
            "One row per coding and code, for pandas, R or a spreadsheet",
        ),
    );
    h.get_by_label("UTF-8 byte-order mark (for Excel)").click();
    h.run();
    assert!(h.state().exchange.export.options().bom);
}

#[test]
fn a_qdpx_import_opens_the_new_project_and_shows_its_report() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("from-nvivo");
    let picker = ScriptedPicker {
        refi: vec![data(
            "refi-qda/nvivo-mac15_cproctor-qualitative-coding.qdpx",
        )],
        save: vec![target],
        ..ScriptedPicker::default()
    };
    let mut h = harness(Some(demo_copy(dir.path())), picker);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import REFI-QDA project (.qdpx)…").click();
    wait_for_worker(&mut h);
    let written = dir.path().join("from-nvivo.ncp.ron");
    assert!(h.state().dialog.is_none(), "{:?}", h.state().dialog);
    let app = h.state();
    assert_eq!(
        app.session.as_ref().and_then(|s| s.path()),
        Some(written.as_path()),
        "the new project is open"
    );
    let project = app.session.as_ref().unwrap().project();
    let report = app.exchange.report.clone().expect("a report");
    assert_eq!(report.kind, ReportKind::Project);
    // This NVivo export has empty plain texts: the codes come in, the sources are reported.
    assert_eq!(report.report.documents, project.documents().count());
    assert_eq!(report.report.codes, project.codebook().codes().len());
    assert!(report.report.codes > 200, "{:?}", report.report);
    assert!(!report.report.not_carried.is_empty());
    assert!(normcoder::store::load(&written).is_ok());
    h.get_by_label("Import report");
    let r = &report.report;
    h.get_by_label(&format!(
        "Imported: {} document(s), {} group(s), {} code(s), {} coder(s), {} annotations",
        r.documents, r.groups, r.codes, r.coders, r.annotations
    ));
    h.get_by_label("nvivo-mac15_cproctor-qualitative-coding.qdpx");
    for line in &report.report.not_carried {
        h.get_by_label(&format!("• {line}"));
    }
    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().exchange.report.is_none());
}

#[test]
fn a_qdpx_import_asks_before_dropping_unsaved_work() {
    let dir = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker {
        refi: vec![data(
            "refi-qda/qc-1.3.2-demo_cproctor-qualitative-coding.qdpx",
        )],
        save: vec![dir.path().join("qc.ncp.ron")],
        ..ScriptedPicker::default()
    };
    let mut h = harness(Some(demo_copy(dir.path())), picker);
    // Unsaved work: a document removed.
    let doc = {
        let project = h.state().session.as_ref().unwrap().project();
        project.documents().next().unwrap().id().clone()
    };
    h.state_mut()
        .push(UiCommand::Edit(Action::RemoveDocument { id: doc }));
    h.run();
    assert!(h.state().session.as_ref().unwrap().is_dirty());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import REFI-QDA project (.qdpx)…").click();
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::ConfirmDiscard(_))));
    assert!(
        !h.state().exchange.busy(),
        "nothing asked before the answer"
    );
    h.get_by_label("Discard").click();
    wait_for_worker(&mut h);
    assert!(h.state().dialog.is_none(), "{:?}", h.state().dialog);
    assert_eq!(
        h.state().session.as_ref().and_then(|s| s.path()),
        Some(dir.path().join("qc.ncp.ron").as_path())
    );
    let app = h.state();
    let report = app.exchange.report.clone().expect("a report");
    let project = app.session.as_ref().unwrap().project();
    assert_eq!(report.report.documents, 2);
    assert_eq!(report.report.annotations, project.annotations().count());
    assert!(report.report.annotations > 100, "{:?}", report.report);
    assert!(!app.session.as_ref().unwrap().is_dirty());
}

#[test]
fn a_qdc_import_is_undone_by_one_ctrl_z() {
    let dir = tempfile::tempdir().unwrap();
    // The demo's codebook, written by the command line…
    let qdc = dir.path().join("paris-call.qdc");
    let out = normcoder(&[
        "export",
        repo("projects/paris-call-2018.ncp.ron").to_str().unwrap(),
        "--format",
        "qdc",
        "-o",
        qdc.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{:?}", text(&out));
    // …into a project that has only the actor codes.
    let path = dir.path().join("actors.ncp.ron");
    let project = normcoder::store::builtin::new_project("actors".to_owned(), &["actors"]).unwrap();
    normcoder::store::save(&path, &project, false).unwrap();
    let before = normcoder::store::load(&path).unwrap().project;
    let picker = ScriptedPicker {
        refi: vec![qdc],
        ..ScriptedPicker::default()
    };
    let mut h = harness(Some(path), picker);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import REFI-QDA codebook (.qdc)…").click();
    h.run();
    assert!(h.state().dialog.is_none(), "{:?}", h.state().dialog);
    let report = h.state().exchange.report.clone().expect("a report");
    assert_eq!(report.kind, ReportKind::Codebook { changed: true });
    let after = h.state().session.as_ref().unwrap().project().clone();
    let added = after.codebook().codes().len() - before.codebook().codes().len();
    assert_eq!(added, report.report.codes);
    assert!(added >= 9, "the nine principles at least: {added}");
    h.get_by_label("Import report");
    h.get_by_label("One undo step (Ctrl+Z) removes what was added.");
    h.get_by_label("Close").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.as_ref().unwrap().project(), &before);
    assert!(!h.state().session.as_ref().unwrap().history().can_undo());

    // Redo brings the whole codebook back in one step too.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().session.as_ref().unwrap().project(), &after);
}

#[test]
fn export_and_import_errors_are_shown_not_panicked() {
    let dir = tempfile::tempdir().unwrap();
    // A file where a folder is needed: the library refuses, the window says why.
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "x").unwrap();
    let not_a_zip = dir.path().join("broken.qdpx");
    std::fs::write(&not_a_zip, "not a zip at all").unwrap();
    let picker = ScriptedPicker {
        exports: vec![blocker.join("inside.csv")],
        refi: vec![not_a_zip],
        save: vec![dir.path().join("never.ncp.ron")],
        ..ScriptedPicker::default()
    };
    let project = demo_copy(dir.path());
    let mut h = harness(Some(project.clone()), picker);
    open_export(&mut h);
    choose(
        &mut h,
        "Format",
        &format_entry(
            "csv",
            "One row per coding and code, for pandas, R or a spreadsheet",
        ),
    );
    h.get_by_label("Export…").click();
    wait_for_worker(&mut h);
    assert!(
        matches!(&h.state().dialog, Some(Dialog::Error(m)) if m.contains("inside.csv")),
        "{:?}",
        h.state().dialog
    );
    h.get_by_label("OK").click();
    h.run();

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import REFI-QDA project (.qdpx)…").click();
    wait_for_worker(&mut h);
    assert!(
        matches!(&h.state().dialog, Some(Dialog::Error(m)) if m.contains("broken.qdpx")),
        "{:?}",
        h.state().dialog
    );
    assert!(
        !dir.path().join("never.ncp.ron").exists(),
        "nothing written"
    );
    assert_eq!(
        h.state().session.as_ref().and_then(|s| s.path()),
        Some(project.as_path()),
        "the open project stays open"
    );
    assert!(h.state().exchange.report.is_none());
}
