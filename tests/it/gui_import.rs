//! Batch import and the metadata form, driven headless: files are read on a worker thread, so
//! the tests step the frame loop (bounded) until the worker is done; the assertions are on the
//! project, the summary and the undo history.

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use normcoder::import::batch::Outcome;
use normcoder::model::{DocDate, DocId, DocKind};
use normcoder::ui::ScriptedPicker;
use normcoder::ui::app::NormcoderApp;

use crate::common::{data, demo_copy, demo_window, wait_for_import};

fn doc_count(h: &Harness<'static, NormcoderApp>) -> usize {
    h.state()
        .session
        .as_ref()
        .expect("open")
        .project()
        .documents()
        .len()
}

fn name(path: &Path) -> String {
    path.file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn several_formats_a_duplicate_and_a_broken_file_give_a_summary_and_one_undo_step() {
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = dir.path().join("broken.docx");
    std::fs::write(&broken, b"PK\x03\x04 this is not really a zip").expect("write");
    let note = dir.path().join("note.txt");
    std::fs::write(&note, "Les États doivent protéger l’internet.").expect("write");
    let copy = dir.path().join("note-copy.txt");
    std::fs::copy(&note, &copy).expect("copy");
    let files = vec![
        data("formats/appel-de-paris-2018_fr.docx"),
        data("formats/appel-de-paris-2018_fr.html"),
        data("formats/appel-de-paris-2018_fr.epub"),
        data("corpus/paris-call-2018_en.txt"),
        broken.clone(),
        note,
        copy,
    ];
    let picker = ScriptedPicker {
        documents: vec![files],
        ..ScriptedPicker::default()
    };
    let mut h = demo_window(demo_copy(dir.path()), picker);
    assert_eq!(doc_count(&h), 4);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Import documents…").click();
    wait_for_import(&mut h);

    let summary = h.state().import.summary.clone().expect("summary shown");
    let outcome = |file: &str| {
        summary
            .outcomes
            .iter()
            .find_map(|(p, o)| (name(p) == file).then(|| o.clone()))
            .unwrap_or_else(|| panic!("{file} not in the summary"))
    };
    for file in [
        "appel-de-paris-2018_fr.docx",
        "appel-de-paris-2018_fr.html",
        "appel-de-paris-2018_fr.epub",
    ] {
        assert!(
            matches!(outcome(file), Outcome::Added(_)),
            "{file}: {:?}",
            outcome(file)
        );
    }
    assert_eq!(
        outcome("paris-call-2018_en.txt"),
        Outcome::DuplicateOfProject(DocId::new("paris-call-2018_en").expect("id"))
    );
    assert_eq!(
        outcome("note.txt"),
        Outcome::Added(DocId::new("note").expect("id"))
    );
    assert_eq!(
        outcome("note-copy.txt"),
        Outcome::DuplicateInBatch(DocId::new("note").expect("id"))
    );
    let Outcome::Failed(message) = outcome("broken.docx") else {
        panic!("broken.docx: {:?}", outcome("broken.docx"));
    };
    assert!(message.contains("broken.docx"), "{message}");
    assert_eq!(summary.counts, (4, 2, 1));
    // The window says it, file by file.
    h.get_by_label("Import summary");
    h.get_by_label_contains("Skipped: same text as the document paris-call-2018_en");
    h.get_by_label_contains("Failed:");
    assert_eq!(doc_count(&h), 8);
    assert!(
        h.state()
            .status
            .as_deref()
            .is_some_and(|s| s.starts_with("4 imported, 2 skipped")),
        "{:?}",
        h.state().status
    );

    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().import.summary.is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(doc_count(&h), 4, "one undo removes the whole import");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(doc_count(&h), 8, "and one redo brings it back");
}

/// What the import warns about (here a guessed legacy encoding) is shown under the file in the
/// summary, not lost on the way to the window.
#[test]
fn import_warnings_are_shown_in_the_summary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let latin1 = dir.path().join("latin1.txt");
    // « La sécurité du cyberespace » in Windows-1252, long enough for the guess.
    let text = "La s\u{e9}curit\u{e9} du cyberespace exige une coop\u{e9}ration entre \u{c9}tats. "
        .repeat(8);
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("latin-1"))
        .collect();
    std::fs::write(&latin1, bytes).expect("write");
    let picker = ScriptedPicker {
        documents: vec![vec![latin1.clone()]],
        ..ScriptedPicker::default()
    };
    let mut h = demo_window(demo_copy(dir.path()), picker);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Import documents…").click();
    wait_for_import(&mut h);
    let summary = h.state().import.summary.clone().expect("summary shown");
    assert!(matches!(summary.outcomes[0].1, Outcome::Added(_)));
    let (path, warnings) = summary.warnings.first().expect("a warning");
    assert_eq!(path, &latin1);
    assert!(warnings.iter().any(|w| w.contains("1252")), "{warnings:?}");
    let shown = h.query_all_by_label_contains("Warning: ").count();
    assert_eq!(shown, warnings.len());
}

