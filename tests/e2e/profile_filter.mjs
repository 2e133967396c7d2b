// Where a filter click spends its time on a 10,000-event corpus: a CPU profile (Chrome DevTools
// protocol) of entity-chip clicks, printed as the functions with the most self time. A diagnosis
// tool beside bench.mjs; asserts nothing.
//   node tests/e2e/profile_filter.mjs [--events N]
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, startServer } from "./harness.mjs";
import { generatedSetup } from "./generated.mjs";
import { addSelfTimes, printTop } from "./profile.mjs";

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
  printTop(`profile of 10 chip clicks on ${N} events`, addSelfTimes(new Map(), profile));
} finally {
  await browser.close();
  child.kill();
}
