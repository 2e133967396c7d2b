/**
 * Performance marks of start-up, read by the real-window test and tests/desktop/launch_time.py to
 * say where the time from launch to the first painted timeline goes.
 */

/** The page's script starts running. */
export const SCRIPT_STARTED = "storyline:script-started";
/** The backend answered the first timeline request. */
export const TIMELINE_RECEIVED = "storyline:timeline-received";
/** The first timeline with events is on screen. */
export const TIMELINE_PAINTED = "storyline:timeline-painted";
