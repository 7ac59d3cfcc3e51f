//! `serve --edit` in a real browser: Debian's headless Chromium (driven by [`crate::cdp`]) keeps a
//! pair's record through the forms on its enabling page, as a coordinator would: it types into the
//! fields and clicks the buttons, the server saves, rebuilds and sends it back to the page, and
//! the page shows the change. Then the pair file's diff is exactly the intended lines.
//!
//! Also: the editor never reaches a built site, and the pages with its forms pass axe-core.

use std::time::Duration;

use serde_json::{Value, json};

use crate::accessibility::{axe_core, violations};
use crate::browser::require_chromium;
use crate::cdp::Browser;
use crate::harness::{Program, read_tree};
use crate::serve::Server;

const PAIR: &str = "samuel-adeyemi-hana-kobayashi";
const FILE: &str = "content/pairs/samuel-adeyemi-hana-kobayashi.yaml";
/// Long enough for a debug build on a busy machine: a save and its rebuild take well under a second.
const WAIT: Duration = Duration::from_secs(30);

/// `serve --edit` on a port of its own, on the bundled program.
fn serve_edit(program: &Program) -> Server {
    Server::start(program, &["serve", "--edit", "-p", "0"], "serving ")
}

/// `selector` as a JavaScript string literal.
fn js(selector: &str) -> String {
    Value::from(selector).to_string()
}

/// Scrolls the element into view and clicks its middle with the mouse, as a person would.
fn click(b: &mut Browser, selector: &str) {
    let at = b.eval(&format!(
        "(() => {{ const e = document.querySelector({s}); if (!e) return null; \
         e.scrollIntoView({{ block: 'center' }}); const r = e.getBoundingClientRect(); \
         return [r.x + r.width / 2, r.y + r.height / 2]; }})()",
        s = js(selector)
    ));
    let (Some(x), Some(y)) = (at[0].as_f64(), at[1].as_f64()) else {
        panic!("nothing to click at {selector}");
    };
    for kind in ["mouseMoved", "mousePressed", "mouseReleased"] {
        b.call(
            "Input.dispatchMouseEvent",
            json!({ "type": kind, "x": x, "y": y, "button": "left", "clickCount": 1 }),
        );
    }
}

/// Focuses a text field, selects what it holds and types `text` over it (new lines included).
fn fill(b: &mut Browser, selector: &str, text: &str) {
    let found = b.eval(&format!(
        "(() => {{ const e = document.querySelector({s}); if (!e) return false; \
         e.scrollIntoView({{ block: 'center' }}); e.focus(); e.select(); return true; }})()",
        s = js(selector)
    ));
    assert_eq!(found, Value::Bool(true), "no field at {selector}");
    b.call("Input.insertText", json!({ "text": text }));
    let value = b.eval(&format!("document.querySelector({}).value", js(selector)));
    assert_eq!(value, text, "{selector} did not take what was typed");
}

/// Chooses the option `value` of a drop-down list, as picking it with the keyboard or the mouse
/// does: the value changes and the list says so (`input` and `change` events).
fn choose(b: &mut Browser, selector: &str, value: &str) {
    let chosen = b.eval(&format!(
        "(() => {{ const e = document.querySelector({s}); if (!e) return null; e.focus(); \
         e.value = {v}; e.dispatchEvent(new Event('input', {{ bubbles: true }})); \
         e.dispatchEvent(new Event('change', {{ bubbles: true }})); return e.value; }})()",
        s = js(selector),
        v = js(value)
    ));
    assert_eq!(chosen, value, "{selector} has no option {value}");
}

/// Clicks the button at `selector`, which posts its form, and waits for the page the server sends
/// back after the save and the rebuild: its panel says what was saved.
fn save(b: &mut Browser, server: &Server, selector: &str) {
    b.clear_events();
    click(b, selector);
    b.wait_for_event("Page.loadEventFired", WAIT);
    let saved = "document.querySelector('.mb-edit-saved') !== null";
    if !b.try_wait_for(saved, WAIT) {
        let text = b.eval("document.querySelector('main') ? document.querySelector('main').innerText : document.body.innerText");
        panic!(
            "no \"Saved\" after clicking {selector}; the page says:\n{}\nthe server said:\n{}",
            text.as_str().unwrap_or_default(),
            server.stderr()
        );
    }
}

/// The unified diff from `before` to `after`, a line of context each side.
fn diff(before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(1)
        .header(&format!("a/{FILE}"), &format!("b/{FILE}"))
        .to_string()
}

