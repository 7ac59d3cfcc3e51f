//! `sitemap.xml`: the addresses of the public site's pages, for search engines
//! (<https://www.sitemaps.org/protocol.html>).
//!
//! Made only for the public site with a base URL ([`super::family::outputs`]): a sitemap's
//! addresses are absolute, and a private edition is not for search engines. It lists the pages
//! to read, in the order [`super::family::outputs`] gives them (so the same program gives the
//! same bytes), with no `lastmod`: the pages carry no date that says when they last changed.

use std::fmt::Write as _;

use super::family::{Output, outputs};
use super::view::Scope;
use crate::model::Date;
use crate::paths;

/// The sitemap of the pages `scope`'s audience gets, under `base_url`.
pub(super) fn xml(scope: &Scope<'_>, base_url: &str, today: Date) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for output in outputs(scope, today) {
        let Output::Page(kind) = output else { continue };
        if !kind.is_listed() {
            continue;
        }
        let url = paths::absolute(base_url, &kind.spec().place.web_path());
        let _ = writeln!(xml, "  <url><loc>{}</loc></url>", escape(&url));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `text` with the characters XML gives a meaning escaped (a base URL may hold `&`).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::model::{Audience, PrivateValues};
    use crate::render::strings::Strings;

    #[test]
    fn lists_every_page_to_read_once_under_the_base_url() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let (book, problems) = crate::load_program_with(root, PrivateValues::Dropped);
        let book = book.unwrap_or_else(|| panic!("{problems:?}"));
        let strings = Strings::default();
        let scope = Scope::new(&book, &Audience::Public, &strings);
        let today = Date::parse("2026-03-01").expect("a date");
        let xml = xml(&scope, "https://example.org/a&b", today);
        assert!(
            xml.contains("<loc>https://example.org/a&amp;b/</loc>"),
            "{xml}"
        );
        assert!(xml.contains("<loc>https://example.org/a&amp;b/guide/</loc>"));
        assert!(!xml.contains("404"));
        assert!(!xml.contains("workbook"));
        let pair = &scope.pairs[0];
        assert!(xml.contains(&format!("/pairs/{}/enabling/</loc>", pair.id)));
        let locs: Vec<&str> = xml.lines().filter(|l| l.contains("<loc>")).collect();
        let unique: std::collections::BTreeSet<&&str> = locs.iter().collect();
        assert_eq!(unique.len(), locs.len(), "an address is listed twice");
    }
}
