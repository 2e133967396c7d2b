// The whole window in jsdom over the fake backend: what a reader clicks and what they then see.
import { beforeEach, describe, expect, it } from "vitest";
import { Actions } from "../src/actions";
import { App } from "../src/app";
import { BackendError } from "../src/backend/index";
import { Store, type Persist } from "../src/store";
import { FakeBackend, toScript } from "./fake";

const tick = () => new Promise((r) => setTimeout(r, 0));
const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
/** Let answers arrive and the views render, then one frame for what they place after layout
 * (the reader's margin markers): ticks alone raced the frame on a busy machine. */
async function settle() {
  for (let i = 0; i < 4; i++) await tick();
  await frame();
  await tick();
}

function memory(): Persist {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

let current: App | null = null;

async function open(opts: { events?: number; disk?: Persist; language?: string } = {}) {
  const fake = new FakeBackend({ events: opts.events ?? 120, seed: 11 });
  const store = new Store(opts.disk ?? memory(), { language: opts.language ?? "en-US" });
  const actions = new Actions(store, fake);
  const root = document.createElement("div");
  document.body.replaceChildren(root);
  current?.unmount();
  current = new App(actions);
  current.mount(root);
  await actions.init();
  await settle();
  const q = (id: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  return { fake, store, actions, root, q };
}

function key(k: string, target: EventTarget = document.body) {
  target.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
}

beforeEach(() => {
  document.title = "";
});

describe("article list and reader", () => {
  it("lists every article and shows the one clicked", async () => {
    const { q, fake } = await open();
    const items = q("article-item");
    expect(items.map((i) => i.dataset.articleId)).toEqual(fake.corpus.articles.map((a) => a.id));
    items[2].click();
    await settle();
    const text = q("reader-text")[0];
    expect(text.dataset.articleId).toBe(fake.corpus.articles[2].id);
    expect(text.textContent).toBe(fake.corpus.views[fake.corpus.articles[2].id].text);
  });

  it("inserts article text as text, never as markup", async () => {
    const { q, fake, actions } = await open();
    const id = fake.corpus.articles[0].id;
    fake.corpus.views[id] = { ...fake.corpus.views[id], text: '<img src=x onerror="alert(1)">數據中心', passages: [] };
    await actions.readArticle(id);
    await settle();
    const text = q("reader-text")[0];
    expect(text.querySelector("img")).toBeNull();
    expect(text.textContent).toBe('<img src=x onerror="alert(1)">數據中心');
  });

  it("names the files that could not be read, and still lists the others", async () => {
    const fake = new FakeBackend({ events: 10, seed: 1 });
    fake.issues = [{ file: "broken.bin", code: "binary_file", message: "broken.bin: a binary file, not text" }];
    const store = new Store(memory(), { language: "en-US" });
    const actions = new Actions(store, fake);
    const root = document.createElement("div");
    document.body.replaceChildren(root);
    current?.unmount();
    current = new App(actions);
    current.mount(root);
    await actions.init();
    await settle();
    const box = root.querySelector<HTMLElement>('[data-testid="load-issues"]')!;
    expect(box.hidden).toBe(false);
    expect(box.textContent).toContain("1 file could not be read");
    expect(box.querySelector('li[data-code="binary_file"]')!.textContent).toContain("broken.bin");
    expect(root.querySelectorAll('[data-testid="article-item"]').length).toBe(fake.corpus.articles.length);
  });

  it("shows an unknown article as an error with its code", async () => {
    const { root, actions } = await open();
    await actions.openArticle("nope");
    await settle();
    const box = root.querySelector<HTMLElement>('[data-testid="error"]')!;
    expect(box.hidden).toBe(false);
    expect(box.dataset.code).toBe("unknown_article");
    expect(box.textContent).toContain("That article is not in this corpus.");
    root.querySelector<HTMLElement>('[data-testid="error-dismiss"]')!.click();
    expect(box.hidden).toBe(true);
  });
});

describe("timeline", () => {
  it("renders only a window of a 10,000-event list", async () => {
    const { q } = await open({ events: 10_000 });
    const tl = q("timeline")[0];
    expect(tl.dataset.eventCount).toBe("10000");
    const rendered = q("event-item").length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
  });

  it("shows date label, kind, status, source count, entities and a conflict mark", async () => {
    const { q, fake } = await open();
    const conflicted = fake.corpus.events.find((e) => e.conflicts.length && e.date?.precision === "day");
    for (const item of q("event-item")) {
      const e = fake.corpus.events.find((x) => x.id === item.dataset.eventId)!;
      expect(item.querySelector(".event-date")!.textContent).toBe(e.date ? e.date.label : "Undated");
      expect(item.querySelector('[data-testid="status-badge"]')!.className).toContain(e.status);
      expect(item.querySelector(".event-sources")!.textContent).toBe(e.sources.length === 1 ? "1 source" : `${e.sources.length} sources`);
      expect([...item.querySelectorAll<HTMLElement>('[data-testid="event-entity"]')].map((x) => x.dataset.entityId)).toEqual(e.entities);
      expect(!!item.querySelector('[data-testid="conflict-mark"]')).toBe(e.conflicts.length > 0);
    }
    expect(conflicted).toBeDefined();
  });

  it("moves the selection with j/k and the arrow keys when focused", async () => {
    const { q, store, actions } = await open();
    const tl = q("timeline")[0];
    key("ArrowDown", tl);
    await settle();
    const first = actions.events()[0].id;
    expect(store.get().selected).toBe(first);
    key("j", tl);
    await settle();
    expect(store.get().selected).toBe(actions.events()[1].id);
    key("k", tl);
    expect(store.get().selected).toBe(first);
    expect(tl.getAttribute("aria-activedescendant")).toBe(`ev-${first}`);
  });
});

describe("filters", () => {
  it("filters by an entity chip, found by any alias, and says so in the bar and the title", async () => {
    const disk = memory();
    const { q, root, fake, actions } = await open({ disk });
    const search = root.querySelector<HTMLInputElement>('[data-testid="entity-search"]')!;
    search.value = "汪滔";
    search.dispatchEvent(new Event("input"));
    const chips = q("entity-chip");
    expect(chips.map((c) => c.dataset.entityId)).toEqual(["alexandr-wang"]);
    chips[0].click();
    await settle();
    const expected = fake.corpus.events.filter((e) => e.entities.includes("alexandr-wang")).length;
    expect(q("timeline")[0].dataset.eventCount).toBe(String(expected));
    for (const item of q("event-item")) {
      const ids = [...item.querySelectorAll<HTMLElement>('[data-testid="event-entity"]')].map((x) => x.dataset.entityId);
      expect(ids).toContain("alexandr-wang");
    }
    expect(document.title).toContain("Alexandr Wang");
    expect(q("filter-pill").map((p) => p.firstChild!.textContent)).toEqual(["Alexandr Wang"]);
    expect(q("event-count")[0].textContent).toBe(`${expected} of ${fake.corpus.events.length} events`);
    // Survives a restart.
    const again = await open({ disk });
    expect(again.store.get().filter.entities).toEqual(["alexandr-wang"]);
    expect(again.q("timeline")[0].dataset.eventCount).toBe(String(expected));
    void actions;
  });

  it("combines entity, kind, status and date range, and clears all", async () => {
    const { q, store, fake, root } = await open();
    q("entity-chip").find((c) => c.dataset.entityId === "meta")!.click();
    const kind = q("kind-chip")[0];
    kind.click();
    q("status-chip").find((c) => c.dataset.status === "reported")!.click();
    const from = root.querySelector<HTMLInputElement>('[data-testid="filter-from"]')!;
    from.value = "2024-01-01";
    from.dispatchEvent(new Event("change"));
    await settle();
    const f = store.get().filter;
    expect(f).toMatchObject({ entities: ["meta"], kinds: [kind.dataset.kind], statuses: ["reported"], from: "2024-01-01" });
    const want = fake.corpus.events.filter(
      (e) => e.entities.includes("meta") && e.kind === kind.dataset.kind && e.status === "reported" && e.date && e.date.end >= "2024-01-01",
    );
    expect(q("timeline")[0].dataset.eventCount).toBe(String(want.length));
    q("clear-filters")[0].click();
    await settle();
    expect(q("timeline")[0].dataset.eventCount).toBe(String(fake.corpus.events.length));
    expect(document.title).toBe("Storyline");
  });

  it("counts each entity's events under the current filter", async () => {
    const { q, fake } = await open();
    q("status-chip").find((c) => c.dataset.status === "planned")!.click();
    await settle();
    const chip = q("entity-chip").find((c) => c.dataset.entityId === "meta")!;
    const n = fake.corpus.events.filter((e) => e.status === "planned" && e.entities.includes("meta")).length;
    expect(chip.querySelector(".n")!.textContent).toBe(String(n));
  });
});

describe("selecting an event", () => {
  it("highlights exactly its source passage in the reader, also past astral characters and in another script", async () => {
    const { q, fake, actions, store } = await open();
    // An event whose passage comes after an astral character in its article.
    const ev = fake.corpus.events.find((e) =>
      e.sources.some((s) => /[\uD800-\uDFFF]/.test([...fake.corpus.views[s.article].text].slice(0, s.start).join(""))),
    )!;
    const k = ev.sources.findIndex((s) => /[\uD800-\uDFFF]/.test([...fake.corpus.views[s.article].text].slice(0, s.start).join("")));
    await actions.selectEvent(ev.id, { source: k });
    await settle();
    const marks = q("passage-highlight");
    const src = ev.sources[k];
    expect(q("reader-text")[0].dataset.articleId).toBe(src.article);
    expect(marks.map((m) => m.textContent)).toContain(src.quote);
    expect(q("source-tab").map((t) => t.dataset.articleId)).toEqual(ev.sources.map((s) => s.article));
    q("script-hans")[0].click();
    await settle();
    expect(store.get().reader.script).toBe("hans");
    expect(q("passage-highlight").map((m) => m.textContent)).toContain(toScript(src.quote, "hans"));
  });

  it("marks the article's other events in the margin; clicking one selects it", async () => {
    const { q, fake, actions, store } = await open();
    const ev = fake.corpus.events[0];
    await actions.selectEvent(ev.id);
    await settle();
    const markers = q("margin-marker");
    const view = fake.corpus.views[ev.sources[0].article];
    const others = new Set(view.passages.filter((p) => p.event !== ev.id).map((p) => p.event));
    expect(new Set(markers.map((m) => m.dataset.eventId))).toEqual(others);
    markers[0].click();
    await settle();
    expect(store.get().selected).toBe(markers[0].dataset.eventId);
  });
});

describe("search", () => {
  it("finds simplified text from a traditional query and opens the reader at the hit, selecting its events", async () => {
    const { q, root, store } = await open();
    const input = root.querySelector<HTMLInputElement>('[data-testid="search-input"]')!;
    key("k", document.body);
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "k", ctrlKey: true, bubbles: true }));
    expect(document.activeElement).toBe(input);
    input.value = "數據中心";
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    await settle();
    const results = q("search-result");
    expect(results.length).toBeGreaterThan(0);
    expect(results[0].querySelector("mark")!.textContent).toBe("數據中心");
    const events = results[0].dataset.events!.split(" ").filter(Boolean);
    results[0].click();
    await settle();
    expect(q("reader-text")[0].dataset.articleId).toBe(results[0].dataset.articleId);
    expect(q("search-results")[0].hidden).toBe(true);
    if (events.length) {
      expect([store.get().selected, ...store.get().related]).toEqual(events);
      expect(q("passage-highlight").length).toBeGreaterThan(0);
    } else {
      expect(q("search-highlight")[0].textContent).toBe("數據中心");
    }
  });
});

