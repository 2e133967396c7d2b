// Run the browser end-to-end tests against a built `storyline` binary and the built UI:
//   node tests/e2e/run.mjs [--grep TEXT]
// STORYLINE_BIN (default target/debug/storyline), STORYLINE_UI (default ui/dist), CHROMIUM
// (default /usr/bin/chromium). Builds nothing. Ends with "N passed, N failed"; non-zero on failure.
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { HERE, ROOT, run } from "./harness.mjs";

const args = process.argv.slice(2);
const gi = args.indexOf("--grep");
const grep = gi >= 0 ? args[gi + 1] : process.env.E2E_GREP;
const bin = path.resolve(ROOT, process.env.STORYLINE_BIN ?? "target/debug/storyline");
const uiDir = path.resolve(ROOT, process.env.STORYLINE_UI ?? "ui/dist");

const tests = [];
for (const f of readdirSync(HERE).filter((f) => f.endsWith(".test.mjs")).sort()) {
  const mod = await import(pathToFileURL(path.join(HERE, f)).href);
  for (const t of mod.tests) tests.push({ ...t, name: `${f.replace(/\.test\.mjs$/, "")}: ${t.name}` });
}
process.exit(await run(tests, { bin, uiDir, grep }));