#[test]
fn a_folder_is_walked_like_the_command_line_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("sources");
    std::fs::create_dir_all(folder.join("2018")).expect("mkdir");
    std::fs::write(folder.join("a.txt"), "Premier texte sur la cybersécurité.").expect("write");
    std::fs::write(
        folder.join("2018/b.md"),
        "# Deuxième\n\nUn texte sur la **stabilité** du cyberespace.",
    )
    .expect("write");
    std::fs::copy(
        data("formats/appel-de-paris-2018_fr.odt"),
        folder.join("2018/appel.odt"),
    )
    .expect("copy");
    std::fs::write(folder.join("picture.png"), b"\x89PNG").expect("write");
    std::fs::write(folder.join(".hidden.txt"), "hidden").expect("write");
    let picker = ScriptedPicker {
        document_folders: vec![folder],
        ..ScriptedPicker::default()
    };
    let mut h = demo_window(demo_copy(dir.path()), picker);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import a folder…").click();
    wait_for_import(&mut h);
    let summary = h.state().import.summary.clone().expect("summary");
    let names: Vec<(String, bool)> = summary
        .outcomes
        .iter()
        .map(|(p, o)| (name(p), matches!(o, Outcome::Added(_))))
        .collect();
    assert_eq!(
        names,
        [
            ("a.txt".to_owned(), true),
            ("appel.odt".to_owned(), true),
            ("b.md".to_owned(), true),
            ("picture.png".to_owned(), false),
        ]
    );
    assert_eq!(summary.outcomes[3].1, Outcome::Ignored);
    assert_eq!(doc_count(&h), 7);
    let project = h.state().session.as_ref().expect("open").project();
    let b = project.document(&DocId::new("b").expect("id")).expect("b");
    assert_eq!(b.meta().title, "Deuxième");
}

