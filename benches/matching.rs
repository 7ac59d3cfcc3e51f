//! `mentorbook match` on a large pool: 1,000 mentees and 400 mentors with one to three places
//! each, profiles drawn from a fixed seed (tags, availability, languages, time zones, a few
//! exclusions and wishes), through [`mentorbook::matching::propose`]: the candidates, their scores
//! and the optimal assignment. Reading the files is what `bench/run.sh` times for a build.
//!
//! `cargo bench --bench matching` (about a minute). Numbers are recorded in bench/RESULTS.md,
//! never asserted.

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use mentorbook::matching::{Existing, Person, Pool, Weights, Zone, propose};

const TAGS: &[&str] = &[
    "surgery",
    "teaching",
    "research",
    "leadership",
    "client-communication",
    "practice-management",
    "wellbeing",
    "exotics",
    "equine",
    "dentistry",
    "anaesthesia",
    "emergency",
];
const MODES: &[&str] = &["in_person", "video", "phone"];
const TIMES: &[&str] = &[
    "weekday_mornings",
    "weekday_afternoons",
    "weekday_evenings",
    "weekends",
];
const ZONES: &[&str] = &[
    "Europe/London",
    "Europe/Madrid",
    "Europe/Athens",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Asia/Kolkata",
    "Australia/Sydney",
];

/// A small deterministic generator (xorshift), so that every run times the same pool.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn some(&mut self, from: &[&str], min: usize, max: usize) -> Vec<String> {
        let n = min + self.below(max - min + 1);
        let mut out: Vec<String> = Vec::new();
        while out.len() < n {
            let x = from[self.below(from.len())].to_owned();
            if !out.contains(&x) {
                out.push(x);
            }
        }
        out
    }
}

/// A pool of `mentees` and `mentors`, a tenth of the mentees already paired.
pub fn pool(mentees: usize, mentors: usize, seed: u64) -> Pool {
    let mut rng = Rng(seed | 1);
    let zones: Vec<Zone> = ZONES
        .iter()
        .map(|z| Zone::named(z).expect("a known zone"))
        .collect();
    let person = |id: String, rng: &mut Rng| {
        let mut languages = vec!["en".to_owned()];
        if rng.chance(25) {
            languages.push("es".to_owned());
        }
        if rng.chance(10) {
            languages = vec!["fr".to_owned()];
        }
        Person {
            name: format!("Person {id}"),
            id,
            interests: rng.some(TAGS, 1, 3),
            expertise: rng.some(TAGS, 2, 4),
            modes: rng.some(MODES, 1, 3),
            times: rng.some(TIMES, 1, 3),
            languages,
            time_zone: Some(zones[rng.below(zones.len())].clone()),
            exclusions: Vec::new(),
            wishes: Vec::new(),
            capacity: 1 + rng.below(3) as u32,
        }
    };
    let mut pool = Pool::default();
    for i in 0..mentors {
        pool.mentors
            .push(person(format!("mentor-{i:04}"), &mut rng));
    }
    for i in 0..mentees {
        let mut p = person(format!("mentee-{i:04}"), &mut rng);
        if rng.chance(30) {
            p.wishes = (0..1 + rng.below(3))
                .map(|_| format!("mentor-{:04}", rng.below(mentors)))
                .collect();
        }
        if rng.chance(3) {
            p.exclusions = vec![format!("mentor-{:04}", rng.below(mentors))];
        }
        if i % 10 == 0 {
            pool.pairs.push(Existing {
                mentor: format!("mentor-{:04}", rng.below(mentors)),
                mentee: p.id.clone(),
                open: true,
            });
        }
        pool.mentees.push(p);
    }
    pool
}

fn matching(c: &mut Criterion) {
    let mut group = c.benchmark_group("match");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(20));
    for (mentees, mentors) in [(100, 40), (1_000, 400)] {
        let pool = pool(mentees, mentors, 7);
        let outcome = propose(&pool, &Weights::default());
        eprintln!(
            "{mentees} mentees, {mentors} mentors: {} proposals, {} unmatched, {} points",
            outcome.proposals.len(),
            outcome.unmatched.len(),
            outcome.total
        );
        let id = BenchmarkId::new("propose", format!("{mentees}x{mentors}"));
        group.bench_with_input(id, &pool, |b, pool| {
            b.iter(|| propose(pool, &Weights::default()).total);
        });
    }
    group.finish();
}

criterion_group!(benches, matching);
criterion_main!(benches);
