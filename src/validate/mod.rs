//! Cross-file checks: references between files, duplicate ids, dates in order. Turns what
//! [`crate::load`] read into a [`Program`], reporting every problem rather than the first.
//!
//! `pair` checks each pair file's references; `profile` the people's profiles; `rules` holds the warnings about a pair's dates and
//! progress and about the program as a whole; `lint` reviews SMART goals; `publishing` (run by
//! `check` alone) how the folder is kept in git.

mod ahead;
mod lint;
mod pair;
mod profile;
mod publishing;
mod rules;

pub use publishing::publishing;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::book::Book;
use crate::diagnostic::{Code, Problem, Problems, Span};
use crate::load::{Loaded, LoadedPair};
use crate::model::pair::{PairFile, PhaseCount};
use crate::model::{
    ItemId, Located, Pair, PairId, Person, PersonId, Phase, PhaseId, Program, Role,
};

/// The longest relationship a program may default to, in months.
const MAX_MONTHS: u32 = 240;

/// Checks everything that spans files. Returns the program when it is complete enough to render
/// (it may still have problems: the caller decides by their severity).
pub fn validate(loaded: Loaded, problems: &mut Problems) -> Option<Book> {
    validate_with(loaded, problems, None)
}

/// The checks of each pair from the last [`validate_with`], for a session that checks the program
/// again after each edit: a pair whose file did not change is not checked again. A pair's checks
/// read its own file and the people, the phases, `program.yaml` and today's date; after a change to
/// any of those but a pair's file, [`Memo::forget`] it.
///
/// It also keeps what [`recheck_pairs`] needs to give every problem of the program after an edit to
/// pair files alone, without looking at the rest again.
#[derive(Debug, Default)]
pub struct Memo {
    /// The day the checks were made on (some depend on it); `None` when there are none to trust.
    valid_on: Option<crate::model::Date>,
    pairs: HashMap<PairId, Checked>,
    /// The problems found outside the pairs' own checks and their overlaps: loading, people,
    /// phases, `program.yaml`, guide links.
    others: Vec<Problem>,
    /// The warnings about a mentee in two pairs at once, by mentee.
    overlaps: BTreeMap<PersonId, Vec<Problem>>,
    /// Whether every people file loaded.
    people_complete: bool,
    /// Where the people are written, for hints.
    people_files: Arc<PeopleFiles>,
}

impl Memo {
    /// Forgets every pair's checks: the next run checks every pair.
    pub fn forget(&mut self) {
        *self = Memo::default();
    }

    /// Whether [`recheck_pairs`] can use these checks today.
    pub fn serves_today(&self) -> bool {
        self.valid_on == Some(crate::model::Date::today())
    }

    /// A memo of checks made before (by a build whose checks read the same people, phases,
    /// `program.yaml` and day): [`validate_with`] takes each pair's as they are when the pair is
    /// `file` itself (the same `Arc`) at `source`. Only for [`validate_with`]: [`recheck_pairs`]
    /// needs a memo that a whole check filled.
    pub fn reusing(today: crate::model::Date, pairs: Vec<PastChecks>) -> Memo {
        let pairs = pairs
            .into_iter()
            .map(|c| {
                let pair = c.derived.map(|d| Pair {
                    id: c.id.clone(),
                    source: c.source.clone(),
                    file: Arc::clone(&c.file),
                    end: d.end,
                    phase: d.phase,
                    counts: d.counts,
                });
                let checked = Checked {
                    data: c.file,
                    source: c.source,
                    problems: c.problems,
                    pair,
                };
                (c.id, checked)
            })
            .collect();
        Memo {
            valid_on: Some(today),
            pairs,
            ..Memo::default()
        }
    }

    /// Each pair's checks, as the last [`validate_with`] left them, in no order: what a build keeps
    /// for the next one.
    pub fn pairs(&self) -> impl Iterator<Item = PastChecksRef<'_>> {
        self.pairs.iter().map(|(id, c)| PastChecksRef {
            id,
            file: &c.data,
            source: &c.source,
            problems: &c.problems,
            derived: c.pair.as_ref().map(|p| Derived {
                end: p.end,
                phase: p.phase,
                counts: p.counts,
            }),
        })
    }
}

