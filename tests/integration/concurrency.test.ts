import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_PART_BYTES, once } from '#functions/store/idempotency-store';
import { keys } from '#functions/store/keys';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { useTestApi } from '#tests/support/api';
import { ADMIN, BATCH, CAMPAIGN_ID, HR, QUOTA_RULES_COUNTING_ELIGIBLE, row, staffOf, unitClerk } from '#tests/support/rows';
import { moveCampaignTo } from '#tests/support/stage';

/** Two people saving at once, and a network that drops: nothing lost, no quota overrun, nothing twice. */
const api = useTestApi();
let hr: string;
beforeAll(async () => (hr = await api.tokenFor(HR)));

const save = (rows: unknown[], headers: Record<string, string> = {}, token = hr) =>
  api.request('POST', BATCH, { token, body: { rows }, headers });

/** A campaign of the test's own (no other test holds its places) whose caps count the eligible proposals. */
async function campaignCountingEligible(id: string) {
  const admin = await api.tokenFor(ADMIN);
  const body = { ...SEED_CAMPAIGN, id, quotaRules: QUOTA_RULES_COUNTING_ELIGIBLE };
  expect((await api.request('POST', '/campaigns', { token: admin, body })).status).toBe(201);
  await moveCampaignTo(api, 'open', id);
  return { batch: `/campaigns/${id}/nominations/batch`, nominations: `/campaigns/${id}/nominations` };
}

