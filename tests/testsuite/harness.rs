//! The test harness: a program folder copied into a temporary directory, the `mentorbook` binary run
//! on it, and helpers to read what it wrote.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

/// The repository root (the folder holding Cargo.toml).
pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/<name>`.
pub fn fixture_dir(name: &str) -> PathBuf {
    repo_root().join("tests").join("fixtures").join(name)
}

/// Copies the folder `from` into `to`, recursively (creating `to`).
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap_or_else(|e| panic!("cannot create {}: {e}", to.display()));
    let entries =
        fs::read_dir(from).unwrap_or_else(|e| panic!("cannot list {}: {e}", from.display()));
    for entry in entries {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap_or_else(|e| {
                panic!("cannot copy {}: {e}", entry.path().display());
            });
        }
    }
}

/// A program folder in a temporary directory, deleted when dropped.
///
/// The program lives in `<tmp>/program`, so tests can also put things beside it (`<tmp>/elsewhere`).
pub struct Program {
    tmp: tempfile::TempDir,
    root: PathBuf,
    /// The date the program is checked as of (`MENTORBOOK_TODAY`), so date-based lints are stable.
    today: &'static str,
}

/// The fixtures are written as of mid-2025.
pub const FIXTURE_TODAY: &str = "2025-06-01";
/// The bundled content is written as of this date.
pub const BUNDLED_TODAY: &str = "2026-11-23";

impl Program {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Program {
        let program = Program::empty();
        copy_dir(&fixture_dir(name), &program.root);
        program
    }

    /// A copy of the program bundled at the repository root (book.toml, .gitignore and content/
    /// only).
    pub fn bundled() -> Program {
        let program = Program::empty();
        fs::copy(
            repo_root().join("book.toml"),
            program.root.join("book.toml"),
        )
        .expect("copy book.toml");
        copy_dir(&repo_root().join("content"), &program.root.join("content"));
        // The repository's .gitignore keeps the private editions out of git (MB0601).
        fs::copy(
            repo_root().join(".gitignore"),
            program.root.join(".gitignore"),
        )
        .expect("copy .gitignore");
        Program {
            today: BUNDLED_TODAY,
            ..program
        }
    }

    /// The program checked as of the date the library itself takes for today, as a session run in
    /// the tests' own process sees it.
    pub fn checked_today(self) -> Program {
        let today = mentorbook::model::Date::today().to_string();
        Program {
            today: Box::leak(today.into_boxed_str()),
            ..self
        }
    }

    /// An empty program folder.
    pub fn empty() -> Program {
        let tmp = tempfile::Builder::new()
            .prefix("mentorbook-test-")
            .tempdir()
            .expect("create a temporary directory");
        let root = tmp.path().join("program");
        fs::create_dir(&root).expect("create the program folder");
        Program {
            tmp,
            root,
            today: FIXTURE_TODAY,
        }
    }

    /// The program folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The date the program is checked as of (`MENTORBOOK_TODAY`).
    pub fn today(&self) -> &'static str {
        self.today
    }

    /// The temporary directory that holds the program folder.
    pub fn tmp(&self) -> &Path {
        self.tmp.path()
    }

    /// `root/rel`.
    pub fn path(&self, rel: impl AsRef<Path>) -> PathBuf {
        self.root.join(rel)
    }

    /// Writes (creating or replacing) `rel` in the program folder.
    pub fn write(&self, rel: impl AsRef<Path>, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, contents)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        self
    }

    /// Reads `rel` as text.
    pub fn read(&self, rel: impl AsRef<Path>) -> String {
        let path = self.path(rel);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    /// Replaces the one occurrence of `from` in `rel` with `to`; panics when `from` is not there
    /// exactly once, so a fixture change cannot silently turn a test into a no-op.
    pub fn patch(&self, rel: impl AsRef<Path>, from: &str, to: &str) -> &Self {
        let rel = rel.as_ref();
        let text = self.read(rel);
        let n = text.matches(from).count();
        assert_eq!(
            n,
            1,
            "{from:?} occurs {n} times in {} (expected once)",
            rel.display()
        );
        self.write(rel, text.replacen(from, to, 1))
    }

    /// Removes the file `rel`.
    pub fn remove(&self, rel: impl AsRef<Path>) -> &Self {
        let path = self.path(rel);
        fs::remove_file(&path).unwrap_or_else(|e| panic!("cannot remove {}: {e}", path.display()));
        self
    }

    /// Runs `mentorbook <args>` in the program folder.
    pub fn run(&self, args: &[&str]) -> Run {
        run_as_of(&self.root, args, self.today).filter_path(self.tmp.path())
    }

    /// Runs `mentorbook <args>` in the program folder with more time (for PDF files) and with
    /// `env` set (a `None` value removes the variable).
    pub fn run_long(&self, args: &[&str], env: &[(&str, Option<&std::ffi::OsStr>)]) -> Run {
        run_with(&self.root, args, self.today, env, Duration::from_secs(240))
            .filter_path(self.tmp.path())
    }

    /// `mentorbook check`, in the program folder.
    pub fn check(&self) -> Run {
        self.run(&["check"])
    }

    /// `mentorbook build` into the default `book/`, in the program folder.
    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    /// Runs `mentorbook <args>` in the program folder with `cache` as the cache folder
    /// (`XDG_CACHE_HOME`) rather than the tests' own.
    pub fn run_with_cache(&self, args: &[&str], cache: &Path) -> Run {
        let env = [("XDG_CACHE_HOME", Some(cache.as_os_str()))];
        run_with(&self.root, args, self.today, &env, Duration::from_secs(30))
            .filter_path(self.tmp.path())
    }

    /// `mentorbook build -d <dest>`, in the program folder.
    pub fn build_into(&self, dest: &str) -> Run {
        self.run(&["build", "-d", dest])
    }

    /// Every file under `rel` (relative to the program folder), by path relative to `rel`.
    pub fn files(&self, rel: impl AsRef<Path>) -> BTreeMap<PathBuf, Vec<u8>> {
        read_tree(&self.path(rel))
    }
}

/// The cache folder (`XDG_CACHE_HOME`) of every run of the binary: the records of past builds,
/// which mentorbook keeps in `<cache>/mentorbook/builds/`, are written there.
pub fn tests_cache() -> PathBuf {
    std::env::temp_dir().join("mentorbook-tests-cache")
}

/// Runs `mentorbook <args>` with `dir` as the working directory. Never lets a hang block the suite.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    run_as_of(dir, args, FIXTURE_TODAY)
}

/// Runs `mentorbook <args>` in `dir`, with `today` as the date checks compare against.
pub fn run_as_of(dir: &Path, args: &[&str], today: &str) -> Run {
    run_with(dir, args, today, &[], Duration::from_secs(30))
}

/// Runs `mentorbook <args>` in `dir` as of `today`, with `env` changed, killing it after `timeout`.
fn run_with(
    dir: &Path,
    args: &[&str],
    today: &str,
    env: &[(&str, Option<&std::ffi::OsStr>)],
    timeout: Duration,
) -> Run {
    let mut cmd = Command::cargo_bin("mentorbook").expect("the mentorbook binary");
    cmd.current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env("MENTORBOOK_TODAY", today)
        // Records of past builds (for telling a no-change build) go to a folder of the tests'.
        .env("XDG_CACHE_HOME", tests_cache())
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR")
        .timeout(timeout);
    for (key, value) in env {
        match value {
            Some(v) => cmd.env(key, v),
            None => cmd.env_remove(key),
        };
    }
    let output = cmd.output().expect("run mentorbook");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        args: args.iter().map(|a| (*a).to_owned()).collect(),
    }
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    /// The exit code; `None` when killed (by the timeout, or a signal).
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error, with the temporary folder replaced by `[TMP]`.
    pub stderr: String,
    args: Vec<String>,
}

impl Run {
    /// Replaces every spelling of `tmp` in the output with `[TMP]`.
    fn filter_path(mut self, tmp: &Path) -> Run {
        let mut spellings = vec![tmp.display().to_string()];
        if let Ok(real) = tmp.canonicalize() {
            spellings.push(real.display().to_string());
        }
        spellings.sort_by_key(|s| std::cmp::Reverse(s.len()));
        for s in spellings {
            self.stderr = self.stderr.replace(&s, "[TMP]");
            self.stdout = self.stdout.replace(&s, "[TMP]");
        }
        self
    }

    /// Panics, showing the output, unless the exit code is `code`.
    #[track_caller]
    pub fn code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code,
            Some(code),
            "`mentorbook {}` exited with {:?}, expected {code}\n--- stderr ---\n{}\n--- stdout ---\n{}",
            self.args.join(" "),
            self.code,
            self.stderr,
            self.stdout
        );
        self
    }

    /// Exit code 0.
    #[track_caller]
    pub fn success(&self) -> &Run {
        self.code(0)
    }

    /// Panics unless standard error contains `needle`.
    #[track_caller]
    pub fn stderr_has(&self, needle: &str) -> &Run {
        assert!(
            self.stderr.contains(needle),
            "stderr of `mentorbook {}` does not contain {needle:?}:\n{}",
            self.args.join(" "),
            self.stderr
        );
        self
    }

    /// Panics if standard error contains `needle`.
    #[track_caller]
    pub fn stderr_lacks(&self, needle: &str) -> &Run {
        assert!(
            !self.stderr.contains(needle),
            "stderr of `mentorbook {}` contains {needle:?}:\n{}",
            self.args.join(" "),
            self.stderr
        );
        self
    }
}

/// Set to `1` to let the tests that need an outside tool skip when it is missing.
pub const SKIP_BROWSER: &str = "MENTORBOOK_SKIP_BROWSER";

/// Says that a tool a test needs is missing: Chromium, poppler's `pdfinfo` and `pdftotext`, or
/// axe-core in `tests/browser/node_modules`. `what` says what is missing, `install` how to get it.
///
/// A test without its tool never counts as a pass:
///
/// - in CI (`CI` set, to anything but empty, `0` or `false`) it fails;
/// - on a developer's machine it fails too, with the command that installs the tool
///   (`apt-get install chromium poppler-utils`, `npm ci --prefix tests/browser`);
/// - unless `MENTORBOOK_SKIP_BROWSER=1` is set (and `CI` is not): then it prints
///   `skipped: <what is missing>` on standard error and returns, and the caller returns early. The
///   test shows as passed in cargo's summary, so only set it knowingly.
#[track_caller]
pub fn tool_missing(what: &str, install: &str) {
    let ci = std::env::var("CI").ok();
    let skip = std::env::var(SKIP_BROWSER).ok();
    match without_tool(ci.as_deref(), skip.as_deref()) {
        // Written to the process's standard error rather than with `eprintln!`, which the test
        // runner captures and shows only for failures: a skip must be seen.
        WithoutTool::Skip => {
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "skipped: {what} ({SKIP_BROWSER}=1)");
        }
        WithoutTool::FailInCi => panic!("{what}: install it with `{install}` (.ci/run does)"),
        WithoutTool::Fail => panic!(
            "{what}: install it with `{install}`, or set {SKIP_BROWSER}=1 to skip the tests that \
             need it"
        ),
    }
}

/// What a test does without its tool, given the values of `CI` and `MENTORBOOK_SKIP_BROWSER`.
#[derive(Debug, PartialEq, Eq)]
enum WithoutTool {
    Skip,
    Fail,
    FailInCi,
}

fn without_tool(ci: Option<&str>, skip: Option<&str>) -> WithoutTool {
    if ci.is_some_and(|v| !matches!(v, "" | "0" | "false")) {
        WithoutTool::FailInCi
    } else if skip == Some("1") {
        WithoutTool::Skip
    } else {
        WithoutTool::Fail
    }
}

#[test]
fn a_missing_tool_is_a_failure_unless_a_developer_asks_to_skip() {
    assert_eq!(without_tool(None, None), WithoutTool::Fail);
    assert_eq!(without_tool(Some(""), Some("0")), WithoutTool::Fail);
    assert_eq!(without_tool(None, Some("1")), WithoutTool::Skip);
    assert_eq!(without_tool(Some("false"), Some("1")), WithoutTool::Skip);
    assert_eq!(without_tool(Some("true"), None), WithoutTool::FailInCi);
    assert_eq!(without_tool(Some("true"), Some("1")), WithoutTool::FailInCi);
}

/// Every file under `dir`, by path relative to `dir`, with its bytes.
pub fn read_tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let entries =
            fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
        for entry in entries {
            let entry = entry.unwrap();
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                walk(base, &path, out);
            } else {
                let bytes = fs::read(&path).unwrap();
                out.insert(path.strip_prefix(base).unwrap().to_path_buf(), bytes);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The names of the entries directly in `dir`, sorted.
pub fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The `<main id="main">...</main>` element of a page, cut by string search.
pub fn main_element(html: &str) -> &str {
    let start = html
        .find("<main id=\"main\"")
        .unwrap_or_else(|| panic!("no <main id=\"main\"> in the page:\n{html}"));
    let end = html[start..]
        .find("</main>")
        .map(|i| start + i + "</main>".len())
        .unwrap_or_else(|| panic!("no </main> in the page:\n{html}"));
    &html[start..end]
}

/// The ids of the pair files of the program in `root`.
pub fn pair_ids(root: &Path) -> Vec<String> {
    let mut ids: Vec<String> = entries(&root.join("content/pairs"))
        .into_iter()
        .filter_map(|n| n.strip_suffix(".yaml").map(str::to_owned))
        .collect();
    ids.sort();
    ids
}

/// The ids of the guide chapters of the program in `root`.
pub fn chapter_ids(root: &Path) -> Vec<String> {
    entries(&root.join("content/guide"))
        .into_iter()
        .filter_map(|n| n.strip_suffix(".md").map(str::to_owned))
        .collect()
}

/// The four phases, in order.
pub const PHASES: [&str; 4] = ["initiation", "negotiation", "enabling", "closure"];

/// A link found in a page.
#[derive(Debug)]
pub struct Link {
    /// `href` or `src`.
    pub attr: &'static str,
    /// The value as written (with `&amp;` decoded).
    pub target: String,
}

/// Every `href="..."` and `src="..."` of `html`.
pub fn links_in(html: &str) -> Vec<Link> {
    let mut out = Vec::new();
    for attr in ["href", "src"] {
        let pattern = format!(" {attr}=\"");
        let mut rest = html;
        while let Some(i) = rest.find(&pattern) {
            let after = &rest[i + pattern.len()..];
            let end = after.find('"').expect("an unterminated attribute");
            out.push(Link {
                attr,
                target: after[..end].replace("&amp;", "&"),
            });
            rest = &after[end..];
        }
    }
    out
}

/// Checks every internal link of the site in `site`: the file must exist and, when the link has a
/// fragment, the target page must have an element with that id. Returns the broken links, described.
pub fn broken_links(site: &Path) -> Vec<String> {
    let files = read_tree(site);
    let mut broken = Vec::new();
    let mut checked = 0;
    for (page, bytes) in &files {
        if page.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        for link in links_in(&html) {
            let t = link.target.as_str();
            if t.starts_with("http://") || t.starts_with("https://") || t.starts_with("mailto:") {
                continue;
            }
            if scheme(t).is_some() {
                broken.push(format!(
                    "{}: {}=\"{t}\" has an unexpected scheme",
                    page.display(),
                    link.attr
                ));
                continue;
            }
            checked += 1;
            let (path, fragment) = t.split_once('#').map_or((t, None), |(p, f)| (p, Some(f)));
            let target = if path.is_empty() {
                Some(page.clone())
            } else if let Some(from_root) = path.strip_prefix('/') {
                // Only the 404 page, served at any address, links from the site root.
                normalize(Path::new(from_root))
            } else {
                normalize(&page.parent().unwrap_or(Path::new("")).join(path))
            };
            let Some(mut target) = target else {
                broken.push(format!(
                    "{}: {}=\"{t}\" leaves the site",
                    page.display(),
                    link.attr
                ));
                continue;
            };
            if path.ends_with('/') {
                target = target.join("index.html");
            }
            if !files.contains_key(&target) {
                let as_dir = target.join("index.html");
                if files.contains_key(&as_dir) {
                    target = as_dir;
                } else {
                    broken.push(format!(
                        "{}: {}=\"{t}\" points to {}, which does not exist",
                        page.display(),
                        link.attr,
                        target.display()
                    ));
                    continue;
                }
            }
            if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                let html = String::from_utf8_lossy(&files[&target]);
                if !html.contains(&format!("id=\"{f}\"")) {
                    broken.push(format!(
                        "{}: {}=\"{t}\": {} has no element with id=\"{f}\"",
                        page.display(),
                        link.attr,
                        target.display()
                    ));
                }
            }
        }
    }
    assert!(checked > 0, "no internal link found in {}", site.display());
    broken
}

/// The URL scheme of `link` (`javascript` in `javascript:alert(1)`), if it has one.
fn scheme(link: &str) -> Option<&str> {
    let colon = link.find(':')?;
    let before = &link[..colon];
    let is_scheme = before.starts_with(|c: char| c.is_ascii_alphabetic())
        && before
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    is_scheme.then_some(before)
}

/// Resolves `.` and `..` in a relative path; `None` when it climbs above the root.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::Normal(n) => out.push(n),
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            _ => return None,
        }
    }
    Some(out)
}
