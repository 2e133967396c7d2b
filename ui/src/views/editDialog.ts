/**
 * The correction dialog for one event: its date (at any precision, or a range), its titles, kind
 * and status; hide or show it; merge it into another event; make one of its passages an event of
 * its own. Each change is one correction, saved by the core beside the story and undoable.
 */
import type { Actions } from "../actions";
import type { EventInfo } from "../bindings/EventInfo";
import type { EventKind } from "../bindings/EventKind";
import type { Status } from "../bindings/Status";
import { closeDialog, fill, h, showDialog } from "../dom";
import { KIND_NAMES, KINDS, named, STATUS_NAMES, STATUSES, STRINGS } from "../i18n";
import { eventTitle } from "../model/timeline";
import type { State } from "../store";

/** The date as a person would type it back: `2024`, `2024-03`, `2024-03-28`, or `FROM..TO`. */
export function dateText(e: EventInfo): string {
  const d = e.date;
  if (!d) return "";
  const { start, end, precision } = d;
  if (precision === "year" && start.endsWith("-01-01") && end.slice(0, 4) === start.slice(0, 4)) return start.slice(0, 4);
  if (precision === "month" && start.endsWith("-01") && end.slice(0, 7) === start.slice(0, 7)) return start.slice(0, 7);
  if (start === end) return start;
  return `${start}..${end}`;
}

export class EditDialog {
  readonly el = h("dialog", { class: "edit-dialog", "data-testid": "edit-dialog" });
  private busy = false;
  private shownFor: string | null = null;

  constructor(private readonly actions: Actions) {
    this.el.addEventListener("close", () => {
      if (this.actions.store.get().editing) this.actions.store.set({ editing: null });
    });
  }

  update(s: State, prev: State | null): void {
    const opened = s.editing !== (prev?.editing ?? null) || s.editing !== this.shownFor;
    if (!s.editing) {
      this.shownFor = null;
      if (this.el.open) this.close();
      return;
    }
    if (opened || (prev && (prev.lang !== s.lang || prev.timeline !== s.timeline))) this.render(s);
    if (!this.el.open) {
      showDialog(this.el);
    }
    this.shownFor = s.editing;
  }

  private close(): void {
    closeDialog(this.el);
  }

  private async save(e: EventInfo, form: HTMLFormElement): Promise<void> {
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? "";
    const date = field("date").trim();
    const titleZh = field("title_zh").trim();
    const titleEn = field("title_en").trim();
    const kind = field("kind") as EventKind;
    const status = field("status") as Status;
    const into = field("merge_into");
    this.busy = true;
    let ok = true;
    // One correction per changed field, each saved and undoable on its own.
    if (date && date !== dateText(e)) ok = ok && (await this.actions.change({ cmd: "set_event_date", args: { event: e.id, date } }));
    if (ok && titleZh && titleZh !== e.title.zh)
      ok = await this.actions.change({ cmd: "edit_event", args: { event: e.id, change: { op: "title_zh", text: titleZh } } });
    if (ok && titleEn && titleEn !== (e.title.en ?? ""))
      ok = await this.actions.change({ cmd: "edit_event", args: { event: e.id, change: { op: "title_en", text: titleEn } } });
    if (ok && kind !== e.kind) ok = await this.actions.change({ cmd: "edit_event", args: { event: e.id, change: { op: "kind", kind } } });
    if (ok && status !== e.status)
      ok = await this.actions.change({ cmd: "edit_event", args: { event: e.id, change: { op: "status", status } } });
    if (ok && into) ok = await this.actions.change({ cmd: "merge_events", args: { event: e.id, into } });
    this.busy = false;
    if (ok) this.actions.store.set({ editing: null });
  }

  private render(s: State): void {
    const t = STRINGS[s.lang];
    const e = s.editing ? this.actions.eventById(s.editing) : undefined;
    if (!e) {
      fill(this.el, h("p", {}, t.editGone), h("button", { onclick: () => this.actions.store.set({ editing: null }) }, t.cancel));
      return;
    }
    const others = (s.timeline?.events ?? []).filter((x) => x.id !== e.id);
    const label = (text: string, input: HTMLElement) => h("label", {}, h("span", {}, text), input);
    fill(
      this.el,
      h(
        "form",
        {
          method: "dialog",
          onsubmit: (ev: Event) => {
            ev.preventDefault();
            if (!this.busy) void this.save(e, ev.target as HTMLFormElement);
          },
        },
        h("h2", {}, t.editTitle),
        h("p", { class: "muted", lang: "zh" }, eventTitle(e, s.lang)),
        label(t.editDate, h("input", { name: "date", "data-testid": "edit-date", value: dateText(e), placeholder: "2024-03-28 · 2024-03 · 2024 · 2024-Q1 · 2024-03-01..2024-03-10" })),
        label(t.editTitleZh, h("input", { name: "title_zh", "data-testid": "edit-title-zh", lang: "zh", value: e.title.zh })),
        label(t.editTitleEn, h("input", { name: "title_en", "data-testid": "edit-title-en", lang: "en", value: e.title.en ?? "" })),
        label(
          t.kind,
          h(
            "select",
            { name: "kind", "data-testid": "edit-kind" },
            KINDS.map((k) => h("option", { value: k, selected: k === e.kind }, named(KIND_NAMES, k, s.lang))),
          ),
        ),
        label(
          t.status,
          h(
            "select",
            { name: "status", "data-testid": "edit-status" },
            STATUSES.map((k) => h("option", { value: k, selected: k === e.status }, named(STATUS_NAMES, k, s.lang))),
          ),
        ),
        label(
          t.editMergeInto,
          h(
            "select",
            { name: "merge_into", "data-testid": "edit-merge" },
            h("option", { value: "" }, "—"),
            others.map((o) => h("option", { value: o.id }, `${o.date ? (s.lang === "en" ? o.date.label : o.date.label_zh) : t.undated} · ${eventTitle(o, s.lang)}`)),
          ),
        ),
        e.sources.length > 1
          ? h(
              "fieldset",
              {},
              h("legend", {}, t.editDetach),
              e.sources.map((src) =>
                h(
                  "div",
                  { class: "detach-row" },
                  h("span", { lang: "zh" }, `${src.article}: ${[...src.quote].slice(0, 30).join("")}…`),
                  h(
                    "button",
                    {
                      type: "button",
                      "data-testid": "edit-detach",
                      onclick: () =>
                        void this.actions
                          .change({ cmd: "detach_passage", args: { event: e.id, article: src.article, start: src.start } })
                          .then((ok) => ok && this.actions.store.set({ editing: null })),
                    },
                    t.editDetachOne,
                  ),
                ),
              ),
            )
          : null,
        h(
          "div",
          { class: "actions" },
          h(
            "button",
            {
              type: "button",
              "data-testid": "edit-hide",
              onclick: () =>
                void this.actions
                  .change({ cmd: "edit_event", args: { event: e.id, change: { op: e.hidden ? "unhide" : "hide" } } })
                  .then((ok) => ok && this.actions.store.set({ editing: null })),
            },
            e.hidden ? t.editUnhide : t.editHide,
          ),
          h("span", { class: "spacer" }),
          h("button", { type: "button", "data-testid": "edit-cancel", onclick: () => this.actions.store.set({ editing: null }) }, t.cancel),
          h("button", { type: "submit", class: "primary", "data-testid": "edit-save" }, t.editSave),
        ),
      ),
    );
  }
}
