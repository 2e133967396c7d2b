// Where the page's share of start-up goes: navigation to the first painted timeline on the
// embedded corpus through `storyline serve`, in Chromium, with a CPU profile of the page (functions
// with the most self time) and the page's start-up marks (ui/src/marks.ts). A diagnosis tool beside
// tests/desktop/launch_time.py; asserts nothing.
//   node tests/e2e/profile_startup.mjs [--runs N]   (STORYLINE_BIN: the CLI binary; STORYLINE_UI: a UI
//   build, e.g. `npx vite build --minify false --outDir /tmp/ui` in ui/ for readable names)
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, ROOT, startServer } from "./harness.mjs";
import { addSelfTimes, printTop } from "./profile.mjs";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const bin = process.env.STORYLINE_BIN ?? path.join(ROOT, "target/release/storyline");
const { child, base } = await startServer(bin, process.env.STORYLINE_UI ?? path.join(ROOT, "ui/dist"));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
  const self = new Map();
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
    await page.goto(base);
    const steps = await page.waitForFunction(() => {
      const at = (n) => performance.getEntriesByName(n)[0]?.startTime;
      const painted = at("storyline:timeline-painted");
      if (painted === undefined) return false;
      const nav = performance.getEntriesByType("navigation")[0];
      return { script: at("storyline:script-started"), dom: nav.domContentLoadedEventStart, received: at("storyline:timeline-received"), painted };
    }, undefined, { timeout: 30000 }).then((h) => h.jsonValue());
    const { profile } = await cdp.send("Profiler.stop");
    console.log(Object.entries(steps).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(", "));
    addSelfTimes(self, profile, 1 / runs);
    await page.close();
  }
  printTop(`mean CPU profile of ${runs} loads`, self);
} finally {
  await browser.close();
  child.kill();
}
