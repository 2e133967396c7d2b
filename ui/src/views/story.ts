/**
 * Story mode: the timeline read one event at a time, within the current filter, from the first
 * event to the last — its date, title, kind and status, who is involved, and the quoted passage of
 * every source (the reader beside it shows the passage in its article). j/→/↓ go forward, k/←/↑ back.
 */
import type { Actions } from "../actions";
import { fill, h } from "../dom";
import { STRINGS } from "../i18n";
import { entityName, eventTitle } from "../model/timeline";
import type { State } from "../store";
import { eventMeta } from "./timeline";

export class Story {
  readonly el = h("section", { class: "story", "data-testid": "story-panel", hidden: true });
  private key = "";

  constructor(private readonly actions: Actions) {}

  update(s: State): void {
    if (this.el.hidden === s.story) this.el.hidden = !s.story;
    if (!s.story) {
      this.key = "";
      return;
    }
    const d = this.actions.model.derive(s);
    const key = [d.ordered.length, s.selected, s.lang, s.reader.source, s.articles?.length, d.rows.length].join("|");
    if (key === this.key) return;
    this.key = key;
    const t = STRINGS[s.lang];
    const i = d.ordered.findIndex((e) => e.id === s.selected);
    const e = i >= 0 ? d.ordered[i] : undefined;
    this.el.setAttribute("aria-label", t.storyMode);
    if (!e) {
      fill(this.el, h("p", { class: "muted" }, d.all.length ? t.noEvents : t.noEventsYet));
      return;
    }
    const titleOf = (id: string) => s.articles?.find((a) => a.id === id)?.title ?? id;
    fill(
      this.el,
      h(
        "div",
        { class: "story-nav" },
        h("button", { "data-testid": "story-prev", disabled: i <= 0, onclick: () => this.actions.step(-1) }, `← ${t.previous}`),
        h("span", { class: "pos", "data-testid": "story-position", "aria-live": "polite" }, `${i + 1} / ${d.ordered.length}`),
        h("button", { "data-testid": "story-next", disabled: i >= d.ordered.length - 1, onclick: () => this.actions.step(1) }, `${t.next} →`),
        h("span", { class: "story-help" }, t.storyHelp),
      ),
      h(
        "article",
        { class: "story-card", "data-testid": "story-card", "data-event-id": e.id },
        eventMeta(e, s.lang),
        h("h2", { lang: s.lang === "zh" || !e.title.en ? "zh" : "en" }, eventTitle(e, s.lang)),
        h(
          "div",
          { class: "event-entities" },
          e.entities.map((id) => h("span", { class: "event-entity" }, entityName(d.entities.get(id), id, s.lang))),
        ),
        e.sources.map((src, k) =>
          h(
            "blockquote",
            { lang: "zh", "data-testid": "story-quote" },
            src.quote,
            h(
              "cite",
              {},
              h(
                "button",
                {
                  class: "link",
                  "aria-pressed": k === s.reader.source ? "true" : "false",
                  onclick: () => void this.actions.openArticle(src.article, { source: k }),
                },
                `${k + 1} · ${titleOf(src.article)}`,
              ),
            ),
          ),
        ),
        e.conflicts.map((c) =>
          h("p", { class: "conflict-line" }, h("span", { class: "conflict" }, "≠ "), `${t.conflictOn(c.field)}: `, c.values.map((v) => `${v.value} (${v.articles.length})`).join(" / ")),
        ),
      ),
    );
  }
}
