//! Exports: every format read back equals the project's codings; REFI-QDA output validates
//! against the standard's schemas.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use normcoder::edit::Action;
use normcoder::export::{self, Filter, Format, Options, Output, View};
use normcoder::model::{
    Annotation, AnnotationId, CharSpan, Code, CodeId, Coder, CoderId, Colour, DocId, Document,
    DocumentMeta, Localized, Project,
};
use normcoder::session::Session;

use crate::common::{codebook, data, repo};

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(1_800_000_000, 0).expect("time") + Duration::seconds(seconds)
}

pub const FRENCH: &str = "L’Appel de Paris du 12 novembre 2018 : « la sécurité du cyberespace » \
est l’affaire de tous.\n-Les États, l’UNESCO et Médecins sans frontières s’engagent.\n\n\
=SOMME(A1) n’est pas une formule ; @ici non plus.";
pub const EMOJI: &str =
    "Hack back 😀 is forbidden 🇫🇷 — 𠜎 stays outside the BMP.\nSecond line 👩‍💻 ends here.";

/// A small project with French accents, text outside the BMP, two coders, memos, multi-code and
/// overlapping annotations, a child code, and attributes that look like formulas.
pub fn tricky_project() -> Project {
    let meta = normcoder::model::ProjectMeta {
        name: "Épreuve « export » 😀".to_owned(),
        description: "Round trips with accents & <markup>".to_owned(),
        created: at(0),
    };
    let mut session = Session::new(Project::new(meta, codebook()));
    let doc = |id: &str, title: &str, text: &str, attrs: &[(&str, &str)]| {
        let meta = DocumentMeta {
            title: title.to_owned(),
            language: Some("fr".to_owned()),
            author: Some("Chloé Dupré".to_owned()),
            attributes: attrs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            ..DocumentMeta::default()
        };
        Document::new(DocId::new(id).expect("id"), meta, text.to_owned()).expect("doc")
    };
    let child = Code {
        id: CodeId::new("pc.1.health").expect("id"),
        group: codebook().codes()[0].group.clone(),
        label: Localized::new("Hôpitaux", "Hôpitaux"),
        definition: Localized::en("Attacks on hospitals & <care>"),
        source_text: None,
        colour: Colour::parse("#aa3355").expect("colour"),
        shortcut: None,
        parent: Some(CodeId::new("pc.1").expect("id")),
        aliases: Vec::new(),
    };
    let mut actions = vec![
        Action::AddCode {
            code: child,
            position: None,
        },
        Action::AddCoder(Coder {
            id: CoderId::new("alice").expect("id"),
            name: "Alice Émery".to_owned(),
        }),
        Action::AddCoder(Coder {
            id: CoderId::new("bruno").expect("id"),
            name: "Bruno".to_owned(),
        }),
        Action::AddDocument(doc(
            "appel-fr",
            "Appel de Paris (FR)",
            FRENCH,
            &[
                ("party", "=cmd|' /C calc'!A0"),
                ("country", "France"),
                ("language", "clash"),
            ],
        )),
        Action::AddDocument(doc("emoji", "Émojis 😀", EMOJI, &[("country", "-")])),
    ];
    let mut n = 0;
    let mut ann = |doc: &str,
                   text: &str,
                   needle: &str,
                   extra: usize,
                   codes: &[&str],
                   coder: &str,
                   memo: &str| {
        n += 1;
        let byte = text.find(needle).expect("needle");
        let start = text[..byte].chars().count();
        let end = start + needle.chars().count() + extra;
        Action::AddAnnotation(
            Annotation::new(
                AnnotationId::new(format!("ann-{n:02}")).expect("id"),
                DocId::new(doc).expect("id"),
                CharSpan::new(start, end).expect("span"),
                codes.iter().map(|c| CodeId::new(*c).expect("id")).collect(),
                CoderId::new(coder).expect("id"),
                memo,
                at(n),
            )
            .expect("annotation"),
        )
    };
    actions.extend([
        ann(
            "appel-fr",
            FRENCH,
            "« la sécurité du cyberespace »",
            0,
            &["pc.1", "pc.2"],
            "alice",
            "Mémo : « guillemets » & <balises>\nsur deux lignes",
        ),
        ann(
            "appel-fr",
            FRENCH,
            "sécurité",
            0,
            &["pc.1.health"],
            "bruno",
            "",
        ),
        ann(
            "appel-fr",
            FRENCH,
            "tous.\n-Les États",
            0,
            &["actor.state"],
            "alice",
            "",
        ),
        ann(
            "appel-fr",
            FRENCH,
            "=SOMME(A1)",
            0,
            &["pc.9"],
            "bruno",
            "=1+1",
        ),
        ann(
            "appel-fr",
            FRENCH,
            "@ici",
            0,
            &["pc.3"],
            "alice",
            "@mention",
        ),
        ann("emoji", EMOJI, "😀", 0, &["pc.8"], "alice", "emoji 😀"),
        ann(
            "emoji",
            EMOJI,
            "🇫🇷 — 𠜎",
            0,
            &["pc.2", "actor.state"],
            "bruno",
            "",
        ),
        ann("emoji", EMOJI, "👩‍💻 ends", 0, &["pc.7"], "alice", ""),
        ann("emoji", EMOJI, "Hack back 😀 is", 0, &["pc.8"], "bruno", ""),
    ]);
    session
        .apply(Action::Batch(actions))
        .expect("build the project");
    session.project().clone()
}

