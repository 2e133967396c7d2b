/**
 * Adding articles to the story: pick files (several at once), or paste a text or a page's HTML
 * with what is known of it (title, outlet, URL, date; all optional). Files dropped anywhere on the
 * window come the same way. The page reads the files' bytes and hands them to the core, which
 * decodes them, copies them into the story and reports duplicates and unreadable files by name.
 */
import type { Actions } from "../actions";
import { closeDialog, fill, h, showDialog } from "../dom";
import { STRINGS } from "../i18n";
import type { State } from "../store";

export const ACCEPTED = ".txt,.md,.html,.htm";

export class AddDialog {
  readonly el = h("dialog", { class: "add-dialog", "data-testid": "add-dialog" });
  private busy = false;

  constructor(private readonly actions: Actions) {}

  open(): void {
    this.render(this.actions.store.get());
    showDialog(this.el);
  }

  close(): void {
    closeDialog(this.el);
  }

  update(s: State, prev: State | null): void {
    if (this.el.open && prev && prev.lang !== s.lang) this.render(s);
  }

  private async addFiles(input: HTMLInputElement): Promise<void> {
    const files = [...(input.files ?? [])];
    if (!files.length || this.busy) return;
    // The window shows the adding's progress (and a cancel) and then what became of each file;
    // the files stay where they are, so nothing is lost if it fails.
    this.close();
    this.busy = true;
    await this.actions.addArticles({ files });
    this.busy = false;
    input.value = "";
  }

  private async paste(form: HTMLFormElement): Promise<void> {
    const field = (name: string) => ((form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? "").trim();
    const text = field("text");
    if (!text || this.busy) return;
    const opt = (v: string) => (v ? v : null);
    this.busy = true;
    const report = await this.actions.addArticles({
      pasted: {
        text,
        html: /^\s*</.test(text) && /<\/(p|div|body|html|article)>/i.test(text),
        title: opt(field("title")),
        outlet: opt(field("outlet")),
        url: opt(field("url")),
        published: opt(field("published")),
      },
    });
    this.busy = false;
    if (report) this.close();
  }

  private render(s: State): void {
    const t = STRINGS[s.lang];
    const input = h("input", { type: "file", multiple: true, accept: ACCEPTED, "data-testid": "add-files" });
    input.addEventListener("change", () => void this.addFiles(input));
    const label = (text: string, el: HTMLElement) => h("label", {}, h("span", {}, text), el);
    fill(
      this.el,
      h(
        "form",
        {
          method: "dialog",
          onsubmit: (e: Event) => {
            e.preventDefault();
            void this.paste(e.target as HTMLFormElement);
          },
        },
        h("h2", {}, t.addTitle),
        h("p", {}, t.addFilesHelp),
        label(t.addFiles, input),
        h("h3", {}, t.addPaste),
        h("textarea", { name: "text", rows: 8, lang: "zh", "data-testid": "add-text" }),
        label(t.addArticleTitle, h("input", { name: "title", lang: "zh", "data-testid": "add-title" })),
        label(t.addOutlet, h("input", { name: "outlet", "data-testid": "add-outlet" })),
        label("URL", h("input", { name: "url", type: "url", "data-testid": "add-url" })),
        label(t.addPublished, h("input", { name: "published", placeholder: "YYYY-MM-DD", "data-testid": "add-published" })),
        h(
          "div",
          { class: "actions" },
          h("button", { type: "button", "data-testid": "add-cancel", onclick: () => this.close() }, t.cancel),
          h("button", { type: "submit", class: "primary", "data-testid": "add-paste" }, t.addPasteSave),
        ),
      ),
    );
  }
}
