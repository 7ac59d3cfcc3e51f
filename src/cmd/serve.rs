//! `mentorbook serve`: builds, serves the site on this machine, rebuilds on every change and reloads
//! the open pages, or shows them the errors.

use std::net::{IpAddr, SocketAddr};
use std::path::Path;

use super::Exit;
use super::watch::{Console, Shown};
use crate::serve::{Hub, bind, router};
use crate::session::Session;

/// How `serve` listens.
#[derive(Debug, Clone)]
pub struct Listen {
    /// The address to listen on; anything but loopback shares the site with the network.
    pub host: IpAddr,
    /// The port; another free one is taken when it is busy.
    pub port: u16,
    /// Open the site in the default browser once it is served.
    pub open: bool,
}

/// Serves the program in `dir`, built into `dest` with `overrides` set over `book.toml`, until
/// interrupted.
pub fn serve(
    dir: &Path,
    dest: Option<&Path>,
    overrides: &crate::config::Overrides,
    listen: &Listen,
) -> Exit {
    let Some(mut watcher) = super::watch::start_watching(dir) else {
        return Exit::Failure;
    };
    let mut session = Session::new(dir, dest).with_overrides(overrides.clone());
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
    if let Shown::Failed(text) = first {
        hub.problems(text);
    }
    let Some(out) = session.dest() else {
        eprintln!(
            "error: book.toml or the theme could not be loaded (see above), so there is nothing to serve"
        );
        return Exit::ProgramErrors;
    };
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
    eprintln!("serving {} at {url} (Ctrl-C to stop)", out.display());
    if listen.open {
        open_browser(&url);
    }

    let rebuilds = hub.clone();
    std::thread::spawn(move || {
        while let Some(changed) = watcher.wait() {
            let hints = changed.hints();
            match console.report(
                session.rebuild_hinted(hints),
                "the last good site is still served",
            ) {
                Shown::Changed => rebuilds.reload(),
                Shown::Same => rebuilds.ok(),
                Shown::Failed(text) => rebuilds.problems(text),
            }
            // After the pages are in place and reloading: the search index, which no page
            // shows until someone searches. It waits a moment, so that the reload event and the
            // reloaded pages are served before it keeps both cores busy.
            std::thread::sleep(std::time::Duration::from_millis(100));
            super::watch::catch_up(&mut session);
        }
    });
    let app = router(out, hub);
    match runtime.block_on(async { axum::serve(listener, app).await }) {
        Ok(()) => Exit::Ok,
        Err(e) => {
            eprintln!("error: the server stopped: {e}");
            Exit::Failure
        }
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
