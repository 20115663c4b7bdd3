import { beforeAll, describe, expect, it } from 'vitest';
import { requestCounter } from '#functions/store/client';
import type { RegisterEntry } from '#shared/register/entry';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { useTestApi } from '#tests/support/api';
import { campaignAfterFullRound } from '#tests/support/full-round';
import { moveCampaignTo } from '#tests/support/stage';
import { ADMIN, HR, row, staffOf, unitClerk, VIEWER } from '#tests/support/rows';

/**
 * Issue 11, section 2: recording a decision (the office's issued, the Province's entered by hand)
 * writes one register entry per awardee; the office's history is imported without duplicates; a
 * person's or a unit's history is looked up; the save and the full report ("Kiểm tra lại") flag a nominee
 * already awarded, naming the decision.
 */
const api = useTestApi();
const stamp = Date.now().toString(36);
const first = `so-khen-a-${stamp}`;
const second = `so-khen-b-${stamp}`;
const [a, b, c, d] = staffOf('kinh-te');
let ids: string[] = [];
const token = { admin: '', hr: '', viewer: '', unit: '', otherUnit: '' };

beforeAll(async () => {
  const emails = { admin: ADMIN, hr: HR, viewer: VIEWER, unit: unitClerk('kinh-te'), otherUnit: unitClerk('tong-hop') };
  for (const [role, email] of Object.entries(emails)) token[role as keyof typeof token] = await api.tokenFor(email);
  const bangKhen = { awardForm: 'BANG_KHEN_CT_UBND', status: 'eligible' } as const;
  const rows = [row(a!, { status: 'eligible' }), row(b!, { status: 'eligible' }), row(c!, bangKhen), row(d!, bangKhen)];
  ids = await campaignAfterFullRound(api, first, rows, { chosen: 3 });
});

const lookup = (query: string, as = token.hr) =>
  api.request<{ entries: RegisterEntry[]; code?: string }>('GET', `/register?${query}`, { token: as });
const decisions = (body: object, as = token.hr, headers: Record<string, string> = {}) =>
  api.request('POST', `/campaigns/${first}/decisions`, { token: as, body, headers });
const provinceDecision = { number: '1234/QĐ-UBND', date: '2025-11-20', signer: 'Nguyễn Đăng Bình', awardForm: 'BANG_KHEN_CT_UBND' };

describe('recording a decision writes the register', () => {
  it("issuing the office's decision writes one entry per awardee, and a retry never duplicates them", async () => {
    const generated = await api.request('POST', `/campaigns/${first}/documents/quyet-dinh`, {
      token: token.hr,
      body: { number: 7, date: '2025-10-05' },
    });
    expect(generated.status, generated.text).toBe(200);
    const body = { version: generated.body.record.version };
    const issued = await api.request('POST', `/campaigns/${first}/documents/quyet-dinh/issue`, { token: token.hr, body });
    expect(issued.status, issued.text).toBe(200);
    const history = await lookup(`kind=individual&id=${a!.id}`);
    expect(history.status, history.text).toBe(200);
    expect(history.body.entries).toEqual([
      expect.objectContaining({
        source: 'issued',
        name: a!.fullName,
        unitName: 'Phòng Kinh tế',
        personId: a!.id,
        awardForm: 'GIAY_KHEN_CVP',
        decisionNumber: '07/QĐ-VP',
        decisionDate: '2025-10-05',
        campaignId: first,
        nominationId: ids[0],
        year: 2025,
      }),
    ]);
    const again = await api.request('POST', `/campaigns/${first}/documents/quyet-dinh/issue`, { token: token.hr, body });
    expect(again.body.code).toBe('DOCUMENT_ALREADY_ISSUED');
    expect((await lookup(`kind=individual&id=${a!.id}`)).body.entries).toHaveLength(1);
    expect((await lookup(`kind=individual&id=${b!.id}`)).body.entries).toHaveLength(1);
  });

  it("the Province's decision is entered by HR or an admin, for nominations selected for its form only", async () => {
    expect((await decisions({ ...provinceDecision, nominationIds: [ids[2]] }, token.viewer)).status).toBe(403);
    expect((await decisions({ ...provinceDecision, nominationIds: [ids[2]] }, token.unit)).status).toBe(403);
    const office = await decisions({ ...provinceDecision, awardForm: 'GIAY_KHEN_CVP', nominationIds: [ids[0]] });
    expect([office.status, office.body.code]).toEqual([422, 'DECISION_FORM_OFFICE']);
    const notSelected = await decisions({ ...provinceDecision, nominationIds: [ids[2], ids[3]] });
    expect([notSelected.status, notSelected.body.code, notSelected.body.details.ids]).toEqual([409, 'DECISION_NOT_SELECTED', [ids[3]]]);
    expect(notSelected.body.message.vi).toContain('chưa được Hội đồng chọn');
    expect((await lookup(`kind=individual&id=${c!.id}`)).body.entries).toEqual([]);
  });

  it('records it: the nomination awarded, its entry with number, date and signer; the same request again answers the same', async () => {
    const headers = { 'idempotency-key': `decision-${stamp}` };
    const recorded = await decisions({ ...provinceDecision, nominationIds: [ids[2]] }, token.hr, headers);
    expect(recorded.status, recorded.text).toBe(200);
    expect(recorded.body).toMatchObject({
      awarded: 1,
      entries: [{ source: 'entered', decisionNumber: '1234/QĐ-UBND', signer: 'Nguyễn Đăng Bình' }],
    });
    const retried = await decisions({ ...provinceDecision, nominationIds: [ids[2]] }, token.hr, headers);
    expect(retried.body).toEqual(recorded.body);
    const page = await api.request('GET', `/campaigns/${first}/nominations`, { token: token.hr });
    const statusOf = Object.fromEntries((page.body.items as { id: string; status: string }[]).map((n) => [n.id, n.status]));
    expect(statusOf[ids[2]!]).toBe('awarded');
    const history = await lookup(`kind=individual&id=${c!.id}&year=2025&form=BANG_KHEN_CT_UBND`);
    expect(history.body.entries).toEqual([
      expect.objectContaining({ source: 'entered', decisionDate: '2025-11-20', awardForm: 'BANG_KHEN_CT_UBND' }),
    ]);
    const again = await decisions({ ...provinceDecision, nominationIds: [ids[2]] });
    expect(again.body.code).toBe('DECISION_NOT_SELECTED');
  });
});

