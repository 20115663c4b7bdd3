import { AUTOSAVE_STORAGE_KEY } from '#addin/app/core/pane-core';
import type { KeyValueStorage, TokenProvider } from '#addin/auth/token-provider';

/** What a bench's pane is signed in with: one token for the whole run, and autosave off (the bench clicks "Lưu"). */
export function benchPaneSession(token: string): { tokens: TokenProvider; storage: KeyValueStorage } {
  const tokens: TokenProvider = {
    kind: 'dev',
    restore: async () => true,
    signIn: async () => undefined,
    signOut: async () => undefined,
    isSignedIn: () => true,
    getToken: async () => token,
  };
  const settings = new Map([[AUTOSAVE_STORAGE_KEY, 'off']]);
  const storage: KeyValueStorage = {
    getItem: (k: string) => settings.get(k) ?? null,
    setItem: (k: string, v: string) => void settings.set(k, v),
    removeItem: (k: string) => void settings.delete(k),
  };
  return { tokens, storage };
}

/** A token from the local runner's dev sign-in (POST /dev/token), for a bench run on its own API. */
export function devTokenIssuer(baseUrl: string): (email: string) => Promise<string> {
  return async (email) => {
    const response = await fetch(`${baseUrl}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    const body = (await response.json()) as { token?: string };
    if (!body.token) throw new Error(`no dev token for ${email}: ${response.status}`);
    return body.token;
  };
}
