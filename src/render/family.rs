//! Every file a render makes, each kind described once.
//!
//! [`outputs`] lists them all: pages, calendars, the search index, `robots.txt`, `sitemap.xml`, the
//! coordinators' spreadsheets. Each says where it
//! goes and what it is made from ([`Source`]); a page also says its template and the page it sits
//! under ([`Spec`]), from which its breadcrumbs follow. Choosing what to rebuild, listing what a
//! rebuild kept and counting pages are one filter over that list ([`super::Selection::includes`]).
//! What a page shows is made in [`super::pages`].
//!
//! A new kind of output is a variant here, one arm of [`Output::source`] and [`Output::path`] (or of
//! [`PageKind::spec`] for a page), and the code that makes its bytes.

use std::borrow::Cow;
use std::path::PathBuf;

use super::exports::Export;
use super::pair_facts::pair_title;
use super::view::{Link, Scope};
use crate::config::PairsShown;
use crate::model::{Audience, Chapter, Date, Pair, Phase, PhaseId};
use crate::paths::{self, Place};

/// One file of the site.
#[derive(Clone, Copy)]
pub(super) enum Output<'a> {
    /// A page, rendered from a template.
    Page(PageKind<'a>),
    /// A pair's calendar, or (`None`) the program's.
    Calendar(Option<&'a Pair>),
    /// What the list of pairs sorts and filters by (a pair's name, phase, progress, dates, mentor
    /// and status), for the script of its pages.
    PairsData,
    /// What the mentor directory filters by (each listed mentor's name, page, expertise, meeting
    /// modes and times and languages, as the audience sees them), for the script of its pages.
    MentorsData,
    /// The search index: its manifest, at [`Output::path`], and its pieces in
    /// [`paths::SEARCH_DIR`], as many as its size needs (see [`super::search::write`]). A rebuild
    /// that keeps it keeps the folder; one that makes it again replaces the folder's files.
    SearchIndex,
    /// `robots.txt`, which keeps a private edition out of search engines, and points them to the
    /// public site's sitemap when the site is at the root of its host.
    Robots,
    /// `sitemap.xml`, the public site's pages for search engines (with a base URL only).
    Sitemap,
    /// One of the coordinators' spreadsheets, `exports/<name>.csv` (their edition only).
    Export(Export),
}

/// What an output is made from, so what an edit can change.
#[derive(Clone, Copy)]
pub(super) enum Source<'a> {
    /// The program's guide, phases and settings, and which pairs there are: a change to any of
    /// them rebuilds everything.
    Program,
    /// One pair's file.
    Pair(&'a Pair),
    /// What lists and counts show of every pair: each pair's summary, its share of the dashboard
    /// and its dates in the program's calendar (see [`super::lists_key`]).
    Lists,
    /// Page `n` (from 1) of the list of pairs: what the lists show of the pairs on that page
    /// alone ([`PAIRS_PER_PAGE`] of them, in the order of their ids), beside how many pairs there
    /// are, which no partial rebuild changes.
    ListPage(usize),
    /// What the mentor directory shows: the people, and each mentor's room, which the pairs
    /// under way take (see [`super::rooms_key`]). An edit to a pair file changes it only when it
    /// changes who has room.
    Rooms,
    /// Everything every pair says that the audience may read, for the search index.
    Index,
}

/// The kinds of page, each with what it is about.
#[derive(Clone, Copy)]
pub(super) enum PageKind<'a> {
    Home,
    /// The coordinators' edition only.
    Dashboard,
    Guide,
    Chapter(usize, &'a Chapter),
    Phases,
    Phase(&'a Phase),
    /// The list of pairs: its first page.
    Pairs,
    /// Page `n` (from 2) of the list of pairs, [`PAIRS_PER_PAGE`] a page.
    PairsPage(usize),
    /// The mentor directory: the mentors with room (when a mentor has a profile), its first page.
    Mentors,
    /// Page `n` (from 2) of the mentor directory, [`super::mentors::MENTORS_PER_PAGE`] a page.
    MentorsPage(usize),
    /// A pair's overview.
    Pair(&'a Pair),
    PairPhase(&'a Pair, PhaseId),
    Workbook(&'a Pair),
    BlankWorkbook,
    PrintHandbook,
    NotFound,
}

/// How many pairs a page of the list of pairs shows: at 10,000 pairs, one list of them all was a
/// page of 16 MB.
pub(super) const PAIRS_PER_PAGE: usize = 100;

/// How many pages the list of `pairs` pairs takes: at least one, which says there are none.
pub(super) fn pages_of(pairs: usize) -> usize {
    pairs.div_ceil(PAIRS_PER_PAGE).max(1)
}

/// How a page is made and where it sits.
pub(super) struct Spec<'a> {
    /// Where it goes.
    pub place: Place,
    /// The theme's template.
    pub template: &'static str,
    /// The page it sits under in the breadcrumbs; `None` for a page outside the trail.
    pub under: Option<Up<'a>>,
    /// What it is made from.
    pub source: Source<'a>,
}

/// A page that others sit under, as the breadcrumbs name it.
#[derive(Clone, Copy)]
pub(super) enum Up<'a> {
    Home,
    Guide,
    Phases,
    Pairs,
    Mentors,
    Pair(&'a Pair),
}

impl<'a> PageKind<'a> {
    /// How the page is made and where it sits.
    pub fn spec(self) -> Spec<'a> {
        use PageKind as K;
        let (place, template, under, source) = match self {
            K::Home => (paths::home(), "index.html", None, Source::Lists),
            K::Dashboard => (
                paths::dashboard(),
                "dashboard.html",
                Some(Up::Home),
                Source::Lists,
            ),
            K::Guide => (
                paths::guide(),
                "guide.html",
                Some(Up::Home),
                Source::Program,
            ),
            K::Chapter(_, c) => (
                paths::chapter(&c.id),
                "chapter.html",
                Some(Up::Guide),
                Source::Program,
            ),
            K::Phases => (
                paths::phases(),
                "phases.html",
                Some(Up::Home),
                Source::Lists,
            ),
            K::Phase(p) => (
                paths::phase(p.id),
                "phase.html",
                Some(Up::Phases),
                Source::Lists,
            ),
            K::Pairs => (
                paths::pairs(),
                "pairs.html",
                Some(Up::Home),
                Source::ListPage(1),
            ),
            K::PairsPage(n) => (
                paths::pairs_page(n),
                "pairs.html",
                Some(Up::Pairs),
                Source::ListPage(n),
            ),
            // Made from the people and, for each mentor's room, from which pairs are under way.
            K::Mentors => (
                paths::mentors(),
                "mentors.html",
                Some(Up::Home),
                Source::Rooms,
            ),
            K::MentorsPage(n) => (
                paths::mentors_page(n),
                "mentors.html",
                Some(Up::Mentors),
                Source::Rooms,
            ),
            K::Pair(pair) => (
                paths::pair(&pair.id),
                "pair.html",
                Some(Up::Pairs),
                Source::Pair(pair),
            ),
            K::PairPhase(pair, phase) => (
                paths::pair_phase(&pair.id, phase),
                pair_phase_template(phase),
                Some(Up::Pair(pair)),
                Source::Pair(pair),
            ),
            K::Workbook(pair) => (
                paths::workbook(&pair.id),
                "workbook.html",
                Some(Up::Pair(pair)),
                Source::Pair(pair),
            ),
            K::BlankWorkbook => (
                paths::blank_workbook(),
                "workbook.html",
                Some(Up::Home),
                Source::Program,
            ),
            K::PrintHandbook => (
                paths::print_handbook(),
                "print.html",
                Some(Up::Guide),
                Source::Program,
            ),
            K::NotFound => (paths::not_found(), "404.html", None, Source::Program),
        };
        Spec {
            place,
            template,
            under,
            source,
        }
    }

    /// The pair the page belongs to, if any.
    pub fn pair(self) -> Option<&'a Pair> {
        match self.spec().source {
            Source::Pair(p) => Some(p),
            _ => None,
        }
    }

    /// The file the page shows, relative to the program folder, for its "Edit this page" link:
    /// a chapter's, a phase's, or a pair's for the pair's overview and phase pages. `None` for the
    /// pages made from many files, and for the pages made for paper.
    pub fn edited_file(self) -> Option<&'a std::path::Path> {
        match self {
            PageKind::Chapter(_, c) => Some(&c.source),
            PageKind::Phase(p) => Some(&p.source),
            PageKind::Pair(pair) | PageKind::PairPhase(pair, _) => Some(&pair.source),
            _ => None,
        }
    }

    /// Whether the page is for search engines to list: every page to read, not the pages made
    /// for paper (the same words as the pages they print) nor the 404 page.
    pub fn is_listed(self) -> bool {
        !matches!(
            self,
            PageKind::Workbook(_)
                | PageKind::BlankWorkbook
                | PageKind::PrintHandbook
                | PageKind::NotFound
        )
    }

    /// Whether the page lists or counts pairs.
    pub fn lists_pairs(self) -> bool {
        matches!(
            self.spec().source,
            Source::Lists | Source::ListPage(_) | Source::Rooms
        )
    }
}

fn pair_phase_template(phase: PhaseId) -> &'static str {
    match phase {
        PhaseId::Initiation => "pair-initiation.html",
        PhaseId::Negotiation => "pair-negotiation.html",
        PhaseId::Enabling => "pair-enabling.html",
        PhaseId::Closure => "pair-closure.html",
    }
}

