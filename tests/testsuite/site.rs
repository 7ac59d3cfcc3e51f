//! What a published site has: `--base-url`, the 404 page's links on a site served under a path,
//! the favicon and the tags that describe a page to search engines and when shared, the sitemap,
//! and "Edit this page" links.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;

use crate::browser::require_chromium;
use crate::cdp::Browser;
use crate::harness::Program;

/// The bundled program with `[site]` keys added to its book.toml.
fn bundled_with_site(site: &str) -> Program {
    let program = Program::bundled();
    program.write(
        "book.toml",
        program.read("book.toml") + "\n[site]\n" + site + "\n",
    );
    program
}

#[test]
fn base_url_on_the_command_line_overrides_book_toml() {
    let program = bundled_with_site("base-url = \"https://old.example.org/\"");
    program.build().success();
    let home = program.read("book/index.html");
    assert!(home.contains("<link rel=\"canonical\" href=\"https://old.example.org/\">"));

    program
        .run(&["build", "--base-url", "https://user.github.io/repo/"])
        .success();
    let home = program.read("book/index.html");
    assert!(
        home.contains("<link rel=\"canonical\" href=\"https://user.github.io/repo/\">"),
        "the build after a new --base-url was not made again"
    );
    let sitemap = program.read("book/sitemap.xml");
    assert!(sitemap.contains("<loc>https://user.github.io/repo/guide/</loc>"));
    assert!(!sitemap.contains("old.example.org"));
    let not_found = program.read("book/404.html");
    assert!(not_found.contains("href=\"https://user.github.io/repo/static/style.css\""));
    assert!(
        !not_found.contains("<script>"),
        "with a base URL the 404 page needs no script"
    );
}

#[test]
fn a_base_url_that_is_not_a_web_address_is_refused_with_what_to_write() {
    let program = Program::bundled();
    for bad in [
        "user.github.io/repo",
        "ftp://example.org/",
        "https://",
        "https://a b/",
    ] {
        program
            .run(&["build", "--base-url", bad])
            .code(2)
            .stderr_has("--base-url")
            .stderr_has("not a web address")
            .stderr_has("https://");
    }
    assert!(!program.path("book").exists());
    for command in ["serve", "watch", "pdf"] {
        program
            .run(&[command, "--base-url", "nope"])
            .code(2)
            .stderr_has("not a web address");
    }
}

#[test]
fn bad_site_keys_in_book_toml_name_the_key_and_say_what_to_write() {
    let program = bundled_with_site("image = \"../secret.png\"");
    program
        .build()
        .code(1)
        .stderr_has("book.toml")
        .stderr_has("neither a web address nor a path in the site");
    let program = bundled_with_site("edit-url-template = \"https://github.com/o/r/edit/main/\"");
    program
        .build()
        .code(1)
        .stderr_has("edit-url-template")
        .stderr_has("{path}");
}

#[test]
fn every_page_has_a_favicon_a_description_and_share_cards() {
    let program = Program::bundled();
    program.build().success();
    let favicon = program.read("book/static/favicon.svg");
    assert!(favicon.starts_with("<svg"));
    let chapter = program.read("book/guide/boundaries/index.html");
    for tag in [
        "<link rel=\"icon\" href=\"../../static/favicon.svg\" type=\"image/svg+xml\">",
        "<meta name=\"description\" content=\"How the Riverside Mentoring Program works",
        "<meta property=\"og:site_name\" content=\"Riverside Mentoring Handbook\">",
        "<meta property=\"og:title\" content=\"",
        "<meta property=\"og:description\" content=\"How the Riverside",
        "<meta name=\"twitter:card\" content=\"summary\">",
        "<meta name=\"twitter:title\" content=\"",
    ] {
        assert!(chapter.contains(tag), "no `{tag}` in a chapter");
    }
    // No address without a base URL: neither canonical link, nor og:url, nor image.
    for tag in ["rel=\"canonical\"", "og:url", "og:image", "twitter:image"] {
        assert!(!chapter.contains(tag), "`{tag}` without a base URL");
    }
    assert!(!program.path("book/sitemap.xml").exists());
}

