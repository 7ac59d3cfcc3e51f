//! A real browser: Debian's headless Chromium opens the built site from disk, as a reader would.
//!
//! A missing Chromium fails the test with the install command, unless `MENTORBOOK_SKIP_BROWSER=1`
//! is set outside CI (see [`crate::harness::tool_missing`]).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::Program;

/// Chromium on PATH, by the names Debian and others use.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

/// Chromium; when it is missing, a failure, or `None` and a `skipped:` note when the developer
/// asked for that (see [`crate::harness::tool_missing`]).
pub fn require_chromium() -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        crate::harness::tool_missing(
            "Chromium is missing (no chromium, chromium-browser or google-chrome on PATH)",
            "apt-get install chromium poppler-utils",
        );
    }
    found
}

/// Headless, and nothing that reaches the network: what Chromium needs on this machine and in CI.
pub const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
];

/// Runs headless Chromium with the flags this machine needs, killing it after a minute.
pub fn headless(bin: &Path, profile: &Path, args: &[String]) -> std::process::Output {
    let mut child = Command::new(bin)
        .args(FLAGS)
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let started = Instant::now();
    while child.try_wait().expect("wait for chromium").is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("chromium did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().expect("chromium output")
}

pub fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// Width and height from a PNG's header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (be(16), be(20))
}

#[test]
fn pages_open_from_disk_in_chromium() {
    let Some(bin) = require_chromium() else {
        return;
    };
    let program = Program::bundled();
    program.build().success();
    let site = program.path("book");
    let profile = program.tmp().join("chromium-profile");
    let pair = crate::harness::pair_ids(program.root())
        .into_iter()
        .next()
        .expect("a pair");

    // The DOM Chromium builds from the file holds the page's content and working relative links.
    let enabling = site.join(format!("pairs/{pair}/enabling/index.html"));
    let out = headless(&bin, &profile, &["--dump-dom".into(), file_url(&enabling)]);
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        dom.contains("<main id=\"main\">"),
        "no main element in Chromium's DOM:\n{dom}"
    );
    assert!(
        dom.contains("Meetings"),
        "the enabling page lost its meetings section"
    );
    assert!(
        dom.contains("href=\"../../../static/style.css\""),
        "the stylesheet link is not relative"
    );

    // Screenshots of the three page kinds the foundation issue asks to look at.
    for (name, page) in [
        ("home", site.join("index.html")),
        ("enabling", enabling.clone()),
        ("phase", site.join("phases/negotiation/index.html")),
    ] {
        let png = program.tmp().join(format!("{name}.png"));
        let out = headless(
            &bin,
            &profile,
            &[
                "--window-size=1280,900".into(),
                format!("--screenshot={}", png.display()),
                file_url(&page),
            ],
        );
        let bytes = std::fs::read(&png).unwrap_or_else(|e| {
            panic!(
                "no screenshot of {name}: {e}\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
        assert_eq!(
            png_size(&bytes),
            (1280, 900),
            "{name}: wrong screenshot size"
        );
        assert!(
            bytes.len() > 20_000,
            "{name}: the screenshot is nearly empty ({} bytes)",
            bytes.len()
        );
    }
}
