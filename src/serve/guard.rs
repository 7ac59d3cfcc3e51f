//! What the preview server may send: regular files of the output folder, reached without passing
//! through a link.
//!
//! `ServeDir` keeps a request inside the folder by its path (no `..`), but follows links: a link
//! `book/escape -> /` would serve the whole disk. mentorbook never writes a link into the output
//! folder, so the rule is the simplest safe one: a request whose path passes through a link, or that
//! names anything but a regular file (or a folder, whose `index.html` is then checked the same way),
//! is answered as a missing page. A named pipe is never opened, so it cannot hold a request forever.

use std::path::{Component, Path, PathBuf};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::PREFIX;

/// Passes the request on when it may be served; answers with the site's 404 page otherwise.
pub(super) async fn regular_files_only(
    State(dest): State<PathBuf>,
    req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path();
    if path.starts_with(PREFIX) || may_serve(&dest, path) {
        return next.run(req).await;
    }
    not_found(&dest).await
}

/// The site's 404 page (when it is a regular file), with the status 404.
pub(super) async fn not_found(dest: &Path) -> Response {
    let page = dest.join("404.html");
    let regular = std::fs::symlink_metadata(&page).is_ok_and(|m| m.is_file());
    let body = if regular {
        tokio::fs::read(&page).await.ok()
    } else {
        None
    };
    match body {
        Some(html) => (
            StatusCode::NOT_FOUND,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            )],
            Body::from(html),
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "not found\n").into_response(),
    }
}

/// Whether the request path `path` may be served from `dest`: see the module's documentation. A
/// path that names nothing may go on (`ServeDir` answers it with the 404 page, as it answers paths
/// it refuses itself).
pub(super) fn may_serve(dest: &Path, path: &str) -> bool {
    // Decoded as `ServeDir` decodes it, so that both mean the same file.
    let Some(decoded) = percent_decode(path.trim_start_matches('/')) else {
        return true;
    };
    let mut at = dest.to_path_buf();
    for component in Path::new(&decoded).components() {
        match component {
            Component::Normal(name) => at.push(name),
            Component::CurDir => {}
            // `ServeDir` refuses these.
            _ => return true,
        }
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => return false,
            Ok(_) => {}
            Err(_) => return true,
        }
    }
    match std::fs::symlink_metadata(&at) {
        Ok(meta) if meta.is_dir() => match std::fs::symlink_metadata(at.join("index.html")) {
            Ok(index) => index.is_file(),
            Err(_) => true,
        },
        Ok(meta) => meta.is_file(),
        Err(_) => true,
    }
}

/// `%XX` escapes to bytes, as the `percent-encoding` crate decodes them (a `%` not followed by two
/// hexadecimal digits stays as it is); `None` when the result is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(hi), Some(lo)) = (
                bytes.get(i + 1).and_then(|b| hex(*b)),
                bytes.get(i + 2).and_then(|b| hex(*b)),
            )
        {
            out.push(u8::try_from(hi * 16 + lo).unwrap_or(b'%'));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_escapes_decode_as_serve_dir_decodes_them() {
        assert_eq!(percent_decode("a%2Fb%20c").as_deref(), Some("a/b c"));
        assert_eq!(percent_decode("100%").as_deref(), Some("100%"));
        assert_eq!(percent_decode("%zz%4").as_deref(), Some("%zz%4"));
        assert_eq!(percent_decode("%ff"), None);
    }

    #[cfg(unix)]
    #[test]
    fn nothing_through_a_link_and_nothing_but_files() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("book");
        std::fs::create_dir_all(dest.join("guide")).unwrap();
        std::fs::write(dest.join("guide/index.html"), "x").unwrap();
        std::fs::write(dest.join("page.html"), "x").unwrap();
        std::fs::write(dir.path().join("secret"), "x").unwrap();
        std::os::unix::fs::symlink("/", dest.join("escape")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret"), dest.join("secret")).unwrap();
        std::os::unix::fs::symlink(dest.join("page.html"), dest.join("inside.html")).unwrap();
        for ok in [
            "/",
            "/guide/",
            "/guide",
            "/page.html",
            "/missing.html",
            "/a/../b",
        ] {
            assert!(may_serve(&dest, ok), "{ok}");
        }
        for refused in [
            "/escape/etc/passwd",
            "/escape",
            "/%65scape/etc/passwd",
            "/secret",
            "/inside.html",
            "/./escape/etc/hostname",
        ] {
            assert!(!may_serve(&dest, refused), "{refused}");
        }
    }
}
