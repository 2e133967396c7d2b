// Where a filter click spends its time on a 10,000-event corpus: a CPU profile (Chrome DevTools
// protocol) of entity-chip clicks, printed as the functions with the most self time. A diagnosis
// tool beside bench.mjs; asserts nothing.
//   node tests/e2e/profile_filter.mjs [--events N]
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, startServer } from "./harness.mjs";
import { generatedSetup } from "./generated.mjs";

const { N, corpus, timeline, bin, uiDir } = generatedSetup(process.argv.slice(2));

const { child, base } = await startServer(bin, uiDir);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
  await page.route("**/api", (route) => {
    const req = JSON.parse(route.request().postData() ?? "{}");
    const body = req.cmd === "timeline" ? timeline : req.cmd === "articles" ? JSON.stringify(corpus.articles) : "[]";
    return route.fulfill({ status: 200, contentType: "application/json", body });
  });
  await page.goto(base);
  await page.locator('[data-testid="timeline"][data-loaded="true"] [data-testid="event-item"]').first().waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  await page.evaluate(async () => {
    for (const id of ["alexandr-wang", "meta", "scale-ai", "openai"].flatMap((x) => [x, x]).concat(["meta", "meta"])) {
      document.querySelector(`[data-testid="entity-chip"][data-entity-id="${id}"]`).click();
      await new Promise((r) => requestAnimationFrame(() => r()));
    }
  });
  const { profile } = await cdp.send("Profiler.stop");
  const dt = new Map();
  for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const self = new Map();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${path.basename(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`profile of 10 chip clicks on ${N} events: ${(total / 1000).toFixed(0)} ms sampled`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(v / 1000).toFixed(1).padStart(8)} ms  ${k}`);
} finally {
  await browser.close();
  child.kill();
}
