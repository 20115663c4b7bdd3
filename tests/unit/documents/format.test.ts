import { describe, expect, it } from 'vitest';
import { basisLine, recipientLines, signatureLines } from '#shared/documents/decision';
import {
  dayOf,
  FONT,
  kindOfReference,
  longDate,
  monthOf,
  MOTTO,
  numberLine,
  PAGE,
  PARAGRAPH,
  placeAndDate,
  shortDate,
} from '#shared/documents/format';

/** Nghị định 30/2020/NĐ-CP, Phụ lục I: the values every generated document is held to. */
describe('the number line: "Số: 05/QĐ-VP"', () => {
  it.each([
    [5, 'Số: 05/QĐ-VP'],
    [9, 'Số: 09/QĐ-VP'],
    [10, 'Số: 10/QĐ-VP'],
    [123, 'Số: 123/QĐ-VP'],
  ])('number %i', (number, line) => expect(numberLine(number, 'QĐ', 'VP')).toBe(line));

  it('keeps its blank until the document is issued, as the seed plan does ("Số: /KH-VP")', () => {
    expect(numberLine(undefined, 'TTr', 'VP')).toMatch(/^Số: +\/TTr-VP$/);
  });
});

describe('dates: a leading zero only for days 1–9 and months 1–2', () => {
  it.each([
    [1, '01'],
    [9, '09'],
    [10, '10'],
    [31, '31'],
  ])('day %i is %s', (day, text) => expect(dayOf(day)).toBe(text));

  it.each([
    [1, '01'],
    [2, '02'],
    [3, '3'],
    [9, '9'],
    [12, '12'],
  ])('month %i is %s', (month, text) => expect(monthOf(month)).toBe(text));

  it('the place and date line: "Bắc Kạn, ngày 05 tháng 9 năm 2025"', () => {
    expect(placeAndDate('Bắc Kạn', '2025-09-05')).toBe('Bắc Kạn, ngày 05 tháng 9 năm 2025');
    expect(longDate('2026-02-28')).toBe('ngày 28 tháng 02 năm 2026');
    expect(longDate('2025-10-15')).toBe('ngày 15 tháng 10 năm 2025');
  });

  it('a cited date, as the plan writes "ngày 25/9/2024" and "ngày 07/4/2014"', () => {
    expect(shortDate('2024-09-25')).toBe('25/9/2024');
    expect(shortDate('2014-04-07')).toBe('07/4/2014');
    expect(shortDate('2023-01-05')).toBe('05/01/2023');
  });
});

describe('page, type and motto', () => {
  it('A4 with margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm', () => {
    expect([PAGE.widthMm, PAGE.heightMm]).toEqual([210, 297]);
    const { top, bottom, left, right } = PAGE.marginMm;
    for (const [value, min, max] of [
      [top, 20, 25],
      [bottom, 20, 25],
      [left, 30, 35],
      [right, 15, 20],
    ]) {
      expect(value).toBeGreaterThanOrEqual(min!);
      expect(value).toBeLessThanOrEqual(max!);
    }
  });

  it('Times New Roman; body 13–14 pt, first line indented 1–1.27 cm, at least 6 pt apart; heading lines 12–13 pt', () => {
    expect(FONT.family).toBe('Times New Roman');
    expect(FONT.body).toBeGreaterThanOrEqual(13);
    expect(FONT.body).toBeLessThanOrEqual(14);
    expect(PARAGRAPH.firstLineIndentCm).toBeGreaterThanOrEqual(1);
    expect(PARAGRAPH.firstLineIndentCm).toBeLessThanOrEqual(1.27);
    expect(PARAGRAPH.spaceAfterPt).toBeGreaterThanOrEqual(6);
    for (const size of [FONT.headerLine, FONT.nationalTitle]) expect([12, 13]).toContain(size);
    expect([13, 14]).toContain(FONT.motto);
    expect([FONT.recipientsLabel, FONT.recipients]).toEqual([12, 11]);
  });

  it('the motto has hyphens, not en dashes', () => {
    expect(MOTTO).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(MOTTO).not.toMatch(/[–—]/);
  });
});

describe('the lines of a decision', () => {
  it('names a cited document by its symbol', () => {
    expect(kindOfReference('645/KH-UBND')).toBe('Kế hoạch');
    expect(kindOfReference('34-CT/TW')).toBe('Chỉ thị');
    expect(kindOfReference('98/2023/NĐ-CP')).toBe('Nghị định');
    expect(kindOfReference('06/2022/QH15')).toBeUndefined();
  });

  it('a Căn cứ line ends with ";", a decree cited by what it "quy định"', () => {
    expect(basisLine({ ref: '645/KH-UBND', date: '2024-09-25', issuer: 'UBND tỉnh Bắc Kạn', title: 'Phát động Đợt thi đua' })).toBe(
      'Căn cứ Kế hoạch số 645/KH-UBND ngày 25/9/2024 của UBND tỉnh Bắc Kạn về Phát động Đợt thi đua;',
    );
    expect(basisLine({ ref: '98/2023/NĐ-CP', issuer: 'Chính phủ', title: 'Quy định chi tiết' })).toBe(
      'Căn cứ Nghị định số 98/2023/NĐ-CP của Chính phủ quy định chi tiết;',
    );
    expect(basisLine({ ref: '1/XYZ' })).toBe('Căn cứ văn bản số 1/XYZ;');
  });

  it('recipients end ";" and the filing line "- Lưu: VT, HCQT."', () => {
    expect(recipientLines(['Như Điều 3', 'LĐVP;'], 'HCQT')).toEqual(['- Như Điều 3;', '- LĐVP;', '- Lưu: VT, HCQT.']);
  });

  it('a signer for someone else carries the mark and whose place above the title', () => {
    expect(signatureLines({ title: 'CHÁNH VĂN PHÒNG', name: 'Vũ Đức Chính' })).toEqual(['CHÁNH VĂN PHÒNG']);
    expect(signatureLines({ capacity: 'KT.', onBehalfOf: 'CHÁNH VĂN PHÒNG', title: 'PHÓ CHÁNH VĂN PHÒNG', name: 'Hoàng Thị Lan' })).toEqual(
      ['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'],
    );
  });
});
