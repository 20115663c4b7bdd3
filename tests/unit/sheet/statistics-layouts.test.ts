import { describe, expect, it } from 'vitest';
import { ANNUAL_TITLES } from '#shared/templates/annual-titles';
import { NO_DATA } from '#shared/sheet/statistics/layout';
import { statisticsSheet } from '#shared/sheet/statistics/statistics-sheet';
import { categoryOf, LEGAL_BASIS, yearlyFormSheets } from '#shared/sheet/statistics/yearly-forms';
import { demoStatistics, demoYearlyStatistics } from '#tests/support/statistics';

const cellAt = (values: (string | number)[][], label: string) => values.find((row) => row[0] === label)!;

describe('the yearly forms’ layout', () => {
  it('sorts each award form by the law’s names: emulation titles, commendation forms, the State’s', () => {
    expect(Object.fromEntries(ANNUAL_TITLES.awardForms.map((form) => [form.code, categoryOf(form)]))).toEqual({
      LAO_DONG_TIEN_TIEN: 'title',
      CSTD_CO_SO: 'title',
      TAP_THE_LDTT: 'title',
      TAP_THE_LDXS: 'title',
      GIAY_KHEN_CVP: 'commendation',
      BANG_KHEN_CT_UBND: 'commendation',
    });
    expect(categoryOf({ name: { vi: 'Bằng khen của Thủ tướng Chính phủ', en: 'x' } })).toBe('state');
    expect(categoryOf({ name: { vi: 'Huân chương Lao động hạng Ba', en: 'x' } })).toBe('state');
    expect(categoryOf({ name: { vi: 'Thư khen', en: 'x' } })).toBeUndefined();
  });

  it('fills what the data gives, leaves blank with its own note what it cannot, and states its legal basis', () => {
    const year = demoYearlyStatistics();
    const sheets = yearlyFormSheets(year);
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Biểu 0601', 'Biểu 0602', 'Biểu 0603', 'Biểu 0604', 'Biểu 0605']);
    for (const sheet of sheets) expect(sheet.values.flat()).toContain(LEGAL_BASIS);
    const commendations = sheets[1]!;
    expect(cellAt(commendations.values, 'Giấy khen của Chánh Văn phòng').slice(2, 6)).toEqual([1, 1, 3, 1]);
    // The demo's awarded woman is known: her count is given.
    const giayKhen = year.forms.find((form) => form.awardForm === 'GIAY_KHEN_CVP')!;
    expect(cellAt(commendations.values, 'Giấy khen của Chánh Văn phòng')[6]).toBe(giayKhen.individual.awardedFemale);
    // A year whose awarded include someone of unknown gender: the women's cell is blank, saying why.
    const unknown = {
      ...year,
      forms: year.forms.map((form) => ({ ...form, individual: { ...form.individual, awardedUnknownGender: 2 } })),
    };
    const blanked = yearlyFormSheets(unknown)[1]!;
    const row = blanked.values.findIndex((cells) => cells[0] === 'Giấy khen của Chánh Văn phòng');
    expect(blanked.values[row]![6]).toBe('');
    expect(blanked.blanks).toContainEqual({ row, column: 6, note: expect.stringContaining('không ghi giới tính của 2 người') });
    // What the office's data never holds is blank, never 0.
    const movements = sheets[4]!;
    expect(cellAt(movements.values, 'Số đơn thư khiếu nại, tố cáo về thi đua, khen thưởng')[1]).toBe('');
    expect(movements.blanks.every((blank) => blank.note.startsWith(NO_DATA))).toBe(true);
    expect(cellAt(movements.values, 'Số phong trào thi đua được phát động trong các đợt')[1]).toBe(7);
  });
});

describe('the Thống kê sheet’s layout', () => {
  it('writes a title that looks like a formula as text, and places each chart over its table', () => {
    const layout = statisticsSheet({ ...demoStatistics(), title: '=HYPERLINK("x")' }, new Date('2025-10-06T03:00:00Z'));
    expect(layout.values[1]![0]).toBe('\'=HYPERLINK("x")');
    for (const chart of layout.charts) {
      expect(layout.values[chart.source.row]![0]).not.toBe('');
      expect(chart.at.column).toBeGreaterThan(chart.source.column + chart.source.columns);
    }
  });
});
