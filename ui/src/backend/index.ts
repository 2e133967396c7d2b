/**
 * The one door from the UI to the Storyline core. Every view talks to a `Backend`; which one is
 * chosen once at start-up: inside the desktop shell (Tauri injects `__TAURI_INTERNALS__`)
 * requests go through `invoke('api')`, in a browser through `POST /api` on `storyline serve`.
 * Both speak the same `Request` type generated from Rust, and both fail with the same `ApiError`
 * shape `{code, message}`: callers branch on `code`, never on the wording.
 */
import type { ApiError } from "../bindings/ApiError";
import type { ErrorCode } from "../bindings/ErrorCode";
import type { Filter } from "../bindings/Filter";
import type { Format } from "../bindings/Format";
import type { Request } from "../bindings/Request";
import { HttpBackend } from "./http";
import { TauriBackend } from "./tauri";

/** What a save ended with: written somewhere (a path, or a download name), or cancelled by the user. */
export type SaveOutcome = { saved: true; name: string } | { saved: false };

export interface Backend {
  call<R>(req: Request): Promise<R>;
  /** Export the timeline under `filter` and save it: the platform save dialog, or a browser download. */
  saveExport(format: Format, filter: Filter): Promise<SaveOutcome>;
  /** Whether this backend can open or make another story (the desktop's folder dialog). */
  readonly canChooseStory: boolean;
  /**
   * Open a story folder, make a new one, or make one holding a copy of the built-in articles, through the platform's folder dialog on the Rust side
   * (the page never names a path). Answers whether a story was opened (false: cancelled).
   */
  chooseStory(how: "open" | "new" | "copy"): Promise<boolean>;
}

/** An `ApiError` as a throwable value, so `catch` blocks can test `e instanceof BackendError`. */
export class BackendError extends Error implements ApiError {
  code: ErrorCode;
  constructor(e: ApiError) {
    super(e.message);
    this.code = e.code;
    this.name = "BackendError";
  }
}

/** Turn anything a transport threw into a `BackendError` with a code. */
export function toBackendError(e: unknown): BackendError {
  if (e instanceof BackendError) return e;
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    const o = e as { code: unknown; message: unknown };
    if (typeof o.code === "string" && typeof o.message === "string") {
      return new BackendError({ code: o.code as ErrorCode, message: o.message });
    }
  }
  const message = e instanceof Error ? e.message : String(e);
  return new BackendError({ code: "io", message });
}

/** File name extension of each export format (mirrors `Format::extension` in src/export). */
export const FORMAT_EXTENSION: Record<Format, string> = {
  json: "json",
  csv: "csv",
  md: "md",
  ics: "ics",
  timelinejs: "timelinejs.json",
  "timelinejs-csv": "timelinejs.csv",
};

export function isTauri(w: object = globalThis): boolean {
  return "__TAURI_INTERNALS__" in w;
}

export function pickBackend(): Backend {
  return isTauri() ? new TauriBackend() : new HttpBackend();
}
