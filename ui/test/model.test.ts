import { describe, expect, it } from "vitest";
import type { EventInfo } from "../src/bindings/EventInfo";
import { Density, dayNumber, isoOfDay } from "../src/model/density";
import { applyFilter, emptyFilter, matches, restrictFilter, sanitizeFilter } from "../src/model/filter";
import { anyContains, fold } from "../src/model/fold";
import { groupEvents } from "../src/model/groups";
import { generateCorpus } from "./fixtures/corpus.js";

const corpus = generateCorpus({ events: 400, seed: 3 }) as unknown as { events: EventInfo[] };

function ev(id: string, date: EventInfo["date"], extra: Partial<EventInfo> = {}): EventInfo {
  return { id, kind: "hire", status: "reported", date, title: { zh: id, en: id }, entities: [], named: [], sources: [], conflicts: [], money: null, hidden: false, edited: [], ...extra };
}
const d = (start: string, end: string, precision: NonNullable<EventInfo["date"]>["precision"], label = start): EventInfo["date"] => ({
  start, end, precision, edtf: start, label, label_zh: label,
});

describe("timeline grouping", () => {
  const events = [
    ev("late", d("2025-06-30", "2025-06-30", "day")),
    ev("mid", d("2025-06-11", "2025-06-20", "xun", "mid-June 2025")),
    ev("year", d("2025-01-01", "2025-12-31", "year")),
    ev("none", null),
    ev("jan", d("2025-01-15", "2025-01-15", "day")),
    ev("q3", d("2025-07-01", "2025-09-30", "quarter")),
    ev("plan", d("2026-01-01", "2026-12-31", "year", "2026 (planned)"), { status: "planned" }),
  ];

  it("puts fine dates in their month and vaguer ones in bands, undated last", () => {
    const { rows, ordered } = groupEvents(events, "en");
    const groups = rows.filter((r) => r.type === "group").map((r) => (r.type === "group" ? [r.label, r.band, r.count] : null));
    expect(groups).toEqual([
      ["2025", true, 1],
      ["January 2025", false, 1],
      ["June 2025", false, 2],
      ["Q3 2025", true, 1],
      ["2026", true, 1],
      ["Undated", true, 1],
    ]);
    expect(ordered.map((e) => e.id)).toEqual(["year", "jan", "mid", "late", "q3", "plan", "none"]);
  });

  it("labels groups in Chinese", () => {
    const labels = groupEvents(events, "zh").rows.flatMap((r) => (r.type === "group" ? [r.label] : []));
    expect(labels).toEqual(["2025年", "2025年1月", "2025年6月", "2025年第三季", "2026年", "日期不明"]);
  });

  it("labels a band of several years by its span", () => {
    const span = ev("span", { start: "2013-01-01", end: "2018-12-31", precision: "year", edtf: "2013/2018", label: "2013–2018", label_zh: "2013年至2018年" });
    const label = (lang: "en" | "zh") => groupEvents([span], lang).rows.flatMap((r) => (r.type === "group" ? [r.label] : []));
    expect(label("en")).toEqual(["2013–2018"]);
    expect(label("zh")).toEqual(["2013年至2018年"]);
  });

  it("never invents a day: an event dated to a quarter is not in any month group", () => {
    const { rows } = groupEvents(corpus.events, "en");
    let group = "";
    for (const r of rows) {
      if (r.type === "group") group = r.band ? "band" : "month";
      else if (r.event.date && ["quarter", "half", "year", "vague"].includes(r.event.date.precision)) expect(group).toBe("band");
      else if (r.event.date) expect(group).toBe("month");
    }
  });
});

