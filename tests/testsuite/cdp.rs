//! A small Chrome DevTools Protocol client, to drive a real headless Chromium from the tests.
//!
//! [`Browser::launch`] starts Debian's Chromium (find it with [`crate::browser::require_chromium`],
//! which fails without one unless `MENTORBOOK_SKIP_BROWSER=1` is set outside CI) with a fresh
//! profile and `--remote-debugging-port=0`, reads the `DevTools listening on ws://...` line it
//! prints, opens a page and attaches to it with a flattened session. Then:
//!
//! ```ignore
//! let mut b = Browser::launch(&bin);
//! b.navigate("file:///tmp/site/index.html");   // waits for the load event
//! b.press("/");                                 // a key, as a reader types it
//! b.type_text("goals");
//! b.wait_for("document.querySelector('[role=option]')", Duration::from_secs(5));
//! let n = b.eval("document.querySelectorAll('[role=option]').length");
//! let other = b.call("Page.reload", json!({}));  // any other command of the protocol
//!
//! // A live reload: forget the events so far, change a file, wait for the page to load again.
//! b.clear_events();
//! std::fs::write(&pair_file, changed)?;
//! b.wait_for_event("Page.loadEventFired", Duration::from_secs(10));
//! ```
//!
//! Events of the page (`Page.*` after `Page.enable`, `Runtime.*` after `Runtime.enable`, both
//! enabled at launch) are kept while commands wait for their answers, so an event that arrived
//! during an `eval` is not lost; [`Browser::wait_for_event`] takes them in order.
//!
//! Every step has a time limit and panics with what it was waiting for, so a test never hangs.
//! The browser and its helper processes are killed, and its profile deleted, when the [`Browser`]
//! is dropped (or when [`Browser::launch`] fails). Unix only, like the rest of the browser tests.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::{Message, WebSocket};

/// How long one command may take before the test fails.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(30);

/// A headless Chromium and one page in it.
pub struct Browser {
    socket: WebSocket<TcpStream>,
    session: String,
    next_id: u64,
    /// Events received while waiting for a command's answer, oldest first.
    events: VecDeque<Value>,
    /// The last lines Chromium wrote to stderr, for failure messages.
    stderr: mpsc::Receiver<String>,
    /// Dropped after the socket, before the profile: the browser is gone before its folder is.
    _process: Process,
    _profile: tempfile::TempDir,
}

