/**
 * Correcting people and companies: rename one, add a spelling it goes by, split off a spelling
 * that names someone else, merge it into another (two names of one person), or mark a discovered
 * "name" as not a name. Each is one correction,
 * anchored to the name the machine knows it by, saved beside the story and undoable.
 */
import type { Actions } from "../actions";
import type { Change } from "../bindings/Change";
import { closeDialog, fill, h, showDialog } from "../dom";
import { ENTITY_KIND_NAMES, named, STRINGS } from "../i18n";
import { entityName } from "../model/timeline";
import type { State } from "../store";

export class EntityDialog {
  readonly el = h("dialog", { class: "edit-dialog", "data-testid": "entity-dialog" });
  private chosen = "";

  constructor(private readonly actions: Actions) {
    this.el.addEventListener("close", () => {
      if (this.actions.store.get().editingEntity !== null) this.actions.store.set({ editingEntity: null });
    });
  }

  update(s: State, prev: State | null): void {
    if (s.editingEntity === null) {
      if (this.el.open) closeDialog(this.el);
      return;
    }
    if (!this.el.open || prev?.editingEntity !== s.editingEntity || prev?.lang !== s.lang || prev?.timeline !== s.timeline) {
      if (s.editingEntity) this.chosen = s.editingEntity;
      this.render(s);
    }
    if (!this.el.open) showDialog(this.el);
  }

  private async send(change: Change): Promise<void> {
    if (!this.chosen) return;
    const ok = await this.actions.change({ cmd: "edit_entity", args: { entity: this.chosen, change } });
    if (ok) this.actions.store.set({ editingEntity: null });
  }

  private render(s: State): void {
    const t = STRINGS[s.lang];
    const entities = [...(s.timeline?.entities ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    if (!entities.some((e) => e.id === this.chosen)) this.chosen = entities[0]?.id ?? "";
    const label = (text: string, input: HTMLElement) => h("label", {}, h("span", {}, text), input);
    const text = (testid: string) => h("input", { "data-testid": testid, lang: "zh" });
    const rename = text("entity-rename");
    const alias = text("entity-alias");
    const into = h(
      "select",
      { "data-testid": "entity-merge" },
      h("option", { value: "" }, "—"),
      entities.filter((e) => e.id !== this.chosen).map((e) => h("option", { value: e.id }, entityName(e, e.id, s.lang))),
    );
    const pick = h(
      "select",
      {
        "data-testid": "entity-pick",
        onchange: (ev: Event) => {
          this.chosen = (ev.target as HTMLSelectElement).value;
          this.render(this.actions.store.get());
        },
      },
      entities.map((e) =>
        h("option", { value: e.id, selected: e.id === this.chosen }, `${entityName(e, e.id, s.lang)} (${named(ENTITY_KIND_NAMES, e.kind, s.lang)})${e.edited ? " ✎" : ""}`),
      ),
    );
    const current = entities.find((e) => e.id === this.chosen);
    const spellings = [...new Set(current ? [current.name, current.name_zh, ...current.aliases].filter((x): x is string => !!x) : [])];
    const splitOff = h(
      "select",
      { "data-testid": "entity-split", lang: "zh" },
      h("option", { value: "" }, "—"),
      spellings.map((sp) => h("option", { value: sp }, sp)),
    );
    const button = (testid: string, caption: string, act: () => void) => h("button", { type: "button", "data-testid": testid, onclick: act }, caption);
    fill(
      this.el,
      h(
        "form",
        { method: "dialog", onsubmit: (ev: Event) => ev.preventDefault() },
        h("h2", {}, t.entityTitle),
        label(t.entityWhich, pick),
        h("div", { class: "edit-row" }, label(t.entityRename, rename), button("entity-rename-save", t.entityRenameSave, () => rename.value.trim() && void this.send({ op: "rename", name: rename.value.trim() }))),
        h("div", { class: "edit-row" }, label(t.entityAlias, alias), button("entity-alias-save", t.entityAliasSave, () => alias.value.trim() && void this.send({ op: "add_alias", alias: alias.value.trim() }))),
        h("div", { class: "edit-row" }, label(t.entitySplit, splitOff), button("entity-split-save", t.entitySplitSave, () => splitOff.value && void this.send({ op: "split", spelling: splitOff.value }))),
        h("div", { class: "edit-row" }, label(t.entityMerge, into), button("entity-merge-save", t.entityMergeSave, () => into.value && void this.send({ op: "merge_entity_into", into: into.value }))),
        h(
          "div",
          { class: "actions" },
          button("entity-not-a-name", t.entityNotAName, () => void this.send({ op: "not_a_name" })),
          h("span", { class: "spacer" }),
          button("entity-cancel", t.cancel, () => this.actions.store.set({ editingEntity: null })),
        ),
      ),
    );
  }
}
