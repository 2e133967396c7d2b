/**
 * The filter panel: people and companies as chips with their counts under the current filter
 * (searchable by any name or alias), kinds, statuses, source articles and a date range. Every
 * control edits the one `Filter` in the store, so they combine; "clear all" empties it.
 */
import type { Actions } from "../actions";
import type { EntityInfo } from "../bindings/EntityInfo";
import type { Filter } from "../bindings/Filter";
import { fill, h } from "../dom";
import { ENTITY_KIND_NAMES, KIND_NAMES, KINDS, named, STATUS_NAMES, STATUSES, STRINGS } from "../i18n";
import { anyContains } from "../model/fold";
import { isEmptyFilter, toggle } from "../model/filter";
import { entityName } from "../model/timeline";
import type { State } from "../store";

export class Filters {
  readonly el = h("section", { class: "filters", "data-testid": "filters" });
  private readonly entitySearch = h("input", {
    type: "search",
    class: "entity-search",
    "data-testid": "entity-search",
    autocomplete: "off",
  });
  private readonly heads = {
    title: h("h2", { class: "panel-title" }),
    entities: h("h3", {}),
    kind: h("h3", {}),
    status: h("h3", {}),
    source: h("h3", {}),
    dates: h("h3", {}),
    from: h("label", { for: "filter-from" }),
    to: h("label", { for: "filter-to" }),
  };
  private readonly entityChips = h("div", { class: "chip-list", role: "group" });
  private readonly kindChips = h("div", { class: "chip-list", role: "group" });
  private readonly statusChips = h("div", { class: "chip-list", role: "group" });
  private readonly articleChips = h("div", { class: "chip-list", role: "group" });
  private readonly from = h("input", { id: "filter-from", type: "date", "data-testid": "filter-from" });
  private readonly to = h("input", { id: "filter-to", type: "date", "data-testid": "filter-to" });
  private readonly clear = h("button", { class: "clear-all", "data-testid": "clear-filters" });
  private readonly showHidden = h("input", { type: "checkbox", "data-testid": "show-hidden" });
  private readonly showHiddenLabel = h("span", {});
  private readonly correctNames = h("button", { class: "link", "data-testid": "correct-names" });
  private key = "";
  private timelineShown: unknown = undefined;
  private query = "";
  /** The kinds the whole timeline has (chips for kinds absent from the corpus would be noise). */
  private kindsOf: { timeline: unknown; kinds: Set<string> } = { timeline: undefined, kinds: new Set() };

  constructor(private readonly actions: Actions) {
    this.entitySearch.addEventListener("input", () => {
      this.query = this.entitySearch.value;
      this.update(this.actions.store.get());
    });
    this.from.addEventListener("change", () => this.set({ from: this.from.value || null }));
    this.to.addEventListener("change", () => this.set({ to: this.to.value || null }));
    this.clear.addEventListener("click", () => this.actions.clearFilter());
    this.showHidden.addEventListener("change", () => void this.actions.setShowHidden(this.showHidden.checked));
    this.correctNames.addEventListener("click", () => this.actions.store.set({ editingEntity: this.actions.store.get().filter.entities[0] ?? "" }));
    const hd = this.heads;
    this.el.append(
      hd.title,
      h("div", { class: "heading-row" }, hd.entities, this.correctNames),
      this.entitySearch,
      this.entityChips,
      hd.kind,
      this.kindChips,
      hd.status,
      this.statusChips,
      hd.source,
      this.articleChips,
      hd.dates,
      h("div", { class: "date-range" }, hd.from, this.from, hd.to, this.to),
      h("label", { class: "show-hidden" }, this.showHidden, " ", this.showHiddenLabel),
      this.clear,
    );
  }

  private set(patch: Partial<Filter>): void {
    this.actions.setFilter({ ...this.actions.store.get().filter, ...patch });
  }

