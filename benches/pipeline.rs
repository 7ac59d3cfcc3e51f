//! The library's pipeline, stage by stage, on a generated program of 1,000 pairs (set
//! `MENTORBOOK_BENCH_PAIRS` for another size):
//!
//! - `load_and_validate`: [`mentorbook::load_program`], reading, parsing and checking every file;
//! - `render_site`: [`render`] of every page, in memory, with the theme loaded once;
//! - `render_one_pair_site` and `render_no_pair_site`: the same program cut down to one pair and to
//!   none, rendered; the API renders whole sites only, so the cost of one pair's six pages (its overview, four phases and workbook) is the
//!   difference between the two (the rest is the home, guide, phase and index pages);
//! - `full_build`: load, theme, render and [`write_site`] into a folder, as `mentorbook build` does;
//! - `rebuild_after_editing_one_pair`: one pair file edited, then the full build again;
//! - `session_rebuild_after_editing_one_pair`: the same edit, rebuilt by a
//!   [`mentorbook::session::Session`] as `serve` and `watch` do (only the changed file read, only
//!   that pair's pages rendered, only changed files written).
//!
//! `cargo bench --bench pipeline` (a few minutes). Files go to a temporary folder in /dev/shm when
//! it exists (`MENTORBOOK_BENCH_DIR` to choose another). The generator is `bench/generator/`, shared with
//! `cargo run --example generate`. Numbers are recorded in bench/RESULTS.md, never asserted.

#[path = "../bench/generator/mod.rs"]
mod generator;

use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use mentorbook::book::Book;
use mentorbook::model::Program;
use mentorbook::output::write_site;
use mentorbook::render::{Options, Theme, render};

/// Load, theme, render and write: what `mentorbook build` does. Returns the page count.
fn build(root: &Path, dest: &Path) -> usize {
    let (program, problems) = mentorbook::load_program(root);
    let program = program.unwrap_or_else(|| panic!("the program has errors: {problems:?}"));
    let mut theme = Theme::load(&program.config).expect("the default theme loads");
    let public = Options::default();
    let site = render(&program, &mut theme, &public).expect("the site renders");
    write_site(root, &mentorbook::output::Target::public(dest), &site)
        .expect("the site is written");
    site.pages.len()
}

/// The program with only `pairs` of its pairs.
fn cut_down(book: &Book, pairs: &[usize]) -> Book {
    let program = Program::new(
        book.info.clone(),
        book.people.clone(),
        pairs.iter().map(|&i| book.pairs[i].clone()).collect(),
        book.phases.clone(),
        book.chapters.clone(),
    );
    Book {
        config: book.config.clone(),
        program,
    }
}

fn pipeline(c: &mut Criterion) {
    let pairs = std::env::var("MENTORBOOK_BENCH_PAIRS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    // On tmpfs when there is one, as bench/run.sh, so that disk writes do not drown the numbers.
    let base = std::env::var_os("MENTORBOOK_BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            let shm = Path::new("/dev/shm");
            if shm.is_dir() {
                shm.to_path_buf()
            } else {
                std::env::temp_dir()
            }
        });
    let tmp = tempfile::Builder::new()
        .prefix("mentorbook-bench-")
        .tempdir_in(&base)
        .expect("a temporary folder");
    let root = tmp.path().join("program");
    let dest = tmp.path().join("site");
    let world = generator::World::generate(&generator::Options::new(pairs))
        .expect("the bundled phases and guide load");
    generator::yaml::write_program(&world, &root, true).expect("the program is written");

    let (program, problems) = mentorbook::load_program(&root);
    let program = program.unwrap_or_else(|| panic!("the program has errors: {problems:?}"));
    let mut theme = Theme::load(&program.config).expect("the default theme loads");
    // The public site, without PDF files: what `mentorbook build` renders.
    let public = Options::default();
    let pages = render(&program, &mut theme, &public)
        .expect("renders")
        .pages
        .len() as u64;

    let mut g = c.benchmark_group(format!("pipeline_{pairs}_pairs"));
    // Each iteration takes from milliseconds to seconds: few, flat samples keep the run short.
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));

    g.throughput(Throughput::Elements(pairs as u64));
    g.bench_function("load_and_validate", |b| {
        b.iter(|| mentorbook::load_program(&root))
    });

    g.throughput(Throughput::Elements(pages));
    g.bench_function("render_site", |b| {
        b.iter(|| render(&program, &mut theme, &public).expect("renders"))
    });

    let one = cut_down(&program, &[program.pairs.len() / 2]);
    let none = cut_down(&program, &[]);
    let fixed = render(&none, &mut theme, &public)
        .expect("renders")
        .pages
        .len() as u64;
    g.throughput(Throughput::Elements(fixed + 6));
    g.bench_function("render_one_pair_site", |b| {
        b.iter(|| render(&one, &mut theme, &public).expect("renders"))
    });
    g.throughput(Throughput::Elements(fixed));
    g.bench_function("render_no_pair_site", |b| {
        b.iter(|| render(&none, &mut theme, &public).expect("renders"))
    });

    g.throughput(Throughput::Elements(pages));
    g.bench_function("full_build", |b| b.iter(|| build(&root, &dest)));

    let pair = &world.pairs[world.pairs.len() / 2];
    let path = root.join(generator::yaml::pair_path(pair));
    let original = std::fs::read_to_string(&path).expect("the pair file");
    let edited = original.replacen(
        "    title: First meeting\n",
        "    title: First meeting (edited)\n",
        1,
    );
    assert_ne!(original, edited, "the edit changes the file");
    let mut flip = false;
    g.bench_function("rebuild_after_editing_one_pair", |b| {
        b.iter(|| {
            flip = !flip;
            std::fs::write(&path, if flip { &edited } else { &original }).expect("edit");
            build(&root, &dest)
        })
    });

    let served = tmp.path().join("served");
    let mut session = mentorbook::session::Session::new(&root, Some(&served));
    let first = session.rebuild();
    assert!(
        matches!(first, mentorbook::session::Outcome::Built(_)),
        "{first:?}"
    );
    g.throughput(Throughput::Elements(1));
    g.bench_function("session_rebuild_after_editing_one_pair", |b| {
        b.iter(|| {
            flip = !flip;
            std::fs::write(&path, if flip { &edited } else { &original }).expect("edit");
            match session.rebuild() {
                mentorbook::session::Outcome::Built(r) => r.rendered,
                other => panic!("{other:?}"),
            }
        })
    });
    g.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