/// What checking a pair derived from its file, besides problems.
#[derive(Debug, Clone, Copy)]
pub struct Derived {
    /// The planned end, given or derived.
    pub end: crate::model::Date,
    /// The current phase, given or derived.
    pub phase: PhaseId,
    /// Items done and in total, per phase.
    pub counts: [PhaseCount; 4],
}

/// One pair's checks, made by an earlier run: see [`Memo::reusing`].
#[derive(Debug)]
pub struct PastChecks {
    /// The pair.
    pub id: PairId,
    /// Its file, as the load gives it.
    pub file: Arc<PairFile>,
    /// Where the file is, relative to the program folder.
    pub source: PathBuf,
    /// The problems its checks found.
    pub problems: Vec<Problem>,
    /// What they derived, unless `program.yaml` or a phase file had failed to load.
    pub derived: Option<Derived>,
}

/// One pair's checks as a [`Memo`] holds them: see [`Memo::pairs`].
#[derive(Debug)]
pub struct PastChecksRef<'a> {
    /// The pair.
    pub id: &'a PairId,
    /// Its file.
    pub file: &'a Arc<PairFile>,
    /// Where the file is.
    pub source: &'a Path,
    /// The problems its checks found.
    pub problems: &'a [Problem],
    /// What they derived.
    pub derived: Option<Derived>,
}

/// Everyone, sorted by id with no two alike: a person is found by a binary search, with no map to
/// build for tens of thousands of people.
#[derive(Clone, Copy)]
pub(crate) struct People<'a>(&'a [Person]);

impl<'a> People<'a> {
    fn get(self, id: &PersonId) -> Option<&'a Person> {
        let i = self.0.binary_search_by(|p| p.id.value.cmp(id)).ok()?;
        Some(&self.0[i])
    }

    fn ids(self) -> impl Iterator<Item = &'a str> {
        self.0.iter().map(|p| p.id.value.as_str())
    }
}

/// One pair's checks, as a [`Memo`] keeps them.
#[derive(Debug, Clone)]
struct Checked {
    /// The file checked (compared by identity: the loader's cache shares one parse).
    data: Arc<PairFile>,
    source: PathBuf,
    problems: Vec<Problem>,
    /// The pair, unless `program.yaml` or a phase file failed to load.
    pair: Option<Pair>,
}

/// What every pair's checks read besides the pair's own file.
struct Shared<'a> {
    known: People<'a>,
    info: Option<&'a crate::model::ProgramInfo>,
    phases: Option<&'a [Phase]>,
    today: crate::model::Date,
}

