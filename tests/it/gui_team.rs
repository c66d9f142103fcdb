//! The Team window driven headless: the agreement table equals the library and the command line,
//! the disagreement view steps through places and accepts a coder's coding into the consensus as
//! one undo step, the seminar tab reveals passages and saves its page, and File ▸ Merge coders'
//! projects… merges, opens and reports (or refuses clearly).

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use normcoder::analysis::agreement::{Options, Unit, compute};
use normcoder::edit::{Action, apply};
use normcoder::model::{CharSpan, CodeId, CoderId, Lang, Project};
use normcoder::store;
use normcoder::team::seminar::seminar;
use normcoder::ui::ScriptedPicker;
use normcoder::ui::app::NormcoderApp;
use normcoder::ui::command::{Command, UiCommand};
use normcoder::ui::i18n::EN;
use normcoder::ui::team::{Tab, TeamCommand, format_alpha, place_label};

use crate::common::{demo_copy, demo_window, normcoder, repo, text, wait_for_jobs};

fn open_tab(h: &mut Harness<'static, NormcoderApp>, tab: Tab) {
    h.state_mut().push(UiCommand::Team(TeamCommand::Open(tab)));
    h.run();
}

fn project(h: &Harness<'static, NormcoderApp>) -> Project {
    h.state()
        .session
        .as_ref()
        .expect("a project is open")
        .project()
        .clone()
}

fn coder(id: &str) -> CoderId {
    CoderId::new(id).expect("coder id")
}

/// A label with this exact text is on screen.
fn shown(h: &Harness<'static, NormcoderApp>, label: &str) -> bool {
    h.query_all_by_label(label).next().is_some()
}

