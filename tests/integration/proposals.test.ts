import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCX_MEDIA_TYPE } from '#shared/api/documents';
import { startTestApi, type TestApi } from '#tests/support/api';
import { convertToPdf, expectDecreeDocument, openDocx, type OpenedDocx } from '#tests/support/decree-format';
import {
  confirmRoundMarking,
  docxTexts,
  downloadDocument,
  saveRows,
  startDocumentsCampaign,
  type DocumentRole,
} from '#tests/support/documents';
import { paragraphWith } from '#tests/support/docx';
import { dossierWithout, nominateCollective } from '#tests/support/nomination';
import { row, staffOf } from '#tests/support/rows';

/**
 * Issue 9, documents 1 and 5: the HR office's Tờ trình to the council (the eligible nominations per
 * award form, each dossier complete or not) and the office's Tờ trình to the province proposing the
 * Bằng khen (those a confirmed round selected for it), generated on DynamoDB Local, read back from
 * their word/document.xml against Nghị định 30/2020/NĐ-CP, and converted to PDF by LibreOffice.
 * The campaign gives the Bằng khen two places and the Giấy khen one.
 */
let api: TestApi;
let token: Record<DocumentRole, string>;
const id = `to-trinh-${Date.now().toString(36)}`;
const councilPath = `/campaigns/${id}/documents/to-trinh-hoi-dong`;
const provincePath = `/campaigns/${id}/documents/to-trinh-bang-khen`;
const BANG_KHEN = 'BANG_KHEN_CT_UBND';
const [proposedA, chosenB, passedOver, lateDossier] = staffOf('kinh-te');
/** Typed text that reads like a formula and like Word's markup: it must stay text. */
const TRICKY = '=HYPERLINK("http://x","y") <w:fldSimple w:instr="PAGE"/> { PAGE } & các sáng kiến số hóa';
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi();
  token = await startDocumentsCampaign(api, id, { [BANG_KHEN]: 2 });
});
afterAll(() => api?.close());

/** The eligible nominations: HR's four with complete dossiers, and one an administrator let through with a dossier still missing a document. */
async function nominate() {
  const rows = [
    nominateCollective('tong-hop', { status: 'eligible', awardForm: BANG_KHEN }),
    row(proposedA!, { status: 'eligible', awardForm: BANG_KHEN, achievements: TRICKY }),
    row(chosenB!, { status: 'eligible' }),
    row(passedOver!, { status: 'eligible' }),
  ];
  const [collective, a, b, passed] = (await saveRows(api, id, token.hr, rows)).ids;
  Object.assign(ids, { collective, a, b, passedOver: passed });
  const exception = row(lateDossier!, {
    status: 'eligible',
    dossier: dossierWithout('BIEN_BAN_HOP_XET'),
    overrideReason: 'Biên bản họp xét bổ sung sau khi Hội đồng họp',
  });
  // Only an administrator finds a nomination eligible despite an error, with the reason.
  const admitted = await saveRows(api, id, token.admin, [exception]);
  expect(admitted.rows[0]!.status).toBe('eligible');
}

/** The decree's format (tests/support/decree-format.ts), the campaign's legal bases, the list's repeated header, typed text as text. */
function expectFormatAndBases(doc: OpenedDocx, numberLine: string, placeAndDate: string) {
  expectDecreeDocument(doc, { numberLine, placeAndDate, title: 'TỜ TRÌNH', closing: /[Kk]ính trình .* xem xét, quyết định/ });
  const bases = doc.texts.filter((text) => text.startsWith('Căn cứ')).join('\n');
  expect(bases).toContain('Căn cứ Kế hoạch số 645/KH-UBND ngày 25/9/2024 của UBND tỉnh Bắc Kạn');
  expect(bases).toContain('Chỉ thị số 34-CT/TW ngày 07/4/2014');
  expect(bases).toContain('Nghị định số 98/2023/NĐ-CP ngày 31/12/2023');
  expect(paragraphWith(doc.xml, '- Như trên;')).toContain('<w:sz w:val="22"/>');
  expect(doc.xml).toMatch(/<w:tblHeader\/>/);
  expect(doc.texts).toContain(TRICKY);
}

