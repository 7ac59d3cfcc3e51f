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
pub mod exports;
mod family;
mod ics;
mod mentors;
mod not_found;
mod pager;
mod pages;
mod pair_facts;
mod pairs_list;
pub mod print;
pub mod progress;
mod robots;
pub mod search;
mod sitemap;
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
use crate::model::{Audience, Date, Pair, PairId};
use crate::paths::{self, Url};
use family::{Output, PAIRS_PER_PAGE, PageKind, Source};
use pages::Made;
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
    /// The paths of the files rendered, in no particular order; the search index by its manifest,
    /// [`crate::paths::SEARCH_INDEX`] (its pieces, in [`crate::paths::SEARCH_DIR`], go with it).
    pub paths: Vec<PathBuf>,
    /// The paths of the pages of the site that a [`Selection`] left out, in no particular order:
    /// they are as the last build made them; the search index by its manifest, as in
    /// [`Site::paths`]. Listed by [`render_only`] only: [`render_to`] counts
    /// them in [`Site::kept_pages`] (70,000 paths made for nothing cost a one-pair rebuild of a
    /// large program some 12 ms).
    pub kept: Vec<PathBuf>,
    /// How many pages were rendered (see [`Site::rendered_pages`]).
    rendered_pages: usize,
    /// How many pages a [`Selection`] left out, counted as [`Site::rendered_pages`] counts.
    kept_pages: usize,
    /// Static files, under `static/`.
    pub assets: Vec<Asset>,
    /// How many parts of pairs the search index has, and how many were taken as the last build
    /// [kept](search::Keep) them; none when the index was not rendered.
    pub index_parts: search::Taken,
    /// The pages made for paper, each with the PDF file [`crate::pdf`] can make from it; empty
    /// unless every page was rendered ([`Selection::All`]).
    pub prints: Vec<PrintDoc>,
}

impl Site {
    /// How many pages were rendered: the files of [`Site::pages`] but the search index, which is
    /// data for the pages rather than a page.
    pub fn rendered_pages(&self) -> usize {
        self.rendered_pages
    }

    /// How many pages were [kept](Site::kept), counted as [`Site::rendered_pages`] counts.
    pub fn kept_pages(&self) -> usize {
        self.kept_pages
    }
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
    /// Where the search index's parts are kept for the next build, and whether this one may take
    /// the last build's ([`search::Keep`]); `None` makes every part and keeps none.
    pub search_parts: Option<search::Keep>,
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
    /// The search index, made from every pair, is rendered when `index` is true. It is not shown
    /// until someone searches, so a `serve` rebuild that must be quick leaves it out and renders
    /// it afterwards with [`Selection::Index`]; a `build` renders it at once.
    Pairs {
        /// The pairs whose pages are rendered.
        ids: BTreeSet<PairId>,
        /// Whether what the lists show of the pairs changed (see [`lists_key`]).
        lists: bool,
        /// Whether the mentor directory is rendered: when who has room may have changed (see
        /// [`rooms_key`]). Never without `lists`.
        rooms: bool,
        /// Whether the search index is rendered too.
        index: bool,
    },
    /// Only the search index.
    Index,
}

impl Selection {
    /// Whether an output made from `source` is rendered: the one filter that chooses what to
    /// rebuild, what a rebuild keeps and what it counts. `pairs` are the pairs of the edition, in
    /// the order of the list of pairs.
    fn includes(&self, source: Source<'_>, pairs: &[&Pair]) -> bool {
        match (self, source) {
            (Selection::All, _) => true,
            (Selection::Pairs { ids, .. }, Source::Pair(p)) => ids.contains(&p.id),
            (Selection::Pairs { lists, .. }, Source::Lists) => *lists,
            // A page of the list of pairs shows its own pairs and how many there are: the pages
            // of the other pairs keep their bytes.
            (Selection::Pairs { ids, lists, .. }, Source::ListPage(n)) => {
                *lists
                    && pairs
                        .chunks(PAIRS_PER_PAGE)
                        .nth(n - 1)
                        .is_some_and(|on| on.iter().any(|p| ids.contains(&p.id)))
            }
            (Selection::Pairs { lists, rooms, .. }, Source::Rooms) => *lists && *rooms,
            (Selection::Pairs { index, .. }, Source::Index) => *index,
            (Selection::Pairs { .. }, Source::Program) => false,
            (Selection::Index, source) => matches!(source, Source::Index),
        }
    }
}

