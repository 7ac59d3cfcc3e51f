//! `mentorbook serve`: builds, serves the site on this machine, rebuilds on every change and reloads
//! the open pages, or shows them the errors.

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::Exit;
use super::watch::{Console, Shown};
use crate::model::Audience;
use crate::serve::edit::{Editor, Served, Token};
use crate::serve::{Hub, bind, router};
use crate::session::{Outcome, Session};

/// How `serve` listens.
#[derive(Debug, Clone)]
pub struct Listen {
    /// The address to listen on; anything but loopback shares the site with the network.
    pub host: IpAddr,
    /// The port; another free one is taken when it is busy.
    pub port: u16,
    /// Open the site in the default browser once it is served.
    pub open: bool,
    /// Add the editor's forms to the pages and accept its saves (loopback only).
    pub edit: bool,
    /// Whom the served edition is for; `None`: the public site, or the coordinators' edition
    /// with `edit`.
    pub audience: Option<Audience>,
}

impl Listen {
    /// The edition served: what was asked, else the coordinators' when editing (the editor must
    /// show what it edits), else the public site. `Err` when editing was asked with the public
    /// site, or anywhere but on this machine.
    fn audience(&self) -> Result<Audience, String> {
        if self.edit && !self.host.is_loopback() {
            return Err(format!(
                "refused: `--edit` writes the program's files and serves its private notes, so it \
                 listens only on this machine (127.0.0.1 or ::1), not on {}\n  help: leave out \
                 `--hostname`, or serve without `--edit`",
                self.host
            ));
        }
        match (&self.audience, self.edit) {
            (Some(Audience::Public), true) => Err(
                "refused: `--edit` needs the private fields it edits, so it serves `--audience \
                 coordinators` (the default) or `--audience pair:<id>`, not the public site"
                    .to_owned(),
            ),
            (Some(a), _) => Ok(a.clone()),
            (None, true) => Ok(Audience::Coordinators),
            (None, false) => Ok(Audience::Public),
        }
    }
}