impl<'a> Up<'a> {
    /// The page this one sits under.
    fn up(self) -> Option<Up<'a>> {
        match self {
            Up::Home => None,
            Up::Guide | Up::Phases | Up::Pairs | Up::Mentors => Some(Up::Home),
            Up::Pair(_) => Some(Up::Pairs),
        }
    }

    fn link(self, scope: &Scope<'_>) -> Link<'static> {
        let w = &scope.strings.pages;
        let (title, place) = match self {
            Up::Home => (w.home.clone(), paths::home()),
            Up::Guide => (w.guide.clone(), paths::guide()),
            Up::Phases => (w.phases.clone(), paths::phases()),
            Up::Pairs => (w.pairs.clone(), paths::pairs()),
            Up::Mentors => (w.mentors.clone(), paths::mentors()),
            Up::Pair(pair) => (pair_title(scope, pair), paths::pair(&pair.id)),
        };
        Link {
            title: Cow::Owned(title),
            url: place.url(),
        }
    }
}

/// The breadcrumbs of a page under `under`: from the home page down to (not including) the page.
pub(super) fn crumbs(scope: &Scope<'_>, under: Option<Up<'_>>) -> Vec<Link<'static>> {
    let mut trail: Vec<Link<'static>> = std::iter::successors(under, |u| u.up())
        .map(|u| u.link(scope))
        .collect();
    trail.reverse();
    trail
}

