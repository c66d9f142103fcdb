//! Load and save of a project with 100,000 annotations over 50 documents (design budget: < 500 ms
//! each on the 2-core reference machine).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use normcoder::store;

fn big_project() -> normcoder::model::Project {
    let codebook = store::builtin::codebook(&["paris-call-2018", "actors"]).expect("codebooks");
    normcoder::testkit::synth::project(codebook, 50, 20_000, 100_000, 42)
        .expect("synthetic project")
}

fn load_and_save(c: &mut Criterion) {
    let project = big_project();
    assert_eq!(project.annotation_count(), 100_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.ncp.ron");
    store::save(&path, &project, false).expect("save");
    let bytes = std::fs::metadata(&path).expect("size").len();
    eprintln!("project file: {:.1} MB", bytes as f64 / 1e6);

    let mut group = c.benchmark_group("project_100k_annotations");
    group.sample_size(10);
    group.bench_function("serialize", |b| {
        b.iter(|| store::to_ron_string(black_box(&project)).expect("ron"));
    });
    group.bench_function("save_atomic", |b| {
        b.iter(|| store::save(black_box(&path), black_box(&project), false).expect("save"));
    });
    group.bench_function("load_and_validate", |b| {
        // Freeing the loaded project is not part of opening it.
        b.iter_with_large_drop(|| store::load(black_box(&path)).expect("load"));
    });
    group.finish();
}

criterion_group!(benches, load_and_save);
criterion_main!(benches);
