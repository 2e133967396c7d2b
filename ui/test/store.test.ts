import { describe, expect, it } from "vitest";
import { Store, type Persist } from "../src/store";

function memory(): Persist & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe("store", () => {
  it("follows the system language and colour scheme until the reader chooses", () => {
    expect(new Store(memory(), { language: "zh-TW", prefersDark: true }).get()).toMatchObject({ lang: "zh", theme: "dark" });
    expect(new Store(memory(), { language: "en-GB" }).get()).toMatchObject({ lang: "en", theme: "light" });
  });

  it("keeps filter, language and theme across a restart", () => {
    const disk = memory();
    const a = new Store(disk, { language: "en-US" });
    a.set({ filter: { ...a.get().filter, entities: ["alexandr-wang"], from: "2025-06-01" }, lang: "zh", theme: "dark" });
    const b = new Store(disk, { language: "en-US", prefersDark: false });
    expect(b.get().filter.entities).toEqual(["alexandr-wang"]);
    expect(b.get().filter.from).toBe("2025-06-01");
    expect(b.get()).toMatchObject({ lang: "zh", theme: "dark" });
  });

  it("follows the system's theme as it changes until the reader picks one, without saving it", () => {
    const disk = memory();
    const s = new Store(disk, { prefersDark: false });
    s.systemTheme("dark");
    expect(s.get().theme).toBe("dark");
    expect(disk.data.has("storyline.theme")).toBe(false);
    s.set({ theme: "light" });
    s.systemTheme("dark");
    expect(s.get().theme).toBe("light");
  });

  it("starts clean from a corrupt saved filter", () => {
    const disk = memory();
    disk.setItem("storyline.filter.v1", "{not json");
    expect(new Store(disk).get().filter.entities).toEqual([]);
  });

  it("tells subscribers the previous state", () => {
    const s = new Store(memory());
    const seen: [boolean, boolean][] = [];
    s.subscribe((now, prev) => seen.push([now.story, prev.story]));
    s.set({ story: true });
    expect(seen).toEqual([[true, false]]);
  });
});
