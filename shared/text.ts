/**
 * Text helpers shared by the server (which stores text as typed, in NFC) and the add-in (which must
 * never let typed text turn into a formula when written to a sheet or a CSV).
 */

/**
 * Vietnamese can be typed precomposed ("ễ", one code point) or decomposed ("e" + two marks), as some input
 * methods and text copied from PDFs produce: the same name in two forms would be two people. Every text
 * the API stores is NFC (see normalizeStrings), and names are compared by their identity key.
 */
export function toNfc(text: string): string {
  // ASCII is already NFC; most bodies are mostly ASCII (ids, codes, dates), so skip the normalizer there.
  return /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFC');
}

/** A name as an identity: NFC, case- and space-insensitive ("  nguyễn  VĂN An " is "Nguyễn Văn An"). */
export function identityKey(text: string): string {
  return toNfc(text).trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

/** Every string of a parsed JSON value in NFC, object keys included, recursively; other values as they are. */
export function normalizeStrings(value: unknown): unknown {
  if (typeof value === 'string') return toNfc(value);
  if (Array.isArray(value)) return value.map(normalizeStrings);
  if (value !== null && typeof value === 'object') {
    // fromEntries defines own properties, so a "__proto__" key stays a plain key (JSON.parse made it one).
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [toNfc(key), normalizeStrings(item)]));
  }
  return value;
}

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
  return compareVietnamese(givenName(a), givenName(b)) || compareVietnamese(a, b);
}

/** The given name a person is sorted by: the last word. A long list computes it once per name, not per comparison. */
export function givenName(name: string): string {
  return name.trim().split(/\s+/).at(-1) ?? '';
}
