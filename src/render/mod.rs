//! Rendering: the program to pages in memory, in parallel. It writes nothing: [`crate::output`]
//! writes what it returns. It is not pure: [`Theme::load`] reads the theme's folder, and a render
//! whose [`Options::today`] is `None` reads the clock ([`Date::today`]). Given a loaded theme and a
//! date, the same program gives the same bytes, which the snapshot tests rely on.
//!
//! The search index ([`search`]) is one of its products, made from the same views as the pages.

pub mod anchors;
pub mod calendar;
pub mod charts;
pub mod dashboard;
mod ics;
mod pages;
mod pair_facts;
pub mod print;
pub mod progress;
pub mod search;
pub mod strings;
pub mod theme;
mod values;
pub mod view;

use std::collections::BTreeSet;
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::book::Book;
use crate::diagnostic::Problem;
use crate::model::{Audience, Chapter, Date, Pair, PairId, Phase, PhaseId};
use crate::paths::{self, Url};
pub use print::PrintDoc;
pub use theme::{Asset, Theme};
use values::{PairValues, Shared};
use view::{Link, NavView, Scope, SiteView};

/// One rendered page, or another file made from the program (a calendar, `robots.txt`).
#[derive(Debug, Clone)]
pub struct Page {
    /// Path in the site, such as `pairs/ana-ben/enabling/index.html` or `calendar.ics`.
    pub path: PathBuf,
    /// The file's text: HTML for a page, or the format its path's extension names.
    pub html: String,
}

/// Everything the output folder will hold.
#[derive(Debug)]
pub struct Site {
    /// Pages, sorted by path, and the other files rendered (robots.txt, calendars, the search
    /// index): every one, or those a [`Selection`] chose. Empty when [`render_to`] handed them
    /// to a sink.
    pub pages: Vec<Page>,
    /// The paths of the files rendered, in no particular order.
    pub paths: Vec<PathBuf>,
    /// The paths of the pages of the site that a [`Selection`] left out, in no particular order:
    /// they are as the last build made them. Listed by [`render_only`] only: [`render_to`] counts
    /// them in [`Site::kept_pages`] (70,000 paths made for nothing cost a one-pair rebuild of a
    /// large program some 12 ms).
    pub kept: Vec<PathBuf>,
    /// How many pages a [`Selection`] left out, counted as [`Site::rendered_pages`] counts.
    kept_pages: usize,
    /// Static files, under `static/`.
    pub assets: Vec<Asset>,
    /// The pages made for paper, each with the PDF file [`crate::pdf`] can make from it; empty
    /// unless every page was rendered ([`Selection::All`]).
    pub prints: Vec<PrintDoc>,
}

impl Site {
    /// How many pages were rendered: the files of [`Site::pages`] but the search index, which is
    /// data for the pages rather than a page.
    pub fn rendered_pages(&self) -> usize {
        self.paths.iter().filter(|p| is_page(p)).count()
    }

    /// How many pages were [kept](Site::kept), counted as [`Site::rendered_pages`] counts.
    pub fn kept_pages(&self) -> usize {
        self.kept_pages
    }
}

fn is_page(path: &std::path::Path) -> bool {
    path != std::path::Path::new(paths::SEARCH_INDEX)
}

/// Choices that change what the pages say.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Who the build is for: the public site (the default) or a private edition.
    pub audience: Audience,
    /// The build makes PDF files of the workbooks and the handbook, so pages link to them.
    pub pdf: bool,
    /// Counts rendered pages, for the progress bar of long builds.
    pub progress: crate::progress::Progress,
    /// The date the dashboard counts from (quiet pairs, relationships ending soon). `None` means
    /// [`Date::today`]; commands pass it in so that rendering itself reads no clock.
    pub today: Option<Date>,
}

