/**
 * What the reader can do, as methods over the store and the backend: load the corpus, open an
 * article, select an event (which opens its source with the passage highlighted), change the
 * filter, search, step through the story. Views call these and re-render from the store.
 */
import type { ArticleInfo } from "./bindings/ArticleInfo";
import type { AddReport } from "./bindings/AddReport";
import type { ArticleView } from "./bindings/ArticleView";
import type { EditsView } from "./bindings/EditsView";
import type { NewArticle } from "./bindings/NewArticle";
import type { ProgressView } from "./bindings/ProgressView";
import type { Request } from "./bindings/Request";
import type { UploadedFile } from "./bindings/UploadedFile";
import type { EventInfo } from "./bindings/EventInfo";
import type { Filter } from "./bindings/Filter";
import type { Hit } from "./bindings/Hit";
import type { LoadIssue } from "./bindings/LoadIssue";
import type { ScriptChoice } from "./bindings/ScriptChoice";
import type { TimelineView } from "./bindings/TimelineView";
import { toBackendError, type Backend } from "./backend/index";
import { STRINGS } from "./i18n";
import { TIMELINE_RECEIVED } from "./marks";
import { emptyFilter, restrictFilter } from "./model/filter";
import { TimelineModel } from "./model/timeline";
import type { Store } from "./store";

export class Actions {
  private articleCache = new Map<string, Promise<ArticleView>>();
  private searchBusy = false;
  private searchPending: string | null = null;
  private articleSeq = 0;
  /** The derived timeline (filtered, grouped, indexed); rebuilt only when its inputs change. */
  readonly model = new TimelineModel();

  constructor(
    readonly store: Store,
    readonly backend: Backend,
  ) {}

  /**
   * Load the article list and the whole timeline, both requested at once; the list paints as soon
   * as it arrives (it is enough to start reading), the timeline when it does.
   */
  async init(): Promise<void> {
    const articles = this.backend.call<ArticleInfo[]>({ cmd: "articles" });
    const timeline = this.backend.call<TimelineView>({
      cmd: "timeline",
      args: { filter: { ...emptyFilter(), hidden: this.store.get().showHidden } },
    });
    void this.backend
      .call<EditsView>({ cmd: "edits" })
      .then((edits) => this.store.set({ edits }))
      .catch(() => {});
    try {
      this.store.set({ articles: await articles, error: null });
      // Files that failed to load are worth a line, not a failure of the window.
      void this.backend
        .call<LoadIssue[]>({ cmd: "issues" })
        .then((issues) => this.store.set({ issues }))
        .catch(() => {});
      const tl = await timeline;
      performance.mark(TIMELINE_RECEIVED);
      const filter = restrictFilter(
        this.store.get().filter,
        new Set(tl.entities.map((e) => e.id)),
        new Set(tl.articles.map((a) => a.id)),
      );
      this.store.set({ timeline: tl, filter });
    } catch (e) {
      timeline.catch(() => {});
      this.store.set({ error: toBackendError(e) });
    }
  }

  /** Everything again after the story changed: articles, timeline, corrections, the open article. */
  async reload(): Promise<void> {
    this.articleCache.clear();
    await this.init();
    const r = this.store.get().reader;
    if (r.article && this.store.get().articles?.some((a) => a.id === r.article)) {
      await this.openArticle(r.article, { source: r.source, hit: r.hit });
    }
    const sel = this.store.get().selected;
    if (sel && !this.eventById(sel)) this.store.set({ selected: null, related: [] });
  }

  setShowHidden(on: boolean): Promise<void> {
    this.store.set({ showHidden: on });
    return this.reload();
  }

  /**
   * Send a correction (or undo, redo); on success the timeline is fetched again with it made.
   * Answers whether it was made; a refusal shows as the window's error.
   */
  async change(req: Request): Promise<boolean> {
    try {
      const edits = await this.backend.call<EditsView>(req);
      this.store.set({ edits, error: null });
      await this.reload();
      return true;
    } catch (e) {
      this.store.set({ error: toBackendError(e) });
      return false;
    }
  }

  undo(): Promise<boolean> {
    return this.change({ cmd: "undo" });
  }

  redo(): Promise<boolean> {
    return this.change({ cmd: "redo" });
  }

