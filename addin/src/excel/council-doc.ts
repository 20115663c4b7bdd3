import { sheetText } from '#shared/sheet/columns';
import type { PageSetup } from './page-setup';

/**
 * A council sheet as plain data (a "sheet document"): the cells from A1, the add-in's own formulas, and
 * the formats, merges, rules and page setup, each on a rectangle. The planners (council-layout.ts) build
 * one from a round, row by row with DocBuilder; office-council-sheets.ts writes one in a single batch.
 * Nothing here calls Office.js, so every layout rule is tested without Excel.
 */

/** A rectangle of cells, 0-based, from A1. */
export interface Block {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export type Align = 'Left' | 'Center' | 'Right';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  size?: number;
  align?: Align;
  /** Vertical alignment: 'Center' for the header rows, 'Top' for long text. */
  valign?: 'Top' | 'Center';
  wrap?: boolean;
  fill?: string;
  fontColor?: string;
  /** The block becomes one merged cell (range.merge(false)). */
  merge?: boolean;
  /** Thin borders around and inside the block (a table). */
  grid?: boolean;
}

export type { PageSetup } from './page-setup';

export interface SheetDoc {
  name: string;
  /** 'keep': an existing sheet of this name is left as it is (ballots typed in it); 'replace': rewritten whole. */
  existing: 'keep' | 'replace';
  /** Column widths in characters, from column A. */
  widths: number[];
  /** Every cell from A1, rectangular: untrusted text already made safe (sheetText), '' for a blank. */
  values: (string | number)[][];
  /** Blocks formatted as text ('@') before the values go in, so that what people type there stays text. */
  textBlocks: Block[];
  /** The add-in's own formulas, written after the values. */
  formulas: { block: Block; formulas: string[][] }[];
  styles: { block: Block; style: CellStyle }[];
  rowHeights: { row: number; points: number }[];
  /** Data validation: the one mark accepted (a list of one), or a custom rule; a stop alert otherwise. */
  validations: { block: Block; rule: { list: string } | { custom: string }; alert: { title: string; message: string } }[];
  /** A conditional format: the cells' fill turns red when their value exceeds `max`. */
  overLimits: { block: Block; max: number; fill: string; fontColor: string }[];
  freezeRows?: number;
  font?: { name: string; size: number };
  page?: PageSetup;
}

export function emptyDoc(name: string, existing: SheetDoc['existing']): SheetDoc {
  return {
    name,
    existing,
    widths: [],
    values: [],
    textBlocks: [],
    formulas: [],
    styles: [],
    rowHeights: [],
    validations: [],
    overLimits: [],
  };
}

/**
 * The doc printed as set: `page`, the print area over all its cells (so nothing left beside it prints),
 * and, when given, its table's header row (0-based) repeated on each page the table runs onto.
 */
export function printedAs(doc: SheetDoc, page: PageSetup, titleRow?: number): SheetDoc {
  const rows = doc.values.length;
  const columns = doc.values[0]?.length ?? 0;
  doc.page = {
    ...page,
    margins: { ...page.margins },
    ...(rows > 0 && columns > 0 ? { printArea: a1({ row: 0, column: 0, rows, columns }) } : {}),
    ...(titleRow === undefined ? {} : { printTitleRows: `$${titleRow + 1}:$${titleRow + 1}` }),
  };
  return doc;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function letter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "B3:D12" (or "B3" for one cell). */
export function a1(block: Block): string {
  const start = `${letter(block.column)}${block.row + 1}`;
  if (block.rows === 1 && block.columns === 1) return start;
  return `${start}:${letter(block.column + block.columns - 1)}${block.row + block.rows}`;
}

/** The grid padded to a rectangle of `width` columns. */
export function rectangular(rows: (string | number)[][], width: number): (string | number)[][] {
  return rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
}

/** Rows appended one at a time, with the styles of each: what the result and minutes planners share. */
export class DocBuilder {
  readonly doc: SheetDoc;
  private readonly rows: (string | number)[][] = [];

  constructor(
    name: string,
    readonly width: number,
  ) {
    this.doc = emptyDoc(name, 'replace');
  }

  get next(): number {
    return this.rows.length;
  }

  row(cells: (string | number)[], style?: CellStyle): number {
    const index = this.rows.length;
    this.rows.push(cells);
    if (style) this.style({ row: index, column: 0, rows: 1, columns: this.width }, style);
    return index;
  }

  /** One line of text across the width (merged, wrapped), tall enough for its length. */
  line(text: string, style: CellStyle = {}, charsPerLine = 90, lineHeight = 16): number {
    const index = this.row([sheetText(text)]);
    this.style({ row: index, column: 0, rows: 1, columns: this.width }, { merge: true, wrap: true, valign: 'Top', ...style });
    const lines = Math.max(1, Math.ceil(text.length / charsPerLine));
    if (lines > 1) this.doc.rowHeights.push({ row: index, points: lines * lineHeight });
    return index;
  }

  blank(): number {
    return this.row([]);
  }

  style(block: Block, style: CellStyle): void {
    this.doc.styles.push({ block, style });
  }

  build(widths: number[]): SheetDoc {
    this.doc.widths = widths;
    this.doc.values = rectangular(this.rows, this.width);
    return this.doc;
  }
}
