import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCX_MEDIA_TYPE } from '#shared/api/documents';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { startTestApi, type TestApi } from '#tests/support/api';
import {
  convertToPdf,
  expectBodyParagraph,
  expectHeading,
  expectNoFieldsInBody,
  expectPage,
  expectPageNumbers,
  expectRecipients,
  expectSubjectRule,
  expectTimesNewRoman,
  expectTitle,
  openDocx,
  type OpenedDocx,
} from '#tests/support/decree-format';
import { paragraphTexts, paragraphWith, unzip } from '#tests/support/docx';
import { nominateCollective } from '#tests/support/nomination';
import { ADMIN, HR, row, SECRETARY, staffOf, unitClerk, VIEWER } from '#tests/support/rows';
import { moveCampaignTo } from '#tests/support/stage';

/**
 * Issue 9: the Chief of Office's Quyết định on the Giấy khen, generated after a full round on DynamoDB
 * Local, read back from its word/document.xml against Nghị định 30/2020/NĐ-CP, and converted to PDF
 * by LibreOffice. The campaign gives the Giấy khen three places: a collective and two individuals.
 */
let api: TestApi;
const token = { admin: '', hr: '', secretary: '', viewer: '', unit: '' };
const id = `van-ban-${Date.now().toString(36)}`;
const path = `/campaigns/${id}/documents/quyet-dinh`;
const [chosenA, chosenB, passedOver] = staffOf('kinh-te');
/** Typed text that reads like a formula and like Word's markup: it must stay text. */
const TRICKY = '=HYPERLINK("http://x","y") <w:fldSimple w:instr="PAGE"/> { PAGE } & các sáng kiến số hóa';

beforeAll(async () => {
  api = await startTestApi();
  const emails = { admin: ADMIN, hr: HR, secretary: SECRETARY, viewer: VIEWER, unit: unitClerk('kinh-te') };
  for (const [role, email] of Object.entries(emails)) token[role as keyof typeof token] = await api.tokenFor(email);
  const quotaRules = SEED_CAMPAIGN.quotaRules.map((rule) => (rule.awardForm === 'GIAY_KHEN_CVP' ? { ...rule, max: 3 } : rule));
  const created = await api.request('POST', '/campaigns', { token: token.admin, body: { ...SEED_CAMPAIGN, id, quotaRules } });
  expect(created.status, created.text).toBe(201);
  await moveCampaignTo(api, 'under_review', id);
});
afterAll(() => api?.close());

