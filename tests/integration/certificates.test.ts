import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCX_MEDIA_TYPE } from '#shared/api/documents';
import { DEFAULT_CERTIFICATE_LAYOUT, type CertificateLayout } from '#shared/documents/certificate-layout';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { startTestApi, type TestApi } from '#tests/support/api';
import { convertToPdf, expectNoFieldsInBody, expectTimesNewRoman, openDocx } from '#tests/support/decree-format';
import { nominateCollective } from '#tests/support/nomination';
import { boxOf, pdfWords, type PdfWord } from '#tests/support/pdf-words';
import { ADMIN, HR, row, SECRETARY, staffOf, unitClerk, VIEWER } from '#tests/support/rows';
import { moveCampaignTo } from '#tests/support/stage';

/**
 * Issue 9, document 6: the Giấy khen on the office's blank after a full round on DynamoDB Local: a
 * page per awardee, each field where the office's layout puts it (read back from LibreOffice's PDF
 * with pdftotext -bbox), moved by the offsets an administrator saves; the grid test print; the
 * layout's route refusing other roles, stale versions and fields off the page.
 */
let api: TestApi;
const token = { admin: '', hr: '', secretary: '', viewer: '', unit: '' };
const id = `giay-khen-${Date.now().toString(36)}`;
const path = `/campaigns/${id}/documents/giay-khen`;
const LAYOUT = '/office/certificate-layout';
const [awardedA, awardedB, passedOver] = staffOf('kinh-te');
/** LibreOffice converts several files at once here: each conversion takes a few seconds. */
const SLOW = { timeout: 120_000 };

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

