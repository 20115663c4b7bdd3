import type { CellValue, ColumnDef } from './columns';

/** cyrb53: a fast 53-bit string hash; collisions between a row and its edit are vanishingly unlikely. */
export function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** A cell as Excel reads it back: the text prefix (') is not part of the value. */
function readBack(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return (value.startsWith("'") ? value.slice(1) : value).trim();
  return String(value);
}

/**
 * The fingerprint of a row as the server last saw it: its input cells, id and version (the add-in's own
 * output and derived columns are left out: a renumbering or a registry change is no edit). The add-in keeps
 * it in a hidden column; a row whose cells no longer match it has changed since (typed, pasted, or
 * edited while the pane was closed), with no copy of the sheet kept anywhere.
 */
export function rowHash(values: readonly CellValue[], columns: readonly ColumnDef[]): string {
  let hashed = hashedColumns.get(columns);
  if (!hashed) {
    hashed = columns.flatMap((column, index) =>
      column.role === 'output' || column.role === 'derived' || column.id === 'rowHash' ? [] : [index],
    );
    hashedColumns.set(columns, hashed);
  }
  return cyrb53(hashed.map((index) => readBack(values[index])).join('\u241f'));
}

/** The columns a fingerprint covers, by schema (a save hashes every row of the sheet, twice over). */
const hashedColumns = new WeakMap<readonly ColumnDef[], number[]>();
