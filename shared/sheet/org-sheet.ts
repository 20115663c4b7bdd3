import type { z } from 'zod';
import type { Localized } from '#shared/localized';
import type { Unit } from '#shared/org';
import { cellText, type CellValue, type RowReader } from './cells';
import { normalize } from './labels';
import { orgIssueMessage } from './org-issues';
import { cyrb53 } from './row-hash';

/** What the org sheets' columns read besides a row: the units, by name, short name or code. */
export interface OrgSheetContext {
  units: readonly Unit[];
}

/**
 * One column of an org sheet (Đơn vị, Cán bộ, Người dùng), as columns.ts is for the nomination sheet:
 * its header (found by name, wherever the column sits), width, format, dropdown, how it writes a stored
 * record and how it reads its cell back into the row sent. Roles as there: input, output (the save's
 * messages), derived (the STT), system (code bookkeeping: version, fingerprint; hidden).
 */
export interface OrgColumn<T> {
  id: string;
  header: string;
  width: number;
  role: 'input' | 'output' | 'derived' | 'system';
  format: 'text' | 'date' | 'general';
  /** The record's field a finding names when it points at this column. */
  field?: string;
  options?: readonly string[];
  /** What a typed value the row's schema refuses means, when more than its type (a unit no sheet holds). */
  invalid?: (typed: string) => Localized;
  /** Required: the header that finds the table (the first such column). */
  key?: true;
  write(item: T): CellValue;
  read?(value: CellValue, reader: RowReader): void;
}

export interface OrgSheetSchema<T, Fields> {
  sheetName: string;
  columns: readonly OrgColumn<T>[];
  /** The order the pane writes the records in (Vietnamese, by given name for people). */
  compare(a: T, b: T): number;
  /** The record's code, as the removed list names it. */
  idOf(item: T): string;
  /** The fields of a row as the request takes them. */
  fields: z.ZodType<Fields>;
}

export interface OrgCellProblem {
  columnId: string;
  message: Localized;
}

export interface ParsedOrgRow<Fields> {
  /** 0-based index of the row in the values read. */
  index: number;
  id?: string;
  version?: number;
  fields?: Fields;
  problems: OrgCellProblem[];
  /** Its cells differ from the fingerprint written at the last load or save (or it has none: new). */
  changed: boolean;
}

export interface OrgSheetRead<Fields> {
  /** 0-based index of the header row; -1 when the sheet holds no header of this schema. */
  headerRow: number;
  /** Each column's index in the sheet, by the column's id; absent: the column is not there. */
  at: Record<string, number>;
  rows: ParsedOrgRow<Fields>[];
}

/** The header row: the first of the first ten rows that names the schema's key column. */
export function locateColumns<T>(columns: readonly OrgColumn<T>[], values: readonly (readonly CellValue[])[]) {
  const keyHeader = normalize(columns.find((column) => column.key)!.header);
  const headerRow = values.slice(0, 10).findIndex((row) => row.some((cell) => normalize(cellText(cell)) === keyHeader));
  const at: Record<string, number> = {};
  if (headerRow < 0) return { headerRow, at };
  values[headerRow]!.forEach((cell, index) => {
    const column = columns.find((c) => normalize(c.header) === normalize(cellText(cell)));
    if (column && at[column.id] === undefined) at[column.id] = index;
  });
  return { headerRow, at };
}

/** A cell as Excel reads it back: the text prefix (') is not part of the value. */
const readBack = (value: CellValue | undefined) => (typeof value === 'string' && value.startsWith("'") ? value.slice(1) : cellText(value));

/** The fingerprint of a row's input and system cells, in the schema's order (wherever they sit). */
export function orgRowHash<T>(columns: readonly OrgColumn<T>[], cellOf: (column: OrgColumn<T>) => CellValue | undefined): string {
  const parts = columns.filter((c) => c.role === 'input' || (c.role === 'system' && c.id !== 'rowHash')).map((c) => readBack(cellOf(c)));
  return cyrb53(parts.join('\u241f'));
}

/** Every row under the header back into what a save sends; blank rows are skipped, each cell read by its column. */
export function readOrgSheet<T, Fields>(
  schema: OrgSheetSchema<T, Fields>,
  values: readonly (readonly CellValue[])[],
): OrgSheetRead<Fields> {
  const { headerRow, at } = locateColumns(schema.columns, values);
  const rows: ParsedOrgRow<Fields>[] = [];
  if (headerRow < 0) return { headerRow, at, rows };
  for (let index = headerRow + 1; index < values.length; index += 1) {
    const cellOf = (column: OrgColumn<T>) => (at[column.id] === undefined ? null : (values[index]![at[column.id]!] ?? null));
    const inputs = schema.columns.filter((column) => column.role === 'input');
    if (inputs.every((column) => cellText(cellOf(column)) === '')) continue;
    const problems: OrgCellProblem[] = [];
    const row: Record<string, unknown> = {};
    for (const column of schema.columns) {
      if (!column.read) continue;
      column.read(cellOf(column), { row, problem: (vi, en) => problems.push({ columnId: column.id, message: { vi, en } }) });
    }
    const { version, rowHash, ...typed } = row as { version?: number; rowHash?: string; id?: unknown; email?: unknown };
    const changed = !rowHash || rowHash !== orgRowHash(schema.columns, cellOf);
    const id = typeof typed.id === 'string' ? typed.id : typeof typed.email === 'string' ? typed.email : undefined;
    const parsed = problems.length === 0 ? schema.fields.safeParse(typed) : undefined;
    for (const issue of parsed?.success === false ? parsed.error.issues : []) {
      const column = schema.columns.find((c) => c.field === String(issue.path[0])) ?? inputs[0]!;
      problems.push({ columnId: column.id, message: orgIssueMessage(column, readBack(cellOf(column)), issue) });
    }
    rows.push({
      index,
      ...(id ? { id } : {}),
      ...(version ? { version } : {}),
      ...(parsed?.success ? { fields: parsed.data } : {}),
      problems,
      changed,
    });
  }
  return { headerRow, at, rows };
}

/** The sheet as the pane writes it: the header, then the records in the schema's order, each row's fingerprint in its column. */
export function orgSheetValues<T, Fields>(schema: OrgSheetSchema<T, Fields>, items: readonly T[]): CellValue[][] {
  const sorted = [...items].sort(schema.compare);
  const rows = sorted.map((item, n) => {
    const cells = new Map(schema.columns.map((column) => [column.id, column.id === 'ordinal' ? n + 1 : column.write(item)]));
    cells.set(
      'rowHash',
      orgRowHash(schema.columns, (column) => cells.get(column.id)),
    );
    return schema.columns.map((column) => cells.get(column.id) ?? '');
  });
  return [schema.columns.map((column) => column.header), ...rows];
}
