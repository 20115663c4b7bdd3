import { z } from 'zod';

export const NominationStatus = z.enum(['draft', 'submitted', 'returned', 'eligible', 'selected', 'not_selected', 'awarded']);
export type NominationStatus = z.infer<typeof NominationStatus>;

/**
 * The moves a save of the row may make: a unit drafts and submits its nomination; HR returns it or
 * finds it eligible; an award is recorded on a selected one (and taken back). Staying in the same
 * status is always allowed. Selected and not selected are the council's: no save moves into or out of
 * them (ROUND_MOVES), so no role can overrule a confirmed vote by editing the row.
 */
export const STATUS_TRANSITIONS: Record<NominationStatus, readonly NominationStatus[]> = {
  draft: ['submitted'],
  submitted: ['draft', 'returned', 'eligible'],
  returned: ['draft', 'submitted'],
  eligible: ['returned'],
  selected: ['awarded'],
  not_selected: [],
  awarded: ['selected'],
};

/**
 * The moves only the council's rounds make: confirming a tallied round decides its eligible candidates;
 * an administrator's annulment of a confirmed round (with its reason, recorded) sends them back.
 */
export const ROUND_MOVES = {
  confirm: { from: ['eligible'], to: ['selected', 'not_selected'] },
  annul: { from: ['selected', 'not_selected'], to: ['eligible'] },
} as const satisfies Record<string, { from: readonly NominationStatus[]; to: readonly NominationStatus[] }>;

/**
 * The move only an issued decision makes: recording the signed Quyết định of the office's form moves
 * the nominations it names from selected to awarded, with the decision's number in their audit.
 */
export const DECISION_MOVES = {
  issue: { from: ['selected'], to: ['awarded'] },
} as const satisfies Record<string, { from: readonly NominationStatus[]; to: readonly NominationStatus[] }>;

/** Whether a move goes into or out of a status that only the council's rounds set (selected, not selected). */
export function isCouncilDecision(from: NominationStatus, to: NominationStatus): boolean {
  const decided: readonly NominationStatus[] = ROUND_MOVES.confirm.to;
  return from !== to && (decided.includes(from) || decided.includes(to));
}

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
