/**
 * The window: lays out the views, feeds them the store's state, applies language and theme to the
 * document, and owns the global keys (Ctrl/Cmd+K search, j/k and arrows for the story, Esc).
 */
import type { Actions } from "./actions";
import { h } from "./dom";
import { STRINGS } from "./i18n";
import type { State } from "./store";
import { ArticleList } from "./views/articleList";
import { Reader } from "./views/reader";

interface View {
  el: HTMLElement;
  update(s: State, prev: State | null): void;
}

export class App {
  readonly el: HTMLElement;
  private readonly views: View[];
  private readonly errorBox = h("div", { class: "error-box", role: "alert", hidden: true });

  constructor(private readonly actions: Actions) {
    const articles = new ArticleList(actions);
    const reader = new Reader(actions);
    this.views = [articles, reader];
    this.el = h(
      "div",
      { class: "app" },
      h("header", { class: "topbar" }, h("h1", { class: "brand" }, "Storyline")),
      this.errorBox,
      h("main", { class: "layout" }, h("aside", { class: "sidebar" }, articles.el), h("div", { class: "center" }), reader.el),
    );
  }

  mount(root: HTMLElement): void {
    root.replaceChildren(this.el);
    const store = this.actions.store;
    this.render(store.get(), null);
    store.subscribe((s, prev) => this.render(s, prev));
  }

  private render(s: State, prev: State | null): void {
    const doc = document.documentElement;
    doc.lang = s.lang === "zh" ? "zh-Hant" : "en";
    doc.dataset.theme = s.theme;
    const t = STRINGS[s.lang];
    document.title = t.app;
    if (s.error) {
      this.errorBox.hidden = false;
      this.errorBox.textContent = `${t.error}: ${s.error.message}`;
      this.errorBox.dataset.code = s.error.code;
    } else {
      this.errorBox.hidden = true;
    }
    for (const v of this.views) v.update(s, prev);
  }
}
