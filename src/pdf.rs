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

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::output::Staged;
use crate::render::print::PDF_DIR;
use crate::render::{PrintDoc, Site};

/// The file in `pdf/` that records the key of each PDF.
pub const MANIFEST: &str = ".manifest";
const MANIFEST_HEADER: &str =
    "# mentorbook: the key of the page each PDF file was made from. Do not edit.\nv1\n";

/// Changes whenever a PDF made by this version of mentorbook could differ from one made before for the
/// same page: the version, and the browser's command line below.
const KEY_SALT: &str = concat!("mentorbook ", env!("CARGO_PKG_VERSION"), " pdf 1");

/// Browsers looked for on PATH, in order, when none is named.
pub const BROWSERS: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// Where macOS keeps the same browsers.
const MAC_BROWSERS: [&str; 2] = [
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

/// The browser's command line. `--no-sandbox` because CI containers run as root, where Chromium
/// refuses its sandbox; the pages are our own, from disk, with no network. No browser header or
/// footer (the pages have their own), and an outline (bookmarks) from the headings.
const FLAGS: [&str; 11] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--mute-audio",
    "--no-pdf-header-footer",
    "--generate-pdf-document-outline",
];

/// How long one PDF may take before the browser is stopped.
const TIMEOUT: Duration = Duration::from_secs(120);

/// Why PDF files could not be made; every variant names what it is about.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No browser was named and none was found.
    #[error("no browser to make PDF files with: looked for {} on PATH", BROWSERS.join(", "))]
    NoBrowser,
    /// The browser named in book.toml or with `--browser` is not there.
    #[error("the browser `{}` does not exist", path.display())]
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

/// A browser that can print pages to PDF.
#[derive(Debug, Clone)]
pub struct Browser {
    /// The program to run.
    pub path: PathBuf,
}

/// The browser to use: `given` (from `--browser`), else `[print] browser` from book.toml, else the
/// first of [`BROWSERS`] found on PATH (or in macOS's Applications folder). A name without a slash is
/// looked up on PATH; a path must exist.
pub fn find_browser(given: Option<&Path>, config: &Config) -> Result<Browser, Error> {
    let path_var = std::env::var_os("PATH").unwrap_or_default();
    let on_path = |name: &Path| {
        std::env::split_paths(&path_var)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    };
    let named = given.map(Path::to_path_buf).or_else(|| config.browser());
    if let Some(name) = named {
        let found = if name.components().count() > 1 || name.is_absolute() {
            Some(name.clone()).filter(|p| p.is_file())
        } else {
            on_path(&name)
        };
        return found
            .map(|path| Browser { path })
            .ok_or(Error::BrowserMissing { path: name });
    }
    BROWSERS
        .iter()
        .find_map(|b| on_path(Path::new(b)))
        .or_else(|| MAC_BROWSERS.iter().map(PathBuf::from).find(|p| p.is_file()))
        .map(|path| Browser { path })
        .ok_or(Error::NoBrowser)
}

/// A 128-bit FNV-1a hash: small, stable across Rust versions and platforms, and plenty to tell
/// whether a page changed (it guards against accidents, not attackers).
#[derive(Clone, Copy)]
struct Fnv(u128);

impl Fnv {
    fn new() -> Self {
        Fnv(0x6c62_272e_07bb_0142_62b8_2175_6295_c58d)
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u128::from(*b);
            self.0 = self
                .0
                .wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013b);
        }
    }
    /// Writes the length first, so that two fields can never run into each other.
    fn field(&mut self, bytes: &[u8]) {
        self.write(&(bytes.len() as u64).to_le_bytes());
        self.write(bytes);
    }
}

/// The key of each PDF of `site`, in the order of `site.prints`: the hash of its page and of every
/// static file.
fn keys(site: &Site) -> Vec<String> {
    let mut common = Fnv::new();
    common.field(KEY_SALT.as_bytes());
    for a in &site.assets {
        common.field(a.path.to_string_lossy().as_bytes());
        common.field(&a.bytes);
    }
    site.prints
        .iter()
        .map(|doc| {
            let mut h = common;
            let page = site.pages.iter().find(|p| p.path == doc.page);
            h.field(doc.page.to_string_lossy().as_bytes());
            h.field(page.map_or(&[][..], |p| p.html.as_bytes()));
            format!("{:032x}", h.0)
        })
        .collect()
}