async function download(query = '?number=5&date=2025-10-05', as = token.hr) {
  const response = await fetch(`${api.baseUrl}${path}${query}`, { headers: { authorization: `Bearer ${as}` } });
  return { status: response.status, type: response.headers.get('content-type'), bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** The collective and two individuals selected by a round whose nine ballots mark them; a fourth passed over. */
async function confirmRound(): Promise<void> {
  const nominations = [nominateCollective('tong-hop'), row(awardedA!), row(awardedB!), row(passedOver!)].map((n) => ({
    ...n,
    status: 'eligible',
  }));
  const saved = await api.request('POST', `/campaigns/${id}/nominations/batch`, { token: token.hr, body: { rows: nominations } });
  expect(saved.status, saved.text).toBe(200);
  const marks = Object.fromEntries((saved.body.rows as { id: string }[]).slice(0, 3).map((r) => [r.id, 'x']));
  const as = { token: token.secretary };
  const round = (await api.request('POST', `/campaigns/${id}/rounds`, { ...as, body: { attendance: { present: 9, writtenVotes: 0 } } }))
    .body;
  const at = `/campaigns/${id}/rounds/${round.id}`;
  await api.request('PUT', `${at}/ballots`, { ...as, body: { ballots: Array.from({ length: 9 }, (_, i) => ({ number: i + 1, marks })) } });
  const tallied = await api.request('POST', `${at}/tally`, as);
  const confirmed = await api.request('POST', `${at}/confirm`, { ...as, body: { version: tallied.body.version } });
  expect(confirmed.status, confirmed.text).toBe(200);
}

/** Where the name prints, in mm: the centre of its line (the box is centred) and the top of its type. */
function namePlace(words: readonly PdfWord[], name: string) {
  const box = boxOf(words, name);
  return { centreMm: (box.xMin + box.xMax) / 2, topMm: box.yMin };
}

function expectNameAt(words: readonly PdfWord[], name: string, layout: CertificateLayout) {
  const { xMm, yMm, widthMm } = layout.fields.name;
  const { dx, dy } = layout.offsetMm;
  const place = namePlace(words, name);
  expect(Math.abs(place.centreMm - (xMm + dx + widthMm / 2)), `${name}: centre ${place.centreMm} mm`).toBeLessThanOrEqual(2);
  expect(Math.abs(place.topMm - (yMm + dy)), `${name}: top ${place.topMm} mm`).toBeLessThanOrEqual(2);
  return place;
}

describe("the certificates' layout, with the office's settings", () => {
  it('HR and an administrator read the default until one is saved (version 0); the others are refused', async () => {
    for (const as of [token.hr, token.admin]) {
      const answer = await api.request('GET', LAYOUT, { token: as });
      expect([answer.status, answer.body.version]).toEqual([200, 0]);
      expect(answer.body.layout).toEqual(DEFAULT_CERTIFICATE_LAYOUT);
    }
    for (const as of [token.unit, token.secretary, token.viewer]) {
      expect((await api.request('GET', LAYOUT, { token: as })).status).toBe(403);
    }
  });

  it('only an administrator saves it', async () => {
    for (const as of [token.hr, token.unit, token.secretary, token.viewer]) {
      const answer = await api.request('PUT', LAYOUT, { token: as, body: { layout: DEFAULT_CERTIFICATE_LAYOUT, version: 0 } });
      expect([answer.status, answer.body.code]).toEqual([403, 'FORBIDDEN']);
    }
  });

  it('refuses a field off the page, in vi and en, naming it', async () => {
    const layout = { ...DEFAULT_CERTIFICATE_LAYOUT, offsetMm: { dx: -30, dy: 0 } };
    const answer = await api.request('PUT', LAYOUT, { token: token.admin, body: { layout, version: 0 } });
    expect([answer.status, answer.body.code]).toEqual([400, 'CERTIFICATE_FIELD_OUTSIDE_PAGE']);
    expect(answer.body.details).toEqual({ fields: ['decisionNumber'] });
    expect(answer.body.message.vi).toContain('nằm ngoài khổ giấy');
    expect(answer.body.message.en).toContain('outside the page');
  });

  it('refuses type outside 8–48 pt as invalid, in vi and en', async () => {
    const fields = { ...DEFAULT_CERTIFICATE_LAYOUT.fields, name: { ...DEFAULT_CERTIFICATE_LAYOUT.fields.name, sizePt: 60 } };
    const answer = await api.request('PUT', LAYOUT, {
      token: token.admin,
      body: { layout: { ...DEFAULT_CERTIFICATE_LAYOUT, fields }, version: 0 },
    });
    expect([answer.status, answer.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(answer.body.details)).toContain('fields.name.sizePt');
    expect([answer.body.message.vi, answer.body.message.en]).toEqual(['Dữ liệu không hợp lệ', 'The request is not valid']);
  });
});

describe('GET /campaigns/{id}/documents/giay-khen', () => {
  it('is refused to a unit clerk, the secretary and a viewer', async () => {
    for (const as of [token.unit, token.secretary, token.viewer]) {
      const answer = await api.request('GET', path, { token: as });
      expect([answer.status, answer.body.code]).toEqual([403, 'FORBIDDEN']);
      expect((await api.request('GET', `${path}?grid=1`, { token: as })).status).toBe(403);
    }
  });

  it('is refused, in vi and en, while no round is confirmed', async () => {
    const answer = await api.request('GET', path, { token: token.hr });
    expect([answer.status, answer.body.code]).toEqual([409, 'DOCUMENT_NEEDS_CONFIRMED_ROUND']);
    expect(answer.body.message.en).toContain('No voting round is confirmed');
  });

  it('the test print needs no round: the grid and the boxes on one page', SLOW, async () => {
    const { status, type, bytes } = await download('?grid=1');
    expect([status, type]).toEqual([200, DOCX_MEDIA_TYPE]);
    const { pages, pageTexts } = await convertToPdf(bytes, 'luoi');
    expect(pages).toBe(1);
    for (const label of ['0,0', '50,50', '250,150', 'Họ và tên / Tên tập thể', 'Số Quyết định', 'dx = 0 mm, dy = 0 mm'])
      expect(pageTexts[0]).toContain(label);
  });

  describe('after a full round', () => {
    let words: PdfWord[][] = [];
    let before: { centreMm: number; topMm: number };
    beforeAll(async () => {
      await confirmRound();
      const { status, bytes } = await download();
      expect(status).toBe(200);
      const doc = openDocx(bytes);
      expect(doc.xml).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
      expect(doc.xml).not.toContain('<w:headerReference');
      expectTimesNewRoman(doc.xml);
      expectNoFieldsInBody(doc.xml);
      const converted = await convertToPdf(bytes, 'giay-khen');
      expect(converted.pages).toBe(3);
      words = await pdfWords(converted.pdf);
    }, SLOW.timeout);

    it('a page per awardee: the collective first, then each individual with position and unit; nobody else', () => {
      expect(words).toHaveLength(3);
      const text = words.map((page) => page.map((w) => w.text).join(' '));
      expect(text[0]).toContain('Phòng Tổng hợp');
      for (const person of [awardedA!, awardedB!]) {
        expect(text.slice(1).filter((page) => page.includes(person.fullName))).toHaveLength(1);
      }
      expect(text.join(' ')).not.toContain(passedOver!.fullName);
      for (const page of text) {
        expect(page).toContain('Đã có thành tích xuất sắc trong Đợt thi đua đặc biệt');
        expect(page).toContain('Bắc Kạn, ngày 05 tháng 10 năm 2025');
        expect(page).toContain('Quyết định số 05/QĐ-VP');
        expect(page).toContain('CHÁNH VĂN PHÒNG');
        expect(page).toContain('Vũ Đức Chính');
      }
      expect(text.slice(1).every((page) => page.includes('Phòng Kinh tế'))).toBe(true);
    });

    it("the name prints where the office's layout puts it, within 2 mm", () => {
      before = expectNameAt(words[0]!, 'Phòng Tổng hợp', DEFAULT_CERTIFICATE_LAYOUT);
      const signer = boxOf(words[0]!, 'Vũ Đức Chính');
      const { xMm, widthMm, yMm } = DEFAULT_CERTIFICATE_LAYOUT.fields.signerName;
      expect(Math.abs((signer.xMin + signer.xMax) / 2 - (xMm + widthMm / 2))).toBeLessThanOrEqual(2);
      expect(Math.abs(signer.yMin - yMm)).toBeLessThanOrEqual(2);
      const number = boxOf(words[0]!, 'Quyết định số 05/QĐ-VP');
      expect(Math.abs(number.xMin - DEFAULT_CERTIFICATE_LAYOUT.fields.decisionNumber.xMm)).toBeLessThanOrEqual(2);
    });

    it('moves by the offsets an administrator saves; a save over a stale version is refused with 409', SLOW, async () => {
      const layout = { ...DEFAULT_CERTIFICATE_LAYOUT, offsetMm: { dx: 6, dy: -4.5 } };
      const saved = await api.request('PUT', LAYOUT, { token: token.admin, body: { layout, version: 0 } });
      expect([saved.status, saved.body.version, saved.body.updatedBy]).toEqual([200, 1, ADMIN]);
      expect((await api.request('GET', LAYOUT, { token: token.hr })).body).toMatchObject({ layout, version: 1 });

      const stale = await api.request('PUT', LAYOUT, { token: token.admin, body: { layout: DEFAULT_CERTIFICATE_LAYOUT, version: 0 } });
      expect([stale.status, stale.body.code]).toEqual([409, 'VERSION_CONFLICT']);
      expect(stale.body.message.vi).toContain('người khác thay đổi');

      const { bytes } = await download();
      const moved = await pdfWords((await convertToPdf(bytes, 'giay-khen-lech')).pdf);
      const after = expectNameAt(moved[0]!, 'Phòng Tổng hợp', layout);
      expect(after.centreMm - before.centreMm).toBeCloseTo(6, 0);
      expect(after.topMm - before.topMm).toBeCloseTo(-4.5, 0);

      const grid = await convertToPdf((await download('?grid=1')).bytes, 'luoi-lech');
      expect(grid.pages).toBe(1);
      expect(grid.pageTexts[0]).toContain('dx = 6 mm, dy = -4.5 mm');
    });
  });
});
