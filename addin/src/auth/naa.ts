import type { AuthenticationResult, Configuration, IPublicClientApplication } from '@azure/msal-browser';
import { officeAuthHost, type OfficeAuthHost } from './office-host';
import { AuthError, type TokenProvider } from './token-provider';

/** From the runtime config object (never built into the bundle): the app registration of the add-in. */
export interface NaaConfig {
  clientId: string;
  /** e.g. https://login.microsoftonline.com/<tenant-id> */
  authority?: string;
  /** The API's scope, e.g. api://<api-app-id>/access_as_user */
  scopes: string[];
  redirectUri?: string;
  /**
   * The auth page opened in an Office dialog when the host has no NAA. It signs in with MSAL (redirect)
   * and answers through `Office.context.ui.messageParent(JSON.stringify(
   *   { status: 'success', accessToken, expiresOn } | { status: 'error', message }))`,
   * expiresOn being epoch milliseconds.
   */
  dialogUrl?: string;
}

export interface NaaDependencies {
  createClient?: (configuration: Configuration) => Promise<IPublicClientApplication>;
  host?: OfficeAuthHost;
  now?: () => number;
}

const EXPIRY_MARGIN_MS = 5 * 60_000;

interface DialogAnswer {
  status?: string;
  accessToken?: string;
  expiresOn?: number;
  message?: string;
}

/**
 * Production sign-in: MSAL nested app authentication inside Office (acquireTokenSilent, then
 * acquireTokenPopup); where the host does not support NAA, the Office dialog API opens `dialogUrl`.
 */
export function createNaaTokenProvider(config: NaaConfig, deps: NaaDependencies = {}): TokenProvider {
  const host = deps.host ?? officeAuthHost;
  const now = deps.now ?? Date.now;
  // MSAL (about 74 kB gzipped) is fetched only by a pane configured for Microsoft sign-in, when it first signs in.
  const createClient =
    deps.createClient ??
    (async (configuration: Configuration) => (await import('@azure/msal-browser')).createNestablePublicClientApplication(configuration));
  let client: Promise<IPublicClientApplication> | undefined;
  let cached: { token: string; expiresAt: number } | undefined;
  let signedIn = false;

  const naaSupported = () => host.naaSupported();
  const msal = () =>
    (client ??= createClient({
      auth: {
        clientId: config.clientId,
        ...(config.authority ? { authority: config.authority } : {}),
        ...(config.redirectUri ? { redirectUri: config.redirectUri } : {}),
      },
    }));

  const remember = (result: AuthenticationResult): string => {
    cached = { token: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? now() + 3_600_000 };
    signedIn = true;
    return result.accessToken;
  };

  async function silent(forceRefresh: boolean): Promise<string> {
    const pca = await msal();
    const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
    const result = await pca.acquireTokenSilent({ scopes: config.scopes, forceRefresh, ...(account ? { account } : {}) });
    if (result.account) pca.setActiveAccount(result.account);
    return remember(result);
  }

  async function popup(): Promise<string> {
    const pca = await msal();
    try {
      const result = await pca.acquireTokenPopup({ scopes: config.scopes });
      if (result.account) pca.setActiveAccount(result.account);
      return remember(result);
    } catch (error) {
      throw new AuthError('FAILED', { cause: error });
    }
  }

  async function viaDialog(): Promise<string> {
    if (!config.dialogUrl) throw new AuthError('FAILED');
    const message = await host.openAuthDialog(config.dialogUrl);
    let answer: DialogAnswer;
    try {
      answer = JSON.parse(message) as DialogAnswer;
    } catch (error) {
      throw new AuthError('FAILED', { cause: error });
    }
    if (answer.status !== 'success' || !answer.accessToken) throw new AuthError('FAILED', { cause: answer.message });
    cached = { token: answer.accessToken, expiresAt: answer.expiresOn ?? now() + 3_600_000 };
    signedIn = true;
    return answer.accessToken;
  }

  return {
    kind: 'microsoft',
    async restore() {
      if (!naaSupported()) return cached !== undefined && cached.expiresAt - EXPIRY_MARGIN_MS > now();
      try {
        await silent(false);
        return true;
      } catch {
        return false;
      }
    },
    async signIn() {
      if (!naaSupported()) {
        await viaDialog();
        return;
      }
      try {
        await silent(false);
      } catch {
        await popup();
      }
    },
    async signOut() {
      cached = undefined;
      signedIn = false;
      if (client) (await client).setActiveAccount(null);
    },
    isSignedIn: () => signedIn,
    async getToken(forceRefresh = false) {
      if (!forceRefresh && cached && cached.expiresAt - EXPIRY_MARGIN_MS > now()) return cached.token;
      if (!naaSupported()) throw new AuthError('SIGN_IN_REQUIRED');
      try {
        return await silent(forceRefresh);
      } catch (error) {
        // MSAL's errors (InteractionRequiredAuthError among them) are not ours: a person may fix them in the popup.
        if (!(error instanceof AuthError)) return popup();
        throw error;
      }
    },
  };
}
