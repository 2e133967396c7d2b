/**
 * The export dialog: pick a format; the current filter applies; the file is saved through the
 * platform's save dialog (desktop) or as a download (browser) by the backend.
 */
import type { Actions } from "../actions";
import type { Format } from "../bindings/Format";
import { closeDialog, fill, h, showDialog } from "../dom";
import { ERROR_TEXT, STRINGS } from "../i18n";
import { toBackendError } from "../backend/index";
import type { State } from "../store";
import { describeFilter } from "./filterBar";

export const FORMATS: { format: Format; en: string; zh: string }[] = [
  { format: "json", en: "JSON (storyline.timeline/1)", zh: "JSON（storyline.timeline/1）" },
  { format: "csv", en: "CSV (spreadsheet)", zh: "CSV（試算表）" },
  { format: "md", en: "Markdown", zh: "Markdown" },
  { format: "ics", en: "iCalendar (.ics)", zh: "iCalendar（.ics）" },
  { format: "timelinejs", en: "TimelineJS (JSON)", zh: "TimelineJS（JSON）" },
  { format: "timelinejs-csv", en: "TimelineJS (spreadsheet CSV)", zh: "TimelineJS（試算表 CSV）" },
];

export class ExportDialog {
  readonly el = h("dialog", { class: "export-dialog", "data-testid": "export-dialog" });
  private format: Format = "json";
  private status = "";
  private busy = false;

  constructor(private readonly actions: Actions) {
    this.el.addEventListener("close", () => {
      this.status = "";
    });
  }

  open(): void {
    this.status = "";
    this.render(this.actions.store.get());
    showDialog(this.el);
    this.el.querySelector<HTMLInputElement>("input:checked")?.focus();
  }

  close(): void {
    closeDialog(this.el);
  }

  update(s: State, prev: State | null): void {
    if (this.el.open && (!prev || prev.lang !== s.lang || prev.filter !== s.filter)) this.render(s);
  }

  private async save(): Promise<void> {
    const s = this.actions.store.get();
    const t = STRINGS[s.lang];
    this.busy = true;
    this.status = t.loading;
    this.render(s);
    try {
      const out = await this.actions.backend.saveExport(this.format, s.filter);
      this.status = out.saved ? t.exportSaved(out.name) : t.exportCancelled;
    } catch (e) {
      const err = toBackendError(e);
      const known = ERROR_TEXT[err.code];
      this.status = `${known ? known[s.lang === "en" ? 0 : 1] : `${t.error}.`} ${err.message}`;
    } finally {
      this.busy = false;
      this.render(this.actions.store.get());
    }
  }

  private render(s: State): void {
    const t = STRINGS[s.lang];
    const d = this.actions.model.derive(s);
    const parts = describeFilter(s.filter, d, s, s.lang);
    fill(
      this.el,
      h(
        "form",
        {
          method: "dialog",
          onsubmit: (e: Event) => {
            e.preventDefault();
            void this.save();
          },
        },
        h("h2", {}, t.exportTitle),
        h(
          "fieldset",
          {},
          h("legend", {}, t.exportFormat),
          FORMATS.map((f) =>
            h(
              "label",
              {},
              h("input", {
                type: "radio",
                name: "format",
                value: f.format,
                "data-testid": `export-format-${f.format}`,
                checked: this.format === f.format,
                onchange: () => {
                  this.format = f.format;
                },
              }),
              ` ${s.lang === "en" ? f.en : f.zh}`,
            ),
          ),
        ),
        h("p", { "data-testid": "export-filter" }, t.exportApplies(d.visible.length), parts.length ? ` ${parts.map((p) => p.label).join(" · ")}` : ""),
        h("p", { class: "status", "data-testid": "export-status", role: "status" }, this.status),
        h(
          "div",
          { class: "actions" },
          h("button", { type: "button", "data-testid": "export-cancel", onclick: () => this.close() }, t.cancel),
          h("button", { type: "submit", class: "primary", "data-testid": "export-save", disabled: this.busy }, t.exportSave),
        ),
      ),
    );
  }
}
