// Reader (issue 8): opening an event shows its source with exactly the event's passage highlighted
// and scrolled into view; the event's other sources and the script toggle keep the highlight exact.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { callApi, expect, openApp, startServer } from "./harness.mjs";
import { allEvents } from "./lib.mjs";

// Written for this test: an English report and a Chinese one of an invented happening.
const ENGLISH = `Orbisk names a new chief executive

March 4, 2025

Orbisk said on Monday that Lena Marsh will become chief executive in April, replacing its founder. The company, which makes warehouse robots, has raised money twice since 2021.
`;
const CHINESE =
  "奧比斯克宣布新任執行長\n\n2025年3月4日\n\n奧比斯克週一表示，執行長一職將於4月由瑪許接任。公司聲明如下：\n\nWe are delighted to welcome Lena Marsh as our chief executive. Her experience in logistics will help us grow.\n";

async function highlights(page) {
  return page.getByTestId("passage-highlight").evaluateAll((els) => els.map((e) => e.textContent));
}

export const tests = [
  {
    name: "an English article reads as English: its language is marked and there is no script toggle",
    async fn({ page, bin, uiDir }) {
      const dir = mkdtempSync(path.join(os.tmpdir(), "storyline-en-"));
      try {
        execFileSync(bin, ["new", dir]);
        writeFileSync(path.join(dir, "orbisk-en.txt"), ENGLISH);
        writeFileSync(path.join(dir, "orbisk-zh.txt"), CHINESE);
        execFileSync(bin, ["add", "--corpus", dir, path.join(dir, "orbisk-en.txt"), path.join(dir, "orbisk-zh.txt")]);
        const server = await startServer(bin, uiDir, ["--corpus", dir]);
        try {
          const articles = await callApi(server, { cmd: "articles" });
          const en = articles.find((a) => a.file.startsWith("orbisk-en"));
          expect(en && en.script === "en", `the English file should be read as English: ${JSON.stringify(articles.map((a) => [a.file, a.script]))}`);
          await openApp(page, server.base, { waitTimeline: false });
          const item = page.locator(`[data-testid="article-item"]`, { hasText: "Orbisk names" });
          expect((await item.textContent()).includes("English"), "the article list should name its language");
          await item.click();
          await page.locator(`[data-testid="reader-text"][data-article-id="${en.id}"]`).waitFor({ timeout: 10_000 });
          expect((await page.getByTestId("reader-text").getAttribute("lang")) === "en", "the reader should mark the text as English");
          expect(!(await page.getByTestId("script-hans").isVisible()), "an English article has no 繁/简 toggle");
          // A Chinese article still has it.
          await page.locator(`[data-testid="article-item"]`, { hasText: "奧比斯克" }).click();
          await page.locator('[data-testid="reader-text"][lang="zh-Hant"]').waitFor({ timeout: 10_000 });
          expect(await page.getByTestId("script-hans").isVisible(), "a Chinese article keeps its script toggle");
          // Its English paragraph, a statement quoted whole, is marked English within the Chinese text.
          const quoted = await page.locator('[data-testid="reader-text"] [lang="en"]').allTextContents();
          expect(quoted.join("").startsWith("We are delighted"), `the quoted English paragraph should be marked: ${JSON.stringify(quoted)}`);
        } finally {
          server.child.kill();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: "opening an event highlights its passage in the reader, in view, for each of its sources",
    async fn({ page, base, api }) {
      const tl = await allEvents(api);
      await openApp(page, base);
      const item = page.getByTestId("event-item").first();
      const id = await item.getAttribute("data-event-id");
      const ev = tl.events.find((e) => e.id === id);
      expect(ev, `the list shows event ${id}, which the core's timeline does not have`);
      expect(ev.sources.length > 0, `event ${id} has no sources`);
      await item.click();
      const src = ev.sources[0];
      await page.locator(`[data-testid="reader-text"][data-article-id="${src.article}"]`).waitFor({ timeout: 10_000 });
      await page.getByTestId("passage-highlight").first().waitFor();
      const marks = await highlights(page);
      expect(
        marks.includes(src.quote),
        `the reader should highlight the source's quote ${JSON.stringify(src.quote)}; it highlights ${JSON.stringify(marks)}`,
      );
      // The highlight is scrolled into the reader's view.
      const inView = await page.evaluate(() => {
        const m = document.querySelector('[data-testid="passage-highlight"].current') ?? document.querySelector('[data-testid="passage-highlight"]');
        const box = document.querySelector(".reader-scroll").getBoundingClientRect();
        const r = m.getBoundingClientRect();
        return r.top >= box.top - 1 && r.top <= box.bottom;
      });
      expect(inView, "the highlighted passage should be scrolled into the reader's view");

      for (let k = 1; k < ev.sources.length; k++) {
        const s = ev.sources[k];
        await page.getByTestId("source-tab").nth(k).click();
        await page.locator(`[data-testid="reader-text"][data-article-id="${s.article}"]`).waitFor();
        const m = await highlights(page);
        expect(m.includes(s.quote), `source ${k + 1} (${s.article}) should highlight ${JSON.stringify(s.quote)}; it highlights ${JSON.stringify(m)}`);
      }

      // Another script keeps the offsets: the highlight has the quote's length in chars.
      await page.getByTestId("script-hans").click();
      await page.locator('[data-testid="reader-text"][data-script="hans"]').waitFor();
      const last = ev.sources[ev.sources.length - 1];
      const m = await highlights(page);
      const len = (t) => [...t].length;
      expect(
        m.some((t) => len(t) === len(last.quote)),
        `in 简体 the highlight should still cover the passage (${len(last.quote)} chars); it covers ${JSON.stringify(m)}`,
      );
    },
  },
];
