/**
 * The window: lays out the views, feeds them the store's state, applies language, theme and the
 * window title, and owns the global keys — Ctrl/Cmd+K search; j/k and the arrow keys step through
 * the story (anywhere but in a text field); Esc leaves story mode or closes search; Ctrl/Cmd+Z
 * and Ctrl/Cmd+Shift+Z undo and redo corrections. Files dropped anywhere on the window are added
 * to the story.
 */
import type { Actions } from "./actions";
import { h, setAttr, setText } from "./dom";
import { markPainted, TIMELINE_RENDERED } from "./marks";
import { ERROR_TEXT, STRINGS } from "./i18n";
import type { State } from "./store";
import { ArticleList } from "./views/articleList";
import { AddDialog } from "./views/addDialog";
import { EditDialog } from "./views/editDialog";
import { EntityDialog } from "./views/entityDialog";
import { ExportDialog } from "./views/exportDialog";
import { FilterBar } from "./views/filterBar";
import { Filters } from "./views/filters";
import { Overview } from "./views/overview";
import { Reader } from "./views/reader";
import { Search } from "./views/search";
import { Story } from "./views/story";
import { Timeline } from "./views/timeline";

interface View {
  el: HTMLElement;
  update(s: State, prev: State | null): void;
}


export class App {
  readonly el: HTMLElement;
  private readonly views: View[];
  /** The views in the side panels, which wait for the second frame (see `showPanels`). */
  private readonly panels: View[];
  private readonly errorText = h("span", {});
  private readonly errorClose = h("button", { class: "link", "data-testid": "error-dismiss" });
  private readonly errorBox = h("div", { class: "error-box", role: "alert", "data-testid": "error", hidden: true }, this.errorText, this.errorClose);
  private readonly storyButton = h("button", { "data-testid": "story-mode", "aria-pressed": "false" });
  private readonly exportButton = h("button", { "data-testid": "export-button" });
  private readonly langButton = h("button", { "data-testid": "lang-toggle" });
  private readonly themeButton = h("button", { "data-testid": "theme-toggle" });
  private readonly openButton = h("button", { "data-testid": "open-story" });
  private readonly newButton = h("button", { "data-testid": "new-story" });
  private readonly addButton = h("button", { "data-testid": "add-articles" });
  private readonly copyButton = h("button", { "data-testid": "copy-story", hidden: true });
  private readonly undoButton = h("button", { "data-testid": "undo" });
  private readonly redoButton = h("button", { "data-testid": "redo" });
  private readonly noticeText = h("span", {});
  private readonly noticeClose = h("button", { class: "link", "data-testid": "notice-dismiss" });
  private readonly noticeBox = h("div", { class: "notice-box", role: "status", "data-testid": "notice", hidden: true }, this.noticeText, this.noticeClose);
  private readonly workText = h("span", {});
  private readonly workBar = h("progress", { "data-testid": "progress-bar" });
  private readonly workCancel = h("button", { class: "link", "data-testid": "cancel-work" });
  private readonly workBox = h("div", { class: "work-box", role: "status", "data-testid": "progress", hidden: true }, this.workText, this.workBar, this.workCancel);
  private readonly addDialog: AddDialog;
  private readonly editDialog: EditDialog;
  private readonly entityDialog: EntityDialog;
  private readonly search: Search;
  private readonly filterBar: FilterBar;
  private readonly timeline: Timeline;
  private readonly exportDialog: ExportDialog;

