import { AuthError, type DevUser, type KeyValueStorage, type TokenProvider } from './token-provider';

export interface DevTokenOptions {
  fetch?: typeof fetch;
  /** Remembers the e-mail, so that reopening the pane signs in again (localStorage in the pane). */
  storage?: KeyValueStorage;
}

const EMAIL_KEY = 'thidua.devEmail';

/**
 * The local runner's sign-in (npm start): `GET {baseUrl}/dev/users` lists the demo users and
 * `POST {baseUrl}/dev/token {email}` signs a token for one. Never served by the real API.
 */
export function createDevTokenProvider(baseUrl: string, options: DevTokenOptions = {}): TokenProvider {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const base = baseUrl.replace(/\/+$/, '');
  let email: string | undefined;
  let token: string | undefined;

  const remembered = (): string | undefined => {
    try {
      return options.storage?.getItem(EMAIL_KEY) ?? undefined;
    } catch {
      return undefined;
    }
  };

  async function issue(forEmail: string): Promise<string> {
    let response: Response;
    try {
      response = await doFetch(`${base}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: forEmail }),
      });
    } catch (error) {
      throw new AuthError('FAILED', { cause: error });
    }
    const body = (await response.json().catch(() => ({}))) as { token?: string; message?: { vi: string; en: string } };
    if (response.status === 403) throw new AuthError('UNKNOWN_USER', body.message ? { message: body.message } : {});
    if (!response.ok || typeof body.token !== 'string') throw new AuthError('FAILED', body.message ? { message: body.message } : {});
    return body.token;
  }

  return {
    kind: 'dev',
    async listUsers(): Promise<DevUser[]> {
      const response = await doFetch(`${base}/dev/users`, { headers: { accept: 'application/json' } });
      if (!response.ok) throw new AuthError('FAILED');
      return (await response.json()) as DevUser[];
    },
    async restore() {
      const saved = remembered();
      if (!saved) return false;
      try {
        token = await issue(saved);
        email = saved;
        return true;
      } catch {
        return false;
      }
    },
    async signIn(wanted) {
      if (!wanted) throw new AuthError('SIGN_IN_REQUIRED');
      token = await issue(wanted);
      email = wanted;
      try {
        options.storage?.setItem(EMAIL_KEY, wanted);
      } catch {
        // Not remembered: the next opening asks again.
      }
    },
    async signOut() {
      token = undefined;
      email = undefined;
      try {
        options.storage?.removeItem(EMAIL_KEY);
      } catch {
        // Nothing to forget.
      }
    },
    isSignedIn: () => token !== undefined,
    async getToken(forceRefresh = false) {
      if (!email) throw new AuthError('SIGN_IN_REQUIRED');
      if (!token || forceRefresh) token = await issue(email);
      return token;
    },
  };
}
