//! REFI-QDA import: our own export comes back the same; real exports from other tools load;
//! broken files give a clear error or a report, never a panic.

use std::collections::BTreeSet;
use std::io::Write as _;

use chrono::Utc;
use normcoder::export::{self, Filter, Format, Options, Output, View};
use normcoder::import::refi::{RefiError, import_qdc, import_qdpx};
use normcoder::model::Project;

use crate::common::{data, normcoder, text};
use crate::export::{Row, expected, tricky_project};

fn qdpx_of(project: &Project) -> Vec<u8> {
    let view = View::new(project, &Filter::default()).expect("view");
    match export::render(&view, Format::Qdpx, &Options::new()).expect("qdpx") {
        Output::File(b) => b,
        Output::Folder(_) => panic!("a file"),
    }
}

/// Codings without ids: document title instead of id, codes by English label.
fn by_titles(project: &Project) -> Vec<Row> {
    let mut rows: Vec<Row> = expected(project)
        .into_iter()
        .map(|(doc, s, e, q, codes, coder, memo)| {
            let title = project
                .documents()
                .find(|d| d.id().as_str() == doc)
                .expect("doc")
                .meta()
                .title
                .clone();
            let labels: BTreeSet<String> = codes
                .iter()
                .map(|c| {
                    project
                        .codebook()
                        .codes()
                        .iter()
                        .find(|k| k.id.as_str() == c)
                        .expect("code")
                        .label
                        .en
                        .clone()
                })
                .collect();
            (title, s, e, q, labels, coder, memo)
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn project_qdpx_project_round_trip() {
    let p = tricky_project();
    let (back, report) = import_qdpx(qdpx_of(&p), "x", Utc::now()).expect("import");
    assert!(report.not_carried.is_empty(), "{report}");
    assert_eq!(back.documents().len(), p.documents().len());
    for (a, b) in p.documents().zip(back.documents()) {
        assert_eq!(a.text(), b.text());
        assert_eq!(a.meta().author, b.meta().author);
        assert_eq!(a.meta().attributes, b.meta().attributes);
    }
    let labels = |p: &Project| -> BTreeSet<(String, String, Option<String>)> {
        p.codebook()
            .codes()
            .iter()
            .map(|c| {
                let parent = c
                    .parent
                    .as_ref()
                    .and_then(|id| p.codebook().code(id))
                    .map(|k| k.label.en.clone());
                (c.label.en.clone(), c.colour.to_string(), parent)
            })
            .collect()
    };
    assert_eq!(labels(&back), labels(&p));
    assert_eq!(back.codebook().groups().len(), p.codebook().groups().len());
    // Coders come back as slugs of their names: alice-emery for "Alice Émery".
    let mut got = by_titles(&back);
    for row in &mut got {
        row.5 = if row.5.starts_with("alice") {
            "alice".into()
        } else {
            row.5.clone()
        };
    }
    got.sort();
    assert_eq!(got, by_titles(&p));
}

#[test]
fn qdc_import_adds_codes_once_in_one_undoable_step() {
    let p = tricky_project();
    let view = View::new(&p, &Filter::default()).expect("view");
    let Output::File(qdc) = export::render(&view, Format::Qdc, &Options::new()).expect("qdc")
    else {
        panic!("a file")
    };
    let (again, report) = import_qdc(&p, qdc.clone()).expect("import");
    assert!(again.is_none(), "own codebook: nothing new ({report})");
    let empty =
        normcoder::store::builtin::new_project("e".to_owned(), &["actors"]).expect("project");
    let (action, report) = import_qdc(&empty, qdc).expect("import");
    let mut session = normcoder::session::Session::new(empty);
    session.apply(action.expect("new codes")).expect("apply");
    assert!(report.codes > 9, "{report}");
    assert!(
        session
            .project()
            .codebook()
            .codes()
            .iter()
            .any(|c| c.label.en == "Hôpitaux")
    );
    session.undo().expect("undo");
    assert!(
        !session
            .project()
            .codebook()
            .codes()
            .iter()
            .any(|c| c.label.en == "Hôpitaux")
    );
}

#[test]
fn real_exports_from_other_tools_load() {
    let read = |n: &str| std::fs::read(data(&format!("refi-qda/{n}"))).expect("sample");
    let (qc, report) = import_qdpx(
        read("qc-1.3.2-demo_cproctor-qualitative-coding.qdpx"),
        "qc",
        Utc::now(),
    )
    .expect("qc");
    assert_eq!(qc.documents().len(), 2);
    assert_eq!(
        qc.annotation_count(),
        158,
        "158 selections carrying 205 codings"
    );
    assert!(
        report.warnings.iter().any(|w| w.contains("internal://")),
        "{report}"
    );
    for a in qc.annotations() {
        assert!(!qc.quote(a).is_empty());
    }
    let (nvivo, report) = import_qdpx(
        read("nvivo-mac15_cproctor-qualitative-coding.qdpx"),
        "n",
        Utc::now(),
    )
    .expect("nvivo");
    assert_eq!(nvivo.codebook().codes().len(), 262);
    assert_eq!(
        report.not_carried.len(),
        2,
        "two sources with empty plain text: {report}"
    );
    let (atlas, _) =
        import_qdpx(read("atlasti-23_ponte-target.qdpx"), "a", Utc::now()).expect("atlas");
    assert_eq!(atlas.codebook().codes().len(), 3);
}

fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, body) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("entry");
        zip.write_all(body.as_bytes()).expect("write");
    }
    zip.finish().expect("zip").into_inner()
}

