// Export (issue 8): the dialog exports CSV under the current filter; the downloaded file has one
// row per filtered event, and no other.
import { readFileSync } from "node:fs";
import { expect, openApp } from "./harness.mjs";
import { allEvents, findEntity, parseCsv, waitForCount } from "./lib.mjs";

export const tests = [
  {
    name: "exporting CSV with the Alexandr Wang filter downloads exactly his events",
    async fn({ page, base, api }) {
      const tl = await allEvents(api);
      const wang = findEntity(tl, "Alexandr Wang");
      // His events: those he acts in, and those a passage names him in (the core's filter rule).
      const his = tl.events.filter((e) => e.entities.includes(wang.id) || e.named.includes(wang.id));
      expect(his.length > 0, `no event involves ${wang.id}`);
      await openApp(page, base);
      await page.locator(`[data-testid="entity-chip"][data-entity-id="${wang.id}"]`).click();
      await waitForCount(page, his.length, "after choosing Alexandr Wang");
      await page.getByTestId("export-button").click();
      await page.getByTestId("export-format-csv").check();
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 15_000 }), page.getByTestId("export-save").click()]);
      const name = download.suggestedFilename();
      expect(name.endsWith(".csv"), `the download should be a .csv file, it is ${name}`);
      const rows = parseCsv(readFileSync(await download.path(), "utf8")).filter((r) => r.some((c) => c !== ""));
      expect(rows.length >= 1, "the CSV is empty: it should have a header row");
      const header = rows[0].map((c) => c.trim().toLowerCase());
      const col = header.indexOf("id");
      expect(col >= 0, `the CSV header should have an id column: ${JSON.stringify(rows[0])}`);
      const ids = rows.slice(1).map((r) => r[col]);
      const want = his.map((e) => e.id).sort();
      expect(
        JSON.stringify([...ids].sort()) === JSON.stringify(want),
        `the CSV should hold exactly Alexandr Wang's ${want.length} events ${JSON.stringify(want)}; it holds ${JSON.stringify(ids)}`,
      );
      const status = await page.getByTestId("export-status").textContent();
      expect(status.includes(name), `the dialog should confirm the saved file, it says ${JSON.stringify(status)}`);
    },
  },
];
