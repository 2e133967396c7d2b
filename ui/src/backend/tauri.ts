/**
 * The desktop backend: the shell's `api` command (the same dispatcher `storyline serve` uses) and,
 * for exports, the shell's `export_with_dialog` command, which opens the platform save dialog and
 * writes the file atomically on the Rust side: the page never names a path. Both go through
 * `window.__TAURI_INTERNALS__.invoke`, which the shell always injects: no Tauri npm package is
 * bundled, and the global API (`app.withGlobalTauri`) stays off — 40 KB less script at every start
 * and fewer calls within reach of the page.
 */
import type { Filter } from "../bindings/Filter";
import type { Format } from "../bindings/Format";
import type { Request } from "../bindings/Request";
import { toBackendError, type Backend, type SaveOutcome } from "./index";

type Invoke = (cmd: string, args?: Record<string, unknown>) => Promise<unknown>;
interface TauriWindow {
  __TAURI_INTERNALS__?: { invoke: Invoke };
}

export class TauriBackend implements Backend {
  private readonly w: TauriWindow;
  constructor(w: object = globalThis) {
    this.w = w as TauriWindow;
  }

  private invoke(cmd: string, args?: Record<string, unknown>): Promise<unknown> {
    const inv = this.w.__TAURI_INTERNALS__?.invoke;
    if (!inv) return Promise.reject(new Error("the desktop shell's invoke is missing"));
    return inv(cmd, args);
  }

  async call<R>(request: Request): Promise<R> {
    try {
      return (await this.invoke("api", { request })) as R;
    } catch (e) {
      throw toBackendError(e);
    }
  }

  readonly canChooseStory = true;

  async chooseStory(how: "open" | "new" | "copy"): Promise<boolean> {
    try {
      return (await this.invoke("choose_story", { how })) as boolean;
    } catch (e) {
      throw toBackendError(e);
    }
  }

  async saveExport(format: Format, filter: Filter): Promise<SaveOutcome> {
    try {
      const path = (await this.invoke("export_with_dialog", { format, filter })) as string | null;
      return path ? { saved: true, name: path } : { saved: false };
    } catch (e) {
      throw toBackendError(e);
    }
  }
}
