// Reader (issue 8): opening an event shows its source with exactly the event's passage highlighted
// and scrolled into view; the event's other sources and the script toggle keep the highlight exact.
import { expect, openApp } from "./harness.mjs";
import { allEvents } from "./lib.mjs";

async function highlights(page) {
  return page.getByTestId("passage-highlight").evaluateAll((els) => els.map((e) => e.textContent));
}

export const tests = [
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