/// A coding as every format can carry it: document, offsets, quote, codes, coder, memo.
pub type Row = (
    String,
    usize,
    usize,
    String,
    BTreeSet<String>,
    String,
    String,
);

pub fn expected(project: &Project) -> Vec<Row> {
    let mut rows: Vec<Row> = project
        .annotations()
        .map(|a| {
            (
                a.doc().to_string(),
                a.span().start(),
                a.span().end(),
                project.quote(a).to_owned(),
                a.codes().iter().map(ToString::to_string).collect(),
                a.coder().to_string(),
                a.memo().to_owned(),
            )
        })
        .collect();
    rows.sort();
    rows
}

fn render(project: &Project, format: Format, options: &Options) -> Output {
    let view = View::new(project, &Filter::default()).expect("view");
    export::render(&view, format, options).expect("render")
}

fn file(output: &Output) -> &[u8] {
    match output {
        Output::File(b) => b,
        Output::Folder(_) => panic!("expected one file"),
    }
}

fn folder(output: &Output) -> BTreeMap<String, String> {
    match output {
        Output::Folder(files) => files
            .iter()
            .map(|(n, b)| (n.clone(), String::from_utf8(b.clone()).expect("utf-8")))
            .collect(),
        Output::File(_) => panic!("expected a folder"),
    }
}

fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn every_quote_is_the_text_between_its_offsets() {
    let p = tricky_project();
    for a in p.annotations() {
        let doc = p.document(a.doc()).expect("doc");
        assert_eq!(
            p.quote(a),
            chars(doc.text(), a.span().start(), a.span().end())
        );
    }
    assert!(expected(&p).iter().any(|r| r.3.contains('😀')));
    assert!(expected(&p).iter().any(|r| r.3.contains('é')));
}

