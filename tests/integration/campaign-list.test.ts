import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapLimit } from '#shared/async/map-limit';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { startTestApi, type TestApi, type TestResponse } from '#tests/support/api';
import { ADMIN, CAMPAIGN_ID, unitClerk } from '#tests/support/rows';

/**
 * GET /campaigns pages, and each item is a summary: through the API over a real DynamoDB Local, in a
 * table of this file's own holding exactly 30 campaigns (the seed's and 29 made here). A list of whole
 * campaigns passed Lambda's 6 MB answer at about 750 of them.
 */
let api: TestApi;
let admin: string;
let clerk: string;

const MADE = Array.from({ length: 29 }, (_, i) => `list-${String(i).padStart(2, '0')}`);
const ALL = [CAMPAIGN_ID, ...MADE].sort();
const SUMMARY_KEYS = ['id', 'issuer', 'period', 'stage', 'submissionDeadline', 'title', 'updatedAt', 'version'];

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.tokenFor(ADMIN);
  clerk = await api.tokenFor(unitClerk('kinh-te'));
  await mapLimit(MADE, 4, async (id) => {
    const made = await api.request('POST', '/campaigns', { token: admin, body: { ...SEED_CAMPAIGN, id, title: `Đợt ${id}` } });
    expect(made.status, made.text.slice(0, 300)).toBe(201);
  });
});
afterAll(() => api?.close());

const list = (query: string, token = clerk) => api.request('GET', `/campaigns${query}`, { token });

function expectRefusal(answer: TestResponse, status: number, code: string) {
  expect(answer.status, answer.text.slice(0, 400)).toBe(status);
  expect(answer.body.code).toBe(code);
  expect(answer.body.message.vi).toMatch(/\S/);
  expect(answer.body.message.en).toMatch(/\S/);
}

describe('GET /campaigns', () => {
  it('lists 30 campaigns at limit 10 in 3 pages, the last saying it is the last', async () => {
    const pages: TestResponse[] = [];
    let cursor: string | null = null;
    do {
      const answer = await list(`?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(answer.status, answer.text.slice(0, 300)).toBe(200);
      pages.push(answer);
      cursor = answer.body.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages.map((page) => page.body.items.length)).toEqual([10, 10, 10]);
    expect(pages.map((page) => page.body.nextCursor === null)).toEqual([false, false, true]);
    expect(pages.flatMap((page) => page.body.items.map((c: { id: string }) => c.id))).toEqual(ALL);
  });

  it('answers summaries: no forms, quotas, criteria nor council', async () => {
    const answer = await list('?limit=100');
    for (const item of answer.body.items) expect(Object.keys(item).sort()).toEqual(SUMMARY_KEYS);
    const seed = answer.body.items.find((c: { id: string }) => c.id === CAMPAIGN_ID);
    expect(seed).toEqual({
      id: CAMPAIGN_ID,
      title: SEED_CAMPAIGN.title,
      issuer: SEED_CAMPAIGN.issuer,
      period: SEED_CAMPAIGN.period,
      submissionDeadline: SEED_CAMPAIGN.submissionDeadline,
      stage: 'open',
      version: 1,
      updatedAt: expect.any(String),
    });
    // The whole plan is one campaign's read.
    const whole = await api.request('GET', `/campaigns/${CAMPAIGN_ID}`, { token: clerk });
    expect(whole.body.quotaRules).toEqual(SEED_CAMPAIGN.quotaRules);
    // A summary is a small part of a campaign: 100 of them stay far under Lambda's 6 MB.
    expect(JSON.stringify(seed).length * 10).toBeLessThan(whole.text.length);
  });

  it('pages 20 by default and at most 100', async () => {
    const first = await list('');
    expect(first.body.items).toHaveLength(20);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const rest = await list(`?cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(rest.body.items.map((c: { id: string }) => c.id)).toEqual(ALL.slice(20));
    expect(rest.body.nextCursor).toBeNull();
    const widest = await list('?limit=100');
    expect(widest.body.items).toHaveLength(30);
    expect(widest.body.nextCursor).toBeNull();
  });

  it.each([
    ['?limit=101', 'over the largest page'],
    ['?limit=0', 'an empty page'],
    ['?limit=ten', 'a limit that is not a number'],
    ['?cursor=not-a-cursor', 'a cursor the list never gave'],
    ['?page=2', 'a parameter the list does not take'],
  ])('refuses %s (%s) with 400 VALIDATION_FAILED', async (query) => {
    expectRefusal(await list(query), 400, 'VALIDATION_FAILED');
  });

  it("refuses a cursor of another list's partition (a campaign's nominations)", async () => {
    const theirs = Buffer.from(JSON.stringify({ PK: `CAMPAIGN#${CAMPAIGN_ID}`, SK: 'NOM#n1' })).toString('base64url');
    expectRefusal(await list(`?cursor=${theirs}`), 400, 'VALIDATION_FAILED');
  });
});
