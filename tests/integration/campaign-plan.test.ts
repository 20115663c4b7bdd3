import { describe, expect, it } from 'vitest';
import type { StoredCampaign } from '#shared/api/campaign';
import type { Campaign } from '#shared/campaign';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { deriveCampaign, fromTemplate, type TemplateKey } from '#shared/templates/index';
import { useTestApi, type TestResponse } from '#tests/support/api';
import { campaignAfterFullRound } from '#tests/support/full-round';
import { ADMIN, HR, row, staffOf, unitClerk } from '#tests/support/rows';

/**
 * The plan of a campaign as the "Kế hoạch" sheet saves it, over a real DynamoDB Local: new campaigns
 * from each template or as a copy, a save in conflict answered with the current version, and each
 * change refused because nominations stand in its way.
 */
const api = useTestApi();
const today = '2026-02-10';
const token = (email: string) => api.tokenFor(email);

const withoutServerFields = ({ version: _v, updatedAt: _u, ...campaign }: StoredCampaign): Campaign => campaign;

async function read(id: string): Promise<StoredCampaign> {
  const answer = await api.request<StoredCampaign>('GET', `/campaigns/${id}`, { token: await token(HR) });
  expect(answer.status).toBe(200);
  return answer.body;
}

async function put(current: StoredCampaign, change: (campaign: Campaign) => Campaign): Promise<TestResponse> {
  return api.request('PUT', `/campaigns/${current.id}`, {
    token: await token(ADMIN),
    body: { campaign: change(withoutServerFields(current)), version: current.version },
  });
}

function expectRefused(answer: TestResponse, code: string, named: RegExp) {
  expect(answer.status, answer.text.slice(0, 400)).toBe(409);
  expect(answer.body.code).toBe(code);
  expect(answer.body.message.vi).toMatch(named);
  expect(answer.body.message.en.length).toBeGreaterThan(0);
  expect(answer.body.details.refusals[0]).toMatchObject({ code, path: expect.any(Array), nominations: expect.any(Array) });
}

describe('a new campaign', () => {
  it.each<TemplateKey>(['special', 'annual'])('is created from the %s template, as built in shared', async (key) => {
    const campaign = fromTemplate(key, { id: `tu-mau-${key}`, title: `Đợt từ mẫu ${key}` }, today);
    const created = await api.request('POST', '/campaigns', { token: await token(ADMIN), body: campaign });
    expect(created.status, created.text.slice(0, 300)).toBe(201);
    expect(await read(campaign.id)).toMatchObject({ ...campaign, version: 1 });
  });

  it('is created as a copy of an earlier campaign, without its nominations', async () => {
    const source = 'nguon-ban-sao';
    await campaignAfterFullRound(api, source, [row(staffOf('tong-hop')[0]!, { status: 'eligible' })], { chosen: 1 });
    const copy = deriveCampaign(await read(source), { id: 'ban-sao-2026', title: 'Bản sao năm 2026' }, today);
    const created = await api.request('POST', '/campaigns', { token: await token(ADMIN), body: copy });
    expect(created.status, created.text.slice(0, 300)).toBe(201);
    expect(created.body).toMatchObject({ awardForms: SEED_CAMPAIGN.awardForms, period: { start: '2026-01-01', end: '2026-12-31' } });
    const rows = await api.request('GET', '/campaigns/ban-sao-2026/nominations', { token: await token(HR) });
    expect(rows.body.items).toEqual([]);
  });
});

describe('saving the plan', () => {
  it('answers a stale save with the current campaign, and overwrites at that version', async () => {
    const campaign = fromTemplate('annual', { id: 'xung-dot', title: 'Xung đột' }, today);
    await api.request('POST', '/campaigns', { token: await token(ADMIN), body: campaign });
    const first = await read('xung-dot');
    expect((await put(first, (c) => ({ ...c, theme: 'Của người thứ nhất' }))).status).toBe(200);
    const stale = await put(first, (c) => ({ ...c, theme: 'Của người thứ hai' }));
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { version: 2, current: { theme: 'Của người thứ nhất', version: 2 } },
    });
    // The pane's "overwrite": the same edit at the version the conflict answered.
    const overwrite = await put(stale.body.details.current, (c) => ({ ...c, theme: 'Của người thứ hai' }));
    expect(overwrite.body).toMatchObject({ theme: 'Của người thứ hai', version: 3 });
  });

  it('is refused to HR and a unit clerk', async () => {
    const current = await read('xung-dot');
    for (const email of [HR, unitClerk('tong-hop')]) {
      const answer = await api.request('PUT', '/campaigns/xung-dot', {
        token: await token(email),
        body: { campaign: withoutServerFields(current), version: current.version },
      });
      expect(answer.status).toBe(403);
    }
  });
});

describe('a change that would break what exists', () => {
  const id = 'co-de-nghi';
  const people = staffOf('tong-hop');
  const noGiayKhen = (c: Campaign): Campaign => ({
    ...c,
    awardForms: c.awardForms.filter((form) => form.code !== 'GIAY_KHEN_CVP'),
    quotaRules: c.quotaRules.filter((rule) => rule.awardForm !== 'GIAY_KHEN_CVP'),
  });

  it('is refused with the nominations in the way, each refusal by its code, and nothing is written', async () => {
    // Two rows for the Giấy khen, received 25/09/2025; the council selects the first (3 places).
    await campaignAfterFullRound(api, id, [row(people[0]!, { status: 'eligible' }), row(people[1]!, { status: 'eligible' })], {
      chosen: 1,
    });
    const current = await read(id);
    const name = new RegExp(people[0]!.fullName);

    expectRefused(await put(current, noGiayKhen), 'CAMPAIGN_FORM_IN_USE', name);
    expectRefused(
      await put(current, (c) => ({ ...c, dossierRequirements: c.dossierRequirements.slice(1) })),
      'CAMPAIGN_DOCUMENT_IN_USE',
      name,
    );
    const capped = await put(current, (c) => ({ ...c, quotaRules: c.quotaRules.map((rule) => ({ ...rule, max: 0 })) }));
    expectRefused(capped, 'CAMPAIGN_QUOTA_BELOW_SELECTED', name);
    expect(capped.body.details.refusals[0]).toMatchObject({
      path: ['quotaRules', 1, 'max'],
      count: 1,
      nominations: [{ nominee: expect.stringMatching(name) }],
    });
    const period = await put(current, (c) => ({
      ...c,
      period: { start: '2024-10-01', end: '2025-06-30' },
      submissionDeadline: '2025-06-30',
    }));
    expectRefused(period, 'CAMPAIGN_PERIOD_EXCLUDES_DATES', name);
    expect(await read(id)).toEqual(current);
  });

  it('lets through what breaks nothing: a cap at the number selected, a form no one uses, a wider period', async () => {
    const current = await read(id);
    const answer = await put(current, (c) => ({
      ...c,
      awardForms: c.awardForms.filter((form) => form.code !== 'BANG_KHEN_CT_UBND'),
      quotaRules: c.quotaRules.filter((rule) => rule.awardForm !== 'BANG_KHEN_CT_UBND').map((rule) => ({ ...rule, max: 1 })),
      period: { start: '2024-09-01', end: '2025-12-31' },
    }));
    expect(answer.status, answer.text.slice(0, 400)).toBe(200);
  });
});
