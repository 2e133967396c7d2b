import { describe, expect, it } from "vitest";
import { Actions } from "../src/actions";
import { Store } from "../src/store";
import { Overview } from "../src/views/overview";
import { dayNumber, isoOfDay } from "../src/model/density";
import { FakeBackend } from "./fake";

function pointer(type: string, clientX: number) {
  const e = new MouseEvent(type, { clientX, button: 0, bubbles: true });
  Object.defineProperty(e, "pointerId", { value: 1 });
  return e;
}

async function setup() {
  const store = new Store(null, { language: "en" });
  const actions = new Actions(store, new FakeBackend({ events: 300, seed: 2 }));
  await actions.init();
  const o = new Overview(actions);
  document.body.replaceChildren(o.el);
  o.update(store.get());
  const canvas = o.el.querySelector("canvas")!;
  canvas.getBoundingClientRect = () => ({ left: 0, top: 0, width: 1000, height: 80, right: 1000, bottom: 80, x: 0, y: 0, toJSON() {} });
  return { store, o, canvas };
}

describe("overview", () => {
  it("brushing a stretch of the axis sets the filter's date range to that stretch", async () => {
    const { store, canvas } = await setup();
    canvas.dispatchEvent(pointer("pointerdown", 250));
    canvas.dispatchEvent(pointer("pointermove", 500));
    canvas.dispatchEvent(pointer("pointerup", 500));
    const { from, to } = store.get().filter;
    expect(from).not.toBeNull();
    expect(to).not.toBeNull();
    // A quarter of the view's width apart: the view spans the corpus' dated range plus padding.
    const events = store.get().timeline!.events.filter((e) => e.date);
    const first = Math.min(...events.map((e) => dayNumber(e.date!.start)));
    const last = Math.max(...events.map((e) => dayNumber(e.date!.end)));
    const pad = Math.max(15, (last - first) * 0.04);
    const v0 = first - pad;
    const span = last + 1 + pad - v0;
    expect(from).toBe(isoOfDay(Math.floor(v0 + span * 0.25)));
    expect(to).toBe(isoOfDay(Math.floor(v0 + span * 0.5)));
  });

  it("a click without a drag leaves the filter alone; a double click clears the range", async () => {
    const { store, canvas } = await setup();
    canvas.dispatchEvent(pointer("pointerdown", 300));
    canvas.dispatchEvent(pointer("pointerup", 301));
    expect(store.get().filter.from).toBeNull();
    store.set({ filter: { ...store.get().filter, from: "2024-01-01", to: "2024-06-30", kinds: ["hire"] } });
    canvas.dispatchEvent(new MouseEvent("dblclick", { bubbles: true }));
    expect(store.get().filter).toMatchObject({ from: null, to: null, kinds: ["hire"] });
  });

  it("describes the dated range for assistive technology", async () => {
    const { canvas } = await setup();
    expect(canvas.getAttribute("aria-label")).toMatch(/^Overview: \d+ · \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}/);
  });

  it("follows the other filters (not its own date range) once the list has painted", async () => {
    const { store, o, canvas } = await setup();
    const all = Number(/: (\d+) ·/.exec(canvas.getAttribute("aria-label")!)![1]);
    store.set({ filter: { ...store.get().filter, entities: ["alexandr-wang"], from: "2025-01-01" } });
    o.update(store.get());
    await new Promise((r) => setTimeout(r, 50));
    const his = store.get().timeline!.events.filter((e) => e.date && e.entities.includes("alexandr-wang")).length;
    expect(canvas.getAttribute("aria-label")).toContain(`: ${his} ·`);
    expect(his).toBeLessThan(all);
  });
});
