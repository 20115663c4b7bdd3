import { Campaign } from '#shared/campaign';
import type { Localized } from '#shared/localized';
import { cellText, type CellValue } from '#shared/sheet/cells';
import { normalize } from '#shared/sheet/labels';
import { issueMessage } from './issue-messages';
import { sheetCellName } from './plan-layout';
import { pathKey, setPath, type Path } from './paths';
import { MESSAGES_HEADER, PLAN_FIELDS, PLAN_TABLES, PLAN_WIDTH, type PlanTable } from './schema';

/** A finding at a cell of the "Kế hoạch" sheet: where (0-based, and as Excel names it) and what to do. */
export interface PlanCellIssue {
  row: number;
  column: number;
  /** 'Kế hoạch'!C12 */
  cell: string;
  message: Localized;
}

export interface PlanReading {
  /** The campaign the sheet holds; absent while any cell is wrong. */
  campaign?: Campaign;
  issues: PlanCellIssue[];
  /** Where the messages go (found by its header, so a column inserted before it moves it). */
  messageColumn: number;
  /** Where each value of the campaign was read: for the server's refusals, which name paths. */
  cellOf(path: Path): { row: number; column: number };
}

/** Values as Excel gives a used range that starts at (top, left), laid out from A1. */
export function fromA1(values: readonly (readonly CellValue[])[], top: number, left: number): CellValue[][] {
  const blank = (): CellValue[] => [];
  return [...Array.from({ length: top }, blank), ...values.map((row) => [...Array.from({ length: left }, () => '' as CellValue), ...row])];
}

const textAt = (grid: readonly (readonly CellValue[])[], row: number, column: number) => normalize(cellText(grid[row]?.[column]));

const missing = (what: string): Localized => ({
  vi: `Không thấy ${what} trên trang: hãy mở lại kế hoạch từ ngăn tác vụ (các ô đã sửa sẽ mất) hoặc gõ lại đúng như cũ`,
  en: `${what} is not on the sheet: open the plan again from the pane (edits are lost) or type it back as it was`,
});

/**
 * The campaign the sheet holds, over `base` (the campaign opened: what the sheet does not show, such
 * as the office's identity, is kept from it), checked by the campaign's schema, each finding at its cell.
 */
export function readPlan(grid: readonly (readonly CellValue[])[], base: Campaign): PlanReading {
  const issues: PlanCellIssue[] = [];
  const cells = new Map<string, { row: number; column: number }>();
  const add = (row: number, column: number, message: Localized) => {
    if (!issues.some((issue) => issue.row === row && issue.column === column))
      issues.push({ row, column, cell: sheetCellName(row, column), message });
  };
  const problemAt = (row: number, column: number) => (message: Localized) => add(row, column, message);
  const draft = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;

  const titles = new Map<PlanTable, number>();
  grid.forEach((_, row) => {
    const table = PLAN_TABLES.find((candidate) => normalize(candidate.title) === textAt(grid, row, 0));
    if (table && !titles.has(table)) titles.set(table, row);
  });
  const titleRows = [...titles.values()].sort((a, b) => a - b);
  const blockEnd = titleRows[0] ?? grid.length;

  for (const field of PLAN_FIELDS) {
    const row = grid.findIndex((_, r) => r < blockEnd && textAt(grid, r, 0) === normalize(field.label));
    if (row < 0) {
      if (!field.keptWhenAbsent) add(0, 0, missing(`dòng "${field.label}"`));
      continue;
    }
    cells.set(pathKey(field.path), { row, column: 1 });
    setPath(draft, field.path, field.codec.read(grid[row]?.[1] ?? '', problemAt(row, 1)));
  }

  for (const table of PLAN_TABLES) {
    const title = titles.get(table);
    if (title === undefined) {
      add(0, 0, missing(`bảng "${table.title}"`));
      continue;
    }
    cells.set(pathKey(table.path), { row: title, column: 0 });
    const end = titleRows.find((row) => row > title) ?? grid.length;
    setPath(draft, table.path, readTable(grid, table, title, end, cells, add, problemAt));
  }

  if (draft.id !== base.id) {
    const at = cells.get('id');
    if (at)
      add(at.row, at.column, {
        vi: `Mã đợt thi đua không sửa được: hãy để lại "${base.id}"`,
        en: `The campaign's id cannot change: put back "${base.id}"`,
      });
  }
  const cellOf = (path: Path) => {
    for (let length = path.length; length > 0; length -= 1) {
      const found = cells.get(pathKey(path.slice(0, length)));
      if (found) return found;
    }
    return { row: 0, column: 0 };
  };
  const parsed = Campaign.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const at = cellOf(issue.path as Path);
      add(at.row, at.column, issueMessage(issue));
    }
  }
  const messageColumn = grid[0]?.findIndex((value) => normalize(cellText(value)) === normalize(MESSAGES_HEADER)) ?? -1;
  return {
    ...(issues.length === 0 && parsed.success ? { campaign: parsed.data } : {}),
    issues: issues.sort((a, b) => a.row - b.row || a.column - b.column),
    messageColumn: messageColumn >= 0 ? messageColumn : PLAN_WIDTH,
    cellOf,
  };
}

function readTable(
  grid: readonly (readonly CellValue[])[],
  table: PlanTable,
  title: number,
  end: number,
  cells: Map<string, { row: number; column: number }>,
  add: (row: number, column: number, message: Localized) => void,
  problemAt: (row: number, column: number) => (message: Localized) => void,
): unknown[] | undefined {
  let header = title + 1;
  while (header < end && (grid[header] ?? []).every((value) => cellText(value) === '')) header += 1;
  const columns = table.columns.map((column) => ({
    column,
    index: (grid[header] ?? []).findIndex((value) => normalize(cellText(value)) === normalize(column.header)),
  }));
  const absent = columns.filter(({ index }) => index < 0);
  if (absent.length > 0) {
    add(header < end ? header : title, 0, missing(`cột ${absent.map(({ column }) => `"${column.header}"`).join(', ')}`));
    return getTableFallback(table);
  }
  const items: Record<string, unknown>[] = [];
  for (let row = header + 1; row < end; row += 1) {
    if (columns.every(({ index }) => cellText(grid[row]?.[index]) === '')) continue;
    const item: Record<string, unknown> = {};
    const at = [...table.path, items.length];
    cells.set(pathKey(at), { row, column: columns[0]!.index });
    for (const { column, index } of columns) {
      cells.set(pathKey([...at, ...column.path]), { row, column: index });
      setPath(item, column.path, column.codec.read(grid[row]?.[index] ?? '', problemAt(row, index)));
    }
    bilingual(item, table);
    items.push(item);
  }
  return table.optional && items.length === 0 ? undefined : items;
}

const getTableFallback = (table: PlanTable): unknown[] | undefined => (table.optional ? undefined : []);

/** English left blank takes the Vietnamese (the office writes in Vietnamese); an optional text blank in both is left out. */
function bilingual(item: Record<string, unknown>, table: PlanTable): void {
  for (const [key, need] of Object.entries(table.localized ?? {})) {
    const text = (item[key] ?? {}) as { vi?: string; en?: string };
    if (need === 'optional' && !text.vi && !text.en) delete item[key];
    else item[key] = { ...text, ...(text.en === undefined && text.vi ? { en: text.vi } : {}) };
  }
}
