import { beforeAll, describe, expect, it } from 'vitest';
import type { CampaignStatistics, YearlyStatistics } from '#shared/api/statistics';
import { DEMO_UNITS } from '#shared/seed/demo-office';
import { requestCounter } from '#functions/store/client';
import { useTestApi } from '#tests/support/api';
import { campaignAfterFullRound } from '#tests/support/full-round';
import { nominateCollective } from '#tests/support/nomination';
import { BATCH, CAMPAIGN_ID, HR, row, staffOf, unitClerk, VIEWER } from '#tests/support/rows';

/**
 * Issue 11, section 3: the statistics of a campaign and of a year, through the real handlers over
 * DynamoDB Local. A campaign whose council chose two of three and whose decision was issued (awards),
 * and the seed campaign with rows still held by their units (what a clerk may count).
 */
const api = useTestApi();
const decided = `thong-ke-${Date.now().toString(36)}`;
const [a, b] = staffOf('kinh-te');
const [c] = staffOf('tong-hop');
const token = { hr: '', viewer: '', clerk: '' };

const statistics = (campaign: string, as: string) =>
  api.request<CampaignStatistics & { code?: string }>('GET', `/campaigns/${campaign}/statistics`, { token: as });
const yearly = (year: string, as: string) =>
  api.request<YearlyStatistics & { code?: string; message?: { vi: string } }>('GET', `/statistics/yearly?year=${year}`, { token: as });

beforeAll(async () => {
  token.hr = await api.tokenFor(HR);
  token.viewer = await api.tokenFor(VIEWER);
  token.clerk = await api.tokenFor(unitClerk('kinh-te'));
  // The collective and a are selected, b is not; the Quyết định then awards the two selected.
  const rows = [nominateCollective('tong-hop', { status: 'eligible' }), row(a!, { status: 'eligible' }), row(b!, { status: 'eligible' })];
  await campaignAfterFullRound(api, decided, rows, { chosen: 2 });
  const drafted = await api.request('POST', `/campaigns/${decided}/documents/quyet-dinh`, {
    token: token.hr,
    body: { date: '2025-10-05' },
  });
  expect(drafted.status, drafted.text).toBe(200);
  const issued = await api.request('POST', `/campaigns/${decided}/documents/quyet-dinh/issue`, {
    token: token.hr,
    body: { version: drafted.body.record.version },
  });
  expect(issued.status, issued.text).toBe(200);
  // The seed campaign, open: a row each of two units, still submitted (their units hold them).
  const saved = await api.request('POST', BATCH, { token: token.hr, body: { rows: [row(a!), row(c!)] } });
  expect(saved.status, saved.text).toBe(200);
});

describe('GET /campaigns/{id}/statistics', () => {
  it('counts nominations and awards per unit, form, status, gender and kind, with the quota usage beside them', async () => {
    const answer = await statistics(decided, token.hr);
    expect(answer.status, answer.text).toBe(200);
    const figures = answer.body;
    expect(figures.unitId).toBeUndefined();
    expect(figures.totals).toEqual({ nominations: 3, awards: 2 });
    expect(figures.byNomineeKind).toEqual([
      { nomineeKind: 'collective', nominations: 1, awards: 1 },
      { nomineeKind: 'individual', nominations: 2, awards: 1 },
    ]);
    expect(figures.byStatus.filter((s) => s.count > 0)).toEqual([
      { status: 'not_selected', count: 1 },
      { status: 'awarded', count: 2 },
    ]);
    const names = (id: string) => DEMO_UNITS.find((unit) => unit.id === id)!.name;
    expect(figures.byUnit.map((u) => [u.name, u.nominations, u.awards])).toEqual(
      [
        [names('kinh-te'), 2, 1],
        [names('tong-hop'), 1, 1],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]), 'vi')),
    );
    expect(figures.byAwardForm.find((f) => f.awardForm === 'GIAY_KHEN_CVP')).toMatchObject({ nominations: 3, awards: 2 });
    // Gender from the Cán bộ registry, individuals only.
    const gender = (g: string) => figures.byGender.find((row) => row.gender === g)!;
    const expected = { female: 0, male: 0, unknown: 0 };
    for (const who of [a!, b!]) expected[who.gender ?? 'unknown'] += 1;
    expect([gender('female').nominations, gender('male').nominations, gender('unknown').nominations]).toEqual([
      expected.female,
      expected.male,
      expected.unknown,
    ]);
    expect(figures.quotaUsage.find((q) => q.awardForm === 'GIAY_KHEN_CVP')).toMatchObject({ max: 3, used: 2 });
  });

  it('limits a unit clerk to its own unit’s rows it still holds; the leaders see the whole campaign', async () => {
    const clerk = await statistics(CAMPAIGN_ID, token.clerk);
    expect(clerk.status, clerk.text).toBe(200);
    expect(clerk.body.unitId).toBe('kinh-te');
    expect(clerk.body.byUnit.map((u) => u.unitId)).toEqual(['kinh-te']);
    expect(clerk.body.totals.nominations).toBeGreaterThanOrEqual(1);
    const leaders = await statistics(CAMPAIGN_ID, token.viewer);
    expect(leaders.body.byUnit.map((u) => u.unitId).sort()).toEqual(['kinh-te', 'tong-hop']);
    // The decided campaign's rows left the unit's hands: the clerk counts none of them.
    expect((await statistics(decided, token.clerk)).body.totals).toEqual({ nominations: 0, awards: 0 });
  });

  it('reads the campaign in five DynamoDB requests, none per row: the user, the campaign, the nominations (one page here), the quota counters, one BatchGet of the registry', async () => {
    const before = requestCounter.count;
    expect((await statistics(decided, token.hr)).status).toBe(200);
    expect(requestCounter.count - before).toBe(5);
  });

  it('answers an unknown campaign with its code', async () => {
    const answer = await statistics('khong-co-dot-nay', token.hr);
    expect([answer.status, answer.body.code]).toEqual([404, 'CAMPAIGN_NOT_FOUND']);
  });
});

describe('GET /statistics/yearly', () => {
  it('sums the award forms of the campaigns ending in the year, per nominee kind', async () => {
    const answer = await yearly('2025', token.hr);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.campaigns.map((campaign) => campaign.id)).toEqual(expect.arrayContaining([decided, CAMPAIGN_ID]));
    const giayKhen = answer.body.forms.find((form) => form.awardForm === 'GIAY_KHEN_CVP')!;
    expect(giayKhen.collective.awards).toBe(1);
    expect(giayKhen.individual.awards).toBe(1);
    expect(giayKhen.individual.nominations).toBeGreaterThanOrEqual(4);
    expect((await yearly('2019', token.hr)).body).toMatchObject({ year: 2019, campaigns: [], forms: [] });
  });

  it('is refused to a unit clerk, and a year that is not one is a 400 with its code', async () => {
    const clerk = await yearly('2025', token.clerk);
    expect([clerk.status, clerk.body.code]).toEqual([403, 'FORBIDDEN']);
    const bad = await yearly('hai-nghin', token.hr);
    expect(bad.status).toBe(400);
    expect(bad.body.message?.vi.length).toBeGreaterThan(0);
  });
});
