//! One build of a program's site, the way every command that writes one makes it.
//!
//! [`run`] is `mentorbook build` and `mentorbook pdf`: it reads `book.toml`, works out where the
//! edition goes ([`target`]) and takes the output folder's [lock](output::Lock), ends at once when
//! nothing changed since the last build ([`output::inputs`]), loads and checks the program, renders
//! it into a staged folder ([`stage`]), makes the PDF files that are not current, puts the site in
//! place and records what it read. Everything that can refuse the build (the audience, where the
//! edition goes, the browser) is checked before anything is written.
//!
//! A build after one that left the output folder as it is, with the same executable, edition, date
//! and settings, where only pair files were edited since, renders only those pairs' pages, the
//! pages that list pairs and the search index ([`Partial`]): everything else it would render has
//! the bytes it had. Any doubt (a file added or removed, a pair shown or hidden, PDF files in the
//! site, an output folder not as recorded) means a full build; both write the same site.
//!
//! A build of the public site keeps its pairs, parsed and checked, in the user's cache folder
//! (`pair_cache`); the next one parses and checks only the pairs whose files changed (or, after
//! an edit to what a pair's checks read, checks every pair but parses none). Only that edition's:
//! its load drops private values, which the cache has no room for. It keeps its search index's
//! parts too ([`crate::render::search::Keep`]): a partial build makes again only the parts that
//! hold the edited pairs.
//!
//! `serve` and `watch` ([`crate::session`]) keep the loaded program between builds and decide what
//! to render again; they take the same [`target`] and [lock](output::Lock) and render and stage
//! through the same [`stage`].

mod pair_cache;

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::book::Book;
use crate::config::{Config, Overrides, PRIVATE_DIR};
use crate::diagnostic::{Problem, Problems};
use crate::load::{FileChanges, ProgramFiles};
use crate::model::{Audience, Date, PairId, PrivateValues};
use crate::output::inputs::{self, LastBuild, Previous};
use crate::output::{self, Holder, Lock, Record, Staged, Stopped, Target, Written};
use crate::pdf;
use crate::render::search::Keep;
use crate::render::{Options, Selection, Site, Theme, render_to};

/// What to build.
#[derive(Debug)]
pub struct Request<'a> {
    /// The program folder.
    pub root: &'a Path,
    /// The output folder given with `-d` (relative to the program folder), if any.
    pub dest: Option<&'a Path>,
    /// Whom the edition is for.
    pub audience: &'a Audience,
    /// Make the PDF files too, with these options.
    pub pdf: Option<&'a pdf::Options>,
    /// The day the pages and checks are as of.
    pub today: Date,
    /// What the command line sets over `book.toml`.
    pub overrides: &'a Overrides,
    /// Whether warnings are written for a colour terminal.
    pub color: bool,
}

/// What the caller is told while a build runs, before its end.
pub struct Say<'a> {
    /// The warnings found by loading and checking, as printed text, once known.
    pub warnings: &'a dyn Fn(&str),
    /// Another build holds the output folder (named): this one waits for it.
    pub waiting: &'a dyn Fn(&str),
}

/// Why a build stopped. Nothing in the output folder was touched.
#[derive(Debug)]
pub enum Failure {
    /// `book.toml` or the program has errors (warnings come along).
    Program(Problems),
    /// The edition is for a pair the program does not have.
    NoPair {
        /// The pair asked for.
        id: PairId,
        /// The closest pair id there is.
        closest: Option<String>,
    },
    /// A page could not be rendered.
    Render(Problem),
    /// The output folder was refused, or could not be written.
    Output(output::Error),
    /// The PDF files could not be made.
    Pdf(pdf::Error),
}

impl From<Stopped> for Failure {
    fn from(s: Stopped) -> Failure {
        match s {
            Stopped::Render(p) => Failure::Render(p),
            Stopped::Output(e) => Failure::Output(e),
        }
    }
}

impl From<output::Error> for Failure {
    fn from(e: output::Error) -> Failure {
        Failure::Output(e)
    }
}

