//! Building again and again: what `watch` and `serve` keep in memory between builds so that an edit
//! costs only what it changes.
//!
//! A [`Session`] keeps the configuration, the parsed theme, the parsed files ([`load::Cache`]) and
//! the last program that built. [`Session::rebuild`] then:
//!
//! - finds what changed by looking (lengths and times of `book.toml`, the theme's files and the
//!   content files; only of the files the watcher named, when that is enough to see every change:
//!   [`load::Cache::load_hinted`]), so every editor habit works;
//! - reads and parses only the changed files, and checks the program again: every pair after a
//!   change to people, phases or `program.yaml`, only the changed pairs after an edit to pair files
//!   ([`crate::validate::Memo`]). When the watcher named the edited pair files and nothing else
//!   changed, neither the loader nor the checks visit the other pairs at all: the edited pairs are
//!   checked and replaced in the last program ([`load::Cache::pair_edits`],
//!   [`crate::validate::recheck_pairs`]);
//! - renders only the pages an edit can change ([`Selection`]): an edit to pair files re-renders
//!   those pairs' pages, and the pages that list or count pairs (home, pairs, phases, dashboard)
//!   only when what they show of the pairs changed ([`lists_key`]); anything else (`book.toml`,
//!   the theme, `program.yaml`, people, phases, chapters, a pair added or removed) re-renders
//!   every page;
//! - writes only the files whose bytes changed ([`output::stage`]).
//!
//! A rebuild that fails leaves the output and the session's last good program as they were.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::book::Book;
use crate::config::Config;
use crate::diagnostic::{Code, Problem, Problems, Span};
use crate::load::{self, CONTENT_DIR};
use crate::model::{Audience, PairId};
use crate::output::{self, Holder, Lock, Stopped, Target, Written};
use crate::render::{Options, Selection, Theme, lists_key};

/// The state kept between builds of one program folder.
pub struct Session {
    root: PathBuf,
    dest: Option<PathBuf>,
    /// What the command line sets over `book.toml`.
    overrides: crate::config::Overrides,
    /// Whom the site is for: the public site, unless `serve --edit` asks for a private edition.
    audience: Audience,
    state: Option<State>,
    /// The output folder's lock, held from [`Session::claim`] or the first write until the session
    /// ends (taken again when the output folder moves in `book.toml`).
    lock: Option<Lock>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("root", &self.root)
            .field("dest", &self.dest)
            .field("loaded", &self.state.is_some())
            .finish()
    }
}

/// What the last successful load of the configuration and theme gave.
struct State {
    /// Whom the site is for.
    audience: Audience,
    /// `book.toml` and the theme's files, with their stamps, when they were read.
    settings: load::SettingsStamps,
    config: Config,
    theme: Theme,
    cache: load::Cache,
    /// Each pair's checks, for checking again only the pairs that changed.
    memo: crate::validate::Memo,
    /// What the last build left in the output folder.
    record: Option<output::Record>,
    /// The last program that built, to compare an edited pair with what it was; `None` before the
    /// first build and after a failed one, so that the next good build renders every page.
    last: Option<Book>,
    /// The last build left the search index out: [`Session::catch_up`] makes it.
    index_behind: bool,
}

/// What a rebuild did.
#[derive(Debug)]
pub enum Outcome {
    /// The site was rebuilt.
    Built(Report),
    /// Nothing changed since the last build.
    Unchanged,
    /// The program, the theme or the output folder has errors: nothing was written.
    Failed(Problems),
}

/// What a successful rebuild did.
#[derive(Debug)]
pub struct Report {
    /// The output folder.
    pub dest: PathBuf,
    /// What was rendered.
    pub selection: Selection,
    /// How many pages were rendered.
    pub rendered: usize,
    /// How many pages the site has.
    pub pages: usize,
    /// What was written.
    pub written: Written,
    /// The content files whose change caused the rebuild (empty when everything was built because
    /// it was the first build, the last one failed, or the configuration or theme changed).
    pub changed: Vec<PathBuf>,
    /// Warnings, which do not stop a build.
    pub warnings: Problems,
    /// How long it took.
    pub elapsed: Duration,
    /// How long each stage took.
    pub stages: Stages,
}

