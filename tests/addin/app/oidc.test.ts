import { describe, expect, it } from 'vitest';
import { createOidcTokenProvider, type OfficeAuthHost } from '#addin/auth/index';
import { runDialogPage } from '#addin/auth/oidc-dialog';
import { s256Challenge } from '#addin/auth/oidc-protocol';
import { parseConfig } from '#addin/boot/config';

/**
 * The OpenID Connect dialog sign-in's checks, without a browser (the e2e test runs it against a real
 * issuer): the pane's state, nonce and audience; the sign-in page's PKCE, state and token exchange.
 */
const CONFIG = { issuer: 'https://idp.example', clientId: 'pane', scopes: ['openid', 'email'] };
const PANE = 'https://pane.example/taskpane.html';
const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: object) => `${part({ alg: 'RS256' })}.${part(claims)}.sig`;

/** A dialog that answers what `reply` makes of the URL the pane opened it at. */
function dialogHost(reply: (url: URL) => object): OfficeAuthHost & { origins: (string | undefined)[] } {
  const origins: (string | undefined)[] = [];
  return {
    origins,
    naaSupported: () => false,
    openAuthDialog: async (url, options) => {
      origins.push(options?.origin);
      return JSON.stringify(reply(new URL(url)));
    },
  };
}

describe('the pane (createOidcTokenProvider)', () => {
  const now = 1_000_000_000_000;
  const answer = (url: URL, claims: object = {}) => ({
    status: 'success',
    state: url.searchParams.get('state'),
    idToken: jwt({ aud: 'pane', nonce: url.searchParams.get('nonce'), iat: now / 1000, exp: now / 1000 + 100, ...claims }),
  });

  it('opens signin.html with a fresh state and nonce, for its own origin, and keeps the ID token until it expires', async () => {
    let clock = now;
    const host = dialogHost((url) => answer(url));
    const tokens = createOidcTokenProvider(CONFIG, { host, now: () => clock, paneUrl: PANE });
    await expect(tokens.getToken()).rejects.toMatchObject({ code: 'SIGN_IN_REQUIRED' });
    await tokens.signIn();
    expect(host.origins).toEqual(['https://pane.example']);
    expect(tokens.isSignedIn()).toBe(true);
    expect(await tokens.getToken()).toMatch(/^ey/);
    clock = now + 91_000; // a tenth of its life early
    await expect(tokens.getToken()).rejects.toMatchObject({ code: 'SIGN_IN_REQUIRED' });
    expect(await tokens.restore()).toBe(false);
  });

  it('refuses an answer with another state, another nonce or another audience, and says when the person cancelled', async () => {
    const replies: ((url: URL) => object)[] = [
      (url) => ({ ...answer(url), state: 'other' }),
      (url) => answer(url, { nonce: 'other' }),
      (url) => answer(url, { aud: 'someone-else' }),
      (url) => ({ status: 'error', state: url.searchParams.get('state'), error: 'access_denied' }),
    ];
    const cases = replies.map((reply, index) => [reply, index === 3 ? 'CANCELLED' : 'FAILED'] as const);
    for (const [reply, code] of cases) {
      const tokens = createOidcTokenProvider(CONFIG, { host: dialogHost(reply), now: () => now, paneUrl: PANE });
      await expect(tokens.signIn()).rejects.toMatchObject({ code });
      expect(tokens.isSignedIn()).toBe(false);
    }
  });

  it('asks to sign in again after a 401 rather than renewing silently', async () => {
    const tokens = createOidcTokenProvider(CONFIG, { host: dialogHost((url) => answer(url)), now: () => now, paneUrl: PANE });
    await tokens.signIn();
    await expect(tokens.getToken(true)).rejects.toMatchObject({ code: 'SIGN_IN_REQUIRED' });
    expect(tokens.isSignedIn()).toBe(false);
  });
});

