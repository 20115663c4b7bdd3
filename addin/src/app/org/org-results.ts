import type { OrgRowResult, OrgSheetResult } from '#shared/api/org-sheets';
import type { Localized } from '#shared/localized';
import type { CellValue } from '#shared/sheet/cells';
import { sheetText } from '#shared/sheet/cells';
import { orgRowHash, type OrgSheetRead, type OrgSheetSchema, type ParsedOrgRow } from '#shared/sheet/org-sheet';
import type { ColumnWrite } from '#addin/excel/office-org-sheets';
import { localized } from '#addin/i18n/index';

/** The columns a save writes back, each whole from the first row under the header: one Excel request. */
const WRITTEN = ['ordinal', 'id', 'version', 'messages', 'rowHash'] as const;

type Schema = OrgSheetSchema<unknown, unknown>;

/** A column's letters (0 → A, 26 → AA). */
const letters = (n: number): string => (n < 26 ? '' : letters(Math.floor(n / 26) - 1)) + String.fromCharCode(65 + (n % 26));

/** "Đơn vị (D7): …": the cell a message is about, by its header and address, then the message. */
function cellMessage(schema: Schema, read: OrgSheetRead<unknown>, index: number, column: { id: string } | undefined, text: string) {
  const header = column && schema.columns.find((c) => c.id === column.id)?.header;
  const at = column && read.at[column.id];
  return header ? `${header}${at === undefined ? '' : ` (${letters(at)}${index + 1})`}: ${text}` : text;
}

/** A row is sent under its number in the sheet (1-based), as people and the server's messages name it. */
const indexOf = (result: { rowKey: string }) => Number(result.rowKey) - 1;

const problemText = (schema: Schema, read: OrgSheetRead<unknown>, row: ParsedOrgRow<unknown>) =>
  row.problems.map((p) => cellMessage(schema, read, row.index, { id: p.columnId }, p.message.vi)).join('; ');

const findingText = (schema: Schema, read: OrgSheetRead<unknown>, result: OrgRowResult) =>
  result.findings
    .map((f) =>
      cellMessage(schema, read, indexOf(result), f.field ? schema.columns.find((c) => c.field === f.field) : undefined, f.message.vi),
    )
    .join('; ');

/**
 * What a save writes into its sheet: the codes given to new rows, the versions, each row's messages
 * (in the workbook's language, Vietnamese), the rows numbered, and the fingerprint of every row the
 * server took, so that it reads as unchanged until edited again. A refused row keeps its old
 * fingerprint: it is sent again with the next save.
 */
export function resultWrites(
  schema: Schema,
  read: OrgSheetRead<unknown>,
  values: readonly (readonly CellValue[])[],
  results: readonly OrgRowResult[],
): { firstRow: number; writes: ColumnWrite[] } {
  const firstRow = read.headerRow + 1;
  const length = Math.max(0, ...read.rows.map((row) => row.index + 1)) - firstRow;
  const present = WRITTEN.filter((id) => read.at[id] !== undefined);
  const cells = new Map<string, CellValue[]>(
    present.map((id) => [id, Array.from({ length }, (_, i) => values[firstRow + i]?.[read.at[id]!] ?? '')]),
  );
  const set = (id: string, index: number, value: CellValue) => {
    const column = cells.get(id);
    if (column) column[index - firstRow] = value;
  };
  read.rows.forEach((row, n) => {
    set('ordinal', row.index, n + 1);
    if (row.problems.length > 0) set('messages', row.index, sheetText(problemText(schema, read, row)));
  });
  for (const result of results) {
    const index = indexOf(result);
    set('messages', index, sheetText(findingText(schema, read, result)));
    if (result.outcome === 'refused') continue;
    if (result.id && schema.columns.some((c) => c.id === 'id')) set('id', index, sheetText(result.id));
    if (result.version) set('version', index, result.version);
    const cellOf = (column: { id: string }) =>
      cells.has(column.id)
        ? cells.get(column.id)![index - firstRow]!
        : read.at[column.id] === undefined
          ? null
          : (values[index]?.[read.at[column.id]!] ?? null);
    set('rowHash', index, orgRowHash(schema.columns, cellOf));
  }
  return { firstRow, writes: present.map((id) => ({ column: read.at[id]!, values: cells.get(id)! })) };
}

/** Both languages' sentences, one after the other. */
function join(parts: readonly Localized[]): Localized {
  return { vi: parts.map((p) => p.vi).join(' '), en: parts.map((p) => p.en).join(' ') };
}

const rowList = (rows: readonly number[]) => rows.slice(0, 10).join(', ') + (rows.length > 10 ? ', …' : '');

/**
 * The status line of a save: saved n, refused m and where to look, warnings, staff marked as having
 * left, records deleted, the units kept with the reason the server gave, and what a removal left to do.
 */
export function orgSaveNotice(sheet: string, result: OrgSheetResult | undefined, unsent: readonly ParsedOrgRow<unknown>[]): Localized {
  const s = result?.summary;
  const refusedRows = [
    ...unsent.map((row) => row.index + 1),
    ...(result?.rows ?? []).filter((row) => row.outcome === 'refused').map((row) => Number(row.rowKey)),
  ].sort((a, b) => a - b);
  const parts: Localized[] = [];
  if (!result || (s!.saved === 0 && s!.unchanged === 0 && result.removed.length === 0 && s!.refused === 0))
    parts.push(localized(unsent.length > 0 ? 'org.notSaved' : 'org.nothing', { sheet }));
  else parts.push(localized('org.saved', { sheet, n: s!.saved }));
  if (refusedRows.length > 0) parts.push(localized('org.refused', { n: refusedRows.length, rows: rowList(refusedRows) }));
  if (s && s.warnings > 0) parts.push(localized('org.warnings', { n: s.warnings }));
  if (s && s.left > 0) parts.push(localized('org.left', { n: s.left }));
  if (s && s.deleted > 0) parts.push(localized('org.deleted', { n: s.deleted }));
  const kept = (result?.removed ?? []).filter((removal) => removal.outcome === 'kept');
  if (kept.length > 0) {
    const reasons = (language: 'vi' | 'en') => kept.map((k) => `${k.id}${k.reason ? ` (${k.reason[language]})` : ''}`).join('; ');
    parts.push(localized('org.kept', { n: kept.length }, { list: { vi: reasons('vi'), en: reasons('en') } }));
  }
  // A removal done with something left to do by hand (a sign-in account still to disable).
  const notes = (result?.removed ?? []).filter((removal) => removal.outcome === 'deleted' && removal.reason);
  if (notes.length > 0) {
    const list = (language: 'vi' | 'en') => notes.map((note) => `${note.id}: ${note.reason![language]}`).join('; ');
    parts.push(localized('org.removalNotes', {}, { list: { vi: list('vi'), en: list('en') } }));
  }
  return join(parts);
}
