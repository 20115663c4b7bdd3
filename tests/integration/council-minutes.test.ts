import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCX_MEDIA_TYPE } from '#shared/api/documents';
import { ballotsFingerprint } from '#shared/council/fingerprint';
import type { Ballot } from '#shared/council/round';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { sha256 } from '#functions/council/sha256';
import { startTestApi, type TestApi } from '#tests/support/api';
import * as decree from '#tests/support/decree-format';
import { paragraphWith } from '#tests/support/docx';
import { nominateCollective } from '#tests/support/nomination';
import { ADMIN, HR, row, SECRETARY, staffOf, unitClerk, VIEWER } from '#tests/support/rows';
import { moveCampaignTo } from '#tests/support/stage';

/**
 * Issue 9, documents 2 and 3 and the verifiable count: the council's Biên bản họp and Biên bản kiểm
 * phiếu, generated after a full round on DynamoDB Local (eight members present, one voting in writing;
 * one ballot invalid), read back from word/document.xml against Nghị định 30/2020/NĐ-CP and converted
 * to PDF by LibreOffice; the fingerprint they print is the one anyone recomputes from the ballots.
 */
const EMAILS = { admin: ADMIN, hr: HR, secretary: SECRETARY, viewer: VIEWER, unit: unitClerk('kinh-te') };
const id = `bien-ban-${Date.now().toString(36)}`;
const documents = `/campaigns/${id}/documents`;
const rounds = `/campaigns/${id}/rounds`;
const [chosenA, chosenB, passedOver] = staffOf('kinh-te');
let api: TestApi;
let token = {} as Record<keyof typeof EMAILS, string>;
let ballots: Ballot[] = [];
let round: { id: string; number: number; version: number; result: { fingerprint: { format: string; sha256: string } } };

// The seed's campaign with two places for the Giấy khen.
beforeAll(async () => {
  api = await startTestApi();
  token = Object.fromEntries(await Promise.all(Object.entries(EMAILS).map(async ([role, email]) => [role, await api.tokenFor(email)])));
  const places = (rule: (typeof SEED_CAMPAIGN.quotaRules)[number]) => (rule.awardForm === 'GIAY_KHEN_CVP' ? 2 : rule.max);
  const campaign = { ...SEED_CAMPAIGN, id, quotaRules: SEED_CAMPAIGN.quotaRules.map((rule) => ({ ...rule, max: places(rule) })) };
  const created = await api.request('POST', '/campaigns', { token: token.admin, body: campaign });
  expect(created.status, created.text).toBe(201);
  await moveCampaignTo(api, 'under_review', id);
});
afterAll(() => api?.close());

