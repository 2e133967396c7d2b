import { describe, expect, it } from "vitest";
import { CharIndex, charLength } from "../src/model/offsets";
import { buildBlocks, byLanguage, mergeRanges } from "../src/model/segments";

describe("char offsets to UTF-16", () => {
  it("is the identity on BMP-only text", () => {
    const idx = new CharIndex("數據中心在美國");
    expect(idx.chars).toBe(7);
    expect(idx.slice(0, 4)).toBe("數據中心");
  });

  it("counts an astral character as one char, as the core does", () => {
    // 𠮷 (U+20BB7) and 😀 take two UTF-16 units each.
    const text = "𠮷野家說😀數據中心";
    const idx = new CharIndex(text);
    expect(idx.chars).toBe(charLength(text));
    expect(idx.chars).toBe(9);
    expect(idx.slice(5, 9)).toBe("數據中心");
    expect(idx.slice(0, 1)).toBe("𠮷");
    expect(idx.slice(4, 5)).toBe("😀");
    expect(idx.toUtf16(9)).toBe(text.length);
  });

  it("clamps offsets outside the text instead of throwing", () => {
    const idx = new CharIndex("a😀b");
    expect(idx.slice(-3, 99)).toBe("a😀b");
  });
});

describe("reader segments", () => {
  it("merges overlapping ranges of one layer", () => {
    expect(mergeRanges([{ start: 5, end: 9 }, { start: 1, end: 3 }, { start: 2, end: 6 }], 20)).toEqual([{ start: 1, end: 9 }]);
  });

  it("keeps adjacent passages of one event as separate marks", () => {
    const blocks = buildBlocks(20, [{ start: 2, end: 6 }, { start: 6, end: 9 }], null, []);
    expect(blocks.filter((b) => b.role === "focus").map((b) => [b.start, b.end])).toEqual([[2, 6], [6, 9]]);
  });

  it("keeps a focus passage whole even when other passages cut through it", () => {
    const blocks = buildBlocks(30, [{ start: 10, end: 20 }], null, [
      { event: "b", start: 5, end: 15 },
      { event: "c", start: 18, end: 25 },
    ]);
    const focus = blocks.filter((b) => b.role === "focus");
    expect(focus).toHaveLength(1);
    expect([focus[0].start, focus[0].end]).toEqual([10, 20]);
    expect(focus[0].pieces.map((p) => [p.start, p.end, p.others])).toEqual([
      [10, 15, ["b"]],
      [15, 18, []],
      [18, 20, ["c"]],
    ]);
    // The blocks tile the whole text in order.
    expect(blocks.map((b) => [b.start, b.end])).toEqual([[0, 10], [10, 20], [20, 30]]);
  });

  it("shows a search hit only where no focus passage is", () => {
    const blocks = buildBlocks(20, [{ start: 4, end: 8 }], { start: 6, end: 12 }, []);
    expect(blocks.map((b) => [b.role, b.start, b.end])).toEqual([
      ["plain", 0, 4],
      ["focus", 4, 8],
      ["hit", 8, 12],
      ["plain", 12, 20],
    ]);
  });
});

describe("English paragraphs in a Chinese article", () => {
  it("cuts a run where an English paragraph begins and ends", () => {
    const parts = byLanguage(0, 30, [{ start: 10, end: 20 }]);
    expect(parts).toEqual([
      { start: 0, end: 10, english: false },
      { start: 10, end: 20, english: true },
      { start: 20, end: 30, english: false },
    ]);
  });

  it("keeps a run whole when no English paragraph touches it, and clips one that overlaps its end", () => {
    expect(byLanguage(0, 8, [{ start: 12, end: 20 }])).toEqual([{ start: 0, end: 8, english: false }]);
    expect(byLanguage(15, 25, [{ start: 10, end: 20 }, { start: 22, end: 40 }])).toEqual([
      { start: 15, end: 20, english: true },
      { start: 20, end: 22, english: false },
      { start: 22, end: 25, english: true },
    ]);
  });
});
