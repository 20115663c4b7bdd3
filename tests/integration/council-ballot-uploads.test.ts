import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBallots, type CompactBallot } from '#shared/council/ballot-codec';
import { ballotsFingerprint } from '#shared/council/fingerprint';
import type { Ballot } from '#shared/council/round';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { sha256 } from '#functions/council/sha256';
import { startTestApi, type TestApi } from '#tests/support/api';
import { ADMIN, HR, row, SECRETARY, staffOf } from '#tests/support/rows';
import { moveCampaignTo } from '#tests/support/stage';

/**
 * A round's ballots sent in parts (issue 13: POST …/ballot-uploads, PUT …/parts/{k}, GET, POST …/complete)
 * through the real handlers on DynamoDB Local: parts out of order and resent, which parts arrived, the
 * completion storing them exactly as PUT …/ballots does (same ballots read back, same tally, same
 * fingerprint), and each refusal with its code and nothing written. The seed's council: 9 members.
 */
let api: TestApi;
const tokens = { admin: '', hr: '', secretary: '' };
beforeAll(async () => {
  api = await startTestApi();
  const [admin, hr, secretary] = await Promise.all([ADMIN, HR, SECRETARY].map((email) => api.tokenFor(email)));
  Object.assign(tokens, { admin, hr, secretary });
});
afterAll(() => api?.close());

const GK = 'GIAY_KHEN_CVP';

/** A campaign of its own with three eligible Giấy khen candidates (two places) and round 1 open. */
async function openRound(id: string) {
  const quotaRules = SEED_CAMPAIGN.quotaRules.map((rule) => (rule.awardForm === GK ? { ...rule, max: 2 } : rule));
  expect((await api.request('POST', '/campaigns', { token: tokens.admin, body: { ...SEED_CAMPAIGN, id, quotaRules } })).status).toBe(201);
  await moveCampaignTo(api, 'under_review', id);
  const rows = staffOf('tong-hop')
    .slice(0, 3)
    .map((p) => row(p.id, { awardForm: GK, status: 'eligible' }));
  const saved = await api.request('POST', `/campaigns/${id}/nominations/batch`, { token: tokens.hr, body: { rows } });
  const opened = await api.request('POST', `/campaigns/${id}/rounds`, {
    token: tokens.secretary,
    body: { attendance: { present: 9, writtenVotes: 0 } },
  });
  expect(opened.status, opened.text).toBe(201);
  const candidates = (opened.body.candidates as { nominationId: string }[]).map((c) => c.nominationId);
  return { rounds: `/campaigns/${id}/rounds`, ids: (saved.body.rows as { id: string }[]).map((r) => r.id), candidates };
}

const as = (token: string) => ({
  create: (rounds: string, body: object, round = '1') => api.request('POST', `${rounds}/${round}/ballot-uploads`, { token, body }),
  part: (rounds: string, upload: string, k: number, first: number, ballots: CompactBallot[], round = '1') =>
    api.request('PUT', `${rounds}/${round}/ballot-uploads/${upload}/parts/${k}`, { token, body: { first, ballots } }),
  status: (rounds: string, upload: string) => api.request('GET', `${rounds}/1/ballot-uploads/${upload}`, { token }),
  complete: (rounds: string, upload: string, round = '1') =>
    api.request('POST', `${rounds}/${round}/ballot-uploads/${upload}/complete`, { token }),
});
const secretary = () => as(tokens.secretary);

/** Nine ballots: a and b on seven, a and c on two; one more with a mark "X" and one naming a stranger. */
function nine(a: string, b: string, c: string): Ballot[] {
  const pairs = [...Array.from({ length: 7 }, () => [a, b]), [a, c]];
  return [
    ...pairs.map((pair, i) => ({ number: i + 1, marks: { [pair[0]!]: 'x', [pair[1]!]: 'x' } })),
    { number: 9, marks: { [a]: 'X', stranger: 'x' } },
  ];
}

