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
  // Vietnamese has no casing of its own (only Turkish, Azeri and Lithuanian do): toLowerCase lowers it as
  // toLocaleLowerCase('vi') would, without resolving the locale on each of the save's many calls.
  return toNfc(text).trim().replace(/\s+/g, ' ').toLowerCase();
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

/**
 * A JSON text parsed with every string in NFC, as normalizeStrings would leave it, without walking the
 * value when the text already is NFC (what browsers and Excel send). A string differs from its raw text
 * only by its escapes: without a \u escape, the others (\" \\ \/ \b \f \n \r \t) decode to ASCII
 * characters that, like JSON's quotes, commas and brackets, never compose with a neighbour nor reorder
 * around it; and a letter of an escape that a following mark would compose with ("\n" + U+0303) makes
 * the text itself not NFC. So an NFC text without \u holds only NFC strings, and one normalisation of
 * the text replaces a walk that rebuilds every object of a 5,000-row body.
 */
export function parseJsonNfc(text: string): unknown {
  const value: unknown = JSON.parse(text);
  if (!text.includes('\\u') && text.normalize('NFC') === text) return value;
  return normalizeParsed(value);
}

/** normalizeStrings over a value JSON.parse just made, which nothing else holds: changed in place. */
function normalizeParsed(value: unknown): unknown {
  if (typeof value === 'string') return toNfc(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = normalizeParsed(value[i]);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const names = Object.keys(object);
    // A key to rename: rebuilt whole. Otherwise each value is set in place, a "__proto__" key too: JSON.parse
    // made it an own property, which the assignment sets (it never reaches the prototype's setter).
    if (names.some((name) => toNfc(name) !== name)) return normalizeStrings(object);
    for (const name of names) object[name] = normalizeParsed(object[name]);
    return object;
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
