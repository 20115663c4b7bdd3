import type { Nomination, NominationChange } from '#shared/nomination';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_PEOPLE, DEMO_UNITS } from '#shared/seed/demo-office';
import { nominateIndividual } from '#tests/support/nomination';
import { buildColumns, type ColumnDef, type SheetContext } from '#shared/sheet/columns';
import { serialToIso } from '#shared/sheet/excel-dates';

/**
 * Rows as a person pastes them into the nomination sheet: the input columns, left to right, as text
 * typed in Vietnamese (names, labels, dd/mm/yyyy dates), built through the sheet's own column schema
 * so that they are exactly what the columns show for a nomination.
 */
export const SHEET_CONTEXT: SheetContext = { campaign: SEED_CAMPAIGN, units: DEMO_UNITS, people: DEMO_PEOPLE };
export const COLUMNS: ColumnDef[] = buildColumns(SHEET_CONTEXT);
export const INPUT_COLUMNS = COLUMNS.filter((column) => column.role === 'input');
export const TABLE = 'TongHopDeNghi';
export const SHEET = 'Tổng hợp đề nghị';

export const header = (id: string): string => {
  const column = COLUMNS.find((candidate) => candidate.id === id);
  if (!column) throw new Error(`no column ${id}`);
  return column.header;
};

/** The table column index (schema order, as ensureSheet lays it out) of a column id. */
export const columnIndex = (id: string): number => COLUMNS.findIndex((column) => column.id === id);

const pad = (n: number) => String(n).padStart(2, '0');

function typedDate(serial: number): string {
  const [year, month, day] = serialToIso(serial).split('-');
  return `${day}/${month}/${year}`;
}

/**
 * One row for a nomination as a clerk would type it, from the table's first column to its last input
 * column (so index i is schema column i): the add-in's own columns among them (STT, Chức vụ) left blank.
 * In the seed campaign's sheet (sheetRowIn: another campaign's).
 */
export const sheetRow = (change: NominationChange): string[] => sheetRowIn({ context: SHEET_CONTEXT, columns: COLUMNS }, change);

/** sheetRow in the sheet of another campaign: its context and columns (buildColumns). */
export function sheetRowIn(sheet: { context: SheetContext; columns: ColumnDef[] }, change: NominationChange): string[] {
  const nomination = { ...change, id: change.id ?? '', version: change.version ?? 0 } as unknown as Nomination;
  const lastInput = sheet.columns.findLastIndex((column) => column.role === 'input');
  return sheet.columns.slice(0, lastInput + 1).map((column) => {
    if (column.role !== 'input') return '';
    const value = column.write(nomination, sheet.context);
    if (value === null || value === '') return '';
    if (column.format === 'date' && typeof value === 'number') return typedDate(value);
    // The schema writes formula-like text with Excel's text prefix; a person types it as it is.
    return typeof value === 'string' && /^'[=+\-@]/.test(value) ? value.slice(1) : String(value);
  });
}

export function personName(id: string): string {
  return DEMO_PEOPLE.find((person) => person.id === id)!.fullName;
}

export function unitName(id: string): string {
  return DEMO_UNITS.find((unit) => unit.id === id)!.name;
}

/** A complete, valid individual nomination of a staff member (the one builder, tests/support/nomination.ts). */
export { nominateIndividual as nomination, staffOf } from '#tests/support/nomination';

/**
 * `count` nominations over the office's staff (one person each while there are people), with some
 * rows a reviewer would flag: a missing document, a date outside the campaign, a text starting with
 * "=" or "-" (which must stay text, never a formula), a document number with leading zeros.
 */
export function mixedNominations(count: number): NominationChange[] {
  const staff = DEMO_PEOPLE.filter((person) => !person.underDiscipline);
  return Array.from({ length: count }, (_, i) => {
    const person = staff[i % staff.length]!;
    const overrides: Partial<NominationChange> = {
      status: i % 3 === 0 ? 'draft' : 'submitted',
      awardForm: i % 2 === 0 ? 'GIAY_KHEN_CVP' : 'BANG_KHEN_CT_UBND',
      achievements: `Hoàn thành xuất sắc nhiệm vụ năm 2025 (hồ sơ ${i + 1}/${count}); đi đầu cải cách hành chính.`,
      receivedDate: `2025-09-${pad(1 + (i % 28))}`,
    };
    if (i % 10 === 3) {
      // A document is missing: the dossier is incomplete, and stays a draft (its submission would be refused).
      overrides.status = 'draft';
      overrides.dossier = {
        TO_TRINH: { present: true, number: `0${(i % 9) + 1}/TTr-VP`, date: '2025-09-15' },
        BIEN_BAN_HOP_XET: { present: false },
        BAO_CAO_THANH_TICH: { present: true, number: '01/BC-VP', date: '2025-09-10' },
      };
    }
    if (i % 10 === 5) overrides.receivedDate = '2025-10-15'; // after the deadline
    if (i % 25 === 7) overrides.note = '=Đề nghị bổ sung sau'; // looks like a formula
    if (i % 25 === 8) overrides.note = '- Đã xin ý kiến Ban Thường vụ';
    return nominateIndividual(person, overrides);
  });
}
