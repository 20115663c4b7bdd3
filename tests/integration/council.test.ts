import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '#shared/campaign';
import type { Ballot } from '#shared/council/round';
import type { NominationChange } from '#shared/nomination';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_PEOPLE } from '#shared/seed/demo-office';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { sleep } from '#functions/store/retry';
import { keys } from '#functions/store/keys';
import { roundFromItem, roundToItem } from '#functions/store/round-store';
import { startTestApi, type TestApi } from '#tests/support/api';
import { ADMIN, HR, row, SECRETARY, staffOf, unitClerk, VIEWER } from '#tests/support/rows';
import { moveCampaignTo } from '#tests/support/stage';

/**
 * The council's vote through the API, on DynamoDB Local: a round opened from the eligible nominations,
 * its numbered ballots, the tally by the council's rules, and the confirmation that writes the
 * selections onto the nominations within the quotas. Every scenario runs in a campaign of its own, so
 * that no other test holds its places. The seed's council: 9 members, quorum 2/3 (6), a candidate
 * passes with more than 50% of all members (5 votes), mark "x".
 */
let api: TestApi;
const tokens = { admin: '', hr: '', secretary: '', viewer: '', unit: '' };
beforeAll(async () => {
  api = await startTestApi();
  tokens.admin = await api.tokenFor(ADMIN);
  tokens.hr = await api.tokenFor(HR);
  tokens.secretary = await api.tokenFor(SECRETARY);
  tokens.viewer = await api.tokenFor(VIEWER);
  tokens.unit = await api.tokenFor(unitClerk('tong-hop'));
});
afterAll(() => api?.close());

const GK = 'GIAY_KHEN_CVP';
const BK = 'BANG_KHEN_CT_UBND';
const FULL_ATTENDANCE = { present: 8, writtenVotes: 1 };

