import type { Campaign } from '#shared/campaign';
import type { Nomination } from '#shared/nomination';
import type { Person, Unit } from '#shared/org';
import { isFormulaLike } from '#shared/text';
import { isoToSerial } from './excel-dates';
import { NO, NOMINEE_KIND_LABELS, STATUS_LABELS, YES } from './labels';

export type CellValue = string | number | boolean | null;

/** What the columns read besides a row: the campaign (its forms, documents) and the office's registry. */
export interface SheetContext {
  campaign: Campaign;
  units: readonly Unit[];
  people: readonly Person[];
}

/**
 * One column of the consolidated nomination sheet. This one list drives the sheet's layout (headers,
 * widths, formats, dropdowns, hidden system columns), the parsing of its rows and the exports.
 *  - input: typed by people, sent to the server;
 *  - output: written by the add-in (the messages), never read back;
 *  - system: the add-in's bookkeeping, hidden and locked.
 */
export interface ColumnDef {
  id: string;
  header: string;
  /** Width in characters. */
  width: number;
  role: 'input' | 'output' | 'system';
  format: 'text' | 'date' | 'general';
  /** The nomination field an issue names when it points at this column. */
  field?: string;
  /** A dropdown (data validation list). */
  options?: readonly string[];
  /** The cell's value for a stored nomination. */
  write(nomination: Nomination, ctx: SheetContext): CellValue;
}

export const SHEET_NAME = 'Tổng hợp đề nghị';
export const TABLE_NAME = 'TongHopDeNghi';

/** Text that would read as a formula is written with Excel's text prefix, so it stays text. */
export function sheetText(text: string | undefined): string {
  if (!text) return '';
  return isFormulaLike(text) ? `'${text}` : text;
}

const dateCell = (iso: string | undefined): CellValue => (iso ? isoToSerial(iso) : '');

function unitName(ctx: SheetContext, id: string): string {
  return ctx.units.find((unit) => unit.id === id)?.name ?? id;
}

function nomineeName(ctx: SheetContext, nomination: Nomination): string {
  if (nomination.nomineeKind === 'collective') return unitName(ctx, nomination.nomineeId);
  return ctx.people.find((person) => person.id === nomination.nomineeId)?.fullName ?? nomination.nomineeId;
}

function labelsOf(items: readonly { code: string; label?: { vi: string } }[], codes: readonly string[]): string {
  return codes.map((code) => items.find((item) => item.code === code)?.label?.vi ?? code).join('; ');
}

/** The columns for a campaign: the dossier's columns follow the campaign's own list of documents. */
export function buildColumns(ctx: SheetContext): ColumnDef[] {
  const { campaign } = ctx;
  const dossierColumns = campaign.dossierRequirements.flatMap((requirement): ColumnDef[] => {
    const label = requirement.label?.vi ?? requirement.name.vi;
    const field = `dossier.${requirement.code}`;
    return [
      {
        id: `${field}.present`,
        header: label,
        width: 12,
        role: 'input',
        format: 'text',
        field,
        options: [YES, NO],
        write: (n) => (n.dossier[requirement.code]?.present ? YES : NO),
      },
      {
        id: `${field}.number`,
        header: `Số ${label.charAt(0).toLowerCase()}${label.slice(1)}`,
        width: 14,
        role: 'input',
        format: 'text',
        field,
        write: (n) => sheetText(n.dossier[requirement.code]?.number),
      },
      {
        id: `${field}.date`,
        header: `Ngày ${label.charAt(0).toLowerCase()}${label.slice(1)}`,
        width: 12,
        role: 'input',
        format: 'date',
        field,
        write: (n) => dateCell(n.dossier[requirement.code]?.date),
      },
    ];
  });
  return [
    {
      id: 'unit',
      header: 'Đơn vị đề nghị',
      width: 30,
      role: 'input',
      format: 'text',
      field: 'unitId',
      options: ctx.units.map((unit) => unit.name),
      write: (n) => unitName(ctx, n.unitId),
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
    },
    {
      id: 'nominee',
      header: 'Tên tập thể, cá nhân',
      width: 28,
      role: 'input',
      format: 'text',
      field: 'nomineeId',
      write: (n) => nomineeName(ctx, n),
    },
    {
      id: 'awardForm',
      header: 'Hình thức khen thưởng',
      width: 32,
      role: 'input',
      format: 'text',
      field: 'awardForm',
      options: campaign.awardForms.map((form) => form.name.vi),
      write: (n) => campaign.awardForms.find((form) => form.code === n.awardForm)?.name.vi ?? n.awardForm,
    },
    {
      id: 'achievements',
      header: 'Tóm tắt thành tích',
      width: 50,
      role: 'input',
      format: 'text',
      field: 'achievements',
      write: (n) => sheetText(n.achievements),
    },
    {
      id: 'criteriaMet',
      header: 'Tiêu chuẩn đáp ứng',
      width: 30,
      role: 'input',
      format: 'text',
      field: 'criteriaMet',
      write: (n) => labelsOf(campaign.criteria, n.criteriaMet),
    },
    {
      id: 'movements',
      header: 'Phong trào thi đua',
      width: 24,
      role: 'input',
      format: 'text',
      field: 'movements',
      write: (n) => labelsOf(campaign.movements, n.movements),
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
    },
    {
      id: 'returnReason',
      header: 'Lý do trả lại',
      width: 24,
      role: 'input',
      format: 'text',
      field: 'returnReason',
      write: (n) => sheetText(n.returnReason),
    },
    { id: 'note', header: 'Ghi chú', width: 20, role: 'input', format: 'text', field: 'note', write: (n) => sheetText(n.note) },
    { id: 'messages', header: 'Kết quả kiểm tra', width: 60, role: 'output', format: 'text', write: () => '' },
    { id: 'id', header: 'Mã', width: 10, role: 'system', format: 'text', write: (n) => n.id },
    { id: 'version', header: 'Phiên bản', width: 8, role: 'system', format: 'general', write: (n) => n.version },
    { id: 'rowHash', header: 'Dấu kiểm', width: 10, role: 'system', format: 'text', write: () => '' },
  ];
}

/** The column an issue's field points at: `dossier.TO_TRINH` → the document's "present" column. */
export function columnForField(columns: readonly ColumnDef[], field: string | undefined): ColumnDef | undefined {
  if (!field) return undefined;
  return columns.find((column) => column.field === field) ?? columns.find((column) => field.startsWith(`${column.field}.`));
}