/// Which pages to render.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Selection {
    /// Every page.
    #[default]
    All,
    /// What an edit to the files of some pairs can change, when the set of pairs and everything
    /// else stay the same: those pairs' pages and, when `lists` is true, the pages that list or
    /// count pairs (home, pairs, phases, dashboard). The guide's pages cannot change then.
    ///
    /// The search index, made from every pair, is left out: it is not shown until someone
    /// searches, so a rebuild that must be quick renders it afterwards with [`Selection::Index`].
    Pairs {
        /// The pairs whose pages are rendered.
        ids: BTreeSet<PairId>,
        /// Whether what the lists show of the pairs changed (see [`lists_key`]).
        lists: bool,
    },
    /// Only the search index.
    Index,
}

impl Selection {
    fn includes(&self, kind: PageKind<'_>) -> bool {
        match (self, kind.pair()) {
            (Selection::All, _) => true,
            (_, Some(p)) => self.includes_pair(p),
            (Selection::Pairs { lists, .. }, None) => *lists && kind.lists_pairs(),
            (Selection::Index, None) => false,
        }
    }

    /// Whether the pages that list or count pairs are rendered.
    fn lists(&self) -> bool {
        match self {
            Selection::All => true,
            Selection::Pairs { lists, .. } => *lists,
            Selection::Index => false,
        }
    }

    /// Whether the search index is made.
    fn indexes(&self) -> bool {
        matches!(self, Selection::All | Selection::Index)
    }

    fn includes_pair(&self, pair: &Pair) -> bool {
        match self {
            Selection::All => true,
            Selection::Pairs { ids, .. } => ids.contains(&pair.id),
            Selection::Index => false,
        }
    }
}

/// A hash of everything the pages that list or count pairs show of the pairs `ids` (each one's
/// summary, the dashboard of that pair alone, and its dates in the program's calendar), for the
/// audience and date of `options`. When an
/// edit to those pairs keeps the key, the pages that list pairs keep their bytes and need not be
/// rendered again.
pub fn lists_key(book: &Book, options: &Options, ids: &BTreeSet<PairId>) -> u128 {
    let scope = Scope::new(book, &options.audience);
    let today = options.today.unwrap_or_else(Date::today);
    let mut bytes = Vec::new();
    for pair in scope.pairs.iter().filter(|p| ids.contains(&p.id)) {
        let alone = Scope {
            config: scope.config,
            program: scope.program,
            audience: &options.audience,
            pairs: vec![pair],
        };
        let view = view::PairView::of(&scope, pair);
        let dashboard = dashboard::Dashboard::of(&alone, today, strings::Strings::builtin());
        // The program's calendar shows each pair's dates and the latest date of all.
        let stamp = calendar::stamp(&scope, pair);
        let _ = serde_json::to_writer(&mut bytes, &(&pair.id, &view, &dashboard, stamp));
    }
    crate::hash::hash(&bytes)
}

