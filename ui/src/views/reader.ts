/**
 * The reader: one source article as text nodes, the passages of the selected event in `<mark>`s
 * (scrolled into view), a search hit marked the same way, the passages of the article's other events
 * underlined and flagged in the margin, a switch between the selected event's sources, and a toggle
 * between the original script, 繁體 and 简体 (the core keeps offsets across scripts). From here
 * the reader corrects the selected event, or makes an event of a passage they select.
 */
import type { Actions } from "../actions";
import type { ScriptChoice } from "../bindings/ScriptChoice";
import { fill, h, nextFrame, setAttr } from "../dom";
import { STRINGS, type Lang } from "../i18n";
import { CharIndex } from "../model/offsets";
import { buildBlocks, byLanguage, type OtherPassage, type Range } from "../model/segments";
import { eventTitle } from "../model/timeline";
import type { State } from "../store";

const SCRIPTS: ScriptChoice[] = ["original", "hant", "hans"];

export class Reader {
  readonly el = h("section", { class: "panel reader", "data-testid": "reader" });
  private readonly head = h("header", { class: "reader-head" });
  private readonly scroller = h("div", { class: "reader-scroll" });
  private readonly margin = h("div", { class: "reader-margin" });
  private readonly text = h("article", { class: "reader-text", "data-testid": "reader-text", lang: "zh" });
  private key = "";
  private scrollKey = "";

  constructor(private readonly actions: Actions) {
    this.scroller.append(h("div", { class: "reader-body" }, this.margin, this.text));
    this.el.append(this.head, this.scroller);
  }

  update(s: State): void {
    const r = s.reader;
    const key = [r.article, r.view?.info.id, r.script, r.view ? r.view.text.length : -1, r.loading, r.source, r.hit?.start, r.hit?.end, s.selected, s.lang, s.timeline ? 1 : 0].join("|");
    if (key === this.key) return;
    this.key = key;
    // Scroll only when what the reader should look at changed, not on a language switch.
    const scrollKey = [r.article, r.view?.info.id, r.script, r.source, r.hit?.start, s.selected].join("|");
    const scrollChanged = scrollKey !== this.scrollKey;
    const t = STRINGS[s.lang];
    setAttr(this.el, "aria-label", t.reader);
    setAttr(this.el, "aria-busy", r.loading ? "true" : "false");
    this.renderHead(s);
    const view = r.view && r.view.info.id === r.article ? r.view : null;
    if (!view) {
      fill(this.text, h("p", { class: "muted" }, r.loading ? t.loading : t.noArticle));
      this.margin.replaceChildren();
      return;
    }
    const idx = new CharIndex(view.text);
    const selected = s.selected ? this.actions.eventById(s.selected) : undefined;
    const focus: Range[] = selected ? selected.sources.filter((x) => x.article === view.info.id) : [];
    const others: OtherPassage[] = view.passages
      .filter((p) => p.event !== s.selected)
      .map((p) => ({ event: p.event, start: p.start, end: p.end }));
    const blocks = buildBlocks(idx.chars, focus, r.hit, others);
    const current = selected?.sources[r.source];
    const nodes: Node[] = [];
    for (const b of blocks) {
      // English paragraphs of a Chinese page take Latin typography: `lang="en"` on their runs.
      const inner = b.pieces.flatMap((p) =>
        byLanguage(p.start, p.end, view.english).map((part) => {
          const str = idx.slice(part.start, part.end);
          const lang = part.english ? "en" : null;
          if (p.others.length === 0) return lang ? h("span", { lang }, str) : document.createTextNode(str);
          return h("span", { class: "other-passage", "data-events": p.others.join(" "), lang }, str);
        }),
      );
      if (b.role === "plain") nodes.push(...inner);
      else {
        const isCurrent = b.role === "focus" && current && current.article === view.info.id && current.start >= b.start && current.start < b.end;
        const mark = h("mark", {
          class: b.role === "focus" ? `passage${isCurrent ? " current" : ""}` : "search-hit",
          "data-testid": b.role === "focus" ? "passage-highlight" : "search-highlight",
          "data-start": b.start,
          "data-end": b.end,
        });
        mark.append(...inner);
        nodes.push(mark);
      }
    }
    this.text.replaceChildren(...nodes);
    if (scrollChanged) this.scrollKey = scrollKey;
    this.text.setAttribute("data-article-id", view.info.id);
    this.text.setAttribute("data-script", r.script);
    // The language picks the glyph forms: simplified text in a TC font would take Taiwan's shapes.
    const shown = r.script === "hans" ? "zh-Hans" : r.script === "hant" ? "zh-Hant" : view.info.script;
    this.text.setAttribute("lang", shown === "mixed" ? "zh" : shown);
    nextFrame(() => {
      this.placeMarkers(s.lang);
      if (scrollChanged) this.scrollToFocus();
    });
  }

