//! The real window, driven headless with egui_kittest: clicks and keys go through the same code
//! as a user's, and the assertions are on the project, not only on "no panic".

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use normcoder::model::{CharSpan, CodeId, DocId, Lang};
use normcoder::ui::app::NormcoderApp;
use normcoder::ui::dialogs::Dialog;
use normcoder::ui::{ScriptedPicker, StartOptions, UiPrefs};

use crate::common::{data, demo_copy, wait_for_import};

fn app_on(path: Option<PathBuf>, picker: ScriptedPicker, coder: Option<&str>) -> NormcoderApp {
    NormcoderApp::new(
        UiPrefs::default(),
        Box::new(picker),
        StartOptions {
            project: path,
            coder: coder.map(str::to_owned),
            lang: Some(Lang::En),
        },
    )
}

fn harness(app: NormcoderApp) -> Harness<'static, NormcoderApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut NormcoderApp| app.show(ui), app)
}

/// The span of the first occurrence of `text` in a document of the open project.
fn span_of(app: &NormcoderApp, doc: &str, text: &str) -> CharSpan {
    let project = app.session.as_ref().expect("open").project();
    let d = project
        .document(&DocId::new(doc).expect("id"))
        .expect("doc");
    let byte = d.text().find(text).expect("text in doc");
    let start = d.index().char_of(d.text(), byte).expect("boundary");
    CharSpan::new(start, start + text.chars().count()).expect("span")
}

/// Shows a document with a span selected, as a mouse selection would leave it.
fn select(h: &mut Harness<'static, NormcoderApp>, doc: &str, text: &str) -> CharSpan {
    let span = span_of(h.state(), doc, text);
    let app = h.state_mut();
    app.select_document(DocId::new(doc).expect("id"));
    app.view.select(span);
    app.palette.close();
    h.run();
    span
}

fn annotations_at(app: &NormcoderApp, doc: &str, span: CharSpan) -> Vec<(Vec<String>, String)> {
    let project = app.session.as_ref().expect("open").project();
    project
        .annotations_in(&DocId::new(doc).expect("id"))
        .filter(|a| a.span() == span)
        .map(|a| {
            (
                a.codes().iter().map(ToString::to_string).collect(),
                a.coder().to_string(),
            )
        })
        .collect()
}

const DOC: &str = "paris-call-2018_en";

#[test]
fn a_digit_codes_the_selection_and_undo_redo_follow() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app_on(
        Some(demo_copy(dir.path())),
        ScriptedPicker::default(),
        Some("Chloé Martin"),
    ));
    h.run();
    assert!(
        h.state().window_title().starts_with("demo.ncp.ron — "),
        "{}",
        h.state().window_title()
    );
    let before = h
        .state()
        .session
        .as_ref()
        .expect("open")
        .project()
        .annotation_count();

    let span = select(&mut h, DOC, "critical infrastructure");
    h.key_press(Key::Num1);
    h.run();
    assert_eq!(
        annotations_at(h.state(), DOC, span),
        vec![(vec!["pc.1".to_owned()], "chloe-martin".to_owned())]
    );
    assert!(
        h.state().window_title().contains("demo.ncp.ron •"),
        "dirty: {}",
        h.state().window_title()
    );
    let project = h.state().session.as_ref().expect("open").project();
    assert_eq!(project.annotation_count(), before + 1);
    assert!(
        project
            .coder(&normcoder::model::CoderId::new("chloe-martin").expect("id"))
            .is_some()
    );

    // A second key on the same selection adds the code to the same annotation.
    h.key_press(Key::S);
    h.run();
    assert_eq!(
        annotations_at(h.state(), DOC, span),
        vec![(
            vec!["actor.state".to_owned(), "pc.1".to_owned()],
            "chloe-martin".to_owned()
        )]
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        annotations_at(h.state(), DOC, span)[0].0,
        vec!["pc.1".to_owned()]
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(annotations_at(h.state(), DOC, span).is_empty());
    assert!(
        !h.state().window_title().contains('•'),
        "undone back to the saved state"
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(annotations_at(h.state(), DOC, span).len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(
        annotations_at(h.state(), DOC, span)[0].0.len(),
        2,
        "Ctrl+Y redoes too"
    );
}

#[test]
fn recode_delete_and_repeat_last_code() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app_on(
        Some(demo_copy(dir.path())),
        ScriptedPicker::default(),
        Some("chloe"),
    ));
    h.run();
    let span = select(&mut h, DOC, "electoral processes");
    h.key_press(Key::Num3);
    h.run();
    // Remove pc.3 from the annotation through the details panel after adding another code.
    h.key_press(Key::H);
    h.run();
    assert_eq!(annotations_at(h.state(), DOC, span)[0].0.len(), 2);
    h.get_all_by_label("×")
        .next()
        .expect("remove-code button")
        .click();
    h.run();
    assert_eq!(
        annotations_at(h.state(), DOC, span)[0].0.len(),
        1,
        "one code removed (recode)"
    );

    h.key_press(Key::Delete);
    h.run();
    assert!(
        annotations_at(h.state(), DOC, span).is_empty(),
        "Delete removes the selected annotation"
    );

    // R repeats the last code on a new selection.
    let other = select(&mut h, DOC, "intellectual property");
    h.key_press(Key::R);
    h.run();
    assert_eq!(annotations_at(h.state(), DOC, other).len(), 1);
}

