import { describe, expect, it } from 'vitest';
import type { DownloadedFile } from '#addin/api/index';
import { DEFAULT_CERTIFICATE_LAYOUT } from '#shared/documents/certificate-layout';
import { useTestApi } from '#tests/support/api';
import { freshPaneServer, type PaneServer } from '#tests/support/pane-api';
import { ADMIN } from '#tests/support/rows';
import { HR, openPane } from './harness';
import { moveCampaignTo } from '#tests/support/stage';

// The real API over DynamoDB Local; each test empties and seeds the file's table again.
const api = useTestApi();

async function pane(server: PaneServer, email: string) {
  const offered: DownloadedFile[] = [];
  const offerFile = (file: DownloadedFile) => (offered.push(file), `blob:test/${offered.length}`);
  const { controller } = await openPane({ server, email, deps: { offerFile } });
  return { actions: controller.actions, offered, state: () => controller.getState() };
}

const layoutRequests = (server: PaneServer) => server.log.filter((entry) => entry.path.includes('/office/certificate-layout'));

describe('the Giấy khen on the blank, from the pane', () => {
  it('HR prints the grid test page before any round; the offsets are not offered to HR', async () => {
    const server = await freshPaneServer(api);
    // The council votes, and its documents are written, while the campaign is under review.
    await moveCampaignTo(api, 'under_review', server.campaignId);
    const hr = await pane(server, HR);
    await hr.actions.generateDocument('giay-khen', { grid: true });
    expect(hr.state().error).toBeUndefined();
    expect(hr.offered).toHaveLength(1);
    expect(hr.offered[0]!.filename).toMatch(/^Giấy khen - bản in thử - .*\.docx$/);
    expect(hr.state().document?.url).toBe('blob:test/1');

    await hr.actions.openCertificateOffsets();
    await hr.actions.saveCertificateOffsets(1, 1);
    expect(hr.state().certificateLayout).toBeUndefined();
    expect(layoutRequests(server)).toEqual([]);
  });

  it('an administrator reads the layout, saves the offsets over its version; a colleague’s stale save is a conflict, then shows theirs', async () => {
    const server = await freshPaneServer(api);
    // The council votes, and its documents are written, while the campaign is under review.
    await moveCampaignTo(api, 'under_review', server.campaignId);
    const first = await pane(server, ADMIN);
    const second = await pane(server, ADMIN);
    await first.actions.openCertificateOffsets();
    await second.actions.openCertificateOffsets();
    expect(first.state().certificateLayout).toEqual({ layout: DEFAULT_CERTIFICATE_LAYOUT, version: 0 });

    await first.actions.saveCertificateOffsets(2.5, -1);
    expect(first.state().error).toBeUndefined();
    expect(first.state().certificateLayout).toMatchObject({ version: 1, layout: { offsetMm: { dx: 2.5, dy: -1 } } });
    expect(first.state().notice?.vi).toContain('Đã lưu độ lệch in Giấy khen');

    await second.actions.saveCertificateOffsets(-4, 0);
    expect(second.state().error?.vi).toContain('người khác thay đổi');
    expect(second.state().certificateLayout).toMatchObject({ version: 1, layout: { offsetMm: { dx: 2.5, dy: -1 } } });

    await second.actions.saveCertificateOffsets(-4, 0);
    expect(second.state().certificateLayout).toMatchObject({ version: 2, layout: { offsetMm: { dx: -4, dy: 0 } } });
  });

  it('an offset that would push a field off the page is refused with the server’s reason', async () => {
    const server = await freshPaneServer(api);
    // The council votes, and its documents are written, while the campaign is under review.
    await moveCampaignTo(api, 'under_review', server.campaignId);
    const admin = await pane(server, ADMIN);
    await admin.actions.openCertificateOffsets();
    await admin.actions.saveCertificateOffsets(-30, 0);
    expect(admin.state().error?.vi).toContain('nằm ngoài khổ giấy');
    expect(admin.state().certificateLayout?.version).toBe(0);
  });
});
