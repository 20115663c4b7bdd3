import { describe, expect, it } from 'vitest';
import { confirmRoundMarking } from '#tests/support/documents';
import { useTestApi } from '#tests/support/api';
import { freshPaneServer, type PaneServer } from '#tests/support/pane-api';
import { SECRETARY, unitClerk } from '#tests/support/rows';
import { moveCampaignTo } from '#tests/support/stage';
import { fields, staffOf } from './fixtures';
import { FakeOrgSheets } from './fake-org-sheets';
import { HR, openPane } from './harness';

// The real API over DynamoDB Local; the sheets are the pane's doubles.
const api = useTestApi();
const [an, binh, cuong] = staffOf('kinh-te');
const BANG_KHEN = 'BANG_KHEN_CT_UBND';

async function pane(server: PaneServer, email: string) {
  const { controller } = await openPane({ server, email, deps: { orgSheets: new FakeOrgSheets() } });
  await controller.actions.openSheet();
  return { controller, register: controller.actions.register!, state: () => controller.getState() };
}

/** The council selects one for the Bằng khen (its one place) and one for the office's own Giấy khen; one stays eligible. */
async function selectedByTheCouncil(server: PaneServer) {
  await moveCampaignTo(api, 'under_review', server.campaignId);
  const a = await server.put(fields(an!.id, { awardForm: BANG_KHEN, status: 'eligible' }), HR);
  const b = await server.put(fields(binh!.id, { awardForm: BANG_KHEN, status: 'eligible' }), HR);
  const c = await server.put(fields(cuong!.id, { awardForm: 'GIAY_KHEN_CVP', status: 'eligible' }), HR);
  await confirmRoundMarking(api, server.campaignId, await api.tokenFor(SECRETARY), [a.id, c.id]);
  return { a, b, c };
}

const draft = (ids: string[], date = '20/11/2025') => ({
  awardForm: BANG_KHEN,
  number: '2468/QĐ-UBND',
  date,
  signer: 'Chủ tịch UBND tỉnh',
  nominationIds: ids,
});
const decisionRequests = (server: PaneServer) => server.log.filter((entry) => entry.path.endsWith('/decisions'));

describe('"Ghi quyết định của cấp trên" in the pane', () => {
  it('offers the forms the Province decides and the nominations selected for them, from the load alone', async () => {
    const server = await freshPaneServer(api);
    const { a } = await selectedByTheCouncil(server);
    const hr = await pane(server, HR);
    const choices = hr.state().decisionChoices!;
    expect(choices.campaignId).toBe(server.campaignId);
    expect(choices.forms.map((f) => f.code)).toEqual([BANG_KHEN]);
    expect(choices.nominations).toEqual([{ id: a.id, label: an!.fullName, awardForm: BANG_KHEN }]);
  });

  it('says what to put right before sending: a date not dd/MM/yyyy, nothing ticked, more than the route takes', async () => {
    const server = await freshPaneServer(api);
    const { a } = await selectedByTheCouncil(server);
    const hr = await pane(server, HR);
    await hr.register.recordDecision(draft([a.id], '2025-11-20'));
    expect(hr.state().notice?.vi).toBe('Ngày quyết định "2025-11-20" không phải ngày dd/MM/yyyy: hãy nhập lại, ví dụ 20/11/2025.');
    await hr.register.recordDecision(draft([a.id], '31/02/2025'));
    expect(hr.state().notice?.en).toContain('"31/02/2025" is not a dd/MM/yyyy date');
    await hr.register.recordDecision(draft([]));
    expect(hr.state().notice?.vi).toBe('Hãy đánh dấu ít nhất một người hoặc tập thể được khen thưởng.');
    await hr.register.recordDecision(draft(Array.from({ length: 91 }, (_, i) => `n${i}`)));
    expect(hr.state().notice?.vi).toBe(
      'Đã chọn 91 hồ sơ, một lần ghi tối đa 90: hãy ghi quyết định thành nhiều lần, mỗi lần không quá 90 hồ sơ.',
    );
    expect(decisionRequests(server)).toEqual([]);
  });

  it('records the ticked nominations as awarded with an Idempotency-Key, reloads the sheet, and shows a refusal in vi and en', async () => {
    const server = await freshPaneServer(api);
    const { a, b, c } = await selectedByTheCouncil(server);
    const hr = await pane(server, HR);
    const loads = server.log.filter((entry) => entry.method === 'GET' && entry.path.endsWith('/nominations')).length;

    await hr.register.recordDecision(draft([a.id]));
    expect(hr.state().error).toBeUndefined();
    expect(hr.state().notice?.vi).toBe('Đã ghi quyết định số 2468/QĐ-UBND: 1 tập thể, cá nhân chuyển sang "Đã khen thưởng".');
    expect(decisionRequests(server)).toHaveLength(1);
    expect(decisionRequests(server)[0]!.key).toMatch(/\S{8,}/);
    expect((await server.nomination(a.id))?.status).toBe('awarded');
    expect((await server.nomination(b.id))?.status).toBe('not_selected');
    // The sheet was reloaded: the awarded one is no longer offered.
    expect(server.log.filter((entry) => entry.method === 'GET' && entry.path.endsWith('/nominations')).length).toBeGreaterThan(loads);
    expect(hr.state().decisionChoices?.nominations).toEqual([]);

    await hr.register.recordDecision(draft([a.id, b.id]));
    expect(hr.state().error?.vi).toContain('chưa được Hội đồng chọn cho hình thức khen thưởng này');
    expect(hr.state().error?.en).toContain('not selected by the council for this award form');
    await hr.register.recordDecision({ ...draft([c.id]), awardForm: 'GIAY_KHEN_CVP' });
    expect(hr.state().error?.vi).toContain('do Văn phòng ban hành');
    expect((await server.nomination(c.id))?.status).toBe('selected');
  });

  it('is neither offered nor sent for a unit clerk', async () => {
    const server = await freshPaneServer(api);
    const { a } = await selectedByTheCouncil(server);
    const clerk = await pane(server, unitClerk('kinh-te'));
    await clerk.register.recordDecision(draft([a.id]));
    expect(decisionRequests(server)).toEqual([]);
    expect((await server.nomination(a.id))?.status).toBe('selected');
  });
});