#[test]
fn search_a_hit_then_code_it_with_one_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app_on(
        Some(demo_copy(dir.path())),
        ScriptedPicker::default(),
        Some("chloe"),
    ));
    h.run();
    h.state_mut()
        .select_document(DocId::new("appel-de-paris-2018_fr").expect("id"));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    assert!(h.state().search.open);
    h.state_mut().search.query = "securite des produits".to_owned();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let selection = h.state().view.selection().expect("the hit is selected");
    let text: String = {
        let project = h.state().session.as_ref().expect("open").project();
        let doc = project
            .document(&DocId::new("appel-de-paris-2018_fr").expect("id"))
            .expect("doc");
        doc.slice(selection).expect("slice").to_owned()
    };
    assert_eq!(
        text.to_lowercase(),
        "sécurité des produits",
        "accent-insensitive hit"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().search.open, "Escape closes the search box");
    assert_eq!(
        h.state().view.selection(),
        Some(selection),
        "and keeps the hit selected"
    );
    h.key_press(Key::Num6);
    h.run();
    let coded = annotations_at(h.state(), "appel-de-paris-2018_fr", selection);
    assert!(
        coded
            .iter()
            .any(|(codes, coder)| codes == &vec!["pc.6".to_owned()] && coder == "chloe"),
        "{coded:?}"
    );
}

#[test]
fn the_interface_switches_to_french() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app_on(
        Some(demo_copy(dir.path())),
        ScriptedPicker::default(),
        Some("chloe"),
    ));
    h.run();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Language").click();
    h.run();
    h.get_by_label("Français").click();
    h.run();
    assert_eq!(h.state().prefs.lang, Lang::Fr);
    h.get_by_label("Fichier");
    h.get_by_label_contains("Pas de cyber-riposte privée");
}

#[test]
fn save_as_writes_a_file_that_reloads_equal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("saved.ncp.ron");
    let picker = ScriptedPicker {
        save: vec![target.clone()],
        ..ScriptedPicker::default()
    };
    let mut h = harness(app_on(Some(demo_copy(dir.path())), picker, Some("chloe")));
    h.run();
    select(&mut h, DOC, "cyber hygiene");
    h.key_press(Key::Num7);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    assert!(
        h.state().window_title().starts_with("saved.ncp.ron — "),
        "{}",
        h.state().window_title()
    );
    let reloaded = normcoder::store::load(&target).expect("reload").project;
    assert_eq!(
        &reloaded,
        h.state().session.as_ref().expect("open").project()
    );
}

#[test]
fn unsaved_changes_are_confirmed_before_closing_the_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = demo_copy(dir.path());
    let mut h = harness(app_on(
        Some(path.clone()),
        ScriptedPicker::default(),
        Some("chloe"),
    ));
    h.run();
    select(&mut h, DOC, "international norms");
    h.key_press(Key::Num9);
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Close project").click();
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::ConfirmDiscard(_))));
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().session.is_some(), "Cancel keeps the project open");
    assert!(h.state().dialog.is_none(), "{:?}", h.state().dialog);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Close project").click();
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert!(h.state().session.is_none(), "saved, then closed");
    let saved = normcoder::store::load(&path).expect("saved").project;
    let span = span_of(
        &app_on(Some(path), ScriptedPicker::default(), Some("chloe")),
        DOC,
        "international norms",
    );
    assert!(
        saved
            .annotations()
            .any(|a| a.span() == span && a.codes().contains(&CodeId::new("pc.9").expect("id")))
    );
}

