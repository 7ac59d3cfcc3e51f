//! `mentorbook serve --edit`: the pair's and the person's record kept through forms in the served
//! pages, saved as small YAML changes that keep every comment.
//!
//! The pages are the real site (a private edition: the editor must show what it edits), rebuilt
//! after every save. The server adds to each pair page and phase page of a pair, as it serves it,
//! a panel of plain HTML forms ([`panel`]), and a bar on every page that leads to the list of
//! pairs and people to edit. A form posts to `/__mentorbook/edit/...` and is answered with a
//! redirect back to the page, rebuilt by then; no script is needed.
//!
//! A save goes: the guard ([`guard`]: `Host`, `Origin`, the session's token), the file found from
//! the pair's or person's id ([`files`]: a request never names a file), the change made to its
//! text by [`crate::edit`], the whole program checked with the new text and the file written only
//! if it has no errors and is still the version the form was made from ([`save`]), the console
//! shown the diff, the site rebuilt.

mod details;
mod files;
mod forms;
pub mod guard;
mod pages;
mod save;
mod view;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

pub use guard::{Served, Token};

use super::PREFIX;
use crate::session::Session;

/// Rebuilds the site after a save of these files, and tells the console and the open pages.
pub type Rebuild = dyn Fn(&[PathBuf]) + Send + Sync;

/// The editor of one `serve --edit` session; cheap to clone.
#[derive(Clone)]
pub struct Editor(Arc<Inner>);

struct Inner {
    session: Arc<Mutex<Session>>,
    rebuild: Arc<Rebuild>,
    token: Token,
    served: Served,
    versions: save::Versions,
    /// One save at a time, from reading the file to rebuilding the site.
    saving: Mutex<()>,
    /// What the last save did, shown once by the next panel of the page it returned to.
    flash: Mutex<Option<pages::Flash>>,
}

impl Editor {
    /// The editor of `session`, served at `served`; `rebuild` rebuilds after a save.
    pub fn new(
        session: Arc<Mutex<Session>>,
        rebuild: Arc<Rebuild>,
        served: Served,
        token: Token,
    ) -> Editor {
        Editor(Arc::new(Inner {
            session,
            rebuild,
            token,
            served,
            versions: save::Versions::default(),
            saving: Mutex::new(()),
            flash: Mutex::new(None),
        }))
    }

    /// Where addresses are checked.
    pub fn served(&self) -> Served {
        self.0.served.clone()
    }

    fn session(&self) -> std::sync::MutexGuard<'_, Session> {
        self.0.session.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The editor's routes, under `/__mentorbook/edit/`.
pub fn routes(editor: Editor) -> Router {
    Router::new()
        .route(&format!("{PREFIX}/edit.css"), get(css))
        .route(&format!("{PREFIX}/edit/"), get(index))
        .route(
            &format!("{PREFIX}/edit/person/{{id}}"),
            get(person_page).post(save_person),
        )
        .route(
            &format!("{PREFIX}/edit/pair/{{id}}/{{action}}"),
            post(save_pair),
        )
        .route(&format!("{PREFIX}/edit/new/{{kind}}"), post(create))
        .with_state(editor)
}

const CSS: &str = include_str!("edit.css");

async fn css() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/css; charset=utf-8"),
        )],
        CSS,
    )
        .into_response()
}

/// Runs `work` on a thread that may wait for the session (a rebuild may hold it).
async fn blocking(work: impl FnOnce() -> Response + Send + 'static) -> Response {
    tokio::task::spawn_blocking(work).await.unwrap_or_else(|_| {
        (StatusCode::INTERNAL_SERVER_ERROR, "the editor failed\n").into_response()
    })
}

async fn index(State(editor): State<Editor>) -> Response {
    blocking(move || pages::index(&editor)).await
}

async fn person_page(State(editor): State<Editor>, UrlPath(id): UrlPath<String>) -> Response {
    blocking(move || pages::person(&editor, &id)).await
}

async fn save_pair(
    State(editor): State<Editor>,
    UrlPath((id, action)): UrlPath<(String, String)>,
    body: Bytes,
) -> Response {
    blocking(move || pages::save_pair(&editor, &id, &action, &forms::Form::parse(&body))).await
}

async fn save_person(
    State(editor): State<Editor>,
    UrlPath(id): UrlPath<String>,
    body: Bytes,
) -> Response {
    blocking(move || pages::save_person(&editor, &id, &forms::Form::parse(&body))).await
}

async fn create(
    State(editor): State<Editor>,
    UrlPath(kind): UrlPath<String>,
    body: Bytes,
) -> Response {
    blocking(move || pages::create(&editor, &kind, &forms::Form::parse(&body))).await
}

/// A redirect after a save (303, so the browser gets the page).
fn back(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// Adds the editor to a served HTML page of the site at `path`: its style sheet, a bar at the top
/// (after the skip link, which stays the first thing to tab to), the panel of forms before the end
/// of `<main>` on a pair's pages, and forms allowed in the page's Content-Security-Policy (the built
/// pages say `form-action 'none'`). The editor's own pages have all this already, and the server
/// never passes them here.
pub fn decorate(editor: &Editor, path: &str, html: &str) -> String {
    let panel = pages::panel(editor, path);
    let bar = pages::bar(editor, path);
    let mut out = html.replace("form-action 'none'", "form-action 'self'");
    let link = format!("<link rel=\"stylesheet\" href=\"{PREFIX}/edit.css\">");
    if let Some(i) = out.find("</head>") {
        out.insert_str(i, &link);
    }
    if let Some(start) = out.find("<body")
        && let Some(end) = out[start..].find('>')
    {
        let mut at = start + end + 1;
        if let Some(skip) = out[at..].find("class=\"skip-link\"")
            && skip < 200
            && let Some(close) = out[at + skip..].find("</a>")
        {
            at += skip + close + "</a>".len();
        }
        out.insert_str(at, &bar);
    }
    if let Some(panel) = panel
        && let Some(i) = out.rfind("</main>")
    {
        out.insert_str(i, &panel);
    }
    out
}
