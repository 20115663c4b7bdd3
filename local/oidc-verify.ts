import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import type { LocalKeys } from './keys';

/** An OpenID Connect issuer the local API trusts besides its own dev keys (a local oidc-provider, or a real one). */
export interface TrustedIssuer {
  issuer: string;
  /** The audience its tokens must carry: the pane's client id (the pane sends the ID token). */
  audience: string;
  /** Default: `{issuer}/.well-known/openid-configuration`'s jwks_uri, fetched on first use. */
  jwksUri?: string;
}

/**
 * The local runner's stand-in for API Gateway's JWT authorizer when it trusts an issuer: a token
 * whose `iss` is that issuer is checked against its published keys, audience and lifetime, as
 * HttpJwtAuthorizer does; any other token goes to the runner's own keys (dev sign-in, npm run token).
 */
export function createTokenVerifier(keys: LocalKeys, trusted?: TrustedIssuer): (token: string) => Promise<Record<string, unknown>> {
  if (!trusted) return (token) => keys.verifyToken(token);
  let jwks: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  const keySet = () =>
    (jwks ??= (async () => {
      if (trusted.jwksUri) return createRemoteJWKSet(new URL(trusted.jwksUri));
      const response = await fetch(`${trusted.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
      if (!response.ok) throw new Error(`${trusted.issuer}: no discovery document (${response.status})`);
      const { jwks_uri: uri } = (await response.json()) as { jwks_uri: string };
      return createRemoteJWKSet(new URL(uri));
    })().catch((error: unknown) => {
      jwks = undefined;
      throw error;
    }));
  return async (token) => {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      issuer = undefined;
    }
    if (issuer !== trusted.issuer) return keys.verifyToken(token);
    const { payload } = await jwtVerify(token, await keySet(), {
      issuer: trusted.issuer,
      audience: trusted.audience,
      requiredClaims: ['exp'],
    });
    return payload as Record<string, unknown>;
  };
}