/// [`validate`], keeping each pair's checks in `memo` and reusing those of the pairs that did not
/// change since the memo's last run.
pub fn validate_with(
    loaded: Loaded,
    problems: &mut Problems,
    mut memo: Option<&mut Memo>,
) -> Option<Book> {
    let Loaded {
        config,
        info,
        people,
        pairs,
        phases,
        mut chapters,
        sources,
        people_complete,
    } = loaded;
    let people_files = Arc::new(PeopleFiles::of(&people));
    let ctx = Ctx {
        sources: &sources,
        people_complete,
        people_files: &people_files,
    };

    let people = ctx.people(people, problems);
    let known = People(&people);

    let phases = ctx.phases(phases, problems);
    if let Some(info) = &info {
        let length = &info.default_length_months;
        if !(1..=MAX_MONTHS).contains(&length.value) {
            let p = Problem::error(
                Code::OutOfRange,
                ctx.at(Path::new("content/program.yaml"), length),
                format!("a relationship of {} months is out of range", length.value),
            )
            .hint(format!(
                "write a number of months from 1 to {MAX_MONTHS}, such as 12"
            ));
            ctx.report(problems, p);
        }
        for c in &info.coordinators {
            ctx.person_ref(
                Path::new("content/program.yaml"),
                c,
                known,
                Some(Role::Coordinator),
                problems,
            );
        }
    }

    ctx.profiles(known, info.as_ref(), problems);

    chapters.sort_by(|a, b| {
        (a.front.order.unwrap_or(i64::MAX), &a.front.title, &a.id).cmp(&(
            b.front.order.unwrap_or(i64::MAX),
            &b.front.title,
            &b.id,
        ))
    });
    rules::guide_links(&ctx, &chapters, problems);
    // What a later recheck of some pairs gives again as it is.
    let others = memo.is_some().then(|| problems.clone().into_vec());

    // Pairs are checked even when program.yaml or a phase file failed, so one run shows everything.
    // Each pair on its own, in parallel; the problems are sorted when shown. A pair whose file is
    // the one the memo checked (the same parse, shared with the loader's cache) is not checked again.
    let today = crate::model::Date::today();
    // The memo's checks are taken out of it, each one reused moved rather than copied; it gets
    // the new ones below.
    let mut last = memo
        .as_deref_mut()
        .filter(|m| m.valid_on == Some(today))
        .map(|m| std::mem::take(&mut m.pairs))
        .unwrap_or_default();
    let shared = Shared {
        known,
        info: info.as_ref(),
        phases: phases.as_deref(),
        today,
    };
    let pairs: Vec<(LoadedPair, Option<Checked>)> = pairs
        .into_iter()
        .map(|pair| {
            let reuse = last
                .remove(&pair.id)
                .filter(|c| Arc::ptr_eq(&c.data, &pair.file) && c.source == pair.path);
            (pair, reuse)
        })
        .collect();
    let mut results: Vec<(PairId, Checked)> = pairs
        .into_par_iter()
        .map(
            |(
                LoadedPair {
                    id,
                    path: source,
                    file: data,
                },
                reuse,
            )| {
                let checked = match reuse {
                    Some(c) => c,
                    None => ctx.check_pair(&id, source, data, &shared),
                };
                (id, checked)
            },
        )
        .collect();
    let mut checked = Vec::with_capacity(results.len());
    match &memo {
        // The memo keeps the results: the program gets copies.
        Some(_) => {
            for (_, c) in &results {
                problems.extend(c.problems.iter().cloned());
                checked.extend(c.pair.clone());
            }
        }
        None => {
            for (_, c) in results.drain(..) {
                problems.extend(c.problems);
                checked.extend(c.pair);
            }
        }
    }
    checked.sort_by(|a, b| a.id.cmp(&b.id));
    let overlaps = rules::overlapping_mentees(&ctx, &checked);
    problems.extend(overlaps.values().flatten().cloned());
    if let Some(m) = memo {
        *m = Memo {
            valid_on: Some(today),
            pairs: results.into_iter().collect(),
            others: others.unwrap_or_default(),
            overlaps,
            people_complete,
            people_files: Arc::clone(&people_files),
        };
    }

    let program = Program::new(info?, people, checked, phases?, chapters);
    Some(Book { config, program })
}

/// Checks again, against `program`, the pairs whose files changed (`edits`: each pair's id, file
/// and new parse), and puts them in `program` in place of what they were; every other pair keeps
/// the checks `memo` holds of it. `program` must be the one the last [`validate_with`] with `memo`
/// made (or a recheck since), and [`Memo::serves_today`] true. Returns every problem of the
/// program, as [`validate_with`] would find them; `None`, with `program` and `memo` untouched, when
/// `program` has no pair of one of the ids or the memo cannot serve.
///
/// This is what keeps an edit to one pair quick in a program of ten thousand: nothing is visited
/// for each pair but the list of pairs, to find the same mentee's other pairs.
pub fn recheck_pairs(
    program: &mut Book,
    memo: &mut Memo,
    edits: Vec<LoadedPair>,
) -> Option<Problems> {
    let today = crate::model::Date::today();
    if memo.valid_on != Some(today) {
        return None;
    }
    // A pair that became a proposal leaves the program's pairs: a whole check sets it apart.
    // (A proposal's own file is not among `program.pairs`, so an edit to one is not found below.)
    if edits
        .iter()
        .any(|e| e.file.status == crate::model::PairStatus::Proposed)
    {
        return None;
    }
    let places = edits
        .iter()
        .map(|e| program.pairs.binary_search_by(|p| p.id.cmp(&e.id)).ok())
        .collect::<Option<Vec<usize>>>()?;
    let sources = crate::load::Sources::new(&program.config.root);
    let people_files = Arc::clone(&memo.people_files);
    let ctx = Ctx::of_memo(memo, &sources, &people_files);
    let shared = Shared::of(program, today);
    let checked: Vec<(PairId, Checked)> = edits
        .into_iter()
        .map(
            |LoadedPair {
                 id,
                 path: source,
                 file: data,
             }| {
                let c = ctx.check_pair(&id, source, data, &shared);
                (id, c)
            },
        )
        .collect();
    // The mentees whose overlaps may change: the edited pairs' mentees, before and after.
    let mut mentees: HashSet<PersonId> = HashSet::new();
    for (&i, (id, c)) in places.iter().zip(checked) {
        mentees.insert(program.pairs[i].file.mentee.value.clone());
        mentees.insert(c.data.mentee.value.clone());
        // The program and its phases loaded, so the check made a pair.
        if let Some(pair) = c.pair.clone() {
            program.pairs[i] = pair;
        }
        memo.pairs.insert(id, c);
    }
    for mentee in mentees {
        let list: Vec<&Pair> = program
            .pairs
            .iter()
            .filter(|p| p.file.mentee.value == mentee)
            .collect();
        let found = rules::overlaps_of(&ctx, &mentee, list);
        if found.is_empty() {
            memo.overlaps.remove(&mentee);
        } else {
            memo.overlaps.insert(mentee, found);
        }
    }
    let mut problems = Problems::default();
    problems.extend(memo.others.iter().cloned());
    problems.extend(memo.pairs.values().flat_map(|c| c.problems.iter().cloned()));
    problems.extend(memo.overlaps.values().flatten().cloned());
    Some(problems)
}

