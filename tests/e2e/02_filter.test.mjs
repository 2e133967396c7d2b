// Filters (issue 8): choosing Alexandr Wang keeps exactly the events that involve him (he acts in
// them or a passage names him), says so in the filter bar and the window title, and survives a reload.
import { expect, openApp } from "./harness.mjs";
import { allEvents, findEntity, renderedEventIds, waitForCount } from "./lib.mjs";

export const tests = [
  {
    name: "filtering by Alexandr Wang lists only his events, in the bar, the title and after a reload",
    async fn({ page, base, api }) {
      const tl = await allEvents(api);
      const wang = findEntity(tl, "Alexandr Wang");
      // His events: those he acts in, and those a passage names him in (the core's filter rule).
      const his = tl.events.filter((e) => e.entities.includes(wang.id) || e.named.includes(wang.id));
      expect(his.length > 0, `the timeline has no event involving ${wang.id}; expected some (he joins Meta in the corpus)`);
      const server = await api({ cmd: "timeline", args: { filter: { entities: [wang.id] } } });
      expect(
        JSON.stringify(server.events.map((e) => e.id).sort()) === JSON.stringify(his.map((e) => e.id).sort()),
        "the core's own filter and the event entity lists disagree about Alexandr Wang's events",
      );

      await openApp(page, base);
      await page.getByTestId("entity-search").fill("Alexandr");
      const chip = page.locator(`[data-testid="entity-chip"][data-entity-id="${wang.id}"]`);
      expect((await chip.count()) === 1, `searching the chips for "Alexandr" should show the chip of ${wang.id}`);
      await chip.click();
      await waitForCount(page, his.length, `after choosing Alexandr Wang`);
      const ids = await renderedEventIds(page);
      const allowed = new Set(his.map((e) => e.id));
      const strays = ids.filter((id) => !allowed.has(id));
      expect(ids.length > 0, "the list shows no event items after filtering");
      expect(strays.length === 0, `the list shows events that do not involve ${wang.id}: ${strays.join(", ")}`);
      const title = await page.title();
      expect(title.includes("Alexandr Wang"), `the window title should name the filter, it is ${JSON.stringify(title)}`);
      const bar = await page.getByTestId("filter-bar").textContent();
      expect(bar.includes("Alexandr Wang"), `the filter bar should name Alexandr Wang, it says ${JSON.stringify(bar)}`);

      await page.reload();
      await page.locator('[data-testid="timeline"][data-loaded="true"]').waitFor();
      await waitForCount(page, his.length, "after a reload the filter should still apply");
      const pressed = await page.locator(`[data-testid="entity-chip"][data-entity-id="${wang.id}"]`).getAttribute("aria-pressed");
      expect(pressed === "true", "after a reload the Alexandr Wang chip should still be pressed");

      await page.getByTestId("clear-filters").click();
      await waitForCount(page, tl.events.length, "after clearing all filters");
    },
  },
  {
    name: "brushing the overview filters a date range exactly as the core's filter does",
    async fn({ page, base, api }) {
      const tl = await allEvents(api, 2);
      await openApp(page, base);
      const canvas = page.getByTestId("overview-canvas");
      const box = await canvas.boundingBox();
      expect(box && box.width > 100, "the overview axis should be drawn above the list");
      await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 8 });
      await page.mouse.up();
      const from = await page.getByTestId("filter-from").inputValue();
      const to = await page.getByTestId("filter-to").inputValue();
      expect(/^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to), `brushing should set both ends of the date range; it set ${from} – ${to}`);
      const server = await api({ cmd: "timeline", args: { filter: { from, to } } });
      await waitForCount(page, server.events.length, `after brushing ${from} – ${to} (the core keeps ${server.events.length} of ${tl.events.length})`);
      const ids = await renderedEventIds(page);
      const allowed = new Set(server.events.map((e) => e.id));
      const strays = ids.filter((id) => !allowed.has(id));
      expect(strays.length === 0, `the list shows events outside ${from} – ${to} by the core's rule: ${strays.join(", ")}`);
      const pills = await page.getByTestId("filter-pill").allTextContents();
      expect(pills.some((p) => p.includes(from) && p.includes(to)), `the filter bar should show the range ${from} – ${to}: ${JSON.stringify(pills)}`);
      await canvas.dblclick();
      await waitForCount(page, tl.events.length, "a double click on the axis should clear the range");
    },
  },
];
