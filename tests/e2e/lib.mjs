// Helpers shared by the browser tests: finding things through the API so that every test states
// its expectation from the core's own answer, never from a hand-written list.
import { expect } from "./harness.mjs";

export const NO_FILTER = { entities: [], from: null, to: null, kinds: [], statuses: [], articles: [], hidden: false };

/** The whole timeline, failing with a clear sentence when the corpus produced no events. */
export async function allEvents(api, need = 1) {
  const tl = await api({ cmd: "timeline", args: { filter: NO_FILTER } });
  expect(
    tl.events.length >= need,
    `the core's timeline has ${tl.events.length} events; this test needs at least ${need} (are the events/dates/entities stages merged?)`,
  );
  return tl;
}

/** The entity the corpus knows as `name` (any name or alias, case-insensitive). */
export function findEntity(tl, name) {
  const want = name.toLowerCase();
  const e = tl.entities.find((x) => [x.name, x.name_zh, x.id, ...x.aliases].some((n) => n && n.toLowerCase() === want));
  expect(
    e,
    `the core should know an entity called ${name}; it knows ${tl.entities.length}: ${tl.entities.slice(0, 30).map((x) => x.name).join(", ")}`,
  );
  return e;
}

/** Ids of the event items the list currently renders (the list is virtualised). */
export async function renderedEventIds(page) {
  return page.getByTestId("event-item").evaluateAll((els) => els.map((e) => e.getAttribute("data-event-id")));
}

/** Wait until the timeline shows `n` events under its filter. */
export async function waitForCount(page, n, what) {
  try {
    await page.locator(`[data-testid="timeline"][data-event-count="${n}"]`).waitFor({ timeout: 10_000 });
  } catch {
    const shown = await page.getByTestId("timeline").getAttribute("data-event-count");
    throw new Error(`${what}: the timeline should list ${n} events, it lists ${shown}`);
  }
}

/** Minimal RFC 4180 parser (quoted cells, doubled quotes, CRLF or LF, optional BOM). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
