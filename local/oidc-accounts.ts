import { randomBytes } from 'node:crypto';
import type { Accounts } from '#functions/org/account-port';
import type { LocalOidc } from './oidc-server';

/** An invitation the local server "sends": what Cognito's e-mail would carry. */
export interface LocalInvitation {
  email: string;
  temporaryPassword: string;
}

/**
 * The users sheet's accounts on the local OpenID Connect server (local/oidc-server.ts), as Cognito
 * keeps them in AWS (functions/org/cognito-accounts.ts): a new user gets an account and an invitation
 * with a temporary password (kept in `outbox`, the local stand-in for the e-mail), an existing
 * account is enabled again, a removed user's is disabled and can no longer sign in.
 */
export function localOidcAccounts(oidc: LocalOidc, outbox: LocalInvitation[] = []): Accounts & { outbox: LocalInvitation[] } {
  return {
    outbox,
    async invite({ email, displayName }) {
      if (oidc.accounts.get(email)) {
        oidc.accounts.setDisabled(email, false);
        return 'enabled';
      }
      const temporaryPassword = randomBytes(9).toString('base64url');
      oidc.accounts.put({ email, name: displayName, password: temporaryPassword });
      outbox.push({ email, temporaryPassword });
      return 'invited';
    },
    async disable(email) {
      oidc.accounts.setDisabled(email, true);
    },
  };
}
