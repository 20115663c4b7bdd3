import type { Nomination } from '#shared/nomination';
import { isFormulaLike } from '#shared/text';
import type { CellValue, ColumnDef, SheetContext } from './columns';
import { serialToIso } from './excel-dates';
import { formatDateVi } from '#shared/dates';

/** The visible columns of the sheet, for an export: the same headers and the same values. */
export function exportTable(nominations: readonly Nomination[], columns: readonly ColumnDef[], ctx: SheetContext) {
  const visible = columns.filter((column) => column.role === 'input');
  return {
    headers: visible.map((column) => column.header),
    rows: nominations.map((n) => visible.map((column) => column.write(n, ctx))),
    columns: visible,
  };
}

/** CSV for people who open it in Excel: dates as dd/MM/yyyy, and no cell that could run as a formula. */
export function toCsv(table: { headers: string[]; rows: CellValue[][]; columns: readonly ColumnDef[] }): string {
  const cell = (value: CellValue, column: ColumnDef | undefined): string => {
    let text = value === null ? '' : String(value);
    if (column?.format === 'date' && typeof value === 'number') text = formatDateVi(serialToIso(value));
    if (text.startsWith("'")) text = text.slice(1);
    if (isFormulaLike(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [table.headers.map((h) => cell(h, undefined)), ...table.rows.map((row) => row.map((v, i) => cell(v, table.columns[i])))];
  // The byte-order mark tells Excel the file is UTF-8, so Vietnamese letters survive.
  return `\ufeff${lines.map((line) => line.join(',')).join('\r\n')}\r\n`;
}
