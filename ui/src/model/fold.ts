/**
 * Folding for matching typed names against entity names and aliases: compatibility forms
 * (full-width Latin, ideographic spaces), case, and separators (spaces, middle dots, hyphens) are
 * ignored, so "alexandr wang", "Ａｌｅｘａｎｄｒ Wang" and "亞歷山大·王" find what they should.
 * Script conversion is the core's job: entity aliases already carry both scripts.
 */
export function fold(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[\s·•・\-_.()（）]/gu, "");
}

/** Whether any of `names` contains the folded query. */
export function anyContains(names: (string | null | undefined)[], query: string): boolean {
  const q = fold(query);
  if (!q) return true;
  return names.some((n) => !!n && fold(n).includes(q));
}
