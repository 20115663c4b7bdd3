import { officeAuthHost, type OfficeAuthHost } from './office-host';
import { jwtClaims, randomToken, SIGN_IN_PAGE, type DialogAnswer, type OidcConfig } from './oidc-protocol';
import { AuthError, type TokenProvider } from './token-provider';

export interface OidcDependencies {
  host?: OfficeAuthHost;
  now?: () => number;
  /** The pane's own URL: where signin.html is, and the origin its answer must come from. */
  paneUrl?: string;
}

/** Renewal ahead of expiry: a tenth of the token's life, at most a minute, so a short-lived token stays usable. */
const marginOf = (lifetimeMs: number) => Math.min(60_000, Math.max(0, lifetimeMs / 10));

/**
 * Sign-in with any OpenID Connect issuer (Cognito by default, Entra ID, the province's SSO), through
 * Office's dialog: the authorization-code flow with PKCE runs in the pane's own sign-in page
 * (signin.html, oidc-dialog.ts), which sends the tokens back. The pane opens it with a fresh state
 * and nonce, accepts an answer only from its own origin, with its state, and an ID token with its
 * nonce. The token lives in memory only: a closed pane or an expired token asks to sign in again
 * (the issuer's own session cookie makes that one click), and the pane keeps the sheet's unsaved rows.
 */
export function createOidcTokenProvider(config: OidcConfig, deps: OidcDependencies = {}): TokenProvider {
  const host = deps.host ?? officeAuthHost;
  const now = deps.now ?? Date.now;
  const paneUrl = () => deps.paneUrl ?? globalThis.location.href;
  let session: { token: string; expiresAt: number; margin: number } | undefined;

  const valid = () => session !== undefined && session.expiresAt - session.margin > now();

  async function signIn(): Promise<void> {
    const state = randomToken();
    const nonce = randomToken();
    const page = new URL(SIGN_IN_PAGE, paneUrl());
    page.search = new URLSearchParams({ state, nonce }).toString();
    const message = await host.openAuthDialog(page.href, { origin: page.origin });
    let answer: DialogAnswer;
    try {
      answer = JSON.parse(message) as DialogAnswer;
    } catch (error) {
      throw new AuthError('FAILED', { cause: error });
    }
    if (answer.state !== state) throw new AuthError('FAILED', { cause: 'the answer is not for this sign-in (state)' });
    if (answer.status !== 'success') throw new AuthError(answer.error === 'access_denied' ? 'CANCELLED' : 'FAILED', { cause: answer });
    const idClaims = jwtClaims(answer.idToken);
    if (idClaims.nonce !== nonce) throw new AuthError('FAILED', { cause: 'the ID token is not for this sign-in (nonce)' });
    if (idClaims.aud !== config.clientId && !(Array.isArray(idClaims.aud) && idClaims.aud.includes(config.clientId)))
      throw new AuthError('FAILED', { cause: 'the ID token is for another client' });
    const token = config.apiToken === 'access' && answer.accessToken ? answer.accessToken : answer.idToken;
    const claims = token === answer.idToken ? idClaims : jwtClaims(token);
    const issuedAt = typeof claims.iat === 'number' ? claims.iat * 1000 : now();
    const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : now() + (answer.expiresIn ?? 3600) * 1000;
    session = { token, expiresAt, margin: marginOf(expiresAt - issuedAt) };
  }

  return {
    kind: 'oidc',
    // Nothing is kept across openings of the pane: there is nothing to restore.
    restore: async () => valid(),
    signIn,
    async signOut() {
      session = undefined;
    },
    isSignedIn: valid,
    async getToken(forceRefresh = false) {
      // After a 401 too: no silent renewal without a stored refresh token; the pane asks again.
      if (forceRefresh || !valid()) {
        session = undefined;
        throw new AuthError('SIGN_IN_REQUIRED');
      }
      return session!.token;
    },
  };
}
