/**
 * The small pieces of OpenID Connect the pane and its sign-in page share: the config, random values,
 * PKCE's S256 challenge, the discovery document, and reading a token's claims. WebCrypto only, so the
 * same code runs in Office's webviews and in the tests.
 */
import { AuthError } from './token-provider';

/** From the runtime config (config.json): the issuer and the pane's public client there. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  scopes: string[];
  /** Default: signin.html next to the pane. It must be a redirect URI of the client at the issuer. */
  redirectUri?: string;
  /** Known endpoints (Cognito's, written by the stack): no discovery document fetched. */
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  /** Which token the API gets: the ID token (default; it names the user by e-mail) or the access token. */
  apiToken?: 'id' | 'access';
}

/** What the sign-in page sends the pane through Office's dialog (messageParent), as JSON. */
export type DialogAnswer =
  | { status: 'success'; state: string; idToken: string; accessToken?: string; expiresIn?: number }
  | { status: 'error'; state?: string; error: string; description?: string };

export const SIGN_IN_PAGE = 'signin.html';

const base64url = (bytes: Uint8Array): string => {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

/** 32 random bytes, base64url: a state, a nonce, or a PKCE code verifier (43 characters). */
export function randomToken(): string {
  return base64url(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

/** PKCE's S256 code challenge of a verifier. */
export async function s256Challenge(verifier: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/**
 * A JWT's claims, unverified. Enough here: the tokens come straight from the issuer's token endpoint
 * over TLS (OpenID Connect Core 3.1.3.7), and the API verifies each one's signature anyway.
 */
export function jwtClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new AuthError('FAILED', { cause: 'not a JWT' });
  try {
    const binary = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch (error) {
    throw new AuthError('FAILED', { cause: error });
  }
}

export interface Endpoints {
  authorizationEndpoint: string;
  tokenEndpoint: string;
}

/** The issuer's endpoints: from the config if given, else from its discovery document. */
export async function endpointsOf(config: OidcConfig, doFetch: typeof fetch): Promise<Endpoints> {
  if (config.authorizationEndpoint && config.tokenEndpoint)
    return { authorizationEndpoint: config.authorizationEndpoint, tokenEndpoint: config.tokenEndpoint };
  const url = `${config.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let document: { issuer?: string; authorization_endpoint?: string; token_endpoint?: string };
  try {
    const response = await doFetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    document = (await response.json()) as typeof document;
  } catch (error) {
    throw new AuthError('FAILED', { cause: error });
  }
  // The document must be the issuer's own (OpenID Connect Discovery 4.3).
  if (document.issuer !== config.issuer || !document.authorization_endpoint || !document.token_endpoint)
    throw new AuthError('FAILED', { cause: `${url} is not the discovery document of ${config.issuer}` });
  return { authorizationEndpoint: document.authorization_endpoint, tokenEndpoint: document.token_endpoint };
}