describe("story mode", () => {
  it("steps forward and back with j/k and the arrows, within the filter", async () => {
    const { q, actions, store } = await open();
    q("status-chip").find((c) => c.dataset.status === "reported")!.click();
    q("story-mode")[0].click();
    await settle();
    const order = actions.events().map((e) => e.id);
    expect(order.length).toBeGreaterThan(3);
    const card = () => q("story-card")[0];
    expect(card().dataset.eventId).toBe(order[0]);
    expect(q("story-position")[0].textContent).toBe(`1 / ${order.length}`);
    key("j");
    await settle();
    expect(card().dataset.eventId).toBe(order[1]);
    key("ArrowRight");
    await settle();
    expect(card().dataset.eventId).toBe(order[2]);
    key("k");
    key("ArrowLeft");
    await settle();
    expect(card().dataset.eventId).toBe(order[0]);
    key("k");
    await settle();
    expect(card().dataset.eventId).toBe(order[0]);
    expect(q("story-quote").map((b) => b.firstChild!.textContent)).toEqual(actions.eventById(order[0])!.sources.map((s) => s.quote));
    key("Escape");
    await settle();
    expect(store.get().story).toBe(false);
    expect(q("timeline")[0].hidden).toBe(false);
  });
});

describe("export", () => {
  it("saves the chosen format under the current filter", async () => {
    const { q, fake } = await open();
    q("entity-chip").find((c) => c.dataset.entityId === "alexandr-wang")!.click();
    q("export-button")[0].click();
    await settle();
    expect(q("export-dialog")[0].hasAttribute("open")).toBe(true);
    const csv = q("export-format-csv")[0] as HTMLInputElement;
    csv.checked = true;
    csv.dispatchEvent(new Event("change"));
    q("export-save")[0].closest("form")!.dispatchEvent(new Event("submit", { cancelable: true }));
    await settle();
    expect(fake.saved).toHaveLength(1);
    expect(fake.saved[0].format).toBe("csv");
    expect(fake.saved[0].filter.entities).toEqual(["alexandr-wang"]);
    expect(q("export-status")[0].textContent).toBe("Saved storyline.csv");
  });

  it("explains a failed export by its code and keeps the dialog open", async () => {
    const { q, fake } = await open();
    fake.saveExport = async () => {
      throw new BackendError({ code: "bad_format", message: "export format Ics is not available yet" });
    };
    q("export-button")[0].click();
    q("export-save")[0].closest("form")!.dispatchEvent(new Event("submit", { cancelable: true }));
    await settle();
    expect(q("export-status")[0].textContent).toBe("This export format is not available. export format Ics is not available yet");
    expect(q("export-dialog")[0].hasAttribute("open")).toBe(true);
  });
});

