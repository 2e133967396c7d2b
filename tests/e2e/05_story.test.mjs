// Story mode (issue 8): the timeline one event at a time, j/→ forward and k/← back, in list order.
import { expect, openApp } from "./harness.mjs";
import { allEvents, renderedEventIds } from "./lib.mjs";

export const tests = [
  {
    name: "story mode walks the events forward and back with j/k and the arrow keys",
    async fn({ page, base, api }) {
      await allEvents(api, 3);
      await openApp(page, base);
      const order = await renderedEventIds(page);
      expect(order.length >= 3, `the list should render at least three events, it renders ${order.length}`);
      await page.getByTestId("story-mode").click();
      const card = page.getByTestId("story-card");
      const at = async (i, after) => {
        await page.locator(`[data-testid="story-card"][data-event-id="${order[i]}"]`).waitFor({ timeout: 5_000 }).catch(async () => {
          throw new Error(`after ${after} story mode should show event ${i + 1} (${order[i]}); it shows ${await card.getAttribute("data-event-id")}`);
        });
      };
      await at(0, "opening story mode");
      await page.keyboard.press("j");
      await at(1, "j");
      await page.keyboard.press("ArrowRight");
      await at(2, "j, →");
      await page.keyboard.press("k");
      await at(1, "j, →, k");
      await page.keyboard.press("ArrowLeft");
      await at(0, "j, →, k, ←");
      const quotes = await page.getByTestId("story-quote").count();
      expect(quotes > 0, "the story card should quote the event's sources");
      const marks = await page.getByTestId("passage-highlight").count();
      expect(marks > 0, "the reader beside the story should highlight the event's passage");
      await page.keyboard.press("Escape");
      await page.getByTestId("timeline").waitFor({ state: "visible" });
    },
  },
];
