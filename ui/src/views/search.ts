/**
 * Search over every article (Ctrl/Cmd+K): a box in the top bar and a list of passages with the
 * matched words highlighted. Choosing a passage opens the reader there and selects the events the
 * passage supports. ↓ from the box walks the results; Esc closes them.
 */
import type { Actions } from "../actions";
import type { Hit } from "../bindings/Hit";
import { fill, h, setAttr } from "../dom";
import { STRINGS } from "../i18n";
import { CharIndex } from "../model/offsets";
import type { State } from "../store";

const CONTEXT_BEFORE = 30;
const SNIPPET_CHARS = 140;

export class Search {
  readonly el = h("div", { class: "search-box", role: "search" });
  readonly input = h("input", {
    type: "search",
    "data-testid": "search-input",
    autocomplete: "off",
    spellcheck: "false",
    "aria-controls": "search-results",
  });
  private readonly results = h("div", { id: "search-results", class: "search-results", "data-testid": "search-results", hidden: true });
  private key = "";

  constructor(private readonly actions: Actions) {
    this.el.append(this.input, this.results);
    this.input.addEventListener("input", () => void this.actions.search(this.input.value));
    this.input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        if (this.input.value !== this.actions.store.get().search.query) void this.actions.search(this.input.value);
        else this.actions.store.setSearch({ open: true });
      } else if (e.key === "ArrowDown") {
        e.preventDefault();
        this.results.querySelector<HTMLElement>(".search-result")?.focus();
      } else if (e.key === "Escape") {
        this.close();
      }
    });
    this.input.addEventListener("focus", () => {
      if (this.input.value.trim()) this.actions.store.setSearch({ open: true });
    });
    this.results.addEventListener("keydown", (e) => {
      const items = [...this.results.querySelectorAll<HTMLElement>(".search-result")];
      const i = items.indexOf(document.activeElement as HTMLElement);
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        const next = e.key === "ArrowDown" ? i + 1 : i - 1;
        if (next < 0) this.input.focus();
        else items[Math.min(items.length - 1, next)]?.focus();
      } else if (e.key === "Escape") {
        this.close();
        this.input.focus();
      }
    });
    document.addEventListener("pointerdown", (e) => {
      if (!this.el.contains(e.target as Node) && this.actions.store.get().search.open) this.actions.store.setSearch({ open: false });
    });
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  close(): void {
    this.actions.store.setSearch({ open: false });
  }

  update(s: State): void {
    const t = STRINGS[s.lang];
    setAttr(this.input, "placeholder", t.searchPlaceholder);
    setAttr(this.input, "aria-label", t.search);
    const q = s.search;
    const show = q.open && !!q.query.trim();
    if (this.results.hidden === show) this.results.hidden = !show;
    const key = [show, q.hits, q.loading, s.lang, s.articles?.length].map(String).join("|") + (q.hits ? q.hits.length : "");
    if (key === this.key) return;
    this.key = key;
    if (!show) return;
    if (q.loading && !q.hits) {
      fill(this.results, h("p", { class: "summary" }, t.loading));
      return;
    }
    const hits = q.hits ?? [];
    const titleOf = (id: string) => {
      const i = s.articles?.findIndex((a) => a.id === id) ?? -1;
      return i >= 0 ? `${String(i + 1).padStart(2, "0")} · ${s.articles![i].title}` : id;
    };
    fill(
      this.results,
      h("p", { class: "summary", "data-testid": "search-summary" }, hits.length ? t.searchHits(hits.length) : t.searchNoHits),
      hits.map((hit) =>
        h(
          "button",
          {
            class: "search-result",
            "data-testid": "search-result",
            "data-article-id": hit.article,
            "data-events": hit.events.join(" "),
            onclick: () => void this.actions.openHit(hit),
          },
          h(
            "span",
            { class: "where" },
            h("span", { lang: "zh" }, titleOf(hit.article)),
            hit.events.length ? h("span", { class: "supports" }, t.supports(hit.events.length)) : null,
          ),
          h("span", { class: "snippet", lang: "zh" }, snippetNodes(hit)),
        ),
      ),
    );
  }
}

/** The hit's snippet around its first highlight, with every highlight in a `<mark>`. */
export function snippetNodes(hit: Hit): Node[] {
  const idx = new CharIndex(hit.snippet);
  const rel = hit.highlights
    .map(([a, b]) => [Math.max(0, a - hit.start), Math.min(idx.chars, b - hit.start)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const first = rel[0]?.[0] ?? 0;
  const from = Math.max(0, first - CONTEXT_BEFORE);
  const to = Math.min(idx.chars, from + SNIPPET_CHARS);
  const out: Node[] = [];
  if (from > 0) out.push(document.createTextNode("…"));
  let pos = from;
  for (const [a, b] of rel) {
    const s = Math.max(a, pos);
    const e = Math.min(b, to);
    if (e <= s) continue;
    if (s > pos) out.push(document.createTextNode(idx.slice(pos, s)));
    out.push(h("mark", {}, idx.slice(s, e)));
    pos = e;
  }
  if (to > pos) out.push(document.createTextNode(idx.slice(pos, to)));
  if (to < idx.chars) out.push(document.createTextNode("…"));
  return out;
}