describe("language and theme", () => {
  it("follows a Chinese system and switches to English and back", async () => {
    const { q, root } = await open({ language: "zh-TW" });
    expect(document.documentElement.lang).toBe("zh-Hant");
    expect(q("timeline-group")[0].textContent).toMatch(/年/);
    expect(q("export-button")[0].textContent).toBe("匯出");
    q("lang-toggle")[0].click();
    await settle();
    expect(document.documentElement.lang).toBe("en");
    expect(q("export-button")[0].textContent).toBe("Export");
    expect(root.querySelector(".event-title")!.textContent).toMatch(/^Event|^事件/);
  });

  it("switches between light and dark", async () => {
    const { q } = await open();
    expect(document.documentElement.dataset.theme).toBe("light");
    q("theme-toggle")[0].click();
    expect(document.documentElement.dataset.theme).toBe("dark");
  });
});

describe("search while typing", () => {
  it("keeps one request in flight and answers for the latest text only", async () => {
    const { fake, actions, store, q } = await open();
    fake.delay = 20;
    const before = fake.calls.filter((c) => c.cmd === "search").length;
    const typed = ["數", "數據", "數據中", "數據中心"];
    const all = typed.map((t) => actions.search(t));
    await Promise.all(all);
    await new Promise((r) => setTimeout(r, 80));
    const sent = fake.calls.filter((c) => c.cmd === "search").slice(before).map((c) => (c.cmd === "search" ? c.args.query : ""));
    expect(sent).toEqual(["數", "數據中心"]);
    expect(store.get().search.query).toBe("數據中心");
    expect(store.get().search.loading).toBe(false);
    expect(q("search-result")[0].querySelector("mark")!.textContent).toBe("數據中心");
  });
});