describe('the history imported from its sheet', () => {
  const history = [
    {
      rowKey: 'r2',
      name: a!.fullName.toUpperCase(),
      unit: 'Phòng Kinh tế',
      award: 'Giấy khen',
      decisionNumber: '12/QĐ-VP',
      decisionDate: '2023-12-20',
      year: 2023,
    },
    {
      rowKey: 'r3',
      name: 'Lò Văn Cũ',
      unit: 'Phòng Kinh tế',
      award: 'Bằng khen của Chủ tịch UBND tỉnh',
      decisionNumber: '88/QĐ-UBND',
      decisionDate: '2022-05-04',
      year: 2021,
    },
    {
      rowKey: 'r4',
      name: 'Phòng Tổng hợp',
      unit: 'Phòng Tổng hợp',
      award: 'Tập thể lao động xuất sắc',
      decisionNumber: '40/QĐ-UBND',
      decisionDate: '2024-02-01',
      year: 2023,
      nomineeKind: 'collective',
    },
  ];

  it('is HR’s or an admin’s; rows are matched to the registry, or kept by name and unit with a warning at their cell', async () => {
    expect((await api.request('PUT', '/register/history', { token: token.viewer, body: { rows: history } })).status).toBe(403);
    const imported = await api.request('PUT', '/register/history', { token: token.hr, body: { rows: history } });
    expect(imported.status, imported.text).toBe(200);
    expect(imported.body.summary).toEqual({ added: 3, unchanged: 0, updated: 0, recorded: 0 });
    expect(imported.body.rows.map((r: { matched: boolean }) => r.matched)).toEqual([true, false, true]);
    expect(imported.body.rows[1].issues).toEqual([
      expect.objectContaining({ code: 'HISTORY_UNMATCHED', severity: 'warning', rowKey: 'r3', field: 'name' }),
    ]);
  });

  it('imported again adds nothing; a changed detail updates the entry', async () => {
    const again = await api.request('PUT', '/register/history', { token: token.hr, body: { rows: history } });
    expect(again.body.summary).toEqual({ added: 0, unchanged: 3, updated: 0, recorded: 0 });
    const changed = [{ ...history[1]!, award: 'Chiến sĩ thi đua cơ sở' }];
    expect((await api.request('PUT', '/register/history', { token: token.hr, body: { rows: changed } })).body.summary.updated).toBe(1);
    expect((await lookup(`kind=individual&id=${a!.id}`)).body.entries.map((e) => e.decisionNumber)).toEqual(['07/QĐ-VP', '12/QĐ-VP']);
  });

  it('looks up by name and unit, filters by year, form and unit; a unit clerk reads its own unit only', async () => {
    const byName = await lookup(`kind=individual&name=${encodeURIComponent('lò văn cũ')}&unit=${encodeURIComponent('Phòng Kinh tế')}`);
    expect(byName.body.entries).toEqual([
      expect.objectContaining({ name: 'Lò Văn Cũ', awardFormName: 'Chiến sĩ thi đua cơ sở', year: 2021 }),
    ]);
    expect((await lookup(`kind=individual&name=${encodeURIComponent('Lò Văn Cũ')}&unit=tong-hop`)).body.entries).toEqual([]);
    expect((await lookup(`kind=individual&id=${a!.id}&year=2023`)).body.entries.map((e) => e.decisionNumber)).toEqual(['12/QĐ-VP']);
    expect((await lookup('kind=collective&id=tong-hop')).body.entries).toEqual([
      expect.objectContaining({ unitId: 'tong-hop', year: 2023 }),
    ]);
    expect((await lookup(`kind=individual&id=${a!.id}`, token.unit)).status).toBe(200);
    expect((await lookup(`kind=individual&id=${a!.id}`, token.otherUnit)).body.code).toBe('FORBIDDEN_UNIT');
    expect((await lookup('kind=individual')).body.code).toBe('REGISTER_SUBJECT_REQUIRED');
  });
});

