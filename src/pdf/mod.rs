//! PDF files of the pages made for paper (every pair's workbook, the blank workbook and the handbook),
//! printed by a headless Chromium or Google Chrome found on the machine. Nothing is ever downloaded:
//! without a browser, [`find_browser`] says how to install one.
//!
//! # PDFs and atomic builds
//!
//! A build writes the whole site to a staged folder beside the output folder and swaps it into place
//! only when everything worked ([`crate::output::Staged`]). PDF files are made *in the staged folder,
//! before the swap*. So a build whose PDFs fail leaves the previous site (and its PDFs) untouched, and
//! a site in place never links to a PDF that is missing. This module is the one writer besides
//! [`crate::output`], and it writes only to the staged folder's `pdf/`.
//!
//! # Skipping what did not change
//!
//! A PDF depends only on the bytes of its page and of the static files (CSS, scripts) the page loads.
//! `pdf/.manifest` records, for each PDF, a key: a hash of those bytes. [`carry_over`] runs on every
//! build, with or without PDFs: it links (or copies) from the site in place into the staged folder
//! each PDF whose key matches the page just rendered, and drops the others, so PDFs survive a rebuild
//! but never go stale. [`make`] then sends only the pages without a current PDF to the browser.
//!
//! The pages made for paper do not depend on whether the build makes PDFs (links to PDFs are on the
//! pairs' other pages), so their keys are the same in both kinds of build. The site in place is only
//! read: a carried PDF is a new link to the same bytes, and a PDF that is made again is written to a
//! new file and renamed over its name, never written in place.

mod browser;
mod manifest;
mod pages;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub use browser::{BROWSERS, Browser, find_browser};
pub use manifest::MANIFEST;
use manifest::{Manifest, file_name, keys};

use crate::output::Staged;
use crate::paths::PDF_DIR;
use crate::render::{PrintDoc, Site};

/// Why PDF files could not be made; every variant names what it is about.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No browser was named and none was found.
    #[error("no browser to make PDF files with: looked for {} on PATH", BROWSERS.join(", "))]
    NoBrowser,
    /// The browser named in book.toml or with `--browser` is not there.
    #[error("the browser `{}` does not exist, or is not on PATH", path.display())]
    BrowserMissing {
        /// As named.
        path: PathBuf,
    },
    /// A file system operation failed.
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        /// What was being done.
        action: &'static str,
        /// On what.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// Some PDF files could not be made.
    #[error("{} of {total} PDF files could not be made:\n{}", failures.len(), list(failures))]
    Failed {
        /// What went wrong, file by file.
        failures: Vec<Failure>,
        /// How many were to be made.
        total: usize,
    },
}

fn list(failures: &[Failure]) -> String {
    failures
        .iter()
        .map(|f| format!("  {f}"))
        .collect::<Vec<_>>()
        .join("\n")
}

impl Error {
    /// How to fix it, for the messages.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            Error::NoBrowser | Error::BrowserMissing { .. } => Some(
                "install Chromium (Debian and Ubuntu: `sudo apt-get install chromium`; Fedora: \
                 `sudo dnf install chromium`; macOS and Windows: install Google Chrome), or name \
                 one with `--browser PATH` or `[print] browser` in book.toml; mentorbook never \
                 downloads a browser",
            ),
            Error::Failed { .. } => Some(
                "the site was not replaced; check that the browser runs (`chromium --headless \
                 --version`), or try fewer at a time with `--jobs 1`",
            ),
            Error::Io { .. } => None,
        }
    }
}

/// One PDF that could not be made.
#[derive(Debug)]
pub struct Failure {
    /// The PDF, as a path in the site.
    pub pdf: PathBuf,
    /// The page it was to be made from.
    pub page: PathBuf,
    /// What happened.
    pub why: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} (from {}): {}",
            self.pdf.display(),
            self.page.display(),
            self.why
        )
    }
}

fn io_err<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> Error + 'a {
    move |source| Error::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// Links (or, across file systems, copies) into the staged site every PDF of the site in place whose
