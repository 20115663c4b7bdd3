import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '#shared/campaign';
import type { NominationChange } from '#shared/nomination';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { startTestApi, type TestApi } from '#tests/support/api';
import { dossierWithout } from '#tests/support/nomination';
import { ADMIN, HR, row, SECRETARY, staffOf, unitClerk } from '#tests/support/rows';
import { moveCampaignTo } from '#tests/support/stage';

/**
 * Issue 8's governance, through the API on DynamoDB Local: each role tries what it may not, the
 * server refuses with a stable code and a message in vi and en, and nothing is written. Each
 * scenario has a campaign of its own. The seed's council: 9 members, a pass is more than 4.5 votes.
 */
let api: TestApi;
const token = { admin: '', hr: '', secretary: '', unit: '' };
beforeAll(async () => {
  api = await startTestApi();
  const emails = { admin: ADMIN, hr: HR, secretary: SECRETARY, unit: unitClerk('kinh-te') };
  for (const [role, email] of Object.entries(emails)) token[role as keyof typeof token] = await api.tokenFor(email);
});
afterAll(() => api?.close());

const kt = staffOf('kinh-te');
let campaigns = 0;
async function campaign(change: Partial<Campaign> = {}): Promise<string> {
  const id = `quan-tri-${Date.now().toString(36)}-${campaigns++}`;
  const created = await api.request('POST', '/campaigns', { token: token.admin, body: { ...SEED_CAMPAIGN, ...change, id } });
  expect(created.status, created.text).toBe(201);
  await moveCampaignTo(api, 'open', id);
  return id;
}

type Row = {
  id: string;
  version: number;
  outcome: string;
  status?: string;
  refusal?: { code: string; message: { vi: string; en: string } };
};
async function save(id: string, rows: NominationChange[], as = token.hr): Promise<Row[]> {
  const answer = await api.request('POST', `/campaigns/${id}/nominations/batch`, { token: as, body: { rows } });
  expect(answer.status, answer.text).toBe(200);
  return answer.body.rows as Row[];
}
async function stored(id: string, nominationId: string) {
  const list = await api.request('GET', `/campaigns/${id}/nominations?includeDeleted=true`, { token: token.admin });
  return (list.body.items as { id: string; status: string; version: number; overrideReason?: string }[]).find((n) => n.id === nominationId);
}
async function auditOf(id: string) {
  const page = await api.request('GET', `/campaigns/${id}/audit?limit=100`, { token: token.admin });
  return page.body.entries as { action: string; nominationId?: string; changes: Record<string, { to?: unknown }> }[];
}

/** A round over the eligible nominations, every ballot marking `chosen`, tallied and confirmed. */
async function vote(id: string, chosen: string[]) {
  await moveCampaignTo(api, 'under_review', id);
  const rounds = `/campaigns/${id}/rounds`;
  const opened = await api.request('POST', rounds, { token: token.secretary, body: { attendance: { present: 9, writtenVotes: 0 } } });
  expect(opened.status, opened.text).toBe(201);
  const ballots = Array.from({ length: 9 }, (_, i) => ({ number: i + 1, marks: Object.fromEntries(chosen.map((n) => [n, 'x'])) }));
  const path = `${rounds}/${opened.body.id}`;
  expect((await api.request('PUT', `${path}/ballots`, { token: token.secretary, body: { ballots } })).status).toBe(200);
  const tallied = await api.request('POST', `${path}/tally`, { token: token.secretary });
  const confirmed = await api.request('POST', `${path}/confirm`, { token: token.secretary, body: { version: tallied.body.version } });
  expect(confirmed.status, confirmed.text).toBe(200);
  return {
    path,
    round: confirmed.body as { id: string; version: number; candidates: { nominationId: string; overrideReason?: string }[] },
  };
}

