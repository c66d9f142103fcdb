//! The command line, run as a user would run it.

use crate::common::{data, normcoder, repo, text};

fn demo() -> String {
    repo("projects/paris-call-2018.ncp.ron")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn check_prints_a_summary() {
    let out = normcoder(&["check", &demo()]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stdout.contains(": OK"), "{stdout}");
    assert!(stdout.contains("documents    4"), "{stdout}");
    assert!(stdout.contains("coders       2 (alice, bruno)"), "{stdout}");
}

#[test]
fn stats_json_has_the_promised_keys() {
    let out = normcoder(&["stats", &demo(), "--json"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON object");
    assert_eq!(v["documents"], 4);
    assert!(v["codes"].as_u64().expect("codes") >= 13);
    assert!(v["annotations"].as_u64().expect("annotations") >= 40);
    assert_eq!(v["coders"], 2);
    let per_code = v["per_code"].as_array().expect("per_code");
    let total: u64 = per_code
        .iter()
        .map(|c| c["annotations"].as_u64().expect("n"))
        .sum();
    assert!(
        total >= v["annotations"].as_u64().expect("n"),
        "every annotation has a code"
    );
}

#[test]
fn stats_prints_a_table() {
    let out = normcoder(&["stats", &demo()]);
    let (stdout, _) = text(&out);
    assert!(out.status.success());
    assert!(stdout.contains("pc.8"), "{stdout}");
    assert!(stdout.contains("alice"), "{stdout}");
}

#[test]
fn broken_files_exit_1_with_line_and_column() {
    let path = data("broken/syntax-truncated.ncp.ron");
    let out = normcoder(&["check", path.to_str().expect("utf-8")]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    let re = regex::Regex::new(r"syntax-truncated\.ncp\.ron:\d+:\d+: ").expect("regex");
    assert!(re.is_match(&stderr), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// `normcoder check FILE` on something that is not a project: exit 1 and the first words of
/// standard error.
fn check_refuses(path: &std::path::Path) -> String {
    let out = normcoder(&["check", path.to_str().expect("utf-8")]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        !stderr.contains("Expected struct"),
        "no parser jargon: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn check_says_a_text_document_is_not_a_project_and_how_to_import_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "Hello.\nThe Paris Call, read again.\n").expect("write");
    let stderr = check_refuses(&notes);
    assert_eq!(
        stderr,
        format!(
            "error: not a Normcoder project (it looks like a plain-text document; import it into \
             a project with `normcoder import PROJECT {0}`): {0}\n",
            notes.display()
        )
    );
}

#[test]
fn check_says_a_word_file_is_not_a_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A .docx renamed as a project, as a person might pick it in a file dialog.
    let docx = dir.path().join("appel.ncp.ron");
    std::fs::copy(data("formats/appel-de-paris-2018_fr.docx"), &docx).expect("copy");
    let stderr = check_refuses(&docx);
    assert!(
        stderr.starts_with(
            "error: not a Normcoder project (it looks like a Word document (.docx); import it"
        ),
        "{stderr}"
    );
    // And a zip that only looks like one.
    let zip_path = dir.path().join("report.docx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).expect("create"));
    for name in ["[Content_Types].xml", "word/document.xml"] {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("entry");
        std::io::Write::write_all(&mut zip, b"<w:document/>").expect("write");
    }
    zip.finish().expect("zip");
    let stderr = check_refuses(&zip_path);
    assert!(stderr.contains("a Word document (.docx)"), "{stderr}");
}

#[test]
fn check_says_an_empty_file_is_not_a_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("study.ncp.ron");
    std::fs::write(&empty, "").expect("write");
    let stderr = check_refuses(&empty);
    assert_eq!(
        stderr,
        format!(
            "error: not a Normcoder project (the file is empty): {}\n",
            empty.display()
        )
    );
}

#[test]
fn a_real_project_with_a_syntax_error_still_gets_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("demo.ncp.ron");
    let demo_text = std::fs::read_to_string(demo()).expect("demo");
    // A comma deleted by hand at the end of the line that names the project: the parser
    // stumbles on the next line.
    let mut lines: Vec<String> = demo_text.lines().map(str::to_owned).collect();
    let name = lines
        .iter()
        .position(|l| l.trim_start().starts_with("name:"))
        .expect("a name line");
    let without_comma = lines[name].strip_suffix(',').expect("a comma").to_owned();
    lines[name] = without_comma;
    std::fs::write(&path, lines.join("\n")).expect("write");
    let out = normcoder(&["check", path.to_str().expect("utf-8")]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("not a Normcoder project"), "{stderr}");
    let re = regex::Regex::new(r"demo\.ncp\.ron:(\d+):\d+: ").expect("regex");
    let caps = re.captures(&stderr).unwrap_or_else(|| panic!("{stderr}"));
    assert_eq!(
        caps[1].parse::<usize>().expect("line"),
        name + 2,
        "{stderr}"
    );
}

#[test]
fn every_broken_file_fails_cleanly_in_every_command() {
    for entry in std::fs::read_dir(data("broken"))
        .expect("dir")
        .filter_map(Result::ok)
    {
        let path = entry.path();
        let p = path.to_str().expect("utf-8");
        for args in [
            vec!["check", p],
            vec!["stats", p, "--json"],
            vec!["fmt", "--check", p],
        ] {
            let out = normcoder(&args);
            let (_, stderr) = text(&out);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
            assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        }
    }
}

#[test]
fn new_import_check_and_fmt_work_together() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("study.ncp.ron");
    let p = project.to_str().expect("utf-8");
    let out = normcoder(&[
        "new",
        p,
        "--codebook",
        "paris-call-2018",
        "--codebook",
        "actors",
    ]);
    assert!(out.status.success(), "{:?}", text(&out));
    assert!(text(&out).0.contains("16 codes"), "{:?}", text(&out));

    let again = normcoder(&["new", p, "--codebook", "actors"]);
    assert_eq!(
        again.status.code(),
        Some(1),
        "never replaces a file without --force"
    );

    let folder = dir.path().join("texts");
    std::fs::create_dir(&folder).expect("mkdir");
    for file in normcoder::testkit::demo::CORPUS_FILES {
        std::fs::copy(data("corpus").join(file), folder.join(file)).expect("copy");
    }
    let out = normcoder(&["import", p, folder.to_str().expect("utf-8")]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("4 document(s) added"), "{stdout}");
    let corpus = data("corpus");
    let out = normcoder(&[
        "import",
        p,
        corpus
            .join("paris-call-2018_en.txt")
            .to_str()
            .expect("utf-8"),
    ]);
    assert!(text(&out).0.contains("skipped"), "{:?}", text(&out));

    let out = normcoder(&["check", p]);
    assert!(out.status.success(), "{:?}", text(&out));
    let out = normcoder(&["fmt", "--check", p]);
    assert!(out.status.success(), "{:?}", text(&out));
}

#[test]
fn a_failed_import_leaves_the_project_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("study.ncp.ron");
    let p = project.to_str().expect("utf-8");
    assert!(
        normcoder(&["new", p, "--codebook", "actors"])
            .status
            .success()
    );
    let before = std::fs::read(&project).expect("read");
    let binary = dir.path().join("scan.txt");
    std::fs::write(&binary, b"%PDF-1.4\x00\x01\x02").expect("write");
    let good = data("corpus/paris-call-2018_en.txt");
    let out = normcoder(&[
        "import",
        p,
        good.to_str().expect("utf-8"),
        binary.to_str().expect("utf-8"),
    ]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("damaged or truncated PDF"), "{stderr}");
    assert!(stderr.contains("not changed"), "{stderr}");
    assert_eq!(std::fs::read(&project).expect("read"), before);
}

#[test]
fn unknown_codebooks_are_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("x.ncp.ron");
    let out = normcoder(&["new", p.to_str().expect("utf-8"), "--codebook", "nope"]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("paris-call-2018"),
        "lists the available ones: {stderr}"
    );
    assert!(!p.exists());
}

#[test]
fn fmt_rewrites_a_non_canonical_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("demo.ncp.ron");
    let original = std::fs::read_to_string(demo()).expect("demo");
    // Same data, different layout: one extra blank line and indentation.
    let messy = original.replacen("(\n", "(\n\n    ", 1);
    std::fs::write(&p, &messy).expect("write");
    let ps = p.to_str().expect("utf-8");
    let out = normcoder(&["fmt", "--check", ps]);
    assert_eq!(out.status.code(), Some(1), "{:?}", text(&out));
    assert!(text(&out).0.contains("not in canonical form"));
    assert!(normcoder(&["fmt", ps]).status.success());
    assert_eq!(std::fs::read_to_string(&p).expect("read"), original);
}

#[test]
fn no_subcommand_does_not_fail() {
    let out = normcoder(&["--help"]);
    assert!(out.status.success());
    assert!(text(&out).0.contains("check"));
}
