/// <reference types="office-js" />
import { TABLE_NAME, type CellValue, type ColumnDef } from '#shared/sheet/columns';
import { replaceBody, writeSaveResults, type WriteRun } from './body-writes';
import { chooseNoteApi, type NoteApi } from './cell-notes';
import { failure, toExcelFailure } from './excel-errors';
import {
  ExcelFailure,
  type ExcelGateway,
  type ResultsBatch,
  type ResultWrite,
  type RowPlacement,
  type RowWrite,
  type SheetSnapshot,
  type WriteReport,
} from './gateway';
import { idCellText } from './relocate';
import { readRowAndNotes, writeRowAt, type BodyPlace, type ReadRowState } from './row-write';
import { DEFAULT_BATCH_BUDGET_BYTES } from './payload';
import { OfficeSession, type ExcelHost, type OfficeSessionOptions } from './office-session';
import { PAGE_LAYOUT_SET } from './page-setup';
import { ensureSheet } from './sheet-setup';
import { readTable, type SizeHint } from './table-state';
import type { LastRead } from './results-read';
import type { EventsState } from './write-batches';

export { KNOWN_IDS_SETTING } from './table-state';

export type { ExcelHost } from './office-session';

/** isSetSupported decides notes vs comments, once. */
export interface OfficeGatewayOptions extends OfficeSessionOptions {
  /** Estimated bytes per request; Excel on the web refuses more than 5 MB. */
  batchBudgetBytes?: number;
  /** Edits within this many milliseconds are reported once (a paste raises several events). */
  editDebounceMs?: number;
}

export function createOfficeGateway(options: OfficeGatewayOptions = {}): ExcelGateway {
  return new OfficeGateway(options);
}

class OfficeGateway extends OfficeSession<OfficeGatewayOptions> implements ExcelGateway {
  private noteApiChoice: NoteApi | undefined;
  private readonly budget: number;
  /**
   * What the last readRows saw (its header and rows, and how many notes the sheet held), so that the
   * results written after it read back only the rows they write and locate the notes in that same
   * request. Forgotten by any other write: the rows the next results refer to come from a new read.
   */
  private memo: { noteCount: number | undefined; last: LastRead | undefined } = { noteCount: undefined, last: undefined };
  /** How large the body was when last read: a body too large for one response is then read in as few slices as it needs. */
  private size: SizeHint | undefined;
  /** Where the body was when last read, and the row readRow read last with the notes on its cells (for writeRow). */
  private place: BodyPlace | undefined;
  private rowRead: ReadRowState | undefined;

  constructor(options: OfficeGatewayOptions) {
    super(options);
    this.budget = options.batchBudgetBytes ?? DEFAULT_BATCH_BUDGET_BYTES;
  }

  async ensureSheet(columns: readonly ColumnDef[]): Promise<void> {
    const pageLayout = this.isSetSupported(...PAGE_LAYOUT_SET);
    await this.run((context, state) => ensureSheet(context, columns, this.sync, state, { pageLayout }), { write: true });
  }

  async readRows(columns: readonly ColumnDef[]): Promise<SheetSnapshot> {
    return this.run(async (context) => {
      const read = await readTable(context, columns, {
        values: true,
        knownIds: true,
        noteApi: this.noteApi(),
        notes: 'count',
        position: true,
        ...(this.size ? { sizeHint: this.size } : {}),
        sync: this.sync,
      });
      this.memo = { noteCount: read.noteCount, last: { header: read.header, rows: read.rows } };
      this.size = read.sizeHint;
      this.place = { bodyRow: read.bodyRow, bodyColumn: read.bodyColumn, width: read.header.length };
      return { rows: read.rows, knownIds: read.knownIds };
    });
  }

  async replaceRows(
    columns: readonly ColumnDef[],
    rows: readonly RowWrite[],
    options: { knownIds?: readonly string[] } = {},
  ): Promise<void> {
    this.memo = { noteCount: undefined, last: undefined };
    this.rowRead = undefined;
    await this.run((context, events) => replaceBody(this.writeRun(context, events), columns, rows, options.knownIds), { write: true });
  }

  async writeResults(columns: readonly ColumnDef[], batch: ResultsBatch): Promise<WriteReport> {
    const memo = this.memo;
    this.memo = { noteCount: undefined, last: undefined };
    this.rowRead = undefined;
    const { noteCount, ...report } = await this.run(
      (context, events) => writeSaveResults(this.writeRun(context, events), columns, batch, memo),
      { write: true },
    );
    this.memo = { noteCount, last: undefined };
    return report;
  }

  async selectCell(columns: readonly ColumnDef[], rowIndex: number, columnId: string): Promise<void> {
    const column = columns.find((candidate) => candidate.id === columnId);
    if (!column) throw failure('InvalidArgument');
    await this.run(async (context) => {
      const table = context.workbook.tables.getItem(TABLE_NAME);
      table.worksheet.activate();
      table.columns.getItem(column.header).getDataBodyRange().getCell(rowIndex, 0).select();
      await this.sync(context);
    });
  }

