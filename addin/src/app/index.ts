/**
 * The pane's entry for the boot file (main.tsx):
 *
 *   import { createPane, createServices } from './app';
 *   import { App } from './ui/App';
 *   const { api, tokens } = createServices({ apiBaseUrl: config.apiBaseUrl, auth: config.auth, storage: localStorage });
 *   const pane = createPane({ gateway: createOfficeGateway(), api, tokens, storage: localStorage });
 *   root.render(<App controller={pane} theme={officeTheme} onThemeChange={...} />);
 *
 * `createPane` starts the controller (silent sign-in, then the user's campaigns and a scan of the sheet
 * for unsaved rows); `pane.dispose()` stops listening to Excel when the pane goes away.
 */
import { createApiClient, type ApiClient } from '#addin/api/index';
import { createTokenProvider, type AuthConfig, type KeyValueStorage, type TokenProvider } from '#addin/auth/index';
import { createPaneController, type PaneController, type PaneDeps } from './controller';

export * from './controller';
export { usePaneController } from './use-pane';
export type { ConflictView, ConflictField } from './conflicts/conflicts';
export type { IssueGroup, IssueItem, QuotaRow } from './report/panels';
export type { RoleActionId } from './roles/role-actions';
export type { CouncilActions, CouncilState } from './council/council-state';
export { hasTie, participating } from './council/council-state';
export { runsTheVote } from '#shared/policy/council';

export type CreatePaneOptions = PaneDeps;

/** Creates the controller and starts it (not awaited: the pane renders at once and follows its state). */
export function createPane(options: CreatePaneOptions): PaneController {
  const controller = createPaneController(options);
  void controller.start();
  return controller;
}

/** The API client and the token provider for a runtime config: the API's base URL and the sign-in mode. */
export function createServices(options: { apiBaseUrl?: string; auth: AuthConfig; storage?: KeyValueStorage; fetch?: typeof fetch }): {
  api: ApiClient;
  tokens: TokenProvider;
} {
  const apiBaseUrl = options.apiBaseUrl ?? '/api';
  const tokens = createTokenProvider(options.auth, apiBaseUrl, options.storage);
  const api = createApiClient({
    baseUrl: apiBaseUrl,
    getToken: (forceRefresh) => tokens.getToken(forceRefresh),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return { api, tokens };
}
