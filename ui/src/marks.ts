/**
 * Performance marks of start-up, read by the real-window test and tests/desktop/launch_time.py to
 * say where the time from launch to the first painted timeline goes.
 */

/** The page's script starts running. */
export const SCRIPT_STARTED = "storyline:script-started";
/** The backend answered the first timeline request. */
export const TIMELINE_RECEIVED = "storyline:timeline-received";
/** The first timeline with events is in the DOM (the page's own work is done; layout and paint are next). */
export const TIMELINE_RENDERED = "storyline:timeline-rendered";
/** The first timeline with events is on screen. */
export const TIMELINE_PAINTED = "storyline:timeline-painted";

/**
 * Mark the first painted timeline and log the start-up marks on one console line, as epoch
 * milliseconds, with the first event's place in the window (`storyline:launch {"script-started": …,
 * "first-event": [x, y, width, height]}`): the desktop shell can send the console to standard error,
 * where tests/desktop/launch_time.py reads how long the launch took.
 */
export function markPainted(): void {
  performance.mark(TIMELINE_PAINTED);
  const at: Record<string, number> = {};
  const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  at["page-started"] = 0;
  if (nav) at["html-received"] = nav.responseEnd;
  for (const name of [SCRIPT_STARTED, TIMELINE_RECEIVED, TIMELINE_RENDERED, TIMELINE_PAINTED]) {
    const entry = performance.getEntriesByName(name)[0];
    if (entry) at[name.replace("storyline:", "")] = entry.startTime;
  }
  for (const k of Object.keys(at)) at[k] = Math.round((performance.timeOrigin + at[k]) * 10) / 10;
  // Where the first event is, so that a measurement can watch those pixels reach the screen.
  const first = document.querySelector('[data-testid="event-item"]')?.getBoundingClientRect();
  const place = first ? [first.left, first.top, first.width, first.height].map(Math.round) : null;
  console.info(`storyline:launch ${JSON.stringify({ ...at, "first-event": place })}`);
}
