import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { HR } from './support/people';
import { nomination, staffOf } from './support/rows';
import { useE2eSuite } from './support/suite';

/**
 * Scenario (issue 11, section 3): HR opens the statistics from the pane and sees the "Thống kê" sheet
 * with its native charts; refreshing replaces them, and the yearly forms come out as five sheets.
 * THIDUA_SCREENSHOTS=1 also writes docs/screenshots/statistics.png.
 */
const suite = useE2eSuite();

it('HR opens the statistics and sees the sheet with its charts, refreshed in place', async () => {
  const kt = staffOf('kinh-te');
  const th = staffOf('tong-hop');
  await suite.seed([
    nomination(kt[0]!.id),
    nomination(kt[1]!.id, { status: 'draft' }),
    nomination(th[0]!.id),
    nomination(th[1]!.id, { awardForm: 'BANG_KHEN_CT_UBND' }),
    nomination(th[2]!.id, { status: 'eligible' }),
  ]);
  const hr = await suite.openHost(HR);
  await hr.waitForState((state) => !!state.user && !state.busy);

  const refresh = hr.pane.getByRole('button', { name: 'Mở / làm mới thống kê' });
  await refresh.click();
  const done = await hr.waitForState((state) => !state.busy && !!state.notice?.vi.startsWith('Đã cập nhật trang "Thống kê"'));
  expect(done.notice?.vi).toBe('Đã cập nhật trang "Thống kê": 5 đề nghị, 0 được khen thưởng, 3 biểu đồ.');
  expect(await hr.host((host) => host.activeSheet())).toBe('Thống kê');
  const charts = async () => (await hr.host((host) => host.sheets())).find((sheet) => sheet.name === 'Thống kê')!.charts;
  expect((await charts()).map((chart) => [chart.type, chart.title])).toEqual([
    ['ColumnClustered', 'Đề nghị và khen thưởng theo đơn vị'],
    ['Pie', 'Hồ sơ theo trạng thái'],
    ['ColumnClustered', 'Cá nhân theo giới tính'],
  ]);
  // The stand-in host draws them over the grid, as Excel floats them.
  await hr.page.locator('.xl-chart').first().waitFor();
  expect(await hr.page.locator('.xl-chart').count()).toBe(3);
  expect(await hr.page.locator('.xl-chart[data-chart="ThongKeTheoDonVi"] rect').count()).toBeGreaterThan(0);

  if (process.env.THIDUA_SCREENSHOTS) {
    const out = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
    await mkdir(out, { recursive: true });
    await hr.page.screenshot({ path: `${out}statistics.png` });
  }

  // A second refresh replaces the charts: still three.
  await refresh.click();
  await hr.waitForState((state) => !state.busy && !!state.notice?.vi.startsWith('Đã cập nhật'));
  expect(await charts()).toHaveLength(3);

  // The year's forms: the year typed, five sheets, the legal basis in each header.
  await hr.pane.getByRole('spinbutton', { name: 'Năm báo cáo' }).fill('2025');
  await hr.pane.getByRole('button', { name: 'Xuất biểu thống kê năm' }).click();
  const exported = await hr.waitForState((state) => !state.busy && !!state.notice?.vi.startsWith('Đã xuất'));
  expect(exported.notice?.vi).toMatch(/^Đã xuất 5 trang biểu năm 2025 từ 1 đợt thi đua/);
  const names = (await hr.host((host) => host.sheets())).map((sheet) => sheet.name);
  expect(names).toEqual(expect.arrayContaining(['Biểu 0601', 'Biểu 0602', 'Biểu 0603', 'Biểu 0604', 'Biểu 0605']));
  const basis = await hr.host((host) => host.cell('Biểu 0602', 2, 0).value);
  expect(String(basis)).toContain('Thông tư số 02/2023/TT-BNV');
  expect((await hr.host((host) => host.notes('Biểu 0604'))).length).toBeGreaterThan(0);
  expect((await hr.stats()).gaps).toEqual([]);
  expect(hr.log.errors).toEqual([]);
});