#[test]
fn agreement_table_equals_the_library_and_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let exported = dir.path().join("agreement.csv");
    let picker = ScriptedPicker {
        exports: vec![exported.clone()],
        ..ScriptedPicker::default()
    };
    let path = demo_copy(dir.path());
    let p = path.to_str().unwrap().to_owned();
    let mut h = demo_window(path, picker);
    h.get_by_label("Team").click();
    h.run();
    h.get_by_label("Agreement").click();
    h.run();
    assert!(h.state().team.open);

    // The report shown is the library's with the same (default) options.
    let expected = compute(&project(&h), &Options::default()).unwrap();
    let report = h.state().team.agreement.shown().cloned().unwrap();
    assert_eq!(report, expected);
    assert_eq!(report.coders, vec![coder("alice"), coder("bruno")]);
    assert_eq!(report.characters, 4_898);

    // The command line says the same, number for number.
    let out = normcoder(&["agreement", &p, "--json", "--bootstrap", "0"]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    // serde_json reads floats to within one unit in the last place.
    let same = |cli: &serde_json::Value, ours: Option<f64>| match (cli.as_f64(), ours) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-12 * b.abs().max(1.0),
        (None, None) => cli.is_null(),
        _ => false,
    };
    assert!(same(&json["pooled"]["alpha"], report.pooled.alpha));
    assert_eq!(format_alpha(report.pooled.alpha, &EN), "0.551");
    assert_eq!(
        format_alpha(report.pooled.alpha, &normcoder::ui::i18n::FR),
        "0,551"
    );
    assert!(shown(&h, "0.551"));
    let per_code = json["per_code"].as_object().unwrap();
    assert_eq!(per_code.len(), report.per_code.len());
    for (code, m) in &report.per_code {
        let cli = &per_code[code.as_str()];
        assert!(same(&cli["alpha"], m.alpha), "alpha of {code}");
        assert!(same(&cli["alpha_u"], m.alpha_u), "alpha_u of {code}");
        assert_eq!(cli["units"].as_u64(), Some(m.units), "units of {code}");
        // …and the table shows it formatted the same way ("undefined", never 0).
        let cell = format_alpha(m.alpha, &EN);
        assert_eq!(format_alpha(cli["alpha"].as_f64(), &EN), cell, "{code}");
        assert!(shown(&h, &cell), "alpha {cell} of {code} is not on screen");
        assert!(shown(&h, code.as_str()), "row of {code}");
        assert!(shown(&h, &format_alpha(m.alpha_u, &EN)));
    }
    h.get_by_label_contains("units compared");
    h.get_by_label_contains("alice, bruno");

    // The bootstrap interval is computed on a worker thread and equals the command line's.
    h.get_by_label("Bootstrap 95 % interval for α").click();
    // The spinner repaints while the worker runs: step frames, not `run` (which waits to settle).
    h.step();
    assert!(
        h.state().team.agreement.busy(),
        "the interval is computed in the background"
    );
    for _ in 0..1000 {
        h.step();
        if !h.state().team.agreement.busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
    let with_ci = h.state().team.agreement.shown().cloned().unwrap();
    let ci = with_ci.pooled.alpha_ci95.expect("an interval");
    let out = normcoder(&["agreement", &p, "--json"]);
    let json: serde_json::Value = serde_json::from_str(&text(&out).0).unwrap();
    let cli_ci = &json["pooled"]["alpha_ci95"];
    assert!(same(&cli_ci[0], Some(ci[0])));
    assert!(same(&cli_ci[1], Some(ci[1])));
    assert!(shown(&h, &format!("{:.3} – {:.3}", ci[0], ci[1])));

    // The CSV export holds one row per code and the pooled row.
    h.get_by_label("Export CSV…").click();
    h.run();
    let csv = std::fs::read_to_string(&exported).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), with_ci.codes.len() + 1);
    let pooled = rows.last().unwrap();
    assert_eq!(&pooled[0], "(pooled)");
    assert_eq!(
        pooled[3].parse::<f64>().ok(),
        with_ci.pooled.alpha,
        "pooled alpha in the CSV"
    );

    // A sentence unit changes the report exactly as the library does.
    h.state_mut().team.agreement.unit = Unit::Sentence;
    h.state_mut().team.agreement.interval = false;
    h.run();
    let sentence = compute(
        &project(&h),
        &Options {
            unit: Unit::Sentence,
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(h.state().team.agreement.shown(), Some(&sentence));
}

#[test]
fn disagreement_view_steps_accepts_into_consensus_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = demo_window(demo_copy(dir.path()), ScriptedPicker::default());
    open_tab(&mut h, Tab::Disagreements);
    let places = h.state().team.disagreement.places.clone();
    assert!(places.len() >= 3, "{places:?}");
    assert_eq!(h.state().team.disagreement.current, None);

    // F9 / Shift+F9 and the buttons move through the places.
    h.key_press(Key::F9);
    h.run();
    assert_eq!(h.state().team.disagreement.current, Some(0));
    h.key_press(Key::F9);
    h.run();
    assert_eq!(h.state().team.disagreement.current, Some(1));
    h.key_press_modifiers(Modifiers::SHIFT, Key::F9);
    h.run();
    assert_eq!(h.state().team.disagreement.current, Some(0));
    h.get_by_label("Previous (Shift+F9)").click();
    h.run();
    assert_eq!(h.state().team.disagreement.current, Some(places.len() - 1));
    h.get_by_label("Next (F9)").click();
    h.run();
    assert_eq!(h.state().team.disagreement.current, Some(0));

    // Accepting alice's coding at a place she coded copies her annotations there.
    let before = store::to_ron_string(&project(&h)).unwrap();
    let i = places
        .iter()
        .position(|p| p.coded_by == vec![coder("alice")])
        .expect("a place only alice coded");
    let place = places[i].clone();
    h.state_mut().push(UiCommand::Team(TeamCommand::GoTo(i)));
    h.run();
    // The current place is shown above the buttons and selected in the list.
    let shown = project(&h);
    let doc_id = h
        .state()
        .team
        .disagreement
        .document(&shown)
        .expect("the document compared");
    let document = shown.document(&doc_id).expect("document");
    let label = place_label(i, &place, document, &EN);
    assert_eq!(h.query_all_by_label(&label).count(), 2);
    // The list says the words of the place, not offsets.
    let words = document
        .slice(CharSpan::new(place.start, place.end).expect("span"))
        .expect("slice");
    let first = words.split_whitespace().next().expect("a word");
    assert!(label.contains(first), "{label} lacks {first}");
    assert!(!label.contains(&format!("({}–{})", place.start, place.end)));
    let doc = h
        .state()
        .team
        .disagreement
        .document(&project(&h))
        .expect("a document");
    assert_eq!(doc.as_str(), "an-qag-1400-2018-11-15");
    let overlapping = |p: &Project, who: &str| {
        let mut v: Vec<(CharSpan, Vec<CodeId>)> = p
            .annotations_in(&doc)
            .filter(|a| a.coder().as_str() == who)
            .filter(|a| a.span().start() < place.end && place.start < a.span().end())
            .map(|a| (a.span(), a.codes().iter().cloned().collect()))
            .collect();
        v.sort();
        v
    };
    h.get_by_label("Accept the coding of alice").click();
    h.run();
    let after = project(&h);
    assert!(after.coder(&coder("consensus")).is_some());
    let alice = overlapping(&after, "alice");
    assert!(!alice.is_empty());
    assert_eq!(overlapping(&after, "consensus"), alice);
    // The consensus coder is not compared by default: the places stay the same.
    assert_eq!(h.state().team.disagreement.places, places);
    assert_eq!(h.state().team.disagreement.current, Some(i));

    // Accepting bruno's instead replaces the consensus there (bruno has nothing: it is cleared).
    h.get_by_label("Accept the coding of bruno").click();
    h.run();
    let after = project(&h);
    assert_eq!(
        overlapping(&after, "consensus"),
        overlapping(&after, "bruno")
    );

    // Each accept is one undo step: two undos restore the project exactly.
    h.state_mut().push(Command::Undo.into());
    h.run();
    assert_eq!(overlapping(&project(&h), "consensus"), alice);
    h.state_mut().push(Command::Undo.into());
    h.run();
    assert_eq!(store::to_ron_string(&project(&h)).unwrap(), before);

    // A compared coder cannot be the consensus: nothing is overwritten.
    h.state_mut().team.disagreement.consensus_id = "bruno".to_owned();
    h.state_mut().team.disagreement.coders = Some([coder("alice"), coder("bruno")].into());
    h.run();
    h.get_by_label("Accept the coding of alice").click();
    h.run();
    assert_eq!(store::to_ron_string(&project(&h)).unwrap(), before);
    assert_eq!(
        h.state().status.as_deref(),
        Some("The consensus coder cannot be one of the coders compared.")
    );
}