describe('the Tờ trình: before their data exists', () => {
  it('to the council: refused, in vi and en, while nothing is eligible', async () => {
    const answer = await api.request('GET', councilPath, { token: token.hr });
    expect([answer.status, answer.body.code]).toEqual([409, 'DOCUMENT_NOTHING_ELIGIBLE']);
    expect(answer.body.message.vi).toContain('Chưa có đề nghị khen thưởng nào được xác định đủ điều kiện');
    expect(answer.body.message.en).toContain('No nomination has been found eligible yet');
  });

  it('to the province: refused while no round is confirmed, even once nominations are eligible', async () => {
    await nominate();
    const answer = await api.request('GET', provincePath, { token: token.hr });
    expect([answer.status, answer.body.code]).toEqual([409, 'DOCUMENT_NEEDS_CONFIRMED_ROUND']);
    expect(answer.body.message.vi).toContain('Tờ trình đề nghị Bằng khen');
    expect(answer.body.message.en).toContain('No voting round is confirmed');
    const before = await downloadDocument(api, councilPath, token.hr);
    expect(before.response.status).toBe(200);
  });

  it('are the office’s: a unit clerk, the secretary and a viewer are refused', async () => {
    for (const path of [councilPath, provincePath]) {
      for (const as of [token.unit, token.secretary, token.viewer]) {
        const answer = await api.request('GET', path, { token: as });
        expect([answer.status, answer.body.code]).toEqual([403, 'FORBIDDEN']);
      }
    }
  });
});

