import type { Issue } from '#shared/issues';
import type { Language } from '#shared/localized';
import type { Nomination } from '#shared/nomination';
import type { CellValue, ColumnDef, SheetContext } from '#shared/sheet/columns';
import { parseRow } from '#shared/sheet/parse-row';
import { comparePersonNames, compareVietnamese } from '#shared/text';
import type { RowWrite } from '#addin/excel/gateway';
import { translate } from '#addin/i18n/index';
import { conflictContent, issueContent, type RowContent } from '#addin/app/sheet/row-content';
import { cellText, isDirty, withCells, withSystem } from '#addin/app/sheet/sheet';

/** A row with unsaved edits whose nomination someone else saved since: both sides kept for the user. */
export interface ConflictEntry {
  id: string;
  mine: CellValue[];
  theirs: Partial<Nomination>;
  theirsVersion: number;
}

export interface MergeInput {
  rows: readonly (readonly CellValue[])[];
  columns: readonly ColumnDef[];
  ctx: SheetContext;
  nominations: readonly Nomination[];
  /** The validation report's findings, shown on the rows. */
  issues: readonly Issue[];
  language: Language;
}

export interface MergeResult {
  /** The new table body, in order (row index = position). */
  writes: RowWrite[];
  knownIds: string[];
  conflicts: ConflictEntry[];
  /** Rows kept with unsaved edits (conflicts included) and new rows. */
  unsaved: number;
  /** Unchanged rows whose nomination the server no longer shows (deleted, or out of the user's view). */
  dropped: number;
  rowIds: Map<string, number>;
  labels: Map<string, string>;
}

/** The sheet's cells for a stored nomination, with its bookkeeping. */
export function serverRow(nomination: Nomination, columns: readonly ColumnDef[], ctx: SheetContext) {
  const written = columns.map((column) => column.write(nomination, ctx));
  return withSystem(written, columns, nomination.id, nomination.version);
}

interface Placed {
  cells: CellValue[];
  content: RowContent;
}

/**
 * A load merged with the sheet so that no unsaved edit is lost: a row with an id and unsaved edits is
 * kept as typed (a conflict when the server's version is newer); every other row with an id is
 * rewritten from the server (and dropped when the server no longer shows it); new rows (no id) are kept
 * at the bottom. Rows with ids are ordered by unit, then by Vietnamese name order.
 */
export function mergeLoad(input: MergeInput): MergeResult {
  const { columns, ctx, language } = input;
  const byId = new Map(input.nominations.map((nomination) => [nomination.id, nomination]));
  const issuesById = new Map<string, Issue[]>();
  for (const issue of input.issues) {
    if (issue.nominationId) issuesById.set(issue.nominationId, [...(issuesById.get(issue.nominationId) ?? []), issue]);
  }

  const kept = new Map<string, { cells: CellValue[]; version: number | undefined }>();
  const fresh: CellValue[][] = [];
  let dropped = 0;
  for (const values of input.rows) {
    const parsed = parseRow(values, columns);
    if (parsed.empty) continue;
    const cells = columns.map((_, index) => values[index] ?? null);
    if (!parsed.id) {
      fresh.push(cells);
    } else if (kept.has(parsed.id)) {
      // A copy of a row (hidden columns too): a new row, its borrowed bookkeeping cleared.
      fresh.push(withCells(cells, columns, { id: '', version: '', rowHash: '' }));
    } else if (isDirty(parsed, values, columns)) {
      kept.set(parsed.id, { cells, version: parsed.version });
    } else if (!byId.has(parsed.id)) {
      dropped += 1;
    }
  }

  const conflicts: ConflictEntry[] = [];
  const placed: Placed[] = [];
  const unsavedContent = (): RowContent => ({ messages: translate(language, 'sheet.unsaved'), mark: 'unsaved', notes: [] });
  for (const nomination of input.nominations) {
    const mine = kept.get(nomination.id);
    if (mine) {
      kept.delete(nomination.id);
      if (mine.version === undefined || nomination.version > mine.version) {
        conflicts.push({ id: nomination.id, mine: mine.cells, theirs: nomination, theirsVersion: nomination.version });
        placed.push({
          cells: mine.cells,
          content: conflictContent(language),
        });
      } else {
        placed.push({ cells: mine.cells, content: unsavedContent() });
      }
      continue;
    }
    const { cells, hash } = serverRow(nomination, columns, ctx);
    const found = issueContent(issuesById.get(nomination.id) ?? [], columns, language);
    placed.push({
      cells,
      content: { system: { id: nomination.id, version: nomination.version, rowHash: hash }, ...found },
    });
  }
  // Edited rows the server no longer shows: kept as typed, so nothing typed is lost.
  for (const mine of kept.values()) placed.push({ cells: mine.cells, content: unsavedContent() });

  placed.sort(
    (a, b) =>
      compareVietnamese(cellText(a.cells, columns, 'unit'), cellText(b.cells, columns, 'unit')) ||
      comparePersonNames(cellText(a.cells, columns, 'nominee'), cellText(b.cells, columns, 'nominee')) ||
      compareVietnamese(cellText(a.cells, columns, 'awardForm'), cellText(b.cells, columns, 'awardForm')) ||
      cellText(a.cells, columns, 'id').localeCompare(cellText(b.cells, columns, 'id')),
  );
  for (const cells of fresh) placed.push({ cells, content: unsavedContent() });

  const rowIds = new Map<string, number>();
  const labels = new Map<string, string>();
  const writes = placed.map((row, rowIndex): RowWrite => {
    const id = cellText(row.cells, columns, 'id');
    if (id) {
      rowIds.set(id, rowIndex);
      labels.set(id, cellText(row.cells, columns, 'nominee'));
    }
    return { rowIndex, values: withCells(row.cells, columns, { messages: row.content.messages }), ...row.content };
  });
  const unsaved = placed.filter((row) => row.content.mark === 'unsaved' || row.content.mark === 'conflict').length;
  return { writes, knownIds: [...rowIds.keys()], conflicts, unsaved, dropped, rowIds, labels };
}