describe('item 1: eligible only without errors or a late dossier; an override is the administrator’s, with a reason', () => {
  it('HR is refused, row by row, and nothing of the refused row is written', async () => {
    // A campaign that takes incomplete submissions, so that a submitted row can carry errors.
    const id = await campaign({ allowIncompleteSubmission: true });
    const [incomplete, late, fine] = await save(id, [
      row(kt[0]!, { dossier: dossierWithout('BAO_CAO_THANH_TICH') }),
      row(kt[1]!, { receivedDate: '2025-10-03' }),
      row(kt[2]!),
    ]);
    const before = await auditOf(id);
    const answer = await save(id, [
      { ...row(kt[0]!, { dossier: dossierWithout('BAO_CAO_THANH_TICH') }), id: incomplete!.id, version: 1, status: 'eligible' },
      { ...row(kt[1]!, { receivedDate: '2025-10-03' }), id: late!.id, version: 1, status: 'eligible' },
      { ...row(kt[2]!), id: fine!.id, version: 1, status: 'eligible' },
    ]);
    expect(answer.map((r) => [r.outcome, r.refusal?.code])).toEqual([
      ['refused', 'NOT_ELIGIBLE'],
      ['refused', 'NOT_ELIGIBLE'],
      ['saved', undefined],
    ]);
    expect(answer[0]!.refusal!.message.vi).toContain('Chưa thể xét "Đủ điều kiện"');
    expect(answer[1]!.refusal!.message.en).toContain('after the deadline');
    expect(await stored(id, incomplete!.id)).toMatchObject({ status: 'submitted', version: 1 });
    expect(await stored(id, late!.id)).toMatchObject({ status: 'submitted', version: 1 });
    const after = await auditOf(id);
    expect(after.filter((e) => e.nominationId === incomplete!.id || e.nominationId === late!.id)).toHaveLength(
      before.filter((e) => e.nominationId === incomplete!.id || e.nominationId === late!.id).length,
    );
  });

  it('an administrator overrides with a reason: recorded in the audit log, on the row and in the round’s candidates', async () => {
    const id = await campaign();
    const [late] = await save(id, [row(kt[0]!, { receivedDate: '2025-10-03' })]);
    const change = { ...row(kt[0]!, { receivedDate: '2025-10-03' }), id: late!.id, version: 1, status: 'eligible' as const };
    expect((await save(id, [change], token.admin))[0]!.refusal?.code).toBe('NOT_ELIGIBLE');
    const reason = 'Hồ sơ gửi qua bưu điện đúng hạn, dấu bưu điện 29/09/2025';
    // HR may not write the reason: the whole batch is refused.
    const hrTry = await api.request('POST', `/campaigns/${id}/nominations/batch`, {
      token: token.hr,
      body: { rows: [{ ...change, overrideReason: reason }] },
    });
    expect([hrTry.status, hrTry.body.code]).toEqual([403, 'FORBIDDEN']);
    expect((await save(id, [{ ...change, overrideReason: reason }], token.admin))[0]!.outcome).toBe('saved');
    expect(await stored(id, late!.id)).toMatchObject({ status: 'eligible', overrideReason: reason });
    const entry = (await auditOf(id)).find((e) => e.nominationId === late!.id && e.changes.overrideReason);
    expect(entry?.changes.overrideReason?.to).toBe(reason);
    await moveCampaignTo(api, 'under_review', id);
    const opened = await api.request('POST', `/campaigns/${id}/rounds`, {
      token: token.secretary,
      body: { attendance: { present: 9, writtenVotes: 0 } },
    });
    expect(opened.body.candidates[0]).toMatchObject({ nominationId: late!.id, overrideReason: reason });
  });
});