/// What a build did.
#[derive(Debug)]
pub struct Built {
    /// The output folder.
    pub dest: PathBuf,
    /// Pages in the site.
    pub pages: usize,
    /// Pairs in the program.
    pub pairs: usize,
    /// What was written, or that nothing was.
    pub wrote: Wrote,
    /// The time from the start to the site in place.
    pub elapsed: Duration,
}

/// What a build wrote.
#[derive(Debug)]
pub enum Wrote {
    /// Nothing changed since the last build into the same folder: the site has this many files.
    Nothing {
        /// Files in the site.
        files: usize,
    },
    /// The site was rendered and what changed put in place.
    Site {
        /// Files written, kept and removed.
        written: Written,
        /// Pages rendered: all of them, or those an edit to some pairs touched.
        rendered: usize,
        /// Loading and checking took this long.
        load: Duration,
        /// The pairs taken from the cache of the last build's, rather than parsed or checked.
        cached: Cached,
        /// Rendering and staging took this long.
        render: Duration,
        /// The parts of the search index taken as the last build kept them.
        index: crate::render::search::Taken,
        /// The PDF files, when asked for: how many the site has, and what was made.
        pdf: Option<(usize, pdf::Report)>,
    },
}

/// How many pairs a build took as the last build of the public site left them (`pair_cache`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cached {
    /// Pairs not parsed again.
    pub parsed: usize,
    /// Pairs not checked again.
    pub checked: usize,
}

/// Where the edition for `audience` goes (`dest` as given with `-d`, relative to the program
/// folder), and the folders of the other editions it must keep apart from.
pub fn target(config: &Config, audience: &Audience, dest: Option<&Path>) -> Target {
    Target {
        dest: config.dest_for(audience, dest),
        audience: audience.clone(),
        public_dir: config.dest_dir(),
        private_dir: config.root.join(PRIVATE_DIR),
    }
}

/// Checks that `target` may be written by the program in `root` and takes its lock for `holder`
/// (`what` names the command in the message of a build that has to wait).
pub fn lock(
    root: &Path,
    target: &Target,
    holder: Holder,
    what: &str,
    waiting: &dyn Fn(&str),
) -> Result<Lock, output::Error> {
    let dest = output::check_target(root, target)?;
    Lock::take(&dest, holder, what, waiting)
}

/// A site rendered into a staged folder, ready to be put in place.
#[derive(Debug)]
pub struct Staging {
    /// What was rendered.
    pub site: Site,
    /// The staged folder.
    pub staged: Staged,
    /// How long the rendering took.
    pub render: Duration,
}

/// Renders `selection` of `program` straight into a staged folder beside the output folder (pages
/// go there as they are made, so the site is never in memory whole). `record` is what the last
/// commit of this process left in the same folder (see [`output::Stager::open`]). A partial
/// rebuild keeps the pages it does not render as they are; a full one with `options.pdf` also
/// stages the pages made for paper and the static files they load, even when unchanged, for the
/// browser to print.
pub fn stage(
    root: &Path,
    target: &Target,
    program: &Book,
    theme: &mut Theme,
    options: &Options,
    selection: &Selection,
    record: Option<Record>,
) -> Result<Staging, Stopped> {
    let stager = output::Stager::open(root, target, record)?;
    let started = Instant::now();
    let site = render_to(program, theme, options, selection, &|page| {
        Ok::<_, Stopped>(stager.put(&page.path, page.html.as_bytes())?)
    })?;
    let render = started.elapsed();
    stager.put_assets(&site.assets)?;
    let staged = match selection {
        Selection::All => {
            let printed: HashSet<&Path> = site.prints.iter().map(|d| d.page.as_path()).collect();
            stager.finish(|p| options.pdf && (crate::paths::is_static(p) || printed.contains(p)))?
        }
        // The index's pieces are made again, as many as it needs now.
        Selection::Index | Selection::Pairs { index: true, .. } => {
            stager.finish_partial_replacing(Path::new(crate::paths::SEARCH_DIR))?
        }
        Selection::Pairs { .. } => stager.finish_partial()?,
    };
    Ok(Staging {
        site,
        staged,
        render,
    })
}

