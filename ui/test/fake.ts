// A fake backend over the generated corpus, speaking the same Request/answer shapes as the core,
// so views can be tested with events, entities, conflicts and vague dates before the real stages land.
import type { ArticleInfo } from "../src/bindings/ArticleInfo";
import type { ArticleView } from "../src/bindings/ArticleView";
import type { EntityInfo } from "../src/bindings/EntityInfo";
import type { EventInfo } from "../src/bindings/EventInfo";
import type { Filter } from "../src/bindings/Filter";
import type { Format } from "../src/bindings/Format";
import type { Hit } from "../src/bindings/Hit";
import type { Request } from "../src/bindings/Request";
import type { TimelineView } from "../src/bindings/TimelineView";
import { BackendError, type Backend, type SaveOutcome } from "../src/backend/index";
import { applyFilter } from "../src/model/filter";
import { generateCorpus } from "./fixtures/corpus.js";

export interface FakeCorpus {
  articles: ArticleInfo[];
  entities: EntityInfo[];
  events: EventInfo[];
  views: Record<string, ArticleView>;
}

/** One-to-one character pairs (traditional, simplified) used by the fake's script conversion. */
const PAIRS: [string, string][] = [["數", "数"], ["據", "据"], ["臉", "脸"], ["報", "报"], ["導", "导"], ["與", "与"], ["則", "则"], ["億", "亿"], ["萬", "万"]];

export function toScript(text: string, script: "original" | "hant" | "hans"): string {
  if (script === "original") return text;
  let out = text;
  for (const [t, s] of PAIRS) out = script === "hans" ? out.split(t).join(s) : out.split(s).join(t);
  return out;
}

export class FakeBackend implements Backend {
  readonly corpus: FakeCorpus;
  readonly calls: Request[] = [];
  readonly saved: { format: Format; filter: Filter }[] = [];
  issues: { file: string; code: "binary_file"; message: string }[] = [];
  /** Make every call wait this many ms (to test loading states and races). */
  delay = 0;
  readonly canChooseStory = false;

  async chooseStory(): Promise<boolean> {
    return false;
  }

  constructor(opts: { events?: number; seed?: number } = {}) {
    this.corpus = generateCorpus(opts) as unknown as FakeCorpus;
  }

  private timeline(filter: Filter): TimelineView {
    return {
      schema: "storyline.timeline/1",
      generated: "2026-01-01T00:00:00Z",
      filter,
      articles: this.corpus.articles,
      entities: this.corpus.entities,
      events: applyFilter(this.corpus.events, filter),
    };
  }

  async call<R>(req: Request): Promise<R> {
    this.calls.push(req);
    if (this.delay) await new Promise((r) => setTimeout(r, this.delay));
    switch (req.cmd) {
      case "articles":
        return this.corpus.articles as R;
      case "entities":
        return this.corpus.entities as R;
      case "article": {
        const v = this.corpus.views[req.args.id];
        if (!v) throw new BackendError({ code: "unknown_article", message: `no article with id ${req.args.id}` });
        return { ...v, text: toScript(v.text, req.args.script) } as R;
      }
      case "timeline":
        return this.timeline(req.args.filter) as R;
      case "search": {
        const q = toScript(req.args.query.trim(), "hans");
        const hits: Hit[] = [];
        if (!q) return hits as R;
        for (const v of Object.values(this.corpus.views)) {
          const chars = [...toScript(v.text, "hans")];
          const qc = [...q];
          for (let i = 0; i + qc.length <= chars.length && hits.length < (req.args.limit ?? 50); i++) {
            if (qc.every((c, k) => chars[i + k] === c)) {
              const start = Math.max(0, i - 8);
              const end = Math.min(chars.length, i + qc.length + 8);
              const events = v.passages.filter((p) => p.start <= i && p.end >= i + qc.length).map((p) => p.event);
              hits.push({ article: v.info.id, start, end, snippet: [...v.text].slice(start, end).join(""), highlights: [[i, i + qc.length]], score: 1, events });
            }
          }
        }
        return hits as R;
      }
      case "export": {
        const events = applyFilter(this.corpus.events, req.args.filter);
        return { filename: "storyline.csv", mime: "text/csv", content: events.map((e) => e.id).join("\n") } as R;
      }
      case "issues":
        return this.issues as R;
      case "edits":
        return { edits: [], undo: null, redo: null, writable: false, read_only_reason: "a fake story" } as R;
      default:
        throw new BackendError({ code: "read_only_story", message: `${req.cmd}: a fake story is not changed` });
    }
  }

  async saveExport(format: Format, filter: Filter): Promise<SaveOutcome> {
    this.saved.push({ format, filter });
    return { saved: true, name: `storyline.${format}` };
  }
}
