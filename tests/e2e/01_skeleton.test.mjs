// The walking skeleton (issue 2): the app opens on the corpus, lists its five articles, and
// opening one shows its text.
import { expect, openApp } from "./harness.mjs";

export const tests = [
  {
    name: "five articles are listed and opening one shows its text",
    async fn({ page, base, api }) {
      await openApp(page, base, { waitTimeline: false });
      const items = page.getByTestId("article-item");
      const n = await items.count();
      const articles = await api({ cmd: "articles" });
      expect(articles.length === 5, `the API should list the five corpus articles, it lists ${articles.length}`);
      expect(n === 5, `the article list should show 5 articles, it shows ${n}`);
      const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-article-id")));
      expect(
        JSON.stringify(ids) === JSON.stringify(articles.map((a) => a.id)),
        `the listed article ids ${JSON.stringify(ids)} differ from the API's ${JSON.stringify(articles.map((a) => a.id))}`,
      );
      const target = articles[1];
      await items.nth(1).click();
      const text = page.getByTestId("reader-text");
      await page.locator(`[data-testid="reader-text"][data-article-id="${target.id}"]`).waitFor({ timeout: 10_000 });
      const shown = await text.textContent();
      const view = await api({ cmd: "article", args: { id: target.id, script: "original" } });
      expect(shown.length > 200, `the reader should show the article's text, it shows ${shown.length} characters`);
      expect(shown === view.text, `the reader's text should equal the article's display text (first 80 chars shown: ${JSON.stringify(shown.slice(0, 80))}, expected ${JSON.stringify(view.text.slice(0, 80))})`);
      const html = await text.innerHTML();
      expect(!/<(script|img|iframe)/i.test(html), "the reader's text must be text nodes and marks only");
    },
  },
];
