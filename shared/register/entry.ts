import { z } from 'zod';
import { NomineeKind } from '#shared/campaign';
import { IsoDate } from '#shared/dates';
import { Id } from '#shared/org';
import { identityKey } from '#shared/text';

/**
 * The office's award register (sổ khen thưởng): what was finally awarded, to whom, by which decision,
 * across campaigns and years. An entry comes from the office's own decision when it is issued, from a
 * decision of the Province entered by hand, or from the office's history imported from a sheet.
 */
export const RegisterSource = z.enum(['issued', 'entered', 'imported']);
export type RegisterSource = z.infer<typeof RegisterSource>;

export const MAX_REGISTER_ACHIEVEMENTS = 1000;

export const AchievementPeriod = z.strictObject({ start: IsoDate, end: IsoDate });
export type AchievementPeriod = z.infer<typeof AchievementPeriod>;

export const RegisterEntry = z.strictObject({
  /** The natural key within its nominee's partition (registerEntryId): the same award recorded twice is one entry. */
  id: z.string().min(1).max(400),
  nomineeKind: NomineeKind,
  /** The nominee's name as recorded: the person's, or the unit's for a collective. */
  name: z.string().min(1).max(200),
  /** The unit as recorded (a person's unit; the unit itself for a collective). */
  unitName: z.string().max(200),
  /** The registry's person or unit, when the entry was matched to one. */
  personId: Id.optional(),
  unitId: Id.optional(),
  birthDate: IsoDate.optional(),
  /** The campaign's award form code, when known (history typed in a sheet may name a form no campaign has). */
  awardForm: z.string().max(40).optional(),
  awardFormName: z.string().min(1).max(200),
  campaignId: z.string().max(64).optional(),
  campaignTitle: z.string().max(300).optional(),
  nominationId: z.string().max(64).optional(),
  decisionNumber: z.string().min(1).max(80),
  decisionDate: IsoDate,
  signer: z.string().max(200).optional(),
  year: z.int().min(1945).max(2100),
  achievements: z.string().max(MAX_REGISTER_ACHIEVEMENTS).optional(),
  /** The period the achievement belongs to: one achievement, one award (rule 8 reads it). */
  period: AchievementPeriod.optional(),
  source: RegisterSource,
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type RegisterEntry = z.infer<typeof RegisterEntry>;

const part = (text: string) => encodeURIComponent(identityKey(text));

/**
 * One award is one decision naming one nominee of one unit: the decision's year and number, and the
 * unit, within the nominee's partition (its kind and name). Recorded again (a retried issue, a sheet
 * imported twice, the office's decision later imported with its history), it is the same entry.
 */
export function registerEntryId(entry: Pick<RegisterEntry, 'decisionNumber' | 'decisionDate' | 'unitName' | 'nomineeKind'>): string {
  const unit = entry.nomineeKind === 'collective' ? '' : part(entry.unitName);
  return `${entry.decisionDate.slice(0, 4)}#${part(entry.decisionNumber)}#${unit}`;
}

/** The partition of a nominee's awards: its kind and its name as an identity (NFC, case and spaces ignored). */
export function registerSubject(kind: NomineeKind, name: string): string {
  return `${kind === 'collective' ? 'C' : 'I'}#${part(name)}`;
}

/** Where an entry is stored, as one string: its partition and its natural key (the store answers existing entries by it). */
export function registerEntryKey(entry: Pick<RegisterEntry, 'nomineeKind' | 'name' | 'id'>): string {
  return `${registerSubject(entry.nomineeKind, entry.name)}|${entry.id}`;
}

/** A calendar year as an achievement period: what a year typed in the history sheet stands for. */
export function yearPeriod(year: number): AchievementPeriod {
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** Entries newest first, then by name in Vietnamese order: the order the lookup shows. */
export function byDecisionDate(a: RegisterEntry, b: RegisterEntry): number {
  return b.decisionDate.localeCompare(a.decisionDate) || a.name.localeCompare(b.name, 'vi');
}
