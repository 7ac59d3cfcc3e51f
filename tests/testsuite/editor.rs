//! `serve --edit` over HTTP, as a browser talks to it: a save goes through the forms' own fields
//! and comes back as a redirect to the rebuilt page; every way a write can be refused leaves the
//! program's files byte for byte as they were.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use crate::harness::Program;
use crate::serve::Server;

const PAIR: &str = "content/pairs/joseph-mwangi-aisha-rahman.yaml";
const ENABLING: &str = "/pairs/joseph-mwangi-aisha-rahman/enabling/";
const SAVE: &str = "/__mentorbook/edit/pair/joseph-mwangi-aisha-rahman/";

/// An answer.
pub struct Answer {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Answer {
    fn location(&self) -> Option<&str> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("location").then(|| v.trim())
        })
    }
}

/// One request to `addr`, with `host` as its Host and the extra `headers`.
pub fn request(
    addr: &str,
    method: &str,
    path: &str,
    host: &str,
    headers: &[&str],
    body: &str,
) -> Answer {
    let mut stream = TcpStream::connect(addr).expect("connect to the server");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
    for h in headers {
        head.push_str(h);
        head.push_str("\r\n");
    }
    if method == "POST" {
        head.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the answer");
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Answer {
        status,
        head: head.to_owned(),
        body: body.to_owned(),
    }
}

/// A program served with `serve --edit`, and what a page's forms carry.
struct Editing {
    program: Program,
    server: Server,
}

impl Editing {
    fn start() -> Editing {
        let program = Program::bundled();
        let server = Server::start(&program, &["serve", "--edit", "-p", "0"], "editing: ");
        Editing { program, server }
    }

    fn get(&self, path: &str) -> Answer {
        request(&self.server.addr, "GET", path, &self.server.addr, &[], "")
    }

    /// The token and the file version of the forms on `page`.
    fn form_of(&self, page: &str) -> (String, String) {
        let html = self.get(page).body;
        let value = |name: &str| {
            let at = html
                .find(&format!("name=\"{name}\" value=\""))
                .unwrap_or_else(|| panic!("no {name} in the page"));
            let rest = &html[at + name.len() + 15..];
            rest[..rest.find('"').unwrap()].to_owned()
        };
        (value("token"), value("version"))
    }

    /// Posts `fields` to the save route `action` of the pair, as the page's form would.
    fn post(&self, action: &str, fields: &str) -> Answer {
        let origin = format!("Origin: http://{}", self.server.addr);
        self.post_with(&format!("{SAVE}{action}"), fields, &[&origin])
    }

    fn post_with(&self, path: &str, fields: &str, headers: &[&str]) -> Answer {
        request(
            &self.server.addr,
            "POST",
            path,
            &self.server.addr,
            headers,
            fields,
        )
    }

    fn pair(&self) -> String {
        self.program.read(PAIR)
    }
}

/// The fields every form has.
fn own(token: &str, version: &str) -> String {
    format!(
        "token={token}&version={version}&back={}",
        ENABLING.replace('/', "%2F")
    )
}

#[test]
fn a_tick_is_saved_as_one_entry_and_the_rebuilt_page_shows_it() {
    let e = Editing::start();
    let page = e.get(ENABLING);
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("id=\"mb-edit\""),
        "the panel is on the enabling page"
    );
    assert!(
        page.body.contains("form-action 'self'"),
        "the page's policy lets its forms post"
    );
    let before = e.pair();
    let (token, version) = e.form_of(ENABLING);
    let saved = e.post(
        "tick",
        &format!(
            "{}&phase=enabling&item=keep-records&done=2026-11-20&by=&comment=",
            own(&token, &version)
        ),
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        saved.location(),
        Some(format!("{ENABLING}#mb-edit").as_str())
    );
    let after = e.pair();
    let added: Vec<&str> = after
        .lines()
        .filter(|l| !before.lines().any(|b| b == *l))
        .collect();
    assert_eq!(added, ["  enabling:", "    keep-records: 2026-11-20"]);
    assert_eq!(before.lines().count() + 2, after.lines().count());
    // The page is rebuilt by the time the redirect is answered, and says what was saved.
    let page = e.get(ENABLING).body;
    assert!(page.contains("Saved"), "the panel shows the save");
    assert!(page.contains("+    keep-records: 2026-11-20"));
    assert!(e.server.stderr().contains("+    keep-records: 2026-11-20"));
    // And untick takes it back to the file it was.
    let (token, version) = e.form_of(ENABLING);
    let undone = e.post(
        "untick",
        &format!("{}&phase=enabling&item=keep-records", own(&token, &version)),
    );
    assert_eq!(undone.status, 303, "{}", undone.body);
    // The phase's key stays, empty, as a person unticking by hand would leave it.
    assert_eq!(
        e.pair(),
        before.replace("concerns: |", "  enabling:\nconcerns: |")
    );
}

