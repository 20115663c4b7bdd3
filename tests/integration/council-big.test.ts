import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRows } from '#bench/rows';
import type { Campaign } from '#shared/campaign';
import { encodeBallots } from '#shared/council/ballot-codec';
import type { Ballot } from '#shared/council/round';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { requestCounter } from '#functions/store/client';
import { sleep } from '#functions/store/retry';
import { startTestApi, type TestApi } from '#tests/support/api';
import { crashAfterTransactions } from '#tests/support/faults';
import { ADMIN, HR, SECRETARY } from '#tests/support/rows';
import { moveCampaignTo } from '#tests/support/stage';

/**
 * Rounds of hundreds of candidates (issue 13) through the API, on DynamoDB Local: a round of 500
 * candidates and 2,000 ballots sent in parts, confirmed in several transactions (shared/council/round-steps.ts) while
 * HR races it for the last place, cut short and finished by asking again, asked twice at once, and
 * annulled the same way. The campaign's council has 200 members, 2,000 taking part (1,000 present,
 * 1,000 in writing, as the schema allows), and a candidate passes with more than 100 votes: the first
 * 100 candidates get 160 votes each, the others 5, so the 100 places go to exactly those 100.
 */
let api: TestApi;
const tokens = { admin: '', hr: '', secretary: '' };
beforeAll(async () => {
  api = await startTestApi();
  tokens.admin = await api.tokenFor(ADMIN);
  tokens.hr = await api.tokenFor(HR);
  tokens.secretary = await api.tokenFor(SECRETARY);
});
afterAll(() => api?.close());

const GK = 'GIAY_KHEN_CVP';
const CANDIDATES = 500;
const PLACES = 100;
const BALLOTS = 2000;
const ATTENDANCE = { present: 1000, writtenVotes: 1000 };

function campaignOf(id: string): Campaign {
  const members = Array.from(
    { length: 200 },
    (_, i) => SEED_CAMPAIGN.council.members[i] ?? { name: `Thành viên ${i + 1}`, role: 'Ủy viên' },
  );
  return {
    ...SEED_CAMPAIGN,
    id,
    quotaRules: SEED_CAMPAIGN.quotaRules.map((rule) => (rule.awardForm === GK ? { ...rule, max: PLACES } : rule)),
    council: { ...SEED_CAMPAIGN.council, members },
  };
}

const rounds = (campaignId: string) => `/campaigns/${campaignId}/rounds`;
const confirm = (campaignId: string, n: string, body: object = {}) =>
  api.request('POST', `${rounds(campaignId)}/${n}/confirm`, { token: tokens.secretary, body });

type Row = { id: string; version: number; status: string; awardForm: string; councilLock?: string };
async function nominations(campaignId: string): Promise<Map<string, Row>> {
  const list = await api.request('GET', `/campaigns/${campaignId}/nominations`, { token: tokens.hr });
  return new Map((list.body.items as Row[]).map((n) => [n.id, n]));
}

async function placesUsed(campaignId: string) {
  const report = await api.request('GET', `/campaigns/${campaignId}/validation`, { token: tokens.hr });
  return (report.body.quotaUsage as { awardForm: string; used: number }[]).find((u) => u.awardForm === GK)!.used;
}

async function auditActions(campaignId: string, action: string) {
  const log = await api.request('GET', `/campaigns/${campaignId}/audit?limit=100`, { token: tokens.admin });
  return (log.body.entries as { action: string }[]).filter((e) => e.action === action).length;
}

/** 2,000 ballots of nine marks: eight over the first 100 candidates in turn (160 votes each), one over the other 400 (5 each). */
function ballotsFor(ids: readonly string[]): Ballot[] {
  return Array.from({ length: BALLOTS }, (_, b) => {
    const marks: Record<string, string> = {};
    for (let j = 0; j < 8; j += 1) marks[ids[(8 * b + j) % PLACES]!] = 'x';
    marks[ids[PLACES + (b % (CANDIDATES - PLACES))]!] = 'x';
    return { number: b + 1, marks };
  });
}

/**
 * A round of 500 candidates, 2,000 ballots, tallied: it selects the first 100 for the 100 places. For
 * the race, it is the campaign's second round: y, selected by a first one, was deleted, its place free
 * again for HR to take back by restoring it.
 */
