//! The map of the site: the path and URL of everything a build writes, made here and nowhere else.
//!
//! A page is the `index.html` of a folder named for what it shows (`pairs/ana-ben/enabling/`), so
//! that its links work from a host and from a disk alike. A [`Url`] is relative to the site's root:
//! templates write `{{ root }}{{ x.url }}`, where `root` leads from the page back to the root
//! ([`Place::root`]). Views carry the URLs their templates need; no other module or template puts a
//! path together from pieces.
//!
//! The layout:
//!
//! | what | where |
//! | --- | --- |
//! | home, dashboard (coordinators only) | `index.html`, `dashboard/` |
//! | guide and its chapters, handbook for print | `guide/`, `guide/<chapter>/`, `print/` |
//! | phases | `phases/`, `phases/<phase>/` |
//! | the list of pairs, its pages after the first, its data for sorting and filtering | `pairs/`, `pairs/page/<n>/`, `pairs/list.js` |
//! | pairs, a pair, its phases, its workbook, its calendar | `pairs/`, `pairs/<pair>/`, `pairs/<pair>/<phase>/`, `pairs/<pair>/workbook/`, `pairs/<pair>/meetings.ics` |
//! | blank workbook | `workbook/` |
//! | PDF files | `pdf/handbook.pdf`, `pdf/workbook.pdf`, `pdf/<pair>.pdf` |
//! | the program's calendar, search index, robots, sitemap, 404 | `calendar.ics`, `search-index.js`, `robots.txt`, `sitemap.xml`, `404.html` |
//! | the coordinators' spreadsheets (their edition only) | `exports/pairs.csv`, `exports/people.csv`, `exports/progress.csv` |
//! | the search index's pieces | `search/terms-<n>.js`, `search/docs-<n>.js` |
//! | the theme's static files | `static/` |

use std::path::{Path, PathBuf};

use crate::model::{ChapterId, PairId, PhaseId};

/// A link target, relative to the site root (`pairs/ana-ben/index.html`).
pub type Url = String;

/// The folder of the theme's static files.
pub const STATIC_DIR: &str = "static";

/// The folder of the PDF files.
pub const PDF_DIR: &str = "pdf";

/// The search index's manifest, a script that tells `static/search.js` the language's rules and
/// which piece under [`SEARCH_DIR`] holds what.
pub const SEARCH_INDEX: &str = "search-index.js";

/// The folder of the search index's pieces: every file in it is made with [`SEARCH_INDEX`].
pub const SEARCH_DIR: &str = "search";

/// The search index's piece `n` of terms: a range of terms and the sections that hold them.
pub fn search_terms(n: usize) -> Url {
    format!("{SEARCH_DIR}/terms-{n}.js")
}

/// The search index's piece `n` of sections: a block of sections and their pages.
pub fn search_docs(n: usize) -> Url {
    format!("{SEARCH_DIR}/docs-{n}.js")
}

/// The program's calendar file.
pub const PROGRAM_CALENDAR: &str = "calendar.ics";

/// The name of a pair's calendar file, in the pair's folder.
const PAIR_CALENDAR: &str = "meetings.ics";

/// The file that turns search engines away from a private edition.
pub const ROBOTS: &str = "robots.txt";

/// The list of the public site's pages for search engines (only with a base URL).
pub const SITEMAP: &str = "sitemap.xml";

/// The folder of the coordinators' spreadsheets (CSV files), in their edition only.
pub const EXPORTS_DIR: &str = "exports";

/// The site's icon, one of the theme's static files.
pub const FAVICON: &str = "static/favicon.svg";

/// The name of the handbook's PDF file, beside the pairs' own in [`PDF_DIR`].
pub const HANDBOOK_PDF: &str = "handbook";

/// The name of the blank workbook's PDF file, beside the pairs' own in [`PDF_DIR`].
pub const BLANK_WORKBOOK_PDF: &str = "workbook";

/// Where a page is in the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The page's folder (`pairs/ana-ben`), empty for the home page.
    dir: String,
    /// The page is served at any address that has no page (the 404 page): it is a file at the
    /// root, and its links start from the site's address.
    anywhere: bool,
}

impl Place {
    fn folder(dir: impl Into<String>) -> Place {
        Place {
            dir: dir.into(),
            anywhere: false,
        }
    }

    /// The page's URL, relative to the site root.
    pub fn url(&self) -> Url {
        if self.dir.is_empty() {
            "index.html".to_owned()
        } else {
            format!("{}/index.html", self.dir)
        }
    }

    /// The page's address relative to the site root, as it is published: its folder with a
    /// trailing `/` (`pairs/ana-ben/`), empty for the home page, the file for a page served
    /// anywhere. Joined to the base URL ([`absolute`]), it is the page's canonical address.
    pub fn web_path(&self) -> String {
        if self.anywhere {
            format!("{}.html", self.dir)
        } else if self.dir.is_empty() {
            String::new()
        } else {
            format!("{}/", self.dir)
        }
    }

    /// Whether the page is served at any address that has none (the 404 page).
    pub fn is_anywhere(&self) -> bool {
        self.anywhere
    }

    /// The file the page is written to, relative to the output folder.
    pub fn file(&self) -> PathBuf {
        if self.anywhere {
            PathBuf::from(format!("{}.html", self.dir))
        } else {
            PathBuf::from(self.url())
        }
    }

    /// What leads from the page back to the site root: `../` once per folder, nothing for the home
    /// page, and for a page served anywhere the site's address (`base_url`) or `/`.
    pub fn root(&self, base_url: Option<&str>) -> String {
        if self.anywhere {
            base_url.map_or_else(
                || "/".to_owned(),
                |b| format!("{}/", b.trim_end_matches('/')),
            )
        } else if self.dir.is_empty() {
            String::new()
        } else {
            "../".repeat(self.dir.matches('/').count() + 1)
        }
    }
}

