//! Round trips through real office tools (fixtures made by LibreOffice and pandoc, see
//! tests/data/README.md) and hostile input: every format gives back the corpus text's words, in
//! order, accents intact, paragraphs kept; bombs, entities, nesting, encryption and truncation
//! give errors.

use std::io::Write as _;

use normcoder::import::{self, ImportError};

use crate::common::data;

/// Words (letters and digits), in order.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn check_round_trip(ext: &str) {
    let plain = import::import_file(&data("corpus/appel-de-paris-2018_fr.txt")).expect("txt");
    let path = data(&format!("formats/appel-de-paris-2018_fr.{ext}"));
    let doc = import::import_file(&path).unwrap_or_else(|e| panic!("{ext}: {e}"));
    let want = words(&plain.text);
    let got = words(&doc.text);
    // The converted files keep the source header line as text; the body must follow, whole.
    assert!(
        got.ends_with(&want),
        "{ext}: words differ\n got: {:?}\nwant: {:?}",
        &got[got.len().saturating_sub(want.len())..][..40.min(want.len())],
        &want[..40.min(want.len())]
    );
    assert!(
        doc.text.contains("sécurité dans le cyberespace"),
        "{ext}: accents"
    );
    let paragraphs = |t: &str| t.split("\n\n").count();
    assert!(
        paragraphs(&doc.text) >= paragraphs(&plain.text),
        "{ext}: {} paragraphs, plain text has {}",
        paragraphs(&doc.text),
        paragraphs(&plain.text)
    );
    assert_eq!(doc.meta.language.as_deref(), Some("fr"), "{ext}");
}

#[test]
fn docx_round_trip() {
    check_round_trip("docx");
}

#[test]
fn odt_round_trip() {
    check_round_trip("odt");
}

#[test]
fn pdf_round_trip() {
    check_round_trip("pdf");
}

#[test]
fn html_round_trip() {
    check_round_trip("html");
}

#[test]
fn epub_round_trip() {
    check_round_trip("epub");
}

#[test]
fn rtf_round_trip() {
    check_round_trip("rtf");
    let doc = import::import_file(&data("formats/appel-de-paris-2018_fr.rtf")).expect("rtf");
    // Nothing from the font, colour or style tables (such as a stray font size) comes before
    // the first line of text.
    assert!(
        doc.text
            .starts_with("# SOURCE: https://pariscall.international/fr/call"),
        "{}",
        &doc.text[..200]
    );
}

/// A date read from a file's properties is when the file was made, which says little about the
/// text: the import says so.
#[test]
fn a_date_from_file_properties_comes_with_a_warning() {
    // pandoc writes the time it made the file as `dcterms:created`.
    let doc = import::import_file(&data("formats/paris-call-2018_en-numbered.docx")).expect("docx");
    let date = doc
        .meta
        .date
        .expect("core.xml has a creation date")
        .to_string();
    assert!(
        doc.warnings.iter().any(|w| w
            .0
            .contains(&format!("the date {date} is the file's creation date"))),
        "{:?}",
        doc.warnings
    );
    let plain = import::import_file(&data("corpus/paris-call-2018_en.txt")).expect("txt");
    assert!(!plain.warnings.iter().any(|w| w.0.contains("is the file's")));
}

/// Word and OpenDocument number lists outside the text (`word/numbering.xml`, list styles); the
/// nine principles of the Paris Call must come back as « 1. » … « 9. », as they are cited, and an
/// indented `content.xml` must not leave its indentation in the text.
fn list_numbers_are_rebuilt(ext: &str) {
    let doc = import::import_file(&data(&format!("formats/paris-call-2018_en-numbered.{ext}")))
        .unwrap_or_else(|e| panic!("{ext}: {e}"));
    let plain = import::import_file(&data("corpus/paris-call-2018_en.txt")).expect("txt");
    let principles: Vec<&str> = plain
        .text
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .collect();
    assert_eq!(principles.len(), 9);
    let mut from = 0;
    for (i, principle) in principles.iter().enumerate() {
        let line = format!("\n{}. {principle}", i + 1);
        let at = doc.text[from..].find(&line).unwrap_or_else(|| {
            panic!("{ext}: principle {} not numbered in order: {line:?}", i + 1)
        });
        from += at + line.len();
    }
    assert!(
        !doc.text.lines().any(|l| l.starts_with(' ')),
        "{ext}: a line starts with white space"
    );
}

