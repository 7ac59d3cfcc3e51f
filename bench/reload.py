#!/usr/bin/env python3
"""Time from saving one pair file to the reload event that `mentorbook serve` sends open pages.

    python3 bench/reload.py                       # the bundled program and 1,000 generated pairs
    python3 bench/reload.py --pairs 1000 10000 --runs 30

For each program: copies it to a temporary folder (on /dev/shm when there is one), starts
`mentorbook serve -p 0` on it, opens the event stream as a page does, then RUNS times saves one pair
file the way editors do (write a temporary file, rename it over the original) with a changed
sentence, and measures the wall time until the `reload` event arrives. The pair changes from run to
run. Prints the median, the 10th and 90th percentiles, and the server's own account of the last
rebuild. Needs the release binary and the generator: `cargo build --release --bin mentorbook
--example generate`.
"""

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
BIN = os.path.join(TARGET, "release", "mentorbook")
GENERATE = os.path.join(TARGET, "release", "examples", "generate")
# The sentence each run edits: the pair's `vision:`, added at the end when it has none.
VISION = re.compile(r"^(vision: *[|>]?-?\s*\n?\s*)", re.M)


def scratch():
    base = "/dev/shm" if os.path.isdir("/dev/shm") else None
    return tempfile.mkdtemp(prefix="mentorbook-reload-", dir=base)


def bundled(dest):
    shutil.copy(os.path.join(ROOT, "book.toml"), dest)
    shutil.copytree(os.path.join(ROOT, "content"), os.path.join(dest, "content"))


def generated(pairs, dest):
    subprocess.run(
        [GENERATE, "--pairs", str(pairs), "--out", dest],
        check=True,
        stdout=subprocess.DEVNULL,
    )


class Serve:
    def __init__(self, program):
        self.log = open(os.path.join(program, "..", "serve.log"), "w+")
        self.proc = subprocess.Popen(
            [BIN, "serve", "-p", "0"],
            cwd=program,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
            env={**os.environ, "NO_COLOR": "1"},
        )
        deadline = time.time() + 600
        while True:
            text = self.text()
            m = re.search(r"at http://([^/]+)/", text)
            if m:
                self.addr = m.group(1)
                break
            if self.proc.poll() is not None or time.time() > deadline:
                sys.exit("mentorbook serve did not start:\n" + text)
            time.sleep(0.05)
        self.first = [l for l in text.splitlines() if l.startswith("built ")][0]

    def text(self):
        self.log.flush()
        with open(self.log.name) as f:
            return f.read()

    def events(self):
        host, port = self.addr.rsplit(":", 1)
        s = socket.create_connection((host, int(port)))
        s.sendall(
            b"GET /__mentorbook/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n"
        )
        return s.makefile("rb")

    def stop(self):
        self.proc.kill()
        self.proc.wait()


def wait_idle(server, rebuilds):
    """Waits until the server has said it brought the search index up to date `rebuilds` times."""
    deadline = time.time() + 60
    while server.text().count("search index updated") < rebuilds and time.time() < deadline:
        time.sleep(0.02)


def next_event(stream):
    name = None
    while True:
        line = stream.readline()
        if not line:
            sys.exit("the event stream closed")
        line = line.decode().rstrip("\r\n")
        if line.startswith("event: "):
            name = line[len("event: "):]
        elif line.startswith("data: "):
            return name


def measure(label, program, runs):
    pairs_dir = os.path.join(program, "content", "pairs")
    pairs = sorted(f for f in os.listdir(pairs_dir) if f.endswith(".yaml"))
    server = Serve(program)
    stream = server.events()
    assert next_event(stream) == "ok"
    # PERF=FILE records a `perf` profile of the server during the edits only.
    perf = os.environ.get("PERF") and subprocess.Popen(
        ["perf", "record", "-F", "2000", "-g", "-o", os.environ["PERF"], "-p", str(server.proc.pid)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if perf:
        time.sleep(1)
    times = []
    for run in range(runs):
        path = os.path.join(pairs_dir, pairs[(run * 7919) % len(pairs)])
        with open(path) as f:
            text = f.read()
        changed, n = VISION.subn(lambda m: m.group(1) + f"Edit {run}, ", text, count=1)
        if n == 0:
            changed = text.rstrip("\n") + f"\nvision: Edit {run}.\n"
        tmp = path + ".save"
        with open(tmp, "w") as f:
            f.write(changed)
        started = time.perf_counter()
        os.replace(tmp, path)
        while True:
            name = next_event(stream)
            if name == "reload":
                break
            if name == "problems":
                sys.exit("the edit broke the program:\n" + server.text())
        times.append((time.perf_counter() - started) * 1000)
        # Let the server finish what it does after the reload (the search index) before the next
        # save, as between a person's saves.
        wait_idle(server, run + 1)
    rebuilds = [l for l in server.text().splitlines() if " changed: " in l]
    last = rebuilds[-1]
    # The server's own figure for each rebuild (load, check, render, write), without the watcher's
    # debounce and the event's trip: what the one-pair target of issue 7 is about.
    took = sorted(
        int(m.group(1)) for l in rebuilds if (m := re.search(r" in (\d+) ms \(", l))
    )
    if perf:
        perf.send_signal(2)
        perf.wait()
    server.stop()
    times.sort()
    q = statistics.quantiles(times, n=10)
    print(f"## {label}")
    print(f"first build: {server.first}")
    print(
        f"save -> reload event over {runs} edits: median {statistics.median(times):.1f} ms, "
        f"p10 {q[0]:.1f} ms, p90 {q[-1]:.1f} ms, max {times[-1]:.1f} ms"
    )
    if took:
        print(
            f"rebuilds as the server reports them over {len(took)} edits: median "
            f"{statistics.median(took):.0f} ms, min {took[0]} ms, max {took[-1]} ms"
        )
    print(f"last rebuild, as the server reports it: {last}")
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", type=int, nargs="*", default=[1000])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--no-bundled", action="store_true")
    args = ap.parse_args()
    for tool in (BIN, GENERATE):
        if not os.path.exists(tool):
            sys.exit(f"missing {tool}: cargo build --release --bin mentorbook --example generate")
    print(f"mentorbook serve, {os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d')}\n")
    if not args.no_bundled:
        d = scratch()
        program = os.path.join(d, "program")
        os.mkdir(program)
        bundled(program)
        measure("bundled program", program, args.runs)
        shutil.rmtree(d)
    for n in args.pairs:
        d = scratch()
        program = os.path.join(d, "program")
        generated(n, program)
        measure(f"{n:,} generated pairs", program, args.runs)
        shutil.rmtree(d)


if __name__ == "__main__":
    main()
