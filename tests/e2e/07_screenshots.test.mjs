// Screenshots of the main views for the README (issue 8): the timeline with an event open in the
// reader, story mode and search, in light and dark, Chinese and English. Saved under docs/.
import { statSync } from "node:fs";
import path from "node:path";
import { expect, openApp, ROOT } from "./harness.mjs";

const SHOTS = [
  { view: "timeline", theme: "light", lang: "en" },
  { view: "timeline", theme: "dark", lang: "en" },
  { view: "timeline", theme: "light", lang: "zh" },
  { view: "timeline", theme: "dark", lang: "zh" },
  { view: "story", theme: "light", lang: "en" },
  { view: "story", theme: "dark", lang: "zh" },
  { view: "search", theme: "light", lang: "zh" },
  { view: "search", theme: "dark", lang: "en" },
];

export const tests = [
  {
    name: "screenshots of the timeline, story and search views in both themes and languages",
    timeout: 120_000,
    async fn({ browser, base }) {
      for (const s of SHOTS) {
        const context = await browser.newContext({
          viewport: { width: 1280, height: 800 },
          deviceScaleFactor: 1,
          locale: s.lang === "zh" ? "zh-TW" : "en-US",
          colorScheme: s.theme,
        });
        const page = await context.newPage();
        const errors = [];
        page.on("pageerror", (e) => errors.push(String(e)));
        try {
          await openApp(page, base);
          const theme = await page.evaluate(() => document.documentElement.dataset.theme);
          const lang = await page.evaluate(() => document.documentElement.lang);
          expect(theme === s.theme, `a ${s.theme} system should open in the ${s.theme} theme, it opened ${theme}`);
          expect(lang.startsWith(s.lang), `a ${s.lang} system should open in ${s.lang}, it opened ${lang}`);
          const events = await page.getByTestId("event-item").count();
          if (s.view === "timeline") {
            if (events > 1) await page.getByTestId("event-item").nth(1).click();
            else await page.getByTestId("article-item").nth(1).click();
          } else if (s.view === "story") {
            await page.getByTestId("story-mode").click();
            if (events > 2) {
              await page.keyboard.press("j");
              await page.keyboard.press("j");
            }
          } else {
            await page.keyboard.press("Control+K");
            await page.keyboard.type("數據中心");
            await page.keyboard.press("Enter");
            await page.getByTestId("search-summary").waitFor({ timeout: 10_000 });
          }
          await page.waitForTimeout(400);
          const file = path.join(ROOT, "docs", `screenshot-${s.view}-${s.theme}-${s.lang}.png`);
          await page.screenshot({ path: file });
          expect(statSync(file).size > 10_000, `${file} looks empty`);
          expect(errors.length === 0, `the page logged errors in ${s.view}/${s.theme}/${s.lang}: ${errors.join(" | ")}`);
        } finally {
          await context.close();
        }
      }
    },
  },
];