describe('the race for the last place', () => {
  // Kế hoạch III.2.b: "không quá 01" — twenty saves fired at once, each finding a proposal eligible, for the one Giấy khen place.
  it('lets exactly one of 20 concurrent findings of eligibility win', async () => {
    const id = 'race-last-place';
    const { batch } = await campaignCountingEligible(id);
    const people = [...staffOf('tong-hop'), ...staffOf('kinh-te'), ...staffOf('khoa-giao-van-xa'), ...staffOf('noi-chinh-phap-che')].slice(
      0,
      20,
    );
    expect(people).toHaveLength(20);
    const created = await api.request('POST', batch, { token: hr, body: { rows: people.map((p) => row(p.id)) } });
    const submitted = created.body.rows as { id: string; version: number }[];

    const answers = await Promise.all(
      people.map((p, i) =>
        api.request('POST', batch, {
          token: hr,
          body: { rows: [{ ...row(p.id, { status: 'eligible' }), id: submitted[i]!.id, version: submitted[i]!.version }] },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const outcomes = answers.map((a) => a.body.rows[0].outcome);
    expect(outcomes.filter((o) => o === 'saved')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'refused')).toHaveLength(19);

    const list = await api.request('GET', `/campaigns/${id}/nominations?status=eligible`, { token: hr });
    expect(list.body.items.filter((n: { awardForm: string }) => n.awardForm === 'GIAY_KHEN_CVP')).toHaveLength(1);
    const report = await api.request('GET', `/campaigns/${id}/validation`, { token: hr });
    expect(report.body.quotaUsage).toContainEqual(expect.objectContaining({ awardForm: 'GIAY_KHEN_CVP', used: 1, max: 1 }));
    expect(report.body.issues.filter((i: { code: string }) => i.code === 'QUOTA_EXCEEDED')).toHaveLength(0);
  });
});

describe('versions', () => {
  it('answers a stale row with a conflict and the server row, and still saves the others', async () => {
    const [a, b] = staffOf('ban-tiep-cong-dan');
    const created = await save([row(a!.id), row(b!.id)]);
    const [first, second] = created.body.rows;
    const mine = await save([{ ...row(a!.id, { achievements: 'Bản của tôi' }), id: first.id, version: 1 }]);
    expect(mine.body.rows[0]).toMatchObject({ outcome: 'saved', version: 2 });

    const theirs = await save([
      { ...row(a!.id, { achievements: 'Bản của người khác' }), id: first.id, version: 1, rowKey: 'stale' },
      { ...row(b!.id, { note: 'ok' }), id: second.id, version: 1, rowKey: 'fresh' },
    ]);
    const [stale, fresh] = theirs.body.rows;
    expect(stale).toMatchObject({ rowKey: 'stale', outcome: 'conflict', version: 2, current: { achievements: 'Bản của tôi' } });
    expect(fresh).toMatchObject({ rowKey: 'fresh', outcome: 'saved', version: 2 });
  });

  it('lets only one of two saves of the same version through', async () => {
    const [, , c] = staffOf('ban-tiep-cong-dan');
    const created = await save([row(c!.id)]);
    const id = created.body.rows[0].id;
    const both = await Promise.all(['một', 'hai'].map((text) => save([{ ...row(c!.id, { achievements: text }), id, version: 1 }])));
    expect(both.map((a) => a.body.rows[0].outcome).sort()).toEqual(['conflict', 'saved']);
  });
});

describe('Idempotency-Key', () => {
  it('applies a retried save once and answers it the same', async () => {
    const [a] = staffOf('trung-tam-thong-tin');
    const headers = { 'idempotency-key': 'save-0001-retry-test' };
    const first = await save([row(a!.id)], headers);
    const retry = await save([row(a!.id)], headers);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const list = await api.request('GET', `/campaigns/${CAMPAIGN_ID}/nominations?unitId=trung-tam-thong-tin`, { token: hr });
    expect(list.body.items).toHaveLength(1);
  });

  it('refuses the same key with another body', async () => {
    const [, b] = staffOf('trung-tam-thong-tin');
    const headers = { 'idempotency-key': 'save-0002-reuse-test' };
    await save([row(b!.id)], headers);
    const reused = await save([row(b!.id, { note: 'khác' })], headers);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('answers a retry from an answer kept in the earlier form (kept a day, so across a deploy)', async () => {
    const [, , , d] = staffOf('trung-tam-thong-tin');
    const headers = { 'idempotency-key': 'save-0004-kept-before' };
    const first = await save([row(d!.id)], headers);
    // Until issue 13 an answer was kept as one gzipped JSON of its status and body.
    const Key = keys.idempotency(HR, `${CAMPAIGN_ID}#${headers['idempotency-key']}`);
    const { Item } = await api.doc.send(new GetCommand({ TableName: api.tableName, Key }));
    const { statusCode: _status, body: _body, ...kept } = Item!;
    const answer = gzipSync(JSON.stringify({ statusCode: 200, body: first.body }));
    await api.doc.send(new PutCommand({ TableName: api.tableName, Item: { ...kept, answer } }));
    const retry = await save([row(d!.id)], headers);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
  });

  it('keeps an answer too big for one item in parts, so a retry replays it and never runs the work again', async () => {
    const db = { doc: api.doc, tableName: api.tableName };
    // Random text barely compresses: about 1 MB gzipped, three parts of 350 KB.
    const body = { rows: randomBytes(800 * 1024).toString('base64') };
    let runs = 0;
    const work = async () => ((runs += 1), { statusCode: 200, body });
    const first = await once(db, HR, 'big-answer-test', '{}', work);
    const retry = await once(db, HR, 'big-answer-test', '{}', work);
    expect(first.gzipped.byteLength).toBeGreaterThan(2 * ANSWER_PART_BYTES);
    expect(runs).toBe(1);
    expect(JSON.parse(retry.text)).toEqual(body);
    expect(retry.gzipped.equals(first.gzipped)).toBe(true);
  });

  it('applies concurrent retries of one key once', async () => {
    const [, , c] = staffOf('trung-tam-thong-tin');
    const headers = { 'idempotency-key': 'save-0003-concurrent' };
    const answers = await Promise.all([save([row(c!.id)], headers), save([row(c!.id)], headers), save([row(c!.id)], headers)]);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
    for (const answer of answers.filter((a) => a.status !== 200)) expect(answer.body.code).toBe('REQUEST_IN_PROGRESS');
    const list = await api.request('GET', `/campaigns/${CAMPAIGN_ID}/nominations?unitId=trung-tam-thong-tin`, { token: hr });
    expect(list.body.items.filter((n: { nomineeId: string }) => n.nomineeId === c!.id)).toHaveLength(1);
  });
});

describe('delete and restore', () => {
  it('records a deletion, hides the row, gives its place back, and restores it', async () => {
    const id = 'delete-gives-place';
    const { batch, nominations } = await campaignCountingEligible(id);
    const [a] = staffOf('nha-khach');
    const created = await api.request('POST', batch, { token: hr, body: { rows: [row(a!.id, { awardForm: 'BANG_KHEN_CT_UBND' })] } });
    const nominationId = created.body.rows[0].id;
    const found = await api.request('POST', batch, {
      token: hr,
      body: { rows: [{ ...row(a!.id, { awardForm: 'BANG_KHEN_CT_UBND', status: 'eligible' }), id: nominationId, version: 1 }] },
    });
    expect(found.body.rows[0].outcome).toBe('saved');
    expect(found.body.quotaUsage).toContainEqual(expect.objectContaining({ awardForm: 'BANG_KHEN_CT_UBND', used: 1 }));

    const deleted = await api.request('DELETE', `${nominations}/${nominationId}?version=2`, { token: hr });
    expect(deleted.status).toBe(200);
    expect(deleted.body.deletedBy).toBe(HR);
    const report = await api.request('GET', `/campaigns/${id}/validation`, { token: hr });
    expect(report.body.quotaUsage).toContainEqual(expect.objectContaining({ awardForm: 'BANG_KHEN_CT_UBND', used: 0 }));
    const listed = await api.request('GET', `${nominations}?unitId=nha-khach`, { token: hr });
    expect(listed.body.items.map((n: { id: string }) => n.id)).not.toContain(nominationId);

    const restored = await api.request('POST', `${nominations}/${nominationId}/restore`, { token: hr });
    expect(restored.status).toBe(200);
    expect(restored.body.deletedAt).toBeUndefined();
    expect(restored.body.version).toBe(4);
    const again = await api.request('GET', `/campaigns/${id}/validation`, { token: hr });
    expect(again.body.quotaUsage).toContainEqual(expect.objectContaining({ awardForm: 'BANG_KHEN_CT_UBND', used: 1 }));

    const audit = await api.request('GET', `/campaigns/${id}/audit?nominationId=${nominationId}`, { token: hr });
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toEqual(['restore', 'delete', 'update', 'create']);
    expect(audit.body.entries[2].changes.status).toEqual({ from: 'submitted', to: 'eligible' });
    expect(audit.body.entries[2].actor).toBe(HR);
  });

  it('refuses to restore a proposal into a full quota', async () => {
    const id = 'restore-quota-test';
    const { batch } = await campaignCountingEligible(id);
    const [b, c] = staffOf('nha-khach').slice(1);
    const form = { awardForm: 'BANG_KHEN_CT_UBND', status: 'eligible' as const };
    const first = (await api.request('POST', batch, { token: hr, body: { rows: [row(b!.id, form)] } })).body.rows[0];
    expect(first.outcome).toBe('saved');
    await api.request('DELETE', `/campaigns/${id}/nominations/${first.id}`, { token: hr });
    const second = (await api.request('POST', batch, { token: hr, body: { rows: [row(c!.id, form)] } })).body.rows[0];
    expect(second.outcome).toBe('saved');

    const restore = await api.request('POST', `/campaigns/${id}/nominations/${first.id}/restore`, { token: hr });
    expect(restore.status).toBe(409);
    expect(restore.body.code).toBe('QUOTA_EXCEEDED');
    expect(restore.body.message.vi).toBe('Vượt chỉ tiêu Bằng khen của Chủ tịch UBND tỉnh: 2/1');
  });

  it('lets a unit clerk delete only its own draft rows', async () => {
    const clerk = await api.tokenFor(unitClerk('tong-hop'));
    const other = await save([row(staffOf('kinh-te')[5]!.id, { status: 'draft' })]);
    const refused = await api.request('DELETE', `/campaigns/${CAMPAIGN_ID}/nominations/${other.body.rows[0].id}`, { token: clerk });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN_UNIT');
  });
});