const CODES: &str = r##"<CodeBook><Codes><Code guid="00000000-0000-0000-0000-0000000000c1" name="Risk" isCodable="true" color="#E06C75"/></Codes></CodeBook>"##;

fn project_xml(path: &str, start: u32, end: u32) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="P">{CODES}<Sources><TextSource guid="00000000-0000-0000-0000-000000000001" name="Doc" plainTextPath="{path}"><PlainTextSelection guid="00000000-0000-0000-0000-000000000002" startPosition="{start}" endPosition="{end}"><Coding guid="00000000-0000-0000-0000-000000000003"><CodeRef targetGUID="00000000-0000-0000-0000-0000000000c1"/></Coding></PlainTextSelection></TextSource></Sources></Project>"#
    )
}

#[test]
fn broken_files_give_errors_or_reports() {
    let now = Utc::now();
    assert!(matches!(
        import_qdpx(b"not a zip".to_vec(), "x", now),
        Err(RefiError::Zip(_))
    ));
    assert!(matches!(
        import_qdpx(zip_of(&[("other.txt", "x")]), "x", now),
        Err(RefiError::NoProject)
    ));
    // Missing source file: reported, the rest imported.
    let (p, report) = import_qdpx(
        zip_of(&[("project.qde", &project_xml("internal://gone.txt", 0, 3))]),
        "x",
        now,
    )
    .expect("import");
    assert_eq!(p.documents().len(), 0);
    assert!(
        report.not_carried.iter().any(|n| n.contains("missing")),
        "{report}"
    );
    // Selection past the end: reported, not imported.
    let (p, report) = import_qdpx(
        zip_of(&[
            ("project.qde", &project_xml("internal://a.txt", 2, 99)),
            ("sources/a.txt", "Émoji 😀 text"),
        ]),
        "x",
        now,
    )
    .expect("import");
    assert_eq!(p.documents().len(), 1);
    assert_eq!(p.annotation_count(), 0);
    assert!(
        report
            .not_carried
            .iter()
            .any(|n| n.contains("outside the text")),
        "{report}"
    );
    // A good selection on text outside the BMP counts code points.
    let (p, _) = import_qdpx(
        zip_of(&[
            ("project.qde", &project_xml("internal://a.txt", 6, 7)),
            ("sources/a.txt", "Émoji 😀 text"),
        ]),
        "x",
        now,
    )
    .expect("import");
    let a = p.annotations().next().expect("annotation");
    assert_eq!(p.quote(a), "😀");
    // Path traversal: refused, nothing read or written outside.
    for path in [
        "internal://../../etc/passwd",
        "../evil.txt",
        "absolute:///etc/passwd",
        "internal://a/b.txt",
    ] {
        let (p, report) = import_qdpx(
            zip_of(&[
                ("project.qde", &project_xml(path, 0, 1)),
                ("../evil.txt", "evil"),
                ("sources/a/b.txt", "x"),
            ]),
            "x",
            now,
        )
        .expect("import");
        assert_eq!(p.documents().len(), 0, "{path}");
        assert!(!report.not_carried.is_empty(), "{path}");
    }
    // Entity bomb: refused without expansion.
    let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><Project name="&lol2;"/>"#;
    assert!(matches!(
        import_qdpx(zip_of(&[("project.qde", bomb)]), "x", now),
        Err(RefiError::Xml(_))
    ));
    assert!(import_qdc(&tricky_project(), bomb.as_bytes().to_vec()).is_err());
}