impl<'a> Output<'a> {
    /// What the output is made from.
    pub fn source(self) -> Source<'a> {
        match self {
            Output::Page(kind) => kind.spec().source,
            Output::Calendar(Some(pair)) => Source::Pair(pair),
            Output::Calendar(None) => Source::Lists,
            Output::PairsData => Source::Lists,
            Output::MentorsData => Source::Rooms,
            Output::SearchIndex => Source::Index,
            Output::Robots => Source::Program,
            // It names the pages of the pairs the audience sees, which an edit to a pair file can
            // change (a pair made private leaves the public site); `lists_key` sees that, as it
            // does for the list of pairs. What a pair's pages say does not change it, so an edit
            // that keeps the lists keeps it too.
            Output::Sitemap => Source::Lists,
            // Made from every pair's record (the relationship type, when each item was ticked),
            // more than the lists show: remade with the search index, never kept from a partial
            // rebuild. (No partial rebuild makes the coordinators' edition today: `serve` and
            // `watch` build the public site.)
            Output::Export(_) => Source::Index,
        }
    }

    /// Where the output goes in the site.
    pub fn path(self) -> PathBuf {
        match self {
            Output::Page(kind) => kind.spec().place.file(),
            Output::Calendar(Some(pair)) => PathBuf::from(paths::pair_calendar(&pair.id)),
            Output::Calendar(None) => PathBuf::from(paths::PROGRAM_CALENDAR),
            Output::PairsData => PathBuf::from(paths::PAIRS_DATA),
            Output::MentorsData => PathBuf::from(paths::MENTORS_DATA),
            Output::SearchIndex => PathBuf::from(paths::SEARCH_INDEX),
            Output::Robots => PathBuf::from(paths::ROBOTS),
            Output::Sitemap => PathBuf::from(paths::SITEMAP),
            Output::Export(e) => PathBuf::from(paths::export(e.file_name())),
        }
    }

    /// Whether the output counts as a page in what a build reports: every file but the search
    /// index, which is data for the pages rather than something to read, the sitemap, which
    /// is data for search engines, and the spreadsheets, data for the coordinators.
    pub fn is_page(self) -> bool {
        !matches!(
            self,
            Output::SearchIndex
                | Output::Sitemap
                | Output::PairsData
                | Output::MentorsData
                | Output::Export(_)
        )
    }
}

