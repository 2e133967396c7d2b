"""Launch-to-first-painted-timeline figures for the desktop app: a measurement, not a test.

Starts the real binary N times (through tauri-driver and WebKitWebDriver, as the real-window test
does) and for each launch prints three spans measured from the app process's start:
  - until the page starts loading (performance.timeOrigin): WebKitGTK starting its web process;
  - until the page's `storyline:timeline-painted` mark (ui/src/app.ts): the first timeline on screen;
and the page's own share between them. Ends with the medians.

    xvfb-run -a -s '-screen 0 1280x800x24' python tests/desktop/launch_time.py \\
        target/release/storyline-desktop --runs 7

Extra environment for the app can be given as NAME=VALUE arguments (they pass to the app through
tauri-driver's environment), to compare WebKit settings.
"""

import os
import re
import shutil
import statistics
import sys
import time

from selenium.webdriver.common.options import ArgOptions

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_window import launch_spans, start_session, start_tauri_driver, wait_for_port  # noqa: E402


def one_launch(binary, env):
    port, driver_proc = start_tauri_driver(shutil.which("tauri-driver"), shutil.which("WebKitWebDriver"), env)
    driver = None
    try:
        wait_for_port(port, driver_proc)
        options = ArgOptions()
        options.set_capability("tauri:options", {"application": binary})
        driver = start_session(port, options)
        spans = launch_spans(driver, binary)
        steps = driver.execute_script(
            "const at = n => (performance.getEntriesByName(n)[0] || {startTime: NaN}).startTime;"
            "const nav = performance.getEntriesByType('navigation')[0] || {};"
            "return {script: at('storyline:script-started'), received: at('storyline:timeline-received'),"
            " dom: nav.domContentLoadedEventStart, response: nav.responseEnd};")
        print("   page: html received {response:.0f} ms, script runs {script:.0f} ms, DOM ready {dom:.0f} ms, "
              "timeline received {received:.0f} ms, painted {painted:.0f} ms after it starts loading".format(
                  painted=spans[1] - spans[0], **steps))
        return spans
    finally:
        if driver is not None:
            driver.quit()
        driver_proc.terminate()
        driver_proc.wait(timeout=10)


def main(argv):
    binary, runs, extra = None, 5, {}
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
    env = dict(os.environ, **extra)
    loads, paints = [], []
    for i in range(runs):
        load, paint = one_launch(binary, env)
        loads.append(load)
        paints.append(paint)
        print(f"launch {i + 1}: page starts loading at {load:.0f} ms, timeline painted at {paint:.0f} ms "
              f"(page's share {paint - load:.0f} ms)")
        time.sleep(0.5)
    print(f"median of {runs}: page starts loading at {statistics.median(loads):.0f} ms, "
          f"timeline painted at {statistics.median(paints):.0f} ms "
          f"(page's share {statistics.median(p - l for p, l in zip(paints, loads)):.0f} ms)"
          + (f"; with {' '.join(f'{k}={v}' for k, v in extra.items())}" if extra else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