#[test]
fn a_newer_recovery_file_is_offered_and_restores_the_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = demo_copy(dir.path());
    let mut session = normcoder::session::Session::open(&path).expect("open");
    let doc = DocId::new("press-appel-de-paris-2018-11").expect("id");
    session
        .apply(normcoder::edit::Action::RemoveDocument { id: doc.clone() })
        .expect("edit");
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert!(session.autosave().expect("autosave"));

    let mut h = harness(app_on(
        Some(path.clone()),
        ScriptedPicker::default(),
        Some("chloe"),
    ));
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::Recover(_))));
    h.get_by_label("Recover").click();
    h.run();
    let project = h.state().session.as_ref().expect("recovered").project();
    assert!(
        project.document(&doc).is_none(),
        "the unsaved removal came back"
    );
    assert!(
        h.state().window_title().contains('•'),
        "recovered work is unsaved"
    );
}

#[test]
fn first_run_asks_for_the_coder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app_on(
        Some(demo_copy(dir.path())),
        ScriptedPicker::default(),
        None,
    ));
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::AskCoder(_))));
    h.state_mut().dialog = Some(Dialog::AskCoder("Zoé Dupont".to_owned()));
    h.run();
    h.get_by_label("Start coding").click();
    h.run();
    let coder = h.state().coder.clone().expect("coder set");
    assert_eq!(coder.id.as_str(), "zoe-dupont");
    assert_eq!(h.state().prefs.coder.as_deref(), Some("Zoé Dupont"));
}

#[test]
fn importing_documents_is_one_undoable_step() {
    let dir = tempfile::tempdir().expect("tempdir");
    let new_doc = dir.path().join("note.txt");
    std::fs::write(&new_doc, "Les États doivent protéger l’internet.").expect("write");
    let picker = ScriptedPicker {
        documents: vec![vec![new_doc, data("corpus/paris-call-2018_en.txt")]],
        ..ScriptedPicker::default()
    };
    let mut h = harness(app_on(Some(demo_copy(dir.path())), picker, Some("chloe")));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    wait_for_import(&mut h);
    let project = h.state().session.as_ref().expect("open").project();
    assert_eq!(
        project.documents().len(),
        5,
        "one new, one skipped as already there"
    );
    assert!(
        h.state()
            .status
            .as_deref()
            .is_some_and(|s| s.contains("1 imported, 1 skipped")),
        "{:?}",
        h.state().status
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state()
            .session
            .as_ref()
            .expect("open")
            .project()
            .documents()
            .len(),
        4
    );
}

#[test]
fn autosave_writes_the_recovery_file_after_idle_seconds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = demo_copy(dir.path());
    let app = app_on(Some(path.clone()), ScriptedPicker::default(), Some("chloe"));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_step_dt(0.5)
        .build_ui_state(|ui, app: &mut NormcoderApp| app.show(ui), app);
    h.run();
    select(&mut h, DOC, "cyber hygiene");
    h.key_press(Key::Num7);
    h.run_steps(2);
    let recovery = normcoder::store::autosave_path(&path);
    assert!(!recovery.exists(), "not while the user is still working");
    h.run_steps(10);
    assert!(recovery.exists(), "written after a few idle seconds");
    assert!(h.state().autosaved());
    let recovered = normcoder::store::load(&recovery).expect("loads").project;
    assert_eq!(
        &recovered,
        h.state().session.as_ref().expect("open").project()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!recovery.exists(), "saving removes the recovery file");
}

#[test]
fn one_coders_annotations_can_be_shown_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app_on(
        Some(demo_copy(dir.path())),
        ScriptedPicker::default(),
        Some("chloe"),
    ));
    h.run();
    h.state_mut()
        .select_document(DocId::new("an-qag-1400-2018-11-15").expect("id"));
    h.run();
    let all = h.state().visible_annotations().len();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Show annotations of").click();
    h.run();
    h.get_by_label("bruno").click();
    h.run();
    let only: Vec<String> = h
        .state()
        .visible_annotations()
        .iter()
        .map(|a| a.coder().to_string())
        .collect();
    assert!(
        !only.is_empty() && only.len() < all,
        "{} of {all}",
        only.len()
    );
    assert!(only.iter().all(|c| c == "bruno"));
}