/// Every problem the program would have with `edit` in place of its pair's file, found as
/// [`recheck_pairs`] finds them but changing nothing: what `serve --edit` checks before it writes a
/// pair file, in the time of one pair's checks. `text` is the edited file's text, which the
/// problems found in it are shown with. `None` in the cases [`recheck_pairs`] refuses (the memo
/// does not serve today, the pair is new or becomes a proposal): check the whole program then.
pub fn problems_with_pair(
    program: &Book,
    memo: &Memo,
    edit: LoadedPair,
    text: Arc<str>,
) -> Option<Problems> {
    let today = crate::model::Date::today();
    if memo.valid_on != Some(today) || edit.file.status == crate::model::PairStatus::Proposed {
        return None;
    }
    let place = program
        .pairs
        .binary_search_by(|p| p.id.cmp(&edit.id))
        .ok()?;
    let sources = crate::load::Sources::new(&program.config.root);
    sources.insert(&edit.path, text);
    let people_files = Arc::clone(&memo.people_files);
    let ctx = Ctx::of_memo(memo, &sources, &people_files);
    let shared = Shared::of(program, today);
    let LoadedPair { id, path, file } = edit;
    let checked = ctx.check_pair(&id, path, file, &shared);
    let before = &program.pairs[place];
    let mentees: BTreeSet<&PersonId> = [&before.file.mentee.value, &checked.data.mentee.value]
        .into_iter()
        .collect();
    let mut problems = Problems::default();
    problems.extend(memo.others.iter().cloned());
    problems.extend(
        memo.pairs
            .iter()
            .filter(|(other, _)| **other != id)
            .flat_map(|(_, c)| c.problems.iter().cloned()),
    );
    problems.extend(checked.problems.iter().cloned());
    problems.extend(
        memo.overlaps
            .iter()
            .filter(|(mentee, _)| !mentees.contains(mentee))
            .flat_map(|(_, found)| found.iter().cloned()),
    );
    for mentee in mentees {
        let list: Vec<&Pair> = program
            .pairs
            .iter()
            .enumerate()
            .map(|(i, p)| match (&checked.pair, i == place) {
                (Some(edited), true) => edited,
                _ => p,
            })
            .filter(|p| &p.file.mentee.value == mentee)
            .collect();
        problems.extend(rules::overlaps_of(&ctx, mentee, list));
    }
    Some(problems)
}

impl<'a> Shared<'a> {
    /// What a pair's checks read of the checked `program`, on `today`.
    fn of(program: &'a Book, today: crate::model::Date) -> Shared<'a> {
        Shared {
            known: People(&program.people),
            info: Some(&program.info),
            phases: Some(&program.phases),
            today,
        }
    }
}

impl<'a> Ctx<'a> {
    /// The context of checks made again after the run `memo` kept.
    fn of_memo(
        memo: &Memo,
        sources: &'a crate::load::Sources,
        people_files: &'a Arc<PeopleFiles>,
    ) -> Ctx<'a> {
        Ctx {
            sources,
            people_complete: memo.people_complete,
            people_files,
        }
    }
}

