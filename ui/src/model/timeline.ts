/**
 * The timeline as the views need it, derived from the loaded events and the filter: the filtered
 * events in reading order, the rows of the list, each entity's count under the filter, and lookups
 * by id. Derivation is memoised on its inputs, so views may ask for it on every change for free.
 */
import type { EntityInfo } from "../bindings/EntityInfo";
import type { EventInfo } from "../bindings/EventInfo";
import type { Filter } from "../bindings/Filter";
import type { TimelineView } from "../bindings/TimelineView";
import type { Lang } from "../i18n";
import { isEmptyFilter, matches } from "./filter";
import { place, rowsOf, type Placed, type Row } from "./groups";

export interface Derived {
  all: EventInfo[];
  /** The events the filter keeps, in reading order (the same array as `ordered`). */
  visible: EventInfo[];
  ordered: EventInfo[];
  rows: Row[];
  /** How many visible events involve each entity id. */
  entityCounts: Map<string, number>;
  entities: Map<string, EntityInfo>;
}

interface Inputs {
  timeline: TimelineView | null;
  filter: Filter;
  lang: Lang;
}

const EMPTY: EventInfo[] = [];

export class TimelineModel {
  private last: Inputs | null = null;
  private derived: Derived | null = null;
  private placed: { timeline: TimelineView | null; lang: Lang; placed: Placed } | null = null;
  private idIndex: { timeline: TimelineView | null; map: Map<string, EventInfo> } = { timeline: null, map: new Map() };

  derive(s: Inputs): Derived {
    const l = this.last;
    if (this.derived && l && l.timeline === s.timeline && l.filter === s.filter && l.lang === s.lang) return this.derived;
    const all = s.timeline?.events ?? EMPTY;
    if (!this.placed || this.placed.timeline !== s.timeline || this.placed.lang !== s.lang) {
      this.placed = { timeline: s.timeline, lang: s.lang, placed: place(all, s.lang) };
    }
    const f = s.filter;
    const everything = isEmptyFilter(f);
    const { rows, ordered } = rowsOf(this.placed.placed, everything ? () => true : (e) => matches(e, f));
    const visible = ordered;
    const entityCounts = new Map<string, number>();
    for (const e of visible) for (const id of e.entities) entityCounts.set(id, (entityCounts.get(id) ?? 0) + 1);
    const entities = new Map((s.timeline?.entities ?? []).map((e) => [e.id, e] as const));
    this.last = { timeline: s.timeline, filter: s.filter, lang: s.lang };
    this.derived = { all, visible, ordered, rows, entityCounts, entities };
    return this.derived;
  }

  byId(s: { timeline: TimelineView | null }, id: string): EventInfo | undefined {
    if (this.idIndex.timeline !== s.timeline) {
      this.idIndex = { timeline: s.timeline, map: new Map((s.timeline?.events ?? []).map((e) => [e.id, e])) };
    }
    return this.idIndex.map.get(id);
  }
}

/** The name of an entity in the interface language. */
export function entityName(e: EntityInfo | undefined, id: string, lang: Lang): string {
  if (!e) return id;
  return lang === "zh" ? (e.name_zh ?? e.name) : e.name;
}

/** An event's title in the interface language (English may be missing: fall back to Chinese). */
export function eventTitle(e: EventInfo, lang: Lang): string {
  return lang === "en" ? (e.title.en ?? e.title.zh) : e.title.zh;
}
