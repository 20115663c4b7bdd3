import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord, GeneratedDocument } from '#shared/api/documents';
import { useTestApi } from '#tests/support/api';
import { paragraphTexts, unzip } from '#tests/support/docx';
import { campaignAfterFullRound } from '#tests/support/full-round';
import { nominateCollective } from '#tests/support/nomination';
import { ADMIN, HR, row, SECRETARY, staffOf, unitClerk, VIEWER } from '#tests/support/rows';

/**
 * Issue 9: every generated document takes the next number of the office's register for its type, is
 * recorded with the campaign (who, when, from which data), says what changed since it was last
 * generated; issuing the Quyết định awards its nominations in one transaction with the audit.
 */
const api = useTestApi();
const stamp = Date.now().toString(36);
const first = `so-van-ban-a-${stamp}`;
const second = `so-van-ban-b-${stamp}`;
const [a, b, c] = staffOf('kinh-te');
// b is nominated and passed over by the council: the decision never names them.
let ids: string[] = [];
const token = { admin: '', hr: '', secretary: '', viewer: '', unit: '' };

beforeAll(async () => {
  const emails = { admin: ADMIN, hr: HR, secretary: SECRETARY, viewer: VIEWER, unit: unitClerk('kinh-te') };
  for (const [role, email] of Object.entries(emails)) token[role as keyof typeof token] = await api.tokenFor(email);
  const rows = [nominateCollective('tong-hop', { status: 'eligible' }), row(a!, { status: 'eligible' }), row(b!, { status: 'eligible' })];
  ids = await campaignAfterFullRound(api, first, rows, { chosen: 2 });
  await campaignAfterFullRound(api, second, [row(c!, { status: 'eligible' })], { chosen: 1 });
});

const generate = (campaign: string, body: object = {}, as = token.hr) =>
  api.request<GeneratedDocument & { code?: string; message?: { vi: string; en: string } }>(
    'POST',
    `/campaigns/${campaign}/documents/quyet-dinh`,
    { token: as, body },
  );
const issue = (campaign: string, version: number, as = token.hr) =>
  api.request('POST', `/campaigns/${campaign}/documents/quyet-dinh/issue`, { token: as, body: { version } });
const texts = (answer: GeneratedDocument) => paragraphTexts(unzip(Buffer.from(answer.content, 'base64')).get('word/document.xml')!);
const statuses = async (campaign: string) => {
  const page = await api.request('GET', `/campaigns/${campaign}/nominations`, { token: token.hr });
  return Object.fromEntries((page.body.items as { id: string; status: string }[]).map((n) => [n.id, n.status]));
};

