import { MAX_ACHIEVEMENTS_LENGTH, MAX_SHORT_TEXT, type Nomination } from '#shared/nomination';
import type { Person, Unit } from '#shared/org';
import {
  cellText,
  codesFrom,
  dateCell,
  findByName,
  nameIndex,
  readDate,
  readText,
  rowOrdinals,
  sheetText,
  type CellValue,
  type ColumnDef,
  type RowReader,
  type SheetContext,
} from './cells';
import { buildDossierColumns } from './dossier-columns';
import { matchLabel, normalize, NOMINEE_KIND_LABELS, STATUS_LABELS, STATUS_LABELS_EN } from './labels';

export { rowOrdinals, sheetText };
export type { CellValue, ColumnDef, RowReader, SheetContext };

export const SHEET_NAME = 'Tổng hợp đề nghị';
export const TABLE_NAME = 'TongHopDeNghi';

function unitName(ctx: SheetContext, id: string): string {
  return ctx.units.find((unit) => unit.id === id)?.name ?? id;
}

function nomineeName(ctx: SheetContext, nomination: Nomination): string {
  if (nomination.nomineeKind === 'collective') return unitName(ctx, nomination.nomineeId);
  return ctx.people.find((person) => person.id === nomination.nomineeId)?.fullName ?? nomination.nomineeId;
}

/** Chức vụ: an individual's title in the registry; a collective has none. */
function positionOf(ctx: SheetContext, nomination: Nomination): string {
  if (nomination.nomineeKind !== 'individual') return '';
  return ctx.people.find((person) => person.id === nomination.nomineeId)?.title ?? '';
}

function labelsOf(items: readonly { code: string; label?: { vi: string } }[], codes: readonly string[]): string {
  return codes.map((code) => items.find((item) => item.code === code)?.label?.vi ?? code).join('; ');
}

/** A unit by its id, name or short name. */
const unitNames = (u: Unit) => [u.id, u.name, u.shortName];
const personNames = (p: Person) => [p.id, p.fullName];
const formNames = (f: { code: string; name: { vi: string; en: string } }) => [f.code, f.name.vi, f.name.en];
const findUnit = (ctx: SheetContext, typed: string) => findByName(ctx.units, typed, unitNames);

/**
 * Names are resolved against the registry (a person within the nominating unit first); a name it does
 * not know is kept as typed, for the server's rule 2 to flag, so that nothing typed is lost.
 */
function readNominee(ctx: SheetContext, typed: string, row: Record<string, unknown>): string {
  if (row.nomineeKind === 'collective') return findUnit(ctx, typed)?.id ?? typed;
  if (row.nomineeKind !== 'individual') return typed;
  // A person of that name within the unit first, else the first of that name anywhere.
  const named = nameIndex(ctx.people, personNames).get(normalize(typed)) ?? [];
  return (named.find((p) => p.unitId === row.unitId) ?? named[0])?.id ?? typed;
}

