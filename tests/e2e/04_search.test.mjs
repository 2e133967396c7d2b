// Search (issue 8): Ctrl+K, a traditional-script query 數據中心 finds the simplified 数据中心 (article
// 001 writes it so); choosing a hit opens the reader there and selects the events it supports.
import { expect, openApp } from "./harness.mjs";

export const tests = [
  {
    name: "searching 數據中心 finds simplified-script passages and opens the reader at one",
    async fn({ page, base, api }) {
      const hits = await api({ cmd: "search", args: { query: "數據中心" } });
      const simplified = hits.filter((h) => h.highlights.some(([a, b]) => [...h.snippet].slice(a - h.start, b - h.start).join("") === "数据中心"));
      expect(
        simplified.length > 0,
        `the core's search for 數據中心 should return passages written 数据中心; it returned ${hits.length} hits: ${JSON.stringify(hits.slice(0, 3).map((h) => h.snippet.slice(0, 40)))}`,
      );
      await openApp(page, base);
      await page.keyboard.press("Control+K");
      const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-testid"));
      expect(focused === "search-input", `Ctrl+K should focus the search box; focus is on ${focused}`);
      await page.keyboard.type("數據中心");
      await page.keyboard.press("Enter");
      // Results come as the query is typed: wait for those of the whole query, not its first key.
      await page
        .waitForFunction(
          () => [...document.querySelectorAll('[data-testid="search-result"] mark')].some((m) => [...m.textContent].length === 4),
          null,
          { timeout: 10_000 },
        )
        .catch(() => {});
      const results = page.getByTestId("search-result");
      const marks = await results.evaluateAll((els) => els.map((e) => [...e.querySelectorAll("mark")].map((m) => m.textContent)));
      const i = marks.findIndex((m) => m.includes("数据中心"));
      expect(i >= 0, `some result should highlight the simplified 数据中心; highlights: ${JSON.stringify(marks.slice(0, 5))}`);
      const article = await results.nth(i).getAttribute("data-article-id");
      const events = ((await results.nth(i).getAttribute("data-events")) ?? "").split(" ").filter(Boolean);
      await results.nth(i).click();
      await page.locator(`[data-testid="reader-text"][data-article-id="${article}"]`).waitFor({ timeout: 10_000 });
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="passage-highlight"], [data-testid="search-highlight"]')].map((m) => m.textContent).join("|"),
      );
      expect(shown.includes("数据中心"), `the reader should mark the hit 数据中心 in article ${article}; it marks ${JSON.stringify(shown)}`);
      for (const id of events) {
        const sel = await page.locator(`[data-testid="event-item"][data-event-id="${id}"]`).getAttribute("aria-selected", { timeout: 5_000 });
        expect(sel === "true", `the hit supports event ${id}, which should be selected in the timeline`);
      }
    },
  },
];
