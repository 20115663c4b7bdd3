/**
 * Text helpers shared by the server (which stores text as typed) and the add-in (which must
 * never let typed text turn into a formula when written to a sheet or a CSV).
 */

/** Values that Excel and CSV readers would take as a formula or a DDE payload. */
export function isFormulaLike(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** Vietnamese collation for names: "Đặng" sorts after "Dương", tones after the bare letter. */
const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'accent', numeric: true });

export function compareVietnamese(a: string, b: string): number {
  return vietnameseCollator.compare(a, b);
}

/**
 * Vietnamese people are sorted by given name (the last word), then by the full name,
 * which is how personnel lists in Vietnamese offices are ordered.
 */
export function comparePersonNames(a: string, b: string): number {
  const given = (name: string) => name.trim().split(/\s+/).at(-1) ?? '';
  return compareVietnamese(given(a), given(b)) || compareVietnamese(a, b);
}
