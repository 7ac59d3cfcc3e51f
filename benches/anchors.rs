//! Heading anchors of a long chapter: `## Question` written 250, 2,500 and 25,000 times, rendered
//! by [`mentorbook::markdown::to_html`], which gives each heading its unique anchor (the search
//! index's sections get theirs from the same function).
//! Time per heading should stay flat as the count grows tenfold: anchors were once made by
//! rescanning every earlier one, which took 13.6 s to build a chapter of 2,500.
//!
//! `cargo bench --bench anchors` (under a minute). The whole build, with the release binary, is
//! timed by `bench/anchors.sh`. Numbers are recorded in bench/RESULTS.md, never asserted.

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// A chapter body of `n` identical headings, each with a line of text.
fn chapter(n: usize) -> String {
    "## Question\n\nWhat did you learn this week?\n\n".repeat(n)
}

fn anchors(c: &mut Criterion) {
    let mut group = c.benchmark_group("identical_headings");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for n in [250, 2_500, 25_000] {
        let body = chapter(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("to_html", n), &body, |b, body| {
            b.iter(|| mentorbook::markdown::to_html(body, &mut Vec::new(), None).len());
        });
    }
    group.finish();
}

criterion_group!(benches, anchors);
criterion_main!(benches);
