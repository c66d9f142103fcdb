//! Agreement: the demo project through the command line, and the fast path against a naive
//! character-by-character computation.

use std::collections::BTreeMap;

use normcoder::analysis::agreement::{
    self, Options, Selection, Unit, coincidence::ReliabilityData, kappa,
};
use normcoder::model::{CodeId, CoderId, Project};
use normcoder::testkit::synth_team::{self, TeamShape};

use crate::common::{codebook, normcoder, repo, text};

fn demo() -> String {
    repo("projects/paris-call-2018.ncp.ron")
        .to_string_lossy()
        .into_owned()
}

fn team(coders: usize, seed: u64) -> Project {
    synth_team::project(
        codebook(),
        TeamShape {
            documents: 3,
            chars_per_doc: 3_000,
            coders,
            codes: 4,
            passages: 4,
            seed,
        },
    )
    .expect("synthetic team project")
}

/// Per-character values straight from the annotations, one `Vec` per coder: the naive
/// computation the run-length one must equal.
fn naive_rows(
    project: &Project,
    report: &agreement::AgreementReport,
    code: &CodeId,
    unit: Unit,
) -> Vec<Vec<Option<usize>>> {
    let mut rows = vec![Vec::new(); report.coders.len()];
    for doc_id in &report.documents {
        let doc = project.document(doc_id).expect("document");
        let len = doc.char_len();
        for (i, coder) in report.coders.iter().enumerate() {
            let mut chars = vec![0_usize; len];
            for ann in project.annotations_in(doc_id) {
                if ann.coder() == coder && ann.codes().contains(code) {
                    for c in &mut chars[ann.span().start()..ann.span().end()] {
                        *c = 1;
                    }
                }
            }
            match unit.segments(doc.text()) {
                None => rows[i].extend(chars.iter().map(|&v| Some(v))),
                Some(units) => rows[i].extend(
                    units
                        .iter()
                        .map(|&(s, e)| Some(usize::from(chars[s..e].contains(&1)))),
                ),
            }
        }
    }
    rows
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

#[test]
fn run_length_results_equal_the_naive_computation() {
    for (coders, seed) in [(2, 3), (3, 11)] {
        let project = team(coders, seed);
        for unit in Unit::ALL {
            let report = agreement::compute(
                &project,
                &Options {
                    unit,
                    ..Options::default()
                },
            )
            .expect("report");
            assert_eq!(report.coders.len(), coders);
            assert_eq!(report.documents.len(), 3);
            for code in &report.codes {
                let rows = naive_rows(&project, &report, code, unit);
                let data = ReliabilityData::from_coder_rows(&rows);
                let m = &report.per_code[code];
                assert_eq!(m.units, rows[0].len() as u64, "{code} {unit:?}");
                assert!(
                    close(m.alpha, data.alpha_nominal()),
                    "{code} {unit:?}: {:?} vs {:?}",
                    m.alpha,
                    data.alpha_nominal()
                );
                let key = format!("{}|{}", report.coders[0], report.coders[1]);
                assert!(
                    close(m.kappa[&key], kappa::cohen(&rows[0], &rows[1])),
                    "{code}"
                );
            }
        }
    }
}

/// The demo project: alice and bruno on the Assemblée nationale question. The expected α values
/// were computed independently (a Python script reading the project file, one 0/1 vector per
/// coder and code over the 4,898 characters, α = 1 − (n − 1) · D / (n₀ · n₁)).
#[test]
fn demo_project_json() {
    let out = normcoder(&["agreement", &demo(), "--json"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON object");
    assert_eq!(v["unit"], "char");
    assert_eq!(v["coders"], serde_json::json!(["alice", "bruno"]));
    assert_eq!(
        v["documents"],
        serde_json::json!(["an-qag-1400-2018-11-15"])
    );
    assert_eq!(v["characters"], 4898);
    let expected: BTreeMap<&str, f64> = [
        ("pc.1", -0.010_21),
        ("pc.2", -0.006_991),
        ("pc.3", 0.547_984),
        ("pc.8", 0.977_794),
        ("pc.9", 0.687_31),
        ("actor.state", 0.559_143),
        ("actor.public-authority", -0.004_203),
        ("actor.civil-society", 0.868_939),
        ("actor.company", 0.565_232),
        ("actor.intl-org", 0.036_924),
        ("actor.hostile", 0.705_909),
        ("actor.individual", -0.002_149),
    ]
    .into_iter()
    .collect();
    let per_code = v["per_code"].as_object().expect("per_code");
    assert_eq!(per_code.len(), expected.len());
    for (code, alpha) in &expected {
        let m = &per_code[*code];
        let got = m["alpha"].as_f64().expect("alpha");
        assert!((got - alpha).abs() < 1e-6, "{code}: {got} vs {alpha}");
        assert_eq!(m["units"], 4898);
        assert!(m["alpha_u"].is_number() || m["alpha_u"].is_null());
        assert!(m["kappa"]["alice|bruno"].is_number(), "{code}");
        assert!(m["percent_all"].is_number());
        assert!(m.get("percent_coded").is_some());
    }
    // Nobody agrees on pc.1 (alice pc.1, bruno pc.9 on the same sentence): 98 % "agreement"
    // over all characters, 0 % over the coded ones.
    assert_eq!(per_code["pc.1"]["percent_coded"], 0.0);
    assert!(per_code["pc.1"]["percent_all"].as_f64().expect("pct") > 97.0);
    let pooled = &v["pooled"];
    assert!((pooled["alpha"].as_f64().expect("alpha") - 0.551_204).abs() < 1e-6);
    assert_eq!(pooled["units"], 4898 * 12);
    let ci = pooled["alpha_ci95"].as_array().expect("interval");
    assert!(ci[0].as_f64() < pooled["alpha"].as_f64() && pooled["alpha"].as_f64() < ci[1].as_f64());
    // What was left out is said.
    let excluded = v["excluded"]["documents"].as_array().expect("excluded");
    assert_eq!(excluded.len(), 3);
    assert!(
        v["excluded"]["codes"]
            .as_array()
            .expect("codes")
            .iter()
            .any(|c| c == "pc.4")
    );
    // The same command gives the same bytes (seeded bootstrap).
    let again = normcoder(&["agreement", &demo(), "--json"]);
    assert_eq!(again.stdout, out.stdout);
}

#[test]
fn table_csv_and_options() {
    let out = normcoder(&[
        "agreement",
        &demo(),
        "--measure",
        "alpha",
        "--unit",
        "sentence",
    ]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stdout.contains("unit         sentence"), "{stdout}");
    assert!(stdout.contains("(pooled)"), "{stdout}");
    assert!(!stdout.contains("percent_all"), "{stdout}");

    let out = normcoder(&[
        "agreement",
        &demo(),
        "--csv",
        "--codes",
        "pc.9,pc.8",
        "--bootstrap",
        "0",
    ]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let header = reader.headers().expect("header").clone();
    assert_eq!(&header[0], "code");
    assert!(
        header.iter().any(|h| h == "kappa_alice|bruno"),
        "{header:?}"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[0][0], "pc.8");
    assert_eq!(&rows[2][0], "(pooled)");

    // A coder who coded nothing in the chosen document: reported, not a crash.
    let out = normcoder(&[
        "agreement",
        &demo(),
        "--documents",
        "paris-call-2018_en",
        "--json",
    ]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(v["pooled"]["percent_coded"], 0.0);

    for bad in [
        vec!["--coders", "alice"],
        vec!["--coders", "alice,zoe"],
        vec!["--codes", "pc.99"],
    ] {
        let d = demo();
        let mut args = vec!["agreement", d.as_str()];
        args.extend(bad.iter().copied());
        let out = normcoder(&args);
        let (_, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(1), "{bad:?}: {stderr}");
        assert!(stderr.starts_with("error: "), "{stderr}");
    }
    let out = normcoder(&["agreement", &demo(), "--unit", "word"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn identical_coders_and_unused_codes() {
    let project = team(2, 5);
    let coders: Vec<CoderId> = project.coders().map(|c| c.id.clone()).collect();
    let unused = project.codebook().codes().last().expect("codes").id.clone();
    let report = agreement::compute(
        &project,
        &Options {
            selection: Selection {
                coders: Some(vec![
                    coders[0].clone(),
                    coders[0].clone(),
                    coders[1].clone(),
                ]),
                codes: Some(vec![unused.clone()]),
                documents: None,
            },
            ..Options::default()
        },
    )
    .expect("report");
    // Duplicates are dropped; a code nobody used has no variation: undefined, not 0 or 1.
    assert_eq!(report.coders.len(), 2);
    let m = &report.per_code[&unused];
    assert_eq!(m.alpha, None);
    assert_eq!(m.alpha_u, None);
    assert_eq!(m.percent_all, Some(100.0));
    assert_eq!(m.percent_coded, None);
}

#[test]
fn distribute_merge_and_seminar_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let out = normcoder(&[
        "distribute",
        &demo(),
        "--coders",
        "Ana,Ben",
        "--strip-annotations",
        "-o",
        &d("copies"),
    ]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let ana = d("copies/paris-call-2018-ana.ncp.ron");
    let ben = d("copies/paris-call-2018-ben.ncp.ron");
    let blank = normcoder::store::load(std::path::Path::new(&ana))
        .expect("copy")
        .project;
    assert_eq!(blank.annotation_count(), 0);
    assert_eq!(blank.documents().len(), 4);

    // Merging the blank copies with the demo: documents matched by text, coders kept apart.
    let out = normcoder(&["merge", &d("merged.ncp.ron"), &ana, &ben, &demo()]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stdout.contains("4 documents, 4 coders, 83 annotations"),
        "{stdout}"
    );

    // The same coder with annotations in two files is refused, unless renamed.
    let out = normcoder(&["merge", &d("twice.ncp.ron"), &demo(), &demo()]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("coder alice has annotations in both"),
        "{stderr}"
    );
    let out = normcoder(&["merge", &d("twice.ncp.ron"), &demo(), &demo(), "--rename"]);
    let (stdout, _) = text(&out);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout.contains("renamed alice-2"), "{stdout}");

    // Seminar report: bruno against alice, a self-contained page.
    let out = normcoder(&[
        "report",
        &demo(),
        "--reference",
        "alice",
        "-o",
        &d("report.html"),
    ]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stdout.contains("bruno: pooled alpha 0.551"), "{stdout}");
    let html = std::fs::read_to_string(d("report.html")).expect("html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("bruno against alice"));
    assert!(html.contains("Missed (coded by the reference only)"));
    assert!(html.contains("box-shadow:inset"));
    assert!(!html.contains("<script") && !html.contains("http://") && !html.contains("src="));
}

/// In the demo bruno ends a passage one "." before alice: the seminar report lists 14 missed
/// passages, not 15 with a lone full stop among them (issue 15, item 6).
#[test]
fn the_seminar_report_lists_no_passage_of_punctuation_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let html_path = dir.path().join("report.html");
    let out = normcoder(&[
        "report",
        &demo(),
        "--reference",
        "alice",
        "-o",
        html_path.to_str().expect("utf-8"),
    ]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stdout.contains("bruno: pooled alpha 0.551, 14 missed, 16 extra"),
        "{stdout}"
    );
    let html = std::fs::read_to_string(&html_path).expect("html");
    let quotes: Vec<&str> = html
        .split("<blockquote>")
        .skip(1)
        .filter_map(|q| q.split_once("</blockquote>").map(|(q, _)| q))
        .collect();
    assert_eq!(quotes.len(), 14 + 16, "one quote per passage");
    for q in quotes {
        assert!(
            q.chars().any(char::is_alphanumeric),
            "a passage with no word: {q:?}"
        );
    }
}
