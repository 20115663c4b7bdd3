// The root tsconfig type-checks this file through the tests, without addin/src/vite-env.d.ts: hence a path.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../vite-env.d.ts" />
import type { AuthConfig } from '#addin/auth/index';

/**
 * How this copy of the pane is served: where the API is and how users sign in. Looked up in order:
 *
 * 1. `window.THIDUA_CONFIG`, set before the pane's module runs: the dev server of `npm start` injects
 *    `{ environment: 'local', apiBaseUrl: '/api', auth: { mode: 'dev' } }` (vite.config.ts), and a test
 *    host page may set its own.
 * 2. `config.json` next to taskpane.html, when the deployment wrote one (one build, any deployment).
 * 3. What the build was given: VITE_THIDUA_API_URL, VITE_THIDUA_CLIENT_ID, VITE_THIDUA_API_SCOPES, and
 *    VITE_THIDUA_ISSUER (OpenID Connect sign-in) or VITE_THIDUA_AUTHORITY, VITE_THIDUA_AUTH_DIALOG_URL
 *    (Microsoft sign-in, nested app authentication).
 *
 * Sign-in modes: 'dev' (the local runner's picker), 'oidc' (any OpenID Connect issuer through Office's
 * dialog: Cognito, which the stack's PaneConfig output writes, Entra ID, the province's SSO) and
 * 'microsoft' (Entra nested app authentication, where Microsoft 365 has it).
 */
export interface RuntimeConfig {
  environment: 'local' | 'production';
  /** '/api' when the pane is served next to the API; the API's full URL otherwise. */
  apiBaseUrl: string;
  auth: AuthConfig;
}

export type RawConfig = {
  environment?: unknown;
  apiBaseUrl?: unknown;
  auth?: {
    mode?: unknown;
    clientId?: unknown;
    authority?: unknown;
    scopes?: unknown;
    redirectUri?: unknown;
    dialogUrl?: unknown;
    issuer?: unknown;
    authorizationEndpoint?: unknown;
    tokenEndpoint?: unknown;
    apiToken?: unknown;
  };
};

declare global {
  interface Window {
    THIDUA_CONFIG?: RawConfig;
  }
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

function scopesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((scope): scope is string => typeof scope === 'string' && scope.length > 0);
  return (text(value) ?? '').split(/[\s,]+/).filter(Boolean);
}

/** Checks a raw config; throws ConfigError saying what is missing. */
export function parseConfig(raw: RawConfig): RuntimeConfig {
  const environment = raw.environment === 'local' ? 'local' : 'production';
  const apiBaseUrl = (text(raw.apiBaseUrl) ?? '/api').replace(/\/+$/, '');
  const mode = raw.auth?.mode ?? (environment === 'local' ? 'dev' : 'microsoft');
  if (mode === 'dev') return { environment, apiBaseUrl, auth: { mode: 'dev' } };
  if (mode === 'oidc') return { environment, apiBaseUrl, auth: parseOidc(raw.auth ?? {}) };
  if (mode !== 'microsoft') throw new ConfigError(`auth.mode must be 'dev', 'oidc' or 'microsoft', not ${String(mode)}`);
  const clientId = text(raw.auth?.clientId);
  const scopes = scopesOf(raw.auth?.scopes);
  if (!clientId) throw new ConfigError('Microsoft sign-in needs the app registration: auth.clientId (VITE_THIDUA_CLIENT_ID) is missing');
  if (scopes.length === 0)
    throw new ConfigError("Microsoft sign-in needs the API's scope: auth.scopes (VITE_THIDUA_API_SCOPES) is missing");
  const authority = text(raw.auth?.authority);
  const redirectUri = text(raw.auth?.redirectUri);
  const dialogUrl = text(raw.auth?.dialogUrl);
  return {
    environment,
    apiBaseUrl,
    auth: {
      mode: 'microsoft',
      clientId,
      scopes,
      ...(authority ? { authority } : {}),
      ...(redirectUri ? { redirectUri } : {}),
      ...(dialogUrl ? { dialogUrl } : {}),
    },
  };
}

const OIDC_SCOPES = ['openid', 'email', 'profile'];

function parseOidc(auth: NonNullable<RawConfig['auth']>): Extract<AuthConfig, { mode: 'oidc' }> {
  const issuer = text(auth.issuer);
  const clientId = text(auth.clientId);
  if (!issuer || !/^https?:\/\//.test(issuer))
    throw new ConfigError('OpenID Connect sign-in needs the issuer: auth.issuer (an https:// URL)');
  if (!clientId) throw new ConfigError("OpenID Connect sign-in needs the pane's client id at the issuer: auth.clientId");
  const scopes = scopesOf(auth.scopes);
  const optional = { redirectUri: auth.redirectUri, authorizationEndpoint: auth.authorizationEndpoint, tokenEndpoint: auth.tokenEndpoint };
  return {
    mode: 'oidc',
    issuer,
    clientId,
    scopes: scopes.length > 0 ? scopes : OIDC_SCOPES,
    ...Object.fromEntries(Object.entries(optional).flatMap(([key, value]) => (text(value) ? [[key, text(value)!]] : []))),
    ...(auth.apiToken === 'access' ? { apiToken: 'access' as const } : {}),
  };
}

/** The build's own values (import.meta.env), as a raw config. */
export function builtInConfig(env: ImportMetaEnv = import.meta.env): RawConfig {
  return {
    environment: 'production',
    apiBaseUrl: env.VITE_THIDUA_API_URL,
    auth: {
      mode: env.VITE_THIDUA_ISSUER ? 'oidc' : 'microsoft',
      issuer: env.VITE_THIDUA_ISSUER,
      clientId: env.VITE_THIDUA_CLIENT_ID,
      authority: env.VITE_THIDUA_AUTHORITY,
      scopes: env.VITE_THIDUA_API_SCOPES,
      dialogUrl: env.VITE_THIDUA_AUTH_DIALOG_URL,
    },
  };
}

export interface ConfigSources {
  injected?: RawConfig | undefined;
  fetchJson?: (url: string) => Promise<RawConfig | undefined>;
  builtIn?: RawConfig;
}

async function fetchConfigJson(url: string): Promise<RawConfig | undefined> {
  try {
    const response = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return undefined;
    return (await response.json()) as RawConfig;
  } catch {
    return undefined;
  }
}

export async function loadRuntimeConfig(sources: ConfigSources = {}): Promise<RuntimeConfig> {
  const injected = 'injected' in sources ? sources.injected : typeof window === 'undefined' ? undefined : window.THIDUA_CONFIG;
  if (injected) return parseConfig(injected);
  const fromFile = await (sources.fetchJson ?? fetchConfigJson)('config.json');
  if (fromFile) return parseConfig(fromFile);
  return parseConfig(sources.builtIn ?? builtInConfig());
}
