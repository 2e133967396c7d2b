// The generated corpus the figure scripts (bench.mjs, profile_filter.mjs) serve in place of the API,
// and where they find the CLI and the built UI. `--events N` sets its size (default 10,000).
import path from "node:path";
import { generateCorpus } from "../../ui/test/fixtures/corpus.js";
import { ROOT } from "./harness.mjs";

export function generatedSetup(args) {
  const ei = args.indexOf("--events");
  const N = ei >= 0 ? Number(args[ei + 1]) : 10_000;
  const corpus = generateCorpus({ events: N, seed: 5 });
  const timeline = JSON.stringify({
    schema: "storyline.timeline/1", generated: "2026-01-01T00:00:00Z",
    filter: { entities: [], from: null, to: null, kinds: [], statuses: [], articles: [] },
    articles: corpus.articles, entities: corpus.entities, events: corpus.events,
  });
  return {
    N,
    corpus,
    timeline,
    bin: path.resolve(ROOT, process.env.STORYLINE_BIN ?? "target/debug/storyline"),
    uiDir: path.resolve(ROOT, process.env.STORYLINE_UI ?? "ui/dist"),
  };
}
