import type { Campaign } from '#shared/campaign';
import type { Localized } from '#shared/localized';
import type { Nomination } from '#shared/nomination';
import type { Person, Unit } from '#shared/org';
import { isFormulaLike } from '#shared/text';
import { isoToSerial, readDateCell } from './excel-dates';
import { normalize } from './labels';

export type CellValue = string | number | boolean | null;

/** What the columns read besides a row: the campaign (its forms, documents) and the office's registry. */
export interface SheetContext {
  campaign: Campaign;
  units: readonly Unit[];
  people: readonly Person[];
}

/**
 * One column of the consolidated nomination sheet. This one list drives the sheet's layout (headers,
 * widths, formats, dropdowns, hidden system columns), the exports, and the parsing of its rows: each
 * column says how it writes a stored nomination into its cell and, beside it, how it reads its cell back.
 *  - input: typed by people, sent to the server;
 *  - output: written by the add-in (the messages), never read back;
 *  - derived: shown and locked, written by the add-in from the stored nomination and the registry (the
 *    individual's position) or from the row's place (the STT), refreshed on each load; never read back
 *    and no part of the row's fingerprint, so a registry change or a sort never makes a row look edited;
 *  - system: the add-in's bookkeeping, hidden and locked.
 */
export interface ColumnDef {
  id: string;
  header: string;
  /** Width in characters. */
  width: number;
  role: 'input' | 'output' | 'derived' | 'system';
  format: 'text' | 'date' | 'general';
  /**
   * The row's ordinal (STT) in the table as it stands, which no nomination knows: the gateway numbers
   * the rows holding a nomination 1, 2, … on each load and save (rowOrdinals), `write` gives ''.
   */
  ordinal?: true;
  /** The nomination field an issue names when it points at this column. */
  field?: string;
  /** A dropdown (data validation list). */
  options?: readonly string[];
  /** The cell's value for a stored nomination. */
  write(nomination: Nomination, ctx: SheetContext): CellValue;
  /** The cell back into `reader.row` (absent for an output column, which is never read back). */
  read?(value: CellValue, reader: RowReader): void;
}

/** Text that would read as a formula is written with Excel's text prefix, so it stays text. */
export function sheetText(text: string | undefined): string {
  if (!text) return '';
  return isFormulaLike(text) ? `'${text}` : text;
}

export const dateCell = (iso: string | undefined): CellValue => (iso ? isoToSerial(iso) : '');

/** A cell's text as typed: trimmed, '' for a blank cell. */
export const cellText = (value: CellValue | undefined): string => (value === null || value === undefined ? '' : String(value).trim());

/** Every input cell is blank: the row holds no nomination (Excel tables keep blank rows around). */
export function isBlankInput(values: readonly CellValue[], columns: readonly ColumnDef[]): boolean {
  return columns.every((column, index) => column.role !== 'input' || cellText(values[index]) === '');
}

/**
 * What the ordinal (STT) column holds on each row: the n-th row holding a nomination gets n, a blank
 * row nothing, so a printed list is numbered 1…n without gaps whatever blank rows the table keeps.
 */
export function rowOrdinals(rows: readonly (readonly CellValue[])[], columns: readonly ColumnDef[]): CellValue[] {
  let next = 0;
  return rows.map((values) => (isBlankInput(values, columns) ? '' : ++next));
}

/**
 * What a column's reader gets besides its cell. Columns are read left to right, each putting what it
 * read into `row` (nomination fields, and the system columns' id, version and rowHash), so a column may
 * use what the columns before it read: the nominee is looked up within the unit and kind read first.
 */
export interface RowReader {
  row: Record<string, unknown>;
  /** A cell that cannot be sent at all (no date, an unknown status, a missing key field): the row is not sent. */
  problem(vi: string, en: string): void;
}

/**
 * The items of a list by each of their names, normalized once per list and naming function rather than
 * once per row read (a sheet of 10,000 rows over a registry of thousands of people): each key keeps its
 * items in the list's order, so the first is the one `items.find` would give.
 */
const nameIndexes = new WeakMap<object, Map<(item: never) => unknown, Map<string, unknown[]>>>();

export function nameIndex<T>(items: readonly T[], names: (item: T) => (string | undefined)[]): Map<string, T[]> {
  let byNames = nameIndexes.get(items);
  if (!byNames) nameIndexes.set(items, (byNames = new Map()));
  let index = byNames.get(names) as Map<string, T[]> | undefined;
  if (!index) {
    index = new Map();
    for (const item of items) {
      for (const key of new Set(names(item).flatMap((name) => (name === undefined ? [] : [normalize(name)])))) {
        const list = index.get(key);
        if (list) list.push(item);
        else index.set(key, [item]);
      }
    }
    byNames.set(names, index);
  }
  return index;
}

/** The first item with this name (forgiving case, spacing and Unicode form); pass `names` as a constant, so that its index is kept. */
export function findByName<T>(items: readonly T[], typed: string, names: (item: T) => (string | undefined)[]): T | undefined {
  return nameIndex(items, names).get(normalize(typed))?.[0];
}

const itemNames = (item: { code: string; label?: Localized; text?: Localized; name?: Localized }) => [
  item.code,
  item.label?.vi,
  item.label?.en,
  item.text?.vi,
  item.name?.vi,
];

/** "Kế hoạch, triển khai; Chuyển đổi số" → codes, by the plan's short labels, its text or the codes. */
export function codesFrom(
  typed: string,
  items: readonly { code: string; label?: Localized; text?: Localized; name?: Localized }[],
): string[] {
  if (!typed) return [];
  const parts = typed.includes(';') || typed.includes('\n') ? typed.split(/[;\n]/) : [typed];
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => findByName(items, part, itemNames)?.code ?? part);
}

/** A date typed or stored in the cell, as ISO; a text that is no date is a problem. */
export function readDate(value: CellValue, reader: RowReader): string | undefined {
  const { iso, invalid } = readDateCell(value);
  if (invalid) reader.problem(`"${invalid}" không phải ngày dd/MM/yyyy`, `"${invalid}" is not a dd/MM/yyyy date`);
  return iso;
}

/** Free text into a field, at most `max` characters; `optional` leaves a blank cell out instead of ''. */
export function readText(field: string, max: number, optional: boolean) {
  return (value: CellValue, reader: RowReader): void => {
    const text = cellText(value);
    if (text.length > max) reader.problem(`Quá ${max} ký tự`, `Longer than ${max} characters`);
    if (text || !optional) reader.row[field] = text;
  };
}
