import { z } from 'zod';
import { NomineeKind } from '#shared/campaign';
import { IsoDate } from '#shared/dates';
import { Id } from '#shared/org';
import { RegisterEntry } from '#shared/register/entry';
import { Issue } from './issue';

/**
 * A decision recorded by hand: the Province's Quyết định on the Bằng khen, as signed (its number, date
 * and signer), and the nominations it awards, all selected for that form.
 */
/** A decision's nominations in one request: its moves, audit and counters fit one DynamoDB transaction. */
export const MAX_DECISION_NOMINATIONS = 90;

export const RecordDecisionRequest = z.strictObject({
  number: z.string().trim().min(1).max(80),
  date: IsoDate,
  signer: z.string().trim().min(1).max(200),
  awardForm: z.string().regex(/^[A-Z0-9_]{2,40}$/),
  nominationIds: z.array(Id).min(1).max(MAX_DECISION_NOMINATIONS),
});
export type RecordDecisionRequest = z.infer<typeof RecordDecisionRequest>;

export const RecordDecisionResult = z.strictObject({
  awarded: z.int().min(0),
  entries: z.array(RegisterEntry),
});
export type RecordDecisionResult = z.infer<typeof RecordDecisionResult>;

/** A row of the "Lịch sử khen thưởng" sheet as the pane sends it (its cells already read and checked). */
export const HistoryRow = z.strictObject({
  rowKey: z.string().max(64),
  name: z.string().trim().min(1).max(200),
  unit: z.string().trim().min(1).max(200),
  award: z.string().trim().min(1).max(200),
  decisionNumber: z.string().trim().min(1).max(80),
  decisionDate: IsoDate,
  year: z.int().min(1945).max(2100),
  birthDate: IsoDate.optional(),
  /** Tập thể when the name is a unit's; a person's by default. */
  nomineeKind: NomineeKind.default('individual'),
});
export type HistoryRow = z.infer<typeof HistoryRow>;

export const MAX_HISTORY_ROWS = 500;

export const ImportHistoryRequest = z.strictObject({ rows: z.array(HistoryRow).min(1).max(MAX_HISTORY_ROWS) });
export type ImportHistoryRequest = z.infer<typeof ImportHistoryRequest>;

/**
 * What became of each row: added, already there (the same award, imported before or recorded by a
 * decision), or updated (its details changed); matched to the registry's person or unit when found.
 */
export const HistoryRowResult = z.strictObject({
  rowKey: z.string(),
  outcome: z.enum(['added', 'unchanged', 'updated', 'recorded']),
  matched: z.boolean(),
  issues: z.array(Issue),
});
export type HistoryRowResult = z.infer<typeof HistoryRowResult>;

export const ImportHistoryResult = z.strictObject({
  rows: z.array(HistoryRowResult),
  summary: z.strictObject({ added: z.int(), unchanged: z.int(), updated: z.int(), recorded: z.int() }),
});
export type ImportHistoryResult = z.infer<typeof ImportHistoryResult>;

/**
 * Whose history: a person or unit of the registry by id, or a name as recorded (with its unit for a
 * person); filtered by year, award form (code or name) and unit.
 */
export const RegisterLookupQuery = z.strictObject({
  kind: NomineeKind,
  id: Id.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  unit: z.string().trim().min(1).max(200).optional(),
  year: z.coerce.number().int().min(1945).max(2100).optional(),
  form: z.string().trim().min(1).max(200).optional(),
});
export type RegisterLookupQuery = z.infer<typeof RegisterLookupQuery>;

export const RegisterLookup = z.strictObject({
  subject: z.strictObject({ kind: NomineeKind, name: z.string(), unitName: z.string().optional(), id: z.string().optional() }),
  entries: z.array(RegisterEntry),
});
export type RegisterLookup = z.infer<typeof RegisterLookup>;