#[test]
fn seminar_tab_reveals_passages_and_saves_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("seminar.html");
    let picker = ScriptedPicker {
        exports: vec![page.clone()],
        ..ScriptedPicker::default()
    };
    let mut h = demo_window(demo_copy(dir.path()), picker);
    open_tab(&mut h, Tab::Seminar);
    let expected = seminar(&project(&h), &coder("alice"), None, Unit::Char, None).unwrap();
    assert_eq!(h.state().team.seminar.shown(), Some(&expected));
    let student = &expected.students[0];
    assert_eq!(student.student, coder("bruno"));
    h.get_by_label_contains("Student: bruno");
    let missed = student
        .missed
        .first()
        .expect("bruno missed a passage")
        .clone();
    let first_words: String = missed.quote.replace('\n', " ").chars().take(30).collect();
    h.query_all_by_label_contains(&first_words)
        .next()
        .expect("the passage is listed")
        .click();
    h.run();
    assert_eq!(h.state().current_doc.as_ref(), Some(&missed.doc));
    assert_eq!(
        h.state().view.selection(),
        Some(CharSpan::new(missed.start, missed.end).unwrap())
    );

    h.get_by_label("Save HTML report…").click();
    h.run();
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("bruno"));
}

/// The demo project with only `keep`'s annotations.
fn only(project: &Project, keep: &str) -> Project {
    let mut p = project.clone();
    let drop: Vec<Action> = p
        .annotations()
        .filter(|a| a.coder().as_str() != keep)
        .map(|a| Action::RemoveAnnotation { id: a.id().clone() })
        .collect();
    apply(&mut p, Action::Batch(drop)).expect("remove the other coders' annotations");
    p
}

