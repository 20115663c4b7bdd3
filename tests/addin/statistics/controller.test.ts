import { describe, expect, it } from 'vitest';
import { createOfficeStatisticsSheets } from '#addin/excel/office-statistics-sheets';
import { mayExportYear } from '#addin/app/statistics/statistics-access';
import { STATISTICS_SHEET } from '#shared/sheet/statistics/statistics-sheet';
import { useTestApi } from '#tests/support/api';
import { grid, standInExcel } from '#tests/support/office/excel';
import { freshPaneServer, type PaneServer } from '#tests/support/pane-api';
import { unitClerk } from '#tests/support/rows';
import { fields, staffOf } from '#tests/addin/app/fixtures';
import { HR, openPane } from '#tests/addin/app/harness';

/** The pane's "Thống kê" section over the real API (DynamoDB Local) and the stand-in Excel host. */
const api = useTestApi();

async function pane(server: PaneServer, email: string) {
  const office = standInExcel();
  const sheets = createOfficeStatisticsSheets({ excel: office.excel, isSetSupported: office.isSetSupported });
  const { controller } = await openPane({ server, email, deps: { statisticsSheets: sheets } });
  return { office, sheets, statistics: controller.actions.statistics!, state: () => controller.getState() };
}

const statisticsRequests = (server: PaneServer) => server.log.filter((entry) => /statistics/.test(entry.path)).map((entry) => entry.path);

describe('the pane’s statistics', () => {
  it('HR refreshes the Thống kê sheet: one request, two syncs, its charts replaced on the next refresh', async () => {
    const server = await freshPaneServer(api);
    const [a] = staffOf('kinh-te');
    const [c] = staffOf('tong-hop');
    await server.put(fields(a!.id), HR);
    await server.put(fields(c!.id, { unitId: c!.unitId }), HR);
    const hr = await pane(server, HR);

    await hr.statistics.refresh();
    expect(hr.state().error).toBeUndefined();
    expect(hr.state().notice?.vi).toBe('Đã cập nhật trang "Thống kê": 2 đề nghị, 0 được khen thưởng, 3 biểu đồ.');
    expect(statisticsRequests(server)).toEqual([`/campaigns/${server.campaignId}/statistics`]);
    expect(hr.sheets.syncCount).toBe(2);
    const sheet = () => hr.office.workbook.sheet(STATISTICS_SHEET)!;
    expect(sheet().charts).toHaveLength(3);

    await hr.statistics.refresh();
    expect(sheet().charts).toHaveLength(3);
    expect(hr.sheets.syncCount).toBe(4);
    expect(grid(sheet()).some((row) => row[0] === 'Đã gửi' && row[1] === '2')).toBe(true);
  });

  it('HR exports the year’s forms; a unit clerk sees its own unit only and is not offered the forms', async () => {
    const server = await freshPaneServer(api);
    const [a] = staffOf('kinh-te');
    await server.put(fields(a!.id), HR);
    const hr = await pane(server, HR);
    await hr.statistics.exportYear(2025);
    expect(hr.state().error).toBeUndefined();
    expect(hr.state().notice?.vi).toMatch(/^Đã xuất 5 trang biểu năm 2025 từ \d+ đợt thi đua/);
    expect(hr.office.workbook.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Biểu 0601', 'Biểu 0602', 'Biểu 0603', 'Biểu 0604', 'Biểu 0605']),
    );

    const clerk = await pane(server, unitClerk('kinh-te'));
    expect(mayExportYear(clerk.state().user)).toBe(false);
    await clerk.statistics.exportYear(2025);
    expect(clerk.office.workbook.sheet('Biểu 0601')).toBeUndefined();
    await clerk.statistics.refresh();
    const text = grid(clerk.office.workbook.sheet(STATISTICS_SHEET)!).flat();
    expect(text.some((cell) => cell.startsWith('Chỉ gồm hồ sơ của đơn vị'))).toBe(true);
  });
});