/// The kinds of page, each with what it is about.
#[derive(Clone, Copy)]
enum PageKind<'a> {
    Home(&'a dashboard::Dashboard<'a>),
    /// The coordinators' edition only.
    Dashboard(&'a dashboard::Dashboard<'a>),
    Guide,
    Chapter(usize, &'a Chapter),
    Phases,
    Phase(&'a Phase),
    Pairs,
    /// A pair's overview, with the date its progress picture marks as today.
    Pair(&'a Pair, Date),
    PairPhase(&'a Pair, PhaseId),
    Workbook(&'a Pair),
    BlankWorkbook,
    PrintHandbook,
    NotFound,
}

impl<'a> PageKind<'a> {
    /// Whether the page lists or counts pairs.
    fn lists_pairs(self) -> bool {
        matches!(
            self,
            PageKind::Home(_)
                | PageKind::Pairs
                | PageKind::Phases
                | PageKind::Phase(_)
                | PageKind::Dashboard(_)
        )
    }

    /// The pair the page belongs to, if any.
    fn pair(self) -> Option<&'a Pair> {
        match self {
            PageKind::Pair(p, _) | PageKind::PairPhase(p, _) | PageKind::Workbook(p) => Some(p),
            _ => None,
        }
    }

    /// Where the page goes in the site.
    fn path(self) -> PathBuf {
        pages::place(self).file()
    }
}

/// The page's title, where it is, and the way back to the home page.
#[derive(Serialize)]
struct PageMeta<'a> {
    title: String,
    url: Url,
    crumbs: Vec<Link<'a>>,
}

/// Renders every page of the program that `options.audience` may see, with `theme`. The public
/// audience gets the hosted site; any other gets a private edition, marked as such on every page.
/// The pages made for paper are scoped the same way: a pair's workbook exists only when the
/// audience may see the pair, and holds the private fields the audience may see.
pub fn render(book: &Book, theme: &mut Theme, options: &Options) -> Result<Site, Problem> {
    render_only(book, theme, options, &Selection::All)
}

/// Renders the pages that `selection` chooses, as [`render`] would; [`Site::kept`] lists the others.
pub fn render_only(
    book: &Book,
    theme: &mut Theme,
    options: &Options,
    selection: &Selection,
) -> Result<Site, Problem> {
    let pages = std::sync::Mutex::new(Vec::new());
    let mut site = render_to(book, theme, options, selection, &|page| {
        pages.lock().unwrap_or_else(|e| e.into_inner()).push(page);
        Ok::<_, Problem>(())
    })?;
    site.pages = pages.into_inner().unwrap_or_else(|e| e.into_inner());
    site.pages.sort_by(|a, b| a.path.cmp(&b.path));
    site.kept = kept_paths(book, options, selection);
    Ok(site)
}

/// The calendars that `selection` leaves out, each as its pair (`None`: the program's calendar).
fn kept_calendars<'s>(
    scope: &'s Scope<'_>,
    selection: &'s Selection,
) -> impl Iterator<Item = Option<&'s Pair>> {
    let whole = (!selection.lists() && !scope.pairs.is_empty()).then_some(None);
    whole.into_iter().chain(
        scope
            .pairs
            .iter()
            .filter(|p| !selection.includes_pair(p))
            .map(|&p| Some(p)),
    )
}

/// The paths of the files that `selection` leaves out, as [`render_to`] counts them.
fn kept_paths(book: &Book, options: &Options, selection: &Selection) -> Vec<PathBuf> {
    let scope = Scope::new(book, &options.audience);
    let no_pairs = Scope {
        config: scope.config,
        program: scope.program,
        audience: &options.audience,
        pairs: Vec::new(),
    };
    let today = options.today.unwrap_or_else(Date::today);
    // The dashboard is only carried by the pages' kinds here, not shown.
    let dashboard = dashboard::Dashboard::of(&no_pairs, today, strings::Strings::builtin());
    let mut kept: Vec<PathBuf> = page_kinds(&scope, &dashboard, today)
        .into_iter()
        .filter(|&k| !selection.includes(k))
        .map(PageKind::path)
        .collect();
    kept.extend(kept_calendars(&scope, selection).map(|pair| {
        PathBuf::from(pair.map_or_else(
            || paths::PROGRAM_CALENDAR.to_owned(),
            |p| paths::pair_calendar(&p.id),
        ))
    }));
    if !selection.indexes() {
        kept.push(PathBuf::from(paths::SEARCH_INDEX));
    }
    kept
}

