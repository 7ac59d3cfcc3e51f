//! The browser that prints PDF files: finding it, and running it on one page.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::Error;
use crate::config::Config;
use crate::render::PrintDoc;

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

/// A fresh browser profile folder for one worker, removed when dropped. Each worker has its own:
/// two browsers cannot share one.
pub(super) struct Profile(PathBuf);

impl Profile {
    pub(super) fn new(worker: usize) -> io::Result<Profile> {
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
    pub(super) fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Profile {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// How many times a page may be printed while its contents' page numbers settle: once to learn
/// where each part fell, once with the numbers in; a third time only if the numbers moved a part.
const PASSES: usize = 3;

/// Prints one page of the site in `site_dir` to its PDF: to a temporary file first, renamed into
/// place once the browser has written a whole PDF.
///
/// The contents pages get their page numbers here: the page is printed, the page of each element a
/// link points to is read from the PDF ([`super::pages::destinations`]), and the page is printed
/// again with those numbers in its address (`?pages=<id>~<page>.<id>~<page>`), which the theme's
/// `print.js` writes beside each entry of the contents. The places are kept empty but as wide in
/// the first print, so the numbers move nothing; should a part move all the same, it prints again.
pub(super) fn print_page(
    browser: &Browser,
    profile: &Path,
    site_dir: &Path,
    doc: &PrintDoc,
) -> Result<(), String> {
    let page = site_dir.join(&doc.page);
    let out = site_dir.join(&doc.pdf);
    let part = out.with_extension("pdf.part");
    let mut numbers = String::new();
    for _ in 0..PASSES {
        print_once(
            browser,
            profile,
            &format!("{}{numbers}", file_url(&page)),
            &part,
        )?;
        let pdf = fs::read(&part).map_err(|e| format!("cannot read the PDF: {e}"))?;
        let found = super::pages::destinations(&pdf);
        let query = if found.is_empty() {
            String::new()
        } else {
            let list: Vec<String> = found.iter().map(|(id, n)| format!("{id}~{n}")).collect();
            format!("?pages={}", list.join("."))
        };
        if query == numbers {
            break;
        }
        numbers = query;
    }
    fs::rename(&part, &out).map_err(|e| format!("cannot move the PDF into place: {e}"))
}

/// Prints the page at `url` to `part`, checking that the browser wrote a whole PDF.
fn print_once(browser: &Browser, profile: &Path, url: &str, part: &Path) -> Result<(), String> {
    let log_path = profile.join("browser.log");
    let log = fs::File::create(&log_path).map_err(|e| format!("cannot write a log: {e}"))?;
    let mut child = Command::new(&browser.path)
        .args(FLAGS)
        .arg(format!(
            "--user-data-dir={}",
            profile.join("data").display()
        ))
        .arg(format!("--print-to-pdf={}", part.display()))
        .arg(url)
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
                let _ = fs::remove_file(part);
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
    let whole = fs::File::open(part).and_then(|mut f| f.read_exact(&mut head));
    if !status.success() || whole.is_err() || &head != b"%PDF-" {
        let _ = fs::remove_file(part);
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
    Ok(())
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
}
