/**
 * A tiny element builder. Every string a caller passes as a child becomes a text node, so article
 * text, titles and names can never be parsed as markup: there is no `innerHTML` anywhere in the UI.
 */
export type Child = Node | string | number | null | undefined | false | Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") {
      el.addEventListener(k.slice(2).toLowerCase(), v);
    } else if (k === "class") {
      el.className = String(v);
    } else {
      el.setAttribute(k, v === true ? "" : String(v));
    }
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (typeof c === "string" || typeof c === "number") el.appendChild(document.createTextNode(String(c)));
    else el.appendChild(c);
  }
}

/** Replace an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** Run `f` before the next paint (or soon, where there is no rendering, as in tests). */
export function nextFrame(f: () => void): void {
  if (typeof globalThis.requestAnimationFrame === "function") globalThis.requestAnimationFrame(() => f());
  else setTimeout(f, 0);
}

/**
 * Set text or an attribute only when it changes: writing the same value still invalidates style
 * (on `<html>`, for the whole document), which a render on every state change cannot afford.
 */
export function setText(el: Node, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

export function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Run `f` after the next paint: for work the reader should not wait for. */
export function afterPaint(f: () => void): void {
  nextFrame(() => setTimeout(f, 0));
}

/** Show a `<dialog>` modally (or just open, where `showModal` is missing, as in jsdom). */
export function showDialog(el: HTMLDialogElement): void {
  if (typeof el.showModal === "function") el.showModal();
  else el.setAttribute("open", "");
}

export function closeDialog(el: HTMLDialogElement): void {
  if (typeof el.close === "function") el.close();
  else el.removeAttribute("open");
}