/// Renders the pages that `selection` chooses and hands each one to `sink` as soon as it is made,
/// from any thread, so that a large site is never held in memory whole: the [`Site`] returned has
/// no [`Site::pages`], only their [paths](Site::paths). The first error, of a page or of the sink,
/// stops the rendering.
pub fn render_to<E: From<Problem> + Send>(
    book: &Book,
    theme: &mut Theme,
    options: &Options,
    selection: &Selection,
    sink: &(dyn Fn(Page) -> Result<(), E> + Sync),
) -> Result<Site, E> {
    let audience = &options.audience;
    let scope = Scope::new(book, audience);
    let program = scope.program;
    let site = SiteView {
        audience: audience.to_string(),
        title: &book.config.book.title,
        description: book.config.book.description.as_deref(),
        language: &book.config.book.language,
        program: &program.info.name,
        organisation: program.info.organisation.as_deref(),
        base_url: book.config.site.base_url.as_deref(),
        custom_css: theme
            .assets
            .iter()
            .any(|a| a.path == std::path::Path::new("custom.css")),
        paper: book.config.print.paper.css_size(),
        pdf: options.pdf,
        print: print::links(),
        urls: view::SiteUrls::default(),
    };
    let nav = NavView {
        chapters: program
            .chapters
            .iter()
            .map(|c| Link {
                title: c.front.title.as_str().into(),
                url: paths::chapter(&c.id).url(),
            })
            .collect(),
        phases: program
            .phases
            .iter()
            .map(|p| Link {
                title: p.file.title.as_str().into(),
                url: paths::phase(p.id).url(),
            })
            .collect(),
        pair_count: scope.pairs.len(),
    };
    let globals = theme.tera.global_context();
    globals.insert("site", &site);
    globals.insert("nav", &nav);
    globals.insert("t", &theme.strings);
    globals.insert("anchors", &anchors::ANCHORS);

    let today = options.today.unwrap_or_else(Date::today);
    let lists = selection.lists();
    // Counting for the dashboard goes over every pair: only when a page shows it.
    let no_pairs = Scope {
        config: scope.config,
        program,
        audience,
        pairs: Vec::new(),
    };
    let dashboard = dashboard::Dashboard::of(
        if lists { &scope } else { &no_pairs },
        today,
        &theme.strings,
    );
    let (kinds, kept): (Vec<_>, Vec<_>) = page_kinds(&scope, &dashboard, today)
        .into_iter()
        .partition(|&k| selection.includes(k));
    let mut kept_pages = kept.len();
    let mut paths: Vec<PathBuf> = kinds.iter().map(|&k| k.path()).collect();
    let theme = &*theme;
    let shared = Shared::of(&scope);
    options.progress.stage("rendering", kinds.len());
    let in_selection = |pair: &Pair| selection.includes_pair(pair);
    let with_index = selection.indexes();
    // Memory has two peaks: the pages that list every pair (every pair's summary as template
    // values, kept in `shared` from the pairs' own pages, and a page of up to 16 MB) and the search
    // index. They come after the other pages, when what loading the program left behind has gone
    // back to the system, and one after the other: the lists on one thread while the other makes
    // the calendars, then the index with both, once `shared` is dropped.
    let (lists_job, jobs) = jobs(kinds);
    let render_job = |job: Job<'_>| {
        let values = job[0].pair().map(|p| PairValues::of(&scope, &shared, p));
        for kind in job {
            let page = render_page(&scope, theme, kind, &shared, values.as_ref())?;
            options.progress.inc();
            sink(page)?;
        }
        Ok::<_, E>(())
    };
    jobs.into_par_iter().try_for_each(render_job)?;
    // Handed on as they are made: ten thousand calendars would otherwise be held at once.
    let calendars = std::sync::Mutex::new(Vec::new());
    let (listed, made) = rayon::join(
        || lists_job.map_or(Ok(()), render_job),
        || {
            calendar::files(&scope, &in_selection, lists, &theme.strings, &|page| {
                let mut made = calendars.lock().unwrap_or_else(|e| e.into_inner());
                made.push(page.path.clone());
                drop(made);
                sink(page)
            })
        },
    );
    listed?;
    made?;
    // The pairs' summaries are not needed by the index, which is the other peak of memory.
    drop(shared);
    paths.extend(calendars.into_inner().unwrap_or_else(|e| e.into_inner()));
    kept_pages += kept_calendars(&scope, selection).count();
    if with_index {
        let page = Page {
            path: PathBuf::from(paths::SEARCH_INDEX),
            html: search::script(&scope, &theme.strings.pair),
        };
        paths.push(page.path.clone());
        sink(page)?;
    }
    if !audience.is_public() {
        // A private edition must not be indexed even if it ends up somewhere reachable.
        let page = Page {
            path: PathBuf::from(paths::ROBOTS),
            html: "User-agent: *\nDisallow: /\n".to_owned(),
        };
        paths.push(page.path.clone());
        sink(page)?;
    }
    Ok(Site {
        pages: Vec::new(),
        paths,
        kept: Vec::new(),
        kept_pages,
        assets: theme.assets.clone(),
        // Only a build of every page is followed by making PDF files.
        prints: if *selection == Selection::All {
            print::docs(&scope)
        } else {
            Vec::new()
        },
    })
}

