/**
 * A virtualised list: only the rows in (or near) the viewport exist in the DOM, absolutely placed
 * over a spacer as tall as the whole list. Row heights come from the row's type (fixed per type), so
 * positions are a prefix sum and finding the first visible row is a binary search: scrolling through
 * 10,000 events touches a few dozen elements per frame, whatever the length.
 */
export interface VirtualListOptions<T> {
  height(row: T): number;
  key(row: T): string;
  render(row: T): HTMLElement;
  /** Pixels rendered beyond each edge of the viewport. */
  overscan?: number;
  /** Viewport height to assume while the element has no layout (tests, hidden panels). */
  fallbackHeight?: number;
}

export class VirtualList<T> {
  readonly spacer: HTMLElement;
  private rows: T[] = [];
  private offsets = new Float64Array(1);
  private live = new Map<string, HTMLElement>();
  private frame = 0;
  /**
   * Scroll position and viewport height as last seen by the scroll and resize observers. Reading
   * `scrollTop` right after a DOM change would force a synchronous layout of the page; the cached
   * values let a filter change re-render the list without one.
   */
  private top = 0;
  private height = 0;

  constructor(
    readonly scroller: HTMLElement,
    private readonly opts: VirtualListOptions<T>,
  ) {
    this.spacer = document.createElement("div");
    this.spacer.className = "spacer-rows";
    scroller.append(this.spacer);
    scroller.addEventListener(
      "scroll",
      () => {
        this.top = scroller.scrollTop;
        this.schedule();
      },
      { passive: true },
    );
    if (typeof ResizeObserver !== "undefined") {
      new ResizeObserver((entries) => {
        this.height = entries[entries.length - 1]?.contentRect.height ?? 0;
        this.schedule();
      }).observe(scroller);
    }
  }

  setRows(rows: T[]): void {
    this.rows = rows;
    const offsets = new Float64Array(rows.length + 1);
    for (let i = 0; i < rows.length; i++) offsets[i + 1] = offsets[i] + this.opts.height(rows[i]);
    this.offsets = offsets;
    this.spacer.style.height = `${offsets[rows.length]}px`;
    this.refresh();
  }

  /** The scroll position as last observed (no forced layout). */
  get scrollTop(): number {
    return this.top;
  }

  get length(): number {
    return this.rows.length;
  }

  /** Re-render every live row (e.g. the selection changed). */
  refresh(): void {
    for (const el of this.live.values()) el.remove();
    this.live.clear();
    this.draw();
  }

  private schedule(): void {
    if (this.frame) return;
    const raf = globalThis.requestAnimationFrame ?? ((f: FrameRequestCallback) => setTimeout(() => f(0), 0));
    this.frame = raf(() => {
      this.frame = 0;
      this.draw();
    }) as unknown as number;
  }

  /** Index of the row at pixel `y` from the top of the list. */
  indexAt(y: number): number {
    let lo = 0;
    let hi = this.rows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid] <= y) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(0, lo);
  }

  /** The list's height. Before the ResizeObserver's first answer, rendering takes the screen's
   * height as a bound (reading the list's, or even the window's, would lay out the page in the
   * middle of the first render); scrolling to a row (`exact`) needs the real one. */
  private viewport(exact = false): number {
    if (this.height) return this.height;
    const guess = exact || typeof ResizeObserver === "undefined" ? this.scroller.clientHeight : globalThis.screen?.availHeight;
    return guess || this.opts.fallbackHeight || 800;
  }

  /** Render the rows in the viewport; reuse the ones already there. */
  draw(): void {
    const n = this.rows.length;
    // Before the first measurement, the first frame gets only what the screen can show.
    const over = this.height ? (this.opts.overscan ?? 300) : 0;
    // Content shorter than the old scroll position: the browser will clamp it (and fire scroll).
    const top = Math.min(this.top, Math.max(0, this.offsets[n] - this.viewport()));
    const first = n ? this.indexAt(Math.max(0, top - over)) : 0;
    const bottom = top + this.viewport() + over;
    const wanted = new Map<string, number>();
    for (let i = first; i < n && this.offsets[i] < bottom; i++) wanted.set(this.opts.key(this.rows[i]), i);
    for (const [k, el] of this.live) {
      if (!wanted.has(k)) {
        el.remove();
        this.live.delete(k);
      }
    }
    for (const [k, i] of wanted) {
      let el = this.live.get(k);
      if (!el) {
        el = this.opts.render(this.rows[i]);
        el.classList.add("row");
        this.live.set(k, el);
        this.spacer.append(el);
      }
      el.style.top = `${this.offsets[i]}px`;
      el.style.height = `${this.opts.height(this.rows[i])}px`;
    }
  }

  /** Scroll so that row `i` is visible (`center` puts it mid-viewport). */
  scrollToIndex(i: number, align: "nearest" | "center" | "start" = "nearest"): void {
    if (i < 0 || i >= this.rows.length) return;
    const top = this.offsets[i];
    const bottom = this.offsets[i + 1];
    const view = this.viewport(true);
    const cur = this.top;
    let next = cur;
    if (align === "start") next = top;
    else if (align === "center") next = top - (view - (bottom - top)) / 2;
    else if (top < cur) next = top;
    else if (bottom > cur + view) next = bottom - view;
    next = Math.max(0, next);
    if (next !== cur) {
      this.scroller.scrollTop = next;
      this.top = next;
    }
    this.draw();
  }

  liveElements(): HTMLElement[] {
    return [...this.live.values()];
  }
}