  constructor(private readonly actions: Actions) {
    const articles = new ArticleList(actions);
    const filters = new Filters(actions);
    const reader = new Reader(actions);
    const overview = new Overview(actions);
    const story = new Story(actions);
    this.search = new Search(actions);
    this.filterBar = new FilterBar(actions);
    this.timeline = new Timeline(actions);
    this.exportDialog = new ExportDialog(actions);
    this.addDialog = new AddDialog(actions);
    this.editDialog = new EditDialog(actions);
    this.entityDialog = new EntityDialog(actions);
    this.views = [overview, story, this.search, this.filterBar, this.timeline, this.exportDialog, this.addDialog, this.editDialog, this.entityDialog];
    this.panels = [articles, filters, reader];

    this.storyButton.addEventListener("click", () => actions.setStory(!actions.store.get().story));
    this.exportButton.addEventListener("click", () => this.exportDialog.open());
    this.errorClose.addEventListener("click", () => actions.store.set({ error: null }));
    this.noticeClose.addEventListener("click", () => actions.store.set({ notice: null }));
    this.workCancel.addEventListener("click", () => void actions.cancelWork());
    this.openButton.addEventListener("click", () => void actions.switchStory("open"));
    this.newButton.addEventListener("click", () => void actions.switchStory("new"));
    this.addButton.addEventListener("click", () => this.addDialog.open());
    this.undoButton.addEventListener("click", () => void actions.undo());
    this.redoButton.addEventListener("click", () => void actions.redo());
    this.copyButton.addEventListener("click", () => void actions.switchStory("copy"));
    this.openButton.hidden = !actions.backend.canChooseStory;
    this.newButton.hidden = !actions.backend.canChooseStory;
    this.langButton.addEventListener("click", () => actions.store.set({ lang: actions.store.get().lang === "zh" ? "en" : "zh" }));
    this.themeButton.addEventListener("click", () => actions.store.set({ theme: actions.store.get().theme === "dark" ? "light" : "dark" }));

    this.layout = h(
      "main",
      { class: "layout", "data-first-frame": "" },
      h("aside", { class: "sidebar" }, articles.el, filters.el),
      h("div", { class: "center" }, overview.el, this.timeline.el, story.el),
      reader.el,
    );
    this.el = h(
      "div",
      { class: "app" },
      h(
        "header",
        { class: "topbar" },
        h("h1", { class: "brand" }, "Storyline"),
        this.search.el,
        h("span", { class: "spacer" }),
        this.openButton,
        this.newButton,
        this.copyButton,
        this.addButton,
        this.undoButton,
        this.redoButton,
        this.storyButton,
        this.exportButton,
        this.langButton,
        this.themeButton,
      ),
      this.filterBar.el,
      this.errorBox,
      this.workBox,
      this.noticeBox,
      this.layout,
      this.exportDialog.el,
      this.addDialog.el,
      this.editDialog.el,
      this.entityDialog.el,
    );
    this.el.addEventListener("dragover", (e) => {
      if (e.dataTransfer?.types.includes("Files")) e.preventDefault();
    });
    this.el.addEventListener("drop", (e) => {
      const files = [...(e.dataTransfer?.files ?? [])];
      if (!files.length) return;
      e.preventDefault();
      void actions.addArticles({ files });
    });
  }

  /** The progress of long work, with a cancel where the work can be cancelled. */
  private updateWork(s: State): void {
    const w = s.work;
    if (!w) {
      if (!this.workBox.hidden) this.workBox.hidden = true;
      return;
    }
    const t = STRINGS[s.lang];
    this.workBox.hidden = false;
    setText(this.workText, w.cancelling ? t.cancelling : t.work(w.stage, w.done, w.total));
    const bar = this.workBar;
    if (w.total > 0) {
      bar.max = w.total;
      bar.value = Math.min(w.done, w.total);
    } else {
      bar.removeAttribute("value");
    }
    setText(this.workCancel, t.cancel);
    this.workCancel.hidden = !w.cancellable;
    this.workCancel.disabled = w.cancelling;
  }

  private readonly keyListener = (e: KeyboardEvent) => this.onKey(e);

  /**
   * The first frame draws the timeline alone: the side panels (article list and chips, reader)
   * are built and shown in the next. Measured in the real window, their layout and paint, and the
   * font lookups for their sizes and weights, put the first timeline on screen later; with
   * `display: none` (not merely unpainted) WebKit skips even their styles.
   */
  private readonly layout: HTMLElement;

  private showPanels(): void {
    if (this.layout.dataset.firstFrame === undefined) return;
    delete this.layout.dataset.firstFrame;
    const s = this.actions.store.get();
    for (const v of this.panels) v.update(s, null);
  }

  mount(root: HTMLElement): void {
    root.replaceChildren(this.el);
    // Whatever happens to the first timeline (an error, an empty corpus), the panels come soon.
    setTimeout(() => this.showPanels(), 500);
    const store = this.actions.store;
    this.render(store.get(), null);
    this.unsubscribe = store.subscribe((s, prev) => this.render(s, prev));
    document.addEventListener("keydown", this.keyListener);
  }

  /** Detach from the document (tests mount many windows in one page). */
  unmount(): void {
    document.removeEventListener("keydown", this.keyListener);
    this.unsubscribe?.();
    this.el.remove();
  }

  private unsubscribe: (() => void) | null = null;

