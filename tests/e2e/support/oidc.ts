import { createTokenVerifier } from '#local/oidc-verify';
import { startLocalOidc, type LocalOidc, type OidcAccount } from '#local/oidc-server';
import type { HostPage } from './host-page';
import { startE2eSuite, type E2eSuite } from './suite';

/**
 * The e2e world with sign-in through Office's dialog: the suite's API and pane, and a real OpenID
 * Connect server (local/oidc-server.ts, oidc-provider) whose client has the pane's sign-in page as its
 * redirect URI. The pane's config.json names that issuer (mode 'oidc'); the API trusts its tokens
 * with the client id as audience, as the stack's JWT authorizer does with Cognito's.
 */
export async function startOidcE2e(accounts: OidcAccount[]): Promise<{ suite: E2eSuite; oidc: LocalOidc; close(): Promise<void> }> {
  // Both are known only once the issuer listens, and it needs the e2e server's URL for its redirect URI.
  const late: { verify?: (token: string) => Promise<Record<string, unknown>>; config?: unknown } = {};
  const suite = await startE2eSuite({ verify: (token) => late.verify!(token), runtimeConfig: () => late.config });
  const oidc = await startLocalOidc({ redirectUris: [`${suite.server.url}/pane/signin.html`], accounts });
  late.verify = createTokenVerifier(suite.api.keys, { issuer: oidc.issuer, audience: oidc.clientId });
  late.config = {
    environment: 'local',
    apiBaseUrl: '/api',
    auth: { mode: 'oidc', issuer: oidc.issuer, clientId: oidc.clientId, scopes: ['openid', 'email', 'profile'] },
  };
  return {
    suite,
    oidc,
    async close() {
      await suite.close();
      await oidc.close();
    },
  };
}

/**
 * "Đăng nhập" in the pane: Office's dialog opens the sign-in page, which goes to the issuer's login
 * page; the person types the account's e-mail and password there (unless the issuer's session still
 * knows them: then the dialog closes by itself). Resolves once the pane is signed in.
 */
export async function signInThroughDialog(excel: HostPage, account: OidcAccount): Promise<void> {
  const opened = excel.context.waitForEvent('page', { timeout: 30_000 });
  await excel.pane.getByRole('button', { name: 'Đăng nhập' }).click();
  const dialog = await opened;
  const form = dialog.getByLabel('Thư điện tử');
  const seen = await Promise.race([
    form.waitFor({ timeout: 30_000 }).then(() => 'login' as const),
    dialog.waitForEvent('close', { timeout: 30_000 }).then(() => 'closed' as const),
  ]).catch(() => 'closed' as const);
  if (seen === 'login') {
    await form.fill(account.email);
    await dialog.getByLabel('Mật khẩu').fill(account.password);
    await dialog.getByRole('button', { name: 'Đăng nhập' }).click();
  }
  await excel.waitForState((state) => state.auth.status === 'signed-in' && !!state.user && !state.busy);
}