/// page did not change, with its manifest entry. Returns how many were kept.
pub fn carry_over(staged: &Staged, site: &Site) -> Result<usize, Error> {
    let old_dir = staged.dest().join(PDF_DIR);
    let old = Manifest::read(&old_dir);
    if old.0.is_empty() {
        return Ok(0);
    }
    let new_dir = staged.dir().join(PDF_DIR);
    let mut kept = Manifest::default();
    for (doc, key) in site.prints.iter().zip(keys(site, staged)) {
        let name = file_name(doc);
        let from = old_dir.join(&name);
        let current = old.0.get(&name) == Some(&key);
        if !current || !fs::symlink_metadata(&from).is_ok_and(|m| m.is_file()) {
            continue;
        }
        fs::create_dir_all(&new_dir).map_err(io_err("create", &new_dir))?;
        let to = new_dir.join(&name);
        if fs::hard_link(&from, &to).is_err() {
            fs::copy(&from, &to).map_err(io_err("copy", &from))?;
        }
        kept.0.insert(name, key);
    }
    if !kept.0.is_empty() {
        kept.write(&new_dir)?;
    }
    Ok(kept.0.len())
}

/// How PDF files are made.
#[derive(Debug, Clone)]
pub struct Options {
    /// The browser named with `--browser`: overrides `[print] browser` and the search on PATH.
    pub browser: Option<PathBuf>,
    /// How many browsers run at once.
    pub jobs: usize,
}

impl Default for Options {
    fn default() -> Self {
        let cpus = std::thread::available_parallelism().map_or(2, usize::from);
        Options {
            browser: None,
            jobs: cpus.clamp(1, 6),
        }
    }
}

/// What [`make`] did.
#[derive(Debug)]
pub struct Report {
    /// PDFs made now, as paths in the site.
    pub made: Vec<PathBuf>,
    /// PDFs kept from the last run because their page did not change.
    pub unchanged: usize,
    /// How long it took.
    pub elapsed: Duration,
}

/// Makes every PDF of `site` that the staged folder does not already hold for the current page (see
/// [`carry_over`]), running up to `options.jobs` browsers at once, with a progress bar on a terminal.
/// Writes the manifest when all succeeded; otherwise reports every failure.
pub fn make(
    staged: &Staged,
    site: &Site,
    browser: &Browser,
    options: &Options,
) -> Result<Report, Error> {
    let started = Instant::now();
    let dir = staged.dir().join(PDF_DIR);
    fs::create_dir_all(&dir).map_err(io_err("create", &dir))?;
    let have = Manifest::read(&dir);
    let keys = keys(site, staged);
    let todo: Vec<&PrintDoc> = site
        .prints
        .iter()
        .zip(&keys)
        .filter(|(doc, key)| {
            let name = file_name(doc);
            have.0.get(&name) != Some(*key) || !dir.join(&name).is_file()
        })
        .map(|(doc, _)| doc)
        .collect();

    let bar = indicatif::ProgressBar::new(todo.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "making PDF files {bar:30} {pos}/{len} {elapsed} {wide_msg}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let failures = run_pool(staged.dir(), &todo, browser, options.jobs, &bar);
    bar.finish_and_clear();
    if !failures.is_empty() {
        return Err(Error::Failed {
            failures,
            total: todo.len(),
        });
    }
    Manifest(
        site.prints
            .iter()
            .zip(keys)
            .map(|(doc, key)| (file_name(doc), key))
            .collect(),
    )
    .write(&dir)?;
    Ok(Report {
        made: todo.iter().map(|d| d.pdf.clone()).collect(),
        unchanged: site.prints.len() - todo.len(),
        elapsed: started.elapsed(),
    })
}

/// Prints `docs` with at most `jobs` browsers at once; returns what failed.
fn run_pool(
    site_dir: &Path,
    docs: &[&PrintDoc],
    browser: &Browser,
    jobs: usize,
    bar: &indicatif::ProgressBar,
) -> Vec<Failure> {
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for worker in 0..jobs.clamp(1, docs.len().max(1)) {
            let (next, failures) = (&next, &failures);
            scope.spawn(move || {
                let profile = browser::Profile::new(worker);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(doc) = docs.get(i) else { break };
                    bar.set_message(doc.pdf.display().to_string());
                    let done = match &profile {
                        Ok(p) => browser::print_page(browser, p.path(), site_dir, doc),
                        Err(e) => Err(format!("cannot make a browser profile: {e}")),
                    };
                    if let Err(why) = done {
                        let failure = Failure {
                            pdf: doc.pdf.clone(),
                            page: doc.page.clone(),
                            why,
                        };
                        failures
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner)
                            .push(failure);
                    }
                    bar.inc(1);
                }
            });
        }
    });
    let mut failures = failures
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    failures.sort_by(|a, b| a.pdf.cmp(&b.pdf));
    failures
}
