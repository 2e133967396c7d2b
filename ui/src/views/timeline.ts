/**
 * The timeline list: events grouped by month (and honest bands for vaguer dates), each row with its
 * date label, kind, status badge, source count, entity chips and a mark where sources disagree.
 * A listbox for assistive technology and the keyboard (↑/↓, j/k, Home/End, Enter); virtualised.
 */
import type { Actions } from "../actions";
import type { EventInfo } from "../bindings/EventInfo";
import { h, setAttr, setText } from "../dom";
import { KIND_NAMES, named, PRECISION_NAMES, STATUS_NAMES, STRINGS, type Lang } from "../i18n";
import type { Row } from "../model/groups";
import { entityName, eventTitle, type Derived } from "../model/timeline";
import type { State } from "../store";
import { VirtualList } from "./virtualList";

const GROUP_H = 34;
const EVENT_H = 84;

export class Timeline {
  readonly el = h("div", {
    class: "timeline",
    "data-testid": "timeline",
    role: "listbox",
    tabindex: 0,
    "data-loaded": "false",
  });
  private readonly list: VirtualList<Row>;
  private readonly empty = h("p", { class: "empty", hidden: true });
  /** The group of the topmost visible row, pinned while its rows scroll under it. */
  private readonly pinned = h("div", { class: "group-row pinned", "aria-hidden": "true", hidden: true });
  private derived: Derived | null = null;
  private state: State | null = null;
  private lastSelected: string | null = null;

  constructor(private readonly actions: Actions) {
    this.list = new VirtualList<Row>(this.el, {
      height: (r) => (r.type === "group" ? GROUP_H : EVENT_H),
      key: (r) => (r.type === "group" ? `g:${r.key}` : `e:${r.event.id}`),
      render: (r) => this.renderRow(r),
      fallbackHeight: 800,
    });
    this.el.prepend(h("div", { class: "pin-holder" }, this.pinned));
    this.el.append(this.empty);
    this.el.addEventListener("keydown", (e) => this.onKey(e));
    this.el.addEventListener("scroll", () => this.pin(), { passive: true });
  }

  /** Show the group the first visible row belongs to (none while the group's own header shows). */
  private pin(): void {
    const rows = this.derived?.rows;
    const top = this.list.scrollTop;
    if (!rows?.length || top <= 0) {
      this.pinned.hidden = true;
      return;
    }
    let i = this.list.indexAt(top);
    while (i > 0 && rows[i].type !== "group") i--;
    const g = rows[i];
    if (g.type !== "group") return;
    this.pinned.hidden = false;
    this.pinned.classList.toggle("band", g.band);
    setText(this.pinned, g.label);
  }

  update(s: State): void {
    const d = this.actions.model.derive(s);
    const prev = this.state;
    this.state = s;
    const t = STRINGS[s.lang];
    setAttr(this.el, "data-loaded", s.timeline ? "true" : "false");
    setAttr(this.el, "data-event-count", String(d.ordered.length));
    setAttr(this.el, "aria-label", t.timeline);
    if (d !== this.derived) {
      this.derived = d;
      this.list.setRows(d.rows);
      this.pin();
      this.empty.hidden = d.rows.length > 0 || !s.timeline;
      this.empty.textContent = d.all.length === 0 ? t.noEventsYet : t.noEvents;
    } else if (!prev || prev.selected !== s.selected || prev.related !== s.related) {
      this.list.refresh();
    }
    setAttr(this.el, "aria-activedescendant", s.selected && d.ordered.some((e) => e.id === s.selected) ? `ev-${s.selected}` : "");
    if (s.selected !== this.lastSelected) {
      this.lastSelected = s.selected;
      this.reveal(s.selected);
    }
  }

  /** Scroll the selected event into view. */
  reveal(id: string | null): void {
    if (!id || !this.derived) return;
    const i = this.derived.rows.findIndex((r) => r.type === "event" && r.event.id === id);
    if (i >= 0) this.list.scrollToIndex(i, "nearest");
  }

