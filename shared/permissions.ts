import type { ApiErrorCode } from './api-errors';
import type { NominationFields } from './nomination';
import type { User } from './org';
import { canTransition, roleMaySetStatus, UNIT_STATUSES } from './status';

type Row = NominationFields;

/** Fields of the nomination itself, as opposed to the decision recorded on it. */
const CONTENT_FIELDS = [
  'unitId',
  'nomineeKind',
  'nomineeId',
  'awardForm',
  'achievements',
  'criteriaMet',
  'movements',
  'dossier',
  'receivedDate',
] as const;

function contentChanged(before: Row, after: Row): boolean {
  return CONTENT_FIELDS.some((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** A unit clerk sees only the unit's own nominations, and only while the unit still holds them. */
export function mayRead(user: User, nomination: Pick<NominationFields, 'unitId' | 'status'>): boolean {
  if (user.role !== 'unit') return true;
  return nomination.unitId === user.unitId && UNIT_STATUSES.includes(nomination.status);
}

export function mayWriteNominations(user: User): boolean {
  return user.role !== 'viewer';
}

/** Deleting (recoverably) is the unit's own business while it holds the row, and HR's afterwards. */
export function mayDelete(user: User, nomination: Pick<NominationFields, 'unitId' | 'status'>): boolean {
  if (user.role === 'admin' || user.role === 'hr') return true;
  return user.role === 'unit' && mayRead(user, nomination);
}

/**
 * Why a user may not make this change to a nomination (undefined: they may). `before` is the stored
 * nomination, absent for a new one. Only HR marks a nomination eligible; a return needs a reason.
 */
export function refuseChange(user: User, before: Row | undefined, after: Row): ApiErrorCode | undefined {
  if (!mayWriteNominations(user)) return 'FORBIDDEN';
  if (user.role === 'unit') {
    if (after.unitId !== user.unitId) return 'FORBIDDEN_UNIT';
    if (before && !mayRead(user, before)) return 'FORBIDDEN_UNIT';
  }
  // The council's secretary records the council's decision; the dossier itself is the units' and HR's.
  if (user.role === 'secretary' && (!before || contentChanged(before, after))) return 'FORBIDDEN';
  const statusChanges = !before || before.status !== after.status;
  if (statusChanges && !roleMaySetStatus(user.role, after.status)) return 'FORBIDDEN_STATUS';
  if (before && !canTransition(before.status, after.status)) return 'INVALID_TRANSITION';
  if (after.status === 'returned' && statusChanges && !after.returnReason?.trim()) return 'RETURN_REASON_MISSING';
  return undefined;
}