#[test]
fn csv_round_trip_with_bom_and_neutralised_cells() {
    let p = tricky_project();
    let mut options = Options::new();
    options.bom = true;
    let bytes = file(&render(&p, Format::Csv, &options)).to_vec();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).expect("utf-8");
    assert!(
        text.contains("'=cmd"),
        "formula in an attribute is neutralised"
    );
    assert!(
        text.contains("'=SOMME(A1)"),
        "formula in a quote is neutralised"
    );
    assert!(text.contains("'@ici"));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(ToOwned::to_owned)
        .collect();
    assert_eq!(&header[..2], ["document_id", "document_title"]);
    assert!(header.contains(&"attr:party".to_owned()));
    assert!(header.contains(&"attr:language".to_owned()));
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let mut by_ann: BTreeMap<String, Row> = BTreeMap::new();
    for record in reader.records() {
        let r = record.expect("record");
        let cell = |name: &str| export::restore(&r[col(name)]).to_owned();
        let row = by_ann.entry(cell("annotation_id")).or_insert_with(|| {
            (
                cell("document_id"),
                cell("start").parse().expect("start"),
                cell("end").parse().expect("end"),
                cell("quote"),
                BTreeSet::new(),
                cell("coder"),
                cell("memo"),
            )
        });
        row.4.insert(cell("code_id"));
        assert!(!cell("code_label_en").is_empty());
        assert!(DateTime::parse_from_rfc3339(&cell("created")).is_ok());
    }
    let mut rows: Vec<Row> = by_ann.into_values().collect();
    rows.sort();
    assert_eq!(rows, expected(&p));
}

#[test]
fn matrix_csv_counts_codes_per_document() {
    let p = tricky_project();
    let text = String::from_utf8(file(&render(&p, Format::MatrixCsv, &Options::new())).to_vec())
        .expect("utf-8");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(ToOwned::to_owned)
        .collect();
    assert_eq!(
        header,
        ["code_id", "code_label_en", "appel-fr", "emoji", "total"]
    );
    let mut totals = BTreeMap::new();
    for record in reader.records() {
        let r = record.expect("record");
        let fr: usize = r[2].parse().expect("n");
        let em: usize = r[3].parse().expect("n");
        assert_eq!(fr + em, r[4].parse::<usize>().expect("n"));
        totals.insert(r[0].to_owned(), (fr, em));
    }
    assert_eq!(
        totals.len(),
        p.codebook().codes().len(),
        "one row per code, zeros included"
    );
    assert_eq!(totals["pc.8"], (0, 2));
    assert_eq!(totals["pc.2"], (1, 1));
    assert_eq!(totals["pc.4"], (0, 0));
}

#[test]
fn jsonl_round_trip() {
    let p = tricky_project();
    let files = folder(&render(&p, Format::Jsonl, &Options::new()));
    assert_eq!(
        files.keys().map(String::as_str).collect::<Vec<_>>(),
        [
            "README.md",
            "annotations.jsonl",
            "codebook.json",
            "documents.jsonl"
        ]
    );
    let docs: BTreeMap<String, serde_json::Value> = files["documents.jsonl"]
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json");
            (v["id"].as_str().expect("id").to_owned(), v)
        })
        .collect();
    assert_eq!(
        docs["appel-fr"]["attributes"]["party"],
        "=cmd|' /C calc'!A0"
    );
    assert_eq!(docs["appel-fr"]["author"], "Chloé Dupré");
    let mut rows: Vec<Row> = Vec::new();
    for line in files["annotations.jsonl"].lines() {
        let a: serde_json::Value = serde_json::from_str(line).expect("json");
        let doc = a["document"].as_str().expect("document");
        let (start, end) = (
            usize::try_from(a["start"].as_u64().expect("start")).expect("usize"),
            usize::try_from(a["end"].as_u64().expect("end")).expect("usize"),
        );
        let text = docs[doc]["text"].as_str().expect("text");
        let quote = a["quote"].as_str().expect("quote");
        assert_eq!(chars(text, start, end), quote, "text[start:end] == quote");
        rows.push((
            doc.to_owned(),
            start,
            end,
            quote.to_owned(),
            a["codes"]
                .as_array()
                .expect("codes")
                .iter()
                .map(|c| c.as_str().expect("code").to_owned())
                .collect(),
            a["coder"].as_str().expect("coder").to_owned(),
            a["memo"].as_str().expect("memo").to_owned(),
        ));
    }
    rows.sort();
    assert_eq!(rows, expected(&p));
    let codebook: serde_json::Value = serde_json::from_str(&files["codebook.json"]).expect("json");
    let child = codebook["codes"]
        .as_array()
        .expect("codes")
        .iter()
        .find(|c| c["id"] == "pc.1.health")
        .expect("child code");
    assert_eq!(child["parent"], "pc.1");
    assert_eq!(codebook["coders"][0]["name"], "Alice Émery");
    for field in [
        "`id`",
        "`document`",
        "`start`",
        "`end`",
        "`quote`",
        "`codes`",
        "`coder`",
        "`memo`",
    ] {
        assert!(files["README.md"].contains(field), "{field}");
    }
}

