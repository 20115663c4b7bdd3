import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Nomination, NominationChange } from '#shared/nomination';
import type { SaveBatchResult } from '#shared/api/index';
import type { Campaign } from '#shared/campaign';
import { startTestApi, updateCampaign, type StartTestApiOptions, type TestApi } from '#tests/support/api';
import { launchChromium } from './browser';
import { HostPage } from './host-page';
import { CAMPAIGN_ID, HR } from './people';
import { startE2eServer, type E2eServer } from './server';

/**
 * One e2e test file's world: the real API over the run's DynamoDB Local (a table of this file's own,
 * seeded with the demo office), the e2e server with the built pane, and one Chromium shared by the
 * file's tests (each host page gets its own browser context).
 */
export interface E2eSuite {
  api: TestApi;
  server: E2eServer;
  browser: Browser;
  /** A new host window with the pane, signed in as `email`, autosave as asked, the sheet not yet opened. */
  openHost(email: string, options?: { autosave?: boolean; query?: Record<string, string | number> }): Promise<HostPage>;
  /** Saves rows straight through the API as `email` (data someone else entered). */
  seed(rows: NominationChange[], email?: string): Promise<SaveBatchResult>;
  /** Every live nomination of the campaign, as `email` may see them. */
  nominations(email?: string): Promise<Nomination[]>;
  /** The administrator changes the campaign's settings (its quota rules, whether incomplete dossiers may be sent). */
  updateCampaign(patch: Partial<Campaign>): Promise<void>;
  close(): Promise<void>;
}

/** Another sign-in than the dev picker's: the API's token check and the pane's config.json (support/oidc.ts). */
export interface E2eSuiteOptions {
  verify?: StartTestApiOptions['verify'];
  runtimeConfig?: () => unknown;
}

export async function startE2eSuite(options: E2eSuiteOptions = {}): Promise<E2eSuite> {
  const api = await startTestApi(options.verify ? { verify: options.verify } : {});
  const server = await startE2eServer({
    apiUrl: api.baseUrl,
    paneDir: inject('e2ePaneDir'),
    ...(options.runtimeConfig ? { runtimeConfig: options.runtimeConfig } : {}),
  });
  const browser = await launchChromium();
  const pages: HostPage[] = [];
  return {
    api,
    server,
    browser,
    async openHost(email = HR, options = {}) {
      const page = await HostPage.open(browser, server, options.query ?? {});
      pages.push(page);
      await page.signIn(email);
      await page.setAutosave(options.autosave ?? false);
      return page;
    },
    async seed(rows, email = HR) {
      const token = await api.tokenFor(email);
      const response = await api.request<SaveBatchResult>('POST', `/campaigns/${CAMPAIGN_ID}/nominations/batch`, { token, body: { rows } });
      if (response.status !== 200) throw new Error(`seeding failed: ${response.status} ${response.text}`);
      return response.body;
    },
    async nominations(email = HR) {
      const token = await api.tokenFor(email);
      const items: Nomination[] = [];
      let cursor: string | undefined;
      do {
        const response = await api.request<{ items: Nomination[]; nextCursor?: string | null }>(
          'GET',
          `/campaigns/${CAMPAIGN_ID}/nominations${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
          { token },
        );
        if (response.status !== 200) throw new Error(`listing failed: ${response.status} ${response.text}`);
        items.push(...response.body.items);
        cursor = response.body.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
    updateCampaign: (patch) => updateCampaign(api, patch),
    async close() {
      await Promise.allSettled(pages.map((page) => page.close()));
      await browser.close().catch(() => undefined);
      await server.close();
      await api.close();
    },
  };
}

/**
 * The file's suite, started before its tests and closed after them (`beforeClose` first). The object
 * is usable from inside a test: it forwards to the suite started by beforeAll.
 */
export function useE2eSuite(beforeClose?: (suite: E2eSuite) => void): E2eSuite {
  let started: E2eSuite | undefined;
  beforeAll(async () => {
    started = await startE2eSuite();
  });
  afterAll(async () => {
    if (!started) return;
    beforeClose?.(started);
    await started.close();
  });
  return new Proxy({} as E2eSuite, {
    get(_target, property) {
      if (!started) throw new Error('the e2e suite is not started: use it inside a test');
      return Reflect.get(started, property);
    },
  });
}
