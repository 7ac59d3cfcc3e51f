//! Rendering: the program to pages in memory. Pure: reads nothing, writes nothing, so it can be
//! snapshot-tested and run in parallel. [`crate::output`] writes what it returns.

mod pages;
pub mod print;
pub mod theme;
pub mod view;

use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::diagnostic::Problem;
use crate::model::{Audience, Chapter, Pair, Phase, PhaseId, Program};
pub use print::PrintDoc;
pub use theme::{Asset, Theme};
use view::{Link, NavView, Scope, SiteView, Url, url};

/// One rendered page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Path in the site, such as `pairs/ana-ben/enabling/index.html`.
    pub path: PathBuf,
    /// The HTML.
    pub html: String,
}

/// Everything the output folder will hold.
#[derive(Debug)]
pub struct Site {
    /// Pages, sorted by path, and the other files rendered (robots.txt, the search index).
    pub pages: Vec<Page>,
    /// Static files, under `static/`.
    pub assets: Vec<Asset>,
    /// The pages made for paper, each with the PDF file [`crate::pdf`] can make from it.
    pub prints: Vec<PrintDoc>,
}

/// Choices that change what the pages say.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Who the build is for: the public site (the default) or a private edition.
    pub audience: Audience,
    /// The build makes PDF files of the workbooks and the handbook, so pages link to them.
    pub pdf: bool,
}

/// The kinds of page, each with what it is about.
#[derive(Clone, Copy)]
enum PageKind<'a> {
    Home,
    Guide,
    Chapter(usize, &'a Chapter),
    Phases,
    Phase(&'a Phase),
    Pairs,
    Pair(&'a Pair),
    PairPhase(&'a Pair, PhaseId),
    Workbook(&'a Pair),
    BlankWorkbook,
    PrintHandbook,
    NotFound,
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
pub fn render(program: &Program, theme: &mut Theme, options: &Options) -> Result<Site, Problem> {
    let audience = &options.audience;
    let scope = Scope::new(program, audience);
    let site = SiteView {
        audience: audience.to_string(),
        title: &program.config.book.title,
        description: program.config.book.description.as_deref(),
        language: &program.config.book.language,
        program: &program.info.name,
        organisation: program.info.organisation.as_deref(),
        base_url: program.config.site.base_url.as_deref(),
        custom_css: theme
            .assets
            .iter()
            .any(|a| a.path == std::path::Path::new("custom.css")),
        paper: program.config.print.paper.css_size(),
        pdf: options.pdf,
        print: print::links(),
    };
    let nav = NavView {
        chapters: program
            .chapters
            .iter()
            .map(|c| Link {
                title: c.front.title.as_str().into(),
                url: url(&format!("guide/{}", c.id)),
            })
            .collect(),
        phases: program
            .phases
            .iter()
            .map(|p| Link {
                title: p.file.title.as_str().into(),
                url: url(&format!("phases/{}", p.id)),
            })
            .collect(),
        pair_count: scope.pairs.len(),
    };
    let globals = theme.tera.global_context();
    globals.insert("site", &site);
    globals.insert("nav", &nav);

    let mut kinds = vec![
        PageKind::Home,
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
    for &pair in &scope.pairs {
        kinds.push(PageKind::Pair(pair));
        kinds.extend(PhaseId::ALL.map(|p| PageKind::PairPhase(pair, p)));
        kinds.push(PageKind::Workbook(pair));
    }
    let theme = &*theme;
    let mut pages = kinds
        .into_par_iter()
        .map(|kind| render_page(&scope, theme, kind))
        .collect::<Result<Vec<_>, _>>()?;
    pages.push(Page {
        path: PathBuf::from(crate::search::INDEX_PATH),
        html: crate::search::script(&scope),
    });
    if !audience.is_public() {
        // A private edition must not be indexed even if it ends up somewhere reachable.
        pages.push(Page {
            path: PathBuf::from("robots.txt"),
            html: "User-agent: *\nDisallow: /\n".to_owned(),
        });
    }
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Site {
        pages,
        assets: theme.assets.clone(),
        prints: print::docs(&scope),
    })
}

fn render_page<'a>(scope: &Scope<'a>, theme: &Theme, kind: PageKind<'a>) -> Result<Page, Problem> {
    let program = scope.program;
    let (dir, template, title, mut ctx) = pages::context(scope, kind);
    let root = match dir.as_str() {
        // The 404 page is served at any address, so its links start from the site's root.
        "404" => program.config.site.base_url.as_deref().map_or_else(
            || "/".to_owned(),
            |b| format!("{}/", b.trim_end_matches('/')),
        ),
        "" => String::new(),
        _ => "../".repeat(dir.matches('/').count() + 1),
    };
    let crumbs = pages::crumbs(program, kind);
    ctx.insert("root", &root);
    ctx.insert(
        "page",
        &PageMeta {
            title,
            url: url(&dir),
            crumbs,
        },
    );
    let html = theme
        .tera
        .render(template, &ctx)
        .map_err(|e| theme.problem(&e))?;
    let path = if dir == "404" {
        PathBuf::from("404.html")
    } else {
        PathBuf::from(url(&dir))
    };
    Ok(Page { path, html })
}

/// A context with one entry, for the page functions.
fn context_with<T: Serialize + ?Sized>(key: &'static str, value: &T) -> Context {
    let mut ctx = Context::new();
    ctx.insert(key, value);
    ctx
}