async function talliedBigRound(campaignId: string, race = false) {
  const created = await api.request('POST', '/campaigns', { token: tokens.admin, body: campaignOf(campaignId) });
  expect(created.status, created.text).toBe(201);
  await moveCampaignTo(api, 'under_review', campaignId);
  const save = async (count: number, seed: number) => {
    const rows = makeRows(count, seed).map((row) => ({ ...row, status: 'eligible' as const, awardForm: GK }));
    const saved = await api.request('POST', `/campaigns/${campaignId}/nominations/batch`, { token: tokens.hr, body: { rows } });
    expect(saved.body.summary, saved.text).toMatchObject({ saved: count });
    return (saved.body.rows as { id: string }[]).map((r) => r.id);
  };
  const y = race ? await deletedSelection(campaignId, (count) => save(count, 1)) : undefined;
  await save(CANDIDATES, 2);
  const opened = await api.request('POST', rounds(campaignId), { token: tokens.secretary, body: { attendance: ATTENDANCE } });
  expect(opened.status, opened.text).toBe(201);
  const n = opened.body.id as string;
  expect(opened.body.forms).toEqual([{ awardForm: GK, places: PLACES }]);
  const ids = (opened.body.candidates as { nominationId: string }[]).map((c) => c.nominationId);
  expect(ids).toHaveLength(CANDIDATES);
  await submitInParts(`${rounds(campaignId)}/${n}`, ids, ballotsFor(ids));
  const tallied = await api.request('POST', `${rounds(campaignId)}/${n}/tally`, { token: tokens.secretary });
  expect(tallied.body.result.forms[0].selected).toHaveLength(PLACES);
  expect(new Set(tallied.body.result.forms[0].selected)).toEqual(new Set(ids.slice(0, PLACES)));
  return { y, n, ids, version: tallied.body.version as number };
}

/** The ballots sent as the pane sends them: compact, in parts of 500 (POST …/ballot-uploads, its parts, complete). */
async function submitInParts(round: string, ids: readonly string[], ballots: readonly Ballot[]) {
  const token = tokens.secretary;
  const compact = encodeBallots(ballots, ids, 'x').ballots;
  const parts = Math.ceil(compact.length / 500);
  const created = await api.request('POST', `${round}/ballot-uploads`, { token, body: { ballots: compact.length, parts, mark: 'x' } });
  expect(created.status, created.text).toBe(201);
  const upload = `${round}/ballot-uploads/${created.body.uploadId as string}`;
  for (let k = 0; k < parts; k += 1) {
    const body = { first: k * 500, ballots: compact.slice(k * 500, (k + 1) * 500) };
    expect((await api.request('PUT', `${upload}/parts/${k}`, { token, body })).status).toBe(200);
  }
  const done = await api.request('POST', `${upload}/complete`, { token });
  expect(done.status, done.text).toBe(200);
  expect(done.body.ballotCount).toBe(ballots.length);
}

/** A first round selects y, then HR deletes it: the campaign's one place taken and given back. */
async function deletedSelection(campaignId: string, save: (count: number) => Promise<string[]>): Promise<string> {
  const [y] = await save(1);
  const first = await api.request('POST', rounds(campaignId), { token: tokens.secretary, body: { attendance: ATTENDANCE } });
  expect(first.status, first.text).toBe(201);
  const yBallots = Array.from({ length: 150 }, (_, i) => ({ number: i + 1, marks: { [y!]: 'x' } }));
  await api.request('PUT', `${rounds(campaignId)}/1/ballots`, { token: tokens.secretary, body: { ballots: yBallots } });
  await api.request('POST', `${rounds(campaignId)}/1/tally`, { token: tokens.secretary });
  expect((await confirm(campaignId, '1')).status).toBe(200);
  const selected = (await nominations(campaignId)).get(y!)!;
  const deleted = await api.request('DELETE', `/campaigns/${campaignId}/nominations/${y}?version=${selected.version}`, {
    token: tokens.hr,
  });
  expect(deleted.status, deleted.text).toBe(200);
  return y!;
}

