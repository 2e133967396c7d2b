/**
 * The filter as the UI holds it (entity ids, kinds, statuses, article ids, an inclusive date range)
 * and its application to the events already loaded, with the same meaning as `Filter` in
 * src/timeline.rs: several entities keep events involving all of them; several kinds, statuses or
 * articles keep events matching any; a date range keeps events whose range overlaps it, and an
 * undated event only while no range is set. Exports send the same `Filter` to the core.
 */
import type { EventInfo } from "../bindings/EventInfo";
import type { EventKind } from "../bindings/EventKind";
import type { Filter } from "../bindings/Filter";
import type { Status } from "../bindings/Status";
import { KINDS, STATUSES } from "../i18n";

export function emptyFilter(): Filter {
  return { entities: [], from: null, to: null, kinds: [], statuses: [], articles: [], hidden: false };
}

export function isEmptyFilter(f: Filter): boolean {
  return !f.entities.length && !f.kinds.length && !f.statuses.length && !f.articles.length && !f.from && !f.to;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A filter from untrusted JSON (localStorage), keeping only well-formed parts. */
export function sanitizeFilter(raw: unknown): Filter {
  const f = emptyFilter();
  if (!raw || typeof raw !== "object") return f;
  const o = raw as Record<string, unknown>;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  f.entities = strings(o.entities);
  f.articles = strings(o.articles);
  f.kinds = strings(o.kinds).filter((k): k is EventKind => (KINDS as string[]).includes(k));
  f.statuses = strings(o.statuses).filter((s): s is Status => (STATUSES as string[]).includes(s));
  f.from = typeof o.from === "string" && ISO_DATE.test(o.from) ? o.from : null;
  f.to = typeof o.to === "string" && ISO_DATE.test(o.to) ? o.to : null;
  return f;
}

/** Drop ids the loaded corpus does not know (a filter saved against another corpus). */
export function restrictFilter(f: Filter, entityIds: Set<string>, articleIds: Set<string>): Filter {
  const entities = f.entities.filter((e) => entityIds.has(e));
  const articles = f.articles.filter((a) => articleIds.has(a));
  if (entities.length === f.entities.length && articles.length === f.articles.length) return f;
  return { ...f, entities, articles };
}

export function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export function matches(e: EventInfo, f: Filter): boolean {
  for (const id of f.entities) if (!e.entities.includes(id) && !e.named.includes(id)) return false;
  if (f.kinds.length && !f.kinds.includes(e.kind)) return false;
  if (f.statuses.length && !f.statuses.includes(e.status)) return false;
  if (f.articles.length && !e.sources.some((s) => f.articles.includes(s.article))) return false;
  if (f.from || f.to) {
    if (!e.date) return false;
    if (f.from && e.date.end < f.from) return false;
    if (f.to && e.date.start > f.to) return false;
  }
  return true;
}

export function applyFilter(events: EventInfo[], f: Filter): EventInfo[] {
  if (isEmptyFilter(f)) return events;
  return events.filter((e) => matches(e, f));
}