#[test]
fn merge_menu_merges_opens_and_reports_or_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let demo = store::load(&repo("projects/paris-call-2018.ncp.ron"))
        .unwrap()
        .project;
    let a = dir.path().join("alice.ncp.ron");
    let b = dir.path().join("bruno.ncp.ron");
    store::save(&a, &only(&demo, "alice"), false).unwrap();
    store::save(&b, &only(&demo, "bruno"), false).unwrap();
    let out = dir.path().join("merged.ncp.ron");
    let out2 = dir.path().join("refused.ncp.ron");
    let out3 = dir.path().join("renamed.ncp.ron");
    let picker = ScriptedPicker {
        merge: vec![
            vec![a.clone(), b.clone()],
            vec![a.clone(), a.clone()],
            vec![a.clone(), a.clone()],
        ],
        save: vec![out.clone(), out2.clone(), out3.clone()],
        ..ScriptedPicker::default()
    };
    let mut h = demo_window(demo_copy(dir.path()), picker);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Merge coders’ projects…").click();
    h.step();
    wait_for_jobs(&mut h);
    let app = h.state();
    assert_eq!(
        app.session.as_ref().and_then(|s| s.path()),
        Some(out.as_path())
    );
    let merged = project(&h);
    assert_eq!(merged.annotation_count(), demo.annotation_count());
    assert_eq!(merged.documents().len(), demo.documents().len());
    let report = &h.state().team.merge.as_ref().unwrap().report;
    assert_eq!(report.files, vec![a.clone(), b.clone()]);
    assert!(report.documents_only_in.is_empty());
    h.get_by_label("Merge report");
    h.get_by_label_contains("Annotations per coder");
    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().team.merge.is_none());

    // The same coder in two files: a question, nothing written until it is answered.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Merge coders’ projects…").click();
    h.step();
    wait_for_jobs(&mut h);
    let clash = h
        .state()
        .team
        .merge_clash
        .clone()
        .expect("the clash is asked about");
    assert!(clash.message.contains("alice"), "{}", clash.message);
    assert!(!out2.exists());
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().team.merge_clash.is_none());
    assert!(!out2.exists());
    assert_eq!(
        h.state().session.as_ref().and_then(|s| s.path()),
        Some(out.as_path())
    );

    // Asked again, "Rename and merge" keeps both codings under two coders.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Merge coders’ projects…").click();
    h.step();
    wait_for_jobs(&mut h);
    h.get_by_label("Rename and merge").click();
    h.step();
    wait_for_jobs(&mut h);
    assert_eq!(
        h.state().session.as_ref().and_then(|s| s.path()),
        Some(out3.as_path())
    );
    let merged = project(&h);
    assert!(merged.coder(&coder("alice-2")).is_some());
    let alice = merged
        .annotations()
        .filter(|a| a.coder().as_str() == "alice")
        .count();
    let alice2 = merged
        .annotations()
        .filter(|a| a.coder().as_str() == "alice-2")
        .count();
    assert_eq!(alice, alice2);
    assert!(alice > 0);
    let report = &h.state().team.merge.as_ref().unwrap().report;
    assert_eq!(report.coders_renamed.len(), 1);
}