/// Serves the program in `dir`, built into `dest` with `overrides` set over `book.toml`, until
/// interrupted.
pub fn serve(
    dir: &Path,
    dest: Option<&Path>,
    overrides: &crate::config::Overrides,
    listen: &Listen,
) -> Exit {
    let audience = match listen.audience() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return Exit::Failure;
        }
    };
    let Some(mut watcher) = super::watch::start_watching(dir) else {
        return Exit::Failure;
    };
    let mut session = Session::new(dir, dest)
        .with_overrides(overrides.clone())
        .with_audience(audience.clone());
    if let Err(p) = session.claim() {
        let mut problems = crate::diagnostic::Problems::default();
        problems.push(p);
        super::print_problems(problems);
        return Exit::Failure;
    }
    let hub = Hub::new();
    let mut console = Console::default();
    let first = console.report(
        session.rebuild(),
        "fix it and save: the site is served once it builds",
    );
    if let Some(theme) = session.theme() {
        hub.words(theme.strings.serve.clone(), theme.strings.lang.tag());
    }
    if let Shown::Failed(text) = first {
        hub.problems(text);
    }
    let Some(out) = session.dest() else {
        eprintln!(
            "error: book.toml or the theme could not be loaded (see above), so there is nothing to serve"
        );
        return Exit::ProgramErrors;
    };
    if let Audience::Pair(id) = &audience
        && session
            .program()
            .is_some_and(|(_, program)| !program.pairs.iter().any(|p| &p.id == id))
    {
        eprintln!("error: the program has no pair `{id}` to serve the edition of");
        return Exit::Failure;
    }
    if !listen.host.is_loopback() {
        eprintln!(
            "warning: serving on {} makes the site reachable from other machines; it may hold \
             private data, so do this only on a network you trust",
            listen.host
        );
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the server: {e}");
            return Exit::Failure;
        }
    };
    let addr = SocketAddr::new(listen.host, listen.port);
    let (listener, moved) = match runtime.block_on(bind(addr)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot listen on {addr}: {e}");
            eprintln!("  help: choose another port with `-p`, or another address with `-n`");
            return Exit::Failure;
        }
    };
    let local = listener.local_addr().unwrap_or(addr);
    if moved {
        eprintln!(
            "port {} is taken; using {} instead",
            listen.port,
            local.port()
        );
    }
    let url = format!("http://{local}/");
    if audience.is_public() {
        eprintln!("serving {} at {url} (Ctrl-C to stop)", out.display());
    } else {
        eprintln!(
            "serving the private edition for {audience} ({}) at {url} (Ctrl-C to stop)",
            out.display()
        );
    }
    let session = Arc::new(Mutex::new(session));
    let console = Arc::new(Mutex::new(console));
    let rebuild = {
        let (session, console, hub) = (session.clone(), console.clone(), hub.clone());
        move |hints: Option<&[PathBuf]>| {
            // The session is held for the rebuild only, not while the console prints.
            let (outcome, words) = {
                let mut session = session.lock().unwrap_or_else(|e| e.into_inner());
                let outcome = session.rebuild_hinted(hints);
                let words = session
                    .theme()
                    .map(|t| (t.strings.serve.clone(), t.strings.lang.tag().to_owned()));
                (outcome, words)
            };
            if let Some((words, lang)) = words {
                hub.words(words, &lang);
            }
            let shown = console
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .report(outcome, "the last good site is still served");
            tell(&hub, shown);
        }
    };
    let editor = if listen.edit {
        let token = match Token::new() {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: cannot make the editor's secret token: {e}");
                return Exit::Failure;
            }
        };
        let after_save = {
            let (session, console, hub) = (session.clone(), console.clone(), hub.clone());
            move |files: &[PathBuf]| {
                let outcome = session
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .rebuild_hinted(Some(files));
                let Outcome::Built(report) = &outcome else {
                    // Unchanged, or failed (which a checked save should not make): as any rebuild.
                    let shown = console
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .report(outcome, "the last good site is still served");
                    tell(&hub, shown);
                    return;
                };
                // The pages are in place: open pages reload now, before the save is answered.
                if report.written.written + report.written.removed > 0 {
                    hub.reload();
                } else {
                    hub.ok();
                }
                // The console's account of the rebuild (which places and prints the program's
                // warnings when they moved: half a second at 1,000 pairs) after the answer.
                let console = console.clone();
                std::thread::spawn(move || {
                    console
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .report(outcome, "the last good site is still served");
                });
            }
        };
        let after_save = Arc::new(after_save);
        eprintln!(
            "editing: each pair's pages have forms; every save is checked, then written to \
             content/ and shown here as a diff"
        );
        Some(Editor::new(
            session.clone(),
            after_save,
            Served::new(local),
            token,
        ))
    } else {
        None
    };
    if listen.open {
        open_browser(&url);
    }

    // After the pages are in place and reloading: the search index, which no page shows until
    // someone searches. It waits a moment, so that the reload event and the reloaded pages are
    // served before it keeps both cores (and the session) busy; longer when editing, so that the
    // page a save returns to, whose forms read the session, is served first.
    let settle = std::time::Duration::from_millis(if listen.edit { 1000 } else { 100 });
    std::thread::spawn(move || {
        while let Some(changed) = watcher.wait() {
            rebuild(changed.hints());
            std::thread::sleep(settle);
            super::watch::catch_up(&mut session.lock().unwrap_or_else(|e| e.into_inner()));
        }
    });
    let app = router(out, hub, editor);
    match runtime.block_on(async { axum::serve(listener, app).await }) {
        Ok(()) => Exit::Ok,
        Err(e) => {
            eprintln!("error: the server stopped: {e}");
            Exit::Failure
        }
    }
}

/// Tells the open pages what a rebuild did.
fn tell(hub: &Hub, shown: Shown) {
    match shown {
        Shown::Changed => hub.reload(),
        Shown::Same => hub.ok(),
        Shown::Failed(text) => hub.problems(text),
    }
}

/// Opens `url` in the default browser, saying so when it cannot.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let started = std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if started.is_err() {
        eprintln!("could not open a browser ({opener}); open {url} yourself");
    }
}