  async selectedRowIndexes(): Promise<number[]> {
    return this.run(async (context) => {
      const table = context.workbook.tables.getItem(TABLE_NAME);
      const body = table.getDataBodyRange().load('rowIndex,rowCount');
      const tableSheet = table.worksheet.load('id');
      // Several areas (Ctrl+click) need ExcelApi 1.9; before it, the single selected range.
      let ranges: () => Excel.Range[];
      let selectionSheet: Excel.Worksheet;
      if (this.isSetSupported('ExcelApi', '1.9')) {
        const selection = context.workbook.getSelectedRanges();
        const areas = selection.areas.load('items/rowIndex,items/rowCount');
        selectionSheet = selection.worksheet.load('id');
        ranges = () => areas.items;
      } else {
        const selection = context.workbook.getSelectedRange().load('rowIndex,rowCount');
        selectionSheet = selection.worksheet.load('id');
        ranges = () => [selection];
      }
      await this.sync(context);
      if (selectionSheet.id !== tableSheet.id) return [];
      const rows = new Set<number>();
      for (const range of ranges()) {
        const first = Math.max(range.rowIndex, body.rowIndex);
        const last = Math.min(range.rowIndex + range.rowCount, body.rowIndex + body.rowCount) - 1;
        for (let row = first; row <= last; row += 1) rows.add(row - body.rowIndex);
      }
      return [...rows].sort((a, b) => a - b);
    });
  }

  async readRow(columns: readonly ColumnDef[], rowIndex: number): Promise<CellValue[] | undefined> {
    return this.run(async (context) => {
      const how = {
        sync: this.sync,
        noteApi: this.noteApi(),
        place: this.place,
        idOf: (values: readonly CellValue[]) => idCellText(values, columns),
      };
      const read = await readRowAndNotes(context, columns, rowIndex, how);
      this.place = read.place;
      this.rowRead = read.state;
      return read.values;
    });
  }

  async writeRow(columns: readonly ColumnDef[], write: ResultWrite): Promise<RowPlacement | undefined> {
    const state = this.rowRead;
    this.rowRead = undefined;
    if (state && state.rowIndex === write.rowIndex && state.id === write.expect.id && this.isSetSupported('ExcelApi', '1.9')) {
      try {
        const notes = await this.run((context, events) => writeRowAt(this.writeRun(context, events), columns, state, write), {
          write: true,
        });
        this.rowRead = { ...state, notes };
        this.memo = { noteCount: undefined, last: undefined };
        return { rowIndex: write.rowIndex, exact: false };
      } catch (error) {
        // Moved, or its notes changed since it was read: found again as a save's results are (what the
        // request wrote before failing, its results cells and fill, is written again there).
        if (!(error instanceof ExcelFailure) || !['ItemNotFound', 'InvalidOperation', 'InvalidArgument'].includes(error.code)) throw error;
      }
    }
    const report = await this.writeResults(columns, { rowCountAtRead: -1, writes: [write] });
    return report.placements[0];
  }

  async onUserEdit(onEdit: () => void): Promise<() => Promise<void>> {
    const delay = this.options.editDebounceMs ?? 250;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const report = () => {
      if (delay <= 0) return onEdit();
      clearTimeout(timer);
      timer = setTimeout(onEdit, delay);
    };
    const registration = await this.run(async (context) => {
      const table = context.workbook.tables.getItem(TABLE_NAME);
      // The add-in turns its events off while it writes, so what arrives here is a person's edit. A
      // co-author's edit (source 'Remote') is theirs to save, from their own pane: not reported.
      const handler = table.onChanged.add(async (event) => {
        if (event.source !== 'Remote') report();
      });
      await this.sync(context);
      return handler;
    });
    return async () => {
      clearTimeout(timer);
      // A handler is removed through the context it was added with.
      await this.run(
        async (context) => {
          registration.remove();
          await this.sync(context);
        },
        { context: registration.context as Excel.RequestContext },
      );
    };
  }

  private noteApi(): NoteApi {
    this.noteApiChoice ??= chooseNoteApi((name, version) => this.isSetSupported(name, version));
    return this.noteApiChoice;
  }

  /**
   * One Excel.run, errors turned into ExcelFailure by their code. delayForCellEdit: a batch that finds
   * a cell being edited waits for the edit to end rather than failing (and a save then sees the typed
   * value). A write of several requests is one undo step where the host has ExcelApi 1.20 (asked
   * first: what an older host does with an option it does not know is not documented).
   * If a failed write left the add-in's events off, they are turned back on.
   */
  private async run<T>(
    batch: (context: Excel.RequestContext, events: EventsState) => Promise<T>,
    how: { write?: boolean; context?: Excel.RequestContext } = {},
  ): Promise<T> {
    const excel = this.excel();
    const events: EventsState = { eventsOff: false };
    const withEvents = (context: Excel.RequestContext) => batch(context, events);
    try {
      if (how.context) return await excel.run(how.context, withEvents);
      const mergeUndoGroup = how.write === true && this.isSetSupported('ExcelApi', '1.20');
      return await excel.run({ delayForCellEdit: true, ...(mergeUndoGroup ? { mergeUndoGroup } : {}) }, withEvents);
    } catch (error) {
      if (how.write) await this.restoreEvents(excel, events);
      throw toExcelFailure(error);
    }
  }

  private async restoreEvents(excel: ExcelHost, events: EventsState): Promise<void> {
    if (!events.eventsOff) return;
    try {
      await excel.run(async (context) => {
        context.runtime.enableEvents = true;
        await this.sync(context);
      });
    } catch {
      // The original failure is the one to report.
    }
  }

  private writeRun(context: Excel.RequestContext, events: EventsState): WriteRun {
    return { context, events, sync: this.sync, budget: this.budget, noteApi: this.noteApi() };
  }
}
