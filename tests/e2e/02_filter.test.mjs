// Filters (issue 8): choosing Alexandr Wang keeps exactly the events that involve his entity, says
// so in the filter bar and the window title, and survives a reload.
import { expect, openApp } from "./harness.mjs";
import { allEvents, findEntity, renderedEventIds, waitForCount } from "./lib.mjs";

export const tests = [
  {
    name: "filtering by Alexandr Wang lists only his events, in the bar, the title and after a reload",
    async fn({ page, base, api }) {
      const tl = await allEvents(api);
      const wang = findEntity(tl, "Alexandr Wang");
      const his = tl.events.filter((e) => e.entities.includes(wang.id));
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
];
