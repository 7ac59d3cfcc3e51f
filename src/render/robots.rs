//! `robots.txt`: what crawlers are told. A private edition turns them all away, wherever it ends
//! up; the public site, when it is at the root of its host (the only place crawlers read the
//! file), names its sitemap.

use crate::model::Audience;
use crate::paths;

/// Whether the site at `base_url` is at the root of its host (`https://example.org/`), not under
/// a path (`https://user.github.io/repo/`).
pub(super) fn at_host_root(base_url: &str) -> bool {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    after_scheme.trim_end_matches('/').find('/').is_none()
}

/// The text of `robots.txt` for `audience`, with the site at `base_url`.
pub(super) fn txt(audience: &Audience, base_url: Option<&str>) -> String {
    match base_url {
        Some(base) if audience.is_public() => format!(
            "User-agent: *\nDisallow:\n\nSitemap: {}\n",
            paths::absolute(base, paths::SITEMAP)
        ),
        // A private edition must not be indexed even if it ends up somewhere reachable.
        _ => "User-agent: *\nDisallow: /\n".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_site_at_the_root_of_its_host_names_its_sitemap() {
        assert!(at_host_root("https://example.org"));
        assert!(at_host_root("https://example.org/"));
        assert!(!at_host_root("https://user.github.io/repo/"));
        assert_eq!(
            txt(&Audience::Public, Some("https://example.org/")),
            "User-agent: *\nDisallow:\n\nSitemap: https://example.org/sitemap.xml\n"
        );
        assert_eq!(
            txt(&Audience::Coordinators, Some("https://example.org/")),
            "User-agent: *\nDisallow: /\n"
        );
    }
}
