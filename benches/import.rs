//! Import of 5 MB DOCX files and a 200-page PDF, all generated here (no large fixture in git).
//!
//! Two DOCX of 5 MB: one that is nothing but text (`word/document.xml` stored uncompressed, the
//! worst case: 5 MB of XML to parse), and one shaped like a real report (varied French text in
//! Word's paragraph and run markup, deflated, plus 5 MB of pictures in `word/media/`).

use std::fmt::Write as _;
use std::hint::black_box;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};
use normcoder::import;

const SENTENCE: &str = "Le cyberespace joue désormais un rôle capital dans tous les aspects de notre vie, et la sécurité des réseaux relève de nombreux acteurs. ";

/// A DOCX whose `word/document.xml` holds paragraphs until the file is about 5 MB, stored
/// uncompressed so that the size is the file's.
fn docx_5mb() -> Vec<u8> {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    let mut n = 0;
    while xml.len() < 5_000_000 {
        n += 1;
        let _ = write!(
            xml,
            "<w:p><w:r><w:t>{n}. {}</w:t></w:r></w:p>",
            SENTENCE.repeat(3)
        );
    }
    xml.push_str("</w:body></w:document>");
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut buf);
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        w.start_file("word/document.xml", stored).expect("start");
        Write::write_all(&mut w, xml.as_bytes()).expect("write");
        w.finish().expect("finish");
    }
    buf.into_inner()
}

/// A DOCX shaped like a Word report: about 600,000 characters of varied French text (styles,
/// justified paragraphs, three runs per paragraph with font, size and language), deflated, and
/// five 1 MB pictures stored in `word/media/` — about 5 MB on disk.
fn docx_report_5mb() -> Vec<u8> {
    let mut rng = fastrand::Rng::with_seed(7);
    let text = normcoder::testkit::synth::text(&mut rng, 600_000);
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    let run = |xml: &mut String, t: &str| {
        let _ = write!(
            xml,
            r#"<w:r><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="fr-FR"/></w:rPr><w:t xml:space="preserve">{t}</w:t></w:r>"#
        );
    };
    for para in text.split("\n\n") {
        xml.push_str(
            r#"<w:p><w:pPr><w:pStyle w:val="Corpsdetexte"/><w:spacing w:after="120"/><w:jc w:val="both"/></w:pPr>"#,
        );
        let chars: Vec<char> = para.chars().collect();
        let third = chars.len() / 3;
        for piece in [
            &chars[..third],
            &chars[third..2 * third],
            &chars[2 * third..],
        ] {
            run(&mut xml, &piece.iter().collect::<String>());
        }
        xml.push_str("</w:p>");
    }
    xml.push_str("</w:body></w:document>");
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut buf);
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        w.start_file("word/document.xml", deflated).expect("start");
        Write::write_all(&mut w, xml.as_bytes()).expect("write");
        for i in 1..=5 {
            // Pictures do not compress: random bytes stand for them.
            let mut picture = vec![0_u8; 1_000_000];
            rng.fill(&mut picture);
            w.start_file(format!("word/media/image{i}.png"), stored)
                .expect("start");
            Write::write_all(&mut w, &picture).expect("write");
        }
        w.finish().expect("finish");
    }
    buf.into_inner()
}

/// A 200-page PDF, 40 lines of Helvetica text per page.
fn pdf_200_pages() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids = Vec::new();
    for page in 0..200 {
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 10.into()]),
            Operation::new("TL", vec![14.into()]),
            Operation::new("Td", vec![40.into(), 800.into()]),
        ];
        for line in 0..40 {
            ops.push(Operation::new(
                "Tj",
                vec![Object::string_literal(format!(
                    "Page {page} line {line}: the security of networks concerns many actors."
                ))],
            ));
            ops.push(Operation::new("T*", vec![]));
        }
        ops.push(Operation::new("ET", vec![]));
        let content = Content { operations: ops };
        let content_id = doc.add_object(Stream::new(
            dictionary! {},
            content.encode().expect("encode"),
        ));
        kids.push(Object::from(doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        })));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => 200 }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

fn import_formats(c: &mut Criterion) {
    let docx = docx_5mb();
    let report = docx_report_5mb();
    let pdf = pdf_200_pages();
    let pdf_text = import::import_bytes(Path::new("big.pdf"), &pdf).expect("pdf imports");
    assert!(pdf_text.text.contains("Page 199 line 39"));
    let chars = |bytes: &[u8], name: &str| {
        import::import_bytes(Path::new(name), bytes)
            .expect("imports")
            .text
            .chars()
            .count()
    };
    eprintln!(
        "docx (text only, stored): {:.1} MB, {} characters; docx (report, deflated, pictures): {:.1} MB, {} characters; pdf: {:.1} MB, {} characters",
        docx.len() as f64 / 1e6,
        chars(&docx, "big.docx"),
        report.len() as f64 / 1e6,
        chars(&report, "report.docx"),
        pdf.len() as f64 / 1e6,
        chars(&pdf, "big.pdf"),
    );
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("docx_5mb", |b| {
        b.iter(|| import::import_bytes(Path::new("big.docx"), black_box(&docx)).expect("docx"));
    });
    group.bench_function("docx_report_5mb", |b| {
        b.iter(|| {
            import::import_bytes(Path::new("report.docx"), black_box(&report)).expect("docx")
        });
    });
    group.bench_function("pdf_200_pages", |b| {
        b.iter(|| import::import_bytes(Path::new("big.pdf"), black_box(&pdf)).expect("pdf"));
    });
    group.finish();
}

criterion_group!(benches, import_formats);
criterion_main!(benches);
