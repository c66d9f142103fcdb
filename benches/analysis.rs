//! Tables and corpus search over 50 documents / 5 M characters / 100,000 annotations (targets on
//! the 2-core reference machine: every table < 100 ms, a regex search < 200 ms).

use std::collections::BTreeSet;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use normcoder::analysis::autocode::Pattern;
use normcoder::analysis::cooccurrence::{Rule, cooccurrence};
use normcoder::analysis::matrix::{Measure, code_document, principle_actor};
use normcoder::analysis::query::{CONTEXT_CHARS, Query};
use normcoder::analysis::search::SearchOptions;
use normcoder::analysis::{counts, timeline};
use normcoder::model::CodeId;
use normcoder::store;

fn tables(c: &mut Criterion) {
    let codebook = store::builtin::codebook(&["paris-call-2018", "actors"]).expect("codebooks");
    let project = normcoder::testkit::synth::project(codebook, 50, 100_000, 100_000, 42)
        .expect("synthetic project");
    let chars: usize = project
        .documents()
        .map(normcoder::model::Document::char_len)
        .sum();
    eprintln!(
        "{} annotations, {chars} characters",
        project.annotation_count()
    );
    let all: Vec<CodeId> = project
        .codebook()
        .codes()
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let mut g = c.benchmark_group("analysis_100k");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    g.bench_function("frequencies_by_code", |b| {
        b.iter(|| counts::by_code(black_box(&project)));
    });
    g.bench_function("by_coder", |b| {
        b.iter(|| counts::by_coder(black_box(&project)));
    });
    g.bench_function("principle_actor_same", |b| {
        b.iter(|| principle_actor(black_box(&project), Rule::Same));
    });
    g.bench_function("principle_actor_overlap", |b| {
        b.iter(|| principle_actor(black_box(&project), Rule::Overlap));
    });
    g.bench_function("cooccurrence_paragraph", |b| {
        b.iter(|| cooccurrence(black_box(&project), &all, Rule::Paragraph));
    });
    g.bench_function("code_document_characters", |b| {
        b.iter(|| code_document(black_box(&project), &all, Measure::Characters));
    });
    g.bench_function("by_year", |b| {
        b.iter(|| timeline::by_attribute(black_box(&project), "year"));
    });
    let q = Query {
        codes: [CodeId::new("pc.8").expect("id")].into(),
        ..Query::default()
    };
    g.bench_function("retrieval_pc8", |b| {
        b.iter(|| q.run(black_box(&project), CONTEXT_CHARS));
    });
    let re = Pattern::regex(r"cyber-?ripostes?|s[ée]curit[ée]", SearchOptions::default());
    g.bench_function("regex_search_corpus", |b| {
        b.iter(|| {
            re.find_all(black_box(&project), &BTreeSet::new())
                .expect("regex")
        });
    });
    g.finish();
}

criterion_group!(benches, tables);
criterion_main!(benches);