/// Every file of the site that `scope`'s audience gets, in a fixed order: the program's pages,
/// then each pair's pages and calendar, then the program's calendar, the search index,
/// `sitemap.xml` (the public site, when it has a base URL), `robots.txt` (a private edition) and the
/// spreadsheets of [`Export`] (the coordinators' edition).
/// On the public site, `[public] pairs` leaves out what it does not show: the list of pairs
/// (`none`), the pairs' pages and the program's calendar (`names`), the workbooks and the pairs'
/// calendars (`progress`).
/// The mentor directory has a page per [`super::mentors::MENTORS_PER_PAGE`] mentors with room on `today`.
pub(super) fn outputs<'a>(scope: &Scope<'a>, today: Date) -> Vec<Output<'a>> {
    use PageKind as K;
    let program = scope.program;
    let mut all: Vec<Output<'a>> = [
        K::Home,
        K::Guide,
        K::Phases,
        K::BlankWorkbook,
        K::PrintHandbook,
        K::NotFound,
    ]
    .into_iter()
    .map(Output::Page)
    .collect();
    // `[public] pairs` decides what the public site has of the pairs (a private edition has all).
    let shown = scope.shown;
    if shown > PairsShown::None {
        all.push(Output::Page(K::Pairs));
        let pages = pages_of(scope.pairs.len());
        all.extend((2..=pages).map(|n| Output::Page(K::PairsPage(n))));
        // Sorting and filtering by phase, progress and dates needs them shown.
        if scope.pair_pages() && !scope.pairs.is_empty() {
            all.push(Output::PairsData);
        }
    }
    if super::mentors::has_directory(program) {
        all.push(Output::Page(K::Mentors));
        let listed = super::mentors::with_room(program, today).len();
        let pages = super::mentors::pages_of(listed);
        all.extend((2..=pages).map(|n| Output::Page(K::MentorsPage(n))));
        // The filters (offered from two mentors) read every listed mentor from it, whichever
        // page they are on.
        if listed > 1 {
            all.push(Output::MentorsData);
        }
    }
    let chapters = program.chapters.iter().enumerate();
    all.extend(chapters.map(|(i, c)| Output::Page(K::Chapter(i, c))));
    all.extend(program.phases.iter().map(|p| Output::Page(K::Phase(p))));
    if *scope.audience == Audience::Coordinators {
        all.push(Output::Page(K::Dashboard));
    }
    for &pair in scope.pairs.iter().filter(|_| scope.pair_pages()) {
        all.push(Output::Page(K::Pair(pair)));
        all.extend(PhaseId::ALL.map(|p| Output::Page(K::PairPhase(pair, p))));
        if shown == PairsShown::Full {
            all.push(Output::Page(K::Workbook(pair)));
            all.push(Output::Calendar(Some(pair)));
        }
    }
    // The program's calendar holds the pairs' dates: there is none without pairs.
    if !scope.pairs.is_empty() && scope.pair_pages() {
        all.push(Output::Calendar(None));
    }
    all.push(Output::SearchIndex);
    // Search engines are told of the public site only, and a sitemap's addresses are absolute.
    let base_url = scope.config.site.base_url.as_deref();
    if scope.audience.is_public() && base_url.is_some() {
        all.push(Output::Sitemap);
    }
    // Crawlers read `robots.txt` at the root of a host only: the public site has one when it is
    // there, to name its sitemap.
    if !scope.audience.is_public() || base_url.is_some_and(super::robots::at_host_root) {
        all.push(Output::Robots);
    }
    // Contact details of everyone, and every pair's record: for the coordinators only.
    if *scope.audience == Audience::Coordinators {
        all.extend(Export::ALL.map(Output::Export));
    }
    all
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;
    use crate::model::PrivateValues;
    use crate::render::strings::Strings;

    fn bundled() -> crate::book::Book {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let (book, problems) = crate::load_program_with(root, PrivateValues::Kept);
        book.unwrap_or_else(|| panic!("{problems:?}"))
    }

    fn day() -> Date {
        Date::parse("2026-03-01").expect("a date")
    }

    #[test]
    fn every_output_has_its_own_path_and_every_trail_starts_at_home() {
        let book = bundled();
        let strings = Strings::default();
        for audience in [Audience::Public, Audience::Coordinators] {
            let scope = Scope::new(&book, &audience, &strings);
            let outputs = outputs(&scope, day());
            let paths: BTreeSet<PathBuf> = outputs.iter().map(|o| o.path()).collect();
            assert_eq!(paths.len(), outputs.len(), "two outputs share a path");
            for output in outputs {
                let Output::Page(kind) = output else { continue };
                let crumbs = crumbs(&scope, kind.spec().under);
                if let Some(first) = crumbs.first() {
                    assert_eq!(first.url, paths::home().url());
                }
                // A pair's pages are made from that pair alone; the lists from every pair.
                match (kind, kind.spec().source) {
                    (PageKind::Pair(p), Source::Pair(q)) => assert_eq!(p.id, q.id),
                    (PageKind::Home, source) => assert!(matches!(source, Source::Lists)),
                    (PageKind::Pairs, source) => assert!(matches!(source, Source::ListPage(1))),
                    (PageKind::PairsPage(n), source) => {
                        assert!(matches!(source, Source::ListPage(m) if m == n))
                    }
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn a_pairs_phase_page_sits_under_the_pair_under_the_pairs() {
        let book = bundled();
        let strings = Strings::default();
        let scope = Scope::new(&book, &Audience::Coordinators, &strings);
        let pair = scope.pairs[0];
        let trail = crumbs(
            &scope,
            PageKind::PairPhase(pair, PhaseId::Enabling).spec().under,
        );
        let urls: Vec<_> = trail.iter().map(|l| l.url.clone()).collect();
        assert_eq!(
            urls,
            [
                paths::home().url(),
                paths::pairs().url(),
                paths::pair(&pair.id).url()
            ]
        );
        assert_eq!(trail[2].title, pair_title(&scope, pair));
    }

    #[test]
    fn only_a_private_edition_has_robots_and_only_pairs_give_a_program_calendar() {
        let book = bundled();
        let strings = Strings::default();
        let has = |scope: &Scope<'_>, path: &str| {
            outputs(scope, day())
                .iter()
                .any(|o| o.path() == Path::new(path))
        };
        let public = Scope::new(&book, &Audience::Public, &strings);
        assert!(!has(&public, paths::ROBOTS));
        assert!(has(&public, paths::PROGRAM_CALENDAR));
        assert!(!has(
            &public.with_pairs(Vec::new()),
            paths::PROGRAM_CALENDAR
        ));
        let coordinators = Scope::new(&book, &Audience::Coordinators, &strings);
        assert!(has(&coordinators, paths::ROBOTS));
    }

    #[test]
    fn only_the_public_site_with_a_base_url_has_a_sitemap() {
        let mut book = bundled();
        let strings = Strings::default();
        let has_sitemap = |book: &crate::book::Book, audience: &Audience| {
            let scope = Scope::new(book, audience, &strings);
            outputs(&scope, day())
                .iter()
                .any(|o| o.path() == Path::new(paths::SITEMAP))
        };
        assert!(!has_sitemap(&book, &Audience::Public));
        book.config.site.base_url = Some("https://example.org/mb/".to_owned());
        assert!(has_sitemap(&book, &Audience::Public));
        assert!(!has_sitemap(&book, &Audience::Coordinators));
        let has_robots = |book: &crate::book::Book| {
            let scope = Scope::new(book, &Audience::Public, &strings);
            outputs(&scope, day())
                .iter()
                .any(|o| o.path() == Path::new(paths::ROBOTS))
        };
        assert!(
            !has_robots(&book),
            "robots.txt under a path, where no crawler reads it"
        );
        book.config.site.base_url = Some("https://example.org".to_owned());
        assert!(has_robots(&book));
    }
}
