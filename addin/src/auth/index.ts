/**
 * Sign-in for the pane. The boot file picks one provider from the runtime config:
 *   createTokenProvider({ mode: 'dev' }, '/api')                       // npm start
 *   createTokenProvider({ mode: 'microsoft', clientId, authority, scopes, dialogUrl }, '/api')
 */
import { createDevTokenProvider } from './dev';
import { createNaaTokenProvider, type NaaConfig } from './naa';
import type { KeyValueStorage, TokenProvider } from './token-provider';

export * from './token-provider';
export { createDevTokenProvider, type DevTokenOptions } from './dev';
export { createNaaTokenProvider, type NaaConfig, type NaaDependencies } from './naa';
export type { OfficeAuthHost } from './office-host';

export type AuthConfig = { mode: 'dev' } | ({ mode: 'microsoft' } & NaaConfig);

export function createTokenProvider(config: AuthConfig, apiBaseUrl: string, storage?: KeyValueStorage): TokenProvider {
  if (config.mode === 'dev') return createDevTokenProvider(apiBaseUrl, storage ? { storage } : {});
  const { mode: _mode, ...naa } = config;
  return createNaaTokenProvider(naa);
}