/** A document as bytes (the test API's request reads text, which would mangle them), numbered 3 of 5 October by default. */
async function download(kind: string, as: string, query = '?number=3&date=2025-10-05') {
  const headers = { authorization: `Bearer ${as}` };
  const response = await fetch(new URL(`${documents}/${kind}${query}`, api.baseUrl), { headers });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** Four eligible nominations (three individuals for two Giấy khen, a collective for the Bằng khen) and an open round. */
async function openRound(): Promise<string[]> {
  const rows = [
    row(chosenA!, { status: 'eligible' }),
    row(chosenB!, { status: 'eligible' }),
    row(passedOver!, { status: 'eligible' }),
    nominateCollective('tong-hop', { status: 'eligible', awardForm: 'BANG_KHEN_CT_UBND' }),
  ];
  const saved = await api.request('POST', `/campaigns/${id}/nominations/batch`, { token: token.hr, body: { rows } });
  expect(saved.status, saved.text).toBe(200);
  const body = { attendance: { present: 8, writtenVotes: 1 } };
  const opened = await api.request('POST', rounds, { token: token.secretary, body });
  expect(opened.status, opened.text).toBe(201);
  round = opened.body;
  return (saved.body.rows as { id: string }[]).map((r) => r.id);
}

/** Eight ballots mark A, B and the collective; the ninth marks three candidates for two places. Tallied and confirmed. */
async function countAndConfirm([a, b, c, collective]: string[]) {
  const marks = (...ids: string[]) => Object.fromEntries(ids.map((nominationId) => [nominationId, 'x']));
  ballots = [...Array(8).keys()].map((i) => ({ number: 8 - i, marks: marks(a!, b!, collective!) }));
  ballots.push({ number: 9, marks: marks(a!, b!, c!) });
  const secretary = { token: token.secretary };
  await api.request('PUT', `${rounds}/${round.id}/ballots`, { ...secretary, body: { ballots } });
  const tallied = await api.request('POST', `${rounds}/${round.id}/tally`, secretary);
  expect(tallied.status, tallied.text).toBe(200);
  round = tallied.body;
  const confirmed = await api.request('POST', `${rounds}/${round.id}/confirm`, { ...secretary, body: { version: round.version } });
  expect(confirmed.status, confirmed.text).toBe(200);
}

describe('the council’s minutes as documents', () => {
  let ids: string[] = [];
  beforeAll(async () => {
    ids = await openRound();
  });

  it('are refused, in vi and en, before a round is counted', async () => {
    for (const kind of ['bien-ban-hop', 'bien-ban-kiem-phieu']) {
      const answer = await api.request('GET', `${documents}/${kind}`, { token: token.secretary });
      expect([answer.status, answer.body.code]).toEqual([409, 'DOCUMENT_NEEDS_TALLIED_ROUND']);
      expect(answer.body.message.vi).toContain('Chưa có vòng bỏ phiếu nào được kiểm phiếu');
      expect(answer.body.message.en).toContain('No voting round has been tallied yet');
    }
    const asked = await api.request('GET', `${documents}/bien-ban-kiem-phieu?round=${round.id}`, { token: token.secretary });
    expect([asked.status, asked.body.code]).toEqual([409, 'ROUND_NOT_TALLIED']);
  });

  describe('after a full round', () => {
    const opened: Record<string, decree.OpenedDocx> = {};
    beforeAll(async () => {
      await countAndConfirm(ids);
      for (const kind of ['bien-ban-hop', 'bien-ban-kiem-phieu']) {
        const { response, bytes } = await download(kind, token.secretary);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe(DOCX_MEDIA_TYPE);
        expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="Bien-ban-.*\.docx"; filename\*=UTF-8''/);
        opened[kind] = decree.openDocx(bytes);
      }
    });

    it('the tally stored the fingerprint of the ballots in the canonical form, recomputed here from what was sent', async () => {
      expect(round.result.fingerprint).toEqual(await ballotsFingerprint(round.number, ballots, sha256));
      expect(round.result.fingerprint.sha256).toMatch(/^[0-9a-f]{64}$/);
    });

    describe.each([
      ['bien-ban-kiem-phieu', 'BIÊN BẢN KIỂM PHIẾU'],
      ['bien-ban-hop', 'BIÊN BẢN'],
    ])('%s, in the state’s format', (kind, title) => {
      const doc = () => opened[kind]!;
      it('A4 portrait, the decree’s margins, Times New Roman throughout, page numbers from the second page', () => {
        decree.expectPage(doc().xml);
        decree.expectTimesNewRoman(doc().xml);
        decree.expectPageNumbers(doc());
      });

      it('the heading with "Số:" in the minutes’ register, the place and date; the title, a rule below its subject; "Nơi nhận:"; no field', () => {
        decree.expectHeading(doc().xml, 'Số: 03/BB-VP', 'Bắc Kạn, ngày 05 tháng 10 năm 2025');
        decree.expectTitle(doc().xml, title);
        decree.expectSubjectRule(doc().xml, doc().texts[doc().texts.indexOf(title) + 1]!);
        decree.expectRecipients(doc());
        expect(doc().texts).toContain('- Thành viên Hội đồng Thi đua - Khen thưởng Văn phòng UBND tỉnh;');
        decree.expectNoFieldsInBody(doc().xml);
      });

      it('its body justified and indented, ending "./."; the fingerprint printed; the counts per form', () => {
        const fingerprint = doc().texts.find((t) => t.startsWith('Dấu vân tay SHA-256'))!;
        expect(fingerprint).toBe(
          `Dấu vân tay SHA-256 của các phiếu bầu (dạng chuẩn thidua-ballots/1): ${round.result.fingerprint.sha256}.`,
        );
        decree.expectBodyParagraph(doc().xml, fingerprint);
        const last = doc().texts.find((t) => t.endsWith('./.'))!;
        decree.expectBodyParagraph(doc().xml, last);
        const counts = doc().texts.find((t) => t.includes('Số phiếu phát ra'))!;
        expect(counts).toContain('Số phiếu phát ra: 9; số phiếu thu vào: 9; số phiếu hợp lệ: 8; số phiếu không hợp lệ: 1.');
        for (const name of [chosenA!.fullName, chosenB!.fullName, passedOver!.fullName, 'Phòng Tổng hợp']) {
          expect(doc().texts.some((t) => t.startsWith(name))).toBe(true);
        }
        expect(doc().texts).toContain('88,89%');
        expect(doc().xml).toMatch(/<w:tblHeader\/>/);
      });
    });

    it('the Biên bản kiểm phiếu: the counting board, the rules the round was opened under, the board’s signatures', () => {
      const { texts, xml } = opened['bien-ban-kiem-phieu']!;
      for (const line of ['- Lường Thị Hà: Trưởng ban.', '- Triệu Văn Sơn: Thành viên.', '- Ma Thị Hồng: Thành viên.'])
        expect(texts).toContain(line);
      const rules = texts.join('\n');
      expect(rules).toContain('ít nhất 2/3 tổng số thành viên Hội đồng tham gia biểu quyết (6/9 người)');
      expect(rules).toContain('Tỷ lệ phiếu cần đạt: trên 50% tổng số thành viên Hội đồng.');
      expect(rules).toContain('Phiếu biểu quyết bằng văn bản của thành viên vắng mặt: được tính.');
      expect(rules).toContain('Phiếu không hợp lệ do đánh dấu nhiều hơn số suất của hình thức khen thưởng: 1 phiếu.');
      expect(texts).toContain('BIÊN BẢN KIỂM PHIẾU');
      expect(paragraphWith(xml, 'TRƯỞNG BAN KIỂM PHIẾU')).toContain('<w:b/>');
      expect(paragraphWith(xml, 'Lường Thị Hà')).toContain('<w:b/>');
    });

    it('the Biên bản họp: time, place, chair, secretary, attendance, agenda, the conclusion, their signatures', () => {
      const { texts, xml } = opened['bien-ban-hop']!;
      expect(texts.find((t) => t.startsWith('Thời gian bắt đầu:'))).toMatch(
        /^Thời gian bắt đầu: \d\d giờ \d\d phút, ngày \d\d tháng \d+ năm \d{4}\.$/,
      );
      expect(texts).toContain('Địa điểm: Văn phòng UBND tỉnh, Bắc Kạn.');
      expect(texts).toContain('Chủ trì: Vũ Đức Chính, Chủ tịch Hội đồng.');
      expect(texts).toContain('Thư ký: Lường Thị Hà, Thư ký Hội đồng.');
      expect(texts.join('\n')).toContain('có mặt 8 thành viên, 1 thành viên vắng mặt biểu quyết bằng văn bản');
      expect(texts).toContain('3. Bỏ phiếu kín, kiểm phiếu và công bố kết quả.');
      expect(texts).toContain('Kết quả vòng bỏ phiếu đã được Hội đồng xác nhận.');
      const proposed = texts.find((t) => t.startsWith('Đề nghị tặng Giấy khen'))!;
      expect(proposed).toContain(chosenA!.fullName);
      expect(proposed).toContain(chosenB!.fullName);
      expect(proposed).not.toContain(passedOver!.fullName);
      expect(texts).toContain('Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho 1 tập thể, cá nhân: Phòng Tổng hợp.');
      expect(paragraphWith(xml, 'THƯ KÝ')).toContain('<w:b/>');
      expect(paragraphWith(xml, 'CHỦ TỊCH HỘI ĐỒNG')).toContain('<w:b/>');
    });

    it('the secretary, HR and an administrator generate them; a unit clerk and a viewer are refused', async () => {
      for (const kind of ['bien-ban-hop', 'bien-ban-kiem-phieu']) {
        for (const as of [token.hr, token.admin]) expect((await download(kind, as, '')).response.status).toBe(200);
        for (const as of [token.unit, token.viewer]) {
          const answer = await api.request('GET', `${documents}/${kind}`, { token: as });
          expect([answer.status, answer.body.code]).toEqual([403, 'FORBIDDEN']);
        }
      }
    });

    it('recorded in the register: the tally minutes per round, the candidates as its lines, unchanged when generated again', async () => {
      const record = async () => {
        const answer = await api.request('POST', `${documents}/bien-ban-kiem-phieu`, { token: token.secretary, body: { round: round.id } });
        expect(answer.status, answer.text).toBe(200);
        return answer.body;
      };
      const first = await record();
      expect(first.record).toMatchObject({ key: `bien-ban-kiem-phieu#${round.id}`, lineCount: 4 });
      expect(first.record.numberLine).toMatch(/^Số: \d{2,}\/BB-VP$/);
      const again = await record();
      expect(again.changes).toEqual({ first: false, added: [], removed: [], changed: [], renumbered: false });
    });

    it.each([
      ['bien-ban-kiem-phieu', 2],
      ['bien-ban-hop', 2],
    ])('LibreOffice converts %s to PDF: %i pages, the motto on one line', { timeout: 120_000 }, async (kind, pages) => {
      const converted = await decree.convertToPdf(opened[kind]!.bytes, kind);
      expect(converted.pages).toBe(pages);
      expect(converted.pageTexts[0]).toMatch(/Độc lập - Tự do - Hạnh phúc/);
      expect(converted.pageTexts[1]!.trim().split('\n')[0]!.trim()).toBe('2');
    });
  });
});
