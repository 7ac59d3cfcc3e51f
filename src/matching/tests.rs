//! Matching on pools written in the tests: one where the best assignment is known by
//! construction, properties over random pools (no hard rule broken, never worse than greedy,
//! reasons adding up, the best possible on small pools), and determinism.

use std::collections::{HashMap, HashSet};

use proptest::prelude::*;

use super::score::{PairedSet, judge};
use super::*;

fn person(id: &str) -> Person {
    Person {
        id: id.to_owned(),
        name: format!("Name of {id}"),
        capacity: 1,
        ..Person::default()
    }
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

/// Groups of two mentees and two mentors where the first mentee's best mentor (their first wish)
/// is the only one the second mentee can talk to: taking each mentee's best in turn leaves the
/// second unmatched (10 points a group), the whole pool pairs both (5 + 8 = 13).
fn trap(groups: usize) -> Pool {
    let mut pool = Pool::default();
    for k in 0..groups {
        let (a, b) = (format!("a{k}"), format!("b{k}"));
        let mut m0 = person(&format!("mentee-{k:03}-0"));
        m0.interests = vec![format!("x{k}")];
        m0.languages = vec![a.clone(), b.clone()];
        m0.wishes = vec![format!("mentor-{k:03}-1")];
        let mut m1 = person(&format!("mentee-{k:03}-1"));
        m1.interests = vec![format!("y{k}"), format!("z{k}")];
        m1.languages = vec![b.clone()];
        let mut t0 = person(&format!("mentor-{k:03}-0"));
        t0.expertise = vec![format!("x{k}")];
        t0.languages = vec![a];
        let mut t1 = person(&format!("mentor-{k:03}-1"));
        t1.expertise = vec![format!("y{k}"), format!("z{k}")];
        t1.languages = vec![b];
        pool.mentees.extend([m0, m1]);
        pool.mentors.extend([t0, t1]);
    }
    pool
}

#[test]
fn the_best_assignment_known_by_construction_is_found() {
    let groups = 25;
    let pool = trap(groups);
    let out = propose(&pool, &Weights::default());
    assert_eq!(out.proposals.len(), 2 * groups);
    assert!(out.unmatched.is_empty(), "{:?}", out.unmatched);
    for p in &out.proposals {
        let suffix = |id: &str| {
            id.trim_start_matches("mentee-")
                .trim_start_matches("mentor-")
                .to_owned()
        };
        assert_eq!(suffix(&p.mentee.id), suffix(&p.mentor.id), "{p:?}");
    }
    assert_eq!(out.total, 13 * groups as u64);
    assert_eq!(greedy(&pool, &Weights::default()), 10 * groups as u64);
}

#[test]
fn an_explanation_adds_up_and_names_runners_up() {
    let out = propose(&trap(1), &Weights::default());
    let first = &out.proposals[0];
    assert_eq!(first.mentor.id, "mentor-000-0");
    let texts: Vec<(u32, &str)> = first
        .score
        .reasons
        .iter()
        .map(|r| (r.points, r.text.as_str()))
        .collect();
    assert_eq!(
        texts,
        vec![
            (
                3,
                "Name of mentor-000-0's expertise covers one of Name of mentee-000-0's interests: x0."
            ),
            (2, "Both speak a0."),
        ]
    );
    assert_eq!(first.runners_up.len(), 1);
    assert_eq!(first.runners_up[0].mentor.id, "mentor-000-1");
    assert_eq!(first.runners_up[0].score.points, 10);
}

#[test]
fn unmatched_mentees_say_why() {
    let mut pool = trap(1);
    // A mentee who speaks no language of any mentor, one who excludes everyone, and one with
    // nothing in common with anyone.
    let mut lone = person("lone");
    lone.languages = strings(&["zz"]);
    let mut picky = person("picky");
    picky.exclusions = pool.mentors.iter().map(|m| m.id.clone()).collect();
    let blank = person("blank");
    pool.mentees.extend([lone, picky, blank]);
    let out = propose(&pool, &Weights::default());
    let why: HashMap<&str, &str> = out
        .unmatched
        .iter()
        .map(|u| (u.mentee.id.as_str(), u.reason.as_str()))
        .collect();
    assert_eq!(
        why["lone"],
        "no mentor with room shares a language with them"
    );
    assert_eq!(
        why["picky"],
        "every mentor with room is excluded (an exclusion on either side)"
    );
    assert!(why["blank"].starts_with("no mentor with room has anything in common"));
    // Once the mentors are full, that is the reason.
    for (i, m) in pool.mentors.clone().iter().enumerate() {
        pool.pairs.push(Existing {
            mentor: m.id.clone(),
            mentee: format!("someone-{i}"),
            open: true,
        });
    }
    let out = propose(&pool, &Weights::default());
    assert!(out.proposals.is_empty());
    assert!(
        out.unmatched
            .iter()
            .all(|u| u.reason.starts_with("no mentor has room"))
    );
}

#[test]
fn a_mentee_beaten_to_their_only_mentor_is_told_so() {
    let mut pool = Pool::default();
    let mut t = person("mentor");
    t.expertise = strings(&["x"]);
    let mut a = person("a");
    a.interests = strings(&["x"]);
    a.wishes = strings(&["mentor"]);
    let mut b = person("b");
    b.interests = strings(&["x"]);
    pool.mentors.push(t);
    pool.mentees.extend([a, b]);
    let out = propose(&pool, &Weights::default());
    assert_eq!(out.proposals[0].mentee.id, "a");
    assert_eq!(
        out.unmatched[0].reason,
        "the mentors with room who fit them (Name of mentor) are proposed to other mentees, which scores more in all"
    );
}

#[test]
fn the_same_pool_in_any_order_gives_the_same_proposals() {
    let pool = trap(6);
    let once = propose(&pool, &Weights::default());
    let mut turned = pool.clone();
    turned.mentees.reverse();
    turned.mentors.rotate_left(3);
    assert_eq!(propose(&turned, &Weights::default()), once);
    assert_eq!(propose(&pool, &Weights::default()), once);
}

#[test]
fn time_zones_count_when_near_all_year() {
    let london = Zone::named("Europe/London").unwrap();
    let madrid = Zone::named("Europe/Madrid").unwrap();
    let new_york = Zone::named("America/New_York").unwrap();
    assert_eq!(london.distance(&madrid), 60);
    assert_eq!(london.distance(&new_york), 300);
    assert!(Zone::named("Mars/Olympus").is_none());
    let pool = Pool::default();
    let (mut a, mut b) = (person("a"), person("b"));
    a.time_zone = Some(london);
    b.time_zone = Some(madrid);
    let s = score::score(&pool, &Weights::default(), &a, &b);
    assert_eq!(s.points, 1);
    assert_eq!(
        s.reasons[0].text,
        "Their clocks are at most 1 hour apart (Europe/London and Europe/Madrid)."
    );
}

/// Each mentee in turn (by id) takes the best mentor left: what the optimum must never be below.
fn greedy(pool: &Pool, weights: &Weights) -> u64 {
    let paired: PairedSet<'_> = pool
        .pairs
        .iter()
        .map(|p| (p.mentor.as_str(), p.mentee.as_str()))
        .collect();
    let mut room = room_of(pool);
    let busy: HashSet<&str> = pool
        .pairs
        .iter()
        .filter(|p| p.open)
        .map(|p| p.mentee.as_str())
        .collect();
    let mut cells = Vec::new();
    for (i, e) in pool.mentees.iter().enumerate() {
        if busy.contains(e.id.as_str()) {
            continue;
        }
        for (j, m) in pool.mentors.iter().enumerate() {
            if let Ok(s) = judge(pool, &paired, weights, e, m) {
                cells.push((s.points, i, j));
            }
        }
    }
    cells.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut done = HashSet::new();
    let mut total = 0;
    for (points, i, j) in cells {
        if !done.contains(&i) && room[j] > 0 {
            done.insert(i);
            room[j] -= 1;
            total += u64::from(points);
        }
    }
    total
}

fn room_of(pool: &Pool) -> Vec<u32> {
    pool.mentors
        .iter()
        .map(|m| {
            let taken = pool
                .pairs
                .iter()
                .filter(|p| p.open && p.mentor == m.id)
                .count();
            m.capacity.saturating_sub(u32::try_from(taken).unwrap())
        })
        .collect()
}

/// The best total over every assignment, by trying them all (small pools only).
fn best(pool: &Pool, weights: &Weights) -> u64 {
    let paired: PairedSet<'_> = pool
        .pairs
        .iter()
        .map(|p| (p.mentor.as_str(), p.mentee.as_str()))
        .collect();
    let busy: HashSet<&str> = pool
        .pairs
        .iter()
        .filter(|p| p.open)
        .map(|p| p.mentee.as_str())
        .collect();
    let rows: Vec<Vec<(usize, u64)>> = pool
        .mentees
        .iter()
        .filter(|e| !busy.contains(e.id.as_str()))
        .map(|e| {
            pool.mentors
                .iter()
                .enumerate()
                .filter_map(|(j, m)| {
                    judge(pool, &paired, weights, e, m)
                        .ok()
                        .map(|s| (j, u64::from(s.points)))
                })
                .collect()
        })
        .collect();
    fn go(rows: &[Vec<(usize, u64)>], room: &mut [u32]) -> u64 {
        let Some((row, rest)) = rows.split_first() else {
            return 0;
        };
        let mut top = go(rest, room);
        for &(j, p) in row {
            if room[j] > 0 {
                room[j] -= 1;
                top = top.max(p + go(rest, room));
                room[j] += 1;
            }
        }
        top
    }
    go(&rows, &mut room_of(pool))
}

const TAGS: &[&str] = &["surgery", "teaching", "research", "leadership"];
const LANGS: &[&str] = &["en", "es", "fr"];
const MODES: &[&str] = &["video", "phone", "in_person"];
const ZONES: &[&str] = &[
    "Europe/London",
    "Europe/Madrid",
    "America/New_York",
    "Asia/Tokyo",
];

/// A random pool of people drawn from ids p0..p9 (so that some are both mentee and mentor).
fn pool_strategy(mentees: usize, mentors: usize) -> impl Strategy<Value = Pool> {
    let one = || {
        (
            proptest::sample::subsequence(TAGS, 0..3),
            proptest::sample::subsequence(TAGS, 0..3),
            proptest::sample::subsequence(LANGS, 0..2),
            proptest::sample::subsequence(MODES, 0..3),
            proptest::option::of(proptest::sample::select(ZONES)),
            proptest::collection::vec(0..10usize, 0..3),
            proptest::collection::vec(0..10usize, 0..3),
            0..4u32,
        )
            .prop_map(
                |(interests, expertise, languages, modes, zone, excl, wishes, capacity)| {
                    let ids = |v: Vec<usize>| v.into_iter().map(|i| format!("p{i}")).collect();
                    Person {
                        id: String::new(),
                        name: String::new(),
                        interests: strings(&interests),
                        expertise: strings(&expertise),
                        modes: strings(&modes),
                        times: Vec::new(),
                        languages: strings(&languages),
                        time_zone: zone.and_then(Zone::named),
                        exclusions: ids(excl),
                        wishes: ids(wishes),
                        capacity,
                    }
                },
            )
    };
    let ids = || proptest::sample::subsequence((0..10usize).collect::<Vec<_>>(), 0..=10);
    (
        ids(),
        ids(),
        proptest::collection::vec(one(), mentees),
        proptest::collection::vec(one(), mentors),
        proptest::collection::vec((0..10usize, 0..10usize, any::<bool>()), 0..4),
    )
        .prop_map(move |(ee, rr, mut ps, mut qs, pairs)| {
            let name = |p: &mut Person, i: usize| {
                p.id = format!("p{i}");
                p.name = format!("Person {i}");
            };
            let mentees = ee.into_iter().zip(ps.iter_mut()).map(|(i, p)| {
                name(p, i);
                p.clone()
            });
            let mentees: Vec<Person> = mentees.collect();
            let mentors: Vec<Person> = rr
                .into_iter()
                .zip(qs.iter_mut())
                .map(|(i, p)| {
                    name(p, i);
                    p.clone()
                })
                .collect();
            Pool {
                mentees,
                mentors,
                pairs: pairs
                    .into_iter()
                    .map(|(a, b, open)| Existing {
                        mentor: format!("p{a}"),
                        mentee: format!("p{b}"),
                        open,
                    })
                    .collect(),
                labels: Default::default(),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_proposal_breaks_a_hard_rule(pool in pool_strategy(6, 5)) {
        let weights = Weights::default();
        let out = propose(&pool, &weights);
        let find = |list: &[Person], id: &str| list.iter().find(|p| p.id == id).cloned().unwrap();
        let busy: HashSet<&str> =
            pool.pairs.iter().filter(|p| p.open).map(|p| p.mentee.as_str()).collect();
        let mut per_mentor: HashMap<&str, u32> = HashMap::new();
        let mut mentees = HashSet::new();
        for p in &out.proposals {
            let (e, m) = (find(&pool.mentees, &p.mentee.id), find(&pool.mentors, &p.mentor.id));
            prop_assert_ne!(&e.id, &m.id);
            prop_assert!(!e.exclusions.contains(&m.id) && !m.exclusions.contains(&e.id));
            prop_assert!(!pool.pairs.iter().any(|x| x.mentor == m.id && x.mentee == e.id));
            prop_assert!(!busy.contains(e.id.as_str()));
            prop_assert!(mentees.insert(e.id.clone()), "two proposals for {}", e.id);
            *per_mentor.entry(p.mentor.id.as_str()).or_default() += 1;
            let sum: u32 = p.score.reasons.iter().map(|r| r.points).sum();
            prop_assert_eq!(sum, p.score.points);
            for c in &p.runners_up {
                let sum: u32 = c.score.reasons.iter().map(|r| r.points).sum();
                prop_assert_eq!(sum, c.score.points);
            }
        }
        let room = room_of(&pool);
        for (j, m) in pool.mentors.iter().enumerate() {
            // A mentor listed twice (an id drawn twice) has the room of its first listing.
            if pool.mentors.iter().position(|x| x.id == m.id) == Some(j) {
                prop_assert!(per_mentor.get(m.id.as_str()).copied().unwrap_or(0) <= room[j]);
            }
        }
        let total: u64 = out.proposals.iter().map(|p| u64::from(p.score.points)).sum();
        prop_assert_eq!(total, out.total);
        prop_assert!(out.total >= greedy(&pool, &weights));
        prop_assert_eq!(out.total, best(&pool, &weights));
        prop_assert_eq!(out.proposals.len() + out.unmatched.len(), out.waiting);
        prop_assert_eq!(propose(&pool, &weights), out);
    }
}