/// The name of a PDF in `pdf/` (`ana-ben.pdf`).
fn file_name(doc: &PrintDoc) -> String {
    doc.pdf
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `pdf/.manifest`: PDF file name to key.
#[derive(Debug, Default, PartialEq, Eq)]
struct Manifest(BTreeMap<String, String>);

impl Manifest {
    /// Reads the manifest of the `pdf/` folder `dir`; a missing or unreadable one is empty, so every
    /// PDF is made again.
    fn read(dir: &Path) -> Manifest {
        let text = fs::read_to_string(dir.join(MANIFEST)).unwrap_or_default();
        Manifest::parse(&text)
    }

    fn parse(text: &str) -> Manifest {
        let mut lines = text.lines().filter(|l| !l.starts_with('#'));
        if lines.next() != Some("v1") {
            return Manifest::default();
        }
        Manifest(
            lines
                .filter_map(|l| l.split_once(' '))
                .map(|(key, name)| (name.to_owned(), key.to_owned()))
                .collect(),
        )
    }

    fn render(&self) -> String {
        let mut out = MANIFEST_HEADER.to_owned();
        for (name, key) in &self.0 {
            out.push_str(&format!("{key} {name}\n"));
        }
        out
    }

    /// Writes the manifest into the `pdf/` folder `dir`, through a temporary file.
    fn write(&self, dir: &Path) -> Result<(), Error> {
        let path = dir.join(MANIFEST);
        let part = dir.join(".manifest.part");
        fs::write(&part, self.render()).map_err(io_err("write", &part))?;
        fs::rename(&part, &path).map_err(io_err("write", &path))
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
    for (doc, key) in site.prints.iter().zip(keys(site)) {
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

/// Options of [`make`].
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// How many browsers run at once.
    pub jobs: usize,
}

impl Default for Options {
    fn default() -> Self {
        let cpus = std::thread::available_parallelism().map_or(2, usize::from);
        Options {
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
    options: Options,
) -> Result<Report, Error> {
    let started = Instant::now();
    let dir = staged.dir().join(PDF_DIR);
    fs::create_dir_all(&dir).map_err(io_err("create", &dir))?;
    let have = Manifest::read(&dir);
    let keys = keys(site);
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
                let profile = Profile::new(worker);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(doc) = docs.get(i) else { break };
                    bar.set_message(doc.pdf.display().to_string());
                    let done = match &profile {
                        Ok(p) => print_page(browser, p.path(), site_dir, doc),
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

/// A fresh browser profile folder for one worker, removed when dropped. Each worker has its own:
/// two browsers cannot share one.
struct Profile(PathBuf);

impl Profile {
    fn new(worker: usize) -> io::Result<Profile> {
        let dir = std::env::temp_dir().join(format!(
            "mentorbook-browser-{}-{worker}",
            std::process::id()
        ));
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir_all(&dir)?;
        Ok(Profile(dir))
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Profile {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Prints one page of the site in `site_dir` to its PDF: to a temporary file first, renamed into
/// place once the browser has written a whole PDF.
fn print_page(
    browser: &Browser,
    profile: &Path,
    site_dir: &Path,
    doc: &PrintDoc,
) -> Result<(), String> {
    let page = site_dir.join(&doc.page);
    let out = site_dir.join(&doc.pdf);
    let part = out.with_extension("pdf.part");
    let log_path = profile.join("browser.log");
    let log = fs::File::create(&log_path).map_err(|e| format!("cannot write a log: {e}"))?;
    let mut child = Command::new(&browser.path)
        .args(FLAGS)
        .arg(format!(
            "--user-data-dir={}",
            profile.join("data").display()
        ))
        .arg(format!("--print-to-pdf={}", part.display()))
        .arg(file_url(&page))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", browser.path.display()))?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                let _ = fs::remove_file(&part);
                return Err(format!(
                    "the browser did not finish within {} s",
                    TIMEOUT.as_secs()
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(25)),
            Err(e) => return Err(format!("cannot wait for the browser: {e}")),
        }
    };
    let mut head = [0u8; 5];
    let whole = fs::File::open(&part).and_then(|mut f| f.read_exact(&mut head));
    if !status.success() || whole.is_err() || &head != b"%PDF-" {
        let _ = fs::remove_file(&part);
        let said = fs::read_to_string(&log_path).unwrap_or_default();
        let last: Vec<&str> = said.lines().rev().take(3).collect();
        return Err(format!(
            "the browser {} and wrote no PDF{}",
            status,
            if last.is_empty() {
                String::new()
            } else {
                format!(
                    "; it said: {}",
                    last.into_iter().rev().collect::<Vec<_>>().join(" / ")
                )
            }
        ));
    }
    fs::rename(&part, &out).map_err(|e| format!("cannot move the PDF into place: {e}"))
}

/// `file://` URL of an absolute path, with every byte outside the unreserved set percent-encoded.
fn file_url(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let text = abs.to_string_lossy().replace('\\', "/");
    let mut url = String::from("file://");
    if !text.starts_with('/') {
        url.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/:".contains(&b) {
            url.push(char::from(b));
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_are_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/my book/ü#1/index.html")),
            "file:///tmp/my%20book/%C3%BC%231/index.html"
        );
    }

    #[test]
    fn manifests_read_back_what_they_wrote() {
        let mut m = Manifest::default();
        m.0.insert("a.pdf".into(), "00ff".into());
        m.0.insert("handbook.pdf".into(), "abcd".into());
        assert_eq!(Manifest::parse(&m.render()), m);
        // Another version's manifest, or a damaged one, is ignored: everything is made again.
        assert_eq!(Manifest::parse("v0\n00ff a.pdf\n"), Manifest::default());
        assert_eq!(Manifest::parse(""), Manifest::default());
    }

    #[test]
    fn hash_fields_cannot_run_into_each_other() {
        let key = |parts: &[&[u8]]| {
            let mut h = Fnv::new();
            for p in parts {
                h.field(p);
            }
            h.0
        };
        assert_ne!(key(&[b"ab", b"c"]), key(&[b"a", b"bc"]));
        assert_eq!(key(&[b"ab", b"c"]), key(&[b"ab", b"c"]));
    }
}
