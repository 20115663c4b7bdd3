/**
 * The stand-in host's workbook: sheets of cells, tables, notes, comments, settings and the selection,
 * in memory. Both sides change it: the Excel API (excel-api.ts, one request at a time) and the person
 * at the grid (grid.ts: typing, pasting, selecting). Every change bumps `version` and tells the
 * listeners (the grid re-renders); changes inside a table raise its onChanged, as Excel does, unless
 * the add-in turned its events off (runtime.enableEvents) at the time of the change.
 */
import { columnFromLetters, columnLetter, enter, type Entered, type Scalar } from './values';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface Font {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

export type Edge = 'top' | 'bottom' | 'left' | 'right';

export interface Cell {
  value: Scalar;
  formula?: string;
  textPrefix?: boolean;
  /** The cell's own number format; absent: its column's, else General. */
  format?: string;
  fill?: string;
  locked?: boolean;
  wrap?: boolean;
  font?: Font;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  /** Border styles by edge ('Continuous', …). */
  borders?: Partial<Record<Edge, string>>;
}

export interface ConditionalFormat {
  rect: Rect;
  /** A CellValue rule: the cell's value compared with formula1 (a number). */
  operator: string;
  formula1: string;
  fill?: string;
  fontColor?: string;
}

export interface Note {
  id: string;
  row: number;
  column: number;
  content: string;
}

/**
 * A native chart (worksheet.charts, ExcelApi 1.1): its type, the range it plots (on its own sheet: the
 * header row names the series, the first column the categories, when seriesBy is Columns), its title
 * and where it sits (the cells under its top-left and bottom-right corners). It goes with its sheet.
 */
export interface Chart {
  id: string;
  name: string;
  type: string;
  source: Rect;
  seriesBy: 'Auto' | 'Columns' | 'Rows';
  title: string;
  legend: { visible: boolean; position: string };
  position?: { from: Rect; to: Rect };
}

export interface Validation {
  rect: Rect;
  list?: { inCellDropDown: boolean; source: { sheet: Sheet; rect: Rect } | string };
  /** A custom rule's formula (kept, not evaluated: the grid does not refuse what a person types). */
  custom?: string;
  errorAlert?: unknown;
}

export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let serial = 1;
const guid = (n: number) => `{${String(n).padStart(8, '0')}-0001-0000-0000-000000000000}`;

export function a1(rect: Rect): string {
  const start = `${columnLetter(rect.column)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.columns === 1) return start;
  if (rect.rows === MAX_ROWS) return `${columnLetter(rect.column)}:${columnLetter(rect.column + rect.columns - 1)}`;
  return `${start}:${columnLetter(rect.column + rect.columns - 1)}${rect.row + rect.rows}`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}

export class Sheet {
  readonly id = guid(serial++);
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  /** Worksheet protection as set (the stand-in host does not refuse edits of a protected sheet). */
  protected = false;
  readonly cells = new Map<number, Cell>();
  readonly columnFormats = new Map<number, string>();
  /** Widths in points, as Office.js sets them. */
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  frozenRows = 0;
  validations: Validation[] = [];
  notes: Note[] = [];
  /** Merged areas: the top-left cell holds the value and shows over the area. */
  merges: Rect[] = [];
  /** Row heights in points, where set. */
  readonly rowHeights = new Map<number, number>();
  conditionalFormats: ConditionalFormat[] = [];
  charts: Chart[] = [];
  /** Page setup as set (orientation, paperSize, zoom, margins…): kept for tests, not rendered. */
  readonly pageLayout: Record<string, unknown> = {};

  constructor(public name: string) {}

  static key(row: number, column: number): number {
    return row * MAX_COLUMNS + column;
  }

  get(row: number, column: number): Cell | undefined {
    return this.cells.get(Sheet.key(row, column));
  }

  ensure(row: number, column: number): Cell {
    const key = Sheet.key(row, column);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: '' };
      this.cells.set(key, cell);
    }
    return cell;
  }

  formatAt(row: number, column: number): string {
    return this.get(row, column)?.format ?? this.columnFormats.get(column) ?? 'General';
  }

  /** A cell's value as Excel reads it back: a formula's result (see evaluate), else what it holds. */
  value(row: number, column: number): Scalar {
    const cell = this.get(row, column);
    if (!cell) return '';
    return cell.formula === undefined ? cell.value : evaluate(this, cell.formula);
  }

  /** Every existing cell inside the rectangle (cells never touched are not visited). */
  *cellsIn(rect: Rect): Generator<[number, number, Cell]> {
    const area = rect.rows * rect.columns;
    if (area <= this.cells.size) {
      for (let r = rect.row; r < rect.row + rect.rows; r += 1) {
        for (let c = rect.column; c < rect.column + rect.columns; c += 1) {
          const cell = this.get(r, c);
          if (cell) yield [r, c, cell];
        }
      }
      return;
    }
    for (const [key, cell] of this.cells) {
      const r = Math.floor(key / MAX_COLUMNS);
      const c = key % MAX_COLUMNS;
      if (r >= rect.row && r < rect.row + rect.rows && c >= rect.column && c < rect.column + rect.columns) yield [r, c, cell];
    }
  }

  /** The smallest rectangle holding every value (or every touched cell), undefined when none. */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of this.cells) {
      if (valuesOnly && cell.value === '' && cell.formula === undefined) continue;
      const r = Math.floor(key / MAX_COLUMNS);
      const c = key % MAX_COLUMNS;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom < 0 ? undefined : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /**
   * Moves the cells and notes of rows >= `from`, within columns [left, left + width), by `delta` rows
   * (an insert shifts down, a delete up after the deleted cells are gone).
   */
  shiftRows(from: number, delta: number, left: number, width: number): void {
    const moved: [number, Cell][] = [];
    for (const [key, cell] of this.cells) {
      const r = Math.floor(key / MAX_COLUMNS);
      const c = key % MAX_COLUMNS;
      if (r >= from && c >= left && c < left + width) moved.push([key, cell]);
    }
    for (const [key] of moved) this.cells.delete(key);
    for (const [key, cell] of moved) this.cells.set(key + delta * MAX_COLUMNS, cell);
    for (const note of this.notes) if (note.row >= from && note.column >= left && note.column < left + width) note.row += delta;
  }
}

export interface TableChange {
  type: 'TableChanged';
  changeType: 'RangeEdited' | 'RowInserted' | 'RowDeleted' | 'ColumnInserted';
  source: 'Local' | 'Remote';
  address: string;
  tableId: string;
  worksheetId: string;
}

export type TableHandler = (event: TableChange) => unknown;

/**
 * The host computes the few formulas the add-in writes itself (COUNTA and SUM of a range of the same
 * sheet); any other formula reads as #NAME?, which is what text typed without its apostrophe that
 * happens to look like a formula turns into.
 */
export function evaluate(sheet: Sheet, formula: string): Scalar {
  const call = /^=\s*(COUNTA|SUM)\(\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*\)\s*$/i.exec(formula);
  if (!call) return '#NAME?';
  const c1 = columnFromLetters(call[2]!);
  const c2 = columnFromLetters(call[4]!);
  const r1 = Number(call[3]) - 1;
  const r2 = Number(call[5]) - 1;
  let count = 0;
  let sum = 0;
  for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r += 1) {
    for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c += 1) {
      const cell = sheet.get(r, c);
      if (!cell || cell.formula !== undefined) continue; // no nested formulas in the add-in's sheets
      if (cell.value !== '') count += 1;
      if (typeof cell.value === 'number') sum += cell.value;
    }
  }
  return call[1]!.toUpperCase() === 'COUNTA' ? count : sum;
}

export class Table {
  readonly id = String(serial++);
  readonly handlers = new Set<TableHandler>();

  constructor(
    public name: string,
    public sheet: Sheet,
    public top: number,
    public left: number,
    public width: number,
    public rowCount: number,
  ) {}

  get headerRect(): Rect {
    return { row: this.top, column: this.left, rows: 1, columns: this.width };
  }

  get bodyRect(): Rect {
    return { row: this.top + 1, column: this.left, rows: this.rowCount, columns: this.width };
  }

  get rangeRect(): Rect {
    return { row: this.top, column: this.left, rows: this.rowCount + 1, columns: this.width };
  }

  headers(): string[] {
    return Array.from({ length: this.width }, (_, c) => String(this.sheet.value(this.top, this.left + c)));
  }

  bodyValues(): Scalar[][] {
    return Array.from({ length: this.rowCount }, (_, r) =>
      Array.from({ length: this.width }, (_, c) => this.sheet.value(this.top + 1 + r, this.left + c)),
    );
  }
}

export interface Comment {
  id: string;
  sheet: Sheet;
  row: number;
  column: number;
  content: string;
}

export interface Selection {
  sheet: Sheet;
  areas: Rect[];
  /** The active cell (where typing goes). */
  active: { row: number; column: number };
}

/** Who changed the workbook: the add-in, the person at this grid, or a co-author in another window. */
export type ChangeSource = 'addin' | 'user' | 'coauthor';

export class Workbook {
  readonly sheets: Sheet[] = [];
  readonly tables: Table[] = [];
  readonly settings = new Map<string, unknown>();
  comments: Comment[] = [];
  activeSheet: Sheet;
  selection: Selection;
  /** The add-in's runtime.enableEvents. */
  eventsEnabled = true;
  version = 0;
  readonly listeners = new Set<() => void>();
  /** Events waiting for the end of the current request (or user action) to be delivered. */
  private pendingEvents: { table: Table; event: TableChange }[] = [];
  readonly eventStats = { raised: 0, suppressed: 0, byAddin: 0, byUser: 0 };
  private notifyScheduled = false;

  constructor() {
    this.activeSheet = this.addSheet('Sheet1');
    this.selection = { sheet: this.activeSheet, areas: [{ row: 0, column: 0, rows: 1, columns: 1 }], active: { row: 0, column: 0 } };
  }

  addSheet(name: string): Sheet {
    if (this.sheet(name)) throw new HostError('ItemAlreadyExists', `A worksheet named "${name}" already exists.`);
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name))
      throw new HostError('InvalidArgument', `"${name}" is not a valid worksheet name.`);
    const sheet = new Sheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  /** Worksheet names are compared without case, as Excel does. */
  sheet(name: string): Sheet | undefined {
    const wanted = name.toLocaleLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLocaleLowerCase() === wanted);
  }

  table(name: string): Table | undefined {
    const wanted = name.toLocaleLowerCase();
    return this.tables.find((table) => table.name.toLocaleLowerCase() === wanted);
  }

  tablesOn(sheet: Sheet): Table[] {
    return this.tables.filter((table) => table.sheet === sheet);
  }

  // ---- Changes

  touched(): void {
    this.version += 1;
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    queueMicrotask(() => {
      this.notifyScheduled = false;
      for (const listener of this.listeners) listener();
    });
  }

  /** A data change in a table: its onChanged, if the add-in's events are on now. */
  changed(sheet: Sheet, rect: Rect, changeType: TableChange['changeType'], source: ChangeSource): void {
    for (const table of this.tablesOn(sheet)) {
      if (!intersects(table.rangeRect, rect)) continue;
      if (!this.eventsEnabled) {
        this.eventStats.suppressed += 1;
        continue;
      }
      this.eventStats.raised += 1;
      if (source === 'addin') this.eventStats.byAddin += 1;
      else if (source === 'user') this.eventStats.byUser += 1;
      // Excel tells a co-author's change ('Remote') from one made in this window ('Local').
      const origin = source === 'coauthor' ? 'Remote' : 'Local';
      this.pendingEvents.push({
        table,
        event: { type: 'TableChanged', changeType, source: origin, address: a1(rect), tableId: table.id, worksheetId: sheet.id },
      });
    }
  }

  /** Delivers the events raised so far, after the current task (Excel raises them after the change). */
  flushEvents(): void {
    const events = this.pendingEvents.splice(0);
    if (events.length === 0) return;
    setTimeout(() => {
      for (const { table, event } of events) {
        for (const handler of [...table.handlers]) {
          Promise.resolve()
            .then(() => handler(event))
            .catch((error: unknown) => console.error('[stand-in Excel] an onChanged handler threw', error));
        }
      }
    }, 0);
  }

  /**
   * Enters values into a rectangle as Excel does for Range.values or typing: null leaves a cell as it
   * is; strings are parsed by the cell's number format (see values.ts).
   */
  enterValues(sheet: Sheet, rect: Rect, values: readonly (readonly (Scalar | null)[])[] | Scalar): void {
    for (let r = 0; r < rect.rows; r += 1) {
      const row = Array.isArray(values) ? (values as (Scalar | null)[][])[r]! : undefined;
      for (let c = 0; c < rect.columns; c += 1) {
        const input = row ? row[c] : (values as Scalar);
        if (input === null || input === undefined) continue;
        this.setCell(sheet, rect.row + r, rect.column + c, enter(input, sheet.formatAt(rect.row + r, rect.column + c)));
      }
    }
  }

  setCell(sheet: Sheet, row: number, column: number, entered: Entered): void {
    const isHeader = this.tablesOn(sheet).some((table) => table.top === row && column >= table.left && column < table.left + table.width);
    if (entered.value === '' && entered.formula === undefined && !sheet.get(row, column)) return;
    const cell = sheet.ensure(row, column);
    // A table's header is always text.
    cell.value = isHeader && entered.formula === undefined ? String(entered.value) : entered.value;
    if (entered.formula !== undefined) cell.formula = entered.formula;
    else delete cell.formula;
    if (entered.textPrefix) cell.textPrefix = true;
    else delete cell.textPrefix;
    if (entered.format) cell.format = entered.format;
  }

  /** Range.formulas: a string starting with "=" is a formula (whatever the format), anything else a value. */
  enterFormulas(sheet: Sheet, rect: Rect, formulas: readonly (readonly (Scalar | null)[])[]): void {
    for (let r = 0; r < rect.rows; r += 1) {
      for (let c = 0; c < rect.columns; c += 1) {
        const input = formulas[r]![c];
        if (input === null || input === undefined) continue;
        const row = rect.row + r;
        const column = rect.column + c;
        if (typeof input === 'string' && input.startsWith('=') && input.length > 1)
          this.setCell(sheet, row, column, { value: '', formula: input });
        else this.setCell(sheet, row, column, enter(input, sheet.formatAt(row, column)));
      }
    }
  }

  /** Merges a rectangle into one cell: the top-left keeps its value, the others are emptied (as Excel does). */
  merge(sheet: Sheet, rect: Rect): void {
    if (rect.rows === 1 && rect.columns === 1) return;
    if (this.tablesOn(sheet).some((table) => intersects(table.rangeRect, rect)))
      throw new HostError('InvalidOperation', 'Cells in a table cannot be merged.');
    for (const [r, c, cell] of [...sheet.cellsIn(rect)]) {
      if (r === rect.row && c === rect.column) continue;
      cell.value = '';
      delete cell.formula;
    }
    sheet.merges = sheet.merges.filter((merge) => !intersects(merge, rect));
    sheet.merges.push({ ...rect });
  }

  /** Deletes a worksheet with its tables; another visible sheet becomes the active one. */
  deleteSheet(sheet: Sheet): void {
    const others = this.sheets.filter((candidate) => candidate !== sheet && candidate.visibility === 'Visible');
    if (others.length === 0) throw new HostError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const table of this.tablesOn(sheet)) this.tables.splice(this.tables.indexOf(table), 1);
    this.comments = this.comments.filter((comment) => comment.sheet !== sheet);
    if (this.activeSheet === sheet) this.activeSheet = others[0]!;
    if (this.selection.sheet === sheet)
      this.selection = { sheet: this.activeSheet, areas: [{ row: 0, column: 0, rows: 1, columns: 1 }], active: { row: 0, column: 0 } };
  }

  /** Clears values (and formulas), keeping formats. */
  clearContents(sheet: Sheet, rect: Rect): void {
    for (const [, , cell] of sheet.cellsIn(rect)) {
      cell.value = '';
      delete cell.formula;
      delete cell.textPrefix;
    }
  }

  /** Adds `count` rows at the end of a table's body, shifting what is below the table down. */
  addTableRows(table: Table, count: number): Rect {
    const start = table.top + 1 + table.rowCount;
    table.sheet.shiftRows(start, count, table.left, table.width);
    this.growTable(table, table.rowCount + count);
    return { row: start, column: table.left, rows: count, columns: table.width };
  }

  /**
   * A table grows to `rowCount` body rows. As in Excel, the new rows take the formatting of the row
   * above them (fill, wrap, lock, a cell's own number format) and the columns' data validation.
   */
  growTable(table: Table, rowCount: number): void {
    const oldBottom = table.top + table.rowCount;
    const sheet = table.sheet;
    const model = Array.from({ length: table.width }, (_, c) => sheet.get(oldBottom, table.left + c));
    for (let r = oldBottom + 1; r <= table.top + rowCount; r += 1) {
      model.forEach((above, c) => {
        if (!above || (above.fill === undefined && !above.wrap && above.locked === undefined && above.format === undefined)) return;
        const cell = sheet.ensure(r, table.left + c);
        if (above.fill !== undefined && cell.fill === undefined) cell.fill = above.fill;
        if (above.wrap) cell.wrap = true;
        if (above.locked !== undefined && cell.locked === undefined) cell.locked = above.locked;
        if (above.format !== undefined && cell.format === undefined) cell.format = above.format;
      });
    }
    for (const validation of sheet.validations) {
      const { rect } = validation;
      if (
        rect.row === table.top + 1 &&
        rect.row + rect.rows - 1 === oldBottom &&
        rect.column >= table.left &&
        rect.column < table.left + table.width
      ) {
        rect.rows = rowCount;
      }
    }
    table.rowCount = rowCount;
  }

  /** Deletes cells and shifts those below up, within the rectangle's columns; tables shrink with it. */
  deleteUp(sheet: Sheet, rect: Rect): void {
    for (const table of this.tablesOn(sheet)) {
      if (!intersects(table.rangeRect, rect)) continue;
      const body = table.bodyRect;
      const wholeRows = rect.column <= body.column && rect.column + rect.columns >= body.column + body.columns;
      const insideBody = rect.row >= body.row && rect.row + rect.rows <= body.row + body.rows;
      if (!wholeRows || !insideBody) {
        throw new HostError(
          'InvalidOperation',
          'This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.',
        );
      }
      if (rect.rows >= table.rowCount) throw new HostError('InvalidOperation', 'A table must keep at least one row.');
    }
    for (const [r, c] of [...sheet.cellsIn(rect)]) sheet.cells.delete(Sheet.key(r, c));
    sheet.notes = sheet.notes.filter((note) => !intersects({ row: note.row, column: note.column, rows: 1, columns: 1 }, rect));
    sheet.shiftRows(rect.row + rect.rows, -rect.rows, rect.column, rect.columns);
    for (const table of this.tablesOn(sheet)) {
      if (intersects(table.rangeRect, rect)) table.rowCount -= rect.rows;
      else if (table.top >= rect.row + rect.rows && table.left >= rect.column && table.left + table.width <= rect.column + rect.columns)
        table.top -= rect.rows;
    }
  }

  /**
   * A person's entry at (row, column), typed or pasted: Excel's parsing, then userEntered. A co-author's
   * entry arrives the same way, its onChanged marked Remote.
   */
  userEntry(
    sheet: Sheet,
    row: number,
    column: number,
    values: readonly (readonly (Scalar | null)[])[],
    source: Exclude<ChangeSource, 'addin'> = 'user',
  ): Rect {
    const rect = { row, column, rows: values.length, columns: Math.max(1, ...values.map((line) => line.length)) };
    for (let r = 0; r < values.length; r += 1) {
      const line = values[r]!;
      for (let c = 0; c < line.length; c += 1) {
        const value = line[c];
        if (value === null || value === undefined) continue;
        this.setCell(sheet, row + r, column + c, enter(value, sheet.formatAt(row + r, column + c)));
      }
    }
    this.userEntered(sheet, rect, source);
    return rect;
  }

  /** A person selects cells (one area, or several with Ctrl+click); the first area's corner is active. */
  select(sheet: Sheet, areas: readonly { row: number; column: number; rows?: number; columns?: number }[]): void {
    if (areas.length === 0) throw new Error('select needs an area');
    this.activeSheet = sheet;
    this.selection = {
      sheet,
      areas: areas.map((area) => ({ row: area.row, column: area.column, rows: area.rows ?? 1, columns: area.columns ?? 1 })),
      active: { row: areas[0]!.row, column: areas[0]!.column },
    };
    this.touched();
  }

  /**
   * A person typed or pasted into `rect`: a table grows to take rows entered right under it (Excel's
   * AutoCorrect "include new rows in table"), then its onChanged is raised.
   */
  userEntered(sheet: Sheet, rect: Rect, source: Exclude<ChangeSource, 'addin'> = 'user'): void {
    let inserted = false;
    for (const table of this.tablesOn(sheet)) {
      const bottom = table.top + table.rowCount; // last body row
      const overlapsColumns = rect.column < table.left + table.width && rect.column + rect.columns > table.left;
      const reachesBelow = rect.row + rect.rows - 1 > bottom;
      const startsAdjacent = rect.row <= bottom + 1 && rect.row > table.top;
      if (overlapsColumns && reachesBelow && startsAdjacent) {
        this.growTable(table, rect.row + rect.rows - 1 - table.top);
        inserted = true;
      }
    }
    this.changed(sheet, rect, inserted ? 'RowInserted' : 'RangeEdited', source);
    this.touched();
    this.flushEvents();
  }
}
