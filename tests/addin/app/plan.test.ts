import { describe, expect, it } from 'vitest';
import { createOfficePlanSheets } from '#addin/excel/office-plan-sheet';
import { PLAN_SHEET } from '#shared/sheet/plan/schema';
import { useTestApi } from '#tests/support/api';
import { standInExcel } from '#tests/support/office/excel';
import { freshPaneServer, type PaneServer } from '#tests/support/pane-api';
import { ADMIN } from '#tests/support/rows';
import { HR, openPane } from './harness';

// The real API over DynamoDB Local and the real Excel code over the stand-in host.
const api = useTestApi();

async function pane(server: PaneServer, email: string) {
  const excel = standInExcel();
  const planSheets = createOfficePlanSheets({ excel: excel.excel, isSetSupported: excel.isSetSupported });
  const { controller } = await openPane({ server, email, deps: { planSheets } });
  const sheet = () => excel.workbook.sheets.find((candidate) => candidate.name === PLAN_SHEET)!;
  const rowOf = (label: string) => [...Array(300).keys()].find((row) => sheet().value(row, 0) === label)!;
  const type = (label: string, value: string | number) => (sheet().ensure(rowOf(label), 1).value = value);
  return { actions: controller.actions, state: () => controller.getState(), sheet, rowOf, type, planSheets, idle: () => controller.idle() };
}

describe("the 'Kế hoạch' section", () => {
  it('creates a campaign from the annual template, checks the cells before saving, saves, and handles a colleague’s save', async () => {
    const server = await freshPaneServer(api);
    const admin = await pane(server, ADMIN);
    await admin.actions.plan!.create({ template: 'annual' }, { id: 'nam-2026', title: 'Thi đua năm 2026' });
    await admin.idle();
    expect(admin.state().error).toBeUndefined();
    expect(admin.state().plan?.opened).toEqual({ id: 'nam-2026', version: 1 });
    expect(admin.sheet().value(admin.rowOf('Tên đợt thi đua'), 1)).toBe('Thi đua năm 2026');

    // A wrong date: its message beside it, nothing sent.
    admin.type('Thời gian kết thúc', '31/02/2026');
    const puts = () => server.log.filter((entry) => entry.method === 'PUT').length;
    await admin.actions.plan!.save();
    const row = admin.rowOf('Thời gian kết thúc');
    expect(String(admin.sheet().value(row, 9))).toMatch(/^B\d+: .*dd\/MM\/yyyy/);
    expect(admin.state().notice?.vi).toMatch(/1 ô cần sửa/);
    expect(puts()).toBe(0);

    admin.type('Thời gian kết thúc', '30/11/2026');
    await admin.actions.plan!.save();
    expect(admin.state().plan?.opened?.version).toBe(2);
    expect(admin.sheet().value(row, 9)).toBe('');

    // A colleague opened version 2 and saves after us: a conflict, then their overwrite.
    const colleague = await pane(server, ADMIN);
    await colleague.actions.selectCampaign('nam-2026');
    await colleague.actions.plan!.open();
    admin.type('Chủ đề', 'Của tôi');
    await admin.actions.plan!.save();
    colleague.type('Chủ đề', 'Của đồng nghiệp');
    await colleague.actions.plan!.save();
    expect(colleague.state().plan?.conflict).toEqual({ version: 3 });
    await colleague.actions.plan!.overwrite();
    expect(colleague.state().plan).toEqual({ opened: { id: 'nam-2026', version: 4 } });
    await admin.actions.plan!.reload();
    expect(admin.sheet().value(admin.rowOf('Chủ đề'), 1)).toBe('Của đồng nghiệp');
  });

  it('a saved plan is the campaign the pane moves the stage of: its version, its deadline', async () => {
    const server = await freshPaneServer(api);
    const admin = await pane(server, ADMIN);
    await admin.actions.plan!.create({ template: 'annual' }, { id: 'nam-2027', title: 'Thi đua năm 2027' });
    await admin.idle();
    admin.type('Hạn nộp hồ sơ (ngày cuối)', '30/11/2027');
    await admin.actions.plan!.save();
    expect(admin.state().plan?.opened?.version).toBe(2);
    // Moved from version 2, the plan's: from the version chosen before the save it would be a conflict.
    await admin.actions.moveStage('open');
    await admin.idle();
    expect(admin.state().error).toBeUndefined();
    expect(admin.state().stage?.stage).toBe('open');
  });

  it('opens the plan read-only for HR and offers HR no save', async () => {
    const server = await freshPaneServer(api);
    const hr = await pane(server, HR);
    await hr.actions.plan!.open();
    expect(hr.sheet().protected).toBe(true);
    await hr.actions.plan!.save();
    expect(server.log.filter((entry) => entry.method === 'PUT')).toEqual([]);
  });
});
