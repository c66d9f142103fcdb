//! The in-window file picker, as on a desktop with no file chooser (no portal, no zenity): real
//! keys open it, a path typed in its path field or entries clicked answer it, and the flow that
//! asked goes on — Open, Save as, and the two questions of a merge.

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use normcoder::edit::{Action, apply};
use normcoder::model::Project;
use normcoder::store;
use normcoder::ui::NoNativePicker;
use normcoder::ui::app::NormcoderApp;
use normcoder::ui::command::PickRequest;

use crate::common::{demo_copy, repo, wait_for_jobs, window_with};

/// `common::demo_window` on a desktop with no file chooser. egui_file's path and file fields
/// carry no accessible name (the crate gives no way to set one), so kittest's check that every
/// widget has one is off here; the rest of the window is checked by the other tests.
fn window(path: PathBuf) -> Harness<'static, NormcoderApp> {
    window_with(path, Box::new(NoNativePicker), false)
}

fn open_path(h: &Harness<'static, NormcoderApp>) -> Option<PathBuf> {
    h.state()
        .session
        .as_ref()
        .and_then(|s| s.path())
        .map(Path::to_path_buf)
}

fn text(path: &Path) -> String {
    path.to_str().expect("a UTF-8 path").to_owned()
}

/// The text field showing `text`.
fn field<'h>(h: &'h Harness<'static, NormcoderApp>, text: &str) -> egui_kittest::Node<'h> {
    let text = text.to_owned();
    h.get_by(move |node| node.role() == Role::TextInput && node.value().as_deref() == Some(&text))
}

/// Replaces the text of the field showing `current` with `typed`, as a person does: click in
/// it, Ctrl+A, type. Nothing is confirmed yet.
fn retype(h: &mut Harness<'static, NormcoderApp>, current: &str, typed: &str) {
    field(h, current).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(Event::Text(typed.to_owned()));
    h.run();
}

#[test]
fn ctrl_o_opens_the_in_window_picker_and_a_typed_path_opens_the_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = demo_copy(dir.path());
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).expect("mkdir");
    let second = elsewhere.join("second.ncp.ron");
    std::fs::copy(&first, &second).expect("copy");
    let mut h = window(first.clone());

    // Escape closes it and nothing happens, as a cancelled dialog.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(
        h.state().pick_window.request(),
        Some(&PickRequest::OpenProject)
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().pick_window.is_open());
    assert_eq!(open_path(&h), Some(first.clone()));

    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    // Its title says what is asked; beside it, the folders and the file types.
    h.get_by_label_contains("Open a project");
    h.get_by_label_contains("Normcoder projects (*.ron, *.ncp.ron)");
    h.get_by_label("🏠 Home");
    // It starts in the project's folder, listing the projects there.
    h.get_by_label("🗋 demo.ncp.ron");
    h.get_by_label("🗀 elsewhere");
    // While it asks, the window's keys are its own: Ctrl+S saves nothing behind it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(h.state().status, None);

    retype(&mut h, &text(dir.path()), &text(&second));
    h.key_press(Key::Enter);
    h.run();
    assert!(!h.state().pick_window.is_open());
    assert_eq!(open_path(&h), Some(second));
    assert_eq!(h.state().window_title(), "second.ncp.ron — Normcoder");
}

#[test]
fn save_as_in_the_in_window_picker_writes_the_file_named_there() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = demo_copy(dir.path());
    let copies = dir.path().join("copies");
    std::fs::create_dir(&copies).expect("mkdir");
    let mut h = window(first.clone());

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    h.get_by_label_contains("Save the project as");
    let suggested = match h.state().pick_window.request() {
        Some(PickRequest::SaveProject { suggested, .. }) => suggested.clone(),
        other => panic!("not a save request: {other:?}"),
    };
    assert!(suggested.ends_with(".ncp.ron"), "{suggested}");
    // The name offered is in the file field; a folder typed in the path field is entered.
    field(&h, &suggested);
    retype(&mut h, &text(dir.path()), &text(&copies));
    h.key_press(Key::Enter);
    h.run();
    // A name without extension: the picker gives it the project's.
    retype(&mut h, &suggested, "copy");
    h.get_by_role_and_label(Role::Button, "Save").click();
    h.run();
    assert!(!h.state().pick_window.is_open());
    let written = copies.join("copy.ncp.ron");
    assert_eq!(open_path(&h), Some(written.clone()));
    let saved = store::load(&written).expect("the copy loads").project;
    let original = store::load(&first).expect("the original loads").project;
    assert_eq!(saved.annotation_count(), original.annotation_count());
    assert_eq!(h.state().status.as_deref(), Some("Saved"));
}

/// The demo project with only `keep`'s annotations.
fn only(project: &Project, keep: &str) -> Project {
    let mut p = project.clone();
    let drop: Vec<Action> = p
        .annotations()
        .filter(|a| a.coder().as_str() != keep)
        .map(|a| Action::RemoveAnnotation { id: a.id().clone() })
        .collect();
    apply(&mut p, Action::Batch(drop)).expect("remove the other coders' annotations");
    p
}

