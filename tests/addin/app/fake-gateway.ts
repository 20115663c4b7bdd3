import type { CellValue, ColumnDef } from '#shared/sheet/columns';
import {
  ExcelFailure,
  type ExcelGateway,
  type ResultsBatch,
  type ResultWrite,
  type RowPlacement,
  type RowMark,
  type RowWrite,
  type SheetSnapshot,
  type WriteReport,
} from '#addin/excel/gateway';
import { idCellText, locateRows, placeWrites } from '#addin/excel/relocate';

/**
 * An in-memory ExcelGateway: the table body as a grid of cells laid out by the column schema, with the
 * marks and notes the add-in writes, the known ids, the selection, and a sync counter (one per call,
 * `writeSyncs` for writeResults). writeResults finds its rows as the Office.js gateway does, with the
 * same relocate.ts. Helpers play the user: type, edit, insert, delete and sort rows.
 */
export class FakeGateway implements ExcelGateway {
  columns: readonly ColumnDef[] = [];
  rows: CellValue[][] = [];
  marks: (RowMark | undefined)[] = [];
  notes: RowWrite['notes'][] = [];
  knownIds: string[] = [];
  selection: number[] = [];
  selectedCell: { rowIndex: number; columnId: string } | undefined;
  exists: boolean;
  syncCount = 0;
  writeSyncs = 1;
  readonly calls: string[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(options: { exists?: boolean; columns?: readonly ColumnDef[] } = {}) {
    this.exists = options.exists ?? false;
    if (options.columns) this.columns = options.columns;
  }

  private col(columnId: string): number {
    const index = this.columns.findIndex((column) => column.id === columnId);
    if (index < 0) throw new Error(`no column ${columnId}`);
    return index;
  }

  private requireSheet() {
    if (!this.exists) throw new ExcelFailure('ItemNotFound', { vi: 'Không tìm thấy bảng', en: 'The table is missing' });
  }

  async ensureSheet(columns: readonly ColumnDef[]) {
    this.calls.push('ensureSheet');
    this.syncCount += 1;
    this.columns = columns;
    this.exists = true;
  }

  async readRows(columns: readonly ColumnDef[]): Promise<SheetSnapshot> {
    this.calls.push('readRows');
    this.requireSheet();
    this.syncCount += 1;
    if (this.columns.length === 0) this.columns = columns;
    return { rows: this.rows.map((row) => [...row]), knownIds: [...this.knownIds] };
  }

  private apply(rowIndex: number, write: RowWrite) {
    const row = write.values ? [...write.values] : [...(this.rows[rowIndex] ?? this.columns.map(() => null))];
    if (write.system) {
      row[this.col('id')] = write.system.id;
      row[this.col('version')] = write.system.version;
      row[this.col('rowHash')] = write.system.rowHash;
    }
    row[this.col('messages')] = write.messages;
    this.rows[rowIndex] = row;
    this.marks[rowIndex] = write.mark;
    this.notes[rowIndex] = write.notes;
  }

  async replaceRows(_columns: readonly ColumnDef[], writes: readonly RowWrite[], options: { knownIds?: readonly string[] } = {}) {
    this.calls.push('replaceRows');
    this.requireSheet();
    this.syncCount += 1;
    this.rows = [];
    this.marks = [];
    this.notes = [];
    for (const write of writes) this.apply(write.rowIndex, write);
    if (options.knownIds) this.knownIds = [...options.knownIds];
  }

  async writeResults(_columns: readonly ColumnDef[], batch: ResultsBatch): Promise<WriteReport> {
    this.calls.push('writeResults');
    this.requireSheet();
    this.syncCount += this.writeSyncs;
    const placements = locateRows(batch.writes, this.rows, this.columns, batch.rowCountAtRead);
    for (const write of placeWrites(batch.writes, placements)) this.apply(write.rowIndex, write);
    if (batch.knownIds) this.knownIds = [...batch.knownIds];
    return { placements, ids: this.rows.map((row) => idCellText(row, this.columns)) };
  }

  async writeRow(columns: readonly ColumnDef[], write: ResultWrite): Promise<RowPlacement | undefined> {
    return (await this.writeResults(columns, { rowCountAtRead: -1, writes: [write] })).placements[0];
  }

  async selectCell(_columns: readonly ColumnDef[], rowIndex: number, columnId: string) {
    this.calls.push('selectCell');
    this.syncCount += 1;
    this.selectedCell = { rowIndex, columnId };
  }

  async selectedRowIndexes() {
    this.calls.push('selectedRowIndexes');
    this.syncCount += 1;
    return [...this.selection];
  }

  async readRow(_columns: readonly ColumnDef[], rowIndex: number) {
    this.calls.push('readRow');
    this.requireSheet();
    this.syncCount += 1;
    const row = this.rows[rowIndex];
    return row ? [...row] : undefined;
  }

  async onUserEdit(onEdit: () => void) {
    this.listeners.add(onEdit);
    return async () => {
      this.listeners.delete(onEdit);
    };
  }

  // ---- The user

  get listening(): number {
    return this.listeners.size;
  }

  private edited() {
    for (const listener of this.listeners) listener();
  }

  /** Appends a row typed by the user (cells by column id), as Excel would grow the table. */
  typeRow(cells: Record<string, CellValue>, at = this.rows.length): number {
    this.exists = true;
    const row = this.columns.map((column) => cells[column.id] ?? null);
    this.rows.splice(at, 0, row);
    this.marks.splice(at, 0, undefined);
    this.notes.splice(at, 0, []);
    this.edited();
    return at;
  }

  edit(rowIndex: number, columnId: string, value: CellValue) {
    this.rows[rowIndex]![this.col(columnId)] = value;
    this.edited();
  }

  insertBlankRow(at: number) {
    this.typeRow({}, at);
  }

  deleteRow(at: number) {
    this.rows.splice(at, 1);
    this.marks.splice(at, 1);
    this.notes.splice(at, 1);
    this.edited();
  }

  /** Copies a whole row (hidden columns too) below the last row. */
  copyRow(from: number): number {
    this.rows.push([...this.rows[from]!]);
    this.marks.push(this.marks[from]);
    this.notes.push([]);
    this.edited();
    return this.rows.length - 1;
  }

  reverseRows() {
    this.rows.reverse();
    this.marks.reverse();
    this.notes.reverse();
    this.edited();
  }

  cell(rowIndex: number, columnId: string): CellValue {
    return this.rows[rowIndex]?.[this.col(columnId)] ?? null;
  }

  findRow(columnId: string, value: CellValue): number {
    return this.rows.findIndex((row) => row[this.col(columnId)] === value);
  }
}
