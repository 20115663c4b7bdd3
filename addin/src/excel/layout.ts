import type { CellValue, ColumnDef } from '#shared/sheet/columns';
import { identityKey } from '#shared/text';
import type { RowMark } from './gateway';
import { CM, type PageSetup } from './page-setup';

/**
 * The sheet's layout as plain data, derived from the column schema: nothing here calls Office.js, so
 * each rule (formats, widths, colours, where a schema column sits in the table) is tested on its own.
 */

/** The hidden worksheet holding the dropdown lists (see listSheetLayout for why lists live on a sheet). */
export const LIST_SHEET_NAME = 'Danh mục';

/** Column widths are given in characters; Excel sets them in points. ~7 points per character of Calibri 11. */
export const POINTS_PER_CHARACTER = 7;

export function widthInPoints(characters: number): number {
  return Math.round(characters * POINTS_PER_CHARACTER);
}

/**
 * The number format of a column. Text columns are '@' so that "03", a document number like "0125/TTr"
 * or a date typed as text stays exactly what was typed; date columns show serials as dd/mm/yyyy, the
 * Vietnamese order ("mm" after "dd/" is the month: Excel reads mm as minutes only next to h or s).
 */
export function numberFormatOf(column: ColumnDef): string {
  switch (column.format) {
    case 'text':
      return '@';
    case 'date':
      return 'dd/mm/yyyy';
    default:
      return 'General';
  }
}

/**
 * The consolidated list as HR prints it: A4 landscape, every visible column on one page wide (the
 * hidden bookkeeping columns do not print), centred, the table's header row repeated on every page,
 * "Trang 2/5" in the footer, narrow margins (1.5 cm top and bottom, room for the footer; 1 cm sides).
 * No print area: the table grows, and Excel prints the used range.
 */
export function listPageSetup(headerRowIndex: number): PageSetup {
  const row = headerRowIndex + 1;
  return {
    orientation: 'Landscape',
    paperSize: 'A4',
    fitPagesWide: 1,
    margins: { top: 1.5 * CM, bottom: 1.5 * CM, left: CM, right: CM },
    centerHorizontally: true,
    printTitleRows: `$${row}:$${row}`,
    centerFooter: 'Trang &P/&N',
  };
}

/** The fill of a row by its worst finding; null clears the fill ('ok': the row looks like any other). */
export const MARK_FILLS: Readonly<Record<RowMark, string | null>> = {
  ok: null,
  warning: '#FFF2CC', // light yellow
  error: '#FFC7CE', // light red
  unsaved: '#DDEBF7', // light blue: typed, not yet saved
  conflict: '#F4B183', // orange: someone else saved this row meanwhile
  problem: '#FFC7CE', // light red: the add-in could not read the row
};

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Headers are compared as people see them: Unicode form, spacing and case do not matter. */
export function normalizeHeader(value: unknown): string {
  return identityKey(String(value ?? ''));
}

/**
 * Where each schema column sits in the table. The table may hold more columns than the schema (one a
 * user added, or one an older layout had) and in another order (a column ensureSheet added back goes
 * last), so every read and write goes through this map rather than assuming schema order.
 */
export interface ColumnMap {
  /** tableIndex[i]: the table column of schema column i, or -1 when the table lacks it. */
  tableIndex: number[];
  /** The table's column count, extra columns included. */
  width: number;
  missing: ColumnDef[];
}

export function mapColumns(columns: readonly ColumnDef[], headerRow: readonly unknown[]): ColumnMap {
  const positions = new Map<string, number>();
  headerRow.forEach((header, index) => {
    const key = normalizeHeader(header);
    if (key && !positions.has(key)) positions.set(key, index);
  });
  const tableIndex = columns.map((column) => positions.get(normalizeHeader(column.header)) ?? -1);
  return { tableIndex, width: headerRow.length, missing: columns.filter((_, i) => tableIndex[i] === -1) };
}

/** A value as Excel's 2-D arrays take it: null there means "leave this cell as it is", so a blank is ''. */
export function toExcelValue(value: CellValue | undefined): string | number | boolean {
  return value === null || value === undefined ? '' : value;
}

/** A value as Excel gave it back, as a CellValue (anything exotic, such as a linked data type, as text). */
export function fromExcelValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

export function isBlankRow(row: readonly CellValue[]): boolean {
  return row.every((value) => value === '' || value === null);
}

/**
 * The dropdown lists, one column each on the hidden sheet "Danh mục" (header in row 1, options below),
 * referenced by the data validation as a range. Why not `source: options.join(',')`: a comma inside an
 * option would split it in two, and a literal list is capped at 255 characters, which the office's unit
 * names already come close to (9 demo units: 231). A range has neither limit, and keeps the lists
 * readable for whoever unhides the sheet.
 */
export interface ListSheetLayout {
  /** The block to write at A1: headers, then options, padded with ''. */
  values: string[][];
  /** For each schema column with options: its list's cells on the list sheet, as an A1 address. */
  sources: { columnIndex: number; address: string }[];
}

export function listSheetLayout(columns: readonly ColumnDef[], asText: (text: string) => string): ListSheetLayout {
  const lists = columns.flatMap((column, columnIndex) =>
    column.options && column.options.length > 0 ? [{ columnIndex, header: column.header, options: column.options }] : [],
  );
  const height = Math.max(0, ...lists.map((list) => list.options.length));
  const values: string[][] = [lists.map((list) => list.header)];
  for (let row = 0; row < height; row += 1) values.push(lists.map((list) => (row < list.options.length ? asText(list.options[row]!) : '')));
  const sources = lists.map((list, i) => {
    const letter = columnLetter(i);
    return { columnIndex: list.columnIndex, address: `$${letter}$2:$${letter}$${list.options.length + 1}` };
  });
  return { values: lists.length > 0 ? values : [], sources };
}
