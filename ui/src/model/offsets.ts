/**
 * The core counts offsets in chars (Unicode scalar values); JavaScript strings index UTF-16 code
 * units. A `CharIndex` converts one into the other for a given text, so a highlight lands on exactly
 * the characters the core meant even when the text holds astral characters (rare CJK extension
 * characters, emoji) that take two code units.
 */
export class CharIndex {
  /** UTF-16 index of every char offset, plus the end; `null` when the two coincide (no astral chars). */
  private readonly utf16: Uint32Array | null;
  readonly chars: number;

  constructor(readonly text: string) {
    if (!/[\uD800-\uDFFF]/.test(text)) {
      this.utf16 = null;
      this.chars = text.length;
      return;
    }
    const map: number[] = [];
    let i = 0;
    while (i < text.length) {
      map.push(i);
      const c = text.charCodeAt(i);
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLow(text.charCodeAt(i + 1));
      i += pair ? 2 : 1;
    }
    map.push(text.length);
    this.utf16 = Uint32Array.from(map);
    this.chars = map.length - 1;
  }

  /** UTF-16 index of char offset `c` (clamped to the text). */
  toUtf16(c: number): number {
    const n = Math.max(0, Math.min(this.chars, Math.floor(c)));
    return this.utf16 ? this.utf16[n] : n;
  }

  /** The text of chars `[start, end)`. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Length of a string in chars, the way the core counts. */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