/// The home page.
pub fn home() -> Place {
    Place::folder("")
}

/// The coordinators' dashboard.
pub fn dashboard() -> Place {
    Place::folder("dashboard")
}

/// The guide's table of contents.
pub fn guide() -> Place {
    Place::folder("guide")
}

/// A guide chapter.
pub fn chapter(id: &ChapterId) -> Place {
    Place::folder(format!("guide/{id}"))
}

/// The handbook for print.
pub fn print_handbook() -> Place {
    Place::folder("print")
}

/// The four phases.
pub fn phases() -> Place {
    Place::folder("phases")
}

/// A phase's page: its blank checklist and guidance.
pub fn phase(id: PhaseId) -> Place {
    Place::folder(format!("phases/{id}"))
}

/// The mentor directory.
pub fn mentors() -> Place {
    Place::folder("mentors")
}

/// The list of pairs: its first page.
pub fn pairs() -> Place {
    Place::folder("pairs")
}

/// Page `n` (from 1) of the list of pairs: the first is [`pairs`], the others `pairs/page/<n>/`.
pub fn pairs_page(n: usize) -> Place {
    if n <= 1 {
        pairs()
    } else {
        Place::folder(format!("pairs/page/{n}"))
    }
}

/// The data the list of pairs sorts and filters by, a script that defines it for
/// `static/pairs-list.js` (a script, not JSON, so that it loads from `file://`).
pub const PAIRS_DATA: &str = "pairs/list.js";

/// A pair's overview.
pub fn pair(id: &PairId) -> Place {
    Place::folder(format!("pairs/{id}"))
}

/// A pair's page for one phase.
pub fn pair_phase(id: &PairId, phase: PhaseId) -> Place {
    Place::folder(format!("pairs/{id}/{phase}"))
}

/// A pair's workbook.
pub fn workbook(id: &PairId) -> Place {
    Place::folder(format!("pairs/{id}/workbook"))
}

/// The blank workbook.
pub fn blank_workbook() -> Place {
    Place::folder("workbook")
}

/// The page for any address that has none.
pub fn not_found() -> Place {
    Place {
        dir: "404".to_owned(),
        anywhere: true,
    }
}

/// A pair's calendar file.
pub fn pair_calendar(id: &PairId) -> Url {
    format!("pairs/{id}/{PAIR_CALENDAR}")
}

/// The spreadsheet called `file` (`pairs.csv`), in [`EXPORTS_DIR`].
pub fn export(file: &str) -> Url {
    format!("{EXPORTS_DIR}/{file}")
}

/// The PDF file called `name`: a pair's id, [`HANDBOOK_PDF`] or [`BLANK_WORKBOOK_PDF`].
pub fn pdf(name: &str) -> Url {
    format!("{PDF_DIR}/{name}.pdf")
}

/// A pair's PDF workbook.
pub fn pair_pdf(id: &PairId) -> Url {
    pdf(id.as_str())
}

/// The web address of a site path, given the site's address.
pub fn absolute(base_url: &str, url: &str) -> String {
    format!("{}/{url}", base_url.trim_end_matches('/'))
}

/// The address of the page that edits the source file `source` (relative to the program folder),
/// from `[site] edit-url-template`: `{path}` replaced by the file's path, written with `/`.
pub fn edit_url(template: &str, source: &Path) -> String {
    let path: Vec<String> = source
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    template.replace("{path}", &path.join("/"))
}

/// Whether `path` (relative to the output folder) is one of the theme's static files.
pub fn is_static(path: &Path) -> bool {
    path.starts_with(STATIC_DIR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_folders_and_the_404_page_a_file() {
        let id = PairId::new("ana-ben").unwrap();
        assert_eq!(home().url(), "index.html");
        assert_eq!(home().root(None), "");
        let p = pair_phase(&id, PhaseId::Enabling);
        assert_eq!(p.url(), "pairs/ana-ben/enabling/index.html");
        assert_eq!(p.file(), Path::new("pairs/ana-ben/enabling/index.html"));
        assert_eq!(p.root(None), "../../../");
        assert_eq!(not_found().file(), Path::new("404.html"));
        assert_eq!(not_found().root(None), "/");
        assert_eq!(
            not_found().root(Some("https://example.org/mb/")),
            "https://example.org/mb/"
        );
    }

    #[test]
    fn web_paths_are_folders_and_edit_urls_name_the_source() {
        let id = PairId::new("ana-ben").unwrap();
        assert_eq!(home().web_path(), "");
        assert_eq!(pair(&id).web_path(), "pairs/ana-ben/");
        assert_eq!(
            absolute("https://example.org/repo/", &pair(&id).web_path()),
            "https://example.org/repo/pairs/ana-ben/"
        );
        assert_eq!(absolute("https://example.org", ""), "https://example.org/");
        assert_eq!(
            edit_url(
                "https://github.com/o/r/edit/main/{path}",
                Path::new("content/pairs/ana-ben.yaml")
            ),
            "https://github.com/o/r/edit/main/content/pairs/ana-ben.yaml"
        );
    }

    #[test]
    fn the_pdf_files_of_the_handbook_and_blank_workbook_cannot_be_a_pairs() {
        for name in [HANDBOOK_PDF, BLANK_WORKBOOK_PDF] {
            assert!(PairId::RESERVED.contains(&name), "{name} is not reserved");
        }
    }
}
