// Self time per function of a DevTools CPU profile, shared by the profile_*.mjs diagnosis scripts.
import path from "node:path";

/** Add each function's self time in `profile` (µs, times `weight`) into `into`, keyed by name and place. */
export function addSelfTimes(into, profile, weight = 1) {
  const dt = new Map();
  for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${path.basename(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    into.set(key, (into.get(key) ?? 0) + (dt.get(n.id) ?? 0) * weight);
  }
  return into;
}

/** Print the total and the `n` functions with the most self time. */
export function printTop(title, self, n = 25) {
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`${title}: ${(total / 1000).toFixed(0)} ms sampled`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${(v / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}
