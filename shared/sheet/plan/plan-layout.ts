import type { Campaign } from '#shared/campaign';
import type { CellValue } from '#shared/sheet/cells';
import { DATE_FORMAT, NUMBER_FORMAT, TEXT_FORMAT, type Codec } from './codecs';
import { getPath } from './paths';
import { MESSAGES_HEADER, PLAN_FIELDS, PLAN_HEADING, PLAN_SHEET, PLAN_TABLES, PLAN_WIDTH } from './schema';

/**
 * The "Kế hoạch" sheet as cells, from A1: what the add-in writes in one request. The reading is
 * plan-reading.ts, from the same schema (schema.ts).
 */
export interface PlanGrid {
  values: CellValue[][];
  formats: string[][];
  /** Rows to show as the sheet's heading, a table's title, a table's headers (0-based). */
  headingRows: number[];
  titleRows: number[];
  headerRows: number[];
  /** Column widths in characters, the messages' column last. */
  widths: number[];
  messageColumn: number;
}

export const PLAN_HINT =
  'Sửa các ô rồi bấm "Lưu kế hoạch" trong ngăn tác vụ. Ngày theo dạng dd/MM/yyyy; danh sách cách nhau bằng dấu phẩy; thêm dòng ngay dưới mỗi bảng.';

const FORMATS: Record<Codec['format'], string> = { text: TEXT_FORMAT, date: DATE_FORMAT, number: NUMBER_FORMAT };

/** "C12" of a 0-based row and column. */
export function cellName(row: number, column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** As Excel names a cell of the plan's sheet in a message: 'Kế hoạch'!C12. */
export const sheetCellName = (row: number, column: number): string => `'${PLAN_SHEET}'!${cellName(row, column)}`;

export function planGrid(campaign: Campaign): PlanGrid {
  const width = PLAN_WIDTH + 1;
  const grid: PlanGrid = { values: [], formats: [], headingRows: [], titleRows: [], headerRows: [], widths: [], messageColumn: PLAN_WIDTH };
  const push = (cells: { value: CellValue; format?: string }[]) => {
    const values: CellValue[] = Array.from({ length: width }, () => '');
    const formats = Array.from({ length: width }, () => TEXT_FORMAT);
    cells.forEach((cell, column) => {
      values[column] = cell.value;
      if (cell.format) formats[column] = cell.format;
    });
    grid.values.push(values);
    grid.formats.push(formats);
    return grid.values.length - 1;
  };
  const heading = push([{ value: PLAN_HEADING }]);
  grid.values[heading]![PLAN_WIDTH] = MESSAGES_HEADER;
  grid.headingRows.push(heading);
  push([{ value: PLAN_HINT }]);
  push([]);
  for (const field of PLAN_FIELDS) {
    push([{ value: field.label }, { value: field.codec.write(getPath(campaign, field.path)), format: FORMATS[field.codec.format] }]);
  }
  for (const table of PLAN_TABLES) {
    push([]);
    grid.titleRows.push(push([{ value: table.title }]));
    grid.headerRows.push(push(table.columns.map((column) => ({ value: column.header }))));
    const items = (getPath(campaign, table.path) as unknown[] | undefined) ?? [];
    for (const item of items) {
      push(
        table.columns.map((column) => ({ value: column.codec.write(getPath(item, column.path)), format: FORMATS[column.codec.format] })),
      );
    }
  }
  grid.widths = Array.from({ length: width }, (_, column) =>
    column === 0 ? 40 : column === PLAN_WIDTH ? 60 : Math.max(14, ...PLAN_TABLES.map((table) => table.columns[column]?.width ?? 0)),
  );
  return grid;
}