  /** Add articles (files dropped or picked, or a pasted text); say what happened to each. */
  async addArticles(what: { files: File[] } | { pasted: NewArticle }): Promise<AddReport | null> {
    try {
      let req: Request;
      if ("files" in what) {
        const files: UploadedFile[] = await Promise.all(what.files.map(upload));
        req = { cmd: "add_files", args: { files } };
      } else {
        req = { cmd: "add_text", args: what.pasted };
      }
      const report = await this.watch(this.backend.call<AddReport>(req));
      this.store.set({ notice: describeReport(report, this.store.get().lang), error: null });
      await this.reload();
      return report;
    } catch (e) {
      this.failed(e);
      return null;
    }
  }

  /**
   * While `work` runs, ask how far the backend has got every quarter second (after a first quarter
   * second: quick work shows nothing) and keep it in the store for the progress bar.
   */
  async watch<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const poll = async (): Promise<void> => {
      while (!done) {
        await new Promise((r) => setTimeout(r, 250));
        if (done) break;
        try {
          const view = await this.backend.call<ProgressView>({ cmd: "progress" });
          if (!done) this.store.set({ work: view.stage === "idle" ? null : view });
        } catch {
          break;
        }
      }
    };
    void poll();
    try {
      return await work;
    } finally {
      done = true;
      this.store.set({ work: null });
    }
  }

  /** Stop the long work under way; the story stays as it was. */
  async cancelWork(): Promise<void> {
    const work = this.store.get().work;
    if (work) this.store.set({ work: { ...work, cancelling: true } });
    try {
      await this.backend.call({ cmd: "cancel" });
    } catch (e) {
      this.store.set({ error: toBackendError(e) });
    }
  }

  /** Show why something failed; a cancel the reader asked for is a notice, not an error. */
  private failed(e: unknown): void {
    const err = toBackendError(e);
    if (err.code === "cancelled") {
      this.store.set({ notice: STRINGS[this.store.get().lang].cancelled, error: null });
    } else {
      this.store.set({ error: err });
    }
  }

  /** Open another story folder, make a new one, or copy the built-in one (desktop only: the shell's folder dialog). */
  async switchStory(how: "open" | "new" | "copy"): Promise<void> {
    try {
      const opened = await this.watch(this.backend.chooseStory(how));
      if (!opened) return;
      this.store.set({ selected: null, related: [], notice: null, error: null });
      this.store.setReader({ article: null, view: null, source: 0, hit: null });
      await this.reload();
    } catch (e) {
      this.failed(e);
    }
  }

  events(): EventInfo[] {
    return this.model.derive(this.store.get()).ordered;
  }

  eventById(id: string): EventInfo | undefined {
    return this.model.byId(this.store.get(), id);
  }

  private loadArticle(id: string, script: ScriptChoice): Promise<ArticleView> {
    const key = `${id}|${script}`;
    let p = this.articleCache.get(key);
    if (!p) {
      p = this.backend.call<ArticleView>({ cmd: "article", args: { id, script } });
      this.articleCache.set(key, p);
      p.catch(() => this.articleCache.delete(key));
    }
    return p;
  }

  /** Show an article in the reader; keeps the selection unless told otherwise. */
  async openArticle(
    id: string,
    opts: { source?: number; hit?: { start: number; end: number } | null; script?: ScriptChoice } = {},
  ): Promise<void> {
    const seq = ++this.articleSeq;
    const script = opts.script ?? this.store.get().reader.script;
    const current = this.store.get().reader;
    const same = current.article === id && current.script === script && current.view;
    // The previous view stays while the next loads; the reader shows it only if it is the same article.
    this.store.setReader({ article: id, script, source: opts.source ?? 0, hit: opts.hit ?? null, loading: !same });
    try {
      const view = await this.loadArticle(id, script);
      if (seq !== this.articleSeq) return;
      this.store.setReader({ view, loading: false });
      this.store.set({ error: null });
    } catch (e) {
      if (seq !== this.articleSeq) return;
      this.store.setReader({ loading: false });
      this.store.set({ error: toBackendError(e) });
    }
  }

  /** Click on an article in the list: read it, no event selected. */
  readArticle(id: string): Promise<void> {
    this.store.set({ selected: null, related: [] });
    return this.openArticle(id);
  }

  /**
   * Select an event and open one of its sources: `source` if given, else one in the article already
   * open (so the reader does not jump away needlessly), else the first.
   */
  async selectEvent(id: string, opts: { source?: number; related?: string[] } = {}): Promise<void> {
    const ev = this.eventById(id);
    this.store.set({ selected: id, related: opts.related ?? [] });
    if (!ev || ev.sources.length === 0) return;
    let source = opts.source ?? ev.sources.findIndex((s) => s.article === this.store.get().reader.article);
    if (source < 0 || source >= ev.sources.length) source = 0;
    await this.openArticle(ev.sources[source].article, { source });
  }

  setScript(script: ScriptChoice): Promise<void> {
    const r = this.store.get().reader;
    if (!r.article) {
      this.store.setReader({ script });
      return Promise.resolve();
    }
    return this.openArticle(r.article, { source: r.source, hit: r.hit, script });
  }

  setFilter(filter: Filter): void {
    this.store.set({ filter });
  }

  clearFilter(): void {
    this.store.set({ filter: emptyFilter() });
  }

  /** Move the selection `delta` events along the visible (filtered) timeline. */
  step(delta: number): void {
    const events = this.events();
    if (events.length === 0) return;
    const cur = this.store.get().selected;
    const i = cur ? events.findIndex((e) => e.id === cur) : -1;
    const next = i < 0 ? (delta > 0 ? 0 : events.length - 1) : Math.max(0, Math.min(events.length - 1, i + delta));
    if (events[next].id !== cur) void this.selectEvent(events[next].id);
  }

  setStory(on: boolean): void {
    this.store.set({ story: on });
    if (on) {
      const events = this.events();
      const cur = this.store.get().selected;
      if (events.length && !(cur && events.some((e) => e.id === cur))) void this.selectEvent(events[0].id);
    }
  }

  /**
   * Search as the reader types, without a debounce delay: one request in flight at a time; keys
   * typed meanwhile coalesce into one follow-up request for the latest text. Answers for text that
   * is no longer in the box are dropped.
   */
  async search(query: string): Promise<void> {
    this.store.setSearch({ query, open: true });
    if (!query.trim()) {
      this.searchPending = null;
      this.store.setSearch({ hits: null, loading: false });
      return;
    }
    if (this.searchBusy) {
      this.searchPending = query;
      return;
    }
    this.searchBusy = true;
    this.store.setSearch({ loading: true });
    let q: string | null = query;
    try {
      while (q !== null) {
        let hits: Hit[] = [];
        let failed: unknown = null;
        try {
          hits = await this.backend.call<Hit[]>({
            cmd: "search",
            args: { query: q, limit: 50, entities: [], from: null, to: null, articles: [] },
          });
        } catch (e) {
          failed = e;
        }
        const next: string | null = this.searchPending;
        this.searchPending = null;
        if (next === null && this.store.get().search.query === q) {
          this.store.setSearch({ hits, loading: false });
          if (failed) this.store.set({ error: toBackendError(failed) });
        }
        q = next?.trim() ? next : null;
      }
    } finally {
      this.searchBusy = false;
      if (this.store.get().search.loading) this.store.setSearch({ loading: false });
    }
  }

  /** Open a search hit in the reader and select the events it supports. */
  async openHit(hit: Hit): Promise<void> {
    const highlight = hit.highlights[0] ?? [hit.start, hit.end];
    const [first, ...rest] = hit.events;
    this.store.set({ selected: first ?? null, related: rest });
    this.store.setSearch({ open: false });
    const ev = first ? this.eventById(first) : undefined;
    const source = ev ? Math.max(0, ev.sources.findIndex((s) => s.article === hit.article)) : 0;
    await this.openArticle(hit.article, { source, hit: { start: highlight[0], end: highlight[1] } });
  }
}

/** A file the page read, as the core's request carries it: the name and the bytes in base64. */
async function upload(file: File): Promise<UploadedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return { name: file.name, data: btoa(binary) };
}

function describeReport(r: AddReport, lang: "zh" | "en"): string {
  const parts: string[] = [];
  if (lang === "en") {
    parts.push(r.added.length === 1 ? "1 article added." : `${r.added.length} articles added.`);
  } else {
    parts.push(`已加入 ${r.added.length} 篇文章。`);
  }
  for (const d of [...r.duplicates, ...r.failed]) parts.push(d.message);
  return parts.join(" ");
}
