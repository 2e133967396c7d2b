/**
 * Placing events on the timeline honestly. Events dated to a day, a ten-day span (旬) or a month sit
 * in their month; events the sources date only to a quarter, a half-year, a year or vaguely sit in a
 * band of that width (placed before the months it covers), never on a made-up day; undated events
 * come last. The result is a flat list of rows (group headers and events) for the virtual list.
 */
import type { EventInfo } from "../bindings/EventInfo";
import type { Lang } from "../i18n";

export interface GroupRow {
  type: "group";
  key: string;
  label: string;
  /** True for a band wider than a month (or undated). */
  band: boolean;
  count: number;
}
export interface EventRow {
  type: "event";
  event: EventInfo;
  /** Position of the event in the ordered list (for story mode and keyboard steps). */
  index: number;
}
export type Row = GroupRow | EventRow;

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const FINE = new Set(["day", "xun", "month"]);

function groupOf(e: EventInfo): { key: string; start: string; end: string; band: boolean } {
  const d = e.date;
  if (!d) return { key: "undated", start: "9999-99", end: "9999-99", band: true };
  if (FINE.has(d.precision)) {
    const m = d.start.slice(0, 7);
    return { key: `m:${m}`, start: `${m}-01`, end: `${m}-31`, band: false };
  }
  return { key: `b:${d.precision}:${d.start}:${d.end}`, start: d.start, end: d.end, band: true };
}

export function groupLabel(g: { key: string; sample: EventInfo | null }, lang: Lang): string {
  if (g.key === "undated") return lang === "en" ? "Undated" : "日期不明";
  if (g.key.startsWith("m:")) {
    const [y, m] = g.key.slice(2).split("-").map(Number);
    return lang === "en" ? `${MONTHS_EN[m - 1] ?? m} ${y}` : `${y}年${m}月`;
  }
  const d = g.sample?.date;
  if (!d) return g.key;
  const y = Number(d.start.slice(0, 4));
  const m = Number(d.start.slice(5, 7));
  switch (d.precision) {
    case "quarter": {
      const q = Math.floor((m - 1) / 3) + 1;
      return lang === "en" ? `Q${q} ${y}` : `${y}年第${"一二三四"[q - 1]}季`;
    }
    case "half":
      return lang === "en" ? `${m <= 6 ? "First" : "Second"} half of ${y}` : `${y}年${m <= 6 ? "上" : "下"}半年`;
    case "year":
      // A span of years (2013–2018) reads as the backend's label.
      if (d.end.slice(0, 4) !== d.start.slice(0, 4)) return lang === "en" ? d.label : d.label_zh;
      return lang === "en" ? `${y}` : `${y}年`;
    default:
      return lang === "en" ? d.label : d.label_zh;
  }
}

function compareEvents(a: EventInfo, b: EventInfo): number {
  const as = a.date?.start ?? "", bs = b.date?.start ?? "";
  if (as !== bs) return as < bs ? -1 : 1;
  const ae = a.date?.end ?? "", be = b.date?.end ?? "";
  if (ae !== be) return ae < be ? -1 : 1;
  return 0;
}

/**
 * The whole timeline placed once: events in reading order, each with its group. Filtering then keeps
 * a subsequence, so the filtered rows come from one linear pass ([`rowsOf`]) instead of a new sort.
 */
export interface Placed {
  ordered: EventInfo[];
  /** Group of `ordered[i]`. */
  groupOf: Group[];
}

export interface Group {
  key: string;
  label: string;
  band: boolean;
  start: string;
  end: string;
  sample: EventInfo | null;
  events: EventInfo[];
}

export function place(events: EventInfo[], lang: Lang): Placed {
  const groups = new Map<string, Group>();
  for (const e of events) {
    const g = groupOf(e);
    let group = groups.get(g.key);
    if (!group) {
      group = { ...g, label: "", sample: e, events: [] };
      groups.set(g.key, group);
    }
    group.events.push(e);
  }
  // Wider bands open before the months they cover: "sometime in 2025" precedes "January 2025".
  const sorted = [...groups.values()].sort((a, b) =>
    a.start !== b.start ? (a.start < b.start ? -1 : 1) : a.end !== b.end ? (a.end > b.end ? -1 : 1) : 0,
  );
  const ordered: EventInfo[] = [];
  const groupOfEvent: Group[] = [];
  for (const g of sorted) {
    g.label = groupLabel(g, lang);
    g.events.sort(compareEvents);
    for (const e of g.events) {
      ordered.push(e);
      groupOfEvent.push(g);
    }
  }
  return { ordered, groupOf: groupOfEvent };
}

/** Rows for the events of `placed` that `keep` accepts, in reading order. */
export function rowsOf(placed: Placed, keep: (e: EventInfo) => boolean): { rows: Row[]; ordered: EventInfo[] } {
  const rows: Row[] = [];
  const ordered: EventInfo[] = [];
  let header: GroupRow | null = null;
  let current: Group | null = null;
  for (let i = 0; i < placed.ordered.length; i++) {
    const e = placed.ordered[i];
    if (!keep(e)) continue;
    const g = placed.groupOf[i];
    if (g !== current) {
      current = g;
      header = { type: "group", key: g.key, label: g.label, band: g.band, count: 0 };
      rows.push(header);
    }
    header!.count++;
    rows.push({ type: "event", event: e, index: ordered.length });
    ordered.push(e);
  }
  return { rows, ordered };
}

/** Group and order events; `ordered` is the reading order (story mode, j/k). */
export function groupEvents(events: EventInfo[], lang: Lang): { rows: Row[]; ordered: EventInfo[] } {
  return rowsOf(place(events, lang), () => true);
}
