/**
 * Sign-in for the pane. The boot file picks one provider from the runtime config:
 *   createTokenProvider({ mode: 'dev' }, '/api')                       // npm start
 *   createTokenProvider({ mode: 'oidc', issuer, clientId, scopes }, '/api')            // Cognito, Entra ID, any issuer
 *   createTokenProvider({ mode: 'microsoft', clientId, authority, scopes, dialogUrl }, '/api')  // NAA in Microsoft 365
 */
import { createDevTokenProvider } from './dev';
import { createNaaTokenProvider, type NaaConfig } from './naa';
import { createOidcTokenProvider } from './oidc';
import type { OidcConfig } from './oidc-protocol';
import type { KeyValueStorage, TokenProvider } from './token-provider';

export * from './token-provider';
export { createDevTokenProvider, type DevTokenOptions } from './dev';
export { createNaaTokenProvider, type NaaConfig, type NaaDependencies } from './naa';
export { createOidcTokenProvider, type OidcDependencies } from './oidc';
export type { OidcConfig, DialogAnswer } from './oidc-protocol';
export type { OfficeAuthHost } from './office-host';

export type AuthConfig = { mode: 'dev' } | ({ mode: 'microsoft' } & NaaConfig) | ({ mode: 'oidc' } & OidcConfig);

export function createTokenProvider(config: AuthConfig, apiBaseUrl: string, storage?: KeyValueStorage): TokenProvider {
  if (config.mode === 'dev') return createDevTokenProvider(apiBaseUrl, storage ? { storage } : {});
  if (config.mode === 'oidc') {
    const { mode: _mode, ...oidc } = config;
    return createOidcTokenProvider(oidc);
  }
  const { mode: _mode, ...naa } = config;
  return createNaaTokenProvider(naa);
}
