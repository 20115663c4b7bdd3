import { z } from 'zod';
import type { Role } from './org';

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

/** Statuses a unit clerk may see and set: the unit's own work before HR takes it over. */
export const UNIT_STATUSES: readonly NominationStatus[] = ['draft', 'submitted', 'returned'];

/** Who may move a nomination into each status (beyond the unit's own statuses, HR drives the flow). */
const ROLES_SETTING_STATUS: Record<NominationStatus, readonly Role[]> = {
  draft: ['unit', 'hr', 'admin'],
  submitted: ['unit', 'hr', 'admin'],
  returned: ['hr', 'admin'],
  eligible: ['hr'],
  selected: ['hr', 'secretary', 'admin'],
  not_selected: ['hr', 'secretary', 'admin'],
  awarded: ['hr', 'admin'],
};

export function canTransition(from: NominationStatus, to: NominationStatus): boolean {
  return from === to || STATUS_TRANSITIONS[from].includes(to);
}

export function roleMaySetStatus(role: Role, status: NominationStatus): boolean {
  return ROLES_SETTING_STATUS[status].includes(role);
}

/** Nominations still being prepared by their unit: missing parts are warnings, not errors. */
export function isDraftLike(status: NominationStatus): boolean {
  return status === 'draft' || status === 'returned';
}
