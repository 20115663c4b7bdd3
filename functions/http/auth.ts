import type { User } from '#shared/org';
import type { Refusal } from '#shared/policy/roles';
import { noteRole } from '#functions/commons/request-scope';
import { db } from '#functions/store/client';
import { getUser } from '#functions/store/org-store';
import { ApiError } from './errors';
import type { ApiEvent } from './types';

/**
 * The signed-in user. API Gateway's JWT authorizer (or the local runner, which does the same) has
 * checked the token; the role and unit come from the table, under the user's e-mail.
 */
export async function currentUser(event: ApiEvent): Promise<User> {
  const claims = event.requestContext.authorizer?.jwt?.claims ?? {};
  const email = String(claims.email ?? claims.preferred_username ?? claims.upn ?? '').toLowerCase();
  if (!email) throw new ApiError('UNAUTHENTICATED');
  const user = await getUser(db(), email);
  if (!user) throw new ApiError('UNKNOWN_USER', { email });
  noteRole(user.role);
  return user;
}

/** Answers shared/policy's refusal, if there is one: the handlers pass the decision on, never make it. */
export function refuseIf(refusal: Refusal, details?: unknown): void {
  if (refusal) throw new ApiError(refusal, details);
}

/** The signed-in user, once the policy lets them act: checked before the body is read, so that a forbidden request learns nothing. */
export async function allowedUser(event: ApiEvent, ask: (user: User) => Refusal): Promise<User> {
  const user = await currentUser(event);
  refuseIf(ask(user), { role: user.role });
  return user;
}
