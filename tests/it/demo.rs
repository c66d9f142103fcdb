//! The demo project: real documents, real coding, reproducible from the corpus.

use normcoder::model::CoderId;
use normcoder::store;

use crate::common::{data, normcoder, repo, text};

const DEMO: &str = "projects/paris-call-2018.ncp.ron";

#[test]
fn the_demo_project_loads_with_two_coders_on_the_question() {
    let project = store::load(&repo(DEMO)).expect("demo loads").project;
    assert_eq!(project.documents().len(), 4);
    assert!(project.codebook().codes().len() >= 9 + 4);
    assert!(
        project.annotation_count() >= 40,
        "{}",
        project.annotation_count()
    );
    assert_eq!(project.coders().len(), 2);
    let question = normcoder::model::DocId::new("an-qag-1400-2018-11-15").expect("id");
    for coder in ["alice", "bruno"] {
        let id = CoderId::new(coder).expect("id");
        let n = project
            .annotations_in(&question)
            .filter(|a| a.coder() == &id)
            .count();
        assert!(
            n >= 8,
            "{coder} coded the question independently ({n} annotations)"
        );
    }
    let with_memo = project
        .annotations()
        .filter(|a| !a.memo().is_empty())
        .count();
    assert!(with_memo >= 5, "memos: {with_memo}");
    let overlapping = project.annotations().any(|a| {
        project
            .annotations_in(a.doc())
            .any(|b| b.id() != a.id() && b.coder() == a.coder() && b.span().overlaps(a.span()))
    });
    assert!(overlapping, "some annotations of the same coder overlap");
}

#[test]
fn the_demo_project_is_in_canonical_form() {
    let out = normcoder(&["fmt", "--check", repo(DEMO).to_str().expect("utf-8")]);
    assert!(out.status.success(), "{:?}", text(&out));
}

#[test]
fn the_demo_project_is_rebuilt_byte_for_byte_from_the_corpus() {
    let spec = std::fs::read_to_string(repo("projects/demo-annotations.ron")).expect("spec");
    let project = normcoder::testkit::demo::build(&data("corpus"), &spec).expect("build");
    let rebuilt = store::to_ron_string(&project).expect("ron");
    let committed = std::fs::read_to_string(repo(DEMO)).expect("demo");
    assert!(
        rebuilt == committed,
        "run `cargo run --example build_demo` and commit the result"
    );
}

#[test]
fn corpus_fixtures_equal_the_shared_originals() {
    let shared = repo("../shared/corpus");
    if !shared.is_dir() {
        return; // Outside this workplace the fixtures stand alone.
    }
    for file in normcoder::testkit::demo::CORPUS_FILES {
        let a = std::fs::read(shared.join(file)).expect("shared");
        let b = std::fs::read(data("corpus").join(file)).expect("fixture");
        assert!(a == b, "{file} differs from ../shared/corpus");
    }
}
