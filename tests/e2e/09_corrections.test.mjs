// Your own story (issue 17), in the browser: each test makes a story folder of the five built-in
// articles with `storyline new` and `storyline add`, and serves it with its own `storyline serve`.
// A date fixed in the correction dialog is still there after the server is stopped and started
// again; Ctrl+Z and Ctrl+Shift+Z take it back and make it again; an article added later that tells
// the same happening joins the corrected event, which keeps the fix; a drop of a duplicate and an
// unreadable file with a good one adds the good one and names the others; a long adding shows its
// progress and a cancel leaves the story folder and the timeline as they were.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { callApi, expect, openApp, ROOT, startServer } from "./harness.mjs";
import { NO_FILTER, renderedEventIds } from "./lib.mjs";

const ARTICLES = path.join(ROOT, "assets/articles");

function makeStory(bin) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "storyline-story-"));
  execFileSync(bin, ["new", dir]);
  const files = readdirSync(ARTICLES)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => path.join(ARTICLES, f));
  execFileSync(bin, ["add", "--corpus", dir, ...files]);
  return dir;
}

/** Run `fn(base, api)` against a server of a fresh story folder; stop it and remove the folder after. */
async function inStory(bin, uiDir, fn) {
  const dir = makeStory(bin);
  try {
    return await serving(bin, uiDir, dir, fn);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Run `fn(base, api)` against a server of `dir`, and stop the server after. */
async function serving(bin, uiDir, dir, fn) {
  const server = await startServer(bin, uiDir, ["--corpus", dir]);
  const api = (req) => callApi(server, req);
  try {
    return await fn(server.base, api);
  } finally {
    server.child.kill();
  }
}

/** A dated event the list shows (it is virtualised) that cites one passage. */
async function pickEvent(api, page) {
  const tl = await api({ cmd: "timeline", args: { filter: NO_FILTER } });
  const shown = new Set(await renderedEventIds(page));
  const e = tl.events.find((x) => shown.has(x.id) && x.date && x.sources.length === 1);
  expect(e, "the story should show a dated event with one source");
  return e;
}

/** Scroll the (virtualised) timeline until the event's row exists, and answer its locator. */
async function reveal(page, id) {
  const item = page.locator(`[data-testid="event-item"][data-event-id="${id}"]`);
  await page.evaluate(() => {
    document.querySelector('[data-testid="timeline"]').scrollTop = 0;
  });
  for (let i = 0; i < 200 && (await item.count()) === 0; i++) {
    await page.evaluate(() => {
      document.querySelector('[data-testid="timeline"]').scrollTop += 300;
    });
    await page.waitForTimeout(30);
  }
  expect((await item.count()) === 1, `event ${id} should be in the timeline`);
  return item;
}

async function correctDate(page, id, date) {
  await (await reveal(page, id)).click();
  await page.getByTestId("correct-event").click();
  await page.getByTestId("edit-date").fill(date);
  await page.getByTestId("edit-save").click();
  await page.getByTestId("edit-dialog").waitFor({ state: "hidden", timeout: 10_000 });
}

async function dateOf(api, id) {
  const tl = await api({ cmd: "timeline", args: { filter: NO_FILTER } });
  return tl.events.find((x) => x.id === id);
}

export const tests = [
  {
    name: "a fixed date survives a restart, and undo and redo take it back and make it again",
    timeout: 90_000,
    async fn({ page, bin, uiDir }) {
      const dir = makeStory(bin);
      try {
        let id;
        await serving(bin, uiDir, dir, async (base, api) => {
          await openApp(page, base);
          id = (await pickEvent(api, page)).id;
          await correctDate(page, id, "2020-01-02");
          const item = page.locator(`[data-testid="event-item"][data-event-id="${id}"]`);
          await item.getByTestId("edited-mark").waitFor({ timeout: 10_000 });
          const label = await item.locator(".event-date").textContent();
          expect(label.includes("2020"), `the corrected event should read 2 January 2020, it reads ${label}`);
        });
        const saved = JSON.parse(readFileSync(path.join(dir, "storyline-edits.json"), "utf8"));
        expect(saved.edits.length === 1 && saved.edits[0].change.op === "date", `one date correction should be saved: ${JSON.stringify(saved)}`);
        // Quit and start again.
        await serving(bin, uiDir, dir, async (base, api) => {
          const e = await dateOf(api, id);
          expect(e?.date?.start === "2020-01-02", `after a restart the event should keep 2020-01-02: ${JSON.stringify(e?.date)}`);
          await openApp(page, base);
          const item = page.locator(`[data-testid="event-item"][data-event-id="${id}"]`);
          await item.getByTestId("edited-mark").waitFor({ timeout: 10_000 });
          // Undo: the machine's date again, and no mark.
          await page.locator("body").click({ position: { x: 5, y: 5 } });
          await page.keyboard.press("Control+z");
          await page.waitForFunction(
            (sel) => !document.querySelector(`${sel} [data-testid="edited-mark"]`),
            `[data-testid="event-item"][data-event-id="${id}"]`,
            { timeout: 10_000 },
          );
          expect((await dateOf(api, id)).date.start !== "2020-01-02", "undo should restore the machine's date");
          await page.keyboard.press("Control+Shift+z");
          await item.getByTestId("edited-mark").waitFor({ timeout: 10_000 });
          expect((await dateOf(api, id)).date.start === "2020-01-02", "redo should make the correction again");
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: "an article added after a fix joins the corrected event, which keeps the fix",
    timeout: 90_000,
    async fn({ page, bin, uiDir }) {
      await inStory(bin, uiDir, async (base, api) => {
      // An event told by one article that has a date line of its own.
      const articles0 = await api({ cmd: "articles" });
      const dated = new Map(articles0.filter((a) => a.published.precision === "day" && !a.published.inferred).map((a) => [a.id, a]));
      const tl = await api({ cmd: "timeline", args: { filter: NO_FILTER } });
      await openApp(page, base);
      const e = tl.events.find((x) => x.date && x.sources.length === 1 && dated.has(x.sources[0].article));
      expect(e, "the story should have a dated event told by one article with a date line");
      const source = dated.get(e.sources[0].article);
      await correctDate(page, e.id, "2020-01-02");
      // A repost of that article, on the same day, with a line of its own.
      const view = await api({ cmd: "article", args: { id: source.id, script: "original" } });
      await page.getByTestId("add-articles").click();
      await page.getByTestId("add-text").fill(`${view.text}\n\n（本文轉載自網絡）`);
      await page.getByTestId("add-published").fill(source.published.date);
      await page.getByTestId("add-outlet").fill("轉載站");
      await page.getByTestId("add-paste").click();
      await page.getByTestId("notice").waitFor({ timeout: 20_000 });
      const now = await dateOf(api, e.id);
      expect(now, `the corrected event ${e.id} should still be in the timeline`);
      expect(now.date.start === "2020-01-02", `the fix should stay: ${JSON.stringify(now.date)}`);
      expect(now.sources.length === 2, `the new article should join the event as a second source: ${JSON.stringify(now.sources.map((s) => s.article))}`);
      const articles = await api({ cmd: "articles" });
      const added = articles.find((a) => a.outlet === "轉載站");
      expect(added, "the pasted article is listed with its outlet");
      });
    },
  },
  {
    name: "a duplicate and an unreadable file dropped with a good one: the good one is added, the others named",
    timeout: 90_000,
    async fn({ page, bin, uiDir }) {
      await inStory(bin, uiDir, async (base, api) => {
      await openApp(page, base);
      const before = (await api({ cmd: "articles" })).length;
      const existing = readdirSync(ARTICLES).find((f) => f.endsWith(".txt"));
      await page.getByTestId("add-articles").click();
      await page.getByTestId("add-files").setInputFiles([
        { name: "copy.txt", mimeType: "text/plain", buffer: readFileSync(path.join(ARTICLES, existing)) },
        { name: "broken.txt", mimeType: "text/plain", buffer: Buffer.from([0, 1, 2, 0, 255, 0, 3]) },
        { name: "new.txt", mimeType: "text/plain", buffer: Buffer.from("新文章\n\n某公司於2025年8月1日宣布成立新部門。\n", "utf8") },
      ]);
      const notice = page.getByTestId("notice");
      await notice.waitFor({ timeout: 20_000 });
      const text = await notice.textContent();
      expect(text.includes("copy.txt") && text.includes("broken.txt"), `the notice should name both refused files: ${text}`);
      const after = await api({ cmd: "articles" });
      expect(after.length === before + 1, `one article should be added (${before} → ${after.length})`);
      expect(after.some((a) => a.id === "new"), "the good file is added under its own name");
      await page.locator('[data-testid="article-item"]').nth(before).waitFor({ timeout: 10_000 });
      });
    },
  },
  {
    name: "a person renamed in the names dialog is shown by the new name, and a hidden event comes back with show hidden",
    timeout: 90_000,
    async fn({ page, bin, uiDir }) {
      await inStory(bin, uiDir, async (base, api) => {
      await openApp(page, base);
      const tl = await api({ cmd: "timeline", args: { filter: NO_FILTER } });
      const person = tl.entities.find((e) => e.kind === "person" && e.mentions.length > 0);
      expect(person, "the story should name a person");
      await page.getByTestId("correct-names").click();
      await page.getByTestId("entity-pick").selectOption(person.id);
      await page.getByTestId("entity-rename").fill("Renamed Person");
      await page.getByTestId("entity-rename-save").click();
      await page.getByTestId("entity-dialog").waitFor({ state: "hidden", timeout: 10_000 });
      const chip = page.locator(`[data-testid="entity-chip"][data-entity-id="${person.id}"]`);
      await page.waitForFunction(
        (sel) => document.querySelector(sel)?.textContent?.includes("Renamed Person"),
        `[data-testid="entity-chip"][data-entity-id="${person.id}"]`,
        { timeout: 10_000 },
      );
      expect((await chip.count()) === 1, "the renamed person keeps their chip");
      const after = await api({ cmd: "entities" });
      const now = after.find((e) => e.id === person.id);
      expect(now.name === "Renamed Person" && now.edited, `the core should know the new name: ${JSON.stringify(now)}`);
      // Hide an event; it leaves the list, and "show hidden events" brings it back, marked.
      const e = await pickEvent(api, page);
      await (await reveal(page, e.id)).click();
      await page.getByTestId("correct-event").click();
      await page.getByTestId("edit-hide").click();
      await page.getByTestId("edit-dialog").waitFor({ state: "hidden", timeout: 10_000 });
      await page.waitForFunction((id) => !document.querySelector(`[data-testid="event-item"][data-event-id="${id}"]`), e.id, { timeout: 10_000 });
      await page.getByTestId("show-hidden").check();
      const item = await reveal(page, e.id);
      await item.getByTestId("hidden-mark").waitFor({ timeout: 10_000 });
      });
    },
  },
  {
    name: "a long adding shows its progress, and a cancel leaves the story as it was",
    timeout: 180_000,
    async fn({ page, bin, uiDir, consoleErrors }) {
      // Long articles from the evaluation corpus, each made distinct: seconds of analysis.
      const stories = path.join(ROOT, "eval/stories");
      const texts = readdirSync(stories)
        .flatMap((s) => readdirSync(path.join(stories, s)).map((f) => path.join(stories, s, f)))
        .filter((f) => f.endsWith(".txt"))
        .map((f) => readFileSync(f, "utf8"));
      const body = texts.join("\n\n");
      const files = Array.from({ length: 120 }, (_, i) => ({
        name: `long-${i}.txt`,
        mimeType: "text/plain",
        buffer: Buffer.from(`長文第${i}篇\n\n${body}`, "utf8"),
      }));
      const dir = makeStory(bin);
      try {
        const folder = () =>
          readdirSync(dir)
            .sort()
            .map((f) => `${f}:${statSync(path.join(dir, f)).size}`)
            .join(",");
        const before = folder();
        await serving(bin, uiDir, dir, async (base, api) => {
          await openApp(page, base);
          const articles = (await api({ cmd: "articles" })).length;
          const events = (await api({ cmd: "timeline", args: { filter: NO_FILTER } })).events.length;
          await page.getByTestId("add-articles").click();
          await page.getByTestId("add-files").setInputFiles(files);
          const cancel = page.getByTestId("cancel-work");
          await cancel.waitFor({ state: "visible", timeout: 60_000 });
          // Wait for the analysis to count articles, so the cancel lands in its middle.
          await page.waitForFunction(
            () => /\d+ (of|\/) \d+/.test(document.querySelector('[data-testid="progress"]')?.textContent ?? ""),
            null,
            { timeout: 60_000 },
          );
          const shown = await page.getByTestId("progress").textContent();
          await cancel.click();
          await page.getByTestId("progress").waitFor({ state: "hidden", timeout: 60_000 });
          const notice = await page.getByTestId("notice").textContent();
          expect(/Cancelled|已取消/.test(notice), `the notice should say it was cancelled: ${notice} (progress showed ${shown})`);
          expect(await page.getByTestId("error").isHidden(), "a cancel is not an error");
          // The cancelled request's answer is a 409, which Chromium logs; nothing else may be.
          const logged = consoleErrors.splice(0).filter((e) => !e.includes("status of 409"));
          consoleErrors.push(...logged);
          expect(folder() === before, "the story folder should be as it was");
          expect((await api({ cmd: "articles" })).length === articles, "no article should be added");
          const after = (await api({ cmd: "timeline", args: { filter: NO_FILTER } })).events.length;
          expect(after === events, `the timeline should be as it was (${events} → ${after} events)`);
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
