import { afterEach, describe, expect, it, vi } from "vitest";
import { BackendError, isTauri, toBackendError } from "../src/backend/index";
import { HttpBackend } from "../src/backend/http";
import { TauriBackend } from "../src/backend/tauri";
import { emptyFilter } from "../src/model/filter";

afterEach(() => vi.unstubAllGlobals());

describe("choosing the backend", () => {
  it("is Tauri exactly when the shell injected its internals", () => {
    expect(isTauri({})).toBe(false);
    expect(isTauri({ __TAURI__: {} })).toBe(false);
    expect(isTauri({ __TAURI_INTERNALS__: {} })).toBe(true);
  });
});

describe("Tauri backend", () => {
  it("sends every request through the `api` command as {request}", async () => {
    const invoke = vi.fn(async () => [{ id: "a" }]);
    const b = new TauriBackend({ __TAURI_INTERNALS__: { invoke } });
    expect(await b.call({ cmd: "articles" })).toEqual([{ id: "a" }]);
    expect(invoke).toHaveBeenCalledWith("api", { request: { cmd: "articles" } });
  });

  it("turns the shell's {code, message} rejection into a BackendError with that code", async () => {
    const invoke = vi.fn(async () => {
      throw { code: "unknown_article", message: "no article with id \"x\"" };
    });
    const b = new TauriBackend({ __TAURI_INTERNALS__: { invoke } });
    const err = await b.call<never>({ cmd: "article", args: { id: "x", script: "original" } }).catch((e: BackendError) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect(err.code).toBe("unknown_article");
  });

  it("exports through the shell's export_with_dialog command, naming no path itself", async () => {
    const invoke = vi.fn(async () => "/home/me/wang.csv");
    const b = new TauriBackend({ __TAURI_INTERNALS__: { invoke } });
    const filter = { ...emptyFilter(), entities: ["alexandr-wang"] };
    expect(await b.saveExport("csv", filter)).toEqual({ saved: true, name: "/home/me/wang.csv" });
    expect(invoke.mock.calls).toEqual([["export_with_dialog", { format: "csv", filter }]]);
  });

  it("reports nothing saved when the user cancels the dialog", async () => {
    const b = new TauriBackend({ __TAURI_INTERNALS__: { invoke: async () => null } });
    expect(await b.saveExport("ics", emptyFilter())).toEqual({ saved: false });
  });

  it("turns a failed write into a BackendError with the shell's code", async () => {
    const invoke = async () => {
      throw { code: "io", message: "cannot write /ro/x.md: read-only file system" };
    };
    const err = await new TauriBackend({ __TAURI_INTERNALS__: { invoke } }).saveExport("md", emptyFilter()).catch((e: BackendError) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect((err as BackendError).code).toBe("io");
  });
});

describe("HTTP backend", () => {
  it("POSTs the request as JSON to /api", async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify([1, 2]), { status: 200 }));
    vi.stubGlobal("fetch", fetch);
    expect(await new HttpBackend("/api", "secret").call({ cmd: "issues" })).toEqual([1, 2]);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api");
    expect(init.method).toBe("POST");
    expect(init.headers).toEqual({ "Content-Type": "application/json", "X-Storyline-Token": "secret" });
    expect(JSON.parse(String(init.body))).toEqual({ cmd: "issues" });
  });

  it("reports the server's error code, not its wording", async () => {
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ code: "bad_format", message: "nope" }), { status: 400 }));
    const err = await new HttpBackend().call<never>({ cmd: "export", args: { format: "ics", filter: emptyFilter() } }).catch((e: BackendError) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect(err.code).toBe("bad_format");
  });

  it("reports an unreachable server as an io error", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    const err = await new HttpBackend().call<never>({ cmd: "articles" }).catch((e: BackendError) => e);
    expect(err.code).toBe("io");
  });

  it("saves an export as a download of the server's file", async () => {
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ filename: "storyline.csv", mime: "text/csv", content: "a,b\n1,2\n" })));
    const clicks: { download: string; href: string }[] = [];
    const orig = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicks.push({ download: this.download, href: this.href });
    };
    URL.createObjectURL ??= () => "blob:x";
    URL.revokeObjectURL ??= () => {};
    try {
      expect(await new HttpBackend().saveExport("csv", emptyFilter())).toEqual({ saved: true, name: "storyline.csv" });
    } finally {
      HTMLAnchorElement.prototype.click = orig;
    }
    expect(clicks).toHaveLength(1);
    expect(clicks[0].download).toBe("storyline.csv");
  });

  it("toBackendError keeps codes and wraps anything else as io", () => {
    expect(toBackendError({ code: "index", message: "m" }).code).toBe("index");
    expect(toBackendError(new Error("boom")).code).toBe("io");
  });
});