#[test]
fn zip_bomb_is_capped() {
    // 80 MiB of zeros compress to a few hundred KiB: over the 64 MiB source cap.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflate = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("project.qde", deflate).expect("entry");
    zip.write_all(project_xml("internal://big.txt", 0, 1).as_bytes())
        .expect("write");
    zip.start_file("sources/big.txt", deflate).expect("entry");
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..80 {
        zip.write_all(&chunk).expect("write");
    }
    let bytes = zip.finish().expect("zip").into_inner();
    assert!(bytes.len() < 2 << 20);
    let (p, report) = import_qdpx(bytes, "x", Utc::now()).expect("import");
    assert_eq!(p.documents().len(), 0);
    assert!(
        report.not_carried.iter().any(|n| n.contains("larger than")),
        "{report}"
    );
}

#[test]
fn cli_export_and_import_commands() {
    let dir = tempfile::tempdir().expect("temp dir");
    let demo = crate::common::repo("projects/paris-call-2018.ncp.ron");
    let demo = demo.to_str().expect("path");
    let out = dir.path().join("demo.qdpx");
    let o = normcoder(&[
        "export",
        demo,
        "--format",
        "qdpx",
        "-o",
        out.to_str().expect("path"),
    ]);
    assert!(o.status.success(), "{:?}", text(&o));
    let csv = dir.path().join("demo.csv");
    let o = normcoder(&[
        "export",
        demo,
        "--format",
        "csv",
        "--bom",
        "--codes",
        "pc.1,pc.2",
        "-o",
        csv.to_str().expect("path"),
    ]);
    assert!(o.status.success(), "{:?}", text(&o));
    let o = normcoder(&[
        "export",
        demo,
        "--format",
        "nope",
        "-o",
        csv.to_str().expect("path"),
    ]);
    assert!(!o.status.success());
    assert!(text(&o).1.contains("unknown export format"));
    let back = dir.path().join("back.ncp.ron");
    let o = normcoder(&[
        "import-qdpx",
        out.to_str().expect("path"),
        "-o",
        back.to_str().expect("path"),
    ]);
    assert!(o.status.success(), "{:?}", text(&o));
    assert!(text(&o).0.contains("imported"));
    let o = normcoder(&["check", back.to_str().expect("path")]);
    assert!(o.status.success(), "{:?}", text(&o));
    let bad = dir.path().join("bad.qdpx");
    std::fs::write(&bad, b"garbage").expect("write");
    let o = normcoder(&[
        "import-qdpx",
        bad.to_str().expect("path"),
        "-o",
        dir.path().join("b.ncp.ron").to_str().expect("path"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).1.contains("zip"));
}