/// A file dropped on the window, as the windowing layer hands it over.
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
fn dropping_documents_on_the_window_imports_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let note = dir.path().join("déclaration.md");
    std::fs::write(
        &note,
        "# Déclaration\n\nLes **États** s’engagent à protéger le cœur public de l’internet.",
    )
    .expect("write");
    let mut h = harness(app_on(
        Some(demo_copy(dir.path())),
        ScriptedPicker::default(),
        Some("chloe"),
    ));
    h.run();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(note)));
    wait_for_import(&mut h);
    let project = h.state().session.as_ref().expect("open").project();
    let doc = project
        .document(&DocId::new("declaration").expect("id"))
        .expect("imported");
    assert_eq!(
        doc.text(),
        "Déclaration\n\nLes États s’engagent à protéger le cœur public de l’internet."
    );
    assert_eq!(h.state().current_doc.as_ref(), Some(doc.id()), "and shown");
}

#[test]
fn the_palette_filters_codes_by_typing_and_enter_applies_the_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app_on(
        Some(demo_copy(dir.path())),
        ScriptedPicker::default(),
        Some("chloe"),
    ));
    h.run();
    let span = select(&mut h, DOC, "from hacking-back");
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    assert!(h.state().palette.is_open());
    h.event(egui::Event::Text("hack".to_owned()));
    h.run();
    assert_eq!(
        h.state().palette.filter.as_deref(),
        Some("hack"),
        "typing goes to the filter, not to shortcuts"
    );
    h.key_press(Key::Enter);
    h.run();
    assert!(!h.state().palette.is_open());
    assert_eq!(
        annotations_at(h.state(), DOC, span),
        vec![(vec!["pc.8".to_owned()], "chloe".to_owned())]
    );
}

#[test]
fn menus_show_the_labels_and_keys_of_the_command_table_in_both_languages() {
    use normcoder::ui::command::Command;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app_on(
        Some(demo_copy(dir.path())),
        ScriptedPicker::default(),
        Some("chloe"),
    ));
    h.run();
    let menus = [
        (
            "File",
            "Fichier",
            vec![
                Command::NewProject,
                Command::Open,
                Command::Save,
                Command::SaveAs,
                Command::ImportDocuments,
            ],
        ),
        (
            "Edit",
            "Édition",
            vec![Command::Find, Command::CodePalette, Command::NextAnnotation],
        ),
        (
            "View",
            "Affichage",
            vec![Command::ZoomIn, Command::ZoomOut, Command::ZoomReset],
        ),
    ];
    for lang in [Lang::En, Lang::Fr] {
        h.state_mut().prefs.lang = lang;
        h.run();
        for (en, fr, commands) in &menus {
            h.get_by_label(if lang == Lang::En { en } else { fr })
                .click();
            h.run();
            for command in commands {
                // A menu item reads "label keys" to a screen reader, as it is painted.
                let keys = command.shortcut_text().expect("a key");
                h.get_by_label(&format!("{} {keys}", command.label(lang)));
            }
            // Clicking the menu again closes it.
            h.get_by_label(if lang == Lang::En { en } else { fr })
                .click();
            h.run();
        }
    }
    // The key a menu shows does what the menu item does: Ctrl+F opens the search bar.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    assert!(h.state().search.open);
}

#[test]
fn a_refused_edit_comes_back_as_an_error_and_is_said_once() {
    use normcoder::edit::Action;
    use normcoder::model::{AnnotationId, DocumentMeta};
    use normcoder::ui::command::{ImportCommand, UiCommand};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app_on(
        Some(demo_copy(dir.path())),
        ScriptedPicker::default(),
        Some("chloe"),
    ));
    h.run();
    let state = |h: &Harness<'static, NormcoderApp>| {
        h.state().session.as_ref().expect("open").history().state()
    };
    let before = state(&h);
    let gone = Action::RemoveAnnotation {
        id: AnnotationId::random(),
    };
    // The app's edit entry returns the refusal instead of swallowing it.
    let ctx = h.ctx.clone();
    assert!(h.state_mut().edit(&ctx, gone.clone()).is_err());
    // Through a command, the refusal is said in the status bar; the project is unchanged.
    h.state_mut().push(UiCommand::Edit(gone));
    h.run();
    assert_eq!(state(&h), before);
    assert!(!h.state().session.as_ref().expect("open").is_dirty());
    assert!(h.state().status.is_some(), "the refusal is said");

    // Where the user acted in a form, the form keeps the refusal and stays open.
    let doc = h.state().current_doc.clone().expect("a document");
    h.state_mut()
        .push(UiCommand::Import(ImportCommand::EditMetadata(doc)));
    h.run();
    let missing = Action::SetDocumentMeta {
        id: normcoder::model::DocId::new("no-such-document").expect("id"),
        meta: DocumentMeta {
            title: "x".to_owned(),
            ..DocumentMeta::default()
        },
    };
    h.state_mut()
        .push(UiCommand::Import(ImportCommand::SaveMetadata(Box::new(
            missing,
        ))));
    h.run();
    let form = h
        .state()
        .import
        .metadata
        .clone()
        .expect("the form stays open");
    let refused = form.refused.expect("the form says why");
    assert_eq!(h.state().status.as_deref(), Some(refused.as_str()));
    // Shown twice: in the form that asked and in the status bar.
    assert_eq!(h.query_all_by_label(&refused).count(), 2);
    assert_eq!(state(&h), before);
}

