"""Real-window end-to-end test of the Storyline desktop app.

Drives the actual binary (a Tauri 2 window over WebKitGTK) through tauri-driver and Debian's
WebKitWebDriver, so it exercises what a reader gets: the window opens on the embedded corpus, the
article list shows every article, clicking one puts its text in the reader, clicking an event
highlights its passage, an export goes through the platform save dialog (driven with xdotool, as a
person would), the IPC answers errors as {code, message}, and the window's capability refuses
commands it was not granted; "Open folder…" opens a story folder through the platform folder dialog,
a cancelled dialog keeps the story, and the next start reopens that story with the date corrected in
it. It prints the launch-to-first-painted-timeline time it saw.

Run under a display (`xvfb-run -a python tests/desktop/test_window.py target/debug/storyline-desktop`).
With STORYLINE_SCREENSHOT=path it also saves a screenshot of the whole X screen (the real window,
not a WebDriver rendering) once an article is open. Ends with a line `N passed, N failed`.
"""

import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import traceback

import urllib3
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.support.ui import WebDriverWait

# Selectors agreed with the web UI (data-testid attributes).
ARTICLE_LIST = '[data-testid="article-list"]'
ARTICLE_ITEM = '[data-testid="article-item"]'
READER_TEXT = '[data-testid="reader-text"]'
EVENT_ITEM = '[data-testid="event-item"]'
PASSAGE_HIGHLIGHT = '[data-testid="passage-highlight"]'
DIALOG_TITLE = "Export timeline"  # the save dialog the shell opens (src-tauri/src/main.rs)
OPEN_TITLE = "Open a story folder"  # the folder dialog of `choose_story`
STORY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../eval/stories/xiaomi-su7")

EXPECTED_ARTICLES = 5  # the embedded corpus: assets/articles
STARTUP_TIMEOUT = 90  # a debug build analyses the corpus before the list can fill
CJK = re.compile(r"[\u4e00-\u9fff]")
VOICE = "libflite_cmu_time_awb.so.1"  # WebKitGTK's flite voice (src-tauri/src/environment.rs)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_tauri_driver(driver_bin, native):
    """tauri-driver on ports of its own (parallel runs on one machine do not meet): (port, process)."""
    port, native_port = free_port(), free_port()
    proc = subprocess.Popen(
        [driver_bin, "--port", str(port), "--native-port", str(native_port), "--native-driver", native],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )
    return port, proc


def wait_for_port(port, proc, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"tauri-driver exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"tauri-driver did not listen on {port} within {timeout}s")


def squash(text):
    """Text without whitespace, so layout (paragraph nodes, line breaks) does not matter."""
    return re.sub(r"\s+", "", text)


def invoke(driver, request):
    """Call the app's `api` command from inside the window; returns {"ok": …} or {"err": …}."""
    return driver.execute_async_script(
        """
        const [request, done] = arguments;
        window.__TAURI_INTERNALS__.invoke('api', {request})
          .then(ok => done({ok}), err => done({err}));
        """,
        request,
    )


def start_session(port, options, attempts=3):
    """A WebDriver session on the app. tauri-driver can drop the first request while WebKitWebDriver
    is still starting (seen on a loaded machine), so a dropped connection is tried again."""
    last = None
    for attempt in range(1, attempts + 1):
        try:
            return webdriver.Remote(command_executor=f"http://127.0.0.1:{port}", options=options)
        except (WebDriverException, urllib3.exceptions.HTTPError, http.client.HTTPException, ConnectionError) as e:
            last = e
            print(f"     session start {attempt} of {attempts} failed: {e!r}")
            time.sleep(2 * attempt)
    raise RuntimeError(f"no WebDriver session after {attempts} tries: {last!r}")


def xdotool(*args, timeout=30):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=timeout, check=True).stdout


def type_into_dialog(text):
    """Replace the file name in the GTK save dialog with `text` (a whole path works there)."""
    xdotool("key", "ctrl+a")
    xdotool("type", "--delay", "5", text)
    if os.environ.get("DEBUG_DIALOG"):
        subprocess.run(["import", "-window", "root", "/tmp/dialog.png"], check=True)
    xdotool("key", "Return")


