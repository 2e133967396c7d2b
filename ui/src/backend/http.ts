/**
 * The browser backend: `POST /api` on the `storyline serve` that served this page. An export is
 * saved as a download through a Blob URL, so nothing but the page itself is needed. Every call
 * presents the run's token, which the address `storyline serve` printed carries (`?token=…`).
 */
import type { ExportFile } from "../bindings/ExportFile";
import type { Filter } from "../bindings/Filter";
import type { Format } from "../bindings/Format";
import type { Request } from "../bindings/Request";
import { BackendError, toBackendError, type Backend, type SaveOutcome } from "./index";

export class HttpBackend implements Backend {
  constructor(
    private readonly url = "/api",
    private readonly token = new URLSearchParams(globalThis.location?.search ?? "").get("token") ?? "",
  ) {}

  /** `storyline serve` serves the one story on its command line; the page cannot open another. */
  readonly canChooseStory = false;

  chooseStory(): Promise<boolean> {
    return Promise.reject(
      new BackendError({ code: "bad_query", message: "the browser shows the story `storyline serve` was started on" }),
    );
  }

  async call<R>(req: Request): Promise<R> {
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Storyline-Token": this.token },
        body: JSON.stringify(req),
      });
    } catch (e) {
      throw new BackendError({ code: "io", message: `the Storyline server does not answer: ${String(e)}` });
    }
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      throw body ? toBackendError(body) : new BackendError({ code: "io", message: `HTTP ${res.status}` });
    }
    return body as R;
  }

  async saveExport(format: Format, filter: Filter): Promise<SaveOutcome> {
    const file = await this.call<ExportFile>({ cmd: "export", args: { format, filter } });
    const blob = new Blob([file.content], { type: `${file.mime};charset=utf-8` });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = file.filename;
    a.style.display = "none";
    document.body.append(a);
    a.click();
    a.remove();
    // Revoke later: some browsers start reading the blob only after the click handler returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { saved: true, name: file.filename };
  }
}