describe('the sign-in page (runDialogPage)', () => {
  function page() {
    const storage = new Map<string, string>();
    const sent: string[] = [];
    const posts: URLSearchParams[] = [];
    let nonce = '';
    const deps = (url: string) => ({
      url,
      storage: {
        getItem: (key: string) => storage.get(key) ?? null,
        setItem: (key: string, value: string) => void storage.set(key, value),
        removeItem: (key: string) => void storage.delete(key),
      },
      fetch: (async (input: string | URL | Request, init?: RequestInit) => {
        if (String(input).endsWith('/.well-known/openid-configuration'))
          return Response.json({
            issuer: CONFIG.issuer,
            authorization_endpoint: 'https://idp.example/auth',
            token_endpoint: 'https://idp.example/token',
          });
        posts.push(new URLSearchParams(String(init?.body)));
        return Response.json({ id_token: jwt({ nonce }), access_token: 'opaque', expires_in: 3600 });
      }) as typeof fetch,
      navigate: (to: string) => void sent.push(`navigate ${to}`),
      answer: (message: string) => void sent.push(message),
    });
    return { storage, sent, posts, deps, setNonce: (value: string) => void (nonce = value) };
  }

  it('goes to the issuer with an S256 challenge, then exchanges the code with the verifier and answers the tokens', async () => {
    const p = page();
    expect(await runDialogPage(CONFIG, p.deps('https://pane.example/signin.html?state=S&nonce=N'))).toBe('redirected');
    const to = new URL(p.sent[0]!.slice('navigate '.length));
    expect(to.origin + to.pathname).toBe('https://idp.example/auth');
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'pane',
      redirect_uri: 'https://pane.example/signin.html',
      scope: 'openid email',
      state: 'S',
      nonce: 'N',
      code_challenge_method: 'S256',
    });
    const verifier = (JSON.parse(p.storage.get('thidua.signin')!) as { verifier: string }).verifier;
    expect(to.searchParams.get('code_challenge')).toBe(await s256Challenge(verifier));

    p.setNonce('N');
    expect(await runDialogPage(CONFIG, p.deps('https://pane.example/signin.html?code=C&state=S'))).toBe('answered');
    expect(Object.fromEntries(p.posts[0]!)).toEqual({
      grant_type: 'authorization_code',
      code: 'C',
      redirect_uri: 'https://pane.example/signin.html',
      client_id: 'pane',
      code_verifier: verifier,
    });
    expect(JSON.parse(p.sent[1]!)).toMatchObject({ status: 'success', state: 'S', accessToken: 'opaque', expiresIn: 3600 });
    expect(p.storage.size).toBe(0);
  });

  it('answers an error for a redirect it did not start, or a token with another nonce', async () => {
    const p = page();
    await runDialogPage(CONFIG, p.deps('https://pane.example/signin.html?code=C&state=S'));
    expect(JSON.parse(p.sent[0]!)).toMatchObject({ status: 'error', error: 'invalid_state' });
    await runDialogPage(CONFIG, p.deps('https://pane.example/signin.html?state=S&nonce=N'));
    p.setNonce('other');
    await runDialogPage(CONFIG, p.deps('https://pane.example/signin.html?code=C&state=S'));
    expect(JSON.parse(p.sent.at(-1)!)).toMatchObject({ status: 'error', error: 'invalid_nonce' });
  });
});

describe('config.json', () => {
  it("reads the 'oidc' mode the stack's PaneConfig writes, with OpenID's scopes by default", () => {
    expect(
      parseConfig({ apiBaseUrl: 'https://api.example', auth: { mode: 'oidc', issuer: CONFIG.issuer, clientId: 'pane' } }).auth,
    ).toEqual({
      mode: 'oidc',
      issuer: CONFIG.issuer,
      clientId: 'pane',
      scopes: ['openid', 'email', 'profile'],
    });
    expect(() => parseConfig({ auth: { mode: 'oidc', clientId: 'pane' } })).toThrow(/issuer/);
    expect(() => parseConfig({ auth: { mode: 'oidc', issuer: CONFIG.issuer } })).toThrow(/clientId/);
  });
});
