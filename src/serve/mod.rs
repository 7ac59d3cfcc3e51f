//! The preview server of `mentorbook serve`: the output folder over HTTP, with live reload.
//!
//! Files come from the output folder through `tower-http`'s `ServeDir` (MIME types, no way out of the
//! folder by `..`, the site's 404 page for anything missing), and only regular files reached
//! without passing through a link (see [`guard`]). Every HTML response gets one script tag, added
//! here and never by `build`: `/__mentorbook/live.js`, which listens to `/__mentorbook/events`
//! (server-sent events) and reloads the page after a rebuild, or shows the build's errors over the
//! page until they are fixed. The script is same-origin, so the pages' Content-Security-Policy
//! (`script-src 'self'`) allows it.

pub mod edit;
mod guard;
mod inject;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::PathBuf;

use axum::Router;
use axum::handler::HandlerWithoutStateExt;
use axum::http::{HeaderValue, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::Stream;
use serde::Serialize;
use tokio::sync::watch;
use tower_http::services::ServeDir;

/// Where the server's own files live; no page of a site can be there (ids are slugs).
pub const PREFIX: &str = "/__mentorbook";

const LIVE_JS: &str = include_str!("live.js");

/// What open pages should show: the site as of a build, or that build's errors.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Status {
    /// Goes up by one with each rebuild that changed a file.
    pub generation: u64,
    /// The errors of the last rebuild, as the console shows them, while they are not fixed.
    pub problems: Option<String>,
    /// The words the script shows, in the program's language (from its last build that loaded
    /// the theme).
    pub words: crate::render::strings::ServeWords,
    /// The language of the pages (`book.toml`'s `language`), for the page served before a build.
    pub lang: String,
}

/// Sends the status to every open page; cheap to clone.
#[derive(Debug, Clone)]
pub struct Hub(watch::Sender<Status>);

impl Hub {
    /// A hub whose pages start at generation 0.
    pub fn new() -> Hub {
        Hub(watch::Sender::new(Status::default()))
    }

    /// A rebuild changed files: open pages reload.
    pub fn reload(&self) {
        self.0.send_modify(|s| {
            s.generation += 1;
            s.problems = None;
        });
    }

    /// A rebuild succeeded without changing a file: any error overlay goes.
    pub fn ok(&self) {
        self.0.send_if_modified(|s| s.problems.take().is_some());
    }

    /// The words of the program's language, for the pages opened or told from now on.
    pub fn words(&self, words: crate::render::strings::ServeWords, lang: &str) {
        self.0.send_if_modified(|s| {
            s.words = words;
            s.lang = lang.to_owned();
            false
        });
    }

    /// The words the pages show.
    fn current_words(&self) -> (crate::render::strings::ServeWords, String) {
        let status = self.0.borrow();
        (status.words.clone(), status.lang.clone())
    }

    /// A rebuild failed: open pages show `text` over the page.
    pub fn problems(&self, text: String) {
        self.0.send_modify(|s| s.problems = Some(text));
    }

    fn generation(&self) -> u64 {
        self.0.borrow().generation
    }
}

impl Default for Hub {
    fn default() -> Self {
        Hub::new()
    }
}

/// The routes: the server's own files, then the site; with `editor`, the editor's routes, its
/// forms added to the pages, and the checks of every request's address ([`edit::guard`]).
pub fn router(dest: PathBuf, hub: Hub, editor: Option<edit::Editor>) -> Router {
    let not_found_dest = dest.clone();
    let not_found = move || async move { guard::not_found(&not_found_dest).await };
    let site = ServeDir::new(&dest)
        .append_index_html_on_directories(true)
        .not_found_service(not_found.into_service());
    let events_hub = hub.clone();
    let mut router = Router::new()
        .route(&format!("{PREFIX}/live.js"), get(live_js))
        .route(
            &format!("{PREFIX}/events"),
            get(move || events(events_hub.clone())),
        );
    if let Some(editor) = &editor {
        router = router.merge(edit::routes(editor.clone()));
    }
    let router = router
        .fallback_service(site)
        .layer(axum::middleware::from_fn_with_state(
            dest,
            guard::regular_files_only,
        ))
        .layer(axum::middleware::from_fn_with_state(
            inject::Live {
                hub,
                editor: editor.clone(),
            },
            inject::live_script,
        ));
    match editor {
        Some(editor) => router.layer(axum::middleware::from_fn_with_state(
            editor.served(),
            edit::guard::middleware,
        )),
        None => router,
    }
}

async fn live_js() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/javascript; charset=utf-8"),
        )],
        LIVE_JS,
    )
        .into_response()
}

/// The event stream of one open page: `ok` at once with the current generation, then `reload`
/// when a rebuild changed files, `problems` (the console's text) when one failed, and `ok` when the
/// errors are fixed without any file changing.
async fn events(hub: Hub) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let rx = hub.0.subscribe();
    let stream = futures_util::stream::unfold((rx, None), |(mut rx, last)| async move {
        if last.is_some() {
            rx.changed().await.ok()?;
        }
        let status = rx.borrow_and_update().clone();
        let name = match (&status.problems, last) {
            (Some(_), _) => "problems",
            (None, Some(g)) if status.generation != g => "reload",
            (None, _) => "ok",
        };
        let data = serde_json::to_string(&status).unwrap_or_default();
        let event = Event::default().event(name).data(data);
        Some((Ok(event), (rx, Some(status.generation))))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Binds `addr`; when its port is taken, a free port on the same host. Returns the listener and
/// whether the port is another than asked.
pub async fn bind(addr: SocketAddr) -> std::io::Result<(tokio::net::TcpListener, bool)> {
    match tokio::net::TcpListener::bind(addr).await {
        Ok(l) => Ok((l, false)),
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse && addr.port() != 0 => {
            let any = SocketAddr::new(addr.ip(), 0);
            Ok((tokio::net::TcpListener::bind(any).await?, true))
        }
        Err(e) => Err(e),
    }
}