#[test]
fn the_share_image_is_made_absolute_and_the_favicon_is_the_programs_when_it_has_one() {
    let program = bundled_with_site(
        "base-url = \"https://mentoring.example.org\"\nimage = \"static/cover.png\"",
    );
    program.write("themes/default/static/favicon.svg", "<svg id=\"ours\"/>");
    program.write("themes/default/static/cover.png", "not really a PNG");
    program.build().success();
    assert_eq!(
        program.read("book/static/favicon.svg"),
        "<svg id=\"ours\"/>"
    );
    let pair = program.read("book/pairs/ana-lopez-ben-okafor/index.html");
    for tag in [
        "<link rel=\"canonical\" href=\"https://mentoring.example.org/pairs/ana-lopez-ben-okafor/\">",
        "<meta property=\"og:url\" content=\"https://mentoring.example.org/pairs/ana-lopez-ben-okafor/\">",
        "<meta property=\"og:image\" content=\"https://mentoring.example.org/static/cover.png\">",
        "<meta name=\"twitter:card\" content=\"summary_large_image\">",
    ] {
        assert!(pair.contains(tag), "no `{tag}` in a pair's page");
    }
    // At the root of its host, the site's robots.txt names its sitemap.
    assert_eq!(
        program.read("book/robots.txt"),
        "User-agent: *\nDisallow:\n\nSitemap: https://mentoring.example.org/sitemap.xml\n"
    );
    // The coordinators' edition is not the public site: no public address on its pages.
    program
        .run(&["build", "--audience", "coordinators"])
        .success();
    let private = program.read("book-private/coordinators/pairs/ana-lopez-ben-okafor/index.html");
    assert!(!private.contains("rel=\"canonical\""));
    assert!(
        !program
            .path("book-private/coordinators/sitemap.xml")
            .exists()
    );
    assert_eq!(
        program.read("book-private/coordinators/robots.txt"),
        "User-agent: *\nDisallow: /\n"
    );
}

#[test]
fn the_sitemap_lists_the_pages_to_read_in_a_fixed_order() {
    let program = bundled_with_site("base-url = \"https://example.org/mentoring/\"");
    program.build().success();
    let sitemap = program.read("book/sitemap.xml");
    let locs: Vec<&str> = sitemap
        .lines()
        .filter_map(|l| l.trim().strip_prefix("<url><loc>"))
        .filter_map(|l| l.strip_suffix("</loc></url>"))
        .collect();
    assert_eq!(locs[0], "https://example.org/mentoring/");
    let pairs = crate::harness::pair_ids(program.root());
    let chapters = crate::harness::chapter_ids(program.root());
    // Home, guide, phases, pairs, the mentor directory; each chapter and phase; each pair's
    // overview and four phases.
    assert_eq!(locs.len(), 5 + chapters.len() + 4 + pairs.len() * 5);
    assert!(locs.contains(&"https://example.org/mentoring/mentors/"));
    for pair in &pairs {
        for page in ["", "initiation/", "negotiation/", "enabling/", "closure/"] {
            let loc = format!("https://example.org/mentoring/pairs/{pair}/{page}");
            assert!(locs.contains(&loc.as_str()), "{loc} is not listed");
        }
    }
    // Every address is a page of the site, and no page to print or 404 page is listed.
    for loc in &locs {
        let path = loc.strip_prefix("https://example.org/mentoring/").unwrap();
        assert!(
            program.path("book").join(path).join("index.html").is_file(),
            "{loc} is not a page"
        );
        assert!(!loc.contains("workbook") && !loc.contains("print") && !loc.contains("404"));
    }
    assert!(!sitemap.contains("lastmod"));
    // Under a path, where no crawler reads it, there is no robots.txt.
    assert!(!program.path("book/robots.txt").exists());
    // The same program gives the same bytes.
    program.run(&["build", "-d", "again"]).success();
    assert_eq!(program.read("again/sitemap.xml"), sitemap);
}

