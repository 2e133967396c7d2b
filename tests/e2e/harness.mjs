// The browser end-to-end harness: starts `storyline serve` on a free port, drives Debian's Chromium
// through playwright-core, runs every test in a fresh browser context (fresh localStorage), and
// reports each result with a message that says what was expected and what was seen.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, "../..");
export const OUT = path.join(ROOT, ".e2e-out");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Start `storyline serve --port 0` (with `extra` arguments, such as `--corpus DIR`) and resolve
 * with its base URL once it prints where it listens.
 */
export function startServer(bin, uiDir, extra = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ["serve", "--port", "0", "--ui", uiDir, ...extra], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`storyline serve did not print its address within 60 s; stderr:\n${stderr}`));
    }, 60_000);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${bin}: ${e.message} (build it with cargo build, or set STORYLINE_BIN)`));
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`storyline serve exited with ${code} before listening; stderr:\n${stderr}`));
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        resolve({ child, base: `http://127.0.0.1:${m[1]}/?token=${m[2]}`, token: m[2] });
      }
    });
  });
}

/** Send one request to a server `startServer` started, as the page does (JSON, with the run's token). */
export async function callApi(server, req) {
  const res = await fetch(new URL("api", server.base), {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Storyline-Token": server.token },
    body: JSON.stringify(req),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`API ${JSON.stringify(req)} answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

/** An assertion that fails with a sentence a reader of the log understands. */
export function expect(cond, message) {
  if (!cond) throw new Error(message);
}

export async function run(tests, { bin, uiDir, grep }) {
  if (!existsSync(path.join(uiDir, "index.html"))) {
    console.error(`e2e: ${uiDir}/index.html is missing: build the UI first (cd ui && npm ci && npm run build)`);
    console.log("0 passed, 1 failed");
    return 1;
  }
  mkdirSync(OUT, { recursive: true });
  const selected = grep ? tests.filter((t) => t.name.includes(grep)) : tests;
  let server, browser;
  let passed = 0, failed = 0;
  try {
    server = await startServer(bin, uiDir);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  } catch (e) {
    console.error(`e2e: cannot start: ${e.message}`);
    server?.child.kill();
    console.log(`0 passed, ${Math.max(1, selected.length)} failed`);
    return 1;
  }
  const api = (req) => callApi(server, req);
  for (const t of selected) {
    const started = Date.now();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: t.locale ?? "en-US",
      colorScheme: t.colorScheme ?? "light",
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const consoleErrors = [];
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    try {
      await withTimeout(t.fn({ page, context, api, base: server.base, browser, consoleErrors, bin, uiDir }), t.timeout ?? 45_000, t.name);
      expect(consoleErrors.length === 0, `the page logged errors: ${consoleErrors.join(" | ")}`);
      passed++;
      console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      const shot = path.join(OUT, `${t.name.replace(/[^\w.-]+/g, "_")}.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      console.log(`FAIL ${t.name} (${Date.now() - started} ms)\n     ${String(e.message ?? e).split("\n").join("\n     ")}\n     screenshot: ${shot}`);
    } finally {
      await context.close().catch(() => {});
    }
  }
  await browser.close().catch(() => {});
  server.child.kill();
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && selected.length > 0 ? 0 : 1;
}

function withTimeout(p, ms, name) {
  let timer;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${name} did not finish within ${ms / 1000} s`)), ms);
    }),
  ]);
}

/** Open the app and wait until the article list shows; returns the page. */
export async function openApp(page, base, { waitTimeline = true } = {}) {
  await page.goto(base);
  await page.getByTestId("article-item").first().waitFor({ timeout: 15_000 });
  if (waitTimeline) await page.locator('[data-testid="timeline"][data-loaded="true"]').waitFor({ timeout: 15_000 });
  return page;
}
