// local/ is compiled through the files that import it, so the package's declarations are named here.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./oidc-provider.d.ts" />
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';

/**
 * A real OpenID Connect server for local runs and the e2e tests (the npm package oidc-provider), in
 * place of Cognito or Entra ID: one public client for the pane (authorization code with PKCE, the
 * sign-in page as its redirect URI), accounts with passwords, and its own login page. The ID token
 * carries the e-mail, as Cognito's does.
 */
export interface OidcAccount {
  email: string;
  password: string;
  name?: string;
}

export interface LocalOidcOptions {
  clientId?: string;
  /** The pane's sign-in page(s), e.g. http://127.0.0.1:5173/pane/signin.html */
  redirectUris: string[];
  accounts: OidcAccount[];
  /** Seconds an ID token lives; changeable while running (setIdTokenTtl). Default 1 hour. */
  idTokenTtl?: number;
  port?: number;
  host?: string;
}

/** The server's accounts, changeable while it runs (local/oidc-accounts.ts keeps them in step with the users sheet). */
export interface LocalOidcAccounts {
  get(email: string): (OidcAccount & { disabled?: boolean }) | undefined;
  /** Adds or replaces an account (enabled). */
  put(account: OidcAccount): void;
  setDisabled(email: string, disabled: boolean): void;
}

export interface LocalOidc {
  issuer: string;
  clientId: string;
  accounts: LocalOidcAccounts;
  setIdTokenTtl(seconds: number): void;
  close(): Promise<void>;
}

export const LOCAL_OIDC_CLIENT = 'thidua-pane';

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function loginPage(action: string, error?: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Đăng nhập</title></head>
<body style="font-family: sans-serif; max-width: 24rem; margin: 2rem auto">
<h1>Đăng nhập</h1>${error ? `<p role="alert" style="color:#b10e1c">${escape(error)}</p>` : ''}
<form method="post" action="${escape(action)}">
<p><label>Thư điện tử <input name="email" type="email" autocomplete="username" required autofocus></label></p>
<p><label>Mật khẩu <input name="password" type="password" autocomplete="current-password" required></label></p>
<p><button type="submit">Đăng nhập</button></p>
</form></body></html>`;
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startLocalOidc(options: LocalOidcOptions): Promise<LocalOidc> {
  const clientId = options.clientId ?? LOCAL_OIDC_CLIENT;
  const accounts = new Map<string, OidcAccount & { disabled?: boolean }>(
    options.accounts.map((account) => [account.email.toLowerCase(), account]),
  );
  const enabled = (email: string) => {
    const account = accounts.get(email);
    return account && !account.disabled ? account : undefined;
  };
  let idTokenTtl = options.idTokenTtl ?? 3600;

  // The port first: the issuer URL names it, and the provider is made with its issuer.
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${options.host ?? '127.0.0.1'}:${port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'local', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // As Cognito does: the ID token of a code flow carries the e-mail the API finds the user by.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const account = enabled(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, email: id, email_verified: true, name: account.name ?? id }) };
    },
    // The pane is the office's own client: no consent screen, it gets the scopes it asks for.
    async loadExistingGrant(ctx) {
      const { client, session } = ctx.oidc;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session?.grantIdFor(client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client!.clientId, accountId: session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    ttl: {
      IdToken: () => idTokenTtl,
      AccessToken: () => idTokenTtl,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = `<!doctype html><meta charset="utf-8"><pre>${escape(JSON.stringify(out, null, 2))}</pre>`;
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const action = `/interaction/${uid}`;
    const page = (status: number, error?: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(loginPage(action, error));
    };
    if (req.method !== 'POST') return page(200);
    const form = await formOf(req);
    const email = (form.get('email') ?? '').trim().toLowerCase();
    const account = enabled(email);
    if (!account || account.password !== form.get('password')) return page(401, 'Sai thư điện tử hoặc mật khẩu.');
    if (details.prompt.name !== 'login') return page(400, `unexpected prompt ${details.prompt.name}`);
    await provider.interactionFinished(req, res, { login: { accountId: email } }, { mergeWithLastSubmission: false });
  }

  handler = (req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec((req.url ?? '').split('?')[0]!);
    if (!match) return void callback(req, res);
    interaction(req, res, match[1]!).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`sign-in failed: ${(error as Error).message}`);
    });
  };

  return {
    issuer,
    clientId,
    accounts: {
      get: (email) => accounts.get(email.toLowerCase()),
      put: (account) => void accounts.set(account.email.toLowerCase(), { ...account }),
      setDisabled: (email, disabled) => {
        const account = accounts.get(email.toLowerCase());
        if (account) account.disabled = disabled;
      },
    },
    setIdTokenTtl: (seconds) => void (idTokenTtl = seconds),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
