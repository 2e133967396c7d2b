import { describe, expect, it } from "vitest";
import { VirtualList } from "../src/views/virtualList";

function scroller(height: number) {
  const el = document.createElement("div");
  let top = 0;
  Object.defineProperty(el, "clientHeight", { get: () => height });
  Object.defineProperty(el, "scrollTop", { get: () => top, set: (v: number) => {
      top = v;
    } });
  return el;
}

describe("virtual list", () => {
  const rows = Array.from({ length: 10_000 }, (_, i) => ({ id: i, group: i % 50 === 0 }));
  const make = (el: HTMLElement) =>
    new VirtualList<{ id: number; group: boolean }>(el, {
      height: (r) => (r.group ? 30 : 80),
      key: (r) => String(r.id),
      render: (r) => Object.assign(document.createElement("div"), { textContent: String(r.id) }),
      overscan: 0,
    });

  it("is as tall as all rows and renders only those in view", () => {
    const el = scroller(400);
    const list = make(el);
    list.setRows(rows);
    expect(list.spacer.style.height).toBe(`${200 * 30 + 9800 * 80}px`);
    const shown = list.liveElements().map((e) => Number(e.textContent));
    expect(shown[0]).toBe(0);
    expect(shown.length).toBeLessThanOrEqual(7);
  });

  it("renders the last rows after scrolling to the end, placed at their offsets", () => {
    const el = scroller(400);
    const list = make(el);
    list.setRows(rows);
    list.scrollToIndex(9_999, "nearest");
    const shown = list.liveElements().map((e) => Number(e.textContent)).sort((a, b) => a - b);
    expect(shown[shown.length - 1]).toBe(9_999);
    const last = list.liveElements().find((e) => e.textContent === "9999")!;
    expect(last.style.top).toBe(`${200 * 30 + 9799 * 80}px`);
    expect(list.indexAt(200 * 30 + 9799 * 80 + 5)).toBe(9_999);
  });

  it("centres a row on request", () => {
    const el = scroller(400);
    const list = make(el);
    list.setRows(rows);
    list.scrollToIndex(5_001, "center");
    const top = 101 * 30 + (5_001 - 101) * 80;
    expect(el.scrollTop).toBe(top - (400 - 80) / 2);
  });
});