/// How long each stage of a rebuild took.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stages {
    /// Finding changed files, reading and parsing them.
    pub load: Duration,
    /// Checking the whole program.
    pub check: Duration,
    /// Rendering the selected pages, each staged as it is made (written to the temporary folder
    /// when its bytes changed).
    pub render: Duration,
    /// The rest of the writing: the kept pages checked, the changed files moved into place.
    pub write: Duration,
}

impl std::fmt::Display for Stages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "load {} ms, check {} ms, render {} ms, write {} ms",
            self.load.as_millis(),
            self.check.as_millis(),
            self.render.as_millis(),
            self.write.as_millis()
        )
    }
}

impl Session {
    /// A session for the program in `root`, building its public site into `dest` (default: the
    /// configured output folder). Nothing is read until [`Session::rebuild`].
    pub fn new(root: &Path, dest: Option<&Path>) -> Session {
        Session {
            root: root.to_path_buf(),
            dest: dest.map(Path::to_path_buf),
            overrides: crate::config::Overrides::default(),
            audience: Audience::Public,
            state: None,
            lock: None,
        }
    }

    /// The session, with `overrides` set over `book.toml` at every load of it.
    pub fn with_overrides(mut self, overrides: crate::config::Overrides) -> Session {
        self.overrides = overrides;
        self
    }

    /// Builds the edition for `audience` instead of the public site (`serve --edit`, which must
    /// show what it edits). A private edition goes where `build --audience` puts it, and its
    /// loader keeps private values.
    pub fn with_audience(mut self, audience: Audience) -> Session {
        self.audience = audience;
        self.state = None;
        self
    }

    /// Whom the site is for.
    pub fn audience(&self) -> &Audience {
        &self.audience
    }

    /// The program folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The program as the last good build saw it, with its configuration; `None` before the first
    /// good build and after a failed one.
    pub fn program(&self) -> Option<(&Config, &Book)> {
        let state = self.state.as_ref()?;
        Some((&state.config, state.last.as_ref()?))
    }

    /// Every problem the program would have with `text` as the pair file `rel`, checked against
    /// the last good build's program with only that pair checked again
    /// ([`crate::validate::problems_with_pair`]); `None` when that cannot be done (no good build
    /// yet, a new pair, not a pair file, checks from another day): check the whole program then.
    pub fn check_pair_text(&self, rel: &Path, text: &str) -> Option<Problems> {
        let state = self.state.as_ref()?;
        let program = state.last.as_ref()?;
        let text: std::sync::Arc<str> = std::sync::Arc::from(text);
        let private = self.audience.private_values();
        match load::parse_pair(&state.config, rel, text.clone(), private) {
            Err(p) => {
                let mut problems = Problems::default();
                problems.push(p);
                Some(problems)
            }
            Ok(None) => None,
            Ok(Some(edit)) => crate::validate::problems_with_pair(program, &state.memo, edit, text),
        }
    }

    /// The theme of the last build that loaded one.
    pub fn theme(&self) -> Option<&Theme> {
        self.state.as_ref().map(|s| &s.theme)
    }

    /// Takes the output folder for this session: no other mentorbook may write it until the
    /// session ends. Fails when another one writes it (or the folder is refused); a `book.toml`
    /// that cannot be read is left for [`Session::rebuild`] to report.
    pub fn claim(&mut self) -> Result<(), Problem> {
        let Ok(config) = Config::load_with(&self.root, &self.overrides) else {
            return Ok(());
        };
        let target = crate::build::target(&config, &Audience::Public, self.dest.as_deref());
        hold(&mut self.lock, &self.root, &target)
    }

    /// The output folder, once the configuration has been read.
    pub fn dest(&self) -> Option<PathBuf> {
        let state = self.state.as_ref()?;
        Some(state.target(self.dest.as_deref()).dest)
    }

    /// Builds what changed since the last call (everything, the first time).
    pub fn rebuild(&mut self) -> Outcome {
        self.rebuild_hinted(None)
    }