/** The file as bytes: the test API's request reads text, which would mangle them. */
async function download(as: string, query = '?number=5&date=2025-10-05') {
  const response = await fetch(`${api.baseUrl}${path}${query}`, { headers: { authorization: `Bearer ${as}` } });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** Eligible nominations, then one round whose nine ballots all mark `chosen`, tallied and confirmed. */
async function fullRound(): Promise<Record<string, string>> {
  const rows = [
    nominateCollective('tong-hop', { status: 'eligible' }),
    row(chosenA!, { status: 'eligible', achievements: TRICKY }),
    row(chosenB!, { status: 'eligible' }),
    row(passedOver!, { status: 'eligible' }),
  ];
  const saved = await api.request('POST', `/campaigns/${id}/nominations/batch`, { token: token.hr, body: { rows } });
  expect(saved.status, saved.text).toBe(200);
  const ids = (saved.body.rows as { id: string }[]).map((r) => r.id);
  const chosen = Object.fromEntries(ids.slice(0, 3).map((nominationId) => [nominationId, 'x']));
  const rounds = `/campaigns/${id}/rounds`;
  const secretary = { token: token.secretary };
  const opened = await api.request('POST', rounds, { ...secretary, body: { attendance: { present: 9, writtenVotes: 0 } } });
  const ballots = [...Array(9).keys()].map((i) => ({ number: i + 1, marks: chosen }));
  await api.request('PUT', `${rounds}/${opened.body.id}/ballots`, { ...secretary, body: { ballots } });
  const { body: tallied } = await api.request('POST', `${rounds}/${opened.body.id}/tally`, secretary);
  const confirmed = await api.request('POST', `${rounds}/${opened.body.id}/confirm`, { ...secretary, body: { version: tallied.version } });
  expect(confirmed.status, confirmed.text).toBe(200);
  return { collective: ids[0]!, a: ids[1]!, b: ids[2]!, passedOver: ids[3]! };
}

describe('GET /campaigns/{id}/documents/quyet-dinh', () => {
  it('is refused, in vi and en, while no round is confirmed', async () => {
    const answer = await api.request('GET', path, { token: token.hr });
    expect([answer.status, answer.body.code]).toEqual([409, 'DOCUMENT_NEEDS_CONFIRMED_ROUND']);
    expect(answer.body.message.vi).toContain('Chưa có vòng bỏ phiếu nào được xác nhận');
    expect(answer.body.message.en).toContain('No voting round is confirmed');
  });

  it('is the office’s: a unit clerk, the secretary and a viewer are refused before anything is read', async () => {
    for (const as of [token.unit, token.secretary, token.viewer]) {
      const answer = await api.request('GET', path, { token: as });
      expect([answer.status, answer.body.code]).toEqual([403, 'FORBIDDEN']);
    }
  });

  describe('after a full round', () => {
    let doc: OpenedDocx;
    let xml = '';
    beforeAll(async () => {
      await fullRound();
      const { response, bytes } = await download(token.hr);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(DOCX_MEDIA_TYPE);
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="Quyet-dinh-Giay-khen-.*\.docx"; filename\*=UTF-8''/,
      );
      doc = openDocx(bytes);
      xml = doc.xml;
    });

    it('A4 portrait, margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; Times New Roman throughout', () => {
      expectPage(xml);
      expectTimesNewRoman(xml);
    });

    it('page numbers centred in the top margin, none on the first page', () => expectPageNumbers(doc));

    it('the two-column heading: sizes in half-points, capitals, bold, the motto with hyphens and a rule beneath', () => {
      expectHeading(xml, 'Số: 05/QĐ-VP', 'Bắc Kạn, ngày 05 tháng 10 năm 2025');
    });

    it('the title in capitals bold, a rule a few points below the subject; Căn cứ lines italic ending ";", justified, first line indented 1–1.27 cm, 6 pt apart', () => {
      expectTitle(xml, 'QUYẾT ĐỊNH');
      expectSubjectRule(
        xml,
        doc.texts.find((text) => text.startsWith('Về việc'))!,
      );
      const bases = doc.texts.filter((text) => text.startsWith('Căn cứ'));
      expect(bases.length).toBe(5);
      for (const basis of bases) {
        expect(basis.endsWith(';')).toBe(true);
        expectBodyParagraph(xml, basis);
        expect(paragraphWith(xml, basis)).toContain('<w:i/>');
      }
      expect(bases.join('\n')).toContain('645/KH-UBND ngày 25/9/2024 của UBND tỉnh Bắc Kạn');
      expect(bases.join('\n')).toContain('Chỉ thị số 34-CT/TW ngày 07/4/2014');
      expect(bases.join('\n')).toContain('Nghị định số 98/2023/NĐ-CP ngày 31/12/2023');
      expect(doc.texts.find((t) => t.startsWith('Điều 3.'))).toMatch(/Quyết định này\.\/\.$/);
    });

    it('"Nơi nhận:" 12 pt bold italic, entries 11 pt, ending "- Lưu: VT, HCQT."; the signer', () => {
      expectRecipients(doc);
      expect(paragraphWith(xml, '- Như Điều 3;')).toContain('<w:sz w:val="22"/>');
      expect(paragraphWith(xml, 'CHÁNH VĂN PHÒNG')).toContain('<w:b/>');
      expect(paragraphWith(xml, 'Vũ Đức Chính')).toContain('<w:b/>');
    });

    it('awards the selected, and only them, in the attached list: 01 collective and 02 individuals', () => {
      const texts = doc.texts;
      expect(texts.find((t) => t.startsWith('Điều 1.'))).toContain('cho 01 tập thể và 02 cá nhân (có danh sách kèm theo)');
      for (const name of ['Phòng Tổng hợp', chosenA!.fullName, chosenB!.fullName]) expect(texts).toContain(name);
      expect(texts).not.toContain(passedOver!.fullName);
      expect(texts).toContain('(Kèm theo Quyết định số 05/QĐ-VP ngày 05/10/2025 của Chánh Văn phòng UBND tỉnh Bắc Kạn)');
      expect(xml).toMatch(/<w:tblHeader\/>/);
    });

    it('writes typed text as text: no field or formula comes from it', () => {
      expect(doc.texts).toContain(TRICKY);
      expectNoFieldsInBody(xml);
    });

    it('an administrator generates it too; without a number, the "Số:" line keeps its blank', async () => {
      const { response, bytes } = await download(token.admin, '');
      expect(response.status).toBe(200);
      expect(paragraphTexts(unzip(bytes).get('word/document.xml')!).some((t) => /^Số: +\/QĐ-VP$/.test(t))).toBe(true);
    });

    it('LibreOffice converts it to a two-page PDF: the decision, then the list; the motto on one line', { timeout: 120_000 }, async () => {
      const { pages, pageTexts } = await convertToPdf(doc.bytes, 'quyet-dinh');
      expect(pages).toBe(2);
      const [first, second] = pageTexts;
      expect(first).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
      expect(first).toMatch(/Độc lập - Tự do - Hạnh phúc/);
      expect(first!.trim().split('\n')[0]).not.toMatch(/^\s*1\s*$/);
      expect(second!.trim().split('\n')[0]!.trim()).toBe('2');
      expect(second).toContain('DANH SÁCH');
    });
  });
});