#[test]
fn a_coordinator_ticks_logs_a_meeting_and_updates_a_goal_in_chromium() {
    let Some(bin) = require_chromium() else {
        return;
    };
    let program = Program::bundled();
    let before = program.read(FILE);
    let server = serve_edit(&program);
    let mut b = Browser::launch(&bin);
    let page = format!("http://{}/pairs/{PAIR}/enabling/", server.addr);
    b.navigate(&page);
    assert_eq!(
        b.eval("document.querySelector('#mb-edit') !== null"),
        Value::Bool(true),
        "no editor panel on {page}"
    );

    // Tick the one open item of the enabling checklist, done today (the form's own date), by the
    // mentee, with a comment.
    let item = "help-between-meetings";
    let open = format!("document.querySelector('#item-{item}').classList.contains('is-done')");
    assert_eq!(b.eval(&open), Value::Bool(false), "{item} is already done");
    let form = format!("form[action$='/tick']:has(input[name=item][value='{item}'])");
    assert_eq!(
        b.eval(&format!(
            "document.querySelector({}).value",
            js(&format!("{form} input[name=done]"))
        )),
        program.today(),
        "the tick's date is not today"
    );
    choose(&mut b, &format!("{form} select[name=by]"), "hana-kobayashi");
    fill(
        &mut b,
        &format!("{form} input[name=comment]"),
        "Hana texts Samuel; he answers within the day.",
    );
    save(&mut b, &server, &format!("{form} button[type=submit]"));
    assert!(
        b.eval("location.href")
            .as_str()
            .unwrap()
            .contains("/enabling/#mb-edit"),
        "the save did not come back to the page's panel: {}",
        b.eval("location.href")
    );
    assert_eq!(b.eval(&open), Value::Bool(true), "{item} is not shown done");
    let done = b.eval(&format!(
        "document.querySelector('#item-{item} .check-done').innerText"
    ));
    assert!(
        done.as_str().unwrap().contains("23 November 2026"),
        "{item}: {done}"
    );

    // Log a meeting: today, with a title, two agenda points, a follow-up and private notes.
    let form = "form[action$='/meeting-add']";
    fill(&mut b, &format!("{form} input[name=title]"), "Exam results");
    fill(
        &mut b,
        &format!("{form} textarea[name=agenda]"),
        "How the exam went\nThe training session's plan",
    );
    fill(
        &mut b,
        &format!("{form} textarea[name=follow_ups]"),
        "Hana books the training room",
    );
    fill(
        &mut b,
        &format!("{form} textarea[name=notes]"),
        "Hana passed; she wants to celebrate after Samuel's leave.",
    );
    save(&mut b, &server, &format!("{form} button[type=submit]"));
    let latest = b.eval("document.querySelector('ol.meetings > li.meeting').innerText");
    let latest = latest.as_str().unwrap();
    for shown in [
        "23 November 2026",
        "Exam results",
        "How the exam went",
        "The training session's plan",
        "Hana books the training room",
        "Hana passed",
    ] {
        assert!(
            latest.contains(shown),
            "the meeting log's first meeting lacks {shown:?}:\n{latest}"
        );
    }
    assert_eq!(
        b.eval("document.querySelector('#meetings-title .count').textContent"),
        "13",
        "the meeting count did not go up"
    );

    // The huddle goal: dropped.
    let goal = "lead-huddle";
    let index = b.eval(&format!(
        "[...document.querySelectorAll('div.mb-edit-card')].filter(c => \
         c.querySelector('h3 code')?.textContent === '{goal}').map(c => \
         c.querySelector('form[action$=\"/goal-edit\"] input[name=index]').value)"
    ));
    let [index] = index.as_array().expect("a list").as_slice() else {
        panic!("not one goal form for {goal}: {index}");
    };
    let index = index.as_str().expect("an index");
    let form = format!("form[action$='/goal-edit']:has(input[name=index][value='{index}'])");
    choose(&mut b, &format!("{form} select[name=status]"), "dropped");
    save(&mut b, &server, &format!("{form} button[type=submit]"));
    let status = b.eval(
        "[...document.querySelectorAll('#goal-progress .goal h3')].filter(h => \
         h.textContent.startsWith('Lead the morning huddle')).map(h => \
         h.querySelector('.status').textContent)",
    );
    assert_eq!(status, json!(["Dropped"]), "the huddle goal's status");

    // The file: exactly the three changes, every other line as it was.
    let after = program.read(FILE);
    insta::assert_snapshot!("enabling_page_edits_diff", diff(&before, &after));
    program.check().success();
}

#[test]
fn the_public_site_has_no_editor() {
    let program = Program::bundled();
    program.build().success();
    let mut seen = 0;
    for (path, bytes) in read_tree(program.root()) {
        if path.starts_with("content") {
            continue;
        }
        seen += 1;
        let text = String::from_utf8_lossy(&bytes);
        for needle in ["mb-edit", "__mentorbook", "form-action 'self'"] {
            assert!(
                !text.contains(needle),
                "{} holds {needle:?}, which only `serve --edit` may add",
                path.display()
            );
        }
    }
    assert!(seen > 50, "the build wrote only {seen} files");
}

