#!/usr/bin/env python3
"""What the first search loads, and how long a search takes, in headless Chromium.

    python3 bench/search.py                          # 1,000 and 10,000 generated pairs
    python3 bench/search.py --pairs 1000 --runs 5 --queries goals "meeting agenda"
    python3 bench/search.py --bin /path/to/an/older/mentorbook --label before

For each size: generates the program (`--out /dev/shm/search-<pairs>`, kept between runs),
builds its public site with `MENTORBOOK_TODAY=2026-11-23`, counts the index's files and bytes
(`search-index.js` and `search/`), then opens the home page from disk (`file://`) in Debian's
headless Chromium, driven over the DevTools protocol (a small WebSocket client below: no package
to install). For each query, RUNS times, on a freshly loaded page: puts the query in the search box
at once, waits for the results, and sums the bytes of the index's files the page loaded (their
sizes on disk, from the `<script>` elements it added); then searches again, everything loaded, for the
time the search itself takes: the `mentorbook-search` mark that `static/search.js` leaves (the
search and the results drawn, pieces apart), or, for an index loaded whole (before the pieces),
the time the `input` event took, which then searches and draws at once. Prints a Markdown table;
figures are medians. Needs the release binary and the generator: `cargo build --release --bin
mentorbook --example generate`.
"""

import argparse
import base64
import json
import os
import re
import shutil
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
BIN = os.path.join(TARGET, "release", "mentorbook")
GENERATE = os.path.join(TARGET, "release", "examples", "generate")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
QUERIES = ["goals", "meeting", "feedback", "career plan", "lopez"]


class Socket:
    """A WebSocket client, just enough for the DevTools protocol: text frames, masked, no
    extensions."""

    def __init__(self, url):
        u = urllib.parse.urlparse(url)
        self.sock = socket.create_connection((u.hostname, u.port), timeout=120)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (
                f"GET {u.path} HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\nUpgrade: websocket\r\n"
                f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
            ).encode()
        )
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            sys.exit("DevTools refused the WebSocket: " + head.decode(errors="replace"))

    def send(self, text):
        data = text.encode()
        n = len(data)
        head = bytes([0x81])
        if n < 126:
            head += bytes([0x80 | n])
        elif n < 1 << 16:
            head += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            head += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def exact(self, n):
        out = b""
        while len(out) < n:
            chunk = self.sock.recv(n - len(out))
            if not chunk:
                sys.exit("DevTools closed the connection")
            out += chunk
        return out

    def receive(self):
        message = b""
        while True:
            b0, b1 = self.exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self.exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self.exact(8))[0]
            payload = self.exact(n)
            if b0 & 0x0F == 0x9:  # ping
                continue
            message += payload
            if b0 & 0x80:
                return message.decode()