async function freshCampaign(id: string, change: (campaign: Campaign) => Campaign = (c) => c): Promise<string> {
  const created = await api.request('POST', '/campaigns', { token: tokens.admin, body: change({ ...SEED_CAMPAIGN, id }) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  await moveCampaignTo(api, 'under_review', id);
  return id;
}

const withGiayKhenPlaces =
  (max: number) =>
  (campaign: Campaign): Campaign => ({
    ...campaign,
    quotaRules: campaign.quotaRules.map((rule) => (rule.awardForm === GK ? { ...rule, max } : rule)),
  });

/** HR saves the rows (new ones straight to eligible, as HR may); returns their ids and versions in order. */
async function save(campaignId: string, rows: NominationChange[], token = tokens.hr) {
  const answer = await api.request('POST', `/campaigns/${campaignId}/nominations/batch`, { token, body: { rows } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.rows as { id: string; version: number; outcome: string; status: string; refusal?: { message: { vi: string } } }[];
}

async function eligible(campaignId: string, people: { id: string; awardForm: string }[]) {
  const rows = await save(
    campaignId,
    people.map((p) => row(p.id, { awardForm: p.awardForm, status: 'eligible' })),
  );
  expect(rows.map((r) => r.outcome)).toEqual(people.map(() => 'saved'));
  return rows.map((r) => r.id);
}

async function nominations(campaignId: string) {
  const list = await api.request('GET', `/campaigns/${campaignId}/nominations`, { token: tokens.hr });
  return new Map((list.body.items as { id: string; status: string; version: number; awardForm: string }[]).map((n) => [n.id, n]));
}

const statusOf = async (campaignId: string, ids: string[]) => {
  const all = await nominations(campaignId);
  return ids.map((id) => all.get(id)?.status);
};

/** `ballots([a, b], [a], [])`: one ballot per list, numbered from 1, marking those nominations "x". */
const ballots = (...votes: string[][]): Ballot[] =>
  votes.map((ids, i) => ({ number: i + 1, marks: Object.fromEntries(ids.map((id) => [id, 'x'])) }));
const times = (n: number, ids: string[]) => Array.from({ length: n }, () => ids);

const rounds = (campaignId: string) => `/campaigns/${campaignId}/rounds`;
const open = (campaignId: string, body: object = { attendance: FULL_ATTENDANCE }, token = tokens.secretary) =>
  api.request('POST', rounds(campaignId), { token, body });
const submit = (campaignId: string, roundId: string, list: Ballot[], extra: object = {}, token = tokens.secretary) =>
  api.request('PUT', `${rounds(campaignId)}/${roundId}/ballots`, { token, body: { ballots: list, ...extra } });
const tallyOf = (campaignId: string, roundId: string, token = tokens.secretary) =>
  api.request('POST', `${rounds(campaignId)}/${roundId}/tally`, { token });
const confirm = (campaignId: string, roundId: string, body?: object, token = tokens.secretary) =>
  api.request('POST', `${rounds(campaignId)}/${roundId}/confirm`, { token, ...(body ? { body } : {}) });

async function quotaOf(campaignId: string, awardForm: string) {
  const report = await api.request('GET', `/campaigns/${campaignId}/validation`, { token: tokens.hr });
  expect(report.body.issues.filter((i: { code: string }) => i.code === 'QUOTA_EXCEEDED')).toEqual([]);
  return (report.body.quotaUsage as { awardForm: string; used: number; max: number }[]).find((u) => u.awardForm === awardForm)!;
}

const personName = (id: string) => DEMO_PEOPLE.find((p) => p.id === id)!.fullName;

/** The ballots' parts as stored: their sizes, and the ballotsVersion each belongs to. */
async function ballotParts(campaignId: string, roundNumber: number) {
  const answer = await api.doc.send(
    new QueryCommand({
      TableName: api.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': `CAMPAIGN#${campaignId}`, ':prefix': `ROUND#${String(roundNumber).padStart(4, '0')}#BALLOTS#` },
      ConsistentRead: true,
    }),
  );
  return (answer.Items ?? []).map((item) => ({ bytes: (item.data as Uint8Array).length, ballotsVersion: item.ballotsVersion as number }));
}

describe('a full round, from the eligible nominations to a confirmed selection', () => {
  it('opens, takes ballots (a resubmission replaces them, recorded), tallies, confirms within the quotas', async () => {
    const campaignId = await freshCampaign('council-full');
    let [a1, a2] = staffOf('tong-hop');
    let [b1, b2] = staffOf('kinh-te');
    // Named so that the ballot's order (form, unit, name) is gk1 before gk2, bk1 before bk2.
    [a1, a2] = [a1, a2].sort((p, q) => p!.fullName.localeCompare(q!.fullName, 'vi'));
    [b1, b2] = [b1, b2].sort((p, q) => p!.fullName.localeCompare(q!.fullName, 'vi'));
    const [gk1, gk2, bk1, bk2] = await eligible(campaignId, [
      { id: a1!.id, awardForm: GK },
      { id: a2!.id, awardForm: GK },
      { id: b1!.id, awardForm: BK },
      { id: b2!.id, awardForm: BK },
    ]);
    // Not eligible yet: not a candidate.
    const [pending] = await save(campaignId, [row(staffOf('kinh-te')[2]!.id, { status: 'submitted' })]);

    const opened = await open(campaignId);
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const round = opened.body;
    expect(round).toMatchObject({
      id: '1',
      number: 1,
      status: 'open',
      ballotCount: 0,
      attendance: FULL_ATTENDANCE,
      version: 1,
      createdBy: SECRETARY,
    });
    // The plan's order of forms (Bằng khen first), each form's places the quota left.
    expect(round.forms).toEqual([
      { awardForm: BK, places: 1 },
      { awardForm: GK, places: 1 },
    ]);
    expect(round.candidates.map((c: { nominationId: string }) => c.nominationId)).toEqual([bk1, bk2, gk1, gk2]);
    expect(round.candidates[2]).toEqual({
      nominationId: gk1,
      awardForm: GK,
      name: a1!.fullName,
      nomineeKind: 'individual',
      unitName: 'Phòng Tổng hợp',
      female: a1!.gender === 'female',
    });
    expect(round.candidates.map((c: { nominationId: string }) => c.nominationId)).not.toContain(pending!.id);

    // A first count of the ballots, one short; then the full set replaces it.
    const first = await submit(campaignId, '1', ballots(...times(5, [gk1!, bk1!]), [gk1!, bk2!], [gk2!, bk2!], [gk2!, bk2!]));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ ballotCount: 8, ballotsVersion: 1, status: 'open' });
    const full = ballots(...times(5, [gk1!, bk1!]), [gk1!, bk2!], [gk2!, bk2!], [gk2!, bk2!], [gk2!, bk2!]);
    const second = await submit(campaignId, '1', full);
    expect(second.body).toMatchObject({ ballotCount: 9, ballotsVersion: 2 });

    const tallied = await tallyOf(campaignId, '1');
    expect(tallied.status, JSON.stringify(tallied.body)).toBe(200);
    const { result, minutes } = tallied.body;
    expect(tallied.body.status).toBe('tallied');
    expect(result.void).toBe(false);
    expect(result.ballots).toEqual({ issued: 9, collected: 9, valid: 9, invalid: 0 });
    expect(result.forms).toEqual([
      { awardForm: BK, places: 1, selected: [bk1] },
      { awardForm: GK, places: 1, selected: [gk1] },
    ]);
    expect(result.candidates.find((c: { nominationId: string }) => c.nominationId === gk1)).toMatchObject({
      votes: 6,
      percent: 66.67,
      passed: true,
      selected: true,
    });

    expect(minutes).toMatchObject({
      title: 'BIÊN BẢN KIỂM PHIẾU',
      council: 'Hội đồng Thi đua – Khen thưởng Văn phòng UBND tỉnh Bắc Kạn',
      round: 1,
      members: { total: 9, present: 8, writtenVotes: 1, participating: 9, required: 6 },
      ballots: { issued: 9, collected: 9, valid: 9, invalid: 0 },
      threshold: 'trên 50% tổng số thành viên Hội đồng',
      void: false,
      signatures: [
        { role: 'chair', title: 'Chủ tịch Hội đồng', name: 'Vũ Đức Chính' },
        { role: 'secretary', title: 'Thư ký', name: 'Lường Thị Hà' },
      ],
    });
    expect(minutes.date).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const gkMinutes = minutes.forms.find((f: { awardForm: string }) => f.awardForm === GK);
    expect(gkMinutes.candidates.map((c: { name: string; votes: number; percent: string }) => [c.name, c.votes, c.percent])).toEqual([
      [a1!.fullName, 6, '66,67%'],
      [a2!.fullName, 3, '33,33%'],
    ]);
    expect(minutes.conclusion).toContain(
      `Lựa chọn đề nghị Giấy khen của Chánh Văn phòng: ${a1!.fullName} (Phòng Tổng hợp), 6/9 phiếu (66,67%).`,
    );

    const confirmed = await confirm(campaignId, '1', { version: tallied.body.version });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', confirmedBy: SECRETARY, result, minutes });
    expect(confirmed.body.decisions).toEqual([
      { nominationId: bk1, from: 'eligible', to: 'selected' },
      { nominationId: bk2, from: 'eligible', to: 'not_selected' },
      { nominationId: gk1, from: 'eligible', to: 'selected' },
      { nominationId: gk2, from: 'eligible', to: 'not_selected' },
    ]);
    expect(await statusOf(campaignId, [bk1!, bk2!, gk1!, gk2!, pending!.id])).toEqual([
      'selected',
      'not_selected',
      'selected',
      'not_selected',
      'submitted',
    ]);
    expect(await quotaOf(campaignId, GK)).toMatchObject({ used: 1, max: 1 });
    expect(await quotaOf(campaignId, BK)).toMatchObject({ used: 1, max: 1 });

    // The audit: the submissions with their counts, the tally, the confirmation, each decision.
    const audit = await api.request('GET', `/campaigns/${campaignId}/audit?limit=100`, { token: tokens.hr });
    const entries = audit.body.entries as {
      action: string;
      nominationId?: string;
      actor: string;
      changes: Record<string, { from?: unknown; to?: unknown }>;
    }[];
    const ballotEntries = entries.filter((e) => e.action === 'round.ballots');
    expect(ballotEntries.map((e) => e.changes.ballots)).toEqual([
      { from: 8, to: 9 },
      { from: 0, to: 8 },
    ]);
    expect(ballotEntries.every((e) => e.actor === SECRETARY)).toBe(true);
    expect(entries.filter((e) => e.action.startsWith('round.')).map((e) => e.action)).toEqual(
      expect.arrayContaining(['round.create', 'round.tally', 'round.confirm']),
    );
    expect(entries.find((e) => e.action === 'update' && e.nominationId === gk1)?.changes.status).toEqual({
      from: 'eligible',
      to: 'selected',
    });

    // A confirmed result cannot change.
    for (const attempt of [submit(campaignId, '1', full), tallyOf(campaignId, '1'), confirm(campaignId, '1')]) {
      const refused = await attempt;
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('ROUND_CONFIRMED');
    }

    const listed = await api.request('GET', rounds(campaignId), { token: tokens.viewer });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: '1', status: 'confirmed', candidateCount: 4, ballotCount: 9, void: false }),
    ]);
    expect(listed.body.items[0].candidates).toBeUndefined();
    const withBallots = await api.request('GET', `${rounds(campaignId)}/1?include=ballots`, { token: tokens.hr });
    expect(withBallots.body.ballots).toEqual(full);
    expect((await api.request('GET', `${rounds(campaignId)}/1`, { token: tokens.hr })).body.ballots).toBeUndefined();
  });

  it('answers 404 for a round that is not there, and 422 when nothing is eligible', async () => {
    const campaignId = await freshCampaign('council-empty');
    const missing = await api.request('GET', `${rounds(campaignId)}/7`, { token: tokens.secretary });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('ROUND_NOT_FOUND');
    expect((await api.request('GET', `${rounds(campaignId)}/abc`, { token: tokens.secretary })).body.code).toBe('ROUND_NOT_FOUND');
    const none = await open(campaignId);
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('NO_CANDIDATES');
    const bad = await open(campaignId, { attendance: { present: -1, writtenVotes: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('a tie and its second round', () => {
  it('selects above the tie, keeps the tied eligible, and decides them in a round of their own', async () => {
    // Two Giấy khen places: ballots mark up to two candidates.
    const campaignId = await freshCampaign('council-tie', withGiayKhenPlaces(2));
    const people = staffOf('khoa-giao-van-xa').slice(0, 4);
    const [x, y, z, w] = await eligible(
      campaignId,
      people.map((p) => ({ id: p.id, awardForm: GK })),
    );
    await open(campaignId);
    // x 7, y 5, z 5, w 1: x is selected; y and z both pass and tie for the last place.
    await submit(campaignId, '1', ballots(...times(4, [x!, y!]), ...times(3, [x!, z!]), [y!, z!], [z!, w!]));
    const tallied = await tallyOf(campaignId, '1');
    expect(tallied.body.result.forms).toEqual([
      { awardForm: GK, places: 2, selected: [x], tie: { nominationIds: [y, z].sort(), places: 1, femaleIds: expect.any(Array) } },
    ]);
    const names = [y, z].sort().map((id) => people[[x, y, z, w].indexOf(id)]!);
    const conclusion = tallied.body.minutes.conclusion.join('\n');
    expect(conclusion).toContain(
      `đề nghị bỏ phiếu lại giữa ${names[0]!.fullName} (Phòng Khoa giáo - Văn xã) và ${names[1]!.fullName} (Phòng Khoa giáo - Văn xã)`,
    );

    // The tie is decided from a confirmed round only.
    const early = await open(campaignId, { attendance: FULL_ATTENDANCE, fromRoundId: '1' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ROUND_NOT_CONFIRMED');

    const confirmed = await confirm(campaignId, '1');
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(await statusOf(campaignId, [x!, y!, z!, w!])).toEqual(['selected', 'eligible', 'eligible', 'not_selected']);
    expect(await quotaOf(campaignId, GK)).toMatchObject({ used: 1, max: 2 });

    const second = await open(campaignId, { attendance: FULL_ATTENDANCE, fromRoundId: '1' });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body).toMatchObject({ id: '2', fromRoundId: '1', forms: [{ awardForm: GK, places: 1 }] });
    expect(second.body.candidates.map((c: { nominationId: string }) => c.nominationId).sort()).toEqual([y, z].sort());

    await submit(campaignId, '2', ballots(...times(6, [y!]), ...times(3, [z!])));
    const again = await tallyOf(campaignId, '2');
    expect(again.body.result.forms).toEqual([{ awardForm: GK, places: 1, selected: [y] }]);
    expect((await confirm(campaignId, '2')).status).toBe(200);
    expect(await statusOf(campaignId, [x!, y!, z!, w!])).toEqual(['selected', 'selected', 'not_selected', 'not_selected']);
    expect(await quotaOf(campaignId, GK)).toMatchObject({ used: 2, max: 2 });

    // The first round stays as it was confirmed: a result is superseded by a new round, never changed.
    const first = await api.request('GET', `${rounds(campaignId)}/1`, { token: tokens.secretary });
    expect(first.body.status).toBe('confirmed');
    const noTie = await open(campaignId, { attendance: FULL_ATTENDANCE, fromRoundId: '2' });
    expect(noTie.status).toBe(422);
    expect(noTie.body.code).toBe('NO_CANDIDATES');
  });
});

describe('a void round', () => {
  it('without a quorum is void: it cannot be confirmed, and a new round supersedes it', async () => {
    const campaignId = await freshCampaign('council-void');
    const [p, q] = staffOf('noi-chinh-phap-che');
    const [a, b] = await eligible(campaignId, [
      { id: p!.id, awardForm: GK },
      { id: q!.id, awardForm: GK },
    ]);
    // 4 present and 1 in writing: 5 of 9, under the quorum of 6.
    await open(campaignId, { attendance: { present: 4, writtenVotes: 1 } });
    await submit(campaignId, '1', ballots(...times(5, [a!])));
    const tallied = await tallyOf(campaignId, '1');
    expect(tallied.body.result).toMatchObject({ void: true, voidReason: { code: 'NO_QUORUM', required: 6, participating: 5 } });
    expect(tallied.body.result.forms).toEqual([{ awardForm: GK, places: 1, selected: [] }]);
    expect(tallied.body.minutes.void).toBe(true);
    expect(tallied.body.minutes.conclusion.join(' ')).toContain('không đủ số thành viên tham dự theo quy định, kết quả không có giá trị');

    const refused = await confirm(campaignId, '1');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ROUND_VOID');
    expect(await statusOf(campaignId, [a!, b!])).toEqual(['eligible', 'eligible']);

    // The attendance can be corrected with the ballots; here the council meets again instead.
    const next = await open(campaignId);
    expect(next.status).toBe(201);
    expect(next.body.id).toBe('2');
    const old = await api.request('GET', `${rounds(campaignId)}/1`, { token: tokens.secretary });
    expect(old.body).toMatchObject({ status: 'superseded', supersededBy: '2' });
    const late = await submit(campaignId, '1', ballots([a!]));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ROUND_SUPERSEDED');

    await submit(campaignId, '2', ballots(...times(6, [a!]), ...times(3, [b!])));
    await tallyOf(campaignId, '2');
    expect((await confirm(campaignId, '2')).status).toBe(200);
    expect(await statusOf(campaignId, [a!, b!])).toEqual(['selected', 'not_selected']);
  });

  it('refuses to confirm before the tally, and after the ballots changed', async () => {
    const campaignId = await freshCampaign('council-order');
    const [p] = staffOf('ban-tiep-cong-dan');
    const [a] = await eligible(campaignId, [{ id: p!.id, awardForm: GK }]);
    await open(campaignId);
    const early = await confirm(campaignId, '1');
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ROUND_NOT_TALLIED');
    await submit(campaignId, '1', ballots(...times(9, [a!])));
    const tallied = await tallyOf(campaignId, '1');
    // New ballots after the tally send the round back to open: its old result is gone.
    const resubmitted = await submit(campaignId, '1', ballots(...times(4, [a!])));
    expect(resubmitted.body).toMatchObject({ status: 'open', ballotCount: 4 });
    expect(resubmitted.body.result).toBeUndefined();
    const stale = await confirm(campaignId, '1', { version: tallied.body.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('ROUND_NOT_TALLIED');
    const retallied = await tallyOf(campaignId, '1');
    const outdated = await confirm(campaignId, '1', { version: tallied.body.version });
    expect(outdated.status).toBe(409);
    expect(outdated.body.code).toBe('VERSION_CONFLICT');
    expect((await confirm(campaignId, '1', { version: retallied.body.version })).status).toBe(200);
    // 4 of 9 is not more than half: not selected.
    expect(await statusOf(campaignId, [a!])).toEqual(['not_selected']);
  });
});

describe('who may run the vote', () => {
  it('lets the secretary and admin run it, HR and the viewer read it, and a unit clerk nothing', async () => {
    const campaignId = await freshCampaign('council-roles');
    const [p, q] = staffOf('trung-tam-hcc');
    const [a] = await eligible(campaignId, [
      { id: p!.id, awardForm: GK },
      { id: q!.id, awardForm: GK },
    ]);

    for (const token of [tokens.hr, tokens.viewer, tokens.unit]) {
      const refused = await open(campaignId, { attendance: FULL_ATTENDANCE }, token);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
    }
    expect((await api.request('GET', rounds(campaignId), { token: tokens.secretary })).body.items).toEqual([]);

    const byAdmin = await open(campaignId, { attendance: FULL_ATTENDANCE }, tokens.admin);
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body.createdBy).toBe(ADMIN);

    for (const token of [tokens.hr, tokens.viewer, tokens.unit]) {
      for (const attempt of [
        submit(campaignId, '1', ballots(...times(9, [a!])), {}, token),
        tallyOf(campaignId, '1', token),
        confirm(campaignId, '1', undefined, token),
      ]) {
        const refused = await attempt;
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe('FORBIDDEN');
      }
    }
    // A forbidden request is refused before its body is read.
    const garbage = await api.request('PUT', `${rounds(campaignId)}/1/ballots`, { token: tokens.hr, body: 'not json' });
    expect(garbage.status).toBe(403);

    for (const token of [tokens.admin, tokens.hr, tokens.secretary, tokens.viewer]) {
      expect((await api.request('GET', rounds(campaignId), { token })).status).toBe(200);
      expect((await api.request('GET', `${rounds(campaignId)}/1`, { token })).status).toBe(200);
    }
    for (const path of [rounds(campaignId), `${rounds(campaignId)}/1`]) {
      const refused = await api.request('GET', path, { token: tokens.unit });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
    }

    // Nothing the refused requests sent was written.
    const round = await api.request('GET', `${rounds(campaignId)}/1`, { token: tokens.secretary });
    expect(round.body).toMatchObject({ status: 'open', ballotCount: 0, version: 1 });

    // The admin may stand in for the secretary all the way.
    expect((await submit(campaignId, '1', ballots(...times(9, [a!])), {}, tokens.admin)).status).toBe(200);
    expect((await tallyOf(campaignId, '1', tokens.admin)).status).toBe(200);
    const confirmed = await confirm(campaignId, '1', undefined, tokens.admin);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.confirmedBy).toBe(ADMIN);
  });
});

describe('a confirmation racing HR for the last place', () => {
  /**
   * A campaign whose one Giấy khen place is free again: y, selected by a first round, was deleted (its
   * place given back); a second round selects x, tallied, not confirmed. HR restoring y takes the place
   * back (no save selects: only a round, or the restore of a selection, takes a place).
   */
  async function talliedRound(campaignId: string, unitId: string) {
    await freshCampaign(campaignId);
    const [p, q, r] = staffOf(unitId);
    const [y] = await eligible(campaignId, [{ id: r!.id, awardForm: GK }]);
    expect((await open(campaignId)).status).toBe(201);
    await submit(campaignId, '1', ballots(...times(9, [y!])));
    await tallyOf(campaignId, '1');
    expect((await confirm(campaignId, '1')).status).toBe(200);
    const selected = (await nominations(campaignId)).get(y!)!;
    expect(selected.status).toBe('selected');
    const deleted = await api.request('DELETE', `/campaigns/${campaignId}/nominations/${y}?version=${selected.version}`, {
      token: tokens.hr,
    });
    expect(deleted.status).toBe(200);
    expect(await quotaOf(campaignId, GK)).toMatchObject({ used: 0, max: 1 });

    const [x, z] = await eligible(campaignId, [
      { id: p!.id, awardForm: GK },
      { id: q!.id, awardForm: GK },
    ]);
    expect((await open(campaignId)).status).toBe(201);
    await submit(campaignId, '2', ballots(...times(6, [x!]), ...times(3, [z!])));
    const tallied = await tallyOf(campaignId, '2');
    expect(tallied.body.result.forms[0].selected).toEqual([x]);
    return { x: x!, z: z!, y: y!, version: tallied.body.version as number };
  }

  const restore = (campaignId: string, id: string) =>
    api.request('POST', `/campaigns/${campaignId}/nominations/${id}/restore`, { token: tokens.hr });

  const units = ['tong-hop', 'kinh-te', 'khoa-giao-van-xa', 'noi-chinh-phap-che', 'trung-tam-thong-tin'];
  it.each(units.map((unit, i) => [i, unit] as const))('lets exactly one win, and never overfills the quota (run %i)', async (i, unitId) => {
    const campaignId = `council-race-${i}`;
    const { x, y } = await talliedRound(campaignId, unitId);

    // The confirmation reads more before it writes than a restore does: HR starts a little later in
    // some runs, so that either may reach the quota counter first.
    const [confirmation, hrRestore] = await Promise.all([confirm(campaignId, '2'), sleep(i * 8).then(() => restore(campaignId, y))]);
    const confirmWon = confirmation.status === 200;
    const hrWon = hrRestore.status === 200;
    expect([confirmWon, hrWon].filter(Boolean), JSON.stringify({ confirmation: confirmation.body, hr: hrRestore.body })).toHaveLength(1);
    if (confirmWon) {
      expect(hrRestore.status).toBe(409);
      expect(hrRestore.body.code).toBe('QUOTA_EXCEEDED');
      // y stays deleted: not listed.
      expect(await statusOf(campaignId, [x, y])).toEqual(['selected', undefined]);
    } else {
      expect(confirmation.status).toBe(409);
      expect(confirmation.body.code).toBe('QUOTA_EXCEEDED');
      expect(await statusOf(campaignId, [x, y])).toEqual(['eligible', 'selected']);
      const round = await api.request('GET', `${rounds(campaignId)}/2`, { token: tokens.secretary });
      expect(round.body.status).toBe('tallied');
    }
    const selected = [...(await nominations(campaignId)).values()].filter((n) => n.awardForm === GK && n.status === 'selected');
    expect(selected).toHaveLength(1);
    expect(await quotaOf(campaignId, GK)).toMatchObject({ used: 1, max: 1 });
  });

  it('refuses a confirmation HR already filled the place for: 409 with the figures, nothing written', async () => {
    const campaignId = 'council-quota-full';
    const { x, z, y, version } = await talliedRound(campaignId, 'nha-khach');
    expect((await restore(campaignId, y)).status).toBe(200);

    const refused = await confirm(campaignId, '2', { version });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('QUOTA_EXCEEDED');
    expect(refused.body.message.vi).toBe('Vượt chỉ tiêu Giấy khen của Chánh Văn phòng: 2/1');
    expect(refused.body.details).toMatchObject({ roundId: '2', used: 1, max: 1, adding: 1 });
    expect(await statusOf(campaignId, [x, z, y])).toEqual(['eligible', 'eligible', 'selected']);
    const round = await api.request('GET', `${rounds(campaignId)}/2`, { token: tokens.secretary });
    expect(round.body).toMatchObject({ status: 'tallied', version });
    expect(await quotaOf(campaignId, GK)).toMatchObject({ used: 1, max: 1 });
  });

  it('names a candidate HR changed after the round was opened', async () => {
    const campaignId = 'council-changed';
    const { z } = await talliedRound(campaignId, 'trung-tam-hcc');
    const current = (await nominations(campaignId)).get(z)!;
    const person = staffOf('trung-tam-hcc')[1]!;
    const [returned] = await save(campaignId, [
      { ...row(person.id, { status: 'returned', returnReason: 'Thiếu báo cáo' }), id: z, version: current.version },
    ]);
    expect(returned!.outcome).toBe('saved');

    const refused = await confirm(campaignId, '2');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('VERSION_CONFLICT');
    expect(refused.body.message.vi).toContain(personName(person.id));
    expect(refused.body.details.nominations).toEqual([{ id: z, name: person.fullName, status: 'returned', version: current.version + 1 }]);
  });
});

describe('many ballots', () => {
  it('takes 10,000 ballots in several parts, tallies them, and replaces them with fewer', async () => {
    const campaignId = await freshCampaign('council-many');
    const [p, q] = staffOf('nha-khach');
    const [a, b] = await eligible(campaignId, [
      { id: p!.id, awardForm: GK },
      { id: q!.id, awardForm: GK },
    ]);
    await open(campaignId);
    // Half the ballots name random strangers (invalid, and hard to compress): the parts pass 300 KB.
    const noise = () => Array.from({ length: 6 }, () => Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2));
    const many: Ballot[] = Array.from({ length: 10_000 }, (_, i) => ({
      number: i + 1,
      marks: i % 2 === 0 ? { [i % 4 === 0 ? a! : b!]: 'x' } : Object.fromEntries(noise().map((k) => [k, 'x'])),
    }));
    const submitted = await submit(campaignId, '1', many);
    expect(submitted.status, JSON.stringify(submitted.body).slice(0, 500)).toBe(200);
    expect(submitted.body.ballotCount).toBe(10_000);
    const parts = await ballotParts(campaignId, 1);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part).toEqual({ bytes: expect.any(Number), ballotsVersion: 1 });
    expect(Math.max(...parts.map((p) => p.bytes))).toBeLessThanOrEqual(300 * 1024);

    const tallied = await tallyOf(campaignId, '1');
    expect(tallied.status).toBe(200);
    expect(tallied.body.result.ballots).toMatchObject({ collected: 10_000, valid: 5_000, invalid: 5_000 });
    expect(tallied.body.result.candidates.map((c: { votes: number }) => c.votes)).toEqual([2_500, 2_500]);
    expect(tallied.body.minutes.invalidReasons).toEqual([{ reason: 'UNKNOWN_CANDIDATE', label: expect.any(String), count: 5_000 }]);
    const read = await api.request('GET', `${rounds(campaignId)}/1?include=ballots`, { token: tokens.secretary });
    expect(read.body.ballots).toEqual(many);

    const fewer = ballots(...times(9, [a!]));
    expect((await submit(campaignId, '1', fewer)).body).toMatchObject({ ballotCount: 9, ballotsVersion: 2 });
    // The old extra parts went in the same transaction.
    expect(await ballotParts(campaignId, 1)).toEqual([{ bytes: expect.any(Number), ballotsVersion: 2 }]);
    const reread = await api.request('GET', `${rounds(campaignId)}/1?include=ballots`, { token: tokens.secretary });
    expect(reread.body.ballots).toEqual(fewer);
    const again = await tallyOf(campaignId, '1');
    expect(again.body.result.forms).toEqual([{ awardForm: GK, places: 1, selected: [a] }]);
  });

  it('refuses more than 10,000 ballots', async () => {
    const campaignId = await freshCampaign('council-too-many');
    const [p] = staffOf('ban-tiep-cong-dan');
    await eligible(campaignId, [{ id: p!.id, awardForm: GK }]);
    await open(campaignId);
    const refused = await submit(
      campaignId,
      '1',
      Array.from({ length: 10_001 }, (_, i) => ({ number: i + 1, marks: {} })),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('a round keeps the council rules it was opened under (issue 8, item 4)', () => {
  async function raiseThreshold(campaignId: string) {
    const current = await api.request('GET', `/campaigns/${campaignId}`, { token: tokens.admin });
    const { version, updatedAt: _at, ...campaign } = current.body;
    const council = { ...campaign.council, threshold: { percent: 60, comparison: '>=', base: 'members' } };
    const edited = await api.request('PUT', `/campaigns/${campaignId}`, {
      token: tokens.admin,
      body: { campaign: { ...campaign, council }, version },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.council.threshold).toEqual({ percent: 60, comparison: '>=', base: 'members' });
  }

  it('tallies by the snapshot after an admin raised the threshold, and the minutes state the rules', async () => {
    const campaignId = await freshCampaign('council-rules-kept');
    const [p, q] = staffOf('kinh-te');
    const [a, b] = await eligible(campaignId, [
      { id: p!.id, awardForm: GK },
      { id: q!.id, awardForm: GK },
    ]);
    const opened = await open(campaignId);
    expect(opened.status).toBe(201);
    expect(opened.body.rules).toEqual(SEED_CAMPAIGN.council);
    // 5 of 9 (55.56%): more than 50% passes under the rules of the opening; 60% would not.
    await submit(campaignId, '1', ballots(...times(5, [a!]), ...times(4, [b!])));
    await raiseThreshold(campaignId);

    const tallied = await tallyOf(campaignId, '1');
    expect(tallied.status).toBe(200);
    expect(tallied.body.rules).toEqual(SEED_CAMPAIGN.council);
    expect(tallied.body.result.forms).toEqual([{ awardForm: GK, places: 1, selected: [a] }]);
    expect(tallied.body.minutes.threshold).toBe('trên 50% tổng số thành viên Hội đồng');
    expect(tallied.body.minutes.rules[0]).toMatchObject({
      code: 'SOURCE',
      text: { vi: expect.stringContaining('tại thời điểm lập vòng bỏ phiếu'), en: expect.stringContaining('when the round was opened') },
    });
    expect((await confirm(campaignId, '1')).status).toBe(200);
    expect(await statusOf(campaignId, [a!, b!])).toEqual(['selected', 'not_selected']);
  });

  it("falls back to the campaign's rules for a round stored before rounds kept them", async () => {
    const campaignId = await freshCampaign('council-rules-legacy');
    const [p, q] = staffOf('tong-hop');
    const [a, b] = await eligible(campaignId, [
      { id: p!.id, awardForm: GK },
      { id: q!.id, awardForm: GK },
    ]);
    await open(campaignId);
    await submit(campaignId, '1', ballots(...times(5, [a!]), ...times(4, [b!])));
    // The round as an older version of the product stored it: without its rules.
    const key = keys.round(campaignId, 1);
    const stored = await api.doc.send(new GetCommand({ TableName: api.tableName, Key: key, ConsistentRead: true }));
    const { rules: _rules, ...legacy } = roundFromItem(stored.Item!);
    await api.doc.send(new PutCommand({ TableName: api.tableName, Item: roundToItem(legacy) }));
    await raiseThreshold(campaignId);

    const tallied = await tallyOf(campaignId, '1');
    expect(tallied.body.rules).toBeUndefined();
    expect(tallied.body.result.forms).toEqual([{ awardForm: GK, places: 1, selected: [] }]);
    expect(tallied.body.minutes.threshold).toBe('từ 60% tổng số thành viên Hội đồng trở lên');
    expect(tallied.body.minutes.rules[0].code).toBe('SOURCE');
    expect(tallied.body.minutes.rules[0].text.vi).toContain('áp dụng quy chế hiện hành của Đợt thi đua');
  });
});

describe('more ballots collected than members taking part (issue 8, item 5)', () => {
  it('voids the count with its code and a vi/en reason; the confirmation is refused and nothing else is written', async () => {
    const campaignId = await freshCampaign('council-excess');
    const [p, q] = staffOf('khoa-giao-van-xa');
    const [a, b] = await eligible(campaignId, [
      { id: p!.id, awardForm: GK },
      { id: q!.id, awardForm: GK },
    ]);
    await open(campaignId, { attendance: { present: 7, writtenVotes: 0 } });
    await submit(campaignId, '1', ballots(...times(7, [a!]), [b!]));
    const before = await nominations(campaignId);

    const tallied = await tallyOf(campaignId, '1');
    expect(tallied.status).toBe(200);
    expect(tallied.body.result).toMatchObject({
      void: true,
      voidReason: { code: 'BALLOTS_EXCEED_ISSUED', issued: 7, collected: 8 },
      ballots: { issued: 7, collected: 8 },
    });
    expect(tallied.body.result.forms).toEqual([{ awardForm: GK, places: 1, selected: [] }]);
    const reason = {
      vi: 'Số phiếu thu vào (8) nhiều hơn số phiếu phát ra (7): kết quả kiểm phiếu không có giá trị.',
      en: 'More ballots were collected (8) than were issued (7): the count is void.',
    };
    expect(tallied.body.minutes).toMatchObject({ void: true, voidReason: { code: 'BALLOTS_EXCEED_ISSUED', text: reason } });
    expect(tallied.body.minutes.conclusion).toEqual([reason.vi]);

    const refused = await confirm(campaignId, '1');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'ROUND_VOID',
      message: reason,
      details: { roundId: '1', voidReason: { code: 'BALLOTS_EXCEED_ISSUED', issued: 7, collected: 8 } },
    });
    expect(await nominations(campaignId)).toEqual(before);
    const round = await api.request('GET', `${rounds(campaignId)}/1`, { token: tokens.secretary });
    expect(round.body).toMatchObject({ status: 'tallied', version: tallied.body.version });
    expect(round.body.decisions).toBeUndefined();
  });
});
