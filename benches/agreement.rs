//! Agreement for 10 coders over 1,000,000 characters and 20 codes: α at the character unit
//! (every measure of the report, without bootstrap) and αu. Budget: < 1 s.

use criterion::{Criterion, criterion_group, criterion_main};
use normcoder::analysis::agreement::{self, Options};
use normcoder::synth_team::{self, TeamShape};

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
    let mut group = c.benchmark_group("agreement");
    group.sample_size(10);
    group.measurement_time(std::time::Duration::from_secs(10));
    group.bench_function(
        "10 coders, 1M chars, 20 codes: alpha, alpha_u, kappa, percent",
        |b| {
            b.iter(|| agreement::compute(&project, &Options::default()).expect("report"));
        },
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
