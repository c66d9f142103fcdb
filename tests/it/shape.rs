//! The window's shape, checked on the source (as rust-analyzer's tidy tests do): the rules that
//! keep views from reaching the app cannot be broken by a change that still compiles.

use std::path::{Path, PathBuf};

use crate::common::repo;

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read source");
                out.push((path, text));
            }
        }
    }
    out
}

fn relative(path: &Path) -> String {
    path.strip_prefix(repo(""))
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn only_the_app_folder_names_the_app() {
    let app = repo("src/ui/app");
    let offenders: Vec<String> = sources(&repo("src/ui"))
        .into_iter()
        .filter(|(p, text)| !p.starts_with(&app) && text.contains("NormcoderApp"))
        .map(|(p, _)| relative(&p))
        .collect();
    assert!(
        offenders.is_empty(),
        "views naming NormcoderApp: {offenders:?}"
    );
}

#[test]
fn only_the_worker_starts_threads_in_the_window() {
    let worker = repo("src/ui/worker.rs");
    let offenders: Vec<String> = sources(&repo("src/ui"))
        .into_iter()
        .filter(|(p, text)| {
            *p != worker && (text.contains("thread::spawn") || text.contains("thread::Builder"))
        })
        .map(|(p, _)| relative(&p))
        .collect();
    assert!(
        offenders.is_empty(),
        "threads started outside ui/worker.rs: {offenders:?}"
    );
}

#[test]
fn the_command_module_imports_nothing_else_from_the_window() {
    for (path, text) in sources(&repo("src/ui/command")) {
        for line in text.lines().filter(|l| l.trim_start().starts_with("use ")) {
            assert!(
                !line.contains("crate::ui") && !line.contains("super::super"),
                "{}: {line}",
                relative(&path)
            );
        }
    }
}

#[test]
fn command_handling_has_no_catch_all_arm() {
    let text = std::fs::read_to_string(repo("src/ui/app/commands.rs")).expect("read");
    for (i, line) in text.lines().enumerate() {
        let code = line.trim_start();
        assert!(
            !code.starts_with("_ =>") && !code.starts_with("other =>"),
            "src/ui/app/commands.rs:{}: {line}",
            i + 1
        );
    }
}

#[test]
fn views_do_no_file_io() {
    let allowed = [repo("src/ui/app"), repo("src/ui/picker.rs")];
    let offenders: Vec<String> = sources(&repo("src/ui"))
        .into_iter()
        .filter(|(p, _)| !allowed.iter().any(|a| p.starts_with(a)))
        .filter(|(_, text)| {
            // Test modules at the end of a file may build fixtures; the view code may not.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            [
                "std::fs",
                "store::save",
                "store::load",
                "write_atomic",
                "Session::open",
                ".picker",
            ]
            .iter()
            .any(|needle| code.contains(needle))
        })
        .map(|(p, _)| relative(&p))
        .collect();
    assert!(offenders.is_empty(), "views doing file I/O: {offenders:?}");
}