/// A hash of everything the outputs made from every pair's [`Source::Lists`] show of the pairs
/// `ids`, for the audience and date of `options`: each one's summary (the lists' rows and counts),
/// the dashboard of that pair alone, what the program's calendar shows of it
/// ([`calendar::listed`]), its row in the list's data ([`pairs_list::row`]) and whether it takes
/// its mentor's room in the mentor directory ([`mentors::occupies`]), made by the same functions
/// that make those pages. When an edit to
/// those pairs keeps the key, the pages that list pairs keep their bytes and need not be rendered
/// again.
pub fn lists_key(book: &Book, options: &Options, ids: &BTreeSet<PairId>) -> u128 {
    let strings = strings::Strings::builtin();
    let scope = Scope::new(book, &options.audience, strings);
    let today = options.today.unwrap_or_else(Date::today);
    let mut bytes = Vec::new();
    for pair in scope.pairs.iter().filter(|p| ids.contains(&p.id)) {
        let view = view::PairView::of(&scope, pair);
        let dashboard = dashboard::Dashboard::of(&scope.with_pairs(vec![pair]), today, strings);
        let calendar = calendar::listed(&scope, pair, today);
        let row = pairs_list::row(&scope, pair, today);
        let _ = serde_json::to_writer(&mut bytes, &(&pair.id, &view, &dashboard, calendar, row));
    }
    // The mentor directory counts every pair, those hidden from the audience too, against its
    // mentor's room.
    for pair in book.program.pairs.iter().filter(|p| ids.contains(&p.id)) {
        let taken = mentors::occupies(pair, today);
        let _ = serde_json::to_writer(&mut bytes, &(&pair.file.mentor.value, taken));
    }
    crate::hash::hash(&bytes)
}

/// A hash of what the mentor directory shows of the pairs on `options`' date: each mentor with
/// room, and how much, in the directory's order. The people are the same in a partial build (only
/// pair files changed), so two builds with the same key make the same directory, but in a pair's
/// edition, which shows more of that pair's two people: `None` there, for always rendered.
pub fn rooms_key(book: &Book, options: &Options) -> Option<u128> {
    if matches!(options.audience, Audience::Pair(_)) {
        return None;
    }
    let today = options.today.unwrap_or_else(Date::today);
    let mut bytes = Vec::new();
    for (mentor, room) in mentors::with_room(&book.program, today) {
        bytes.extend_from_slice(mentor.id.value.as_str().as_bytes());
        bytes.push(0);
        bytes.extend_from_slice(&room.to_le_bytes());
    }
    Some(crate::hash::hash(&bytes))
}

/// A hash of the path of every file the edition of `book` for `options.audience` has
/// ([`family::outputs`], the theme's static files aside): two renders with the same key make the
/// same files, which a rebuild of some of them needs (it keeps the others as they are).
pub fn layout_key(book: &Book, options: &Options) -> u128 {
    let scope = Scope::new(book, &options.audience, strings::Strings::builtin());
    let mut bytes = Vec::new();
    let today = options.today.unwrap_or_else(Date::today);
    for output in family::outputs(&scope, today) {
        bytes.extend_from_slice(output.path().as_os_str().as_encoded_bytes());
        bytes.push(0);
    }
    crate::hash::hash(&bytes)
}

/// Who an edition is for, in the words of `[editions]`.
fn audience_name(audience: &Audience, strings: &strings::Strings) -> String {
    let words = &strings.editions;
    match audience {
        Audience::Public => String::new(),
        Audience::Coordinators => words.coordinators.clone(),
        Audience::Pair(id) => strings::fill(&words.pair, &[("pair", id.as_str())]),
    }
}

/// The page's title, where it is, and the way back to the home page.
#[derive(Serialize)]
struct PageMeta<'a> {
    title: String,
    url: Url,
    crumbs: Vec<Link<'a>>,
    /// The page's address on the public site, when it has a base URL.
    canonical: Option<String>,
    /// The page that edits the file this page shows, with `[site] edit-url-template`.
    edit_url: Option<String>,
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

