import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '#tests/support/api';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { moveCampaignTo } from '#tests/support/stage';
import { ADMIN, BATCH, CAMPAIGN_ID, HR, QUOTA_RULES_COUNTING_ELIGIBLE, row, staffOf, unitClerk } from '#tests/support/rows';

/**
 * Validation on save, through the API over a real DynamoDB Local: the plan's cases are stored (nothing
 * the clerk typed is lost) and answered with their issues, pointing at the field.
 */
const api = useTestApi();
let hr: string;
beforeAll(async () => (hr = await api.tokenFor(HR)));

async function saveOne(change: ReturnType<typeof row>, token = hr) {
  const answer = await api.request('POST', BATCH, { token, body: { rows: [{ ...change, rowKey: 'r1' }] } });
  expect(answer.status).toBe(200);
  return answer.body.rows[0];
}

const codes = (result: { issues: { code: string }[] }) => result.issues.map((issue) => issue.code);

describe('the plan on save', () => {
  it('stores a complete nomination with no issues and version 1', async () => {
    const result = await saveOne(row(staffOf('kinh-te')[0]!.id));
    expect(result).toMatchObject({ outcome: 'saved', version: 1, status: 'submitted', rowKey: 'r1', issues: [] });
    expect(result.id).toMatch(/^n/);
  });

  // Kế hoạch IV.1: "gửi hồ sơ ... trước ngày 01/10/2025".
  it('flags a dossier received after the deadline, and keeps it', async () => {
    const result = await saveOne(row(staffOf('kinh-te')[1]!.id, { receivedDate: '2025-10-01' }));
    expect(result.outcome).toBe('saved');
    const late = result.issues.find((issue: { code: string }) => issue.code === 'LATE_SUBMISSION');
    expect(late).toMatchObject({ severity: 'warning', field: 'receivedDate' });
    expect(late.message.vi).toContain('01/10/2025');
  });

  // Kế hoạch III.2.c: the three documents of the dossier.
  it('flags a missing document on the cell of that document', async () => {
    const change = row(staffOf('kinh-te')[2]!.id);
    delete change.dossier!.BIEN_BAN_HOP_XET;
    const result = await saveOne(change);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'DOSSIER_INCOMPLETE', severity: 'error', field: 'dossier.BIEN_BAN_HOP_XET' }),
    );
  });

  // Kế hoạch II.3: "Cá nhân gồm: Toàn thể cán bộ ... trong Văn phòng" of the nominating unit.
  it('flags a nominee from another unit', async () => {
    const result = await saveOne({ ...row(staffOf('kinh-te')[3]!.id), unitId: 'tong-hop' });
    expect(codes(result)).toContain('NOMINEE_OTHER_UNIT');
  });

  // Rule 8: one achievement, one award.
  it('flags the same nominee proposed twice, for either form', async () => {
    const person = staffOf('khoa-giao-van-xa')[0]!.id;
    await saveOne(row(person));
    const second = await saveOne(row(person, { awardForm: 'BANG_KHEN_CT_UBND' }));
    expect(second.issues).toContainEqual(
      expect.objectContaining({ code: 'DUPLICATE_NOMINEE', field: 'nomineeId', params: expect.objectContaining({ count: 2 }) }),
    );
  });

  // Rule 9: no award under discipline.
  it('flags a nominee under discipline', async () => {
    const result = await saveOne(row('cb-013'));
    expect(codes(result)).toContain('NOMINEE_UNDER_DISCIPLINE');
  });

  it('stamps the day of receipt when a unit submits without one', async () => {
    const clerk = await api.tokenFor(unitClerk('nha-khach'));
    const result = await saveOne(row(staffOf('nha-khach')[0]!.id, { receivedDate: undefined }), clerk);
    expect(result.receivedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('stores text that would read as a formula as given and marks it as text', async () => {
    const result = await saveOne(row(staffOf('nha-khach')[1]!.id, { achievements: '=HYPERLINK("http://x","y")' }));
    expect(result.textFields).toEqual(['achievements']);
    const list = await api.request('GET', `/campaigns/${CAMPAIGN_ID}/nominations?unitId=nha-khach`, { token: hr });
    expect(list.body.items.map((n: { achievements: string }) => n.achievements)).toContain('=HYPERLINK("http://x","y")');
  });
});

describe('quotas on save', () => {
  // Kế hoạch III.2.b: "Lựa chọn không quá 01 tập thể hoặc cá nhân". The campaign caps the proposals
  // (its rules count the eligible ones): HR finding a nomination eligible takes the place.
  it('counts more candidates than places (a finding on the form, not on its rows), and refuses a second finding of eligibility atomically', async () => {
    const id = 'quota-on-save';
    const admin = await api.tokenFor(ADMIN);
    const body = { ...SEED_CAMPAIGN, id, quotaRules: QUOTA_RULES_COUNTING_ELIGIBLE };
    expect((await api.request('POST', '/campaigns', { token: admin, body })).status).toBe(201);
    await moveCampaignTo(api, 'open', id);
    const batch = `/campaigns/${id}/nominations/batch`;
    const saveAs = (rows: unknown[]) => api.request('POST', batch, { token: hr, body: { rows } });
    const [a, b] = staffOf('trung-tam-hcc');
    const proposal = (who: string, status: 'submitted' | 'eligible' | 'returned') =>
      row(who, { awardForm: 'BANG_KHEN_CT_UBND', status, ...(status === 'returned' ? { returnReason: 'Bổ sung' } : {}) });
    const first = (await saveAs([proposal(a!.id, 'submitted')])).body.rows[0];
    const answer = await saveAs([proposal(b!.id, 'submitted')]);
    const second = answer.body.rows[0];
    expect(codes(second)).not.toContain('QUOTA_MORE_CANDIDATES');
    const usage = answer.body.quotaUsage.find((entry: { awardForm: string }) => entry.awardForm === 'BANG_KHEN_CT_UBND');
    expect(usage).toMatchObject({ candidates: 2, max: 1 });
    const report = await api.request('GET', `/campaigns/${id}/validation`, { token: hr });
    const crowded = report.body.issues.filter((issue: { code: string }) => issue.code === 'QUOTA_MORE_CANDIDATES');
    expect(crowded).toContainEqual(
      expect.objectContaining({ severity: 'warning', field: 'awardForm', params: expect.objectContaining({ candidates: 2 }) }),
    );
    // Once per form, on no row.
    expect(crowded.every((issue: { nominationId?: string }) => issue.nominationId === undefined)).toBe(true);

    const findFirst = await saveAs([{ ...proposal(a!.id, 'eligible'), id: first.id, version: 1 }]);
    expect(findFirst.body.rows[0].outcome).toBe('saved');
    expect(findFirst.body.quotaUsage).toContainEqual(expect.objectContaining({ awardForm: 'BANG_KHEN_CT_UBND', used: 1, max: 1 }));

    const findSecond = await saveAs([{ ...proposal(b!.id, 'eligible'), id: second.id, version: 1 }]);
    const refused = findSecond.body.rows[0];
    expect(refused).toMatchObject({ outcome: 'refused', version: 1, status: 'submitted' });
    expect(refused.refusal.message.vi).toBe('Vượt chỉ tiêu Bằng khen của Chủ tịch UBND tỉnh: 2/1');

    // Moving the place from one to the other in one batch works: the place is given back first.
    const swap = await saveAs([
      { ...proposal(b!.id, 'eligible'), id: second.id, version: 1 },
      { ...proposal(a!.id, 'returned'), id: first.id, version: 2 },
    ]);
    expect(swap.body.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['saved', 'saved']);
    expect(swap.body.quotaUsage).toContainEqual(expect.objectContaining({ awardForm: 'BANG_KHEN_CT_UBND', used: 1 }));
  });
});