describe('after a full round', () => {
  let council: OpenedDocx;
  let province: OpenedDocx;
  beforeAll(async () => {
    await confirmRoundMarking(api, id, token.secretary, [ids.collective!, ids.a!, ids.b!]);
    const first = await downloadDocument(api, councilPath, token.hr, '?number=3&date=2025-10-02');
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get('content-type')).toBe(DOCX_MEDIA_TYPE);
    expect(first.response.headers.get('content-disposition')).toMatch(/^attachment; filename="To-trinh-Hoi-dong-.*\.docx"/);
    council = openDocx(first.bytes);
    const second = await downloadDocument(api, provincePath, token.admin, '?number=4&date=2025-10-05');
    expect(second.response.status).toBe(200);
    expect(second.response.headers.get('content-disposition')).toMatch(/^attachment; filename="To-trinh-Bang-khen-.*\.docx"/);
    province = openDocx(second.bytes);
  });

  it('both are numbered in the one Tờ trình register and recorded with the lines they list', async () => {
    const body = (date: string) => ({ token: token.hr, body: { date } });
    const toCouncil = await api.request('POST', councilPath, body('2025-10-02'));
    expect(toCouncil.status, toCouncil.text).toBe(200);
    expect(toCouncil.body.record).toMatchObject({ numberLine: 'Số: 01/TTr-VP', lineCount: 5 });
    const toProvince = await api.request('POST', provincePath, body('2025-10-05'));
    expect(toProvince.body.record).toMatchObject({ numberLine: 'Số: 02/TTr-VP', lineCount: 2 });
  });

  describe('the HR office’s Tờ trình to the council', () => {
    it('keeps the decree’s format', () => expectFormatAndBases(council, 'Số: 03/TTr-VP', 'Bắc Kạn, ngày 02 tháng 10 năm 2025'));

    it('proposes every nomination found eligible, per award form, whatever the vote decided since', () => {
      const texts = council.texts;
      expect(texts).toContain('Kính gửi: Hội đồng Thi đua - Khen thưởng Văn phòng UBND tỉnh');
      expect(texts).toContain('- Bằng khen của Chủ tịch UBND tỉnh: 01 tập thể và 01 cá nhân;');
      expect(texts).toContain('- Giấy khen của Chánh Văn phòng: 03 cá nhân.');
      for (const name of ['Phòng Tổng hợp', proposedA!.fullName, chosenB!.fullName, passedOver!.fullName, lateDossier!.fullName]) {
        expect(texts).toContain(name);
      }
      expect(texts).toContain('I. BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH');
      expect(texts).toContain('(Kèm theo Tờ trình số 03/TTr-VP ngày 02/10/2025 của Trưởng phòng Hành chính tổ chức - Quản trị tài vụ)');
    });

    it('says which dossier is incomplete, and what it lacks', () => {
      expect(council.texts.filter((t) => t === 'Đầy đủ')).toHaveLength(4);
      expect(council.texts).toContain('Thiếu: Biên bản họp xét');
      expect(council.texts.some((t) => t.startsWith('Trong đó, 04 hồ sơ đầy đủ thành phần theo quy định, 01 hồ sơ còn thiếu'))).toBe(true);
    });

    it('is signed by the head of the HR office', () => {
      expect(paragraphWith(council.xml, 'TRƯỞNG PHÒNG')).toContain('<w:b/>');
      expect(paragraphWith(council.xml, 'Nguyễn Văn Hùng')).toContain('<w:b/>');
    });

    it('LibreOffice converts it: the Tờ trình on its first page, the list on the second', { timeout: 120_000 }, async () => {
      const { pages, pageTexts } = await convertToPdf(council.bytes, 'to-trinh-hoi-dong');
      expect(pages).toBe(2);
      expect(pageTexts[0]).toMatch(/Độc lập - Tự do - Hạnh phúc/);
      expect(pageTexts[0]!.replace(/\s+/g, ' ')).toMatch(/Kính trình Hội đồng xem xét, quyết định\.\/\./);
      expect(pageTexts[1]!.trim().split('\n')[0]!.trim()).toBe('2');
      expect(pageTexts[1]).toContain('DANH SÁCH');
    });
  });

  describe('the office’s Tờ trình to the province proposing the Bằng khen', () => {
    it('keeps the decree’s format', () => expectFormatAndBases(province, 'Số: 04/TTr-VP', 'Bắc Kạn, ngày 05 tháng 10 năm 2025'));

    it('proposes those the round selected for the Bằng khen, and only them, to the Chairman through the board', () => {
      const texts = province.texts;
      expect(texts).toContain('Kính gửi: Chủ tịch UBND tỉnh');
      expect(texts).toContain('(qua Ban Thi đua - Khen thưởng tỉnh)');
      const vote = texts.find((t) => t.startsWith('Căn cứ kết quả bỏ phiếu'))!;
      expect(vote).toMatch(/^Căn cứ kết quả bỏ phiếu của Hội đồng Thi đua - Khen thưởng Văn phòng UBND tỉnh ngày \d{2}\/\d{1,2}\/\d{4};$/);
      expect(texts.find((t) => t.startsWith('Thực hiện'))).toContain(
        'đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho 01 tập thể và 01 cá nhân',
      );
      for (const name of ['Phòng Tổng hợp', proposedA!.fullName]) expect(texts).toContain(name);
      for (const name of [chosenB!.fullName, passedOver!.fullName, lateDossier!.fullName]) expect(texts).not.toContain(name);
      expect(texts).toContain('(Kèm theo Tờ trình số 04/TTr-VP ngày 05/10/2025 của Văn phòng UBND tỉnh)');
      expect(paragraphWith(province.xml, 'Vũ Đức Chính')).toContain('<w:b/>');
    });

    it('without a number, the "Số:" line keeps its blank', async () => {
      const { response, bytes } = await downloadDocument(api, provincePath, token.hr);
      expect(response.status).toBe(200);
      expect(docxTexts(bytes).some((t) => /^Số: +\/TTr-VP$/.test(t))).toBe(true);
    });

    it('LibreOffice converts it: the Tờ trình, then its list', { timeout: 120_000 }, async () => {
      const { pages, pageTexts } = await convertToPdf(province.bytes, 'to-trinh-bang-khen');
      expect(pages).toBe(2);
      expect(pageTexts[0]!.replace(/\s+/g, ' ')).toMatch(/kính trình Chủ tịch UBND tỉnh xem xét, quyết định\.\/\./);
      expect(pageTexts[1]).toContain('DANH SÁCH');
    });
  });
});
