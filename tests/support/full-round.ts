import { expect } from 'vitest';
import type { NominationChange } from '#shared/nomination';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import type { TestApi } from '#tests/support/api';
import { ADMIN, HR, SECRETARY } from '#tests/support/rows';
import { moveCampaignTo } from '#tests/support/stage';

/**
 * A campaign of the seed's plan whose council has decided: the Giấy khen given `places` places, the
 * rows saved eligible by HR, one round whose nine ballots all mark the first `chosen` rows, tallied
 * and confirmed by the secretary. Returns the saved rows' ids in the order given.
 */
export async function campaignAfterFullRound(
  api: Pick<TestApi, 'tokenFor' | 'request'>,
  id: string,
  rows: readonly NominationChange[],
  options: { chosen: number; places?: number },
): Promise<string[]> {
  const [admin, hr, secretary] = await Promise.all([ADMIN, HR, SECRETARY].map((email) => api.tokenFor(email)));
  const places = options.places ?? 3;
  const quotaRules = SEED_CAMPAIGN.quotaRules.map((rule) => (rule.awardForm === 'GIAY_KHEN_CVP' ? { ...rule, max: places } : rule));
  const created = await api.request('POST', '/campaigns', { token: admin, body: { ...SEED_CAMPAIGN, id, quotaRules } });
  expect(created.status, created.text).toBe(201);
  await moveCampaignTo(api, 'under_review', id);
  const saved = await api.request('POST', `/campaigns/${id}/nominations/batch`, { token: hr, body: { rows } });
  expect(saved.status, saved.text).toBe(200);
  const ids = (saved.body.rows as { id: string }[]).map((r) => r.id);
  const marks = Object.fromEntries(ids.slice(0, options.chosen).map((nominationId) => [nominationId, 'x']));
  const rounds = `/campaigns/${id}/rounds`;
  const opened = await api.request('POST', rounds, { token: secretary, body: { attendance: { present: 9, writtenVotes: 0 } } });
  const ballots = [...Array(9).keys()].map((i) => ({ number: i + 1, marks }));
  await api.request('PUT', `${rounds}/${opened.body.id}/ballots`, { token: secretary, body: { ballots } });
  const { body: tallied } = await api.request('POST', `${rounds}/${opened.body.id}/tally`, { token: secretary });
  const confirmed = await api.request('POST', `${rounds}/${opened.body.id}/confirm`, {
    token: secretary,
    body: { version: tallied.version },
  });
  expect(confirmed.status, confirmed.text).toBe(200);
  return ids;
}
