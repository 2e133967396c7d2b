"""Launch-to-first-painted-timeline figures for the desktop app: a measurement, not a test.

Starts its own Xvfb (which keeps its screen in a file we can read) and launches the real binary N
times, as a user's launcher would: no WebDriver session, which itself delays the page by a fifth of
a second. Two sources tell each launch's story, both timed from the moment the process is started:
  - the page's start-up marks, from the console line it logs once the first timeline is painted
    (`markPainted` in ui/src/marks.ts; `STORYLINE_CONSOLE` makes the shell send the console to
    standard error): page started, script runs, timeline received, in the DOM, painted;
  - the screen itself: when the first event's pixels (its place comes in the same console line)
    show text. This is the figure a user sees; with WebKit's GPU compositing on a machine without a
    GPU it came 300 ms after the page's mark.
Ends with the medians.

    python3 tests/desktop/launch_time.py target/release/storyline-desktop --runs 9 [--desktop-session]

With --desktop-session the launches run as in a user's desktop session: with a session bus and the
accessibility bus already up. Without one (plain Xvfb), GTK's accessibility bridge starts them on
every launch, which costs about 50 ms before the window can load its page.

Extra environment for the app can be given as NAME=VALUE arguments, to compare WebKit settings.
"""

import json
import mmap
import os
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time

STEPS = ["page-started", "script-started", "timeline-received", "timeline-rendered", "timeline-painted"]
SCREEN = (1280, 800)
# A rectangle of plain background and border has a handful of colours; drawn text adds dozens.
TEXT_COLOURS = 12
POLL_S = 0.004
A11Y_BUS = "/usr/libexec/at-spi-bus-launcher"


class Screen:
    """Xvfb's screen, read from its frame-buffer file (XWD format, 32 bits a pixel)."""

    def __init__(self, fbdir):
        self.path = os.path.join(fbdir, "Xvfb_screen0")
        self.inode = None
        self.map = None

    def _open(self):
        # Xvfb may replace the file when the screen is reconfigured: map the current one.
        inode = os.stat(self.path).st_ino
        if inode != self.inode:
            with open(self.path, "rb") as f:
                self.map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            header = struct.unpack(">25I", self.map[:100])
            self.offset = header[0] + header[19] * 12
            self.stride = header[12]
            self.inode = inode

    def colours(self, rect):
        self._open()
        x, y, w, h = rect
        seen = set()
        for row in range(y, y + h, 2):
            start = self.offset + row * self.stride + x * 4
            seen.update(memoryview(self.map)[start:start + w * 4].cast("I"))
        return len(seen)


def start_xvfb(fbdir):
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-fbdir", fbdir,
         "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as f:
        display = f.readline().strip()
    if not display:
        raise RuntimeError("Xvfb did not start")
    return xvfb, f":{display}"


def descendants(pid):
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    kids = [int(k) for k in f.read().split()]
                found += kids
                todo += kids
        except OSError:
            pass
    return found


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def stop(proc):
    """Stop the app and wait for WebKit's processes too: a web or network process of the last
    launch still holding its data files held up the next launch's page by half a second."""
    children = descendants(proc.pid)
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 10
    while any(alive(c) for c in children) and time.monotonic() < deadline:
        time.sleep(0.02)


def one_launch(binary, env, screen, watch=None, timeout=30.0):
    """Milliseconds from starting the process to each step (and to `on-screen` when `watch`, the
    first event's rectangle, is given), and the first event's rectangle as the page reports it."""
    started = time.time()
    # WebKit writes the console to standard error, unbuffered.
    proc = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL)
    reader = proc.stderr.fileno()
    try:
        buffered, marks, on_screen = b"", None, None
        while time.time() - started < timeout:
            if watch and on_screen is None and screen.colours(watch) >= TEXT_COLOURS:
                on_screen = (time.time() - started) * 1000
            if marks is not None and (on_screen is not None or not watch):
                break
            ready, _, _ = select.select([reader], [], [], POLL_S)
            if ready:
                chunk = os.read(reader, 65536)
                if not chunk:
                    raise RuntimeError(f"the app exited ({proc.wait()}) before painting a timeline")
                buffered += chunk
                m = re.search(rb"storyline:launch (\{[^\n]*\})", buffered)
                if m and marks is None:
                    marks = json.loads(m.group(1))
        else:
            raise RuntimeError(f"no painted timeline within {timeout:.0f} s")
        spans = {k: marks[k] - started * 1000 for k in STEPS if k in marks}
        if on_screen is not None:
            spans["on-screen"] = on_screen
        return spans, marks.get("first-event")
    finally:
        stop(proc)


def describe(spans):
    keys = STEPS + ["on-screen"]
    return ", ".join(f"{k.replace('timeline-', '')} {spans[k]:.0f}" for k in keys if k in spans) + " ms"


def main(argv):
    binary, runs, extra, session = None, 7, {}, False
    args = iter(argv)
    for a in args:
        if a == "--runs":
            runs = int(next(args))
        elif a == "--desktop-session":
            session = True
        elif re.match(r"^[A-Z_][A-Z0-9_]*=", a):
            name, value = a.split("=", 1)
            extra[name] = value
        else:
            binary = os.path.abspath(a)
    if not binary or not os.access(binary, os.X_OK):
        print("usage: launch_time.py BINARY [--runs N] [NAME=VALUE ...]")
        return 2
    if not shutil.which("Xvfb"):
        print("launch_time.py needs Xvfb (apt install xvfb)")
        return 2
    if session and not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        if not shutil.which("dbus-run-session"):
            print("--desktop-session needs dbus-run-session (apt install dbus)")
            return 2
        return subprocess.call(["dbus-run-session", "--", sys.executable, os.path.abspath(__file__)] + argv)
    with tempfile.TemporaryDirectory() as fbdir:
        xvfb, display = start_xvfb(fbdir)
        a11y = None
        if session and os.path.exists(A11Y_BUS):
            a11y = subprocess.Popen([A11Y_BUS, "--launch-immediately"], env=dict(os.environ, DISPLAY=display),
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1)
        try:
            env = dict(os.environ, DISPLAY=display, STORYLINE_CONSOLE="1", **extra)
            env.pop("WAYLAND_DISPLAY", None)
            screen = Screen(fbdir)
            # The first launch warms the page cache and the on-disk index (the figure is for a warm
            # start) and says where the first event is drawn.
            _, watch = one_launch(binary, env, screen)
            if not watch:
                raise RuntimeError("the page did not say where its first event is")
            all_spans = []
            for i in range(runs):
                time.sleep(0.5)
                spans, _ = one_launch(binary, env, screen, watch)
                all_spans.append(spans)
                print(f"launch {i + 1}: {describe(spans)}")
        finally:
            for proc in (a11y, xvfb):
                if proc is not None:
                    proc.terminate()
                    proc.wait()
    keys = [k for k in STEPS + ["on-screen"] if all(k in s for s in all_spans)]
    medians = {k: statistics.median(s[k] for s in all_spans) for k in keys}
    print(f"median of {runs}: {describe(medians)}; the first timeline on screen {medians['on-screen']:.0f} ms "
          f"after launch (page's mark {medians['timeline-painted']:.0f} ms)"
          + ("; as in a desktop session" if session else "; bare Xvfb")
          + (f"; with {' '.join(f'{k}={v}' for k, v in extra.items())}" if extra else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
