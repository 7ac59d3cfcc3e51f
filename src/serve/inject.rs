//! Adds the live-reload script to each HTML page as it is served, so the built files never hold it.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use super::edit::{self, Editor};
use super::{Hub, PREFIX};

/// What the pages are served with: the live-reload script, and the editor in edit mode.
#[derive(Clone)]
pub(super) struct Live {
    /// The status the script follows.
    pub hub: Hub,
    /// The editor, in edit mode.
    pub editor: Option<Editor>,
}

/// The largest page the server will add the script to; a bigger one is served as it is.
const MAX_PAGE: usize = 64 * 1024 * 1024;

/// Serves the response, adding the script tag to HTML pages.
///
/// The tag carries the generation the page belongs to, read *before* the file is, so that the page
/// is never older than its tag says and a rebuild finished meanwhile reloads it. HTML is sent with
/// `no-store` and without validators: a page kept by the browser would carry an old generation and
/// reload forever.
pub(super) async fn live_script(State(live): State<Live>, req: Request, next: Next) -> Response {
    let generation = live.hub.generation();
    let path = req.uri().path().to_owned();
    // The editor's own pages (its list, a person's form, a refused save) are not the site's: they
    // have their own bar, and a refused save reloaded would post the form again.
    if path.starts_with(PREFIX) {
        return next.run(req).await;
    }
    let mut response = next.run(req).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if response.status() == StatusCode::NOT_FOUND && !is_html {
        // No 404 page: the site was never built (the program had errors from the start). A page
        // that carries the script still shows those errors, and reloads once they are fixed.
        let (words, lang) = live.hub.current_words();
        return not_built(generation, &words, &lang);
    }
    let full = matches!(response.status(), StatusCode::OK | StatusCode::NOT_FOUND);
    if !is_html || !full {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_PAGE).await else {
        // The file could not be read to the end: say so rather than send a body shorter than the
        // length announced.
        let mut failed =
            Response::new(Body::from("could not read the page; reload to try again\n"));
        *failed.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
        failed
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return failed;
    };
    let tag = script_tag(generation);
    // In edit mode the editor adds its forms, reading the session (which a rebuild may hold).
    let html = match live.editor {
        Some(editor) => tokio::task::spawn_blocking(move || {
            edit::decorate(&editor, &path, &String::from_utf8_lossy(&bytes))
        })
        .await
        .unwrap_or_default(),
        None => String::from_utf8_lossy(&bytes).into_owned(),
    };
    let html = match html.find("</head>") {
        Some(i) => format!("{}{tag}{}", &html[..i], &html[i..]),
        None => format!("{html}{tag}"),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::ETAG);
    parts.headers.remove(header::LAST_MODIFIED);
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Response::from_parts(parts, Body::from(html))
}

fn script_tag(generation: u64) -> String {
    format!("<script src=\"{PREFIX}/live.js?g={generation}\" defer></script>")
}

/// The page served where there is no site yet.
fn not_built(generation: u64, words: &crate::render::strings::ServeWords, lang: &str) -> Response {
    let title = crate::render::charts::esc(&words.not_built);
    let lang = crate::render::charts::esc(if lang.is_empty() { "en" } else { lang });
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title>{}</head>\
         <body><main><h1>{title}</h1><p>{}</p></main></body></html>\n",
        script_tag(generation),
        crate::render::charts::esc(&words.not_built_text),
    );
    let mut response = Response::new(Body::from(html));
    *response.status_mut() = StatusCode::NOT_FOUND;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