describe('the register and the records of generated documents', () => {
  let record: DocumentRecord;

  it('the first generation takes the next number of the year, recorded with who and when; the file carries it', async () => {
    const certificatesFirst = await api.request('POST', `/campaigns/${first}/documents/giay-khen`, { token: token.hr, body: {} });
    expect([certificatesFirst.status, certificatesFirst.body.code]).toEqual([409, 'DOCUMENT_NEEDS_DECISION']);
    const answer = await generate(first, { date: '2025-10-05' });
    expect(answer.status, answer.text).toBe(200);
    record = answer.body.record;
    expect(record).toMatchObject({ number: 1, numberLine: 'Số: 01/QĐ-VP', year: 2025, date: '2025-10-05', status: 'draft' });
    expect(record).toMatchObject({ generatedBy: HR, generations: 1, lineCount: 2 });
    expect(answer.body.changes.first).toBe(true);
    expect(texts(answer.body)).toContain('Số: 01/QĐ-VP');
  });

  it('generating again keeps its number and says nothing changed; a changed achievement is named', async () => {
    const again = await generate(first);
    expect(again.body.record).toMatchObject({ number: 1, date: '2025-10-05', generations: 2 });
    expect(again.body.changes).toEqual({ first: false, added: [], removed: [], changed: [], renumbered: false });
    const edited = await api.request('POST', `/campaigns/${first}/nominations/batch`, {
      token: token.hr,
      body: { rows: [row(a!, { id: ids[1], version: 2, status: 'selected', achievements: 'Hoàn thành xuất sắc nhiệm vụ số hóa' })] },
    });
    expect(edited.status, edited.text).toBe(200);
    const changed = await generate(first);
    expect(changed.body.changes.changed).toEqual([a!.fullName]);
    record = changed.body.record;
  });

  it('a number typed by hand is the document’s if it is free; another campaign’s decision then takes the next', async () => {
    const renumbered = await generate(first, { number: 7 });
    expect(renumbered.body.record).toMatchObject({ number: 7, numberLine: 'Số: 07/QĐ-VP' });
    expect(renumbered.body.changes.renumbered).toBe(true);
    record = renumbered.body.record;
    const taken = await generate(second, { number: 7, date: '2025-10-06' });
    expect([taken.status, taken.body.code]).toEqual([409, 'DOCUMENT_NUMBER_TAKEN']);
    expect(taken.body.message?.vi).toContain('Số này đã được dùng');
    const next = await generate(second, { date: '2025-10-06' });
    expect(next.body.record.number).toBe(8);
    // Numbers restart with the year.
    expect((await generate(second, { date: '2026-01-05' })).body.record).toMatchObject({ number: 1, year: 2026 });
    const list = await api.request('GET', `/campaigns/${first}/documents`, { token: token.hr });
    expect(list.body.records.map((r: DocumentRecord) => [r.kind, r.number])).toEqual([['quyet-dinh', 7]]);
  });

  it('is the office’s: a unit clerk and a viewer generate nothing; the secretary does not issue the decision', async () => {
    for (const as of [token.unit, token.viewer, token.secretary]) expect((await generate(first, {}, as)).status).toBe(403);
    expect((await issue(first, record.version, token.secretary)).status).toBe(403);
    expect((await api.request('GET', `/campaigns/${first}/documents`, { token: token.unit })).status).toBe(403);
  });

  it('issuing what was not read, or what changed since, is refused and writes nothing', async () => {
    const stale = await issue(first, record.version - 1);
    expect([stale.status, stale.body.code]).toEqual([409, 'DOCUMENT_VERSION_CONFLICT']);
    const edited = await api.request('POST', `/campaigns/${first}/nominations/batch`, {
      token: token.hr,
      body: {
        rows: [
          nominateCollective('tong-hop', { id: ids[0], version: 2, status: 'selected', achievements: 'Thành tích đã sửa sau khi lập' }),
        ],
      },
    });
    expect(edited.status, edited.text).toBe(200);
    const changed = await issue(first, record.version);
    expect([changed.status, changed.body.code]).toEqual([409, 'DOCUMENT_CHANGED_SINCE']);
    expect(changed.body.message.en).toContain('generate it again');
    expect(Object.values(await statuses(first)).filter((s) => s === 'awarded')).toHaveLength(0);
  });

  it('issuing the decision as generated awards its nominations, with the audit naming the decision; it then keeps its number', async () => {
    const regenerated = await generate(first);
    expect(regenerated.body.changes.changed).toEqual(['Phòng Tổng hợp']);
    const issued = await issue(first, regenerated.body.record.version);
    expect(issued.status, issued.text).toBe(200);
    expect(issued.body).toMatchObject({ awarded: 2, record: { status: 'issued', issuedBy: HR, number: 7 } });
    const now = await statuses(first);
    expect([now[ids[0]!], now[ids[1]!], now[ids[2]!]]).toEqual(['awarded', 'awarded', 'not_selected']);
    const audit = await api.request('GET', `/campaigns/${first}/audit?nominationId=${ids[1]}`, { token: token.hr });
    expect(audit.body.entries[0]).toMatchObject({
      actor: HR,
      changes: { status: { from: 'selected', to: 'awarded' }, decision: { to: 'Số: 07/QĐ-VP' } },
    });
    expect((await issue(first, issued.body.record.version)).body.code).toBe('DOCUMENT_ALREADY_ISSUED');
    expect((await generate(first, { number: 9 })).body.code).toBe('DOCUMENT_ALREADY_ISSUED');
    const after = await generate(first);
    expect(after.body.record).toMatchObject({ number: 7, status: 'issued' });
    expect(after.body.changes.changed).toEqual([]);
    expect(texts(after.body)).toContain(a!.fullName);
  });

  it('the certificates carry their decision’s number and date, and take none of their own', async () => {
    const certificates = await api.request<GeneratedDocument>('POST', `/campaigns/${first}/documents/giay-khen`, {
      token: token.hr,
      body: {},
    });
    expect(certificates.status, certificates.text).toBe(200);
    expect(certificates.body.record).toMatchObject({ number: 7, numberLine: 'Số: 07/QĐ-VP', date: '2025-10-05', lineCount: 2 });
  });

  it('the minutes of the last counted round, asked for without naming it, are that round’s record', async () => {
    const minutes = () =>
      api.request<GeneratedDocument>('POST', `/campaigns/${first}/documents/bien-ban-kiem-phieu`, { token: token.secretary, body: {} });
    const once = await minutes();
    expect(once.status, once.text).toBe(200);
    expect(once.body.record).toMatchObject({ key: 'bien-ban-kiem-phieu#1', numberLine: 'Số: 01/BB-VP' });
    const twice = await minutes();
    expect(twice.body.record).toMatchObject({ key: 'bien-ban-kiem-phieu#1', number: once.body.record.number, generations: 2 });
    expect(twice.body.changes.first).toBe(false);
  });
});
