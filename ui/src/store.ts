/**
 * The state of the reader's window, in one place, with subscribers. Views read the state and ask
 * the store for changes; they never talk to each other. The filter, the interface language and the
 * theme are persisted in `localStorage`, so a restart opens the window as it was left.
 */
import type { ArticleInfo } from "./bindings/ArticleInfo";
import type { ArticleView } from "./bindings/ArticleView";
import type { EditsView } from "./bindings/EditsView";
import type { Filter } from "./bindings/Filter";
import type { Hit } from "./bindings/Hit";
import type { LoadIssue } from "./bindings/LoadIssue";
import type { ProgressView } from "./bindings/ProgressView";
import type { ScriptChoice } from "./bindings/ScriptChoice";
import type { TimelineView } from "./bindings/TimelineView";
import type { BackendError } from "./backend/index";
import { systemLang, type Lang } from "./i18n";
import { emptyFilter, sanitizeFilter } from "./model/filter";
import type { Range } from "./model/segments";

export type Theme = "light" | "dark";

export interface ReaderState {
  article: string | null;
  script: ScriptChoice;
  view: ArticleView | null;
  loading: boolean;
  /** Index into the selected event's sources that the reader scrolled to. */
  source: number;
  /** A search hit to show in the article, in chars. */
  hit: Range | null;
}

export interface SearchState {
  query: string;
  hits: Hit[] | null;
  loading: boolean;
  open: boolean;
}

export interface State {
  lang: Lang;
  theme: Theme;
  articles: ArticleInfo[] | null;
  /** Files of the corpus that could not become articles, and why. */
  issues: LoadIssue[];
  /** The whole timeline (no filter): the UI filters it itself, so a change of filter costs no round-trip. */
  timeline: TimelineView | null;
  filter: Filter;
  selected: string | null;
  /** Events a search hit supports, shown as selected together with `selected`. */
  related: string[];
  reader: ReaderState;
  search: SearchState;
  story: boolean;
  error: BackendError | null;
  /** The story's corrections, what undo and redo would do, and whether it can be changed. */
  edits: EditsView | null;
  /** List the events a person hid, too. */
  showHidden: boolean;
  /** The event being corrected in the correction dialog. */
  editing: string | null;
  /** The person or company being corrected ("" while none is chosen; null: the dialog is closed). */
  editingEntity: string | null;
  /** What the last change to the story did, for the reader (articles added, duplicates …). */
  notice: string | null;
  /** How far the long work under way has got (opening or adding), while the UI waits for it. */
  work: ProgressView | null;
}

type Listener = (s: State, prev: State) => void;

export interface Persist {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
}

const KEYS = { filter: "storyline.filter.v1", lang: "storyline.lang", theme: "storyline.theme" };

export class Store {
  private state: State;
  private listeners: Listener[] = [];
  /** Whether the reader picked the theme (else it follows the system's). */
  private themeChosen: boolean;

  constructor(
    private readonly persist: Persist | null = safeStorage(),
    env: { language?: string; prefersDark?: boolean } = {},
  ) {
    const lang = persist?.getItem(KEYS.lang);
    const theme = persist?.getItem(KEYS.theme);
    this.themeChosen = theme === "dark" || theme === "light";
    let filter = emptyFilter();
    try {
      const raw = persist?.getItem(KEYS.filter);
      if (raw) filter = sanitizeFilter(JSON.parse(raw));
    } catch {
      filter = emptyFilter();
    }
    this.state = {
      lang: lang === "zh" || lang === "en" ? lang : systemLang(env.language !== undefined ? env : undefined),
      theme: theme === "dark" || theme === "light" ? theme : env.prefersDark ? "dark" : "light",
      articles: null,
      issues: [],
      timeline: null,
      filter,
      selected: null,
      related: [],
      reader: { article: null, script: "original", view: null, loading: false, source: 0, hit: null },
      search: { query: "", hits: null, loading: false, open: false },
      story: false,
      error: null,
      edits: null,
      showHidden: false,
      editing: null,
      editingEntity: null,
      notice: null,
      work: null,
    };
  }

  get(): State {
    return this.state;
  }

  set(patch: Partial<State>): void {
    const prev = this.state;
    this.state = { ...prev, ...patch };
    if (patch.filter && patch.filter !== prev.filter) this.save(KEYS.filter, JSON.stringify(patch.filter));
    if (patch.lang && patch.lang !== prev.lang) this.save(KEYS.lang, patch.lang);
    if (patch.theme && patch.theme !== prev.theme) {
      this.themeChosen = true;
      this.save(KEYS.theme, patch.theme);
    }
    for (const l of this.listeners) l(this.state, prev);
  }

  /** The system's colour scheme changed: follow it unless the reader chose a theme. Not persisted. */
  systemTheme(theme: Theme): void {
    if (this.themeChosen || theme === this.state.theme) return;
    const prev = this.state;
    this.state = { ...prev, theme };
    for (const l of this.listeners) l(this.state, prev);
  }

  setReader(patch: Partial<ReaderState>): void {
    this.set({ reader: { ...this.state.reader, ...patch } });
  }

  setSearch(patch: Partial<SearchState>): void {
    this.set({ search: { ...this.state.search, ...patch } });
  }

  subscribe(l: Listener): () => void {
    this.listeners.push(l);
    return () => {
      this.listeners = this.listeners.filter((x) => x !== l);
    };
  }

  private save(k: string, v: string): void {
    try {
      this.persist?.setItem(k, v);
    } catch {
      // A full or disabled storage loses persistence, not the session.
    }
  }
}

function safeStorage(): Persist | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
