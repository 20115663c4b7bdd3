import { describe, expect, it } from 'vitest';
import { useTestApi } from '#tests/support/api';
import { freshPaneServer } from '#tests/support/pane-api';
import { unitClerk, VIEWER } from '#tests/support/rows';
import { moveCampaignTo } from '#tests/support/stage';
import { HR, openPane } from './harness';

// The real API over DynamoDB Local, the in-memory workbook (FakeGateway); each test seeds the table again.
const api = useTestApi();

describe("the campaign's stage in the campaign bar", () => {
  it('shows HR the stage, what HR may do now, and the next moves; a step back asks for a reason, then moves', async () => {
    const server = await freshPaneServer(api);
    const hr = await openPane({ server, email: HR });
    const stage = hr.state().stage!;
    expect(stage.label).toEqual({ vi: 'Đang nhận hồ sơ', en: 'Open for submissions' });
    expect(stage.mayNow.vi).toBe('Bạn có thể: tổng hợp, sửa hồ sơ đề nghị; chuyển giai đoạn.');
    expect(stage.moves.map((m) => [m.to, m.label.vi, m.needsReason])).toEqual([['closed', 'Khóa nhận hồ sơ', false]]);

    await hr.actions.moveStage('closed');
    await hr.controller.idle();
    expect(hr.state().stage?.stage).toBe('closed');
    expect(hr.state().notice?.vi).toBe('Đã chuyển Đợt thi đua sang giai đoạn "Đã khóa nhận hồ sơ".');
    expect(hr.state().stage?.moves.map((m) => [m.to, m.needsReason])).toEqual([
      ['under_review', false],
      ['open', true],
    ]);

    // Back to open without a reason: nothing is sent, the pane says what is missing.
    await hr.actions.moveStage('open');
    await hr.controller.idle();
    expect(hr.state().notice?.vi).toBe('Chuyển trở lại giai đoạn trước cần ghi lý do.');
    expect(hr.state().stage?.stage).toBe('closed');
    await hr.actions.moveStage('open', 'Gia hạn đến 15/10/2025');
    await hr.controller.idle();
    expect(hr.state().stage?.stage).toBe('open');
  });

  it('a stale campaign shows the API’s refusal and keeps the stage the pane read', async () => {
    const server = await freshPaneServer(api);
    const hr = await openPane({ server, email: HR });
    await moveCampaignTo(api, 'closed', server.campaignId); // another HR moved it meanwhile
    await hr.actions.moveStage('closed');
    await hr.controller.idle();
    expect(hr.state().error?.vi).toContain('vừa được người khác chuyển giai đoạn');
    expect(hr.state().stage?.stage).toBe('open');
  });

  it('tells a unit clerk and a viewer what they may do, and offers them no move', async () => {
    const server = await freshPaneServer(api);
    const clerk = await openPane({ server, email: unitClerk('kinh-te') });
    expect(clerk.state().stage?.mayNow.vi).toBe('Bạn có thể: lập, sửa và gửi hồ sơ đề nghị của đơn vị.');
    expect(clerk.state().stage?.moves).toEqual([]);
    const viewer = await openPane({ server, email: VIEWER });
    expect(viewer.state().stage?.mayNow).toEqual({ vi: 'Ở giai đoạn này bạn chỉ xem.', en: 'In this stage you can only read.' });
    await moveCampaignTo(api, 'closed', server.campaignId);
    const late = await openPane({ server, email: unitClerk('kinh-te') });
    expect(late.state().stage?.mayNow.en).toBe('You may: send a late dossier (flagged as late).');
  });
});
