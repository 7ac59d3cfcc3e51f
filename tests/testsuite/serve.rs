//! `serve` and `watch` as a coordinator uses them: the binary running in the background, pages
//! fetched over HTTP, files edited the way editors save them, and the reload events and error
//! overlays that follow.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::harness::{Program, read_tree};

const PAIR: &str = "content/pairs/ana-lopez-ben-okafor.yaml";
const PAIR_PAGE: &str = "/pairs/ana-lopez-ben-okafor/";
/// Long enough for a debug build on a busy machine; the server answers in milliseconds.
const WAIT: Duration = Duration::from_secs(20);

/// A `mentorbook serve` or `watch` running on a program, killed when dropped.
pub struct Server {
    child: Child,
    stderr: Arc<Mutex<String>>,
    /// The server's address, such as `127.0.0.1:41234`; empty for `watch`.
    pub addr: String,
}

impl Server {
    /// Starts `mentorbook <args>` in the program folder and waits until it says `ready`.
    pub fn start(program: &Program, args: &[&str], ready: &str) -> Server {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("mentorbook"))
            .current_dir(program.root())
            .args(args)
            .env("NO_COLOR", "1")
            .env("MENTORBOOK_TODAY", program.today())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start mentorbook");
        let stderr = Arc::new(Mutex::new(String::new()));
        let pipe = child.stderr.take().unwrap();
        let sink = stderr.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                let mut s = sink.lock().unwrap();
                s.push_str(&line);
                s.push('\n');
            }
        });
        let mut server = Server {
            child,
            stderr,
            addr: String::new(),
        };
        server.wait_for_stderr(ready);
        let log = server.stderr();
        if let Some(at) = log.find("at http://") {
            let rest = &log[at + "at http://".len()..];
            server.addr = rest[..rest.find('/').unwrap()].to_owned();
        }
        server
    }

    /// Starts `mentorbook serve -p 0` and waits until it serves.
    pub fn serve(program: &Program) -> Server {
        Server::start(program, &["serve", "-p", "0"], "serving ")
    }

    /// What the server printed so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Waits until standard error contains `needle` (counting from the start).
    pub fn wait_for_stderr(&mut self, needle: &str) {
        let started = Instant::now();
        while !self.stderr().contains(needle) {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "mentorbook exited ({status}) before printing {needle:?}:\n{}",
                    self.stderr()
                );
            }
            assert!(
                started.elapsed() < WAIT,
                "no {needle:?} within {WAIT:?}; stderr:\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// `GET path`, as sent (no normalisation of `..`).
    ///
    /// A connection closed without an answer is tried again, twice: it was seen once in CI, on a
    /// loaded machine, while the test polled a page during rebuilds, and could not be reproduced.
    /// A third one fails the test with the server's console.
    pub fn get(&self, path: &str) -> Response {
        for _ in 0..3 {
            if let Some(r) = get(&self.addr, path) {
                return r;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "the server closed the connection without an answer to GET {path}, three times; \
             stderr:\n{}",
            self.stderr()
        )
    }

    /// Opens the event stream, as an open page does.
    pub fn events(&self) -> Events {
        Events::open(&self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP response.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: String,
    pub body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// One HTTP/1.1 request on a new connection; `None` when the connection closes without an answer.
fn get(addr: &str, path: &str) -> Option<Response> {
    let mut stream = TcpStream::connect(addr).expect("connect to the server");
    stream.set_read_timeout(Some(WAIT)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the response");
    if raw.is_empty() {
        return None;
    }
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {head:?}"));
    Some(Response {
        status,
        headers: head.to_owned(),
        body: body.to_owned(),
    })
}

/// The server-sent events of one connection, read in the background.
pub struct Events {
    rx: mpsc::Receiver<(String, String)>,
}

impl Events {
    fn open(addr: &str) -> Events {
        let mut stream = TcpStream::connect(addr).expect("connect to the server");
        write!(
            stream,
            "GET /__mentorbook/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut name = String::new();
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                if let Some(n) = line.strip_prefix("event: ") {
                    name = n.to_owned();
                } else if let Some(d) = line.strip_prefix("data: ")
                    && tx.send((name.clone(), d.to_owned())).is_err()
                {
                    return;
                }
            }
        });
        Events { rx }
    }

    /// The next event, as (name, data).
    pub fn next(&self) -> (String, String) {
        self.rx
            .recv_timeout(WAIT)
            .unwrap_or_else(|_| panic!("no event within {WAIT:?}"))
    }

    /// Skips events until one called `name`; returns its data.
    pub fn wait_for(&self, name: &str) -> serde_json::Value {
        let started = Instant::now();
        loop {
            let (n, data) = self.next();
            if n == name {
                return serde_json::from_str(&data).expect("JSON event data");
            }
            assert!(started.elapsed() < WAIT, "no {name} event within {WAIT:?}");
        }
    }
}

/// Writes `text` to `rel` as many editors save: to a temporary file, renamed over the original.
fn atomic_save(program: &Program, rel: &str, text: &str) {
    let path = program.path(rel);
    let tmp = path.with_file_name(".save.tmp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
}

/// The site as served (minus the live-reload script), and as a fresh `build` makes it, must match,
/// within [`WAIT`]: the search index is brought up to date just after the pages.
fn assert_same_as_a_fresh_build(program: &Program) {
    program.build_into("fresh").success();
    let fresh = read_tree(&program.path("fresh"));
    let deadline = Instant::now() + WAIT;
    loop {
        let served = read_tree(&program.path("book"));
        let mut differing: Vec<_> = served
            .iter()
            .filter(|(p, bytes)| fresh.get(*p) != Some(*bytes))
            .map(|(p, _)| p.display().to_string())
            .collect();
        differing.extend(
            fresh
                .keys()
                .filter(|p| !served.contains_key(*p))
                .map(|p| format!("{} (missing)", p.display())),
        );
        if differing.is_empty() {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the served site differs from a fresh build: {differing:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn serves_pages_with_the_reload_script_that_built_files_never_hold() {
    let program = Program::fixture("minimal");
    let server = Server::serve(&program);
    let page = server.get(PAIR_PAGE);
    assert_eq!(page.status, 200);
    assert!(
        page.header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    assert!(
        page.body
            .contains("<script src=\"/__mentorbook/live.js?g=0\" defer></script></head>")
    );
    assert_eq!(page.header("cache-control"), Some("no-store"));
    let on_disk = program.read("book/pairs/ana-lopez-ben-okafor/index.html");
    assert!(
        !on_disk.contains("__mentorbook"),
        "the build output holds the script"
    );
    assert_eq!(
        page.body.replace(
            "<script src=\"/__mentorbook/live.js?g=0\" defer></script>",
            ""
        ),
        on_disk
    );

    let css = server.get("/static/style.css");
    assert_eq!(css.status, 200);
    assert!(css.header("content-type").unwrap().starts_with("text/css"));
    assert!(!css.body.contains("__mentorbook"));
    let js = server.get("/__mentorbook/live.js");
    assert!(
        js.header("content-type")
            .unwrap()
            .starts_with("text/javascript")
    );
    assert!(js.body.contains("EventSource"));

    // A folder without its slash, and a page that does not exist: the site's own 404 page.
    assert!(matches!(
        server.get("/pairs/ana-lopez-ben-okafor").status,
        301 | 307 | 308
    ));
    let missing = server.get("/pairs/nobody/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("Page not found"), "{}", missing.body);
}

#[test]
fn nothing_outside_the_output_folder_is_served() {
    let program = Program::fixture("minimal");
    let server = Server::serve(&program);
    for path in [
        "/../book.toml",
        "/../content/people.yaml",
        "/%2e%2e/book.toml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/static/..%2f..%2fbook.toml",
        "/static/%2e%2e%2f%2e%2e%2fbook.toml",
        "/..%5c..%5cbook.toml",
        "/.mentorbook-output/../../book.toml",
        "//etc/passwd",
        "/static/../../content/pairs/ana-lopez-ben-okafor.yaml",
    ] {
        let r = server.get(path);
        assert!(
            matches!(r.status, 400 | 404),
            "{path} answered {}: {}",
            r.status,
            &r.body[..r.body.len().min(200)]
        );
        assert!(!r.body.contains("[book]"), "{path} served book.toml");
        assert!(!r.body.contains("root:"), "{path} served a system file");
        assert!(
            !r.body.contains("mentee: ben-okafor"),
            "{path} served a pair file"
        );
    }
}

#[test]
fn an_edit_reloads_open_pages_with_the_new_content() {
    let program = Program::fixture("minimal");
    let mut server = Server::serve(&program);
    let events = server.events();
    assert_eq!(events.wait_for("ok")["generation"], 0);
    program.patch(PAIR, "list** on his own", "list** by himself");
    assert_eq!(events.wait_for("reload")["generation"], 1);
    server.wait_for_stderr("content/pairs/ana-lopez-ben-okafor.yaml changed: rebuilt ");
    let page = server.get(PAIR_PAGE);
    assert!(page.body.contains("by himself"), "the page was not rebuilt");
    assert!(page.body.contains("live.js?g=1"));
    assert_same_as_a_fresh_build(&program);
}

#[test]
fn a_broken_file_shows_the_error_over_the_page_until_it_is_fixed() {
    let program = Program::fixture("minimal");
    let mut server = Server::serve(&program);
    let before = server.get(PAIR_PAGE).body;
    let events = server.events();
    events.wait_for("ok");

    program.patch(PAIR, "mentee: ben-okafor", "mentee: nobody-at-all");
    let problems = events.wait_for("problems")["problems"]
        .as_str()
        .unwrap()
        .to_owned();
    for part in [
        "MB0201",
        "there is no person `nobody-at-all`",
        "content/pairs/ana-lopez-ben-okafor.yaml:2:9",
        "2 │ mentee: nobody-at-all",
        "help: add `nobody-at-all` to content/people.yaml",
    ] {
        assert!(
            problems.contains(part),
            "{part:?} missing from:\n{problems}"
        );
    }
    server.wait_for_stderr("the site was not rebuilt; the last good site is still served");
    // The last good site is still served, and a page opened now gets the errors at once.
    assert_eq!(server.get(PAIR_PAGE).body, before);
    assert_eq!(server.events().next().0, "problems");

    // A YAML syntax error, then a template error: each is shown the same way.
    program.patch(PAIR, "mentee: nobody-at-all", "mentee: [ben-okafor");
    let syntax = events.wait_for("problems")["problems"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(syntax.contains("MB0101"), "{syntax}");
    assert!(
        syntax.contains("content/pairs/ana-lopez-ben-okafor.yaml:"),
        "{syntax}"
    );

    // Fixed: the overlay goes (nothing changed since the last good build, so no reload is needed).
    program.patch(PAIR, "mentee: [ben-okafor", "mentee: ben-okafor");
    let ok = events.wait_for("ok");
    assert_eq!(ok["problems"], serde_json::Value::Null);
    assert_eq!(server.get(PAIR_PAGE).body, before);
}

#[test]
fn a_template_error_is_shown_and_a_theme_change_rebuilds_every_page() {
    let program = Program::fixture("minimal");
    let server = Server::serve(&program);
    let events = server.events();
    events.wait_for("ok");
    program.write(
        "themes/default/templates/pair.html",
        "{% extends \"base.html\" %}{% block content %}\n<p>{{ pair.no_such_field.deeper }}</p>{% endblock %}",
    );
    let problems = events.wait_for("problems")["problems"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(problems.contains("MB0401"), "{problems}");
    assert!(
        problems.contains("themes/default/templates/pair.html:2:"),
        "{problems}"
    );
    program.write(
        "themes/default/templates/pair.html",
        "{% extends \"base.html\" %}{% block content %}<p>A custom pair page</p>{% endblock %}",
    );
    events.wait_for("reload");
    assert!(server.get(PAIR_PAGE).body.contains("A custom pair page"));
}

#[test]
fn editor_habits_all_end_in_the_right_site() {
    let program = Program::fixture("minimal");
    let mut server = Server::serve(&program);
    let events = server.events();
    events.wait_for("ok");
    let original = program.read(PAIR);

    // An atomic save: a temporary file renamed over the original.
    atomic_save(
        &program,
        PAIR,
        &original.replace("list** on his own", "list** first"),
    );
    events.wait_for("reload");
    assert!(server.get(PAIR_PAGE).body.contains("list</strong> first"));

    // Deleted, then made again.
    program.remove(PAIR);
    std::thread::sleep(Duration::from_millis(5));
    program.write(PAIR, original.replace("list** on his own", "list** second"));
    events.wait_for("reload");
    let deadline = Instant::now() + WAIT;
    while !server.get(PAIR_PAGE).body.contains("list</strong> second") {
        assert!(
            Instant::now() < deadline,
            "the re-made file was not rebuilt"
        );
        std::thread::sleep(Duration::from_millis(20));
    }

    // A burst of saves: the last one wins.
    for n in 0..10 {
        program.write(
            PAIR,
            original.replace("list** on his own", &format!("list** burst {n}")),
        );
    }
    let deadline = Instant::now() + WAIT;
    while !server.get(PAIR_PAGE).body.contains("list</strong> burst 9") {
        assert!(
            Instant::now() < deadline,
            "the last save of a burst was not rebuilt"
        );
        std::thread::sleep(Duration::from_millis(20));
    }

    // A new pair file, then renamed: its pages come, then move.
    program.write(
        "content/pairs/ana-lopez-ben-okafor-2.yaml",
        "mentor: ana-lopez\nmentee: ben-okafor\nstart: 2025-02-01\n",
    );
    let deadline = Instant::now() + WAIT;
    while server.get("/pairs/ana-lopez-ben-okafor-2/").status != 200 {
        assert!(Instant::now() < deadline, "the new pair's page never came");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::fs::rename(
        program.path("content/pairs/ana-lopez-ben-okafor-2.yaml"),
        program.path("content/pairs/second-pair.yaml"),
    )
    .unwrap();
    let deadline = Instant::now() + WAIT;
    while server.get("/pairs/second-pair/").status != 200 {
        assert!(
            Instant::now() < deadline,
            "the renamed pair's page never came"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // The old pages go in the same rebuild, just after the new ones are in place.
    let deadline = Instant::now() + WAIT;
    while server.get("/pairs/ana-lopez-ben-okafor-2/").status != 404 {
        assert!(
            Instant::now() < deadline,
            "the renamed pair's old page stayed"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // Let the last rebuild finish before comparing.
    server.wait_for_stderr("second-pair");
    std::thread::sleep(Duration::from_millis(300));
    assert_same_as_a_fresh_build(&program);
}

#[test]
fn a_busy_port_moves_and_other_hosts_get_a_warning() {
    let program = Program::fixture("minimal");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let server = Server::start(&program, &["serve", "-p", &port], "serving ");
    assert!(
        server
            .stderr()
            .contains(&format!("port {port} is taken; using ")),
        "{}",
        server.stderr()
    );
    assert_eq!(server.get("/").status, 200);
    drop(server);

    let program = Program::fixture("minimal");
    let open = Server::start(&program, &["serve", "-p", "0", "-n", "0.0.0.0"], "serving ");
    assert!(
        open.stderr()
            .contains("warning: serving on 0.0.0.0 makes the site reachable from other machines"),
        "{}",
        open.stderr()
    );
    // One session at a time writes the folder.
    drop(open);
    let local = Server::serve(&program);
    assert!(!local.stderr().contains("warning:"));
}

#[test]
fn watch_rebuilds_on_change_without_serving() {
    let program = Program::fixture("minimal");
    let mut watch = Server::start(&program, &["watch"], "watching ");
    assert!(program.path("book/index.html").is_file());
    program.patch(PAIR, "list** on his own", "list** by himself");
    watch.wait_for_stderr("content/pairs/ana-lopez-ben-okafor.yaml changed: rebuilt ");
    assert!(
        program
            .read("book/pairs/ana-lopez-ben-okafor/index.html")
            .contains("by himself")
    );
    program.patch(PAIR, "mentee: ben-okafor", "mentee: nobody-at-all");
    watch.wait_for_stderr("the site was not rebuilt; the previous output is unchanged");
    assert!(Path::new(&program.path("book/index.html")).is_file());
}

/// Waits for the `n`th partial rebuild; returns its pages rendered and pages in all.
fn rebuilt(server: &mut Server, n: usize) -> (usize, usize) {
    const SAID: &str = "changed: rebuilt ";
    let deadline = Instant::now() + WAIT;
    loop {
        let log = server.stderr();
        if let Some(line) = log.lines().filter(|l| l.contains(SAID)).nth(n - 1) {
            let rest = &line[line.find(SAID).unwrap() + SAID.len()..];
            let numbers: Vec<usize> = rest.split(' ').filter_map(|w| w.parse().ok()).collect();
            return (numbers[0], numbers[1]);
        }
        assert!(Instant::now() < deadline, "no rebuild {n}:\n{log}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_pair_edit_renders_its_pairs_pages_and_the_lists_only_when_they_change() {
    let program = Program::bundled();
    let mut server = Server::serve(&program);
    let events = server.events();
    events.wait_for("ok");
    program.patch(
        PAIR,
        "**soft-tissue surgery list** on his own",
        "**soft-tissue surgery list** by himself",
    );
    events.wait_for("reload");
    let (rendered, total) = rebuilt(&mut server, 1);
    // The pair's six pages and calendar: the vision is on no list, and not in the program's
    // calendar.
    assert_eq!((rendered, total), (7, 57));
    assert!(server.get(PAIR_PAGE).body.contains("by himself"));
    assert_same_as_a_fresh_build(&program);

    // A goal dropped: the lists count goals by status, so they are rendered too (home, pairs,
    // phases, the four phase pages and the mentor directory), with the program's calendar.
    program.patch(PAIR, "    status: dropped", "    status: achieved");
    events.wait_for("reload");
    assert_eq!(rebuilt(&mut server, 2), (7 + 8 + 1, 57));
    assert_same_as_a_fresh_build(&program);

    // A phase file is not a pair's: every page is rendered again.
    program.patch("content/phases/closure.yaml", "title: ", "title: The ");
    server.wait_for_stderr("content/phases/closure.yaml changed: built ");
    events.wait_for("reload");
    assert_same_as_a_fresh_build(&program);
}

#[test]
fn an_output_folder_removed_while_serving_is_built_again_in_full() {
    let program = Program::bundled();
    let mut server = Server::serve(&program);
    let events = server.events();
    events.wait_for("ok");
    std::fs::remove_dir_all(program.path("book")).unwrap();
    program.patch(
        PAIR,
        "**soft-tissue surgery list** on his own",
        "**soft-tissue surgery list** by himself",
    );
    events.wait_for("reload");
    server.wait_for_stderr("content/pairs/ana-lopez-ben-okafor.yaml changed: built 57 pages");
    assert!(server.get(PAIR_PAGE).body.contains("by himself"));
    assert_same_as_a_fresh_build(&program);
}

/// A real browser: Debian's headless Chromium opens a page from `serve`; an edit reloads it by
/// itself, a broken file lays the error over it, and the fix takes the error away.
#[test]
fn an_open_page_in_chromium_reloads_itself_and_shows_errors() {
    let Some(bin) = crate::browser::require_chromium() else {
        return;
    };
    let program = Program::fixture("minimal");
    let server = Server::serve(&program);
    let mut browser = crate::cdp::Browser::launch(&bin);
    browser.navigate(&format!("http://{}{PAIR_PAGE}", server.addr));
    let text = "document.body.innerText";
    assert!(browser.eval(text).as_str().unwrap().contains("on his own"));
    // Wait until the page listens: the stream's first event has been handled.
    browser.wait_for("window.mentorbookLive !== undefined", WAIT);

    browser.clear_events();
    program.patch(PAIR, "list** on his own", "list** by himself");
    browser.wait_for_event("Page.loadEventFired", WAIT);
    browser.wait_for("document.body.innerText.includes('by himself')", WAIT);

    program.patch(PAIR, "mentee: ben-okafor", "mentee: nobody-at-all");
    browser.wait_for(
        "document.getElementById('mentorbook-problems') !== null",
        WAIT,
    );
    let overlay = browser.eval("document.getElementById('mentorbook-problems').innerText");
    let overlay = overlay.as_str().unwrap();
    assert!(
        overlay.contains("there is no person `nobody-at-all`"),
        "{overlay}"
    );
    assert!(
        overlay.contains("content/pairs/ana-lopez-ben-okafor.yaml:2:9"),
        "{overlay}"
    );

    program.patch(PAIR, "mentee: nobody-at-all", "mentee: ben-okafor");
    browser.wait_for(
        "document.getElementById('mentorbook-problems') === null",
        WAIT,
    );
    assert!(browser.eval(text).as_str().unwrap().contains("by himself"));
}

#[test]
fn a_program_broken_from_the_start_shows_its_errors_until_it_builds() {
    let program = Program::fixture("minimal");
    program.patch(PAIR, "mentee: ben-okafor", "mentee: nobody-at-all");
    let server = Server::start(&program, &["serve", "-p", "0"], "serving ");
    let page = server.get("/");
    assert_eq!(page.status, 404);
    assert!(
        page.body.contains("/__mentorbook/live.js?g=0"),
        "{}",
        page.body
    );
    let events = server.events();
    let problems = events.wait_for("problems")["problems"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        problems.contains("there is no person `nobody-at-all`"),
        "{problems}"
    );

    program.patch(PAIR, "mentee: nobody-at-all", "mentee: ben-okafor");
    assert_eq!(events.wait_for("reload")["generation"], 1);
    assert_eq!(server.get("/").status, 200);
}

/// The messages of a session's rebuild, which must have built.
fn session_messages(outcome: mentorbook::session::Outcome) -> Vec<String> {
    match outcome {
        mentorbook::session::Outcome::Built(r) => {
            let mut m: Vec<String> = r
                .warnings
                .into_vec()
                .into_iter()
                .map(|p| p.message)
                .collect();
            m.sort();
            m
        }
        other => panic!("the rebuild did not build: {other:?}"),
    }
}

#[test]
fn a_session_checks_again_every_pair_an_edit_can_change() {
    let program = Program::fixture("minimal");
    let mut session = mentorbook::session::Session::new(program.root(), None);
    let first = session_messages(session.rebuild());
    let not_a_mentor = "`ana-lopez` is not listed as a mentor";
    assert!(!first.iter().any(|m| m == not_a_mentor));
    // People change: the pair's checks, though its file did not, must be made again.
    program.patch(
        "content/people.yaml",
        "roles: [mentor, coordinator]",
        "roles: [coordinator]",
    );
    let after_people = session_messages(session.rebuild());
    assert!(
        after_people.iter().any(|m| m == not_a_mentor),
        "{after_people:?}"
    );
    // A pair edit that changes nothing the checks see keeps the warning, once.
    program.patch(PAIR, "list** on his own", "list** by himself");
    let after_pair = session_messages(session.rebuild());
    assert_eq!(after_pair, after_people);
    // And it goes with its cause.
    program.patch(
        "content/people.yaml",
        "roles: [coordinator]",
        "roles: [mentor, coordinator]",
    );
    assert_eq!(session_messages(session.rebuild()), first);
}

/// The messages of the problems a fresh check of the program finds, sorted.
fn fresh_messages(program: &Program) -> Vec<String> {
    let (_, problems) = mentorbook::load_program(program.root());
    let mut m: Vec<String> = problems.into_vec().into_iter().map(|p| p.message).collect();
    m.sort();
    m
}

#[test]
fn an_edit_to_pairs_alone_is_checked_and_rendered_as_a_full_build_would() {
    use mentorbook::render::Selection;
    use mentorbook::session::Outcome;
    let program = Program::bundled().checked_today();
    let mut session = mentorbook::session::Session::new(program.root(), None);
    let first = session_messages(session.rebuild());
    let hints = [std::path::PathBuf::from(PAIR)];

    // The pair's mentee becomes the mentee of a pair whose dates overlap: the warning is on that
    // other pair's file, which did not change.
    program.patch(PAIR, "mentee: ben-okafor", "mentee: hana-kobayashi");
    let outcome = session.rebuild_hinted(Some(&hints));
    assert!(
        matches!(&outcome, Outcome::Built(r) if matches!(r.selection, Selection::Pairs { .. })),
        "only the pair's pages and the lists are rendered: {outcome:?}"
    );
    let overlapping = session_messages(outcome);
    assert!(
        overlapping
            .iter()
            .any(|m| m
                .starts_with("`hana-kobayashi` is already the mentee of `ana-lopez-ben-okafor`")),
        "{overlapping:?}"
    );
    assert_eq!(overlapping, fresh_messages(&program));
    session.catch_up();
    assert_same_as_a_fresh_build(&program);

    // An error: nothing is written, and once it is mended every page is built again.
    program.patch(PAIR, "mentee: hana-kobayashi", "mentee: nobody-at-all");
    match session.rebuild_hinted(Some(&hints)) {
        Outcome::Failed(p) => {
            let messages: Vec<String> = p.into_vec().into_iter().map(|p| p.message).collect();
            assert!(
                messages
                    .iter()
                    .any(|m| m == "there is no person `nobody-at-all`"),
                "{messages:?}"
            );
        }
        other => panic!("the rebuild did not fail: {other:?}"),
    }
    program.patch(PAIR, "mentee: nobody-at-all", "mentee: ben-okafor");
    let outcome = session.rebuild_hinted(Some(&hints));
    assert!(
        matches!(&outcome, Outcome::Built(r) if r.selection == Selection::All),
        "{outcome:?}"
    );
    assert_eq!(session_messages(outcome), first);
    assert_eq!(first, fresh_messages(&program));
    session.catch_up();
    assert_same_as_a_fresh_build(&program);
}

#[test]
fn a_pair_that_becomes_a_proposal_leaves_the_site_and_comes_back_when_accepted() {
    use mentorbook::render::Selection;
    use mentorbook::session::Outcome;
    let program = Program::bundled().checked_today();
    let mut session = mentorbook::session::Session::new(program.root(), None);
    session.rebuild();
    let hints = [std::path::PathBuf::from(PAIR)];
    program.patch(
        PAIR,
        "mentee: ben-okafor\n",
        "mentee: ben-okafor\nstatus: proposed\n",
    );
    let outcome = session.rebuild_hinted(Some(&hints));
    assert!(
        matches!(&outcome, Outcome::Built(r) if r.selection == Selection::All),
        "a pair set apart is a whole rebuild: {outcome:?}"
    );
    session.catch_up();
    assert_same_as_a_fresh_build(&program);
    assert!(!program.path("book/pairs/ana-lopez-ben-okafor").exists());
    program.patch(PAIR, "status: proposed\n", "");
    session.rebuild_hinted(Some(&hints));
    session.catch_up();
    assert_same_as_a_fresh_build(&program);
    assert!(
        program
            .path("book/pairs/ana-lopez-ben-okafor/index.html")
            .is_file()
    );
}