/// The browser's process and its helpers (renderers, GPU, network...), which share a process
/// group whose id is the browser's: all of them are killed when this is dropped, also when the
/// test failed before the DevTools connection was up.
struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        // The whole group, by its id (the browser's pid): helpers are not always gone with it.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.0.id())])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Browser {
    /// Starts headless Chromium (`bin`) and opens a blank 1280×900 page.
    pub fn launch(bin: &Path) -> Browser {
        let profile = tempfile::Builder::new()
            .prefix("mentorbook-cdp-")
            .tempdir()
            .expect("a profile folder");
        let mut command = Command::new(bin);
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let mut child = command
            .args(crate::browser::FLAGS)
            .arg("--remote-debugging-port=0")
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
        let stderr = child.stderr.take().expect("piped stderr");
        let process = Process(child);
        // Chromium prints the address of its DevTools endpoint on stderr. A thread reads every line
        // (a full pipe would block the browser) and passes them on.
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let started = Instant::now();
        let mut seen = Vec::new();
        let ws = loop {
            let left = COMMAND_TIMEOUT.saturating_sub(started.elapsed());
            match rx.recv_timeout(left) {
                Ok(line) => {
                    if let Some(url) = line.split("DevTools listening on ").nth(1) {
                        break url.trim().to_owned();
                    }
                    seen.push(line);
                }
                Err(_) => {
                    panic!(
                        "Chromium printed no DevTools address within {COMMAND_TIMEOUT:?}:\n{}",
                        seen.join("\n")
                    );
                }
            }
        };
        let socket = connect(&ws);
        let mut browser = Browser {
            socket,
            _process: process,
            session: String::new(),
            next_id: 0,
            events: VecDeque::new(),
            stderr: rx,
            _profile: profile,
        };
        let target = browser.send(None, "Target.createTarget", json!({ "url": "about:blank" }));
        let target_id = target["targetId"].as_str().expect("a target id").to_owned();
        let attached = browser.send(
            None,
            "Target.attachToTarget",
            json!({ "targetId": target_id, "flatten": true }),
        );
        browser.session = attached["sessionId"]
            .as_str()
            .expect("a session id")
            .to_owned();
        browser.call("Page.enable", json!({}));
        browser.call("Runtime.enable", json!({}));
        browser.viewport(1280, 900);
        browser
    }

    /// Sends a command of the protocol to the page and returns its result; panics on an error.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let session = self.session.clone();
        self.send(Some(&session), method, params)
    }

    fn send(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if let Some(s) = session {
            message["sessionId"] = json!(s);
        }
        self.socket
            .send(Message::text(message.to_string()))
            .unwrap_or_else(|e| panic!("cannot send {method}: {e}"));
        let deadline = Instant::now() + COMMAND_TIMEOUT;
        loop {
            let Some(reply) = self.receive(method, deadline) else {
                panic!(
                    "no answer to {method} within {COMMAND_TIMEOUT:?}; Chromium said:\n{}",
                    self.stderr_lines()
                );
            };
            if reply["id"].as_u64() == Some(id) {
                if let Some(error) = reply.get("error") {
                    panic!("{method} failed: {error}");
                }
                return reply["result"].clone();
            }
            if reply.get("method").is_some() {
                self.events.push_back(reply);
                if self.events.len() > 1000 {
                    self.events.pop_front();
                }
            }
        }
    }

    /// The next message from the browser, or `None` at the `deadline`.
    fn receive(&mut self, waiting_for: &str, deadline: Instant) -> Option<Value> {
        loop {
            if Instant::now() > deadline {
                return None;
            }
            match self.socket.read() {
                Ok(Message::Text(text)) => {
                    return Some(serde_json::from_str(text.as_str()).expect("DevTools sends JSON"));
                }
                Ok(_) => {}
                Err(tungstenite::Error::Io(e))
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(e) => panic!(
                    "the DevTools connection failed while waiting for {waiting_for}: {e}\n{}",
                    self.stderr_lines()
                ),
            }
        }
    }

    fn stderr_lines(&self) -> String {
        self.stderr.try_iter().collect::<Vec<_>>().join("\n")
    }

    /// Waits for an event of the page named `method` (such as `Page.loadEventFired`), received
    /// since the last call of [`Browser::clear_events`]; returns its parameters.
    pub fn wait_for_event(&mut self, method: &str, timeout: Duration) -> Value {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(i) = self.events.iter().position(|e| {
                e["method"] == method && e["sessionId"].as_str() == Some(self.session.as_str())
            }) {
                let event = self.events.remove(i).expect("found");
                return event["params"].clone();
            }
            match self.receive(method, deadline) {
                Some(event) => self.events.push_back(event),
                None => panic!("no {method} event within {timeout:?}"),
            }
        }
    }

    /// Forgets the events received so far.
    pub fn clear_events(&mut self) {
        self.events.clear();
    }

    /// Opens `url` in the page and waits until it has loaded (its `load` event).
    pub fn navigate(&mut self, url: &str) {
        self.clear_events();
        let result = self.call("Page.navigate", json!({ "url": url }));
        if let Some(error) = result.get("errorText") {
            panic!("cannot open {url}: {error}");
        }
        self.wait_for_event("Page.loadEventFired", COMMAND_TIMEOUT);
    }

    /// Evaluates a JavaScript expression in the page (promises are awaited) and returns its value,
    /// as JSON; panics when it throws.
    pub fn eval(&mut self, js: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({ "expression": js, "returnByValue": true, "awaitPromise": true }),
        );
        if let Some(e) = result.get("exceptionDetails") {
            let text = e["exception"]["description"]
                .as_str()
                .or(e["text"].as_str())
                .unwrap_or("an exception");
            panic!("`{js}` threw: {text}");
        }
        result["result"]["value"].clone()
    }

    /// Whether the JavaScript `condition` becomes true within `timeout`, checked every 50 ms.
    pub fn try_wait_for(&mut self, condition: &str, timeout: Duration) -> bool {
        let started = Instant::now();
        let check = format!("!!({condition})");
        loop {
            if self.eval(&check) == Value::Bool(true) {
                return true;
            }
            if started.elapsed() > timeout {
                return false;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the JavaScript `condition` is true; panics, naming it, after `timeout`.
    #[track_caller]
    pub fn wait_for(&mut self, condition: &str, timeout: Duration) {
        assert!(
            self.try_wait_for(condition, timeout),
            "`{condition}` was still false after {timeout:?}"
        );
    }

    /// Presses and releases one key, sent to the focused element as a reader's key would be: a
    /// character (`"/"`, `"a"`) or a named key (`Enter`, `Escape`, `Tab`, `Backspace`,
    /// `ArrowDown`, `ArrowUp`, `ArrowLeft`, `ArrowRight`, `Home`, `End`, `Space`).
    pub fn press(&mut self, key: &str) {
        let (key, code, vk, text) = key_info(key);
        let mut down = json!({
            "type": if text.is_empty() { "rawKeyDown" } else { "keyDown" },
            "key": key,
            "code": code,
            "windowsVirtualKeyCode": vk,
            "nativeVirtualKeyCode": vk,
        });
        if !text.is_empty() {
            down["text"] = json!(text);
            down["unmodifiedText"] = json!(text);
        }
        self.call("Input.dispatchKeyEvent", down);
        self.call(
            "Input.dispatchKeyEvent",
            json!({ "type": "keyUp", "key": key, "code": code, "windowsVirtualKeyCode": vk, "nativeVirtualKeyCode": vk }),
        );
    }

    /// Types `text` key by key.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(&c.to_string());
        }
    }

    /// Sets the page's size in CSS pixels.
    pub fn viewport(&mut self, width: u32, height: u32) {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
        );
    }

    /// Makes the page see `prefers-color-scheme: <scheme>` (`light` or `dark`).
    pub fn color_scheme(&mut self, scheme: &str) {
        self.call(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        );
    }

    /// A PNG of what the page shows (the viewport).
    pub fn screenshot(&mut self) -> Vec<u8> {
        let shot = self.call("Page.captureScreenshot", json!({ "format": "png" }));
        base64_decode(shot["data"].as_str().expect("screenshot data"))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Ask the browser to quit; `process` then kills whatever is left.
        self.next_id += 1;
        let close = json!({ "id": self.next_id, "method": "Browser.close" });
        let _ = self.socket.send(Message::text(close.to_string()));
        let _ = self.socket.close(None);
    }
}