/// The paths of the files that `selection` leaves out, as [`render_to`] counts them.
fn kept_paths(book: &Book, options: &Options, selection: &Selection) -> Vec<PathBuf> {
    let scope = Scope::new(book, &options.audience, strings::Strings::builtin());
    let today = options.today.unwrap_or_else(Date::today);
    family::outputs(&scope, today)
        .into_iter()
        .filter(|o| !selection.includes(o.source(), &scope.pairs))
        .map(Output::path)
        .collect()
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
    let scope = Scope::new(book, audience, &theme.strings);
    let program = scope.program;
    let site = SiteView {
        audience: audience.to_string(),
        audience_name: audience_name(audience, &theme.strings),
        title: &book.config.book.title,
        description: book.config.book.description.as_deref(),
        language: &book.config.book.language,
        dir: theme.strings.lang.dir(),
        program: &program.info.name,
        organisation: program.info.organisation.as_deref(),
        base_url: book.config.site.base_url.as_deref(),
        favicon: paths::FAVICON.to_owned(),
        image: share_image(&book.config.site),
        custom_css: theme
            .assets
            .iter()
            .any(|a| a.path == std::path::Path::new("custom.css")),
        paper: book.config.print.paper.css_size(),
        pdf: options.pdf,
        print: print::links(),
        urls: view::SiteUrls::default(),
        pairs: scope.shown.as_str(),
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
        mentors: mentors::has_directory(program),
    };
    let globals = theme.tera.global_context();
    globals.insert("site", &site);
    globals.insert("nav", &nav);
    globals.insert("t", &theme.strings);
    globals.insert("anchors", &anchors::ANCHORS);

    let today = options.today.unwrap_or_else(Date::today);
    let (outputs, kept): (Vec<_>, Vec<_>) = family::outputs(&scope, today)
        .into_iter()
        .partition(|o| selection.includes(o.source(), &scope.pairs));
    let kept_pages = kept.into_iter().filter(|o| o.is_page()).count();
    let rendered_pages = outputs.iter().filter(|o| o.is_page()).count();
    let paths: Vec<PathBuf> = outputs.iter().map(|&o| o.path()).collect();
    let mut kinds = Vec::new();
    let mut calendars = Vec::new();
    let mut others = Vec::new();
    for output in outputs {
        match output {
            Output::Page(kind) => kinds.push(kind),
            Output::Calendar(which) => calendars.push(which),
            Output::SearchIndex
            | Output::Robots
            | Output::Sitemap
            | Output::PairsData
            | Output::MentorsData
            | Output::Export(_) => others.push(output),
        }
    }
    // Counting for the dashboard goes over every pair: only when a page shows it.
    let lists = kinds.iter().any(|k| k.lists_pairs());
    let none = scope.with_pairs(Vec::new());
    // Where the pairs have no pages (`[public] pairs = "names"`), nothing of them is counted.
    let counted = lists && scope.pair_pages();
    let dashboard =
        dashboard::Dashboard::of(if counted { &scope } else { &none }, today, &theme.strings);
    let theme = &*theme;
    let shared = Shared::of(&scope);
    options.progress.stage("rendering", kinds.len());
    // Memory has two peaks: the pages that list every pair (every pair's summary as template
    // values, kept in `shared` from the pairs' own pages, and a page of up to 16 MB) and the search
    // index. They come after the other pages, when what loading the program left behind has gone
    // back to the system, and one after the other: the lists on one thread while the other makes
    // the calendars, then the index with both, once `shared` is dropped.
    let (lists_job, jobs) = jobs(kinds);
    let made = Made {
        shared: &shared,
        dashboard: &dashboard,
        today,
    };
    let render_job = |job: Job<'_>| {
        let values = job[0].pair().map(|p| PairValues::of(&scope, &shared, p));
        for kind in job {
            let page = render_page(&scope, theme, kind, &made, values.as_ref())?;
            options.progress.inc();
            sink(page)?;
        }
        Ok::<_, E>(())
    };
    jobs.into_par_iter().try_for_each(render_job)?;
    // Handed on as they are made: ten thousand calendars would otherwise be held at once.
    let (listed, calendared) = rayon::join(
        || lists_job.map_or(Ok(()), render_job),
        || {
            calendars.into_par_iter().try_for_each(|which| {
                let output = Output::Calendar(which);
                match calendar::file(&scope, which, today) {
                    Some(html) => sink(Page {
                        path: output.path(),
                        html,
                    }),
                    None => Ok(()),
                }
            })
        },
    );
    listed?;
    calendared?;
    // The pairs' summaries are not needed by the index, which is the other peak of memory.
    drop(shared);
    let mut index_parts = search::Taken::default();
    for output in others {
        let html = match (output, book.config.site.base_url.as_deref()) {
            (Output::SearchIndex, _) => {
                index_parts =
                    search::write(&scope, today, options.search_parts.as_ref(), &mut |file| {
                        sink(Page {
                            path: file.path,
                            html: file.text,
                        })
                    })?;
                continue;
            }
            (Output::PairsData, _) => pairs_list::script(&scope, today),
            (Output::MentorsData, _) => mentors::script(&scope, today),
            (Output::Sitemap, Some(base_url)) => sitemap::xml(&scope, base_url, today),
            (Output::Export(e), _) => e.csv(&scope, today),
            (_, base_url) => robots::txt(audience, base_url),
        };
        sink(Page {
            path: output.path(),
            html,
        })?;
    }
    Ok(Site {
        pages: Vec::new(),
        paths,
        kept: Vec::new(),
        rendered_pages,
        kept_pages,
        assets: theme.assets.clone(),
        index_parts,
        // Only a build of every page is followed by making PDF files.
        prints: if *selection == Selection::All {
            print::docs(&scope)
        } else {
            Vec::new()
        },
    })
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
    made: &Made<'_, 'a>,
    pair: Option<&PairValues<'a>>,
) -> Result<Page, Problem> {
    let spec = kind.spec();
    let (title, mut ctx) = pages::context(scope, kind, made, pair);
    let site = &scope.config.site;
    let root = spec.place.root(site.base_url.as_deref());
    ctx.insert("root", &root);
    // A private edition's pages are not the public ones: they name no public address.
    let canonical = site
        .base_url
        .as_deref()
        .filter(|_| scope.audience.is_public() && !spec.place.is_anywhere())
        .map(|base| paths::absolute(base, &spec.place.web_path()));
    let edit_url = site
        .edit_url_template
        .as_deref()
        .zip(kind.edited_file())
        .map(|(template, file)| paths::edit_url(template, file));
    ctx.insert(
        "page",
        &PageMeta {
            title,
            url: spec.place.url(),
            crumbs: family::crumbs(scope, spec.under),
            canonical,
            edit_url,
        },
    );
    let html = if kind.lists_pairs() {
        // A page that lists 10,000 pairs is about 16 MB: written into a buffer that need not grow
        // (growing, it is held twice for a moment; what is never written to costs no memory).
        let mut html = Vec::with_capacity((64 << 10) + scope.pairs.len() * (2 << 10));
        theme
            .tera
            .render_to(spec.template, &ctx, &mut html)
            .map_err(|e| theme.problem(&e))?;
        // Tera writes the text of templates and values, all UTF-8.
        String::from_utf8(html)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    } else {
        theme
            .tera
            .render(spec.template, &ctx)
            .map_err(|e| theme.problem(&e))?
    };
    Ok(Page {
        path: spec.place.file(),
        html,
    })
}

/// The web address of `[site] image`, for the cards a shared page shows: as written when it is a
/// web address, under the base URL when it is a path in the site, none without a base URL (the
/// cards take absolute addresses only).
fn share_image(site: &crate::config::SiteSection) -> Option<String> {
    let image = site.image.as_deref()?;
    if image.starts_with("https://") || image.starts_with("http://") {
        Some(image.to_owned())
    } else {
        Some(paths::absolute(site.base_url.as_deref()?, image))
    }
}

/// A context with one entry, for the page functions.
fn context_with<T: Serialize + ?Sized>(key: &'static str, value: &T) -> Context {
    let mut ctx = Context::new();
    ctx.insert(key, value);
    ctx
}