#[test]
fn first_run_takes_a_typed_name_and_enter() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app_on(
        Some(demo_copy(dir.path())),
        ScriptedPicker::default(),
        None,
    ));
    h.run();
    h.get_by_role_and_label(
        egui::accesskit::Role::TextInput,
        normcoder::ui::i18n::EN.coder_question,
    )
    .click();
    h.run();
    h.event(egui::Event::Text("Zoé Dupont".to_owned()));
    h.run();
    assert!(
        matches!(&h.state().dialog, Some(Dialog::AskCoder(n)) if n == "Zoé Dupont"),
        "{:?}",
        h.state().dialog
    );
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().dialog.is_none(), "{:?}", h.state().dialog);
    let coder = h.state().coder.clone().expect("coder set");
    assert_eq!(coder.id.as_str(), "zoe-dupont");
}

#[test]
fn a_new_project_says_how_to_import_and_counts_one_annotation_in_the_singular() {
    use normcoder::ui::i18n::{EN, FR};
    let dir = tempfile::tempdir().expect("tempdir");
    let note = dir.path().join("note.txt");
    std::fs::write(&note, "Les États doivent protéger l’internet.").expect("write");
    let picker = ScriptedPicker {
        save: vec![dir.path().join("study.ncp.ron")],
        documents: vec![vec![note]],
        ..ScriptedPicker::default()
    };
    let mut h = harness(app_on(None, picker, Some("chloe")));
    h.run();
    h.get_by_label("New project…").click();
    h.run();
    assert!(
        h.state().session.is_some(),
        "{:?} {:?}",
        h.state().dialog,
        h.state().status
    );
    h.get_by_label(EN.empty_project);
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    wait_for_import(&mut h);
    h.get_by_label("Import summary");
    h.get_by_label("Close").click();
    h.run();
    // Click in the text (below its one line: the caret goes to its end), select the last
    // characters with Shift+Left as a person does, then code them with the key 1.
    h.get_by_label_contains("Text: ").click();
    h.run();
    for _ in 0..9 {
        h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    }
    h.run();
    assert!(h.state().view.selection().is_some(), "Shift+Left selects");
    h.key_press(Key::Num1);
    h.run();
    assert_eq!(
        h.state()
            .session
            .as_ref()
            .expect("open")
            .project()
            .annotation_count(),
        1
    );
    h.get_by_label_contains("· 1 annotation");
    assert!(h.query_by_label_contains("1 annotations").is_none());
    h.get_by_label("Σ 1 annotation");
    // Ctrl+S: the status bar says "Saved" once, not "Saved | Saved".
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(h.state().status.as_deref(), Some(EN.saved));
    assert_eq!(h.query_all_by_label(EN.saved).count(), 1);
    h.state_mut().prefs.lang = Lang::Fr;
    h.run();
    h.get_by_label("Σ 1 annotation");
    assert!(FR.empty_project.contains("Ctrl+I"));
}

