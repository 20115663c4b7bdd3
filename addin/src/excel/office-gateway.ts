/// <reference types="office-js" />
import { TABLE_NAME, type ColumnDef } from '../../../shared/sheet/columns';
import { chooseNoteApi, type IsSetSupported, type NoteApi } from './cell-notes';
import { errorCode, failure, toExcelFailure } from './excel-errors';
import type { ExcelGateway, RowMark, RowWrite, SheetSnapshot } from './gateway';
import { numberFormatOf, toExcelValue } from './layout';
import { DEFAULT_BATCH_BUDGET_BYTES } from './payload';
import { cellPatches, fillRuns, plannedNotes, valueBlocks, type WriteCell } from './row-plan';
import { ensureSheet } from './sheet-setup';
import { guardRows, notesInBody, readRowsInSlices, readTableState, toSchemaRows, type TableState } from './table-state';
import { runWriteBatches, type EventsState, type WriteOp } from './write-batches';
import { columnFormatOp, fillOp, noteAddOp, noteRemoveOp, rowsAddOps, rowsDeleteOp, valueOps } from './write-ops';

/** The part of the `Excel` namespace the gateway uses: Office.js's own, or a test double. */
export type ExcelHost = Pick<typeof Excel, 'run'>;

export interface OfficeGatewayOptions {
  /** Defaults to the global `Excel`, looked up at each call (office.js may load after this module). */
  excel?: ExcelHost;
  /** Defaults to Office.context.requirements.isSetSupported; decides notes vs comments, once. */
  isSetSupported?: IsSetSupported;
  /** Estimated bytes per request; Excel on the web refuses more than 5 MB. */
  batchBudgetBytes?: number;
  /** Edits within this many milliseconds are reported once (a paste raises several events). */
  editDebounceMs?: number;
}

/** One workbook setting, as JSON: the ids survive closing the pane and the file. */
export const KNOWN_IDS_SETTING = 'thidua.knownIds';

export function createOfficeGateway(options: OfficeGatewayOptions = {}): ExcelGateway {
  return new OfficeGateway(options);
}

function globalIsSetSupported(): IsSetSupported | undefined {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: IsSetSupported } } } }).Office;
  const requirements = office?.context?.requirements;
  return requirements?.isSetSupported ? (name, version) => requirements.isSetSupported!(name, version) : undefined;
}

class OfficeGateway implements ExcelGateway {
  private syncs = 0;
  private noteApiChoice: NoteApi | undefined;
  private readonly budget: number;

  constructor(private readonly options: OfficeGatewayOptions) {
    this.budget = options.batchBudgetBytes ?? DEFAULT_BATCH_BUDGET_BYTES;
  }

  get syncCount(): number {
    return this.syncs;
  }

  async ensureSheet(columns: readonly ColumnDef[]): Promise<void> {
    await this.run((context, state) => ensureSheet(context, columns, this.sync, state), { write: true });
  }

  async readRows(columns: readonly ColumnDef[]): Promise<SheetSnapshot> {
    return this.run(async (context) => {
      const table = context.workbook.tables.getItem(TABLE_NAME);
      const header = table.getHeaderRowRange().load('values');
      const body = table.getDataBodyRange().load('values');
      try {
        await this.sync(context);
      } catch (error) {
        // Excel on the web answers at most 5 MB: read the body again in slices, each under the limit.
        if (errorCode(error) !== 'ResponsePayloadSizeLimitExceeded') throw error;
        return { rows: await readRowsInSlices(context, columns, this.sync) };
      }
      return { rows: toSchemaRows(columns, header.values[0] ?? [], body.values) };
    });
  }