#[test]
fn three_coders_on_a_long_document_fleiss_and_lanes() {
    use normcoder::testkit::synth_team::{TeamShape, project as team_project};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.ncp.ron");
    let p = team_project(
        crate::common::codebook(),
        TeamShape {
            documents: 1,
            chars_per_doc: 300_000,
            coders: 3,
            codes: 8,
            passages: 40,
            seed: 11,
        },
    )
    .unwrap();
    store::save(&path, &p, false).unwrap();
    let mut h = demo_window(path, ScriptedPicker::default());
    open_tab(&mut h, Tab::Agreement);
    let report = h.state().team.agreement.shown().cloned().unwrap();
    assert_eq!(report.coders.len(), 3);
    assert!(shown(&h, "Fleiss κ"));
    assert!(shown(&h, &format_alpha(report.pooled.fleiss_kappa, &EN)));

    open_tab(&mut h, Tab::Disagreements);
    let places = h.state().team.disagreement.places.clone();
    assert!(!places.is_empty());
    let started = std::time::Instant::now();
    h.key_press(Key::F9);
    h.run();
    let first = started.elapsed();
    let started = std::time::Instant::now();
    for _ in 0..5 {
        h.key_press(Key::F9);
        h.run();
    }
    eprintln!(
        "long document: first step {first:?}, next five {:?}",
        started.elapsed()
    );
    assert_eq!(h.state().team.disagreement.current, Some(5));
}

#[test]
fn hovering_the_text_tells_each_coders_codes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = demo_window(demo_copy(dir.path()), ScriptedPicker::default());
    open_tab(&mut h, Tab::Disagreements);
    assert!(h.query_all_by_label("alice: –\nbruno: –").next().is_none());
    h.get_by_label("ASSEMBLÉE NATIONALE").hover();
    h.run();
    h.get_by_label("alice: –\nbruno: –");
}

#[test]
fn every_tab_draws_in_french_and_undefined_alpha_is_never_zero() {
    // alice and bruno both code the whole question pc.4: no variation, α undefined for pc.4.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("whole.ncp.ron");
    let mut p = store::load(&repo("projects/paris-call-2018.ncp.ron"))
        .unwrap()
        .project;
    let doc = normcoder::model::DocId::new("an-qag-1400-2018-11-15").unwrap();
    let len = p.document(&doc).unwrap().char_len();
    let whole: Vec<Action> = ["alice", "bruno"]
        .iter()
        .map(|who| {
            Action::AddAnnotation(
                normcoder::model::Annotation::new(
                    normcoder::model::AnnotationId::random(),
                    doc.clone(),
                    CharSpan::new(0, len).unwrap(),
                    [CodeId::new("pc.4").unwrap()].into(),
                    coder(who),
                    "",
                    chrono::Utc::now(),
                )
                .unwrap(),
            )
        })
        .collect();
    apply(&mut p, Action::Batch(whole)).unwrap();
    store::save(&path, &p, false).unwrap();
    let report = compute(&p, &Options::default()).unwrap();
    assert_eq!(report.per_code[&CodeId::new("pc.4").unwrap()].alpha, None);
    let mut h = demo_window(path, ScriptedPicker::default());
    h.state_mut().prefs.lang = Lang::Fr;
    h.run();
    h.get_by_label("Équipe").click();
    h.run();
    h.get_by_label("Accord").click();
    h.run();
    assert!(h.query_all_by_label("indéfini").count() >= 1);
    h.get_by_label_contains("Mesuré\u{a0}: unité caractère");
    h.get_by_label("Désaccords").click();
    h.run();
    h.key_press(Key::F9);
    h.run();
    h.get_by_label("Accepter le codage de alice");
    h.get_by_label("Séminaire").click();
    h.run();
    h.get_by_label_contains("Étudiant\u{a0}: bruno");
    assert!(h.query_all_by_label_contains("«\u{a0}").count() > 1);
}
