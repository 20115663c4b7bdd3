import type { ApiErrorCode } from '#shared/api-errors';
import type { Role, User } from '#shared/org';

/** A refusal code, or undefined when the user may: the form every "who may" of the policy answers in. */
export type Refusal = ApiErrorCode | undefined;

/** Refuses (by default as FORBIDDEN) a user whose role is not among those allowed. */
export function unlessRole(user: Pick<User, 'role'>, allowed: readonly Role[], code: ApiErrorCode = 'FORBIDDEN'): Refusal {
  return allowed.includes(user.role) ? undefined : code;
}
