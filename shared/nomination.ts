import { z } from 'zod';
import { IsoDate } from './dates';
import { NomineeKind } from './campaign';
import { Id } from './org';
import { NominationStatus } from './status';
import { identityKey, isFormulaLike } from './text';

export const MAX_ACHIEVEMENTS_LENGTH = 4000;
export const MAX_SHORT_TEXT = 500;

const DocCode = z.string().regex(/^[A-Z0-9_]{2,40}$/);

/** One part of the dossier as received: whether it is there, and its number and date. */
export const DossierDocument = z.strictObject({
  present: z.boolean(),
  number: z.string().max(80).optional(),
  date: IsoDate.optional(),
});
export type DossierDocument = z.infer<typeof DossierDocument>;

/** What a client may set on a nomination: the fields a clerk types in the sheet. */
/**
 * A reference typed in a sheet: normally a registry id, but a name the registry does not know is kept
 * as typed (and flagged by rule 2) rather than refused, so that nothing a clerk typed is lost.
 */
const Reference = z.string().trim().min(1).max(120);

export const NominationFields = z.strictObject({
  unitId: Reference,
  nomineeKind: NomineeKind,
  /** A unit id for a collective, a person id for an individual. */
  nomineeId: Reference,
  awardForm: z.string().regex(/^[A-Z0-9_]{2,40}$/),
  achievements: z.string().max(MAX_ACHIEVEMENTS_LENGTH).default(''),
  criteriaMet: z.array(z.string().max(40)).max(20).default([]),
  movements: z.array(z.string().max(40)).max(20).default([]),
  dossier: z.record(DocCode, DossierDocument).default({}),
  receivedDate: IsoDate.optional(),
  status: NominationStatus.default('draft'),
  returnReason: z.string().max(MAX_SHORT_TEXT).optional(),
  note: z.string().max(MAX_SHORT_TEXT).optional(),
  /**
   * Why an administrator found this nomination eligible despite its findings (an error, a late
   * dossier): shown on the row and in the round's candidate list, and kept by the audit log.
   */
  overrideReason: z.string().max(MAX_SHORT_TEXT).optional(),
});
export type NominationFields = z.infer<typeof NominationFields>;

/** A row of a save batch: a new row has no id; a changed row carries the version its client last saw. */
export const NominationChange = NominationFields.extend({
  id: Id.optional(),
  version: z.int().min(0).optional(),
  /** The client's own key for the row (its sheet row), echoed in the answer. */
  rowKey: z.string().max(64).optional(),
});
export type NominationChange = z.infer<typeof NominationChange>;

/** How many stored (confirmed, not deleted) files each document of a dossier has. */
export const FileCounts = z.record(DocCode, z.int().min(0));
export type FileCounts = z.infer<typeof FileCounts>;

export const Nomination = NominationFields.extend({
  id: Id,
  campaignId: z.string(),
  version: z.int().min(1),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  deletedAt: z.string().optional(),
  deletedBy: z.string().optional(),
  /**
   * Its files per document, kept beside it by the file store (never set by a save): the sheet shows
   * them, and rule 5 counts them when the campaign asks for files.
   */
  files: FileCounts.optional(),
  /**
   * The round whose confirmation or annulment is writing its decision onto this nomination, for the few
   * seconds (or, if cut short, until it is finished) between its steps: no save, deletion or decision
   * changes the nomination meanwhile (shared/policy/nominations.ts `refuseWhileDecided`).
   */
  councilLock: z.string().optional(),
});
export type Nomination = z.infer<typeof Nomination>;

/** The nominee identity behind rule 8 (one achievement, one award). */
/**
 * Who a nomination names, as an identity (rule 8): a name the registry does not know is kept as typed,
 * so "Nguyễn Văn An" typed decomposed, in capitals or with double spaces is still one person.
 */
export function nomineeKey(nomination: Pick<NominationFields, 'nomineeKind' | 'nomineeId'>): string {
  return `${nomination.nomineeKind}#${identityKey(nomination.nomineeId)}`;
}

type FieldKind = 'content' | 'status' | 'returnReason' | 'note' | 'override';

/**
 * Every field of NominationFields, once, with what it is. `kind` says who may change it (see
 * shared/policy): the nomination's content is the units' and HR's, the status and the return reason
 * record decisions on it, the note is anyone's remark. `audited` fields are logged from and to;
 * `freeText` ones may read as a formula and are then written to a sheet as text.
 */
export const NOMINATION_FIELDS = {
  unitId: { kind: 'content', audited: true, freeText: false },
  nomineeKind: { kind: 'content', audited: true, freeText: false },
  nomineeId: { kind: 'content', audited: true, freeText: false },
  awardForm: { kind: 'content', audited: true, freeText: false },
  achievements: { kind: 'content', audited: true, freeText: true },
  criteriaMet: { kind: 'content', audited: true, freeText: false },
  movements: { kind: 'content', audited: true, freeText: false },
  // The dossier's document numbers are free text: formulaLikeFields looks inside it.
  dossier: { kind: 'content', audited: true, freeText: false },
  receivedDate: { kind: 'content', audited: true, freeText: false },
  status: { kind: 'status', audited: true, freeText: false },
  returnReason: { kind: 'returnReason', audited: true, freeText: true },
  note: { kind: 'note', audited: true, freeText: true },
  overrideReason: { kind: 'override', audited: true, freeText: true },
} as const satisfies Record<keyof NominationFields, { kind: FieldKind; audited: boolean; freeText: boolean }>;

export type NominationField = keyof typeof NOMINATION_FIELDS;
export type NominationFieldKind = FieldKind;

const fieldNames = Object.keys(NOMINATION_FIELDS) as NominationField[];

/** The fields of one kind, in the list's order. */
export function fieldsOfKind(kind: FieldKind): NominationField[] {
  return fieldNames.filter((field) => NOMINATION_FIELDS[field].kind === kind);
}

/** The fields the audit log records (deletion is audited too, though it is not a field a client sets). */
export const AUDITED_FIELDS: readonly (NominationField | 'deletedAt')[] = [
  ...fieldNames.filter((field) => NOMINATION_FIELDS[field].audited),
  'deletedAt',
];

const FREE_TEXT_FIELDS = fieldNames.filter((field) => NOMINATION_FIELDS[field].freeText);

/** Free-text fields that must be written to a sheet as text because they would read as a formula. */
export function formulaLikeFields(nomination: NominationFields): string[] {
  const fields: string[] = FREE_TEXT_FIELDS.filter((field) => {
    const value = nomination[field];
    return typeof value === 'string' && isFormulaLike(value);
  });
  for (const [code, doc] of Object.entries(nomination.dossier)) {
    if (doc.number && isFormulaLike(doc.number)) fields.push(`dossier.${code}.number`);
  }
  return fields;
}
