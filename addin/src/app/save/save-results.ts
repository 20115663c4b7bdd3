import type { RelatedRow, RowResult } from '#shared/api/index';
import type { Issue } from '#shared/issues';
import type { Language, Localized } from '#shared/localized';
import { sheetText, type CellValue, type ColumnDef } from '#shared/sheet/columns';
import { isoToSerial } from '#shared/sheet/excel-dates';
import { isFormulaLike } from '#shared/text';
import type { ResultWrite, RowExpectation, WriteReport } from '#addin/excel/gateway';
import {
  conflictContent,
  issueContent,
  refusalColumn,
  refusalContent,
  refusedContent,
  unsentContent,
  type RowContent,
} from '#addin/app/sheet/row-content';
import type { HeldRow, SendRow, UnchangedRow } from './save-plan';
import { columnPosition, withCells, withSystem } from '#addin/app/sheet/sheet';

/** A row the server would not take for the role (403/422 naming the row): kept back, with the reason. */
export interface RejectedRow {
  code: string;
  message: Localized;
}

/** What became of a sent row. */
export type SendOutcome = { kind: 'answered'; result: RowResult } | { kind: 'rejected'; rejection: RejectedRow } | { kind: 'unsent' };

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

export function outcomeContent(
  send: SendRow,
  outcome: SendOutcome,
  columns: readonly ColumnDef[],
  language: Language,
  failure?: { retryable: boolean; localized: Localized },
): RowContent {
  if (outcome.kind === 'rejected') return refusalContent(outcome.rejection.message, refusalColumn(outcome.rejection.code), language);
  if (outcome.kind === 'unsent') return unsentContent(language, failure);
  const { result } = outcome;
  if (result.outcome === 'saved' && result.id && result.version !== undefined) return savedContent(send, result, columns, language);
  if (result.outcome === 'conflict') return conflictContent(language);
  return refusedContent(result, columns, language);
}

/** What a row held when the save read it: the gateway writes its result only where a row still matches. */
export function expectationOf(row: { fingerprint: string; idCell: string }): RowExpectation {
  return { ...(row.idCell ? { id: row.idCell } : {}), fingerprint: row.fingerprint };
}

/**
 * The writes of a save: the sent rows' outcomes, then the held rows' reasons, each by its index at the
 * read and what it held then. Where each row is now is the gateway's to find (writeResults), in the
 * read it makes just before it writes.
 */
export function buildWrites(args: {
  sends: readonly SendRow[];
  held: readonly HeldRow[];
  outcomes: ReadonlyMap<string, SendOutcome>;
  failure?: { retryable: boolean; localized: Localized };
  columns: readonly ColumnDef[];
  language: Language;
}): ResultWrite[] {
  const { sends, held, columns, language } = args;
  return [
    ...sends.map((send): ResultWrite => ({
      rowIndex: send.rowIndex,
      expect: expectationOf(send),
      ...outcomeContent(send, args.outcomes.get(send.rowKey) ?? { kind: 'unsent' }, columns, language, args.failure),
    })),
    ...held.map((row): ResultWrite => ({ rowIndex: row.rowIndex, expect: expectationOf(row), ...row.content })),
  ];
}

/**
 * The findings of rows the save did not send but changed (they became or stopped being duplicates of a
 * saved row): their result columns only, written with the save's own results, in the same batch. A row
 * edited since the read, or at another version than the server's, is left alone.
 */
export function relatedWrites(
  related: Iterable<RelatedRow>,
  unchanged: ReadonlyMap<string, UnchangedRow>,
  columns: readonly ColumnDef[],
  language: Language,
): ResultWrite[] {
  return [...related].flatMap((row): ResultWrite[] => {
    const at = unchanged.get(row.id);
    if (!at || (at.version !== undefined && at.version !== row.version)) return [];
    return [{ rowIndex: at.rowIndex, expect: { id: row.id, fingerprint: at.fingerprint }, ...issueContent(row.issues, columns, language) }];
  });
}

/**
 * Where the sent rows' results went (buildWrites puts the sends first): by row key, undefined when the
 * row was not found; and how many were edited meanwhile (written without their values: still unsaved).
 */
export function sendPlacements(
  sends: readonly SendRow[],
  report: WriteReport,
): { located: Map<string, number | undefined>; inexact: number } {
  const located = new Map<string, number | undefined>();
  let inexact = 0;
  sends.forEach((send, i) => {
    const placement = report.placements[i];
    located.set(send.rowKey, placement?.rowIndex);
    if (placement && !placement.exact) inexact += 1;
  });
  return { located, inexact };
}

/**
 * Saved rows that show a save's refusal, problem or "unsaved" instead of their findings (the row was
 * refused, or could not be read or sent): by id. Once such a row holds its saved content again (the
 * user set it back), `restoredWrites` gives it back its findings.
 */
export function markedIds(sends: readonly SendRow[], outcomes: ReadonlyMap<string, SendOutcome>, held: readonly HeldRow[]): string[] {
  const sent = sends.flatMap((send) => {
    const outcome = outcomes.get(send.rowKey);
    const answered = outcome?.kind === 'answered' ? outcome.result.outcome : undefined;
    return send.idCell && answered !== 'saved' && answered !== 'conflict' ? [send.idCell] : [];
  });
  return [...sent, ...held.flatMap((row) => (row.idCell ? [row.idCell] : []))];
}

/** The findings of the marked rows the save found unchanged, from the report: what their cells now mean. */
export function restoredWrites(
  marked: ReadonlySet<string>,
  unchanged: ReadonlyMap<string, UnchangedRow>,
  issues: readonly Issue[],
  columns: readonly ColumnDef[],
  language: Language,
): ResultWrite[] {
  return [...marked].flatMap((id): ResultWrite[] => {
    const at = unchanged.get(id);
    if (!at) return [];
    const own = issues.filter((issue) => issue.nominationId === id);
    return [{ rowIndex: at.rowIndex, expect: { id, fingerprint: at.fingerprint }, ...issueContent(own, columns, language) }];
  });
}