    /// [`Session::rebuild`], looking for changed content files only at `hints` (paths relative to
    /// the program folder that the watcher's events named) when they suffice: see
    /// [`load::Cache::load_hinted`].
    pub fn rebuild_hinted(&mut self, hints: Option<&[PathBuf]>) -> Outcome {
        let started = Instant::now();
        let mut problems = Problems::default();
        let settings = load::SettingsStamps::of(&self.root);
        if self.state.as_ref().is_none_or(|s| s.settings != settings) {
            // book.toml or the theme changed (or this is the first build): start over.
            let config = match Config::load_with(&self.root, &self.overrides) {
                Ok(c) => c,
                Err(p) => return failed(problems, p),
            };
            let theme = match Theme::load(&config) {
                Ok(t) => t,
                Err(p) => return failed(problems, p),
            };
            self.state = Some(State {
                audience: self.audience.clone(),
                settings,
                config,
                theme,
                // The public site shows no private value, so its loader keeps none.
                cache: load::Cache::new(self.audience.private_values()),
                memo: crate::validate::Memo::default(),
                record: None,
                last: None,
                index_behind: false,
            });
        }
        let Some(state) = self.state.as_mut() else {
            unreachable!("the state was set just above");
        };
        if let Err(p) = hold(
            &mut self.lock,
            &self.root,
            &state.target(self.dest.as_deref()),
        ) {
            return failed(problems, p);
        }

        // An edit to pair files alone, after a good build: those pairs are checked again in the
        // last program, without loading or checking the rest.
        if let Some(hints) = hints
            && state.last.is_some()
            && state.memo.serves_today()
            && let Some(edits) = state.cache.pair_edits(&state.config, hints)
        {
            match rebuild_pairs(state, &self.root, self.dest.as_deref(), edits, started) {
                Some(outcome) => return outcome,
                // The cache took the edits: the last program is dropped, so everything is built.
                None => state.last = None,
            }
        }

        let mut stages = Stages::default();
        let (loaded, changed) = state
            .cache
            .load_hinted(state.config.clone(), hints, &mut problems);
        stages.load = started.elapsed();
        let first = state.last.is_none();
        if changed.is_empty() && !first {
            return Outcome::Unchanged;
        }
        // A pair's checks read the people, the phases and program.yaml: after a change to anything
        // but pair files, every pair is checked again.
        let pairs_dir = Path::new(CONTENT_DIR).join("pairs");
        if !changed.iter().all(|p| p.starts_with(&pairs_dir)) {
            state.memo.forget();
        }
        let program = crate::validate::validate_with(loaded, &mut problems, Some(&mut state.memo));
        stages.check = started.elapsed() - stages.load;
        let program = match program {
            Some(p) if !problems.has_errors() => p,
            _ => {
                // The files that failed stay changed for the next try: forget the last program so
                // that the next good build renders everything it may have missed.
                state.last = None;
                return Outcome::Failed(problems);
            }
        };
        let selection = select(&program, &changed, state.last.as_ref(), &state.options());
        let target = state.target(self.dest.as_deref());
        // The first build, or the first after a failure, names no changed file: it built everything.
        let changed = if first { Vec::new() } else { changed };
        let report = render(
            &self.root, target, &program, state, selection, changed, problems, stages, started,
        );
        state.last = report.is_built().then_some(program);
        report
    }
}

