/**
 * The overview: a canvas time axis with the density of the events the other filters keep. Wheel or
 * the buttons zoom (around the pointer), Shift+wheel or ←/→ pan, dragging brushes a date range that
 * becomes the filter's from/to, a double click clears it. One canvas redraw per animation frame, in
 * O(bins): smooth with 10,000 events, where thousands of DOM items would not be.
 */
import type { Actions } from "../actions";
import { afterPaint, h, setAttr } from "../dom";
import { STRINGS, type Lang } from "../i18n";
import { Density, dayNumber, isoOfDay } from "../model/density";
import { applyFilter } from "../model/filter";
import type { State } from "../store";

const BAR_PX = 3;
const AXIS_H = 16;

export class Overview {
  readonly el = h("div", { class: "overview", "data-testid": "overview" });
  private readonly canvas = h("canvas", { tabindex: 0, role: "img", "data-testid": "overview-canvas" });
  private readonly zoomIn = h("button", { "data-testid": "zoom-in" }, "+");
  private readonly zoomOut = h("button", { "data-testid": "zoom-out" }, "−");
  private readonly reset = h("button", { "data-testid": "zoom-reset" }, "↔");
  private density = new Density([]);
  private densityKey: unknown[] = [];
  private view: [number, number] = [0, 1];
  private brush: [number, number] | null = null;
  private frame = 0;
  /** The canvas's CSS size, from the ResizeObserver. */
  private size: [number, number] | null = null;
  private state: State | null = null;
  private colors = { bar: "#1f5fbf", soft: "#e4ecf8", ink: "#333", muted: "#888", line: "#ddd", family: "sans-serif", theme: "" };

  constructor(private readonly actions: Actions) {
    this.el.append(this.canvas, h("div", { class: "overview-tools" }, this.zoomIn, this.zoomOut, this.reset));
    this.zoomIn.addEventListener("click", () => this.zoom(1 / 1.6));
    this.zoomOut.addEventListener("click", () => this.zoom(1.6));
    this.reset.addEventListener("click", () => this.fit());
    this.canvas.addEventListener("wheel", (e) => this.onWheel(e), { passive: false });
    this.canvas.addEventListener("pointerdown", (e) => this.onDown(e));
    this.canvas.addEventListener("dblclick", () => this.setRange(null));
    this.canvas.addEventListener("keydown", (e) => this.onKey(e));
    if (typeof ResizeObserver !== "undefined") {
      // Its answer comes after layout and before paint: drawing then never forces a layout, and
      // the first frame already has the chart.
      new ResizeObserver((entries) => {
        const r = entries[entries.length - 1]?.contentRect;
        if (r) this.size = [r.width, r.height];
        this.draw();
      }).observe(this.canvas);
    }
  }

  update(s: State): void {
    this.state = s;
    const t = STRINGS[s.lang];
    for (const [b, label] of [[this.zoomIn, t.zoomIn], [this.zoomOut, t.zoomOut], [this.reset, t.zoomReset]] as const) {
      setAttr(b, "title", label);
      setAttr(b, "aria-label", label);
    }
    setAttr(this.canvas, "title", t.brushHelp);
    const f = s.filter;
    const key = [s.timeline, f.entities, f.kinds, f.statuses, f.articles];
    if (key.some((k, i) => k !== this.densityKey[i])) {
      const first = this.densityKey.length === 0 || this.densityKey[0] !== s.timeline;
      this.densityKey = key;
      const rebuild = () => {
        if (this.densityKey !== key) return;
        this.density = new Density(applyFilter(s.timeline?.events ?? [], { ...f, from: null, to: null }));
        if (first) this.fit(false);
        this.updateLabel();
        this.schedule();
      };
      // The list answers a filter change first; the overview's density follows after that paint.
      if (first) rebuild();
      else afterPaint(rebuild);
    }
    this.updateLabel();
    this.schedule();
  }

  private updateLabel(): void {
    if (!this.state) return;
    const t = STRINGS[this.state.lang];
    const d = this.density;
    setAttr(
      this.canvas,
      "aria-label",
      d.first === null ? t.overview : `${t.overview}: ${d.dated} · ${isoOfDay(d.first)} – ${isoOfDay(d.last!)}. ${t.brushHelp}`,
    );
  }