  update(s: State): void {
    const d = this.actions.model.derive(s);
    const key = [s.lang, s.timeline?.generated, s.articles?.length, JSON.stringify(s.filter), this.query, d.visible.length, s.showHidden, s.edits?.writable].join("|");
    // The timeline by identity: one fetched again after a correction can bear the same second.
    if (key === this.key && s.timeline === this.timelineShown) return;
    this.key = key;
    this.timelineShown = s.timeline;
    const t = STRINGS[s.lang];
    const f = s.filter;
    const hd = this.heads;
    hd.title.textContent = t.filters;
    hd.entities.textContent = t.entities;
    hd.kind.textContent = t.kind;
    hd.status.textContent = t.status;
    hd.source.textContent = t.source;
    hd.dates.textContent = t.dateRange;
    hd.from.textContent = t.from;
    hd.to.textContent = t.to;
    this.entityChips.setAttribute("aria-label", t.entities);
    this.kindChips.setAttribute("aria-label", t.kind);
    this.statusChips.setAttribute("aria-label", t.status);
    this.articleChips.setAttribute("aria-label", t.source);
    this.entitySearch.placeholder = t.entitySearch;
    this.entitySearch.setAttribute("aria-label", t.entitySearch);
    if (this.from.value !== (f.from ?? "")) this.from.value = f.from ?? "";
    if (this.to.value !== (f.to ?? "")) this.to.value = f.to ?? "";
    this.clear.textContent = t.clearAll;
    this.showHidden.checked = s.showHidden;
    this.showHiddenLabel.textContent = t.showHidden;
    this.correctNames.textContent = t.correctNames;
    this.correctNames.disabled = !(s.edits?.writable ?? false);
    this.clear.disabled = isEmptyFilter(f);

    const focused = document.activeElement;
    const focusKey = focused instanceof HTMLElement && this.el.contains(focused) ? focused.dataset.focusKey : undefined;

    const entities = (s.timeline?.entities ?? []).filter(
      (e) => f.entities.includes(e.id) || anyContains([e.name, e.name_zh, e.id, ...e.aliases], this.query),
    );
    const count = (e: EntityInfo) => d.entityCounts.get(e.id) ?? 0;
    entities.sort(
      (a, b) =>
        Number(f.entities.includes(b.id)) - Number(f.entities.includes(a.id)) || count(b) - count(a) || byName(a.name, b.name),
    );
    fill(
      this.entityChips,
      entities.length === 0 ? h("span", { class: "muted" }, "—") : null,
      entities.map((e) =>
        h(
          "button",
          {
            class: `chip${count(e) === 0 && !f.entities.includes(e.id) ? " zero" : ""}`,
            "data-testid": "entity-chip",
            "data-entity-id": e.id,
            "data-focus-key": `entity:${e.id}`,
            "aria-pressed": f.entities.includes(e.id) ? "true" : "false",
            title: `${[e.name, e.name_zh, ...e.aliases].filter(Boolean).join(" · ")} (${named(ENTITY_KIND_NAMES, e.kind, s.lang)})`,
            onclick: () => this.set({ entities: toggle(this.actions.store.get().filter.entities, e.id) }),
          },
          entityName(e, e.id, s.lang),
          h("span", { class: "n" }, String(count(e))),
        ),
      ),
    );

    const kinds = d.kindCounts;
    const statuses = d.statusCounts;
    if (this.kindsOf.timeline !== s.timeline) {
      this.kindsOf = { timeline: s.timeline, kinds: new Set((s.timeline?.events ?? []).map((e) => e.kind)) };
    }
    const allKinds = this.kindsOf.kinds;
    fill(
      this.kindChips,
      KINDS.filter((k) => allKinds.has(k) || f.kinds.includes(k)).map((k) =>
        chip("kind-chip", { "data-kind": k }, `kind:${k}`, f.kinds.includes(k), named(KIND_NAMES, k, s.lang), kinds.get(k) ?? 0, () =>
          this.set({ kinds: toggle(this.actions.store.get().filter.kinds, k) }),
        ),
      ),
    );
    fill(
      this.statusChips,
      STATUSES.map((st) =>
        chip("status-chip", { "data-status": st }, `status:${st}`, f.statuses.includes(st), named(STATUS_NAMES, st, s.lang), statuses.get(st) ?? 0, () =>
          this.set({ statuses: toggle(this.actions.store.get().filter.statuses, st) }),
        ),
      ),
    );
    const perArticle = d.articleCounts;
    fill(
      this.articleChips,
      (s.articles ?? []).map((a, i) => {
        const n = perArticle.get(a.id) ?? 0;
        const c = chip("article-chip", { "data-article-id": a.id }, `article:${a.id}`, f.articles.includes(a.id), String(i + 1).padStart(2, "0"), n, () =>
          this.set({ articles: toggle(this.actions.store.get().filter.articles, a.id) }),
        );
        c.title = a.title;
        return c;
      }),
    );
    // Re-rendering must not steal the keyboard: put focus back on the control that had it.
    if (focusKey) [...this.el.querySelectorAll<HTMLElement>("[data-focus-key]")].find((x) => x.dataset.focusKey === focusKey)?.focus();
  }
}

function chip(testid: string, attrs: Record<string, string>, focusKey: string, pressed: boolean, label: string, n: number, onclick: () => void): HTMLElement {
  return h(
    "button",
    { class: "chip", "data-testid": testid, ...attrs, "data-focus-key": focusKey, "aria-pressed": pressed ? "true" : "false", onclick },
    label,
    h("span", { class: "n" }, String(n)),
  );
}

/** Code-point order for chips of equal count: `localeCompare` builds an ICU collator on first use,
 * tens of milliseconds of the first paint, for an order no reader relies on. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