describe('item 2: selected and not selected come only from a confirmed round; an annulment is the administrator’s', () => {
  it('no role moves a decided nomination by saving it; the admin annuls the round with a reason, and its places come back', async () => {
    const id = await campaign();
    const [a, b] = await save(id, [row(kt[0]!, { status: 'eligible' }), row(kt[1]!, { status: 'eligible' })]);
    const { path, round } = await vote(id, [a!.id]);
    expect(await stored(id, a!.id)).toMatchObject({ status: 'selected', version: 2 });
    for (const [as, status, httpStatus, code] of [
      [token.hr, 'eligible', 422, 'INVALID_TRANSITION'],
      [token.admin, 'eligible', 422, 'INVALID_TRANSITION'],
      [token.secretary, 'not_selected', 403, 'FORBIDDEN_STATUS'],
      [token.hr, 'not_selected', 403, 'FORBIDDEN_STATUS'],
    ] as const) {
      const tried = await api.request('POST', `/campaigns/${id}/nominations/batch`, {
        token: as,
        body: { rows: [{ ...row(kt[0]!), id: a!.id, version: 2, status }] },
      });
      expect([tried.status, tried.body.code]).toEqual([httpStatus, code]);
      expect(tried.body.message.vi.length * tried.body.message.en.length).toBeGreaterThan(0);
    }
    expect(await stored(id, a!.id)).toMatchObject({ status: 'selected', version: 2 });

    const annul = (as: string, body: object) => api.request('POST', `${path}/annul`, { token: as, body });
    expect((await annul(token.secretary, { reason: 'Bỏ phiếu sai quy chế', version: round.version })).body.code).toBe('FORBIDDEN');
    expect((await annul(token.admin, { reason: ' ', version: round.version })).body.code).toBe('VALIDATION_FAILED');
    const annulled = await annul(token.admin, { reason: 'Thành phần Hội đồng không đúng quyết định', version: round.version });
    expect(annulled.status, annulled.text).toBe(200);
    expect(annulled.body).toMatchObject({
      status: 'annulled',
      annulment: { by: ADMIN, reason: 'Thành phần Hội đồng không đúng quyết định' },
    });
    expect(await stored(id, a!.id)).toMatchObject({ status: 'eligible', version: 3 });
    expect(await stored(id, b!.id)).toMatchObject({ status: 'eligible', version: 3 });
    expect((await auditOf(id)).some((e) => e.action === 'round.annul')).toBe(true);
    const again = await annul(token.admin, { reason: 'Hủy lần nữa', version: annulled.body.version });
    expect([again.status, again.body.code]).toEqual([409, 'ROUND_NOT_CONFIRMED']);
    // The place the annulled selection held is free: a new vote fills it again.
    await vote(id, [b!.id]);
    expect(await stored(id, b!.id)).toMatchObject({ status: 'selected' });
  });
});

describe('item 3: no round for a form with no places left, nor without candidates', () => {
  it('refuses both, in vi and en, and opens nothing', async () => {
    const id = await campaign();
    await moveCampaignTo(api, 'under_review', id);
    const empty = await api.request('POST', `/campaigns/${id}/rounds`, {
      token: token.secretary,
      body: { attendance: { present: 9, writtenVotes: 0 } },
    });
    expect([empty.status, empty.body.code]).toEqual([422, 'NO_CANDIDATES']);
    const [a, b, c] = await save(
      id,
      [0, 1, 2].map((i) => row(kt[i]!, { status: 'eligible' })),
    );
    await vote(id, [a!.id]);
    // b and c were not selected; one more eligible nomination for the Giấy khen, whose one place is taken.
    expect(b && c).toBeTruthy();
    await save(id, [row(kt[3]!, { status: 'eligible' })]);
    const full = await api.request('POST', `/campaigns/${id}/rounds`, {
      token: token.secretary,
      body: { attendance: { present: 9, writtenVotes: 0 } },
    });
    expect([full.status, full.body.code]).toEqual([422, 'NO_PLACES_LEFT']);
    expect(full.body.message.vi).toContain('đã đủ số suất');
    expect(full.body.message.en).toContain('no places left');
    const rounds = await api.request('GET', `/campaigns/${id}/rounds`, { token: token.secretary });
    expect(rounds.body.items).toHaveLength(1);
  });
});

describe('item 6: a submission with errors is refused unless the campaign allows it', () => {
  it('refuses the clerk’s incomplete dossier, naming what is missing; a lenient campaign takes it', async () => {
    const strict = await campaign();
    const [draft] = await save(strict, [row(kt[0]!, { status: 'draft', achievements: '' })], token.unit);
    const submit = { ...row(kt[0]!, { achievements: '' }), id: draft!.id, version: 1, status: 'submitted' as const };
    const [refused] = await save(strict, [submit], token.unit);
    expect([refused!.outcome, refused!.refusal?.code]).toEqual(['refused', 'SUBMISSION_INCOMPLETE']);
    expect(refused!.refusal!.message.vi).toContain('thành tích');
    expect(await stored(strict, draft!.id)).toMatchObject({ status: 'draft', version: 1 });
    const lenient = await campaign({ allowIncompleteSubmission: true });
    const [sent] = await save(lenient, [row(kt[0]!, { achievements: '' })], token.unit);
    expect(sent).toMatchObject({ outcome: 'saved', status: 'submitted' });
  });
});
