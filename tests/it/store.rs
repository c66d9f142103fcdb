//! Project files: round trips, canonical bytes, atomic saves, clear errors, migrations, recovery.

use normcoder::session::Session;
use normcoder::store::{self, StoreError};

use crate::common::{data, small_project};

#[test]
fn save_then_load_gives_the_same_project_and_the_same_bytes() {
    let project = small_project();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.ncp.ron");
    store::save(&path, &project, false).expect("save");
    let loaded = store::load(&path).expect("load");
    assert_eq!(loaded.project, project);
    assert_eq!(loaded.migrated_from, None);
    let first = std::fs::read(&path).expect("read");
    store::save(&path, &loaded.project, false).expect("save again");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        first,
        "same project, same bytes"
    );
}

#[test]
fn one_annotation_per_line() {
    let project = small_project();
    let text = store::to_ron_string(&project).expect("ron");
    let lines = text
        .lines()
        .filter(|l| l.trim_start().starts_with("(id: \"a0"))
        .count();
    assert_eq!(lines, project.annotation_count());
}

#[test]
fn broken_files_name_line_and_column_and_never_panic() {
    let dir = data("broken");
    let mut seen = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/broken")
        .filter_map(Result::ok)
        .collect();
    entries.sort_by_key(std::fs::DirEntry::path);
    for entry in entries {
        let path = entry.path();
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        if !name.ends_with(".ncp.ron") {
            continue;
        }
        seen += 1;
        let err = store::load(&path).expect_err(&name);
        let message = err.to_string();
        assert!(
            message.contains(&name),
            "{name}: the message names the file: {message}"
        );
        // Files whose name says `syntax` must point at a line and column.
        if name.starts_with("syntax-") {
            let (line, col) = err
                .position()
                .unwrap_or_else(|| panic!("{name}: no position in {message}"));
            assert!(line >= 1 && col >= 1, "{name}: {line}:{col}");
            assert!(
                message.contains(&format!(":{line}:{col}:")),
                "{name}: {message}"
            );
        }
        let expected_kind = match &err {
            StoreError::Syntax { .. } => "syntax-",
            StoreError::Invalid { .. } => "invalid-",
            StoreError::TooNew { .. } => "newer-",
            StoreError::NotAProject { .. } => "other-",
            StoreError::NotUtf8 { .. } => "encoding-",
            other => panic!("{name}: unexpected error {other:?}"),
        };
        assert!(
            name.starts_with(expected_kind),
            "{name} gave {expected_kind}…: {message}"
        );
    }
    assert!(seen >= 12, "a dozen broken files, found {seen}");
}

#[test]
fn a_file_that_failed_to_load_is_never_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("broken.ncp.ron");
    let original = std::fs::read(data("broken/syntax-truncated.ncp.ron")).expect("fixture");
    std::fs::write(&path, &original).expect("copy");
    assert!(Session::open(&path).is_err());
    let out = crate::common::normcoder(&["fmt", path.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&path).expect("read"), original, "untouched");
}

#[test]
fn newer_versions_are_refused_with_a_clear_message() {
    let err = store::load(&data("broken/newer-version.ncp.ron")).expect_err("newer");
    let message = err.to_string();
    assert!(message.contains("newer Normcoder"), "{message}");
    assert!(message.contains("version 99"), "{message}");
}

#[test]
fn version_0_files_are_migrated_and_the_original_kept_as_bak() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old.ncp.ron");
    let original = std::fs::read(data("v0-project.ncp.ron")).expect("fixture");
    std::fs::write(&path, &original).expect("copy");
    let mut session = Session::open(&path).expect("v0 loads");
    assert_eq!(session.migrated_from(), Some(0));
    assert!(
        session.is_dirty(),
        "a migrated project is not yet saved in today's format"
    );
    let project = session.project();
    assert_eq!(project.annotation_count(), 3);
    let ann = project.annotations().next().expect("annotation");
    assert_eq!(ann.codes().len(), 1);
    assert_eq!(ann.created(), ann.modified());
    assert!(!project.quote(ann).is_empty());
    session.save().expect("save");
    let bak = dir.path().join("old.ncp.ron.bak");
    assert_eq!(std::fs::read(&bak).expect("backup"), original);
    let reloaded = store::load(&path).expect("v1 now");
    assert_eq!(reloaded.migrated_from, None);
    assert_eq!(&reloaded.project, session.project());
}

#[test]
fn autosave_is_found_when_newer_and_discarded_after_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.ncp.ron");
    let mut session = Session::new(small_project());
    session.save_as(&path).expect("save");
    assert!(store::find_recovery(&path).is_none());
    assert!(
        !session.autosave().expect("autosave"),
        "clean: nothing to autosave"
    );
    let doc = session
        .project()
        .documents()
        .next()
        .expect("doc")
        .id()
        .clone();
    session
        .apply(normcoder::edit::Action::RemoveDocument { id: doc })
        .expect("edit");
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert!(session.autosave().expect("autosave"));
    let recovery = store::find_recovery(&path).expect("recovery offered");
    assert_eq!(recovery.path, store::autosave_path(&path));
    let recovered = Session::recover(&path).expect("recover");
    assert_eq!(recovered.project(), session.project());
    assert!(recovered.is_dirty());
    session.save().expect("save");
    assert!(
        !store::autosave_path(&path).exists(),
        "save removes the recovery file"
    );
    assert!(store::find_recovery(&path).is_none());
}