#[test]
fn at_1024_by_700_every_code_and_the_annotation_buttons_can_be_reached() {
    use egui_kittest::kittest::NodeT as _;
    let dir = tempfile::tempdir().expect("tempdir");
    let app = app_on(
        Some(demo_copy(dir.path())),
        ScriptedPicker::default(),
        Some("chloe"),
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 700.0))
        .build_ui_state(|ui, app: &mut NormcoderApp| app.show(ui), app);
    h.run();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1024.0, 700.0));
    let codes: Vec<String> = h
        .state()
        .session
        .as_ref()
        .expect("open")
        .project()
        .codebook()
        .codes()
        .iter()
        .map(|c| c.label.en.clone())
        .collect();
    let is_row =
        |n: &egui_kittest::Node<'_>| n.accesskit_node().role() == egui::accesskit::Role::Button;
    for label in &codes {
        let row = format!("] {label}");
        h.query_all_by_label_contains(&row)
            .find(|n| is_row(n))
            .unwrap_or_else(|| panic!("no row for {label}"))
            .scroll_to_me();
        h.run();
        let node = h
            .query_all_by_label_contains(&row)
            .find(|n| is_row(n))
            .expect("the code's row");
        assert!(
            screen.contains(node.rect().center()),
            "{label} cannot be brought into the window"
        );
    }
    // The next annotation's details: its Delete button can be scrolled to and pressed.
    h.key_press(Key::N);
    h.run();
    let before = h
        .state()
        .session
        .as_ref()
        .expect("open")
        .project()
        .annotation_count();
    h.get_by_label("Delete").scroll_to_me();
    h.run();
    h.get_by_label("Delete").click();
    h.run();
    assert_eq!(
        h.state()
            .session
            .as_ref()
            .expect("open")
            .project()
            .annotation_count(),
        before - 1
    );
}

#[test]
fn on_a_wide_screen_lines_are_capped_and_centred_and_the_view_menu_changes_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = app_on(
        Some(demo_copy(dir.path())),
        ScriptedPicker::default(),
        Some("chloe"),
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1920.0, 1000.0))
        .build_ui_state(|ui, app: &mut NormcoderApp| app.show(ui), app);
    h.run();
    // Where the first character is painted, and the widest line (its right edge).
    let extent = |h: &Harness<'static, NormcoderApp>| {
        let view = &h.state().view;
        let visible = view.visible_chars();
        let left = view.char_rect(0).expect("first character").left();
        let right = visible
            .filter_map(|c| view.char_rect(c))
            .map(|r| r.right())
            .fold(0.0_f32, f32::max);
        (left, right)
    };
    let (left, right) = extent(&h);
    // About 100 characters of the body font a line (~6.4 points each), centred between the
    // documents list and the codebook.
    assert!(
        right - left > 500.0 && right - left < 800.0,
        "{left}..{right}"
    );
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Reading width").click();
    h.run();
    h.get_by_label("The whole width").click();
    h.run();
    assert_eq!(h.state().prefs.reading_chars, None);
    let (whole_left, whole_right) = extent(&h);
    assert!(whole_right - whole_left > right - left + 300.0);
    // The capped column sits in the middle of the whole one.
    let (margin_left, margin_right) = (left - whole_left, whole_right - right);
    assert!(
        margin_left > 200.0 && (margin_left - margin_right).abs() < 60.0,
        "margins {margin_left} and {margin_right}"
    );
}

#[test]
fn the_palette_opens_beside_a_mouse_selection_not_over_it() {
    use egui::{Event, PointerButton};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app_on(
        Some(demo_copy(dir.path())),
        ScriptedPicker::default(),
        Some("chloe"),
    ));
    h.run();
    // Drag with the mouse across some characters of a visible line.
    let (from, to) = {
        let view = &h.state().view;
        let first = view.visible_chars().start + 400;
        let a = view.char_rect(first).expect("laid out");
        let b = view.char_rect(first + 12).expect("laid out");
        (a.center(), b.center())
    };
    h.event(Event::PointerMoved(from));
    h.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.run();
    h.event(Event::PointerMoved(to));
    h.run();
    h.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    let span = h.state().view.selection().expect("the drag selected text");
    assert!(
        h.state().palette.is_open(),
        "the palette opens after a mouse selection"
    );
    let selected = {
        let view = &h.state().view;
        let a = view.char_rect(span.start()).expect("start");
        let b = view.char_rect(span.end()).expect("end");
        a.union(b)
    };
    let palette = h.get_by_label("Code the selection…").rect();
    assert!(
        palette.top() >= selected.bottom() || palette.bottom() <= selected.top(),
        "palette {palette:?} over the selection {selected:?}"
    );
}

