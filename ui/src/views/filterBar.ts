/**
 * The bar under the title that says what the timeline is filtered by, one removable pill per
 * criterion, and how many events remain. The same summary becomes the window title.
 */
import type { Actions } from "../actions";
import type { Filter } from "../bindings/Filter";
import { fill, h } from "../dom";
import { KIND_NAMES, named, STATUS_NAMES, STRINGS, type Lang } from "../i18n";
import type { Derived } from "../model/timeline";
import { entityName } from "../model/timeline";
import type { State } from "../store";

interface Part {
  label: string;
  remove: Partial<Filter>;
}

/** The active criteria as readable labels, each with the change that removes it. */
export function describeFilter(f: Filter, d: Derived, s: State, lang: Lang): Part[] {
  const parts: Part[] = [];
  for (const id of f.entities) parts.push({ label: entityName(d.entities.get(id), id, lang), remove: { entities: f.entities.filter((x) => x !== id) } });
  for (const k of f.kinds) parts.push({ label: named(KIND_NAMES, k, lang), remove: { kinds: f.kinds.filter((x) => x !== k) } });
  for (const st of f.statuses) parts.push({ label: named(STATUS_NAMES, st, lang), remove: { statuses: f.statuses.filter((x) => x !== st) } });
  for (const a of f.articles) {
    const i = s.articles?.findIndex((x) => x.id === a) ?? -1;
    const title = i >= 0 ? s.articles![i].title : a;
    parts.push({ label: `${STRINGS[lang].source} ${i >= 0 ? String(i + 1).padStart(2, "0") : ""} ${[...title].slice(0, 10).join("")}`.trim(), remove: { articles: f.articles.filter((x) => x !== a) } });
  }
  if (f.from || f.to) parts.push({ label: `${f.from ?? "…"} – ${f.to ?? "…"}`, remove: { from: null, to: null } });
  return parts;
}

export class FilterBar {
  readonly el = h("div", { class: "filter-bar", "data-testid": "filter-bar", role: "status" });

  private key: unknown[] = [];

  constructor(private readonly actions: Actions) {}

  update(s: State): void {
    const d = this.actions.model.derive(s);
    const key = [d, s.lang, s.articles, s.timeline];
    if (key.every((k, i) => k === this.key[i])) return;
    this.key = key;
    const t = STRINGS[s.lang];
    const parts = describeFilter(s.filter, d, s, s.lang);
    this.el.setAttribute("aria-label", t.filterBar);
    fill(
      this.el,
      h("span", { class: "label" }, parts.length ? `${t.filterBar}:` : t.allEvents),
      parts.map((p) =>
        h(
          "span",
          { class: "pill", "data-testid": "filter-pill" },
          p.label,
          h(
            "button",
            {
              "aria-label": t.removeFilter(p.label),
              title: t.removeFilter(p.label),
              onclick: () => this.actions.setFilter({ ...this.actions.store.get().filter, ...p.remove }),
            },
            "×",
          ),
        ),
      ),
      parts.length
        ? h("button", { class: "link", "data-testid": "filter-bar-clear", onclick: () => this.actions.clearFilter() }, t.clearAll)
        : null,
      h("span", { class: "count", "data-testid": "event-count" }, s.timeline ? t.eventsCount(d.visible.length, d.all.length) : t.loading),
    );
  }

  /** The window title: the app's name, then the filter. */
  title(s: State): string {
    const t = STRINGS[s.lang];
    const parts = describeFilter(s.filter, this.actions.model.derive(s), s, s.lang);
    return parts.length ? `${parts.map((p) => p.label).join(" · ")} — ${t.app}` : t.app;
  }
}