#[test]
fn merge_asks_for_the_files_then_the_output_in_the_in_window_picker() {
    let dir = tempfile::tempdir().expect("tempdir");
    let demo = store::load(&repo("projects/paris-call-2018.ncp.ron"))
        .expect("demo")
        .project;
    let coders = dir.path().join("coders");
    std::fs::create_dir(&coders).expect("mkdir");
    let a = coders.join("alice.ncp.ron");
    let b = coders.join("bruno.ncp.ron");
    store::save(&a, &only(&demo, "alice"), false).expect("save");
    store::save(&b, &only(&demo, "bruno"), false).expect("save");
    let mut h = window(demo_copy(dir.path()));

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Merge coders’ projects…").click();
    h.run();
    h.get_by_label_contains("Choose the coders’ projects to merge");
    h.get_by_label_contains("Ctrl+click");
    retype(&mut h, &text(dir.path()), &text(&coders));
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("🗋 alice.ncp.ron").click();
    h.run();
    h.get_by_label("🗋 bruno.ncp.ron")
        .click_modifiers(Modifiers::CTRL);
    h.run();
    h.get_by_role_and_label(Role::Button, "Open").click();
    h.run();

    // The second question, beside the first answer, with the merged file's name offered.
    assert_eq!(
        h.state().pick_window.request(),
        Some(&PickRequest::MergeOutput {
            files: vec![a.clone(), b.clone()]
        })
    );
    h.get_by_label_contains("Save the merged project as");
    field(&h, "merged.ncp.ron");
    field(&h, &text(&coders));
    h.get_by_role_and_label(Role::Button, "Save").click();
    h.step();
    wait_for_jobs(&mut h);
    let out = coders.join("merged.ncp.ron");
    assert_eq!(open_path(&h), Some(out));
    let merged = &h.state().team.merge.as_ref().expect("the report").report;
    assert_eq!(merged.files, vec![a, b]);
    let project = h.state().session.as_ref().expect("open").project();
    assert_eq!(project.annotation_count(), demo.annotation_count());
}

#[test]
fn cancel_in_the_second_question_of_a_merge_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let demo = store::load(&repo("projects/paris-call-2018.ncp.ron"))
        .expect("demo")
        .project;
    let a = dir.path().join("alice.ncp.ron");
    let b = dir.path().join("bruno.ncp.ron");
    store::save(&a, &only(&demo, "alice"), false).expect("save");
    store::save(&b, &only(&demo, "bruno"), false).expect("save");
    let first = demo_copy(dir.path());
    let mut h = window(first.clone());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Merge coders’ projects…").click();
    h.run();
    // Shift+click ticks the range alice…bruno (demo.ncp.ron sorts after them).
    h.get_by_label("🗋 alice.ncp.ron").click();
    h.run();
    h.get_by_label("🗋 bruno.ncp.ron")
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    h.get_by_role_and_label(Role::Button, "Open").click();
    h.run();
    assert_eq!(
        h.state().pick_window.request(),
        Some(&PickRequest::MergeOutput { files: vec![a, b] })
    );
    h.get_by_label_contains("Save the merged project as");
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    h.run();
    assert!(!h.state().pick_window.is_open());
    assert!(!h.state().jobs_running());
    assert!(!dir.path().join("merged.ncp.ron").exists());
    assert_eq!(open_path(&h), Some(first));
}

#[test]
fn a_table_export_is_written_where_the_in_window_picker_says_with_its_extension() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = window(demo_copy(dir.path()));
    h.get_by_label("Team").click();
    h.run();
    h.get_by_label("Agreement").click();
    h.run();
    h.get_by_label("Export CSV…").click();
    h.run();
    h.get_by_label_contains("Save the export as (.csv)");
    h.get_by_label_contains("Shows: *.csv");
    // The file field offers the table's name; a name typed there and Enter writes it.
    retype(&mut h, "agreement.csv", "alpha");
    h.key_press(Key::Enter);
    h.run();
    assert!(!h.state().pick_window.is_open());
    let written = dir.path().join("alpha.csv");
    let csv = std::fs::read_to_string(&written).expect("the table is written");
    assert!(csv.contains("alice"), "{csv}");
    assert_eq!(
        h.state().status.as_deref(),
        Some(format!("Exported to {}", written.display()).as_str())
    );
}

#[test]
fn a_qdpx_import_asks_for_the_archive_then_for_the_new_project_beside_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let archives = dir.path().join("archives");
    std::fs::create_dir(&archives).expect("mkdir");
    let archive = archives.join("Nvivo Export.qdpx");
    std::fs::copy(
        crate::common::data("refi-qda/nvivo-mac15_cproctor-qualitative-coding.qdpx"),
        &archive,
    )
    .expect("copy the archive");
    let mut h = window(demo_copy(dir.path()));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import REFI-QDA project (.qdpx)…").click();
    h.run();
    h.get_by_label_contains("Import a REFI-QDA project (.qdpx)");
    h.get_by_label_contains("Shows: *.qdpx");
    retype(&mut h, &text(dir.path()), &text(&archive));
    h.key_press(Key::Enter);
    h.run();

    // The second question starts beside the archive and offers a name made from it.
    h.get_by_label_contains("Save the imported project as");
    field(&h, &text(&archives));
    field(&h, "nvivo-export.ncp.ron");
    h.get_by_role_and_label(Role::Button, "Save").click();
    h.step();
    wait_for_jobs(&mut h);
    let written = archives.join("nvivo-export.ncp.ron");
    assert_eq!(open_path(&h), Some(written.clone()));
    assert!(store::load(&written).is_ok());
    assert!(
        h.state().exchange.report.is_some(),
        "the import report is shown"
    );
}