/// Builds the site `request` asks for: see the module's documentation. The program is left for the
/// process to give back when it ends, not freed: a build is the last thing a command does.
pub fn run(request: &Request<'_>, say: &Say<'_>) -> Result<Built, Failure> {
    let started = Instant::now();
    let Request {
        root,
        audience,
        today,
        ..
    } = *request;
    let config = Config::load_with(root, request.overrides).map_err(|p| {
        let mut problems = Problems::default();
        problems.push(p);
        Failure::Program(problems)
    })?;
    let target = target(&config, audience, request.dest);
    let what = if request.pdf.is_some() {
        "mentorbook pdf"
    } else {
        "mentorbook build"
    };
    let _lock = lock(root, &target, Holder::Build, what, say.waiting)?;

    // Builds with PDF files are not recorded: they depend on a browser as well.
    // The last build's record comes first: a program file whose stamp is the one it recorded is
    // not read again. The output folder is looked over on a thread of its own (at 10,000 pairs,
    // 60,000 folders and 74,000 files, 0.3 s) while the program is loaded, until a partial build
    // needs to know that the folder is as the last build left it.
    let dest = std::path::absolute(&target.dest)
        .ok()
        .filter(|_| request.pdf.is_none());
    let recorded = dest.as_deref().and_then(inputs::recorded);
    let inputs = dest.clone().and_then(|dest| {
        let before = recorded.as_ref().map(|r| &r.last.files);
        Inputs::of(&config, &target, dest, today, request.color, before)
    });
    // What changed since the last build. Only pair files edited: the build will likely render a
    // few pages.
    let changes = recorded
        .as_ref()
        .zip(inputs.as_ref())
        .map(|(r, i)| r.last.files.changes(&i.files));
    let few_pages = changes.as_ref().is_some_and(FileChanges::only_pairs_edited);
    let mut previous = Vouching::start(recorded, dest);
    if let Some(inputs) = &inputs
        && previous.fingerprint() == Some(inputs.fingerprint)
        && let Some(previous) = previous.finish()
    {
        let last = &previous.last;
        (say.warnings)(&last.warnings);
        return Ok(Built {
            dest: inputs.dest.clone(),
            pages: last.pages,
            pairs: last.pairs,
            wrote: Wrote::Nothing {
                files: previous.files,
            },
            elapsed: started.elapsed(),
        });
    }

    // The public site shows no private value: it is not kept past its parsing.
    let private = audience.private_values();
    let mut problems = Problems::default();
    // The public site's build keeps its pairs, parsed and checked, for the next one.
    let mut cache = inputs
        .as_ref()
        .filter(|_| private == PrivateValues::Dropped)
        .and_then(|i| PairCache::open(&config.root, i));
    let mut cached = Cached::default();
    let (loaded, mut memo) = match &mut cache {
        Some(cache) => {
            let reused = cache.reuse();
            cached = Cached {
                parsed: reused.pairs.len(),
                checked: reused.checks.as_ref().map_or(0, |m| m.pairs().count()),
            };
            let loaded = crate::load::load_reusing(
                config.clone(),
                private,
                reused.pairs,
                few_pages,
                &mut problems,
            );
            (loaded, Some(reused.checks.unwrap_or_default()))
        }
        None => (
            crate::load::load(config.clone(), private, &mut problems),
            None,
        ),
    };
    let program = crate::validate::validate_with(loaded, &mut problems, memo.as_mut());
    let program = match program {
        Some(p) if !problems.has_errors() => p,
        _ => return Err(Failure::Program(problems)),
    };
    // The theme's words come with their own warnings (words left in English), said with the rest.
    let mut theme = Theme::load(&config).map_err(Failure::Render)?;
    problems.extend(std::mem::take(&mut theme.warnings));
    // A build sums up what repeats; `check` lists every problem.
    let mut warnings = crate::report::human_grouped(
        &problems.into_sorted_unplaced(),
        request.color,
        crate::report::SHOWN_PER_CODE,
    );
    // Said with the warnings, so that a build with nothing to do says it again.
    if let Some(note) = program.proposals_waiting() {
        warnings.push_str(&note);
        warnings.push('\n');
    }
    (say.warnings)(&warnings);
    if let Audience::Pair(id) = audience
        && !program.pairs.iter().any(|p| &p.id == id)
    {
        let closest = crate::diagnostic::did_you_mean(
            id.as_str(),
            program.pairs.iter().map(|p| p.id.as_str()),
        );
        return Err(Failure::NoPair {
            id: id.clone(),
            closest: closest.map(str::to_owned),
        });
    }
    let browser = request
        .pdf
        .map(|o| pdf::find_browser(o.browser.as_deref(), &config))
        .transpose()
        .map_err(Failure::Pdf)?;
    let mut options = Options {
        audience: audience.clone(),
        pdf: request.pdf.is_some(),
        today: Some(today),
        progress: crate::progress::Progress::on_terminal(),
        search_parts: None,
    };
    let load = started.elapsed();
    let layout = inputs
        .is_some()
        .then(|| crate::render::layout_key(&program, &options));
    let rooms = inputs
        .as_ref()
        .and_then(|_| crate::render::rooms_key(&program, &options));
    let partial = match (&inputs, &changes, previous.finish(), layout) {
        (Some(inputs), Some(changes), Some(previous), Some(layout)) => {
            Partial::of(inputs, changes, previous, layout, rooms, &program)
        }
        _ => None,
    };
    // The public edition keeps its index's parts for the next build, and takes the last build's
    // when only pair files changed since (a partial build).
    options.search_parts = inputs
        .as_ref()
        .filter(|_| private == PrivateValues::Dropped)
        .and_then(|i| {
            Some(Keep {
                path: inputs::search_parts_file(&i.dest)?,
                key: i.fingerprint,
                from: partial.as_ref().map(|p| (p.from, p.ids.clone())),
            })
        });
    // The checked pairs are kept before the site is in place: they depend on the program folder
    // alone. Before a whole site is rendered, so that the memory of the checks is given back
    // first; beside the rendering of a partial build, far from the peak of memory (at 10,000
    // pairs, writing the 98 MB file takes 0.1 to 0.3 s). Without it (a cache folder that cannot be
    // written) the next build parses and checks every pair, which is only slower.
    let to_keep = cache.as_ref().zip(memo.take());
    let (keep_now, keep_beside) = match partial {
        Some(_) => (None, to_keep),
        None => (to_keep, None),
    };
    if let Some((cache, memo)) = keep_now {
        let _ = cache.keep(&memo);
    }
    let mut staging = std::thread::scope(|s| {
        let keeping = keep_beside.map(|(cache, memo)| s.spawn(move || cache.keep(&memo)));
        let staged = match partial {
            Some(partial) => stage(
                root,
                &target,
                &program,
                &mut theme,
                &options,
                &partial.selection(),
                Some(partial.record),
            ),
            None => Err(Stopped::Output(output::Error::Stale {
                path: target.dest.clone(),
            })),
        };
        if let Some(keeping) = keeping {
            let _ = keeping.join();
        }
        staged
    });
    // Without a partial build, or when the output folder changed under it: everything.
    if let Err(Stopped::Output(output::Error::Stale { .. })) = staging {
        staging = stage(
            root,
            &target,
            &program,
            &mut theme,
            &options,
            &Selection::All,
            None,
        );
    }
    options.progress.finish();
    let Staging { site, staged, .. } = staging?;
    let render = started.elapsed() - load;
    let pages = site.rendered_pages() + site.kept_pages();

    pdf::carry_over(&staged, &site).map_err(Failure::Pdf)?;
    let made = match (&browser, request.pdf) {
        (Some(b), Some(o)) => Some(pdf::make(&staged, &site, b, o).map_err(Failure::Pdf)?),
        _ => None,
    };
    let (written, committed) = staged.commit_recorded()?;
    // Of the commit's record, only the time the site was exact is kept (its manifest is 10 MB).
    let exact_since = committed.exact_since();
    drop(committed);
    let elapsed = started.elapsed();
    if let (Some(inputs), Some(layout)) = (inputs, layout) {
        let last = LastBuild {
            fingerprint: inputs.fingerprint,
            context: inputs.context,
            layout,
            rooms,
            files: inputs.files,
            pages,
            pairs: program.pairs.len(),
            warnings,
            exact_since,
        };
        // Without a record (a cache folder that cannot be written) the next build is a full one,
        // which is only slower: not worth a warning on every build.
        let _ = inputs::record(&inputs.dest, &last);
    }
    let built = Built {
        dest: target.dest,
        pages,
        pairs: program.pairs.len(),
        wrote: Wrote::Site {
            written,
            rendered: site.rendered_pages(),
            load,
            cached,
            render,
            index: site.index_parts,
            pdf: made.map(|r| (site.prints.len(), r)),
        },
        elapsed,
    };
    // Freeing the program's every string one at a time would keep the process waiting (70 ms for
    // 10,000 pairs) for memory the system takes back at once when it ends.
    std::mem::forget(program);
    Ok(built)
}

