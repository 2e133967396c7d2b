"""Launch-to-first-painted-timeline figures for the desktop app: a measurement, not a test.

Starts the real binary N times, as a user's launcher would (no WebDriver session: one delays the page
by a fifth of a second), and reads the page's start-up marks from the console line it logs once the
first timeline is painted (`markPainted` in ui/src/marks.ts; `STORYLINE_CONSOLE` makes the shell send
the console to standard error). Each launch is split, from the moment the process is started, into:
  - page started: the shell is up and WebKitGTK's web process has started loading the page;
  - script runs, timeline received (the backend's first answer), timeline in the DOM;
  - painted: the first timeline on screen.
Ends with the medians.

    xvfb-run -a -s '-screen 0 1280x800x24' python3 tests/desktop/launch_time.py \\
        target/release/storyline-desktop --runs 9

Extra environment for the app can be given as NAME=VALUE arguments, to compare WebKit settings.
"""

import json
import os
import re
import select
import statistics
import subprocess
import sys
import time

STEPS = ["page-started", "script-started", "timeline-received", "timeline-rendered", "timeline-painted"]


def one_launch(binary, env, timeout=30.0):
    """Milliseconds from starting the process to each step, or raises when no marks come."""
    started = time.time() * 1000
    # WebKit writes the console to standard error, unbuffered.
    proc = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    reader = proc.stderr.fileno()
    try:
        buffered = b""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([reader], [], [], 0.5)
            if not ready:
                if proc.poll() is not None:
                    raise RuntimeError(f"the app exited with {proc.returncode} before painting a timeline")
                continue
            chunk = os.read(reader, 65536)
            if not chunk:
                raise RuntimeError("the app closed its output before painting a timeline")
            buffered += chunk
            m = re.search(rb"storyline:launch (\{[^\n]*\})", buffered)
            if m:
                marks = json.loads(m.group(1))
                return {k: marks[k] - started for k in STEPS if k in marks}
        raise RuntimeError(f"no start-up marks within {timeout:.0f} s")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def describe(spans):
    return ", ".join(f"{k.replace('timeline-', '')} {spans[k]:.0f}" for k in STEPS if k in spans) + " ms"


def main(argv):
    binary, runs, extra = None, 7, {}
    args = iter(argv)
    for a in args:
        if a == "--runs":
            runs = int(next(args))
        elif re.match(r"^[A-Z_][A-Z0-9_]*=", a):
            name, value = a.split("=", 1)
            extra[name] = value
        else:
            binary = os.path.abspath(a)
    if not binary or not os.access(binary, os.X_OK):
        print("usage: launch_time.py BINARY [--runs N] [NAME=VALUE ...]")
        return 2
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print("launch_time.py needs a display: run it under xvfb-run")
        return 2
    env = dict(os.environ, STORYLINE_CONSOLE="1", **extra)
    # The first launch warms the page cache and the on-disk index (the figure is for a warm start).
    one_launch(binary, env)
    all_spans = []
    for i in range(runs):
        spans = one_launch(binary, env)
        all_spans.append(spans)
        print(f"launch {i + 1}: {describe(spans)}")
        time.sleep(0.5)
    medians = {k: statistics.median(s[k] for s in all_spans) for k in STEPS if all(k in s for s in all_spans)}
    page_share = statistics.median(s["timeline-painted"] - s["page-started"] for s in all_spans)
    print(f"median of {runs}: {describe(medians)}; first painted timeline {medians['timeline-painted']:.0f} ms "
          f"after launch (the page's share {page_share:.0f} ms)"
          + (f"; with {' '.join(f'{k}={v}' for k, v in extra.items())}" if extra else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