def export_through_dialog(driver, answer_dialog):
    """Ask the shell to export; when its save dialog is on the X screen, let `answer_dialog` act on
    it (with the keyboard, as a person would); return what the command answered."""
    driver.execute_script(
        """
        window.__exported = undefined;
        window.__TAURI_INTERNALS__.invoke('export_with_dialog', {format: 'json', filter: {}})
          .then(ok => { window.__exported = {ok}; }, err => { window.__exported = {err}; });
        """)
    # The last visible window of that title: an earlier dialog's window may linger unmapped.
    window = xdotool("search", "--sync", "--onlyvisible", "--name", DIALOG_TITLE).split()[-1]
    xdotool("windowfocus", "--sync", window)
    time.sleep(0.5)  # GTK focuses the name field once the dialog is mapped
    answer_dialog()
    return WebDriverWait(driver, 20).until(
        lambda d: d.execute_script("return window.__exported === undefined ? false : window.__exported;"))


def open_story_through_dialog(driver, folder):
    """Press "Open folder…" in the window's header; type `folder` into the folder dialog's location
    field, as a person would."""
    driver.find_element(By.CSS_SELECTOR, '[data-testid="open-story"]').click()
    window = xdotool("search", "--sync", "--onlyvisible", "--name", OPEN_TITLE).split()[-1]
    xdotool("windowfocus", "--sync", window)
    time.sleep(0.5)
    # Out of "Recent" (where the location field searches) to a real folder, then type the path.
    xdotool("key", "alt+Home")
    time.sleep(0.5)
    xdotool("key", "ctrl+l")
    time.sleep(0.2)
    xdotool("type", "--delay", "5", folder.rstrip("/"))
    time.sleep(0.5)
    if os.environ.get("DEBUG_DIALOG"):
        subprocess.run(["import", "-window", "root", "/tmp/dialog.png"], check=True)
    xdotool("key", "Return")


def make_story():
    """A story folder of three real articles, as `storyline new` and `storyline add` leave one."""
    folder = tempfile.mkdtemp(prefix="storyline-desktop-story-")
    names = sorted(f for f in os.listdir(STORY) if f.endswith(".txt"))[:3]
    with open(os.path.join(folder, "manifest.toml"), "w", encoding="utf-8") as m:
        for name in names:
            shutil.copy(os.path.join(STORY, name), folder)
            m.write(f'[articles."{name[:-4]}"]\n')
    return folder, len(names)


def article_ids(driver, at_least):
    return WebDriverWait(driver, STARTUP_TIMEOUT).until(
        lambda d: (lambda found: found if len(found) >= at_least else False)(d.execute_script(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.getAttribute('data-article-id'));",
            f"{ARTICLE_LIST} {ARTICLE_ITEM}")))


def app_pid(binary):
    """The newest process running `binary`: the app under test."""
    return int(subprocess.run(["pgrep", "-n", "-f", f"^{binary}"], capture_output=True, text=True, check=True).stdout)


def process_start_epoch(pid):
    """When a process started, in seconds since the epoch (from /proc, in clock ticks)."""
    with open(f"/proc/{pid}/stat") as f:
        ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/stat") as f:
        boot = next(int(line.split()[1]) for line in f if line.startswith("btime"))
    return boot + ticks / os.sysconf("SC_CLK_TCK")


def launch_spans(driver, binary):
    """From the app's process start: (until the page starts loading, until the page's
    `storyline:timeline-painted` mark (ui/src/marks.ts)), in ms."""
    origin, at = WebDriverWait(driver, STARTUP_TIMEOUT).until(lambda d: d.execute_script(
        "const m = performance.getEntriesByName('storyline:timeline-painted')[0];"
        "return m ? [performance.timeOrigin, m.startTime] : false;"))
    pid = app_pid(binary)
    started = process_start_epoch(pid) * 1000
    return origin - started, origin + at - started


def first_paint_ms(driver, binary):
    """From the app's process start to the first painted timeline."""
    load, elapsed = launch_spans(driver, binary)
    assert elapsed > 0, f"the timeline was painted before the process started ({elapsed} ms)"
    print(f"     the page started loading {load:.0f} ms after launch and painted the timeline {elapsed - load:.0f} ms later")
    return elapsed