/// The last build's record, and the output folder being looked over against it on a thread of
/// its own ([`inputs::Recorded::vouched`]).
struct Vouching {
    /// The fingerprint the record has.
    fingerprint: Option<u128>,
    /// The thread, until it is joined.
    thread: Option<std::thread::JoinHandle<Option<Previous>>>,
}

impl Vouching {
    /// Starts looking over the output folder `dest` against `recorded`; nothing without either.
    fn start(recorded: Option<inputs::Recorded>, dest: Option<PathBuf>) -> Vouching {
        let fingerprint = recorded.as_ref().map(|r| r.last.fingerprint);
        let thread = recorded.zip(dest).and_then(|(r, dest)| {
            std::thread::Builder::new()
                .name("output folder".into())
                .spawn(move || r.vouched(&dest))
                .ok()
        });
        Vouching {
            fingerprint,
            thread,
        }
    }

    /// The fingerprint of the last build, as its record has it.
    fn fingerprint(&self) -> Option<u128> {
        self.fingerprint
    }

    /// The last build, when the output folder is still as it left it; `None` the second time.
    fn finish(&mut self) -> Option<Previous> {
        self.thread.take()?.join().ok().flatten()
    }
}

/// What a build without PDF files reads, for telling whether the last build already made its site
/// or which of its files changed since.
struct Inputs {
    /// The output folder.
    dest: PathBuf,
    /// The program folder's files.
    files: ProgramFiles,
    /// A hash of everything else the site and the console depend on.
    context: u128,
    /// The program folder's [fingerprint](ProgramFiles::fingerprint), with the context mixed in.
    fingerprint: u128,
    /// The version and identity of the executable.
    exe: String,
}

