/**
 * The list of the corpus' articles. Clicking one opens it in the reader; the open one is marked.
 */
import type { Actions } from "../actions";
import { fill, h } from "../dom";
import { STRINGS } from "../i18n";
import type { State } from "../store";

const SCRIPT_NAMES: Record<string, [string, string]> = {
  "zh-Hant": ["Traditional", "繁體"],
  "zh-Hans": ["Simplified", "简体"],
  mixed: ["Mixed script", "繁簡混合"],
  en: ["English", "英文"],
};

export class ArticleList {
  readonly el = h("nav", { class: "panel article-list-panel" });
  private readonly list = h("ul", { class: "article-list", "data-testid": "article-list" });
  private readonly heading = h("h2", { class: "panel-title" });
  private readonly issues = h("details", { class: "load-issues", "data-testid": "load-issues", hidden: true });

  constructor(private readonly actions: Actions) {
    this.el.append(this.heading, this.list, this.issues);
  }

  update(s: State, prev: State | null): void {
    if (prev && prev.articles === s.articles && prev.reader.article === s.reader.article && prev.lang === s.lang && prev.issues === s.issues) return;
    const t = STRINGS[s.lang];
    this.issues.hidden = s.issues.length === 0;
    fill(
      this.issues,
      h("summary", {}, t.loadIssues(s.issues.length)),
      h("ul", {}, s.issues.map((i) => h("li", { "data-code": i.code }, h("strong", {}, i.file), ": ", i.message))),
    );
    this.heading.textContent = t.articles;
    this.el.setAttribute("aria-label", t.articles);
    if (!s.articles) {
      fill(this.list, h("li", { class: "muted" }, t.loading));
      return;
    }
    fill(
      this.list,
      s.articles.map((a, i) =>
        h(
          "li",
          {},
          h(
            "button",
            {
              class: "article-item",
              "data-testid": "article-item",
              "data-article-id": a.id,
              "aria-current": a.id === s.reader.article ? "true" : null,
              title: a.file,
              onclick: () => void this.actions.readArticle(a.id),
            },
            h("span", { class: "article-no" }, String(i + 1).padStart(2, "0")),
            h(
              "span",
              { class: "article-text" },
              h("span", { class: "article-title", lang: a.script === "en" ? "en" : "zh" }, a.title),
              h("span", { class: "article-meta" }, [a.outlet, s.lang === "en" ? a.published_label : a.published_label_zh, SCRIPT_NAMES[a.script]?.[s.lang === "en" ? 0 : 1]].filter(Boolean).join(" · ")),
            ),
          ),
        ),
      ),
    );
  }
}