#[cfg(unix)]
#[test]
fn cancel_stops_before_the_next_file_and_leaves_the_project_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A named pipe blocks the worker on the first file until the test writes to it, so Cancel
    // is pressed while the import is certainly running.
    let fifo = dir.path().join("slow.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "Un texte qui ne doit pas entrer.").expect("write");
    let path = demo_copy(dir.path());
    let picker = ScriptedPicker {
        documents: vec![vec![fifo.clone(), other]],
        ..ScriptedPicker::default()
    };
    let mut h = demo_window(path, picker);
    let before = h.state().session.as_ref().expect("open").project().clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    for _ in 0..500 {
        h.step();
        if h.state().import.progress().is_some_and(|p| p.total == 2) {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run();
    h.get_by_label("Importing documents");
    h.get_by_label_contains("1 / 2 — slow.txt");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().import.progress().is_some_and(|p| p.cancelling));
    std::fs::write(&fifo, "Le premier fichier arrive enfin.").expect("write to the pipe");
    wait_for_import(&mut h);
    let app = h.state();
    assert_eq!(app.session.as_ref().expect("open").project(), &before);
    assert!(!app.session.as_ref().expect("open").history().can_undo());
    assert!(app.import.summary.is_none());
    assert_eq!(
        app.status.as_deref(),
        Some("Import cancelled: the project was not changed.")
    );
}

/// Replaces the text of a field found by its label.
fn retype(h: &mut Harness<'static, NormcoderApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

#[test]
fn the_metadata_form_edits_one_undoable_step_and_refuses_a_bad_date() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = demo_window(demo_copy(dir.path()), ScriptedPicker::default());
    let id = DocId::new("paris-call-2018_en").expect("id");
    let original = h
        .state()
        .session
        .as_ref()
        .expect("open")
        .project()
        .document(&id)
        .expect("doc")
        .meta()
        .clone();
    h.get_by_label_contains("Paris Call for Trust and Security in Cyberspace\n")
        .click_secondary();
    h.run();
    h.get_by_label("Edit metadata…").click();
    h.run();
    assert!(h.state().import.metadata.is_some());
    h.get_by_label("Document metadata");

    retype(&mut h, "Title", "Paris Call (English)");
    retype(&mut h, "Date", "2018-13");
    h.get_by_label_contains("Write the date as YYYY, YYYY-MM or YYYY-MM-DD");
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().import.metadata.is_some(), "OK is disabled");
    assert_eq!(
        h.state()
            .session
            .as_ref()
            .expect("open")
            .project()
            .document(&id)
            .expect("doc")
            .meta(),
        &original
    );
    retype(&mut h, "Date", "2018-11-13");
    h.get_by_label("Kind").click();
    h.run();
    h.get_by_label("report").click();
    h.run();
    h.get_by_label("Add an attribute").click();
    h.run();
    let rows = h.get_all_by_label("Name").count();
    for (label, text) in [("Name", "party"), ("Value", "none")] {
        h.get_all_by_label(label)
            .nth(rows - 1)
            .expect("new row")
            .focus();
        h.run();
        h.get_all_by_label(label)
            .nth(rows - 1)
            .expect("new row")
            .type_text(text);
        h.run();
    }
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().import.metadata.is_none(), "closed");
    let meta = h
        .state()
        .session
        .as_ref()
        .expect("open")
        .project()
        .document(&id)
        .expect("doc")
        .meta()
        .clone();
    assert_eq!(meta.title, "Paris Call (English)");
    assert_eq!(meta.date, Some(DocDate::parse("2018-11-13").expect("date")));
    assert_eq!(meta.kind, Some(DocKind::Report));
    assert_eq!(
        meta.attributes.get("party").map(String::as_str),
        Some("none")
    );
    assert_eq!(
        meta.institution, original.institution,
        "untouched fields kept"
    );
    assert_eq!(meta.attributes.len(), original.attributes.len() + 1);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state()
            .session
            .as_ref()
            .expect("open")
            .project()
            .document(&id)
            .expect("doc")
            .meta(),
        &original,
        "one undo restores every field"
    );
}

#[test]
fn cancel_in_the_metadata_form_discards_the_changes_and_ok_without_change_adds_no_step() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = demo_window(demo_copy(dir.path()), ScriptedPicker::default());
    h.state_mut()
        .push(normcoder::ui::command::UiCommand::Import(
            normcoder::ui::import::ImportCommand::EditMetadata(
                DocId::new("paris-call-2018_en").expect("id"),
            ),
        ));
    h.run();
    retype(&mut h, "Title", "Changed");
    h.get_by_label("Cancel").click();
    h.run();
    let session = h.state().session.as_ref().expect("open");
    assert!(h.state().import.metadata.is_none());
    assert!(!session.history().can_undo());
    assert!(!session.is_dirty());
    // OK on an unchanged form adds no empty undo step either.
    h.state_mut()
        .push(normcoder::ui::command::UiCommand::Import(
            normcoder::ui::import::ImportCommand::EditMetadata(
                DocId::new("paris-call-2018_en").expect("id"),
            ),
        ));
    h.run();
    h.get_by_label("OK").click();
    h.run();
    let session = h.state().session.as_ref().expect("open");
    assert!(h.state().import.metadata.is_none());
    assert!(!session.history().can_undo());
}

/// A file or folder dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_folder_and_a_file_imports_both_as_one_batch() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("dossier");
    std::fs::create_dir_all(&folder).expect("mkdir");
    std::fs::write(folder.join("un.txt"), "Un premier texte déposé.").expect("write");
    let file = dir.path().join("deux.txt");
    std::fs::write(&file, "Un second texte déposé.").expect("write");
    let mut h = demo_window(demo_copy(dir.path()), ScriptedPicker::default());
    for path in [folder, file] {
        h.input_mut()
            .dropped_files
            .push(std::sync::Arc::new(Dropped(path)));
    }
    wait_for_import(&mut h);
    assert_eq!(doc_count(&h), 6);
    assert_eq!(
        h.state().import.summary.as_ref().map(|s| s.counts),
        Some((2, 0, 0))
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(doc_count(&h), 4, "one undo step");
}
