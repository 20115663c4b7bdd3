import type { RowResult } from '../../../shared/api-types';
import type { Language, Localized } from '../../../shared/localized';
import { sheetText, type CellValue, type ColumnDef } from '../../../shared/sheet/columns';
import { isoToSerial } from '../../../shared/sheet/excel-dates';
import { isFormulaLike } from '../../../shared/text';
import type { RowWrite } from '../excel/gateway';
import { locateRows } from './relocate';
import {
  conflictContent,
  issueContent,
  refusalColumn,
  refusalContent,
  refusedContent,
  unsentContent,
  type RowContent,
} from './row-content';
import type { HeldRow, SendRow } from './save-plan';
import { columnPosition, withCells, withSystem } from './sheet';

/** A row the server would not take for the role (403/422 naming the row): kept back, with the reason. */
export interface RejectedRow {
  code: string;
  message: Localized;
}

/** What became of a sent row. */
export type SendOutcome =
  | { kind: 'answered'; result: RowResult }
  | { kind: 'rejected'; rejection: RejectedRow }
  | { kind: 'unsent' };

/** Text cells that would read as a formula (the server names them) get Excel's text prefix. */
function protectText(cells: CellValue[], columns: readonly ColumnDef[], textFields: readonly string[]): boolean {
  let changed = false;
  for (const field of textFields) {
    columns.forEach((column, index) => {
      const value = cells[index];
      const matches = column.role === 'input' && column.format === 'text' && (column.field === field || column.id === field);
      if (matches && typeof value === 'string' && isFormulaLike(value)) {
        cells[index] = sheetText(value);
        changed = true;
      }
    });
  }
  return changed;
}

/**
 * What to write on a saved row: its new id, version and the fingerprint of its cells as the server now
 * holds them; the findings as messages, mark and notes; its values only when they changed here (a role
 * action's patch, the received date the server stamped, formula-like text).
 */
export function savedContent(send: SendRow, result: RowResult, columns: readonly ColumnDef[], language: Language): RowContent {
  let cells = [...send.cells];
  let valuesChanged = send.patched;
  if (result.receivedDate && columnPosition(columns, 'receivedDate') >= 0) {
    cells = withCells(cells, columns, { receivedDate: isoToSerial(result.receivedDate) });
    valuesChanged = true;
  }
  if (protectText(cells, columns, result.textFields)) valuesChanged = true;
  const { cells: withBookkeeping, hash } = withSystem(cells, columns, result.id!, result.version!);
  const found = issueContent(result.issues, columns, language);
  const content: RowContent = { system: { id: result.id!, version: result.version!, rowHash: hash }, ...found };
  if (valuesChanged) content.values = withCells(withBookkeeping, columns, { messages: found.messages });
  return content;
}

export function outcomeContent(send: SendRow, outcome: SendOutcome, columns: readonly ColumnDef[], language: Language, failure?: { retryable: boolean; localized: Localized }): RowContent {
  if (outcome.kind === 'rejected') return refusalContent(outcome.rejection.message, refusalColumn(outcome.rejection.code), language);
  if (outcome.kind === 'unsent') return unsentContent(language, failure);
  const { result } = outcome;
  if (result.outcome === 'saved' && result.id && result.version !== undefined) return savedContent(send, result, columns, language);
  if (result.outcome === 'conflict') return conflictContent(result, language);
  return refusedContent(result, columns, language);
}

/**
 * The writes of a save: each sent or held row located in the sheet as re-read, its content written
 * where found (values only where the row is unchanged since the read).
 */
export function buildWrites(args: {
  sends: readonly SendRow[];
  held: readonly HeldRow[];
  outcomes: ReadonlyMap<string, SendOutcome>;
  failure?: { retryable: boolean; localized: Localized };
  reread: readonly (readonly CellValue[])[];
  rowCountBefore: number;
  columns: readonly ColumnDef[];
  language: Language;
}): { writes: RowWrite[]; located: Map<string, number | undefined>; inexact: number } {
  const { sends, held, columns, language } = args;
  const locations = locateRows([...sends, ...held], args.reread, columns, args.rowCountBefore);
  const writes: RowWrite[] = [];
  const located = new Map<string, number | undefined>();
  let inexact = 0;
  sends.forEach((send, i) => {
    const where = locations[i];
    located.set(send.rowKey, where?.index);
    if (!where) return;
    const content = outcomeContent(send, args.outcomes.get(send.rowKey) ?? { kind: 'unsent' }, columns, language, args.failure);
    if (!where.exact) {
      inexact += 1;
      delete content.values;
    }
    writes.push({ rowIndex: where.index, ...content });
  });
  held.forEach((row, i) => {
    const where = locations[sends.length + i];
    if (where) writes.push({ rowIndex: where.index, ...row.content });
  });
  return { writes: writes.sort((a, b) => a.rowIndex - b.rowIndex), located, inexact };
}

/**
 * Rows whose id cell will change (a copied row, or an id the server did not know, saved as new): the
 * gateway refuses to put another id over a non-empty id cell (it reads that as rows having moved), so
 * those rows first get their borrowed bookkeeping cleared, in a write of their own values.
 */
export function bookkeepingClears(writes: readonly RowWrite[], reread: readonly (readonly CellValue[])[], columns: readonly ColumnDef[]): RowWrite[] {
  const idIndex = columnPosition(columns, 'id');
  return writes.flatMap((write): RowWrite[] => {
    const current = reread[write.rowIndex];
    const currentId = String(current?.[idIndex] ?? '').trim();
    if (!current || !write.system || !currentId || currentId === write.system.id) return [];
    return [{ rowIndex: write.rowIndex, values: withCells(current, columns, { id: '', version: '', rowHash: '' }), messages: write.messages, mark: 'unsaved', notes: [] }];
  });
}