  private render(s: State, prev: State | null): void {
    const doc = document.documentElement;
    setAttr(doc, "lang", s.lang === "zh" ? "zh-Hant" : "en");
    setAttr(doc, "data-theme", s.theme);
    const t = STRINGS[s.lang];
    const title = this.filterBar.title(s);
    if (document.title !== title) document.title = title;
    setText(this.storyButton, s.story ? t.storyExit : t.storyMode);
    setAttr(this.storyButton, "aria-pressed", s.story ? "true" : "false");
    setAttr(this.storyButton, "title", t.storyHelp);
    setText(this.exportButton, t.export);
    setText(this.langButton, t.language);
    setAttr(this.langButton, "aria-label", t.languageLabel);
    setAttr(this.langButton, "lang", s.lang === "zh" ? "en" : "zh-Hant");
    setText(this.themeButton, s.theme === "dark" ? `☀ ${t.themeLight}` : `◐ ${t.themeDark}`);
    setText(this.openButton, t.openStory);
    setText(this.newButton, t.newStory);
    setText(this.addButton, t.addArticles);
    setText(this.undoButton, `↶ ${t.undo}`);
    setText(this.redoButton, `↷ ${t.redo}`);
    const writable = s.edits?.writable ?? false;
    this.addButton.disabled = !writable;
    // The built-in articles are never changed: on the desktop, offer a copy to correct.
    const builtIn = !!s.edits && !writable && !!s.articles && this.actions.backend.canChooseStory;
    if (this.copyButton.hidden === builtIn) this.copyButton.hidden = !builtIn;
    setText(this.copyButton, t.copyStory);
    setAttr(this.copyButton, "title", s.edits?.read_only_reason ?? t.readOnly);
    setAttr(this.addButton, "title", writable ? t.addArticles : (s.edits?.read_only_reason ?? t.readOnly));
    this.undoButton.disabled = !writable || !s.edits?.undo;
    this.redoButton.disabled = !writable || !s.edits?.redo;
    setAttr(this.undoButton, "title", s.edits?.undo ? t.undoHelp(describeEdit(s.edits.undo.change.op)) : t.undo);
    setAttr(this.redoButton, "title", s.edits?.redo ? t.redoHelp(describeEdit(s.edits.redo.change.op)) : t.redo);
    this.updateWork(s);
    if (s.notice) {
      this.noticeBox.hidden = false;
      setText(this.noticeText, s.notice);
      setText(this.noticeClose, t.dismiss);
    } else if (!this.noticeBox.hidden) {
      this.noticeBox.hidden = true;
    }
    if (this.timeline.el.hidden !== s.story) this.timeline.el.hidden = s.story;
    if (s.error) {
      this.errorBox.hidden = false;
      const known = ERROR_TEXT[s.error.code];
      setText(this.errorText, `${known ? known[s.lang === "en" ? 0 : 1] : `${t.error}.`} ${s.error.message}`);
      setText(this.errorClose, t.dismiss);
      this.errorBox.dataset.code = s.error.code;
    } else if (!this.errorBox.hidden) {
      this.errorBox.hidden = true;
    }
    for (const v of this.views) v.update(s, prev);
    // Until then the panels are not shown: building them too would only delay the first timeline.
    if (this.layout.dataset.firstFrame === undefined) for (const v of this.panels) v.update(s, prev);
    if (!this.painted && s.timeline && s.timeline.events.length > 0) {
      this.painted = true;
      performance.mark(TIMELINE_RENDERED);
      // rAF runs just before the frame is painted; the task after it runs once it is on screen.
      // The real-window test reads this mark to report launch-to-first-painted-timeline.
      requestAnimationFrame(() =>
        setTimeout(() => {
          markPainted();
          this.showPanels();
        }, 0),
      );
    }
  }

  private painted = false;

  private onKey(e: KeyboardEvent): void {
    const s = this.actions.store.get();
    const target0 = e.target as HTMLElement | null;
    const inField = !!target0 && (target0.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target0.tagName));
    // In a text field Ctrl+Z is the field's own undo.
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z" && !inField) {
      e.preventDefault();
      void (e.shiftKey ? this.actions.redo() : this.actions.undo());
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
      e.preventDefault();
      this.search.focus();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const target = e.target as HTMLElement | null;
    const typing = !!target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
    if (typing || this.exportDialog.el.open) return;
    const forward = ["j", "ArrowRight", "ArrowDown"];
    const back = ["k", "ArrowLeft", "ArrowUp"];
    // In story mode the arrows belong to the story; otherwise only j/k do, and arrows keep scrolling.
    if (forward.includes(e.key) && (s.story || e.key === "j")) {
      e.preventDefault();
      this.actions.step(1);
    } else if (back.includes(e.key) && (s.story || e.key === "k")) {
      e.preventDefault();
      this.actions.step(-1);
    } else if (e.key === "Escape" && s.story) {
      this.actions.setStory(false);
    }
  }
}

/** A correction's kind, for the undo and redo buttons' tooltips. */
function describeEdit(op: string): string {
  return op.replace(/_/g, " ");
}