  async replaceRows(columns: readonly ColumnDef[], rows: readonly RowWrite[]): Promise<void> {
    await this.run(
      async (context, events) => {
        const state = await readTableState(context, columns, { withIds: false, noteApi: this.noteApi(), sync: this.sync });
        const { map } = state;
        const wanted = rows.length === 0 ? 0 : Math.max(...rows.map((row) => row.rowIndex)) + 1;
        const count = Math.max(wanted, 1); // an Excel table always keeps one body row
        const operations: WriteOp[] = [];

        // Every row is replaced, so every note the add-in left in the body goes; people's notes stay
        // (those on rows that disappear go with their rows). Removed first: a note on a deleted row
        // could no longer be found.
        for (const note of notesInBody(state)) if (note.ours) operations.push(noteRemoveOp(note));
        if (state.rowCount > count) operations.push(rowsDeleteOp(count, state.rowCount - count, map.width));
        if (count > state.rowCount) {
          // New rows come in blank, then get their columns' number formats, and only then the values:
          // a "03" written into a cell that is not yet text would be stored as the number 3.
          operations.push(...rowsAddOps(count - state.rowCount, map.width, this.budget));
          columns.forEach((column, i) => {
            const numberFormat = column.format === 'general' ? undefined : numberFormatOf(column);
            const wrapText = column.role === 'output';
            if (numberFormat || wrapText) operations.push(columnFormatOp(map.tableIndex[i]!, { ...(numberFormat ? { numberFormat } : {}), wrapText }));
          });
        }
        const patches = cellPatches(columns, map, rows);
        const blank = new Map<number, WriteCell>(map.tableIndex.map((column) => [column, toExcelValue(null)]));
        for (let row = 0; row < count; row += 1) if (!patches.has(row)) patches.set(row, new Map(blank));
        for (const block of valueBlocks(patches)) operations.push(...valueOps(block, this.budget));

        const marks = new Map<number, RowMark>(Array.from({ length: count }, (_, row) => [row, 'ok']));
        for (const row of rows) marks.set(row.rowIndex, row.mark);
        for (const run of fillRuns(marks)) operations.push(fillOp(run, map.width));
        operations.push(...this.noteAdds(columns, state, rows));
        await runWriteBatches({ context, budget: this.budget, sync: this.sync, state: events }, operations);
      },
      { write: true },
    );
  }

  async writeResults(columns: readonly ColumnDef[], writes: readonly RowWrite[]): Promise<void> {
    if (writes.length === 0) return;
    await this.run(
      async (context, events) => {
        const state = await readTableState(context, columns, { withIds: true, noteApi: this.noteApi(), sync: this.sync });
        guardRows(columns, state, writes);
        const operations: WriteOp[] = [];
        for (const block of valueBlocks(cellPatches(columns, state.map, writes))) operations.push(...valueOps(block, this.budget));
        const marks = new Map<number, RowMark>(writes.map((write) => [write.rowIndex, write.mark]));
        for (const run of fillRuns(marks)) operations.push(fillOp(run, state.map.width));
        // The add-in's notes on the rows written are stale: removed before the new ones are put.
        const written = new Set(writes.map((write) => write.rowIndex));
        for (const note of notesInBody(state)) if (note.ours && written.has(note.row)) operations.push(noteRemoveOp(note));
        operations.push(...this.noteAdds(columns, state, writes));
        await runWriteBatches({ context, budget: this.budget, sync: this.sync, state: events }, operations);
      },
      { write: true },
    );
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
      await this.run(async (context) => {
        registration.remove();
        await this.sync(context);
      }, { context: registration.context as Excel.RequestContext });
    };
  }

  async readKnownIds(): Promise<string[]> {
    return this.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(KNOWN_IDS_SETTING).load('value');
      await this.sync(context);
      return setting.isNullObject ? [] : parseIds(setting.value);
    });
  }

  async writeKnownIds(ids: readonly string[]): Promise<void> {
    await this.run(
      async (context) => {
        context.workbook.settings.add(KNOWN_IDS_SETTING, JSON.stringify([...ids]));
        await this.sync(context);
      },
      { write: true },
    );
  }

  /** Every round trip goes through here, so syncCount is exact. */
  private readonly sync = async (context: Excel.RequestContext): Promise<void> => {
    this.syncs += 1;
    await context.sync();
  };

  private excel(): ExcelHost {
    const excel = this.options.excel ?? (globalThis as { Excel?: ExcelHost }).Excel;
    if (!excel) throw failure('ExcelNotAvailable');
    return excel;
  }

  private isSetSupported(name: string, version: string): boolean {
    const check = this.options.isSetSupported ?? globalIsSetSupported();
    return check ? check(name, version) : false;
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

  /** The notes to add; none on a cell that already holds a person's note (a cell holds one note). */
  private noteAdds(columns: readonly ColumnDef[], state: TableState, writes: readonly RowWrite[]): WriteOp[] {
    const api = this.noteApi();
    if (api === 'none') return [];
    const taken = new Set(notesInBody(state).filter((note) => !note.ours).map((note) => `${note.row}:${note.column}`));
    return plannedNotes(columns, state.map, writes)
      .filter((note) => !taken.has(`${note.row}:${note.column}`))
      .map((note) => noteAddOp(api, note));
  }
}

function parseIds(value: unknown): string[] {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return [];
    }
  }
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}