impl Ctx<'_> {
    /// Checks one pair: its references, then (when the program and its phases loaded) its dates,
    /// progress and goals.
    fn check_pair(
        &self,
        id: &PairId,
        source: PathBuf,
        data: Arc<PairFile>,
        shared: &Shared<'_>,
    ) -> Checked {
        let mut found = Problems::default();
        self.pair(&source, &data, shared.known, shared.phases, &mut found);
        let pair = shared.info.zip(shared.phases).map(|(info, phases)| {
            let given = info.default_length_months.value;
            // An out-of-range length is already an error; 12 months keeps the other checks quiet.
            let length = if (1..=MAX_MONTHS).contains(&given) {
                given
            } else {
                12
            };
            let end = data
                .end
                .as_ref()
                .map_or_else(|| data.start.value.plus_months(length), |e| e.value);
            let counts = PhaseId::ALL.map(|p| count(&data, &phases[p.index()], p));
            let phase = data.phase.unwrap_or_else(|| current_phase(&counts));
            let pair = Pair {
                id: id.clone(),
                source: source.clone(),
                file: data.clone(),
                end,
                phase,
                counts,
            };
            rules::pair(self, &pair, phases, &mut found);
            ahead::record_ahead(self, &pair, phases, &mut found);
            lint::goals(self, &pair, shared.today, &mut found);
            pair
        });
        Checked {
            data,
            source,
            problems: found.into_vec(),
            pair,
        }
    }
}

/// The first phase with an open item; closure when everything is done.
fn current_phase(counts: &[PhaseCount; 4]) -> PhaseId {
    PhaseId::ALL
        .into_iter()
        .find(|p| counts[p.index()].done < counts[p.index()].total)
        .unwrap_or(PhaseId::Closure)
}

fn count(pair: &PairFile, phase: &Phase, id: PhaseId) -> PhaseCount {
    let items: HashSet<&ItemId> = phase
        .file
        .checklist
        .iter()
        .filter(|i| i.applies_to(pair.initiated_by))
        .map(|i| &i.id.value)
        .collect();
    let done = pair.progress.get(&id).map_or(0, |m| {
        m.0.iter()
            .filter(|(item, _)| items.contains(&item.value))
            .count()
    });
    PhaseCount {
        done,
        total: items.len(),
    }
}

/// What every check needs: the file texts, to show the offending line.
pub(crate) struct Ctx<'a> {
    pub(crate) sources: &'a crate::load::Sources,
    /// Whether every people file loaded; if not, unknown people are not reported (they may be in
    /// the file that failed).
    people_complete: bool,
    /// Where the people are written, so hints name the file the program uses.
    people_files: &'a PeopleFiles,
}

/// Where a program writes its people: `content/people.yaml`, a file a person in
/// `content/people/` (as `mentorbook new person` writes), or both.
#[derive(Debug, Default)]
pub(crate) struct PeopleFiles {
    /// Whether `content/people.yaml` holds anyone.
    list: bool,
    /// The people written in a file of their own, `content/people/<id>.yaml`.
    own_file: HashSet<PersonId>,
}

impl PeopleFiles {
    fn of(people: &[(PathBuf, Person)]) -> PeopleFiles {
        let mut out = PeopleFiles::default();
        for (file, person) in people {
            if file.starts_with("content/people") && !file.ends_with("people.yaml") {
                out.own_file.insert(person.id.value.clone());
            } else {
                out.list = true;
            }
        }
        out
    }

    /// The file where `id` is written.
    fn file_of(&self, id: &PersonId) -> String {
        if self.own_file.contains(id) {
            format!("content/people/{id}.yaml")
        } else {
            "content/people.yaml".to_owned()
        }
    }

    /// How to add a person `id` who is not there yet, in the files the program uses.
    fn how_to_add(&self, id: &PersonId) -> String {
        let folder = !self.own_file.is_empty();
        match (self.list, folder) {
            (true, false) => {
                format!("add `{id}` to content/people.yaml, or use the id of someone listed there")
            }
            (true, true) => format!(
                "add `{id}` to content/people.yaml or as content/people/{id}.yaml, or use the id of someone listed there"
            ),
            _ => format!(
                "add them with `mentorbook new person {id} --name \"...\"` (it writes content/people/{id}.yaml), or use the id of someone in content/people/"
            ),
        }
    }
}

