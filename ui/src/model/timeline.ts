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
  /** How many visible events are of each kind, have each status, and cite each article. */
  kindCounts: Map<string, number>;
  statusCounts: Map<string, number>;
  articleCounts: Map<string, number>;
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
  private entityIndex: { timeline: TimelineView | null; map: Map<string, EntityInfo> } = { timeline: null, map: new Map() };
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
    // Every count the filter chips show, in one pass over the visible events.
    const entityCounts = new Map<string, number>();
    const kindCounts = new Map<string, number>();
    const statusCounts = new Map<string, number>();
    const articleCounts = new Map<string, number>();
    const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
    for (const e of visible) {
      for (const id of e.entities) bump(entityCounts, id);
      for (const id of e.named) bump(entityCounts, id);
      bump(kindCounts, e.kind);
      bump(statusCounts, e.status);
      const src = e.sources;
      for (let i = 0; i < src.length; i++) {
        const a = src[i].article;
        let first = true;
        for (let j = 0; j < i && first; j++) if (src[j].article === a) first = false;
        if (first) bump(articleCounts, a);
      }
    }
    if (this.entityIndex.timeline !== s.timeline) {
      this.entityIndex = { timeline: s.timeline, map: new Map((s.timeline?.entities ?? []).map((e) => [e.id, e] as const)) };
    }
    const entities = this.entityIndex.map;
    this.last = { timeline: s.timeline, filter: s.filter, lang: s.lang };
    this.derived = { all, visible, ordered, rows, entityCounts, kindCounts, statusCounts, articleCounts, entities };
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