/** The columns for a campaign: the dossier's columns follow the campaign's own list of documents. */
export function buildColumns(ctx: SheetContext): ColumnDef[] {
  const { campaign } = ctx;
  const dossierColumns = buildDossierColumns(campaign);
  return [
    // A printed list starts with its STT: first, numbered by the add-in (see ColumnDef.ordinal).
    { id: 'ordinal', header: 'STT', width: 6, role: 'derived', format: 'general', ordinal: true, write: () => '' },
    {
      id: 'unit',
      header: 'Đơn vị đề nghị',
      width: 30,
      role: 'input',
      format: 'text',
      field: 'unitId',
      options: ctx.units.map((unit) => unit.name),
      write: (n) => unitName(ctx, n.unitId),
      read: (value, { row, problem }) => {
        const typed = cellText(value);
        if (!typed) problem('Chưa chọn đơn vị đề nghị', 'The nominating unit is missing');
        row.unitId = findUnit(ctx, typed)?.id ?? typed;
      },
    },
    {
      id: 'nomineeKind',
      header: 'Tập thể/Cá nhân',
      width: 12,
      role: 'input',
      format: 'text',
      field: 'nomineeKind',
      options: Object.values(NOMINEE_KIND_LABELS),
      write: (n) => NOMINEE_KIND_LABELS[n.nomineeKind],
      read: (value, { row, problem }) => {
        row.nomineeKind = matchLabel(NOMINEE_KIND_LABELS, cellText(value));
        if (!row.nomineeKind) problem('Chọn "Tập thể" hoặc "Cá nhân"', 'Choose "Tập thể" (collective) or "Cá nhân" (individual)');
      },
    },
    {
      id: 'nominee',
      header: 'Tên tập thể, cá nhân',
      width: 28,
      role: 'input',
      format: 'text',
      field: 'nomineeId',
      write: (n) => nomineeName(ctx, n),
      read: (value, { row, problem }) => {
        const typed = cellText(value);
        if (!typed) problem('Chưa ghi tên tập thể, cá nhân', 'The nominee is missing');
        row.nomineeId = readNominee(ctx, typed, row);
      },
    },
    // Beside the name, as a list of nominees prints it; the registry's, so never typed here.
    { id: 'position', header: 'Chức vụ', width: 22, role: 'derived', format: 'text', write: (n) => sheetText(positionOf(ctx, n)) },
    {
      id: 'awardForm',
      header: 'Hình thức khen thưởng',
      width: 32,
      role: 'input',
      format: 'text',
      field: 'awardForm',
      options: campaign.awardForms.map((form) => form.name.vi),
      write: (n) => campaign.awardForms.find((form) => form.code === n.awardForm)?.name.vi ?? n.awardForm,
      read: (value, { row, problem }) => {
        const typed = cellText(value);
        if (!typed) problem('Chưa chọn hình thức khen thưởng', 'The award form is missing');
        row.awardForm = findByName(campaign.awardForms, typed, formNames)?.code ?? typed;
      },
    },
    {
      id: 'achievements',
      header: 'Tóm tắt thành tích',
      width: 50,
      role: 'input',
      format: 'text',
      field: 'achievements',
      write: (n) => sheetText(n.achievements),
      read: readText('achievements', MAX_ACHIEVEMENTS_LENGTH, false),
    },
    {
      id: 'criteriaMet',
      header: 'Tiêu chuẩn đáp ứng',
      width: 30,
      role: 'input',
      format: 'text',
      field: 'criteriaMet',
      write: (n) => labelsOf(campaign.criteria, n.criteriaMet),
      read: (value, { row }) => (row.criteriaMet = codesFrom(cellText(value), campaign.criteria)),
    },
    {
      id: 'movements',
      header: 'Phong trào thi đua',
      width: 24,
      role: 'input',
      format: 'text',
      field: 'movements',
      write: (n) => labelsOf(campaign.movements, n.movements),
      read: (value, { row }) => (row.movements = codesFrom(cellText(value), campaign.movements)),
    },
    ...dossierColumns,
    {
      id: 'receivedDate',
      header: 'Ngày nhận hồ sơ',
      width: 14,
      role: 'input',
      format: 'date',
      field: 'receivedDate',
      write: (n) => dateCell(n.receivedDate),
      read: (value, reader) => {
        const date = readDate(value, reader);
        if (date) reader.row.receivedDate = date;
      },
    },
    {
      id: 'status',
      header: 'Trạng thái',
      width: 16,
      role: 'input',
      format: 'text',
      field: 'status',
      options: Object.values(STATUS_LABELS),
      write: (n) => STATUS_LABELS[n.status],
      read: (value, { row, problem }) => {
        const typed = cellText(value);
        row.status = typed ? (matchLabel(STATUS_LABELS, typed) ?? matchLabel(STATUS_LABELS_EN, typed)) : 'draft';
        if (!row.status) problem(`Trạng thái "${typed}" không hợp lệ`, `Unknown status "${typed}"`);
      },
    },
    {
      id: 'returnReason',
      header: 'Lý do trả lại',
      width: 24,
      role: 'input',
      format: 'text',
      field: 'returnReason',
      write: (n) => sheetText(n.returnReason),
      read: readText('returnReason', MAX_SHORT_TEXT, true),
    },
    {
      id: 'note',
      header: 'Ghi chú',
      width: 20,
      role: 'input',
      format: 'text',
      field: 'note',
      write: (n) => sheetText(n.note),
      read: readText('note', MAX_SHORT_TEXT, true),
    },
    {
      id: 'overrideReason',
      header: 'Lý do xét ngoại lệ',
      width: 22,
      role: 'input',
      format: 'text',
      field: 'overrideReason',
      write: (n) => sheetText(n.overrideReason),
      read: readText('overrideReason', MAX_SHORT_TEXT, true),
    },
    { id: 'messages', header: 'Kết quả kiểm tra', width: 60, role: 'output', format: 'text', write: () => '' },
    { id: 'id', header: 'Mã', width: 10, role: 'system', format: 'text', write: (n) => n.id, read: readText('id', Infinity, true) },
    {
      id: 'version',
      header: 'Phiên bản',
      width: 8,
      role: 'system',
      format: 'general',
      write: (n) => n.version,
      read: (value, { row }) => {
        const version = typeof value === 'number' ? value : Number.parseInt(cellText(value), 10);
        if (version) row.version = version;
      },
    },
    {
      id: 'rowHash',
      header: 'Dấu kiểm',
      width: 10,
      role: 'system',
      format: 'text',
      write: () => '',
      read: readText('rowHash', Infinity, true),
    },
  ];
}

/** The column an issue's field points at: `dossier.TO_TRINH` → the document's "present" column. */
export function columnForField(columns: readonly ColumnDef[], field: string | undefined): ColumnDef | undefined {
  if (!field) return undefined;
  return columns.find((column) => column.field === field) ?? columns.find((column) => field.startsWith(`${column.field}.`));
}