/** Everything a finished confirmation leaves: the first 100 selected, the other 400 not, no lock left, the cap exactly filled. */
async function expectConfirmed(campaignId: string, n: string, ids: readonly string[]) {
  const all = await nominations(campaignId);
  const statuses = ids.map((id) => all.get(id)!.status);
  expect(statuses.slice(0, PLACES).every((s) => s === 'selected')).toBe(true);
  expect(statuses.slice(PLACES).every((s) => s === 'not_selected')).toBe(true);
  expect([...all.values()].filter((n) => n.councilLock)).toEqual([]);
  expect(await placesUsed(campaignId)).toBe(PLACES);
  const round = await api.request('GET', `${rounds(campaignId)}/${n}`, { token: tokens.secretary });
  expect(round.body).toMatchObject({ status: 'confirmed', decisions: expect.any(Array) });
  expect(round.body.progress).toBeUndefined();
  expect(round.body.decisions).toHaveLength(CANDIDATES);
  // One confirmation entry per round confirmed (the race's first round has its own).
  expect(await auditActions(campaignId, 'round.confirm')).toBe(Number(n));
}

// Each test makes a campaign of 500 nominations and 2,000 ballots: ~10 s on a quiet machine, several times that under load.
describe('a round of 500 candidates and 2,000 ballots, confirmed in several transactions', { timeout: 120_000 }, () => {
  it('races HR for the last place: exactly one wins, the cap holds, nothing is left half-written', async () => {
    const campaignId = 'council-big-race';
    const { y, n, ids } = await talliedBigRound(campaignId, true);
    const restore = () => api.request('POST', `/campaigns/${campaignId}/nominations/${y!}/restore`, { token: tokens.hr });

    const before = requestCounter.count;
    const [confirmation, hrRestore] = await Promise.all([confirm(campaignId, n), sleep(30).then(restore)]);
    const requests = requestCounter.count - before;
    const outcome = JSON.stringify({ confirmation: confirmation.body, hr: hrRestore.body }).slice(0, 2000);
    expect(
      [confirmation.status, hrRestore.status].filter((s) => s === 200),
      outcome,
    ).toHaveLength(1);
    if (confirmation.status === 200) {
      expect(hrRestore.body.code).toBe('QUOTA_EXCEEDED');
      await expectConfirmed(campaignId, n, ids);
      // 500 decisions: a reserve, 6 lock and 6 apply steps, their reads (the restore's few besides).
      expect(requests).toBeLessThan(40);
    } else {
      expect(confirmation.body.code).toBe('QUOTA_EXCEEDED');
      const all = await nominations(campaignId);
      expect(ids.every((id) => all.get(id)!.status === 'eligible' && !all.get(id)!.councilLock)).toBe(true);
      expect(all.get(y!)!.status).toBe('selected');
      expect(await placesUsed(campaignId)).toBe(1);
      const round = await api.request('GET', `${rounds(campaignId)}/${n}`, { token: tokens.secretary });
      expect(round.body.status).toBe('tallied');
    }
  });

  it('cut short after its third transaction: the round shows it, HR cannot change a locked candidate, asking again finishes it', async () => {
    const campaignId = 'council-big-resume';
    const { n, ids, version } = await talliedBigRound(campaignId);
    const crash = crashAfterTransactions(3);
    const cut = await confirm(campaignId, n, { version });
    crash.remove();
    expect(cut.status).toBe(500);

    const round = await api.request('GET', `${rounds(campaignId)}/${n}`, { token: tokens.secretary });
    expect(round.body).toMatchObject({ status: 'confirming', progress: { action: 'confirm', done: 3, total: 13 } });
    const list = await api.request('GET', rounds(campaignId), { token: tokens.hr });
    expect(list.body.items.find((r: { id: string }) => r.id === n)).toMatchObject({ status: 'confirming', progress: { done: 3 } });
    // The first 194 candidates are locked: HR's save of one is refused in its row, its deletion with a code.
    const locked = (await nominations(campaignId)).get(ids[0]!)!;
    expect(locked).toMatchObject({ status: 'eligible', councilLock: n });
    const row = makeRows(1, 2).map((r) => ({
      ...r,
      id: locked.id,
      version: locked.version,
      status: 'returned' as const,
      returnReason: 'Thiếu hồ sơ',
    }));
    const saved = await api.request('POST', `/campaigns/${campaignId}/nominations/batch`, { token: tokens.hr, body: { rows: row } });
    expect(saved.body.rows[0]).toMatchObject({ outcome: 'refused', refusal: { code: 'NOMINATION_BEING_DECIDED' } });
    expect(saved.body.rows[0].refusal.message.vi).toContain(`vòng bỏ phiếu ${n}`);
    // The places were reserved first, on the counters a save reads: HR cannot take one meanwhile.
    expect(saved.body.quotaUsage.find((u: { awardForm: string }) => u.awardForm === GK)).toMatchObject({ used: PLACES, max: PLACES });
    const deleted = await api.request('DELETE', `/campaigns/${campaignId}/nominations/${locked.id}?version=${locked.version}`, {
      token: tokens.hr,
    });
    expect(deleted.status).toBe(409);
    expect(deleted.body.code).toBe('NOMINATION_BEING_DECIDED');
    // The quota rules stay as they are meanwhile: new ones would count the counters afresh.
    const current = await api.request('GET', `/campaigns/${campaignId}`, { token: tokens.admin });
    const { version: campaignVersion, updatedAt: _at, stage: _stage, ...plan } = current.body;
    const quotaRules = plan.quotaRules.map((rule: { max: number }) => ({ ...rule, max: rule.max + 1 }));
    const change = await api.request('PUT', `/campaigns/${campaignId}`, {
      token: tokens.admin,
      body: { campaign: { ...plan, quotaRules }, version: campaignVersion },
    });
    expect([change.status, change.body.code]).toEqual([409, 'ROUND_CONFIRMING']);
    // And the campaign stays under review, where the round can be finished.
    const moved = await api.request('POST', `/campaigns/${campaignId}/stage`, {
      token: tokens.admin,
      body: { to: 'decided', version: campaignVersion },
    });
    expect([moved.status, moved.body.code]).toEqual([409, 'ROUND_CONFIRMING']);
    // Ballots and tally wait for it.
    const ballots = await api.request('PUT', `${rounds(campaignId)}/${n}/ballots`, { token: tokens.secretary, body: { ballots: [] } });
    expect(ballots.body.code).toBe('ROUND_CONFIRMING');

    // The same request again (the version it read) finishes it.
    const finished = await confirm(campaignId, n, { version });
    expect(finished.status, finished.text).toBe(200);
    expect(finished.body.status).toBe('confirmed');
    await expectConfirmed(campaignId, n, ids);
  });

  it('asked twice at once: one set of decisions, written once', async () => {
    const campaignId = 'council-big-twice';
    const { n, ids, version } = await talliedBigRound(campaignId);
    const answers = await Promise.all([confirm(campaignId, n, { version }), confirm(campaignId, n, { version })]);
    const statuses = answers.map((a) => a.status);
    expect(statuses, JSON.stringify(answers.map((a) => a.body)).slice(0, 2000)).toContain(200);
    for (const answer of answers) if (answer.status !== 200) expect(answer.body.code).toBe('ROUND_CONFIRMED');
    await expectConfirmed(campaignId, n, ids);

    // Annulled the same way: cut short, shown as annulling, finished by annulling again; every place back.
    const confirmed = await api.request('GET', `${rounds(campaignId)}/${n}`, { token: tokens.admin });
    const crash = crashAfterTransactions(4);
    const body = { reason: 'Biên bản kiểm phiếu ghi sai số phiếu', version: confirmed.body.version };
    const cut = await api.request('POST', `${rounds(campaignId)}/${n}/annul`, { token: tokens.admin, body });
    crash.remove();
    expect(cut.status).toBe(500);
    const annulling = await api.request('GET', `${rounds(campaignId)}/${n}`, { token: tokens.admin });
    expect(annulling.body).toMatchObject({ status: 'annulling', progress: { action: 'annul', done: 4, total: 13 } });
    // Nothing given back yet: the places still count until no nomination holds them.
    expect(await placesUsed(campaignId)).toBe(PLACES);
    const annulled = await api.request('POST', `${rounds(campaignId)}/${n}/annul`, { token: tokens.admin, body });
    expect(annulled.status, annulled.text).toBe(200);
    expect(annulled.body).toMatchObject({ status: 'annulled', annulment: { reason: body.reason } });
    const all = await nominations(campaignId);
    expect(ids.every((id) => all.get(id)!.status === 'eligible' && !all.get(id)!.councilLock)).toBe(true);
    expect(await placesUsed(campaignId)).toBe(0);
    expect(await auditActions(campaignId, 'round.annul')).toBe(1);
  });
});