/// Opens the WebSocket at `ws://host:port/path`, with a read timeout so a read never hangs.
fn connect(ws: &str) -> WebSocket<TcpStream> {
    let rest = ws
        .strip_prefix("ws://")
        .unwrap_or_else(|| panic!("not a ws:// address: {ws}"));
    let host = rest.split('/').next().unwrap_or(rest);
    let stream =
        TcpStream::connect(host).unwrap_or_else(|e| panic!("cannot connect to {host}: {e}"));
    stream
        .set_read_timeout(Some(COMMAND_TIMEOUT))
        .expect("a read timeout");
    let (socket, _) = tungstenite::client(ws, stream)
        .unwrap_or_else(|e| panic!("no WebSocket handshake with {ws}: {e}"));
    // Short reads from now on, so that waiting for an event can stop at its deadline.
    socket
        .get_ref()
        .set_read_timeout(Some(Duration::from_millis(200)))
        .expect("a read timeout");
    socket
}

/// The DOM `key`, `code`, Windows key code and text of a key name or a character.
fn key_info(key: &str) -> (String, String, u32, String) {
    let named =
        |code: &str, vk: u32, text: &str| (key.to_owned(), code.to_owned(), vk, text.to_owned());
    match key {
        "Enter" => named("Enter", 13, "\r"),
        "Escape" => named("Escape", 27, ""),
        "Tab" => named("Tab", 9, ""),
        "Backspace" => named("Backspace", 8, ""),
        "ArrowLeft" => named("ArrowLeft", 37, ""),
        "ArrowUp" => named("ArrowUp", 38, ""),
        "ArrowRight" => named("ArrowRight", 39, ""),
        "ArrowDown" => named("ArrowDown", 40, ""),
        "Home" => named("Home", 36, ""),
        "End" => named("End", 35, ""),
        "Space" | " " => (" ".into(), "Space".into(), 32, " ".into()),
        _ => {
            let mut chars = key.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                panic!("unknown key {key:?}: give one character or a key name");
            };
            let (code, vk) = match c {
                'a'..='z' | 'A'..='Z' => (
                    format!("Key{}", c.to_ascii_uppercase()),
                    c.to_ascii_uppercase() as u32,
                ),
                '0'..='9' => (format!("Digit{c}"), c as u32),
                '/' => ("Slash".into(), 191),
                '-' => ("Minus".into(), 189),
                '.' => ("Period".into(), 190),
                _ => (String::new(), 0),
            };
            (c.to_string(), code, vk, c.to_string())
        }
    }
}

/// Decodes standard base64 (what DevTools sends binary data as).
fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("not base64: {:?}", c as char),
        }
    };
    let bytes: Vec<u8> = text.bytes().filter(|&c| c != b'=').collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &c)| n | value(c) << (18 - 6 * i));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

#[test]
fn base64_decodes_what_devtools_sends() {
    assert_eq!(base64_decode("TWFu"), b"Man");
    assert_eq!(base64_decode("TWE="), b"Ma");
    assert_eq!(base64_decode("TQ=="), b"M");
    assert_eq!(base64_decode("iVBORw0KGgo="), b"\x89PNG\r\n\x1a\n");
}
