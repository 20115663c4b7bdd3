import type { User } from '#shared/org';

/**
 * The office's sign-in accounts, kept in step with the Người dùng sheet (issue 12): a port, so that
 * the flow says what happens and the deployment says where. In AWS with the stack's Cognito pool
 * (USER_POOL_ID set on the org function) they are Cognito users, invited by e-mail; with another
 * OpenID Connect issuer, or locally, there is nothing to do here (the issuer keeps its own accounts);
 * a test may plug in the local OpenID Connect server's (local/oidc-accounts.ts).
 */
export interface Accounts {
  /** An account for a user new to the table, with its invitation; one that exists (disabled) is enabled again. */
  invite(user: Pick<User, 'email' | 'displayName'>): Promise<'invited' | 'enabled'>;
  /** The account of a user deleted from the table can no longer sign in; one that does not exist is fine. */
  disable(email: string): Promise<void>;
}

/** Another issuer keeps its own accounts: nothing to make here, as if each were there. */
export const NO_ACCOUNTS: Accounts = { invite: async () => 'enabled', disable: async () => {} };

/** What to tell the user of a failure, without what they typed: the service's error name. */
export function accountFailure(error: unknown): string {
  return error instanceof Error ? error.name : 'Error';
}