/// [`Session::rebuild_hinted`] after an edit to pair files alone (`edits`, from
/// [`load::Cache::pair_edits`]): the pairs are checked again and replaced in the last program
/// ([`crate::validate::recheck_pairs`]), then their pages rendered as after any edit to pairs.
/// `None` when the last program cannot take them: the caller builds everything.
fn rebuild_pairs(
    state: &mut State,
    root: &Path,
    dest: Option<&Path>,
    edits: Vec<load::LoadedPair>,
    started: Instant,
) -> Option<Outcome> {
    let mut stages = Stages {
        load: started.elapsed(),
        ..Stages::default()
    };
    if edits.is_empty() {
        return Some(Outcome::Unchanged);
    }
    let mut program = state.last.take()?;
    let changed: Vec<PathBuf> = edits.iter().map(|e| e.path.clone()).collect();
    let ids: BTreeSet<PairId> = edits.iter().map(|e| e.id.clone()).collect();
    let options = state.options();
    let before = lists_key(&program, &options, &ids);
    let shown_before = visibilities(&program, &ids);
    let problems = crate::validate::recheck_pairs(&mut program, &mut state.memo, edits)?;
    stages.check = started.elapsed() - stages.load;
    if problems.has_errors() {
        // The program took the failed pairs and is not kept: the next good build renders everything.
        return Some(Outcome::Failed(problems));
    }
    let lists = before != lists_key(&program, &options, &ids);
    // A pair shown or hidden adds or removes pages: everything is rendered.
    let selection = if shown_before == visibilities(&program, &ids) {
        Selection::Pairs {
            ids,
            lists,
            rooms: lists,
            index: false,
        }
    } else {
        Selection::All
    };
    let target = state.target(dest);
    let report = render(
        root, target, &program, state, selection, changed, problems, stages, started,
    );
    if report.is_built() {
        state.last = Some(program);
    }
    Some(report)
}

/// Renders `selection` of `program` into `dest`, writes what changed, and says so. Callers keep
/// `program` as the session's last only when this built, so that after a failure the next good
/// build renders everything.
#[allow(clippy::too_many_arguments)]
fn render(
    root: &Path,
    target: Target,
    program: &Book,
    state: &mut State,
    selection: Selection,
    changed: Vec<PathBuf>,
    problems: Problems,
    mut stages: Stages,
    started: Instant,
) -> Outcome {
    let options = state.options();
    let written = write(
        root,
        &target,
        program,
        &mut state.theme,
        &selection,
        &mut stages,
        &mut state.record,
        &options,
    );
    let (written, rendered, pages, selection) = match written {
        Ok(w) => w,
        Err(p) => return failed(problems, p),
    };
    state.index_behind = matches!(selection, Selection::Pairs { index: false, .. });
    Outcome::Built(Report {
        dest: target.dest,
        selection,
        rendered,
        pages,
        written,
        changed,
        warnings: problems,
        elapsed: started.elapsed(),
        stages,
    })
}

impl Outcome {
    fn is_built(&self) -> bool {
        matches!(self, Outcome::Built(_))
    }
}

impl Session {
    /// Makes what the last rebuild left for later (the search index, after a partial rebuild), and
    /// returns what was written; `None` when nothing was left.
    pub fn catch_up(&mut self) -> Option<Result<Written, Problems>> {
        let state = self.state.as_mut()?;
        let program = state.last.as_ref()?;
        if !std::mem::take(&mut state.index_behind) {
            return None;
        }
        let target = state.target(self.dest.as_deref());
        let mut stages = Stages::default();
        let options = state.options();
        let result = write(
            &self.root,
            &target,
            program,
            &mut state.theme,
            &Selection::Index,
            &mut stages,
            &mut state.record,
            &options,
        );
        Some(match result {
            Ok((w, ..)) => Ok(w),
            Err(p) => {
                state.last = None;
                let mut ps = Problems::default();
                ps.push(p);
                Err(ps)
            }
        })
    }
}

/// The visibility of each of the pairs `ids` in `program`, which decides whether the edition has
/// their pages.
fn visibilities(program: &Book, ids: &BTreeSet<PairId>) -> Vec<Option<crate::model::Visibility>> {
    ids.iter()
        .map(|id| {
            let pair = program.pairs.iter().find(|p| &p.id == id);
            pair.map(|p| p.file.visibility)
        })
        .collect()
}