  private renderHead(s: State): void {
    const t = STRINGS[s.lang];
    const r = s.reader;
    const info = r.view?.info ?? s.articles?.find((a) => a.id === r.article);
    const selected = s.selected ? this.actions.eventById(s.selected) : undefined;
    const titleOf = (id: string) => s.articles?.find((a) => a.id === id)?.title ?? id;
    const english = info?.script === "en";
    fill(
      this.head,
      h("h2", { class: "reader-title", lang: english ? "en" : "zh" }, info ? info.title : t.reader),
      info ? h("p", { class: "reader-meta" }, [info.outlet, info.file, s.lang === "en" ? info.published_label : info.published_label_zh].filter(Boolean).join(" · ")) : null,
      // An English article has no scripts to choose between.
      h(
        "div",
        { class: "segmented", role: "group", "aria-label": t.script, hidden: english },
        SCRIPTS.map((sc) =>
          h(
            "button",
            {
              "data-testid": `script-${sc}`,
              "aria-pressed": r.script === sc ? "true" : "false",
              onclick: () => void this.actions.setScript(sc),
            },
            sc === "original" ? t.scriptOriginal : sc === "hant" ? t.scriptHant : t.scriptHans,
          ),
        ),
      ),
      info
        ? h(
            "div",
            { class: "reader-actions" },
            selected
              ? h("button", { "data-testid": "correct-event", onclick: () => this.actions.store.set({ editing: selected.id }) }, t.correct)
              : null,
            h("button", { "data-testid": "new-from-selection", onclick: () => void this.newFromSelection() }, t.newFromSelection),
          )
        : null,
      selected && selected.sources.length > 0
        ? h(
            "div",
            { class: "source-switch", role: "group", "aria-label": t.eventSources },
            h("span", { class: "label" }, t.eventSources),
            selected.sources.map((src, i) =>
              h(
                "button",
                {
                  class: "source-tab",
                  "data-testid": "source-tab",
                  "data-article-id": src.article,
                  "aria-pressed": i === r.source ? "true" : "false",
                  title: titleOf(src.article),
                  onclick: () => void this.actions.openArticle(src.article, { source: i }),
                },
                `${i + 1} · ${shortTitle(titleOf(src.article))}`,
              ),
            ),
          )
        : null,
    );
  }

  /** The selected text of the article, as char offsets of its display text (any script: same). */
  private selection(): { start: number; end: number } | null {
    const sel = globalThis.getSelection?.();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!this.text.contains(range.startContainer) || !this.text.contains(range.endContainer)) return null;
    const at = (node: Node, offset: number): number => {
      let count = 0;
      const walker = document.createTreeWalker(this.text, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const data = (n as Text).data;
        if (n === node) return count + [...data.slice(0, offset)].length;
        count += [...data].length;
      }
      // The offset counts children of an element: the text before that child.
      const child = node.childNodes[offset] ?? null;
      let total = 0;
      const w2 = document.createTreeWalker(this.text, NodeFilter.SHOW_TEXT);
      for (let n = w2.nextNode(); n; n = w2.nextNode()) {
        if (child && (child === n || child.contains(n) || child.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
        total += [...(n as Text).data].length;
      }
      return total;
    };
    const start = at(range.startContainer, range.startOffset);
    const end = at(range.endContainer, range.endOffset);
    return end > start ? { start, end } : null;
  }

  private async newFromSelection(): Promise<void> {
    const r = this.actions.store.get().reader;
    const picked = this.selection();
    if (!r.article || !picked) {
      this.actions.store.set({ notice: STRINGS[this.actions.store.get().lang].selectFirst });
      return;
    }
    await this.actions.change({
      cmd: "create_event",
      args: { article: r.article, start: picked.start, end: picked.end, kind: "other", title_zh: "" },
    });
  }

  /**
   * Flag other events' passages in the margin, at the height of their first line (`.reader-text` is
   * positioned, so a span's offsetTop is measured from the text's top, as is the margin's).
   */
  private placeMarkers(lang: Lang): void {
    const spans = this.text.querySelectorAll<HTMLElement>(".other-passage");
    const seen = new Set<string>();
    const markers: HTMLElement[] = [];
    for (const span of spans) {
      for (const id of (span.dataset.events ?? "").split(" ")) {
        if (!id || seen.has(id)) continue;
        seen.add(id);
        const ev = this.actions.eventById(id);
        const label = ev ? eventTitle(ev, lang) : id;
        const marker = h(
          "button",
          {
            class: "margin-marker",
            "data-testid": "margin-marker",
            "data-event-id": id,
            title: label,
            "aria-label": `${STRINGS[lang].otherEvents}: ${label}`,
            onclick: () => void this.actions.selectEvent(id),
          },
          "•",
        );
        // Through the CSSOM, not a style attribute, so a CSP without 'unsafe-inline' styles allows it.
        marker.style.top = `${span.offsetTop}px`;
        markers.push(marker);
      }
    }
    this.margin.replaceChildren(...markers);
  }

  private scrollToFocus(): void {
    const target =
      this.text.querySelector<HTMLElement>("mark.passage.current") ??
      this.text.querySelector<HTMLElement>("mark.passage") ??
      this.text.querySelector<HTMLElement>("mark.search-hit");
    if (target) target.scrollIntoView?.({ block: "center", behavior: "auto" });
    else this.scroller.scrollTop = 0;
  }
}

function shortTitle(s: string): string {
  const chars = [...s];
  return chars.length > 14 ? `${chars.slice(0, 13).join("")}…` : s;
}
