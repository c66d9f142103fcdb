//! The Analysis window driven headless: retrieval opens the passage, the principle × actor
//! table equals the command line's, auto-coding is one undo step.

use std::path::PathBuf;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use normcoder::analysis::cooccurrence::Rule;
use normcoder::analysis::table::Cell;
use normcoder::model::{CodeId, DocId};
use normcoder::ui::ScriptedPicker;
use normcoder::ui::analysis::{AnalysisCommand, Tab};
use normcoder::ui::app::NormcoderApp;
use normcoder::ui::command::UiCommand;

use crate::common::{demo_copy, demo_window, normcoder, text};

fn open_tab(h: &mut Harness<'static, NormcoderApp>, tab: Tab) {
    h.state_mut()
        .push(UiCommand::Analysis(AnalysisCommand::Open(tab)));
    h.run();
}

#[test]
fn clicking_a_retrieved_segment_opens_the_passage_and_f8_steps() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("segments.csv");
    let picker = ScriptedPicker {
        exports: vec![target.clone()],
        ..ScriptedPicker::default()
    };
    let mut h = demo_window(demo_copy(dir.path()), picker);
    h.get_by_label("Analysis").click();
    h.run();
    h.get_by_label("Retrieval").click();
    h.run();
    assert!(h.state().analysis.open);
    h.state_mut()
        .analysis
        .retrieval
        .codes
        .insert(CodeId::new("pc.8").unwrap());
    h.run();
    let hits = h.state().analysis.retrieval.hits.clone();
    assert_eq!(hits.len(), 5);
    let i = hits
        .iter()
        .position(|hit| hit.quote.contains("hacking-back"))
        .unwrap();
    h.get_by_label_contains("hacking-back").click();
    h.run();
    h.run();
    let app = h.state();
    assert_eq!(
        app.current_doc,
        Some(DocId::new("paris-call-2018_en").unwrap())
    );
    assert_eq!(app.view.selection(), Some(hits[i].span));
    assert_eq!(app.selected_annotation.as_ref(), Some(&hits[i].annotation));
    assert_eq!(app.analysis.retrieval.current, Some(i));

    h.key_press(Key::F8);
    h.run();
    let next = (i + 1) % hits.len();
    assert_eq!(h.state().analysis.retrieval.current, Some(next));
    assert_eq!(h.state().current_doc.as_ref(), Some(&hits[next].doc));
    assert_eq!(h.state().view.selection(), Some(hits[next].span));
    h.key_press_modifiers(Modifiers::SHIFT, Key::F8);
    h.run();
    assert_eq!(h.state().analysis.retrieval.current, Some(i));

    // The list exports to CSV through the picker.
    h.get_by_label("Export CSV…").click();
    h.run();
    let csv = std::fs::read_to_string(&target).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), hits.len());
    assert_eq!(&rows[i][4], hits[i].quote.as_str());
}

#[test]
fn principle_actor_table_equals_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let exported = dir.path().join("principle-actor.csv");
    let picker = ScriptedPicker {
        exports: vec![exported.clone()],
        ..ScriptedPicker::default()
    };
    let path = demo_copy(dir.path());
    let p = path.to_str().unwrap().to_owned();
    let mut h = demo_window(path, picker);
    open_tab(&mut h, Tab::Tables);
    for rule in [Rule::Same, Rule::Overlap] {
        h.state_mut().analysis.tables.rule = rule;
        h.run();
        let out = normcoder(&["matrix", &p, "--rule", rule.name(), "--json"]);
        let v: serde_json::Value = serde_json::from_str(&text(&out).0).unwrap();
        let cli: Vec<Vec<usize>> = serde_json::from_value(v["cells"].clone()).unwrap();
        let table = h.state().analysis.tables.shown().unwrap().clone();
        let gui: Vec<Vec<usize>> = table
            .rows
            .iter()
            .map(|r| r.iter().filter_map(Cell::count).collect())
            .collect();
        assert_eq!(gui, cli, "rule {}", rule.name());
        let cols: Vec<String> = serde_json::from_value(v["cols"].clone()).unwrap();
        assert_eq!(table.header[1..], cols[..]);
        assert!(
            h.query_by_label_contains(&format!("Rule `{}`", rule.name()))
                .is_some()
        );
        // Every non-zero count is drawn.
        for n in cli.iter().flatten().filter(|n| **n > 0) {
            assert!(h.query_all_by_label(&n.to_string()).next().is_some(), "{n}");
        }
    }
    h.get_by_label("Export CSV…").click();
    h.run();
    let cli_csv = text(&normcoder(&["matrix", &p, "--rule", "overlap", "--csv"])).0;
    assert_eq!(std::fs::read_to_string(&exported).unwrap(), cli_csv);
}

