// Keyboard (issue 8): every control is reachable with Tab and shows where the focus is; the
// timeline is driven with the arrow keys, and choosing an event that way opens its passage.
import { expect, openApp } from "./harness.mjs";
import { allEvents } from "./lib.mjs";

const MUST_REACH = ["search-input", "story-mode", "export-button", "lang-toggle", "theme-toggle", "article-item", "entity-chip", "status-chip", "timeline"];

export const tests = [
  {
    name: "Tab reaches every control with a visible focus, and the arrow keys open an event",
    async fn({ page, base, api }) {
      const tl = await allEvents(api);
      await openApp(page, base);
      const reached = new Map();
      for (let i = 0; i < 400 && reached.size < MUST_REACH.length; i++) {
        await page.keyboard.press("Tab");
        const f = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const cs = getComputedStyle(el);
          const visible = (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== "none";
          return { id: el.getAttribute("data-testid"), visible };
        });
        if (f?.id && MUST_REACH.includes(f.id) && !reached.has(f.id)) reached.set(f.id, f.visible);
      }
      const missing = MUST_REACH.filter((id) => !reached.has(id));
      expect(missing.length === 0, `Tab never reached: ${missing.join(", ")}`);
      const invisible = [...reached].filter(([, v]) => !v).map(([id]) => id);
      expect(invisible.length === 0, `focus is not visible on: ${invisible.join(", ")}`);

      await page.getByTestId("timeline").focus();
      await page.keyboard.press("ArrowDown");
      const selected = page.locator('[data-testid="event-item"][aria-selected="true"]');
      await selected.first().waitFor({ timeout: 5_000 });
      const id = await selected.first().getAttribute("data-event-id");
      const ev = tl.events.find((e) => e.id === id);
      await page.getByTestId("passage-highlight").first().waitFor({ timeout: 10_000 });
      const marks = await page.getByTestId("passage-highlight").allTextContents();
      expect(marks.includes(ev.sources[0].quote), `↓ on the timeline chose ${id}; the reader should highlight ${JSON.stringify(ev.sources[0].quote)}, it highlights ${JSON.stringify(marks)}`);
    },
  },
];
