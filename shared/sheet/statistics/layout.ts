import { sheetText } from '#shared/sheet/cells';

/**
 * A statistics sheet as plain data: its cells from A1, the styles of its blocks, the native charts over
 * its tables, and the cells left blank because the data cannot give them (each with the note that says
 * so). addin/src/excel/office-statistics-sheets.ts writes one, or several, in a single batch; nothing
 * here calls Office.js, so every figure's place is tested without Excel.
 */

/** A rectangle of cells, 0-based, from A1. */
export interface Block {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface LayoutStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  align?: 'Left' | 'Center' | 'Right';
  valign?: 'Top' | 'Center';
  wrap?: boolean;
  fill?: string;
  merge?: boolean;
  grid?: boolean;
}

/** A native Excel chart over a table of the sheet: its header row names the series, its first column the categories. */
export interface ChartSpec {
  name: string;
  type: 'ColumnClustered' | 'Pie';
  title: string;
  source: Block;
  /** Where it sits: from the block's top-left cell to its bottom-right one. */
  at: Block;
}

/** A figure the data cannot give: its cell stays empty (never a guessed 0), shaded, with this note. */
export interface BlankCell {
  row: number;
  column: number;
  note: string;
}

export interface SheetLayout {
  name: string;
  /** Column widths in characters, from column A. */
  widths: number[];
  /** Every cell from A1, rectangular; untrusted text already made safe (sheetText). */
  values: (string | number)[][];
  styles: { block: Block; style: LayoutStyle }[];
  charts: ChartSpec[];
  blanks: BlankCell[];
}

export const HEADER_FILL = '#DDEBF7';
export const BLANK_FILL = '#E7E6E6';
export const NO_DATA = 'Không có dữ liệu';

/** A table's cell: text, a figure, or a figure the data cannot give (`null`: the table's note; else its own). */
export type TableCell = string | number | null | { noData: string };

/** A table's place once laid out: its header row and body, for a chart's source. */
export interface PlacedTable {
  header: number;
  rows: number;
  columns: number;
}

/** Rows appended top to bottom: titles, lines of text and ruled tables, at the sheet's full width. */
export class LayoutBuilder {
  private readonly rows: (string | number)[][] = [];
  private readonly layout: SheetLayout;

  constructor(
    name: string,
    private readonly width: number,
  ) {
    this.layout = { name, widths: [], values: [], styles: [], charts: [], blanks: [] };
  }

  get next(): number {
    return this.rows.length;
  }

  /** A line of text merged across `span` columns (the width by default). */
  text(text: string, style: LayoutStyle = {}, span = this.width): number {
    const row = this.rows.push([sheetText(text)]) - 1;
    this.layout.styles.push({ block: { row, column: 0, rows: 1, columns: span }, style: { merge: true, wrap: true, ...style } });
    return row;
  }

  blank(): void {
    this.rows.push([]);
  }

  /**
   * A titled table: its header (bold, shaded), its rows ruled. A cell given as `null` is a figure the data
   * cannot give: left empty, shaded, with `noData`'s note (or its own, given as `{ noData }`).
   */
  table(title: string, headers: readonly string[], body: readonly (readonly TableCell[])[], noData = NO_DATA): PlacedTable {
    this.text(title, { bold: true }, headers.length);
    const header = this.rows.push(headers.map((h) => sheetText(h))) - 1;
    this.layout.styles.push({
      block: { row: header, column: 0, rows: 1, columns: headers.length },
      style: { bold: true, fill: HEADER_FILL, wrap: true, valign: 'Center', align: 'Center' },
    });
    for (const cells of body) {
      const row =
        this.rows.push(cells.map((cell) => (typeof cell === 'string' ? sheetText(cell) : typeof cell === 'number' ? cell : ''))) - 1;
      cells.forEach((cell, column) => {
        if (cell !== null && typeof cell !== 'object') return;
        this.layout.blanks.push({ row, column, note: cell?.noData ?? noData });
        this.layout.styles.push({ block: { row, column, rows: 1, columns: 1 }, style: { fill: BLANK_FILL } });
      });
    }
    this.layout.styles.push({ block: { row: header, column: 0, rows: body.length + 1, columns: headers.length }, style: { grid: true } });
    return { header, rows: body.length, columns: headers.length };
  }

  chart(spec: ChartSpec): void {
    this.layout.charts.push(spec);
  }

  build(widths: number[]): SheetLayout {
    const width = Math.max(this.width, ...this.rows.map((row) => row.length));
    this.layout.widths = widths;
    this.layout.values = this.rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
    return this.layout;
  }
}

/** A table's header and body as a chart's source, its first `columns` columns. */
export function sourceOf(table: PlacedTable, columns = table.columns): Block {
  return { row: table.header, column: 0, rows: table.rows + 1, columns };
}