impl Ctx<'_> {
    pub(crate) fn at<T>(&self, file: &Path, loc: &Located<T>) -> Span {
        Span {
            file: file.to_path_buf(),
            line: loc.line,
            column: loc.column,
        }
    }

    pub(crate) fn report(&self, problems: &mut Problems, p: Problem) {
        let p = match self.sources.held(&p.span.file) {
            Some(text) => p.with_source(&text),
            None => p.read_when_shown(self.sources.root()),
        };
        problems.push(p);
    }

    fn people(&self, mut people: Vec<(PathBuf, Person)>, problems: &mut Problems) -> Vec<Person> {
        people.sort_by(|a, b| {
            (&a.1.id.value, &a.0, a.1.id.line).cmp(&(&b.1.id.value, &b.0, b.1.id.line))
        });
        let mut out: Vec<Person> = Vec::with_capacity(people.len());
        for (file, person) in people {
            if !person.id_given() && file.ends_with("people.yaml") {
                let p = Problem::error(
                    Code::Yaml,
                    Span {
                        file: file.clone(),
                        line: 0,
                        column: 0,
                    },
                    format!("the person `{}` has no `id:`", person.name),
                )
                .hint(format!("add `id: {}`", crate::slug::slugify(&person.name)));
                self.report(problems, p);
                continue;
            }
            if person.roles.is_empty() {
                let p = Problem::error(
                    Code::OutOfRange,
                    self.at(&file, &person.id),
                    format!("`{}` has no role", person.id.value),
                )
                .hint("add `roles: [mentor]`, `[mentee]` or `[coordinator]`");
                self.report(problems, p);
            }
            if out
                .last()
                .is_some_and(|last| last.id.value == person.id.value)
            {
                let p = Problem::error(Code::DuplicateId, self.at(&file, &person.id), format!("two people have the id `{}`", person.id.value))
                    .hint("give each person their own id, for example by adding a letter of the family name");
                self.report(problems, p);
                continue;
            }
            out.push(person);
        }
        out
    }

    /// Checks that the four phases loaded and that item ids are unique across them.
    fn phases(
        &self,
        mut phases: Vec<(PhaseId, PathBuf, crate::model::PhaseFile)>,
        problems: &mut Problems,
    ) -> Option<Vec<Phase>> {
        phases.sort_by_key(|(id, ..)| *id);
        let mut first_seen: HashMap<ItemId, PhaseId> = HashMap::new();
        for (id, file, phase) in &phases {
            for item in &phase.checklist {
                if let Some(other) = first_seen.insert(item.id.value.clone(), *id) {
                    let p = Problem::error(
                        Code::DuplicateId,
                        self.at(file, &item.id),
                        format!(
                            "the checklist item id `{}` is already used in the {other} phase",
                            item.id.value
                        ),
                    )
                    .hint(
                        "checklist item ids must be unique across all four phases: rename this one",
                    );
                    self.report(problems, p);
                }
            }
        }
        (phases.len() == 4).then(|| {
            phases
                .into_iter()
                .map(|(id, source, file)| Phase { id, source, file })
                .collect()
        })
    }

    pub(crate) fn person_ref(
        &self,
        file: &Path,
        id: &Located<PersonId>,
        known: People<'_>,
        role: Option<Role>,
        problems: &mut Problems,
    ) {
        match known.get(&id.value) {
            None if !self.people_complete => {}
            None => {
                let p = Problem::error(
                    Code::UnknownPerson,
                    self.at(file, id),
                    format!("there is no person `{}`", id.value),
                )
                .suggest(id.value.as_str(), known.ids())
                .hint_if_none(self.people_files.how_to_add(&id.value));
                self.report(problems, p);
            }
            Some(person) => {
                // A person with no role at all is reported once, where the roles are written.
                if let Some(role) =
                    role.filter(|r| !person.roles.is_empty() && !person.roles.contains(r))
                {
                    let r = serde_name(role);
                    let p = Problem::warning(
                        Code::WrongRole,
                        self.at(file, id),
                        format!("`{}` is not listed as a {r}", id.value),
                    )
                    .hint(format!(
                        "add `{r}` to their roles in {}",
                        self.people_files.file_of(&id.value)
                    ));
                    self.report(problems, p);
                }
            }
        }
    }
}

pub(crate) fn serde_name(role: Role) -> &'static str {
    match role {
        Role::Mentor => "mentor",
        Role::Mentee => "mentee",
        Role::Coordinator => "coordinator",
    }
}

impl Problem {
    /// Adds `hint` unless the problem already has one.
    pub(crate) fn hint_if_none(self, hint: String) -> Self {
        if self.hint.is_some() {
            self
        } else {
            self.hint(hint)
        }
    }
}