describe("filter", () => {
  const a = ev("a", d("2025-06-01", "2025-06-30", "month"), { entities: ["wang", "meta"], kind: "hire", sources: [{ article: "x", start: 0, end: 1, quote: "" }] });
  const b = ev("b", d("2025-08-01", "2025-08-01", "day"), { entities: ["meta"], kind: "investment", status: "rumoured", sources: [{ article: "y", start: 0, end: 1, quote: "" }] });
  const c = ev("c", null, { entities: ["wang"] });

  it("keeps events involving all chosen entities", () => {
    expect(applyFilter([a, b, c], { ...emptyFilter(), entities: ["wang"] }).map((e) => e.id)).toEqual(["a", "c"]);
    expect(applyFilter([a, b, c], { ...emptyFilter(), entities: ["wang", "meta"] }).map((e) => e.id)).toEqual(["a"]);
    // A person a passage names, without acting in it, keeps the event too (the core's rule).
    const deal = ev("deal", null, { entities: ["meta"], named: ["wang"] });
    expect(applyFilter([deal, b], { ...emptyFilter(), entities: ["wang"] }).map((e) => e.id)).toEqual(["deal"]);
  });

  it("keeps any of several kinds, statuses or articles", () => {
    expect(applyFilter([a, b, c], { ...emptyFilter(), kinds: ["investment", "hire"] }).map((e) => e.id)).toEqual(["a", "b", "c"]);
    expect(applyFilter([a, b, c], { ...emptyFilter(), statuses: ["rumoured"] }).map((e) => e.id)).toEqual(["b"]);
    expect(applyFilter([a, b, c], { ...emptyFilter(), articles: ["y", "x"] }).map((e) => e.id)).toEqual(["a", "b"]);
  });

  it("keeps events whose range overlaps the date range; undated ones only without a range", () => {
    expect(matches(a, { ...emptyFilter(), from: "2025-06-30" })).toBe(true);
    expect(matches(a, { ...emptyFilter(), from: "2025-07-01" })).toBe(false);
    expect(matches(b, { ...emptyFilter(), to: "2025-07-31" })).toBe(false);
    expect(matches(c, { ...emptyFilter(), to: "2030-01-01" })).toBe(false);
    expect(matches(c, emptyFilter())).toBe(true);
  });

  it("combines criteria", () => {
    const f = { ...emptyFilter(), entities: ["meta"], kinds: ["investment" as const], from: "2025-01-01" };
    expect(applyFilter([a, b, c], f).map((e) => e.id)).toEqual(["b"]);
  });

  it("accepts only well-formed parts of a stored filter", () => {
    expect(sanitizeFilter({ entities: ["x", 3], kinds: ["hire", "nope"], statuses: ["planned"], from: "2025-13", to: "2025-06-30" })).toEqual({
      entities: ["x"], from: null, to: "2025-06-30", kinds: ["hire"], statuses: ["planned"], articles: [], hidden: false,
    });
    expect(sanitizeFilter("garbage")).toEqual(emptyFilter());
  });

  it("drops ids the corpus no longer has", () => {
    const f = { ...emptyFilter(), entities: ["gone", "wang"], articles: ["x"] };
    expect(restrictFilter(f, new Set(["wang"]), new Set(["x"]))).toEqual({ ...f, entities: ["wang"] });
  });
});

describe("name folding", () => {
  it("ignores width, case and separators", () => {
    expect(fold("Ａｌｅｘａｎｄｒ  Wang")).toBe("alexandrwang");
    expect(anyContains(["亞歷山大·王"], "亞歷山大王")).toBe(true);
    expect(anyContains(["Scale AI", null], "scale")).toBe(true);
    expect(anyContains(["Meta"], "openai")).toBe(false);
  });
});

describe("density", () => {
  it("round-trips days and ISO dates", () => {
    expect(isoOfDay(dayNumber("2025-06-30"))).toBe("2025-06-30");
    expect(dayNumber("2025-07-01") - dayNumber("2025-06-30")).toBe(1);
  });

  it("spreads each dated event's weight of one over its range", () => {
    const events = [ev("x", d("2025-06-01", "2025-06-30", "month")), ev("y", d("2025-06-15", "2025-06-15", "day")), ev("z", null)];
    const dens = new Density(events);
    expect(dens.dated).toBe(2);
    const all = dens.weight(dayNumber("2025-01-01"), dayNumber("2026-01-01"));
    expect(all).toBeCloseTo(2, 9);
    // Half of June holds half of the month event, plus the day event.
    expect(dens.weight(dayNumber("2025-06-01"), dayNumber("2025-06-16"))).toBeCloseTo(0.5 + 1, 9);
  });

  it("bins sum to the weight of the viewed range at any zoom", () => {
    const dens = new Density(corpus.events);
    const v0 = dayNumber("2024-03-10");
    const v1 = dayNumber("2025-02-01");
    for (const n of [1, 7, 333]) {
      const bins = dens.bins(v0, v1, n);
      expect(bins.reduce((s, x) => s + x, 0)).toBeCloseTo(dens.weight(v0, v1), 6);
    }
    const dated = corpus.events.filter((e) => e.date).length;
    expect(dens.weight(dens.first! - 1, dens.last! + 2)).toBeCloseTo(dated, 6);
  });
});