#[test]
fn autocode_from_the_window_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = demo_window(demo_copy(dir.path()), ScriptedPicker::default());
    let before = h.state().session.as_ref().unwrap().project().clone();
    open_tab(&mut h, Tab::Search);
    h.state_mut().analysis.search.pattern.text = "cybersecurite".to_owned();
    h.run();
    let hits = h.state().analysis.search.hits.len();
    assert!(hits > 0, "accent-insensitive by default");
    h.get_by_label("pc.6").click();
    h.run();
    let preview = {
        let app = h.state();
        app.analysis
            .search
            .preview(app.session.as_ref().unwrap().project(), false)
            .unwrap()
    };
    assert_eq!(preview.new.len() + preview.already, hits);
    assert!(!preview.new.is_empty());
    h.get_by_label_contains("Code all hits (").click();
    h.run();
    let after = h.state().session.as_ref().unwrap().project().clone();
    assert_eq!(
        after.annotation_count(),
        before.annotation_count() + preview.new.len()
    );
    let chloe = normcoder::model::CoderId::new("chloe-martin").unwrap();
    for a in after.annotations().filter(|a| a.coder() == &chloe) {
        let quote = normcoder::analysis::search::fold(
            after.quote(a),
            normcoder::analysis::search::SearchOptions::default(),
        );
        assert_eq!(quote.text(), "cybersecurite");
    }
    // Now every hit is coded: the preview says so.
    h.run();
    assert!(
        h.query_by_label_contains(&format!("0 new, {hits} already coded"))
            .is_some()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.as_ref().unwrap().project(), &before);
}

#[test]
fn every_chart_draws_and_exports_svg() {
    let dir = tempfile::tempdir().unwrap();
    let targets: Vec<PathBuf> = (0..3)
        .map(|i| dir.path().join(format!("c{i}.svg")))
        .collect();
    let picker = ScriptedPicker {
        exports: targets.clone(),
        ..ScriptedPicker::default()
    };
    let mut h = demo_window(demo_copy(dir.path()), picker);
    open_tab(&mut h, Tab::Charts);
    for (kind, target) in [
        normcoder::ui::analysis::ChartKind::Frequencies,
        normcoder::ui::analysis::ChartKind::HeatMap,
        normcoder::ui::analysis::ChartKind::Timeline,
    ]
    .into_iter()
    .zip(&targets)
    {
        h.state_mut().analysis.chart = kind;
        h.run();
        h.get_by_label("Export SVG…").click();
        h.run();
        let svg = std::fs::read_to_string(target).unwrap();
        assert!(svg.starts_with("<?xml") && svg.contains("<svg"), "{kind:?}");
    }
    let heat = std::fs::read_to_string(&targets[1]).unwrap();
    assert!(heat.contains("actor.company") && heat.contains("pc.8"));
}

