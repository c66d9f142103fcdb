//! Agreement for 10 coders over 1,000,000 characters and 20 codes (budget: < 1 s): α alone and
//! αu alone at the character unit (each from the coders' annotations, coverage included), the
//! full report (α, αu, κ, percent both ways, per code and pooled), the report at the sentence
//! unit, and the report with a 1,000-replicate bootstrap interval.

use criterion::{Criterion, criterion_group, criterion_main};
use normcoder::analysis::agreement::binary::PatternTable;
use normcoder::analysis::agreement::coverage::DocCoverage;
use normcoder::analysis::agreement::report::resolve;
use normcoder::analysis::agreement::unitized::{self, Continuum, Disagreements};
use normcoder::analysis::agreement::{self, BootstrapOptions, Options, Selection, Unit};
use normcoder::model::Project;
use normcoder::testkit::synth_team::{self, TeamShape};

/// Pooled α at the character unit, from the annotations: coverage, runs, pattern table.
fn alpha_only(project: &Project) -> Option<f64> {
    let r = resolve(project, &Selection::default()).expect("selection");
    let mut table = PatternTable::new(r.coders.len());
    for id in &r.documents {
        let doc = project.document(id).expect("document");
        let coverage = DocCoverage::new(project, doc, &r.coders, &r.codes);
        for c in 0..r.codes.len() {
            for run in coverage.runs(c) {
                table.add(run.pattern, run.len as u64);
            }
        }
    }
    table.alpha()
}

/// Pooled αu, from the annotations: coverage, one continuum per document and code.
fn alpha_u_only(project: &Project) -> Option<f64> {
    let r = resolve(project, &Selection::default()).expect("selection");
    let mut continua: Vec<Vec<Continuum>> = vec![Vec::new(); r.codes.len()];
    for id in &r.documents {
        let doc = project.document(id).expect("document");
        let coverage = DocCoverage::new(project, doc, &r.coders, &r.codes);
        for (c, per_code) in continua.iter_mut().enumerate() {
            per_code.push(Continuum {
                len: doc.char_len(),
                units: coverage.ranges[c].clone(),
            });
        }
    }
    continua
        .iter()
        .map(|c| unitized::disagreements(c, r.coders.len()))
        .fold(Disagreements::default(), Disagreements::plus)
        .alpha()
}

fn bench(c: &mut Criterion) {
    let codebook =
        normcoder::store::builtin::codebook(&["paris-call-2018", "actors", "un-gge-2015"])
            .expect("built-in codebooks");
    let project = synth_team::project(
        codebook,
        TeamShape {
            documents: 10,
            chars_per_doc: 100_000,
            coders: 10,
            codes: 20,
            passages: 10,
            seed: 42,
        },
    )
    .expect("synthetic project");
    let report = agreement::compute(&project, &Options::default()).expect("report");
    eprintln!(
        "shape: {} coders, {} documents, {} characters, {} codes, {} annotations; pooled α {:?}, αu {:?}",
        report.coders.len(),
        report.documents.len(),
        report.characters,
        report.codes.len(),
        project.annotation_count(),
        report.pooled.alpha,
        report.pooled.alpha_u,
    );
    assert_eq!(alpha_only(&project), report.pooled.alpha);
    assert_eq!(alpha_u_only(&project), report.pooled.alpha_u);

    let mut group = c.benchmark_group("agreement");
    group.sample_size(10);
    group.measurement_time(std::time::Duration::from_secs(10));
    group.bench_function("alpha, char unit, pooled", |b| {
        b.iter(|| alpha_only(&project));
    });
    group.bench_function("alpha_u, pooled", |b| {
        b.iter(|| alpha_u_only(&project));
    });
    group.bench_function(
        "report, char unit: alpha, alpha_u, kappa, percent per code and pooled",
        |b| {
            b.iter(|| agreement::compute(&project, &Options::default()).expect("report"));
        },
    );
    let sentence = Options {
        unit: Unit::Sentence,
        ..Options::default()
    };
    group.bench_function("report, sentence unit", |b| {
        b.iter(|| agreement::compute(&project, &sentence).expect("report"));
    });
    let bootstrap = Options {
        bootstrap: Some(BootstrapOptions::default()),
        ..Options::default()
    };
    group.bench_function("report, char unit, 1000-replicate bootstrap", |b| {
        b.iter(|| agreement::compute(&project, &bootstrap).expect("report"));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
