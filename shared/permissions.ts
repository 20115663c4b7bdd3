import type { ApiErrorCode } from './api-errors';
import type { NominationFields } from './nomination';
import type { User } from './org';
import { canTransition, roleMaySetStatus, UNIT_STATUSES } from './status';

type Row = Pick<NominationFields, 'unitId' | 'status' | 'returnReason'>;

/** A unit clerk sees only the unit's own nominations, and only while the unit still holds them. */
export function mayRead(user: User, nomination: Pick<NominationFields, 'unitId' | 'status'>): boolean {
  if (user.role !== 'unit') return true;
  return nomination.unitId === user.unitId && UNIT_STATUSES.includes(nomination.status);
}

export function mayWriteNominations(user: User): boolean {
  return user.role !== 'viewer';
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
  const statusChanges = !before || before.status !== after.status;
  if (statusChanges && !roleMaySetStatus(user.role, after.status)) return 'FORBIDDEN_STATUS';
  if (before && !canTransition(before.status, after.status)) return 'INVALID_TRANSITION';
  if (after.status === 'returned' && statusChanges && !after.returnReason?.trim()) return 'RETURN_REASON_MISSING';
  return undefined;
}