#[test]
fn docx_list_numbers_are_rebuilt() {
    list_numbers_are_rebuilt("docx");
}

#[test]
fn odt_list_numbers_are_rebuilt() {
    list_numbers_are_rebuilt("odt");
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    zip_with(entries, zip::CompressionMethod::Stored)
}

fn zip_with(entries: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut buf);
        for (name, content) in entries {
            w.start_file(
                *name,
                zip::write::SimpleFileOptions::default().compression_method(method),
            )
            .expect("start");
            w.write_all(content).expect("write");
        }
        w.finish().expect("finish");
    }
    buf.into_inner()
}

fn import_bytes(name: &str, bytes: &[u8]) -> Result<import::Imported, ImportError> {
    import::import_bytes(std::path::Path::new(name), bytes)
}

#[test]
fn a_docx_zip_bomb_is_refused() {
    let bomb = vec![b' '; 300 * 1024 * 1024];
    let z = zip_with(
        &[("word/document.xml", &bomb)],
        zip::CompressionMethod::Deflated,
    );
    let e = import_bytes("bomb.docx", &z).expect_err("bomb");
    assert!(e.to_string().contains("zip bomb"), "{e}");
}

#[test]
fn entity_declarations_in_a_docx_are_refused() {
    let xml = br#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"#;
    let z = zip_of(&[("word/document.xml", xml)]);
    let e = import_bytes("lol.docx", &z).expect_err("entities");
    assert!(e.to_string().contains("document type declaration"), "{e}");
}

#[test]
fn deeply_nested_markup_is_refused_without_overflow() {
    let n = 100_000;
    let xml = format!(
        "<w:document xmlns:w=\"w\"><w:body>{}x{}</w:body></w:document>",
        "<w:p>".repeat(n),
        "</w:p>".repeat(n)
    );
    let z = zip_of(&[("word/document.xml", xml.as_bytes())]);
    let e = import_bytes("deep.docx", &z).expect_err("deep");
    assert!(e.to_string().contains("nested"), "{e}");
    let html = format!(
        "<html><body>{}x{}</body></html>",
        "<span>".repeat(n),
        "</span>".repeat(n)
    );
    let e = import_bytes("deep.html", html.as_bytes()).expect_err("deep html");
    assert!(e.to_string().contains("nested"), "{e}");
}

#[test]
fn an_encrypted_office_document_is_named() {
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.extend(vec![0u8; 512]);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    let e = import_bytes("secret.docx", &ole).expect_err("encrypted");
    assert!(matches!(e, ImportError::Encrypted { .. }), "{e}");
    assert!(e.to_string().contains("encrypted Office document"), "{e}");
}

#[test]
fn truncated_files_are_errors_not_panics() {
    for ext in ["docx", "odt", "pdf", "epub", "rtf"] {
        let full =
            std::fs::read(data(&format!("formats/appel-de-paris-2018_fr.{ext}"))).expect("read");
        let cut = &full[..full.len() / 2];
        let r = import_bytes(&format!("cut.{ext}"), cut);
        if ext != "pdf" {
            assert!(r.is_err(), "{ext}: a truncated file imported");
        }
    }
}

#[test]
fn an_unknown_format_names_the_supported_ones() {
    let z = zip_of(&[("xl/workbook.xml", b"<w/>")]);
    let e = import_bytes("sheet.xlsx", &z).expect_err("xlsx");
    assert!(e.to_string().contains("supported formats"), "{e}");
    assert!(
        e.to_string().contains("DOCX") || e.to_string().contains(".docx"),
        "{e}"
    );
}

