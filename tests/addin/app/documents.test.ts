import { describe, expect, it } from 'vitest';
import type { DownloadedFile } from '#addin/api/index';
import { useTestApi } from '#tests/support/api';
import { freshPaneServer, type PaneServer } from '#tests/support/pane-api';
import { SECRETARY } from '#tests/support/rows';
import { fields, staffOf } from './fixtures';
import { HR, openPane } from './harness';
import { moveCampaignTo } from '#tests/support/stage';

// The real API over DynamoDB Local; each test empties and seeds the file's table again.
const api = useTestApi();

async function pane(server: PaneServer, email = HR) {
  const offered: DownloadedFile[] = [];
  const offerFile = (file: DownloadedFile) => (offered.push(file), `blob:test/${offered.length}`);
  const { controller } = await openPane({ server, email, deps: { offerFile } });
  return { controller, offered, state: () => controller.getState() };
}

/** The secretary's round over the eligible nominations, each ballot marking `chosen`, confirmed. */
async function confirmedRound(server: PaneServer, chosen: string) {
  const token = await api.tokenFor(SECRETARY);
  const rounds = `/campaigns/${server.campaignId}/rounds`;
  const opened = await api.request('POST', rounds, { token, body: { attendance: { present: 9, writtenVotes: 0 } } });
  const ballots = Array.from({ length: 9 }, (_, i) => ({ number: i + 1, marks: { [chosen]: 'x' } }));
  await api.request('PUT', `${rounds}/${opened.body.id}/ballots`, { token, body: { ballots } });
  const tallied = await api.request('POST', `${rounds}/${opened.body.id}/tally`, { token });
  const confirmed = await api.request('POST', `${rounds}/${opened.body.id}/confirm`, { token, body: { version: tallied.body.version } });
  expect(confirmed.status, confirmed.text).toBe(200);
}

describe('the office’s documents from the pane', () => {
  it('HR generates the decision once a round is confirmed, numbered by the register, then issues it once signed', async () => {
    const server = await freshPaneServer(api);
    // The council votes, and its documents are written, while the campaign is under review.
    await moveCampaignTo(api, 'under_review', server.campaignId);
    const [a] = staffOf('kinh-te');
    const nomination = await server.put(fields(a!.id, { status: 'eligible' }), HR);
    const hr = await pane(server);

    await hr.controller.actions.generateDocument('quyet-dinh');
    expect(hr.state().error?.vi).toContain('Chưa có vòng bỏ phiếu nào được xác nhận');
    expect(hr.state().document).toBeUndefined();
    expect(hr.offered).toHaveLength(0);

    await confirmedRound(server, nomination.id);
    await hr.controller.actions.generateDocument('quyet-dinh', { number: 12 });
    expect(hr.state().error).toBeUndefined();
    expect(hr.offered).toHaveLength(1);
    const file = hr.offered[0]!;
    expect(new TextDecoder().decode(new Uint8Array(file.bytes).slice(0, 2))).toBe('PK'); // a .docx is a zip
    expect(file.contentType).toContain('wordprocessingml');
    expect(file.filename).toMatch(/\.docx$/);
    expect(hr.state().document).toMatchObject({ name: file.filename, url: 'blob:test/1', record: { number: 12, status: 'draft' } });
    expect(hr.state().notice?.vi).toMatch(/^Đã lập Quyết định tặng Giấy khen số 12\/QĐ-VP ngày \d\d\/\d+\/\d{4} \(lần 1\)\.$/);

    await hr.controller.actions.generateDocument('quyet-dinh');
    expect(hr.state().notice?.vi).toContain('(lần 2). Không có thay đổi so với lần trước.');
    expect(hr.state().document?.record?.number).toBe(12);

    await hr.controller.actions.issueDocument();
    expect(hr.state().error).toBeUndefined();
    expect(hr.state().notice?.vi).toBe('Đã ban hành văn bản số 12/QĐ-VP: 1 tập thể, cá nhân chuyển sang "Đã khen thưởng".');
    expect(hr.state().document?.record?.status).toBe('issued');
    expect((await server.nomination(nomination.id))?.status).toBe('awarded');
  });

  it('is not offered to a unit clerk', async () => {
    const server = await freshPaneServer(api);
    // The council votes, and its documents are written, while the campaign is under review.
    await moveCampaignTo(api, 'under_review', server.campaignId);
    const clerk = await pane(server, 'kinh-te@thidua.local');
    await clerk.controller.actions.generateDocument('quyet-dinh');
    await clerk.controller.actions.issueDocument();
    expect(clerk.offered).toHaveLength(0);
    expect(server.log.some((entry) => entry.path.includes('/documents'))).toBe(false);
  });
});
