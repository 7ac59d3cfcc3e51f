//! The 404 page's context: how its links find the site.
//!
//! Hosts serve `404.html` at any address that has no page, at any depth, so its links cannot be
//! relative ([`crate::paths::Place::root`]). With a base URL they are absolute. Without one they
//! start at `/`, and a small script, inlined in the page and allowed by its hash in the page's
//! Content-Security-Policy (which allows no other inline script), finds the folder that holds the
//! site (`user.github.io/repo/`) when the page loads and leads the links there
//! (`find_root.js` says how).

use std::sync::LazyLock;

use serde::Serialize;
use tera::Context;

use super::view::Scope;

/// The script that finds the site's folder, inlined in the 404 page.
const SCRIPT: &str = include_str!("find_root.js");

/// The script and its hash as a CSP source, made once.
static FIND_ROOT: LazyLock<FindRoot> = LazyLock::new(|| FindRoot {
    script: SCRIPT,
    csp: crate::hash::csp_sha256(SCRIPT.as_bytes()),
});

/// What the 404 template inlines: `script` in a `<script>` element, and `csp` in the page's
/// `script-src`.
#[derive(Serialize)]
struct FindRoot {
    script: &'static str,
    csp: String,
}

/// The 404 page's context: `find_root` when the site has no base URL, `null` when it has one (its
/// links are then absolute).
pub(super) fn context(scope: &Scope<'_>) -> Context {
    let find_root = scope.config.site.base_url.is_none().then_some(&*FIND_ROOT);
    super::context_with("find_root", &find_root)
}