#[test]
fn brat_round_trip() {
    let p = tricky_project();
    let files = folder(&render(&p, Format::Brat, &Options::new()));
    assert!(files["annotation.conf"].contains("[entities]\n!paris-call-2018\n\tpc.1\n"));
    assert!(files["visual.conf"].contains("pc.1\tbgColor:#"));
    // (document, start, end, code) from the T lines, memos by T id.
    let mut found: BTreeSet<(String, usize, usize, String)> = BTreeSet::new();
    let mut memos = BTreeSet::new();
    for doc in p.documents() {
        let txt = &files[&format!("{}.txt", doc.id())];
        assert_eq!(txt, doc.text());
        for line in files[&format!("{}.ann", doc.id())].lines() {
            let cols: Vec<&str> = line.splitn(3, '\t').collect();
            if cols[0].starts_with('#') {
                memos.insert(cols[2].to_owned());
                continue;
            }
            let (code, offsets) = cols[1].split_once(' ').expect("type and offsets");
            let frags: Vec<(usize, usize)> = offsets
                .split(';')
                .map(|f| {
                    let (s, e) = f.split_once(' ').expect("fragment");
                    (s.parse().expect("s"), e.parse().expect("e"))
                })
                .collect();
            let pieces: Vec<String> = frags.iter().map(|(s, e)| chars(txt, *s, *e)).collect();
            assert_eq!(pieces.join(" "), cols[2], "brat text equals the fragments");
            let (start, end) = (frags[0].0, frags[frags.len() - 1].1);
            found.insert((doc.id().to_string(), start, end, code.to_owned()));
        }
    }
    let want: BTreeSet<(String, usize, usize, String)> = expected(&p)
        .into_iter()
        .flat_map(|r| {
            r.4.iter()
                .map(|c| (r.0.clone(), r.1, r.2, c.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(found, want);
    assert!(memos.contains("Mémo : « guillemets » & <balises> sur deux lignes"));
    assert!(memos.contains("emoji 😀"));
}

#[test]
fn web_annotation_round_trip() {
    let p = tricky_project();
    let json: serde_json::Value =
        serde_json::from_slice(file(&render(&p, Format::WebAnnotation, &Options::new())))
            .expect("json");
    let collections = json.as_array().expect("array");
    assert_eq!(collections.len(), 2);
    let mut rows: Vec<Row> = Vec::new();
    for (collection, doc) in collections.iter().zip(p.documents()) {
        assert_eq!(collection["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(collection["type"], "AnnotationCollection");
        assert_eq!(collection["label"], doc.meta().title.as_str());
        for a in collection["first"]["items"].as_array().expect("items") {
            let selectors = a["target"]["selector"].as_array().expect("selectors");
            let quote = &selectors[0];
            let pos = &selectors[1];
            assert_eq!(quote["type"], "TextQuoteSelector");
            assert_eq!(pos["type"], "TextPositionSelector");
            let start = usize::try_from(pos["start"].as_u64().expect("start")).expect("usize");
            let end = usize::try_from(pos["end"].as_u64().expect("end")).expect("usize");
            let exact = quote["exact"].as_str().expect("exact");
            assert_eq!(chars(doc.text(), start, end), exact);
            let prefix = quote["prefix"].as_str().expect("prefix");
            assert!(chars(doc.text(), 0, start).ends_with(prefix));
            let suffix = quote["suffix"].as_str().expect("suffix");
            assert!(
                doc.text()
                    .chars()
                    .skip(end)
                    .collect::<String>()
                    .starts_with(suffix)
            );
            let bodies = a["body"].as_array().expect("body");
            let codes = bodies
                .iter()
                .filter(|b| b["purpose"] == "tagging")
                .map(|b| b["value"].as_str().expect("value").to_owned())
                .collect();
            let memo = bodies
                .iter()
                .find(|b| b["purpose"] == "commenting")
                .map_or(String::new(), |b| {
                    b["value"].as_str().expect("memo").to_owned()
                });
            assert!(a["created"].as_str().expect("created").ends_with('Z'));
            rows.push((
                doc.id().to_string(),
                start,
                end,
                exact.to_owned(),
                codes,
                a["creator"]["nickname"].as_str().expect("coder").to_owned(),
                memo,
            ));
        }
    }
    rows.sort();
    assert_eq!(rows, expected(&p));
}

#[test]
fn html_report_is_self_contained_and_shows_everything() {
    let p = tricky_project();
    let html = String::from_utf8(file(&render(&p, Format::Html, &Options::new())).to_vec())
        .expect("utf-8");
    assert!(html.starts_with("<!DOCTYPE html>"));
    for external in ["src=", "href=", "@import", "url("] {
        assert!(!html.contains(external), "no external asset: {external}");
    }
    assert!(html.contains("&lt;markup&gt;"), "text is escaped");
    for code in p.codebook().codes() {
        assert!(
            html.contains(&code.label.en.replace('&', "&amp;")),
            "{}",
            code.id
        );
    }
    assert!(html.contains("<mark"));
    // Every character of every text is there once, in order, once marks are removed.
    let fragment = scraper::Html::parse_document(&html);
    let sel = scraper::Selector::parse("div.text").expect("selector");
    let texts: Vec<String> = fragment.select(&sel).map(|d| d.text().collect()).collect();
    let docs: Vec<String> = p.documents().map(|d| d.text().to_owned()).collect();
    assert_eq!(texts, docs);
    let mark = scraper::Selector::parse("mark").expect("selector");
    let striped = fragment
        .select(&mark)
        .filter(|m| {
            m.value()
                .attr("style")
                .is_some_and(|s| s.contains("linear-gradient"))
        })
        .count();
    assert!(striped > 0, "overlaps are striped");
    // Where an annotation ends, its codes are named (in an attribute the style sheet shows, so
    // the text above is untouched): paper and projectors have no tooltips.
    let ends: usize = fragment
        .select(&mark)
        .filter_map(|m| m.value().attr("data-end"))
        .map(|codes| codes.split(' ').count())
        .sum();
    assert!(ends >= p.annotations().count(), "{ends}");
    assert!(html.contains("content: attr(data-end)"));
}

#[test]
fn filters_narrow_every_format() {
    let p = tricky_project();
    let filter = Filter {
        coders: vec![CoderId::new("bruno").expect("id")],
        documents: vec![DocId::new("emoji").expect("id")],
        codes: vec![
            CodeId::new("pc.2").expect("id"),
            CodeId::new("pc.8").expect("id"),
        ],
    };
    let view = View::new(&p, &filter).expect("view");
    assert_eq!(view.codings.len(), 2);
    let files = folder(&export::render(&view, Format::Jsonl, &Options::new()).expect("jsonl"));
    assert_eq!(files["annotations.jsonl"].lines().count(), 2);
    assert!(!files["annotations.jsonl"].contains("actor.state"));
    assert_eq!(files["documents.jsonl"].lines().count(), 1);
    let bad = Filter {
        codes: vec![CodeId::new("pc.99").expect("id")],
        ..Filter::default()
    };
    assert!(View::new(&p, &bad).is_err());
}

#[test]
fn exports_are_deterministic() {
    let p = tricky_project();
    for format in Format::ALL {
        let a = render(&p, format, &Options::new());
        let b = render(&p, format, &Options::new());
        assert_eq!(a, b, "{format}");
    }
}

/// Runs `xmllint --schema`; the machine needs libxml2-utils (listed in `.ci/run`).
pub fn validate(xml: &[u8], schema: &str, dir: &Path) {
    let (ok, errors) = xmllint(xml, schema, dir);
    assert!(ok, "{schema}: {errors}");
}

fn xmllint(xml: &[u8], schema: &str, dir: &Path) -> (bool, String) {
    let file = dir.join("doc.xml");
    std::fs::write(&file, xml).expect("write");
    let out = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--nonet")
        .arg("--schema")
        .arg(data(&format!("refi-qda/{schema}")))
        .arg(&file)
        .output()
        .expect("xmllint must be installed (apt-get install libxml2-utils)");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_schema_check_rejects_an_invalid_codebook() {
    // Taguette's codebook with an empty <Sets/>: proof that the validation can fail.
    let dir = tempfile::tempdir().expect("temp dir");
    let bad =
        std::fs::read(data("refi-qda/taguette-style_empty-sets_INVALID.qdc")).expect("sample");
    assert!(!xmllint(&bad, "Codebook.xsd", dir.path()).0);
}

fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("entry");
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut b).expect("read");
        out.insert(f.name().expect("name").into_owned(), b);
    }
    out
}

#[test]
fn demo_qdpx_and_qdc_validate_against_the_refi_qda_schemas() {
    let demo = normcoder::store::load(&repo("projects/paris-call-2018.ncp.ron"))
        .expect("demo project")
        .project;
    let dir = tempfile::tempdir().expect("temp dir");
    for project in [&demo, &tricky_project()] {
        let qdpx = render(project, Format::Qdpx, &Options::new());
        let entries = unzip(file(&qdpx));
        validate(&entries["project.qde"], "Project-mtd.xsd", dir.path());
        let qdc = render(project, Format::Qdc, &Options::new());
        validate(file(&qdc), "Codebook.xsd", dir.path());
        let sources: Vec<&String> = entries
            .keys()
            .filter(|k| {
                k.starts_with("sources/") && Path::new(k).extension().is_some_and(|e| e == "txt")
            })
            .collect();
        assert_eq!(sources.len(), project.documents().len());
        for doc in project.documents() {
            assert!(
                entries.values().any(|b| b == doc.text().as_bytes()),
                "text of {}",
                doc.id()
            );
        }
    }
}

#[test]
fn qdpx_selections_count_code_points() {
    let p = tricky_project();
    let entries = unzip(file(&render(&p, Format::Qdpx, &Options::new())));
    let qde = String::from_utf8(entries["project.qde"].clone()).expect("utf-8");
    let guids = normcoder::export::Guids::new(&p);
    let emoji_doc = DocId::new("emoji").expect("id");
    let txt =
        String::from_utf8(entries[&format!("sources/{}.txt", guids.document(&emoji_doc))].clone())
            .expect("utf-8");
    assert_eq!(txt, EMOJI);
    let a = p
        .annotations_in(&emoji_doc)
        .find(|a| p.quote(a) == "🇫🇷 — 𠜎")
        .expect("annotation");
    let expected = format!(
        "startPosition=\"{}\" endPosition=\"{}\"",
        a.span().start(),
        a.span().end()
    );
    assert!(qde.contains(&expected), "{expected}");
    assert!(qde.contains("name=\"Hôpitaux\""));
    assert!(qde.contains("isCodable=\"false\""), "groups are folders");
    assert!(qde.contains("&lt;balises&gt;"));
}

#[test]
fn export_writes_files_and_folders() {
    let p = tricky_project();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("brat");
    let written = export::export(&p, &Filter::default(), Format::Brat, &Options::new(), &out)
        .expect("export");
    assert_eq!(written.len(), 6);
    assert!(out.join("emoji.ann").is_file());
    let html = dir.path().join("report.html");
    export::export(&p, &Filter::default(), Format::Html, &Options::new(), &html).expect("export");
    assert!(html.is_file());
    assert!(matches!(
        export::export(
            &p,
            &Filter::default(),
            Format::Jsonl,
            &Options::new(),
            &html
        ),
        Err(export::ExportError::NotAFolder { .. })
    ));
}
