import type { Nomination, NominationFields } from '#shared/nomination';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_PEOPLE, DEMO_UNITS } from '#shared/seed/demo-office';
import { buildColumns, type CellValue, type SheetContext } from '#shared/sheet/columns';
import { rowHash } from '#shared/sheet/row-hash';

export const ctx: SheetContext = { campaign: SEED_CAMPAIGN, units: DEMO_UNITS, people: DEMO_PEOPLE };
export const columns = buildColumns(ctx);
export const col = (id: string) => columns.findIndex((column) => column.id === id);

export function person(id: string) {
  const found = DEMO_PEOPLE.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no person ${id}`);
  return found;
}

/** A complete nomination of a demo staff member (as tests/support/rows.ts), as fields. */
export function fields(personId: string, overrides: Partial<NominationFields> = {}): NominationFields {
  const who = person(personId);
  return {
    unitId: who.unitId,
    nomineeKind: 'individual',
    nomineeId: who.id,
    awardForm: 'GIAY_KHEN_CVP',
    achievements: 'Hoàn thành xuất sắc nhiệm vụ được giao, triển khai số hóa hồ sơ công việc.',
    criteriaMet: ['CN_HANH_DONG_VIEC_LAM'],
    movements: ['CHUYEN_DOI_SO'],
    dossier: {
      TO_TRINH: { present: true, number: '15/TTr-TH', date: '2025-09-15' },
      BIEN_BAN_HOP_XET: { present: true, number: '03/BB-TH', date: '2025-09-12' },
      BAO_CAO_THANH_TICH: { present: true, number: '01/BC-TH', date: '2025-09-10' },
    },
    receivedDate: '2025-09-25',
    status: 'submitted',
    ...overrides,
  };
}

export function stored(personId: string, id: string, version = 1, overrides: Partial<NominationFields> = {}): Nomination {
  return {
    ...fields(personId, overrides),
    id,
    campaignId: SEED_CAMPAIGN.id,
    version,
    createdAt: 'x',
    createdBy: 'x',
    updatedAt: 'x',
    updatedBy: 'x',
  };
}

/** The cells a clerk would type for these fields (no bookkeeping: a new row). */
export function typedCells(values: NominationFields): CellValue[] {
  const nomination = { ...values, id: '', version: '' } as unknown as Nomination;
  return columns.map((column) => (column.role === 'system' || column.role === 'output' ? '' : column.write(nomination, ctx)));
}

/** The cells of a row as the add-in leaves it after a load or a save: with id, version and fingerprint. */
export function savedCells(nomination: Nomination): CellValue[] {
  const cells = columns.map((column) => (column.role === 'output' ? '' : column.write(nomination, ctx)));
  cells[col('rowHash')] = '';
  cells[col('rowHash')] = rowHash(cells, columns);
  return cells;
}

/** Cells by column id, for FakeGateway.typeRow. */
export function byId(cells: readonly CellValue[]): Record<string, CellValue> {
  return Object.fromEntries(columns.map((column, index) => [column.id, cells[index] ?? null]));
}

/** Staff of a unit, not under discipline. */
export const staffOf = (unitId: string) => DEMO_PEOPLE.filter((p) => p.unitId === unitId && !p.underDiscipline);
