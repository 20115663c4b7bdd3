import { z } from 'zod';
import { Localized } from '#shared/localized';
import { Id, Person, Unit, UserFields } from '#shared/org';
import { Severity } from './issue';

/**
 * The org sheets' saves (PUT /units, /people, /users): the changed rows of a sheet, each under the key
 * of its row so the answer lands on it, and the records removed from the sheet. A pane sends a long
 * pasted list in several requests of at most MAX_ORG_ROWS rows.
 */
export const MAX_ORG_ROWS = 2000;

const rowKey = z.string().min(1).max(40);
/** The version the row was read at: a record changed by someone else since is refused, not overwritten. */
const version = z.int().positive().optional();

/** A new row has no code yet: the server gives it one, answered and written back into the sheet. */
export const UnitInput = Unit.omit({ id: true, version: true }).extend({ id: Id.optional() });
export const PersonInput = Person.omit({ id: true, version: true }).extend({ id: Id.optional() });

export const UnitRow = z.strictObject({ rowKey, version, unit: UnitInput });
export const PersonRow = z.strictObject({ rowKey, version, person: PersonInput });
export const UserRow = z.strictObject({ rowKey, version, user: UserFields });
export type UnitRow = z.infer<typeof UnitRow>;
export type PersonRow = z.infer<typeof PersonRow>;
export type UserRow = z.infer<typeof UserRow>;

const removed = z.array(z.string().min(1).max(254)).max(MAX_ORG_ROWS).default([]);
export const UnitSheetSave = z.strictObject({ rows: z.array(UnitRow).max(MAX_ORG_ROWS), removed });
export const PersonSheetSave = z.strictObject({ rows: z.array(PersonRow).max(MAX_ORG_ROWS), removed });
export const UserSheetSave = z.strictObject({ rows: z.array(UserRow).max(MAX_ORG_ROWS), removed });
export type UnitSheetSave = z.input<typeof UnitSheetSave>;
export type PersonSheetSave = z.input<typeof PersonSheetSave>;
export type UserSheetSave = z.input<typeof UserSheetSave>;

/** A finding on a row: a refusal (error) or something to look at (warning); `field` names the cell. */
export const OrgFinding = z.object({ code: z.string(), severity: Severity, field: z.string().optional(), message: Localized });
export type OrgFinding = z.infer<typeof OrgFinding>;

export const OrgRowResult = z.object({
  rowKey,
  /** The record's code (given by the server to a new row); absent when a new row was refused. */
  id: z.string().optional(),
  outcome: z.enum(['saved', 'unchanged', 'refused']),
  version: z.int().optional(),
  findings: z.array(OrgFinding),
});
export type OrgRowResult = z.infer<typeof OrgRowResult>;

/** What became of a record removed from the sheet: deleted, kept as having left (staff), or kept and why. */
export const RemovedResult = z.object({ id: z.string(), outcome: z.enum(['deleted', 'left', 'kept']), reason: Localized.optional() });
export type RemovedResult = z.infer<typeof RemovedResult>;

export const OrgSheetResult = z.object({
  rows: z.array(OrgRowResult),
  removed: z.array(RemovedResult),
  summary: z.object({
    saved: z.int(),
    unchanged: z.int(),
    refused: z.int(),
    warnings: z.int(),
    deleted: z.int(),
    left: z.int(),
    kept: z.int(),
  }),
});
export type OrgSheetResult = z.infer<typeof OrgSheetResult>;

/** The summary of an answer's rows and removals. */
export function summarize(rows: readonly OrgRowResult[], removedResults: readonly RemovedResult[]): OrgSheetResult {
  const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;
  return {
    rows: [...rows],
    removed: [...removedResults],
    summary: {
      saved: count(rows, (r) => r.outcome === 'saved'),
      unchanged: count(rows, (r) => r.outcome === 'unchanged'),
      refused: count(rows, (r) => r.outcome === 'refused'),
      warnings: count(rows, (r) => r.findings.some((f) => f.severity === 'warning')),
      deleted: count(removedResults, (r) => r.outcome === 'deleted'),
      left: count(removedResults, (r) => r.outcome === 'left'),
      kept: count(removedResults, (r) => r.outcome === 'kept'),
    },
  };
}