/// Every page of the site, each with what it is about.
fn page_kinds<'a>(
    scope: &Scope<'a>,
    dashboard: &'a dashboard::Dashboard<'a>,
    today: Date,
) -> Vec<PageKind<'a>> {
    let program = scope.program;
    let mut kinds = vec![
        PageKind::Home(dashboard),
        PageKind::Guide,
        PageKind::Phases,
        PageKind::Pairs,
        PageKind::BlankWorkbook,
        PageKind::PrintHandbook,
        PageKind::NotFound,
    ];
    kinds.extend(
        program
            .chapters
            .iter()
            .enumerate()
            .map(|(i, c)| PageKind::Chapter(i, c)),
    );
    kinds.extend(program.phases.iter().map(PageKind::Phase));
    if *scope.audience == Audience::Coordinators {
        kinds.push(PageKind::Dashboard(dashboard));
    }
    for &pair in &scope.pairs {
        kinds.push(PageKind::Pair(pair, today));
        kinds.extend(PhaseId::ALL.map(|p| PageKind::PairPhase(pair, p)));
        kinds.push(PageKind::Workbook(pair));
    }
    kinds
}

/// Pages that one thread renders one after the other.
type Job<'a> = Vec<PageKind<'a>>;

/// The pages to render, in jobs: the pages that list pairs in one job (`None` when there are
/// none), so that one thread makes them one after the other (at 10,000 pairs, two at once took
/// 170 MB); then each pair's pages together, so that they share the pair's values; every other
/// page alone.
fn jobs(kinds: Vec<PageKind<'_>>) -> (Option<Job<'_>>, Vec<Job<'_>>) {
    let (lists, kinds): (Vec<_>, Vec<_>) = kinds.into_iter().partition(|k| k.lists_pairs());
    let mut jobs: Vec<Job<'_>> = Vec::new();
    for kind in kinds {
        match (jobs.last_mut(), kind.pair()) {
            (Some(job), Some(p)) if job[0].pair().is_some_and(|q| q.id == p.id) => job.push(kind),
            _ => jobs.push(vec![kind]),
        }
    }
    ((!lists.is_empty()).then_some(lists), jobs)
}

fn render_page<'a>(
    scope: &Scope<'a>,
    theme: &Theme,
    kind: PageKind<'a>,
    shared: &Shared,
    pair: Option<&PairValues<'a>>,
) -> Result<Page, Problem> {
    let program = scope.program;
    let place = pages::place(kind);
    let (template, title, mut ctx) = pages::context(scope, kind, shared, pair, &theme.strings);
    let root = place.root(scope.config.site.base_url.as_deref());
    let crumbs = pages::crumbs(program, kind, &theme.strings.pages);
    ctx.insert("root", &root);
    ctx.insert(
        "page",
        &PageMeta {
            title,
            url: place.url(),
            crumbs,
        },
    );
    let html = if kind.lists_pairs() {
        // A page that lists 10,000 pairs is about 16 MB: written into a buffer that need not grow
        // (growing, it is held twice for a moment; what is never written to costs no memory).
        let mut html = Vec::with_capacity((64 << 10) + scope.pairs.len() * (2 << 10));
        theme
            .tera
            .render_to(template, &ctx, &mut html)
            .map_err(|e| theme.problem(&e))?;
        // Tera writes the text of templates and values, all UTF-8.
        String::from_utf8(html)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    } else {
        theme
            .tera
            .render(template, &ctx)
            .map_err(|e| theme.problem(&e))?
    };
    Ok(Page {
        path: place.file(),
        html,
    })
}

/// A context with one entry, for the page functions.
fn context_with<T: Serialize + ?Sized>(key: &'static str, value: &T) -> Context {
    let mut ctx = Context::new();
    ctx.insert(key, value);
    ctx
}