#[test]
fn batch_import_walks_folders_skips_other_files_and_duplicates() {
    use crate::common::{normcoder, text};
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("study.ncp.ron");
    let p = project.to_str().expect("utf-8");
    assert!(
        normcoder(&["new", p, "--codebook", "actors"])
            .status
            .success()
    );
    let folder = dir.path().join("sources");
    let sub = folder.join("2018");
    std::fs::create_dir_all(&sub).expect("mkdir");
    std::fs::copy(
        data("formats/appel-de-paris-2018_fr.docx"),
        folder.join("a.docx"),
    )
    .expect("copy");
    std::fs::copy(
        data("formats/appel-de-paris-2018_fr.pdf"),
        sub.join("b.pdf"),
    )
    .expect("copy");
    std::fs::copy(data("corpus/paris-call-2018_en.txt"), sub.join("c.txt")).expect("copy");
    std::fs::write(sub.join("photo.png"), b"\x89PNG\r\n").expect("write");
    let out = normcoder(&["import", p, folder.to_str().expect("utf-8")]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("3 document(s) added"), "{stdout}");
    assert!(
        stdout.contains("photo.png: not a document type"),
        "{stdout}"
    );
    let again = normcoder(&["import", p, sub.join("c.txt").to_str().expect("utf-8")]);
    let (stdout, _) = text(&again);
    assert!(
        stdout.contains("0 document(s) added, 1 skipped"),
        "{stdout}"
    );
}

#[test]
fn attributes_from_a_csv_table_are_one_change_and_unmatched_rows_are_reported() {
    use crate::common::{normcoder, text};
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("study.ncp.ron");
    let p = project.to_str().expect("utf-8");
    assert!(
        normcoder(&["new", p, "--codebook", "actors"])
            .status
            .success()
    );
    let src = dir.path().join("appel.docx");
    std::fs::copy(data("formats/appel-de-paris-2018_fr.docx"), &src).expect("copy");
    assert!(
        normcoder(&["import", p, src.to_str().expect("utf-8")])
            .status
            .success()
    );
    let table = dir.path().join("meta.csv");
    std::fs::write(
        &table,
        "origin,date,kind,institution,party\nappel.docx,2018-11-12,declaration,Élysée,none\nmissing.pdf,2019,report,,x\n",
    )
    .expect("write");
    let out = normcoder(&["attributes", p, table.to_str().expect("utf-8")]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("1 document(s) updated, 1 row(s) unmatched"),
        "{stdout}"
    );
    assert!(stdout.contains("row 3: no document"), "{stdout}");
    let session = normcoder::session::Session::open(&project).expect("open");
    let doc = session.project().documents().next().expect("doc");
    assert_eq!(
        doc.meta().date.map(|d| d.to_string()).as_deref(),
        Some("2018-11-12")
    );
    assert_eq!(
        doc.meta().kind,
        Some(normcoder::model::DocKind::Declaration)
    );
    assert_eq!(doc.meta().institution.as_deref(), Some("Élysée"));
    assert_eq!(doc.meta().attributes["party"], "none");

    std::fs::write(&table, "origin,kind\nappel.docx,poem\n").expect("write");
    let before = std::fs::read(&project).expect("read");
    let out = normcoder(&["attributes", p, table.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&project).expect("read"), before);
}

#[test]
fn an_encrypted_pdf_is_named() {
    let e = import::import_file(&data("formats/encrypted-paris-call.pdf")).expect_err("encrypted");
    assert!(matches!(e, ImportError::Encrypted { .. }), "{e}");
    assert!(e.to_string().contains("encrypted PDF"), "{e}");
}

/// A one-page PDF whose page draws nothing (what a scan looks like to a text extractor).
fn pdf_without_text() -> Vec<u8> {
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let content_id = doc.add_object(Stream::new(dictionary! {}, b"q 1 0 0 1 0 0 cm Q".to_vec()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

#[test]
fn a_pdf_without_a_text_layer_says_so() {
    let e = import_bytes("scan.pdf", &pdf_without_text()).expect_err("scan");
    assert!(e.to_string().contains("no text layer"), "{e}");
    assert!(e.to_string().contains("OCR"), "{e}");
}
