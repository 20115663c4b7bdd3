import { HistoryRow, type RegisterLookup } from '#shared/api/register';
import { formatDateVi } from '#shared/dates';
import type { RegisterEntry } from '#shared/register/entry';
import { compareVietnamese } from '#shared/text';
import { cellText, sheetText, type CellValue } from './cells';
import { dateColumn, messagesColumn, ordinalColumn, textColumn } from './org-columns';
import type { OrgColumn, OrgSheetSchema } from './org-sheet';

/**
 * The award register's two sheets, in Vietnamese whatever the pane shows. "Lịch sử khen thưởng": the
 * office's history typed or pasted by HR, read by its column schema (the org sheets' machinery:
 * headers found by name, each cell's problem at its cell); "Tra cứu khen thưởng": a person's or a
 * unit's history as the lookup answers it, written whole, read-only.
 */
export type HistoryFields = Omit<HistoryRow, 'rowKey'>;

export const HISTORY_SHEET = 'Lịch sử khen thưởng';
export const LOOKUP_SHEET = 'Tra cứu khen thưởng';
export const KIND_LABELS = { individual: 'Cá nhân', collective: 'Tập thể' } as const;

const kindColumn: OrgColumn<HistoryFields> = {
  id: 'kind',
  header: 'Cá nhân/Tập thể',
  width: 14,
  role: 'input',
  format: 'text',
  field: 'nomineeKind',
  options: Object.values(KIND_LABELS),
  write: (item) => KIND_LABELS[item.nomineeKind],
  read: (value, { row }) => {
    if (/^t[aậ]p th[eể]$/iu.test(cellText(value)) || cellText(value) === 'collective') row.nomineeKind = 'collective';
  },
};

const yearColumn: OrgColumn<HistoryFields> = {
  id: 'year',
  header: 'Năm',
  width: 8,
  role: 'input',
  format: 'general',
  field: 'year',
  write: (item) => item.year,
  read: (value, { row, problem }) => {
    const n = typeof value === 'number' ? value : Number(cellText(value));
    if (cellText(value) === '') return;
    if (!Number.isInteger(n)) problem(`"${cellText(value)}" không phải một năm`, `"${cellText(value)}" is not a year`);
    else row.year = n;
  },
};

export const HISTORY_SCHEMA: OrgSheetSchema<HistoryFields, HistoryFields> = {
  sheetName: HISTORY_SHEET,
  columns: [
    ordinalColumn,
    textColumn<HistoryFields>('name', 'Họ và tên / Tên tập thể', 28, 'name', 200, { key: true }),
    textColumn<HistoryFields>('unit', 'Đơn vị', 24, 'unit', 200),
    kindColumn,
    textColumn<HistoryFields>('award', 'Hình thức khen thưởng', 30, 'award', 200),
    textColumn<HistoryFields>('decisionNumber', 'Số quyết định', 16, 'decisionNumber', 80),
    dateColumn<HistoryFields>('decisionDate', 'Ngày quyết định', 'decisionDate'),
    yearColumn,
    dateColumn<HistoryFields>('birthDate', 'Ngày sinh', 'birthDate'),
    messagesColumn,
  ],
  compare: (a, b) => compareVietnamese(a.name, b.name),
  idOf: (item) => `${item.name}#${item.decisionNumber}`,
  fields: HistoryRow.omit({ rowKey: true }),
};

const SOURCE_LABELS: Record<RegisterEntry['source'], string> = {
  issued: 'Quyết định của Văn phòng',
  entered: 'Quyết định nhập tay',
  imported: 'Lịch sử nhập từ bảng',
};

/** The lookup sheet's columns: what each entry shows, as text (never a formula) and dates as dd/MM/yyyy. */
export const LOOKUP_COLUMNS = [
  { id: 'ordinal', header: 'STT', width: 6, role: 'derived', format: 'general' },
  { id: 'name', header: 'Họ và tên / Tên tập thể', width: 28, role: 'derived', format: 'text' },
  { id: 'unit', header: 'Đơn vị', width: 24, role: 'derived', format: 'text' },
  { id: 'award', header: 'Hình thức khen thưởng', width: 30, role: 'derived', format: 'text' },
  { id: 'decisionNumber', header: 'Số quyết định', width: 16, role: 'derived', format: 'text' },
  { id: 'decisionDate', header: 'Ngày quyết định', width: 14, role: 'derived', format: 'text' },
  { id: 'year', header: 'Năm', width: 8, role: 'derived', format: 'general' },
  { id: 'campaign', header: 'Đợt thi đua', width: 40, role: 'derived', format: 'text' },
  { id: 'signer', header: 'Người ký', width: 20, role: 'derived', format: 'text' },
  { id: 'source', header: 'Nguồn', width: 22, role: 'derived', format: 'text' },
] as const;

/** The lookup as the sheet's rows: the header, then one row per award, newest first as answered. */
export function lookupSheetValues(lookup: RegisterLookup): CellValue[][] {
  const rows = lookup.entries.map((entry, n): CellValue[] => [
    n + 1,
    sheetText(entry.name),
    sheetText(entry.unitName),
    sheetText(entry.awardFormName),
    sheetText(entry.decisionNumber),
    formatDateVi(entry.decisionDate),
    entry.year,
    sheetText(entry.campaignTitle ?? ''),
    sheetText(entry.signer ?? ''),
    SOURCE_LABELS[entry.source],
  ]);
  return [LOOKUP_COLUMNS.map((column) => column.header), ...rows];
}