#[test]
fn a_meeting_logged_through_the_form_appears_on_the_page() {
    let e = Editing::start();
    let (token, version) = e.form_of(ENABLING);
    let saved = e.post(
        "meeting-add",
        &format!(
            "{}&date=2026-11-21&title=Costed+plans&agenda=Five+cases%0D%0ANext+steps&follow_ups=&notes=Went+well.&visibility=",
            own(&token, &version)
        ),
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    let text = e.pair();
    assert!(
        text.contains("  - date: 2026-11-21\n    title: Costed plans\n"),
        "{text}"
    );
    let page = e.get(ENABLING).body;
    assert!(page.contains("Costed plans"));
    assert!(page.contains("Five cases"));
    crate::harness::run_in(e.program.root(), &["check"]).success();
}

/// Every refusal: the status, a word of the answer, and the pair file unchanged.
#[test]
fn every_refused_write_leaves_the_files_untouched() {
    let e = Editing::start();
    let before = e.pair();
    let people = e.program.read("content/people.yaml");
    let (token, version) = e.form_of(ENABLING);
    let tick = |done: &str, by: &str| {
        format!(
            "{}&phase=enabling&item=keep-records&done={done}&by={by}&comment=",
            own(&token, &version)
        )
    };
    let origin = format!("Origin: http://{}", e.server.addr);
    let unchanged = |what: &str| {
        assert_eq!(e.pair(), before, "{what}: the pair file changed");
        assert_eq!(
            e.program.read("content/people.yaml"),
            people,
            "{what}: people.yaml changed"
        );
    };

    // An invalid date: the checker's own message, placed in the edited file.
    let a = e.post("tick", &tick("2026-13-45", ""));
    assert_eq!(a.status, 422, "{}", a.body);
    assert!(
        a.body.contains(PAIR),
        "the problem names the file: {}",
        a.body
    );
    assert!(
        a.body.contains("2026-13-45"),
        "what was typed is shown again"
    );
    unchanged("an invalid date");

    // An unknown person, with the checker's suggestion.
    let a = e.post("tick", &tick("2026-11-20", "aisha-rahmann"));
    assert_eq!(a.status, 422, "{}", a.body);
    assert!(a.body.contains("aisha-rahman"), "{}", a.body);
    unchanged("an unknown person");

    // No token, a wrong one.
    let no_token = tick("2026-11-20", "").replace(&format!("token={token}"), "token=");
    let a = e.post("tick", &no_token);
    assert_eq!(a.status, 403);
    assert!(a.body.contains("another editing session"));
    let a = e.post(
        "tick",
        &tick("2026-11-20", "").replace(&token, &"0".repeat(64)),
    );
    assert_eq!(a.status, 403);
    unchanged("a missing or wrong token");

    // Another site's form; a post that says nowhere where it comes from.
    let path = format!("{SAVE}tick");
    let a = e.post_with(
        &path,
        &tick("2026-11-20", ""),
        &["Origin: http://evil.example"],
    );
    assert_eq!(a.status, 403);
    let a = e.post_with(&path, &tick("2026-11-20", ""), &[]);
    assert_eq!(a.status, 403);
    unchanged("a foreign origin");

    // A name that is not the served address (DNS rebinding), for reads and writes.
    let a = request(&e.server.addr, "GET", ENABLING, "evil.example", &[], "");
    assert_eq!(a.status, 421);
    assert!(!a.body.contains("Aisha"), "nothing of the program is shown");
    let a = request(
        &e.server.addr,
        "POST",
        &path,
        "evil.example",
        &[&origin],
        &tick("2026-11-20", ""),
    );
    assert_eq!(a.status, 421);
    unchanged("a foreign Host");

    // A GET that tries to write.
    let a = e.get(&format!("{path}?{}", tick("2026-11-20", "")));
    assert_eq!(a.status, 405);
    unchanged("a GET");

    // Ids that try to leave the program: never a path, only ids the program has.
    for bad in [
        "/__mentorbook/edit/pair/..%2F..%2Fbook/tick",
        "/__mentorbook/edit/pair/../../book.toml/tick",
        "/__mentorbook/edit/pair/%2e%2e/tick",
        "/__mentorbook/edit/person/..%2Fpeople",
    ] {
        let a = e.post_with(bad, &tick("2026-11-20", ""), &[&origin]);
        assert!(
            matches!(a.status, 400 | 404 | 405),
            "{bad}: {} {}",
            a.status,
            a.body
        );
    }
    unchanged("ids with ..");

    // An unknown form.
    let a = e.post("delete-everything", &tick("2026-11-20", ""));
    assert_eq!(a.status, 422);
    unchanged("an unknown form");

    // The file changed on disk since the form was made: refused, with what changed.
    let edited = before.replace("concerns: |", "# edited in another editor\nconcerns: |");
    e.program.write(PAIR, &edited);
    let a = e.post("tick", &tick("2026-11-20", ""));
    assert_eq!(a.status, 409, "{}", a.body);
    assert!(a.body.contains("changed on disk"), "{}", a.body);
    assert!(a.body.contains("+# edited in another editor"), "{}", a.body);
    assert_eq!(e.pair(), edited, "the other editor's change stays");
}

#[test]
fn people_and_pairs_are_made_and_edited_from_the_list() {
    let e = Editing::start();
    let list = e.get("/__mentorbook/edit/");
    assert_eq!(list.status, 200);
    assert!(list.body.contains("A new pair"));
    let token = {
        let at = list.body.find("name=\"token\" value=\"").unwrap() + 20;
        list.body[at..at + 64].to_owned()
    };
    let origin = format!("Origin: http://{}", e.server.addr);
    let made = e.post_with(
        "/__mentorbook/edit/new/person",
        &format!("token={token}&version=&back=%2F&name=Mei+Chen&id=&roles=mentee&title="),
        &[&origin],
    );
    assert_eq!(made.status, 303, "{}", made.body);
    assert_eq!(
        made.location(),
        Some("/__mentorbook/edit/person/mei-chen#mb-edit")
    );
    assert!(
        e.program
            .read("content/people/mei-chen.yaml")
            .contains("name: Mei Chen")
    );
    // Made again: refused, the file kept.
    let again = e.post_with(
        "/__mentorbook/edit/new/person",
        &format!("token={token}&version=&back=%2F&name=Mei+Chen&id=&roles=mentor&title="),
        &[&origin],
    );
    assert_eq!(again.status, 422, "{}", again.body);
    assert!(
        e.program
            .read("content/people/mei-chen.yaml")
            .contains("roles: [mentee]")
    );

    let pair = e.post_with(
        "/__mentorbook/edit/new/pair",
        &format!(
            "token={token}&version=&back=%2F&mentor=ana-lopez&mentee=mei-chen&start=2026-11-23&id="
        ),
        &[&origin],
    );
    assert_eq!(pair.status, 303, "{}", pair.body);
    assert_eq!(pair.location(), Some("/pairs/ana-lopez-mei-chen/#mb-edit"));
    assert!(
        e.program
            .path("content/pairs/ana-lopez-mei-chen.yaml")
            .is_file()
    );
    assert_eq!(e.get("/pairs/ana-lopez-mei-chen/").status, 200);

    // The person's own form: a change to the private e-mail, in people.yaml, and nothing else.
    let person = "/__mentorbook/edit/person/ana-lopez";
    let page = e.get(person);
    assert_eq!(page.status, 200);
    let version = {
        let at = page.body.find("name=\"version\" value=\"").unwrap() + 22;
        page.body[at..at + 32].to_owned()
    };
    let people = e.program.read("content/people.yaml");
    let saved = e.post_with(
        person,
        &format!("token={token}&version={version}&back=%2F&email=ana%40riverside.example"),
        &[&origin],
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    let after = e.program.read("content/people.yaml");
    let changed: Vec<_> = after
        .lines()
        .filter(|l| !people.lines().any(|b| b == *l))
        .collect();
    assert_eq!(changed, ["      email: ana@riverside.example"]);
}

#[test]
fn edit_mode_is_refused_off_this_machine_and_for_the_public_site() {
    let program = Program::bundled();
    program
        .run(&["serve", "--edit", "--hostname", "0.0.0.0", "-p", "0"])
        .code(2)
        .stderr_has("listens only on this machine");
    program
        .run(&["serve", "--edit", "--audience", "public", "-p", "0"])
        .code(2)
        .stderr_has("not the public site");
}

#[test]
fn without_edit_there_is_no_editor() {
    let program = Program::bundled();
    let server = Server::serve(&program);
    let page = server.get(ENABLING);
    assert!(!page.body.contains("mb-edit"));
    assert!(page.body.contains("form-action 'none'"));
    assert_eq!(server.get("/__mentorbook/edit/").status, 404);
}

#[test]
fn a_pairs_own_edition_edits_that_pair_alone() {
    let program = Program::bundled();
    let server = Server::start(
        &program,
        &[
            "serve",
            "--edit",
            "--audience",
            "pair:ana-lopez-ben-okafor",
            "-p",
            "0",
        ],
        "editing: ",
    );
    let get = |path: &str| request(&server.addr, "GET", path, &server.addr, &[], "");
    let own = get("/pairs/ana-lopez-ben-okafor/enabling/").body;
    assert!(
        own.contains("id=\"mb-edit\""),
        "its own pages have the forms"
    );
    assert!(!own.contains("Concerns (coordinators only)"));
    let token = {
        let at = own.find("name=\"token\" value=\"").unwrap() + 20;
        own[at..at + 64].to_owned()
    };
    let before = program.read(PAIR);
    let people = program.read("content/people.yaml");
    let origin = format!("Origin: http://{}", server.addr);
    let post = |path: &str, body: &str| {
        request(&server.addr, "POST", path, &server.addr, &[&origin], body)
    };
    let other = post(
        &format!("{SAVE}tick"),
        &format!(
            "token={token}&version=x&back=%2F&phase=enabling&item=keep-records&done=2026-11-20"
        ),
    );
    assert_eq!(
        other.status, 404,
        "another pair's file is not this edition's"
    );
    let person = post(
        "/__mentorbook/edit/person/ana-lopez",
        &format!("token={token}&version=x&back=%2F&email=x%40example.org"),
    );
    assert_eq!(person.status, 403);
    // What the pair's edition does not show has no form, and is refused when posted.
    let own_save = "/__mentorbook/edit/pair/ana-lopez-ben-okafor/text";
    let concerns = post(
        own_save,
        &format!("token={token}&version=x&back=%2F&field=concerns&text=Gone"),
    );
    assert_eq!(concerns.status, 403);
    let new = post(
        "/__mentorbook/edit/new/person",
        &format!("token={token}&version=&back=%2F&name=X+Y&roles=mentee"),
    );
    assert_eq!(new.status, 403);
    assert_eq!(program.read(PAIR), before);
    assert_eq!(program.read("content/people.yaml"), people);
    assert!(!program.path("content/people/x-y.yaml").exists());
    assert!(
        program
            .read("content/pairs/ana-lopez-ben-okafor.yaml")
            .contains("concerns: |")
    );
}
