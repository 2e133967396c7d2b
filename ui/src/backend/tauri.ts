/**
 * The desktop backend: the shell's `api` command (the same dispatcher `storyline serve` uses) and,
 * for exports, the platform save dialog followed by the shell's `export_to_file` command, which
 * writes the file atomically on the Rust side. `app.withGlobalTauri` provides `window.__TAURI__`,
 * so no Tauri npm package is bundled.
 */
import type { Filter } from "../bindings/Filter";
import type { Format } from "../bindings/Format";
import type { Request } from "../bindings/Request";
import { FORMAT_EXTENSION, toBackendError, type Backend, type SaveOutcome } from "./index";

type Invoke = (cmd: string, args?: Record<string, unknown>) => Promise<unknown>;
interface TauriGlobal {
  core?: { invoke: Invoke };
  dialog?: { save(options: Record<string, unknown>): Promise<string | null> };
}
interface TauriWindow {
  __TAURI__?: TauriGlobal;
  __TAURI_INTERNALS__?: { invoke: Invoke };
}

export class TauriBackend implements Backend {
  private readonly w: TauriWindow;
  constructor(w: object = globalThis) {
    this.w = w as TauriWindow;
  }

  private invoke(cmd: string, args?: Record<string, unknown>): Promise<unknown> {
    const inv = this.w.__TAURI__?.core?.invoke ?? this.w.__TAURI_INTERNALS__?.invoke;
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

  async saveExport(format: Format, filter: Filter): Promise<SaveOutcome> {
    const ext = FORMAT_EXTENSION[format];
    const options = {
      defaultPath: `storyline.${ext}`,
      filters: [{ name: format, extensions: [ext.split(".").pop() ?? ext] }],
    };
    try {
      const dialog = this.w.__TAURI__?.dialog;
      const path = dialog
        ? await dialog.save(options)
        : ((await this.invoke("plugin:dialog|save", { options })) as string | null);
      if (!path) return { saved: false };
      await this.invoke("export_to_file", { format, filter, path });
      return { saved: true, name: path };
    } catch (e) {
      throw toBackendError(e);
    }
  }
}
