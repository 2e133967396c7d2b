/**
 * Event density over time for the overview axis. Each dated event spreads a weight of one evenly over
 * the days its date range covers (an event dated only "2025" is a thin film over the year, not a
 * spike on 1 January). Built once per filter as a cumulative sum over days, so the weight of any
 * interval — any bin at any zoom — is two lookups: drawing costs O(bins), not O(events).
 */
import type { EventInfo } from "../bindings/EventInfo";

const DAY_MS = 86_400_000;
/** Refuse absurd spans (a bad date far in the past) rather than allocate for them. */
const MAX_DAYS = 400 * 366;

export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.floor(Date.UTC(y, (m || 1) - 1, d || 1) / DAY_MS);
}

export function isoOfDay(day: number): string {
  return new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10);
}

/** Day numbers of each event date, computed once per date object (filters rebuild densities often). */
const daysOf = new WeakMap<object, [number, number]>();

function days(date: NonNullable<EventInfo["date"]>): [number, number] {
  let r = daysOf.get(date);
  if (!r) {
    const a = dayNumber(date.start);
    r = [a, Math.max(a, dayNumber(date.end))];
    daysOf.set(date, r);
  }
  return r;
}

export class Density {
  /** First and last day (inclusive) with any event; `null` when nothing is dated. */
  readonly first: number | null = null;
  readonly last: number | null = null;
  /** `cum[i]` = weight of days `[first, first + i)`. */
  private readonly cum: Float64Array = new Float64Array(1);
  readonly dated: number = 0;

  constructor(events: EventInfo[]) {
    let lo = Infinity;
    let hi = -Infinity;
    const ranges: [number, number][] = [];
    for (const e of events) {
      if (!e.date) continue;
      const [a, b] = days(e.date);
      if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
      ranges.push([a, b]);
      if (a < lo) lo = a;
      if (b > hi) hi = b;
    }
    if (!ranges.length || hi - lo > MAX_DAYS) return;
    const span = hi - lo + 1;
    const diff = new Float64Array(span + 1);
    for (const [a, b] of ranges) {
      const w = 1 / (b - a + 1);
      diff[a - lo] += w;
      diff[b - lo + 1] -= w;
    }
    const cum = new Float64Array(span + 1);
    let perDay = 0;
    for (let i = 0; i < span; i++) {
      perDay += diff[i];
      cum[i + 1] = cum[i] + perDay;
    }
    this.first = lo;
    this.last = hi;
    this.cum = cum;
    this.dated = ranges.length;
  }

  /** Cumulative weight before day `x` (fractional days interpolate). */
  private at(x: number): number {
    if (this.first === null) return 0;
    const i = x - this.first;
    const n = this.cum.length - 1;
    if (i <= 0) return 0;
    if (i >= n) return this.cum[n];
    const f = Math.floor(i);
    return this.cum[f] + (this.cum[f + 1] - this.cum[f]) * (i - f);
  }

  /** Weight of events over days `[a, b)`. */
  weight(a: number, b: number): number {
    return this.at(b) - this.at(a);
  }

  /** `n` equal bins over `[v0, v1)` days. */
  bins(v0: number, v1: number, n: number): Float64Array {
    const out = new Float64Array(n);
    const w = (v1 - v0) / n;
    let prev = this.at(v0);
    for (let i = 0; i < n; i++) {
      const next = this.at(v0 + (i + 1) * w);
      out[i] = next - prev;
      prev = next;
    }
    return out;
  }
}