#[test]
fn guide_phase_and_pair_pages_link_to_their_source_file_for_editing() {
    let program = bundled_with_site(
        "edit-url-template = \"https://github.com/riverside/handbook/edit/main/{path}\"",
    );
    program.build().success();
    let edit = |page: &str| -> Option<String> {
        let html = program.read(Path::new("book").join(page).join("index.html"));
        let at = html.find("<p class=\"edit-page\"><a href=\"")?;
        let rest = &html[at + "<p class=\"edit-page\"><a href=\"".len()..];
        Some(rest[..rest.find('"').unwrap()].to_owned())
    };
    let base = "https://github.com/riverside/handbook/edit/main/content";
    assert_eq!(
        edit("guide/boundaries").as_deref(),
        Some(format!("{base}/guide/boundaries.md").as_str())
    );
    assert_eq!(
        edit("phases/enabling").as_deref(),
        Some(format!("{base}/phases/enabling.yaml").as_str())
    );
    let pair = "ana-lopez-ben-okafor";
    for page in [format!("pairs/{pair}"), format!("pairs/{pair}/negotiation")] {
        assert_eq!(
            edit(&page).as_deref(),
            Some(format!("{base}/pairs/{pair}.yaml").as_str()),
            "{page}"
        );
    }
    for page in ["", "guide", "pairs", "phases", "workbook", "print"] {
        assert_eq!(edit(page), None, "{page:?} has an edit link");
    }

    let without = Program::bundled();
    without.build().success();
    assert!(
        !without
            .read("book/guide/boundaries/index.html")
            .contains("edit-page")
    );
}

/// A host serving `site` under `/repo/` as GitHub Pages serves a project site: a folder's
/// `index.html`, a file as it is, and `404.html` with status 404 for any other address.
struct SubPathHost {
    port: u16,
}

impl SubPathHost {
    /// Listens on a free port of 127.0.0.1; `site` is read when a request comes.
    fn start(listener: TcpListener, site: PathBuf) -> SubPathHost {
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let site = site.clone();
                std::thread::spawn(move || answer(stream, &site));
            }
        });
        SubPathHost { port }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

/// The status and content type of `path` on the host serving `site` under `/repo/`, and its bytes.
fn lookup(site: &Path, path: &str) -> (u16, &'static str, Vec<u8>) {
    let path = path.split(['?', '#']).next().unwrap_or("");
    let file = path
        .strip_prefix("/repo/")
        .filter(|rest| !rest.split('/').any(|part| part == ".."))
        .map(|rest| {
            let file = site.join(rest);
            if rest.is_empty() || rest.ends_with('/') {
                file.join("index.html")
            } else {
                file
            }
        })
        .filter(|f| f.is_file());
    let (status, file) = match file {
        Some(f) => (200, f),
        None => (404, site.join("404.html")),
    };
    let kind = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css",
        Some("js") => "text/javascript",
        Some("svg") => "image/svg+xml",
        Some("xml") => "application/xml",
        _ => "application/octet-stream",
    };
    (status, kind, std::fs::read(file).unwrap_or_default())
}

fn answer(mut stream: TcpStream, site: &Path) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // The headers, which say nothing this host needs.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let mut words = request.split_whitespace();
    let (method, path) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let (status, kind, body) = lookup(site, path);
    let reason = if status == 200 { "OK" } else { "Not Found" };
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    if method != "HEAD" {
        let _ = stream.write_all(&body);
    }
}

/// Opens a missing page deep under `/repo/` and checks that everything the 404 page links to or
/// loads is a file of the site under `/repo/`.
fn links_of_the_404_page_resolve(b: &mut Browser, host: &SubPathHost, site: &Path) {
    b.navigate(&host.url("/repo/some/missing/page"));
    // The stylesheet is loaded (from /repo/static/style.css, whatever led the page there).
    b.wait_for(
        "[...document.styleSheets].some(s => { try { return s.href && s.href.endsWith('/repo/static/style.css') && s.cssRules.length > 0 } catch (e) { return false } })",
        Duration::from_secs(10),
    );
    let found: Value = b.eval(
        "({
            title: document.querySelector('h1').textContent,
            links: [...document.querySelectorAll('a[href]')].map(a => a.href).filter(h => !h.includes('#')),
            loaded: [...document.querySelectorAll('link[href], script[src]')].map(e => e.href || e.src),
            search: document.querySelector('[data-search]').getAttribute('data-index'),
            home: document.querySelector('.brand').href,
        })",
    );
    assert_eq!(found["title"], "Page not found");
    let home = found["home"].as_str().unwrap();
    assert_eq!(home, host.url("/repo/index.html"));
    let search = found["search"].as_str().unwrap();
    assert!(search.ends_with("/repo/search-index.js"), "{search}");
    let mut checked = 0;
    let urls = found["links"]
        .as_array()
        .unwrap()
        .iter()
        .chain(found["loaded"].as_array().unwrap())
        .map(|v| v.as_str().unwrap().to_owned())
        .chain([host.url(&search[search.find("/repo/").unwrap()..])]);
    for url in urls {
        let path = url
            .strip_prefix(&host.url(""))
            .unwrap_or_else(|| panic!("{url} leaves the site"));
        assert!(path.starts_with("/repo/"), "{url} is outside /repo/");
        let (status, ..) = lookup(site, path);
        assert_eq!(status, 200, "{url} is not a file of the site");
        checked += 1;
    }
    assert!(checked > 15, "only {checked} links and files checked");
}