describe('ballots sent in parts', () => {
  it('take parts out of order and resent, say which arrived, and complete as the whole PUT does', async () => {
    const { rounds, candidates } = await openRound('uploads-parts');
    const [a, b, c] = candidates as [string, string, string];
    const ballots = nine(a, b, c);
    const compact = encodeBallots(ballots, candidates, 'x');
    const created = await secretary().create(rounds, { ballots: 9, parts: 3, mark: 'x', attendance: { present: 8, writtenVotes: 1 } });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ roundId: '1', ballots: 9, parts: 3, mark: 'x', received: [], status: 'open' });
    const upload = created.body.uploadId as string;

    expect((await secretary().part(rounds, upload, 2, 6, compact.ballots.slice(6))).body).toMatchObject({ part: 2, first: 6, ballots: 3 });
    expect((await secretary().part(rounds, upload, 0, 0, compact.ballots.slice(0, 3))).status).toBe(200);
    // The same part again (its answer was lost): harmless.
    expect((await secretary().part(rounds, upload, 0, 0, compact.ballots.slice(0, 3))).status).toBe(200);
    expect((await secretary().status(rounds, upload)).body.received).toEqual([0, 2]);
    const early = await secretary().complete(rounds, upload);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'BALLOT_PART_MISSING', details: { missing: [1] } });
    expect((await api.request('GET', `${rounds}/1`, { token: tokens.secretary })).body).toMatchObject({
      ballotCount: 0,
      ballotsVersion: 0,
    });

    await secretary().part(rounds, upload, 1, 3, compact.ballots.slice(3, 6));
    expect((await secretary().status(rounds, upload)).body.received).toEqual([0, 1, 2]);
    const done = await secretary().complete(rounds, upload);
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ status: 'open', ballotCount: 9, ballotsVersion: 1, attendance: { present: 8, writtenVotes: 1 } });
    expect((await api.request('GET', `${rounds}/1?include=ballots`, { token: tokens.secretary })).body.ballots).toEqual(ballots);
    // Completing again (the answer was lost) answers the same round and writes nothing.
    expect((await secretary().complete(rounds, upload)).body).toMatchObject({ ballotsVersion: 1, version: done.body.version });
    expect((await secretary().status(rounds, upload)).body).toMatchObject({ status: 'completed', ballotsVersion: 1 });

    const tallied = await api.request('POST', `${rounds}/1/tally`, { token: tokens.secretary });
    expect(tallied.body.result.ballots).toMatchObject({ collected: 9, valid: 8, invalid: 1 });
    expect(tallied.body.result.fingerprint).toEqual(await ballotsFingerprint(1, ballots, sha256));
    // The same ballots in one PUT: the same count and the same fingerprint.
    expect((await api.request('PUT', `${rounds}/1/ballots`, { token: tokens.secretary, body: { ballots } })).body.ballotsVersion).toBe(2);
    const again = await api.request('POST', `${rounds}/1/tally`, { token: tokens.secretary });
    expect(again.body.result).toEqual({ ...tallied.body.result });
    // The upload's ballots are no longer the round's: completing it again is refused.
    expect((await secretary().complete(rounds, upload)).body.code).toBe('BALLOT_UPLOAD_COMPLETED');
  });

  it('refuse overlapping parts, a count other than declared, a candidate the round has not, and write nothing', async () => {
    const { rounds, candidates } = await openRound('uploads-refused');
    const compact = encodeBallots(nine(...(candidates as [string, string, string])), candidates, 'x').ballots;
    const refusal = async (parts: [number, CompactBallot[]][], declared = 9) => {
      const upload = (await secretary().create(rounds, { ballots: declared, parts: parts.length, mark: 'x' })).body.uploadId as string;
      for (const [k, [first, ballots]] of parts.entries())
        expect((await secretary().part(rounds, upload, k, first, ballots)).status).toBe(200);
      const answer = await secretary().complete(rounds, upload);
      return { status: answer.status, code: answer.body.code, details: answer.body.details };
    };
    expect(
      await refusal([
        [0, compact.slice(0, 5)],
        [4, compact.slice(4)],
      ]),
    ).toMatchObject({ status: 422, code: 'BALLOT_PARTS_OVERLAP' });
    expect(await refusal([[0, compact]], 8)).toMatchObject({
      status: 422,
      code: 'BALLOT_PARTS_OVERLAP',
      details: { ballots: 9, declared: 8 },
    });
    expect(await refusal([[0, [[1, 'AB']]]], 1)).toMatchObject({
      status: 422,
      code: 'BALLOTS_MALFORMED',
      details: { position: 0, reason: 'index' },
    });
    expect((await api.request('GET', `${rounds}/1`, { token: tokens.secretary })).body).toMatchObject({
      ballotCount: 0,
      ballotsVersion: 0,
    });

    const upload = (await secretary().create(rounds, { ballots: 9, parts: 1, mark: 'x' })).body.uploadId as string;
    expect((await secretary().part(rounds, upload, 1, 0, compact)).body.code).toBe('BALLOT_PART_OUT_OF_RANGE');
    expect((await secretary().status(rounds, 'f'.repeat(32))).body.code).toBe('BALLOT_UPLOAD_NOT_FOUND');
    expect((await secretary().status(rounds, 'nonsense')).status).toBe(404);
    const hr = await as(tokens.hr).create(rounds, { ballots: 9, parts: 1, mark: 'x' });
    expect([hr.status, hr.body.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('refuse an upload of another round, and a round that no longer takes ballots', async () => {
    const { rounds, candidates } = await openRound('uploads-rounds');
    const [a, b] = candidates as [string, string, string];
    const compact = encodeBallots(
      Array.from({ length: 9 }, (_, i) => ({ number: i + 1, marks: { [a]: 'x', [b]: 'x' } })),
      candidates,
      'x',
    ).ballots;
    const first = (await secretary().create(rounds, { ballots: 9, parts: 1, mark: 'x' })).body.uploadId as string;
    await secretary().part(rounds, first, 0, 0, compact);
    // A round among the same candidates supersedes round 1; round 1's upload is not round 2's.
    expect(
      (await api.request('POST', rounds, { token: tokens.secretary, body: { attendance: { present: 9, writtenVotes: 0 } } })).status,
    ).toBe(201);
    const other = await secretary().complete(rounds, first, '2');
    expect([other.status, other.body.code]).toEqual([409, 'BALLOT_UPLOAD_OTHER_ROUND']);
    const closed = await secretary().complete(rounds, first);
    expect([closed.status, closed.body.code]).toEqual([409, 'ROUND_SUPERSEDED']);
    expect((await secretary().create(rounds, { ballots: 9, parts: 1, mark: 'x' })).body.code).toBe('ROUND_SUPERSEDED');

    const second = (await secretary().create(rounds, { ballots: 9, parts: 1, mark: 'x' }, '2')).body.uploadId as string;
    await secretary().part(rounds, second, 0, 0, compact, '2');
    expect((await secretary().complete(rounds, second, '2')).status).toBe(200);
    const tallied = await api.request('POST', `${rounds}/2/tally`, { token: tokens.secretary });
    expect(tallied.body.result.forms[0].selected.sort()).toEqual([a, b].sort());
    expect(
      (await api.request('POST', `${rounds}/2/confirm`, { token: tokens.secretary, body: { version: tallied.body.version } })).status,
    ).toBe(200);
    expect((await secretary().create(rounds, { ballots: 9, parts: 1, mark: 'x' }, '2')).body.code).toBe('ROUND_CONFIRMED');
    expect((await secretary().complete(rounds, second, '2')).status).toBe(200);
  });
});
