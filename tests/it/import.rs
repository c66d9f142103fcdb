//! Importing plain text and Markdown: encodings, normalisation, metadata, refusals.

use normcoder::import::{self, ImportError};
use normcoder::model::DocKind;

use crate::common::data;

#[test]
fn the_markdown_question_renders_to_plain_text() {
    let doc = import::import_file(&data("corpus/an-qag-1400-2018-11-15.md")).expect("import");
    assert!(
        doc.text
            .starts_with("ASSEMBLÉE NATIONALE\n\n15ème législature"),
        "{}",
        &doc.text[..80]
    );
    assert!(!doc.text.contains("**"));
    assert!(!doc.text.contains("](#)"));
    assert!(
        doc.text
            .contains("Mme Laure de La Raudière. Monsieur le Premier ministre")
    );
    assert_eq!(doc.meta.title, "ASSEMBLÉE NATIONALE");
    assert_eq!(doc.meta.language.as_deref(), Some("fr"), "detected");
}

#[test]
fn source_headers_become_metadata_and_nfd_becomes_nfc() {
    let doc = import::import_file(&data("corpus/appel-de-paris-2018_fr.txt")).expect("import");
    assert_eq!(
        doc.meta.title,
        "Appel de Paris pour la confiance et la sécurité dans le cyberespace"
    );
    assert_eq!(doc.meta.language.as_deref(), Some("fr"));
    assert_eq!(
        doc.meta.date.map(|d| d.to_string()).as_deref(),
        Some("2018-11-12")
    );
    assert!(
        doc.meta
            .origin
            .as_deref()
            .is_some_and(|o| o.starts_with("https://pariscall.international/fr/call"))
    );
    assert!(!doc.text.contains("# SOURCE"));
    assert!(
        doc.text
            .contains("Le cyberespace joue désormais un rôle capital")
    );
    assert!(
        doc.text
            .chars()
            .all(|c| !unicode_normalization::char::is_combining_mark(c))
    );
    assert!(doc.warnings.iter().any(|w| w.0.contains("NFC")));
}

#[test]
fn the_stray_date_prefix_of_the_press_article_becomes_its_date() {
    let doc =
        import::import_file(&data("corpus/press-appel-de-paris-2018-11.txt")).expect("import");
    assert!(
        doc.text.starts_with("La France veut affirmer"),
        "{}",
        &doc.text[..40]
    );
    assert_eq!(
        doc.meta.date.map(|d| d.to_string()).as_deref(),
        Some("2018-11")
    );
}

#[test]
fn latin1_and_utf16_are_decoded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let latin = dir.path().join("latin1.txt");
    std::fs::write(&latin, b"# SOURCE: test | KIND: speech\nLa s\xe9curit\xe9 des \xc9tats et la cyber-riposte priv\xe9e.\r\n").expect("write");
    let doc = import::import_file(&latin).expect("latin-1");
    assert_eq!(
        doc.text,
        "La sécurité des États et la cyber-riposte privée."
    );
    assert_eq!(doc.meta.kind, Some(DocKind::Speech));
    assert!(
        doc.warnings.iter().any(|w| w.0.contains("windows-1252")),
        "{:?}",
        doc.warnings
    );

    let utf16 = dir.path().join("utf16.txt");
    let mut bytes = vec![0xFE, 0xFF];
    for unit in "Protéger l’internet\r\nfin".encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    std::fs::write(&utf16, bytes).expect("write");
    assert_eq!(
        import::import_file(&utf16).expect("utf-16").text,
        "Protéger l’internet\nfin"
    );
}

#[test]
fn binary_empty_blank_and_huge_files_are_refused_clearly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let binary = dir.path().join("photo.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").expect("write");
    let e = import::import_file(&binary).expect_err("binary");
    assert!(matches!(e, ImportError::Binary { offset: 8, .. }), "{e}");
    assert!(e.to_string().contains("supported formats"), "{e}");

    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").expect("write");
    assert!(matches!(
        import::import_file(&empty),
        Err(ImportError::Empty { .. })
    ));

    let blank = dir.path().join("blank.md");
    std::fs::write(&blank, b"\n\n   \n<!-- nothing -->\n").expect("write");
    assert!(matches!(
        import::import_file(&blank),
        Err(ImportError::NoText { .. })
    ));

    let huge = dir.path().join("huge.txt");
    let file = std::fs::File::create(&huge).expect("create");
    file.set_len(import::MAX_DOCUMENT_BYTES + 1)
        .expect("sparse file");
    let e = import::import_file(&huge).expect_err("huge");
    assert!(matches!(e, ImportError::TooLarge { .. }), "{e}");
    assert!(e.to_string().contains("64 MiB"), "{e}");

    let missing = dir.path().join("missing.txt");
    assert!(matches!(
        import::import_file(&missing),
        Err(ImportError::Io { .. })
    ));
}

#[test]
fn offsets_count_characters_after_import() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("accents.txt");
    std::fs::write(&path, "Défendre les processus électoraux.").expect("write");
    let imported = import::import_file(&path).expect("import");
    let project = normcoder::model::Project::new(
        normcoder::model::ProjectMeta {
            name: "t".into(),
            description: String::new(),
            created: chrono::Utc::now(),
        },
        crate::common::codebook(),
    );
    let doc = import::to_document(&project, &path, imported).expect("document");
    assert_eq!(doc.id().as_str(), "accents");
    assert_eq!(doc.char_len(), 34);
    let span = normcoder::model::CharSpan::new(13, 33).expect("span");
    assert_eq!(doc.slice(span).expect("slice"), "processus électoraux");
}
