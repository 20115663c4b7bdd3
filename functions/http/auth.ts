import type { Role, User } from '#shared/org';
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
  return user;
}

export function requireRole(user: User, ...roles: Role[]): void {
  if (!roles.includes(user.role)) throw new ApiError('FORBIDDEN', { role: user.role, allowed: roles });
}