#[test]
fn the_404_page_works_on_a_site_served_under_a_path_with_and_without_a_base_url() {
    let Some(bin) = require_chromium() else {
        return;
    };
    let program = Program::bundled();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    program.build().success();
    let base = format!("http://127.0.0.1:{port}/repo/");
    program
        .run(&["build", "-d", "with-base", "--base-url", &base])
        .success();
    // One host, whose folder is switched between the two builds.
    let served = program.tmp().join("served");
    let host = SubPathHost::start(listener, served.clone());
    let mut b = Browser::launch(&bin);

    // Without a base URL: the links start at "/" until the page's script finds /repo/.
    crate::harness::copy_dir(&program.path("book"), &served);
    let not_found = program.read("book/404.html");
    assert!(not_found.contains("<a class=\"brand\" href=\"/index.html\">"));
    links_of_the_404_page_resolve(&mut b, &host, &served);
    assert_eq!(
        b.eval("document.documentElement.getAttribute('data-site-root')"),
        "/repo/"
    );

    // With a base URL: absolute links from the start.
    std::fs::remove_dir_all(&served).unwrap();
    crate::harness::copy_dir(&program.path("with-base"), &served);
    links_of_the_404_page_resolve(&mut b, &host, &served);
}

/// `serve` and `watch` keep `--base-url` over every load of book.toml, and a rebuild after an
/// edit that takes a pair off the public site takes it and its pages out of the site and the sitemap.
#[test]
fn a_session_keeps_the_base_url_and_its_sitemap_follows_the_pairs() {
    use mentorbook::session::{Outcome, Session};
    let program = Program::bundled().checked_today();
    let overrides = mentorbook::config::Overrides {
        base_url: Some("https://user.github.io/repo/".to_owned()),
    };
    let mut session = Session::new(program.root(), None).with_overrides(overrides);
    let built = session.rebuild();
    assert!(matches!(built, Outcome::Built(_)), "{built:?}");
    let pair = "ana-lopez-ben-okafor";
    let listed = format!("<loc>https://user.github.io/repo/pairs/{pair}/</loc>");
    assert!(program.read("book/sitemap.xml").contains(&listed));
    assert!(
        program
            .read("book/index.html")
            .contains("<link rel=\"canonical\" href=\"https://user.github.io/repo/\">")
    );
    // The whole pair private: its pages leave the site, so everything is rendered again (a
    // rebuild of the pair alone would keep its old pages).
    program.patch(
        format!("content/pairs/{pair}.yaml"),
        "mentor: ana-lopez\n",
        "visibility: pair\nmentor: ana-lopez\n",
    );
    let rebuilt = session.rebuild();
    let Outcome::Built(report) = rebuilt else {
        panic!("the rebuild did not build: {rebuilt:?}")
    };
    assert!(
        matches!(report.selection, mentorbook::render::Selection::All),
        "a pair hidden is rendered as a whole site: {:?}",
        report.selection
    );
    assert!(!program.path(format!("book/pairs/{pair}")).exists());
    let sitemap = program.read("book/sitemap.xml");
    assert!(!sitemap.contains(pair), "a private pair is still listed");
    assert!(sitemap.contains("<loc>https://user.github.io/repo/guide/</loc>"));
}