  private renderRow(r: Row): HTMLElement {
    const s = this.state!;
    if (r.type === "group") {
      return h(
        "div",
        { class: `group-row${r.band ? " band" : ""}`, role: "presentation", "data-testid": "timeline-group" },
        r.label,
        h("span", { class: "n" }, String(r.count)),
      );
    }
    const e = r.event;
    const selected = s.selected === e.id;
    const related = s.related.includes(e.id);
    // The virtual list sizes and places the slot; the card sits inside it with its margins.
    return h("div", { class: "event-slot", role: "presentation" }, this.renderCard(r, selected, related));
  }

  private renderCard(r: Extract<Row, { type: "event" }>, selected: boolean, related: boolean): HTMLElement {
    const s = this.state!;
    const lang = s.lang;
    const e = r.event;
    return h(
      "div",
      {
        id: `ev-${e.id}`,
        class: `event-item${related ? " related" : ""}`,
        role: "option",
        "aria-selected": selected || related ? "true" : "false",
        "data-testid": "event-item",
        "data-event-id": e.id,
        "data-index": r.index,
        onclick: () => {
          void this.actions.selectEvent(e.id);
          this.el.focus({ preventScroll: true });
        },
      },
      eventMeta(e, lang),
      h("div", { class: "event-title", lang: lang === "zh" || !e.title.en ? "zh" : "en" }, eventTitle(e, lang)),
      h(
        "div",
        { class: "event-entities" },
        e.entities.map((id) =>
          h("span", { class: "event-entity", "data-testid": "event-entity", "data-entity-id": id }, entityName(this.derived!.entities.get(id), id, lang)),
        ),
      ),
    );
  }

  private onKey(e: KeyboardEvent): void {
    const keys: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, PageDown: 10, PageUp: -10 };
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key in keys) {
      e.preventDefault();
      e.stopPropagation();
      this.actions.step(keys[e.key]);
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      const ev = this.derived?.ordered;
      if (ev?.length) void this.actions.selectEvent((e.key === "Home" ? ev[0] : ev[ev.length - 1]).id);
    }
  }
}

/** The first line of an event: date, kind, status, sources, conflict. Shared with story mode. */
export function eventMeta(e: EventInfo, lang: Lang): HTMLElement {
  const t = STRINGS[lang];
  const d = e.date;
  const vague = !d || !["day"].includes(d.precision);
  return h(
    "div",
    { class: "event-meta" },
    h(
      "span",
      {
        class: `event-date${vague ? " vague" : ""}`,
        "data-precision": d?.precision ?? "none",
        title: d ? `${d.edtf} (${named(PRECISION_NAMES, d.precision, lang)})` : t.undated,
      },
      d ? (lang === "en" ? d.label : d.label_zh) : t.undated,
    ),
    h("span", { class: "event-kind" }, named(KIND_NAMES, e.kind, lang)),
    e.money ? h("span", { class: "event-money", "data-testid": "event-money" }, e.money) : null,
    h("span", { class: `badge ${e.status}`, "data-testid": "status-badge" }, named(STATUS_NAMES, e.status, lang)),
    h("span", { class: "event-sources" }, t.sources(e.sources.length)),
    e.conflicts.length
      ? h(
          "span",
          {
            class: "conflict",
            "data-testid": "conflict-mark",
            title: e.conflicts.map((c) => `${t.conflictOn(c.field)}: ${c.values.map((v) => v.value).join(" / ")}`).join("\n"),
            "aria-label": t.conflict,
          },
          "≠",
        )
      : null,
    e.edited?.length
      ? h("span", { class: "edited-mark", "data-testid": "edited-mark", title: `${t.edited}: ${e.edited.join(", ")}`, "aria-label": t.edited }, "✎")
      : null,
    e.hidden ? h("span", { class: "badge hidden-mark", "data-testid": "hidden-mark" }, t.hiddenMark) : null,
  );
}
