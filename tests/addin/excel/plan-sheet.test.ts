import { describe, expect, it } from 'vitest';
import { createOfficePlanSheets } from '#addin/excel/office-plan-sheet';
import type { Campaign } from '#shared/campaign';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { planGrid } from '#shared/sheet/plan/plan-layout';
import { readPlan } from '#shared/sheet/plan/plan-reading';
import { PLAN_SHEET } from '#shared/sheet/plan/schema';
import { ANNUAL_TITLES } from '#shared/templates/annual-titles';
import { standInExcel } from '#tests/support/office/excel';

function setup() {
  const excel = standInExcel();
  const sheets = createOfficePlanSheets({ excel: excel.excel, isSetSupported: excel.isSetSupported });
  const sheet = () => excel.workbook.sheets.find((candidate) => candidate.name === PLAN_SHEET)!;
  return { ...excel, sheets, sheet };
}

/** A plan of many rows: the seed's with 200 council members and 40 criteria. */
const large: Campaign = {
  ...SEED_CAMPAIGN,
  council: { ...SEED_CAMPAIGN.council, members: Array.from({ length: 200 }, (_, i) => ({ name: `Thành viên ${i + 1}`, role: 'Ủy viên' })) },
};

describe("the 'Kế hoạch' sheet in Excel", () => {
  it('is written in two syncs and read in one, whatever the plan, and reads back the campaign written', async () => {
    const counts: number[] = [];
    for (const campaign of [ANNUAL_TITLES, SEED_CAMPAIGN, large]) {
      const { host, sheets } = setup();
      await sheets.writePlan(planGrid(campaign), { readOnly: false });
      counts.push(sheets.syncCount);
      const values = await sheets.readPlan();
      counts.push(sheets.syncCount);
      expect(host.stats.autoSyncs).toBe(0);
      expect(host.stats.gaps).toEqual([]);
      expect(readPlan(values!, campaign).campaign).toEqual(campaign);
    }
    expect(counts).toEqual([2, 3, 2, 3, 2, 3]);
  });

  it('keeps text as text (formula-looking included), dates as dd/MM/yyyy dates, and protects it for HR', async () => {
    const { sheets, sheet } = setup();
    await sheets.writePlan(planGrid({ ...SEED_CAMPAIGN, signer: '=HYPERLINK("http://x","Chính")' }), { readOnly: true });
    const cells = sheet();
    const rowOf = (label: string) => [...Array(200).keys()].find((row) => cells.value(row, 0) === label)!;
    expect(cells.value(rowOf('Người ký'), 1)).toBe('=HYPERLINK("http://x","Chính")');
    expect(cells.get(rowOf('Người ký'), 1)!.formula).toBeUndefined();
    expect(cells.formatAt(rowOf('Thời gian bắt đầu'), 1)).toBe('dd/mm/yyyy');
    expect(cells.protected).toBe(true);
  });

  it('writes the messages beside their cells in one sync, and the next ones replace them', async () => {
    const { sheets, sheet } = setup();
    const grid = planGrid(SEED_CAMPAIGN);
    await sheets.writePlan(grid, { readOnly: false });
    const before = sheets.syncCount;
    await sheets.writeMessages(
      [{ row: 5, column: 1, text: "'Kế hoạch'!B6: Ô này không được để trống" }],
      grid.messageColumn,
      grid.values.length,
    );
    expect(sheets.syncCount - before).toBe(1);
    expect(sheet().value(5, grid.messageColumn)).toBe("'Kế hoạch'!B6: Ô này không được để trống");
    expect(sheet().get(5, 1)!.font?.color).toBe('#C00000');
    await sheets.writeMessages([], grid.messageColumn, grid.values.length);
    expect(sheet().value(5, grid.messageColumn)).toBe('');
    expect(sheet().get(5, 1)!.font?.color).toBe('#000000');
    expect(sheet().value(0, grid.messageColumn)).toBe('Kết quả kiểm tra');
  });

  it('reads nothing when the workbook has no plan sheet', async () => {
    const { sheets } = setup();
    expect(await sheets.readPlan()).toBeUndefined();
  });
});
