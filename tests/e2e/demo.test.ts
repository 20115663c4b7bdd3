import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_LABEL, DEMO_PATH } from '#local/demo-page';
import { startPaneServer, type PaneServer } from '#local/pane-server';
import { startTestApi, type TestApi } from '#tests/support/api';
import { launchChromium } from './support/browser';
import { HostPage } from './support/host-page';
import { CAMPAIGN_ID, HR, unitClerk } from './support/people';
import { TABLE } from './support/rows';

/**
 * `npm run demo`'s page: the local runner's pane server (mode 'files', over the e2e run's build) serves
 * /demo/, the stand-in Excel host with the pane, in front of the real API. A person without Excel sees
 * it labelled as a simulation, is signed in as the demo user picked, and opens the seeded campaign.
 */
describe('the demo without Excel (npm run demo)', () => {
  let api: TestApi;
  let pane: PaneServer;
  let browser: Browser;

  beforeAll(async () => {
    api = await startTestApi();
    pane = await startPaneServer({
      apiUrl: api.baseUrl,
      port: 0,
      tls: { kind: 'http', reason: 'test' },
      mode: 'files',
      dir: inject('e2ePaneDir'),
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await pane?.close();
    await api?.close();
  });

  it('shows the stand-in workbook, labelled, with the pane signed in; the pane opens the seeded campaign', async () => {
    const excel = await HostPage.at(browser, `${pane.origin}${DEMO_PATH}`);
    try {
      await expect.poll(() => excel.page.getByText(DEMO_LABEL, { exact: true }).isVisible()).toBe(true);
      const banner = await excel.page.getByTestId('demo-banner').boundingBox();
      expect(banner?.y).toBe(0);
      const signedIn = await excel.waitForState((state) => state.auth.status === 'signed-in' && !!state.user);
      expect(signedIn.user?.email).toBe(HR);

      const opened = await excel.openSheet();
      expect(opened.sheet).toBe('ready');
      expect((opened as unknown as { campaignId?: string }).campaignId).toBe(CAMPAIGN_ID);
      const table = await excel.table();
      expect(table.headers).toContain('Đơn vị đề nghị');
      expect(await excel.host((host) => host.activeSheet())).toBe(table.sheet);
      expect(excel.log.errors).toEqual([]);

      // Another demo user from the banner's picker: the pane opens again, signed in as them.
      const clerk = unitClerk('kinh-te');
      await excel.page.getByLabel('Người dùng mẫu').selectOption(clerk);
      await excel.page.waitForFunction(
        (email) => {
          const frame = document.getElementById('pane') as HTMLIFrameElement;
          const controller = (frame.contentWindow as Window & { THIDUA_PANE?: { getState(): { user?: { email: string } } } }).THIDUA_PANE;
          return controller?.getState().user?.email === email;
        },
        clerk,
        { timeout: 30_000 },
      );
      expect((await excel.state()).user?.role).toBe('unit');
      expect((await excel.table()).name).toBe(TABLE);
    } finally {
      await excel.close();
    }
  });

  it("opens on the pane's own sign-in screen with ?user=", async () => {
    const excel = await HostPage.at(browser, `${pane.origin}${DEMO_PATH}?user=`);
    try {
      await excel.pane.getByRole('button', { name: 'Đăng nhập' }).waitFor();
      expect((await excel.state()).auth.status).not.toBe('signed-in');
    } finally {
      await excel.close();
    }
  });
});