impl Inputs {
    /// `None` when a file cannot be read: the build then reports it.
    /// `dest` is the output folder, `target.dest` made absolute; `before`, the files as the last
    /// build into it read them.
    fn of(
        config: &Config,
        target: &Target,
        dest: PathBuf,
        today: Date,
        color: bool,
        before: Option<&ProgramFiles>,
    ) -> Option<Inputs> {
        // The executable (another build of mentorbook may render differently: its size and time
        // tell, as they do for cargo), the edition, the date pages and checks depend on, how
        // problems are shown, and the site's address (`--base-url` may set it). Not where the
        // program or the output folder are: the site does not depend on it.
        let exe = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
        let exe = format!(
            "{}\n{} {:?}",
            env!("CARGO_PKG_VERSION"),
            exe.len(),
            exe.modified().ok()?
        );
        let context = format!(
            "{exe}\n{}\n{today}\n{color}\n{:?}",
            target.audience, config.site.base_url,
        );
        let files = ProgramFiles::read_since(&config.root, before)?;
        Some(Inputs {
            dest,
            fingerprint: files.fingerprint(&context),
            context: crate::hash::hash(context.as_bytes()),
            files,
            exe,
        })
    }
}

/// The cache of parsed and checked pairs ([`pair_cache`]) of one build of the public site.
struct PairCache {
    /// Where it is.
    path: PathBuf,
    /// What this build's entries are valid for.
    keys: pair_cache::Keys,
    /// What the cache held when the build found it, if it was readable.
    before: Option<pair_cache::Found>,
    /// The program folder, where problems are read from when shown.
    root: Arc<Path>,
    /// The files the build read.
    files: ProgramFiles,
}