  private readColors(theme: string): void {
    const cs = getComputedStyle(document.documentElement);
    const v = (n: string, dflt: string) => cs.getPropertyValue(n).trim() || dflt;
    this.colors = { bar: v("--accent", "#1f5fbf"), soft: v("--accent-soft", "#e4ecf8"), ink: v("--ink", "#333"), muted: v("--muted", "#888"), line: v("--line", "#ddd"), family: cs.fontFamily || "sans-serif", theme };
  }

  private fit(redraw = true): void {
    const d = this.density;
    if (d.first === null) this.view = [dayNumber("2025-01-01"), dayNumber("2026-01-01")];
    else {
      const pad = Math.max(15, (d.last! - d.first) * 0.04);
      this.view = [d.first - pad, d.last! + 1 + pad];
    }
    if (redraw) this.schedule();
  }

  private zoom(factor: number, anchor = 0.5): void {
    const [v0, v1] = this.view;
    const span = Math.min(400 * 366, Math.max(10, (v1 - v0) * factor));
    const at = v0 + (v1 - v0) * anchor;
    this.view = [at - span * anchor, at - span * anchor + span];
    this.schedule();
  }

  private pan(fraction: number): void {
    const [v0, v1] = this.view;
    const dx = (v1 - v0) * fraction;
    this.view = [v0 + dx, v1 + dx];
    this.schedule();
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const r = this.canvas.getBoundingClientRect();
    if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) this.pan((e.deltaX || e.deltaY) / Math.max(1, r.width));
    else this.zoom(e.deltaY > 0 ? 1.2 : 1 / 1.2, (e.clientX - r.left) / Math.max(1, r.width));
  }

  private dayAt(clientX: number): number {
    const r = this.canvas.getBoundingClientRect();
    const x = Math.max(0, Math.min(1, (clientX - r.left) / Math.max(1, r.width)));
    return this.view[0] + (this.view[1] - this.view[0]) * x;
  }

  private onDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    const start = this.dayAt(e.clientX);
    const x0 = e.clientX;
    this.canvas.setPointerCapture?.(e.pointerId);
    const move = (m: PointerEvent) => {
      this.brush = [start, this.dayAt(m.clientX)];
      this.schedule();
    };
    const up = (u: PointerEvent) => {
      this.canvas.removeEventListener("pointermove", move);
      this.canvas.removeEventListener("pointerup", up);
      this.brush = null;
      if (Math.abs(u.clientX - x0) > 3) {
        const a = Math.min(start, this.dayAt(u.clientX));
        const b = Math.max(start, this.dayAt(u.clientX));
        this.setRange([isoOfDay(Math.floor(a)), isoOfDay(Math.floor(b))]);
      }
      this.schedule();
    };
    this.canvas.addEventListener("pointermove", move);
    this.canvas.addEventListener("pointerup", up);
  }

  private onKey(e: KeyboardEvent): void {
    const map: Record<string, () => void> = {
      ArrowLeft: () => this.pan(-0.1),
      ArrowRight: () => this.pan(0.1),
      "+": () => this.zoom(1 / 1.6),
      "=": () => this.zoom(1 / 1.6),
      "-": () => this.zoom(1.6),
      "0": () => this.fit(),
      Escape: () => this.setRange(null),
    };
    const f = map[e.key];
    if (f) {
      e.preventDefault();
      e.stopPropagation();
      f();
    }
  }

  /** Brushing sets the filter's date range (and nothing else). */
  setRange(range: [string, string] | null): void {
    const f = this.actions.store.get().filter;
    this.actions.setFilter({ ...f, from: range ? range[0] : null, to: range ? range[1] : null });
  }

  private schedule(): void {
    if (this.frame) return;
    const raf = globalThis.requestAnimationFrame ?? ((cb: FrameRequestCallback) => setTimeout(() => cb(0), 16));
    this.frame = raf(() => {
      this.frame = 0;
      this.draw();
    }) as unknown as number;
  }

  draw(): void {
    const s = this.state;
    const [cssW, cssH] = this.size ?? (typeof ResizeObserver === "undefined" ? [this.canvas.clientWidth, this.canvas.clientHeight] : [0, 0]);
    const ctx = cssW && cssH ? this.canvas.getContext("2d") : null;
    if (!s || !ctx) return;
    // Read when drawing, when styles are computed anyway, not in update() amid DOM changes.
    if (this.colors.theme !== s.theme) this.readColors(s.theme);
    const dpr = globalThis.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(cssW * dpr) || this.canvas.height !== Math.round(cssH * dpr)) {
      this.canvas.width = Math.round(cssW * dpr);
      this.canvas.height = Math.round(cssH * dpr);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, cssW, cssH);
    const [v0, v1] = this.view;
    const xOf = (day: number) => ((day - v0) / (v1 - v0)) * cssW;
    const plotH = cssH - AXIS_H - 4;
    const c = this.colors;
    // The filter's date range, or the brush in progress.
    const sel = this.brush
      ? [Math.min(...this.brush), Math.max(...this.brush)]
      : s.filter.from || s.filter.to
        ? [s.filter.from ? dayNumber(s.filter.from) : v0, s.filter.to ? dayNumber(s.filter.to) + 1 : v1]
        : null;
    if (sel) {
      ctx.fillStyle = c.soft;
      ctx.fillRect(xOf(sel[0]), 0, Math.max(1, xOf(sel[1]) - xOf(sel[0])), cssH - AXIS_H);
    }
    const n = Math.max(1, Math.floor(cssW / BAR_PX));
    const bins = this.density.bins(v0, v1, n);
    let max = 0;
    for (const b of bins) if (b > max) max = b;
    ctx.fillStyle = c.bar;
    if (max > 0) {
      for (let i = 0; i < n; i++) {
        if (bins[i] <= 0) continue;
        // Square-root scale: one lone event stays visible beside a busy week.
        const bh = Math.max(1.5, Math.sqrt(bins[i] / max) * plotH);
        ctx.fillRect(i * BAR_PX, 4 + plotH - bh, BAR_PX - 0.6, bh);
      }
    } else {
      ctx.fillStyle = c.muted;
      ctx.font = `12px ${c.family}`;
      ctx.fillText(s.lang === "en" ? "No dated events" : "沒有已定日期的事件", 10, plotH / 2 + 4);
    }
    this.drawAxis(ctx, cssW, cssH, v0, v1, xOf, s.lang);
  }

  private drawAxis(ctx: CanvasRenderingContext2D, w: number, h: number, v0: number, v1: number, xOf: (d: number) => number, lang: Lang): void {
    const c = this.colors;
    ctx.strokeStyle = c.line;
    ctx.beginPath();
    ctx.moveTo(0, h - AXIS_H + 0.5);
    ctx.lineTo(w, h - AXIS_H + 0.5);
    ctx.stroke();
    ctx.fillStyle = c.muted;
    ctx.font = `11px ${c.family}`;
    const spanDays = v1 - v0;
    const from = new Date(v0 * 86_400_000);
    const to = new Date(v1 * 86_400_000);
    const monthsStep = spanDays > 365 * 8 ? 0 : spanDays > 365 * 3 ? 6 : spanDays > 365 * 1.5 ? 3 : spanDays > 200 ? 1 : 1;
    let lastX = -100;
    if (monthsStep === 0) {
      const step = Math.ceil(spanDays / 365 / 10);
      for (let y = from.getUTCFullYear(); y <= to.getUTCFullYear() + 1; y += step) {
        lastX = this.tick(ctx, xOf(dayNumber(`${y}-01-01`)), h, lang === "en" ? `${y}` : `${y}年`, lastX);
      }
      return;
    }
    if (spanDays < 75) {
      for (let d = Math.ceil(v0); d < v1; d++) {
        const iso = isoOfDay(d);
        const dd = Number(iso.slice(8));
        if (dd === 1 || dd % (spanDays < 25 ? 2 : 7) === 1) {
          const label = dd === 1 ? (lang === "en" ? iso.slice(0, 7) : `${Number(iso.slice(5, 7))}月`) : String(dd);
          lastX = this.tick(ctx, xOf(d), h, label, lastX);
        }
      }
      return;
    }
    for (let y = from.getUTCFullYear(); y <= to.getUTCFullYear(); y++) {
      for (let m = 1; m <= 12; m += monthsStep) {
        const day = dayNumber(`${y}-${String(m).padStart(2, "0")}-01`);
        if (day < v0 || day > v1) continue;
        const label = m === 1 ? (lang === "en" ? `${y}` : `${y}年`) : lang === "en" ? `${y}-${String(m).padStart(2, "0")}` : `${m}月`;
        lastX = this.tick(ctx, xOf(day), h, label, lastX);
      }
    }
  }

  private tick(ctx: CanvasRenderingContext2D, x: number, h: number, label: string, lastX: number): number {
    ctx.fillRect(Math.round(x), h - AXIS_H, 1, 4);
    const w = ctx.measureText(label).width;
    if (x + 2 < lastX + 6) return lastX;
    ctx.fillText(label, x + 2, h - 4);
    return x + 2 + w;
  }
}