#[test]
fn opening_a_document_as_a_project_says_what_it_is_and_offers_to_import_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let note = dir.path().join("notes.txt");
    std::fs::write(
        &note,
        "Les États doivent protéger le cœur public de l’internet.",
    )
    .expect("write");
    let picker = ScriptedPicker {
        open: vec![note.clone(), note.clone()],
        ..ScriptedPicker::default()
    };
    let mut h = harness(app_on(Some(demo_copy(dir.path())), picker, Some("chloe")));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(
        matches!(h.state().dialog, Some(Dialog::NotAProject(..))),
        "{:?}",
        h.state().dialog
    );
    h.get_by_label_contains(
        "notes.txt is not a Normcoder project: it looks like a plain-text document",
    );
    h.get_by_label("Import it into this project").click();
    h.step();
    crate::common::wait_for_import(&mut h);
    assert_eq!(
        h.state()
            .session
            .as_ref()
            .expect("open")
            .project()
            .documents()
            .len(),
        5
    );
    // In French, the same question in French.
    h.state_mut().prefs.lang = Lang::Fr;
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    // The import is unsaved: the window asks first, in French.
    assert!(matches!(h.state().dialog, Some(Dialog::ConfirmDiscard(_))));
    h.get_by_label(normcoder::ui::i18n::FR.discard).click();
    h.run();
    assert!(
        matches!(h.state().dialog, Some(Dialog::NotAProject(..))),
        "{:?} {:?}",
        h.state().dialog,
        h.state().status
    );
    h.get_by_label_contains(
        "n’est pas un projet Normcoder\u{a0}: cela ressemble à un document texte",
    );
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().dialog.is_none());
}

#[test]
fn a_failed_save_is_said_in_words_and_offers_save_as() {
    use normcoder::ui::i18n::EN;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = demo_copy(dir.path());
    let elsewhere = dir.path().join("elsewhere.ncp.ron");
    let picker = ScriptedPicker {
        // The first answer is in a folder that does not exist; the second is fine.
        save: vec![dir.path().join("gone/study.ncp.ron"), elsewhere.clone()],
        ..ScriptedPicker::default()
    };
    let mut h = harness(app_on(Some(path), picker, Some("chloe")));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    assert!(
        matches!(h.state().dialog, Some(Dialog::SaveFailed { .. })),
        "{:?}",
        h.state().dialog
    );
    h.get_by_label_contains(EN.save_folder_gone);
    h.get_by_label(EN.work_still_open);
    h.get_by_label("Save as…").click();
    h.run();
    assert!(h.state().dialog.is_none(), "{:?}", h.state().dialog);
    assert!(elsewhere.exists(), "saved elsewhere");
}

#[test]
fn a_recovery_copy_that_could_not_be_written_is_not_reported_as_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = demo_copy(dir.path());
    // A folder where the recovery file would go: writing it fails, even as root.
    std::fs::create_dir(normcoder::store::autosave_path(&path)).expect("folder");
    let app = app_on(Some(path), ScriptedPicker::default(), Some("chloe"));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_step_dt(0.5)
        .build_ui_state(|ui, app: &mut NormcoderApp| app.show(ui), app);
    h.run();
    select(&mut h, DOC, "cyber hygiene");
    h.key_press(Key::Num7);
    h.run_steps(12);
    assert!(
        !h.state().autosaved(),
        "a failed recovery copy is not counted as written"
    );
    let status = h.state().status.clone().unwrap_or_default();
    assert!(
        status.starts_with("The recovery copy could not be written"),
        "{status}"
    );
    h.get_by_label("Unsaved changes");
    assert!(h.query_by_label("Recovery copy written").is_none());
}

#[test]
fn a_document_is_removed_from_its_context_menu_with_its_annotations_and_comes_back_with_undo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app_on(
        Some(demo_copy(dir.path())),
        ScriptedPicker::default(),
        Some("chloe"),
    ));
    h.run();
    let count = |h: &Harness<'static, NormcoderApp>| {
        let p = h.state().session.as_ref().expect("open").project();
        (p.documents().len(), p.annotation_count())
    };
    let before = count(&h);
    h.get_by_label_contains("Paris Call for Trust and Security in Cyberspace\n")
        .click_secondary();
    h.run();
    h.get_by_label("Remove document…").click();
    h.run();
    h.get_by_label("Remove this document?");
    h.get_by_label("Annotations removed with it: 20");
    h.get_by_label("Remove").click();
    h.run();
    assert_eq!(count(&h), (before.0 - 1, before.1 - 20));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(count(&h), before);
}
