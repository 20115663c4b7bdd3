import type { Nomination, NominationFields } from '#shared/nomination';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_PEOPLE, DEMO_UNITS } from '#shared/seed/demo-office';
import { buildColumns, type CellValue, type SheetContext } from '#shared/sheet/columns';
import { rowHash } from '#shared/sheet/row-hash';
import { nominateIndividual, saved } from '#tests/support/nomination';

export const ctx: SheetContext = { campaign: SEED_CAMPAIGN, units: DEMO_UNITS, people: DEMO_PEOPLE };
export const columns = buildColumns(ctx);
export const col = (id: string) => columns.findIndex((column) => column.id === id);

/** A complete nomination of a demo staff member (the one builder, tests/support/nomination.ts), as fields. */
export function fields(personId: string, overrides: Partial<NominationFields> = {}): NominationFields {
  return nominateIndividual(personId, overrides);
}

/** The same as the server stored it, with this id and version. */
export function stored(personId: string, id: string, version = 1, overrides: Partial<NominationFields> = {}): Nomination {
  return saved(fields(personId, overrides), { id, version, createdAt: 'x', createdBy: 'x', updatedAt: 'x', updatedBy: 'x' });
}

/** The cells a clerk would type for these fields (no bookkeeping: a new row). */
export function typedCells(values: NominationFields): CellValue[] {
  const nomination = { ...values, id: '', version: '' } as unknown as Nomination;
  return columns.map((column) => (column.role === 'input' ? column.write(nomination, ctx) : ''));
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

export { staffOf } from '#tests/support/nomination';