class Browser:
    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="mentorbook-search-bench-")
        self.proc = subprocess.Popen(
            [chromium, *FLAGS, "--remote-debugging-port=0", f"--user-data-dir={self.profile}",
             "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        for line in self.proc.stderr:
            m = re.search(r"DevTools listening on (ws://\S+)", line)
            if m:
                break
        else:
            sys.exit("Chromium did not start")
        self.ws = Socket(m.group(1))
        self.next = 0
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        self.call("Page.enable", {}, self.session)

    def call(self, method, params, session=None):
        self.next += 1
        message = {"id": self.next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        while True:
            answer = json.loads(self.ws.receive())
            if answer.get("id") == self.next:
                if "error" in answer:
                    sys.exit(f"{method}: {answer['error']}")
                return answer["result"]

    def eval(self, js):
        result = self.call(
            "Runtime.evaluate",
            {"expression": js, "returnByValue": True, "awaitPromise": True},
            self.session,
        )
        if "exceptionDetails" in result:
            sys.exit(f"{js}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, url):
        self.call("Page.navigate", {"url": url}, self.session)
        self.wait("document.readyState === 'complete' && location.href === " + json.dumps(url))

    def wait(self, condition, timeout=120):
        deadline = time.time() + timeout
        while not self.eval(f"!!({condition})"):
            if time.time() > deadline:
                sys.exit(f"waited {timeout} s for {condition}")
            time.sleep(0.005)

    def close(self):
        try:
            os.killpg(self.proc.pid, 9)
        except ProcessLookupError:
            pass
        self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


ANSWERED = (
    "document.querySelectorAll('#search-results [role=option]').length > 0"
    " || !!document.querySelector('#search-results .search-none')"
)


def ask(b, query):
    """Puts `query` in the search box at once; returns how long the `input` event took (ms)."""
    return b.eval(
        "(() => { const i = document.getElementById('search-input'); i.focus(); i.value = "
        + json.dumps(query)
        + "; const t = performance.now(); i.dispatchEvent(new Event('input')); return performance.now() - t; })()"
    )


def measure(b, site, query):
    """The bytes of the index the first search for `query` loads, the files, the time until its
    results, the search's own time once everything is loaded, and how many results."""
    home = "file://" + os.path.join(site, "index.html")
    b.open(home)
    b.eval("performance.clearMarks()")
    started = time.time()
    ask(b, query)
    b.wait(ANSWERED)
    first_ms = (time.time() - started) * 1000
    # The scripts the page added (resource timing leaves out files read from disk).
    names = b.eval(
        "[...document.querySelectorAll('script[src]')].map(s => s.src)"
        ".filter(n => /search-index\\.js$|\\/search\\/[^/]+\\.js$/.test(n))"
    )
    files = sorted({urllib.parse.unquote(urllib.parse.urlparse(n).path) for n in names})
    loaded = sum(os.path.getsize(f) for f in files)
    shown = b.eval(
        "[...document.querySelectorAll('#search-results [role=option]')]"
        ".map(o => o.getAttribute('href') + ' ' + o.textContent)"
    )
    # Everything is loaded: search again (closed first, so the results are drawn again).
    piecewise = b.eval("typeof window.mentorbookSearchPiece === 'function'")
    b.eval("document.getElementById('search-input').blur(); performance.clearMarks()")
    sync = ask(b, query)
    if piecewise:
        b.wait("performance.getEntriesByName('mentorbook-search').length > 0")
        query_ms = b.eval("performance.getEntriesByName('mentorbook-search').pop().detail")
    else:
        b.wait(ANSWERED)
        query_ms = sync
    return loaded, len(files), first_ms, query_ms, shown


def index_size(site):
    files = [os.path.join(site, "search-index.js")]
    pieces = os.path.join(site, "search")
    if os.path.isdir(pieces):
        files += [os.path.join(pieces, f) for f in os.listdir(pieces)]
    return sum(os.path.getsize(f) for f in files), len(files)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--pairs", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--queries", nargs="+", default=QUERIES)
    p.add_argument("--bin", default=BIN, help="the mentorbook binary to build with")
    p.add_argument("--label", default="", help="a word for the table's rows (before, after)")
    p.add_argument("--dump", help="a JSON file to write the results shown to, to compare runs")
    p.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = p.parse_args()
    env = {**os.environ, "MENTORBOOK_TODAY": "2026-11-23", "NO_COLOR": "1"}
    b = Browser(args.chromium)
    dumped = {}
    print("| index | pairs | index files | index bytes | query | results | loaded by the first search | files | first results (ms) | search (ms) |")
    print("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    try:
        for pairs in args.pairs:
            program = f"/dev/shm/search-{pairs}"
            if not os.path.isdir(os.path.join(program, "content")):
                subprocess.run([GENERATE, "--pairs", str(pairs), "--out", program], check=True,
                               stdout=subprocess.DEVNULL)
            site = os.path.join(program, "book")
            subprocess.run([args.bin, "build"], cwd=program, env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            size, count = index_size(site)
            for query in args.queries:
                runs = [measure(b, site, query) for _ in range(args.runs)]
                loaded, files, first, took = (
                    statistics.median(r[i] for r in runs) for i in range(4)
                )
                shown = runs[0][4]
                dumped.setdefault(str(pairs), {})[query] = shown
                print(
                    f"| {args.label} | {pairs:,} | {count:,} | {size / 1e6:.2f} MB | {query} | {len(shown)} "
                    f"| {loaded / 1e3:,.1f} kB | {files:.0f} | {first:,.0f} | {took:.1f} |",
                    flush=True,
                )
    finally:
        b.close()
    if args.dump:
        with open(args.dump, "w") as f:
            json.dump(dumped, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