#[test]
fn retrieval_filters_by_kind_date_language_and_attribute() {
    use normcoder::analysis::query::{CONTEXT_CHARS, Query};
    use normcoder::model::{DocDate, DocKind};

    let dir = tempfile::tempdir().unwrap();
    let mut h = demo_window(demo_copy(dir.path()), ScriptedPicker::default());
    open_tab(&mut h, Tab::Retrieval);
    h.run();
    let all = h.state().analysis.retrieval.hits.len();
    assert!(all > 0);
    let run = |h: &Harness<'static, NormcoderApp>, q: Query| {
        q.run(h.state().session.as_ref().unwrap().project(), CONTEXT_CHARS)
    };

    // Kind, chosen in its combo box.
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Kind")
        .click();
    h.run();
    h.get_by_label("question").click();
    h.run();
    let questions = h.state().analysis.retrieval.hits.clone();
    let expected = run(
        &h,
        Query {
            kind: Some(DocKind::Question),
            ..Query::default()
        },
    );
    assert_eq!(questions, expected);
    assert!(!questions.is_empty() && questions.len() < all);
    assert!(
        questions
            .iter()
            .all(|hit| hit.doc.as_str().starts_with("an-qag"))
    );
    h.state_mut().analysis.retrieval.kind = None;

    // Date range, typed; an invalid date is flagged and ignored.
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Dated from")
        .click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Dated from")
        .type_text("2018-11-13");
    h.run();
    let from_13 = run(
        &h,
        Query {
            date_from: Some(DocDate::parse("2018-11-13").unwrap()),
            ..Query::default()
        },
    );
    assert_eq!(h.state().analysis.retrieval.hits, from_13);
    assert!(from_13.len() < all);
    h.state_mut().analysis.retrieval.date_from = "13/11/2018".to_owned();
    h.run();
    assert!(
        h.query_by_label_contains("not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            .is_some()
    );
    assert_eq!(h.state().analysis.retrieval.hits.len(), all);
    h.state_mut().analysis.retrieval.date_from.clear();

    // Language.
    h.state_mut().analysis.retrieval.language = Some("en".to_owned());
    h.run();
    let english = h.state().analysis.retrieval.hits.clone();
    assert!(!english.is_empty() && english.len() < all);
    assert!(
        english
            .iter()
            .all(|hit| hit.doc.as_str() == "paris-call-2018_en")
    );
    h.state_mut().analysis.retrieval.language = None;

    // An attribute with no value chosen filters nothing; with a value, only those documents.
    let project = h.state().session.as_ref().unwrap().project().clone();
    let (name, value) = project
        .documents()
        .find_map(|d| d.meta().attributes.iter().next())
        .map(|(k, v)| (k.clone(), v.clone()))
        .expect("the demo's documents have attributes");
    {
        h.state_mut().analysis.retrieval.attribute = Some(name.clone());
        h.run();
        assert_eq!(h.state().analysis.retrieval.hits.len(), all);
        h.state_mut().analysis.retrieval.attribute_value = value.clone();
        h.run();
        let expected = run(
            &h,
            Query {
                attributes: vec![(name, value)],
                ..Query::default()
            },
        );
        assert_eq!(h.state().analysis.retrieval.hits, expected);
        assert!(!expected.is_empty() && expected.len() < all);
    }
}

#[test]
fn corpus_search_without_a_code_says_so_once_beside_two_disabled_buttons() {
    use egui_kittest::kittest::NodeT as _;
    let dir = tempfile::tempdir().unwrap();
    let mut h = demo_window(demo_copy(dir.path()), ScriptedPicker::default());
    h.get_by_label("Analysis").click();
    h.run();
    h.get_by_label("Search the corpus").click();
    h.run();
    // Type the pattern as a person does.
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Pattern")
        .click();
    h.run();
    h.event(egui::Event::Text("cybersecurite".to_owned()));
    h.run();
    assert!(!h.state().analysis.search.hits.is_empty());
    assert_eq!(h.query_all_by_label("Tick at least one code.").count(), 1);
    for label in ["Code all hits", "Code ticked hits"] {
        let button = h.get_by_label(label);
        assert!(button.accesskit_node().is_disabled(), "{label} is disabled");
    }
}

#[test]
fn tables_open_on_a_rule_that_answers_show_labels_and_filter_by_coder() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_copy(dir.path());
    let p = path.to_str().unwrap().to_owned();
    let mut h = demo_window(path, ScriptedPicker::default());
    h.get_by_label("Analysis").click();
    h.run();
    h.get_by_label("Tables").click();
    h.run();
    // The principle × actor table starts on "same paragraph" and is not all zeros on the demo.
    assert_eq!(h.state().analysis.tables.rule, Rule::Paragraph);
    let counts = |h: &Harness<'static, NormcoderApp>| -> Vec<Vec<usize>> {
        h.state()
            .analysis
            .tables
            .shown()
            .unwrap()
            .rows
            .iter()
            .map(|r| r.iter().filter_map(Cell::count).collect())
            .collect()
    };
    let all = counts(&h);
    let out = normcoder(&["matrix", &p, "--rule", "paragraph", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&text(&out).0).unwrap();
    let cli: Vec<Vec<usize>> = serde_json::from_value(v["cells"].clone()).unwrap();
    assert_eq!(all, cli);
    assert!(all.iter().flatten().any(|&n| n > 0));
    h.get_by_label_contains("Rule `paragraph`");
    // Codes read by their labels (ids on hover).
    h.get_by_label("Protect individuals and infrastructure");
    h.get_by_label("State / government");
    // One coder's share, chosen with the coder list.
    h.get_by_label("Coder").click();
    h.run();
    h.get_by_label("alice").click();
    h.run();
    let alice = counts(&h);
    let total: usize = all.iter().flatten().sum();
    let alone: usize = alice.iter().flatten().sum();
    assert!(alone > 0 && alone < total, "alice {alone} of {total}");
}