/// Which pages an edit to `changed` can change, given the program the last build made.
fn select(
    program: &Book,
    changed: &[PathBuf],
    before: Option<&Book>,
    options: &Options,
) -> Selection {
    let Some(before) = before else {
        return Selection::All;
    };
    let pairs_dir = Path::new(CONTENT_DIR).join("pairs");
    // Both lists are sorted by id.
    let same_pairs = program.pairs.len() == before.pairs.len()
        && program
            .pairs
            .iter()
            .zip(&before.pairs)
            .all(|(a, b)| a.id == b.id && a.file.visibility == b.file.visibility);
    let mut ids = BTreeSet::new();
    for path in changed {
        let pair = same_pairs
            .then(|| path.strip_prefix(&pairs_dir).ok())
            .flatten()
            .and_then(|_| program.pairs.iter().find(|p| &p.source == path));
        match pair {
            Some(p) => {
                ids.insert(p.id.clone());
            }
            None => return Selection::All,
        }
    }
    let lists = lists_key(before, options, &ids) != lists_key(program, options, &ids);
    Selection::Pairs {
        ids,
        lists,
        rooms: lists,
        index: false,
    }
}

/// Renders `selection` and writes what changed; renders everything when the output folder is not as
/// the last build left it. Returns what was written, the pages rendered, the pages in all, and what
/// was rendered.
#[allow(clippy::too_many_arguments)]
fn write(
    root: &Path,
    target: &Target,
    program: &Book,
    theme: &mut Theme,
    selection: &Selection,
    stages: &mut Stages,
    record: &mut Option<output::Record>,
    options: &Options,
) -> Result<(Written, usize, usize, Selection), Problem> {
    let mut selection = selection.clone();
    loop {
        let started = Instant::now();
        let result = crate::build::stage(
            root,
            target,
            program,
            theme,
            options,
            &selection,
            record.take(),
        );
        let written = result.and_then(|staging| {
            stages.render += staging.render;
            let committed = staging.staged.commit_recorded()?;
            Ok((staging.site, committed))
        });
        let elapsed = started.elapsed();
        stages.write += elapsed.saturating_sub(stages.render);
        match written {
            Ok((site, (w, r))) => {
                *record = Some(r);
                let rendered = site.rendered_pages();
                return Ok((w, rendered, rendered + site.kept_pages(), selection));
            }
            Err(Stopped::Output(output::Error::Stale { .. })) if selection != Selection::All => {
                *record = None;
                selection = Selection::All;
            }
            Err(Stopped::Render(p)) => {
                *record = None;
                return Err(p);
            }
            Err(Stopped::Output(e)) => {
                *record = None;
                return Err(output_problem(&target.dest, &e));
            }
        }
    }
}

/// An output error as a problem about the output folder `dest`.
fn output_problem(dest: &Path, e: &output::Error) -> Problem {
    let mut p = Problem::error(
        Code::Io,
        Span {
            file: dest.to_path_buf(),
            line: 0,
            column: 0,
        },
        e.to_string(),
    );
    if let Some(h) = e.hint() {
        p = p.hint(h);
    }
    p
}

impl State {
    /// Where the edition goes, `dest` as given with `-d`.
    fn target(&self, dest: Option<&Path>) -> Target {
        crate::build::target(&self.config, &self.audience, dest)
    }

    /// How pages are rendered: for the session's audience.
    fn options(&self) -> Options {
        Options {
            audience: self.audience.clone(),
            ..Options::default()
        }
    }
}

/// Holds the lock of `target`'s folder in `lock`, taking it the first time (and again when the
/// output folder moved): the session writes it until it ends.
fn hold(lock: &mut Option<Lock>, root: &Path, target: &Target) -> Result<(), Problem> {
    let resolved =
        output::check_dest(root, &target.dest).map_err(|e| output_problem(&target.dest, &e))?;
    if lock.as_ref().is_some_and(|l| l.dest() == resolved) {
        return Ok(());
    }
    *lock = None;
    let taken = crate::build::lock(root, target, Holder::Session, SESSION, &|_| {})
        .map_err(|e| output_problem(&target.dest, &e))?;
    *lock = Some(taken);
    Ok(())
}

/// What the message of a build that finds the folder held by a session names.
const SESSION: &str = "mentorbook serve or watch";

fn failed(mut problems: Problems, p: Problem) -> Outcome {
    problems.push(p);
    Outcome::Failed(problems)
}