#[test]
fn the_pages_with_the_editor_pass_axe_core() {
    let Some(bin) = require_chromium() else {
        return;
    };
    let Some(axe) = axe_core() else {
        return;
    };
    let program = Program::bundled();
    let server = serve_edit(&program);
    let mut b = Browser::launch(&bin);
    let mut serious = Vec::new();
    let pages = [
        format!("/pairs/{PAIR}/"),
        format!("/pairs/{PAIR}/negotiation/"),
        format!("/pairs/{PAIR}/enabling/"),
        format!("/pairs/{PAIR}/closure/"),
        "/__mentorbook/edit/".to_owned(),
        "/__mentorbook/edit/person/hana-kobayashi".to_owned(),
    ];
    for scheme in ["light", "dark"] {
        b.color_scheme(scheme);
        for page in &pages {
            b.navigate(&format!("http://{}{page}", server.addr));
            // Every folded group and field open, so that axe-core sees every form.
            b.eval("document.querySelectorAll('details').forEach(d => d.open = true)");
            let found = violations(&mut b, &axe);
            eprintln!("axe-core: {page} ({scheme}): {} violations", found.len());
            for (impact, rule, help, target) in found {
                eprintln!("axe-core: {page} ({scheme}): {impact} {rule}: {help} at {target}");
                serious.push(format!(
                    "{page} ({scheme}): {impact} {rule}: {help} at {target}"
                ));
            }
        }
    }
    assert!(
        serious.is_empty(),
        "accessibility violations on the editor's pages:\n{}",
        serious.join("\n")
    );
}

/// Page after page, as a coordinator goes through pairs: every page opens. (Each page listens to
/// the server's reload events; a page left behind must close its stream, or the browser, which
/// opens six connections to a server at most, would wait for ever on the seventh page.)
#[test]
fn page_after_page_opens_in_chromium() {
    let Some(bin) = require_chromium() else {
        return;
    };
    let program = Program::bundled();
    let server = serve_edit(&program);
    let mut b = Browser::launch(&bin);
    for i in 0..10 {
        let page = if i % 2 == 0 {
            format!("/pairs/{PAIR}/enabling/")
        } else {
            "/".to_owned()
        };
        b.navigate(&format!("http://{}{page}", server.addr));
        b.wait_for("window.mentorbookLive !== undefined", WAIT);
    }
}

/// The screenshots of `docs/editing.md`, taken again by hand after a change to the editor's look:
/// `cargo test --test testsuite -- --ignored screenshots_for_the_editing_docs`, then look at them.
#[test]
#[ignore = "writes docs/images/editing/*.png; run by hand after changing how the editor looks"]
fn screenshots_for_the_editing_docs() {
    let Some(bin) = require_chromium() else {
        return;
    };
    let program = Program::bundled();
    let server = serve_edit(&program);
    let out = crate::harness::repo_root().join("docs/images/editing");
    std::fs::create_dir_all(&out).expect("docs/images/editing");
    let mut b = Browser::launch(&bin);
    b.viewport(1280, 900);
    let shot = |b: &mut Browser, name: &str| {
        std::fs::write(out.join(name), b.screenshot()).expect("write a screenshot");
    };

    // The enabling page's panel, from its heading.
    b.navigate(&format!("http://{}/pairs/{PAIR}/enabling/", server.addr));
    b.eval("document.querySelector('#mb-edit').scrollIntoView({ block: 'start' })");
    shot(&mut b, "enabling-panel.png");

    // A meeting logged: the page comes back to the meetings, with the saved diff above them.
    let form = "form[action$='/meeting-add']";
    fill(&mut b, &format!("{form} input[name=title]"), "Exam results");
    fill(
        &mut b,
        &format!("{form} textarea[name=agenda]"),
        "How the exam went\nThe training session's plan",
    );
    fill(
        &mut b,
        &format!("{form} textarea[name=follow_ups]"),
        "Hana books the training room",
    );
    save(&mut b, &server, &format!("{form} button[type=submit]"));
    b.eval("document.querySelector('#mb-edit-meetings').scrollIntoView({ block: 'start' })");
    shot(&mut b, "saved-diff.png");

    // A new goal with the id of another: refused with the checker's located message.
    let form = "form[action$='/goal-add']";
    fill(&mut b, &format!("{form} input[name=id]"), "lead-huddle");
    fill(
        &mut b,
        &format!("{form} input[name=title]"),
        "Teach the new nurses",
    );
    b.clear_events();
    click(&mut b, &format!("{form} button[type=submit]"));
    b.wait_for_event("Page.loadEventFired", WAIT);
    b.wait_for("document.querySelector('.mb-edit-refused') !== null", WAIT);
    shot(&mut b, "refused-save.png");
}
