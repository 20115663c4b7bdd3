import { InteractionRequiredAuthError, type AuthenticationResult, type IPublicClientApplication } from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { AuthError, createDevTokenProvider, createNaaTokenProvider, type OfficeAuthHost } from '#addin/auth/index';
import { useTestApi } from '#tests/support/api';
import { paneServer } from '#tests/support/pane-api';
import { MemoryStorage } from './harness';

const api = useTestApi();

describe('dev token provider (local runner)', () => {
  it('lists the demo users, signs in as one, remembers it, and signs a fresh token on demand', async () => {
    const server = paneServer(api);
    const storage = new MemoryStorage();
    const tokens = createDevTokenProvider('/api', { fetch: server.fetch, storage });
    expect((await tokens.listUsers!()).map((user) => user.email)).toContain('tochuc@thidua.local');
    await expect(tokens.getToken()).rejects.toMatchObject({ code: 'SIGN_IN_REQUIRED' });
    await tokens.signIn('tochuc@thidua.local');
    const first = await tokens.getToken();
    // A JWT the local runner signed for that e-mail.
    const claims = JSON.parse(Buffer.from(first.split('.')[1]!, 'base64url').toString('utf8')) as { email: string };
    expect(claims.email).toBe('tochuc@thidua.local');
    expect(await tokens.getToken()).toBe(first);
    expect(await tokens.getToken(true)).not.toBe(first);
    expect(server.log.filter((entry) => entry.path === '/dev/token')).toHaveLength(2);

    const reopened = createDevTokenProvider('/api', { fetch: server.fetch, storage });
    expect(await reopened.restore()).toBe(true);
    await reopened.signOut();
    expect(await createDevTokenProvider('/api', { fetch: server.fetch, storage }).restore()).toBe(false);
  });

  it('says when the runner does not know the e-mail', async () => {
    const server = paneServer(api);
    const tokens = createDevTokenProvider('/api', { fetch: server.fetch });
    await expect(tokens.signIn('nobody@example.org')).rejects.toMatchObject({ code: 'UNKNOWN_USER' });
    expect(tokens.isSignedIn()).toBe(false);
  });
});

function result(token: string, inMs = 3_600_000): AuthenticationResult {
  return { accessToken: token, expiresOn: new Date(Date.now() + inMs), account: { homeAccountId: 'a' } } as unknown as AuthenticationResult;
}

function fakePca(overrides: Partial<IPublicClientApplication> = {}) {
  const pca = {
    getActiveAccount: vi.fn(() => null),
    getAllAccounts: vi.fn(() => []),
    setActiveAccount: vi.fn(),
    acquireTokenSilent: vi.fn(async () => result('silent-token')),
    acquireTokenPopup: vi.fn(async () => result('popup-token')),
    ...overrides,
  };
  return pca as unknown as IPublicClientApplication & typeof pca;
}

const host = (naa: boolean, message = ''): OfficeAuthHost & { opened: string[] } => {
  const opened: string[] = [];
  return { opened, naaSupported: () => naa, openAuthDialog: async (url) => (opened.push(url), message) };
};

const config = {
  clientId: 'client',
  authority: 'https://login.microsoftonline.com/tenant',
  scopes: ['api://thidua/access_as_user'],
  dialogUrl: 'https://pane.local/auth.html',
};

describe('NAA token provider (production)', () => {
  it('gets tokens silently through nested app authentication, with the configured client and scopes', async () => {
    const pca = fakePca();
    const createClient = vi.fn(async () => pca);
    const tokens = createNaaTokenProvider(config, { createClient, host: host(true) });
    expect(await tokens.restore()).toBe(true);
    expect(await tokens.getToken()).toBe('silent-token');
    expect(createClient).toHaveBeenCalledWith({ auth: { clientId: 'client', authority: config.authority } });
    expect(pca.acquireTokenSilent).toHaveBeenCalledWith({ scopes: config.scopes, forceRefresh: false });
    await tokens.getToken(true);
    expect(pca.acquireTokenSilent).toHaveBeenLastCalledWith({ scopes: config.scopes, forceRefresh: true });
  });

  it('falls back to a popup when the silent request needs interaction', async () => {
    const pca = fakePca({
      acquireTokenSilent: vi.fn(async () => Promise.reject(new InteractionRequiredAuthError('interaction_required', 'needs interaction'))),
    });
    const tokens = createNaaTokenProvider(config, { createClient: async () => pca, host: host(true) });
    await tokens.signIn();
    expect(pca.acquireTokenPopup).toHaveBeenCalledWith({ scopes: config.scopes });
    expect(tokens.isSignedIn()).toBe(true);
    expect(await tokens.getToken()).toBe('popup-token');
  });

  it('without NAA, signs in through the Office dialog and its message', async () => {
    const dialog = host(false, JSON.stringify({ status: 'success', accessToken: 'dialog-token', expiresOn: Date.now() + 3_600_000 }));
    const createClient = vi.fn();
    const tokens = createNaaTokenProvider(config, { createClient, host: dialog });
    expect(await tokens.restore()).toBe(false);
    await tokens.signIn();
    expect(dialog.opened).toEqual([config.dialogUrl]);
    expect(await tokens.getToken()).toBe('dialog-token');
    expect(createClient).not.toHaveBeenCalled();
    await expect(tokens.getToken(true)).rejects.toBeInstanceOf(AuthError);
  });

  it('a failed dialog sign-in is an AuthError', async () => {
    const tokens = createNaaTokenProvider(config, { host: host(false, JSON.stringify({ status: 'error', message: 'denied' })) });
    await expect(tokens.signIn()).rejects.toMatchObject({ code: 'FAILED' });
  });
});