class Run:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, fn):
        try:
            fn()
        except Exception:  # a failed check is reported and the run goes on
            self.failed += 1
            print(f"FAIL {name}")
            traceback.print_exc(file=sys.stdout)
        else:
            self.passed += 1
            print(f"ok   {name}")


def main(binary):
    binary = os.path.abspath(binary)
    if not os.access(binary, os.X_OK):
        print(f"no desktop binary at {binary} (run `make build-desktop`)")
        print("0 passed, 1 failed")
        return 1
    driver_bin = shutil.which("tauri-driver")
    native = shutil.which("WebKitWebDriver")
    if not driver_bin or not native:
        print("tauri-driver or WebKitWebDriver is missing (run `make deps`)")
        print("0 passed, 1 failed")
        return 1

    # The story opened last is reopened at the next start: this run keeps its own record of it, so
    # the first window opens on the embedded corpus whatever ran here before.
    os.environ["STORYLINE_STATE_DIR"] = tempfile.mkdtemp(prefix="storyline-desktop-state-")
    story, story_articles = make_story()
    fixed = {}
    port, tauri_driver = start_tauri_driver(driver_bin, native)
    run = Run()
    driver = None
    try:
        wait_for_port(port, tauri_driver)
        options = ArgOptions()
        options.set_capability("tauri:options", {"application": binary})
        started = time.time()
        driver = start_session(port, options)
        driver.set_script_timeout(30)
        state = {}

        def window_lists_every_article():
            # Ids are read in the page in one go: the list re-renders as the corpus loads, so element
            # handles found a moment earlier may be gone.
            ids = WebDriverWait(driver, STARTUP_TIMEOUT).until(
                lambda d: (lambda found: found if len(found) >= EXPECTED_ARTICLES else False)(d.execute_script(
                    "return [...document.querySelectorAll(arguments[0])].map(e => e.getAttribute('data-article-id'));",
                    f"{ARTICLE_LIST} {ARTICLE_ITEM}")))
            print(f"     list filled {time.time() - started:.1f}s after the session started")
            painted = first_paint_ms(driver, binary)
            print(f"     launch to first painted timeline: {painted:.0f} ms (this build)")
            assert len(ids) == EXPECTED_ARTICLES, f"{len(ids)} items, expected {EXPECTED_ARTICLES}"
            assert all(ids) and len(set(ids)) == len(ids), f"article ids not unique and present: {ids}"
            state["ids"] = ids

        def clicking_an_article_shows_its_text():
            first = driver.find_elements(By.CSS_SELECTOR, ARTICLE_ITEM)[0]
            article_id = first.get_attribute("data-article-id")
            first.click()
            reader = WebDriverWait(driver, 20).until(
                lambda d: (lambda r: r if r and r[0].text.strip() else False)(d.find_elements(By.CSS_SELECTOR, READER_TEXT)))[0]
            shown = squash(reader.text)
            assert "Meta" in shown, "the story's company is not in the reader"
            assert len(CJK.findall(shown)) > 200, "the reader shows little Chinese text"
            answer = invoke(driver, {"cmd": "article", "args": {"id": article_id}})
            assert "ok" in answer, answer
            expected = squash(answer["ok"]["text"])
            assert expected[:60] in shown, "the reader does not show the start of the article's text"
            assert expected[-30:] in shown, "the reader does not show the end of the article's text"
            state["first_text"] = shown
            shot = os.environ.get("STORYLINE_SCREENSHOT")
            if shot:
                time.sleep(1.0)  # let WebKit paint before the X screen is read
                subprocess.run(["import", "-window", "root", shot], check=True)
                print(f"     screenshot saved to {shot}")

        def another_article_replaces_the_text():
            items = driver.find_elements(By.CSS_SELECTOR, ARTICLE_ITEM)
            last = items[-1]
            article_id = last.get_attribute("data-article-id")
            expected = squash(invoke(driver, {"cmd": "article", "args": {"id": article_id}})["ok"]["text"])
            last.click()
            WebDriverWait(driver, 20).until(
                lambda d: expected[:60] in squash(d.find_element(By.CSS_SELECTOR, READER_TEXT).text))
            assert squash(driver.find_element(By.CSS_SELECTOR, READER_TEXT).text) != state.get("first_text")

        def an_unknown_article_is_an_error_with_a_code():
            answer = invoke(driver, {"cmd": "article", "args": {"id": "no-such-article"}})
            assert "err" in answer, answer
            err = answer["err"]
            assert err.get("code") == "unknown_article", err
            assert "no-such-article" in err.get("message", ""), err

        def a_malformed_request_is_an_error_not_a_crash():
            answer = invoke(driver, {"cmd": "no_such_command"})
            assert "err" in answer, answer
            assert invoke(driver, {"cmd": "articles"}).get("ok"), "the app stopped answering"

        def clicking_an_event_highlights_its_passage():
            timeline = invoke(driver, {"cmd": "timeline", "args": {"filter": {}}})
            assert "ok" in timeline, timeline
            events = {e["id"]: e for e in timeline["ok"]["events"]}
            item = WebDriverWait(driver, 20).until(
                lambda d: (lambda found: found[0] if found else False)(d.find_elements(By.CSS_SELECTOR, EVENT_ITEM)))
            event = events[item.get_attribute("data-event-id")]
            quote = squash(event["sources"][0]["quote"])
            item.click()
            WebDriverWait(driver, 20).until(lambda d: any(
                squash(m.text) == quote for m in d.find_elements(By.CSS_SELECTOR, PASSAGE_HIGHLIGHT)))
            reader = driver.find_element(By.CSS_SELECTOR, READER_TEXT)
            assert reader.get_attribute("data-article-id") == event["sources"][0]["article"], "the reader shows another article"

        def an_export_is_saved_where_the_save_dialog_says():
            folder = tempfile.mkdtemp(prefix="storyline-desktop-test-")
            target = os.path.join(folder, "timeline.json")
            answer = export_through_dialog(driver, lambda: type_into_dialog(target))
            assert answer == {"ok": target}, answer
            with open(target, encoding="utf-8") as f:
                exported = json.load(f)
            assert len(exported["articles"]) == EXPECTED_ARTICLES, exported.keys()
            assert os.listdir(folder) == ["timeline.json"], "a temporary file was left behind"
            shutil.rmtree(folder)

        def a_cancelled_dialog_writes_nothing():
            answer = export_through_dialog(driver, lambda: xdotool("key", "Escape"))
            assert answer == {"ok": None}, answer

        def the_page_cannot_name_a_path_to_write():
            # The page has no command that takes a path: the dialog is opened by the Rust side.
            answer = driver.execute_async_script(
                """
                const [done] = arguments;
                window.__TAURI_INTERNALS__.invoke('export_to_file', {format: 'json', filter: {}, path: '/tmp/storyline-pwned.json'})
                  .then(ok => done({ok}), err => done({err: String(err)}));
                """)
            assert "err" in answer, answer
            assert not os.path.exists("/tmp/storyline-pwned.json")

        def commands_outside_the_capability_are_refused():
            for command, args in [("plugin:dialog|open", {"options": {}}),
                                  ("plugin:dialog|save", {"options": {}}),
                                  ("plugin:fs|read_text_file", {"path": "/etc/passwd"}),
                                  ("plugin:shell|execute", {"program": "sh", "args": ["-c", "true"]})]:
                answer = driver.execute_async_script(
                    """
                    const [command, args, done] = arguments;
                    window.__TAURI_INTERNALS__.invoke(command, args).then(ok => done({ok}), err => done({err: String(err)}));
                    """, command, args)
                assert "err" in answer, f"{command} was allowed: {answer}"
                assert "not allowed" in answer["err"], f"{command} failed for another reason: {answer}"

        def the_page_runs_under_a_content_security_policy():
            # WebDriver scripts run in the page, so a CSP without 'unsafe-eval' stops the Function constructor.
            blocked = driver.execute_script(
                "try { return new Function('return 1')() !== 1; } catch (e) { return true; }")
            assert blocked, "eval-like code runs: the CSP is not applied"

        def webkit_processes_search_the_voice_library_first():
            # See src-tauri/src/environment.rs: WebKitGTK's flite voice binds 31,290 symbols of its
            # own; the shell links it first and preloads it into WebKit's processes.
            app = app_pid(binary)
            webkit = next(line.split()[5] for line in open(f"/proc/{app}/maps") if "libwebkit2gtk-4.1.so" in line)
            needed = lambda path: re.findall(r"\[(.*?)\]", subprocess.run(["readelf", "-d", path], capture_output=True, text=True, check=True).stdout)
            assert VOICE in needed(webkit), f"{webkit} no longer links {VOICE}: the shell's preload is pointless, drop it"
            assert VOICE in needed(binary), f"the shell does not name {VOICE} among its libraries"
            children = [int(p) for p in subprocess.run(["pgrep", "-P", str(app)], capture_output=True, text=True).stdout.split()]
            webkits = [p for p in children if open(f"/proc/{p}/comm").read().startswith("WebKit")]
            assert len(webkits) >= 2, f"expected WebKit's web and network processes among {children}"
            for pid in webkits:
                voice = next(line.split()[5] for line in open(f"/proc/{pid}/maps") if f"/{VOICE[:-2]}" in line)
                with open(f"/proc/{pid}/environ", "rb") as f:
                    env = dict(v.split(b"=", 1) for v in f.read().split(b"\0") if b"=" in v)
                preload = env.get(b"LD_PRELOAD", b"").decode()
                assert voice in re.split(r"[ :]", preload), f"process {pid} loads {voice} but preloads {preload!r}"

        def without_a_gpu_only_the_web_process_loads_gl():
            # See src-tauri/src/environment.rs: with no render node the shell draws nothing with GL,
            # so it loads no GL driver; the web process, which draws, keeps EGL's usual vendors.
            if any(n.startswith("renderD") for n in (os.listdir("/dev/dri") if os.path.isdir("/dev/dri") else [])):
                raise AssertionError("this machine has a GPU render node: the check is for machines without one")
            app = app_pid(binary)
            gl = lambda pid: sorted({line.split()[5] for line in open(f"/proc/{pid}/maps")
                                     if len(line.split()) > 5 and re.search(r"/(libLLVM|[a-z]+_dri\.so|libgallium)", line)})
            assert gl(app) == [], f"the shell loads GL drivers: {gl(app)}"
            children = [int(p) for p in subprocess.run(["pgrep", "-P", str(app)], capture_output=True, text=True).stdout.split()]
            web = [p for p in children if open(f"/proc/{p}/comm").read().startswith("WebKitWeb")]
            assert web, f"no WebKit web process among {children}"
            for pid in web:
                with open(f"/proc/{pid}/environ", "rb") as f:
                    assert b"__EGL_VENDOR_LIBRARY_FILENAMES" not in f.read(), f"web process {pid} inherited the shell's empty EGL vendor list"
            assert driver.execute_script("return document.querySelectorAll(arguments[0]).length", ARTICLE_ITEM) > 0

        def a_story_opened_through_the_folder_dialog_replaces_the_built_in_one():
            open_story_through_dialog(driver, story)
            # Counted in the page: element handles sent back could go stale while the list renders.
            WebDriverWait(driver, STARTUP_TIMEOUT).until(lambda d: d.execute_script(
                "return document.querySelectorAll(arguments[0]).length", f"{ARTICLE_LIST} {ARTICLE_ITEM}") == story_articles)
            timeline = invoke(driver, {"cmd": "timeline", "args": {"filter": {}}})["ok"]
            event = next(e for e in timeline["events"] if e["sources"])
            answer = invoke(driver, {"cmd": "set_event_date", "args": {"event": event["id"], "date": "2020-02-03"}})
            assert "ok" in answer, answer
            fixed["id"] = event["id"]
            with open(os.path.join(story, "storyline-edits.json"), encoding="utf-8") as f:
                assert json.load(f)["edits"][0]["change"]["start"] == "2020-02-03"

        def a_cancelled_folder_dialog_keeps_the_story():
            driver.execute_script(
                """
                window.__opened = undefined;
                window.__TAURI_INTERNALS__.invoke('choose_story', {how: 'open'})
                  .then(ok => { window.__opened = {ok}; }, err => { window.__opened = {err}; });
                """)
            window = xdotool("search", "--sync", "--onlyvisible", "--name", OPEN_TITLE).split()[-1]
            xdotool("windowfocus", "--sync", window)
            time.sleep(0.5)
            xdotool("key", "Escape")
            answer = WebDriverWait(driver, 20).until(
                lambda d: d.execute_script("return window.__opened === undefined ? false : window.__opened;"))
            assert answer == {"ok": False}, answer
            assert len(invoke(driver, {"cmd": "articles"})["ok"]) == story_articles

        def files_dropped_on_the_window_are_added_and_refused_ones_named():
            # WebDriver cannot drag from the desktop: the drop is dispatched in the real window's
            # page with File objects, as WebKit hands a drop from the file manager to the page.
            names = sorted(f for f in os.listdir(STORY) if f.endswith(".txt"))
            with open(os.path.join(STORY, names[0]), encoding="utf-8") as f:
                duplicate = f.read()
            with open(os.path.join(STORY, names[story_articles]), encoding="utf-8") as f:
                good = f.read()
            driver.execute_script(
                """
                const [duplicate, good] = arguments;
                const files = [
                  new File([duplicate], 'copy.txt', {type: 'text/plain'}),
                  new File([new Uint8Array([0, 1, 2, 0, 255, 0, 3])], 'broken.txt', {type: 'text/plain'}),
                  new File([good], 'good.txt', {type: 'text/plain'}),
                ];
                const data = new DataTransfer();
                for (const f of files) data.items.add(f);
                const target = document.querySelector('.app');
                target.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true}));
                target.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
                """, duplicate, good)
            notice = WebDriverWait(driver, STARTUP_TIMEOUT).until(lambda d: (lambda n: n if n and n[0].is_displayed() and n[0].text else False)(
                d.find_elements(By.CSS_SELECTOR, '[data-testid="notice"]')))[0].text
            assert "copy.txt" in notice and "broken.txt" in notice, notice
            articles = invoke(driver, {"cmd": "articles"})["ok"]
            assert len(articles) == story_articles + 1, [a["id"] for a in articles]
            assert any(a["id"] == "good" for a in articles), [a["id"] for a in articles]
            assert os.path.exists(os.path.join(story, "good.txt")) and not os.path.exists(os.path.join(story, "broken.txt"))
            fixed["articles"] = story_articles + 1
            # The correction made before survives the new analysis.
            timeline = invoke(driver, {"cmd": "timeline", "args": {"filter": {}}})["ok"]
            event = next((e for e in timeline["events"] if "date" in e["edited"]), None)
            assert event and event["date"]["start"] == "2020-02-03", event

        def ctrl_z_and_ctrl_shift_z_undo_and_redo_in_the_window():
            # Keys go to the real window through xdotool, as a person presses them.
            fixed_date = lambda: next((e["date"]["start"] for e in invoke(driver, {"cmd": "timeline", "args": {"filter": {}}})["ok"]["events"]
                                       if "date" in e["edited"]), None)
            assert fixed_date() == "2020-02-03"
            driver.find_element(By.CSS_SELECTOR, "h1.brand").click()
            window = xdotool("search", "--sync", "--onlyvisible", "--name", "Storyline").split()[0]
            xdotool("windowfocus", "--sync", window)
            xdotool("key", "ctrl+z")
            WebDriverWait(driver, 20).until(lambda d: fixed_date() is None)
            with open(os.path.join(story, "storyline-edits.json"), encoding="utf-8") as f:
                assert json.load(f)["edits"] == [], "the undone correction is still saved"
            xdotool("key", "ctrl+shift+z")
            WebDriverWait(driver, 20).until(lambda d: fixed_date() == "2020-02-03")

        def without_a_display_it_says_so_and_exits():
            env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
            done = subprocess.run([binary], env=env, capture_output=True, text=True, timeout=60)
            assert done.returncode == 2, (done.returncode, done.stderr)
            assert "no display" in done.stderr and "storyline serve" in done.stderr, done.stderr
            assert "panicked" not in done.stderr, done.stderr

        run.check("the window lists every article of the embedded corpus", window_lists_every_article)
        if "ids" in state:
            run.check("clicking an article shows its text", clicking_an_article_shows_its_text)
            run.check("clicking another article replaces the text", another_article_replaces_the_text)
        run.check("an unknown article answers {code: unknown_article, message}", an_unknown_article_is_an_error_with_a_code)
        run.check("a malformed request is an error, not a crash", a_malformed_request_is_an_error_not_a_crash)
        run.check("clicking an event highlights its passage in the reader", clicking_an_event_highlights_its_passage)
        run.check("an export is saved where the platform save dialog says", an_export_is_saved_where_the_save_dialog_says)
        run.check("a cancelled save dialog writes nothing", a_cancelled_dialog_writes_nothing)
        run.check("the page cannot name a path to write", the_page_cannot_name_a_path_to_write)
        run.check("commands outside the window's capability are refused", commands_outside_the_capability_are_refused)
        run.check("the page runs under a content security policy", the_page_runs_under_a_content_security_policy)
        run.check("WebKit's processes search its slowest-binding library first", webkit_processes_search_the_voice_library_first)
        run.check("without a GPU only WebKit's web process loads GL", without_a_gpu_only_the_web_process_loads_gl)
        run.check("without a display it says so and exits, no panic", without_a_display_it_says_so_and_exits)
        run.check("a story opened through the folder dialog replaces the built-in one", a_story_opened_through_the_folder_dialog_replaces_the_built_in_one)
        run.check("a cancelled folder dialog keeps the story", a_cancelled_folder_dialog_keeps_the_story)
        run.check("files dropped on the window are added; a duplicate and an unreadable one are named", files_dropped_on_the_window_are_added_and_refused_ones_named)
        run.check("Ctrl+Z and Ctrl+Shift+Z undo and redo a correction in the window", ctrl_z_and_ctrl_shift_z_undo_and_redo_in_the_window)
        if os.environ.get("STORYLINE_MEASURE_RSS"):
            measure_rss(binary)
    except Exception as e:  # whatever stops the session, the run still ends with its count line
        run.failed += 1
        print(f"FAIL the desktop session stopped: {e!r}")
        traceback.print_exc(file=sys.stdout)
    finally:
        quit_session(driver)
        tauri_driver.terminate()
        try:
            tauri_driver.wait(timeout=10)
        except subprocess.TimeoutExpired:
            tauri_driver.kill()
    if fixed:
        run.check("the next start reopens the story, with its correction", lambda: reopened_with_fix(port, binary, fixed.get("articles", story_articles), fixed["id"]))
    print(f"{run.passed} passed, {run.failed} failed")
    return 0 if run.failed == 0 else 1