impl PairCache {
    /// The cache of the program folder `root` for a build that read `inputs`; `None` without a
    /// cache folder.
    fn open(root: &Path, inputs: &Inputs) -> Option<PairCache> {
        Some(PairCache {
            path: pair_cache::file_for(root)?,
            keys: pair_cache::Keys::of(&inputs.exe, &inputs.files, Date::today()),
            before: None,
            root: Arc::from(root),
            files: inputs.files.clone(),
        })
    }

    /// What the build can take from the cache: nothing from one that is missing or damaged. Its
    /// bytes are not kept past this.
    fn reuse(&mut self) -> pair_cache::Reused {
        let Some(found) = pair_cache::Cached::read(&self.path) else {
            return pair_cache::Reused::default();
        };
        let reused = found.reuse(&self.files, &self.keys, &self.root, Date::today());
        // A cache whose pairs do not all decode is not kept either: the next build writes it anew.
        self.before = reused.is_some().then(|| found.found());
        reused.unwrap_or_default()
    }

    /// Keeps the pairs `memo` checked for the next build.
    fn keep(&self, memo: &crate::validate::Memo) -> std::io::Result<()> {
        pair_cache::write(
            &self.path,
            self.keys,
            &self.files,
            memo,
            self.before.as_ref(),
        )
    }
}

/// A build of the pages some pairs' files touch, when nothing else changed since the last build.
struct Partial {
    /// The pairs whose files were edited.
    ids: BTreeSet<PairId>,
    /// Whether who has room in the mentor directory may have changed since.
    rooms: bool,
    /// The fingerprint of the last build, whose state this one starts from.
    from: u128,
    /// What the last build left, vouched for.
    record: Record,
}

impl Partial {
    /// The partial build `program` allows after `previous`, when every file that changed since
    /// (`changes`, from the files `previous` recorded) is an existing pair's file (not added, not
    /// removed), the edition has the same files as before
    /// (`layout`, [`crate::render::layout_key`]: no pair shown or hidden), the build's context is
    /// the same and the site holds no PDF files (which `mentorbook pdf` keeps current). `rooms` is
    /// who has room in the mentor directory now ([`crate::render::rooms_key`]).
    fn of(
        inputs: &Inputs,
        changes: &FileChanges,
        previous: Previous,
        layout: u128,
        rooms: Option<u128>,
        program: &Book,
    ) -> Option<Partial> {
        let last = &previous.last;
        if last.context != inputs.context
            || last.layout != layout
            || last.files.0.is_empty()
            || previous.record.has_pdf()
        {
            return None;
        }
        if !changes.only_pairs_edited() {
            return None;
        }
        let mut ids = BTreeSet::new();
        for path in &changes.edited {
            let path = Path::new(path);
            let pair = program.pairs.iter().find(|p| p.source == path)?;
            ids.insert(pair.id.clone());
        }
        Some(Partial {
            ids,
            rooms: rooms.is_none() || rooms != last.rooms,
            from: last.fingerprint,
            record: previous.record,
        })
    }

    /// What the build renders: the pairs' pages, the pages that list pairs (what they show of
    /// the edited pairs is not known from before), the mentor directory when who has room may
    /// have changed, and the search index.
    fn selection(&self) -> Selection {
        Selection::Pairs {
            ids: self.ids.clone(),
            lists: true,
            rooms: self.rooms,
            index: true,
        }
    }
}
