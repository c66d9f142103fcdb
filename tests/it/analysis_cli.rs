//! `stats --by`, `matrix`, `query` and `autocode`, run as a user would, on the demo project.

use normcoder::analysis::cooccurrence::Rule;
use normcoder::analysis::matrix::principle_actor;
use normcoder::store;

use crate::common::{normcoder, repo, text};

fn demo() -> String {
    repo("projects/paris-call-2018.ncp.ron")
        .to_string_lossy()
        .into_owned()
}

fn ok(args: &[&str]) -> String {
    let out = normcoder(args);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    stdout
}

#[test]
fn matrix_json_equals_the_library_on_the_demo() {
    let project = store::load(&repo("projects/paris-call-2018.ncp.ron"))
        .unwrap()
        .project;
    for rule in [Rule::Same, Rule::Overlap] {
        let stdout = ok(&[
            "matrix",
            &demo(),
            "--rows",
            "principles",
            "--cols",
            "actors",
            "--rule",
            rule.name(),
            "--json",
        ]);
        let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        let expected = principle_actor(&project, rule);
        assert_eq!(v["rule"], rule.name());
        assert_eq!(v["rows"].as_array().unwrap().len(), 9);
        assert_eq!(v["rows"][7], "pc.8");
        assert_eq!(v["cols"][0], "actor.state");
        let cells: Vec<Vec<usize>> = serde_json::from_value(v["cells"].clone()).unwrap();
        assert_eq!(cells, expected.cells);
        // The demo codes "no private hack back" with companies in several places.
        assert!(expected.get("pc.8", "actor.company").unwrap() >= 3);
    }
    let same = principle_actor(&project, Rule::Same);
    let overlap = principle_actor(&project, Rule::Overlap);
    for (a, b) in same
        .cells
        .iter()
        .flatten()
        .zip(overlap.cells.iter().flatten())
    {
        assert!(a <= b, "overlap counts include same-annotation pairs");
    }
}

