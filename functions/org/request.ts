import { refuseOrg, type OrgAction } from '#shared/policy/org';
import { allowedUser } from '#functions/http/auth';
import { ApiError } from '#functions/http/errors';
import type { ApiEvent } from '#functions/http/types';
import { db } from '#functions/store/client';
import { loadRegistry } from '#functions/store/org-store';

/** The signed-in user, if shared/policy lets them do this to the office's registry or users. */
export function orgActor(event: ApiEvent, action: OrgAction) {
  return allowedUser(event, (user) => refuseOrg(user, action));
}

/** The id in the body must be the one in the path (e-mails compare without case). */
export function samePathId(pathId: string, bodyId: string, field: string): void {
  if (pathId.toLowerCase() !== bodyId.toLowerCase()) {
    throw new ApiError('VALIDATION_FAILED', [{ path: field, message: 'must match the path' }]);
  }
}

/** A person or a user names a unit the registry holds. */
export async function requireKnownUnit(unitId: string): Promise<void> {
  const { units } = await loadRegistry(db());
  if (!units.some((unit) => unit.id === unitId)) {
    throw new ApiError('VALIDATION_FAILED', [{ path: 'unitId', message: `unknown unit ${unitId}` }]);
  }
}
