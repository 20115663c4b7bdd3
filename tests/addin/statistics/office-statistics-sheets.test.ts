import { describe, expect, it } from 'vitest';
import { createOfficeStatisticsSheets } from '#addin/excel/office-statistics-sheets';
import { STATISTICS_SHEET, statisticsSheet } from '#shared/sheet/statistics/statistics-sheet';
import { LEGAL_BASIS, yearlyFormSheets } from '#shared/sheet/statistics/yearly-forms';
import { NO_DATA } from '#shared/sheet/statistics/layout';
import { grid, standInExcel } from '#tests/support/office/excel';
import { demoStatistics, demoYearlyStatistics } from '#tests/support/statistics';

const asOf = new Date('2025-10-06T03:00:00Z');

function setup(requirements?: Record<string, string>) {
  const office = standInExcel(requirements ? { requirements } : {});
  return { office, sheets: createOfficeStatisticsSheets({ excel: office.excel, isSetSupported: office.isSetSupported }) };
}

describe('the Thống kê sheet in Excel', () => {
  it('is written with its native charts in two syncs, and a refresh replaces them rather than piling them up', async () => {
    const { office, sheets } = setup();
    const layout = statisticsSheet(demoStatistics(), asOf);
    await sheets.writeSheets([layout]);
    expect(sheets.syncCount).toBe(2);
    await sheets.writeSheets([layout]);
    expect(sheets.syncCount).toBe(4);
    expect(office.host.stats.gaps).toEqual([]);

    const sheet = office.workbook.sheet(STATISTICS_SHEET)!;
    expect(office.workbook.activeSheet).toBe(sheet);
    expect(sheet.charts.map((chart) => [chart.name, chart.type, chart.title, chart.seriesBy])).toEqual([
      ['ThongKeTheoDonVi', 'ColumnClustered', 'Đề nghị và khen thưởng theo đơn vị', 'Columns'],
      ['ThongKeTheoTrangThai', 'Pie', 'Hồ sơ theo trạng thái', 'Columns'],
      ['ThongKeTheoGioiTinh', 'ColumnClustered', 'Cá nhân theo giới tính', 'Columns'],
    ]);
    // Each chart plots its table: the header row names the series, the first column the categories.
    const cells = grid(sheet);
    const unitChart = sheet.charts[0]!;
    expect(cells[unitChart.source.row]!.slice(0, 3)).toEqual(['Đơn vị', 'Số đề nghị', 'Số được khen thưởng']);
    expect(unitChart.source.rows).toBe(1 + demoStatistics().byUnit.length);
    expect(cells[sheet.charts[1]!.source.row + 7]![0]).toBe('Đã khen thưởng');
    // Charts sit beside the tables, one under the other, never over a figure.
    for (const chart of sheet.charts) expect(chart.position!.from.column).toBeGreaterThanOrEqual(5);
    expect(sheet.charts[1]!.position!.from.row).toBeGreaterThan(sheet.charts[0]!.position!.to.row);
  });

  it('shows the figures in Vietnamese: gender from the registry, the unknown counted as such, the quota usage', async () => {
    const { office, sheets } = setup();
    await sheets.writeSheets([statisticsSheet(demoStatistics(), asOf)]);
    const text = grid(office.workbook.sheet(STATISTICS_SHEET)!).map((row) => row.join('|'));
    expect(text).toContain('Không rõ|1|0|');
    expect(text.some((line) => line.startsWith('Giấy khen của Chánh Văn phòng (toàn đợt)|1|1|2'))).toBe(true);
    expect(text.some((line) => line.includes('Số liệu ngày 06/10/2025'))).toBe(true);
  });
});

describe('the yearly forms in Excel', () => {
  it('are five sheets stating their legal basis, what the data cannot give left blank with a note', async () => {
    const { office, sheets } = setup();
    await sheets.writeSheets(yearlyFormSheets(demoYearlyStatistics()));
    expect(sheets.syncCount).toBe(2);
    const names = ['Biểu 0601', 'Biểu 0602', 'Biểu 0603', 'Biểu 0604', 'Biểu 0605'];
    for (const name of names) expect(grid(office.workbook.sheet(name)!).flat()).toContain(LEGAL_BASIS);
    expect(office.workbook.activeSheet.name).toBe('Biểu 0601');

    const commendations = office.workbook.sheet('Biểu 0602')!;
    const rows = grid(commendations);
    const giayKhen = rows.find((row) => row[0] === 'Giấy khen của Chánh Văn phòng')!;
    expect(giayKhen.slice(1, 7)).toEqual(['Chánh Văn phòng UBND tỉnh', '1', '1', '3', '1', giayKhen[6]]);

    const subjects = office.workbook.sheet('Biểu 0604')!;
    const minority = grid(subjects).findIndex((row) => row[0] === 'Trong đó: người dân tộc thiểu số');
    expect(grid(subjects)[minority]!.slice(1, 3)).toEqual(['', '']);
    expect(subjects.notes.filter((note) => note.row === minority).map((note) => note.content)).toEqual([
      expect.stringContaining(NO_DATA),
      expect.stringContaining(NO_DATA),
    ]);
    // The titles' sheet: the campaign had none, so nothing is counted as 0, it is left blank.
    const titles = office.workbook.sheet('Biểu 0601')!;
    expect(titles.notes.length).toBeGreaterThan(0);
  });

  it('falls back to comments where the host has no notes', async () => {
    const { office, sheets } = setup({ ExcelApi: '1.10' });
    await sheets.writeSheets(yearlyFormSheets(demoYearlyStatistics()));
    expect(office.workbook.comments.length).toBeGreaterThan(0);
    expect(office.host.stats.gaps).toEqual([]);
  });
});