def reopened_with_fix(port, binary, articles, event_id):
    """A second start, with no corpus named: the story opened last, with the date fixed in it."""
    native = shutil.which("WebKitWebDriver")
    port, driver_proc = start_tauri_driver(shutil.which("tauri-driver"), native)
    driver = None
    try:
        wait_for_port(port, driver_proc)
        options = ArgOptions()
        options.set_capability("tauri:options", {"application": binary})
        driver = start_session(port, options)
        driver.set_script_timeout(30)
        ids = article_ids(driver, articles)
        assert len(ids) == articles, ids
        timeline = invoke(driver, {"cmd": "timeline", "args": {"filter": {}}})["ok"]
        # Ids are the current analysis's; the correction follows its passage.
        event = next((e for e in timeline["events"] if "date" in e["edited"]), None)
        assert event and event["date"]["start"] == "2020-02-03", (event_id, event)
        assert "date" in event["edited"], event
    finally:
        quit_session(driver)
        driver_proc.terminate()


def quit_session(driver):
    """End a WebDriver session, if one started; one that already died is ended."""
    if driver is not None:
        try:
            driver.quit()
        except WebDriverException:
            pass


def measure_rss(binary):
    """Print the resident memory of the app and the WebKit processes it started (a figure, not a check)."""
    rows = {}
    for line in subprocess.run(["ps", "-eo", "pid=,ppid=,rss=,args="], capture_output=True, text=True).stdout.splitlines():
        pid, ppid, rss, args = line.strip().split(None, 3)
        rows[int(pid)] = (int(ppid), int(rss), args)
    apps = [pid for pid, (_, _, args) in rows.items() if args.split()[0] == binary]
    family, grew = set(apps), True
    while grew:
        grew = False
        for pid, (ppid, _, _) in rows.items():
            if ppid in family and pid not in family:
                family.add(pid)
                grew = True
    total = 0
    for pid in sorted(family):
        _, rss, args = rows[pid]
        total += rss
        print(f"     rss {rss / 1024:7.1f} MB  {args[:90]}")
    print(f"     rss total {total / 1024:.1f} MB")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "target/debug/storyline-desktop"))