describe('the duplicate rule reads the register', () => {
  it('a nominee awarded in this campaign, or for the same period in another, is flagged with the decision named', async () => {
    const here = await api.request('POST', `/campaigns/${first}/nominations/batch`, {
      token: token.hr,
      body: { rows: [row(a!, { awardForm: 'BANG_KHEN_CT_UBND', status: 'submitted', rowKey: 'x' })] },
    });
    expect(here.status, here.text).toBe(200);
    const found = here.body.rows[0].issues.find((i: { code: string }) => i.code === 'AWARDED_IN_CAMPAIGN');
    expect(found.message.vi).toContain('Quyết định số 07/QĐ-VP ngày 05/10/2025');
    const created = await api.request('POST', '/campaigns', { token: token.admin, body: { ...SEED_CAMPAIGN, id: second } });
    expect(created.status, created.text).toBe(201);
    await moveCampaignTo(api, 'under_review', second);
    const other = await api.request('POST', `/campaigns/${second}/nominations/batch`, {
      token: token.hr,
      body: { rows: [row(c!, { rowKey: 'y' })] },
    });
    const period = other.body.rows[0].issues.find((i: { code: string }) => i.code === 'AWARDED_SAME_PERIOD');
    expect(period.message.vi).toContain('Quyết định số 1234/QĐ-UBND ngày 20/11/2025');
    const fresh = await api.request('POST', `/campaigns/${second}/nominations/batch`, {
      token: token.hr,
      body: { rows: [row(d!, { rowKey: 'z' })] },
    });
    expect(fresh.body.rows[0].issues.map((i: { code: string }) => i.code)).not.toContain('AWARDED_SAME_PERIOD');
  });

  it('"Kiểm tra lại" (the full report) flags them too, reading the register only under the names that have entries', async () => {
    const report = async (campaignId: string) => {
      const before = requestCounter.count;
      const answer = await api.request('GET', `/campaigns/${campaignId}/validation`, { token: token.hr });
      expect(answer.status, answer.text.slice(0, 300)).toBe(200);
      const issues = answer.body.issues as { code: string; nominationId?: string; message: { vi: string } }[];
      return { issues, requests: requestCounter.count - before };
    };
    const codes = <T extends { code: string }>(issues: T[], code: string) => issues.filter((issue) => issue.code === code);
    // Each awarded nomination is its entry's own: only another nomination of the same nominee is flagged.
    const here = codes((await report(first)).issues, 'AWARDED_IN_CAMPAIGN');
    expect(here).toHaveLength(1);
    expect(ids).not.toContain(here[0]!.nominationId);
    expect(here[0]!.message.vi).toContain('Quyết định số 07/QĐ-VP ngày 05/10/2025');
    const other = await report(second);
    const period = codes(other.issues, 'AWARDED_SAME_PERIOD');
    expect(period).toHaveLength(1);
    expect(period[0]!.message.vi).toContain('Quyết định số 1234/QĐ-UBND ngày 20/11/2025');
    // Nominees never awarded add no read of the register: their names' markers come in the same BatchGet.
    const never = staffOf('tong-hop').slice(0, 3);
    const added = await api.request('POST', `/campaigns/${second}/nominations/batch`, {
      token: token.hr,
      body: { rows: never.map((person, n) => row(person, { rowKey: `n${n}` })) },
    });
    expect(added.status, added.text.slice(0, 300)).toBe(200);
    const more = await report(second);
    expect(more.requests).toBe(other.requests);
    expect(codes(more.issues, 'AWARDED_SAME_PERIOD')).toEqual(period);
  });
});
