/**
 * Cutting an article's text into the runs the reader renders: plain text, the highlighted passages
 * of the selected event (one `<mark>` per passage, so its text is the event source's quote exactly),
 * a search hit, and inside them the passages of the article's other events (marked in the margin).
 * Offsets come in chars and are clamped; overlapping ranges of one layer are merged.
 */
export interface Range {
  start: number;
  end: number;
}

export interface Piece {
  start: number;
  end: number;
  /** Event ids of other events whose passages cover this piece. */
  others: string[];
}

export interface Block {
  start: number;
  end: number;
  /** `focus` = passage of the selected event, `hit` = search hit, `plain` = neither. */
  role: "focus" | "hit" | "plain";
  pieces: Piece[];
}

export interface OtherPassage extends Range {
  event: string;
}

export function mergeRanges(ranges: Range[], length: number): Range[] {
  const sorted = ranges
    .map((r) => ({ start: clamp(r.start, length), end: clamp(r.end, length) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    // Only overlapping ranges merge: two adjacent sentences of one event stay two marks, each its quote.
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

function clamp(n: number, length: number): number {
  return Math.max(0, Math.min(length, n));
}

/**
 * Blocks covering `[0, length)` in order. Focus passages win over a search hit where they overlap.
 */
export function buildBlocks(length: number, focus: Range[], hit: Range | null, others: OtherPassage[]): Block[] {
  const f = mergeRanges(focus, length);
  let hits = hit ? mergeRanges([hit], length) : [];
  // The search hit shows only where no focus passage already is.
  hits = hits.flatMap((h) => subtract(h, f));
  const marked: { r: Range; role: "focus" | "hit" }[] = [
    ...f.map((r) => ({ r, role: "focus" as const })),
    ...hits.map((r) => ({ r, role: "hit" as const })),
  ].sort((a, b) => a.r.start - b.r.start);
  const blocks: Block[] = [];
  let pos = 0;
  const push = (start: number, end: number, role: Block["role"]) => {
    if (end > start) blocks.push({ start, end, role, pieces: pieces(start, end, others) });
  };
  for (const m of marked) {
    push(pos, m.r.start, "plain");
    push(m.r.start, m.r.end, m.role);
    pos = m.r.end;
  }
  push(pos, length, "plain");
  return blocks;
}

function subtract(r: Range, cuts: Range[]): Range[] {
  let parts = [r];
  for (const c of cuts) {
    parts = parts.flatMap((p) => {
      if (c.end <= p.start || c.start >= p.end) return [p];
      const out: Range[] = [];
      if (c.start > p.start) out.push({ start: p.start, end: c.start });
      if (c.end < p.end) out.push({ start: c.end, end: p.end });
      return out;
    });
  }
  return parts;
}

/** Split `[start, end)` where other passages begin or end; each piece knows which cover it. */
function pieces(start: number, end: number, others: OtherPassage[]): Piece[] {
  const inside = others.filter((o) => o.start < end && o.end > start);
  if (inside.length === 0) return [{ start, end, others: [] }];
  const cuts = new Set<number>([start, end]);
  for (const o of inside) {
    if (o.start > start) cuts.add(o.start);
    if (o.end < end) cuts.add(o.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const ids = inside.filter((o) => o.start <= a && o.end >= b).map((o) => o.event);
    const prev = out[out.length - 1];
    if (prev && sameIds(prev.others, ids)) prev.end = b;
    else out.push({ start: a, end: b, others: [...new Set(ids)] });
  }
  return out;
}

function sameIds(a: string[], b: string[]): boolean {
  const sb = new Set(b);
  return new Set(a).size === sb.size && a.every((x) => sb.has(x));
}

/** `[start, end)` cut where the English paragraphs (`english`, sorted) begin and end: each part says whether it is English. */
export function byLanguage(start: number, end: number, english: Range[]): { start: number; end: number; english: boolean }[] {
  const out: { start: number; end: number; english: boolean }[] = [];
  let at = start;
  for (const e of english) {
    if (e.end <= at || e.start >= end) continue;
    if (e.start > at) out.push({ start: at, end: e.start, english: false });
    const to = Math.min(e.end, end);
    out.push({ start: Math.max(e.start, at), end: to, english: true });
    at = to;
  }
  if (at < end) out.push({ start: at, end, english: false });
  return out;
}