#[test]
fn matrix_text_states_the_rule_and_csv_has_a_header() {
    let stdout = ok(&["matrix", &demo(), "--rule", "overlap"]);
    assert!(stdout.starts_with("code  actor.state"), "{stdout}");
    assert!(
        stdout.contains("Rule `overlap`: each cell counts unordered pairs"),
        "{stdout}"
    );
    let csv = ok(&[
        "matrix",
        &demo(),
        "--rows",
        "pc.8,pc.9",
        "--cols",
        "documents",
        "--csv",
    ]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "code,an-qag-1400-2018-11-15,appel-de-paris-2018_fr,paris-call-2018_en,press-appel-de-paris-2018-11"
        )
    );
    assert!(lines.next().unwrap().starts_with("pc.8,"));
    let out = normcoder(&["matrix", &demo(), "--rows", "nonsense"]);
    assert_eq!(out.status.code(), Some(1));
    let out = normcoder(&["matrix", &demo(), "--rule", "sometimes"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn stats_by_every_dimension() {
    let by_code = ok(&["stats", &demo(), "--by", "code", "--csv"]);
    assert!(by_code.starts_with("code,annotations,documents,characters,label\n"));
    assert_eq!(by_code.lines().count(), 17);
    let by_coder: serde_json::Value =
        serde_json::from_str(&ok(&["stats", &demo(), "--by", "coder", "--json"])).unwrap();
    assert_eq!(by_coder["header"][0], "coder");
    assert_eq!(by_coder["rows"].as_array().unwrap().len(), 2);
    let by_doc = ok(&["stats", &demo(), "--by", "document"]);
    assert!(by_doc.contains("paris-call-2018_en"), "{by_doc}");
    let by_kind = ok(&["stats", &demo(), "--by", "attribute:kind"]);
    assert!(by_kind.contains("question"), "{by_kind}");
    let out = normcoder(&["stats", &demo(), "--by", "colour"]);
    assert_eq!(out.status.code(), Some(1));
    // Today's output is unchanged without --by.
    assert!(ok(&["stats", &demo()]).contains("annotations"));
}

#[test]
fn query_filters_and_exports() {
    let stdout = ok(&["query", &demo(), "--code", "pc.8"]);
    assert!(stdout.ends_with("5 segment(s)\n"), "{stdout}");
    let csv = ok(&[
        "query",
        &demo(),
        "--code",
        "pc.8",
        "--document",
        "paris-call-2018_en",
        "--csv",
    ]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert!(rows[0][4].contains("hacking-back"), "{:?}", rows[0]);
    let bruno = ok(&[
        "query",
        &demo(),
        "--code",
        "pc.8",
        "--coder",
        "bruno",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&bruno).unwrap();
    assert!(v.as_array().unwrap().iter().all(|h| h["coder"] == "bruno"));
    let out = normcoder(&["query", &demo(), "--code", "pc.99"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn query_text_shows_the_memos_that_json_has() {
    let args = ["query", &demo(), "--code", "actor.hostile"];
    let plain = ok(&args);
    let json = ok(&[&args[..], &["--json"]].concat());
    let hits: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let memos: Vec<&str> = hits
        .iter()
        .map(|h| h["memo"].as_str().expect("every JSON hit has a memo field"))
        .filter(|m| !m.is_empty())
        .collect();
    assert!(
        memos.len() >= 2,
        "the demo's hostile actors have memos: {json}"
    );
    assert!(
        memos.iter().all(|m| !m.contains('\n')),
        "one line each: {memos:?}"
    );
    let lines: Vec<&str> = plain.lines().collect();
    let shown: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("    memo: "))
        .collect();
    assert_eq!(shown, memos, "same memos, same order:\n{plain}");
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("    memo: ") {
            assert!(
                i > 0 && !lines[i - 1].starts_with(' '),
                "a memo sits right under its segment:\n{plain}"
            );
        }
    }
    assert!(
        plain.contains("    memo: Terrorism is named as a phenomenon"),
        "{plain}"
    );
    assert!(
        plain.ends_with(&format!("{} segment(s)\n", hits.len())),
        "{plain}"
    );
    let csv = ok(&[&args[..], &["--csv"]].concat());
    assert!(
        !csv.contains("    memo: "),
        "CSV keeps its one row per segment"
    );
}

#[test]
fn autocode_adds_then_skips_and_dry_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.ncp.ron");
    std::fs::copy(repo("projects/paris-call-2018.ncp.ron"), &file).unwrap();
    let f = file.to_str().unwrap();
    let before = std::fs::read(&file).unwrap();
    let args = [
        "autocode",
        f,
        "--pattern",
        r"cyber-?sécurité",
        "--code",
        "pc.6",
        "--ignore-case",
        "--coder",
        "Robot Codeur",
    ];
    let dry = ok(&[&args[..], &["--dry-run"]].concat());
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "dry run writes nothing"
    );
    let n: usize = dry.split_whitespace().next().unwrap().parse().unwrap();
    assert!(n > 0, "{dry}");
    assert!(
        dry.contains(&format!("would add {n} annotation(s), skipped 0")),
        "{dry}"
    );
    let first = ok(&args);
    assert!(
        first.contains(&format!("added {n} annotation(s), skipped 0")),
        "{first}"
    );
    let second = ok(&args);
    assert!(
        second.contains(&format!("added 0 annotation(s), skipped {n}")),
        "{second}"
    );
    let project = store::load(&file).unwrap().project;
    let robot: Vec<_> = project
        .annotations()
        .filter(|a| a.coder().as_str() == "robot-codeur")
        .collect();
    assert_eq!(robot.len(), n);
    for a in robot {
        let quote = project.quote(a).to_lowercase();
        assert!(
            quote.starts_with("cyber") && quote.ends_with("sécurité"),
            "{quote}"
        );
    }
    let out = normcoder(&["autocode", f, "--pattern", "(", "--code", "pc.6"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).1.contains("invalid pattern"));
}
