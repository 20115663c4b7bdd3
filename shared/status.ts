import { z } from 'zod';

export const NominationStatus = z.enum(['draft', 'submitted', 'returned', 'eligible', 'selected', 'not_selected', 'awarded']);
export type NominationStatus = z.infer<typeof NominationStatus>;

/**
 * The life of a nomination: a unit drafts and submits it; HR returns it or finds it eligible;
 * the council selects or does not; the award is granted. Staying in the same status is always allowed.
 */
export const STATUS_TRANSITIONS: Record<NominationStatus, readonly NominationStatus[]> = {
  draft: ['submitted'],
  submitted: ['draft', 'returned', 'eligible'],
  returned: ['draft', 'submitted'],
  eligible: ['returned', 'selected', 'not_selected'],
  selected: ['eligible', 'not_selected', 'awarded'],
  not_selected: ['eligible', 'selected'],
  awarded: ['selected'],
};

/** The statuses in which the unit still holds its nomination, before HR takes it over. */
export const UNIT_STATUSES: readonly NominationStatus[] = ['draft', 'submitted', 'returned'];

export function canTransition(from: NominationStatus, to: NominationStatus): boolean {
  return from === to || STATUS_TRANSITIONS[from].includes(to);
}

/** A move into `submitted`: the day the dossier reached HR is recorded, unless the clerk typed it. */
export function isSubmission(from: NominationStatus | undefined, to: NominationStatus): boolean {
  return to === 'submitted' && from !== 'submitted';
}

/** Nominations still being prepared by their unit: missing parts are warnings, not errors. */
export function isDraftLike(status: NominationStatus): boolean {
  return status === 'draft' || status === 'returned';
}
