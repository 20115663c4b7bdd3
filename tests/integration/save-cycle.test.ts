import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRows } from '#bench/rows';
import { requestCounter } from '#functions/store/client';
import type { NominationChange } from '#shared/nomination';
import { startTestApi, type TestApi } from '#tests/support/api';
import { BATCH, HR, row, staffOf, unitClerk } from '#tests/support/rows';

/**
 * A save's answer carries what the pane needs afterwards (each row's findings, the quota usage, and the
 * other rows whose duplicate finding it changed), so the pane asks for no validation report; and it
 * costs the same DynamoDB requests whatever the campaign's size.
 */
let api: TestApi;
let hr: string;
beforeAll(async () => {
  api = await startTestApi();
  hr = await api.tokenFor(HR);
});
afterAll(() => api?.close());

interface Answer {
  rows: {
    id: string;
    version: number;
    outcome: string;
    issues: { code: string; nominationId?: string; params: Record<string, unknown> }[];
  }[];
  quotaUsage: { awardForm: string; candidates: number }[];
  related: {
    id: string;
    version: number;
    status: string;
    issues: { code: string; nominationId?: string; params: Record<string, unknown> }[];
  }[];
}

async function save(rows: NominationChange[], token = hr): Promise<Answer> {
  const answer = await api.request<Answer>('POST', BATCH, { token, body: { rows } });
  expect(answer.status).toBe(200);
  return answer.body;
}

const codes = (issues: { code: string }[]) => issues.map((issue) => issue.code);

describe('the campaign-level findings a save changed', () => {
  it('flags the other row when a saved row becomes its duplicate, and clears both when edited away', async () => {
    const [p, q] = staffOf('tong-hop');
    const first = (await save([row(p!.id)])).rows[0]!;
    const second = (await save([row(q!.id)])).rows[0]!;
    expect(codes(first.issues)).not.toContain('DUPLICATE_NOMINEE');

    const dup = await save([{ ...row(p!.id, { awardForm: 'BANG_KHEN_CT_UBND' }), id: second.id, version: second.version }]);
    expect(codes(dup.rows[0]!.issues)).toContain('DUPLICATE_NOMINEE');
    expect(dup.related).toEqual([expect.objectContaining({ id: first.id, version: first.version, status: 'submitted' })]);
    const flagged = dup.related[0]!.issues.find((issue) => issue.code === 'DUPLICATE_NOMINEE');
    expect(flagged).toMatchObject({ nominationId: first.id, params: expect.objectContaining({ count: 2 }) });

    const away = await save([{ ...row(q!.id), id: second.id, version: second.version + 1 }]);
    expect(codes(away.rows[0]!.issues)).not.toContain('DUPLICATE_NOMINEE');
    expect(away.related.map((r) => r.id)).toEqual([first.id]);
    expect(codes(away.related[0]!.issues)).not.toContain('DUPLICATE_NOMINEE');
  });

  it('names no related row for a change that moves no nominee count', async () => {
    const [p] = staffOf('ban-tiep-cong-dan');
    const first = (await save([row(p!.id)])).rows[0]!;
    const again = await save([{ ...row(p!.id, { achievements: 'Thêm một thành tích.' }), id: first.id, version: first.version }]);
    expect(again.related).toEqual([]);
    expect(again.quotaUsage.length).toBeGreaterThan(0);
  });

  it('tells a unit clerk only of the rows the clerk may read', async () => {
    const [p] = staffOf('nha-khach');
    // HR's draft names the clerk's staff member for another unit (an error: not to be submitted): the clerk cannot read it.
    const other = (await save([row(p!.id, { unitId: 'tong-hop', status: 'draft' })])).rows[0]!;
    const own = (await save([row(staffOf('nha-khach')[1]!.id)])).rows[0]!;
    const clerk = await api.tokenFor(unitClerk('nha-khach'));
    const dup = await save([{ ...row(p!.id), id: own.id, version: own.version }], clerk);
    expect(codes(dup.rows[0]!.issues)).toContain('DUPLICATE_NOMINEE');
    expect(dup.related).toEqual([]);
    // HR moves its row to another nominee: the clerk's row is no longer a duplicate, and HR is told so.
    const [q] = staffOf('trung-tam-thong-tin');
    const moved = await save([{ ...row(q!.id), id: other.id, version: other.version }]);
    expect(moved.related.map((r) => r.id)).toEqual([own.id]);
    expect(codes(moved.related[0]!.issues)).not.toContain('DUPLICATE_NOMINEE');
  });
});

describe('the cost of a one-row save', () => {
  it('makes the same DynamoDB requests in a campaign of 50 rows and of 500', async () => {
    const campaignRows = makeRows(500, 7).map((r) => ({ ...r, rowKey: undefined }));
    const seeded = await save(campaignRows.slice(0, 50));
    const target = { ...campaignRows[10]!, id: seeded.rows[10]!.id, version: seeded.rows[10]!.version };
    const measure = async (k: number) => {
      const before = requestCounter.count;
      const answer = await save([{ ...target, achievements: `${target.achievements} (${k})`, version: target.version + k }]);
      expect(answer.rows[0]!.outcome).toBe('saved');
      expect(answer.related).toEqual([]);
      return requestCounter.count - before;
    };
    const small = await measure(0);
    await save(campaignRows.slice(50));
    const large = await measure(1);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });
});
